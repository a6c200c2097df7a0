/* card_view — the right-hand pane of browse: one card's title, draft line,
 * section tabs, the wrapped section text (scrollable, matches highlighted) and
 * its related topics.
 *
 * Invariants: tabs[] lists the card's sections in fixed order (only those it
 * has, card_has_section); tab indexes tabs[]; lines are the body wrapped at
 * wrap_width and are rebuilt whenever the card, tab or width changes.
 */
#ifndef RXPLORE_UI_CARD_VIEW_H
#define RXPLORE_UI_CARD_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "screen.h"
#include "text.h"

#define CARD_VIEW_MAX_MATCHES 512
#define CARD_VIEW_MAX_LINKS 32
/* The widest a line of card prose is wrapped, however wide the pane. */
#define CARD_VIEW_MEASURE 100

struct span {
	int y, x, w;
};

struct card_view {
	const struct library *library;
	const struct card *card;
	int tabs[SECTION_COUNT];
	int ntabs, tab;
	const char *body;	/* the section text, or built (owned_body) for facts/sources */
	char *owned_body;
	size_t body_len;
	size_t fact_offsets[64];	/* where each fact's value starts in a facts body */
	/* body[0 .. pre_len) is preformatted (a diagram): never re-wrapped,
	 * panned sideways by hscroll columns when wider than the pane; the
	 * rest (the diagram's words) is prose. */
	size_t pre_len;
	int hscroll;
	int widest_pre;		/* the widest preformatted line, in columns */
	size_t npre_lines;	/* lines[0 .. npre_lines) are the preformatted ones */
	struct text_lines lines;
	int wrap_width;
	size_t scroll;
	int body_rows;		/* rows the body had at the last draw */
	/* Highlighting: every occurrence of query in the body. */
	char query[128];
	size_t match_at[CARD_VIEW_MAX_MATCHES];
	size_t nmatches;
	bool has_target;	/* bring target into view at the next draw */
	size_t target;		/* byte offset in body */
	int target_line;	/* line of the target once placed, else -1 */
	int link;		/* selected related topic, or -1 */
	/* Geometry of the last draw, for the mouse. */
	struct span tab_spans[SECTION_COUNT];
	struct span link_spans[CARD_VIEW_MAX_LINKS];
	int nlink_spans;
	int body_y;
};

void card_view_init(struct card_view *view, const struct library *library);
void card_view_release(struct card_view *view);

/* Shows a card at a section (-1 or one it lacks: the first tab), scrolled to the top. */
void card_view_set_card(struct card_view *view, const struct card *card, int section);
/* Switches to tabs[tab] (clamped); false if it was already there. */
bool card_view_set_tab(struct card_view *view, int tab);
int card_view_section(const struct card_view *view);

/* Highlights every occurrence of query ("" for none). */
void card_view_set_query(struct card_view *view, const char *query);
/* Scrolls so that the search hit is in view at the next draw. */
void card_view_show_hit(struct card_view *view, const struct search_hit *hit);

void card_view_scroll(struct card_view *view, long delta);	/* SCROLL_FIRST/LAST for top/bottom */
/* Scrolls the body for a scrolling action (scroll.h) or pans a wide diagram
 * (ACT_PAN_LEFT/RIGHT); false for any other, or when there is nothing to pan. */
bool card_view_key(struct card_view *view, enum action_id id);
/* Whether the body has preformatted lines wider than the pane at the last draw. */
bool card_view_clipped(const struct card_view *view);
/* The related card of link i, or NULL. */
const struct card *card_view_link(const struct card_view *view, int i);
int card_view_nlinks(const struct card_view *view);

/* Draws into area; focused: the card pane has the keyboard focus. */
void card_view_draw(struct card_view *view, struct ui *ui, struct rect area, bool focused, bool marked);

/* What a click at screen position y, x hit: a tab (returns 1, *index set), a
 * related link (2), the body (3) or nothing (0). */
int card_view_hit_test(const struct card_view *view, int y, int x, int *index);

#endif
