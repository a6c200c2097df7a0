/* workload — what a desired retention costs, and the plan to an exam date.
 *
 * From the learner's own memory states and fitted parameters, a
 * deterministic simulation counts the answers a day the scheduler would ask
 * over the next WORKLOAD_DAYS days at a few desired retentions (the learner's
 * setting among them), new questions introduced at new_per_day.  With an exam
 * date it also counts the answers a day until then at the learner's setting,
 * and how many questions would be below it on the day without a review.
 * stats_render() draws both (src/stats_workload.c) when stats.workload is
 * set, so both front-ends show them.  No I/O but reading progress; never prints.
 */
#ifndef RXPLORE_WORKLOAD_H
#define RXPLORE_WORKLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "fsrs.h"
#include "progress.h"
#include "quiz.h"

#define WORKLOAD_DAYS 30
#define WORKLOAD_LEVELS 4
#define WORKLOAD_PLAN_MAX 366	/* the exam plan's longest horizon, in days */

/* One question's memory, in study days. */
struct workload_card {
	double stability, difficulty;
	long last_day, due_day;
};

struct workload {
	/* what the simulation starts from */
	struct workload_card *cards;	/* reviewed questions of the bank, by question id */
	size_t count;
	size_t fresh;			/* questions never reviewed */
	int new_per_day;
	size_t learning_steps;		/* answers a new question takes on its first day */
	size_t relearning_steps;	/* extra answers a miss takes the same day */
	struct fsrs_params params;	/* fitted weights when there are some; the learner's retention */
	long today;
	int rollover_hour;
	/* the chart */
	double levels[WORKLOAD_LEVELS];	/* ascending; levels[current] == params.desired_retention */
	size_t nlevels, current;
	long per_day[WORKLOAD_LEVELS][WORKLOAD_DAYS];
	/* the exam plan (exam_day < 0: no exam date) */
	long exam_day;
	long plan_days;			/* days from today up to the exam (0 when it is past) */
	long plan[WORKLOAD_PLAN_MAX];	/* answers a day at the learner's retention */
	long at_risk;			/* below the retention on the exam day without a review */
	long brought_forward;		/* of those, due only after the exam (Review asks them early) */
	/* the learner's fitted parameters (rxplore fsrs fit) */
	bool fitted;
	long reviews_at_fit, reviews_now;	/* answers that moved memory, then and now */
	bool refit_due;				/* they have doubled since: suggest fitting again */
};

/* Loads the reviewed questions of bank from progress (NULL: none yet) and
 * runs the simulations for now.  schedule gives retention, rollover and
 * steps (the fitted weights are read from progress); exam_day is a study
 * day (clock_parse_date()) or -1.  Returns 0, or -1 when out of memory or
 * progress cannot be read; *wl is always safe to release. */
int workload_compute(struct workload *wl, struct progress *progress, const struct quiz_bank *bank,
		     const struct progress_schedule *schedule, int new_per_day, long exam_day, time_t now);
void workload_release(struct workload *wl);

/* Answers a day over days (<= WORKLOAD_PLAN_MAX) from wl->today at
 * retention: the same input always gives the same counts. */
void workload_simulate(const struct workload *wl, double retention, long days, long *per_day);


#endif
