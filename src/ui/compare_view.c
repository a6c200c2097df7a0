/* compare_view — the comparison table (DESIGN §3): 2–4 topics as columns,
 * facts as rows, the header kept while the rows scroll, differing rows marked
 * with a symbol as well as colour, differences-only, sideways scrolling when
 * the columns do not fit.  The model and the widths are compare.c's; this
 * file only draws them and reads keys.  Opened from browse with `c`; `C`
 * first asks for the topics by name (compare_pick.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "card_entry.h"
#include "compare.h"
#include "compare_view.h"
#include "pager.h"
#include "disclaimer.h"
#include "library_complete.h"
#include "screen.h"
#include "screens.h"
#include "scroll.h"
#include "text.h"

#define HEADER_ROW (-1L)

struct compare_view {
	struct screen base;
	bool picking;		/* `C`: asking for the topics first */
	char input[COMPARE_PICK_INPUT];
	struct compare_table table;
	size_t *shown;		/* indices of the rows shown (all, or those that differ) */
	size_t nshown;
	long selected;		/* index into shown[], or HEADER_ROW */
	size_t top;		/* first shown row drawn */
	size_t first_col;	/* first card column drawn */
	size_t header_col;	/* the card whose header Enter opens */
	size_t visible_rows;	/* body rows drawn last frame, for paging */
	struct compare_layout layout;	/* of the last frame (for the mouse) */
	int body_y;		/* first body line, relative to the area */
	int header_h;
	struct compare_cells cells;
};

static struct compare_view *view_of(struct screen *screen)
{
	return (struct compare_view *)screen;
}

static void refilter(struct compare_view *v)
{
	size_t keep = v->selected >= 0 && (size_t)v->selected < v->nshown ? v->shown[v->selected] : (size_t)-1;

	v->nshown = 0;
	for (size_t r = 0; r < v->table.nrows; r++)
		if (compare_row_shown(&v->table, r))
			v->shown[v->nshown++] = r;
	v->top = 0;
	if (v->selected == HEADER_ROW)
		return;
	v->selected = v->nshown ? 0 : HEADER_ROW;
	for (size_t i = 0; i < v->nshown; i++)
		if (v->shown[i] >= keep) {
			v->selected = (long)i;
			break;
		}
}

/* --- drawing ------------------------------------------------------------ */

/* x of the label column and of each card column, for the layout. */
static int column_x(const struct compare_layout *l, int x0, size_t c)
{
	int x = x0 + 1;

	if (c == 0)
		return x;
	if (!l->stacked)	/* a stacked layout has no label column */
		x += l->label_width + 3;
	for (size_t k = 0; k + 1 < c; k++)
		x += l->widths[k] + 3;
	return x;
}

static void draw_cell_lines(const struct compare_cells *cells, size_t c, int y, int y_end, int x, int w,
			    enum role role)
{
	const struct text_lines *lines = &cells->cells[c];

	if (cells->tag[c]) {	/* the group letter: cells with the same one agree */
		char letter[2] = { cells->tag[c], '\0' };
		if (y < y_end)
			ui_puts(y, x, 1, letter, ROLE_MARKER);
		x += COMPARE_TAG_COLS;
		w -= COMPARE_TAG_COLS;
	}
	for (size_t i = 0; i < lines->count && y + (int)i < y_end; i++) {
		const struct text_line *l = &lines->items[i];
		int used = ui_put(y + (int)i, x + l->indent, w - l->indent, cells->text[c] + l->start, l->len, role);
		if (l->hyphen)	/* a word too long for the column goes on below */
			ui_puts(y + (int)i, x + l->indent + used, 1, "-", role);
	}
}

static void draw_separators(const struct compare_view *v, int y, int h, int x0)
{
	for (size_t k = v->layout.stacked ? 1 : 0; k < v->layout.ncols; k++)
		ui_vline(y, column_x(&v->layout, x0, k + 1) - 2, h, ROLE_DIM);
}

