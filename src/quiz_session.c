/* quiz_session — practice, review and exam sessions over the question bank
 * (see include/quiz.h): answering, grading, saving, undo and the summary;
 * quiz_session_start.c makes the session. */
#include "quiz.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "quiz_internal.h"
#include "quiz_order.h"
#include "quiz_typed.h"
#include "text.h"

long quiz_session_seconds_left(const struct quiz_session *session)
{
	if (!session->deadline)
		return -1;
	time_t now = clock_now();
	return now >= session->deadline ? 0 : (long)(session->deadline - now);
}

bool quiz_session_done(const struct quiz_session *session)
{
	return session->current >= session->count || quiz_session_seconds_left(session) == 0;
}

struct quiz_item *quiz_session_current(struct quiz_session *session)
{
	return quiz_session_done(session) ? NULL : &session->items[session->current];
}

const char *quiz_item_choice(const struct quiz_item *item, size_t pos)
{
	return pos < item->question->nchoices ? item->question->choices[item->order[pos]] : NULL;
}

bool quiz_item_choice_correct(const struct quiz_item *item, size_t pos)
{
	return pos < item->question->nchoices && item->question->correct[item->order[pos]];
}

static enum progress_mode progress_mode_of(enum quiz_mode mode)
{
	switch (mode) {
	case QUIZ_EXAM: return PROGRESS_EXAM;
	case QUIZ_REVIEW: return PROGRESS_REVIEW;
	case QUIZ_CRAM: return PROGRESS_CRAM;
	default: return PROGRESS_PRACTICE;
	}
}

struct progress_chosen quiz_item_chosen(const struct quiz_item *item, struct progress_choice *picked)
{
	const struct quiz_question *q = item->question;
	struct progress_chosen chosen = {
		.recorded = item->outcome != QUIZ_UNANSWERED,
		.outcome = item->outcome == QUIZ_CORRECT ? PROGRESS_RIGHT
			   : item->outcome == QUIZ_DONT_KNOW ? PROGRESS_DONT_KNOW : PROGRESS_WRONG,
		.choices = picked,
	};
	for (size_t c = 0; c < q->nchoices && chosen.nchoices < PROGRESS_MAX_CHOICES; c++) {
		if (!((item->chosen >> c) & 1u))
			continue;
		picked[chosen.nchoices++] = (struct progress_choice){
			.index = (int)c,
			.text = q->choices[c],
			.topic = q->choice_topic[c] ? q->choice_topic[c]->id : NULL,
			.correct = q->correct[c],
		};
	}
	return chosen;
}

/* Logs the item's answer; a failure to save is remembered, not fatal. */
static void save_answer(struct quiz_session *session, struct quiz_item *item)
{
	item->review_id = 0;
	if (!session->progress)
		return;
	struct progress_answer answer = {
		.question_id = item->question->id,
		.card_id = item->question->card->id,
		.at = item->answered_at,
		.grade = item->grade,
		.answer_ms = item->answer_ms,
		.mode = progress_mode_of(session->settings.mode),
		.update_memory = item->updated_memory,
	};
	struct progress_choice picked[QUESTION_MAX_CHOICES];
	answer.chosen = quiz_item_chosen(item, picked);
	long long id = progress_record(session->progress, &session->settings.schedule, &answer, NULL);
	if (id < 0)
		session->save_failed = true;
	else
		item->review_id = id;
}

/* The state the answer starts from, kept for the grade preview: a grade
 * override re-records from it at the same moment. */
static void remember_before(struct quiz_session *session, struct quiz_item *item)
{
	memset(&item->before, 0, sizeof item->before);
	memset(&item->position, 0, sizeof item->position);
	if (!session->progress || !item->updated_memory)
		return;
	if (progress_state(session->progress, item->question->id, &item->before) != 0 ||
	    progress_position(session->progress, &session->settings.schedule.steps, item->question->id,
			      &item->position) != 0)
		session->save_failed = true;
}

/* Queues the current item's question again QUIZ_REASK_GAP questions on:
 * a practice re-ask, or (step) the next learning step of a review. */
static void queue_reask(struct quiz_session *session, bool step)
{
	size_t at = session->current + 1 + QUIZ_REASK_GAP;
	if (at > session->count)
		at = session->count;
	/* insert_item may move the array: index again afterwards. */
	if (quiz_insert_item(session, at, session->items[session->current].question) == 0) {
		session->items[at].reask = true;
		session->items[at].step = step;
		session->items[session->current].inserted = at;
	}
}

