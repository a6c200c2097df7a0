/* Unit tests for the UI action table (src/ui/actions.c, curses-free): no key
 * is bound twice in one context, globals are only ?, Ctrl-L and Ctrl-C, and
 * lookup and key names work; and for the scrolling that every screen shares
 * (src/ui/scroll.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "ui/actions.h"
#include "ui/scroll.h"

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

static void test_scroll_delta_reads_both_families(void **state)
{
	long delta = 0;

	(void)state;
	assert_true(scroll_delta(ACT_MOVE_UP, 9, &delta));
	assert_int_equal(delta, -1);
	assert_true(scroll_delta(ACT_SCROLL_DOWN, 9, &delta));
	assert_int_equal(delta, 1);
	assert_true(scroll_delta(ACT_PAGE_UP, 9, &delta));
	assert_int_equal(delta, -9);
	assert_true(scroll_delta(ACT_SCROLL_PAGE_DOWN, 9, &delta));
	assert_int_equal(delta, 9);
	assert_true(scroll_delta(ACT_FIRST, 9, &delta));
	assert_true(delta == SCROLL_FIRST);
	assert_true(scroll_delta(ACT_BOTTOM, 9, &delta));
	assert_true(delta == SCROLL_LAST);
	delta = 42;
	assert_false(scroll_delta(ACT_OPEN, 9, &delta));
	assert_false(scroll_delta(ACT_BACK, 9, &delta));
	assert_int_equal(delta, 42);
	assert_int_equal(scroll_page(10), 9);
	assert_int_equal(scroll_page(1), 1);
	assert_int_equal(scroll_page(0), 1);
	assert_int_equal(scroll_wheel(MOUSE_WHEEL_UP), -SCROLL_WHEEL_ROWS);
	assert_int_equal(scroll_wheel(MOUSE_WHEEL_DOWN), SCROLL_WHEEL_ROWS);
	assert_int_equal(scroll_wheel(MOUSE_CLICK), 0);
}

static void test_scroll_move_stays_in_bounds(void **state)
{
	(void)state;
	assert_int_equal(scroll_move(5, -1, 0, 10), 4);
	assert_int_equal(scroll_move(0, -1, 0, 10), 0);
	assert_int_equal(scroll_move(10, 1, 0, 10), 10);
	assert_int_equal(scroll_move(3, 100, 0, 10), 10);
	assert_int_equal(scroll_move(3, -100, 0, 10), 0);
	assert_int_equal(scroll_move(3, SCROLL_FIRST, -1, 10), -1);
	assert_int_equal(scroll_move(3, SCROLL_LAST, -1, 10), 10);
	/* Huge distances do not overflow. */
	assert_int_equal(scroll_move(3, LONG_MAX - 1, 0, 10), 10);
	assert_int_equal(scroll_move(-3, LONG_MIN + 1, -5, 10), -5);
	/* Nothing to move through: the low bound. */
	assert_int_equal(scroll_move(4, 1, 0, -1), 0);
	/* From outside the bounds, back inside. */
	assert_int_equal(scroll_move(-1, 3, 0, 10), 2);
	assert_int_equal(scroll_move(-1, -3, 0, 10), 0);
}

static void test_scroll_window(void **state)
{
	struct scroll s = { 0, 30, 10 };

	(void)state;
	assert_true(scroll_key(&s, ACT_SCROLL_DOWN));
	assert_int_equal(s.top, 1);
	assert_true(scroll_key(&s, ACT_SCROLL_PAGE_DOWN));
	assert_int_equal(s.top, 10);
	assert_true(scroll_key(&s, ACT_BOTTOM));
	assert_int_equal(s.top, 20);	/* the last page is full */
	assert_true(scroll_key(&s, ACT_SCROLL_DOWN));
	assert_int_equal(s.top, 20);
	assert_true(scroll_key(&s, ACT_TOP));
	assert_int_equal(s.top, 0);
	assert_true(scroll_key(&s, ACT_SCROLL_UP));
	assert_int_equal(s.top, 0);
	assert_false(scroll_key(&s, ACT_BACK));
	scroll_by(&s, SCROLL_WHEEL_ROWS);
	assert_int_equal(s.top, 3);
	/* The text shrank (a wider screen): top follows. */
	s.top = 20;
	s.total = 12;
	scroll_clamp(&s);
	assert_int_equal(s.top, 2);
	/* Everything fits; and before the first draw (visible 0). */
	s.total = 5;
	scroll_clamp(&s);
	assert_int_equal(s.top, 0);
	s.visible = 0;
	s.total = 3;
	assert_true(scroll_key(&s, ACT_BOTTOM));
	assert_int_equal(s.top, 2);
}

