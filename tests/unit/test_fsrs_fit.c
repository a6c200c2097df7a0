/* Unit tests for fsrs_fit: the dual-number model against src/fsrs.c, exact
 * gradients, items built as fsrs-rs builds them, the outlier filter,
 * pre-training, the thresholds, determinism and the metrics. */
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
#include "fsrs_fit.h"
#include "fsrs_fit_internal.h"

static bool near(double expected, double actual, double relative, double absolute)
{
	return fabs(expected - actual) <= absolute + relative * fabs(expected);
}

#define assert_near(expected, actual, relative, absolute) \
	assert_near_at((expected), (actual), (relative), (absolute), #actual, __LINE__)

static void assert_near_at(double expected, double actual, double relative, double absolute,
			   const char *what, int line)
{
	if (near(expected, actual, relative, absolute))
		return;
	print_error("line %d: %s = %.12g, expected %.12g\n", line, what, actual, expected);
	fail();
}

/* ---- a small deterministic generator for histories ---- */

static uint64_t test_random_state;

static double test_uniform(void)
{
	test_random_state = test_random_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double)(test_random_state >> 11) / 9007199254740992.0;
}

static void default_w(double w[FSRS_PARAM_COUNT])
{
	struct fsrs_params p;
	fsrs_params_default(&p);
	memcpy(w, p.w, sizeof p.w);
}

/* Parameters drawn inside fsrs-rs's clipping bounds. */
static void random_w(double w[FSRS_PARAM_COUNT])
{
	default_w(w);
	for (int i = 0; i < FSRS_PARAM_COUNT; i++)
		w[i] *= 0.6 + 0.8 * test_uniform();
	fit_clip(w);
}

static void random_reviews(struct fsrs_fit_review *reviews, unsigned count)
{
	for (unsigned i = 0; i < count; i++) {
		reviews[i].rating = (unsigned char)(1 + (int)(test_uniform() * 4));
		reviews[i].delta_t = i == 0 || test_uniform() < 0.2 ? 0 : 1 + (unsigned)(test_uniform() * 60);
	}
}

/* The memory after reviews[0..count) by src/fsrs.c. */
static struct fsrs_memory scalar_memory(const double w[FSRS_PARAM_COUNT], const struct fsrs_fit_review *reviews,
					unsigned count)
{
	struct fsrs_params params;
	fsrs_params_default(&params);
	memcpy(params.w, w, sizeof params.w);
	struct fsrs_memory m = fsrs_first_review(&params, (enum fsrs_grade)reviews[0].rating);
	for (unsigned i = 1; i < count; i++)
		m = fsrs_next(&params, m, (int)reviews[i].delta_t, (enum fsrs_grade)reviews[i].rating);
	return m;
}

/* ---- the model ---- */

/* Every prefix of every sequence in the ts-fsrs reference vectors: the dual
 * model gives src/fsrs.c's values and the vectors'. */
static void test_dual_model_matches_reference_vectors(void **unused)
{
	(void)unused;
	const char *dir = getenv("TEST_DATA_DIR");
	char path[4096], line[512];
	snprintf(path, sizeof path, "%s/fsrs-vectors.tsv", dir && *dir ? dir : "tests/data");
	FILE *file = fopen(path, "r");
	assert_non_null(file);
	struct fsrs_fit_review reviews[64];
	double w[FSRS_PARAM_COUNT], ds[FSRS_PARAM_COUNT], dd[FSRS_PARAM_COUNT];
	unsigned count = 0, rows = 0;
	int last_seq = -1;
	default_w(w);
	while (fgets(line, sizeof line, file)) {
		int seq, step, elapsed, grade;
		double s_before, d_before, r_before, s_after, d_after;
		if (line[0] == '#')
			continue;
		assert_int_equal(sscanf(line, "%d %d %d %d %lf %lf %lf %lf %lf", &seq, &step, &elapsed, &grade,
					&s_before, &d_before, &r_before, &s_after, &d_after), 9);
		if (seq != last_seq)
			count = 0;
		last_seq = seq;
		assert_true(count < 64);
		reviews[count].rating = (unsigned char)grade;
		reviews[count].delta_t = (unsigned)elapsed;
		count++;
		double s, d;
		fit_dual_memory(w, reviews, count, &s, &d, ds, dd);
		struct fsrs_memory m = scalar_memory(w, reviews, count);
		assert_near(m.stability, s, 1e-12, 0);
		assert_near(m.difficulty, d, 1e-12, 0);
		assert_near(s_after, s, 1e-6, 0);
		assert_near(d_after, d, 1e-6, 0);
		rows++;
	}
	fclose(file);
	assert_int_equal(rows, 200);
}

