/* Unit tests for orderings and matchings (quiz_order): reading the typed
 * answer in every accepted form, refusing malformed ones with a reason
 * (never grading them), credit per adjacent pair or per pair, the display
 * order never already right, the lines both front-ends draw, and answers in
 * a session (right, partly right, not known, undone). */
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
#include "quiz_order.h"
#include "quiz_report.h"

static const struct card some_card = { .id = "c", .title = "Somedrug" };
static const char *const steps[] = { "binds", "opens", "flows", "hyperpolarises" };
static const char *const drugs[] = { "midazolam", "morphine", "heparin" };
static const char *const antidotes[] = { "flumazenil", "naloxone", "protamine" };

static struct quiz_question ordering(void)
{
	struct quiz_question q = { .id = "c-o", .card = &some_card, .type = QUESTION_ORDER, .ask = "In order.", .see = -1 };
	for (size_t i = 0; i < 4; i++) {
		q.choices[i] = steps[i];
		q.correct[i] = true;
	}
	q.nchoices = 4;
	return q;
}

static struct quiz_question matching(void)
{
	struct quiz_question q = { .id = "c-m", .card = &some_card, .type = QUESTION_MATCH, .ask = "Match.", .see = -1 };
	for (size_t i = 0; i < 3; i++) {
		q.choices[i] = drugs[i];
		q.matches[i] = antidotes[i];
		q.correct[i] = true;
	}
	q.nchoices = 3;
	return q;
}

/* Shown as 1 opens, 2 hyperpolarises, 3 binds, 4 flows: the right answer is 3 1 4 2. */
static struct quiz_item shown_order(const struct quiz_question *q)
{
	struct quiz_item item = { .question = q, .order = { 1, 3, 0, 2 } };
	return item;
}

/* Right items lettered a) naloxone, b) flumazenil, c) protamine: right is b a c. */
static struct quiz_item shown_match(const struct quiz_question *q)
{
	struct quiz_item item = { .question = q, .order = { 1, 0, 2 } };
	return item;
}

static void an_ordering_reads_in_every_form(void **state)
{
	(void)state;
	struct quiz_question q = ordering();
	struct quiz_item item = shown_order(&q);
	static const char *const forms[] = { "3 1 4 2", "3142", "3,1,4,2", " 3, 1, 4, 2 ", "3-1-4-2", "3 > 1 > 4 > 2" };
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		unsigned char out[QUESTION_MAX_CHOICES] = { 9, 9, 9, 9, 9, 9 };
		if (quiz_arranged_read(&item, forms[i], out, NULL, 0) != ARRANGED_OK)
			fail_msg("'%s' should read", forms[i]);
		for (unsigned char k = 0; k < 4; k++)
			assert_int_equal(out[k], k);
	}
	unsigned char out[QUESTION_MAX_CHOICES];
	assert_int_equal(quiz_arranged_read(&item, " x ", out, NULL, 0), ARRANGED_DONT_KNOW);
	assert_int_equal(quiz_arranged_read(&item, "?", out, NULL, 0), ARRANGED_DONT_KNOW);
}

static void a_malformed_ordering_says_why(void **state)
{
	(void)state;
	struct quiz_question q = ordering();
	struct quiz_item item = shown_order(&q);
	static const struct {
		const char *text, *why;
	} cases[] = {
		{ "3 1 4", "3 numbers for 4 items: type each number once." },
		{ "3 1 4 2 1", "1 is typed twice: type each number from 1 to 4 once." },
		{ "3 1 4 4", "4 is typed twice: type each number from 1 to 4 once." },
		{ "3 1 4 7", "7 is not one of the items: the numbers go from 1 to 4." },
		{ "0 1 2 3", "0 is not one of the items: the numbers go from 1 to 4." },
		{ "3 1 four 2", "Type the numbers of the items only, from 1 to 4." },
		{ "", QUIZ_ORDER_HINT },
		{ " , ", QUIZ_ORDER_HINT },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		unsigned char out[QUESTION_MAX_CHOICES];
		char why[256] = "unset";
		assert_int_equal(quiz_arranged_read(&item, cases[i].text, out, why, sizeof why), ARRANGED_UNREADABLE);
		assert_string_equal(why, cases[i].why);
	}
	/* Without room for a reason it still refuses. */
	unsigned char out[QUESTION_MAX_CHOICES];
	assert_int_equal(quiz_arranged_read(&item, "1 1 1 1", out, NULL, 0), ARRANGED_UNREADABLE);
}

