/* actions — the one table of user actions: id, context, keys, help text,
 * and the short hint the status bar shows for it.
 *
 * The key map, the `?` help screen and every screen's status-bar hints are
 * built from this table, so a key can never do something the help does not
 * say, nor a hint name a key that does something else.  Curses-free (plain int
 * key codes) so that tests/unit/test_actions.c can check the table itself.
 *
 * Key codes: a Unicode code point for a character key (Ctrl-X is its control
 * code, 1..31), or one of the KEYC_* values below for a function key; the
 * curses front end (src/ui/ui.c) translates what the terminal sends.
 *
 * Contexts stack: a key is looked up in the focused context, then in its
 * parents (actions_parent), then in CTX_GLOBAL.  Invariant (tested): within
 * one context and all its parents no key is bound twice, and CTX_GLOBAL binds
 * only `?`, Ctrl-L and Ctrl-C.  Text-entry contexts (CTX_PROMPT, CTX_PICK)
 * take printable characters as text before any lookup, so they bind none.
 *
 * Hints: a row with a hint (and a rank, 1 the most needed) shows in the
 * status bar of its context as "keys:hint", in rank order; rows next to each
 * other with the same hint share it ("↑↓:move").  The bar drops whole hints
 * from the end when they do not fit.
 */
#ifndef RXPLORE_UI_ACTIONS_H
#define RXPLORE_UI_ACTIONS_H

#include <stdbool.h>
#include <stddef.h>

#define KEYC_BASE 0x110000	/* above every Unicode code point */
enum {
	KEYC_UP = KEYC_BASE, KEYC_DOWN, KEYC_LEFT, KEYC_RIGHT, KEYC_PGUP, KEYC_PGDN, KEYC_HOME, KEYC_END,
	KEYC_ENTER, KEYC_BACKSPACE, KEYC_ESC, KEYC_TAB, KEYC_BTAB, KEYC_DELETE, KEYC_RESIZE, KEYC_MOUSE,
	KEYC_LIMIT
};
#define KEYC_CTRL(c) ((c) & 0x1f)

enum action_context {
	CTX_GLOBAL,
	CTX_BROWSE,	/* the browse screen, whichever pane has focus */
	CTX_LIST,	/* browse: the topic list has focus */
	CTX_CARD,	/* browse: the card has focus */
	CTX_PROMPT,	/* the search prompt (text entry) */
	CTX_RESULTS,	/* full-text search results */
	CTX_PAGER,	/* help and load problems: scrolling text */
	CTX_COMPARE,
	CTX_PICK,	/* compare topics by name (text entry) */
	CTX_QUIZ_MENU,	/* the quiz chooser */
	CTX_EXAM_SETUP,	/* the exam's time limit */
	CTX_QUIZ,	/* a question being asked */
	CTX_QUIZ_TYPE,	/* a typed question being answered (text entry) */
	CTX_QUIZ_CONFIRM,	/* "did you mean …?" after a typed answer one typo away */
	CTX_QUIZ_FEEDBACK,	/* after answering */
	CTX_QUIZ_SUMMARY,	/* the end of a quiz */
	CTX_PEEK,	/* the card an answer points to */
	CTX_STATS,
	CTX_CONFUSIONS,	/* the topics the learner mixes up */
	CTX_COUNT
};