/* Random parameters and histories, same-day reviews and lapses included. */
static void test_dual_model_matches_scalar_model(void **unused)
{
	(void)unused;
	struct fsrs_fit_review reviews[30];
	double w[FSRS_PARAM_COUNT], ds[FSRS_PARAM_COUNT], dd[FSRS_PARAM_COUNT];
	test_random_state = 42;
	for (int trial = 0; trial < 2000; trial++) {
		random_w(w);
		unsigned count = 1 + (unsigned)(test_uniform() * 30);
		random_reviews(reviews, count);
		double s, d;
		fit_dual_memory(w, reviews, count, &s, &d, ds, dd);
		struct fsrs_memory m = scalar_memory(w, reviews, count);
		assert_near(m.stability, s, 1e-12, 0);
		assert_near(m.difficulty, d, 1e-12, 0);
	}
}

/* The scalar loss of one item through src/fsrs.c. */
static double scalar_item_loss(const double w[FSRS_PARAM_COUNT], const struct fsrs_fit_review *reviews,
			       unsigned length)
{
	struct fsrs_params params;
	fsrs_params_default(&params);
	memcpy(params.w, w, sizeof params.w);
	double p = fit_item_predict(&params, reviews, length);
	return fit_log_loss(p, reviews[length - 1].rating > 1, 1.0);
}

/* The exact gradient agrees with central differences of the scalar loss. */
static void test_gradient_matches_finite_differences(void **unused)
{
	(void)unused;
	struct fsrs_fit_review reviews[12];
	double w[FSRS_PARAM_COUNT];
	struct dual_model model;
	int checked = 0;
	test_random_state = 7;
	for (int trial = 0; trial < 200; trial++) {
		random_w(w);
		unsigned length = 2 + (unsigned)(test_uniform() * 10);
		random_reviews(reviews, length);
		reviews[length - 1].delta_t = 1 + (unsigned)(test_uniform() * 30);
		double grad[FSRS_PARAM_COUNT] = { 0 };
		fit_model_init(&model, w);
		double loss = fit_item_loss_grad(&model, reviews, length, 1.0, grad);
		assert_near(scalar_item_loss(w, reviews, length), loss, 1e-12, 0);
		for (int i = 0; i < FSRS_PARAM_COUNT; i++) {
			double h = 1e-6 * fmax(1.0, fabs(w[i])), saved = w[i];
			w[i] = saved + h;
			double up = scalar_item_loss(w, reviews, length);
			w[i] = saved - h;
			double down = scalar_item_loss(w, reviews, length);
			w[i] = saved;
			double numeric = (up - down) / (2 * h);
			/* Skip the kinks (a clamp or min switching inside ±h). */
			if (fabs((up - loss) - (loss - down)) > 1e-3 * fabs(up - down) + 1e-12)
				continue;
			assert_near(numeric, grad[i], 2e-4, 1e-6);
			checked++;
		}
	}
	assert_true(checked > 3000);
}

static void test_clip_bounds(void **unused)
{
	(void)unused;
	double w[FSRS_PARAM_COUNT];
	for (int i = 0; i < FSRS_PARAM_COUNT; i++)
		w[i] = 1000.0;
	fit_clip(w);
	assert_near(100.0, w[0], 0, 0);
	assert_near(10.0, w[4], 0, 0);
	assert_near(0.75, w[7], 0, 0);
	assert_near(2.0, w[17], 0, 0);
	assert_near(0.8, w[20], 0, 0);
	for (int i = 0; i < FSRS_PARAM_COUNT; i++)
		w[i] = i == 3 ? NAN : -1000.0;
	fit_clip(w);
	assert_near(0.001, w[0], 0, 0);
	assert_near(0.001, w[3], 0, 0); /* NaN: the lower bound */
	assert_near(1.0, w[4], 0, 0);
	assert_near(1.0, w[16], 0, 0);
	assert_near(0.01, w[19], 0, 0);
	assert_near(0.1, w[20], 0, 0);
	default_w(w);
	double before[FSRS_PARAM_COUNT];
	memcpy(before, w, sizeof before);
	fit_clip(w);
	assert_memory_equal(before, w, sizeof before); /* the defaults are inside */
}

