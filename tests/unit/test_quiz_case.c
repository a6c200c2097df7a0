/* Unit tests for case vignettes (type: case, issue 17): the card rules, each
 * with a located error and bad input; a good case with its parts and their
 * ids; the pack cache carrying parts. */
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

struct fixture {
	struct library lib;
	struct diag_list diags;
	size_t pack;
};

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

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_case_rule_has_a_located_error, setup, teardown),
		cmocka_unit_test_setup_teardown(a_good_case_keeps_its_parts, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
