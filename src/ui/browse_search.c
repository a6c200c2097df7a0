/* browse_search — the browse screen's search prompt (filtering the list as
 * the words are typed, Enter to open the topic they name or list every
 * match, n/N through the hits) and the history of topics read, which
 * Backspace walks back.  The list, the card pane and the other keys are
 * browse.c. */
#include <string.h>

#include "browse.h"
#include "card_view.h"
#include "screens.h"

/* Appends to the history, forgetting the oldest entry when it is full. */
void browse_remember(struct browse *b, struct history_entry entry)
{
	if (b->nhistory == HISTORY_MAX) {
		if (b->history[0].screen)
			screen_free(b->history[0].screen);
		memmove(b->history, b->history + 1, (HISTORY_MAX - 1) * sizeof(b->history[0]));
		b->nhistory--;
	}
	b->history[b->nhistory++] = entry;
}

void browse_select_card(struct browse *b, const struct card *card)
{
	size_t i;

	for (i = 0; i < b->nrows; i++)
		if (b->rows[i].card == card)
			b->selected = i;
}

/* Shows a card chosen by following a link or a search result: recorded in history. */
void browse_go_to_card(struct browse *b, const struct card *card, int section)
{
	if (b->view.card && b->view.card != card)
		browse_remember(b, (struct history_entry){ b->view.card, card_view_section(&b->view), b->view.scroll, NULL });
	browse_select_card(b, card);
	card_view_set_card(&b->view, card, section);
}

/* Backspace: the card read before, or the screen left for this one. */
enum intent browse_go_back(struct browse *b, struct ui *ui)
{
	struct history_entry entry;

	if (b->nhistory == 0) {
		ui_message(ui, ROLE_DIM, "No earlier topic to go back to");
		return INTENT_REDRAW;
	}
	entry = b->history[--b->nhistory];
	if (entry.screen) {
		ui->pending = entry.screen;
		return INTENT_OPEN;
	}
	browse_select_card(b, entry.card);
	card_view_set_card(&b->view, entry.card, entry.section);
	b->view.scroll = entry.scroll;
	return INTENT_REDRAW;
}

/* Shows search hit ui->search.current, its matches highlighted. */
void browse_open_hit(struct browse *b, struct ui *ui)
{
	const struct search_hit *hit;

	if (!ui->search.active || ui->search.current >= ui->search.results.count)
		return;
	hit = ui_search_hit(ui, ui->search.current);
	browse_go_to_card(b, hit->card, hit->section);
	card_view_set_query(&b->view, ui->search.query);
	card_view_show_hit(&b->view, hit);
	b->focus = FOCUS_CARD;
	b->view.link = -1;
	ui_message(ui, ROLE_DIM, "Match %zu of %zu for \"%s\" (n: next, N: previous)", ui->search.current + 1,
		   ui->search.results.count, ui->search.query);
}

enum intent browse_step_match(struct browse *b, struct ui *ui, int direction)
{
	size_t count = ui->search.results.count;

	if (!ui->search.active || count == 0) {
		ui_message(ui, ROLE_DIM, "No search results: press / to search");
		return INTENT_REDRAW;
	}
	ui->search.current = (ui->search.current + count + (size_t)(direction > 0 ? 1 : count - 1)) % count;
	browse_open_hit(b, ui);
	return INTENT_REDRAW;
}

/* Opens the topic the query names (search_rank() decided): at its first
 * match when its text has the query, the rest a press of n away. */
static enum intent open_named(struct browse *b, struct ui *ui)
{
	const struct search_ranking *ranking = &ui->search.ranking;
	size_t total = ui->search.results.count, own = ranking->topics[0].hits;

	if (own > 0) {
		browse_open_hit(b, ui);
		ui_message(ui, ROLE_DIM, "%s, named: n steps through %zu match%s", ranking->named->title, total,
			   total == 1 ? "" : "es");
		return INTENT_REDRAW;
	}
	browse_go_to_card(b, ranking->named, -1);
	b->focus = FOCUS_CARD;
	b->view.link = -1;
	/* No hit is open yet: n goes to the first. */
	ui->search.current = total > 0 ? total - 1 : 0;
	if (total == 0)
		ui_message(ui, ROLE_DIM, "No card mentions \"%s\": opened %s, the closest name", ui->search.query,
			   ranking->named->title);
	else
		ui_message(ui, ROLE_DIM, "%s, named: n steps through %zu match%s in other cards",
			   ranking->named->title, total, total == 1 ? "" : "es");
	return INTENT_REDRAW;
}

/* Enter in the prompt: the topic the words name, else the full-text results. */
static enum intent submit_search(struct browse *b, struct ui *ui)
{
	const struct card *keep = browse_selected_card(b) ? browse_selected_card(b) : b->view.card;

	b->prompting = false;
	browse_rebuild_rows(b, keep);
	if (b->filter[0] == '\0')
		return INTENT_REDRAW;
	if (ui_search_run(ui, b->filter) < 0) {
		ui_message(ui, ROLE_ERROR, "Out of memory while searching");
		return INTENT_REDRAW;
	}
	card_view_set_query(&b->view, ui->search.query);
	if (ui->search.ranking.named)
		return open_named(b, ui);
	if (ui->search.results.count == 0) {
		ui_message(ui, ROLE_WARNING, "No matches for \"%s\"", ui->search.query);
		return INTENT_REDRAW;
	}
	ui->pending = results_new(ui);
	return ui->pending ? INTENT_OPEN : INTENT_REDRAW;
}

/* While typing, the highlight goes to the topic the words name (the drug
 * before an explainer that has its name in the title), else it stays. */
static const struct card *filter_choice(const struct browse *b, const struct ui *ui, const struct card *keep)
{
	enum library_naming how;
	const struct card *named = library_find_named(ui->library, b->filter, &how);

	return named && how != LIBRARY_NAMES_FUZZY ? named : keep;
}

/* Esc in the prompt: where the highlight now is, the list has the focus
 * (Enter opens it); a search that moved nothing gives the focus back. */
static void cancel_prompt(struct browse *b)
{
	b->prompting = false;
	if (browse_selected_card(b) && browse_selected_card(b) != b->selected_before_prompt)
		b->focus = FOCUS_LIST;
	else
		b->focus = b->focus_before_prompt;
	if (b->focus == FOCUS_LIST)
		b->view.link = -1;
}

enum intent browse_prompt_key(struct browse *b, struct ui *ui, const struct action *action, int key)
{
	const struct card *keep = browse_selected_card(b) ? browse_selected_card(b) : b->view.card;

	if (key >= 0x20 && key < KEYC_BASE && key != 0x7f) {
		ui_input_append(b->filter, sizeof(b->filter), key);
	} else if (!action || action->context == CTX_GLOBAL) {
		return INTENT_IGNORED;
	} else if (action->id == ACT_PROMPT_SUBMIT) {
		return submit_search(b, ui);
	} else if (action->id == ACT_PROMPT_CANCEL) {
		cancel_prompt(b);
		browse_rebuild_rows(b, keep);
		return INTENT_REDRAW;
	} else if (action->id == ACT_PROMPT_ERASE) {
		ui_input_erase(b->filter);
	} else if (action->id == ACT_PROMPT_CLEAR) {
		b->filter[0] = '\0';
	} else if (action->id == ACT_PROMPT_UP || action->id == ACT_PROMPT_DOWN) {
		browse_move_selection(b, action->id == ACT_PROMPT_UP ? -1 : 1);
		return INTENT_REDRAW;
	}
	browse_rebuild_rows(b, filter_choice(b, ui, keep));
	return INTENT_REDRAW;
}
