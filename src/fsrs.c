/* fsrs — FSRS-6 scheduling (DESIGN §4), matching ts-fsrs 5.4.2 with fuzz off. */
#include "fsrs.h"

#include <math.h>

#define STABILITY_MIN 0.001
#define STABILITY_MAX 36500.0
#define DIFFICULTY_MIN 1.0
#define DIFFICULTY_MAX 10.0

static const double default_weights[FSRS_PARAM_COUNT] = {
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
	1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

static double clamp(double value, double low, double high)
{
	if (value < low)
		return low;
	if (value > high)
		return high;
	return value;
}

/* Grades outside 1..4 would index past w[]; treat them as the nearest valid grade. */
static int grade_value(enum fsrs_grade grade)
{
	int g = (int)grade;

	if (g < FSRS_AGAIN)
		return FSRS_AGAIN;
	if (g > FSRS_EASY)
		return FSRS_EASY;
	return g;
}

static double decay_of(const struct fsrs_params *params)
{
	return -params->w[20];
}

/* Chosen so that R(S, S) = 0.9 whatever the decay: stability keeps its meaning. */
static double factor_of(const struct fsrs_params *params)
{
	return pow(0.9, 1.0 / decay_of(params)) - 1.0;
}

static double clamp_stability(double stability)
{
	return clamp(stability, STABILITY_MIN, STABILITY_MAX);
}

static double initial_difficulty_unclamped(const struct fsrs_params *params, int g)
{
	return params->w[4] - exp(params->w[5] * (g - 1)) + 1.0;
}

void fsrs_params_default(struct fsrs_params *params)
{
	for (int i = 0; i < FSRS_PARAM_COUNT; i++)
		params->w[i] = default_weights[i];
	params->desired_retention = 0.9;
}

double fsrs_retrievability(const struct fsrs_params *params, double elapsed_days, double stability)
{
	if (stability <= 0.0)
		return 0.0;
	if (elapsed_days < 0.0)
		elapsed_days = 0.0;
	return pow(1.0 + factor_of(params) * elapsed_days / stability, decay_of(params));
}

int fsrs_interval(const struct fsrs_params *params, double stability)
{
	double decay = decay_of(params);
	double days = stability / factor_of(params) * (pow(params->desired_retention, 1.0 / decay) - 1.0);

	/* Checked before converting: a NaN or huge double cast to int is undefined. */
	if (!(days >= 1.0))
		return 1;
	if (days >= FSRS_MAX_INTERVAL)
		return FSRS_MAX_INTERVAL;
	days = round(days);
	return (int)days;
}

struct fsrs_memory fsrs_first_review(const struct fsrs_params *params, enum fsrs_grade grade)
{
	int g = grade_value(grade);
	struct fsrs_memory memory;

	memory.stability = clamp_stability(params->w[g - 1]);
	memory.difficulty = clamp(initial_difficulty_unclamped(params, g), DIFFICULTY_MIN, DIFFICULTY_MAX);
	return memory;
}

static double same_day_stability(const struct fsrs_params *params, double stability, int g)
{
	const double *w = params->w;
	double growth = exp(w[17] * (g - 3 + w[18])) * pow(stability, -w[19]);

	/* ts-fsrs floors from Hard upwards (py-fsrs only from Good): we follow ts-fsrs. */
	if (g >= FSRS_HARD && growth < 1.0)
		growth = 1.0;
	return stability * growth;
}

static double recall_stability(const struct fsrs_params *params, double stability, double difficulty,
			       double retrievability, int g)
{
	const double *w = params->w;
	double hard_penalty = g == FSRS_HARD ? w[15] : 1.0;
	double easy_bonus = g == FSRS_EASY ? w[16] : 1.0;
	double growth = exp(w[8]) * (11.0 - difficulty) * pow(stability, -w[9])
			* expm1(w[10] * (1.0 - retrievability)) * hard_penalty * easy_bonus;

	return stability * (1.0 + growth);
}

static double lapse_stability(const struct fsrs_params *params, double stability, double difficulty,
			      double retrievability)
{
	const double *w = params->w;
	double forgotten = w[11] * pow(difficulty, -w[12]) * (pow(stability + 1.0, w[13]) - 1.0)
			   * exp(w[14] * (1.0 - retrievability));
	/* A lapse must never leave the card more stable than a same-day Again would. */
	double ceiling = stability / exp(w[17] * w[18]);

	return forgotten < ceiling ? forgotten : ceiling;
}

static double next_difficulty(const struct fsrs_params *params, double difficulty, int g)
{
	const double *w = params->w;
	double delta = -w[6] * (g - 3);
	double damped = difficulty + delta * (10.0 - difficulty) / 9.0;
	/* Mean reversion targets the unclamped Easy start, exactly as ts-fsrs does. */
	double reverted = w[7] * initial_difficulty_unclamped(params, FSRS_EASY) + (1.0 - w[7]) * damped;

	return clamp(reverted, DIFFICULTY_MIN, DIFFICULTY_MAX);
}

struct fsrs_memory fsrs_next(const struct fsrs_params *params, struct fsrs_memory memory,
			     int elapsed_days, enum fsrs_grade grade)
{
	int g = grade_value(grade);
	double stability;
	struct fsrs_memory next;

	if (memory.stability <= 0.0)
		return fsrs_first_review(params, grade);
	if (elapsed_days <= 0) {
		stability = same_day_stability(params, memory.stability, g);
	} else {
		double r = fsrs_retrievability(params, elapsed_days, memory.stability);

		if (g >= FSRS_HARD)
			stability = recall_stability(params, memory.stability, memory.difficulty, r, g);
		else
			stability = lapse_stability(params, memory.stability, memory.difficulty, r);
	}
	next.stability = clamp_stability(stability);
	next.difficulty = next_difficulty(params, memory.difficulty, g);
	return next;
}
