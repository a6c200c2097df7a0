/* browse_draw — draws the browse screen: the topic list beside the card pane,
 * and the search prompt under them. */
#include <stdio.h>

#include "browse.h"

static bool is_marked(const struct browse *b, const struct card *card)
{
	size_t i = sorted_index(b, card);

	return i != (size_t)-1 && b->marked[i];
}

static void draw_list(struct browse *b, struct ui *ui, struct rect area)
{
	size_t i;
	int y;

	b->list_rows = area.h;
	if (b->nrows == 0) {
		ui_puts(area.y, area.x + 1, area.w - 1, b->prompting ? "No topic matches" : "No topics", ROLE_DIM);
		return;
	}
	/* Keep the selection (and its group heading when it fits) in view. */
	if (b->selected < b->top + 1 && b->top > 0)
		b->top = b->selected > 0 ? b->selected - 1 : 0;
	if (b->selected >= b->top + (size_t)area.h)
		b->top = b->selected - (size_t)area.h + 1;
	for (i = b->top, y = area.y; i < b->nrows && y < area.y + area.h; i++, y++) {
		const struct list_row *row = &b->rows[i];
		bool selected = i == b->selected;
		enum role role = !selected ? ROLE_TEXT : b->focus == FOCUS_LIST ? ROLE_SELECTION : ROLE_SELECTION_IDLE;

		if (!row->card) {
			ui_puts(y, area.x, area.w, card_kind_plural((enum card_kind)row->index), ROLE_HEADING);
			continue;
		}
		if (selected)
			ui_fill(y, area.x, area.w, role);
		if (b->marked[row->index])
			ui_puts(y, area.x, 2, UI_GLYPH(ui, "\xE2\x9C\x93", "*"), selected ? role : ROLE_MARKER);
		/* The last row shares its end with the scroll hint: the title
		 * stops before it ("Sedatives and mu Top" read as one title). */
		int hint_w = y == area.y + area.h - 1 && b->nrows > (size_t)area.h ? SCROLL_HINT_COLS : 0;
		if (row->card != b->view.card) {
			ui_puts_cut(ui, y, area.x + 2, area.w - 2 - hint_w, row->card->title, role);
		} else {
			/* The open card's row points at the pane that shows it. */
			ui_puts_cut(ui, y, area.x + 2, area.w - 3 - hint_w, row->card->title, role);
			ui_puts(y, area.x + area.w - 1, 1, UI_GLYPH(ui, "\xE2\x96\xB8", ">"),
				selected ? role : ROLE_MARKER);
		}
		if (selected && (b->focus == FOCUS_LIST || b->prompting))
			ui_cursor(ui, y, area.x);
	}
	/* Left of the last column, which holds the open card's pointer. */
	ui_scroll_hint(area.y + area.h - 1, area.x + area.w - 1, b->top, (size_t)area.h, b->nrows);
}

static void draw_prompt(struct browse *b, struct ui *ui, int y, int x, int w)
{
	int col;

	ui_fill(y, x, w, ROLE_TEXT);
	col = x + ui_puts(y, x, w, "Search: ", ROLE_HEADING);
	col += ui_puts(y, col, x + w - col - 1, b->filter, ROLE_TEXT);
	ui_cursor(ui, y, col);
}
void browse_draw(struct screen *screen, struct ui *ui, struct rect area)
{
	struct browse *b = browse_of(screen);
	int list_w = area.w * 3 / 10;
	struct rect list, card;

	if (list_w < 18)
		list_w = 18;
	/* The list grows with the terminal, so long titles show whole on a
	 * wide one, but never takes more than it needs. */
	if (list_w > 44)
		list_w = 44;
	b->list_w = list_w;
	if (b->prompting) {
		area.h--;
		draw_prompt(b, ui, area.y + area.h, area.x, area.w);
	}
	b->preview.h = 0;
	if (b->wide) {
		card = (struct rect){ area.y, area.x, area.h, area.w - 1 };
		card_view_draw(&b->view, ui, card, !b->prompting, is_marked(b, b->view.card));
		if (b->prompting)
			draw_prompt(b, ui, area.y + area.h, area.x, area.w);
		return;
	}
	list = (struct rect){ area.y, area.x, area.h, list_w };
	card = (struct rect){ area.y, area.x + list_w + 1, area.h, area.w - list_w - 2 };
	ui_vline(area.y, area.x + list_w, area.h, ROLE_DIM);
	/* A peek that takes the whole pane leaves the card undrawn. */
	if (!browse_preview_card(b) || browse_preview_area(card).h < card.h)
		card_view_draw(&b->view, ui, card, b->focus == FOCUS_CARD && !b->prompting,
			       is_marked(b, b->view.card));
	browse_preview_draw(b, ui, card);
	draw_list(b, ui, list);
	if (b->prompting)
		draw_prompt(b, ui, area.y + area.h, area.x, area.w);
}

