/* stats_view — the `s` screen: study statistics as bar charts, scrollable.
 *
 * The numbers are computed once when the screen opens (stats.c); the layout
 * comes from stats_render(), the same as `rxplore stats`, and is redone only
 * when the width changes.  The database is opened for the computation and
 * closed again, so the screen holds no handle (and never creates a file). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "progress.h"
#include "quiz.h"
#include "screen.h"
#include "screens.h"
#include "scroll.h"
#include "stats.h"
#include "study.h"
#include "text.h"

#define EMPTY_HINT "Press t on a topic to quiz yourself, then come back here with s."

struct view_line {
	enum stats_line_kind kind;
	char *text;
	size_t bar_start, bar_len;
};

struct stats_view {
	struct screen base;
	struct stats stats;
	struct study_confusions sc;	/* the top confusions and the leeches, below the statistics */
	bool have_confusions;
	struct view_line *lines;
	size_t nlines, alloc;
	size_t ntitle;		/* the first ntitle lines stay on top while scrolling */
	int width;		/* the lines were laid out for this width; 0: not yet */
	struct scroll scroll;	/* over the lines below the title */
};

static struct stats_view *view_of(struct screen *screen)
{
	return (struct stats_view *)screen;
}

static void clear_lines(struct stats_view *v)
{
	for (size_t i = 0; i < v->nlines; i++)
		free(v->lines[i].text);
	v->nlines = 0;
	v->ntitle = 0;
}

static int keep_line(const struct stats_line *line, void *ctx)
{
	struct stats_view *v = ctx;

	if (v->nlines == v->alloc) {
		size_t alloc = v->alloc ? v->alloc * 2 : 64;
		struct view_line *lines = realloc(v->lines, alloc * sizeof(*lines));

		if (!lines)
			return -1;
		v->lines = lines;
		v->alloc = alloc;
	}
	struct view_line *l = &v->lines[v->nlines];
	if (!(l->text = strdup(line->text)))
		return -1;
	l->kind = line->kind;
	l->bar_start = line->bar_start;
	l->bar_len = line->bar_len;
	if (line->kind == STATS_TITLE && v->ntitle == v->nlines)
		v->ntitle++;
	v->nlines++;
	return 0;
}

/* How many confusions the statistics show (the x screen lists them all). */
#define STATS_TOP_CONFUSIONS 3

struct confusion_layout {
	struct stats_view *v;
	int width;
};

/* The confusions section: the presenter's lines wrapped to the width; line
 * mode's commands are left out (x opens the Confusions screen). */
static int keep_confusion(const struct confusion_line *line, void *ctx)
{
	struct confusion_layout *lay = ctx;
	if (line->kind == CONFUSION_COMMAND)
		return 0;
	enum stats_line_kind kind = line->kind == CONFUSION_TITLE ? STATS_HEADING
				    : line->kind == CONFUSION_BLANK ? STATS_BLANK
				    : line->kind == CONFUSION_TEXT ? STATS_NOTE : STATS_TEXT;
	int indent = (int)strspn(line->text, " ");
	const char *text = line->text + indent;
	struct text_lines lines;
	text_lines_init(&lines);
	int avail = lay->width - indent > 10 ? lay->width - indent : 10;
	int rc = text_wrap(&lines, text, strlen(text), avail, TEXT_REFLOW);
	for (size_t i = 0; rc == 0 && i < lines.count; i++) {
		char row[1024];
		snprintf(row, sizeof row, "%*s%.*s", indent, "", (int)lines.items[i].len, text + lines.items[i].start);
		struct stats_line out = { kind, row, 0, 0 };
		rc = keep_line(&out, lay->v);
	}
	if (rc == 0 && lines.count == 0) {
		struct stats_line out = { kind, "", 0, 0 };
		rc = keep_line(&out, lay->v);
	}
	text_lines_release(&lines);
	return rc;
}

static void layout(struct stats_view *v, const struct ui *ui, int width)
{
	if (v->width == width)
		return;
	clear_lines(v);
	v->width = width;
	struct confusion_layout lay = { v, width };
	struct stats_line blank = { STATS_BLANK, "", 0, 0 };
	if (stats_render(&v->stats, width, ui->utf8, EMPTY_HINT, keep_line, v) != 0 ||
	    (v->have_confusions &&
	     (keep_line(&blank, v) != 0 ||
	      confusions_render(&v->sc.report, ui->library, CONFUSION_RENDER_PAIRS | CONFUSION_RENDER_LEECHES,
				STATS_TOP_CONFUSIONS, keep_confusion, &lay) != 0))) {
		clear_lines(v);	/* out of memory: an empty screen, still closable */
		v->width = 0;
	}
	/* The blank line under the title is the rule's job on screen. */
	if (v->ntitle < v->nlines && v->lines[v->ntitle].kind == STATS_BLANK) {
		free(v->lines[v->ntitle].text);
		memmove(&v->lines[v->ntitle], &v->lines[v->ntitle + 1],
			(v->nlines - v->ntitle - 1) * sizeof(*v->lines));
		v->nlines--;
	}
}

