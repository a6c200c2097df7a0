/* quiz_report — see include/quiz_report.h. */
#include "quiz_report.h"
#include "quiz_typed.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t quiz_report_mistakes(const struct quiz_session *session, size_t *out)
{
	size_t n = 0;
	for (size_t i = 0; i < session->count; i++) {
		const struct quiz_item *item = &session->items[i];
		if (!item->reask && (item->outcome == QUIZ_WRONG || item->outcome == QUIZ_DONT_KNOW))
			out[n++] = i;
	}
	return n;
}

unsigned quiz_report_right(const struct quiz_item *item)
{
	unsigned bits = 0;
	for (size_t pos = 0; pos < item->question->nchoices; pos++)
		if (quiz_item_choice_correct(item, pos))
			bits |= 1u << pos;
	return bits;
}

unsigned quiz_report_chosen(const struct quiz_item *item)
{
	unsigned bits = 0;
	for (size_t pos = 0; pos < item->question->nchoices; pos++)
		if ((item->chosen >> item->order[pos]) & 1u)
			bits |= 1u << pos;
	return bits;
}

const char *quiz_report_choices(const struct quiz_item *item, unsigned positions, char *buf, size_t size)
{
	size_t used = 0;
	if (size)
		buf[0] = '\0';
	for (size_t pos = 0; pos < item->question->nchoices && used < size; pos++) {
		if (!((positions >> pos) & 1u))
			continue;
		int n = snprintf(buf + used, size - used, "%s%c) %s", used ? "; " : "", 'a' + (int)pos,
				 quiz_item_choice(item, pos));
		if (n < 0)
			break;
		used += (size_t)n < size - used ? (size_t)n : size - used - 1;
	}
	return buf;
}

const char *quiz_report_verdict(const struct quiz_item *item, bool utf8, bool *good, char *buf, size_t size)
{
	const char *tick = utf8 ? "\xE2\x9C\x93" : "+", *cross = utf8 ? "\xE2\x9C\x97" : "x",
		   *half = utf8 ? "\xE2\x97\x90" : "~";
	*good = item->outcome == QUIZ_CORRECT;
	if (item->outcome == QUIZ_CORRECT)
		snprintf(buf, size, "%s %s", tick, item->typo_accepted ? "Counted as right (a typo)" : "Correct");
	else if (item->outcome == QUIZ_DONT_KNOW)
		snprintf(buf, size, "%s Not known", cross);
	else if (item->parts > 1 && item->parts_right > 0)
		snprintf(buf, size, "%s Partly right: %u of %u", half, item->parts_right, item->parts);
	else
		snprintf(buf, size, "%s Wrong", cross);
	return buf;
}

const char *quiz_report_given(const struct quiz_item *item, char *buf, size_t size)
{
	if (item->outcome == QUIZ_DONT_KNOW)
		snprintf(buf, size, "%s", "I don't know");
	else if (quiz_typed_parts(item->question) > 0)
		snprintf(buf, size, "%s%s", item->typed, item->typo_accepted ? " (a typo, counted as right)" : "");
	else
		quiz_report_choices(item, quiz_report_chosen(item), buf, size);
	return buf;
}

const char *quiz_report_expected(const struct quiz_item *item, bool *several, char *buf, size_t size)
{
	const struct quiz_question *q = item->question;
	if (quiz_typed_parts(q) > 0) {
		*several = false;
		return quiz_typed_answers(q, buf, size);
	}
	unsigned right = quiz_report_right(item);
	*several = (right & (right - 1)) != 0;
	return quiz_report_choices(item, right, buf, size);
}

/* One report being written: the callback and a buffer for each line. */
struct writer {
	int (*each)(const struct quiz_report_line *line, void *ctx);
	void *ctx;
	char buf[8192];
	long mistake;
	const struct quiz_item *item;
};

