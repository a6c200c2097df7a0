/* Unit tests for fsrs: the ts-fsrs 5.4.2 reference vectors plus scheduler properties. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsrs.h"

#define RELATIVE_TOLERANCE 1e-6
#define EXPECTED_VECTOR_ROWS 200

struct vector_row {
	int seq;
	int step;
	int elapsed_days;
	int grade;
	double stability_before;
	double difficulty_before;
	double retrievability_before;
	double stability_after;
	double difficulty_after;
	int interval_days;
};

/* cmocka 1.1 has no relative-tolerance assertion; this reports both values so a failure is diagnosable.
 * An expected value of 0 is compared exactly-ish, since relative error is meaningless there. */
static bool relatively_close(double expected, double actual, double *error)
{
	if (expected == 0.0)
		*error = fabs(actual);
	else
		*error = fabs(actual - expected) / fabs(expected);
	return *error <= RELATIVE_TOLERANCE;
}

static bool close_enough(const char *what, int seq, int step, double expected, double actual)
{
	double error;

	if (relatively_close(expected, actual, &error))
		return true;
	print_error("seq %d step %d: %s expected %.10f, got %.10f (relative error %.3g)\n", seq, step, what,
		    expected, actual, error);
	return false;
}

#define assert_close(expected, actual) assert_close_at((expected), (actual), #actual, __FILE__, __LINE__)

static void assert_close_at(double expected, double actual, const char *expression, const char *file,
			    int line)
{
	double error;

	if (relatively_close(expected, actual, &error))
		return;
	print_error("%s:%d: %s = %.10f, expected %.10f (relative error %.3g)\n", file, line, expression,
		    actual, expected, error);
	fail();
}

static FILE *open_vectors(void)
{
	const char *dir = getenv("TEST_DATA_DIR");
	char path[4096];
	FILE *file;

	if (dir == NULL || *dir == '\0')
		dir = "tests/data";
	snprintf(path, sizeof path, "%s/fsrs-vectors.tsv", dir);
	file = fopen(path, "r");
	if (file == NULL)
		print_error("cannot open %s\n", path);
	return file;
}

static bool parse_row(const char *line, struct vector_row *row)
{
	int consumed = 0;
	int fields = sscanf(line, "%d %d %d %d %lf %lf %lf %lf %lf %d%n", &row->seq, &row->step,
			    &row->elapsed_days, &row->grade, &row->stability_before, &row->difficulty_before,
			    &row->retrievability_before, &row->stability_after, &row->difficulty_after,
			    &row->interval_days, &consumed);

	return fields == 10 && strspn(line + consumed, " \t\r\n") == strlen(line + consumed);
}

/* Runs one row from our own chained state, so an error anywhere in a sequence shows up where it starts. */
static int check_row(const struct fsrs_params *params, const struct vector_row *row,
		     struct fsrs_memory *state)
{
	int failures = 0;
	struct fsrs_memory next;
	int interval;

	if (row->step == 0) {
		if (row->stability_before != 0.0 || row->elapsed_days != 0)
			failures++;
		state->stability = 0.0;
		state->difficulty = 0.0;
	} else {
		double r = fsrs_retrievability(params, row->elapsed_days, state->stability);

		failures += !close_enough("S_before", row->seq, row->step, row->stability_before,
					  state->stability);
		failures += !close_enough("D_before", row->seq, row->step, row->difficulty_before,
					  state->difficulty);
		failures += !close_enough("R_before", row->seq, row->step, row->retrievability_before, r);
	}
	next = fsrs_next(params, *state, row->elapsed_days, (enum fsrs_grade)row->grade);
	interval = fsrs_interval(params, next.stability);
	failures += !close_enough("S_after", row->seq, row->step, row->stability_after, next.stability);
	failures += !close_enough("D_after", row->seq, row->step, row->difficulty_after, next.difficulty);
	if (interval != row->interval_days) {
		print_error("seq %d step %d: interval expected %d, got %d\n", row->seq, row->step,
			    row->interval_days, interval);
		failures++;
	}
	*state = next;
	return failures;
}

static void test_reference_vectors(void **unused)
{
	struct fsrs_params params;
	struct fsrs_memory state = { 0.0, 0.0 };
	struct vector_row row;
	char line[1024];
	int rows = 0, failures = 0, bad_lines = 0;
	int previous_seq = -1, previous_step = -1;
	FILE *file = open_vectors();

	(void)unused;
	assert_non_null(file);
	fsrs_params_default(&params);
	while (fgets(line, sizeof line, file) != NULL) {
		if (line[0] == '#' || strspn(line, " \t\r\n") == strlen(line))
			continue;
		if (!parse_row(line, &row)) {
			print_error("unparsable vector line: %s", line);
			bad_lines++;
			continue;
		}
		/* A sequence starts at step 0 and has no gaps, or the chained state would be wrong. */
		if (row.seq == previous_seq ? row.step != previous_step + 1 : row.step != 0) {
			print_error("seq %d step %d out of order\n", row.seq, row.step);
			failures++;
		}
		previous_seq = row.seq;
		previous_step = row.step;
		failures += check_row(&params, &row, &state);
		rows++;
	}
	fclose(file);
	assert_int_equal(bad_lines, 0);
	assert_int_equal(rows, EXPECTED_VECTOR_ROWS);
	assert_int_equal(failures, 0);
}