/* A rule across the table, joined to the column separators. */
static void draw_rule(const struct compare_view *v, struct ui *ui, int y, int x0, int w)
{
	ui_hline(y, x0, w, ROLE_DIM);
	for (size_t k = v->layout.stacked ? 1 : 0; k < v->layout.ncols; k++)
		ui_puts(y, column_x(&v->layout, x0, k + 1) - 2, 1, UI_GLYPH(ui, "\xE2\x94\xBC", "+"), ROLE_DIM);
}

static void draw_title(struct compare_view *v, struct ui *ui, struct rect area)
{
	char title[256], where[96] = "";
	int used = 0, where_w = 0;

	if (!v->layout.fits) {
		size_t last = v->layout.first + v->layout.ncols;
		snprintf(where, sizeof(where), "%s topics %zu\xE2\x80\x93%zu of %zu %s",
			 v->layout.first > 0 ? UI_GLYPH(ui, "\xE2\x86\x90", "<") : " ", v->layout.first + 1, last,
			 v->table.ncards, last < v->table.ncards ? UI_GLYPH(ui, "\xE2\x86\x92", ">") : " ");
		if (!ui->utf8)
			snprintf(where, sizeof(where), "%s topics %zu-%zu of %zu %s", v->layout.first > 0 ? "<" : " ",
				 v->layout.first + 1, last, v->table.ncards, last < v->table.ncards ? ">" : " ");
		/* Where the view is matters more than the counts: it goes first. */
		where_w = text_width(where);
		ui_puts(area.y, area.x + area.w - where_w - 1, where_w, where, ROLE_WARNING);
		where_w += 2;
	}
	used += ui_puts(area.y, area.x + 1, area.w - 1 - where_w, "Comparison", ROLE_TITLE);
	snprintf(title, sizeof(title), "  %zu topics, %zu fact%s, %zu differ%s%s", v->table.ncards,
		 v->table.nrows, v->table.nrows == 1 ? "" : "s", v->table.ndiffer, v->table.ndiffer == 1 ? "s" : "",
		 v->table.diff_only ? " (showing only those)" : "");
	ui_puts_cut(ui, area.y, area.x + 1 + used, area.w - 1 - used - where_w, title, ROLE_DIM);
}

static void draw_header(struct compare_view *v, struct ui *ui, struct rect area, int y)
{
	int y_end = area.y + area.h;

	if (compare_wrap_row(&v->cells, &v->table, &v->layout, COMPARE_HEADER) < 0)
		return;
	v->header_h = v->cells.height;
	for (size_t k = 0; k < v->layout.ncols; k++) {
		size_t card = v->layout.first + k;
		int x = column_x(&v->layout, area.x, k + 1);
		bool current = v->selected == HEADER_ROW && card == v->header_col;
		if (current) {
			for (int i = 0; i < v->cells.height && y + i < y_end; i++)
				ui_fill(y + i, x - 1, v->layout.widths[k] + 2, ROLE_SELECTION);
			ui_cursor(ui, y, x);
		}
		draw_cell_lines(&v->cells, 1 + k, y, y_end, x, v->layout.widths[k],
				current ? ROLE_SELECTION : ROLE_HEADING);
	}
	draw_separators(v, y, v->cells.height, area.x);
	if (v->layout.first > 0)
		ui_puts(y, area.x, 1, UI_GLYPH(ui, "\xE2\x86\x90", "<"), ROLE_WARNING);
	if (v->layout.first + v->layout.ncols < v->table.ncards)
		ui_puts(y, area.x + area.w - 1, 1, UI_GLYPH(ui, "\xE2\x86\x92", ">"), ROLE_WARNING);
}