/* ---- building items ---- */

static size_t card(struct fsrs_history *h, const char *name)
{
	size_t c = fsrs_history_card(h, name);
	assert_true(c != (size_t)-1);
	return c;
}

static void add(struct fsrs_history *h, const char *name, long day, int minute, int rating, int state)
{
	struct fsrs_history_entry e = { card(h, name), (day * 1440LL + minute) * 60000LL, day,
					(unsigned char)rating, (unsigned char)state };
	assert_int_equal(fsrs_history_add(h, &e), 0);
}

static void test_items_built_as_fsrs_rs(void **unused)
{
	(void)unused;
	struct fsrs_history h;
	struct fsrs_dataset d;
	fsrs_history_init(&h);
	/* Given out of order: the builder sorts each card by time. */
	add(&h, "b", 12, 0, 3, 2);
	add(&h, "a", 0, 0, 1, 0);
	add(&h, "a", 0, 10, 3, 1);	/* same day: history only, no item */
	add(&h, "a", 2, 0, 3, 2);	/* item: (1,0)(3,0)(3,2) */
	add(&h, "a", 7, 0, 1, 2);	/* item */
	add(&h, "a", 7, 5, 3, 3);	/* same day relearning: no item */
	add(&h, "b", 10, 0, 4, 0);
	add(&h, "c", 5, 0, 3, 2);	/* no new/learning review at all: no items */
	add(&h, "c", 9, 0, 3, 2);
	/* A card reset to new starts again from its last learning run. */
	add(&h, "d", 0, 0, 3, 0);
	add(&h, "d", 3, 0, 3, 2);
	add(&h, "d", 20, 0, 2, 0);
	add(&h, "d", 25, 0, 3, 2);
	assert_int_equal(fsrs_history_add(&h, &(struct fsrs_history_entry){ 0, 0, 0, 5, 2 }), -1);
	assert_int_equal(fsrs_dataset_build(&h, &d), 0);
	assert_int_equal(d.source_reviews, 13);
	assert_int_equal(d.item_count, 4);
	assert_int_equal(d.cards, 3);
	/* In the time order of the predicted review: a@2, a@7, b@12, d@25. */
	const struct fsrs_fit_item *item = &d.items[0];
	assert_int_equal(item->length, 3);
	assert_int_equal(d.reviews[item->first].rating, 1);
	assert_int_equal(d.reviews[item->first + 1].delta_t, 0);
	assert_int_equal(d.reviews[item->first + 2].delta_t, 2);
	assert_int_equal(d.items[1].length, 4);
	assert_int_equal(item_current(&d, &d.items[1])->delta_t, 5);
	assert_int_equal(item_current(&d, &d.items[2])->delta_t, 2);
	assert_int_equal(d.reviews[d.items[2].first].rating, 4);
	assert_int_equal(d.items[3].length, 2);
	assert_int_equal(d.reviews[d.items[3].first].rating, 2);
	assert_int_equal(item_current(&d, &d.items[3])->delta_t, 5);
	assert_int_equal(fit_long_term_count(&d, &d.items[1]), 2);
	fsrs_dataset_release(&d);
	fsrs_history_release(&h);
}

static void test_card_names_are_interned(void **unused)
{
	(void)unused;
	struct fsrs_history h;
	char name[32];
	fsrs_history_init(&h);
	for (int i = 0; i < 1000; i++) {
		snprintf(name, sizeof name, "card-%d", i);
		assert_int_equal(card(&h, name), (size_t)i);
	}
	assert_int_equal(card(&h, "card-517"), 517);
	assert_int_equal(h.card_count, 1000);
	fsrs_history_release(&h);
}

