/* fsrs_fit — the optimizer's main line (include/fsrs_fit.h): split, pre-train,
 * train with Adam, evaluate.  Follows fsrs-rs 6.5's compute_parameters.
 */
#include "fsrs_fit_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "order.h"

/* fsrs-rs's spread of each parameter across learners: the pull toward the
 * starting parameters is weaker where learners differ more. */
const double fsrs_fit_stddev[FSRS_PARAM_COUNT] = {
	6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33,
	0.3,  0.09, 0.16,  0.57,  0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
};

void fsrs_fit_options_default(struct fsrs_fit_options *options)
{
	options->epochs = 5;
	options->batch_size = 512;
	options->learning_rate = 4e-2;
	options->gamma = 1.0;
	options->seed = 2023;
	options->max_length = 256;
}

const char *fsrs_fit_outcome_text(enum fsrs_fit_outcome outcome)
{
	static const char *const texts[] = {
		[FSRS_FIT_TOO_FEW] = "too few reviews to fit: the default parameters are kept",
		[FSRS_FIT_NO_FIRST_REVIEWS] = "no card has a second review on a later day yet: "
					      "the default parameters are kept",
		[FSRS_FIT_INITIAL_ONLY] = "few reviews: only the four initial stabilities were fitted",
		[FSRS_FIT_FULL] = "all 21 parameters fitted",
	};
	return (unsigned)outcome < sizeof texts / sizeof *texts ? texts[outcome] : texts[FSRS_FIT_FULL];
}

/* ---- evaluation ---- */

/* fsrs-rs weighs recent items more: 0.25 for the oldest, 1 for the newest. */
static double recency_weight(size_t index, size_t count)
{
	double last = count > 1 ? (double)(count - 1) : 1.0;
	double x = (double)index / last;
	return 0.25 + 0.75 * x * x * x;
}

struct bin_entry {
	unsigned interval_bin, length_bin, lapse_bin;
	double predicted, actual, weight;
};

static unsigned log_bin(double value, double scale, double base)
{
	return (unsigned)round(scale * pow(base, floor(log(value) / log(base))));
}

static void bin_of(const struct fsrs_dataset *data, const struct fsrs_fit_item *item, struct bin_entry *e)
{
	unsigned lapses = 0;
	for (unsigned i = 0; i + 1 < item->length; i++) {
		const struct fsrs_fit_review *r = &data->reviews[item->first + i];
		lapses += r->rating == FSRS_AGAIN && r->delta_t > 0;
	}
	e->interval_bin = log_bin(item_current(data, item)->delta_t, 248.0, 3.62);
	e->length_bin = log_bin(fit_long_term_count(data, item) + 1.0, 1.99, 1.89);
	e->lapse_bin = lapses == 0 ? 0 : log_bin(lapses, 1.65, 1.73);
}

static int by_bin(const void *a, const void *b)
{
	const struct bin_entry *x = a, *y = b;
	return order_then(ORDER(x->interval_bin, y->interval_bin),
			  order_then(ORDER(x->length_bin, y->length_bin), ORDER(x->lapse_bin, y->lapse_bin)));
}

/* RMSE(bins): per bin, mean prediction against mean outcome, weighted. */
static double rmse_bins(struct bin_entry *entries, size_t n)
{
	double sum = 0.0, weight_sum = 0.0;
	qsort(entries, n, sizeof *entries, by_bin);
	for (size_t begin = 0, end; begin < n; begin = end) {
		double predicted = 0.0, actual = 0.0, weight = 0.0, count = 0.0;
		for (end = begin; end < n && by_bin(&entries[begin], &entries[end]) == 0; end++) {
			predicted += entries[end].predicted;
			actual += entries[end].actual;
			weight += entries[end].weight;
			count += 1.0;
		}
		double gap = predicted / count - actual / count;
		sum += gap * gap * weight;
		weight_sum += weight;
	}
	return weight_sum > 0.0 ? sqrt(sum / weight_sum) : 0.0;
}

int fsrs_evaluate(const struct fsrs_dataset *dataset, const double w[FSRS_PARAM_COUNT],
		  struct fsrs_metrics *metrics)
{
	size_t n = dataset->item_count;
	struct fsrs_params params;

