/* screens — the registry of screens opened from browse (see screens.h). */
#include "screens.h"

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
