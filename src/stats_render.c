/* stats_render — the statistics as lines of text with bar charts, one layout
 * for line mode and the terminal UI (see include/stats.h). */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "stats.h"
#include "text.h"

#include "stats_chart.h"
#include "workload.h"

enum {
	INDENT = 2,
	GAP = 2,
	MIN_BAR = 10,	/* labels and notes give way before the bar shrinks below this... */
	MIN_BAR_NARROW = 4,	/* ...or below a sixth of a narrow output */
	MIN_LABEL = 6,
	WIDTH_MAX = 1000,
};

void chart_line(struct out *out, enum stats_line_kind kind, const char *text, size_t bar_start,
		 size_t bar_len)
{
	if (out->rc != 0)
		return;
	struct stats_line line = { kind, text, bar_start, bar_len };
	out->rc = out->each(&line, out->ctx);
}

/* Prose, wrapped to the width. */
void chart_text(struct out *out, enum stats_line_kind kind, const char *text)
{
	struct text_lines lines;
	char buf[LINE_MAX];

	if (out->rc != 0)
		return;
	text_lines_init(&lines);
	if (text_wrap(&lines, text, strlen(text), out->width, TEXT_REFLOW) < 0) {
		out->rc = -1;
		return;
	}
	for (size_t i = 0; i < lines.count; i++) {
		const struct text_line *l = &lines.items[i];
		int indent = l->indent < out->width ? l->indent : 0;
		size_t len = text_fit(text + l->start, l->len, out->width - indent, NULL);
		if (len + (size_t)indent >= sizeof buf)
			len = sizeof buf - 1 - (size_t)indent;
		snprintf(buf, sizeof buf, "%*s%.*s", indent, "", (int)len, text + l->start);
		chart_line(out, kind, buf, 0, 0);
	}
	text_lines_release(&lines);
}

/* Appends s to line, cut to cols columns (with an ellipsis when cut) and, when
 * pad_right, padded with spaces to exactly cols. */
static void append_cell(char *line, size_t *used, const char *s, int cols, bool pad_right, bool utf8)
{
	int w = text_width(s);
	size_t len = strlen(s);
	if (cols <= 0) {
		w = 0;
	} else if (w > cols) {
		const char *mark = utf8 ? "\xE2\x80\xA6" : "~";
		len = text_fit(s, len, cols - 1, &w);
		w += 1;
		*used += (size_t)snprintf(line + *used, LINE_MAX - *used, "%.*s%s", (int)len, s, mark);
	} else {
		*used += (size_t)snprintf(line + *used, LINE_MAX - *used, "%s", s);
	}
	for (; pad_right && w < cols && *used + 1 < LINE_MAX; w++)
		line[(*used)++] = ' ';
	line[*used] = '\0';
}

static void pad_left(char *line, size_t *used, const char *s, int cols)
{
	for (int w = text_width(s); w < cols && *used + 1 < LINE_MAX; w++)
		line[(*used)++] = ' ';
	line[*used] = '\0';
	append_cell(line, used, s, cols, false, false);
}

static int widest(const struct row *rows, size_t n, size_t offset)
{
	int w = 0;
	for (size_t i = 0; i < n; i++) {
		int cw = text_width((const char *)&rows[i] + offset);
		if (cw > w)
			w = cw;
	}
	return w;
}

/* "  label  number  bar  note", with the columns lined up and the whole row
 * no wider than the output.  Bars are scaled to max. */
void chart_rows(struct out *out, const struct row *rows, size_t n, double max)
{
	int label_w = widest(rows, n, offsetof(struct row, label));
	int number_w = widest(rows, n, offsetof(struct row, number));
	int note_w = widest(rows, n, offsetof(struct row, note));
	int fixed = INDENT + GAP + number_w + GAP;
	int bar_w = out->width - fixed - label_w - (note_w ? GAP + note_w : 0);
	int min_bar = out->width / 6 < MIN_BAR_NARROW ? MIN_BAR_NARROW :
		      out->width / 6 > MIN_BAR ? MIN_BAR : out->width / 6;

	if (bar_w < min_bar && label_w > MIN_LABEL) {
		int give = min_bar - bar_w < label_w - MIN_LABEL ? min_bar - bar_w : label_w - MIN_LABEL;
		label_w -= give;
		bar_w += give;
	}
	if (bar_w < min_bar && note_w > 0) {
		int give = min_bar - bar_w < note_w ? min_bar - bar_w : note_w;
		note_w -= give;
		bar_w += give;
		if (note_w <= 1) {	/* no room for a note worth reading: drop the column */
			bar_w += note_w + GAP;
			note_w = 0;
		}
	}
	if (bar_w < 0)
		bar_w = 0;

	for (size_t i = 0; i < n && out->rc == 0; i++) {
		char line[LINE_MAX], bar[LINE_MAX];
		size_t used = 0;

		append_cell(line, &used, "", INDENT, true, out->utf8);
		append_cell(line, &used, rows[i].label, label_w, true, out->utf8);
		append_cell(line, &used, "", GAP, true, out->utf8);
		pad_left(line, &used, rows[i].number, number_w);
		append_cell(line, &used, "", GAP, true, out->utf8);
		size_t bar_start = used;
		int cols = stats_bar(bar, sizeof bar, rows[i].value, max, bar_w, out->utf8);
		append_cell(line, &used, bar, cols, false, out->utf8);
		size_t bar_len = used - bar_start;
		if (note_w > 0 && rows[i].note[0]) {
			append_cell(line, &used, "", bar_w - cols + GAP, true, out->utf8);
			append_cell(line, &used, rows[i].note, note_w, false, out->utf8);
		}
		while (used > 0 && line[used - 1] == ' ')
			line[--used] = '\0';
		/* The columns above add up to the width; this only guards the arithmetic. */
		used = text_fit(line, used, out->width, NULL);
		line[used] = '\0';
		if (bar_start + bar_len > used)
			bar_len = bar_start < used ? used - bar_start : 0;
		chart_line(out, STATS_BAR_ROW, line, bar_len ? bar_start : 0, bar_len);
	}
}

