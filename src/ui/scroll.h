/* scroll — the one way the UI moves through rows: a pager's window over its
 * text, a list's highlighted item, the comparison's selected row.
 *
 * Every scrolling screen reads the same actions (a line or an item up and
 * down, a page, the first and the last) and the mouse wheel; scroll_delta()
 * turns them into a distance once, scroll_move() applies a distance within
 * bounds, and struct scroll is the window of a screen that scrolls text.
 * Curses-free: tests/unit/test_actions.c checks it.
 *
 * Invariant of struct scroll after scroll_clamp() or scroll_key(): top is at
 * most total - visible (0 when everything fits).
 */
#ifndef RXPLORE_UI_SCROLL_H
#define RXPLORE_UI_SCROLL_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "screen.h"

#define SCROLL_FIRST LONG_MIN	/* a distance: to the first row */
#define SCROLL_LAST LONG_MAX	/* a distance: to the last row */
#define SCROLL_WHEEL_ROWS 3

/* How far an action moves: -1 or 1 (a line, an item), minus or plus page,
 * SCROLL_FIRST or SCROLL_LAST; false for an action that does not move. */
bool scroll_delta(enum action_id id, long page, long *delta);

/* The rows a page moves when visible rows are shown: one stays in view. */
long scroll_page(long visible);

/* The wheel: SCROLL_WHEEL_ROWS up (negative) or down; 0 for a click. */
long scroll_wheel(enum mouse_kind kind);

/* pos moved by delta (SCROLL_FIRST/LAST included), kept within [lo, hi]
 * (lo when hi < lo: nothing to move through). */
long scroll_move(long pos, long delta, long lo, long hi);

/* A window of visible rows over total rows, its first row at top. */
struct scroll {
	size_t top, total;
	int visible;
};

/* Keeps top within its bounds (call after total or visible changed). */
void scroll_clamp(struct scroll *scroll);
/* Moves the window by delta rows (SCROLL_FIRST/LAST included). */
void scroll_by(struct scroll *scroll, long delta);
/* Applies a scrolling action; false (and nothing moved) for any other. */
bool scroll_key(struct scroll *scroll, enum action_id id);

/* The keys and the mouse of a screen that only scrolls its text (help, load
 * problems, statistics): the scrolling actions of its context move the
 * window, ACT_BACK closes it, the wheel scrolls, a click does nothing.  The
 * defaults of screen_ops.key and .mouse (screen.c); scroll may be NULL (then
 * only ACT_BACK does something). */
enum intent scroll_screen_key(struct scroll *scroll, enum action_context context, const struct action *action);
enum intent scroll_screen_mouse(struct scroll *scroll, enum mouse_kind kind);

#endif
