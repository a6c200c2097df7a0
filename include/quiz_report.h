/* quiz_report — the "session over" report both front-ends show, as semantic
 * lines (the pattern of stats_render): the headline score, and for an exam
 * the scores by topic and the mistakes, each with its question, the answer
 * given, the right one and the explanation.  Each front-end wraps the lines
 * to its width and draws them its own way (colours, glyphs, key hints).
 *
 * What counts: a question's first asking decides (practice re-asks do not
 * count).  A mistake is a first asking answered wrong or with "I don't
 * know"; a question never answered (the learner stopped, or the exam's time
 * ran out) is *unanswered*: counted as such in the headline, never listed
 * as a mistake.
 */
#ifndef RXPLORE_QUIZ_REPORT_H
#define RXPLORE_QUIZ_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "quiz.h"

/* The items of session that are mistakes, in the order asked: their indices
 * into session->items go to out[] (room for session->count).  Returns how
 * many. */
size_t quiz_report_mistakes(const struct quiz_session *session, size_t *out);

enum quiz_report_kind {
	QUIZ_REPORT_SCORE,	/* the headline: "Exam over. Score: 3 of 4 (75%). Unanswered: 1." */
	QUIZ_REPORT_HEADING,	/* "By topic", "Mistakes" */
	QUIZ_REPORT_TOPIC,	/* "Baclofen: 1 of 2" (good: all right) */
	QUIZ_REPORT_MISTAKE,	/* a mistake's first line: "1. Baclofen › Mechanism" */
	QUIZ_REPORT_QUESTION,	/* the question as asked */
	QUIZ_REPORT_YOURS,	/* "Your answer: b) GABA-A" or "Your answer: I don't know" */
	QUIZ_REPORT_RIGHT,	/* "Right answer: a) GABA-B" ("Right answers: …" for several) */
	QUIZ_REPORT_EXPLAIN,	/* the question's explanation */
	QUIZ_REPORT_NOTE,	/* "No mistakes." (good) */
	QUIZ_REPORT_BLANK
};

struct quiz_report_line {
	enum quiz_report_kind kind;
	const char *text;	/* unwrapped; valid during the call only */
	bool good;		/* TOPIC all right, NOTE "No mistakes." */
	long mistake;		/* lines of a mistake: its number from 0 (item: mistake_item), else -1 */
	const struct quiz_item *item;	/* lines of a mistake: its item, else NULL */
};

/* Calls each(line, ctx) for every line of the report on session, top to
 * bottom, stopping when it returns non-zero.  timed_out: the exam's time ran
 * out ("Time ran out." instead of "Exam over.").  utf8: "›" (else ">").
 * Returns 0, non-zero from each(), or -1 when out of memory. */
int quiz_report_render(const struct quiz_session *session, bool timed_out, bool utf8,
		       int (*each)(const struct quiz_report_line *line, void *ctx), void *ctx);

/* "b) X receptor" or "a) It is a drug; c) It is an agonist": the choices of
 * item at the display positions in the bit set, into buf.  Returns buf. */
const char *quiz_report_choices(const struct quiz_item *item, unsigned positions, char *buf, size_t size);

/* The verdict on an answered item, as both front-ends show it (without a
 * full stop): "✓ Correct", "✓ Counted as right (a typo)", "◐ Partly right:
 * 1 of 2", "✗ Wrong", "✗ Not known" ("+", "~", "x" without utf8).  *good:
 * wholly right.  Into buf; returns buf. */
const char *quiz_report_verdict(const struct quiz_item *item, bool utf8, bool *good, char *buf, size_t size);

/* What the learner answered, as the report and feedback show it: the
 * choices picked ("b) GABA-A"), the text typed, or "I don't know". */
const char *quiz_report_given(const struct quiz_item *item, char *buf, size_t size);

/* The right answer as shown: the right choices (*several: more than one), or
 * a typed question's answer with the other wordings accepted. */
const char *quiz_report_expected(const struct quiz_item *item, bool *several, char *buf, size_t size);

/* The display positions (bit set) of item's right choices, and of the
 * choices the learner picked. */
unsigned quiz_report_right(const struct quiz_item *item);
unsigned quiz_report_chosen(const struct quiz_item *item);

#endif