	memset(metrics, 0, sizeof *metrics);
	if (n == 0)
		return 0;
	struct bin_entry *entries = malloc(n * sizeof *entries);
	double *predicted = malloc(n * sizeof *predicted);
	fsrs_params_default(&params);
	memcpy(params.w, w, sizeof params.w);
	if (!entries || !predicted || fit_predict_all(&params, dataset, predicted) != 0) {
		free(entries);
		free(predicted);
		return -1;
	}
	double loss = 0.0, weight_sum = 0.0;
	for (size_t i = 0; i < n; i++) {
		const struct fsrs_fit_item *item = &dataset->items[i];
		bool recalled = item_current(dataset, item)->rating > FSRS_AGAIN;
		double weight = recency_weight(i, n);
		double p = predicted[i];
		loss += fit_log_loss(p, recalled, weight);
		weight_sum += weight;
		bin_of(dataset, item, &entries[i]);
		entries[i].predicted = p;
		entries[i].actual = recalled;
		entries[i].weight = weight;
	}
	metrics->log_loss = loss / weight_sum;
	metrics->rmse_bins = rmse_bins(entries, n);
	metrics->items = n;
	free(entries);
	free(predicted);
	return 0;
}

/* ---- training ---- */

struct train_item {
	size_t item;	/* index into the dataset's items */
	double weight;
};

static int by_length(const void *a, const void *b, const struct fsrs_dataset *data)
{
	const struct train_item *x = a, *y = b;
	unsigned lx = data->items[x->item].length, ly = data->items[y->item].length;
	return order_then(ORDER(lx, ly), ORDER(x->item, y->item));
}

/* Stable insertion-merge sort by item length (qsort has no context pointer in
 * C11): a bottom-up merge sort keeps equal lengths in dataset order. */
static int sort_by_length(struct train_item *items, size_t n, const struct fsrs_dataset *data)
{
	struct train_item *tmp = malloc((n ? n : 1) * sizeof *tmp);
	if (!tmp)
		return -1;
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = by_length(&items[j], &items[i], data) < 0 ? items[j++] : items[i++];
			while (i < mid)
				tmp[k++] = items[i++];
			while (j < hi)
				tmp[k++] = items[j++];
		}
		memcpy(items, tmp, n * sizeof *items);
	}
	free(tmp);
	return 0;
}

/* splitmix64: a small, fixed generator, so batch order is the same everywhere. */
static uint64_t next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static void shuffle(size_t *order, size_t n, uint64_t *state)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(next_random(state) % i);
		size_t t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
}

/* PyTorch's (and fsrs-rs's) recursive cosine-annealing schedule. */
struct cosine_schedule {
	double t_max, init_lr, step, lr;
};

static double cosine_next(struct cosine_schedule *c)
{
	c->step += 1.0;
	if (c->step == 0.0)
		c->lr = c->init_lr;
	else if (fmod(c->step - 1.0 - c->t_max, 2.0 * c->t_max) == 0.0)
		c->lr = c->init_lr * (1.0 - cos(M_PI / c->t_max)) / 2.0;
	else
		c->lr = (1.0 + cos(M_PI * c->step / c->t_max)) / (1.0 + cos(M_PI * (c->step - 1.0) / c->t_max))
			* c->lr;
	return c->lr;
}

struct adam {
	double m[FSRS_PARAM_COUNT], v[FSRS_PARAM_COUNT];
	int t;
};

static void adam_step(struct adam *a, double w[FSRS_PARAM_COUNT], const double grad[FSRS_PARAM_COUNT],
		      double lr)
{
	const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
	a->t++;
	double bias1 = 1.0 - pow(beta1, a->t), bias2 = 1.0 - pow(beta2, a->t);
	for (int i = 0; i < FSRS_PARAM_COUNT; i++) {
		a->m[i] = beta1 * a->m[i] + (1.0 - beta1) * grad[i];
		a->v[i] = beta2 * a->v[i] + (1.0 - beta2) * grad[i] * grad[i];
		w[i] -= lr * (a->m[i] / bias1) / (sqrt(a->v[i] / bias2) + epsilon);
	}
}

