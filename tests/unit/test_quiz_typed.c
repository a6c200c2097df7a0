/* Unit tests for typed answers (quiz_typed) and the grading model: matching
 * through the folding rules, the one-typo rule and its exceptions, fairness
 * of generated typed questions, the credit-to-grade mapping, and typed
 * answers in a session (right, wrong, a typo confirmed or not). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "quiz.h"
#include "quiz_report.h"
#include "quiz_typed.h"

static const char *const gaba_b[] = { "GABA-B receptor", "GABA type B" };
static const struct card some_card = { .id = "c", .title = "Somedrug" };

static struct quiz_question typed_question(const char *const *answers, size_t n)
{
	struct quiz_question q = { .id = "c-t", .card = &some_card, .type = QUESTION_TYPED, .ask = "Which?", .see = -1 };
	for (size_t i = 0; i < n; i++) {
		q.choices[i] = answers[i];
		q.correct[i] = true;
	}
	q.nchoices = n;
	return q;
}

static void folding_forgives_what_it_should(void **state)
{
	(void)state;
	struct quiz_question q = typed_question(gaba_b, 2);
	static const char *const right[] = { "gaba b", "GABA-B", "gabab", "GABA B receptor", "  gaba-b receptors ",
					     "GABA–B", "gaba type b" };
	for (size_t i = 0; i < sizeof right / sizeof *right; i++)
		if (quiz_typed_check(&q, right[i], NULL) != TYPED_RIGHT)
			fail_msg("'%s' should be right", right[i]);
	size_t which = 9;
	assert_int_equal(quiz_typed_check(&q, "GABA TYPE B", &which), TYPED_RIGHT);
	assert_int_equal(which, 1);

	static const char *const ion[] = { "K⁺ efflux" };
	struct quiz_question k = typed_question(ion, 1);
	assert_int_equal(quiz_typed_check(&k, "k+ efflux", NULL), TYPED_RIGHT);
	static const char *const greek[] = { "α2-adrenergic receptor" };
	struct quiz_question a = typed_question(greek, 1);
	assert_int_equal(quiz_typed_check(&a, "alpha2 adrenergic", NULL), TYPED_RIGHT);
	assert_int_equal(quiz_typed_check(&a, "alpha-2-adrenergic receptor", NULL), TYPED_RIGHT);
}

static void wrong_answers_stay_wrong(void **state)
{
	(void)state;
	struct quiz_question q = typed_question(gaba_b, 2);
	static const char *const wrong[] = { "gaba a", "GABA-A receptor", "gaba", "receptor", "", "   ", "b",
					     "GABA-B receptor agonist site" };
	for (size_t i = 0; i < sizeof wrong / sizeof *wrong; i++)
		if (quiz_typed_check(&q, wrong[i], NULL) != TYPED_WRONG)
			fail_msg("'%s' should be wrong", wrong[i]);
	/* A choice question is never checked as typed. */
	struct quiz_question choice = q;
	choice.type = QUESTION_SINGLE;
	assert_int_equal(quiz_typed_check(&choice, "gaba b", NULL), TYPED_WRONG);
}

static void one_small_typo_is_asked_about(void **state)
{
	(void)state;
	static const char *const names[] = { "Flumazenil", "Ryanodine receptor" };
	struct quiz_question q = typed_question(names, 2);
	size_t which = 9;
	assert_int_equal(quiz_typed_check(&q, "flumazenl", &which), TYPED_TYPO);	/* a letter dropped */
	assert_int_equal(which, 0);
	assert_int_equal(quiz_typed_check(&q, "flumazenill", NULL), TYPED_TYPO);	/* one added */
	assert_int_equal(quiz_typed_check(&q, "flumazanil", NULL), TYPED_TYPO);	/* one changed */
	assert_int_equal(quiz_typed_check(&q, "flumaznieil", NULL), TYPED_WRONG);	/* two edits */
	assert_int_equal(quiz_typed_check(&q, "flumazneil", NULL), TYPED_TYPO);	/* two swapped */
	assert_int_equal(quiz_typed_check(&q, "ryanodin receptor", &which), TYPED_TYPO);
	assert_int_equal(which, 1);
	assert_int_equal(quiz_typed_check(&q, "ryanodine recepter", NULL), TYPED_TYPO);	/* in the optional word */
	assert_int_equal(quiz_typed_check(&q, "ryanodin recepter", NULL), TYPED_WRONG);	/* a typo in each word */

	/* The differences that are the point of a question are never typos. */
	struct quiz_question g = typed_question(gaba_b, 1);
	assert_int_equal(quiz_typed_check(&g, "gaba a", NULL), TYPED_WRONG);
	static const char *const alpha[] = { "α2 receptor" };
	struct quiz_question a = typed_question(alpha, 1);
	assert_int_equal(quiz_typed_check(&a, "alpha1", NULL), TYPED_WRONG);
	static const char *const short_name[] = { "Fos" };
	struct quiz_question s = typed_question(short_name, 1);
	assert_int_equal(quiz_typed_check(&s, "Fox", NULL), TYPED_WRONG);
}

