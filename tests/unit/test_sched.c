/* Unit tests for sched: learning and relearning steps, due moments, interval text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "sched.h"

static time_t at(const char *iso)
{
	time_t t = 0;
	assert_true(clock_parse(iso, &t));
	return t;
}

static void steps_parse_good_and_bad(void **state)
{
	(void)state;
	long steps[SCHED_MAX_STEPS];
	size_t n = 99;
	assert_int_equal(sched_steps_parse("1m 10m", steps, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(steps[0], 60);
	assert_int_equal(steps[1], 600);
	assert_int_equal(sched_steps_parse(" 30s,2h ", steps, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(steps[0], 30);
	assert_int_equal(steps[1], 7200);
	assert_int_equal(sched_steps_parse("", steps, &n), 0);
	assert_int_equal(n, 0);
	static const char *const bad[] = { "10", "1d", "0m", "-1m", "1mm", "24h", "1m x", "1m 1m 1m 1m 1m 1m 1m 1m 1m" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(sched_steps_parse(bad[i], steps, &n), -1);
	assert_int_equal(sched_steps_parse(NULL, steps, &n), -1);
}

static struct sched_position walk(const struct sched_steps *steps, const char *grades)
{
	struct sched_position pos = { 0 };
	for (; *grades; grades++)
		pos = sched_position_next(steps, pos, (enum fsrs_grade)(*grades - '0'));
	return pos;
}

static void steps_follow_anki(void **state)
{
	(void)state;
	struct sched_steps steps;
	sched_steps_default(&steps);
	struct sched_position p = walk(&steps, "1");
	assert_int_equal(p.phase, SCHED_LEARNING);
	assert_int_equal(p.delay, 60);
	p = walk(&steps, "2");				/* Hard on the first step: the mean of 1m and 10m */
	assert_int_equal(p.delay, 330);
	p = walk(&steps, "3");
	assert_int_equal(p.step, 1);
	assert_int_equal(p.delay, 600);
	assert_int_equal(walk(&steps, "33").phase, SCHED_REVIEW);
	assert_int_equal(walk(&steps, "4").phase, SCHED_REVIEW);
	assert_int_equal(walk(&steps, "331").phase, SCHED_RELEARNING);
	assert_int_equal(walk(&steps, "331").delay, 600);
	assert_int_equal(walk(&steps, "3312").delay, 900);	/* one relearning step: half as long again */
	assert_int_equal(walk(&steps, "3313").phase, SCHED_REVIEW);
	assert_int_equal(walk(&steps, "31").step, 0);		/* Again goes back to the first step */
	struct sched_steps none = { 0 };
	assert_int_equal(walk(&none, "1").phase, SCHED_REVIEW);
	assert_int_equal(walk(&none, "41").phase, SCHED_REVIEW);
}

static void answer_due_moments(void **state)
{
	(void)state;
	struct fsrs_params params;
	fsrs_params_default(&params);
	struct sched_steps steps;
	sched_steps_default(&steps);
	struct sched_card fresh = { 0 };
	time_t t = at("2026-11-21T09:00:00");
	struct sched_result r = sched_answer(&params, &steps, 4, &fresh, FSRS_AGAIN, t);
	assert_int_equal(r.due_at, t + 60);
	assert_int_equal(r.due_day, clock_day(t, 4));
	assert_int_equal(r.interval_days, 0);
	/* A step that crosses the rollover hour is due the next study day. */
	time_t late = at("2026-11-22T03:55:00");
	r = sched_answer(&params, &steps, 4, &fresh, FSRS_GOOD, late);
	assert_int_equal(r.due_day, clock_day(late, 4) + 1);
	/* Easy graduates with FSRS's interval for its stability. */
	r = sched_answer(&params, &steps, 4, &fresh, FSRS_EASY, t);
	assert_int_equal(r.card.position.phase, SCHED_REVIEW);
	assert_int_equal(r.interval_days, fsrs_interval(&params, r.card.memory.stability));
	assert_int_equal(r.due_day, clock_day(t, 4) + r.interval_days);
	assert_int_equal(r.due_at, clock_day_start(r.due_day, 4));
}

static void interval_text(void **state)
{
	(void)state;
	struct sched_result r = { 0 };
	char buf[16];
	static const struct {
		long delay;
		int days;
		const char *text;
	} cases[] = { { 30, 0, "30s" },	  { 60, 0, "1m" },   { 600, 0, "10m" },	 { 5400, 0, "1.5h" },
		      { 0, 1, "1d" },	  { 0, 30, "30d" },  { 0, 46, "1.5mo" }, { 0, 365, "1y" },
		      { 0, 548, "1.5y" }, { 0, 36500, "100y" } };
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		r.card.position.delay = cases[i].delay;
		r.interval_days = cases[i].days;
		assert_string_equal(sched_interval_text(&r, buf, sizeof buf), cases[i].text);
	}
}

static void preview_names_every_grade(void **state)
{
	(void)state;
	struct fsrs_params params;
	fsrs_params_default(&params);
	struct sched_steps steps;
	sched_steps_default(&steps);
	struct sched_card fresh = { 0 };
	char buf[128];
	sched_grade_preview(&params, &steps, 4, &fresh, at("2026-11-21T09:00:00"), true, buf, sizeof buf);
	assert_string_equal(buf, "1 Again 1m \xC2\xB7 2 Hard 6m \xC2\xB7 3 Good 10m \xC2\xB7 4 Easy 8d");
	sched_grade_preview(&params, &steps, 4, &fresh, at("2026-11-21T09:00:00"), false, buf, sizeof buf);
	assert_string_equal(buf, "1 Again 1m - 2 Hard 6m - 3 Good 10m - 4 Easy 8d");
	assert_string_equal(sched_grade_name(FSRS_HARD), "Hard");
	assert_string_equal(sched_grade_name((enum fsrs_grade)9), "?");
	/* A short buffer is cut, still a string. */
	sched_grade_preview(&params, &steps, 4, &fresh, at("2026-11-21T09:00:00"), true, buf, 8);
	assert_true(strlen(buf) < 8);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(steps_parse_good_and_bad), cmocka_unit_test(steps_follow_anki),
		cmocka_unit_test(answer_due_moments),	    cmocka_unit_test(interval_text),
		cmocka_unit_test(preview_names_every_grade),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