/* Review: a question the answer left in a learning step comes back in this
 * session (as Anki shows learning cards early when nothing else is due). */
static void queue_step(struct quiz_session *session)
{
	struct quiz_item *item = &session->items[session->current];
	if (session->settings.mode != QUIZ_REVIEW || !item->updated_memory)
		return;
	struct sched_result result = quiz_item_schedule(session, item, item->grade);
	if (result.card.position.delay > 0)
		queue_reask(session, true);
}

/* Drops the re-ask the current item queued (it comes after the cursor and
 * nothing was answered since). */
static void drop_reask(struct quiz_session *session)
{
	size_t inserted = session->items[session->current].inserted;
	if (inserted == NO_ITEM)
		return;
	quiz_case_free(&session->items[inserted]);
	memmove(&session->items[inserted], &session->items[inserted + 1],
		(session->count - inserted - 1) * sizeof *session->items);
	session->count--;
	session->items[session->current].inserted = NO_ITEM;
}

static struct sched_card card_before(const struct quiz_item *item)
{
	struct sched_card card = {
		.memory = { item->before.stability, item->before.difficulty },
		.position = item->position,
		.last_review = item->before.last_review,
	};
	return card;
}

struct sched_result quiz_item_schedule(const struct quiz_session *session, const struct quiz_item *item,
				       enum fsrs_grade grade)
{
	const struct progress_schedule *s = &session->settings.schedule;
	struct sched_card card = card_before(item);
	return sched_answer(&s->params, &s->steps, s->rollover_hour, &card, grade, item->answered_at);
}

/* The cursor's item when its answer moved memory on, else NULL (buf made ""). */
static const struct quiz_item *scheduled_item(const struct quiz_session *session, char *buf, size_t size)
{
	if (size)
		buf[0] = '\0';
	if (session->current >= session->count)
		return NULL;
	const struct quiz_item *item = &session->items[session->current];
	return item->outcome == QUIZ_UNANSWERED || !item->updated_memory ? NULL : item;
}

const char *quiz_session_grade_preview(const struct quiz_session *session, bool utf8, char *buf, size_t size)
{
	const struct quiz_item *item = scheduled_item(session, buf, size);
	if (!item)
		return buf;
	const struct progress_schedule *s = &session->settings.schedule;
	struct sched_card card = card_before(item);
	return sched_grade_preview(&s->params, &s->steps, s->rollover_hour, &card, item->answered_at, utf8, buf, size);
}

const char *quiz_session_scheduled_text(const struct quiz_session *session, char *buf, size_t size)
{
	const struct quiz_item *item = scheduled_item(session, buf, size);
	if (!item)
		return buf;
	struct sched_result result = quiz_item_schedule(session, item, item->grade);
	char interval[32];
	snprintf(buf, size, "Graded %s: next in %s.", sched_grade_name(item->grade),
		 sched_interval_text(&result, interval, sizeof interval));
	return buf;
}

static size_t popcount(unsigned bits)
{
	size_t n = 0;
	for (; bits; bits &= bits - 1)
		n++;
	return n;
}

enum fsrs_grade quiz_grade_for_parts(unsigned right, unsigned parts)
{
	if (parts == 0 || right == 0)
		return FSRS_AGAIN;
	if (right >= parts)
		return FSRS_GOOD;
	return 3 * right >= 2 * parts ? FSRS_HARD : FSRS_AGAIN;
}

/* Sets an answered item's credit (parts_right of parts; dont_know), outcome,
 * grade and time. */
static void grade_item(struct quiz_item *item, unsigned right_parts, unsigned parts, bool dont_know, long answer_ms)
{
	bool right = !dont_know && right_parts >= parts;
	item->parts = (unsigned char)parts;
	item->parts_right = (unsigned char)(dont_know ? 0 : right_parts);
	item->outcome = dont_know ? QUIZ_DONT_KNOW : right ? QUIZ_CORRECT : QUIZ_WRONG;
	item->grade = quiz_grade_for_parts(item->parts_right, parts);
	item->answered_at = clock_now();
	item->answer_ms = answer_ms;
}

