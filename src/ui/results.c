/* results — the full-text search results: one row per hit, "Card › Section:
 * …snippet…" with the match highlighted, in search_rank() order (the topic
 * the query names first, then drugs before explainers, then by hits); Enter
 * opens the card at the match and the list waits in browse's history for
 * Backspace. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen.h"
#include "scroll.h"
#include "text.h"

struct results {
	struct screen base;
	size_t selected, top;
	int visible;
	char query[128];	/* the search it lists */
	unsigned generation;	/* ui->search.generation when it was that search */
};

int ui_search_run(struct ui *ui, const char *query)
{
	struct ui_search *s = &ui->search;

	search_results_release(&s->results);
	search_ranking_release(&s->ranking);
	snprintf(s->query, sizeof s->query, "%s", query);
	s->generation++;
	s->current = 0;
	s->active = true;
	if (search_run(&s->results, ui->library, s->query) < 0 ||
	    search_rank(&s->ranking, &s->results, ui->library, s->query) < 0) {
		search_results_release(&s->results);
		search_ranking_release(&s->ranking);
		return -1;
	}
	return 0;
}

const struct search_hit *ui_search_hit(const struct ui *ui, size_t i)
{
	return &ui->search.results.hits[ui->search.ranking.order[i]];
}

/* A list brought back from history after a newer search: it runs its own
 * search again, so that what it shows and what Enter opens agree. */
static void results_sync(struct results *r, struct ui *ui)
{
	if (r->generation == ui->search.generation)
		return;
	if (ui_search_run(ui, r->query) < 0)
		ui_message(ui, ROLE_ERROR, "Out of memory while searching");
	r->generation = ui->search.generation;
	if (r->selected >= ui->search.results.count)
		r->selected = ui->search.results.count ? ui->search.results.count - 1 : 0;
}

static struct results *results_of(struct screen *screen)
{
	return (struct results *)screen;
}

static const char *field_name(const struct search_hit *hit)
{
	switch (hit->field) {
	case SEARCH_TITLE: return "Title";
	case SEARCH_ALIAS: return "Also known as";
	case SEARCH_FACT: return section_title(SECTION_FACTS);
	case SEARCH_SECTION: return section_title((enum section)hit->section);
	}
	return "";
}

static void draw_hit(struct ui *ui, const struct search_hit *hit, int y, int x, int w, bool selected)
{
	char label[256], snippet[512];
	size_t match_start, match_len;
	int col = x;
	enum role text_role = selected ? ROLE_SELECTION : ROLE_TEXT;

	if (selected) {
		ui_fill(y, x, w, ROLE_SELECTION);
		ui_cursor(ui, y, x);
	}
	snprintf(label, sizeof(label), "%s %s %s: ", hit->card->title, UI_GLYPH(ui, "\xE2\x80\xBA", ">"),
		 field_name(hit));
	col += ui_puts(y, col, w, label, selected ? ROLE_SELECTION : ROLE_TITLE);
	if (x + w - col < 8)
		return;
	search_snippet(hit, x + w - col, snippet, sizeof(snippet), &match_start, &match_len);
	col += ui_put(y, col, x + w - col, snippet, match_start, text_role);
	col += ui_put(y, col, x + w - col, snippet + match_start, match_len, ROLE_MATCH);
	ui_put(y, col, x + w - col, snippet + match_start + match_len, strlen(snippet + match_start + match_len),
	       text_role);
}

static void results_draw(struct screen *screen, struct ui *ui, struct rect area)
{
	struct results *r = results_of(screen);
	const struct search_results *res = &ui->search.results;
	char title[200];
	size_t i;
	int y;

	results_sync(r, ui);
	snprintf(title, sizeof(title), "%zu match%s for \"%s\"", res->count, res->count == 1 ? "" : "es",
		 ui->search.query);
	ui_puts(area.y, area.x + 1, area.w - 1, title, ROLE_TITLE);
	ui_hline(area.y + 1, area.x, area.w, ROLE_DIM);
	r->visible = area.h - 2;
	if (r->visible < 1)
		return;
	if (r->selected < r->top)
		r->top = r->selected;
	if (r->selected >= r->top + (size_t)r->visible)
		r->top = r->selected - (size_t)r->visible + 1;
	for (i = r->top, y = area.y + 2; i < res->count && y < area.y + area.h; i++, y++)
		draw_hit(ui, ui_search_hit(ui, i), y, area.x + 1, area.w - 2, i == r->selected);
	ui_scroll_hint(area.y + 1, area.x + area.w, r->top, (size_t)r->visible, res->count);
}

/* Closes the results: browse opens the selected hit and keeps the list for Backspace. */
static enum intent open_selected(struct results *r)
{
	return screen_leave(&r->base, (struct screen_result){ .kind = RESULT_OPEN_HIT, .hit = r->selected });
}

static enum intent results_key(struct screen *screen, struct ui *ui, const struct action *action, int key)
{
	struct results *r = results_of(screen);
	long last, delta;

	(void)key;
	results_sync(r, ui);
	last = (long)ui->search.results.count - 1;
	if (!action || action->context != CTX_RESULTS)
		return INTENT_IGNORED;
	if (scroll_delta(action->id, scroll_page(r->visible), &delta)) {
		r->selected = (size_t)scroll_move((long)r->selected, delta, 0, last);
		return INTENT_REDRAW;
	}
	switch (action->id) {
	case ACT_RESULT_OPEN:
		if (last < 0)
			return INTENT_HANDLED;
		return open_selected(r);
	case ACT_BACK: return INTENT_BACK;
	default: return INTENT_IGNORED;
	}
}

static enum intent results_mouse(struct screen *screen, struct ui *ui, enum mouse_kind kind, int y, int x)
{
	struct results *r = results_of(screen);
	size_t row;

	(void)x;
	if (kind != MOUSE_CLICK) {
		r->selected = (size_t)scroll_move((long)r->selected, scroll_wheel(kind), 0,
						  (long)ui->search.results.count - 1);
		return INTENT_REDRAW;
	}
	if (y < 2)
		return INTENT_HANDLED;
	row = r->top + (size_t)(y - 2);
	if (row >= ui->search.results.count)
		return INTENT_HANDLED;
	r->selected = row;
	return open_selected(r);
}

static const struct screen_ops results_ops = {
	.context = CTX_RESULTS, .draw = results_draw, .key = results_key,
	.mouse = results_mouse,
};

struct screen *results_new(struct ui *ui)
{
	struct results *r = screen_new(ui, sizeof *r, &results_ops);

	if (!r)
		return NULL;
	snprintf(r->query, sizeof r->query, "%s", ui->search.query);
	r->generation = ui->search.generation;
	return &r->base;
}
