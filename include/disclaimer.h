/* disclaimer — the safety sentences every front-end and export shows, written
 * once so that no copy can be shortened or drift. */
#ifndef RXPLORE_DISCLAIMER_H
#define RXPLORE_DISCLAIMER_H

/* The one-line reminder every mode shows somewhere. */
#define RX_DISCLAIMER "rxplore is for education, not treatment decisions."
/* Shown on every card whose status is draft. */
#define RX_DRAFT_NOTE "DRAFT: not yet reviewed by a pharmacist or physician."

#endif
