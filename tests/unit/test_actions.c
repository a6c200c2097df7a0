/* Unit tests for the UI action table (src/ui/actions.c, curses-free): no key
 * is bound twice in one context, globals are only ?, Ctrl-L and Ctrl-C, and
 * lookup and key names work. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "ui/actions.h"

static void test_table_has_no_clashes(void **state)
{
	char err[256] = "";

	(void)state;
	if (!actions_check(actions_table, actions_count, err, sizeof(err)))
		fail_msg("%s", err);
}

static void test_check_catches_a_clash_with_a_parent(void **state)
{
	/* 'q' in the card pane would shadow browse's quit. */
	static const struct action bad[] = {
		{ ACT_QUIT, CTX_BROWSE, { 'q' }, "Quit" },
		{ ACT_SCROLL_UP, CTX_CARD, { KEYC_UP, 'q' }, "Scroll up" },
	};
	char err[256] = "";

	(void)state;
	assert_false(actions_check(bad, 2, err, sizeof(err)));
	assert_non_null(strstr(err, "bound twice"));
}

static void test_check_catches_a_clash_in_one_context(void **state)
{
	static const struct action bad[] = {
		{ ACT_MOVE_UP, CTX_RESULTS, { 'k' }, "Up" },
		{ ACT_MOVE_DOWN, CTX_RESULTS, { 'j', 'k' }, "Down" },
	};
	char err[256] = "";

	(void)state;
	assert_false(actions_check(bad, 2, err, sizeof(err)));
}

static void test_check_catches_a_key_listed_twice(void **state)
{
	static const struct action bad[] = { { ACT_MOVE_UP, CTX_RESULTS, { 'k', 'k' }, "Up" } };
	char err[256] = "";

	(void)state;
	assert_false(actions_check(bad, 1, err, sizeof(err)));
}

static void test_check_allows_only_three_global_keys(void **state)
{
	static const struct action bad[] = { { ACT_QUIT, CTX_GLOBAL, { 'q' }, "Quit" } };
	static const struct action good[] = { { ACT_HELP, CTX_GLOBAL, { '?' }, "Help" } };
	char err[256] = "";

	(void)state;
	assert_false(actions_check(bad, 1, err, sizeof(err)));
	assert_non_null(strstr(err, "global"));
	assert_true(actions_check(good, 1, err, sizeof(err)));
}

static void test_check_refuses_printable_keys_in_text_entry(void **state)
{
	static const struct action bad[] = { { ACT_PROMPT_CLEAR, CTX_PROMPT, { 'x' }, "Clear" } };
	char err[256] = "";

	(void)state;
	assert_false(actions_check(bad, 1, err, sizeof(err)));
}

static void test_check_refuses_missing_help_or_keys(void **state)
{
	static const struct action no_help[] = { { ACT_QUIT, CTX_BROWSE, { 'q' }, "" } };
	static const struct action no_keys[] = { { ACT_QUIT, CTX_BROWSE, { 0 }, "Quit" } };
	char err[256] = "";

	(void)state;
	assert_false(actions_check(no_help, 1, err, sizeof(err)));
	assert_false(actions_check(no_keys, 1, err, sizeof(err)));
}

static void test_global_context_binds_exactly_the_three_keys(void **state)
{
	size_t i, count = 0;

	(void)state;
	for (i = 0; i < actions_count; i++)
		if (actions_table[i].context == CTX_GLOBAL)
			count++;
	assert_int_equal(count, 3);
	assert_int_equal(actions_lookup(CTX_GLOBAL, '?')->id, ACT_HELP);
	assert_int_equal(actions_lookup(CTX_GLOBAL, KEYC_CTRL('l'))->id, ACT_REPAINT);
	assert_int_equal(actions_lookup(CTX_GLOBAL, KEYC_CTRL('c'))->id, ACT_INTERRUPT);
}

