/* card_peek — the card a quiz answer points to, opened with `o` on top of the
 * quiz at the section named by the question's `see`.  Closing it (q, Esc)
 * returns to the quiz where it was; it reuses browse's card pane. */
#include <stdio.h>
#include <stdlib.h>

#include "card_view.h"
#include "quiz_view.h"
#include "scroll.h"

struct card_peek {
	struct screen base;
	struct card_view view;
};

static struct card_peek *peek_of(struct screen *screen)
{
	return (struct card_peek *)screen;
}

static void peek_draw(struct screen *screen, struct ui *ui, struct rect area)
{
	struct card_peek *p = peek_of(screen);
	struct rect inner = { area.y, area.x + 1, area.h, area.w - 2 };
	card_view_draw(&p->view, ui, inner, true, false);
}

static enum intent peek_key(struct screen *screen, struct ui *ui, const struct action *action, int key)
{
	struct card_peek *p = peek_of(screen);
	(void)ui;
	(void)key;
	if (!action || action->context != CTX_PEEK)
		return INTENT_IGNORED;
	if (action->id == ACT_TAB_PREV || action->id == ACT_TAB_NEXT) {
		card_view_set_tab(&p->view, p->view.tab + (action->id == ACT_TAB_PREV ? -1 : 1));
		return INTENT_REDRAW;
	}
	if (action->id == ACT_BACK)
		return INTENT_BACK;
	return card_view_key(&p->view, action->id) ? INTENT_REDRAW : INTENT_IGNORED;
}

static enum intent peek_mouse(struct screen *screen, struct ui *ui, enum mouse_kind kind, int y, int x)
{
	struct card_peek *p = peek_of(screen);
	int index;
	(void)ui;
	if (kind != MOUSE_CLICK) {
		card_view_scroll(&p->view, scroll_wheel(kind));
		return INTENT_REDRAW;
	}
	if (card_view_hit_test(&p->view, y + screen->area.y, x + screen->area.x, &index) == 1) {
		card_view_set_tab(&p->view, index);
		return INTENT_REDRAW;
	}
	return INTENT_HANDLED;
}

static void peek_free(struct screen *screen)
{
	struct card_peek *p = peek_of(screen);
	card_view_release(&p->view);
	free(p);
}

static const struct screen_ops peek_ops = {
	.context = CTX_PEEK, .draw = peek_draw, .key = peek_key,
	.mouse = peek_mouse, .free = peek_free,
};

struct screen *card_peek_new(struct ui *ui, const struct card *card, int section)
{
	struct card_peek *p = screen_new(ui, sizeof *p, &peek_ops);
	if (!p)
		return NULL;
	card_view_init(&p->view, ui->library);
	card_view_set_card(&p->view, card, section);
	return &p->base;
}