/* The status bar's hints come from the table: in rank order, pairs merged,
 * a run of keys as a range, and nothing that is not in the context. */
static void test_hints_come_from_the_table(void **state)
{
	char buf[256];

	(void)state;
	assert_string_equal(actions_hints(CTX_STATS, NULL, true, buf, sizeof(buf)),
			    "?:help  \xE2\x86\x91\xE2\x86\x93:scroll  Esc:back  PgUp/PgDn:page  g/G:top/end");
	assert_string_equal(actions_hints(CTX_STATS, NULL, false, buf, sizeof(buf)),
			    "?:help  Up/Down:scroll  Esc:back  PgUp/PgDn:page  g/G:top/end");
	/* The pager and the statistics page the same way: the old drift. */
	assert_non_null(strstr(actions_hints(CTX_PAGER, NULL, true, buf, sizeof(buf)), "PgUp/PgDn:page"));
	/* Parents' hints join in rank order (browse's under the list's). */
	assert_string_equal(actions_hints(CTX_LIST, NULL, false, buf, sizeof(buf)),
			    "?:help  Up/Down:move  Enter:open  Left/Right:sections  /:search  Tab:focus  Esc:back  q:quit");
	/* A run of keys is a range. */
	assert_string_equal(actions_hints(CTX_QUIZ_FEEDBACK, NULL, false, buf, sizeof(buf)),
			    "?:help  Enter:next  1-4:grade  o:open card  u:undo  Esc:end");
	/* Left out on request. */
	{
		static const enum action_id skip[] = { ACT_QUIZ_GRADE, ACT_QUIZ_UNDO };
		const struct hint_state leave_out = { .skip = skip, .nskip = 2 };

		assert_string_equal(actions_hints(CTX_QUIZ_FEEDBACK, &leave_out, false, buf, sizeof(buf)),
				    "?:help  Enter:next  o:open card  Esc:end");
	}
	/* A run cut to what the question on the screen takes: three choices are
	 * a-c, two are a-b; more than the run has, or 0, cuts nothing. */
	{
		struct hint_state cut = { .cut = ACT_QUIZ_CHOOSE, .cut_keys = 3 };

		assert_non_null(strstr(actions_hints(CTX_QUIZ, &cut, false, buf, sizeof(buf)), "  a-c:choose  "));
		cut.cut_keys = 2;
		assert_non_null(strstr(actions_hints(CTX_QUIZ, &cut, true, buf, sizeof(buf)),
				       "  a\xE2\x80\x93" "b:choose  "));
		cut.cut_keys = 9;
		assert_non_null(strstr(actions_hints(CTX_QUIZ, &cut, false, buf, sizeof(buf)), "  a-f:choose  "));
		cut.cut_keys = 0;
		assert_non_null(strstr(actions_hints(CTX_QUIZ, &cut, false, buf, sizeof(buf)), "  a-f:choose  "));
		/* Only the row named is cut: the grades keep their range. */
		cut = (struct hint_state){ .cut = ACT_QUIZ_CHOOSE, .cut_keys = 2 };
		assert_non_null(strstr(actions_hints(CTX_QUIZ_FEEDBACK, &cut, false, buf, sizeof(buf)), "1-4:grade"));
	}
	/* A text-entry context never offers a printable key: it would be typed. */
	assert_string_equal(actions_hints(CTX_PROMPT, NULL, false, buf, sizeof(buf)),
			    "Enter:open or search  Esc:cancel  Up/Down:move");
	/* Only whole hints, however small the buffer. */
	assert_string_equal(actions_hints(CTX_STATS, NULL, false, buf, 12), "?:help");
	assert_string_equal(actions_hints(CTX_STATS, NULL, false, buf, 3), "");
}

static void test_every_context_but_the_notice_has_hints(void **state)
{
	char buf[256];
	int context;

	(void)state;
	for (context = CTX_BROWSE; context < CTX_COUNT; context++) {
		if (context == CTX_BROWSE)
			continue;	/* only ever seen through the list or the card */
		actions_hints((enum action_context)context, NULL, true, buf, sizeof(buf));
		/* At least one key of its own besides help. */
		assert_true(strlen(buf) > strlen("?:help"));
	}
}

static void test_check_refuses_a_hint_without_a_rank(void **state)
{
	static const struct action bad[] = { { ACT_QUIT, CTX_BROWSE, { 'q' }, "Quit", 0, "quit" } };
	static const struct action bad2[] = { { ACT_QUIT, CTX_BROWSE, { 'q' }, "Quit", 3, NULL } };
	char err[256] = "";

	(void)state;
	assert_false(actions_check(bad, 1, err, sizeof(err)));
	assert_non_null(strstr(err, "hint"));
	assert_false(actions_check(bad2, 1, err, sizeof(err)));
}