static void a_matching_reads_in_every_form(void **state)
{
	(void)state;
	struct quiz_question q = matching();
	struct quiz_item item = shown_match(&q);
	static const char *const forms[] = { "b a c", "bac", "B,A,C", "1b 2a 3c", "3c 1b 2a", "1-b 2-a 3-c", "1)b 2)a 3)c",
					     "1b2a3c" };
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		unsigned char out[QUESTION_MAX_CHOICES] = { 9, 9, 9, 9, 9, 9 };
		if (quiz_arranged_read(&item, forms[i], out, NULL, 0) != ARRANGED_OK)
			fail_msg("'%s' should read", forms[i]);
		for (unsigned char k = 0; k < 3; k++)
			assert_int_equal(out[k], k);
	}
	static const struct {
		const char *text, *why;
	} cases[] = {
		{ "b a", "2 letters for 3 items: one letter for each, in order." },
		{ "b b c", "b is given twice: each letter goes with one item." },
		{ "b a d", "Type letters from a to c for the items." },
		{ "1b 2a", "2 letters for 3 items: one letter for each, in order." },
		{ "1b 1a 3c", "Item 1 has two letters: give each item one." },
		{ "1b 4a 3c", "4 is not one of the numbered items: they go from 1 to 3." },
		{ "1b 2 3c", "Give each item one letter: b a c, or 1b 2a 3c." },
		{ "b a 3", "Give each item one letter: b a c, or 1b 2a 3c." },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		unsigned char out[QUESTION_MAX_CHOICES];
		char why[256] = "unset";
		if (quiz_arranged_read(&item, cases[i].text, out, why, sizeof why) != ARRANGED_UNREADABLE)
			fail_msg("'%s' should not read", cases[i].text);
		assert_string_equal(why, cases[i].why);
	}
	/* Other questions are not read at all. */
	struct quiz_question choice = q;
	choice.type = QUESTION_SINGLE;
	item.question = &choice;
	unsigned char out[QUESTION_MAX_CHOICES];
	assert_int_equal(quiz_arranged_read(&item, "b a c", out, NULL, 0), ARRANGED_UNREADABLE);
}

static void credit_is_per_adjacent_pair_or_per_pair(void **state)
{
	(void)state;
	struct quiz_question o = ordering(), m = matching();
	unsigned mask;
	static const unsigned char right[] = { 0, 1, 2, 3 }, rotated[] = { 1, 2, 3, 0 }, reversed[] = { 3, 2, 1, 0 },
				   swapped_ends[] = { 3, 1, 2, 0 };
	assert_int_equal(quiz_arranged_parts(&o), 3);
	assert_int_equal(quiz_arranged_score(&o, right, &mask), 3);
	assert_int_equal(mask, 7u);
	/* opens, flows, hyperpolarises, binds: two pairs still follow each other. */
	assert_int_equal(quiz_arranged_score(&o, rotated, &mask), 2);
	assert_int_equal(mask, 6u);
	assert_int_equal(quiz_arranged_score(&o, reversed, &mask), 0);
	assert_int_equal(mask, 0u);
	assert_int_equal(quiz_arranged_score(&o, swapped_ends, &mask), 1);
	assert_int_equal(mask, 2u);
	static const unsigned char pairs[] = { 0, 2, 1 };
	assert_int_equal(quiz_arranged_parts(&m), 3);
	assert_int_equal(quiz_arranged_score(&m, pairs, &mask), 1);
	assert_int_equal(mask, 1u);
	struct quiz_question choice = o;
	choice.type = QUESTION_MULTI;
	assert_int_equal(quiz_arranged_parts(&choice), 0);
	assert_false(quiz_is_arranged(&choice));
}

