/* scroll — moving through rows by line, page, first and last (see scroll.h). */
#include "scroll.h"

bool scroll_delta(enum action_id id, long page, long *delta)
{
	switch (id) {
	case ACT_MOVE_UP:
	case ACT_SCROLL_UP: *delta = -1; return true;
	case ACT_MOVE_DOWN:
	case ACT_SCROLL_DOWN: *delta = 1; return true;
	case ACT_PAGE_UP:
	case ACT_SCROLL_PAGE_UP: *delta = -page; return true;
	case ACT_PAGE_DOWN:
	case ACT_SCROLL_PAGE_DOWN: *delta = page; return true;
	case ACT_FIRST:
	case ACT_TOP: *delta = SCROLL_FIRST; return true;
	case ACT_LAST:
	case ACT_BOTTOM: *delta = SCROLL_LAST; return true;
	default: return false;
	}
}

long scroll_page(long visible)
{
	return visible > 1 ? visible - 1 : 1;
}

long scroll_wheel(enum mouse_kind kind)
{
	switch (kind) {
	case MOUSE_WHEEL_UP: return -SCROLL_WHEEL_ROWS;
	case MOUSE_WHEEL_DOWN: return SCROLL_WHEEL_ROWS;
	default: return 0;
	}
}

long scroll_move(long pos, long delta, long lo, long hi)
{
	if (hi < lo)
		return lo;
	if (delta == SCROLL_FIRST)
		return lo;
	if (delta == SCROLL_LAST)
		return hi;
	/* Stepping from inside the bounds by less than a page cannot overflow;
	 * a huge delta is cut to the bounds first. */
	if (delta < 0 && pos - lo < -delta)
		return lo;
	if (delta > 0 && hi - pos < delta)
		return hi;
	pos += delta;
	return pos < lo ? lo : pos > hi ? hi : pos;
}

static long last_top(const struct scroll *scroll)
{
	long visible = scroll->visible > 0 ? scroll->visible : 1;

	return (long)scroll->total > visible ? (long)scroll->total - visible : 0;
}

void scroll_clamp(struct scroll *scroll)
{
	if ((long)scroll->top > last_top(scroll))
		scroll->top = (size_t)last_top(scroll);
}

void scroll_by(struct scroll *scroll, long delta)
{
	scroll_clamp(scroll);
	scroll->top = (size_t)scroll_move((long)scroll->top, delta, 0, last_top(scroll));
}

bool scroll_key(struct scroll *scroll, enum action_id id)
{
	long delta;

	if (!scroll_delta(id, scroll_page(scroll->visible), &delta))
		return false;
	scroll_by(scroll, delta);
	return true;
}

enum intent scroll_screen_key(struct scroll *scroll, enum action_context context, const struct action *action)
{
	if (!action || action->context != context)
		return INTENT_IGNORED;
	if (action->id == ACT_BACK)
		return INTENT_BACK;
	return scroll && scroll_key(scroll, action->id) ? INTENT_REDRAW : INTENT_IGNORED;
}

enum intent scroll_screen_mouse(struct scroll *scroll, enum mouse_kind kind)
{
	if (kind == MOUSE_CLICK || !scroll)
		return INTENT_HANDLED;
	scroll_by(scroll, scroll_wheel(kind));
	return INTENT_REDRAW;
}