/* Draws shown row i at y; returns its height. */
static int draw_row(struct compare_view *v, struct ui *ui, struct rect area, size_t i, int y)
{
	const struct compare_row *row = &v->table.rows[v->shown[i]];
	bool selected = v->selected == (long)i;
	int y_end = area.y + area.h;

	if (compare_wrap_row(&v->cells, &v->table, &v->layout, v->shown[i]) < 0)
		return 1;
	int lx = column_x(&v->layout, area.x, 0);
	/* Stacked: the label is a line of its own across the table. */
	int label_w = v->layout.stacked ? area.w - 2 : v->layout.label_width;
	int label_h = v->layout.stacked ? 1 : v->cells.height;
	if (selected) {
		for (int k = 0; k < label_h && y + k < y_end; k++)
			ui_fill(y + k, lx - 1, label_w + 2, ROLE_SELECTION);
		ui_cursor(ui, y, lx);
	}
	enum role label_role = selected ? ROLE_SELECTION : row->differs ? ROLE_MARKER : ROLE_TEXT;
	if (row->differs)
		ui_puts(y, lx, COMPARE_MARK_COLS, UI_GLYPH(ui, "\xE2\x89\xA0", "*"), label_role);
	if (v->layout.stacked) {
		ui_puts_cut(ui, y, lx + COMPARE_MARK_COLS, label_w - COMPARE_MARK_COLS, row->label, label_role);
		if (++y >= y_end)
			return 1;
	} else {
		draw_cell_lines(&v->cells, 0, y, y_end, lx + COMPARE_MARK_COLS,
				v->layout.label_width - COMPARE_MARK_COLS, label_role);
	}
	for (size_t k = 0; k < v->layout.ncols; k++) {
		const char *value = row->values[v->layout.first + k];
		enum role role = !value ? ROLE_DIM : row->differs ? ROLE_TEXT : ROLE_DIM;
		draw_cell_lines(&v->cells, 1 + k, y, y_end, column_x(&v->layout, area.x, k + 1), v->layout.widths[k],
				role);
	}
	int h = v->cells.height;
	draw_separators(v, y, y + h <= y_end ? h : y_end - y, area.x);
	return h + (v->layout.stacked ? 1 : 0);
}

/* Height of shown row i under the current layout (its label line included
 * when stacked). */
static int row_height(struct compare_view *v, size_t i)
{
	if (compare_wrap_row(&v->cells, &v->table, &v->layout, v->shown[i]) < 0)
		return 1;
	return v->cells.height + (v->layout.stacked ? 1 : 0);
}

/* Moves top so that the selected row is wholly in view (when it can be). */
static void scroll_to_selected(struct compare_view *v, int body_h)
{
	if (v->selected == HEADER_ROW || v->nshown == 0) {
		if (v->selected == HEADER_ROW)
			v->top = 0;
		return;
	}
	size_t sel = (size_t)v->selected;
	if (sel < v->top) {
		v->top = sel;
		return;
	}
	for (;;) {
		int used = 0;
		for (size_t i = v->top; i <= sel; i++)
			used += row_height(v, i) + (i > v->top);
		if (used <= body_h || v->top == sel)
			return;
		v->top++;
	}
}

static void compare_draw(struct screen *screen, struct ui *ui, struct rect area)
{
	struct compare_view *v = view_of(screen);
	int footer = v->table.any_draft ? 1 : 0;

	if (v->picking) {
		compare_pick_draw(v->input, ui, area);
		return;
	}

	if (v->first_col >= v->table.ncards)
		v->first_col = v->table.ncards - 1;
	/* Left and right: one column for the scroll arrows and padding.  Labels
	 * go above their rows when that shows every topic at once. */
	v->table.allow_stacked = true;
	compare_layout(&v->table, area.w - 1, 3, 0, v->first_col, &v->layout);
	v->first_col = v->layout.first;
	draw_title(v, ui, area);
	int y = area.y + 2;
	draw_header(v, ui, area, y);
	y += v->header_h;
	draw_rule(v, ui, y, area.x, area.w);
	y++;
	v->body_y = y - area.y;
	int body_end = area.y + area.h - footer;
	if (v->nshown == 0) {
		ui_puts(y, area.x + 2, area.w - 2, v->table.nrows == 0 ? "None of these topics has facts to compare."
						: "No differences: every fact is the same (press d to show all).",
			ROLE_DIM);
	}
	scroll_to_selected(v, body_end - y);
	v->visible_rows = 0;
	for (size_t i = v->top; i < v->nshown && y < body_end; i++) {
		if (i > v->top) {
			draw_rule(v, ui, y, area.x, area.w);
			if (++y >= body_end)
				break;
		}
		struct rect body = { area.y, area.x, body_end - area.y, area.w };
		y += draw_row(v, ui, body, i, y);
		if (y <= body_end)
			v->visible_rows++;
	}
	if (v->nshown > 0)
		ui_scroll_hint(v->body_y + area.y - 1, area.x + area.w, v->top, v->visible_rows ? v->visible_rows : 1,
			       v->nshown);
	if (footer)
		ui_puts(area.y + area.h - 1, area.x + 1, area.w - 1,
			disclaimer_fit(DISCLAIMER_DRAFT_EDUCATION, area.w - 1, !ui->utf8), ROLE_WARNING);
}

