/* Unit tests for stats: due counts and forecast, answers per day, true
 * retention, mastery per topic, bar drawing and the rendered layout, against a
 * real progress database in a temporary folder with the clock pinned. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "clock.h"
#include "fixture_dir.h"
#include "fsrs.h"
#include "progress.h"
#include "stats.h"
#include "text.h"

#define PINNED_NOW "2026-11-21T09:30:00"
#define ROLLOVER 4
#define DAY 86400

struct fixture {
	char dir[4096];
	char db[4200];
	struct progress *progress;
	struct progress_schedule schedule;
	struct fsrs_params params;
	time_t now;
	long today;
};

/* Three topics: alphazine a1..a3, betamol b1..b2, zeta z1 (never answered). */
static struct card cards[] = {
	{ .id = "zeta", .title = "Zeta" },
	{ .id = "alphazine", .title = "Alphazine" },
	{ .id = "betamol", .title = "Betamol" },
};
static struct quiz_question items[] = {
	{ .id = "z1", .card = &cards[0] },
	{ .id = "a1", .card = &cards[1] },
	{ .id = "a2", .card = &cards[1] },
	{ .id = "a3", .card = &cards[1] },
	{ .id = "b1", .card = &cards[2] },
	{ .id = "b2", .card = &cards[2] },
};
static const struct quiz_bank bank = { .items = items, .count = sizeof items / sizeof items[0] };

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct progress_notice notice;

	if (!fx)
		return -1;
	if (!fixture_dir_make(fx->dir, sizeof fx->dir, "test_stats")) {
		free(fx);
		return -1;
	}
	snprintf(fx->db, sizeof fx->db, "%s/progress.db", fx->dir);
	fx->progress = progress_open(fx->db, &notice);
	if (!fx->progress || !progress_can_save(fx->progress))
		return -1;
	fsrs_params_default(&fx->schedule.params);
	fx->schedule.rollover_hour = ROLLOVER;
	fx->params = fx->schedule.params;
	fx->now = clock_now();
	fx->today = clock_day(fx->now, ROLLOVER);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	progress_close(fx->progress);
	fixture_dir_remove(fx->dir);
	free(fx);
	return 0;
}