static enum role line_role(enum stats_line_kind kind)
{
	switch (kind) {
	case STATS_TITLE: return ROLE_TITLE;
	case STATS_HEADING: return ROLE_HEADING;
	case STATS_NOTE: return ROLE_DIM;
	default: return ROLE_TEXT;
	}
}

static void draw_line(const struct view_line *l, int y, int x, int w)
{
	if (l->kind != STATS_BAR_ROW || l->bar_len == 0) {
		ui_puts(y, x, w, l->text, line_role(l->kind));
		return;
	}
	int col = x;
	size_t end = l->bar_start + l->bar_len;

	col += ui_put(y, col, x + w - col, l->text, l->bar_start, ROLE_TEXT);
	col += ui_put(y, col, x + w - col, l->text + l->bar_start, l->bar_len, ROLE_OK);
	ui_put(y, col, x + w - col, l->text + end, strlen(l->text + end), ROLE_TEXT);
}

static void stats_view_draw(struct screen *screen, struct ui *ui, struct rect area)
{
	struct stats_view *v = view_of(screen);
	int y = area.y, body_top;

	layout(v, ui, area.w - 2);
	for (size_t i = 0; i < v->ntitle && y < area.y + area.h; i++, y++)
		draw_line(&v->lines[i], y, area.x + 1, area.w - 2);
	if (y < area.y + area.h)
		ui_hline(y++, area.x, area.w, ROLE_DIM);
	body_top = y;
	v->scroll.visible = area.y + area.h - body_top;
	if (v->scroll.visible < 1)
		v->scroll.visible = 1;
	v->scroll.total = v->nlines - v->ntitle;
	scroll_clamp(&v->scroll);
	for (size_t i = v->ntitle + v->scroll.top; i < v->nlines && y < area.y + area.h; i++, y++)
		draw_line(&v->lines[i], y, area.x + 1, area.w - 2);
	if (body_top > area.y)
		ui_scroll_hint(body_top - 1, area.x + area.w, v->scroll.top, (size_t)v->scroll.visible,
			       v->scroll.total);
	ui_cursor(ui, body_top < area.y + area.h ? body_top : area.y, area.x);
}

static void stats_view_free(struct screen *screen)
{
	struct stats_view *v = view_of(screen);

	clear_lines(v);
	free(v->lines);
	stats_release(&v->stats);
	if (v->have_confusions)
		study_confusions_release(&v->sc);
	free(v);
}

static const struct screen_ops stats_view_ops = {
	.context = CTX_STATS, .draw = stats_view_draw, .free = stats_view_free,
};

/* Fills v->stats; false with a status-bar message when that cannot be done. */
static bool compute(struct stats_view *v, struct ui *ui)
{
	struct study_progress sp;
	/* Unreadable: said so, and the statistics are empty. */
	if (!screens_progress_for_reading(ui, &sp))
		return false;
	long exam_day;
	if (study_exam_day(ui->options ? ui->options->profile : NULL, ui->config, &exam_day) < 0)
		ui_message(ui, ROLE_WARNING, "The saved exam date cannot be read: rxplore exam set DATE");
	bool ok = study_stats(&v->stats, ui->library, ui->config, sp.progress, exam_day, clock_now()) == 0;
	/* Beside them, once something is saved: the confusions and leeches. */
	if (ok && sp.progress) {
		v->have_confusions = study_confusions_load(&v->sc, ui->library, ui->config, sp.progress) == 0;
		if (!v->have_confusions)
			study_confusions_release(&v->sc);
	}
	if (!ok)
		ui_message(ui, ROLE_ERROR, "Cannot read the progress: %s",
			   sp.progress && progress_error(sp.progress)[0] ? progress_error(sp.progress)
									 : "out of memory");
	else if (sp.notice.message[0])
		ui_message(ui, ROLE_WARNING, "%s", sp.notice.message);
	study_progress_close(&sp);
	return ok;
}

struct screen *stats_view_open(struct ui *ui, const struct screen_request *request)
{
	struct stats_view *v = screen_new(ui, sizeof *v, &stats_view_ops);

	(void)request;
	if (!v)
		return NULL;
	v->base.scroll = &v->scroll;
	if (!compute(v, ui)) {
		stats_view_free(&v->base);
		return NULL;
	}
	return &v->base;
}
