/* fsrs_fit_internal — what the optimizer's files share (src/fsrs_fit*.c);
 * not part of the public interface in include/fsrs_fit.h.
 */
#ifndef RXPLORE_FSRS_FIT_INTERNAL_H
#define RXPLORE_FSRS_FIT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "fsrs_dual.h"
#include "fsrs_fit.h"

/* Limits fsrs-rs clips parameters and states to. */
#define FIT_S_MIN 0.001
#define FIT_INIT_S_MAX 100.0

extern const double fsrs_fit_stddev[FSRS_PARAM_COUNT];

/* ---- fsrs_fit_model.c: the forward model on items ---- */

/* The probability of recall the parameters predict for the item's last
 * review, computed with src/fsrs.c. */
double fit_item_predict(const struct fsrs_params *params, const struct fsrs_fit_review *reviews,
			unsigned length);

/* The parameter-only parts of the formulas, computed once per
 * parameter vector. */
struct dual_model {
	struct dual w[FSRS_PARAM_COUNT];
	struct dual decay, factor;		/* forgetting curve */
	struct dual easy_start;			/* D0(4), unclamped: the mean-reversion target */
	struct dual lapse_ceiling_divisor;	/* e^(w17·w18) */
	struct dual same_day_growth[5];		/* e^(w17·(G − 3 + w18)) by grade */
	struct dual recall_scale;		/* e^w8 */
	struct dual neg_w9, neg_w12, neg_w19;	/* exponents of S and D */
	struct dual_d difficulty_step[5];	/* −w6·(G − 3) by grade */
	struct dual_d reversion_target, keep;	/* w7·D0(4) and 1 − w7 */
	struct dual_d first_difficulty[5];	/* D0(G), clamped */
};

void fit_model_init(struct dual_model *m, const double w[FSRS_PARAM_COUNT]);

/* fit_item_predict() for every item of the dataset into predicted[], each
 * card's reviews walked once (in dataset->by_card order).  Returns 0. */
int fit_predict_all(const struct fsrs_params *params, const struct fsrs_dataset *data, double *predicted);

/* Weighted log loss of one item, adding its gradient by w to grad[]. */
double fit_item_loss_grad(const struct dual_model *m, const struct fsrs_fit_review *reviews, unsigned length,
			  double weight, double grad[FSRS_PARAM_COUNT]);

/* The weighted log loss of one predicted probability (clamped as fsrs-rs does). */
double fit_log_loss(double probability, bool recalled, double weight);

/* Memory state after the item's history (all but the last review), on dual
 * numbers: exposed for the tests that compare it with src/fsrs.c. */
void fit_dual_memory(const double w[FSRS_PARAM_COUNT], const struct fsrs_fit_review *reviews,
		     unsigned count, double *stability, double *difficulty,
		     double d_stability[FSRS_PARAM_COUNT], double d_difficulty[FSRS_PARAM_COUNT]);

/* fsrs-rs's parameter clipping (one relearning step, short-term on). */
void fit_clip(double w[FSRS_PARAM_COUNT]);

/* ---- fsrs_fit_data.c: which items train what ---- */

static inline const struct fsrs_fit_review *item_current(const struct fsrs_dataset *data,
							 const struct fsrs_fit_item *item)
{
	return &data->reviews[item->first + item->length - 1];
}

/* Reviews after the first that came on a later day. */
unsigned fit_long_term_count(const struct fsrs_dataset *data, const struct fsrs_fit_item *item);

/* fsrs-rs's outlier filter.  Fills init[] (indices of the items that pre-train
 * the initial stabilities) and train[] (the items that survive), both in
 * dataset order; each must have room for item_count.  0, or -1 (memory). */
int fit_split(const struct fsrs_dataset *data, size_t *init, size_t *init_count, size_t *train,
	      size_t *train_count);

/* ---- fsrs_fit_init.c: the four initial stabilities ---- */

/* Fits S0 for each first rating from the init items; count[g] receives how
 * many items each first rating g had.  Returns false when there were none. */
bool fit_initial_stability(const struct fsrs_dataset *data, const size_t *init, size_t init_count,
			   double average_recall, double s0[4], unsigned count[5]);

/* Makes the four initial stabilities ordered and fills the ratings that had no
 * data (count[g] == 0) from those that had, as fsrs-rs does. */
void fit_smooth_initial(double s0[4], const unsigned count[5]);

#endif