static int group_setup(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	setenv("RXPLORE_NOW", PINNED_NOW, 1);
	/* wcwidth() knows the block characters only under a UTF-8 locale; the
	 * fixed English day names need LC_TIME from C.UTF-8 too. */
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

/* 09:00 on the study day `offset` days from today. */
static time_t at_day(const struct fixture *fx, long offset)
{
	return clock_day_start(fx->today + offset, ROLLOVER) + 5 * 3600;
}

static struct progress_state answer(struct fixture *fx, const char *question, const char *card, time_t when,
				    enum fsrs_grade grade, bool update_memory)
{
	struct progress_answer a = {
		.question_id = question, .card_id = card, .at = when, .grade = grade, .answer_ms = 1000,
		.mode = PROGRESS_REVIEW, .update_memory = update_memory,
	};
	struct progress_state after;

	assert_true(progress_record(fx->progress, &fx->schedule, &a, &after) > 0);
	return after;
}

/* The answers the scenario tests share; the last states of a1, a2, b1, b2 and
 * the orphan go to last[0..4]. */
static void seed_scenario(struct fixture *fx, struct progress_state last[5])
{
	time_t today_3am;

	answer(fx, "a1", "alphazine", at_day(fx, -10), FSRS_GOOD, true);
	answer(fx, "a1", "alphazine", at_day(fx, -5), FSRS_GOOD, true);
	last[0] = answer(fx, "a1", "alphazine", at_day(fx, 0), FSRS_AGAIN, true);

	answer(fx, "a2", "alphazine", at_day(fx, -3), FSRS_AGAIN, true);
	answer(fx, "a2", "alphazine", at_day(fx, -3) + 60, FSRS_GOOD, false);	/* a re-ask */
	/* A second session on the day it was first seen. */
	answer(fx, "a2", "alphazine", at_day(fx, -3) + 3600, FSRS_GOOD, true);
	last[1] = answer(fx, "a2", "alphazine", at_day(fx, -1), FSRS_HARD, true);

	answer(fx, "b1", "betamol", at_day(fx, -40), FSRS_GOOD, true);
	answer(fx, "b1", "betamol", at_day(fx, -35), FSRS_GOOD, true);
	last[2] = answer(fx, "b1", "betamol", at_day(fx, -2), FSRS_AGAIN, true);

	/* 03:00 today is still yesterday's study day (rollover at 04:00). */
	assert_true(clock_parse("2026-11-21T03:00:00", &today_3am));
	answer(fx, "b2", "betamol", today_3am, FSRS_GOOD, true);
	last[3] = answer(fx, "b2", "betamol", at_day(fx, 0), FSRS_GOOD, true);

	last[4] = answer(fx, "gone-q", "gone", at_day(fx, -1), FSRS_GOOD, true);
}

/* ---- bars ---- */

static void test_bar_utf8_eighths(void **state)
{
	char buf[256];

	(void)state;
	assert_int_equal(stats_bar(buf, sizeof buf, 5, 10, 10, true), 5);
	assert_string_equal(buf, "\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88");
	assert_int_equal(stats_bar(buf, sizeof buf, 3.5, 10, 10, true), 4);	/* 28 eighths */
	assert_string_equal(buf, "\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x8C");
	assert_int_equal(stats_bar(buf, sizeof buf, 1, 8, 1, true), 1);
	assert_string_equal(buf, "\xE2\x96\x8F");	/* one eighth */
	assert_int_equal(stats_bar(buf, sizeof buf, 7, 8, 1, true), 1);
	assert_string_equal(buf, "\xE2\x96\x89");	/* seven eighths */
	assert_int_equal(stats_bar(buf, sizeof buf, 0.001, 1000, 20, true), 1);
	assert_string_equal(buf, "\xE2\x96\x8F");	/* tiny but visible */
	assert_int_equal(stats_bar(buf, sizeof buf, 50, 10, 6, true), 6);	/* over max: full */
	assert_int_equal(text_width(buf), 6);
}

static void test_bar_ascii(void **state)
{
	char buf[256];

	(void)state;
	assert_int_equal(stats_bar(buf, sizeof buf, 5, 10, 10, false), 5);
	assert_string_equal(buf, "#####");
	assert_int_equal(stats_bar(buf, sizeof buf, 1, 3, 10, false), 3);
	assert_string_equal(buf, "###");
	assert_int_equal(stats_bar(buf, sizeof buf, 0.01, 100, 10, false), 1);
	assert_string_equal(buf, "#");
	assert_int_equal(stats_bar(buf, sizeof buf, 10, 10, 40, false), 40);
	assert_int_equal(strlen(buf), 40);
}

static void test_bar_nothing_to_draw(void **state)
{
	char buf[64] = "junk";

	(void)state;
	assert_int_equal(stats_bar(buf, sizeof buf, 0, 10, 10, true), 0);
	assert_string_equal(buf, "");
	assert_int_equal(stats_bar(buf, sizeof buf, -3, 10, 10, false), 0);
	assert_int_equal(stats_bar(buf, sizeof buf, NAN, 10, 10, true), 0);
	assert_int_equal(stats_bar(buf, sizeof buf, 5, 0, 10, true), 0);
	assert_int_equal(stats_bar(buf, sizeof buf, 5, NAN, 10, true), 0);
	assert_int_equal(stats_bar(buf, sizeof buf, 5, 10, 0, true), 0);
	assert_int_equal(stats_bar(buf, sizeof buf, 5, 10, -4, false), 0);
	assert_string_equal(buf, "");
	assert_int_equal(stats_bar(buf, 0, 5, 10, 10, true), 0);
	assert_string_equal(buf, "");	/* size 0: untouched */
}

static void test_bar_never_exceeds_width_or_buffer(void **state)
{
	char buf[512];

	(void)state;
	for (int width = 1; width <= 60; width++) {
		for (int v = 0; v <= 130; v += 7) {
			for (int utf8 = 0; utf8 <= 1; utf8++) {
				int cols = stats_bar(buf, sizeof buf, v, 100, width, utf8);
				assert_true(cols <= width);
				assert_int_equal(text_width(buf), cols);
				if (v >= 100)
					assert_int_equal(cols, width);
			}
		}
	}
	/* A small buffer holds whole cells only: two 3-byte blocks and the NUL. */
	assert_int_equal(stats_bar(buf, 7, 10, 10, 10, true), 2);
	assert_int_equal(strlen(buf), 6);
	assert_int_equal(stats_bar(buf, 1, 10, 10, 10, false), 0);
	assert_string_equal(buf, "");
}

/* ---- computing ---- */

static void test_empty_store(void **state)
{
	struct fixture *fx = *state;
	struct stats s;

	assert_int_equal(stats_compute(&s, fx->progress, &bank, &fx->params, ROLLOVER, fx->now), 0);
	assert_int_equal(s.today, fx->today);
	assert_int_equal(s.reviews_total, 0);
	assert_int_equal(s.due_today, 0);
	assert_int_equal(s.retention_total_all, 0);
	assert_int_equal(s.ntopics, 3);
	assert_int_equal(s.questions, 6);
	assert_int_equal(s.seen, 0);
	assert_true(stats_ratio(s.retention_correct, s.retention_total) < 0);
	stats_release(&s);
}

static void test_due_today_and_forecast(void **state)
{
	struct fixture *fx = *state;
	struct stats s;

	/* First answers: Good gives S = w2 = 2.3065 (2 days), Again S = w0 (1 day). */
	answer(fx, "a1", "alphazine", at_day(fx, 0), FSRS_GOOD, true);		/* due today+2 */
	answer(fx, "a2", "alphazine", at_day(fx, 0), FSRS_AGAIN, true);		/* due today+1 */
	answer(fx, "a3", "alphazine", at_day(fx, -5), FSRS_GOOD, true);		/* due -3: overdue */
	answer(fx, "b1", "betamol", at_day(fx, -1), FSRS_AGAIN, true);		/* due today */
	answer(fx, "b2", "betamol", at_day(fx, 3), FSRS_EASY, true);		/* S 8.3 -> due +11 */
	answer(fx, "gone-q", "gone", at_day(fx, -5), FSRS_GOOD, true);		/* overdue, unloaded */

	assert_int_equal(stats_compute(&s, fx->progress, &bank, &fx->params, ROLLOVER, fx->now), 0);
	assert_int_equal(s.due_today, 2);
	assert_int_equal(s.forecast[0], 2);
	assert_int_equal(s.forecast[1], 1);
	assert_int_equal(s.forecast[2], 1);
	for (int i = 3; i < STATS_FORECAST_DAYS; i++)
		assert_int_equal(s.forecast[i], 0);
	assert_int_equal(s.orphans, 1);
	stats_release(&s);

	/* Without a bank every state counts, the unloaded one too. */
	assert_int_equal(stats_compute(&s, fx->progress, NULL, &fx->params, ROLLOVER, fx->now), 0);
	assert_int_equal(s.due_today, 3);
	assert_int_equal(s.ntopics, 0);
	assert_int_equal(s.orphans, 0);
	stats_release(&s);

	/* Two days later the Good one and the Again one are due too. */
	assert_int_equal(stats_compute(&s, fx->progress, &bank, &fx->params, ROLLOVER, fx->now + 2 * DAY), 0);
	assert_int_equal(s.due_today, 4);
	stats_release(&s);
}

static void test_reviews_per_day(void **state)
{
	struct fixture *fx = *state;
	struct progress_state last[5];
	struct stats s;
	const int base = STATS_HISTORY_DAYS - 1;	/* index of today */

	seed_scenario(fx, last);
	assert_int_equal(stats_compute(&s, fx->progress, &bank, &fx->params, ROLLOVER, fx->now), 0);
	assert_int_equal(s.reviews_total, 13);
	assert_int_equal(s.reviews[base], 2);		/* a1 Again, b2 at 10:00 */
	assert_int_equal(s.reviews[base - 1], 3);	/* a2 Hard, the orphan, b2 at 03:00 today */
	assert_int_equal(s.reviews[base - 2], 1);
	assert_int_equal(s.reviews[base - 3], 3);	/* practice re-asks count as answers */
	assert_int_equal(s.reviews[base - 5], 1);
	assert_int_equal(s.reviews[base - 10], 1);
	long in_window = 0;
	for (int i = 0; i < STATS_HISTORY_DAYS; i++)
		in_window += s.reviews[i];
	assert_int_equal(in_window, 11);	/* b1's answers 40 and 35 days ago are outside */
	stats_release(&s);
}

static void test_true_retention(void **state)
{
	struct fixture *fx = *state;
	struct progress_state last[5];
	struct stats s;

	seed_scenario(fx, last);
	assert_int_equal(stats_compute(&s, fx->progress, &bank, &fx->params, ROLLOVER, fx->now), 0);
	/* Counted in the window: a1 -5 Good, a1 today Again, a2 -1 Hard, b1 -2 Again,
	 * b2 today Good (first seen yesterday, at 03:00).  Not counted: first answers,
	 * a2's re-ask and its second session on the day it was first seen. */
	assert_int_equal(s.retention_total, 5);
	assert_int_equal(s.retention_correct, 3);
	/* All time adds b1 35 days ago (Good). */
	assert_int_equal(s.retention_total_all, 6);
	assert_int_equal(s.retention_correct_all, 4);
	assert_true(fabs(stats_ratio(s.retention_correct, s.retention_total) - 0.6) < 1e-12);
	stats_release(&s);
}

/* The chance of recalling a question now, to the second (not whole days). */
static double recall_now(const struct fixture *fx, const struct progress_state *st, time_t now)
{
	return fsrs_retrievability(&fx->params, difftime(now, st->last_review) / 86400.0, st->stability);
}

static void test_recall_per_topic(void **state)
{
	struct fixture *fx = *state;
	struct progress_state last[5];
	struct stats s;

	seed_scenario(fx, last);
	assert_int_equal(stats_compute(&s, fx->progress, &bank, &fx->params, ROLLOVER, fx->now), 0);
	assert_int_equal(s.ntopics, 3);
	assert_int_equal(s.questions, 6);
	assert_int_equal(s.seen, 4);
	assert_int_equal(s.orphans, 1);

	/* a1 was failed this morning: its recall is below 1 already, where
	 * whole days would have called it certain until tomorrow. */
	double r_a1 = recall_now(fx, &last[0], fx->now), r_a2 = recall_now(fx, &last[1], fx->now);
	double r_b1 = recall_now(fx, &last[2], fx->now), r_b2 = recall_now(fx, &last[3], fx->now);
	assert_true(r_a1 < 1.0);
	double alpha = (r_a1 + r_a2) / 2, beta = (r_b1 + r_b2) / 2;
	assert_true(alpha != beta);

	/* Weakest first: the seen topics by recall, then the unseen one. */
	const struct stats_topic *weak = &s.topics[0], *strong = &s.topics[1];
	assert_string_equal(weak->card->id, alpha < beta ? "alphazine" : "betamol");
	assert_string_equal(strong->card->id, alpha < beta ? "betamol" : "alphazine");
	assert_true(weak->recall <= strong->recall);
	assert_true(fabs(weak->recall - (alpha < beta ? alpha : beta)) < 1e-9);
	assert_true(fabs(strong->recall - (alpha < beta ? beta : alpha)) < 1e-9);
	assert_string_equal(s.topics[2].card->id, "zeta");
	assert_int_equal(s.topics[2].questions, 1);
	assert_int_equal(s.topics[2].seen, 0);
	assert_true(s.topics[2].recall == 0);
	assert_int_equal(s.topics[2].lapses, 0);

	/* Seen of total, and lapses (Again after a first review): a1 today,
	 * a2's second session started with none (its Again was the first
	 * answer), b1 two days ago. */
	const struct stats_topic *a = strcmp(weak->card->id, "alphazine") == 0 ? weak : strong;
	const struct stats_topic *b = a == weak ? strong : weak;
	assert_int_equal(a->questions, 3);
	assert_int_equal(a->seen, 2);
	assert_int_equal(a->lapses, last[0].lapses + last[1].lapses);
	assert_int_equal(b->questions, 2);
	assert_int_equal(b->seen, 2);
	assert_int_equal(b->lapses, last[2].lapses + last[3].lapses);
	assert_true(a->lapses >= 1 && b->lapses >= 1);

	/* Due today: every forecast bucket from the states the store returned. */
	long expected[STATS_FORECAST_DAYS] = { 0 };
	for (int i = 0; i < 4; i++) {
		long ahead = last[i].due_day - fx->today;
		if (ahead < STATS_FORECAST_DAYS)
			expected[ahead <= 0 ? 0 : ahead]++;
	}
	for (int i = 0; i < STATS_FORECAST_DAYS; i++)
		assert_int_equal(s.forecast[i], expected[i]);
	assert_int_equal(s.due_today, expected[0]);

	/* A month later everything has faded but nothing is counted twice. */
	stats_release(&s);
	time_t later = fx->now + 30 * DAY;
	assert_int_equal(stats_compute(&s, fx->progress, &bank, &fx->params, ROLLOVER, later), 0);
	for (size_t t = 0; t < 2; t++)
		assert_true(s.topics[t].recall > 0 && s.topics[t].recall < (alpha < beta ? alpha : beta));
	assert_int_equal(s.due_today, 4);
	assert_int_equal(s.seen, 4);
	stats_release(&s);
}

static void test_bad_arguments(void **state)
{
	struct fixture *fx = *state;
	struct stats s;

	assert_int_equal(stats_compute(&s, NULL, &bank, &fx->params, ROLLOVER, fx->now), -1);
	assert_int_equal(s.ntopics, 0);
	assert_null(s.topics);
	stats_release(&s);
	assert_int_equal(stats_compute(&s, fx->progress, &bank, NULL, ROLLOVER, fx->now), -1);
	stats_release(&s);
	stats_release(NULL);
}

/* ---- rendering ---- */

struct capture {
	char text[32768];
	size_t used;
	int lines, max_width, bar_rows;
	bool ascii_only, bars_in_place;
	int stop_after;
};

static int capture_line(const struct stats_line *line, void *ctx)
{
	struct capture *c = ctx;
	int w = text_width(line->text);

	if (w > c->max_width)
		c->max_width = w;
	for (const char *p = line->text; *p; p++)
		if ((unsigned char)*p >= 0x80)
			c->ascii_only = false;
	if (line->kind == STATS_BAR_ROW) {
		c->bar_rows++;
		if (line->bar_start + line->bar_len > strlen(line->text))
			c->bars_in_place = false;
	}
	c->used += (size_t)snprintf(c->text + c->used, sizeof c->text - c->used, "%s\n", line->text);
	c->lines++;
	return c->stop_after && c->lines >= c->stop_after ? 7 : 0;
}

static void render(const struct stats *s, int width, bool utf8, struct capture *c, const char *hint)
{
	memset(c, 0, sizeof *c);
	c->ascii_only = c->bars_in_place = true;
	assert_int_equal(stats_render(s, width, utf8, hint, capture_line, c), 0);
}

static void test_render_fits_every_width(void **state)
{
	struct fixture *fx = *state;
	struct progress_state last[5];
	struct stats s;
	struct capture *c = malloc(sizeof *c);

	assert_non_null(c);
	seed_scenario(fx, last);
	assert_int_equal(stats_compute(&s, fx->progress, &bank, &fx->params, ROLLOVER, fx->now), 0);
	for (int width = 20; width <= 140; width += 3) {
		for (int utf8 = 0; utf8 <= 1; utf8++) {
			render(&s, width, utf8, c, NULL);
			assert_true(c->max_width <= width);
			assert_true(c->bars_in_place);
			/* Answers per day start at the first day with answers, 10 days ago. */
			assert_int_equal(c->bar_rows, STATS_FORECAST_DAYS + 2 + 3 + 11);
			if (!utf8)
				assert_true(c->ascii_only);
		}
	}
	render(&s, 80, true, c, NULL);
	assert_non_null(strstr(c->text, "Study statistics for Sat 21 Nov 2026"));
	assert_non_null(strstr(c->text, "Due today: "));
	assert_non_null(strstr(c->text, "True retention"));
	assert_non_null(strstr(c->text, "Topics, weakest first: 4 of 6 questions seen"));
	assert_non_null(strstr(c->text, "Answers per day, last 30 days: 11 on 6 days (13 in all)"));
	assert_non_null(strstr(c->text, "60%"));
	assert_non_null(strstr(c->text, "3 of 5"));
	/* Each topic: seen of total and lapses; weakest first, the unseen last. */
	const char *weak = strstr(c->text, s.topics[0].card->title), *strong = strstr(c->text, s.topics[1].card->title);
	const char *unseen = strstr(c->text, "  Zeta ");
	assert_true(weak && strong && unseen && weak < strong && strong < unseen);
	assert_non_null(strstr(c->text, "2/3 seen, "));
	assert_non_null(strstr(c->text, "0/1 seen"));
	assert_non_null(strstr(c->text, "Recall: the chance"));
	assert_non_null(strstr(c->text, "Lapses: "));
	assert_non_null(strstr(c->text, "1 reviewed question belongs to cards that are not loaded now"));
	assert_non_null(strstr(c->text, "\xE2\x96\x88"));
	render(&s, 80, false, c, NULL);
	assert_non_null(strstr(c->text, "###"));
	assert_null(strstr(c->text, "\xE2\x96"));

	/* The callback can stop the output. */
	memset(c, 0, sizeof *c);
	c->stop_after = 3;
	assert_int_equal(stats_render(&s, 80, true, NULL, capture_line, c), 7);
	assert_int_equal(c->lines, 3);
	stats_release(&s);
	free(c);
}

static void test_render_empty_says_so(void **state)
{
	struct fixture *fx = *state;
	struct stats s;
	struct capture *c = malloc(sizeof *c);

	assert_non_null(c);
	assert_int_equal(stats_compute(&s, fx->progress, &bank, &fx->params, ROLLOVER, fx->now), 0);
	render(&s, 60, false, c, "Try `rxplore quiz` first.");
	assert_non_null(strstr(c->text, "No study progress yet: 6 questions waiting."));
	assert_non_null(strstr(c->text, "Try `rxplore quiz` first."));
	assert_int_equal(c->bar_rows, 0);
	assert_true(c->max_width <= 60);
	stats_release(&s);
	free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bar_utf8_eighths),
		cmocka_unit_test(test_bar_ascii),
		cmocka_unit_test(test_bar_nothing_to_draw),
		cmocka_unit_test(test_bar_never_exceeds_width_or_buffer),
		cmocka_unit_test_setup_teardown(test_empty_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_due_today_and_forecast, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reviews_per_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_true_retention, setup, teardown),
		cmocka_unit_test_setup_teardown(test_recall_per_topic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_arguments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_fits_every_width, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_empty_says_so, setup, teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, NULL);
}
