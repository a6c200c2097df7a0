/* actions — the action table, key lookup and key names (curses-free). */
#include "actions.h"

#include <stdio.h>
#include <string.h>

#define K(...) { __VA_ARGS__ }
#define CTRL KEYC_CTRL

/* Columns: id, context, keys, help (the ? screen), then for the status bar a
 * rank (1 first) and a hint.  Adjacent rows with the same rank and hint share
 * one hint ("↑↓:move"). */
const struct action actions_table[] = {
	{ ACT_HELP, CTX_GLOBAL, K('?'), "Show this help", 1, "help" },
	{ ACT_REPAINT, CTX_GLOBAL, K(CTRL('l')), "Repaint the screen" },
	{ ACT_INTERRUPT, CTX_GLOBAL, K(CTRL('c')), "Quit at once" },

	{ ACT_FOCUS_NEXT, CTX_BROWSE, K(KEYC_TAB), "Move focus: topic list, card, each related topic", 6, "focus" },
	{ ACT_FOCUS_PREV, CTX_BROWSE, K(KEYC_BTAB), "Move focus backwards" },
	{ ACT_TAB_PREV, CTX_BROWSE, K(KEYC_LEFT, 'h', '['), "Previous section tab", 4, "sections" },
	{ ACT_TAB_NEXT, CTX_BROWSE, K(KEYC_RIGHT, 'l', ']'), "Next section tab", 4, "sections" },
	{ ACT_TAB_JUMP, CTX_BROWSE, K('1', '2', '3', '4', '5', '6', '7', '8', '9'), "Jump to section tab 1 to 9" },
	{ ACT_HISTORY_BACK, CTX_BROWSE, K(KEYC_BACKSPACE), "Back to the previous topic, comparison or results list" },
	{ ACT_MARK, CTX_BROWSE, K(' '), "Mark or unmark the highlighted topic for comparison" },
	{ ACT_SEARCH, CTX_BROWSE, K('/'), "Search: Enter opens the topic named or lists matches", 5, "search" },
	{ ACT_MATCH_NEXT, CTX_BROWSE, K('n'), "Next search match" },
	{ ACT_MATCH_PREV, CTX_BROWSE, K('N'), "Previous search match" },
	{ ACT_COMPARE, CTX_BROWSE, K('c'), "Compare the marked topics, or this one and its partners" },
	{ ACT_COMPARE_BY_NAME, CTX_BROWSE, K('C'), "Compare topics chosen by name (Tab completes)" },
	{ ACT_QUIZ, CTX_BROWSE, K('t'), "Test yourself: quiz on this topic" },
	{ ACT_STATS, CTX_BROWSE, K('s'), "Study statistics" },
	{ ACT_CONFUSIONS, CTX_BROWSE, K('x'), "Confusions: the topics you mix up, and leeches" },
	{ ACT_PROBLEMS, CTX_BROWSE, K('!'), "Show problems met while loading cards" },
	{ ACT_BACK, CTX_BROWSE, K(KEYC_ESC), "Back: clear the filter, or return to the topic list", 7, "back" },
	{ ACT_QUIT, CTX_BROWSE, K('q'), "Quit rxplore", 8, "quit" },
	{ ACT_WIDE, CTX_BROWSE, K('z'), "Whole width for the card (hide the topic list) or back" },

	{ ACT_MOVE_UP, CTX_LIST, K(KEYC_UP, 'k'), "Previous topic", 2, "move" },
	{ ACT_MOVE_DOWN, CTX_LIST, K(KEYC_DOWN, 'j'), "Next topic", 2, "move" },
	{ ACT_PAGE_UP, CTX_LIST, K(KEYC_PGUP), "One page up" },
	{ ACT_PAGE_DOWN, CTX_LIST, K(KEYC_PGDN), "One page down" },
	{ ACT_FIRST, CTX_LIST, K('g', KEYC_HOME), "First topic" },
	{ ACT_LAST, CTX_LIST, K('G', KEYC_END), "Last topic" },
	{ ACT_OPEN, CTX_LIST, K(KEYC_ENTER), "Open the highlighted topic in the card pane", 3, "open" },

	{ ACT_SCROLL_UP, CTX_CARD, K(KEYC_UP, 'k'), "Scroll up a line", 2, "scroll" },
	{ ACT_SCROLL_DOWN, CTX_CARD, K(KEYC_DOWN, 'j'), "Scroll down a line", 2, "scroll" },
	{ ACT_SCROLL_PAGE_UP, CTX_CARD, K(KEYC_PGUP), "Scroll up a page" },
	{ ACT_SCROLL_PAGE_DOWN, CTX_CARD, K(KEYC_PGDN), "Scroll down a page" },
	{ ACT_TOP, CTX_CARD, K('g', KEYC_HOME), "Top of the section" },
	{ ACT_BOTTOM, CTX_CARD, K('G', KEYC_END), "End of the section" },
	{ ACT_FOLLOW, CTX_CARD, K(KEYC_ENTER), "Follow the selected related topic", 3, "follow" },
	{ ACT_PAN_LEFT, CTX_CARD, K('<'), "Scroll a wide diagram left" },
	{ ACT_PAN_RIGHT, CTX_CARD, K('>'), "Scroll a wide diagram right" },

	{ ACT_PROMPT_SUBMIT, CTX_PROMPT, K(KEYC_ENTER), "Open the topic the words name, else search every card", 1, "open or search" },
	{ ACT_PROMPT_CANCEL, CTX_PROMPT, K(KEYC_ESC), "Cancel the search (keep the selected topic)", 2, "cancel" },
	{ ACT_PROMPT_ERASE, CTX_PROMPT, K(KEYC_BACKSPACE, KEYC_DELETE), "Delete the last character" },
	{ ACT_PROMPT_CLEAR, CTX_PROMPT, K(CTRL('u')), "Clear the search text" },
	{ ACT_PROMPT_UP, CTX_PROMPT, K(KEYC_UP), "Previous topic in the filtered list", 3, "move" },
	{ ACT_PROMPT_DOWN, CTX_PROMPT, K(KEYC_DOWN), "Next topic in the filtered list", 3, "move" },

	{ ACT_MOVE_UP, CTX_RESULTS, K(KEYC_UP, 'k'), "Previous result", 2, "move" },
	{ ACT_MOVE_DOWN, CTX_RESULTS, K(KEYC_DOWN, 'j'), "Next result", 2, "move" },
	{ ACT_PAGE_UP, CTX_RESULTS, K(KEYC_PGUP), "One page up" },
	{ ACT_PAGE_DOWN, CTX_RESULTS, K(KEYC_PGDN), "One page down" },
	{ ACT_FIRST, CTX_RESULTS, K('g', KEYC_HOME), "First result" },
	{ ACT_LAST, CTX_RESULTS, K('G', KEYC_END), "Last result" },
	{ ACT_RESULT_OPEN, CTX_RESULTS, K(KEYC_ENTER), "Open the card at the match", 3, "open the card at the match" },
	{ ACT_BACK, CTX_RESULTS, K(KEYC_ESC, 'q', KEYC_BACKSPACE), "Back to browsing", 4, "back" },

	{ ACT_SCROLL_UP, CTX_PAGER, K(KEYC_UP, 'k'), "Scroll up a line", 2, "scroll" },
	{ ACT_SCROLL_DOWN, CTX_PAGER, K(KEYC_DOWN, 'j'), "Scroll down a line", 2, "scroll" },
	{ ACT_SCROLL_PAGE_UP, CTX_PAGER, K(KEYC_PGUP, 'b'), "Scroll up a page", 4, "page" },
	{ ACT_SCROLL_PAGE_DOWN, CTX_PAGER, K(KEYC_PGDN, ' '), "Scroll down a page", 4, "page" },
	{ ACT_TOP, CTX_PAGER, K('g', KEYC_HOME), "Top", 5, "top/end" },
	{ ACT_BOTTOM, CTX_PAGER, K('G', KEYC_END), "End", 5, "top/end" },
	{ ACT_BACK, CTX_PAGER, K(KEYC_ESC, 'q'), "Close", 3, "close" },

	{ ACT_SCROLL_UP, CTX_COMPARE, K(KEYC_UP, 'k'), "Scroll up a row", 2, "rows" },
	{ ACT_SCROLL_DOWN, CTX_COMPARE, K(KEYC_DOWN, 'j'), "Scroll down a row", 2, "rows" },
	{ ACT_SCROLL_PAGE_UP, CTX_COMPARE, K(KEYC_PGUP), "Scroll up a page" },
	{ ACT_SCROLL_PAGE_DOWN, CTX_COMPARE, K(KEYC_PGDN), "Scroll down a page" },
	{ ACT_TOP, CTX_COMPARE, K('g', KEYC_HOME), "First row" },
	{ ACT_BOTTOM, CTX_COMPARE, K('G', KEYC_END), "Last row" },
	{ ACT_COMPARE_LEFT, CTX_COMPARE, K(KEYC_LEFT, 'h'), "Scroll the columns left", 3, "columns" },
	{ ACT_COMPARE_RIGHT, CTX_COMPARE, K(KEYC_RIGHT, 'l'), "Scroll the columns right", 3, "columns" },
	{ ACT_COMPARE_DIFF, CTX_COMPARE, K('d'), "Show only the rows that differ, or all rows", 4, "diffs" },
	{ ACT_COMPARE_OPEN, CTX_COMPARE, K(KEYC_ENTER), "Details of the row, or open the topic on the header", 5,
	  "open" },
	{ ACT_BACK, CTX_COMPARE, K(KEYC_ESC, 'q', KEYC_BACKSPACE), "Back to browsing", 6, "back" },

	{ ACT_PICK_COMPLETE, CTX_PICK, K(KEYC_TAB), "Complete the topic name being typed", 1, "complete" },
	{ ACT_PROMPT_SUBMIT, CTX_PICK, K(KEYC_ENTER), "Compare the topics named", 2, "compare" },
	{ ACT_PROMPT_ERASE, CTX_PICK, K(KEYC_BACKSPACE, KEYC_DELETE), "Delete the last character" },
	{ ACT_PROMPT_CLEAR, CTX_PICK, K(CTRL('u')), "Clear the names", 3, "clear" },
	{ ACT_PROMPT_CANCEL, CTX_PICK, K(KEYC_ESC), "Back without comparing", 4, "cancel" },

	/* One letter per kind of quiz, always the same (quiz_chooser.c). */
	{ ACT_QUIZ_CHOOSE, CTX_QUIZ_MENU, K('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'), "Start that kind of quiz", 2,
	  "start" },
	{ ACT_QUIZ_COUNT, CTX_QUIZ_MENU, K('n'), "How many questions: all, 10, 20 or 50", 5, "how many" },
	{ ACT_QUIZ_SUBMIT, CTX_QUIZ_MENU, K(KEYC_ENTER), "Start the highlighted kind of quiz", 2, "start" },
	{ ACT_MOVE_UP, CTX_QUIZ_MENU, K(KEYC_UP, 'k'), "Previous kind of quiz", 3, "move" },
	{ ACT_MOVE_DOWN, CTX_QUIZ_MENU, K(KEYC_DOWN, 'j'), "Next kind of quiz", 3, "move" },
	{ ACT_SCROLL_PAGE_UP, CTX_QUIZ_MENU, K(KEYC_PGUP), "Scroll up a page" },
	{ ACT_SCROLL_PAGE_DOWN, CTX_QUIZ_MENU, K(KEYC_PGDN), "Scroll down a page" },
	{ ACT_BACK, CTX_QUIZ_MENU, K(KEYC_ESC, 'q'), "Back to browsing", 4, "back" },

	{ ACT_EXAM_MINUTES, CTX_EXAM_SETUP, K('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), "Time limit in minutes",
	  2, "minutes" },
	{ ACT_PROMPT_ERASE, CTX_EXAM_SETUP, K(KEYC_BACKSPACE, KEYC_DELETE), "Delete the last digit" },
	{ ACT_QUIZ_SUBMIT, CTX_EXAM_SETUP, K(KEYC_ENTER), "Start the exam", 3, "start" },
	{ ACT_BACK, CTX_EXAM_SETUP, K(KEYC_ESC, 'q'), "Back to the choice of quiz", 4, "back" },

	{ ACT_QUIZ_CHOOSE, CTX_QUIZ, K('a', 'b', 'c', 'd', 'e', 'f'), "Choose an answer", 2, "choose" },
	{ ACT_QUIZ_TOGGLE, CTX_QUIZ, K(' '), "Tick or untick a choice (select all that apply)" },
	{ ACT_QUIZ_SUBMIT, CTX_QUIZ, K(KEYC_ENTER), "Submit the answer", 3, "submit" },
	{ ACT_QUIZ_DONT_KNOW, CTX_QUIZ, K('x'), "I don't know", 5, "don't know" },
	{ ACT_QUIZ_GRADE, CTX_QUIZ, K('1', '2', '3', '4'), "(after answering: change the grade)" },
	{ ACT_QUIZ_OPEN, CTX_QUIZ, K('o'),
	  "(after answering, or first on a question missed often: open the card that explains it)" },
	{ ACT_QUIZ_UNDO, CTX_QUIZ, K('u'), "Undo the last answer", 6, "undo" },
	{ ACT_MOVE_UP, CTX_QUIZ, K(KEYC_UP, 'k'), "Previous choice" },
	{ ACT_MOVE_DOWN, CTX_QUIZ, K(KEYC_DOWN, 'j'), "Next choice" },
	{ ACT_SCROLL_PAGE_UP, CTX_QUIZ, K(KEYC_PGUP), "Scroll up a page" },
	{ ACT_SCROLL_PAGE_DOWN, CTX_QUIZ, K(KEYC_PGDN), "Scroll down a page" },
	{ ACT_BACK, CTX_QUIZ, K(KEYC_ESC, 'q'), "End the quiz (an exam asks first)", 4, "end" },

	{ ACT_QUIZ_SUBMIT, CTX_QUIZ_TYPE, K(KEYC_ENTER), "Submit the typed answer (x alone: I don't know)", 2, "submit" },
	{ ACT_PROMPT_ERASE, CTX_QUIZ_TYPE, K(KEYC_BACKSPACE, KEYC_DELETE), "Delete the last character" },
	{ ACT_PROMPT_CLEAR, CTX_QUIZ_TYPE, K(CTRL('u')), "Clear the answer", 3, "clear" },
	{ ACT_SCROLL_PAGE_UP, CTX_QUIZ_TYPE, K(KEYC_PGUP), "Scroll up a page" },
	{ ACT_SCROLL_PAGE_DOWN, CTX_QUIZ_TYPE, K(KEYC_PGDN), "Scroll down a page" },
	{ ACT_BACK, CTX_QUIZ_TYPE, K(KEYC_ESC), "End the quiz (the summary shows what was done)", 4, "end" },

	{ ACT_QUIZ_YES, CTX_QUIZ_CONFIRM, K('y'), "Yes, that was meant: count it as right", 2, "yes" },
	{ ACT_QUIZ_NO, CTX_QUIZ_CONFIRM, K('n'), "No: grade the answer as typed", 3, "no" },
	{ ACT_BACK, CTX_QUIZ_CONFIRM, K(KEYC_ESC), "Edit the answer again", 4, "edit" },

	{ ACT_QUIZ_SUBMIT, CTX_QUIZ_FEEDBACK, K(KEYC_ENTER), "Next question", 2, "next" },
	{ ACT_QUIZ_GRADE, CTX_QUIZ_FEEDBACK, K('1', '2', '3', '4'), "Grade it Again, Hard, Good or Easy", 3, "grade" },
	{ ACT_QUIZ_OPEN, CTX_QUIZ_FEEDBACK, K('o'), "Open the card that explains the answer", 4, "open card" },
	{ ACT_QUIZ_UNDO, CTX_QUIZ_FEEDBACK, K('u'), "Take the answer back and answer again", 5, "undo" },
	{ ACT_MOVE_UP, CTX_QUIZ_FEEDBACK, K(KEYC_UP, 'k'), "Scroll up" },
	{ ACT_MOVE_DOWN, CTX_QUIZ_FEEDBACK, K(KEYC_DOWN, 'j'), "Scroll down" },
	{ ACT_SCROLL_PAGE_UP, CTX_QUIZ_FEEDBACK, K(KEYC_PGUP), "Scroll up a page" },
	{ ACT_SCROLL_PAGE_DOWN, CTX_QUIZ_FEEDBACK, K(KEYC_PGDN), "Scroll down a page" },
	{ ACT_BACK, CTX_QUIZ_FEEDBACK, K(KEYC_ESC, 'q'), "End the quiz", 6, "end" },

	{ ACT_MOVE_UP, CTX_QUIZ_SUMMARY, K(KEYC_UP, 'k'), "Previous mistake (or scroll)", 2, "pick a mistake" },
	{ ACT_MOVE_DOWN, CTX_QUIZ_SUMMARY, K(KEYC_DOWN, 'j'), "Next mistake (or scroll)", 2, "pick a mistake" },
	{ ACT_QUIZ_OPEN, CTX_QUIZ_SUMMARY, K('o'), "Open the card behind the mistake", 3, "open its card" },
	{ ACT_QUIZ_SUBMIT, CTX_QUIZ_SUMMARY, K(KEYC_ENTER), "Open the mistake's card, or back to browsing" },
	{ ACT_SCROLL_PAGE_UP, CTX_QUIZ_SUMMARY, K(KEYC_PGUP), "Scroll up a page" },
	{ ACT_SCROLL_PAGE_DOWN, CTX_QUIZ_SUMMARY, K(KEYC_PGDN), "Scroll down a page" },
	{ ACT_BACK, CTX_QUIZ_SUMMARY, K(KEYC_ESC, 'q'), "Back to browsing", 4, "back" },

	{ ACT_SCROLL_UP, CTX_PEEK, K(KEYC_UP, 'k'), "Scroll up a line", 2, "scroll" },
	{ ACT_SCROLL_DOWN, CTX_PEEK, K(KEYC_DOWN, 'j'), "Scroll down a line", 2, "scroll" },
	{ ACT_SCROLL_PAGE_UP, CTX_PEEK, K(KEYC_PGUP, 'b'), "Scroll up a page" },
	{ ACT_SCROLL_PAGE_DOWN, CTX_PEEK, K(KEYC_PGDN, ' '), "Scroll down a page" },
	{ ACT_TOP, CTX_PEEK, K('g', KEYC_HOME), "Top of the section" },
	{ ACT_BOTTOM, CTX_PEEK, K('G', KEYC_END), "End of the section" },
	{ ACT_TAB_PREV, CTX_PEEK, K(KEYC_LEFT), "Previous section tab", 3, "sections" },
	{ ACT_TAB_NEXT, CTX_PEEK, K(KEYC_RIGHT), "Next section tab", 3, "sections" },
	{ ACT_BACK, CTX_PEEK, K(KEYC_ESC, 'q', KEYC_BACKSPACE), "Back to the quiz", 4, "back to the quiz" },

	{ ACT_SCROLL_UP, CTX_STATS, K(KEYC_UP, 'k'), "Scroll up", 2, "scroll" },
	{ ACT_SCROLL_DOWN, CTX_STATS, K(KEYC_DOWN, 'j'), "Scroll down", 2, "scroll" },
	{ ACT_SCROLL_PAGE_UP, CTX_STATS, K(KEYC_PGUP, 'b'), "Scroll up a page", 4, "page" },
	{ ACT_SCROLL_PAGE_DOWN, CTX_STATS, K(KEYC_PGDN, ' '), "Scroll down a page", 4, "page" },
	{ ACT_TOP, CTX_STATS, K('g', KEYC_HOME), "Top", 5, "top/end" },
	{ ACT_BOTTOM, CTX_STATS, K('G', KEYC_END), "End", 5, "top/end" },
	{ ACT_BACK, CTX_STATS, K(KEYC_ESC, 'q'), "Back to browsing", 3, "back" },

	{ ACT_MOVE_UP, CTX_CONFUSIONS, K(KEYC_UP, 'k'), "Previous pair", 2, "pick a pair" },
	{ ACT_MOVE_DOWN, CTX_CONFUSIONS, K(KEYC_DOWN, 'j'), "Next pair", 2, "pick a pair" },
	{ ACT_CONFUSION_COMPARE, CTX_CONFUSIONS, K('c', KEYC_ENTER), "Compare the two topics of the pair", 3,
	  "compare" },
	{ ACT_CONFUSION_EXPLAIN, CTX_CONFUSIONS, K('e'), "Read the explainer that compares both (when there is one)",
	  4, "explainer" },
	{ ACT_CONFUSION_DRILL, CTX_CONFUSIONS, K('d'), "Contrast drill: the questions whose answers differ", 5,
	  "drill" },
	{ ACT_SCROLL_PAGE_UP, CTX_CONFUSIONS, K(KEYC_PGUP), "Scroll up a page" },
	{ ACT_SCROLL_PAGE_DOWN, CTX_CONFUSIONS, K(KEYC_PGDN), "Scroll down a page" },
	{ ACT_BACK, CTX_CONFUSIONS, K(KEYC_ESC, 'q'), "Back to browsing", 6, "back" },
};

const size_t actions_count = sizeof(actions_table) / sizeof(actions_table[0]);

int actions_parent(enum action_context context)
{
	switch (context) {
	case CTX_GLOBAL:
		return -1;
	case CTX_LIST:
	case CTX_CARD:
		return CTX_BROWSE;
	default:
		return CTX_GLOBAL;
	}
}

bool actions_text_entry(enum action_context context)
{
	return context == CTX_PROMPT || context == CTX_PICK || context == CTX_QUIZ_TYPE;
}

static bool action_has_key(const struct action *action, int key)
{
	size_t i;

	for (i = 0; i < ACTION_MAX_KEYS && action->keys[i]; i++)
		if (action->keys[i] == key)
			return true;
	return false;
}

static const struct action *lookup_in(const struct action *table, size_t count, int context, int key)
{
	size_t i;

	for (i = 0; i < count; i++)
		if ((int)table[i].context == context && action_has_key(&table[i], key))
			return &table[i];
	return NULL;
}

const struct action *actions_lookup(enum action_context context, int key)
{
	int ctx;

	for (ctx = (int)context; ctx >= 0; ctx = actions_parent((enum action_context)ctx)) {
		const struct action *found = lookup_in(actions_table, actions_count, ctx, key);

		if (found)
			return found;
	}
	return NULL;
}

const struct action *actions_find(enum action_id id, enum action_context context)
{
	size_t i;

	for (i = 0; i < actions_count; i++)
		if (actions_table[i].id == id && actions_table[i].context == context)
			return &actions_table[i];
	return NULL;
}

const char *actions_key_name(int key, bool utf8, char *buf, size_t size)
{
	static const char *const names[][2] = {
		[KEYC_UP - KEYC_BASE] = { "\xE2\x86\x91", "Up" },
		[KEYC_DOWN - KEYC_BASE] = { "\xE2\x86\x93", "Down" },
		[KEYC_LEFT - KEYC_BASE] = { "\xE2\x86\x90", "Left" },
		[KEYC_RIGHT - KEYC_BASE] = { "\xE2\x86\x92", "Right" },
		[KEYC_PGUP - KEYC_BASE] = { "PgUp", "PgUp" },
		[KEYC_PGDN - KEYC_BASE] = { "PgDn", "PgDn" },
		[KEYC_HOME - KEYC_BASE] = { "Home", "Home" },
		[KEYC_END - KEYC_BASE] = { "End", "End" },
		[KEYC_ENTER - KEYC_BASE] = { "Enter", "Enter" },
		[KEYC_BACKSPACE - KEYC_BASE] = { "Backspace", "Backspace" },
		[KEYC_ESC - KEYC_BASE] = { "Esc", "Esc" },
		[KEYC_TAB - KEYC_BASE] = { "Tab", "Tab" },
		[KEYC_BTAB - KEYC_BASE] = { "Shift-Tab", "Shift-Tab" },
		[KEYC_DELETE - KEYC_BASE] = { "Delete", "Delete" },
		[KEYC_RESIZE - KEYC_BASE] = { "(resize)", "(resize)" },
		[KEYC_MOUSE - KEYC_BASE] = { "(mouse)", "(mouse)" },
	};

	if (size == 0)
		return buf;
	if (key >= KEYC_BASE && key < KEYC_LIMIT)
		snprintf(buf, size, "%s", names[key - KEYC_BASE][utf8 ? 0 : 1]);
	else if (key == ' ')
		snprintf(buf, size, "Space");
	else if (key > 0 && key < 0x20)
		snprintf(buf, size, "Ctrl-%c", key + '@');
	else if (key >= 0x20 && key < 0x7f)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "U+%04X", (unsigned)key);
	return buf;
}

