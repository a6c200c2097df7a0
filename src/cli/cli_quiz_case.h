/* cli_quiz_case — a case vignette in line mode (cli_quiz.c asks its parts). */
#ifndef RXPLORE_CLI_QUIZ_CASE_H
#define RXPLORE_CLI_QUIZ_CASE_H

#include <stdbool.h>
#include <stdio.h>

#include "quiz.h"

/* "Case: <the stem>" wrapped to width, then "Part 2 of 3:" before the part's
 * question. */
void cli_quiz_case_head(FILE *out, int width, const struct quiz_item *kase);

/* The verdict on a finished case: "◐ Case: 2 of 3 parts right." */
void cli_quiz_case_verdict(FILE *out, const struct quiz_item *kase, bool utf8);

#endif