/* Grades the answer to item (the current item, or a part of it), saves the
 * current item once it is graded, and in practice queues a re-ask of a
 * question not wholly right.  Returns item's outcome. */
static int record(struct quiz_session *session, struct quiz_item *item, unsigned right_parts, unsigned parts,
		  bool dont_know, long answer_ms)
{
	grade_item(item, right_parts, parts, dont_know, answer_ms);
	const struct quiz_item *part = item != &session->items[session->current] ? item : NULL;
	if (part) {
		/* A case's part: the case is graded and saved with its last part. */
		item = &session->items[session->current];
		if (!quiz_case_credit(item, &right_parts, &parts, &dont_know, &answer_ms))
			return (int)part->outcome;
		grade_item(item, right_parts, parts, dont_know, answer_ms);
	}
	const struct quiz_question *q = item->question;
	bool right = item->outcome == QUIZ_CORRECT;
	size_t qi = (size_t)(q - session->bank->items);
	/* Cram asks what is at risk without touching what the scheduler knows. */
	item->updated_memory = session->settings.mode != QUIZ_CRAM && (!session->asked_once[qi] || item->step);
	session->asked_once[qi] = true;
	item->inserted = NO_ITEM;
	remember_before(session, item);
	save_answer(session, item);
	session->history[session->nhistory++] = session->current;
	if (!right && (session->settings.mode == QUIZ_PRACTICE || session->settings.mode == QUIZ_CRAM))
		queue_reask(session, false);
	else
		queue_step(session);
	return part ? (int)part->outcome : (int)session->items[session->current].outcome;
}

int quiz_session_record(struct quiz_session *session, struct quiz_item *item, unsigned right, unsigned parts,
			bool dont_know, long answer_ms)
{
	return record(session, item, right, parts, dont_know, answer_ms);
}

int quiz_session_answer(struct quiz_session *session, unsigned positions, bool dont_know, long answer_ms)
{
	struct quiz_item *item = quiz_session_answering(session);
	if (!item || item->outcome != QUIZ_UNANSWERED)
		return -1;
	const struct quiz_question *q = item->question;
	unsigned chosen = 0;
	if (!dont_know) {
		size_t n = popcount(positions);
		if (quiz_typed_parts(q) > 0 || quiz_is_arranged(q) || positions >> q->nchoices || n == 0 ||
		    (q->type != QUESTION_MULTI && n != 1))
			return -1;
		for (size_t pos = 0; pos < q->nchoices; pos++)
			if (positions & (1u << pos))
				chosen |= 1u << item->order[pos];
	}
	bool right = !dont_know;
	for (size_t c = 0; c < q->nchoices && right; c++)
		right = q->correct[c] == ((chosen >> c) & 1u);
	item->chosen = chosen;
	return record(session, item, right, 1, dont_know, answer_ms);
}

int quiz_session_answer_parts(struct quiz_session *session, const char *const *texts, const bool *accept_typo,
			      size_t nparts, long answer_ms)
{
	struct quiz_item *item = quiz_session_answering(session);
	if (!item || item->outcome != QUIZ_UNANSWERED || nparts == 0 || nparts != quiz_typed_parts(item->question))
		return -1;
	unsigned right = 0, mask = 0;
	bool typo = false, any_known = false;
	size_t used = 0;
	item->typed[0] = '\0';
	for (size_t part = 0; part < nparts; part++) {
		const char *text = texts[part] ? texts[part] : "";
		bool known = !quiz_dont_know_or_blank(text);
		enum typed_verdict verdict =
			known ? quiz_typed_check_part(item->question, part, text, NULL, 0) : TYPED_WRONG;
		bool ok = verdict == TYPED_RIGHT || (verdict == TYPED_TYPO && accept_typo && accept_typo[part]);
		any_known = any_known || known;
		typo = typo || (ok && verdict == TYPED_TYPO);
		right += ok;
		mask |= (unsigned)ok << part;
		/* Kept as given, numbered when there are gaps: "(1) x; (2) y". */
		int n = nparts == 1 ? snprintf(item->typed, sizeof item->typed, "%s", text)
				    : snprintf(item->typed + used, sizeof item->typed - used, "%s(%zu) %s",
					       part ? "; " : "", part + 1, known ? text : "?");
		if (n > 0)
			used += (size_t)n < sizeof item->typed - used ? (size_t)n : sizeof item->typed - used - 1;
	}
	item->typo_accepted = typo;
	item->parts_mask = mask;
	return record(session, item, right, (unsigned)nparts, !any_known, answer_ms);
}

