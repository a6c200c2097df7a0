/* Unit tests for workload: the simulation is deterministic and costs more at
 * a higher retention; the exam plan counts what is at risk; the chart fits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "stats.h"
#include "text.h"
#include "workload.h"

#define TODAY 20000L

/* A deck of n reviewed questions with stabilities 1..n days, last seen
 * yesterday, and fresh never-seen ones. */
static void deck(struct workload *wl, size_t n, size_t fresh)
{
	memset(wl, 0, sizeof *wl);
	fsrs_params_default(&wl->params);
	wl->cards = calloc(n + 1, sizeof *wl->cards);
	assert_non_null(wl->cards);
	for (size_t i = 0; i < n; i++) {
		double s = 1.0 + (double)(i % 40);
		wl->cards[i] = (struct workload_card){ s, 5.0, TODAY - 1, TODAY - 1 + fsrs_interval(&wl->params, s) };
	}
	wl->count = n;
	wl->fresh = fresh;
	wl->new_per_day = 10;
	wl->learning_steps = 2;
	wl->relearning_steps = 1;
	wl->today = TODAY;
	wl->rollover_hour = 4;
	wl->exam_day = -1;
}

static long sum(const long *a, long n)
{
	long s = 0;
	for (long i = 0; i < n; i++)
		s += a[i];
	return s;
}

static void same_input_same_counts(void **state)
{
	(void)state;
	struct workload wl;
	deck(&wl, 300, 50);
	long a[WORKLOAD_DAYS], b[WORKLOAD_DAYS];
	workload_simulate(&wl, 0.9, WORKLOAD_DAYS, a);
	workload_simulate(&wl, 0.9, WORKLOAD_DAYS, b);
	assert_memory_equal(a, b, sizeof a);
	assert_true(sum(a, WORKLOAD_DAYS) > 0);
	workload_release(&wl);
}

static void higher_retention_costs_more(void **state)
{
	(void)state;
	struct workload wl;
	deck(&wl, 500, 0);
	long low[WORKLOAD_DAYS], mid[WORKLOAD_DAYS], high[WORKLOAD_DAYS];
	workload_simulate(&wl, 0.80, WORKLOAD_DAYS, low);
	workload_simulate(&wl, 0.90, WORKLOAD_DAYS, mid);
	workload_simulate(&wl, 0.97, WORKLOAD_DAYS, high);
	assert_true(sum(low, WORKLOAD_DAYS) < sum(mid, WORKLOAD_DAYS));
	assert_true(sum(mid, WORKLOAD_DAYS) < sum(high, WORKLOAD_DAYS));
	workload_release(&wl);
}

static void new_questions_cost_their_steps(void **state)
{
	(void)state;
	struct workload wl;
	deck(&wl, 0, 25);
	long per_day[WORKLOAD_DAYS];
	workload_simulate(&wl, 0.9, 3, per_day);
	/* Ten a day, two answers each on the first day (two learning steps), until 25 are in. */
	assert_int_equal(per_day[0], 20);
	assert_true(per_day[1] >= 20);
	assert_true(per_day[2] >= 10);
	wl.new_per_day = 0;
	workload_simulate(&wl, 0.9, 3, per_day);
	assert_int_equal(sum(per_day, 3), 0);
	/* A longer horizon than the plan can hold is cut, not overrun. */
	long big[WORKLOAD_PLAN_MAX + 5];
	big[WORKLOAD_PLAN_MAX] = -7;
	workload_simulate(&wl, 0.9, WORKLOAD_PLAN_MAX + 5, big);
	assert_int_equal(big[WORKLOAD_PLAN_MAX], -7);
	workload_release(&wl);
}

static void levels_include_the_learners_own(void **state)
{
	(void)state;
	struct progress_schedule schedule = { .rollover_hour = 4 };
	fsrs_params_default(&schedule.params);
	schedule.params.desired_retention = 0.93;
	struct workload wl;
	assert_int_equal(workload_compute(&wl, NULL, NULL, &schedule, 20, -1, clock_day_start(TODAY, 4) + 3600), 0);
	assert_int_equal(wl.nlevels, 4);
	assert_true(wl.levels[wl.current] == 0.93);
	for (size_t i = 1; i < wl.nlevels; i++)
		assert_true(wl.levels[i - 1] < wl.levels[i]);
	assert_int_equal(wl.today, TODAY);
	workload_release(&wl);
}

static void exam_counts_what_is_at_risk(void **state)
{
	(void)state;
	struct workload wl;
	deck(&wl, 2, 0);
	/* One scheduled at a lower retention: due long after the exam, below 90% on it. */
	wl.cards[0] = (struct workload_card){ 10.0, 5.0, TODAY - 1, TODAY + 60 };
	/* One fresh: due in a week, fine after the exam in three days. */
	wl.cards[1] = (struct workload_card){ 30.0, 5.0, TODAY - 1, TODAY + 30 };
	assert_true(sched_exam_brings_forward(&wl.params, 10.0, TODAY - 1, TODAY + 60, TODAY + 20));
	assert_false(sched_exam_brings_forward(&wl.params, 30.0, TODAY - 1, TODAY + 30, TODAY + 3));
	assert_false(sched_exam_brings_forward(&wl.params, 10.0, TODAY - 1, TODAY + 5, TODAY + 20));
	assert_true(sched_recall_on(&wl.params, 10.0, TODAY, TODAY - 3) == 1.0);
	workload_release(&wl);
}

