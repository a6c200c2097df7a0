/* stats — study statistics from the progress store (no curses, no SQLite).
 *
 * stats_compute() reads the review log and the memory states through the
 * progress store's callbacks and reduces them, for "now", to what the Stats
 * screen and `rxplore stats` show: what is due today and in the coming week,
 * answers per day over the last 30 days, true retention, and per topic the
 * questions seen, the chance of recalling them now and their lapses.  stats_render() lays that out as lines of text with bar charts, the
 * same for line mode and the terminal UI.  Library code: never prints.
 *
 * Days are study days: clock_day(t, rollover_hour).
 * Invariants after a successful stats_compute():
 *   forecast[0] == due_today; every count is >= 0;
 *   retention_correct <= retention_total (both windows);
 *   for each topic, seen <= questions and 0 <= recall <= 1 (0 when seen == 0);
 *   topics are weakest first (stats_compute() says the order).
 */
#ifndef RXPLORE_STATS_H
#define RXPLORE_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "card.h"
#include "fsrs.h"
#include "progress.h"
#include "quiz.h"

struct workload;

#define STATS_FORECAST_DAYS 7	/* today (overdue included) and the six days after */
#define STATS_HISTORY_DAYS 30	/* reviews per day and the retention window */

struct stats_topic {
	const struct card *card;
	size_t questions;	/* in the question bank */
	size_t seen;		/* of those, with a memory state */
	double recall;		/* mean retrievability now (FSRS) over the seen ones */
	long lapses;		/* answers forgotten after being learnt, over its questions */
};

struct stats {
	long today;				/* clock_day(now) */
	int rollover_hour;
	long due_today;				/* due on or before today */
	long forecast[STATS_FORECAST_DAYS];	/* [i]: due on today + i ([0] includes overdue) */
	long reviews[STATS_HISTORY_DAYS];	/* [i]: answers on today - (STATS_HISTORY_DAYS - 1) + i */
	long reviews_total;			/* every answer ever logged */
	/* True retention: first answers in a session (those that updated the
	 * memory) to questions first seen on an earlier day; correct = grade >= 2.
	 * The first pair is the last STATS_HISTORY_DAYS days, the second all time. */
	long retention_correct, retention_total;
	long retention_correct_all, retention_total_all;
	struct stats_topic *topics;		/* topics with questions, weakest first */
	size_t ntopics;
	size_t questions, seen;			/* over every topic */
	long orphans;	/* memory states of questions the loaded cards no longer have */
	struct workload *workload;	/* NULL, or the workload chart and exam plan (owned) */
};

/* Computes the statistics of `progress` at time `now`.  Topics come weakest
 * first: those seen by recall, lowest first (more lapses first on a tie),
 * then those never seen; then by title.  bank (may be NULL:
 * no topics, and every memory state counts as due) gives the topics and
 * their questions; states of questions outside it count as orphans, not as
 * due.  Returns 0, or -1 on a database error (see progress_error()) or when
 * out of memory; *stats is then empty but safe to release. */
int stats_compute(struct stats *stats, struct progress *progress, const struct quiz_bank *bank,
		  const struct fsrs_params *params, int rollover_hour, time_t now);
void stats_release(struct stats *stats);

/* Share of correct answers in [0, 1], or -1 when total is 0. */
double stats_ratio(long correct, long total);

/* Draws value out of max as a bar of at most width columns into buf: eighth
 * blocks (▏▎▍▌▋▊▉█) when utf8, else '#'.  A positive value always shows at
 * least the smallest mark; value >= max fills the width; value <= 0, NaN,
 * max <= 0 or width <= 0 draw nothing.  The bar is cut to whole cells that
 * fit in size bytes.  Returns the columns drawn (0 when size is 0). */
int stats_bar(char *buf, size_t size, double value, double max, int width, bool utf8);

enum stats_line_kind { STATS_TITLE, STATS_HEADING, STATS_TEXT, STATS_NOTE, STATS_BAR_ROW, STATS_BLANK };

struct stats_line {
	enum stats_line_kind kind;
	const char *text;	/* never wider than the render width */
	size_t bar_start, bar_len;	/* STATS_BAR_ROW: the bar's bytes within text */
};

/* Lays the statistics out in `width` columns (at least 20) and calls
 * each(line, ctx) for every line, top to bottom; stops when it returns
 * non-zero.  When nothing has been answered yet the charts are replaced by a
 * plain sentence and empty_hint (e.g. "Try `rxplore quiz`."), if non-NULL.
 * Returns 0, non-zero from each(), or -1 when out of memory. */
int stats_render(const struct stats *stats, int width, bool utf8, const char *empty_hint,
		 int (*each)(const struct stats_line *line, void *ctx), void *ctx);

#endif
