/* quiz_queue — which questions a review or cram session asks, in what
 * order (see include/quiz.h, quiz_session_start()). */
#include <stdint.h>
#include <stdlib.h>

#include "clock.h"
#include "order.h"
#include "quiz.h"
#include "quiz_internal.h"
#include "sched.h"

struct state_scan {
	const struct quiz_bank *bank;
	struct progress_state *states;	/* per bank question */
	bool *first_seen;		/* per bank question: a memory update seen in the log */
	long today;
	int rollover_hour;
	long new_today;
};

static int collect_state(const char *question_id, const char *card_id, const struct progress_state *state,
			 void *ctx)
{
	(void)card_id;
	struct state_scan *scan = ctx;
	const struct quiz_question *q = quiz_bank_find(scan->bank, question_id);
	if (q)
		scan->states[q - scan->bank->items] = *state;
	return 0;
}

/* A question is introduced the first time an answer updates its memory; only
 * a first answer in Review uses up the day's allowance (practice and exams
 * may meet new questions freely). */
static int count_new_today(const struct progress_review *review, void *ctx)
{
	struct state_scan *scan = ctx;
	const struct quiz_question *q = quiz_bank_find(scan->bank, review->question_id);
	if (!q || !review->updated_memory)
		return 0;
	size_t i = (size_t)(q - scan->bank->items);
	if (!scan->first_seen[i] && review->mode == PROGRESS_REVIEW &&
	    clock_day(review->at, scan->rollover_hour) == scan->today)
		scan->new_today++;
	scan->first_seen[i] = true;
	return 0;
}

/* A question in a queue's order: by key (its due day, or its recall on the
 * exam day), ties in seeded random order. */
struct ranked {
	size_t question;
	double key;
	uint64_t tie;
};

static int by_key(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	return order_then(ORDER(x->key, y->key), ORDER(x->tie, y->tie));
}

/* The memory states of the bank's questions (and, for the allowance, which
 * were first met today in Review); 0 or -1.  The caller releases scan
 * either way (release_states()). */
static int read_states(struct quiz_session *session, struct state_scan *scan)
{
	const struct quiz_bank *bank = session->bank;
	*scan = (struct state_scan){ .bank = bank, .rollover_hour = session->settings.schedule.rollover_hour };
	scan->today = clock_day(clock_now(), scan->rollover_hour);
	scan->states = calloc(bank->count + 1, sizeof *scan->states);
	scan->first_seen = calloc(bank->count + 1, sizeof *scan->first_seen);
	if (!scan->states || !scan->first_seen)
		return -1;
	if (session->progress && (progress_each_state(session->progress, collect_state, scan) < 0 ||
				  progress_each_review(session->progress, count_new_today, scan) < 0))
		return -1;
	return 0;
}

static void release_states(struct state_scan *scan)
{
	free(scan->states);
	free(scan->first_seen);
}

static bool exam_ahead(const struct quiz_session *session, const struct state_scan *scan,
		       const struct progress_state *st)
{
	long exam = session->settings.exam_day;
	return exam >= scan->today && st->due_day > scan->today &&
	       sched_exam_brings_forward(&session->settings.schedule.params, st->stability,
					 clock_day(st->last_review, scan->rollover_hour), st->due_day, exam);
}

/* Review: due questions first (most overdue first, ties in seeded random
 * order), then those the exam date brings forward, then never-seen ones in
 * bank order up to the day's allowance. */
int quiz_queue_review(struct quiz_session *session, const size_t *scope, size_t nscope)
{
	const struct quiz_bank *bank = session->bank;
	struct state_scan scan;
	struct ranked *due = calloc(nscope + 1, sizeof *due);
	int status = -1;
	if (read_states(session, &scan) < 0 || !due)
		goto out;
	size_t ndue = 0, nahead = 0;
	for (size_t k = 0; k < nscope; k++) {
		const struct progress_state *st = &scan.states[scope[k]];
		if (st->stability > 0 && st->due_day <= scan.today)
			due[ndue++] = (struct ranked){ scope[k], (double)st->due_day, quiz_next_random(&session->rng) };
	}
	qsort(due, ndue, sizeof *due, by_key);
	for (size_t k = 0; k < nscope; k++)
		if (exam_ahead(session, &scan, &scan.states[scope[k]]))
			due[ndue + nahead++] = (struct ranked){ scope[k], (double)scan.states[scope[k]].due_day,
								quiz_next_random(&session->rng) };
	qsort(due + ndue, nahead, sizeof *due, by_key);
	size_t limit = session->settings.count ? session->settings.count : SIZE_MAX;
	for (size_t k = 0; k < ndue + nahead && session->count < limit; k++)
		if (quiz_insert_item(session, session->count, &bank->items[due[k].question]) < 0)
			goto out;
	session->ahead = session->count > ndue ? session->count - ndue : 0;
	session->due = session->count - session->ahead;
	session->new_today = scan.new_today;
	long allowance = session->settings.new_per_day - scan.new_today;
	for (size_t k = 0; k < nscope && allowance > 0 && session->count < limit; k++) {
		const struct progress_state *st = &scan.states[scope[k]];
		if (st->stability > 0 || st->reviews > 0 || scan.first_seen[scope[k]])
			continue;
		if (quiz_insert_item(session, session->count, &bank->items[scope[k]]) < 0)
			goto out;
		allowance--;
	}
	session->fresh = session->count - session->due - session->ahead;
	status = 0;
out:
	release_states(&scan);
	free(due);
	return status;
}

/* Cram: the reviewed questions least likely to be recalled on the exam day
 * (today when there is none, or it is past), most at risk first. */
int quiz_queue_cram(struct quiz_session *session, const size_t *scope, size_t nscope)
{
	struct state_scan scan;
	struct ranked *risk = calloc(nscope + 1, sizeof *risk);
	int status = -1;
	if (read_states(session, &scan) < 0 || !risk)
		goto out;
	long day = session->settings.exam_day > scan.today ? session->settings.exam_day : scan.today;
	size_t n = 0;
	for (size_t k = 0; k < nscope; k++) {
		const struct progress_state *st = &scan.states[scope[k]];
		if (st->stability <= 0)
			continue;
		double recall = sched_recall_on(&session->settings.schedule.params, st->stability,
						clock_day(st->last_review, scan.rollover_hour), day);
		risk[n++] = (struct ranked){ scope[k], recall, quiz_next_random(&session->rng) };
	}
	qsort(risk, n, sizeof *risk, by_key);
	size_t limit = session->settings.count ? session->settings.count : QUIZ_DEFAULT_EXAM_QUESTIONS;
	for (size_t k = 0; k < n && session->count < limit; k++)
		if (quiz_insert_item(session, session->count, &session->bank->items[risk[k].question]) < 0)
			goto out;
	status = 0;
out:
	release_states(&scan);
	free(risk);
	return status;
}
