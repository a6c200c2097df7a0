/* fsrs_fit_model — the FSRS-6 forward model the optimizer trains: src/fsrs.c's
 * formulas (DESIGN §4) evaluated on dual numbers, so that one pass over an
 * item gives its loss and the exact gradient by all 21 parameters.  Written
 * line for line after src/fsrs.c; tests/unit/test_fsrs_fit.c checks the values
 * against src/fsrs.c on the reference vectors and the gradients against finite
 * differences, so the two cannot drift apart unnoticed.
 */
#include "fsrs_fit_internal.h"

#include <math.h>


#define STABILITY_MIN 0.001
#define STABILITY_MAX 36500.0
#define DIFFICULTY_MIN 1.0
#define DIFFICULTY_MAX 10.0
/* fsrs-rs keeps log(p) and log(1 - p) finite this way. */
#define PROBABILITY_MIN 1e-7
#define PROBABILITY_MAX (1.0 - 1e-7)

struct dual_memory {
	struct dual s;
	struct dual_d d;
};

void fit_model_init(struct dual_model *m, const double w[FSRS_PARAM_COUNT])
{
	for (int i = 0; i < FSRS_PARAM_COUNT; i++)
		m->w[i] = dual_param(w[i], i);
	m->decay = dual_scale(m->w[20], -1.0);
	/* factor = 0.9^(1/decay) − 1 */
	m->factor = dual_expm1(dual_div(dual_const(log(0.9)), m->decay));
	m->easy_start = dual_add_c(dual_sub(m->w[4], dual_exp(dual_scale(m->w[5], 3.0))), 1.0);
	m->lapse_ceiling_divisor = dual_exp(dual_mul(m->w[17], m->w[18]));
	for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++)
		m->same_day_growth[g] = dual_exp(dual_mul(m->w[17], dual_add_c(m->w[18], g - 3)));
	m->recall_scale = dual_exp(m->w[8]);
	m->neg_w9 = dual_scale(m->w[9], -1.0);
	m->neg_w12 = dual_scale(m->w[12], -1.0);
	m->neg_w19 = dual_scale(m->w[19], -1.0);
	for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
		m->difficulty_step[g] = dual_d_narrow(dual_scale(m->w[6], -(double)(g - 3)));
		struct dual start = dual_add_c(dual_sub(m->w[4], dual_exp(dual_scale(m->w[5], g - 1))), 1.0);
		m->first_difficulty[g] = dual_d_narrow(dual_clamp(start, DIFFICULTY_MIN, DIFFICULTY_MAX));
	}
	m->reversion_target = dual_d_narrow(dual_mul(m->w[7], m->easy_start));
	m->keep = dual_d_narrow(dual_add_c(dual_scale(m->w[7], -1.0), 1.0));
}

static struct dual retrievability(const struct dual_model *m, double elapsed, struct dual s)
{
	struct dual base = dual_add_c(dual_div(dual_scale(m->factor, elapsed), s), 1.0);
	return dual_pow(base, m->decay);
}

static struct dual_memory first_review(const struct dual_model *m, int g)
{
	struct dual_memory r;
	r.s = dual_clamp(m->w[g - 1], STABILITY_MIN, STABILITY_MAX);
	r.d = m->first_difficulty[g];
	return r;
}

static struct dual same_day_stability(const struct dual_model *m, struct dual s, int g)
{
	struct dual growth = dual_mul(m->same_day_growth[g], dual_pow(s, m->neg_w19));
	if (g >= FSRS_HARD && growth.v < 1.0)
		growth = dual_const(1.0);
	return dual_mul(s, growth);
}

static struct dual recall_stability(const struct dual_model *m, struct dual s, struct dual_d d,
				    struct dual r, int g)
{
	struct dual growth = dual_mul(m->recall_scale, dual_d_widen(dual_d_affine(d, -1.0, 11.0)));
	growth = dual_mul(growth, dual_pow(s, m->neg_w9));
	growth = dual_mul(growth, dual_expm1(dual_mul(m->w[10], dual_add_c(dual_scale(r, -1.0), 1.0))));
	if (g == FSRS_HARD)
		growth = dual_mul(growth, m->w[15]);
	if (g == FSRS_EASY)
		growth = dual_mul(growth, m->w[16]);
	return dual_mul(s, dual_add_c(growth, 1.0));
}

static struct dual lapse_stability(const struct dual_model *m, struct dual s, struct dual_d d, struct dual r)
{
	struct dual forgotten = dual_mul(m->w[11], dual_pow(dual_d_widen(d), m->neg_w12));
	forgotten = dual_mul(forgotten, dual_add_c(dual_pow(dual_add_c(s, 1.0), m->w[13]), -1.0));
	forgotten = dual_mul(forgotten, dual_exp(dual_mul(m->w[14], dual_add_c(dual_scale(r, -1.0), 1.0))));
	return dual_min(forgotten, dual_div(s, m->lapse_ceiling_divisor));
}

static struct dual_d next_difficulty(const struct dual_model *m, struct dual_d d, int g)
{
	struct dual_d damped = dual_d_add(d, dual_d_affine(dual_d_mul(m->difficulty_step[g],
								      dual_d_affine(d, -1.0, 10.0)), 1.0 / 9.0, 0.0));
	/* Mean reversion toward the unclamped Easy start, as src/fsrs.c. */
	struct dual_d reverted = dual_d_add(m->reversion_target, dual_d_mul(m->keep, damped));
	return dual_d_clamp(reverted, DIFFICULTY_MIN, DIFFICULTY_MAX);
}