/* Length of the run of consecutive printable keys starting at keys[i]. */
static size_t run_length(const int *keys, size_t i)
{
	size_t n = 1;

	while (i + n < ACTION_MAX_KEYS && keys[i + n] && keys[i + n] == keys[i + n - 1] + 1 &&
	       keys[i + n] > 0x20 && keys[i + n] < 0x7f)
		n++;
	return n;
}

const char *actions_keys_label(const struct action *action, bool utf8, char *buf, size_t size)
{
	size_t i = 0, used = 0;
	char name[32], last[32];

	if (size == 0)
		return buf;
	buf[0] = '\0';
	while (i < ACTION_MAX_KEYS && action->keys[i]) {
		size_t run = run_length(action->keys, i);
		int n;

		actions_key_name(action->keys[i], utf8, name, sizeof(name));
		if (run >= 3) {
			actions_key_name(action->keys[i + run - 1], utf8, last, sizeof(last));
			n = snprintf(buf + used, size - used, "%s%s%s%s", used ? " " : "", name,
				     utf8 ? "\xE2\x80\x93" : "-", last);
		} else {
			run = 1;
			n = snprintf(buf + used, size - used, "%s%s", used ? " " : "", name);
		}
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
		i += run;
	}
	return buf;
}

static bool is_arrow(int key)
{
	return key == KEYC_UP || key == KEYC_DOWN || key == KEYC_LEFT || key == KEYC_RIGHT;
}

