/* library_complete — the cards a start that paints first built without
 * their bodies (load_request.defer_bodies: a pack cache's cards with only
 * what the topic list needs, card->body_from), read when they are needed.
 *
 * Only the terminal interface loads a library so: it reads the bodies of
 * the cards its first frame shows (library_fill_card), paints, then reads
 * the rest (library_complete) before it answers a key.  Every other user of
 * a library sees it whole.  A body is checked as strictly as the rest of the
 * cache when it is read, so a damaged one is found then: the caller loads
 * the library again without the cache's shortcuts.
 */
#ifndef RXPLORE_LIBRARY_COMPLETE_H
#define RXPLORE_LIBRARY_COMPLETE_H

#include "library.h"

/* Reads card's body now if it is still to be read (card is one of
 * library's).  Returns 0, or -1 when it cannot be read (damaged, or out of
 * memory): the card then shows only its title until library_complete()
 * fails and the library is loaded again. */
int library_fill_card(const struct library *library, const struct card *card);

/* Reads every body still to be read, then indexes the names and resolves
 * the references (library_resolve_links, whose warnings go to diags; the
 * topic order, from the heads, stays as it was).  Returns 0, or -1 with *why
 * (a static string) when a body is damaged or memory ran out: the library
 * must then be loaded again, not used further. */
int library_complete(struct library *library, struct diag_list *diags, const char **why);

#endif
