/* Unit tests for case vignettes (type: case, issue 17): the card rules, each
 * with a located error and bad input; a good case with its parts and their
 * ids; a case in a session (parts in turn, one grade from the credit, the
 * exam's fraction, undo inside a case, the report naming the part). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "quiz.h"
#include "quiz_report.h"

struct fixture {
	struct library lib;
	struct diag_list diags;
	size_t pack;
	struct quiz_bank *bank;		/* the session tests' */
	struct quiz_session *session;
};

/* Appends a report line to the text at ctx. */
static int collect(const struct quiz_report_line *line, void *ctx)
{
	char *text = ctx;
	size_t used = strlen(text);
	snprintf(text + used, 4096 - used, "%s\n", line->text);
	return 0;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	library_init(&f->lib);
	diag_list_init(&f->diags);
	struct pack_info pack = { .name = "test", .format = 1, .dir = "mem" };
	f->pack = library_add_pack(&f->lib, &pack);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	library_release(&f->lib);
	diag_list_release(&f->diags);
	free(f);
	return 0;
}

static int load(struct fixture *f, const char *text)
{
	diag_list_release(&f->diags);
	return loader_load_card_buffer(&f->lib, f->pack, "t.yaml", text, strlen(text), &f->diags);
}

/* Whether some diagnostic formats to a string containing want (printing
 * them all when none does). */
static bool has_diag(const struct fixture *f, const char *want)
{
	char buf[1024];
	for (size_t i = 0; i < f->diags.count; i++) {
		diag_format(&f->diags.items[i], buf, sizeof buf);
		if (strstr(buf, want))
			return true;
	}
	for (size_t i = 0; i < f->diags.count; i++) {
		diag_format(&f->diags.items[i], buf, sizeof buf);
		print_message("  have: %s\n", buf);
	}
	return false;
}

#define HEAD "id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n  - id: a-case\n    type: case\n"
#define STEM "    stem: A patient.\n"
#define PART_TF "      - ask: It is so.\n        answer: true\n"
#define PART_TYPED "      - type: typed\n        ask: Name it.\n        answer: naloxone\n"

/* Every rule of a case has a located error, and the card is rejected. */
static void every_case_rule_has_a_located_error(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ HEAD STEM, "t.yaml:6:5: error: a case needs at least 2 questions (parts:)" },
		{ HEAD STEM "    parts: []\n", "t.yaml:9:12: error: a case needs at least 2 questions (parts:), not 0" },
		{ HEAD STEM "    parts:\n" PART_TF, "t.yaml:10:7: error: a case needs at least 2 questions (parts:), not 1" },
		{ HEAD STEM "    parts:\n" PART_TF PART_TF PART_TF PART_TF PART_TF,
		  "t.yaml:10:7: error: a case takes at most 4 questions (parts:), not 5" },
		{ HEAD STEM "    parts: a question\n", "t.yaml:9:12: error: 'parts' must be a list" },
		{ HEAD "    parts:\n" PART_TF PART_TF, "t.yaml:6:5: error: a case needs 'stem'" },
		{ HEAD "    stem: \"\"\n    parts:\n" PART_TF PART_TF, "t.yaml:8:11: error: 'stem' is empty" },
		{ HEAD STEM "    ask: Why?\n    parts:\n" PART_TF PART_TF,
		  "t.yaml:9:10: error: a case has no 'ask': its text is 'stem' and its questions are 'parts'" },
		{ HEAD STEM "    explain: Because.\n    parts:\n" PART_TF PART_TF,
		  "t.yaml:9:14: error: a case has no 'explain': each of its parts has its own" },
		/* A part with an id, a part that is a case, an error inside a part at the part's own line. */
		{ HEAD STEM "    parts:\n" PART_TF "      - id: a-part\n        ask: It is so.\n        answer: true\n",
		  "t.yaml:12:13: error: a part of a case has no 'id': it is known by the case's id and its number (/2)" },
		{ HEAD STEM "    parts:\n" PART_TF "      - type: case\n        stem: Another.\n",
		  "t.yaml:12:15: error: a part of a case cannot be a case" },
		{ HEAD STEM "    parts:\n" PART_TF "      - ask: Which?\n        choices: [x]\n        answer: x\n",
		  "t.yaml:13:18: error: a question needs 2 to 6 choices, not 1" },
		{ HEAD STEM "    parts:\n" PART_TF "      - type: typed\n        ask: Name it.\n        answer: \" \"\n",
		  "t.yaml:14:17: error: a typed question's answer is empty" },
		{ HEAD STEM "    parts:\n" PART_TF "      - ask: Which?\n", "t.yaml:12:9: error: a question needs 'answer'" },
		{ HEAD STEM "    parts:\n" PART_TF "      - just text\n", "t.yaml:12:9: error: 'quiz item' must be a mapping" },
		/* A case's keys on another question. */
		{ "id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n  - ask: q\n    answer: true\n    stem: A patient.\n",
		  "t.yaml:8:11: error: 'stem' goes with 'type: case'" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(load(f, cases[i].text), 0);
		if (!has_diag(f, cases[i].want))
			fail_msg("case %zu: no '%s'", i, cases[i].want);
	}
	assert_null(library_find(&f->lib, "a"));
}

