/* line_body — wrapped lines under a title, scrolled, with a cursor (see line_body.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "line_body.h"
#include "scroll.h"
#include "text.h"

void line_body_release(struct line_body *body)
{
	free(body->lines);
	body->lines = NULL;
	body->nlines = body->alloc = 0;
}

void line_body_begin(struct line_body *body)
{
	body->nlines = 0;
	body->scratch_used = 0;
}

int line_body_width(struct rect area)
{
	return area.w - 2 * LINE_BODY_X;
}

const char *line_body_fmt(struct line_body *body, const char *format, ...)
{
	size_t room = sizeof body->scratch - body->scratch_used;
	char *out = body->scratch + body->scratch_used;
	va_list ap;
	va_start(ap, format);
	int n = vsnprintf(out, room, format, ap);
	va_end(ap);
	if (n < 0)
		return "";
	body->scratch_used += (size_t)n < room ? (size_t)n + 1 : room;
	return out;
}

static struct body_line *push_line(struct line_body *body)
{
	if (array_grow(&body->lines, &body->alloc, body->nlines, sizeof *body->lines) < 0)
		return NULL;
	struct body_line *l = &body->lines[body->nlines++];
	memset(l, 0, sizeof *l);
	l->choice = -1;
	return l;
}

void line_body_blank(struct line_body *body)
{
	struct body_line *l = push_line(body);
	if (l)
		l->text = "";
}

long line_body_add(struct line_body *body, int width, int x, const char *prefix, enum role prefix_role,
		   const char *text, enum role role)
{
	int text_x = x + (prefix ? text_width(prefix) : 0);
	int avail = width - text_x > 10 ? width - text_x : 10;
	struct text_lines wrapped;
	long first = -1;
	text_lines_init(&wrapped);
	if (text_wrap(&wrapped, text, strlen(text), avail, TEXT_REFLOW) < 0 || wrapped.count == 0) {
		text_lines_release(&wrapped);
		return -1;
	}
	for (size_t i = 0; i < wrapped.count; i++) {
		struct body_line *l = push_line(body);
		if (!l)
			break;
		if (i == 0) {
			first = (long)(body->nlines - 1);
			if (prefix)
				snprintf(l->prefix, sizeof l->prefix, "%s", prefix);
			l->prefix_role = prefix_role;
		}
		l->text = text + wrapped.items[i].start;
		l->len = wrapped.items[i].len;
		l->x = x;
		l->text_x = text_x + wrapped.items[i].indent;
		l->role = role;
	}
	text_lines_release(&wrapped);
	return first;
}

static void draw_line(const struct body_line *l, int y, int x, int w)
{
	enum role role = l->cursor ? ROLE_SELECTION : l->role;
	if (l->cursor)
		ui_fill(y, x, w, ROLE_SELECTION);
	if (l->prefix[0])
		ui_puts(y, x + l->x, w - l->x, l->prefix, l->cursor ? ROLE_SELECTION : l->prefix_role);
	int used = ui_put(y, x + l->text_x, w - l->text_x, l->text, l->len, role);
	if (l->suffix)
		ui_puts(y, x + l->text_x + used, w - l->text_x - used, l->suffix, l->cursor ? role : ROLE_DIM);
}

int line_body_rows(struct rect area)
{
	return area.h - 2 > 1 ? area.h - 2 : 1;
}

size_t line_body_max_scroll(const struct line_body *body, struct rect area)
{
	size_t rows = (size_t)line_body_rows(area);
	return body->nlines > rows ? body->nlines - rows : 0;
}

void line_body_draw(struct line_body *body, struct ui *ui, struct rect area, const char *left, const char *right)
{
	int width = line_body_width(area);
	int right_w = text_width(right);
	ui_puts_cut(ui, area.y, area.x + LINE_BODY_X, width - right_w - 1, left, ROLE_TITLE);
	if (right_w < width)
		ui_puts(area.y, area.x + area.w - LINE_BODY_X - right_w, right_w, right, ROLE_DIM);
	ui_hline(area.y + 1, area.x, area.w, ROLE_DIM);

	body->body_y = 2;
	body->visible = line_body_rows(area);
	int cursor_line = -1;
	for (size_t i = 0; i < body->nlines; i++)
		if (body->lines[i].cursor)
			cursor_line = (int)i;
	if (body->keep_cursor_visible && cursor_line >= 0) {
		if ((size_t)cursor_line < body->scroll)
			body->scroll = (size_t)cursor_line;
		else if (cursor_line >= (int)body->scroll + body->visible)
			body->scroll = (size_t)cursor_line - (size_t)body->visible + 1;	/* cursor_line >= visible */
	}
	size_t max_scroll = line_body_max_scroll(body, area);
	if (body->scroll > max_scroll)
		body->scroll = max_scroll;
	int y = area.y + body->body_y;
	for (size_t i = body->scroll; i < body->nlines && y < area.y + area.h; i++, y++)
		draw_line(&body->lines[i], y, area.x + LINE_BODY_X, width);
	if (body->nlines > (size_t)body->visible)
		ui_scroll_hint(area.y + 1, area.x + area.w, body->scroll, (size_t)body->visible, body->nlines);
	if (cursor_line >= (int)body->scroll && cursor_line < (int)body->scroll + body->visible)
		ui_cursor(ui, area.y + body->body_y + cursor_line - (int)body->scroll, area.x + LINE_BODY_X + 2);
	else
		ui_cursor(ui, area.y + body->body_y, area.x + LINE_BODY_X);
}

int line_body_choice_at(const struct line_body *body, int y)
{
	long i = (long)body->scroll + (y - body->body_y);
	return i >= 0 && (size_t)i < body->nlines ? body->lines[i].choice : -1;
}

void line_body_scroll(struct line_body *body, long delta)
{
	/* At most nlines: the draw clamps it to the last full page. */
	body->scroll = (size_t)scroll_move((long)body->scroll, delta, 0, (long)body->nlines);
	body->keep_cursor_visible = false;
}

bool line_body_scroll_key(struct line_body *body, enum action_id id)
{
	long delta;
	bool scrolling = id == ACT_SCROLL_UP || id == ACT_SCROLL_DOWN || id == ACT_SCROLL_PAGE_UP ||
			 id == ACT_SCROLL_PAGE_DOWN || id == ACT_TOP || id == ACT_BOTTOM;

	if (!scrolling || !scroll_delta(id, scroll_page(body->visible), &delta))
		return false;
	line_body_scroll(body, delta);
	return true;
}

bool line_body_wheel(struct line_body *body, enum mouse_kind kind)
{
	if (kind == MOUSE_CLICK)
		return false;
	line_body_scroll(body, scroll_wheel(kind));
	return true;
}
