/* compare_view — private to the comparison view (compare_view.c) and its
 * prompt for topics by name (compare_pick.c).  The constructors are in
 * screens.h. */
#ifndef RXPLORE_UI_COMPARE_VIEW_H
#define RXPLORE_UI_COMPARE_VIEW_H

#include "screen.h"

#define COMPARE_PICK_INPUT 256

/* Draws the prompt: the input line and the topics matching the word typed. */
void compare_pick_draw(const char *input, struct ui *ui, struct rect area);

/* Edits input (COMPARE_PICK_INPUT bytes) with key.  On Enter, when the input
 * names 2 to 4 known topics, fills cards (room for COMPARE_MAX_CARDS) and
 * *ncards; otherwise *ncards is 0 and a message says why. */
enum intent compare_pick_key(char *input, struct ui *ui, const struct action *action, int key,
			     const struct card **cards, size_t *ncards);

#endif