/* Σ (w − w₀)² / σ²: the pull toward the starting parameters. */
static double pull_penalty(const double w[FSRS_PARAM_COUNT], const double start[FSRS_PARAM_COUNT])
{
	double sum = 0.0;
	for (int i = 0; i < FSRS_PARAM_COUNT; i++) {
		double d = w[i] - start[i];
		sum += d * d / (fsrs_fit_stddev[i] * fsrs_fit_stddev[i]);
	}
	return sum;
}

struct trainer {
	const struct fsrs_dataset *data;
	const struct fsrs_fit_options *options;
	struct train_item *items;
	size_t total, batches;
	double start[FSRS_PARAM_COUNT];
};

static size_t batch_end(const struct trainer *t, size_t batch)
{
	size_t end = (batch + 1) * (size_t)t->options->batch_size;
	return end < t->total ? end : t->total;
}

static double item_loss_grad(const struct trainer *t, const struct train_item *ti, const struct dual_model *m,
			     double grad[FSRS_PARAM_COUNT])
{
	const struct fsrs_fit_item *item = &t->data->items[ti->item];
	return fit_item_loss_grad(m, &t->data->reviews[item->first], item->length, ti->weight, grad);
}

/* The training loss of all batches with w (what fsrs-rs 6.5 compares between
 * epochs to keep the best). */
static double epoch_loss(const struct trainer *t, const double w[FSRS_PARAM_COUNT], double *predicted)
{
	struct fsrs_params params;
	fsrs_params_default(&params);
	memcpy(params.w, w, sizeof params.w);
	if (fit_predict_all(&params, t->data, predicted) != 0)
		return NAN;
	double loss = 0.0;
	for (size_t i = 0; i < t->total; i++) {
		const struct fsrs_fit_item *item = &t->data->items[t->items[i].item];
		loss += fit_log_loss(predicted[t->items[i].item], item_current(t->data, item)->rating > FSRS_AGAIN,
				     t->items[i].weight);
	}
	return (loss + t->options->gamma * pull_penalty(w, t->start)) / (double)t->total;
}

static int train(struct trainer *t, double w[FSRS_PARAM_COUNT])
{
	const struct fsrs_fit_options *o = t->options;
	size_t *order = malloc(t->batches * sizeof *order);
	double *predicted = malloc(t->data->item_count * sizeof *predicted);
	if (!order || !predicted) {
		free(order);
		free(predicted);
		return -1;
	}
	struct adam adam = { .t = 0 };
	size_t iterations = (t->total / (size_t)o->batch_size + 1) * (size_t)o->epochs;
	struct cosine_schedule schedule = { (double)iterations, o->learning_rate, -1.0, o->learning_rate };
	uint64_t random = o->seed;
	double best[FSRS_PARAM_COUNT], best_loss = INFINITY;
	struct dual_model model;

	memcpy(w, t->start, sizeof best);
	memcpy(best, t->start, sizeof best);
	for (int epoch = 0; epoch < o->epochs; epoch++) {
		for (size_t b = 0; b < t->batches; b++)
			order[b] = b;
		shuffle(order, t->batches, &random);
		for (size_t k = 0; k < t->batches; k++) {
			size_t begin = order[k] * (size_t)o->batch_size, end = batch_end(t, order[k]);
			double lr = cosine_next(&schedule);
			double grad[FSRS_PARAM_COUNT] = { 0 };
			fit_model_init(&model, w);
			for (size_t i = begin; i < end; i++)
				item_loss_grad(t, &t->items[i], &model, grad);
			double scale = o->gamma * (double)(end - begin) / (double)t->total;
			for (int p = 0; p < FSRS_PARAM_COUNT; p++)
				grad[p] += 2.0 * (w[p] - t->start[p]) / (fsrs_fit_stddev[p] * fsrs_fit_stddev[p]) * scale;
			adam_step(&adam, w, grad, lr);
			fit_clip(w);
		}
		double loss = epoch_loss(t, w, predicted);
		if (isnan(loss)) {
			free(order);
			free(predicted);
			return -1;
		}
		if (loss < best_loss) {
			best_loss = loss;
			memcpy(best, w, sizeof best);
		}
	}
	memcpy(w, best, sizeof best);
	free(order);
	free(predicted);
	return 0;
}