/* The keys a hint names for one row: a run ("a–f"), else the first key.  A
 * run cut to what the screen takes now is a range from two keys ("a–b"). */
static void hint_keys(const struct action *action, const struct hint_state *state, bool utf8, char *buf,
		      size_t size)
{
	size_t run = run_length(action->keys, 0), shortest = 3;
	char last[32];

	if (state && state->cut_keys && state->cut == action->id && run >= state->cut_keys) {
		run = state->cut_keys;
		shortest = 2;
	}
	actions_key_name(action->keys[0], utf8, buf, size);
	if (run >= shortest) {
		size_t used = strlen(buf);

		actions_key_name(action->keys[run - 1], utf8, last, sizeof(last));
		if (snprintf(buf + used, size - used, "%s%s", utf8 ? "\xE2\x80\x93" : "-", last) < 0)
			buf[used] = '\0';
	}
}

static bool skipped(const struct action *action, enum action_context context, const struct hint_state *state)
{
	size_t i;

	if (!action->hint_rank || !action->hint)
		return true;
	/* In a text-entry context a printable key is text, whatever its parents say. */
	if (actions_text_entry(context) && action->keys[0] >= 0x20 && action->keys[0] < KEYC_BASE)
		return true;
	for (i = 0; state && i < state->nskip; i++)
		if (state->skip[i] == action->id)
			return true;
	return false;
}