static void never_shown_already_in_order(void **state)
{
	(void)state;
	struct quiz_question o = ordering(), m = matching(), choice = ordering();
	choice.type = QUESTION_SINGLE;
	unsigned char straight[QUESTION_MAX_CHOICES] = { 0, 1, 2, 3 };
	quiz_arranged_unsort(o.type, o.nchoices, straight);
	assert_int_equal(straight[0], 1);
	assert_int_equal(straight[1], 0);
	unsigned char across[QUESTION_MAX_CHOICES] = { 0, 1, 2 };
	quiz_arranged_unsort(m.type, m.nchoices, across);
	assert_int_equal(across[0], 1);
	unsigned char shuffled[QUESTION_MAX_CHOICES] = { 2, 0, 1, 3 };
	quiz_arranged_unsort(o.type, o.nchoices, shuffled);
	assert_int_equal(shuffled[0], 2);
	unsigned char kept[QUESTION_MAX_CHOICES] = { 0, 1, 2, 3 };
	quiz_arranged_unsort(choice.type, choice.nchoices, kept);
	assert_int_equal(kept[0], 0);
}

static void the_lines_both_front_ends_draw(void **state)
{
	(void)state;
	struct quiz_question o = ordering(), m = matching();
	struct quiz_item item = shown_order(&o);
	struct arranged_line lines[ARRANGED_MAX_LINES];
	size_t split;
	assert_int_equal(quiz_arranged_rows(&item, lines, &split), 4);
	assert_int_equal(split, 4);
	assert_string_equal(lines[0].label, "1.");
	assert_string_equal(lines[0].text, "opens");
	assert_string_equal(lines[2].text, "binds");
	struct quiz_item mi = shown_match(&m);
	assert_int_equal(quiz_arranged_rows(&mi, lines, &split), 6);
	assert_int_equal(split, 3);
	assert_string_equal(lines[1].text, "morphine");
	assert_string_equal(lines[3].label, "a)");
	assert_string_equal(lines[3].text, "naloxone");

	char key[32];
	assert_string_equal(quiz_arranged_key(&item, key, sizeof key), "3 1 4 2");
	assert_string_equal(quiz_arranged_key(&mi, key, sizeof key), "1b 2a 3c");
	/* Answered "1b 2c 3a": midazolam right, the others crossed. */
	mi.outcome = QUIZ_WRONG;
	mi.parts_mask = 1u;
	mi.arranged[0] = 0;
	mi.arranged[1] = 2;
	mi.arranged[2] = 1;
	char heading[128], buf[512];
	assert_int_equal(quiz_arranged_feedback(&mi, false, heading, sizeof heading, lines), 3);
	assert_string_equal(heading, "Right pairs:");
	assert_string_equal(lines[0].mark, "+");
	assert_true(lines[0].good);
	assert_string_equal(lines[0].note, "-> flumazenil");
	assert_string_equal(lines[1].mark, "x");
	assert_string_equal(lines[1].note, "-> naloxone (you: protamine)");
	assert_string_equal(quiz_arranged_given(&mi, buf, sizeof buf),
			    "midazolam = flumazenil; morphine = protamine; heparin = naloxone");
	assert_string_equal(quiz_arranged_expected(&m, buf, sizeof buf),
			    "midazolam = flumazenil; morphine = naloxone; heparin = protamine");

	/* An ordering: the first line has no mark, the others say whether they followed rightly. */
	item.outcome = QUIZ_WRONG;
	item.parts_mask = 6u;
	static const unsigned char rotated[] = { 1, 2, 3, 0 };
	memcpy(item.arranged, rotated, sizeof rotated);
	assert_int_equal(quiz_arranged_feedback(&item, true, heading, sizeof heading, lines), 4);
	assert_non_null(strstr(heading, "Right order"));
	assert_string_equal(lines[0].mark, "");
	assert_string_equal(lines[1].mark, "\xE2\x9C\x97");
	assert_string_equal(lines[2].mark, "\xE2\x9C\x93");
	assert_string_equal(quiz_arranged_given(&item, buf, sizeof buf), "1. opens; 2. flows; 3. hyperpolarises; 4. binds");
	assert_string_equal(quiz_arranged_expected(&o, buf, sizeof buf), "1. binds; 2. opens; 3. flows; 4. hyperpolarises");
	/* Not known: nothing is marked. */
	item.outcome = QUIZ_DONT_KNOW;
	assert_int_equal(quiz_arranged_feedback(&item, false, heading, sizeof heading, lines), 4);
	assert_string_equal(heading, "Right order:");
	assert_string_equal(lines[1].mark, "");
	/* A small buffer is cut, never overrun. */
	char small[8];
	assert_string_equal(quiz_arranged_expected(&o, small, sizeof small), "1. bind");
}