/* A good case keeps its stem as its ask and its parts in order, each read
 * as the question it is, named CASE/N, with no warning about ids. */
static void a_good_case_keeps_its_parts(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load(f, "id: g\ntitle: G\nkind: drug\nsummary: x\nquiz:\n  - id: g-case\n    type: case\n"
				 "    stem: >-\n      A patient\n      is drowsy.\n    parts:\n"
				 "      - ask: Which?\n        choices: [x, y, z]\n        answer: y\n        explain: Y.\n"
				 PART_TYPED "        accept: [narcan]\n"
				 "      - type: cloze\n        cloze: It opens {{chloride}} channels.\n"),
			 1);
	assert_int_equal(f->diags.errors, 0);
	assert_int_equal(f->diags.warnings, 0);
	const struct card *g = library_find(&f->lib, "g");
	assert_non_null(g);
	assert_int_equal(g->nquiz, 1);
	const struct card_question *q = &g->quiz[0];
	assert_int_equal(q->type, QUESTION_CASE);
	assert_string_equal(q->ask, "A patient is drowsy.");
	assert_int_equal(q->nchoices, 0);
	assert_int_equal(q->nparts, 3);
	assert_int_equal(q->parts[0].type, QUESTION_SINGLE);
	assert_string_equal(q->parts[0].id, "g-case/1");
	assert_false(q->parts[0].id_authored);
	assert_true(q->parts[0].correct[1]);
	assert_string_equal(q->parts[0].explain, "Y.");
	assert_int_equal(q->parts[0].line, 12);
	assert_int_equal(q->parts[1].type, QUESTION_TYPED);
	assert_string_equal(q->parts[1].id, "g-case/2");
	assert_int_equal(q->parts[1].nchoices, 2);
	assert_int_equal(q->parts[2].type, QUESTION_CLOZE);
	assert_string_equal(q->parts[2].ask, "It opens [gap 1] channels.");
	assert_null(q->parts[2].parts);
}


/* A case of three parts: single choice (y), typed (naloxone), cloze of two
 * gaps (chloride, kidneys). */
static const char case_card[] =
	"id: g\ntitle: G\nkind: drug\nsummary: x\nquiz:\n  - id: g-case\n    type: case\n"
	"    stem: A patient is drowsy.\n    parts:\n"
	"      - ask: Which?\n        choices: [x, y, z]\n        answer: y\n        explain: Y.\n"
	PART_TYPED "        explain: Naloxone.\n"
	"      - type: cloze\n        cloze: It opens {{chloride}} channels and leaves by the {{kidneys}}.\n";

static void start(void **state, enum quiz_mode mode)
{
	struct fixture *f = *state;
	assert_int_equal(load(f, case_card), 1);
	library_resolve(&f->lib, &f->diags);
	struct quiz_bank *bank = calloc(1, sizeof *bank);
	struct quiz_session *s = calloc(1, sizeof *s);
	assert_non_null(bank);
	assert_non_null(s);
	assert_int_equal(quiz_bank_build(bank, &f->lib), 0);
	struct quiz_settings settings = { .mode = mode, .seed = 7, .types = 1u << QUESTION_CASE };
	assert_int_equal(quiz_session_start(s, bank, NULL, &settings), 0);
	assert_int_equal(s->count, 1);
	f->bank = bank;
	f->session = s;
}

