/* pager — a scrolling screen of wrapped text items, each with an optional
 * left column (help: keys | description; load problems: one diagnostic each).
 */
#ifndef RXPLORE_UI_PAGER_H
#define RXPLORE_UI_PAGER_H

#include "screen.h"

struct pager;

/* A pager titled title; NULL when out of memory. */
struct pager *pager_new(const char *title);
/* Adds an item: text wrapped to the screen, left (may be NULL) in a column
 * before it.  Returns 0 or -1 (out of memory: the pager stays usable). */
int pager_add(struct pager *pager, const char *left, const char *text, enum role role);
struct screen *pager_screen(struct pager *pager);
void pager_free(struct pager *pager);

#endif