/* --- keys ----------------------------------------------------------------- */

/* Each card's full text for one fact, and the cards' sources. */
static enum intent open_details(struct compare_view *v, struct ui *ui)
{
	const struct compare_row *row = &v->table.rows[v->shown[v->selected]];
	char title[200], buf[1024];
	struct pager *p;

	snprintf(title, sizeof(title), "%s%s", row->label, row->differs ? UI_GLYPH(ui, "  \xE2\x89\xA0 differs",
									      "  * differs") : "  (the same)");
	p = pager_new(title);
	if (!p) {
		ui_message(ui, ROLE_ERROR, "Out of memory");
		return INTENT_REDRAW;
	}
	for (size_t i = 0; i < v->table.ncards; i++)
		pager_add(p, v->table.cards[i]->title, row->values[i] ? row->values[i] : "(not given on this card)",
			  row->values[i] ? ROLE_TEXT : ROLE_DIM);
	pager_add(p, NULL, "", ROLE_TEXT);
	pager_add(p, NULL, "Sources", ROLE_HEADING);
	for (size_t i = 0; i < v->table.ncards; i++) {
		const struct card *card = v->table.cards[i];
		if (card->nsources == 0)
			pager_add(p, card->title, "(no sources listed)", ROLE_DIM);
		struct card_entry entry;
		for (size_t s = 0; card_entry_get(ui->library, card, SECTION_SOURCES, s, &entry, buf, sizeof(buf)); s++)
			pager_add(p, s == 0 ? card->title : "", entry.text, ROLE_TEXT);
	}
	pager_add(p, NULL, "", ROLE_TEXT);
	pager_add(p, NULL, v->table.any_draft ? RX_DRAFT_NOTE " " RX_DISCLAIMER : RX_DISCLAIMER,
		  v->table.any_draft ? ROLE_WARNING : ROLE_DIM);
	ui->pending = pager_screen(p);
	return INTENT_OPEN;
}

/* Leaves the comparison for a topic: browse shows the card at its first
 * section and keeps the comparison, as it is, for Backspace. */
static enum intent open_card(struct compare_view *v, size_t card)
{
	return screen_leave(&v->base, (struct screen_result){ .kind = RESULT_OPEN_CARD,
							      .card = v->table.cards[card], .section = -1 });
}

static enum intent scroll_columns(struct compare_view *v, struct ui *ui, int direction)
{
	if (v->selected == HEADER_ROW) {
		if (direction < 0 && v->header_col > 0)
			v->header_col--;
		else if (direction > 0 && v->header_col + 1 < v->table.ncards)
			v->header_col++;
		if (v->header_col < v->first_col)
			v->first_col = v->header_col;
		if (v->header_col >= v->layout.first + v->layout.ncols)
			v->first_col += v->header_col - (v->layout.first + v->layout.ncols) + 1;
		return INTENT_REDRAW;
	}
	if (v->layout.fits) {
		ui_message(ui, ROLE_DIM, "Every topic is in view (on the header row, %s choose one to open)",
			   UI_GLYPH(ui, "\xE2\x86\x90\xE2\x86\x92", "h/l"));
		return INTENT_REDRAW;
	}
	if (direction < 0 && v->first_col > 0)
		v->first_col--;
	else if (direction > 0 && v->layout.first + v->layout.ncols < v->table.ncards)
		v->first_col++;
	if (v->header_col < v->first_col)
		v->header_col = v->first_col;
	return INTENT_REDRAW;
}