/* Items to train on, weighted by recency and sorted by length into batches. */
static int prepare_training(struct trainer *t, const size_t *train_items, size_t train_count)
{
	t->items = malloc(train_count * sizeof *t->items);
	if (!t->items)
		return -1;
	t->total = 0;
	for (size_t i = 0; i < train_count; i++) {
		if (t->data->items[train_items[i]].length > t->options->max_length)
			continue;
		t->items[t->total++] = (struct train_item){ train_items[i], recency_weight(i, train_count) };
	}
	t->batches = (t->total + (size_t)t->options->batch_size - 1) / (size_t)t->options->batch_size;
	return sort_by_length(t->items, t->total, t->data);
}

static bool all_finite(const double w[FSRS_PARAM_COUNT])
{
	for (int i = 0; i < FSRS_PARAM_COUNT; i++) {
		if (!isfinite(w[i]))
			return false;
	}
	return true;
}

/* Pre-training and training proper; result->w starts as the defaults. */
static int fit_parameters(const struct fsrs_dataset *data, const struct fsrs_fit_options *options,
			  struct fsrs_fit_result *result, size_t *init, size_t *train_items)
{
	size_t init_count, train_count;
	if (fit_split(data, init, &init_count, train_items, &train_count) != 0)
		return -1;
	result->usable_items = train_count;
	if (train_count < FSRS_FIT_MIN_ITEMS) {
		result->outcome = FSRS_FIT_TOO_FEW;
		return 0;
	}
	size_t recalled = 0;
	for (size_t i = 0; i < train_count; i++)
		recalled += item_current(data, &data->items[train_items[i]])->rating > FSRS_AGAIN;
	double s0[4];
	unsigned count[5];
	if (!fit_initial_stability(data, init, init_count, (double)recalled / (double)train_count, s0, count)) {
		result->outcome = FSRS_FIT_NO_FIRST_REVIEWS;
		return 0;
	}
	struct trainer t = { .data = data, .options = options };
	memcpy(t.start, result->w, sizeof t.start);
	memcpy(t.start, s0, sizeof s0);
	memcpy(result->w, t.start, sizeof t.start);
	result->outcome = FSRS_FIT_INITIAL_ONLY;
	if (train_count == init_count || train_count < FSRS_FIT_MIN_TRAIN_ITEMS)
		return 0;
	if (prepare_training(&t, train_items, train_count) != 0) {
		free(t.items);
		return -1;
	}
	double w[FSRS_PARAM_COUNT];
	int rc = t.total == 0 ? 0 : train(&t, w);
	free(t.items);
	if (rc != 0 || t.total == 0 || !all_finite(w))
		return rc;
	/* The fitted initial stabilities get the same consistency rules. */
	fit_smooth_initial(w, count);
	memcpy(result->w, w, sizeof w);
	result->outcome = FSRS_FIT_FULL;
	return 0;
}

int fsrs_fit(const struct fsrs_dataset *dataset, const struct fsrs_fit_options *options,
	     struct fsrs_fit_result *result)
{
	struct fsrs_fit_options defaults;
	struct fsrs_params params;
	size_t n = dataset->item_count;

	if (!options || options->batch_size <= 0 || options->epochs < 0) {
		fsrs_fit_options_default(&defaults);
		options = &defaults;
	}
	memset(result, 0, sizeof *result);
	fsrs_params_default(&params);
	memcpy(result->w, params.w, sizeof result->w);
	result->outcome = FSRS_FIT_TOO_FEW;
	if (fsrs_evaluate(dataset, result->w, &result->before) != 0)
		return -1;
	size_t *init = malloc((n ? n : 1) * sizeof *init);
	size_t *train_items = malloc((n ? n : 1) * sizeof *train_items);
	int rc = init && train_items ? fit_parameters(dataset, options, result, init, train_items) : -1;
	free(init);
	free(train_items);
	if (rc != 0) {
		memcpy(result->w, params.w, sizeof result->w);
		result->outcome = FSRS_FIT_TOO_FEW;
		return -1;
	}
	return fsrs_evaluate(dataset, result->w, &result->after);
}
