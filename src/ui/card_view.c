/* card_view — the card pane of browse (see card_view.h). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "card_entry.h"
#include "card_view.h"
#include "disclaimer.h"
#include "library_complete.h"
#include "scroll.h"


void card_view_init(struct card_view *view, const struct library *library)
{
	memset(view, 0, sizeof(*view));
	view->library = library;
	view->link = -1;
	view->target_line = -1;
	text_lines_init(&view->lines);
}

void card_view_release(struct card_view *view)
{
	free(view->owned_body);
	view->owned_body = NULL;
	text_lines_release(&view->lines);
}

/* A growing string for the facts and sources bodies. */
struct builder {
	char *s;
	size_t len, alloc;
	bool failed;
};

static void builder_add(struct builder *b, const char *s)
{
	size_t n = strlen(s);

	if (b->failed)
		return;
	if (b->len + n + 1 > b->alloc) {
		size_t alloc = (b->len + n + 1) * 2;
		char *grown = realloc(b->s, alloc);

		if (!grown) {
			b->failed = true;
			return;
		}
		b->s = grown;
		b->alloc = alloc;
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

/* "Label: value" a line for facts; "1. citation" with a blank line between
 * for sources. */
static void build_entries(struct card_view *view, struct builder *b, enum section section)
{
	struct card_entry entry;
	char buf[2048];

	for (size_t i = 0; card_entry_get(view->library, view->card, section, i, &entry, buf, sizeof(buf)); i++) {
		if (section == SECTION_SOURCES && i > 0)
			builder_add(b, "\n");
		builder_add(b, entry.label);
		builder_add(b, section == SECTION_FACTS ? ": " : " ");
		if (section == SECTION_FACTS && i < sizeof(view->fact_offsets) / sizeof(view->fact_offsets[0]))
			view->fact_offsets[i] = b->len;
		builder_add(b, entry.text);
		builder_add(b, "\n");
	}
}

static void find_matches(struct card_view *view)
{
	const char *at = view->body;
	size_t qlen = strlen(view->query);

	view->nmatches = 0;
	if (!at || qlen == 0)
		return;
	while (view->nmatches < CARD_VIEW_MAX_MATCHES && (at = text_find_nocase(at, view->query)) != NULL) {
		view->match_at[view->nmatches++] = (size_t)(at - view->body);
		at += qlen;
	}
}

/* Loads the body of the current tab; lines are rewrapped at the next draw. */
static void load_body(struct card_view *view)
{
	int section = card_view_section(view);
	struct builder b = { NULL, 0, 0, false };

	free(view->owned_body);
	view->owned_body = NULL;
	view->body = "";
	view->pre_len = 0;
	view->hscroll = 0;
	if (view->card && section == SECTION_DIAGRAM && view->card->text[section]) {
		/* The drawing, then its words: whoever cannot make the drawing
		 * out (too narrow, a screen reader) still gets what it says. */
		view->body = view->card->text[section];
		view->pre_len = strlen(view->body);
		if (view->card->diagram_text) {
			builder_add(&b, view->body);
			builder_add(&b, view->body[view->pre_len - 1] == '\n' ? "\nIn words: " : "\n\nIn words: ");
			builder_add(&b, view->card->diagram_text);
			if (!b.failed) {
				view->owned_body = b.s;
				view->body = b.s;
			} else {
				free(b.s);
			}
		}
	} else if (view->card && section >= 0 && section < SECTION_TEXT_COUNT && view->card->text[section]) {
		view->body = view->card->text[section];
	} else if (view->card && (section == SECTION_FACTS || section == SECTION_SOURCES)) {
		build_entries(view, &b, (enum section)section);
		if (b.failed) {
			free(b.s);
			b.s = NULL;
		}
		view->owned_body = b.s;
		view->body = b.s ? b.s : "";
	}
	view->body_len = strlen(view->body);
	view->wrap_width = 0;
	view->scroll = 0;
	view->has_target = false;
	view->target_line = -1;
	find_matches(view);
}

void card_view_set_card(struct card_view *view, const struct card *card, int section)
{
	int s, tab = 0;

	/* The first frame of a start that paints first may show a card whose
	 * body is still in the pack cache (include/library_complete.h); a body
	 * that cannot be read leaves the title only, until the reload. */
	(void)library_fill_card(view->library, card);
	view->card = card;
	view->ntabs = 0;
	view->link = -1;
	for (s = 0; card && s < SECTION_COUNT; s++) {
		if (!card_has_section(card, (enum section)s))
			continue;
		if (s == section)
			tab = view->ntabs;
		view->tabs[view->ntabs++] = s;
	}
	view->tab = tab;
	load_body(view);
}

bool card_view_set_tab(struct card_view *view, int tab)
{
	if (view->ntabs == 0)
		return false;
	if (tab < 0)
		tab = 0;
	if (tab >= view->ntabs)
		tab = view->ntabs - 1;
	if (tab == view->tab)
		return false;
	view->tab = tab;
	load_body(view);
	return true;
}

int card_view_section(const struct card_view *view)
{
	return view->ntabs > 0 ? view->tabs[view->tab] : -1;
}

void card_view_set_query(struct card_view *view, const char *query)
{
	snprintf(view->query, sizeof(view->query), "%s", query ? query : "");
	find_matches(view);
}

void card_view_show_hit(struct card_view *view, const struct search_hit *hit)
{
	size_t i, offset, length;

	view->has_target = false;
	search_hit_span(hit, &offset, &length);
	if (hit->field == SEARCH_SECTION && hit->text == view->body) {
		view->target = offset;
		view->has_target = true;
	} else if (hit->field == SEARCH_FACT && card_view_section(view) == SECTION_FACTS) {
		for (i = 0; i < view->card->nfacts && i < 64; i++)
			if (view->card->facts[i].value == hit->text) {
				view->target = view->fact_offsets[i] + offset;
				view->has_target = true;
			}
	}
}

static size_t max_scroll(const struct card_view *view)
{
	size_t rows = view->body_rows > 0 ? (size_t)view->body_rows : 1;

	return view->lines.count > rows ? view->lines.count - rows : 0;
}

void card_view_scroll(struct card_view *view, long delta)
{
	size_t top = (size_t)scroll_move((long)view->scroll, delta, 0, (long)max_scroll(view));

	if (top != view->scroll)
		view->target_line = -1;
	view->scroll = top;
}

/* Columns a wide diagram moves per key: a few words' worth. */
#define PAN_STEP 8

bool card_view_clipped(const struct card_view *view)
{
	return view->pre_len > 0 && view->widest_pre > view->wrap_width;
}

bool card_view_key(struct card_view *view, enum action_id id)
{
	long delta;

	if (id == ACT_PAN_LEFT || id == ACT_PAN_RIGHT) {
		int most = view->widest_pre - view->wrap_width, was = view->hscroll;
		view->hscroll += id == ACT_PAN_RIGHT ? PAN_STEP : -PAN_STEP;
		if (view->hscroll > most)
			view->hscroll = most;
		if (view->hscroll < 0)
			view->hscroll = 0;
		return view->hscroll != was;
	}
	if (!scroll_delta(id, scroll_page(view->body_rows), &delta))
		return false;
	card_view_scroll(view, delta);
	return true;
}

const struct card *card_view_link(const struct card_view *view, int i)
{
	if (!view->card || i < 0 || (size_t)i >= view->card->nrelated)
		return NULL;
	return library_find(view->library, view->card->related[i]);
}

int card_view_nlinks(const struct card_view *view)
{
	return view->card ? (int)view->card->nrelated : 0;
}

static void rewrap(struct card_view *view, int width)
{
	size_t i;

	if (view->wrap_width == width)
		return;
	view->lines.count = 0;
	view->widest_pre = 0;
	if (text_wrap(&view->lines, view->body, view->pre_len, width, TEXT_PRE) < 0)
		view->lines.count = 0;
	view->npre_lines = view->lines.count;
	for (i = 0; i < view->npre_lines; i++)
		if (view->lines.items[i].width > view->widest_pre)
			view->widest_pre = view->lines.items[i].width;
	if (text_wrap(&view->lines, view->body + view->pre_len, view->body_len - view->pre_len, width,
		      TEXT_REFLOW) < 0)
		view->lines.count = view->npre_lines;
	/* The prose was wrapped from pre_len on: make its lines body offsets. */
	for (i = view->npre_lines; i < view->lines.count; i++)
		view->lines.items[i].start += view->pre_len;
	view->wrap_width = width;
	if (view->hscroll > view->widest_pre - width)
		view->hscroll = view->widest_pre - width > 0 ? view->widest_pre - width : 0;
	/* Keep the target, if any, in view after a resize too. */
	if (view->target_line >= 0 || view->has_target) {
		for (i = 0; i < view->lines.count; i++) {
			const struct text_line *line = &view->lines.items[i];

			if (view->target >= line->start && view->target <= line->start + line->len) {
				view->target_line = (int)i;
				break;
			}
		}
		view->has_target = true;
	}
}

/* Draws one body line with the query's matches highlighted. */
static void draw_line(const struct card_view *view, const struct text_line *line, int y, int x, int w)
{
	size_t pos = line->start, end = line->start + line->len, qlen = strlen(view->query);
	int col = x + line->indent;
	size_t m;

	for (m = 0; m < view->nmatches && pos < end; m++) {
		size_t ms = view->match_at[m], me = ms + qlen;

		if (me <= pos || ms >= end)
			continue;
		if (ms > pos)
			col += ui_put(y, col, x + w - col, view->body + pos, ms - pos, ROLE_TEXT);
		if (ms < pos)
			ms = pos;
		if (me > end)
			me = end;
		col += ui_put(y, col, x + w - col, view->body + ms, me - ms, ROLE_MATCH);
		pos = me;
	}
	if (pos < end)
		ui_put(y, col, x + w - col, view->body + pos, end - pos, ROLE_TEXT);
}

/* Draws body line i: a preformatted one panned by hscroll, with a marker
 * at each edge where it goes on out of sight (never cut silently). */
static void draw_body_line(const struct card_view *view, struct ui *ui, size_t i, int y, int x, int w)
{
	struct text_line line = view->lines.items[i];
	if (i >= view->npre_lines) {
		draw_line(view, &line, y, x, w);
		return;
	}
	int skipped = 0;
	size_t skip = text_fit(view->body + line.start, line.len, view->hscroll, &skipped);
	line.start += skip;
	line.len -= skip;
	line.width -= skipped;
	/* A wide character cut in two by the pan shows as a blank. */
	line.indent = view->hscroll - skipped > 0 && line.len > 0 ? 1 : 0;
	draw_line(view, &line, y, x, w);
	if (view->hscroll > 0 && view->lines.items[i].width > 0)
		ui_puts(y, x, 1, UI_GLYPH(ui, "\xE2\x80\xB9", "<"), ROLE_WARNING);
	if (line.indent + line.width > w)
		ui_puts(y, x + w - 1, 1, UI_GLYPH(ui, "\xE2\x80\xBA", ">"), ROLE_WARNING);
}

static int draw_tabs(struct card_view *view, struct ui *ui, int y, int x, int w)
{
	int widths[SECTION_COUNT], first = 0, used, i, col;

	for (i = 0; i < view->ntabs; i++) {
		widths[i] = text_width(section_title((enum section)view->tabs[i])) + 3;
		view->tab_spans[i].w = 0;
	}
	/* Scroll the strip so the active tab is visible. */
	for (;;) {
		used = first > 0 ? 2 : 0;
		for (i = first; i <= view->tab && i < view->ntabs; i++)
			used += widths[i];
		if (used <= w - 2 || first >= view->tab)
			break;
		first++;
	}
	col = x;
	if (first > 0)
		col += ui_puts(y, col, 2, UI_GLYPH(ui, "\xE2\x80\xB9 ", "< "), ROLE_DIM);
	for (i = first; i < view->ntabs; i++) {
		const char *title = section_title((enum section)view->tabs[i]);
		bool active = i == view->tab;
		char label[64];

		if (col + widths[i] > x + w - (i + 1 < view->ntabs ? 2 : 0)) {
			ui_puts(y, x + w - 2, 2, UI_GLYPH(ui, " \xE2\x80\xBA", " >"), ROLE_DIM);
			break;
		}
		snprintf(label, sizeof(label), active ? "[%s]" : " %s ", title);
		view->tab_spans[i] = (struct span){ y, col, widths[i] - 1 };
		col += ui_puts(y, col, widths[i] - 1, label, active ? ROLE_TAB_ACTIVE : ROLE_TAB);
		col += 1;
	}
	return y + 1;
}

/* Related topics, flowed over at most max_rows rows from y; returns the rows
 * used.  With draw false it only measures. */
/* The row (from 0) each related link falls on when the links flow after
 * "Related: " at width w; returns the number of rows. */
static int link_rows(const struct card_view *view, int x, int w, int label_w, int *rows)
{
	int n = card_view_nlinks(view), row = 0, col = x + label_w;
	for (int i = 0; i < n && i < CARD_VIEW_MAX_LINKS; i++) {
		const struct card *target = card_view_link(view, i);
		int tw = text_width(target ? target->title : view->card->related[i]);
		if (i > 0 && col + 3 + tw > x + w) {
			row++;
			col = x + label_w;
		} else if (i > 0) {
			col += 3;
		}
		rows[i] = row;
		col += tw;
	}
	return n > 0 ? row + 1 : 0;
}

/* Lays out (and with draw, draws) the related links in at most max_rows
 * rows from y; returns the rows used.  When they need more rows than that,
 * the rows shown are those of the selected link, so a link Tab selects is
 * always on screen ("…more:" says rows are hidden above, "…" below). */
static int layout_related(struct card_view *view, struct ui *ui, int y, int x, int w, int max_rows,
			  bool focused, bool draw)
{
	int n = card_view_nlinks(view), rows[CARD_VIEW_MAX_LINKS];
	const int label_w = 9;	/* "Related: " and "  \u2026more: " alike */

	if (draw)
		view->nlink_spans = 0;
	if (n == 0 || max_rows <= 0)
		return 0;
	int total = link_rows(view, x, w, label_w, rows);
	int first = 0;
	if (focused && view->link >= 0 && view->link < CARD_VIEW_MAX_LINKS && rows[view->link] >= max_rows)
		first = rows[view->link] - max_rows + 1;
	int shown = total - first < max_rows ? total - first : max_rows;
	if (!draw)
		return shown;
	ui_puts(y, x, w, first > 0 ? UI_GLYPH(ui, "  \xE2\x80\xA6more: ", "  ...more:") : "Related: ", ROLE_HEADING);
	if (first + shown < total)
		ui_puts(y + shown - 1, x + w - 1, 1, UI_GLYPH(ui, "\xE2\x80\xA6", "+"), ROLE_DIM);
	int col = x + label_w, row = first;
	for (int i = 0; i < n && i < CARD_VIEW_MAX_LINKS; i++) {
		const struct card *target = card_view_link(view, i);
		const char *title = target ? target->title : view->card->related[i];
		int tw = text_width(title);
		bool selected = focused && i == view->link;
		view->link_spans[i] = (struct span){ 0, 0, 0 };	/* hidden: no click lands on it */
		view->nlink_spans = i + 1;
		if (rows[i] != row) {
			row = rows[i];
			col = x + label_w;
		} else if (i > 0 && rows[i - 1] == row) {
			if (row >= first && row < first + shown)
				ui_puts(y + row - first, col, 3, UI_GLYPH(ui, " \xC2\xB7 ", " | "), ROLE_DIM);
			col += 3;
		}
		if (row < first || row >= first + shown) {
			col += tw;
			continue;
		}
		int at = y + row - first;
		view->link_spans[i] = (struct span){ at, col, tw < x + w - col ? tw : x + w - col };
		if (selected)
			ui_cursor(ui, at, col);
		col += ui_puts_cut(ui, at, col, x + w - col, title, selected ? ROLE_SELECTION : ROLE_LINK);
	}
	return shown;
}

void card_view_draw(struct card_view *view, struct ui *ui, struct rect area, bool focused, bool marked)
{
	int y = area.y, bottom = area.y + area.h, related_rows = 0, x = area.x, w = area.w;
	int nlinks = card_view_nlinks(view), col;
	size_t i;

	if (!view->card) {
		ui_puts(y, x, w, "No cards are loaded.", ROLE_DIM);
		return;
	}
	col = x + ui_puts(y, x, w, view->card->title, ROLE_TITLE);
	if (marked)
		col += ui_puts(y, col + 1, x + w - col - 1, UI_GLYPH(ui, "\xE2\x9C\x93 marked", "* marked"),
			       ROLE_MARKER) + 1;
	ui_puts(y, col + 2, x + w - col - 2, card_kind_name(view->card->kind), ROLE_DIM);
	y++;
	if (view->card->status == CARD_DRAFT && y < bottom)
		ui_puts(y++, x, w, disclaimer_fit(DISCLAIMER_DRAFT_CARD, w, !ui->utf8), ROLE_WARNING);
	if (y < bottom)
		y = draw_tabs(view, ui, y, x, w);
	if (y < bottom)
		ui_hline(y++, x, w, ROLE_DIM);
	/* Related topics at the bottom (up to 3 rows, 1 on short screens) above a rule. */
	if (nlinks > 0 && bottom - y >= 6) {
		int max_rows = bottom - y >= 30 ? 5 : bottom - y >= 16 ? 3 : 1;

		related_rows = layout_related(view, ui, 0, x, w, max_rows, false, false);
		layout_related(view, ui, bottom - related_rows, x, w, max_rows, focused && view->link >= 0, true);
		ui_hline(bottom - related_rows - 1, x, w, ROLE_DIM);
		related_rows++;
	} else {
		view->nlink_spans = 0;
	}
	view->body_y = y;
	view->body_rows = bottom - related_rows - y;
	if (view->body_rows <= 0)
		return;
	/* Prose keeps a readable measure on a wide terminal: lines of more
	 * than about 100 columns are hard to follow back to their start. */
	rewrap(view, w - 1 > CARD_VIEW_MEASURE ? CARD_VIEW_MEASURE : w > 1 ? w - 1 : 1);
	if (view->has_target) {
		for (i = 0; i < view->lines.count; i++) {
			const struct text_line *line = &view->lines.items[i];

			if (view->target >= line->start && view->target <= line->start + line->len) {
				view->target_line = (int)i;
				view->scroll = i > (size_t)view->body_rows / 3 ? i - (size_t)view->body_rows / 3 : 0;
				break;
			}
		}
		view->has_target = false;
	}
	card_view_scroll(view, 0);
	for (i = 0; i < (size_t)view->body_rows && view->scroll + i < view->lines.count; i++)
		draw_body_line(view, ui, view->scroll + i, y + (int)i, x, w - 1);
	ui_scroll_hint(view->body_y - 1, x + w, view->scroll, (size_t)view->body_rows, view->lines.count);
	if (card_view_clipped(view))	/* say how to see the rest, on the rule above the body */
		ui_puts(view->body_y - 1, x + 1, w - 8,
			UI_GLYPH(ui, " \xE2\x80\xB9 \xE2\x80\xBA scroll sideways \xC2\xB7 z whole width ",
				 " < > scroll sideways, z whole width "), ROLE_WARNING);
	if (focused && view->link < 0) {
		long line = (long)view->target_line - (long)view->scroll;

		ui_cursor(ui, line >= 0 && line < view->body_rows ? y + (int)line : y, x);
	}
}

int card_view_hit_test(const struct card_view *view, int y, int x, int *index)
{
	int i;

	for (i = 0; i < view->ntabs; i++) {
		const struct span *s = &view->tab_spans[i];

		if (s->w > 0 && s->y == y && x >= s->x && x < s->x + s->w) {
			*index = i;
			return 1;
		}
	}
	for (i = 0; i < view->nlink_spans; i++) {
		const struct span *s = &view->link_spans[i];

		if (s->w > 0 && s->y == y && x >= s->x && x < s->x + s->w) {
			*index = i;
			return 2;
		}
	}
	if (y >= view->body_y && y < view->body_y + view->body_rows)
		return 3;
	return 0;
}