static bool view_build(struct compare_view *v, struct ui *ui, const struct card *const *cards, size_t ncards);

static enum intent compare_key(struct screen *screen, struct ui *ui, const struct action *action, int key)
{
	struct compare_view *v = view_of(screen);
	long delta;

	if (v->picking) {
		const struct card *cards[COMPARE_MAX_CARDS];
		size_t n;
		enum intent intent = compare_pick_key(v->input, ui, action, key, cards, &n);
		if (n > 0 && view_build(v, ui, cards, n))
			v->picking = false;
		return intent;
	}
	if (!action || action->context != CTX_COMPARE)
		return INTENT_IGNORED;
	/* The header row is row -1: Home goes there, a page down from it
	 * lands a page into the facts. */
	if (scroll_delta(action->id, scroll_page((long)v->visible_rows), &delta)) {
		v->selected = scroll_move(v->selected, delta, HEADER_ROW, (long)v->nshown - 1);
		if (v->selected == HEADER_ROW && v->header_col < v->first_col)
			v->header_col = v->first_col;
		return INTENT_REDRAW;
	}
	switch (action->id) {
	case ACT_COMPARE_LEFT: return scroll_columns(v, ui, -1);
	case ACT_COMPARE_RIGHT: return scroll_columns(v, ui, 1);
	case ACT_COMPARE_DIFF:
		v->table.diff_only = !v->table.diff_only;
		refilter(v);
		ui_message(ui, ROLE_DIM, v->table.diff_only ? "Showing only the %zu facts that differ (d: all)"
							    : "Showing all %zu facts (d: differences only)",
			   v->table.diff_only ? v->table.ndiffer : v->table.nrows);
		return INTENT_REDRAW;
	case ACT_COMPARE_OPEN:
		if (v->selected == HEADER_ROW)
			return open_card(v, v->header_col);
		return open_details(v, ui);
	case ACT_BACK: return INTENT_BACK;
	default: return INTENT_IGNORED;
	}
}

static enum intent compare_mouse(struct screen *screen, struct ui *ui, enum mouse_kind kind, int y, int x)
{
	struct compare_view *v = view_of(screen);

	(void)ui;
	if (v->picking)
		return INTENT_HANDLED;
	/* The wheel moves through the facts only, never onto the header. */
	if (kind != MOUSE_CLICK) {
		v->selected = scroll_move(v->selected, scroll_wheel(kind), v->nshown ? 0 : HEADER_ROW,
					  (long)v->nshown - 1);
		return INTENT_REDRAW;
	}
	if (y >= 2 && y < 2 + v->header_h) {
		for (size_t k = v->layout.ncols; k-- > 0;)
			if (x >= column_x(&v->layout, 0, k + 1) - 1) {
				v->selected = HEADER_ROW;
				v->header_col = v->layout.first + k;
				return INTENT_REDRAW;
			}
		return INTENT_HANDLED;
	}
	/* A body click selects the row under it. */
	int line = v->body_y;
	for (size_t i = v->top; i < v->nshown; i++) {
		int h = row_height(v, i);
		if (y >= line && y < line + h) {
			v->selected = (long)i;
			return INTENT_REDRAW;
		}
		line += h + 1;
	}
	return INTENT_HANDLED;
}

static enum action_context compare_context(const struct screen *screen)
{
	return ((const struct compare_view *)screen)->picking ? CTX_PICK : CTX_COMPARE;
}

