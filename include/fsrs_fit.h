/* fsrs_fit — fitting FSRS-6's 21 parameters to a learner's review history.
 *
 * The method is the reference optimizer's, fsrs-rs 6.5 (the version inside the
 * npm package @open-spaced-repetition/binding 0.5): training items built from
 * each card's reviews, outlier groups dropped, the four initial stabilities
 * pre-trained by a curve fit, then Adam on the log loss with exact gradients,
 * a cosine-annealed learning rate, a pull toward the starting parameters and
 * parameter clipping after every step.  Below FSRS_FIT_MIN_ITEMS usable items
 * the defaults stay; below FSRS_FIT_MIN_TRAIN_ITEMS only the four initial
 * stabilities are fitted.  Deterministic: the same history gives the same bytes.
 *
 * The forward model is src/fsrs.c's (DESIGN §4); training evaluates it on dual
 * numbers, and tests check both give the same values.  Core code: returns
 * errors as values, never prints.
 */
#ifndef RXPLORE_FSRS_FIT_H
#define RXPLORE_FSRS_FIT_H

#include <stdbool.h>
#include <stddef.h>

#include "fsrs.h"

#define FSRS_FIT_MIN_ITEMS 8
#define FSRS_FIT_MIN_TRAIN_ITEMS 64

/* One review inside a training item: the grade and the whole days since the
 * card's previous review (0 for the first review, and for same-day ones). */
struct fsrs_fit_review {
	unsigned char rating;	/* 1..4 */
	unsigned delta_t;
};

/* A training item: reviews[first .. first + length) of the dataset, the
 * history of one card up to and including the review to predict (the last;
 * its delta_t is > 0). */
struct fsrs_fit_item {
	size_t first;
	unsigned length;
};

/* The items of a history, in the time order of the review each predicts. */
struct fsrs_dataset {
	struct fsrs_fit_review *reviews;
	size_t review_count, review_alloc;
	struct fsrs_fit_item *items;
	size_t item_count, item_alloc;
	size_t *by_card;	/* item indices by card, then length: one walk per card */
	size_t cards;		/* cards that gave at least one item */
	size_t source_reviews;	/* reviews read to build it */
};

/* A history being collected: one call per review, in any order. */
struct fsrs_history_entry {
	size_t card;		/* index from fsrs_history_card() */
	long long time_ms;	/* orders a card's reviews */
	long day;		/* study day of the review (rollover already applied) */
	unsigned char rating;	/* 1..4 */
	unsigned char state;	/* 0 new, 1 learning, 2 review, 3 relearning */
};

struct fsrs_history {
	struct fsrs_history_entry *entries;
	size_t count, alloc;
	char **card_names;	/* by card number */
	size_t card_count, card_alloc;
	size_t *slots;		/* hash table of card number + 1 (0 = empty) */
	size_t slot_count;	/* a power of two, at least twice card_count */
};

void fsrs_history_init(struct fsrs_history *history);
void fsrs_history_release(struct fsrs_history *history);

/* The number of the card called name, adding it when new; (size_t)-1 when
 * out of memory. */
size_t fsrs_history_card(struct fsrs_history *history, const char *name);

/* Appends one review; 0, or -1 when out of memory or the rating is not 1..4. */
int fsrs_history_add(struct fsrs_history *history, const struct fsrs_history_entry *entry);

/* Builds the training items as fsrs-rs builds them: each card's reviews in
 * time order, from the start of its last run of new/learning reviews; one item
 * per later review on a later day.  0, or -1 when out of memory. */
int fsrs_dataset_build(const struct fsrs_history *history, struct fsrs_dataset *out);
void fsrs_dataset_release(struct fsrs_dataset *dataset);

/* Training hyperparameters; fsrs_fit_options_default() gives fsrs-rs's. */
struct fsrs_fit_options {
	int epochs;		/* 5 */
	int batch_size;		/* 512 */
	double learning_rate;	/* 0.04 */
	double gamma;		/* 1: strength of the pull toward the starting parameters */
	unsigned long long seed;/* 2023: batch order */
	unsigned max_length;	/* 256: longer items are not trained on */
};

void fsrs_fit_options_default(struct fsrs_fit_options *options);

/* How well parameters predict a dataset: fsrs-rs's evaluation (recency-weighted
 * log loss, and the RMSE over its bins of interval, review count and lapses). */
struct fsrs_metrics {
	double log_loss;
	double rmse_bins;
	size_t items;
};

enum fsrs_fit_outcome {
	FSRS_FIT_TOO_FEW,	/* fewer than FSRS_FIT_MIN_ITEMS usable items: the defaults */
	FSRS_FIT_NO_FIRST_REVIEWS,/* no usable first-interval items: the defaults */
	FSRS_FIT_INITIAL_ONLY,	/* fewer than FSRS_FIT_MIN_TRAIN_ITEMS: the four initial stabilities */
	FSRS_FIT_FULL,		/* all 21 parameters */
};

struct fsrs_fit_result {
	double w[FSRS_PARAM_COUNT];
	enum fsrs_fit_outcome outcome;
	size_t usable_items;	/* items left after the outlier filter */
	struct fsrs_metrics before, after;	/* the defaults and the fit, on every item */
};

/* Fits parameters to the dataset.  Returns 0, or -1 when out of memory (then
 * *result holds the defaults). */
int fsrs_fit(const struct fsrs_dataset *dataset, const struct fsrs_fit_options *options,
	     struct fsrs_fit_result *result);

/* Evaluates w on every item of the dataset (metrics of 0 when it has none).
 * Returns 0, or -1 when out of memory. */
int fsrs_evaluate(const struct fsrs_dataset *dataset, const double w[FSRS_PARAM_COUNT],
		  struct fsrs_metrics *metrics);

/* A short sentence for an outcome ("too few reviews to fit: ..."). */
const char *fsrs_fit_outcome_text(enum fsrs_fit_outcome outcome);

/* ---- after a fit: a health check in words (src/fsrs_fit_report.c) ---- */

#define FSRS_HEALTH_MAX 4
#define FSRS_HEALTH_LINE 320

struct fsrs_health {
	char lines[FSRS_HEALTH_MAX][FSRS_HEALTH_LINE];
	size_t count;
	double hard_share;	/* Hard among the later-day reviews that were recalled */
};

/* What the fit and its history suggest: too few reviews, Hard used as a
 * fail, a growing backlog (overdue questions out of reviewed ones; pass
 * overdue < 0 when unknown, as for a CSV log).  Always at least one line. */
void fsrs_fit_health(const struct fsrs_fit_result *result, const struct fsrs_dataset *dataset,
		     long overdue, long reviewed_questions, struct fsrs_health *health);

/* True when the review count has doubled since the last fit (reviews_at_fit
 * > 0): time to fit again. */
bool fsrs_fit_refit_due(long reviews_now, long reviews_at_fit);

#endif