const char *actions_hints(enum action_context context, const struct hint_state *state, bool utf8, char *buf,
			  size_t size)
{
	const struct action *rows[sizeof(actions_table) / sizeof(actions_table[0])];
	size_t n = 0, i, j, used = 0;
	int ctx;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (ctx = (int)context; ctx >= 0; ctx = actions_parent((enum action_context)ctx))
		for (i = 0; i < actions_count; i++)
			if ((int)actions_table[i].context == ctx && !skipped(&actions_table[i], context, state))
				rows[n++] = &actions_table[i];
	/* By rank; a stable insertion sort keeps the table's order within one. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && rows[j - 1]->hint_rank > rows[j]->hint_rank; j--) {
			const struct action *t = rows[j];

			rows[j] = rows[j - 1];
			rows[j - 1] = t;
		}
	for (i = 0; i < n; i = j) {
		char keys[64] = "", one[32];
		bool arrows = utf8;
		int w;

		for (j = i; j < n && rows[j]->hint_rank == rows[i]->hint_rank && strcmp(rows[j]->hint, rows[i]->hint) == 0;
		     j++)
			arrows &= is_arrow(rows[j]->keys[0]);
		for (size_t k = i; k < j; k++) {
			size_t len = strlen(keys);

			hint_keys(rows[k], state, utf8, one, sizeof(one));
			snprintf(keys + len, sizeof(keys) - len, "%s%s", k > i && !arrows ? "/" : "", one);
		}
		w = snprintf(buf + used, size - used, "%s%s:%s", used ? "  " : "", keys, rows[i]->hint);
		if (w < 0 || (size_t)w >= size - used) {
			buf[used] = '\0';	/* only whole hints */
			break;
		}
		used += (size_t)w;
	}
	return buf;
}