struct collected {
	int width;
	size_t lines;
	bool saw_workload, saw_exam, too_wide;
};

static int collect(const struct stats_line *line, void *ctx)
{
	struct collected *c = ctx;
	c->lines++;
	c->too_wide |= text_width(line->text) > c->width;
	c->saw_workload |= strstr(line->text, "Workload") != NULL;
	c->saw_exam |= strstr(line->text, "Exam on 2024-") != NULL;
	return 0;
}

static void chart_fits_80_and_40(void **state)
{
	(void)state;
	struct progress_schedule schedule = { .rollover_hour = 4 };
	fsrs_params_default(&schedule.params);
	schedule.params.desired_retention = 0.9;
	struct stats stats = { .today = TODAY, .rollover_hour = 4, .reviews_total = 3, .seen = 1 };
	stats.workload = malloc(sizeof *stats.workload);
	assert_non_null(stats.workload);
	assert_int_equal(workload_compute(stats.workload, NULL, NULL, &schedule, 5, TODAY + 40,
					  clock_day_start(TODAY, 4) + 3600), 0);
	assert_int_equal(stats.workload->plan_days, 40);
	static const int widths[] = { 80, 40, 20 };
	for (size_t w = 0; w < 3; w++) {
		for (int utf8 = 0; utf8 < 2; utf8++) {
			struct collected c = { .width = widths[w] };
			assert_int_equal(stats_render(&stats, widths[w], utf8, NULL, collect, &c), 0);
			assert_false(c.too_wide);
			assert_true(c.saw_workload);
			assert_true(c.saw_exam);
		}
	}
	stats_release(&stats);
}

struct found {
	const char *want;
	bool seen;
};

static int find_text(const struct stats_line *line, void *ctx)
{
	struct found *f = ctx;
	f->seen |= strstr(line->text, f->want) != NULL;
	return 0;
}

/* Saved parameters are used, and once the reviews have doubled since the fit
 * the statistics suggest fitting again. */
static void suggests_a_refit_when_reviews_double(void **state)
{
	(void)state;
	char dir[] = "/tmp/rxplore-workload-XXXXXX", path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/p.db", dir);
	struct progress_notice notice;
	struct progress *progress = progress_open(path, &notice);
	assert_non_null(progress);
	struct progress_schedule schedule = { .rollover_hour = 4 };
	fsrs_params_default(&schedule.params);
	time_t now = clock_day_start(TODAY, 4) + 3600;
	for (int i = 0; i < 4; i++) {
		char id[8];
		snprintf(id, sizeof id, "q%d", i);
		struct progress_answer a = { .question_id = id, .card_id = "c", .at = now - 86400 * (10 - i),
					     .grade = FSRS_GOOD, .mode = PROGRESS_REVIEW, .update_memory = true };
		assert_true(progress_record(progress, &schedule, &a, NULL) > 0);
	}
	struct progress_fitted fitted = { .reviews = 2, .fitted_at = now };
	fsrs_params_default(&schedule.params);
	memcpy(fitted.w, schedule.params.w, sizeof fitted.w);
	fitted.w[0] = 0.5;
	assert_int_equal(progress_save_fitted(progress, &fitted), 0);
	struct stats stats = { .today = TODAY, .rollover_hour = 4, .reviews_total = 4, .seen = 4 };
	stats.workload = malloc(sizeof *stats.workload);
	assert_non_null(stats.workload);
	assert_int_equal(workload_compute(stats.workload, progress, NULL, &schedule, 0, -1, now), 0);
	assert_true(stats.workload->fitted);
	assert_true(stats.workload->params.w[0] == 0.5);
	assert_int_equal(stats.workload->count, 4);
	assert_true(stats.workload->refit_due);
	struct found f = { "fit them again with rxplore fsrs fit", false };
	assert_int_equal(stats_render(&stats, 80, true, NULL, find_text, &f), 0);
	assert_true(f.seen);
	stats_release(&stats);
	/* Not yet doubled: no suggestion. */
	fitted.reviews = 3;
	assert_int_equal(progress_save_fitted(progress, &fitted), 0);
	struct workload wl;
	assert_int_equal(workload_compute(&wl, progress, NULL, &schedule, 0, -1, now), 0);
	assert_false(wl.refit_due);
	workload_release(&wl);
	progress_close(progress);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_input_same_counts),	  cmocka_unit_test(higher_retention_costs_more),
		cmocka_unit_test(new_questions_cost_their_steps), cmocka_unit_test(levels_include_the_learners_own),
		cmocka_unit_test(exam_counts_what_is_at_risk),	  cmocka_unit_test(chart_fits_80_and_40),
		cmocka_unit_test(suggests_a_refit_when_reviews_double),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