enum action_id {
	ACT_NONE,
	ACT_HELP, ACT_REPAINT, ACT_INTERRUPT,
	ACT_FOCUS_NEXT, ACT_FOCUS_PREV, ACT_TAB_PREV, ACT_TAB_NEXT, ACT_TAB_JUMP, ACT_HISTORY_BACK, ACT_MARK,
	ACT_SEARCH, ACT_MATCH_NEXT, ACT_MATCH_PREV, ACT_COMPARE, ACT_COMPARE_BY_NAME, ACT_QUIZ, ACT_STATS,
	ACT_PROBLEMS, ACT_BACK, ACT_QUIT, ACT_WIDE, ACT_PAN_LEFT, ACT_PAN_RIGHT,
	ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_OPEN,
	ACT_SCROLL_UP, ACT_SCROLL_DOWN, ACT_SCROLL_PAGE_UP, ACT_SCROLL_PAGE_DOWN, ACT_TOP, ACT_BOTTOM,
	ACT_FOLLOW,
	ACT_PROMPT_SUBMIT, ACT_PROMPT_CANCEL, ACT_PROMPT_ERASE, ACT_PROMPT_CLEAR, ACT_PROMPT_UP,
	ACT_PROMPT_DOWN,
	ACT_RESULT_OPEN,
	ACT_COMPARE_DIFF, ACT_COMPARE_LEFT, ACT_COMPARE_RIGHT, ACT_COMPARE_OPEN, ACT_PICK_COMPLETE,
	ACT_EXAM_MINUTES,
	ACT_QUIZ_CHOOSE, ACT_QUIZ_TOGGLE, ACT_QUIZ_SUBMIT, ACT_QUIZ_DONT_KNOW, ACT_QUIZ_GRADE, ACT_QUIZ_OPEN,
	ACT_QUIZ_UNDO, ACT_QUIZ_COUNT, ACT_QUIZ_YES, ACT_QUIZ_NO,
	ACT_CONFUSIONS, ACT_CONFUSION_COMPARE, ACT_CONFUSION_EXPLAIN, ACT_CONFUSION_DRILL,
	ACT_COUNT
};

#define ACTION_MAX_KEYS 10

struct action {
	enum action_id id;
	enum action_context context;
	int keys[ACTION_MAX_KEYS];	/* 0-terminated when shorter */
	const char *help;
	int hint_rank;		/* 0: no status-bar hint; else its place, 1 first */
	const char *hint;	/* the status-bar word(s), with hint_rank */
};

extern const struct action actions_table[];
extern const size_t actions_count;

/* The context searched after this one, or -1 after CTX_GLOBAL.  Every other
 * context falls back to CTX_GLOBAL, the browse panes to CTX_BROWSE first. */
int actions_parent(enum action_context context);

/* True when printable characters are text in this context, not commands. */
bool actions_text_entry(enum action_context context);

/* The action a key triggers in a context (parents included), or NULL.  For
 * actions such as ACT_TAB_JUMP and ACT_QUIZ_CHOOSE the caller reads the key
 * itself to know which tab or choice. */
const struct action *actions_lookup(enum action_context context, int key);

/* The table's first entry for an id (help strings for hints), or NULL. */
const struct action *actions_find(enum action_id id, enum action_context context);

/* "Ctrl-L", "PgDn", "Space", "↑", "q" into buf (utf8 false: ASCII names). */
const char *actions_key_name(int key, bool utf8, char *buf, size_t size);

/* "↑ k" / "1–9": the action's keys for the help screen, into buf. */
const char *actions_keys_label(const struct action *action, bool utf8, char *buf, size_t size);

/* What a screen's state changes in its hints (NULL: nothing).  Rows whose id
 * is in skip[0..nskip) are left out (a stage where they do nothing useful);
 * the row of id `cut` names only the first cut_keys keys of its run (a
 * question with three choices takes a-c of the quiz's a-f); cut_keys 0 cuts
 * nothing. */
struct hint_state {
	const enum action_id *skip;
	size_t nskip;
	enum action_id cut;
	size_t cut_keys;
};

/* The status-bar hints of a context: "keys:hint" of its rows and its
 * parents', in rank order, separated by two spaces, into buf, as state
 * narrows them; in a text-entry context rows of printable keys are left out
 * (they are text). */
const char *actions_hints(enum action_context context, const struct hint_state *state, bool utf8, char *buf,
			  size_t size);

/* Heading of a context on the help screen ("Topic list"). */
const char *actions_context_title(enum action_context context);

/* Checks a table for the invariant above.  Returns true when it holds;
 * otherwise false with the first problem described in err. */
bool actions_check(const struct action *table, size_t count, char *err, size_t err_size);

#endif
