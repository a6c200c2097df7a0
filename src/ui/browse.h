/* browse — the start screen (see browse.c).  Private to src/ui/: browse.c holds
 * the state, the list and the keys, browse_search.c the search prompt and the
 * history of topics read, browse_draw.c draws the topic list, the card pane
 * and the search prompt.
 */
#ifndef RXPLORE_UI_BROWSE_H
#define RXPLORE_UI_BROWSE_H

#include <stdbool.h>
#include <stddef.h>

#include "card_view.h"
#include "screen.h"

#define HISTORY_MAX 64

enum focus { FOCUS_LIST, FOCUS_CARD };

struct list_row {
	const struct card *card;	/* NULL for a group heading */
	size_t index;			/* card: position in sorted[]; heading: its kind */
};

/* A card as it was read, or a screen left for a topic it offered (a
 * comparison, a results list: owned here until Backspace opens it again). */
struct history_entry {
	const struct card *card;
	int section;
	size_t scroll;
	struct screen *screen;
};

struct browse {
	struct screen base;
	const struct card *const *sorted;	/* the library's topic order, or own_sorted */
	const struct card **own_sorted;	/* a copy, when the library has none to lend */
	bool *marked;		/* by position in sorted[] */
	size_t ncards;
	struct list_row *rows;
	size_t nrows, selected, top;	/* selected is a card row when nrows > 0 */
	int list_rows;		/* visible list rows at the last draw */
	int list_w;
	bool wide;		/* z: the card has the whole width, the list is hidden */
	enum focus focus;
	struct card_view view;
	struct history_entry history[HISTORY_MAX];
	int nhistory;
	bool prompting;
	enum focus focus_before_prompt;	/* restored when the prompt is cancelled where it began */
	const struct card *selected_before_prompt;
	char filter[128];
	int prompt_y;
	struct rect preview;	/* where the peek was drawn last (h 0: none) */
};

static inline struct browse *browse_of(struct screen *screen)
{
	return (struct browse *)screen;
}

static inline size_t sorted_index(const struct browse *b, const struct card *card)
{
	size_t i;

	for (i = 0; i < b->ncards; i++)
		if (b->sorted[i] == card)
			return i;
	return (size_t)-1;
}

/* browse.c: the list.  Rebuilding its rows for the filter (keep stays
 * highlighted when it is shown), the highlighted topic (NULL: none), moving
 * the highlight by delta topics (headings skipped). */
void browse_rebuild_rows(struct browse *b, const struct card *keep);
const struct card *browse_selected_card(const struct browse *b);
void browse_move_selection(struct browse *b, long delta);

/* browse_search.c: the history.  Remembering an entry (the oldest goes when
 * it is full); highlighting a card in the list; showing a card at a section
 * (-1: the first), the one read before going into the history; Backspace. */
void browse_remember(struct browse *b, struct history_entry entry);
void browse_select_card(struct browse *b, const struct card *card);
void browse_go_to_card(struct browse *b, const struct card *card, int section);
enum intent browse_go_back(struct browse *b, struct ui *ui);

/* browse_search.c: the search.  Showing hit ui->search.current; n/N
 * (direction 1 or -1); a key while the prompt is open. */
void browse_open_hit(struct browse *b, struct ui *ui);
enum intent browse_step_match(struct browse *b, struct ui *ui, int direction);
enum intent browse_prompt_key(struct browse *b, struct ui *ui, const struct action *action, int key);

/* browse.c: the saved session (session.h).  browse_restore() marks the
 * session's topics, shows its card at its section (highlighted in the list)
 * and keeps behind (may be NULL; owned from then on) for Backspace;
 * browse_save() fills the session's card, section and marks. */
struct session;
void browse_restore(struct screen *screen, const struct session *session, struct screen *behind);
int browse_save(struct screen *screen, struct session *session);

/* browse_preview.c: the peek at the highlighted topic.  The topic to peek
 * at (the list has the focus and the highlight is not on the open card), or
 * NULL; where it goes in a card pane of card_area; drawing it there (after
 * the card, over its bottom rows) and remembering where, for the mouse. */
const struct card *browse_preview_card(const struct browse *b);
struct rect browse_preview_area(struct rect card_area);
void browse_preview_draw(struct browse *b, struct ui *ui, struct rect card_area);

/* browse_draw.c */
void browse_draw(struct screen *screen, struct ui *ui, struct rect area);

#endif
