/* Unit tests for quiz_report: what counts as a mistake and what as
 * unanswered (a session built by hand with every outcome), and the report's
 * lines for an exam, a practice session and a time-out, whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quiz_report.h"

static const struct card baclofen = { .id = "baclofen", .title = "Baclofen" };
static const struct card diazepam = { .id = "diazepam", .title = "Diazepam" };
#define TARGET_CHOICES { "GABA-B", "GABA-A", "NMDA" }
#define ALL_CHOICES { "Sedation", "Weakness", "Nothing" }
#define TF_CHOICES { "True", "False" }

static const struct quiz_question questions[] = {
	{ .card = &baclofen, .ask = "Which receptor?", .choices = TARGET_CHOICES, .nchoices = 3,
	  .correct = { true, false, false }, .explain = "It is a GABA-B agonist.", .see = SECTION_MECHANISM },
	{ .card = &baclofen, .ask = "Side effects?", .choices = ALL_CHOICES, .nchoices = 3,
	  .correct = { true, true, false }, .see = -1, .type = QUESTION_MULTI },
	{ .card = &diazepam, .ask = "A benzodiazepine?", .choices = TF_CHOICES, .nchoices = 2,
	  .correct = { true, false }, .see = -1, .type = QUESTION_TRUE_FALSE },
	{ .card = &diazepam, .ask = "Never reached?", .choices = TF_CHOICES, .nchoices = 2,
	  .correct = { true, false }, .see = -1, .type = QUESTION_TRUE_FALSE },
};

/* Wrong (chose GABA-A, shown as a), right, don't know, never answered, and
 * a practice re-ask of the first answered right. */
static void build(struct quiz_session *session, struct quiz_item items[5], enum quiz_mode mode)
{
	memset(items, 0, 5 * sizeof *items);
	items[0] = (struct quiz_item){ .question = &questions[0], .order = { 1, 0, 2 }, .outcome = QUIZ_WRONG,
				       .chosen = 1u << 1 };
	items[1] = (struct quiz_item){ .question = &questions[1], .order = { 0, 1, 2 }, .outcome = QUIZ_CORRECT,
				       .chosen = 3u };
	items[2] = (struct quiz_item){ .question = &questions[2], .order = { 0, 1 }, .outcome = QUIZ_DONT_KNOW };
	items[3] = (struct quiz_item){ .question = &questions[3], .order = { 0, 1 }, .outcome = QUIZ_UNANSWERED };
	items[4] = (struct quiz_item){ .question = &questions[0], .order = { 0, 1, 2 }, .outcome = QUIZ_CORRECT,
				       .chosen = 1u, .reask = true };
	memset(session, 0, sizeof *session);
	session->settings.mode = mode;
	session->items = items;
	session->count = 5;
}

static int collect(const struct quiz_report_line *line, void *ctx)
{
	static const char *const kinds[] = { "SCORE", "HEADING", "TOPIC", "MISTAKE", "QUESTION",
					     "YOURS", "RIGHT", "EXPLAIN", "NOTE", "BLANK" };
	char *out = ctx;
	size_t len = strlen(out);
	snprintf(out + len, 4096 - len, "%s%s%s|%s\n", kinds[line->kind], line->good ? "+" : "",
		 line->mistake >= 0 ? "#" : "", line->text);
	return 0;
}

static void test_mistakes_are_not_unanswered(void **state)
{
	(void)state;
	struct quiz_session session;
	struct quiz_item items[5];
	size_t out[5];
	build(&session, items, QUIZ_EXAM);
	assert_int_equal(quiz_report_mistakes(&session, out), 2);
	assert_int_equal(out[0], 0);	/* wrong */
	assert_int_equal(out[1], 2);	/* not known; the unanswered item 3 is not a mistake */
	items[0].reask = true;		/* a re-ask never counts */
	assert_int_equal(quiz_report_mistakes(&session, out), 1);
}