static struct dual_memory next_review(const struct dual_model *m, struct dual_memory mem, unsigned elapsed,
				      int g)
{
	struct dual_memory next;
	struct dual s;

	if (elapsed == 0) {
		s = same_day_stability(m, mem.s, g);
	} else {
		struct dual r = retrievability(m, elapsed, mem.s);
		if (g >= FSRS_HARD)
			s = recall_stability(m, mem.s, mem.d, r, g);
		else
			s = lapse_stability(m, mem.s, mem.d, r);
	}
	next.s = dual_clamp(s, STABILITY_MIN, STABILITY_MAX);
	next.d = next_difficulty(m, mem.d, g);
	return next;
}

static int grade_of(const struct fsrs_fit_review *review)
{
	int g = review->rating;
	return g < FSRS_AGAIN ? FSRS_AGAIN : g > FSRS_EASY ? FSRS_EASY : g;
}

static struct dual_memory dual_history(const struct dual_model *m, const struct fsrs_fit_review *reviews,
				       unsigned count)
{
	struct dual_memory mem = first_review(m, grade_of(&reviews[0]));
	for (unsigned i = 1; i < count; i++)
		mem = next_review(m, mem, reviews[i].delta_t, grade_of(&reviews[i]));
	return mem;
}

void fit_dual_memory(const double w[FSRS_PARAM_COUNT], const struct fsrs_fit_review *reviews,
		     unsigned count, double *stability, double *difficulty,
		     double d_stability[FSRS_PARAM_COUNT], double d_difficulty[FSRS_PARAM_COUNT])
{
	struct dual_model m;
	fit_model_init(&m, w);
	struct dual_memory mem = dual_history(&m, reviews, count);
	struct dual d = dual_d_widen(mem.d);
	*stability = mem.s.v;
	*difficulty = d.v;
	for (int i = 0; i < FSRS_PARAM_COUNT; i++) {
		d_stability[i] = mem.s.d[i];
		d_difficulty[i] = d.d[i];
	}
}

double fit_log_loss(double probability, bool recalled, double weight)
{
	double p = probability < PROBABILITY_MIN ? PROBABILITY_MIN
		   : probability > PROBABILITY_MAX ? PROBABILITY_MAX : probability;
	return -weight * (recalled ? log(p) : log(1.0 - p));
}

double fit_item_loss_grad(const struct dual_model *m, const struct fsrs_fit_review *reviews, unsigned length,
			  double weight, double grad[FSRS_PARAM_COUNT])
{
	struct dual_memory mem = dual_history(m, reviews, length - 1);
	const struct fsrs_fit_review *current = &reviews[length - 1];
	struct dual r = retrievability(m, current->delta_t, mem.s);
	bool recalled = current->rating > FSRS_AGAIN;
	double loss = fit_log_loss(r.v, recalled, weight);

	if (r.v > PROBABILITY_MIN && r.v < PROBABILITY_MAX) {
		/* d/dp of −(y ln p + (1 − y) ln(1 − p)) */
		double slope = recalled ? -weight / r.v : weight / (1.0 - r.v);
		for (int i = 0; i < FSRS_PARAM_COUNT; i++)
			grad[i] += slope * r.d[i];
	}
	return loss;
}

double fit_item_predict(const struct fsrs_params *params, const struct fsrs_fit_review *reviews,
			unsigned length)
{
	struct fsrs_memory mem = fsrs_first_review(params, (enum fsrs_grade)reviews[0].rating);
	for (unsigned i = 1; i + 1 < length; i++)
		mem = fsrs_next(params, mem, (int)reviews[i].delta_t, (enum fsrs_grade)reviews[i].rating);
	return fsrs_retrievability(params, reviews[length - 1].delta_t, mem.stability);
}

int fit_predict_all(const struct fsrs_params *params, const struct fsrs_dataset *data, double *predicted)
{
	size_t n = data->item_count;
	/* A card's items share its reviews: walk them once, predicting at each
	 * item's last review (as fit_item_predict() would, step for step). */
	for (size_t k = 0; k < n;) {
		const struct fsrs_fit_item *item = &data->items[data->by_card[k]];
		size_t first = item->first;
		const struct fsrs_fit_review *r = &data->reviews[first];
		struct fsrs_memory mem = fsrs_first_review(params, (enum fsrs_grade)r[0].rating);
		unsigned done = 1; /* reviews folded into mem */
		for (; k < n && (item = &data->items[data->by_card[k]])->first == first; k++) {
			for (; done + 1 < item->length; done++)
				mem = fsrs_next(params, mem, (int)r[done].delta_t, (enum fsrs_grade)r[done].rating);
			predicted[data->by_card[k]] = fsrs_retrievability(params, r[item->length - 1].delta_t,
									  mem.stability);
		}
	}
	return 0;
}

void fit_clip(double w[FSRS_PARAM_COUNT])
{
	/* fsrs-rs's bounds with one relearning step and short-term scheduling on. */
	static const double low[FSRS_PARAM_COUNT] = {
		FIT_S_MIN, FIT_S_MIN, FIT_S_MIN, FIT_S_MIN, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
		0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.01, 0.1,
	};
	static const double high[FSRS_PARAM_COUNT] = {
		FIT_INIT_S_MAX, FIT_INIT_S_MAX, FIT_INIT_S_MAX, FIT_INIT_S_MAX, 10.0, 4.0, 4.0, 0.75, 4.5,
		0.8, 3.5, 5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
	};
	for (int i = 0; i < FSRS_PARAM_COUNT; i++) {
		if (!(w[i] >= low[i]))
			w[i] = low[i];
		else if (w[i] > high[i])
			w[i] = high[i];
	}
}