static void test_default_params(void **unused)
{
	struct fsrs_params params;

	(void)unused;
	memset(&params, 0, sizeof params);
	fsrs_params_default(&params);
	assert_close(0.212, params.w[0]);
	assert_close(8.2956, params.w[3]);
	assert_close(0.0658, params.w[19]);
	assert_close(0.1542, params.w[20]);
	assert_close(0.9, params.desired_retention);
}

static void test_retrievability_falls_with_time(void **unused)
{
	static const double stabilities[] = { 0.001, 0.5, 2.3065, 40.0, 36500.0 };
	struct fsrs_params params;

	(void)unused;
	fsrs_params_default(&params);
	for (size_t i = 0; i < sizeof stabilities / sizeof stabilities[0]; i++) {
		double previous = fsrs_retrievability(&params, 0, stabilities[i]);

		for (int t = 1; t <= 400; t++) {
			double r = fsrs_retrievability(&params, t, stabilities[i]);

			assert_true(r < previous);
			assert_true(r > 0.0);
			previous = r;
		}
	}
}

static void test_retrievability_anchors(void **unused)
{
	static const double stabilities[] = { 0.01, 1.0, 7.5, 365.0, 36500.0 };
	struct fsrs_params params;

	(void)unused;
	fsrs_params_default(&params);
	for (int pass = 0; pass < 2; pass++) {
		/* The factor keeps R(S, S) = 0.9 whatever the decay, so try a non-default w20 too. */
		if (pass == 1)
			params.w[20] = 0.5;
		for (size_t i = 0; i < sizeof stabilities / sizeof stabilities[0]; i++) {
			double s = stabilities[i];

			assert_close(1.0, fsrs_retrievability(&params, 0, s));
			assert_close(0.9, fsrs_retrievability(&params, s, s));
		}
	}
}

static void test_interval_meets_desired_retention(void **unused)
{
	static const double retentions[] = { 0.7, 0.8, 0.9, 0.95 };
	struct fsrs_params params;
	const double stability = 3000.0;

	(void)unused;
	fsrs_params_default(&params);
	assert_int_equal(fsrs_interval(&params, stability), 3000);
	for (size_t i = 0; i < sizeof retentions / sizeof retentions[0]; i++) {
		int interval;

		params.desired_retention = retentions[i];
		interval = fsrs_interval(&params, stability);
		/* Whole days blur the target slightly; with S this large the error stays tiny. */
		assert_true(fabs(fsrs_retrievability(&params, interval, stability) - retentions[i]) < 1e-4);
	}
	params.desired_retention = 0.8;
	assert_true(fsrs_interval(&params, 100.0) > 100);
	params.desired_retention = 0.95;
	assert_true(fsrs_interval(&params, 100.0) < 100);
}

static void test_intervals_grow_with_stability(void **unused)
{
	struct fsrs_params params;
	int previous;

	(void)unused;
	fsrs_params_default(&params);
	previous = fsrs_interval(&params, 0.001);
	for (double s = 0.001; s < 50000.0; s *= 1.05) {
		int interval = fsrs_interval(&params, s);

		assert_true(interval >= previous);
		previous = interval;
	}
	assert_true(fsrs_interval(&params, 10.0) < fsrs_interval(&params, 100.0));
}

static void test_interval_rounds_and_clamps(void **unused)
{
	struct fsrs_params params;

	(void)unused;
	fsrs_params_default(&params);
	assert_int_equal(fsrs_interval(&params, 2.4), 2);
	assert_int_equal(fsrs_interval(&params, 2.6), 3);
	assert_int_equal(fsrs_interval(&params, 0.001), 1);
	assert_int_equal(fsrs_interval(&params, 0.3), 1);
	assert_int_equal(fsrs_interval(&params, 1.4), 1);
	assert_int_equal(fsrs_interval(&params, 36500.0), FSRS_MAX_INTERVAL);
	assert_int_equal(fsrs_interval(&params, 1e9), FSRS_MAX_INTERVAL);
	params.desired_retention = 0.5;
	assert_int_equal(fsrs_interval(&params, 30000.0), FSRS_MAX_INTERVAL);
}

static void test_first_review(void **unused)
{
	struct fsrs_params params;
	struct fsrs_memory fresh = { 0.0, 0.0 };

	(void)unused;
	fsrs_params_default(&params);
	for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
		struct fsrs_memory first = fsrs_first_review(&params, (enum fsrs_grade)g);
		struct fsrs_memory via_next = fsrs_next(&params, fresh, 5, (enum fsrs_grade)g);

		assert_close(params.w[g - 1], first.stability);
		assert_close(first.stability, via_next.stability);
		assert_close(first.difficulty, via_next.difficulty);
	}
	/* D0(Again) = w4 - e^0 + 1 = w4 and D0(Easy) falls below 1 before the clamp. */
	assert_close(params.w[4], fsrs_first_review(&params, FSRS_AGAIN).difficulty);
	assert_close(1.0, fsrs_first_review(&params, FSRS_EASY).difficulty);
}