static void compare_free(struct screen *screen)
{
	struct compare_view *v = view_of(screen);

	compare_release(&v->table);
	compare_cells_release(&v->cells);
	free(v->shown);
	free(v);
}

static const struct screen_ops compare_ops = {
	.context_now = compare_context, .draw = compare_draw, .key = compare_key,
	.mouse = compare_mouse, .free = compare_free,
};

/* Builds the table for cards into v; false (with a message) when it cannot. */
static bool view_build(struct compare_view *v, struct ui *ui, const struct card *const *cards, size_t ncards)
{
	struct compare_table table;
	size_t *shown = NULL;
	int rc = compare_build(&table, ui->library, cards, ncards);

	if (rc == COMPARE_OK && table.nrows > 0) {
		shown = calloc(table.nrows, sizeof(*shown));
		if (!shown)
			rc = COMPARE_NO_MEMORY;
	}
	if (rc != COMPARE_OK) {
		ui_message(ui, ROLE_WARNING, "Cannot compare: %s", compare_strerror(rc));
		compare_release(&table);
		return false;
	}
	compare_release(&v->table);
	free(v->shown);
	v->table = table;
	v->shown = shown;
	if (!ui->utf8)
		v->table.empty = "-";
	v->selected = HEADER_ROW;
	v->first_col = v->header_col = 0;
	refilter(v);
	v->selected = v->nshown ? 0 : HEADER_ROW;
	memcpy(ui->compared, v->table.cards, v->table.ncards * sizeof v->table.cards[0]);
	ui->ncompared = v->table.ncards;
	return true;
}

static struct compare_view *view_alloc(struct ui *ui)
{
	struct compare_view *v = screen_new(ui, sizeof *v, &compare_ops);

	if (!v)
		return NULL;
	compare_cells_init(&v->cells);
	return v;
}

static struct screen *compare_view_new(struct ui *ui, const struct card *const *cards, size_t ncards)
{
	struct compare_view *v = view_alloc(ui);

	/* A comparison the saved session reopens is on the first frame
	 * (include/library_complete.h). */
	for (size_t i = 0; i < ncards; i++)
		(void)library_fill_card(ui->library, cards[i]);
	if (v && !view_build(v, ui, cards, ncards)) {
		compare_free(&v->base);
		return NULL;
	}
	return v ? &v->base : NULL;
}

struct screen *compare_pick_open(struct ui *ui, const struct screen_request *request)
{
	struct compare_view *v = view_alloc(ui);

	if (!v)
		return NULL;
	v->picking = true;
	/* Start from the topic in view: the usual first column. */
	if (request->card && !compare_frames(request->card))
		snprintf(v->input, sizeof(v->input), "%s ", request->card->id);
	return &v->base;
}

bool compare_view_showing(const struct screen *screen)
{
	return screen->ops == &compare_ops && !((const struct compare_view *)screen)->picking;
}

struct screen *compare_view_open(struct ui *ui, const struct screen_request *request)
{
	const struct card *cards[COMPARE_MAX_CARDS];
	size_t n = request->ncards;

	if (n > COMPARE_MAX_CARDS) {
		ui_message(ui, ROLE_WARNING, "Too many topics marked: compare at most %d at a time (Space unmarks)",
			   COMPARE_MAX_CARDS);
		return NULL;
	}
	if (n == 1) {
		ui_message(ui, ROLE_WARNING, "Mark one more topic with Space (2 to 4), or none to compare %s with "
			   "its usual partners", request->card ? request->card->title : "this card");
		return NULL;
	}
	if (n == 0) {
		(void)library_fill_card(ui->library, request->card);
		n = compare_partners(ui->library, request->card, cards);
		if (n < COMPARE_MIN_CARDS) {
			ui_message(ui, ROLE_WARNING, "%s names nothing to compare with: mark 2 to 4 topics with Space",
				   request->card ? request->card->title : "This card");
			return NULL;
		}
		return compare_view_new(ui, cards, n);
	}
	return compare_view_new(ui, request->cards, n);
}