/* The display position of choice text in item. */
static unsigned position_of(const struct quiz_item *item, const char *text)
{
	for (size_t pos = 0; pos < item->question->nchoices; pos++)
		if (strcmp(quiz_item_choice(item, pos), text) == 0)
			return 1u << pos;
	fail_msg("no choice '%s'", text);
	return 0;
}

/* Answers the open case's parts: the choice, the typed answer, the two gaps. */
static void answer_case(struct quiz_session *s, const char *choice, const char *typed, const char *gap1,
			const char *gap2, const int want[3])
{
	struct quiz_item *part = quiz_session_answering(s);
	assert_ptr_equal(part, &quiz_session_current(s)->case_parts[0]);
	assert_int_equal(part->question->type, QUESTION_SINGLE);
	assert_string_equal(part->question->id, "g-case/1");
	int rc = choice ? quiz_session_answer(s, position_of(part, choice), false, 10) : quiz_session_answer(s, 0, true, 10);
	assert_int_equal(rc, want[0]);
	assert_false(quiz_case_finished(quiz_session_current(s)));
	assert_int_equal(quiz_session_current(s)->outcome, QUIZ_UNANSWERED);	/* not graded yet */
	assert_int_equal(quiz_session_next(s), 0);
	part = quiz_session_answering(s);
	assert_int_equal(part->question->type, QUESTION_TYPED);
	const char *one[] = { typed };
	assert_int_equal(quiz_session_answer_parts(s, one, NULL, 1, 20), want[1]);
	assert_int_equal(quiz_session_next(s), 0);
	part = quiz_session_answering(s);
	assert_int_equal(part->question->type, QUESTION_CLOZE);
	const char *two[] = { gap1, gap2 };
	assert_int_equal(quiz_session_answer_parts(s, two, NULL, 2, 30), want[2]);
	assert_true(quiz_case_finished(quiz_session_current(s)));
}

static void a_case_is_graded_from_its_parts(void **state)
{
	struct fixture *f = *state;
	/* All right: Good, one point. */
	start(state, QUIZ_PRACTICE);
	struct quiz_session *s = f->session;
	static const int all_right[] = { QUIZ_CORRECT, QUIZ_CORRECT, QUIZ_CORRECT };
	answer_case(s, "y", "Naloxone", "chloride", "kidneys", all_right);
	struct quiz_item *kase = quiz_session_current(s);
	assert_int_equal(kase->outcome, QUIZ_CORRECT);
	assert_int_equal(kase->grade, FSRS_GOOD);
	assert_int_equal(kase->parts, 3);
	assert_int_equal(kase->parts_right, 3);
	assert_int_equal(kase->answer_ms, 60);
	assert_int_equal(quiz_session_next(s), 0);
	assert_true(quiz_session_done(s));	/* wholly right: no re-ask */

	/* Undo reopens the last part; the others keep their answers. */
	assert_int_equal(quiz_session_undo(s), 0);
	kase = quiz_session_current(s);
	assert_int_equal(kase->outcome, QUIZ_UNANSWERED);
	assert_int_equal(kase->case_part, 2);
	assert_int_equal(kase->case_parts[0].outcome, QUIZ_CORRECT);
	assert_int_equal(quiz_session_answering(s)->outcome, QUIZ_UNANSWERED);
	/* Undo inside the case takes back one part at a time. */
	assert_int_equal(quiz_session_undo(s), 0);
	assert_int_equal(kase->case_part, 1);
	assert_int_equal(kase->case_parts[1].outcome, QUIZ_UNANSWERED);
	assert_int_equal(quiz_session_undo(s), 0);
	assert_int_equal(kase->case_part, 0);
	assert_int_equal(kase->case_parts[0].outcome, QUIZ_UNANSWERED);
	assert_int_equal(quiz_session_undo(s), -1);
	assert_int_equal(quiz_session_next(s), -1);	/* a part unanswered: no moving on */

	/* Two parts of three right (the cloze half right counts as wrong): Hard, re-asked in practice. */
	static const int two_right[] = { QUIZ_CORRECT, QUIZ_CORRECT, QUIZ_WRONG };
	answer_case(s, "y", "naloxone", "chloride", "liver", two_right);
	assert_int_equal(kase->case_parts[2].parts_right, 1);
	kase = quiz_session_current(s);
	assert_int_equal(kase->outcome, QUIZ_WRONG);
	assert_int_equal(kase->parts_right, 2);
	assert_int_equal(kase->grade, FSRS_HARD);
	assert_int_equal(s->count, 2);
	assert_non_null(s->items[1].case_parts);	/* the re-ask has parts of its own */
	assert_ptr_not_equal(s->items[1].case_parts, kase->case_parts);
	assert_int_equal(quiz_session_next(s), 0);

	/* The re-ask: one right (Again), then none known. */
	static const int one_right[] = { QUIZ_WRONG, QUIZ_CORRECT, QUIZ_WRONG };
	answer_case(s, "x", "naloxone", "x", "liver", one_right);
	assert_int_equal(quiz_session_current(s)->grade, FSRS_AGAIN);
	assert_int_equal(quiz_session_current(s)->outcome, QUIZ_WRONG);
	quiz_session_release(s);
	quiz_bank_release(f->bank);
	free(s);
	free(f->bank);
}

