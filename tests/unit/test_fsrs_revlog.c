/* Unit tests for fsrs_revlog: the revlog CSV reader (good rows, each kind of
 * bad row, header problems, day cutting) and histories from the progress store. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "diag.h"
#include "fsrs_fit.h"
#include "fsrs_revlog.h"
#include "progress.h"

#define HEADER "card_id,review_time,review_rating,review_state,review_duration\n"
/* 2025-01-01T12:00:00Z */
#define NOON_MS 1735732800000LL

struct parsed {
	struct fsrs_history history;
	struct diag_list diags;
	long rows;
};

static struct fsrs_revlog_options options_at(time_t now)
{
	struct fsrs_revlog_options o;
	fsrs_revlog_options_default(&o);
	o.now = now;
	return o;
}

static void parse(struct parsed *p, const char *text, const struct fsrs_revlog_options *o)
{
	fsrs_history_init(&p->history);
	diag_list_init(&p->diags);
	p->rows = fsrs_revlog_parse("log.csv", text, strlen(text), o, &p->history, &p->diags);
}

static void release(struct parsed *p)
{
	fsrs_history_release(&p->history);
	diag_list_release(&p->diags);
}

/* The formatted diagnostic number i. */
static const char *message(const struct parsed *p, size_t i)
{
	static char buf[1024];
	assert_true(i < p->diags.count);
	diag_format(&p->diags.items[i], buf, sizeof buf);
	return buf;
}

static void test_good_rows(void **unused)
{
	(void)unused;
	struct fsrs_revlog_options o = options_at(1800000000);
	struct parsed p;
	parse(&p, HEADER "1,1735732800000,3,0,5000\n"
		  "1,1735905600000,4,2,3000\n"
		  "2,1735732800000,1,0,100\n", &o);
	assert_int_equal(p.rows, 3);
	assert_int_equal(p.diags.count, 0);
	assert_int_equal(p.history.count, 3);
	assert_int_equal(p.history.card_count, 2);
	const struct fsrs_history_entry *e = &p.history.entries[1];
	assert_int_equal(e->card, 0);
	assert_int_equal(e->rating, 4);
	assert_int_equal(e->state, 2);
	assert_int_equal(e->day - p.history.entries[0].day, 2);
	assert_true(e->time_ms == 1735905600000LL);
	release(&p);
}

static void test_header_any_order_bom_crlf_quotes(void **unused)
{
	(void)unused;
	struct fsrs_revlog_options o = options_at(1800000000);
	struct parsed p;
	parse(&p, "\xEF\xBB\xBFreview_rating,extra,card_id,review_time,review_state,review_duration\r\n"
		  "3,x,\"deck, card \"\"1\"\"\",1735732800000,0,1\r\n"
		  "\r\n"
		  "2,y,\"deck, card \"\"1\"\"\",1735819200000,2,1\r\n", &o);
	assert_int_equal(p.rows, 2);
	assert_int_equal(p.diags.count, 0);
	assert_int_equal(p.history.card_count, 1);
	assert_string_equal(p.history.card_names[0], "deck, card \"1\"");
	assert_int_equal(p.history.entries[0].rating, 3);
	assert_int_equal(p.history.entries[1].rating, 2);
	release(&p);
}

