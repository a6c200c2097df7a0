/* browse_preview — the peek: while the highlight in the topic list rests on
 * a topic other than the open card, its summary shows without opening it
 * (Enter opens it).  Not to be confused with card_peek.c, the quiz's card.
 *
 * Where: with room for a card and a preview, a box over the bottom rows of
 * the card pane (its first row the topic's title, then as many lines
 * of the summary as the height allows, at least two); on a small pane the
 * card pane itself shows the topic's title and summary.  Drawn cheaply: a
 * step through the list changes the two list rows and those few rows only,
 * never the card above them (doc/PERFORMANCE.md, "move selection").
 */
#include <string.h>

#include "browse.h"
#include "text.h"

/* The card pane shows the peek itself below these sizes. */
#define PREVIEW_PANE_MIN_W 36
#define PREVIEW_PANE_MIN_H 14

/* The text a peek shows: the summary, else the first section the card has. */
static const char *preview_text(const struct card *card)
{
	for (int s = SECTION_SUMMARY; s < SECTION_DIAGRAM; s++)
		if (card->text[s] && *card->text[s])
			return card->text[s];
	return NULL;
}

/* Lines of text wrapped to w, in at most rows rows; the last ends in "…"
 * when text goes on. */
static void draw_wrapped(struct ui *ui, const char *text, int y, int x, int w, int rows)
{
	struct text_lines lines;

	text_lines_init(&lines);
	if (text_wrap(&lines, text, strlen(text), w, TEXT_REFLOW) < 0)
		lines.count = 0;
	for (size_t i = 0; i < lines.count && (int)i < rows; i++) {
		const struct text_line *line = &lines.items[i];
		bool cut = (int)i == rows - 1 && i + 1 < lines.count;
		int col = x + line->indent;

		col += ui_put(y + (int)i, col, x + w - col - (cut ? 1 : 0), text + line->start, line->len, ROLE_TEXT);
		if (cut)
			ui_puts(y + (int)i, col, 1, UI_GLYPH(ui, "\xE2\x80\xA6", "~"), ROLE_TEXT);
	}
	text_lines_release(&lines);
}

/* The title on its row, then the summary. */
static void draw_preview(struct ui *ui, const struct card *card, struct rect r)
{
	const char *text = preview_text(card);

	for (int y = r.y; y < r.y + r.h; y++)
		ui_fill(y, r.x, r.w, ROLE_TEXT);
	/* The title alone: the list's group heading says the kind, and every
	 * byte here is sent at each step. */
	ui_puts_cut(ui, r.y, r.x, r.w, card->title, ROLE_TITLE);
	if (text)
		draw_wrapped(ui, text, r.y + 1, r.x, r.w, r.h - 1);
	else
		ui_puts(r.y + 1, r.x, r.w, "(nothing written yet)", ROLE_DIM);
}

const struct card *browse_preview_card(const struct browse *b)
{
	const struct card *card = b->nrows > 0 ? b->rows[b->selected].card : NULL;

	if (b->wide || !card || card == b->view.card || (b->focus != FOCUS_LIST && !b->prompting))
		return NULL;
	return card;
}

struct rect browse_preview_area(struct rect card_area)
{
	int rows;

	if (card_area.w < PREVIEW_PANE_MIN_W || card_area.h < PREVIEW_PANE_MIN_H)
		return card_area;
	/* A title row and two lines of summary at 80x24, more as the pane grows. */
	rows = 1 + (card_area.h - 11) / 6;
	if (rows < 3)
		rows = 3;
	if (rows > 7)
		rows = 7;
	return (struct rect){ card_area.y + card_area.h - rows, card_area.x, rows, card_area.w };
}

void browse_preview_draw(struct browse *b, struct ui *ui, struct rect card_area)
{
	const struct card *card = browse_preview_card(b);

	b->preview = (struct rect){ 0, 0, 0, 0 };
	if (!card)
		return;
	b->preview = browse_preview_area(card_area);
	draw_preview(ui, card, b->preview);
}