const char *actions_context_title(enum action_context context)
{
	static const char *const titles[CTX_COUNT] = {
		[CTX_GLOBAL] = "Everywhere",
		[CTX_BROWSE] = "Browse",
		[CTX_LIST] = "Browse: topic list focused",
		[CTX_CARD] = "Browse: card focused",
		[CTX_PROMPT] = "Search prompt",
		[CTX_RESULTS] = "Search results",
		[CTX_PAGER] = "Help and load problems",
		[CTX_COMPARE] = "Comparison",
		[CTX_PICK] = "Comparison: topics by name",
		[CTX_QUIZ_MENU] = "Quiz: the choice",
		[CTX_EXAM_SETUP] = "Quiz: the exam's time limit",
		[CTX_QUIZ] = "Quiz: a question",
		[CTX_QUIZ_TYPE] = "Quiz: typing an answer",
		[CTX_QUIZ_CONFIRM] = "Quiz: did you mean ...?",
		[CTX_QUIZ_FEEDBACK] = "Quiz: after answering",
		[CTX_QUIZ_SUMMARY] = "Quiz: the summary",
		[CTX_PEEK] = "Quiz: the card of an answer",
		[CTX_STATS] = "Statistics",
		[CTX_CONFUSIONS] = "Confusions",
	};

	return (int)context >= 0 && context < CTX_COUNT ? titles[context] : "?";
}