static void dont_know_and_wording(void **state)
{
	(void)state;
	assert_true(quiz_typed_dont_know("x"));
	assert_true(quiz_typed_dont_know(" X "));
	assert_true(quiz_typed_dont_know("?"));
	assert_false(quiz_typed_dont_know("xx"));
	assert_false(quiz_typed_dont_know(""));
	char buf[128];
	assert_string_equal(quiz_typed_confirm("Flumazenil", false, buf, sizeof buf),
			    "Did you mean \"Flumazenil\"? Count it as right? (y/n)");
	struct quiz_question q = typed_question(gaba_b, 2);
	assert_string_equal(quiz_typed_answers(&q, buf, sizeof buf), "GABA-B receptor (also accepted: GABA type B)");
	struct quiz_question one = typed_question(gaba_b, 1);
	assert_string_equal(quiz_typed_answers(&one, buf, sizeof buf), "GABA-B receptor");
	assert_string_equal(quiz_typed_answers(&q, buf, 8), "GABA-B ");
}

static void only_short_names_are_fair_to_type(void **state)
{
	(void)state;
	assert_true(quiz_typed_fair("GABA-B receptor", "Baclofen"));
	assert_true(quiz_typed_fair("Histamine H1 receptor", "Hydroxyzine"));
	assert_false(quiz_typed_fair("GABA-A receptor (benzodiazepine site)", "Diazepam"));	/* an aside */
	assert_false(quiz_typed_fair("GABA-B receptor; also α2δ", "Phenibut"));		/* a list */
	assert_false(quiz_typed_fair("Orexin OX1 and OX2 receptors", "Suvorexant"));	/* too many words */
	assert_false(quiz_typed_fair("A very long name that goes on and on", "X"));
	assert_false(quiz_typed_fair("Selective agonist — K⁺ channels open", "X"));
	assert_false(quiz_typed_fair("GABA-B receptor", "GABA-B receptor agonists"));	/* named in the title */
	assert_false(quiz_typed_fair("  ", "X"));
	assert_false(quiz_typed_fair(NULL, "X"));
}

static void credit_maps_to_one_grade(void **state)
{
	(void)state;
	assert_int_equal(quiz_grade_for_parts(1, 1), FSRS_GOOD);
	assert_int_equal(quiz_grade_for_parts(0, 1), FSRS_AGAIN);
	assert_int_equal(quiz_grade_for_parts(4, 4), FSRS_GOOD);
	assert_int_equal(quiz_grade_for_parts(3, 4), FSRS_HARD);
	assert_int_equal(quiz_grade_for_parts(2, 3), FSRS_HARD);
	assert_int_equal(quiz_grade_for_parts(1, 2), FSRS_AGAIN);
	assert_int_equal(quiz_grade_for_parts(0, 0), FSRS_AGAIN);
}

/* --- in a session ------------------------------------------------------------ */

struct fixture {
	struct library lib;
	struct quiz_bank bank;
};

