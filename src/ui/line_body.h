/* line_body — a screen made of a title row, a rule and a scrolling body of
 * wrapped lines, some of them choices with a cursor: the quiz chooser and the
 * quiz session lay their stages out with it each frame.
 *
 * Each frame: line_body_begin(), then line_body_add()/line_body_blank() in
 * order (strings from line_body_fmt() live until the next begin), then
 * line_body_draw().  Invariants: lines[0..nlines) point into the caller's
 * strings or into scratch; scroll is clamped by line_body_draw(); a line with
 * cursor set is kept in view while keep_cursor_visible is true.
 */
#ifndef RXPLORE_UI_LINE_BODY_H
#define RXPLORE_UI_LINE_BODY_H

#include <stdbool.h>
#include <stddef.h>

#include "screen.h"

#define LINE_BODY_X 1	/* left margin inside the area */

/* One drawn row: an optional prefix (choice marker and letter), then text. */
struct body_line {
	char prefix[24];
	enum role prefix_role;
	const char *text;
	size_t len;
	int x;			/* column of the prefix (or text) within the body */
	int text_x;		/* column of the text */
	enum role role;
	const char *suffix;	/* drawn after the text in ROLE_DIM (e.g. "your answer"), or NULL */
	int choice;		/* the choice (menu entry, mistake) it belongs to, or -1 */
	bool cursor;		/* the selected choice's first row */
};

struct line_body {
	struct body_line *lines;
	size_t nlines, alloc;
	char scratch[16384];	/* formatted strings the lines point into */
	size_t scratch_used;
	size_t scroll;
	int visible, body_y;
	bool keep_cursor_visible;
};

void line_body_release(struct line_body *body);
/* Starts a frame: no lines, scratch empty. */
void line_body_begin(struct line_body *body);
/* The width lines are wrapped to in area. */
int line_body_width(struct rect area);
/* A formatted string that lives until the next line_body_begin(). */
const char *line_body_fmt(struct line_body *body, const char *format, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* Wrapped text at column x, with an optional prefix on its first row (the
 * continuation rows line up under the text).  Returns the index of the first
 * row (pointers would not survive the array growing), or -1. */
long line_body_add(struct line_body *body, int width, int x, const char *prefix, enum role prefix_role,
		   const char *text, enum role role);
void line_body_blank(struct line_body *body);
/* Draws the title row (left, and right-aligned right), the rule and the lines. */
/* The body's rows in area (below the title row and the rule), and how far
 * the lines laid out so far can scroll in it. */
int line_body_rows(struct rect area);
size_t line_body_max_scroll(const struct line_body *body, struct rect area);
void line_body_draw(struct line_body *body, struct ui *ui, struct rect area, const char *left, const char *right);
/* The choice drawn at row y of the area, or -1. */
int line_body_choice_at(const struct line_body *body, int y);
/* Scrolls the body by delta rows (the far end is clamped at the next draw)
 * and lets the cursor leave the view. */
void line_body_scroll(struct line_body *body, long delta);
/* The body's scrolling keys (ACT_SCROLL_UP/DOWN, a page, top and bottom:
 * not the moves of a cursor) and the wheel: false (nothing moved) for any
 * other action, or a click. */
bool line_body_scroll_key(struct line_body *body, enum action_id id);
bool line_body_wheel(struct line_body *body, enum mouse_kind kind);

#endif