static bool check_context(const struct action *table, size_t count, int context, char *err, size_t err_size)
{
	size_t i, k, m;

	for (i = 0; i < count; i++) {
		if ((int)table[i].context != context)
			continue;
		for (k = 0; k < ACTION_MAX_KEYS && table[i].keys[k]; k++) {
			int key = table[i].keys[k];
			int ctx;

			if (actions_text_entry((enum action_context)context) && key >= 0x20 && key < KEYC_BASE) {
				snprintf(err, err_size, "text-entry context %d binds printable key %d", context, key);
				return false;
			}
			/* The same key later in this context, or anywhere in its parents. */
			for (ctx = context; ctx >= 0; ctx = actions_parent((enum action_context)ctx)) {
				size_t j;

				for (j = 0; j < count; j++) {
					if ((int)table[j].context != ctx || j == i || !action_has_key(&table[j], key))
						continue;
					snprintf(err, err_size, "key %d bound twice: context %d (\"%s\") and %d (\"%s\")",
						 key, context, table[i].help, ctx, table[j].help);
					return false;
				}
			}
			/* Twice within the same entry. */
			for (m = k + 1; m < ACTION_MAX_KEYS && table[i].keys[m]; m++)
				if (table[i].keys[m] == key) {
					snprintf(err, err_size, "key %d listed twice for \"%s\"", key, table[i].help);
					return false;
				}
		}
	}
	return true;
}

