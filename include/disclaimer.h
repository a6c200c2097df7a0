/* disclaimer — the safety sentences every front-end and export shows, written
 * once so that no copy can be shortened or drift.
 *
 * A notice on one line of a narrow screen is never cut mid-sentence (a cut
 * "rxplore is for education," reads as if the rest did not matter):
 * disclaimer_fit() picks the longest complete wording that fits. */
#ifndef RXPLORE_DISCLAIMER_H
#define RXPLORE_DISCLAIMER_H

#include <stdbool.h>

/* The one-line reminder every mode shows somewhere. */
#define RX_DISCLAIMER "rxplore is for education, not treatment decisions."
/* Shown on every card whose status is draft. */
#define RX_DRAFT_NOTE "DRAFT: not yet reviewed by a pharmacist or physician."

enum disclaimer_kind {
	DISCLAIMER_EDUCATION,		/* RX_DISCLAIMER and its shorter forms */
	DISCLAIMER_DRAFT_EDUCATION,	/* RX_DRAFT_NOTE, then RX_DISCLAIMER */
	DISCLAIMER_DRAFT_CARD		/* a draft card's header line */
};

/* The longest complete wording of kind that is at most width display
 * columns wide; the shortest one when none fits (the caller wraps it).
 * ascii: no character outside ASCII (a dash for the em dash). */
const char *disclaimer_fit(enum disclaimer_kind kind, int width, bool ascii);

#endif