void chart_day_label(char *buf, size_t size, long day, long today, int rollover_hour)
{
	time_t start = clock_day_start(day, rollover_hour);
	struct tm tm;

	if (day == today)
		snprintf(buf, size, "Today");
	else if (!localtime_r(&start, &tm) || strftime(buf, size, "%a %d %b", &tm) == 0)
		snprintf(buf, size, "day %ld", day);
}

static void percent(char *buf, size_t size, double ratio)
{
	if (ratio < 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.0f%%", ratio * 100);
}

static void render_due(struct out *out, const struct stats *s)
{
	struct row rows[STATS_FORECAST_DAYS] = { { "", "", "", 0 } };
	long week = 0, max = 0;
	char heading[128];

	for (int i = 0; i < STATS_FORECAST_DAYS; i++) {
		chart_day_label(rows[i].label, sizeof rows[i].label, s->today + i, s->today, s->rollover_hour);
		snprintf(rows[i].number, sizeof rows[i].number, "%ld", s->forecast[i]);
		rows[i].value = (double)s->forecast[i];
		week += s->forecast[i];
		max = s->forecast[i] > max ? s->forecast[i] : max;
	}
	snprintf(heading, sizeof heading, "Due today: %ld question%s (%ld in the next %d days)", s->due_today,
		 s->due_today == 1 ? "" : "s", week, STATS_FORECAST_DAYS);
	chart_text(out, STATS_HEADING, heading);
	chart_rows(out, rows, STATS_FORECAST_DAYS, (double)max);
}

static void render_reviews(struct out *out, const struct stats *s)
{
	struct row rows[STATS_HISTORY_DAYS] = { { "", "", "", 0 } };
	long sum = 0, max = 0, days = 0;
	int first = STATS_HISTORY_DAYS - 1, n = 0;
	char heading[160];

	/* A learner who started last week need not scroll past three empty weeks. */
	for (int i = STATS_HISTORY_DAYS - 1; i >= 0; i--)
		if (s->reviews[i] > 0)
			first = i;
	for (int i = first; i < STATS_HISTORY_DAYS; i++, n++) {
		long day = s->today - (STATS_HISTORY_DAYS - 1) + i;
		chart_day_label(rows[n].label, sizeof rows[n].label, day, s->today, s->rollover_hour);
		snprintf(rows[n].number, sizeof rows[n].number, "%ld", s->reviews[i]);
		rows[n].value = (double)s->reviews[i];
		sum += s->reviews[i];
		days += s->reviews[i] > 0;
		max = s->reviews[i] > max ? s->reviews[i] : max;
	}
	snprintf(heading, sizeof heading, "Answers per day, last %d days: %ld on %ld day%s (%ld in all)",
		 STATS_HISTORY_DAYS, sum, days, days == 1 ? "" : "s", s->reviews_total);
	chart_text(out, STATS_HEADING, heading);
	chart_rows(out, rows, (size_t)n, (double)max);
}

static void retention_row(struct row *row, const char *label, long correct, long total)
{
	double ratio = stats_ratio(correct, total);
	snprintf(row->label, sizeof row->label, "%s", label);
	percent(row->number, sizeof row->number, ratio);
	row->value = ratio > 0 ? ratio : 0;
	if (total > 0)
		snprintf(row->note, sizeof row->note, "%ld of %ld", correct, total);
	else
		snprintf(row->note, sizeof row->note, "no answers yet");
}

static void render_retention(struct out *out, const struct stats *s)
{
	struct row rows[2] = { { "", "", "", 0 } };
	char label[64];

	snprintf(label, sizeof label, "Last %d days", STATS_HISTORY_DAYS);
	retention_row(&rows[0], label, s->retention_correct, s->retention_total);
	retention_row(&rows[1], "All time", s->retention_correct_all, s->retention_total_all);
	chart_text(out, STATS_HEADING, "True retention");
	chart_rows(out, rows, 2, 1.0);
	chart_text(out, STATS_NOTE,
		  "  Answers to questions first seen on an earlier day; correct: Hard or better.");
}

/* Per topic, weakest first: the chance of recall now, how much of the topic
 * has been seen and how often it was forgotten. */
static void render_topics(struct out *out, const struct stats *s)
{
	char text[160];

	snprintf(text, sizeof text, "Topics, weakest first: %zu of %zu questions seen", s->seen, s->questions);
	chart_text(out, STATS_HEADING, text);
	if (s->ntopics == 0) {
		chart_text(out, STATS_NOTE, "  The loaded cards have no questions.");
		return;
	}
	struct row *rows = calloc(s->ntopics, sizeof *rows);
	if (!rows) {
		out->rc = out->rc ? out->rc : -1;
		return;
	}
	for (size_t i = 0; i < s->ntopics; i++) {
		const struct stats_topic *t = &s->topics[i];
		const char *name = t->card->title ? t->card->title : t->card->id;
		snprintf(rows[i].label, sizeof rows[i].label, "%s", name);
		/* Rounded down: "100%" would read as "nothing left to learn". */
		if (t->seen)
			snprintf(rows[i].number, sizeof rows[i].number, "%d%%", (int)floor(t->recall * 100));
		else
			percent(rows[i].number, sizeof rows[i].number, -1);
		rows[i].value = t->seen ? t->recall : 0;
		if (t->lapses > 0)
			snprintf(rows[i].note, sizeof rows[i].note, "%zu/%zu seen, %ld lapse%s", t->seen, t->questions,
				 t->lapses, t->lapses == 1 ? "" : "s");
		else
			snprintf(rows[i].note, sizeof rows[i].note, "%zu/%zu seen", t->seen, t->questions);
	}
	chart_rows(out, rows, s->ntopics, 1.0);
	free(rows);
	chart_text(out, STATS_NOTE,
		   "  Recall: the chance (FSRS) that you recall the topic's seen questions now. Seen: questions "
		   "answered of the topic's total. Lapses: answers forgotten after being learnt.");
	if (s->orphans > 0) {
		snprintf(text, sizeof text,
			 "  %ld reviewed question%s belong%s to cards that are not loaded now.", s->orphans,
			 s->orphans == 1 ? "" : "s", s->orphans == 1 ? "s" : "");
		chart_text(out, STATS_NOTE, text);
	}
}

int stats_render(const struct stats *stats, int width, bool utf8, const char *empty_hint,
		 int (*each)(const struct stats_line *line, void *ctx), void *ctx)
{
	struct out out = { width < 20 ? 20 : width > WIDTH_MAX ? WIDTH_MAX : width, utf8, each, ctx, 0 };
	char title[160], date[64];
	time_t start = clock_day_start(stats->today, stats->rollover_hour);
	struct tm tm;

	if (!localtime_r(&start, &tm) || strftime(date, sizeof date, "%a %d %b %Y", &tm) == 0)
		snprintf(date, sizeof date, "day %ld", stats->today);
	snprintf(title, sizeof title, "Study statistics for %s (days start at %02d:00)", date,
		 stats->rollover_hour);
	chart_text(&out, STATS_TITLE, title);
	chart_line(&out, STATS_BLANK, "", 0, 0);
	if (stats->reviews_total == 0 && stats->seen == 0) {
		snprintf(title, sizeof title, "No study progress yet: %zu question%s waiting.",
			 stats->questions, stats->questions == 1 ? "" : "s");
		chart_text(&out, STATS_TEXT, title);
		if (empty_hint)
			chart_text(&out, STATS_TEXT, empty_hint);
		if (stats->workload && stats->workload->exam_day >= 0) {
			chart_line(&out, STATS_BLANK, "", 0, 0);
			stats_render_exam(&out, stats->workload);
		}
		return out.rc;
	}
	render_due(&out, stats);
	chart_line(&out, STATS_BLANK, "", 0, 0);
	render_retention(&out, stats);
	chart_line(&out, STATS_BLANK, "", 0, 0);
	render_topics(&out, stats);
	chart_line(&out, STATS_BLANK, "", 0, 0);
	/* The confusions and leeches (what the learner mixes up, what keeps
	 * failing) belong here, beside the weakest topics: a section of their
	 * own, render_confusions(), computed with the rest in stats_compute(). */
	render_reviews(&out, stats);
	if (stats->workload) {
		chart_line(&out, STATS_BLANK, "", 0, 0);
		stats_render_workload(&out, stats->workload);
	}
	return out.rc;
}
