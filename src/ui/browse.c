/* browse — the start screen: the topic list (grouped by kind, filterable)
 * and the card pane beside it, their keys and the mouse, and the screens
 * opened from them.  The search prompt and the history of topics read are
 * browse_search.c; the drawing is browse_draw.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "browse.h"
#include "card_view.h"
#include "screens.h"
#include "scroll.h"
#include "session.h"
#include "text.h"

/* The marked topics a screen opened from browse is handed at the most. */
#define REQUEST_MARKED_MAX 8

/* The end of the run of cards of sorted[from]'s kind: the list is sorted by
 * kind first, so it is found by galloping and halving, reading a few dozen
 * cards rather than all of them (50,000 before the first frame). */
static size_t kind_run_end(const struct browse *b, size_t from)
{
	enum card_kind kind = b->sorted[from]->kind;
	size_t lo = from + 1, step = 1, hi;

	while (lo < b->ncards && b->sorted[lo]->kind == kind) {
		lo += step;
		step *= 2;
	}
	hi = lo < b->ncards ? lo : b->ncards;
	lo = lo - step / (step > 1 ? 2 : 1);
	/* sorted[lo - 1] is of kind (or lo is from + 1); sorted[hi] is not (or hi is the end). */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (b->sorted[mid]->kind == kind)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Rebuilds the visible rows for the current filter, keeping `keep` selected when it is visible. */
void browse_rebuild_rows(struct browse *b, const struct card *keep)
{
	size_t i;
	int kind = -1;

	b->nrows = 0;
	b->selected = 0;
	if (!b->prompting) {
		for (i = 0; i < b->ncards;) {
			size_t end = kind_run_end(b, i);

			b->rows[b->nrows++] = (struct list_row){ NULL, (size_t)b->sorted[i]->kind };
			for (; i < end; i++) {
				if (b->sorted[i] == keep || (b->selected == 0 && keep == NULL))
					b->selected = b->nrows;
				b->rows[b->nrows++] = (struct list_row){ b->sorted[i], i };
			}
		}
		if (b->nrows > 0 && !b->rows[b->selected].card)
			b->selected++;
		return;
	}
	for (i = 0; i < b->ncards; i++) {
		const struct card *card = b->sorted[i];

		if (b->prompting && !search_title_matches(card, b->filter))
			continue;
		if ((int)card->kind != kind) {
			kind = (int)card->kind;
			b->rows[b->nrows++] = (struct list_row){ NULL, (size_t)kind };
		}
		if (card == keep || (b->selected == 0 && keep == NULL))
			b->selected = b->nrows;
		b->rows[b->nrows++] = (struct list_row){ card, i };
	}
	if (b->nrows > 0 && !b->rows[b->selected].card)
		b->selected++;
	if (b->nrows == 0)
		b->selected = 0;
}

const struct card *browse_selected_card(const struct browse *b)
{
	return b->nrows > 0 ? b->rows[b->selected].card : NULL;
}

/* The topic the list's keys act on (mark, compare, quiz): the highlighted row
 * while the list has the focus, otherwise the card being read. */
static const struct card *current_card(const struct browse *b)
{
	if (b->focus == FOCUS_LIST && browse_selected_card(b))
		return browse_selected_card(b);
	return b->view.card;
}

/* Moves the highlight only.  The card pane keeps its card until Enter opens
 * another, so a step through the list rewrites two list rows instead of the
 * whole card pane — what keeps browsing usable over a slow link. */
static void select_row(struct browse *b, size_t row)
{
	if (b->nrows == 0)
		return;
	if (row >= b->nrows)
		row = b->nrows - 1;
	if (!b->rows[row].card && row + 1 < b->nrows)
		row++;
	b->selected = row;
}

/* Moves by delta card rows (headings skipped). */
void browse_move_selection(struct browse *b, long delta)
{
	long row = (long)b->selected;
	long step = delta < 0 ? -1 : 1;

	while (delta != 0) {
		long next = row + step;

		while (next >= 0 && next < (long)b->nrows && !b->rows[next].card)
			next += step;
		if (next < 0 || next >= (long)b->nrows)
			break;
		row = next;
		delta -= step;
	}
	select_row(b, (size_t)row);
}

/* What a screen opened from browse starts from: the current topic, the
 * section being read, and the marked topics (at most max of them). */
static struct screen_request request_for(struct browse *b, const struct card **buf, size_t max)
{
	struct screen_request request = { current_card(b), card_view_section(&b->view), buf, 0 };

	for (size_t i = 0; i < b->ncards && request.ncards < max; i++)
		if (b->marked[i])
			buf[request.ncards++] = b->sorted[i];
	return request;
}

/* Opens a screen of the table (screens.h) on the current topic with at most
 * max_marked (at most REQUEST_MARKED_MAX) of the marked topics. */
static enum intent open_screen(struct browse *b, struct ui *ui, enum screen_kind kind, size_t max_marked)
{
	const struct card *buf[REQUEST_MARKED_MAX];
	struct screen_request request =
		request_for(b, buf, max_marked < REQUEST_MARKED_MAX ? max_marked : REQUEST_MARKED_MAX);

	return screens_open(ui, kind, &request);
}

static enum intent focus_step(struct browse *b, int direction)
{
	int nlinks = card_view_nlinks(&b->view);
	/* Positions: -2 the list, -1 the card text, 0.. the related links. */
	int pos = b->focus == FOCUS_LIST ? -2 : b->view.link;

	pos += direction;
	if (pos >= nlinks)
		pos = b->wide ? -1 : -2;	/* a hidden list takes no focus */
	if (pos < (b->wide ? -1 : -2))
		pos = nlinks - 1;
	b->focus = pos == -2 ? FOCUS_LIST : FOCUS_CARD;
	b->view.link = pos >= 0 ? pos : -1;
	return INTENT_REDRAW;
}

static enum intent list_action(struct browse *b, enum action_id id)
{
	long delta;

	if (scroll_delta(id, scroll_page(b->list_rows), &delta)) {
		if (delta == SCROLL_FIRST)
			select_row(b, 0);
		else
			browse_move_selection(b, delta == SCROLL_LAST ? (long)b->nrows : delta);
		return INTENT_REDRAW;
	}
	switch (id) {
	case ACT_OPEN:
		if (browse_selected_card(b) && browse_selected_card(b) != b->view.card)
			browse_go_to_card(b, browse_selected_card(b), card_view_section(&b->view));
		b->focus = FOCUS_CARD;
		b->view.link = -1;
		break;
	default: return INTENT_IGNORED;
	}
	return INTENT_REDRAW;
}

static enum intent card_action(struct browse *b, struct ui *ui, enum action_id id)
{
	const struct card *target;

	if (card_view_key(&b->view, id))
		return INTENT_REDRAW;
	switch (id) {
	case ACT_PAN_LEFT:
	case ACT_PAN_RIGHT:
		ui_message(ui, ROLE_DIM, card_view_clipped(&b->view) ? "The diagram is at its edge"
					 : "Nothing here is wider than the pane");
		break;
	case ACT_FOLLOW:
		target = card_view_link(&b->view, b->view.link);
		if (!target) {
			ui_message(ui, ROLE_DIM, card_view_nlinks(&b->view) ?
				   "Press Tab to select a related topic, then Enter to open it" :
				   "This card has no related topics");
			break;
		}
		browse_go_to_card(b, target, -1);
		b->view.link = -1;
		break;
	default: return INTENT_IGNORED;
	}
	return INTENT_REDRAW;
}

static enum intent toggle_mark(struct browse *b, struct ui *ui)
{
	const struct card *card = current_card(b);
	size_t i = sorted_index(b, card), count = 0, k;

	if (i == (size_t)-1)
		return INTENT_HANDLED;
	b->marked[i] = !b->marked[i];
	for (k = 0; k < b->ncards; k++)
		count += b->marked[k];
	ui_message(ui, ROLE_MARKER, "%s %s for comparison (%zu marked%s)", b->marked[i] ? "Marked" : "Unmarked",
		   card->title, count, count >= 2 ? ": press c to compare" : "");
	return INTENT_REDRAW;
}

static enum intent browse_key(struct screen *screen, struct ui *ui, const struct action *action, int key)
{
	struct browse *b = browse_of(screen);

	if (b->prompting)
		return browse_prompt_key(b, ui, action, key);
	if (!action || action->context == CTX_GLOBAL)
		return INTENT_IGNORED;
	if (action->context == CTX_LIST)
		return list_action(b, action->id);
	if (action->context == CTX_CARD)
		return card_action(b, ui, action->id);
	switch (action->id) {
	case ACT_FOCUS_NEXT: return focus_step(b, 1);
	case ACT_FOCUS_PREV: return focus_step(b, -1);
	case ACT_TAB_PREV: return card_view_set_tab(&b->view, b->view.tab - 1) ? INTENT_REDRAW : INTENT_HANDLED;
	case ACT_TAB_NEXT: return card_view_set_tab(&b->view, b->view.tab + 1) ? INTENT_REDRAW : INTENT_HANDLED;
	case ACT_TAB_JUMP:
		if (key - '1' >= b->view.ntabs) {
			ui_message(ui, ROLE_DIM, "This card has %d section tabs", b->view.ntabs);
			return INTENT_REDRAW;
		}
		card_view_set_tab(&b->view, key - '1');
		return INTENT_REDRAW;
	case ACT_HISTORY_BACK: return browse_go_back(b, ui);
	case ACT_MARK: return toggle_mark(b, ui);
	case ACT_SEARCH:
		b->prompting = true;
		b->filter[0] = '\0';
		b->focus_before_prompt = b->focus;
		b->selected_before_prompt = browse_selected_card(b);
		return INTENT_REDRAW;
	case ACT_MATCH_NEXT: return browse_step_match(b, ui, 1);
	case ACT_MATCH_PREV: return browse_step_match(b, ui, -1);
	case ACT_COMPARE:
		/* One more than the view takes, so that it can say "too many"; with
		 * none marked it compares the card with its usual partners. */
		return open_screen(b, ui, SCREEN_COMPARE, COMPARE_MAX_CARDS + 1);
	case ACT_COMPARE_BY_NAME: return open_screen(b, ui, SCREEN_COMPARE_PICK, 0);
	case ACT_QUIZ: return open_screen(b, ui, SCREEN_QUIZ, REQUEST_MARKED_MAX);
	case ACT_STATS: return open_screen(b, ui, SCREEN_STATS, 0);
	case ACT_CONFUSIONS: return open_screen(b, ui, SCREEN_CONFUSIONS, 0);
	case ACT_PROBLEMS:
		ui->pending = problems_new(ui);
		return ui->pending ? INTENT_OPEN : INTENT_HANDLED;
	case ACT_WIDE:
		b->wide = !b->wide;
		if (b->wide) {	/* the list is out of sight: the card has the keys */
			b->focus = FOCUS_CARD;
			ui_message(ui, ROLE_DIM, "The card has the whole width: z or Esc to share it again");
		}
		return INTENT_REDRAW;
	case ACT_BACK:
		if (b->wide) {
			b->wide = false;
			return INTENT_REDRAW;
		}
		if (b->focus == FOCUS_CARD) {
			b->focus = FOCUS_LIST;
			b->view.link = -1;
			return INTENT_REDRAW;
		}
		if (b->view.query[0]) {
			card_view_set_query(&b->view, "");
			return INTENT_REDRAW;
		}
		return INTENT_HANDLED;
	case ACT_QUIT: return INTENT_QUIT;
	default: return INTENT_IGNORED;
	}
}

static enum intent browse_mouse(struct screen *screen, struct ui *ui, enum mouse_kind kind, int y, int x)
{
	struct browse *b = browse_of(screen);
	int index, what;

	(void)ui;
	if (b->prompting)
		return INTENT_IGNORED;
	if (x < b->list_w) {
		if (kind == MOUSE_WHEEL_UP || kind == MOUSE_WHEEL_DOWN) {
			browse_move_selection(b, scroll_wheel(kind));
			return INTENT_REDRAW;
		}
		if (y >= 0 && (size_t)y + b->top < b->nrows && b->rows[(size_t)y + b->top].card) {
			select_row(b, (size_t)y + b->top);
			if (browse_selected_card(b) != b->view.card)
				browse_go_to_card(b, browse_selected_card(b), card_view_section(&b->view));
			b->focus = FOCUS_LIST;
			return INTENT_REDRAW;
		}
		return INTENT_HANDLED;
	}
	/* A click on the peek opens the topic it shows. */
	if (kind == MOUSE_CLICK && b->preview.h > 0 && y + screen->area.y >= b->preview.y &&
	    y + screen->area.y < b->preview.y + b->preview.h && browse_selected_card(b)) {
		browse_go_to_card(b, browse_selected_card(b), card_view_section(&b->view));
		b->focus = FOCUS_CARD;
		b->view.link = -1;
		return INTENT_REDRAW;
	}
	if (kind != MOUSE_CLICK) {
		card_view_scroll(&b->view, scroll_wheel(kind));
		return INTENT_REDRAW;
	}
	what = card_view_hit_test(&b->view, y + screen->area.y, x + screen->area.x, &index);
	if (what == 1) {
		card_view_set_tab(&b->view, index);
	} else if (what == 2) {
		browse_go_to_card(b, card_view_link(&b->view, index), -1);
	} else if (what == 0) {
		return INTENT_HANDLED;
	}
	b->focus = FOCUS_CARD;
	b->view.link = -1;
	return INTENT_REDRAW;
}

static enum action_context browse_context(const struct screen *screen)
{
	const struct browse *b = (const struct browse *)screen;

	if (b->prompting)
		return CTX_PROMPT;
	return b->focus == FOCUS_LIST ? CTX_LIST : CTX_CARD;
}


/* What the screen that closed asks for: a search hit, or a card (the
 * comparison's header, ...) to read. */
static void browse_resume(struct screen *screen, struct ui *ui, const struct screen_result *result)
{
	struct browse *b = browse_of(screen);

	switch (result->kind) {
	case RESULT_OPEN_HIT:
		ui->search.current = result->hit;
		browse_open_hit(b, ui);
		break;
	case RESULT_OPEN_CARD:
		browse_go_to_card(b, result->card, result->section);
		b->focus = FOCUS_CARD;
		b->view.link = -1;
		break;
	case RESULT_NONE:
		break;
	}
	/* The screen left for this card comes back first with Backspace, then
	 * the card read before it. */
	if (result->origin)
		browse_remember(b, (struct history_entry){ NULL, -1, 0, result->origin });
}

/* The table's hints; Enter follows only a selected related topic. */
static void browse_hints(const struct screen *screen, const struct ui *ui, char *buf, size_t size)
{
	static const enum action_id no_link[] = { ACT_FOLLOW };
	static const struct hint_state no_link_state = { .skip = no_link, .nskip = 1 };
	const struct browse *b = (const struct browse *)screen;
	bool skip = !b->prompting && b->focus == FOCUS_CARD && b->view.link < 0;

	actions_hints(browse_context(screen), skip ? &no_link_state : NULL, ui->utf8, buf, size);
}

static void browse_free(struct screen *screen)
{
	struct browse *b = browse_of(screen);

	for (int i = 0; i < b->nhistory; i++)
		if (b->history[i].screen)
			screen_free(b->history[i].screen);
	card_view_release(&b->view);
	free(b->own_sorted);
	free(b->marked);
	free(b->rows);
	free(b);
}

void browse_restore(struct screen *screen, const struct session *session, struct screen *behind)
{
	struct browse *b = browse_of(screen);

	for (size_t i = 0; i < session->nmarks; i++) {
		size_t k = sorted_index(b, session->marks[i]);

		if (k != (size_t)-1)
			b->marked[k] = true;
	}
	if (session->card) {
		browse_select_card(b, session->card);
		card_view_set_card(&b->view, session->card, session->section);
	}
	if (behind)
		browse_remember(b, (struct history_entry){ NULL, -1, 0, behind });
}

int browse_save(struct screen *screen, struct session *session)
{
	struct browse *b = browse_of(screen);

	session->card = b->view.card;
	session->section = b->view.card ? card_view_section(&b->view) : -1;
	for (size_t i = 0; i < b->ncards; i++)
		if (b->marked[i] && session_mark(session, b->sorted[i]) < 0)
			return -1;
	return 0;
}

static const struct screen_ops browse_ops = {
	.context_now = browse_context, .draw = browse_draw, .key = browse_key,
	.mouse = browse_mouse, .resume = browse_resume, .hints = browse_hints,
	.free = browse_free,
};

struct screen *browse_new(struct ui *ui)
{
	struct browse *b = calloc(1, sizeof(*b));
	size_t n = ui->library->ncards;

	if (!b)
		return NULL;
	b->base.ops = &browse_ops;
	b->ncards = n;
	/* The library's own order, which lives as long as it does: no copy of
	 * 50,000 pointers before the first frame. */
	b->sorted = library_topics(ui->library);
	if (!b->sorted && (b->own_sorted = calloc(n ? n : 1, sizeof(*b->own_sorted))) != NULL) {
		library_sorted(ui->library, b->own_sorted);
		b->sorted = b->own_sorted;
	}
	b->marked = calloc(n ? n : 1, sizeof(*b->marked));
	b->rows = calloc(n * 2 + 1, sizeof(*b->rows));
	/* The rows the list fills now: one a card, one a kind's heading. */
	if (b->rows && n > CARD_KIND_COUNT)
		memory_prefault(b->rows, (n + CARD_KIND_COUNT + 1) * sizeof(*b->rows));
	if (!b->sorted || !b->marked || !b->rows) {
		free(b->own_sorted);
		free(b->marked);
		free(b->rows);
		free(b);
		return NULL;
	}
	card_view_init(&b->view, ui->library);
	browse_rebuild_rows(b, library_start(ui->library));
	card_view_set_card(&b->view, library_start(ui->library), -1);
	return &b->base;
}