static void test_same_day_rule(void **unused)
{
	struct fsrs_params params;
	struct fsrs_memory big = { 400.0, 5.0 };
	struct fsrs_memory small = { 1.0, 5.0 };

	(void)unused;
	fsrs_params_default(&params);
	/* For a large S the same-day multiplier is below 1: floored for Hard and Good, not for Again. */
	assert_close(big.stability, fsrs_next(&params, big, 0, FSRS_HARD).stability);
	assert_close(big.stability, fsrs_next(&params, big, 0, FSRS_GOOD).stability);
	assert_true(fsrs_next(&params, big, 0, FSRS_AGAIN).stability < big.stability);
	/* For S = 1 the multiplier is e^(w17 (G - 3 + w18)), so Good grows it. */
	assert_close(exp(params.w[17] * params.w[18]), fsrs_next(&params, small, 0, FSRS_GOOD).stability);
}

static void test_again_never_raises_stability(void **unused)
{
	static const double stabilities[] = { 0.001, 0.1, 1.0, 5.0, 50.0, 900.0, 36500.0 };
	static const double difficulties[] = { 1.0, 3.0, 5.5, 8.0, 10.0 };
	static const int elapsed[] = { 0, 1, 3, 30, 365, 5000, 100000 };
	struct fsrs_params params;

	(void)unused;
	fsrs_params_default(&params);
	for (size_t i = 0; i < sizeof stabilities / sizeof stabilities[0]; i++) {
		for (size_t j = 0; j < sizeof difficulties / sizeof difficulties[0]; j++) {
			for (size_t k = 0; k < sizeof elapsed / sizeof elapsed[0]; k++) {
				struct fsrs_memory m = { stabilities[i], difficulties[j] };
				struct fsrs_memory next = fsrs_next(&params, m, elapsed[k], FSRS_AGAIN);

				assert_true(next.stability <= m.stability);
				assert_true(next.stability >= 0.001);
			}
		}
	}
}

static void test_difficulty_stays_in_range(void **unused)
{
	static const double difficulties[] = { 1.0, 1.5, 5.0, 9.5, 10.0 };
	struct fsrs_params params;

	(void)unused;
	fsrs_params_default(&params);
	for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
		for (size_t j = 0; j < sizeof difficulties / sizeof difficulties[0]; j++) {
			struct fsrs_memory m = { 10.0, difficulties[j] };

			/* Repeating one grade drives D to its extreme; it must stop at the bound. */
			for (int n = 0; n < 50; n++) {
				m = fsrs_next(&params, m, n % 3, (enum fsrs_grade)g);
				assert_true(m.difficulty >= 1.0);
				assert_true(m.difficulty <= 10.0);
			}
		}
	}
	{
		struct fsrs_memory hardest = { 10.0, 10.0 };
		struct fsrs_memory easiest = { 10.0, 1.0 };
		double after_again = fsrs_next(&params, hardest, 3, FSRS_AGAIN).difficulty;
		double easy_start = params.w[4] - exp(3.0 * params.w[5]) + 1.0;

		/* Mean reversion towards the (negative) unclamped D0(Easy) pulls a maximal D below 10. */
		assert_close(params.w[7] * easy_start + (1.0 - params.w[7]) * 10.0, after_again);
		assert_true(after_again < 10.0);
		assert_close(1.0, fsrs_next(&params, easiest, 3, FSRS_EASY).difficulty);
	}
}

static void test_stability_clamps(void **unused)
{
	struct fsrs_params params;
	struct fsrs_memory huge = { 36500.0, 1.0 };
	struct fsrs_memory tiny = { 0.001, 10.0 };
	struct fsrs_memory next;

	(void)unused;
	fsrs_params_default(&params);
	next = fsrs_next(&params, huge, 36500, FSRS_EASY);
	assert_close(36500.0, next.stability);
	next = fsrs_next(&params, huge, 0, FSRS_EASY);
	assert_close(36500.0, next.stability);
	next = fsrs_next(&params, tiny, 1000, FSRS_AGAIN);
	assert_close(0.001, next.stability);
	next = fsrs_next(&params, tiny, 0, FSRS_AGAIN);
	assert_close(0.001, next.stability);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_vectors),
		cmocka_unit_test(test_default_params),
		cmocka_unit_test(test_retrievability_falls_with_time),
		cmocka_unit_test(test_retrievability_anchors),
		cmocka_unit_test(test_interval_meets_desired_retention),
		cmocka_unit_test(test_intervals_grow_with_stability),
		cmocka_unit_test(test_interval_rounds_and_clamps),
		cmocka_unit_test(test_first_review),
		cmocka_unit_test(test_same_day_rule),
		cmocka_unit_test(test_again_never_raises_stability),
		cmocka_unit_test(test_difficulty_stays_in_range),
		cmocka_unit_test(test_stability_clamps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
