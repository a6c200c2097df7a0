/* draw — the drawing helpers every screen uses: clipped, width-aware text in
 * a role's attribute, lines, the cursor and status messages. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen.h"
#include "text.h"
#include "translit.h"

/* Bytes that must never reach the terminal even if the loader missed them:
 * C0 controls, DEL, and the UTF-8 encodings of C1 controls (C2 80..C2 9F). */
static size_t control_len(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];

	if (c < 0x20 || c == 0x7f)
		return 1;
	if (c == 0xC2 && len > 1 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F)
		return 2;
	return 0;
}

/* Box-drawing characters: Unicode in a UTF-8 locale (the alternate character
 * set is unreliable there, e.g. inside tmux and over some SSH clients), else
 * ACS.  Outside a UTF-8 locale, text is drawn transliterated (translit.h). */
static bool unicode_lines;

static int put_text(int y, int x, int max_cols, const char *s, size_t len, enum role role)
{
	int used = 0;
	size_t i = 0;

	if (max_cols <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return 0;
	if (x + max_cols > COLS)
		max_cols = COLS - x;
	theme_set(role);
	move(y, x);
	while (i < len && used < max_cols) {
		size_t run = 0, fit, skip;
		int cols = 0;

		while (i + run < len && control_len(s + i + run, len - i - run) == 0)
			run++;
		if (run > 0) {
			fit = text_fit(s + i, run, max_cols - used, &cols);
			if (fit > 0)
				addnstr(s + i, (int)fit);
			used += cols;
			if (fit < run)
				break;
			i += run;
		}
		if (i < len && (skip = control_len(s + i, len - i)) > 0)
			i += skip;
	}
	theme_set(ROLE_TEXT);
	return used;
}

/* Outside a UTF-8 locale, text that is not ASCII is drawn transliterated:
 * the safety net for the program's own strings (card text already is ASCII
 * there: library_transliterate). */
int ui_put(int y, int x, int max_cols, const char *s, size_t len, enum role role)
{
	if (unicode_lines || !translit_needed(s, len))
		return put_text(y, x, max_cols, s, len, role);
	char small[512];
	size_t n = translit_text(s, len, NULL);
	char *ascii = n < sizeof small ? small : malloc(n + 1);
	int used = 0;

	if (ascii) {
		translit_text(s, len, ascii);
		used = put_text(y, x, max_cols, ascii, n, role);
	}
	if (ascii != small)
		free(ascii);
	return used;
}

int ui_puts(int y, int x, int max_cols, const char *s, enum role role)
{
	return ui_put(y, x, max_cols, s, strlen(s), role);
}

int ui_puts_cut(const struct ui *ui, int y, int x, int max_cols, const char *s, enum role role)
{
	int used;

	if (max_cols <= 1 || text_width(s) <= max_cols)
		return ui_puts(y, x, max_cols, s, role);
	used = ui_puts(y, x, max_cols - 1, s, role);
	return used + ui_puts(y, x + used, 1, UI_GLYPH(ui, "\xE2\x80\xA6", "~"), role);
}

void ui_fill(int y, int x, int w, enum role role)
{
	if (y < 0 || y >= LINES || x < 0 || w <= 0)
		return;
	if (x + w > COLS)
		w = COLS - x;
	theme_set(role);
	mvhline(y, x, ' ', w);
	theme_set(ROLE_TEXT);
}

void ui_draw_init(bool utf8)
{
	unicode_lines = utf8;
}

/* A rule of n cells from y, x, across (a row) or down (a column), cut at the
 * screen's edge: Unicode box drawing or the ACS. */
static void rule(int y, int x, int n, bool across, enum role role)
{
	int room = across ? COLS - x : LINES - y;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS || n <= 0)
		return;
	if (n > room)
		n = room;
	theme_set(role);
	if (!unicode_lines && across)
		mvhline(y, x, ACS_HLINE, n);
	else if (!unicode_lines)
		mvvline(y, x, ACS_VLINE, n);
	for (int i = 0; unicode_lines && i < n; i++)
		mvaddstr(across ? y : y + i, across ? x + i : x, across ? "\xE2\x94\x80" : "\xE2\x94\x82");
	theme_set(ROLE_TEXT);
}

void ui_hline(int y, int x, int w, enum role role)
{
	rule(y, x, w, true, role);
}

void ui_vline(int y, int x, int h, enum role role)
{
	rule(y, x, h, false, role);
}

void ui_input_append(char *buf, size_t size, int key)
{
	char bytes[4];
	int n = text_utf8_encode((uint32_t)key, bytes);
	size_t len = strlen(buf);

	if (n > 0 && len + (size_t)n < size) {
		memcpy(buf + len, bytes, (size_t)n);
		buf[len + (size_t)n] = '\0';
	}
}

void ui_input_erase(char *buf)
{
	size_t len = strlen(buf);

	while (len > 0 && ((unsigned char)buf[len - 1] & 0xC0) == 0x80)
		len--;
	if (len > 0)
		len--;
	buf[len] = '\0';
}

void ui_cursor(struct ui *ui, int y, int x)
{
	ui->cursor_y = y;
	ui->cursor_x = x;
}

void ui_message(struct ui *ui, enum role role, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof(ui->message), fmt, ap);
	va_end(ap);
	ui->message_role = role;
}

void ui_scroll_hint(int y, int x_end, size_t top, size_t visible, size_t total)
{
	char hint[16];

	if (total <= visible)
		return;
	if (top == 0)
		snprintf(hint, sizeof(hint), " Top ");
	else if (top + visible >= total)
		snprintf(hint, sizeof(hint), " End ");
	else
		snprintf(hint, sizeof(hint), " %zu%% ", (top + visible) * 100 / total);
	ui_puts(y, x_end - (int)strlen(hint), (int)strlen(hint), hint, ROLE_DIM);
}
