/* screens — the registry of screens opened from browse (see screens.h). */
#include "screens.h"

#include <stdlib.h>

#include "study.h"

bool screens_progress_for_reading(struct ui *ui, struct study_progress *sp)
{
	const char *profile = ui->options ? ui->options->profile : NULL;
	char why[4300];
	if (study_progress_open(sp, profile, STUDY_FOR_READING) < 0) {
		study_strerror(sp, profile, why, sizeof why);
		if (sp->error != STUDY_EUNREADABLE) {
			ui_message(ui, ROLE_ERROR, "%s", why);
			return false;
		}
		ui_message(ui, ROLE_WARNING, "%s", why);
	}
	return true;
}

void *screen_new(struct ui *ui, size_t size, const struct screen_ops *ops)
{
	struct screen *screen = calloc(1, size);

	if (!screen) {
		ui_message(ui, ROLE_ERROR, "Out of memory");
		return NULL;
	}
	screen->ops = ops;
	return screen;
}

const struct screen_entry screens_table[SCREEN_KIND_COUNT] = {
	[SCREEN_COMPARE] = { compare_view_open, NULL },
	[SCREEN_COMPARE_PICK] = { compare_pick_open, NULL },
	[SCREEN_QUIZ] = { quiz_chooser_open, NULL },
	[SCREEN_STATS] = { stats_view_open, NULL },
	[SCREEN_CONFUSIONS] = { confusions_view_open, NULL },
};

enum intent screens_open(struct ui *ui, enum screen_kind kind, const struct screen_request *request)
{
	const struct screen_entry *entry = &screens_table[kind];
	struct screen *screen;

	if (!entry->open) {
		ui_message(ui, ROLE_WARNING, "%s", entry->unavailable);
		return INTENT_REDRAW;
	}
	screen = entry->open(ui, request);
	if (!screen)
		return INTENT_REDRAW;	/* the constructor said why with ui_message() */
	ui->pending = screen;
	return INTENT_OPEN;
}
