/* stats_workload — the workload chart (answers a day at a few desired
 * retentions) and the exam plan, as stats lines for both front-ends
 * (include/workload.h computes them; stats_render.c draws the rest). */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "stats_chart.h"

enum { PLAN_DAILY_MAX = 14 };	/* up to two weeks a row a day, then a row a week */

/* The days as one mark each, eight heights ("▁".."█"; " .:-=+*#" without
 * UTF-8), scaled to max. */
static void sparkline(char *buf, size_t size, const long *per_day, size_t days, long max, bool utf8)
{
	static const char *const blocks[] = { "\xE2\x96\x81", "\xE2\x96\x82", "\xE2\x96\x83", "\xE2\x96\x84",
					      "\xE2\x96\x85", "\xE2\x96\x86", "\xE2\x96\x87", "\xE2\x96\x88" };
	static const char ascii[] = " .:-=+*#";
	size_t used = 0;
	buf[0] = '\0';
	for (size_t d = 0; d < days; d++) {
		int level = max > 0 ? (int)((per_day[d] * 7 + max - 1) / max) : 0;
		if (level > 7)
			level = 7;
		const char *mark = utf8 ? blocks[level] : (char[]){ ascii[level], '\0' };
		size_t len = strlen(mark);
		if (used + len + 1 > size)
			break;
		memcpy(buf + used, mark, len + 1);
		used += len;
	}
}

void stats_render_workload(struct out *out, const struct workload *wl)
{
	struct row rows[WORKLOAD_LEVELS];
	long most = 0, top_day = 0;
	memset(rows, 0, sizeof rows);
	for (size_t i = 0; i < wl->nlevels; i++) {
		long sum = 0;
		for (int d = 0; d < WORKLOAD_DAYS; d++) {
			sum += wl->per_day[i][d];
			top_day = wl->per_day[i][d] > top_day ? wl->per_day[i][d] : top_day;
		}
		most = sum > most ? sum : most;
		rows[i].value = (double)sum / WORKLOAD_DAYS;
	}
	for (size_t i = 0; i < wl->nlevels; i++) {
		snprintf(rows[i].label, sizeof rows[i].label, "%s %.0f%%", i == wl->current ? (out->utf8 ? "\xE2\x96\xB8" : ">") : " ",
			 wl->levels[i] * 100);
		snprintf(rows[i].number, sizeof rows[i].number, "%.1f/day", rows[i].value);
		sparkline(rows[i].note, sizeof rows[i].note, wl->per_day[i], WORKLOAD_DAYS, top_day, out->utf8);
	}
	char text[400];
	snprintf(text, sizeof text, "Workload: answers a day over the next %d days, by desired retention", WORKLOAD_DAYS);
	chart_text(out, STATS_HEADING, text);
	chart_rows(out, rows, wl->nlevels, (double)most / WORKLOAD_DAYS);
	int used = snprintf(text, sizeof text,
			    "  %s your setting, desired_retention %.2f (0.70-0.97 in the config file). Simulated from "
			    "your %zu reviewed question%s",
			    out->utf8 ? "\xE2\x96\xB8" : ">", wl->params.desired_retention, wl->count,
			    wl->count == 1 ? "" : "s");
	if (used > 0 && (size_t)used < sizeof text && wl->fresh && wl->new_per_day)
		used += snprintf(text + used, sizeof text - (size_t)used, " and %d new a day of the %zu unseen",
				 wl->new_per_day, wl->fresh);
	if (used > 0 && (size_t)used < sizeof text)
		snprintf(text + used, sizeof text - (size_t)used, ", with %s parameters; one mark a day.",
			 wl->fitted ? "your fitted" : "the default");
	chart_text(out, STATS_NOTE, text);
	if (wl->refit_due) {
		snprintf(text, sizeof text,
			 "  Your reviews have doubled since the parameters were fitted (%ld then, %ld now): fit them "
			 "again with rxplore fsrs fit.",
			 wl->reviews_at_fit, wl->reviews_now);
		chart_text(out, STATS_NOTE, text);
	}
	if (wl->exam_day >= 0) {
		chart_line(out, STATS_BLANK, "", 0, 0);
		stats_render_exam(out, wl);
	}
}

void stats_render_exam(struct out *out, const struct workload *wl)
{
	char text[320], date[16];
	clock_date_text(wl->exam_day, date, sizeof date);
	if (wl->plan_days <= 0) {
		snprintf(text, sizeof text, "Exam on %s: %s.", date,
			 wl->exam_day == wl->today ? "today" : "past (rxplore exam clear, or set the next one)");
		chart_text(out, STATS_HEADING, text);
		return;
	}
	snprintf(text, sizeof text, "Exam on %s: %ld day%s left, answers a day until then", date, wl->plan_days,
		 wl->plan_days == 1 ? "" : "s");
	chart_text(out, STATS_HEADING, text);
	struct row rows[PLAN_DAILY_MAX];
	bool weekly = wl->plan_days > PLAN_DAILY_MAX;
	size_t n = 0;
	long max = 0;
	memset(rows, 0, sizeof rows);
	for (long d = 0; d < wl->plan_days && n < PLAN_DAILY_MAX; d += weekly ? 7 : 1, n++) {
		long sum = 0, span = weekly ? 7 : 1;
		for (long k = d; k < d + span && k < wl->plan_days; k++)
			sum += wl->plan[k];
		char day[64];
		chart_day_label(day, sizeof day, wl->today + d, wl->today, wl->rollover_hour);
		snprintf(rows[n].label, sizeof rows[n].label, "%s%s", weekly ? "Week from " : "", day);
		snprintf(rows[n].number, sizeof rows[n].number, "%ld", sum);
		rows[n].value = (double)sum;
		max = sum > max ? sum : max;
	}
	chart_rows(out, rows, n, (double)max);
	if (weekly && wl->plan_days > 7L * PLAN_DAILY_MAX) {
		snprintf(text, sizeof text, "  The first %d weeks of %ld days.", PLAN_DAILY_MAX, wl->plan_days);
		chart_text(out, STATS_NOTE, text);
	}
	int used = snprintf(text, sizeof text, "  Without a review %ld question%s would be below %.0f%% on the day.",
			    wl->at_risk, wl->at_risk == 1 ? "" : "s", wl->params.desired_retention * 100);
	if (wl->brought_forward > 0 && used > 0 && (size_t)used < sizeof text)
		used += snprintf(text + used, sizeof text - (size_t)used, " Review asks the %ld due only after it now.",
				 wl->brought_forward);
	if (used > 0 && (size_t)used < sizeof text)
		snprintf(text + used, sizeof text - (size_t)used,
			 " Cram (rxplore quiz --mode cram) asks the most at risk without changing their schedule.");
	chart_text(out, STATS_NOTE, text);
}