/* n cards, first rating `first`, second review after `days`; `recalled` of them pass. */
static void add_pairs(struct fsrs_history *h, const char *prefix, int n, int first, int days, int recalled)
{
	char name[64];
	for (int i = 0; i < n; i++) {
		snprintf(name, sizeof name, "%s-%d", prefix, i);
		add(h, name, 100 + i % 50, 0, first, 0);
		add(h, name, 100 + i % 50 + days, 0, i < recalled ? 3 : 1, 2);
	}
}

static void test_outlier_filter(void **unused)
{
	(void)unused;
	struct fsrs_history h;
	struct fsrs_dataset d;
	fsrs_history_init(&h);
	add_pairs(&h, "main", 100, 3, 3, 90);	/* a big group: kept */
	add_pairs(&h, "rare", 5, 3, 40, 5);	/* small groups: the first 20 items removed */
	add_pairs(&h, "rare2", 5, 3, 41, 5);
	add_pairs(&h, "mid", 30, 3, 7, 20);	/* > 20 reached with it: kept (>= 6, <= 100 days) */
	add_pairs(&h, "far", 30, 3, 150, 20);	/* too long an interval for Good: removed */
	add_pairs(&h, "easy", 30, 4, 150, 20);	/* ... but not for Easy (up to 365) */
	assert_int_equal(fsrs_dataset_build(&h, &d), 0);
	size_t init[512], train[512], init_count, train_count;
	assert_int_equal(fit_split(&d, init, &init_count, train, &train_count), 0);
	/* Rating 3: 200 items, quota 20: rare (5), rare2 (5) go, then "mid" reaches it and stays;
	 * "far" exceeds 100 days.  Rating 4: one group of 30 >= the quota of 20: kept. */
	assert_int_equal(train_count, 100 + 30 + 30);
	assert_int_equal(init_count, train_count);
	fsrs_dataset_release(&d);
	fsrs_history_release(&h);
}

static void test_smooth_initial(void **unused)
{
	(void)unused;
	double s0[4] = { 0, 0, 4.6, 0 };
	unsigned only_good[5] = { 0, 0, 0, 12, 0 };
	fit_smooth_initial(s0, only_good);
	/* One rating known: the defaults scaled by its ratio. */
	assert_near(0.212 * 4.6 / 2.3065, s0[0], 1e-12, 0);
	assert_near(4.6, s0[2], 1e-12, 0);
	assert_near(8.2956 * 4.6 / 2.3065, s0[3], 1e-12, 0);

	double out_of_order[4] = { 5.0, 2.0, 3.0, 9.0 };
	unsigned counts[5] = { 0, 50, 10, 40, 5 };
	fit_smooth_initial(out_of_order, counts);
	/* One pass over the pairs, as fsrs-rs: the rating seen more often wins
	 * each — Hard rises to Again's 5, falls to Good's 3; Good rises to 5. */
	assert_near(5.0, out_of_order[0], 0, 0);
	assert_near(3.0, out_of_order[1], 0, 0);
	assert_near(5.0, out_of_order[2], 0, 0);
	assert_near(9.0, out_of_order[3], 0, 0);

	double two[4] = { 0, 0, 3.0, 10.0 };
	unsigned good_easy[5] = { 0, 0, 0, 10, 10 };
	fit_smooth_initial(two, good_easy);
	assert_true(two[0] > 0 && two[0] < two[1] && two[1] < two[2]);
	assert_near(10.0, two[3], 0, 0);
}

/* ---- fitting ---- */

/* A simulated learner with FSRS-6 and slightly different parameters. */
static void simulate(struct fsrs_history *h, int cards, uint64_t seed)
{
	struct fsrs_params truth;
	char name[32];
	fsrs_params_default(&truth);
	truth.w[0] = 0.5, truth.w[2] = 4.0, truth.w[8] = 1.6, truth.w[20] = 0.25;
	test_random_state = seed;
	for (int c = 0; c < cards; c++) {
		snprintf(name, sizeof name, "q%d", c);
		long day = (long)(test_uniform() * 100);
		int g = test_uniform() < 0.2 ? 1 : test_uniform() < 0.8 ? 3 : 4;
		struct fsrs_memory m = fsrs_first_review(&truth, (enum fsrs_grade)g);
		add(h, name, day, 0, g, 0);
		for (int r = 0; r < 12; r++) {
			int interval = (int)(fsrs_interval(&truth, m.stability) * (0.7 + 0.6 * test_uniform())) + 1;
			day += interval;
			g = test_uniform() < fsrs_retrievability(&truth, interval, m.stability) ? 3 : 1;
			m = fsrs_next(&truth, m, interval, (enum fsrs_grade)g);
			add(h, name, day, 0, g, 2);
		}
	}
}