int quiz_session_answer_typed(struct quiz_session *session, const char *text, bool accept_typo, long answer_ms)
{
	struct quiz_item *item = quiz_session_answering(session);
	if (!item || item->question->type != QUESTION_TYPED || text_blank(text))
		return -1;
	return quiz_session_answer_parts(session, &text, &accept_typo, 1, answer_ms);
}

int quiz_session_grade(struct quiz_session *session, enum fsrs_grade grade)
{
	if (session->settings.mode == QUIZ_EXAM || grade < FSRS_AGAIN || grade > FSRS_EASY ||
	    session->current >= session->count)
		return -1;
	struct quiz_item *item = &session->items[session->current];
	if (item->outcome == QUIZ_UNANSWERED)
		return -1;
	if (item->grade == grade)
		return 0;
	if (item->review_id > 0 && progress_undo(session->progress, item->review_id) < 0) {
		session->save_failed = true;
		return -1;
	}
	item->grade = grade;
	save_answer(session, item);
	if (session->settings.mode == QUIZ_REVIEW) {
		drop_reask(session);
		queue_step(session);
	}
	return 0;
}

int quiz_session_next(struct quiz_session *session)
{
	if (quiz_case_next_part(session) == 0)
		return 0;
	if (session->current >= session->count || session->items[session->current].outcome == QUIZ_UNANSWERED)
		return -1;
	session->current++;
	return 0;
}

int quiz_session_undo(struct quiz_session *session)
{
	if (quiz_case_undo_part(session) == 0)
		return 0;
	if (session->nhistory == 0)
		return -1;
	size_t index = session->history[session->nhistory - 1];
	struct quiz_item *item = &session->items[index];
	if (item->review_id > 0 && progress_undo(session->progress, item->review_id) < 0) {
		session->save_failed = true;
		return -1;
	}
	session->nhistory--;
	if (item->updated_memory && !item->step)
		session->asked_once[item->question - session->bank->items] = false;
	size_t inserted = item->inserted;
	if (inserted != NO_ITEM) {
		/* The re-ask comes after the answer and nothing was answered since. */
		quiz_case_free(&session->items[inserted]);
		memmove(&session->items[inserted], &session->items[inserted + 1],
			(session->count - inserted - 1) * sizeof *session->items);
		session->count--;
	}
	item = &session->items[index];
	const struct quiz_question *q = item->question;
	bool reask = item->reask, step = item->step;
	unsigned char order[QUESTION_MAX_CHOICES];
	memcpy(order, item->order, sizeof order);
	struct quiz_item *parts = item->case_parts;
	*item = (struct quiz_item){ .question = q, .reask = reask, .step = step, .inserted = NO_ITEM };
	memcpy(item->order, order, sizeof order);
	quiz_case_reopen(item, parts);
	session->current = index;
	return 0;
}

int quiz_session_summary(const struct quiz_session *session, struct quiz_summary *summary)
{
	memset(summary, 0, sizeof *summary);
	summary->topics = calloc(session->count + 1, sizeof *summary->topics);
	if (!summary->topics)
		return -1;
	for (size_t i = 0; i < session->count; i++) {
		const struct quiz_item *item = &session->items[i];
		if (item->reask)
			continue;
		bool correct = item->outcome == QUIZ_CORRECT;
		/* An item without parts recorded counts whole or nothing. */
		if (item->parts > 0)
			summary->points += (double)item->parts_right / (double)item->parts;
		else
			summary->points += correct;
		summary->asked++;
		summary->answered += item->outcome != QUIZ_UNANSWERED;
		summary->correct += correct;
		size_t t = 0;
		while (t < summary->ntopics && summary->topics[t].card != item->question->card)
			t++;
		if (t == summary->ntopics)
			summary->topics[summary->ntopics++].card = item->question->card;
		summary->topics[t].asked++;
		summary->topics[t].correct += correct;
	}
	return 0;
}

void quiz_summary_release(struct quiz_summary *summary)
{
	free(summary->topics);
	summary->topics = NULL;
	summary->ntopics = 0;
}
