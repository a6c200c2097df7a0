/* cli_quiz_ask — asking one question of a line-mode quiz (cli_quiz.c runs
 * the session): the question and its choices printed, the reply read and
 * understood, typed answers gap by gap with "did you mean", and the feedback.
 * Private to src/cli/. */
#ifndef RXPLORE_CLI_QUIZ_ASK_H
#define RXPLORE_CLI_QUIZ_ASK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "confusions.h"
#include "quiz.h"

/* Where the questions go and the answers come from. */
struct asker {
	FILE *in, *out;
	int width;
	bool echo;	/* input is not a terminal: show what was read */
	bool utf8;	/* the locale's character set */
	const struct confusion_report *known;	/* the learner's leeches, or NULL */
};

/* REPLY_QUIT: the learner typed q; REPLY_STOP: nobody can answer any more
 * (a signal, output that cannot be written). */
enum reply { REPLY_ANSWER, REPLY_DONT_KNOW, REPLY_QUIT, REPLY_STOP, REPLY_EOF, REPLY_INVALID };

/* Before a question missed often (not in an exam): the core's offer to
 * read or compare first, with the command that does it. */
void asker_offer_leech(const struct asker *a, const struct quiz_session *session, const struct quiz_item *item);

/* The question of item (a case: its stem and the part asked), its choices
 * or rows, and how to answer it. */
void asker_ask(const struct asker *a, const struct quiz_session *session, const struct quiz_item *item);

/* How to answer a question of this type, one line. */
void asker_hint(const struct asker *a, enum question_type type);

/* One line (without its line end) after a "> " prompt: REPLY_ANSWER, or
 * REPLY_EOF or REPLY_STOP when nothing more can be read or shown. */
enum reply asker_read_line(const struct asker *a, char *line, size_t size);

/* One answer line: into a bit set of display positions for a choice
 * question, as text (line) for a typed one. */
enum reply asker_read_reply(const struct asker *a, const struct quiz_item *item, unsigned *positions, char *line,
			    size_t size);

/* Answers a typed or cloze question: line answers the first part, the
 * other gaps are read one by one, each typo asked about.  Sets *outcome (-1
 * when not answered); returns how the reading went. */
enum reply asker_answer_parts(const struct asker *a, struct quiz_session *session, const char *line, long ms,
			      int *outcome);

/* The verdict on the answered item, the right answers when missed, the
 * explanation and when the question comes back. */
void asker_feedback(const struct asker *a, const struct quiz_session *session, const struct quiz_item *item);

#endif
