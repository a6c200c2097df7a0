/* Unit tests for hours facts (fact_hours) and the rankings generated from
 * them (quiz_rank): the cell grammar, good and bad; ranges apart or not; and,
 * over the bundled pack, that no generated ranking ever puts two cards whose
 * ranges overlap, or touch, in an order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "builtin_pack.h"
#include "fact_hours.h"
#include "library.h"
#include "loader.h"
#include "quiz.h"

static void cells_that_read(void **state)
{
	(void)state;
	static const struct {
		const char *cell;
		double lo, hi;
	} cases[] = {
		{ "1.5–5.5 h", 1.5, 5.5 },
		{ "1.5-5.5 h", 1.5, 5.5 },
		{ "2 to 3 h", 2, 3 },
		{ "about 6 h", 6, 6 },
		{ "about 2–2.5 h", 2, 2.5 },
		{ "40–80 min", 40.0 / 60, 80.0 / 60 },
		{ "53–118 h (adults; longer in newborns)", 53, 118 },
		{ "0.5–1 h", 0.5, 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct hours_range r = { -1, -1 };
		char why[128] = "";
		if (!fact_hours_parse(cases[i].cell, &r, why, sizeof why))
			fail_msg("'%s' should read: %s", cases[i].cell, why);
		assert_float_equal(r.lo, cases[i].lo, 1e-9);
		assert_float_equal(r.hi, cases[i].hi, 1e-9);
	}
}

static void cells_that_do_not(void **state)
{
	(void)state;
	static const struct {
		const char *cell, *why;
	} cases[] = {
		{ "a few hours", "it does not start with a number (like 6 or 1.5)" },
		{ "", "it does not start with a number (like 6 or 1.5)" },
		{ "about h", "it does not start with a number (like 6 or 1.5)" },
		{ "6", "no unit: follow the number with ' h' or ' min'" },
		{ "6h", "no unit: follow the number with ' h' or ' min'" },
		{ "6 hours", "only a note in brackets may follow the unit" },
		{ "6 days", "no unit: follow the number with ' h' or ' min'" },
		{ "5–3 h", "a range must go from the smaller number to the larger" },
		{ "3–3 h", "a range must go from the smaller number to the larger" },
		{ "3– h", "a range needs a number after its dash" },
		{ "1. h", "it does not start with a number (like 6 or 1.5)" },
		{ "0 h", "a duration must be more than zero" },
		{ "2 h (open", "only a note in brackets may follow the unit" },
		{ "2 h (a) (b)", "only a note in brackets may follow the unit" },
		{ "2 h; longer", "only a note in brackets may follow the unit" },
		{ "up to 48 h", "it does not start with a number (like 6 or 1.5)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct hours_range r;
		char why[128] = "";
		if (fact_hours_parse(cases[i].cell, &r, why, sizeof why))
			fail_msg("'%s' should not read", cases[i].cell);
		assert_string_equal(why, cases[i].why);
	}
	struct hours_range r;
	assert_false(fact_hours_parse(NULL, &r, NULL, 0));
}

static void apart_means_no_shared_value(void **state)
{
	(void)state;
	struct hours_range a = { 1, 2 }, b = { 2, 3 }, c = { 2.5, 4 }, d = { 5, 5 };
	assert_false(fact_hours_apart(a, b));	/* touching */
	assert_true(fact_hours_apart(a, c));
	assert_true(fact_hours_apart(c, a));
	assert_false(fact_hours_apart(b, c));	/* overlapping */
	assert_true(fact_hours_apart(c, d));
	assert_false(fact_hours_apart(d, d));
}

/* The bundled pack: every generated ranking lists cards shortest first, each
 * range wholly before the next; and there are some. */
static void bundled_rankings_never_overlap(void **state)
{
	(void)state;
	struct library lib;
	struct diag_list diags;
	library_init(&lib);
	diag_list_init(&diags);
	size_t pack = loader_load_compiled_manifest(&lib, &builtin_pack);
	assert_true(loader_load_compiled_cards(&lib, pack, &builtin_pack, &diags) > 0);
	assert_non_null(library_vocab(&lib, "half_life"));
	struct quiz_bank bank;
	assert_int_equal(quiz_bank_build(&bank, &lib), 0);
	size_t rankings = 0;
	for (size_t i = 0; i < bank.count; i++) {
		const struct quiz_question *q = &bank.items[i];
		if (!q->generated || q->type != QUESTION_ORDER)
			continue;
		assert_string_equal(q->fact, "half_life");
		assert_true(q->nchoices >= 3 && q->nchoices <= 4);
		assert_ptr_equal(q->choice_topic[0], q->card);
		rankings++;
		for (size_t k = 0; k < q->nchoices; k++) {
			struct hours_range r[2];
			assert_non_null(q->choice_topic[k]);
			assert_true(fact_hours_parse(card_fact(q->choice_topic[k], "half_life"), &r[1], NULL, 0));
			for (size_t j = 0; j < k; j++) {
				assert_true(fact_hours_parse(card_fact(q->choice_topic[j], "half_life"), &r[0], NULL, 0));
				if (!(r[0].hi < r[1].lo))
					fail_msg("%s ranks %s before %s, whose ranges are not apart", q->id,
						 q->choice_topic[j]->id, q->choice_topic[k]->id);
			}
		}
	}
	if (rankings < 5)
		fail_msg("only %zu rankings were generated", rankings);
	quiz_bank_release(&bank);
	diag_list_release(&diags);
	library_release(&lib);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cells_that_read),
		cmocka_unit_test(cells_that_do_not),
		cmocka_unit_test(apart_means_no_shared_value),
		cmocka_unit_test(bundled_rankings_never_overlap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
