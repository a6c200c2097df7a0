/* cli_quiz_order — orderings and matchings in line mode (quiz_order.h has
 * the rules): their rows under the question, the answer read from a line
 * (an unreadable one is explained and asked again), and the marked right
 * order or pairs in the feedback.  Private to src/cli/. */
#ifndef RXPLORE_CLI_QUIZ_ORDER_H
#define RXPLORE_CLI_QUIZ_ORDER_H

#include <stdbool.h>
#include <stdio.h>

#include "quiz.h"

/* "label text" wrapped to width, continuation lines under the text. */
void cli_quiz_labelled(FILE *out, int width, const char *label, const char *text);

/* The numbered (and, for a matching, lettered) rows of item. */
void cli_quiz_arranged_rows(FILE *out, int width, const struct quiz_item *item);

/* Answers the current item, an ordering or matching, with line (x or ?: I
 * don't know).  Returns the outcome, or -1 after saying why the answer
 * cannot be read: the caller asks again. */
int cli_quiz_answer_arranged(FILE *out, int width, struct quiz_session *session, const char *line, long ms);

/* The right order or pairs of an answered item, each marked. */
void cli_quiz_arranged_feedback(FILE *out, int width, bool utf8, const struct quiz_item *item);

#endif
