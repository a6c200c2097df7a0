/* fsrs_fit_init — pre-training the four initial stabilities as fsrs-rs does:
 * for each first rating, the stability whose forgetting curve (default decay)
 * best fits the recall seen at the first interval, found by ternary search;
 * then the four made consistent and the missing ones filled in.
 */
#include "fsrs_fit_internal.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "order.h"

#define DEFAULT_DECAY 0.1542	/* w20's default: pre-training keeps the curve's shape */

/* Recall seen at one first interval, for one first rating. */
struct interval_recall {
	unsigned rating, delta_t;
	double recalled, count;
};

static int by_rating_and_interval(const void *a, const void *b)
{
	const struct interval_recall *x = a, *y = b;
	return order_then(ORDER(x->rating, y->rating), ORDER(x->delta_t, y->delta_t));
}

static double default_curve(double t, double s)
{
	double factor = pow(0.9, 1.0 / -DEFAULT_DECAY) - 1.0;
	return pow(1.0 + factor * t / s, -DEFAULT_DECAY);
}

/* Log loss of the smoothed recall against the curve, with a small pull
 * (|s − default| / 16) toward the default. */
static double curve_loss(const struct interval_recall *g, size_t count, double average_recall, double s,
			 double default_s)
{
	double loss = 0.0;
	for (size_t i = 0; i < count; i++) {
		/* Laplace smoothing toward the average recall. */
		double recall = (g[i].recalled + average_recall) / (g[i].count + 1.0);
		double r = default_curve(g[i].delta_t, s);
		loss -= (recall * log(r) + (1.0 - recall) * log(1.0 - r)) * g[i].count;
	}
	return loss + fabs(s - default_s) / 16.0;
}

static double search_stability(const struct interval_recall *g, size_t count, double average_recall,
			       double default_s)
{
	double low = FIT_S_MIN, high = FIT_INIT_S_MAX, best = default_s;
	for (int iter = 0; high - low > DBL_EPSILON && iter < 1000; iter++) {
		double mid1 = low + (high - low) / 3.0, mid2 = high - (high - low) / 3.0;
		if (curve_loss(g, count, average_recall, mid1, default_s)
		    < curve_loss(g, count, average_recall, mid2, default_s))
			high = mid2;
		else
			low = mid1;
		best = (high + low) / 2.0;
	}
	return best;
}

bool fit_initial_stability(const struct fsrs_dataset *data, const size_t *init, size_t init_count,
			   double average_recall, double s0[4], unsigned count[5])
{
	struct fsrs_params defaults;
	fsrs_params_default(&defaults);
	for (int g = 0; g < 5; g++)
		count[g] = 0;
	for (int g = 0; g < 4; g++)
		s0[g] = defaults.w[g];
	if (init_count == 0)
		return false;
	struct interval_recall *groups = malloc(init_count * sizeof *groups);
	if (!groups)
		return false;
	for (size_t i = 0; i < init_count; i++) {
		const struct fsrs_fit_item *item = &data->items[init[i]];
		const struct fsrs_fit_review *current = item_current(data, item);
		groups[i] = (struct interval_recall){ data->reviews[item->first].rating, current->delta_t,
						      current->rating > FSRS_AGAIN, 1.0 };
		count[groups[i].rating]++;
	}
	qsort(groups, init_count, sizeof *groups, by_rating_and_interval);
	size_t n = 0;
	for (size_t i = 0; i < init_count; i++) {
		if (n > 0 && by_rating_and_interval(&groups[n - 1], &groups[i]) == 0) {
			groups[n - 1].recalled += groups[i].recalled;
			groups[n - 1].count += 1.0;
		} else {
			groups[n++] = groups[i];
		}
	}
	for (size_t begin = 0, end; begin < n; begin = end) {
		unsigned rating = groups[begin].rating;
		for (end = begin; end < n && groups[end].rating == rating; end++)
			;
		s0[rating - 1] = search_stability(&groups[begin], end - begin, average_recall,
						  defaults.w[rating - 1]);
	}
	free(groups);
	fit_smooth_initial(s0, count);
	return true;
}