bool actions_check(const struct action *table, size_t count, char *err, size_t err_size)
{
	static const int global_keys[] = { '?', KEYC_CTRL('l'), KEYC_CTRL('c') };
	size_t i, k;
	int context;

	for (i = 0; i < count; i++) {
		if (!table[i].help || !*table[i].help || !table[i].keys[0]) {
			snprintf(err, err_size, "entry %zu has no help text or no key", i);
			return false;
		}
		if ((table[i].hint_rank > 0) != (table[i].hint && *table[i].hint) || table[i].hint_rank < 0) {
			snprintf(err, err_size, "entry %zu (\"%s\") has a hint without a rank or a rank without a hint",
				 i, table[i].help);
			return false;
		}
		if (table[i].context != CTX_GLOBAL)
			continue;
		for (k = 0; k < ACTION_MAX_KEYS && table[i].keys[k]; k++) {
			size_t g;
			bool allowed = false;

			for (g = 0; g < sizeof(global_keys) / sizeof(global_keys[0]); g++)
				allowed |= table[i].keys[k] == global_keys[g];
			if (!allowed) {
				snprintf(err, err_size, "global context binds key %d (only ?, Ctrl-L, Ctrl-C may be)",
					 table[i].keys[k]);
				return false;
			}
		}
	}
	for (context = 0; context < CTX_COUNT; context++)
		if (!check_context(table, count, context, err, err_size))
			return false;
	return true;
}
