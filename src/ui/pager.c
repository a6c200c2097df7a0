/* pager — scrolling text screens (help, load problems). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "pager.h"
#include "scroll.h"
#include "text.h"

#define PAGER_LEFT_MAX 22

struct pager_item {
	char *left, *text;
	enum role role;
};

struct pager_row {
	size_t item;
	size_t start, len;	/* within the item's text */
	int indent;
	bool first;		/* the item's first row: draws the left column */
};

struct pager {
	struct screen base;
	char title[128];
	struct pager_item *items;
	size_t nitems, items_alloc;
	int left_w;
	struct pager_row *rows;
	size_t nrows, rows_alloc;
	int wrap_width;
	struct scroll scroll;	/* over rows */
};

static struct pager *pager_of(struct screen *screen)
{
	return (struct pager *)screen;
}

int pager_add(struct pager *pager, const char *left, const char *text, enum role role)
{
	struct pager_item *item;

	if (array_grow(&pager->items, &pager->items_alloc, pager->nitems, sizeof *pager->items) < 0)
		return -1;
	item = &pager->items[pager->nitems];
	item->left = left ? strdup(left) : NULL;
	item->text = strdup(text);
	item->role = role;
	if (!item->text || (left && !item->left)) {
		free(item->left);
		free(item->text);
		return -1;
	}
	if (left && text_width(left) + 2 > pager->left_w)
		pager->left_w = text_width(left) + 2 < PAGER_LEFT_MAX ? text_width(left) + 2 : PAGER_LEFT_MAX;
	pager->nitems++;
	pager->wrap_width = 0;
	return 0;
}

static int push_row(struct pager *pager, const struct pager_row *row)
{
	if (array_grow(&pager->rows, &pager->rows_alloc, pager->nrows, sizeof *pager->rows) < 0)
		return -1;
	pager->rows[pager->nrows++] = *row;
	return 0;
}

static void rewrap(struct pager *pager, int width)
{
	struct text_lines lines;
	size_t i, l;

	if (pager->wrap_width == width)
		return;
	pager->wrap_width = width;
	pager->nrows = 0;
	text_lines_init(&lines);
	for (i = 0; i < pager->nitems; i++) {
		const struct pager_item *item = &pager->items[i];
		int left = item->left ? pager->left_w : 0;
		int text_w = width - left > 10 ? width - left : 10;

		lines.count = 0;
		if (text_wrap(&lines, item->text, strlen(item->text), text_w, TEXT_REFLOW) < 0)
			break;
		if (lines.count == 0) {
			struct pager_row blank = { i, 0, 0, 0, true };

			push_row(pager, &blank);
		}
		for (l = 0; l < lines.count; l++) {
			struct pager_row row = { i, lines.items[l].start, lines.items[l].len,
						 left + lines.items[l].indent, l == 0 };

			if (push_row(pager, &row) < 0)
				break;
		}
	}
	text_lines_release(&lines);
}

static void pager_draw(struct screen *screen, struct ui *ui, struct rect area)
{
	struct pager *pager = pager_of(screen);
	int y;
	size_t i;

	ui_puts(area.y, area.x + 1, area.w - 1, pager->title, ROLE_TITLE);
	ui_hline(area.y + 1, area.x, area.w, ROLE_DIM);
	rewrap(pager, area.w - 2);
	pager->scroll.visible = area.h - 2;
	pager->scroll.total = pager->nrows;
	scroll_clamp(&pager->scroll);
	for (i = pager->scroll.top, y = area.y + 2; i < pager->nrows && y < area.y + area.h; i++, y++) {
		const struct pager_row *row = &pager->rows[i];
		const struct pager_item *item = &pager->items[row->item];

		if (row->first && item->left)
			ui_puts(y, area.x + 1, pager->left_w - 1, item->left, ROLE_HEADING);
		ui_put(y, area.x + 1 + row->indent, area.w - 1 - row->indent, item->text + row->start, row->len,
		       item->role);
	}
	ui_scroll_hint(area.y + 1, area.x + area.w, pager->scroll.top, (size_t)pager->scroll.visible, pager->nrows);
	ui_cursor(ui, area.y + 2, area.x);
}

static void pager_screen_free(struct screen *screen)
{
	pager_free(pager_of(screen));
}

static const struct screen_ops pager_ops = {
	.context = CTX_PAGER, .draw = pager_draw, .free = pager_screen_free,
};

struct pager *pager_new(const char *title)
{
	struct pager *pager = calloc(1, sizeof(*pager));

	if (!pager)
		return NULL;
	pager->base.ops = &pager_ops;
	pager->base.scroll = &pager->scroll;
	snprintf(pager->title, sizeof(pager->title), "%s", title);
	return pager;
}

struct screen *pager_screen(struct pager *pager)
{
	return &pager->base;
}

void pager_free(struct pager *pager)
{
	size_t i;

	if (!pager)
		return;
	for (i = 0; i < pager->nitems; i++) {
		free(pager->items[i].left);
		free(pager->items[i].text);
	}
	free(pager->items);
	free(pager->rows);
	free(pager);
}