/* Each bad row: a located message, skipped; the good rows around it stay. */
static void test_bad_rows_are_located_and_skipped(void **unused)
{
	(void)unused;
	struct fsrs_revlog_options o = options_at((time_t)(NOON_MS / 1000) + 3600);
	struct parsed p;
	parse(&p, HEADER
		  "1,1735732800000,3,0,5000\n"		/* 2: good */
		  "1,1735732800000,3,0\n"		/* 3: a missing column */
		  "1,1735732800000,7,2,5000\n"		/* 4: a rating of 7 */
		  "1,1735740000001,3,2,5000\n"		/* 5: in the future */
		  "\xff\xfe,1735732800000,3,2,5000\n"	/* 6: not UTF-8 */
		  "1,1735732800000,3,9,5000\n"		/* 7: no such state */
		  ",1735732800000,3,2,5000\n"		/* 8: no card */
		  "1,yesterday,3,2,5000\n"		/* 9: not a time */
		  "1,1735732800000,3,2,-5\n"		/* 10: a negative duration */
		  "1,1735732800000,3,2,5,6\n"		/* 11: one field too many */
		  "1,\"1735732800000,3,2,5\n"		/* 12: unbalanced quotes */
		  "1,1735732800000,0,2,5000\n"		/* 13: rating 0 */
		  "2,1735732800000,2,0,5000\n", &o);	/* 14: good */
	assert_int_equal(p.rows, 2);
	assert_int_equal(p.history.count, 2);
	assert_int_equal(p.diags.count, 11);
	assert_int_equal(p.diags.errors, 11);
	assert_non_null(strstr(message(&p, 0), "log.csv:3: error: missing column"));
	assert_non_null(strstr(message(&p, 1), "log.csv:4: error: review_rating '7' is not 1 (Again)"));
	assert_non_null(strstr(message(&p, 2), "log.csv:5: error: review_time 1735740000001 is in the future"));
	assert_non_null(strstr(message(&p, 3), "log.csv:6: error: not UTF-8"));
	assert_non_null(strstr(message(&p, 4), "log.csv:7: error: review_state '9'"));
	assert_non_null(strstr(message(&p, 5), "log.csv:8: error: card_id is empty"));
	assert_non_null(strstr(message(&p, 6), "log.csv:9: error: review_time 'yesterday'"));
	assert_non_null(strstr(message(&p, 7), "log.csv:10: error: review_duration '-5'"));
	assert_non_null(strstr(message(&p, 8), "log.csv:11: error: too many fields"));
	assert_non_null(strstr(message(&p, 9), "log.csv:12: error: unbalanced quotes"));
	assert_non_null(strstr(message(&p, 10), "log.csv:13: error: review_rating '0'"));
	release(&p);
}

static void test_bad_header(void **unused)
{
	(void)unused;
	struct fsrs_revlog_options o = options_at(1800000000);
	struct parsed p;
	parse(&p, "card_id,review_time,review_rating,review_duration\n1,1735732800000,3,5000\n", &o);
	assert_int_equal(p.rows, -1);
	assert_int_equal(p.diags.count, 1);
	assert_non_null(strstr(message(&p, 0), "log.csv:1: error: the header has no 'review_state' column"));
	release(&p);

	parse(&p, "", &o);
	assert_int_equal(p.rows, -1);
	assert_non_null(strstr(message(&p, 0), "log.csv: error: empty file"));
	release(&p);

	/* A header alone: nothing to read, and no error. */
	parse(&p, HEADER, &o);
	assert_int_equal(p.rows, 0);
	assert_int_equal(p.diags.count, 0);
	release(&p);
}

/* Days start at 4 a.m. UTC by default, or at the rollover hour in the given zone. */
static void test_day_cut(void **unused)
{
	(void)unused;
	struct fsrs_revlog_options o = options_at(1800000000);
	struct parsed p;
	/* 2025-01-02 03:59:59 and 04:00:00 UTC */
	const char *rows = HEADER "1,1735790399000,3,0,1\n1,1735790400000,3,2,1\n";
	parse(&p, rows, &o);
	assert_int_equal(p.history.entries[1].day - p.history.entries[0].day, 1);
	assert_int_equal(p.history.entries[0].day, 20089); /* 2025-01-01's study day */
	release(&p);

	o.rollover_hour = 0; /* both on 2025-01-02 */
	parse(&p, rows, &o);
	assert_int_equal(p.history.entries[1].day, p.history.entries[0].day);
	release(&p);

	o.rollover_hour = 4;
	o.tz_offset_minutes = -5 * 60; /* New York: 22:59 and 23:00 the evening before, one day */
	parse(&p, rows, &o);
	assert_int_equal(p.history.entries[1].day, p.history.entries[0].day);
	release(&p);
}

static void test_read_file(void **unused)
{
	(void)unused;
	char path[] = "/tmp/test_fsrs_revlog.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char text[] = HEADER "a,1735732800000,3,0,1\na,1735819200000,1,2,1\n";
	assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
	close(fd);
	struct fsrs_revlog_options o = options_at(1800000000);
	struct fsrs_history h;
	struct diag_list diags;
	fsrs_history_init(&h);
	diag_list_init(&diags);
	assert_int_equal(fsrs_revlog_read(path, &o, &h, &diags), 2);
	struct fsrs_dataset d;
	assert_int_equal(fsrs_dataset_build(&h, &d), 0);
	assert_int_equal(d.item_count, 1);
	fsrs_dataset_release(&d);
	unlink(path);
	assert_int_equal(fsrs_revlog_read(path, &o, &h, &diags), -1);
	assert_int_equal(diags.errors, 1);
	assert_non_null(strstr(diags.items[0].message, "cannot open"));
	fsrs_history_release(&h);
	diag_list_release(&diags);
}