static void fit_history(struct fsrs_history *h, struct fsrs_fit_result *result)
{
	struct fsrs_dataset d;
	assert_int_equal(fsrs_dataset_build(h, &d), 0);
	assert_int_equal(fsrs_fit(&d, NULL, result), 0);
	fsrs_dataset_release(&d);
}

/* n cards with three reviews: first rating 3, then after d1 and d2 days. */
static void add_triples(struct fsrs_history *h, const char *prefix, int n, int d1, int d2)
{
	char name[64];
	for (int i = 0; i < n; i++) {
		snprintf(name, sizeof name, "%s-%d", prefix, i);
		add(h, name, 200, 0, 3, 0);
		add(h, name, 200 + d1, 0, i % 3 ? 3 : 1, 2);
		add(h, name, 200 + d1 + d2, 0, i % 4 ? 3 : 1, 2);
	}
}

/* A history with `usable` items left by the outlier filter: three small
 * first-interval groups (15 items) are dropped as outliers, so that the
 * group of Good-then-3-days items (pairs plus the first half of triples)
 * survives; each triple also gives an item with two intervals. */
static void threshold_history(struct fsrs_history *h, int pairs, int triples)
{
	fsrs_history_init(h);
	add_pairs(h, "o10", 5, 3, 10, 4);
	add_pairs(h, "o11", 5, 3, 11, 4);
	add_pairs(h, "o12", 5, 3, 12, 4);
	add_pairs(h, "keep", pairs, 3, 3, pairs / 2);
	add_triples(h, "long", triples, 3, 8);
}

static void test_fewer_than_8_keeps_defaults(void **unused)
{
	(void)unused;
	struct fsrs_history h;
	struct fsrs_fit_result r;
	double w[FSRS_PARAM_COUNT];
	default_w(w);
	threshold_history(&h, 7, 0);
	fit_history(&h, &r);
	assert_int_equal(r.usable_items, 7);
	assert_int_equal(r.outcome, FSRS_FIT_TOO_FEW);
	assert_memory_equal(w, r.w, sizeof w);
	assert_near(r.before.log_loss, r.after.log_loss, 0, 0);
	fsrs_history_release(&h);

	/* Under 20 first intervals in all: every group is an outlier. */
	fsrs_history_init(&h);
	add_pairs(&h, "x", 19, 3, 3, 10);
	fit_history(&h, &r);
	assert_int_equal(r.usable_items, 0);
	assert_int_equal(r.outcome, FSRS_FIT_TOO_FEW);
	fsrs_history_release(&h);

	struct fsrs_dataset empty = { 0 };
	assert_int_equal(fsrs_fit(&empty, NULL, &r), 0);
	assert_int_equal(r.outcome, FSRS_FIT_TOO_FEW);
	assert_int_equal(r.after.items, 0);
}

static void test_8_to_63_fits_initial_stability_only(void **unused)
{
	(void)unused;
	struct fsrs_history h;
	struct fsrs_fit_result r;
	double w[FSRS_PARAM_COUNT];
	default_w(w);
	threshold_history(&h, 8, 0);
	fit_history(&h, &r);
	assert_int_equal(r.usable_items, 8);
	assert_int_equal(r.outcome, FSRS_FIT_INITIAL_ONLY);
	assert_memory_equal(&w[4], &r.w[4], sizeof w - 4 * sizeof w[0]);
	assert_true(r.w[2] < w[2]);	/* half of Good forgotten in 3 days: a smaller S0(Good) */
	fsrs_history_release(&h);

	threshold_history(&h, 21, 21);
	fit_history(&h, &r);
	assert_int_equal(r.usable_items, 63);
	assert_int_equal(r.outcome, FSRS_FIT_INITIAL_ONLY);
	assert_memory_equal(&w[4], &r.w[4], sizeof w - 4 * sizeof w[0]);
	fsrs_history_release(&h);

	/* Many items, but all first intervals: nothing else to learn from. */
	threshold_history(&h, 100, 0);
	fit_history(&h, &r);
	assert_int_equal(r.usable_items, 100);
	assert_int_equal(r.outcome, FSRS_FIT_INITIAL_ONLY);
	fsrs_history_release(&h);
}

