/* quiz_case — case vignettes in a session (include/quiz.h, "case
 * vignettes"): a case item holds an item per part, asked in turn; the
 * session grades the case from its parts once the last is answered. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quiz.h"
#include "quiz_internal.h"

int quiz_case_begin(struct quiz_session *session, struct quiz_item *item)
{
	const struct quiz_question *q = item->question;
	item->case_parts = NULL;
	item->case_part = 0;
	if (q->nparts == 0)
		return 0;
	item->case_parts = calloc(q->nparts, sizeof *item->case_parts);
	if (!item->case_parts)
		return -1;
	for (size_t p = 0; p < q->nparts; p++)
		item->case_parts[p] = quiz_item_make(session, &q->parts[p]);
	return 0;
}

void quiz_case_free(struct quiz_item *item)
{
	free(item->case_parts);
	item->case_parts = NULL;
}

/* A part as it was before it was answered: the same question and order. */
static void unanswer(struct quiz_item *part)
{
	struct quiz_item fresh = { .question = part->question, .inserted = part->inserted };
	memcpy(fresh.order, part->order, sizeof fresh.order);
	*part = fresh;
}

void quiz_case_reopen(struct quiz_item *item, struct quiz_item *parts)
{
	item->case_parts = parts;
	if (!parts)
		return;
	item->case_part = (unsigned char)(item->question->nparts - 1);
	unanswer(&parts[item->case_part]);
}

struct quiz_item *quiz_session_answering(const struct quiz_session *session)
{
	if (quiz_session_done(session))
		return NULL;
	struct quiz_item *item = &session->items[session->current];
	return item->case_parts ? &item->case_parts[item->case_part] : item;
}

bool quiz_case_finished(const struct quiz_item *item)
{
	return item->case_parts && item->case_part + 1u >= item->question->nparts &&
	       item->case_parts[item->case_part].outcome != QUIZ_UNANSWERED;
}

bool quiz_case_credit(const struct quiz_item *kase, unsigned *right, unsigned *parts, bool *dont_know,
		      long *answer_ms)
{
	if (!quiz_case_finished(kase))
		return false;
	size_t n = kase->question->nparts;
	*right = 0;
	*parts = (unsigned)n;
	*dont_know = true;
	*answer_ms = 0;
	for (size_t p = 0; p < n; p++) {
		const struct quiz_item *part = &kase->case_parts[p];
		*right += part->outcome == QUIZ_CORRECT;
		*dont_know = *dont_know && part->outcome == QUIZ_DONT_KNOW;
		*answer_ms += part->answer_ms;
	}
	return true;
}

/* The cursor's case while it is being answered (not graded yet), or NULL. */
static struct quiz_item *open_case(const struct quiz_session *session)
{
	struct quiz_item *item = quiz_session_done(session) ? NULL : &session->items[session->current];
	return item && item->case_parts && item->outcome == QUIZ_UNANSWERED ? item : NULL;
}

bool quiz_case_pending(const struct quiz_session *session)
{
	return open_case(session) != NULL;
}

int quiz_case_next_part(struct quiz_session *session)
{
	struct quiz_item *item = open_case(session);
	if (!item || item->case_parts[item->case_part].outcome == QUIZ_UNANSWERED ||
	    item->case_part + 1u >= item->question->nparts)
		return -1;
	item->case_part++;
	return 0;
}

int quiz_case_undo_part(struct quiz_session *session)
{
	struct quiz_item *item = open_case(session);
	if (!item)
		return -1;
	if (item->case_parts[item->case_part].outcome == QUIZ_UNANSWERED) {
		if (item->case_part == 0)
			return -1;
		item->case_part--;
	}
	unanswer(&item->case_parts[item->case_part]);
	return 0;
}

const char *quiz_case_part_heading(const struct quiz_item *kase, char *buf, size_t size)
{
	snprintf(buf, size, "Part %u of %zu", kase->case_part + 1u, kase->question->nparts);
	return buf;
}

const char *quiz_case_verdict(const struct quiz_item *kase, bool utf8, bool *good, char *buf, size_t size)
{
	const char *tick = utf8 ? "\xE2\x9C\x93" : "+", *cross = utf8 ? "\xE2\x9C\x97" : "x",
		   *half = utf8 ? "\xE2\x97\x90" : "~";
	size_t n = kase->question->nparts;
	*good = kase->outcome == QUIZ_CORRECT;
	if (kase->outcome == QUIZ_DONT_KNOW)
		snprintf(buf, size, "%s Case: not known", cross);
	else if (*good)
		snprintf(buf, size, "%s Case: all %zu parts right", tick, n);
	else if (kase->parts_right == 0)
		snprintf(buf, size, "%s Case: none of %zu parts right", cross, n);
	else
		snprintf(buf, size, "%s Case: %u of %zu parts right", half, kase->parts_right, n);
	return buf;
}