static struct card *add_card(struct library *lib, const char *id, const char *title, const char *receptor)
{
	struct card *card = arena_alloc(&lib->arena, sizeof *card);
	assert_non_null(card);
	memset(card, 0, sizeof *card);
	card->id = arena_strdup(&lib->arena, id);
	card->title = arena_strdup(&lib->arena, title);
	card->kind = CARD_DRUG;
	card->facts = arena_array(&lib->arena, 1, sizeof *card->facts);
	card->facts[0] = (struct card_fact){ "receptor", arena_strdup(&lib->arena, receptor) };
	card->nfacts = 1;
	assert_int_equal(library_add_card(lib, card), 0);
	return card;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	library_init(&f->lib);
	struct vocab_entry entry = { "receptor", "Receptor target", "What is the target of {title}?", true };
	assert_int_equal(library_add_vocab(&f->lib, &entry), 0);
	add_card(&f->lib, "baclo", "Baclo", "GABA-B receptor");
	add_card(&f->lib, "mixo", "Mixo", "Several sites (alpha and beta)");
	add_card(&f->lib, "hista", "Hista", "Histamine H1 receptor");
	assert_int_equal(quiz_bank_build(&f->bank, &f->lib), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	quiz_bank_release(&f->bank);
	library_release(&f->lib);
	free(f);
	return 0;
}

static void generated_typed_questions_follow_the_rules(void **state)
{
	struct fixture *f = *state;
	const struct quiz_question *q = quiz_bank_find(&f->bank, "baclo:fact:receptor:typed");
	assert_non_null(q);
	assert_int_equal(q->type, QUESTION_TYPED);
	assert_true(q->generated);
	assert_string_equal(q->ask, "What is the target of Baclo?");
	assert_int_equal(q->nchoices, 1);
	assert_string_equal(q->choices[0], "GABA-B receptor");
	assert_non_null(quiz_bank_find(&f->bank, "hista:fact:receptor:typed"));
	assert_null(quiz_bank_find(&f->bank, "mixo:fact:receptor:typed"));	/* not a short name */
	/* Its choice twin is there too (two distractors exist). */
	assert_non_null(quiz_bank_find(&f->bank, "baclo:fact:receptor"));
}

static void start_typed(struct fixture *f, struct quiz_session *s, enum quiz_mode mode)
{
	struct quiz_settings settings = { .mode = mode, .seed = 7, .types = 1u << QUESTION_TYPED };
	assert_int_equal(quiz_session_start(s, &f->bank, NULL, &settings), 0);
	assert_int_equal(s->count, 2);	/* baclo and hista: only typed questions */
	for (size_t i = 0; i < s->count; i++)
		assert_int_equal(s->items[i].question->type, QUESTION_TYPED);
}

static void typed_answers_in_a_session(void **state)
{
	struct fixture *f = *state;
	struct quiz_session s;
	start_typed(f, &s, QUIZ_PRACTICE);
	/* Letters do not answer a typed question; blank text does not either. */
	assert_int_equal(quiz_session_answer(&s, 1u, false, 10), -1);
	assert_int_equal(quiz_session_answer_typed(&s, "  ", false, 10), -1);
	const struct quiz_question *first = quiz_session_current(&s)->question;
	const char *answer = first->choices[0];
	/* Right: folded. */
	char folded[64];
	snprintf(folded, sizeof folded, "%s", strcmp(answer, "GABA-B receptor") == 0 ? "gaba b" : "histamine h1");
	assert_int_equal(quiz_session_answer_typed(&s, folded, false, 10), QUIZ_CORRECT);
	struct quiz_item *item = &s.items[0];
	assert_int_equal(item->grade, FSRS_GOOD);
	assert_string_equal(item->typed, folded);
	assert_int_equal(item->parts, 1);
	assert_int_equal(item->parts_right, 1);
	assert_int_equal(quiz_session_next(&s), 0);
	/* Wrong: graded Again and asked again later in practice. */
	size_t before = s.count;
	assert_int_equal(quiz_session_answer_typed(&s, "dopamine", false, 10), QUIZ_WRONG);
	assert_int_equal(s.items[1].grade, FSRS_AGAIN);
	assert_int_equal(s.count, before + 1);
	char buf[256];
	assert_string_equal(quiz_report_given(&s.items[1], buf, sizeof buf), "dopamine");
	bool several = true;
	quiz_report_expected(&s.items[1], &several, buf, sizeof buf);
	assert_false(several);
	assert_int_equal(quiz_session_next(&s), 0);
	/* The re-ask, with a typo the learner says was meant: counted right. */
	const char *meant = s.items[2].question->choices[0];
	char typo[64];
	snprintf(typo, sizeof typo, "%s", meant);
	typo[3] = typo[3] == 'x' ? 'y' : 'x';	/* "GABx-B receptor" or "Hisxamine H1 receptor" */
	assert_int_equal(quiz_typed_check(s.items[2].question, typo, NULL), TYPED_TYPO);
	assert_int_equal(quiz_session_answer_typed(&s, typo, true, 10), QUIZ_CORRECT);
	assert_true(s.items[2].typo_accepted);
	assert_non_null(strstr(quiz_report_given(&s.items[2], buf, sizeof buf), "(a typo, counted as right)"));
	/* Undo forgets the typed text. */
	assert_int_equal(quiz_session_undo(&s), 0);
	assert_string_equal(s.items[2].typed, "");
	assert_false(s.items[2].typo_accepted);
	/* Declined this time: wrong. */
	assert_int_equal(quiz_session_answer_typed(&s, typo, false, 10), QUIZ_WRONG);
	quiz_session_release(&s);
}

static void exam_scores_typed_answers(void **state)
{
	struct fixture *f = *state;
	struct quiz_session s;
	start_typed(f, &s, QUIZ_EXAM);
	assert_int_equal(quiz_session_answer_typed(&s, s.items[0].question->choices[0], false, 5), QUIZ_CORRECT);
	assert_int_equal(quiz_session_next(&s), 0);
	assert_int_equal(quiz_session_answer(&s, 0, true, 5), QUIZ_DONT_KNOW);
	assert_int_equal(quiz_session_next(&s), 0);
	struct quiz_summary sum;
	assert_int_equal(quiz_session_summary(&s, &sum), 0);
	assert_int_equal(sum.asked, 2);
	assert_int_equal(sum.correct, 1);
	assert_true(sum.points > 0.99 && sum.points < 1.01);
	quiz_summary_release(&sum);
	quiz_session_release(&s);
}

static void partial_credit_adds_fractions(void **state)
{
	(void)state;
	/* No type with parts is asked yet: items made by hand stand in for one. */
	static const struct card card = { .id = "p", .title = "P" };
	struct quiz_question q = { .id = "p-1", .card = &card, .type = QUESTION_SINGLE, .nchoices = 2, .see = -1 };
	struct quiz_item items[2] = {
		{ .question = &q, .outcome = QUIZ_WRONG, .parts = 4, .parts_right = 3 },
		{ .question = &q, .outcome = QUIZ_CORRECT, .parts = 1, .parts_right = 1 },
	};
	struct quiz_session s = { .items = items, .count = 2, .settings = { .mode = QUIZ_EXAM } };
	struct quiz_summary sum;
	assert_int_equal(quiz_session_summary(&s, &sum), 0);
	assert_true(sum.points > 1.74 && sum.points < 1.76);
	assert_int_equal(sum.correct, 1);
	quiz_summary_release(&sum);
}

/* --- cloze ------------------------------------------------------------------ */

static const char *const cloze_gaps[] = { "chloride|Cl-", "kidneys" };

static struct quiz_question cloze_question(void)
{
	struct quiz_question q = { .id = "c-c", .card = &some_card, .type = QUESTION_CLOZE, .see = -1,
				   .ask = "It opens [gap 1] channels and leaves by the [gap 2]." };
	q.choices[0] = cloze_gaps[0];
	q.choices[1] = cloze_gaps[1];
	q.correct[0] = q.correct[1] = true;
	q.nchoices = 2;
	return q;
}

static void cloze_gaps_are_parts(void **state)
{
	(void)state;
	struct quiz_question q = cloze_question();
	assert_int_equal(quiz_typed_parts(&q), 2);
	char meant[64];
	assert_int_equal(quiz_typed_check_part(&q, 0, "CL-", meant, sizeof meant), TYPED_RIGHT);
	assert_string_equal(meant, "Cl-");
	assert_int_equal(quiz_typed_check_part(&q, 0, "chlorid", meant, sizeof meant), TYPED_TYPO);
	assert_string_equal(meant, "chloride");
	assert_int_equal(quiz_typed_check_part(&q, 1, "kidneys", NULL, 0), TYPED_RIGHT);
	assert_int_equal(quiz_typed_check_part(&q, 1, "liver", meant, sizeof meant), TYPED_WRONG);
	assert_string_equal(meant, "");
	assert_int_equal(quiz_typed_check_part(&q, 2, "kidneys", NULL, 0), TYPED_WRONG);	/* no such gap */
	char buf[256];
	assert_string_equal(quiz_typed_answers(&q, buf, sizeof buf), "(1) chloride (also accepted: Cl-); (2) kidneys");
	assert_string_equal(quiz_cloze_text(q.ask, q.choices, 2, CLOZE_ANKI, buf, sizeof buf),
			    "It opens {{c1::chloride}} channels and leaves by the {{c2::kidneys}}.");
	assert_string_equal(quiz_cloze_text(q.ask, q.choices, 2, CLOZE_FILLED, buf, sizeof buf),
			    "It opens chloride channels and leaves by the kidneys.");
	assert_string_equal(quiz_cloze_text(q.ask, q.choices, 2, CLOZE_MARKED, buf, sizeof buf),
			    "It opens {{chloride|Cl-}} channels and leaves by the {{kidneys}}.");
	/* Text that only looks like a gap stays. */
	assert_string_equal(quiz_cloze_text("A [gap 9] and [gap x] [g", q.choices, 2, CLOZE_FILLED, buf, sizeof buf),
			    "A [gap 9] and [gap x] [g");
	/* Choice questions have no typed parts. */
	struct quiz_question choice = q;
	choice.type = QUESTION_MULTI;
	assert_int_equal(quiz_typed_parts(&choice), 0);
}

static void cloze_earns_credit_per_gap(void **state)
{
	(void)state;
	struct library lib;
	library_init(&lib);
	struct card *card = arena_alloc(&lib.arena, sizeof *card);
	memset(card, 0, sizeof *card);
	card->id = "cz";
	card->title = "Cz";
	card->kind = CARD_DRUG;
	struct card_question *cq = arena_alloc(&lib.arena, sizeof *cq);
	memset(cq, 0, sizeof *cq);
	*cq = (struct card_question){ .id = "cz-c", .type = QUESTION_CLOZE, .see = -1,
				      .ask = "It opens [gap 1] channels and leaves by the [gap 2].",
				      .choices = (const char **)cloze_gaps, .nchoices = 2 };
	cq->correct[0] = cq->correct[1] = true;
	card->quiz = cq;
	card->nquiz = 1;
	assert_int_equal(library_add_card(&lib, card), 0);
	struct quiz_bank bank;
	assert_int_equal(quiz_bank_build(&bank, &lib), 0);
	struct quiz_settings settings = { .mode = QUIZ_EXAM, .seed = 1, .count = 1, .types = 1u << QUESTION_CLOZE };
	struct quiz_session s;
	assert_int_equal(quiz_session_start(&s, &bank, NULL, &settings), 0);
	assert_int_equal(s.count, 1);
	/* The wrong number of parts, or letters, do not answer it. */
	const char *one[] = { "chloride" };
	bool no[2] = { false, false }, yes[2] = { true, true };
	assert_int_equal(quiz_session_answer_parts(&s, one, no, 1, 5), -1);
	assert_int_equal(quiz_session_answer(&s, 1u, false, 5), -1);
	/* Half right: the exam scores half a point, FSRS gets Again. */
	const char *half[] = { "chlorid", "liver" };
	assert_int_equal(quiz_session_answer_parts(&s, half, yes, 2, 5), QUIZ_WRONG);
	struct quiz_item *item = &s.items[0];
	assert_int_equal(item->parts, 2);
	assert_int_equal(item->parts_right, 1);
	assert_int_equal(item->parts_mask, 1u);
	assert_true(item->typo_accepted);
	assert_int_equal(item->grade, FSRS_AGAIN);
	assert_string_equal(item->typed, "(1) chlorid; (2) liver");
	char buf[128];
	bool good = true;
	assert_string_equal(quiz_report_verdict(item, false, &good, buf, sizeof buf), "~ Partly right: 1 of 2");
	assert_false(good);
	struct quiz_summary sum;
	assert_int_equal(quiz_session_summary(&s, &sum), 0);
	assert_true(sum.points > 0.49 && sum.points < 0.51);
	quiz_summary_release(&sum);
	/* Undone and answered again: every gap right, one of them not known. */
	assert_int_equal(quiz_session_undo(&s), 0);
	const char *all[] = { "Cl-", "kidneys" };
	assert_int_equal(quiz_session_answer_parts(&s, all, no, 2, 5), QUIZ_CORRECT);
	assert_int_equal(s.items[0].grade, FSRS_GOOD);
	assert_int_equal(quiz_session_undo(&s), 0);
	const char *unknown[] = { "x", "" };
	assert_int_equal(quiz_session_answer_parts(&s, unknown, no, 2, 5), QUIZ_DONT_KNOW);
	assert_string_equal(s.items[0].typed, "(1) ?; (2) ?");
	assert_int_equal(quiz_session_undo(&s), 0);
	const char *partly_known[] = { "x", "kidneys" };
	assert_int_equal(quiz_session_answer_parts(&s, partly_known, no, 2, 5), QUIZ_WRONG);
	assert_int_equal(s.items[0].parts_right, 1);
	quiz_session_release(&s);
	quiz_bank_release(&bank);
	library_release(&lib);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(folding_forgives_what_it_should),
		cmocka_unit_test(wrong_answers_stay_wrong),
		cmocka_unit_test(one_small_typo_is_asked_about),
		cmocka_unit_test(dont_know_and_wording),
		cmocka_unit_test(only_short_names_are_fair_to_type),
		cmocka_unit_test(credit_maps_to_one_grade),
		cmocka_unit_test_setup_teardown(generated_typed_questions_follow_the_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(typed_answers_in_a_session, setup, teardown),
		cmocka_unit_test_setup_teardown(exam_scores_typed_answers, setup, teardown),
		cmocka_unit_test(partial_credit_adds_fractions),
		cmocka_unit_test(cloze_gaps_are_parts),
		cmocka_unit_test(cloze_earns_credit_per_gap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