static void test_64_and_more_fits_everything(void **unused)
{
	(void)unused;
	struct fsrs_history h;
	struct fsrs_fit_result r;
	double w[FSRS_PARAM_COUNT];
	default_w(w);
	threshold_history(&h, 22, 21);
	fit_history(&h, &r);
	assert_int_equal(r.usable_items, 64);
	assert_int_equal(r.outcome, FSRS_FIT_FULL);
	assert_true(memcmp(&w[4], &r.w[4], sizeof w - 4 * sizeof w[0]) != 0);
	fsrs_history_release(&h);
}

static void test_fit_improves_and_is_deterministic(void **unused)
{
	(void)unused;
	struct fsrs_history h;
	struct fsrs_fit_result first, second;
	fsrs_history_init(&h);
	simulate(&h, 300, 99);
	fit_history(&h, &first);
	fit_history(&h, &second);
	assert_int_equal(first.outcome, FSRS_FIT_FULL);
	assert_true(first.after.log_loss < first.before.log_loss);
	assert_true(first.after.rmse_bins < first.before.rmse_bins);
	assert_memory_equal(&first, &second, sizeof first);
	/* Every parameter stays inside the clipping bounds. */
	double clipped[FSRS_PARAM_COUNT];
	memcpy(clipped, first.w, sizeof clipped);
	fit_clip(clipped);
	assert_memory_equal(clipped, first.w, sizeof clipped);
	/* The learner's decay is 0.25, not 0.1542: the fit moves toward it. */
	assert_true(first.w[20] > 0.1542);
	fsrs_history_release(&h);
}

static void test_options_change_the_fit(void **unused)
{
	(void)unused;
	struct fsrs_history h;
	struct fsrs_dataset d;
	struct fsrs_fit_options o;
	struct fsrs_fit_result a, b;
	fsrs_history_init(&h);
	simulate(&h, 100, 5);
	assert_int_equal(fsrs_dataset_build(&h, &d), 0);
	fsrs_fit_options_default(&o);
	assert_int_equal(o.epochs, 5);
	assert_int_equal(o.batch_size, 512);
	assert_near(0.04, o.learning_rate, 0, 0);
	assert_int_equal(fsrs_fit(&d, &o, &a), 0);
	o.epochs = 0;		/* no training: the pre-trained start */
	assert_int_equal(fsrs_fit(&d, &o, &b), 0);
	assert_true(memcmp(a.w, b.w, sizeof a.w) != 0);
	o.batch_size = 0;	/* invalid: the defaults are used */
	assert_int_equal(fsrs_fit(&d, &o, &b), 0);
	assert_memory_equal(a.w, b.w, sizeof a.w);
	fsrs_dataset_release(&d);
	fsrs_history_release(&h);
}

/* ---- metrics ---- */

static void test_evaluate_one_item(void **unused)
{
	(void)unused;
	struct fsrs_history h;
	struct fsrs_dataset d;
	struct fsrs_metrics m;
	struct fsrs_params p;
	double w[FSRS_PARAM_COUNT];
	fsrs_history_init(&h);
	add(&h, "a", 0, 0, 3, 0);
	add(&h, "a", 5, 0, 3, 2);
	assert_int_equal(fsrs_dataset_build(&h, &d), 0);
	default_w(w);
	fsrs_params_default(&p);
	assert_int_equal(fsrs_evaluate(&d, w, &m), 0);
	double r = fsrs_retrievability(&p, 5, p.w[2]);
	assert_int_equal(m.items, 1);
	assert_near(-log(r), m.log_loss, 1e-12, 0);
	assert_near(1.0 - r, m.rmse_bins, 1e-12, 0);
	fsrs_dataset_release(&d);
	fsrs_history_release(&h);
}