/* fsrs-rs's interpolation weights between neighbouring initial stabilities. */
#define W1 0.41
#define W2 0.54

static void fill_from_two(double r[5], const bool known[5])
{
	const double k = W1 + W2 - W1 * W2;
	if (known[3] && known[4]) {
		r[2] = pow(r[3], 1.0 / (1.0 - W2)) * pow(r[4], 1.0 - 1.0 / (1.0 - W2));
		r[1] = pow(r[2], 1.0 / W1) * pow(r[3], 1.0 - 1.0 / W1);
	} else if (known[2] && known[4]) {
		r[3] = pow(r[2], 1.0 - W2) * pow(r[4], W2);
		r[1] = pow(r[2], 1.0 / W1) * pow(r[3], 1.0 - 1.0 / W1);
	} else if (known[2] && known[3]) {
		r[4] = pow(r[2], 1.0 - 1.0 / W2) * pow(r[3], 1.0 / W2);
		r[1] = pow(r[2], 1.0 / W1) * pow(r[3], 1.0 - 1.0 / W1);
	} else if (known[1] && known[4]) {
		r[2] = pow(r[1], W1 / k) * pow(r[4], 1.0 - W1 / k);
		r[3] = pow(r[1], 1.0 - W2 / k) * pow(r[4], W2 / k);
	} else if (known[1] && known[3]) {
		r[2] = pow(r[1], W1) * pow(r[3], 1.0 - W1);
		r[4] = pow(r[2], 1.0 - 1.0 / W2) * pow(r[3], 1.0 / W2);
	} else if (known[1] && known[2]) {
		r[3] = pow(r[1], 1.0 - 1.0 / (1.0 - W1)) * pow(r[2], 1.0 / (1.0 - W1));
		r[4] = pow(r[2], 1.0 - 1.0 / W2) * pow(r[3], 1.0 / W2);
	}
}

static void fill_from_three(double r[5], const bool known[5])
{
	if (!known[1])
		r[1] = pow(r[2], 1.0 / W1) * pow(r[3], 1.0 - 1.0 / W1);
	else if (!known[2])
		r[2] = pow(r[1], W1) * pow(r[3], 1.0 - W1);
	else if (!known[3])
		r[3] = pow(r[2], 1.0 - W2) * pow(r[4], W2);
	else if (!known[4])
		r[4] = pow(r[2], 1.0 - 1.0 / W2) * pow(r[3], 1.0 / W2);
}

void fit_smooth_initial(double s0[4], const unsigned count[5])
{
	static const int pairs[6][2] = { { 1, 2 }, { 2, 3 }, { 3, 4 }, { 1, 3 }, { 2, 4 }, { 1, 4 } };
	struct fsrs_params defaults;
	double r[5] = { 0 };
	bool known[5] = { false };
	int known_count = 0;

	fsrs_params_default(&defaults);
	for (int g = 1; g <= 4; g++) {
		known[g] = count[g] > 0;
		known_count += known[g];
		r[g] = s0[g - 1];
	}
	if (known_count == 0)
		return;
	/* A better first rating must not start less stable: the rating seen
	 * more often wins. */
	for (int p = 0; p < 6; p++) {
		int small = pairs[p][0], big = pairs[p][1];
		if (known[small] && known[big] && r[small] > r[big]) {
			if (count[small] > count[big])
				r[big] = r[small];
			else
				r[small] = r[big];
		}
	}
	if (known_count == 1) {
		int g = known[1] ? 1 : known[2] ? 2 : known[3] ? 3 : 4;
		double factor = r[g] / defaults.w[g - 1];
		for (int i = 1; i <= 4; i++)
			r[i] = defaults.w[i - 1] * factor;
	} else if (known_count == 2) {
		fill_from_two(r, known);
	} else if (known_count == 3) {
		fill_from_three(r, known);
	}
	for (int g = 1; g <= 4; g++)
		s0[g - 1] = r[g] < FIT_S_MIN ? FIT_S_MIN : r[g] > FIT_INIT_S_MAX ? FIT_INIT_S_MAX : r[g];
}
