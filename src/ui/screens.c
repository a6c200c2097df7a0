/* screens — the registry of screens opened from browse (see screens.h). */
#include "screens.h"

const struct screen_entry screens_table[SCREEN_KIND_COUNT] = {
	[SCREEN_COMPARE] = { NULL, "Comparison view: coming soon \xE2\x80\x94 use `rxplore compare A B`" },
	[SCREEN_QUIZ] = { NULL, "Quiz: coming soon \xE2\x80\x94 use `rxplore quiz`" },
	[SCREEN_STATS] = { NULL, "Statistics: coming soon \xE2\x80\x94 use `rxplore stats`" },
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