static void test_outcome_text(void **unused)
{
	(void)unused;
	assert_non_null(strstr(fsrs_fit_outcome_text(FSRS_FIT_TOO_FEW), "too few"));
	assert_non_null(strstr(fsrs_fit_outcome_text(FSRS_FIT_INITIAL_ONLY), "initial"));
	assert_non_null(strstr(fsrs_fit_outcome_text(FSRS_FIT_NO_FIRST_REVIEWS), "default"));
	assert_non_null(strstr(fsrs_fit_outcome_text(FSRS_FIT_FULL), "21"));
}

static bool health_says(const struct fsrs_health *h, const char *words)
{
	for (size_t i = 0; i < h->count; i++) {
		if (strstr(h->lines[i], words))
			return true;
	}
	return false;
}

static void test_health_check(void **unused)
{
	(void)unused;
	struct fsrs_history h;
	struct fsrs_dataset d;
	struct fsrs_fit_result r;
	struct fsrs_health health;

	threshold_history(&h, 7, 0);
	assert_int_equal(fsrs_dataset_build(&h, &d), 0);
	assert_int_equal(fsrs_fit(&d, NULL, &r), 0);
	fsrs_fit_health(&r, &d, -1, 0, &health);
	assert_true(health_says(&health, "Too few reviews"));
	assert_false(health_says(&health, "backlog"));
	fsrs_dataset_release(&d);
	fsrs_history_release(&h);

	/* Hard on a third of the recalled reviews, and a third of the questions overdue. */
	fsrs_history_init(&h);
	simulate(&h, 300, 3);
	assert_int_equal(fsrs_dataset_build(&h, &d), 0);
	for (size_t i = 0; i < d.review_count; i += 3) {
		if (d.reviews[i].rating > FSRS_AGAIN)
			d.reviews[i].rating = FSRS_HARD;
	}
	assert_int_equal(fsrs_fit(&d, NULL, &r), 0);
	fsrs_fit_health(&r, &d, 100, 300, &health);
	assert_true(health.hard_share > 0.2);
	assert_true(health_says(&health, "Hard used as a fail"));
	assert_true(health_says(&health, "100 of 300 questions are overdue"));
	assert_false(health_says(&health, "Too few"));
	fsrs_fit_health(&r, &d, 10, 300, &health);
	assert_false(health_says(&health, "overdue"));
	fsrs_dataset_release(&d);
	fsrs_history_release(&h);

	fsrs_history_init(&h);
	simulate(&h, 300, 3);
	assert_int_equal(fsrs_dataset_build(&h, &d), 0);
	assert_int_equal(fsrs_fit(&d, NULL, &r), 0);
	fsrs_fit_health(&r, &d, 0, 300, &health);
	assert_int_equal(health.count, 1);
	assert_true(health_says(&health, "No problems"));
	fsrs_dataset_release(&d);
	fsrs_history_release(&h);
}

static void test_refit_due(void **unused)
{
	(void)unused;
	assert_false(fsrs_fit_refit_due(500, 0));	/* never fitted */
	assert_false(fsrs_fit_refit_due(1999, 1000));
	assert_true(fsrs_fit_refit_due(2000, 1000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dual_model_matches_reference_vectors),
		cmocka_unit_test(test_dual_model_matches_scalar_model),
		cmocka_unit_test(test_gradient_matches_finite_differences),
		cmocka_unit_test(test_clip_bounds),
		cmocka_unit_test(test_items_built_as_fsrs_rs),
		cmocka_unit_test(test_card_names_are_interned),
		cmocka_unit_test(test_outlier_filter),
		cmocka_unit_test(test_smooth_initial),
		cmocka_unit_test(test_fewer_than_8_keeps_defaults),
		cmocka_unit_test(test_8_to_63_fits_initial_stability_only),
		cmocka_unit_test(test_64_and_more_fits_everything),
		cmocka_unit_test(test_fit_improves_and_is_deterministic),
		cmocka_unit_test(test_options_change_the_fit),
		cmocka_unit_test(test_evaluate_one_item),
		cmocka_unit_test(test_outcome_text),
		cmocka_unit_test(test_health_check),
		cmocka_unit_test(test_refit_due),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
