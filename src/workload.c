/* workload — see include/workload.h. */
#include "workload.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "fsrs_fit.h"

/* The retentions the chart compares; the learner's own replaces the nearest. */
static const double chart_levels[WORKLOAD_LEVELS] = { 0.80, 0.85, 0.90, 0.95 };

struct loading {
	struct workload *wl;
	const struct quiz_bank *bank;
	size_t alloc;
	int rollover_hour;
	int status;
};

static int load_card(const char *question_id, const char *card_id, const struct progress_state *state, void *ctx)
{
	(void)card_id;
	struct loading *l = ctx;
	if (state->stability <= 0 || (l->bank && !quiz_bank_find(l->bank, question_id)))
		return 0;
	if (array_grow(&l->wl->cards, &l->alloc, l->wl->count, sizeof *l->wl->cards) < 0) {
		l->status = -1;
		return 1;
	}
	l->wl->cards[l->wl->count++] = (struct workload_card){
		.stability = state->stability,
		.difficulty = state->difficulty,
		.last_day = clock_day(state->last_review, l->rollover_hour),
		.due_day = state->due_day,
	};
	return 0;
}

/* splitmix64, as the quiz uses: the same draws on every platform. */
static double next_unit(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return (double)(z >> 11) / 9007199254740992.0;
}

void workload_simulate(const struct workload *wl, double retention, long days, long *per_day)
{
	if (days > WORKLOAD_PLAN_MAX)
		days = WORKLOAD_PLAN_MAX;
	for (long d = 0; d < days; d++)
		per_day[d] = 0;
	struct fsrs_params params = wl->params;
	params.desired_retention = retention;
	size_t introduce = wl->fresh;
	long most_new = (long)wl->new_per_day * (days > 0 ? days : 0);
	if ((long)introduce > most_new)
		introduce = (size_t)most_new;
	struct workload_card *cards = malloc((wl->count + introduce + 1) * sizeof *cards);
	if (!cards)
		return;
	if (wl->count > 0)	/* none reviewed yet: wl->cards may be NULL */
		memcpy(cards, wl->cards, wl->count * sizeof *cards);
	size_t count = wl->count, fresh = introduce;
	uint64_t rng = 0x5eedULL;	/* one seed for every level: differences come from retention */
	for (long d = 0; d < days; d++) {
		long day = wl->today + d;
		for (size_t i = 0; i < count; i++) {
			struct workload_card *c = &cards[i];
			if (c->due_day > day)
				continue;
			long elapsed = day - c->last_day;
			double recall = sched_recall_on(&params, c->stability, c->last_day, day);
			struct fsrs_memory m = { c->stability, c->difficulty };
			int gap = elapsed > FSRS_MAX_INTERVAL ? FSRS_MAX_INTERVAL : (int)elapsed;
			per_day[d]++;
			if (next_unit(&rng) < recall) {
				m = fsrs_next(&params, m, gap, FSRS_GOOD);
			} else {
				m = fsrs_next(&params, m, gap, FSRS_AGAIN);
				for (size_t s = 0; s < wl->relearning_steps; s++, per_day[d]++)
					m = fsrs_next(&params, m, 0, FSRS_GOOD);
			}
			*c = (struct workload_card){ m.stability, m.difficulty, day,
						     day + fsrs_interval(&params, m.stability) };
		}
		for (int n = 0; n < wl->new_per_day && fresh > 0; n++, fresh--) {
			struct fsrs_memory m = fsrs_first_review(&params, FSRS_GOOD);
			per_day[d]++;
			for (size_t s = 1; s < wl->learning_steps; s++, per_day[d]++)
				m = fsrs_next(&params, m, 0, FSRS_GOOD);
			cards[count++] = (struct workload_card){ m.stability, m.difficulty, day,
								 day + fsrs_interval(&params, m.stability) };
		}
	}
	free(cards);
}

static void choose_levels(struct workload *wl)
{
	double own = wl->params.desired_retention;
	size_t nearest = 0;
	for (size_t i = 1; i < WORKLOAD_LEVELS; i++)
		if (fabs(chart_levels[i] - own) < fabs(chart_levels[nearest] - own))
			nearest = i;
	wl->nlevels = 0;
	for (size_t i = 0; i < WORKLOAD_LEVELS; i++)
		wl->levels[wl->nlevels++] = i == nearest ? own : chart_levels[i];
	wl->current = nearest;
}

static void plan_exam(struct workload *wl)
{
	wl->plan_days = wl->exam_day - wl->today;
	if (wl->plan_days < 0)
		wl->plan_days = 0;
	if (wl->plan_days > WORKLOAD_PLAN_MAX)
		wl->plan_days = WORKLOAD_PLAN_MAX;
	workload_simulate(wl, wl->params.desired_retention, wl->plan_days, wl->plan);
	for (size_t i = 0; i < wl->count; i++) {
		const struct workload_card *c = &wl->cards[i];
		if (sched_recall_on(&wl->params, c->stability, c->last_day, wl->exam_day) < wl->params.desired_retention)
			wl->at_risk++;
		if (sched_exam_brings_forward(&wl->params, c->stability, c->last_day, c->due_day, wl->exam_day))
			wl->brought_forward++;
	}
}

int workload_compute(struct workload *wl, struct progress *progress, const struct quiz_bank *bank,
		     const struct progress_schedule *schedule, int new_per_day, long exam_day, time_t now)
{
	memset(wl, 0, sizeof *wl);
	struct progress_schedule effective = *schedule;
	progress_effective_schedule(progress, &effective);
	wl->params = effective.params;
	struct progress_fitted fitted;
	if (progress && progress_fitted_params(progress, &fitted) == 1) {
		wl->fitted = true;
		wl->reviews_at_fit = fitted.reviews;
		wl->reviews_now = progress_memory_review_count(progress);
		wl->refit_due = fsrs_fit_refit_due(wl->reviews_now, wl->reviews_at_fit);
	}
	wl->new_per_day = new_per_day > 0 ? new_per_day : 0;
	wl->learning_steps = schedule->steps.nlearning;
	wl->relearning_steps = schedule->steps.nrelearning;
	wl->today = clock_day(now, schedule->rollover_hour);
	wl->rollover_hour = schedule->rollover_hour;
	wl->exam_day = exam_day;
	struct loading l = { .wl = wl, .bank = bank, .rollover_hour = schedule->rollover_hour };
	if (progress && (progress_each_state(progress, load_card, &l) < 0 || l.status < 0)) {
		workload_release(wl);
		return -1;
	}
	size_t questions = bank ? bank->count : 0;
	wl->fresh = questions > wl->count ? questions - wl->count : 0;
	choose_levels(wl);
	for (size_t i = 0; i < wl->nlevels; i++)
		workload_simulate(wl, wl->levels[i], WORKLOAD_DAYS, wl->per_day[i]);
	if (exam_day >= 0)
		plan_exam(wl);
	return 0;
}

void workload_release(struct workload *wl)
{
	free(wl->cards);
	wl->cards = NULL;
	wl->count = 0;
}
