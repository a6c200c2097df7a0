/* fsrs — the FSRS-6 spaced-repetition scheduler, as pure functions.
 *
 * Formulas: DESIGN §4 (the same as ts-fsrs 5.4.2 with fuzz off and short-term
 * scheduling on).  Times are whole days; the caller turns clock time into day
 * numbers with clock_day() so that "same day" respects the rollover hour.
 *
 * Invariants: a memory state with stability == 0 is "never reviewed";
 * otherwise stability is in [0.001, 36500] and difficulty in [1, 10].
 */
#ifndef RXPLORE_FSRS_H
#define RXPLORE_FSRS_H

#define FSRS_PARAM_COUNT 21
#define FSRS_MAX_INTERVAL 36500

enum fsrs_grade { FSRS_AGAIN = 1, FSRS_HARD = 2, FSRS_GOOD = 3, FSRS_EASY = 4 };

struct fsrs_params {
	double w[FSRS_PARAM_COUNT];
	double desired_retention; /* in (0, 1); default 0.9 */
};

struct fsrs_memory {
	double stability;  /* days until R falls to 0.9; 0 = new */
	double difficulty; /* 1 (easy) .. 10 (hard) */
};

/* The published FSRS-6 defaults and desired retention 0.9. */
void fsrs_params_default(struct fsrs_params *params);

/* Probability of recall after elapsed_days with the given stability (> 0). */
double fsrs_retrievability(const struct fsrs_params *params, double elapsed_days, double stability);

/* Days until the next review for this stability: rounded half away from zero,
 * clamped to [1, FSRS_MAX_INTERVAL]. */
int fsrs_interval(const struct fsrs_params *params, double stability);

/* Memory after the first review of a new question. */
struct fsrs_memory fsrs_first_review(const struct fsrs_params *params, enum fsrs_grade grade);

/* Memory after reviewing a question elapsed_days (>= 0) after its last review.
 * If memory.stability == 0 this is fsrs_first_review(). */
struct fsrs_memory fsrs_next(const struct fsrs_params *params, struct fsrs_memory memory,
			     int elapsed_days, enum fsrs_grade grade);

#endif
