/* screen — the screen operations with their defaults filled in (see screen.h).
 *
 * A table leaves out what a simple screen does not need to say: its one
 * context, the keys and the wheel of a screen that only scrolls, a free()
 * of nothing but itself.  Curses-free: tests/unit/test_actions.c checks it. */
#include <stdlib.h>

#include "scroll.h"

enum action_context screen_context(const struct screen *screen)
{
	return screen->ops->context_now ? screen->ops->context_now(screen) : screen->ops->context;
}

enum intent screen_key(struct screen *screen, struct ui *ui, const struct action *action, int key)
{
	if (screen->ops->key)
		return screen->ops->key(screen, ui, action, key);
	return scroll_screen_key(screen->scroll, screen_context(screen), action);
}

enum intent screen_mouse(struct screen *screen, struct ui *ui, enum mouse_kind kind, int y, int x)
{
	if (screen->ops->mouse)
		return screen->ops->mouse(screen, ui, kind, y, x);
	return scroll_screen_mouse(screen->scroll, kind);
}

void screen_free(struct screen *screen)
{
	if (screen->ops->free)
		screen->ops->free(screen);
	else
		free(screen);
}