static void test_exam_report(void **state)
{
	(void)state;
	struct quiz_session session;
	struct quiz_item items[5];
	char text[4096] = "";
	build(&session, items, QUIZ_EXAM);
	assert_int_equal(quiz_report_render(&session, false, true, collect, text), 0);
	assert_string_equal(text, "SCORE|Exam over. Score: 1 of 4 (25%). Unanswered: 1.\n"
				  "BLANK|\n"
				  "HEADING|By topic\n"
				  "TOPIC|Baclofen: 1 of 2\n"
				  "TOPIC|Diazepam: 0 of 2\n"
				  "BLANK|\n"
				  "HEADING|Mistakes\n"
				  "MISTAKE#|1. Baclofen \xE2\x80\xBA Mechanism\n"
				  "QUESTION#|Which receptor?\n"
				  "YOURS#|Your answer: a) GABA-A\n"
				  "RIGHT#|Right answer: b) GABA-B\n"
				  "EXPLAIN#|It is a GABA-B agonist.\n"
				  "BLANK#|\n"
				  "MISTAKE#|2. Diazepam \xE2\x80\xBA Summary\n"
				  "QUESTION#|A benzodiazepine?\n"
				  "YOURS#|Your answer: I don't know\n"
				  "RIGHT#|Right answer: a) True\n"
				  "BLANK#|\n");
}

static void test_time_out_and_no_mistakes(void **state)
{
	(void)state;
	struct quiz_session session;
	struct quiz_item items[5];
	char text[4096] = "";
	build(&session, items, QUIZ_EXAM);
	session.count = 2;	/* the wrong answer was a re-ask... */
	items[0].reask = true;	/* ...so only the right one counts */
	assert_int_equal(quiz_report_render(&session, true, false, collect, text), 0);
	assert_string_equal(text, "SCORE|Time ran out. Score: 1 of 1 (100%).\n"
				  "BLANK|\n"
				  "HEADING|By topic\n"
				  "TOPIC+|Baclofen: 1 of 1\n"
				  "BLANK|\n"
				  "NOTE+|No mistakes.\n");
	/* Nothing answered at all: no "No mistakes." either. */
	text[0] = '\0';
	session.items = &items[3];
	session.count = 1;
	assert_int_equal(quiz_report_render(&session, true, false, collect, text), 0);
	assert_null(strstr(text, "No mistakes"));
	assert_non_null(strstr(text, "Score: 0 of 1 (0%). Unanswered: 1."));
}

static void test_practice_report(void **state)
{
	(void)state;
	struct quiz_session session;
	struct quiz_item items[5];
	char text[4096] = "";
	build(&session, items, QUIZ_PRACTICE);
	assert_int_equal(quiz_report_render(&session, false, true, collect, text), 0);
	assert_string_equal(text, "SCORE|Session over: 3 of 4 answered, 1 right the first time.\n");
}

static int stop_at_second(const struct quiz_report_line *line, void *ctx)
{
	(void)line;
	return ++*(int *)ctx == 2 ? 9 : 0;
}

static void test_stops_when_asked(void **state)
{
	(void)state;
	struct quiz_session session;
	struct quiz_item items[5];
	int seen = 0;
	build(&session, items, QUIZ_EXAM);
	assert_int_equal(quiz_report_render(&session, false, true, stop_at_second, &seen), 9);
	assert_int_equal(seen, 2);
}

static void test_choices_text(void **state)
{
	(void)state;
	struct quiz_session session;
	struct quiz_item items[5];
	char buf[64];
	build(&session, items, QUIZ_EXAM);
	assert_int_equal(quiz_report_right(&items[1]), 3u);
	assert_string_equal(quiz_report_choices(&items[1], 3u, buf, sizeof buf), "a) Sedation; b) Weakness");
	assert_int_equal(quiz_report_chosen(&items[0]), 1u);	/* choice 1 is shown at a) */
	assert_string_equal(quiz_report_choices(&items[1], 0, buf, sizeof buf), "");
	/* Cut to the buffer, never past it. */
	assert_string_equal(quiz_report_choices(&items[1], 3u, buf, 8), "a) Seda");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mistakes_are_not_unanswered),
		cmocka_unit_test(test_exam_report),
		cmocka_unit_test(test_time_out_and_no_mistakes),
		cmocka_unit_test(test_practice_report),
		cmocka_unit_test(test_stops_when_asked),
		cmocka_unit_test(test_choices_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
