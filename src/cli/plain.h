/* plain — line mode: cards, lists and search results as plain wrapped text
 * for pipes, dumb terminals and screen readers (DESIGN §3).  No curses. */
#ifndef RXPLORE_PLAIN_H
#define RXPLORE_PLAIN_H

#include <stdio.h>

#include "card.h"
#include "diag.h"
#include "disclaimer.h"
#include "library.h"


/* Writes text wrapped to width with every line prefixed by indent spaces. */
void plain_wrap(FILE *out, const char *text, int width, int indent, bool preformatted);

/* A card, or one of its sections (section < 0: all of them). */
void plain_card(FILE *out, const struct library *library, const struct card *card, int section, int width);

/* Whether the locale's character set is UTF-8 (else output stays ASCII
 * where rxplore chooses the characters: marks, ellipses, lines). */
bool plain_utf8(void);

/* Every card: id, kind, title; grouped by kind; one a line, the title cut
 * with an ellipsis where the line would pass width. */
void plain_list(FILE *out, const struct library *library, int width);

/* Search results as "Card › Section: …snippet…"; returns the hit count, or
 * -1 when out of memory. */
int plain_search(FILE *out, const struct library *library, const char *query, int width);

/* Diagnostics, GNU style, one per line. */
void plain_diags(FILE *out, const struct diag_list *diags);

#endif
