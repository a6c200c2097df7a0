/* fsrs_revlog — review histories for the optimizer (include/fsrs_fit.h):
 * read from a review-log CSV in fsrs-rs's format, or from the progress store.
 *
 * The CSV has a header naming at least card_id, review_time, review_rating,
 * review_state and review_duration (any order, more columns ignored):
 * review_time in milliseconds since the epoch, review_rating 1..4,
 * review_state 0 new, 1 learning, 2 review, 3 relearning, review_duration in
 * milliseconds.  A study day starts at rollover_hour in the time zone
 * tz_offset_minutes east of UTC (default 4 a.m. UTC, as fsrs-rs's tools).
 * Each bad row gets "FILE:LINE: error: ..." in the diagnostics and is skipped.
 * Core code: never prints.
 */
#ifndef RXPLORE_FSRS_REVLOG_H
#define RXPLORE_FSRS_REVLOG_H

#include <stddef.h>
#include <time.h>

#include "diag.h"
#include "fsrs_fit.h"

struct progress;

struct fsrs_revlog_options {
	int rollover_hour;	/* 0..23, default 4 */
	int tz_offset_minutes;	/* east of UTC, default 0 */
	time_t now;		/* rows after this are errors: clock_now() by default */
};

void fsrs_revlog_options_default(struct fsrs_revlog_options *options);

/* Parses CSV text (path names it in messages) into history.  Returns the
 * number of rows added, or -1 when the header is unusable or out of memory
 * (with a diagnostic). */
long fsrs_revlog_parse(const char *path, const char *text, size_t length,
		       const struct fsrs_revlog_options *options, struct fsrs_history *history,
		       struct diag_list *diags);

/* Reads the file at path and parses it as above; -1 also when it cannot be read. */
long fsrs_revlog_read(const char *path, const struct fsrs_revlog_options *options,
		      struct fsrs_history *history, struct diag_list *diags);

/* Adds the progress store's review log: every answer that moved a memory
 * state, per question, days cut by clock_day() at rollover_hour (local time,
 * as the scheduler counts them).  Returns the number added, or -1 on a
 * database error or out of memory. */
long fsrs_history_from_progress(struct progress *progress, int rollover_hour, struct fsrs_history *history);

#endif
