/* notice — the first-start notice: what rxplore is for.  Shown until a key
 * dismisses it, then remembered by a marker file in the state directory; if
 * the marker cannot be written the notice simply shows again next time. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "screen.h"
#include "text.h"

#define MARKER_NAME "notice-seen"

const char ui_notice_text[] =
	"rxplore is a study aid for learning pharmacology. It is for education, not for treatment "
	"decisions: never use it to decide a dose, start or stop a medicine, or judge an emergency.\n"
	"\n"
	"Cards marked DRAFT have not yet been reviewed by a pharmacist or physician. Check a current "
	"reference and ask a professional before acting on anything you read here.\n"
	"\n"
	"Press any key to start. Press ? at any time for the keys.";

/* The marker: in the state directory main.c passes, else where paths puts it. */
static bool marker_path(const struct ui *ui, char *buf, size_t size)
{
	const char *dir = ui->options ? ui->options->state_dir : NULL;
	int n;

	if (!dir || !*dir)
		return paths_notice_file(buf, size);
	n = snprintf(buf, size, "%s/%s", dir, MARKER_NAME);
	return n > 0 && (size_t)n < size;
}

bool notice_seen(const struct ui *ui)
{
	char path[4096];

	return marker_path(ui, path, sizeof(path)) && access(path, F_OK) == 0;
}

static void notice_remember(const struct ui *ui)
{
	char path[4096];
	int fd;

	if (!marker_path(ui, path, sizeof(path)) || paths_make_parent(path) != 0)
		return;
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
}

static void notice_draw(struct screen *screen, struct ui *ui, struct rect area)
{
	struct text_lines lines;
	int w = area.w - 4 < 70 ? area.w - 4 : 70, x, y;
	size_t i;

	(void)screen;
	text_lines_init(&lines);
	if (text_wrap(&lines, ui_notice_text, strlen(ui_notice_text), w, TEXT_REFLOW) < 0)
		lines.count = 0;
	x = area.x + (area.w - w) / 2;
	y = area.y + (area.h - (int)lines.count - 2) / 2;
	if (y < area.y)
		y = area.y;
	ui_puts(y, x, w, "Before you start", ROLE_TITLE);
	ui_hline(y + 1, x, w, ROLE_DIM);
	for (i = 0; i < lines.count && y + 2 + (int)i < area.y + area.h; i++) {
		const struct text_line *line = &lines.items[i];

		ui_put(y + 2 + (int)i, x + line->indent, w - line->indent, ui_notice_text + line->start, line->len,
		       i < 2 ? ROLE_WARNING : ROLE_TEXT);
	}
	ui_cursor(ui, y, x);
	text_lines_release(&lines);
}

static enum intent notice_key(struct screen *screen, struct ui *ui, const struct action *action, int key)
{
	(void)screen;
	/* Ctrl-C and Ctrl-L keep their meaning; everything else dismisses. */
	if (action && action->context == CTX_GLOBAL && action->id != ACT_HELP)
		return INTENT_IGNORED;
	(void)key;
	notice_remember(ui);
	return INTENT_BACK;
}

static enum intent notice_mouse(struct screen *screen, struct ui *ui, enum mouse_kind kind, int y, int x)
{
	(void)y;
	(void)x;
	return kind == MOUSE_CLICK ? notice_key(screen, ui, NULL, 0) : INTENT_HANDLED;
}

static void notice_hints(const struct screen *screen, const struct ui *ui, char *buf, size_t size)
{
	(void)screen;
	(void)ui;
	snprintf(buf, size, "any key:continue");
}

static const struct screen_ops notice_ops = {
	.context = CTX_GLOBAL, .draw = notice_draw, .key = notice_key,
	.mouse = notice_mouse, .hints = notice_hints,
};

struct screen *notice_new(struct ui *ui)
{
	return screen_new(ui, sizeof(struct screen), &notice_ops);
}