static void test_lookup_follows_the_design_keys(void **state)
{
	(void)state;
	/* DESIGN §3, browse. */
	assert_int_equal(actions_lookup(CTX_LIST, 'j')->id, ACT_MOVE_DOWN);
	assert_int_equal(actions_lookup(CTX_LIST, KEYC_DOWN)->id, ACT_MOVE_DOWN);
	assert_int_equal(actions_lookup(CTX_CARD, 'j')->id, ACT_SCROLL_DOWN);
	assert_int_equal(actions_lookup(CTX_LIST, 'G')->id, ACT_LAST);
	assert_int_equal(actions_lookup(CTX_LIST, KEYC_END)->id, ACT_LAST);
	assert_int_equal(actions_lookup(CTX_LIST, KEYC_TAB)->id, ACT_FOCUS_NEXT);
	assert_int_equal(actions_lookup(CTX_CARD, ']')->id, ACT_TAB_NEXT);
	assert_int_equal(actions_lookup(CTX_CARD, 'h')->id, ACT_TAB_PREV);
	assert_int_equal(actions_lookup(CTX_LIST, '5')->id, ACT_TAB_JUMP);
	assert_int_equal(actions_lookup(CTX_LIST, KEYC_BACKSPACE)->id, ACT_HISTORY_BACK);
	assert_int_equal(actions_lookup(CTX_LIST, ' ')->id, ACT_MARK);
	assert_int_equal(actions_lookup(CTX_LIST, '/')->id, ACT_SEARCH);
	assert_int_equal(actions_lookup(CTX_CARD, 'N')->id, ACT_MATCH_PREV);
	assert_int_equal(actions_lookup(CTX_LIST, 'c')->id, ACT_COMPARE);
	assert_int_equal(actions_lookup(CTX_LIST, 't')->id, ACT_QUIZ);
	assert_int_equal(actions_lookup(CTX_LIST, 's')->id, ACT_STATS);
	assert_int_equal(actions_lookup(CTX_LIST, '!')->id, ACT_PROBLEMS);
	assert_int_equal(actions_lookup(CTX_LIST, 'q')->id, ACT_QUIT);
	assert_int_equal(actions_lookup(CTX_CARD, KEYC_ENTER)->id, ACT_FOLLOW);
	/* Globals reach every context through the parents. */
	assert_int_equal(actions_lookup(CTX_CARD, '?')->id, ACT_HELP);
	assert_int_equal(actions_lookup(CTX_QUIZ, KEYC_CTRL('l'))->id, ACT_REPAINT);
	/* Quiz keys. */
	assert_int_equal(actions_lookup(CTX_QUIZ, 'e')->id, ACT_QUIZ_CHOOSE);
	assert_int_equal(actions_lookup(CTX_QUIZ, '3')->id, ACT_QUIZ_GRADE);
	assert_int_equal(actions_lookup(CTX_QUIZ, 'x')->id, ACT_QUIZ_DONT_KNOW);
	/* Unbound keys. */
	assert_null(actions_lookup(CTX_LIST, 'Z'));
	assert_null(actions_lookup(CTX_QUIZ, 'g'));
	assert_null(actions_lookup(CTX_PROMPT, 'q'));
}

static void test_text_entry_is_only_the_prompt(void **state)
{
	(void)state;
	assert_true(actions_text_entry(CTX_PROMPT));
	assert_false(actions_text_entry(CTX_LIST));
	assert_int_equal(actions_parent(CTX_CARD), CTX_BROWSE);
	assert_int_equal(actions_parent(CTX_BROWSE), CTX_GLOBAL);
	assert_int_equal(actions_parent(CTX_GLOBAL), -1);
}

static void test_key_names(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(actions_key_name(KEYC_CTRL('l'), true, buf, sizeof(buf)), "Ctrl-L");
	assert_string_equal(actions_key_name(' ', true, buf, sizeof(buf)), "Space");
	assert_string_equal(actions_key_name(KEYC_PGDN, true, buf, sizeof(buf)), "PgDn");
	assert_string_equal(actions_key_name(KEYC_UP, false, buf, sizeof(buf)), "Up");
	assert_string_equal(actions_key_name(KEYC_UP, true, buf, sizeof(buf)), "\xE2\x86\x91");
	assert_string_equal(actions_key_name('q', true, buf, sizeof(buf)), "q");
	/* Truncation is safe. */
	assert_string_equal(actions_key_name(KEYC_BACKSPACE, true, buf, 5), "Back");
}

static void test_keys_label_collapses_runs(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(actions_keys_label(actions_lookup(CTX_LIST, '1'), false, buf, sizeof(buf)), "1-9");
	assert_string_equal(actions_keys_label(actions_lookup(CTX_LIST, 'G'), false, buf, sizeof(buf)), "G End");
	assert_string_equal(actions_keys_label(actions_lookup(CTX_QUIZ, 'a'), true, buf, sizeof(buf)),
			    "a\xE2\x80\x93" "f");
}

static void test_every_context_has_a_title_and_actions(void **state)
{
	int context;
	size_t i;

	(void)state;
	for (context = 0; context < CTX_COUNT; context++) {
		bool found = false;

		assert_true(strlen(actions_context_title((enum action_context)context)) > 1);
		for (i = 0; i < actions_count; i++)
			found |= (int)actions_table[i].context == context;
		assert_true(found);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_has_no_clashes),
		cmocka_unit_test(test_check_catches_a_clash_with_a_parent),
		cmocka_unit_test(test_check_catches_a_clash_in_one_context),
		cmocka_unit_test(test_check_catches_a_key_listed_twice),
		cmocka_unit_test(test_check_allows_only_three_global_keys),
		cmocka_unit_test(test_check_refuses_printable_keys_in_text_entry),
		cmocka_unit_test(test_check_refuses_missing_help_or_keys),
		cmocka_unit_test(test_global_context_binds_exactly_the_three_keys),
		cmocka_unit_test(test_lookup_follows_the_design_keys),
		cmocka_unit_test(test_text_entry_is_only_the_prompt),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_keys_label_collapses_runs),
		cmocka_unit_test(test_every_context_has_a_title_and_actions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
