/* cli_quiz_case — a case vignette in line mode (see include/quiz.h, "case
 * vignettes"): the stem before each part, so that it is always at hand
 * (a screen reader hears it again; a pipe reads it in the transcript), and
 * the case's verdict after its last part.  The parts are asked and read by
 * cli_quiz.c as questions of their own types. */
#include "cli_quiz_case.h"

#include "plain.h"

void cli_quiz_case_head(FILE *out, int width, const struct quiz_item *kase)
{
	char heading[64];
	fputs("Case: ", out);
	plain_wrap(out, kase->question->ask, width > 8 ? width - 6 : width, 0, false);
	fprintf(out, "%s:\n", quiz_case_part_heading(kase, heading, sizeof heading));
}

void cli_quiz_case_verdict(FILE *out, const struct quiz_item *kase, bool utf8)
{
	char verdict[128];
	bool good;
	fprintf(out, "%s.\n", quiz_case_verdict(kase, utf8, &good, verdict, sizeof verdict));
}
