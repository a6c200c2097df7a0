/* sched — what one answer does to a question's schedule: FSRS-6 memory
 * (fsrs.h) plus learning and relearning steps as Anki has them.
 *
 * A new question is learnt in short steps (default 1m, 10m): Again goes back
 * to the first step, Hard repeats the step, Good moves to the next step or
 * graduates, Easy graduates at once.  A graduated question that is missed
 * relearns in its own steps (default 10m) before it gets days again.  While
 * in a step the question is due the same study day (or the next, when the
 * step crosses the rollover hour), so a miss comes back soon.  Every answer
 * moves the FSRS memory on (same-day answers with the short-term formula).
 *
 * The phase and step are a function of the grades alone (sched_position_next()),
 * so the progress store derives them from the review log; nothing new is
 * stored.  sched_answer() is the one place an answer becomes a due date: the
 * store records with it and the quiz previews with it, so what a grade key
 * shows is what then happens.  Pure functions: no I/O, no clock.
 */
#ifndef RXPLORE_SCHED_H
#define RXPLORE_SCHED_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "fsrs.h"

#define SCHED_MAX_STEPS 8
#define SCHED_MAX_STEP_SECONDS (24L * 3600)	/* a step is shorter than a day */

enum sched_phase { SCHED_NEW, SCHED_LEARNING, SCHED_REVIEW, SCHED_RELEARNING };

/* Step lengths in seconds; n = 0: graduate at once (no steps). */
struct sched_steps {
	long learning[SCHED_MAX_STEPS];
	size_t nlearning;
	long relearning[SCHED_MAX_STEPS];
	size_t nrelearning;
};

/* Anki's defaults: learning 1m 10m, relearning 10m. */
void sched_steps_default(struct sched_steps *steps);

/* Parses "1m 10m" (units s, m, h; white space or commas between; "" for no
 * steps) into out[0..*n).  Returns 0, or -1 for a bad step, one of a day or
 * more, or more than SCHED_MAX_STEPS. */
int sched_steps_parse(const char *text, long out[SCHED_MAX_STEPS], size_t *n);

/* Where a question stands in its steps. */
struct sched_position {
	enum sched_phase phase;
	size_t step;		/* LEARNING, RELEARNING: index into the steps */
	long delay;		/* seconds until due while in a step; 0 once in days */
};

/* The position after answering with grade from pos (a pure function of the
 * grades: replay a question's log through it to find where it stands). */
struct sched_position sched_position_next(const struct sched_steps *steps, struct sched_position pos,
					  enum fsrs_grade grade);

/* A question's schedule state. */
struct sched_card {
	struct fsrs_memory memory;	/* stability 0: never reviewed */
	struct sched_position position;
	time_t last_review;		/* 0: never */
};

/* What an answer leads to. */
struct sched_result {
	struct sched_card card;
	long due_day;		/* clock_day() on which it is next due */
	time_t due_at;		/* in a step: the moment it is due; else the start of due_day */
	int interval_days;	/* graduated: days after today; 0 while in a step */
};

/* The answer grade given at `at` to card. */
struct sched_result sched_answer(const struct fsrs_params *params, const struct sched_steps *steps,
				 int rollover_hour, const struct sched_card *card, enum fsrs_grade grade, time_t at);

/* The interval a result gives, short: "1m", "10m", "2h", "1d", "3.5mo", "1.2y". */
const char *sched_interval_text(const struct sched_result *result, char *buf, size_t size);

/* "1 Again 10m · 2 Hard 1d · 3 Good 3d · 4 Easy 8d" (" - " between them
 * without utf8): the four grades with the interval each would give card at
 * `at`.  Returns buf. */
const char *sched_grade_preview(const struct fsrs_params *params, const struct sched_steps *steps,
				int rollover_hour, const struct sched_card *card, time_t at, bool utf8, char *buf,
				size_t size);

const char *sched_grade_name(enum fsrs_grade grade);

/* Probability of recall on study day `day` of a question of this stability
 * last reviewed on study day last_day (1 for a day before it). */
double sched_recall_on(const struct fsrs_params *params, double stability, long last_day, long day);

/* The exam rule: a reviewed question due only after exam_day whose recall
 * would be below params->desired_retention on that day (the retention was
 * raised, or parameters fitted, since it was scheduled): Review asks it now. */
bool sched_exam_brings_forward(const struct fsrs_params *params, double stability, long last_day, long due_day,
			       long exam_day);	/* "Again" .. "Easy", "?" */

#endif