static int emit(struct writer *w, enum quiz_report_kind kind, bool good, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int emit(struct writer *w, enum quiz_report_kind kind, bool good, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(w->buf, sizeof w->buf, fmt, ap);
	va_end(ap);
	struct quiz_report_line line = { kind, w->buf, good, w->mistake, w->item };
	return w->each(&line, w->ctx);
}

/* What was answered, what is right and why. */
static int answer_lines(struct writer *w, const struct quiz_item *item)
{
	char choices[4096];
	int rc = emit(w, QUIZ_REPORT_YOURS, false, "Your answer: %s", quiz_report_given(item, choices, sizeof choices));
	bool several;
	const char *expected = quiz_report_expected(item, &several, choices, sizeof choices);
	if (rc == 0)
		rc = emit(w, QUIZ_REPORT_RIGHT, false, "Right answer%s: %s", several ? "s" : "", expected);
	if (rc == 0 && item->question->explain)
		rc = emit(w, QUIZ_REPORT_EXPLAIN, false, "%s", item->question->explain);
	return rc;
}

static int mistake(struct writer *w, const struct quiz_item *item, size_t n, bool utf8)
{
	const struct quiz_question *q = item->question;
	enum section see = q->see >= 0 ? (enum section)q->see : SECTION_SUMMARY;
	w->mistake = (long)n;
	w->item = item;
	int rc = emit(w, QUIZ_REPORT_MISTAKE, false, "%zu. %s %s %s", n + 1, q->card->title, utf8 ? "\xE2\x80\xBA" : ">",
		      section_title(see));
	if (rc == 0)
		rc = emit(w, QUIZ_REPORT_QUESTION, false, "%s", q->ask);
	/* A case: its stem, then each part missed, named by its id. */
	for (size_t p = 0; rc == 0 && item->case_parts && p < q->nparts; p++)
		if (item->case_parts[p].outcome != QUIZ_CORRECT) {
			rc = emit(w, QUIZ_REPORT_QUESTION, false, "Part %zu of %zu (%s): %s", p + 1, q->nparts,
				  q->parts[p].id, q->parts[p].ask);
			if (rc == 0)
				rc = answer_lines(w, &item->case_parts[p]);
		}
	if (rc == 0 && !item->case_parts)
		rc = answer_lines(w, item);
	if (rc == 0)
		rc = emit(w, QUIZ_REPORT_BLANK, false, "%s", "");
	w->mistake = -1;
	w->item = NULL;
	return rc;
}

static int exam_details(struct writer *w, const struct quiz_session *session, const struct quiz_summary *sum,
			bool utf8)
{
	int rc = emit(w, QUIZ_REPORT_BLANK, false, "%s", "");
	if (rc == 0)
		rc = emit(w, QUIZ_REPORT_HEADING, false, "By topic");
	for (size_t t = 0; rc == 0 && t < sum->ntopics; t++)
		rc = emit(w, QUIZ_REPORT_TOPIC, sum->topics[t].correct == sum->topics[t].asked, "%s: %zu of %zu",
			  sum->topics[t].card->title, sum->topics[t].correct, sum->topics[t].asked);
	if (rc == 0)
		rc = emit(w, QUIZ_REPORT_BLANK, false, "%s", "");
	size_t *mistakes = malloc((session->count + 1) * sizeof *mistakes);
	if (!mistakes)
		return rc ? rc : -1;
	size_t n = quiz_report_mistakes(session, mistakes);
	if (rc == 0 && n > 0)
		rc = emit(w, QUIZ_REPORT_HEADING, false, "Mistakes");
	for (size_t m = 0; rc == 0 && m < n; m++)
		rc = mistake(w, &session->items[mistakes[m]], m, utf8);
	if (rc == 0 && n == 0 && sum->answered > 0)
		rc = emit(w, QUIZ_REPORT_NOTE, true, "No mistakes.");
	free(mistakes);
	return rc;
}

int quiz_report_render(const struct quiz_session *session, bool timed_out, bool utf8,
		       int (*each)(const struct quiz_report_line *line, void *ctx), void *ctx)
{
	struct quiz_summary sum;
	if (quiz_session_summary(session, &sum) < 0)
		return -1;
	struct writer *w = malloc(sizeof *w);
	if (!w) {
		quiz_summary_release(&sum);
		return -1;
	}
	*w = (struct writer){ .each = each, .ctx = ctx, .mistake = -1 };
	int rc;
	if (session->settings.mode == QUIZ_EXAM) {
		/* Partial credit (quiz.h's grading) shows as a fraction of a point. */
		unsigned pct = sum.asked ? (unsigned)(100.0 * sum.points / (double)sum.asked + 0.5) : 0;
		char unanswered[64] = "", score[32];
		if (sum.answered < sum.asked)
			snprintf(unanswered, sizeof unanswered, " Unanswered: %zu.", sum.asked - sum.answered);
		if (sum.points > (double)sum.correct + 0.005)
			snprintf(score, sizeof score, "%.1f", sum.points);
		else
			snprintf(score, sizeof score, "%zu", sum.correct);
		rc = emit(w, QUIZ_REPORT_SCORE, false, "%s Score: %s of %zu (%u%%).%s",
			  timed_out ? "Time ran out." : "Exam over.", score, sum.asked, pct, unanswered);
		if (rc == 0)
			rc = exam_details(w, session, &sum, utf8);
	} else {
		rc = emit(w, QUIZ_REPORT_SCORE, false, "Session over: %zu of %zu answered, %zu right the first time.",
			  sum.answered, sum.asked, sum.correct);
	}
	free(w);
	quiz_summary_release(&sum);
	return rc;
}
