/* reload — a start that paints first reads the rest of its cards after the
 * first frame (include/library_complete.h), and the pack caches it painted
 * from are checked on a thread (include/library_verify.h); when a pack
 * changed or a cache turns out damaged, the library is loaded again and the
 * screens start afresh on it. */
#include <curses.h>

#include "screen.h"

/* How often the main loop looks at a check under way, in ms. */
#define VERIFY_POLL_MS 50
#define IDLE_POLL_MS 250	/* ui.c's GETCH_TIMEOUT_MS */

void ui_verify_begin(struct ui *ui)
{
	enum library_verify_state now;

	if (ui->verified || ui->verify || !ui->options || !ui->options->reload)
		return;
	ui->verify = library_verify_start(ui->library, &now);
	if (ui->verify) {
		wtimeout(stdscr, VERIFY_POLL_MS);
		return;
	}
	/* Nothing to check, or checked here already. */
	ui->verified = true;
	ui->stale = now == LIBRARY_VERIFY_CHANGED;
}

void ui_verify_end(struct ui *ui)
{
	library_verify_end(ui->verify);
	ui->verify = NULL;
	wtimeout(stdscr, IDLE_POLL_MS);
}

bool ui_verify_changed(struct ui *ui)
{
	enum library_verify_state state;

	if (ui->stale) {
		ui->stale = false;
		return true;
	}
	if (!ui->verify)
		return false;
	state = library_verify_poll(ui->verify, NULL);
	if (state == LIBRARY_VERIFY_RUNNING)
		return false;
	ui_verify_end(ui);
	ui->verified = true;
	return state == LIBRARY_VERIFY_CHANGED;
}

void ui_free_screens(struct ui *ui)
{
	while (ui->depth > 0) {
		struct screen *top = ui->stack[--ui->depth];

		screen_free(top);
	}
	if (ui->pending) {
		screen_free(ui->pending);
		ui->pending = NULL;
	}
}

bool ui_complete(struct ui *ui)
{
	if (ui->completed)
		return true;
	ui->completed = true;
	return !ui->options || !ui->options->complete ||
	       ui->options->complete(ui->options->reload_context) == 0;
}

bool ui_reload(struct ui *ui, const char *reason)
{
	const struct library *library = ui->library;
	const struct diag_list *diags = ui->diags;
	struct screen *browse;
	int rc;

	/* Nothing may point into the old library once it is gone. */
	ui_verify_end(ui);
	ui->verified = true;
	ui_free_screens(ui);
	search_results_release(&ui->search.results);
	search_ranking_release(&ui->search.ranking);
	search_results_init(&ui->search.results);
	search_ranking_init(&ui->search.ranking);
	ui->search.active = false;
	ui->search.current = 0;
	ui->search.generation++;
	ui->ncompared = 0;
	rc = ui->options->reload(ui->options->reload_context, &library, &diags);
	ui->library = library;
	ui->diags = diags;
	browse = browse_new(ui);
	if (!browse)
		return false;
	ui->stack[ui->depth++] = browse;
	/* A library loaded again is whole. */
	ui->completed = true;
	if (rc == 0)
		ui_message(ui, ROLE_DIM, "%s: reloaded", reason);
	else
		ui_message(ui, ROLE_WARNING, "%s, but reloading the cards failed (out of memory)", reason);
	return true;
}
