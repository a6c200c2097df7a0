/* screen — the UI's internal contract: screens, intents, the shared UI state,
 * the theme's roles and the drawing helpers (src/ui/ only).
 *
 * A screen is a struct plus a const table of operations (tig's view_ops).  The
 * main loop (ui.c) owns the terminal: it reads a key, looks the action up in
 * the screen's current context (actions.h), hands both to the screen's key
 * operation and acts on the intent it returns — redraw, open a screen, go
 * back, quit.  Screens never switch screens, clear the terminal or refresh it
 * themselves; they draw into the area they are given when asked, and the loop
 * finishes each frame with a single doupdate().
 *
 * A screen that closes can hand the one below it a result (open this card at
 * this section, open this search hit): it returns screen_close(screen,
 * result) instead of INTENT_BACK, and the loop passes the result to the
 * resume() of the screen that is on top again.  screen_leave() hands the
 * closing screen down as well, unfreed: browse keeps it in its history, and
 * Backspace opens it again as it was left (a comparison, a results list).
 * Screens never leave notes for each other in struct ui.
 *
 * HOW TO ADD A SCREEN (e.g. the comparison view):
 *  1. Write src/ui/compare_view.c with its operations table, written
 *     compactly (a vtable, not logic), two or three initializers a line:
 *        static const struct screen_ops compare_ops = {
 *            .context_now = compare_context, .draw = compare_draw, .key = compare_key,
 *            .mouse = compare_mouse, .free = compare_free,
 *        };
 *     and a constructor matching screen_factory:
 *        struct screen *compare_view_open(struct ui *ui, const struct screen_request *request);
 *     It allocates a struct that begins with `struct screen base` with
 *     screen_new(ui, sizeof *v, &compare_ops) and returns &v->base, or NULL
 *     with ui_message() set (screen_new() says "Out of memory" itself).
 *     The table states only what differs from the defaults: its .context
 *     and .draw always; a screen that only scrolls its text (statistics,
 *     help) points base.scroll at its struct scroll and leaves .key and
 *     .mouse NULL (Esc closes it, the scrolling keys and the wheel move it);
 *     .free is NULL when the screen owns nothing but itself.
 *  2. Declare the constructor in src/ui/screens.h and put it in the table in
 *     src/ui/screens.c (the SCREEN_COMPARE row), replacing the NULL there;
 *     the "coming soon" message then disappears by itself.
 *  3. Its keys: add rows for its context (CTX_COMPARE etc.) to actions_table
 *     in src/ui/actions.c, with a rank and a hint on those the status bar
 *     should name — the help screen, the key map and the hints follow (leave
 *     .hints NULL), and tests/unit/test_actions.c checks the keys do not
 *     clash.  Moving through rows: scroll.h (scroll_key, scroll_move).
 *  4. To hand something to the screen below when it closes (open a card),
 *     return screen_close(screen, result); that screen's resume() gets it.
 *  5. Add the .c file to the Makefile's list of UI sources, and its golden
 *     screen to tests/tui/golden.sh (tests/tui/golden/regen.sh).
 * Drawing: use ui_put()/ui_fill() with a role (never raw colours), keep to the
 * area passed to draw(), and call ui_cursor() on the selected item so screen
 * magnifiers and braille displays follow it.
 */
#ifndef RXPLORE_UI_SCREEN_H
#define RXPLORE_UI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "card.h"
#include "compare.h"
#include "config.h"
#include "diag.h"
#include "library.h"
#include "library_verify.h"
#include "search.h"
#include "ui.h"

#define UI_MIN_COLS 40
#define UI_MIN_ROWS 12
#define UI_STACK_MAX 16

/* What a key or mouse handler asks the main loop to do. */
enum intent {
	INTENT_IGNORED,	/* not mine: the loop may try a global action */
	INTENT_HANDLED,	/* done, nothing on screen changed */
	INTENT_REDRAW,	/* done, draw a new frame */
	INTENT_OPEN,	/* push ui->pending (set by the handler) on top */
	INTENT_REPLACE,	/* pop this screen and push ui->pending in its place */
	INTENT_BACK,	/* pop this screen, handing its result down (root screen: quit) */
	INTENT_QUIT	/* leave the program */
};

