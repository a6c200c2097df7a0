/* sched — see include/sched.h. */
#include "sched.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"

void sched_steps_default(struct sched_steps *steps)
{
	memset(steps, 0, sizeof *steps);
	steps->learning[0] = 60;
	steps->learning[1] = 600;
	steps->nlearning = 2;
	steps->relearning[0] = 600;
	steps->nrelearning = 1;
}

int sched_steps_parse(const char *text, long out[SCHED_MAX_STEPS], size_t *n)
{
	*n = 0;
	if (!text)
		return -1;
	const char *p = text;
	for (;;) {
		while (isspace((unsigned char)*p) || *p == ',')
			p++;
		if (!*p)
			return 0;
		if (!isdigit((unsigned char)*p) || *n == SCHED_MAX_STEPS)
			return -1;
		char *end;
		long value = strtol(p, &end, 10);
		long unit = *end == 's' ? 1 : *end == 'm' ? 60 : *end == 'h' ? 3600 : 0;
		if (!unit || value <= 0 || value >= SCHED_MAX_STEP_SECONDS / unit)
			return -1;
		p = end + 1;
		if (*p && !isspace((unsigned char)*p) && *p != ',')
			return -1;
		out[(*n)++] = value * unit;
	}
}

/* Hard in a step: Anki's rule — on the first step the mean of the first two
 * (or half as long again when there is one), elsewhere the same step again. */
static long hard_delay(const long *steps, size_t n, size_t step)
{
	if (step > 0)
		return steps[step];
	if (n >= 2)
		return (steps[0] + steps[1]) / 2;
	long longer = steps[0] * 3 / 2;
	return longer - steps[0] > 86400 ? steps[0] + 86400 : longer;
}

/* A grade within steps[0..n): the next position, graduating past the last. */
static struct sched_position in_steps(enum sched_phase phase, const long *steps, size_t n, size_t step,
				      enum fsrs_grade grade)
{
	struct sched_position graduated = { SCHED_REVIEW, 0, 0 };
	if (n == 0 || grade == FSRS_EASY)
		return graduated;
	if (step >= n)
		step = n - 1;
	switch (grade) {
	case FSRS_AGAIN: return (struct sched_position){ phase, 0, steps[0] };
	case FSRS_HARD: return (struct sched_position){ phase, step, hard_delay(steps, n, step) };
	default:
		if (step + 1 >= n)
			return graduated;
		return (struct sched_position){ phase, step + 1, steps[step + 1] };
	}
}

struct sched_position sched_position_next(const struct sched_steps *steps, struct sched_position pos,
					  enum fsrs_grade grade)
{
	switch (pos.phase) {
	case SCHED_NEW: return in_steps(SCHED_LEARNING, steps->learning, steps->nlearning, 0, grade);
	case SCHED_LEARNING: return in_steps(SCHED_LEARNING, steps->learning, steps->nlearning, pos.step, grade);
	case SCHED_RELEARNING:
		return in_steps(SCHED_RELEARNING, steps->relearning, steps->nrelearning, pos.step, grade);
	case SCHED_REVIEW:
	default:
		if (grade == FSRS_AGAIN && steps->nrelearning > 0)
			return (struct sched_position){ SCHED_RELEARNING, 0, steps->relearning[0] };
		return (struct sched_position){ SCHED_REVIEW, 0, 0 };
	}
}

struct sched_result sched_answer(const struct fsrs_params *params, const struct sched_steps *steps,
				 int rollover_hour, const struct sched_card *card, enum fsrs_grade grade, time_t at)
{
	struct sched_result result = { 0 };
	long today = clock_day(at, rollover_hour);
	int elapsed = 0;
	if (card->memory.stability > 0) {
		long days = today - clock_day(card->last_review, rollover_hour);
		elapsed = days < 0 ? 0 : days > FSRS_MAX_INTERVAL ? FSRS_MAX_INTERVAL : (int)days;
	}
	result.card.memory = fsrs_next(params, card->memory, elapsed, grade);
	result.card.position = sched_position_next(steps, card->position, grade);
	result.card.last_review = at;
	if (result.card.position.delay > 0) {
		result.due_at = at + result.card.position.delay;
		result.due_day = clock_day(result.due_at, rollover_hour);
	} else {
		result.interval_days = fsrs_interval(params, result.card.memory.stability);
		result.due_day = today + result.interval_days;
		result.due_at = clock_day_start(result.due_day, rollover_hour);
	}
	return result;
}

/* value with one decimal, the ".0" dropped, then unit. */
static const char *one_decimal(double value, const char *unit, char *buf, size_t size)
{
	long tenths = (long)(value * 10 + 0.5);
	if (tenths % 10 == 0 || tenths >= 100)
		snprintf(buf, size, "%ld%s", (tenths + 5) / 10, unit);
	else
		snprintf(buf, size, "%ld.%ld%s", tenths / 10, tenths % 10, unit);
	return buf;
}

const char *sched_interval_text(const struct sched_result *result, char *buf, size_t size)
{
	long delay = result->card.position.delay;
	if (delay > 0 && delay < 60)
		snprintf(buf, size, "%lds", delay);
	else if (delay > 0 && delay < 3600)
		snprintf(buf, size, "%ldm", (delay + 30) / 60);
	else if (delay > 0)
		one_decimal(delay / 3600.0, "h", buf, size);
	else if (result->interval_days < 31)
		snprintf(buf, size, "%dd", result->interval_days);
	else if (result->interval_days < 365)
		one_decimal(result->interval_days / 30.4, "mo", buf, size);
	else
		one_decimal(result->interval_days / 365.25, "y", buf, size);
	return buf;
}

const char *sched_grade_name(enum fsrs_grade grade)
{
	static const char *const names[] = { "Again", "Hard", "Good", "Easy" };
	return grade >= FSRS_AGAIN && grade <= FSRS_EASY ? names[grade - 1] : "?";
}

const char *sched_grade_preview(const struct fsrs_params *params, const struct sched_steps *steps,
				int rollover_hour, const struct sched_card *card, time_t at, bool utf8, char *buf,
				size_t size)
{
	const char *between = utf8 ? " \xC2\xB7 " : " - ";
	size_t used = 0;
	if (size)
		buf[0] = '\0';
	for (int g = FSRS_AGAIN; g <= FSRS_EASY && used < size; g++) {
		struct sched_result result = sched_answer(params, steps, rollover_hour, card, (enum fsrs_grade)g, at);
		char interval[32];
		int n = snprintf(buf + used, size - used, "%s%d %s %s", g > FSRS_AGAIN ? between : "", g,
				 sched_grade_name((enum fsrs_grade)g), sched_interval_text(&result, interval, sizeof interval));
		if (n < 0)
			break;
		used += (size_t)n;
	}
	return buf;
}

double sched_recall_on(const struct fsrs_params *params, double stability, long last_day, long day)
{
	if (stability <= 0)
		return 0;
	return day <= last_day ? 1.0 : fsrs_retrievability(params, (double)(day - last_day), stability);
}

bool sched_exam_brings_forward(const struct fsrs_params *params, double stability, long last_day, long due_day,
			       long exam_day)
{
	return stability > 0 && due_day > exam_day &&
	       sched_recall_on(params, stability, last_day, exam_day) < params->desired_retention;
}