static void not_known_and_the_exam_fraction(void **state)
{
	struct fixture *f = *state;
	start(state, QUIZ_EXAM);
	struct quiz_session *s = f->session;
	static const int wrong_known[] = { QUIZ_CORRECT, QUIZ_WRONG, QUIZ_WRONG };
	answer_case(s, "y", "flumazenil", "sodium", "liver", wrong_known);
	assert_int_equal(quiz_session_current(s)->outcome, QUIZ_WRONG);
	struct quiz_summary sum;
	assert_int_equal(quiz_session_summary(s, &sum), 0);
	assert_true(sum.points > 0.33 && sum.points < 0.34);	/* one part of three */
	assert_int_equal(sum.correct, 0);
	quiz_summary_release(&sum);

	/* The exam's mistakes name the stem and each part missed by its id. */
	char text[4096] = "";
	assert_int_equal(quiz_report_render(s, false, true, collect, text), 0);
	assert_non_null(strstr(text, "Score: 0.3 of 1 (33%)."));
	assert_non_null(strstr(text, "A patient is drowsy."));
	assert_non_null(strstr(text, "Part 2 of 3 (g-case/2): Name it."));
	assert_non_null(strstr(text, "Your answer: flumazenil"));
	assert_non_null(strstr(text, "Right answer: naloxone"));
	assert_non_null(strstr(text, "Naloxone."));
	assert_non_null(strstr(text, "Part 3 of 3 (g-case/3)"));
	assert_null(strstr(text, "Part 1 of 3"));	/* right: not a mistake */
	quiz_session_release(s);
	quiz_bank_release(f->bank);
	free(s);
	free(f->bank);

	/* Every part "I don't know": the case is not known. */
	teardown(state);
	setup(state);
	f = *state;
	start(state, QUIZ_EXAM);
	s = f->session;
	static const int none[] = { QUIZ_DONT_KNOW, QUIZ_DONT_KNOW, QUIZ_DONT_KNOW };
	answer_case(s, NULL, "x", "", "?", none);
	assert_int_equal(quiz_session_current(s)->outcome, QUIZ_DONT_KNOW);
	assert_int_equal(quiz_session_current(s)->grade, FSRS_AGAIN);
	quiz_session_release(s);
	quiz_bank_release(f->bank);
	free(s);
	free(f->bank);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_case_rule_has_a_located_error, setup, teardown),
		cmocka_unit_test_setup_teardown(a_good_case_keeps_its_parts, setup, teardown),
		cmocka_unit_test_setup_teardown(a_case_is_graded_from_its_parts, setup, teardown),
		cmocka_unit_test_setup_teardown(not_known_and_the_exam_fraction, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