/* --- in a session ------------------------------------------------------------ */

struct fixture {
	struct library lib;
	struct quiz_bank bank;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	library_init(&f->lib);
	struct card *card = arena_alloc(&f->lib.arena, sizeof *card);
	struct card_question *cq = arena_array(&f->lib.arena, 2, sizeof *cq);
	if (!card || !cq)
		return -1;
	*card = (struct card){ .id = "bz", .title = "Bz", .kind = CARD_DRUG, .quiz = cq, .nquiz = 2 };
	cq[0] = (struct card_question){ .id = "bz-o", .type = QUESTION_ORDER, .see = -1, .ask = "In order.",
					.choices = (const char **)steps, .nchoices = 4 };
	cq[1] = (struct card_question){ .id = "bz-m", .type = QUESTION_MATCH, .see = -1, .ask = "Match.",
					.choices = (const char **)drugs, .matches = (const char **)antidotes, .nchoices = 3 };
	for (size_t i = 0; i < 4; i++)
		cq[0].correct[i] = cq[1].correct[i % 3] = true;
	if (library_add_card(&f->lib, card) < 0 || quiz_bank_build(&f->bank, &f->lib) < 0)
		return -1;
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

/* The answer to item that puts the items at places (indices) given. */
static void answer_text(const struct quiz_item *item, const unsigned char *want, char *buf, size_t size)
{
	size_t used = 0, n = item->question->nchoices;
	for (size_t k = 0; k < n; k++) {
		size_t shown = 0;
		while (item->order[shown] != want[k])
			shown++;
		int len = item->question->type == QUESTION_ORDER ? snprintf(buf + used, size - used, "%zu ", shown + 1)
								 : snprintf(buf + used, size - used, "%c ", (int)('a' + shown));
		used += (size_t)len;
	}
}

static void answers_in_a_session(void **state)
{
	struct fixture *f = *state;
	struct quiz_settings settings = { .mode = QUIZ_PRACTICE, .seed = 7, .types = 1u << QUESTION_ORDER };
	struct quiz_session s;
	assert_int_equal(quiz_session_start(&s, &f->bank, NULL, &settings), 0);
	assert_int_equal(s.count, 1);
	struct quiz_item *item = quiz_session_current(&s);
	/* Unreadable answers and choice answers are refused, nothing recorded. */
	assert_int_equal(quiz_session_answer_arranged(&s, "1 1 2 3", 5), -1);
	assert_int_equal(quiz_session_answer(&s, 1u, false, 5), -1);
	assert_int_equal(item->outcome, QUIZ_UNANSWERED);
	/* opens, flows, hyperpolarises, binds: 2 of 3 pairs, Hard, a re-ask queued. */
	static const unsigned char rotated[] = { 1, 2, 3, 0 }, right[] = { 0, 1, 2, 3 };
	char text[64];
	answer_text(item, rotated, text, sizeof text);
	assert_int_equal(quiz_session_answer_arranged(&s, text, 5), QUIZ_WRONG);
	item = &s.items[0];
	assert_int_equal(item->parts, 3);
	assert_int_equal(item->parts_right, 2);
	assert_int_equal(item->parts_mask, 6u);
	assert_int_equal(item->grade, FSRS_HARD);
	assert_memory_equal(item->arranged, rotated, 4);
	char buf[256];
	bool good;
	assert_string_equal(quiz_report_verdict(item, false, &good, buf, sizeof buf), "~ Partly right: 2 of 3");
	assert_int_equal(s.count, 2);
	/* Taken back and answered right. */
	assert_int_equal(quiz_session_undo(&s), 0);
	item = quiz_session_current(&s);
	answer_text(item, right, text, sizeof text);
	assert_int_equal(quiz_session_answer_arranged(&s, text, 5), QUIZ_CORRECT);
	assert_int_equal(s.items[0].grade, FSRS_GOOD);
	/* The typed form is kept tidied: the numbers as shown. */
	assert_int_equal(strlen(s.items[0].typed), 7);
	assert_int_equal(quiz_session_next(&s), 0);
	assert_null(quiz_session_current(&s));
	quiz_session_release(&s);
}

static void exam_scores_partial_credit(void **state)
{
	struct fixture *f = *state;
	struct quiz_settings settings = { .mode = QUIZ_EXAM, .seed = 3,
					  .types = 1u << QUESTION_ORDER | 1u << QUESTION_MATCH };
	struct quiz_session s;
	assert_int_equal(quiz_session_start(&s, &f->bank, NULL, &settings), 0);
	assert_int_equal(s.count, 2);
	for (size_t i = 0; i < 2; i++) {
		struct quiz_item *item = quiz_session_current(&s);
		if (item->question->type == QUESTION_MATCH) {
			/* One pair right of three. */
			static const unsigned char pairs[] = { 0, 2, 1 };
			char text[64];
			answer_text(item, pairs, text, sizeof text);
			assert_int_equal(quiz_session_answer_arranged(&s, text, 5), QUIZ_WRONG);
			assert_int_equal(s.items[s.current].parts_right, 1);
			assert_int_equal(s.items[s.current].grade, FSRS_AGAIN);
		} else {
			assert_int_equal(quiz_session_answer_arranged(&s, "x", 5), QUIZ_DONT_KNOW);
		}
		assert_int_equal(quiz_session_next(&s), 0);
	}
	struct quiz_summary sum;
	assert_int_equal(quiz_session_summary(&s, &sum), 0);
	assert_true(sum.points > 0.33 && sum.points < 0.34);
	quiz_summary_release(&sum);
	/* The report's "your answer" and "right answer" name the items. */
	for (size_t i = 0; i < 2; i++) {
		char given[512], expected[512];
		bool several;
		quiz_report_given(&s.items[i], given, sizeof given);
		quiz_report_expected(&s.items[i], &several, expected, sizeof expected);
		if (s.items[i].question->type == QUESTION_MATCH) {
			assert_string_equal(given, "midazolam = flumazenil; morphine = protamine; heparin = naloxone");
			assert_string_equal(expected, "midazolam = flumazenil; morphine = naloxone; heparin = protamine");
		} else {
			assert_string_equal(given, "I don't know");
			assert_string_equal(expected, "1. binds; 2. opens; 3. flows; 4. hyperpolarises");
		}
	}
	quiz_session_release(&s);
}

static void no_seed_shows_them_in_order(void **state)
{
	struct fixture *f = *state;
	for (unsigned long long seed = 1; seed <= 200; seed++) {
		struct quiz_settings settings = { .mode = QUIZ_PRACTICE, .seed = seed };
		struct quiz_session s;
		assert_int_equal(quiz_session_start(&s, &f->bank, NULL, &settings), 0);
		for (size_t i = 0; i < s.count; i++) {
			const struct quiz_item *item = &s.items[i];
			bool straight = true;
			for (size_t k = 0; k < item->question->nchoices; k++)
				straight = straight && item->order[k] == k;
			if (straight)
				fail_msg("seed %llu shows %s in the right order", seed, item->question->id);
		}
		quiz_session_release(&s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(an_ordering_reads_in_every_form),
		cmocka_unit_test(a_malformed_ordering_says_why),
		cmocka_unit_test(a_matching_reads_in_every_form),
		cmocka_unit_test(credit_is_per_adjacent_pair_or_per_pair),
		cmocka_unit_test(never_shown_already_in_order),
		cmocka_unit_test(the_lines_both_front_ends_draw),
		cmocka_unit_test_setup_teardown(answers_in_a_session, setup, teardown),
		cmocka_unit_test_setup_teardown(exam_scores_partial_credit, setup, teardown),
		cmocka_unit_test_setup_teardown(no_seed_shows_them_in_order, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