static enum intent key_taken(struct screen *screen, struct ui *ui, const struct action *action, int key)
{
	(void)screen;
	(void)ui;
	(void)action;
	return key == 'x' ? INTENT_HANDLED : INTENT_IGNORED;
}

static enum action_context context_prompt(const struct screen *screen)
{
	(void)screen;
	return CTX_PROMPT;
}

/* A table that states only its context gets the scrolling screen's keys and
 * wheel on base.scroll; one that names a handler or a changing context gets those. */
static void test_screen_defaults(void **state)
{
	static const struct screen_ops bare = { .context = CTX_STATS };
	static const struct screen_ops own = { .context = CTX_STATS, .context_now = context_prompt, .key = key_taken };
	struct scroll s = { 0, 30, 10 };
	struct screen screen = { .ops = &bare, .scroll = &s };
	struct screen unscrolled = { .ops = &bare };

	(void)state;
	assert_int_equal(screen_context(&screen), CTX_STATS);
	assert_int_equal(screen_key(&screen, NULL, actions_lookup(CTX_STATS, 'j'), 'j'), INTENT_REDRAW);
	assert_int_equal(s.top, 1);
	assert_int_equal(screen_mouse(&screen, NULL, MOUSE_WHEEL_DOWN, 0, 0), INTENT_REDRAW);
	assert_int_equal(s.top, 1 + SCROLL_WHEEL_ROWS);
	assert_int_equal(screen_key(&screen, NULL, actions_lookup(CTX_STATS, 'q'), 'q'), INTENT_BACK);
	/* Nothing to scroll: Esc still closes, the rest does nothing. */
	assert_int_equal(screen_key(&unscrolled, NULL, actions_lookup(CTX_STATS, 'j'), 'j'), INTENT_IGNORED);
	assert_int_equal(screen_key(&unscrolled, NULL, actions_lookup(CTX_STATS, 'q'), 'q'), INTENT_BACK);
	assert_int_equal(screen_mouse(&unscrolled, NULL, MOUSE_WHEEL_DOWN, 0, 0), INTENT_HANDLED);
	screen.ops = &own;
	assert_int_equal(screen_context(&screen), CTX_PROMPT);
	assert_int_equal(screen_key(&screen, NULL, NULL, 'x'), INTENT_HANDLED);
	assert_int_equal(screen_key(&screen, NULL, actions_lookup(CTX_STATS, 'j'), 'j'), INTENT_IGNORED);
	assert_int_equal(s.top, 1 + SCROLL_WHEEL_ROWS);
}

static void test_scroll_screen_keys_and_wheel(void **state)
{
	struct scroll s = { 0, 30, 10 };

	(void)state;
	assert_int_equal(scroll_screen_key(&s, CTX_STATS, actions_lookup(CTX_STATS, 'j')), INTENT_REDRAW);
	assert_int_equal(s.top, 1);
	assert_int_equal(scroll_screen_key(&s, CTX_STATS, actions_lookup(CTX_STATS, 'q')), INTENT_BACK);
	/* Not its context's (help is global), or no action: not its business. */
	assert_int_equal(scroll_screen_key(&s, CTX_STATS, actions_lookup(CTX_STATS, '?')), INTENT_IGNORED);
	assert_int_equal(scroll_screen_key(&s, CTX_PAGER, actions_lookup(CTX_STATS, 'j')), INTENT_IGNORED);
	assert_int_equal(scroll_screen_key(&s, CTX_STATS, NULL), INTENT_IGNORED);
	assert_int_equal(s.top, 1);
	assert_int_equal(scroll_screen_mouse(&s, MOUSE_WHEEL_DOWN), INTENT_REDRAW);
	assert_int_equal(s.top, 1 + SCROLL_WHEEL_ROWS);
	assert_int_equal(scroll_screen_mouse(&s, MOUSE_CLICK), INTENT_HANDLED);
	assert_int_equal(s.top, 1 + SCROLL_WHEEL_ROWS);
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
		cmocka_unit_test(test_scroll_delta_reads_both_families),
		cmocka_unit_test(test_scroll_move_stays_in_bounds),
		cmocka_unit_test(test_scroll_window),
		cmocka_unit_test(test_scroll_screen_keys_and_wheel),
		cmocka_unit_test(test_screen_defaults),
		cmocka_unit_test(test_hints_come_from_the_table),
		cmocka_unit_test(test_every_context_but_the_notice_has_hints),
		cmocka_unit_test(test_check_refuses_a_hint_without_a_rank),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