static void test_history_from_progress(void **unused)
{
	(void)unused;
	char dir[] = "/tmp/test_fsrs_progress.XXXXXX", db[256];
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/progress.db", dir);
	struct progress_notice notice;
	struct progress *progress = progress_open(db, &notice);
	assert_non_null(progress);
	struct progress_schedule schedule = { 0 };
	fsrs_params_default(&schedule.params);
	schedule.rollover_hour = 4;
	struct progress_answer a = { .question_id = "q1", .card_id = "c", .grade = FSRS_GOOD,
				     .mode = PROGRESS_REVIEW, .update_memory = true };
	const time_t day = 86400, start = 1735732800;
	a.at = start;
	assert_true(progress_record(progress, &schedule, &a, NULL) > 0);
	a.at = start + 600;
	a.grade = FSRS_AGAIN;
	a.update_memory = false;	/* a practice re-ask: not history */
	assert_true(progress_record(progress, &schedule, &a, NULL) > 0);
	a.at = start + 3 * day;
	a.grade = FSRS_HARD;
	a.update_memory = true;
	assert_true(progress_record(progress, &schedule, &a, NULL) > 0);
	a.question_id = "q2";
	a.at = start + day;
	assert_true(progress_record(progress, &schedule, &a, NULL) > 0);

	struct fsrs_history h;
	fsrs_history_init(&h);
	assert_int_equal(fsrs_history_from_progress(progress, 4, &h), 3);
	assert_int_equal(h.card_count, 2);
	assert_string_equal(h.card_names[0], "q1");
	struct fsrs_dataset d;
	assert_int_equal(fsrs_dataset_build(&h, &d), 0);
	assert_int_equal(d.item_count, 1);
	/* q1: Good, then Hard three days later (the re-ask left out). */
	assert_int_equal(d.items[0].length, 2);
	assert_int_equal(d.reviews[d.items[0].first].rating, FSRS_GOOD);
	assert_int_equal(d.reviews[d.items[0].first + 1].rating, FSRS_HARD);
	assert_int_equal(d.reviews[d.items[0].first + 1].delta_t, 3);
	fsrs_dataset_release(&d);
	fsrs_history_release(&h);
	progress_close(progress);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* Saved parameters: read back exactly, used by progress_record(), forgotten. */
static void test_fitted_parameters_in_progress(void **unused)
{
	(void)unused;
	char dir[] = "/tmp/test_fsrs_fitted.XXXXXX", db[256];
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/progress.db", dir);
	struct progress_notice notice;
	struct progress *progress = progress_open(db, &notice);
	assert_non_null(progress);
	struct progress_fitted fitted, read;
	assert_int_equal(progress_fitted_params(progress, &read), 0);
	assert_int_equal(progress_memory_review_count(progress), 0);

	struct progress_schedule schedule = { 0 };
	fsrs_params_default(&schedule.params);
	schedule.rollover_hour = 4;
	struct progress_answer a = { .question_id = "q1", .card_id = "c", .grade = FSRS_GOOD,
				     .mode = PROGRESS_REVIEW, .update_memory = true, .at = 1735732800 };
	struct progress_state with_defaults, with_fitted;
	assert_true(progress_record(progress, &schedule, &a, &with_defaults) > 0);
	assert_true(with_defaults.stability == schedule.params.w[2]);

	memcpy(fitted.w, schedule.params.w, sizeof fitted.w);
	fitted.w[2] = 1.0 / 3.0;	/* not a short decimal: must read back bit for bit */
	fitted.reviews = 1;
	fitted.fitted_at = 1735800000;
	assert_int_equal(progress_save_fitted(progress, &fitted), 0);
	assert_int_equal(progress_fitted_params(progress, &read), 1);
	assert_memory_equal(fitted.w, read.w, sizeof fitted.w);
	assert_int_equal(read.reviews, 1);
	assert_true(read.fitted_at == 1735800000);

	a.question_id = "q2";
	assert_true(progress_record(progress, &schedule, &a, &with_fitted) > 0);
	assert_true(with_fitted.stability == 1.0 / 3.0);
	assert_int_equal(progress_memory_review_count(progress), 2);

	assert_int_equal(progress_forget_fitted(progress), 0);
	assert_int_equal(progress_fitted_params(progress, &read), 0);
	progress_close(progress);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_rows),
		cmocka_unit_test(test_header_any_order_bom_crlf_quotes),
		cmocka_unit_test(test_bad_rows_are_located_and_skipped),
		cmocka_unit_test(test_bad_header),
		cmocka_unit_test(test_day_cut),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_history_from_progress),
		cmocka_unit_test(test_fitted_parameters_in_progress),
	};
	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