enum mouse_kind { MOUSE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

struct rect {
	int y, x, h, w;
};

struct ui;
struct screen;

/* What a closing screen hands the screen below it. */
enum screen_result_kind {
	RESULT_NONE,
	RESULT_OPEN_CARD,	/* show card at section (-1: the first) */
	RESULT_OPEN_HIT		/* show search hit number hit of ui->search.results */
};

struct screen_result {
	enum screen_result_kind kind;
	const struct card *card;
	int section;
	size_t hit;
	/* The closing screen itself when it left with screen_leave(): not freed,
	 * so that Backspace can bring it back as it was.  The resume() that
	 * receives it owns it (the loop frees it when there is no resume()). */
	struct screen *origin;
};

struct screen_ops {
	/* The action context its keys are looked up in. */
	enum action_context context;
	/* For a screen whose keys change with its state (a list with a prompt,
	 * the quiz's stages): the context right now.  NULL (the rule): context. */
	enum action_context (*context_now)(const struct screen *screen);
	/* Draws the whole of area (erased beforehand) for this frame. */
	void (*draw)(struct screen *screen, struct ui *ui, struct rect area);
	/* action: the table's action for key in the context, or NULL; the
	 * screen sees every key first (text entry, "any key" dialogs).  NULL:
	 * scroll_screen_key() on screen->scroll (a screen that only scrolls). */
	enum intent (*key)(struct screen *screen, struct ui *ui, const struct action *action, int key);
	/* y, x relative to the last draw area.  NULL: the wheel scrolls
	 * screen->scroll, a click does nothing (scroll_screen_mouse()). */
	enum intent (*mouse)(struct screen *screen, struct ui *ui, enum mouse_kind kind, int y, int x);
	/* Called when the screen is on top again after the one above it closed,
	 * with what that one produced (kind RESULT_NONE for nothing); may be NULL. */
	void (*resume)(struct screen *screen, struct ui *ui, const struct screen_result *result);
	/* Called about four times a second while no key arrives (an exam's
	 * countdown); returns INTENT_REDRAW when the screen changed.  May be NULL. */
	enum intent (*tick)(struct screen *screen, struct ui *ui);
	/* Key hints for the status bar, into buf.  NULL (the rule): the hints of
	 * the context from the action table, so keys, help and hints agree; a
	 * screen sets it only to narrow them to its state (struct hint_state:
	 * rows left out, a run of letters cut to the choices shown) or when its
	 * keys are not actions (the "any key" notice). */
	void (*hints)(const struct screen *screen, const struct ui *ui, char *buf, size_t size);
	/* Frees what the screen owns and the screen.  NULL: it owns nothing
	 * beyond its own allocation (free(screen)). */
	void (*free)(struct screen *screen);
};

struct scroll;

struct screen {
	const struct screen_ops *ops;
	struct rect area;	/* where it was last drawn (for the mouse) */
	struct screen_result result;	/* handed down when it closes (screen_close) */
	bool keep;		/* closing hands the screen itself down (screen_leave) */
	/* The text window the default key and mouse handlers move (a pager's,
	 * the statistics'), set by the constructor; NULL: nothing to scroll. */
	struct scroll *scroll;
};

/* --- screen.c: the operations with their defaults filled in (curses-free) -- */
/* The context its keys are looked up in right now. */
enum action_context screen_context(const struct screen *screen);
enum intent screen_key(struct screen *screen, struct ui *ui, const struct action *action, int key);
enum intent screen_mouse(struct screen *screen, struct ui *ui, enum mouse_kind kind, int y, int x);
void screen_free(struct screen *screen);

/* Closes screen with a result for the screen below: returns INTENT_BACK. */
static inline enum intent screen_close(struct screen *screen, struct screen_result result)
{
	screen->result = result;
	screen->keep = false;
	return INTENT_BACK;
}

/* As screen_close(), for a screen the user leaves by going on to something
 * it offered (a topic in a comparison's header, a search result): the screen
 * is handed down too, in its state, so that Backspace can return to it. */
static inline enum intent screen_leave(struct screen *screen, struct screen_result result)
{
	screen->result = result;
	screen->keep = true;
	return INTENT_BACK;
}

/* Colour roles: each has a colour pair and a monochrome attribute (theme.c). */
enum role {
	ROLE_TEXT, ROLE_TITLE, ROLE_HEADING, ROLE_DIM, ROLE_SELECTION, ROLE_SELECTION_IDLE, ROLE_MATCH,
	ROLE_MARKER, ROLE_LINK, ROLE_TAB, ROLE_TAB_ACTIVE, ROLE_WARNING, ROLE_OK, ROLE_ERROR, ROLE_STATUS,
	ROLE_STATUS_KEY, ROLE_COUNT
};

/* The full-text search the user ran last: n/N and the results screen share
 * it.  Hits are shown and stepped through in search_rank() order: hit i of
 * the list is ui_search_hit(ui, i). */
struct ui_search {
	char query[128];
	struct search_results results;
	struct search_ranking ranking;
	size_t current;		/* position (in ranking order) of the hit last opened */
	unsigned generation;	/* counts searches: a results list kept in history knows its own */
	bool active;		/* a search has run (results may be empty) */
};

struct ui {
	const struct library *library;
	const struct config *config;
	const struct diag_list *diags;
	const struct ui_options *options;
	bool utf8;		/* the locale's charset is UTF-8: use ✓, …, arrows */
	bool color;
	int rows, cols;
	struct screen *stack[UI_STACK_MAX];
	int depth;
	struct screen *pending;	/* set with INTENT_OPEN */
	char message[256];	/* one-line status message until the next key */
	enum role message_role;
	int cursor_y, cursor_x;	/* where the hardware cursor goes at the end of the frame */
	struct ui_search search;
	/* The topics of the comparison built last, for the saved session. */
	const struct card *compared[COMPARE_MAX_CARDS];
	size_t ncompared;
	/* The pack caches painted from unchecked, being checked (reload.c). */
	struct library_verify *verify;
	bool verified;		/* checked (or nothing to check): never again */
	bool stale;		/* checked without a thread, and changed */
	bool completed;		/* the library is whole (ui_complete) */
};

/* What a screen constructor is opened with (screens.h). */
struct screen_request {
	const struct card *card;	/* the card in view, or NULL */
	int section;			/* its section, or -1 */
	const struct card **cards;	/* topics marked for comparison */
	size_t ncards;
};

/* --- theme.c ------------------------------------------------------------- */
void theme_init(bool color, enum config_theme theme);
void theme_set(enum role role);		/* the attribute for drawing on stdscr */
/* A glyph in UTF-8 or its ASCII fallback. */
#define UI_GLYPH(ui, utf8_glyph, ascii) ((ui)->utf8 ? (utf8_glyph) : (ascii))

/* --- draw.c -------------------------------------------------------------- */
void ui_draw_init(bool utf8);	/* Unicode box drawing (UTF-8) or the ACS */
/* Draws s[0..len) at y, x in at most max_cols columns (never splitting a
 * character); returns the columns used. */
int ui_put(int y, int x, int max_cols, const char *s, size_t len, enum role role);
int ui_puts(int y, int x, int max_cols, const char *s, enum role role);
/* As ui_puts(), but a string too wide for max_cols ends in an ellipsis, so a
 * cut title is not mistaken for a whole one. */
int ui_puts_cut(const struct ui *ui, int y, int x, int max_cols, const char *s, enum role role);
/* Fills w columns with blanks in the role's attribute. */
void ui_fill(int y, int x, int w, enum role role);
void ui_hline(int y, int x, int w, enum role role);
void ui_vline(int y, int x, int h, enum role role);
/* Puts the hardware cursor here at the end of the frame. */
void ui_cursor(struct ui *ui, int y, int x);

/* One-line text entry: appends the character of key (a code point) to the
 * NUL-terminated buf of size bytes when it fits; erases the last character. */
void ui_input_append(char *buf, size_t size, int key);
void ui_input_erase(char *buf);
/* A one-line status-bar message until the next key. */
void ui_message(struct ui *ui, enum role role, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
/* Columns ui_scroll_hint() may take, its blanks included (" 40% "). */
#define SCROLL_HINT_COLS 6
/* Draws a scroll position hint like "40%" / "All" right-aligned at y. */
void ui_scroll_hint(int y, int x_end, size_t top, size_t visible, size_t total);

/* --- screens.c ----------------------------------------------------------- */
/* A zeroed screen of size bytes (a struct that begins with struct screen)
 * with ops; NULL, said in the status bar, when out of memory. */
void *screen_new(struct ui *ui, size_t size, const struct screen_ops *ops);

/* --- reload.c --------------------------------------------------------------- */
/* Starts checking the pack caches the library was painted from (after the
 * first frame; again after a suspend, which ends it). */
void ui_verify_begin(struct ui *ui);
/* True when the check found a pack changed (the check is then over). */
bool ui_verify_changed(struct ui *ui);
/* Stops a check under way (quitting, suspending).  Idempotent. */
void ui_verify_end(struct ui *ui);
/* Reads the cards' bodies left for after the first frame (once:
 * ui->options->complete).  False when that failed: reload. */
bool ui_complete(struct ui *ui);
/* Loads the library again through ui->options->reload and opens the browse
 * screen on it afresh, every screen of the old one freed, saying why
 * (reason, "Cards changed on disk since the last start") and how it went;
 * false when not even that screen could be opened (out of memory: quit). */
bool ui_reload(struct ui *ui, const char *reason);
/* Frees every screen on the stack. */
void ui_free_screens(struct ui *ui);

/* --- session_ui.c ---------------------------------------------------------- */
/* Puts back the saved session over the browse screen just opened. */
void ui_session_restore(struct ui *ui);
/* Saves the session as the screens are now (before they are freed). */
void ui_session_save(struct ui *ui);

/* --- screens (constructors) ----------------------------------------------- */
struct screen *browse_new(struct ui *ui);
struct screen *notice_new(struct ui *ui);
bool notice_seen(const struct ui *ui);	/* the first-start notice was dismissed before */
struct screen *help_new(struct ui *ui);
struct screen *problems_new(struct ui *ui);
struct screen *results_new(struct ui *ui);

/* --- results.c: the search n/N and the results list share ------------------ */
/* Runs query over the library and ranks it into ui->search.  Returns 0, or -1
 * when out of memory (ui->search is then empty). */
int ui_search_run(struct ui *ui, const char *query);
/* Hit i of the last search in ranking order (i < results.count). */
const struct search_hit *ui_search_hit(const struct ui *ui, size_t i);

/* Text of the first-start notice and of the help screen's preamble. */
extern const char ui_notice_text[];

#endif
