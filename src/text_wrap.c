/* text_wrap — unfolding prose and wrapping it to a width; see include/text.h.
 * text.c keeps UTF-8, width, cleaning and comparing. */
#include "text.h"

#include "arena.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* --- unfolding ----------------------------------------------------------- */

/* Bytes of a list marker at the start of s including its one following space
 * ("- ", "* ", "• ", "12. ", "3) "), or 0 when s does not start with one. */
static size_t list_marker_length(const char *s, size_t len)
{
	size_t digits = 0;

	if (len >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 2;
	if (len >= 4 && memcmp(s, "\xE2\x80\xA2 ", 4) == 0)
		return 4;
	while (digits < len && s[digits] >= '0' && s[digits] <= '9')
		digits++;
	if (digits > 0 && digits + 1 < len && (s[digits] == '.' || s[digits] == ')') && s[digits + 1] == ' ')
		return digits + 2;
	return 0;
}

static bool is_space_or_tab(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

size_t text_unfold(char *s)
{
	size_t read = 0, written = 0;
	bool first = true, previous_blank = false, in_item = false;

	for (;;) {
		size_t end = read + strcspn(s + read, "\n"), trimmed, lead;	/* libc's scan is vectorised */
		bool blank, marker;

		trimmed = end;
		while (trimmed > read && is_space_or_tab(s[trimmed - 1]))
			trimmed--;
		blank = trimmed == read;
		lead = read;
		while (lead < trimmed && is_space_or_tab(s[lead]))
			lead++;
		marker = list_marker_length(s + lead, trimmed - lead) > 0;
		/* The separator replaces the previous line's newline, so the write
		 * position never overtakes the read position.  An indented line
		 * continues a list item (authors align it under the item's text);
		 * elsewhere indentation means preformatted, so it stays. */
		if (!first) {
			bool indented = lead > read;
			bool hard = previous_blank || blank || marker || (indented && !in_item);

			s[written++] = hard ? '\n' : ' ';
			if (!hard)
				read = lead;
		}
		memmove(s + written, s + read, trimmed - read);
		written += trimmed - read;
		first = false;
		previous_blank = blank;
		in_item = blank ? false : (marker || in_item);
		if (s[end] == '\0')
			break;
		read = end + 1;
	}
	while (written > 0 && s[written - 1] == '\n')
		written--;
	s[written] = '\0';
	return written;
}

/* --- wrapping ------------------------------------------------------------ */

void text_lines_init(struct text_lines *lines)
{
	lines->items = NULL;
	lines->count = 0;
	lines->alloc = 0;
}

void text_lines_release(struct text_lines *lines)
{
	free(lines->items);
	text_lines_init(lines);
}

static int lines_push(struct text_lines *lines, size_t start, size_t len, int indent, int width)
{
	if (array_grow(&lines->items, &lines->alloc, lines->count, sizeof *lines->items) < 0)
		return -1;
	lines->items[lines->count++] = (struct text_line){ start, len, indent, width, false };
	return 0;
}

/* The display line being filled while reflowing one input line. */
struct line_builder {
	struct text_lines *lines;
	const char *s;
	int width;
	int hang;		/* indent of continuation lines */
	bool hyphenate;		/* a broken word's pieces end in a hyphen */
	size_t start, end;	/* bytes placed so far */
	int indent, cols;	/* cols includes indent */
	bool empty;
};

static int builder_flush(struct line_builder *b)
{
	int rc = 0;

	if (!b->empty)
		rc = lines_push(b->lines, b->start, b->end - b->start, b->indent, b->cols);
	b->empty = true;
	b->indent = b->hang;
	b->cols = b->hang;
	return rc;
}

/* One character plus the zero-width ones after it (combining accents). */
static size_t take_one_char(const char *s, size_t len, int *cols)
{
	uint32_t cp;
	size_t used = text_next_char(s, len, &cp);
	int extra_cols;

	*cols = text_codepoint_width(cp);
	used += text_fit(s + used, len - used, 0, &extra_cols);
	return used;
}

/* Where to cut s[0..n), the part of a too-long word that fits: after its
 * last '/', '.' or '-' (a URL or a path reads on from there: "example.org/"
 * | "guidance/baclofen"), but not inside "//"; n when it has none. */
static size_t soft_break(const char *s, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		char c = s[i - 1];

		if ((c == '/' || c == '.' || c == '-') && s[i] != '/' && (c != '/' || s[i - 2] != '/'))
			return i;
	}
	return n;
}

/* Places a word that does not fit on an empty line: breaks it after a
 * slash, dot or hyphen where it can, else between characters, leaving its
 * last piece open so that following words may join. */
static int builder_break_word(struct line_builder *b, size_t pos, size_t end)
{
	for (;;) {
		int cols;
		/* A hyphen needs a column, and a line of a hyphen alone says
		 * nothing: it is used from two columns of text on. */
		int hyphen = 0;
		size_t n = text_fit(b->s + pos, end - pos, b->width - b->indent, &cols);
		if (pos + n < end && b->hyphenate && b->width - b->indent >= 3) {
			hyphen = 1;
			n = text_fit(b->s + pos, end - pos, b->width - b->indent - hyphen, &cols);
		}

		if (cols == 0 && pos + n < end) {
			/* Not even one character fits beside the indent: use the whole
			 * width, and if the character is wider than that, give it the
			 * line to itself instead of looping forever. */
			b->indent = 0;
			hyphen = 0;
			n = text_fit(b->s + pos, end - pos, b->width, &cols);
			if (cols == 0 && pos + n < end)
				n += take_one_char(b->s + pos + n, end - pos - n, &cols);
		}
		if (pos + n < end) {
			size_t cut = soft_break(b->s + pos, n);

			if (cut < n) {	/* a natural break (after '/', '-'): no hyphen */
				n = cut;
				cols = text_width_n(b->s + pos, n);
				hyphen = 0;
			}
		}
		b->start = pos;
		b->end = pos + n;
		b->cols = b->indent + cols;
		b->empty = false;
		pos += n;
		if (pos == end)
			return 0;
		if (builder_flush(b) < 0)
			return -1;
		if (hyphen && cols > 0) {
			b->lines->items[b->lines->count - 1].hyphen = true;
			b->lines->items[b->lines->count - 1].width++;
		}
	}
}

static int builder_add_word(struct line_builder *b, size_t start, size_t end, long long word_cols)
{
	if (!b->empty) {
		long long gap = (long long)(start - b->end);	/* the spaces between, one column each */

		if (b->cols + gap + word_cols <= b->width) {
			b->end = end;
			b->cols += (int)(gap + word_cols);
			return 0;
		}
		if (builder_flush(b) < 0)
			return -1;
	}
	if (b->indent + word_cols <= b->width) {
		b->start = start;
		b->end = end;
		b->cols = b->indent + (int)word_cols;
		b->empty = false;
		return 0;
	}
	return builder_break_word(b, start, end);
}

/* Indentation never takes more than half the width, so narrow panes still
 * show text rather than a column of one-character lines. */
static int cap_indent(size_t indent, int width)
{
	return indent > (size_t)(width / 2) ? width / 2 : (int)indent;
}

static int reflow_line(struct text_lines *lines, const char *s, size_t begin, size_t end, int width,
		       bool hyphenate)
{
	struct line_builder b = { .lines = lines, .s = s, .width = width, .empty = true, .hyphenate = hyphenate };
	size_t pos = begin, marker, hang;

	while (pos < end && s[pos] == ' ')
		pos++;
	if (pos == end)
		return lines_push(lines, begin, 0, 0, 0);
	hang = pos - begin;
	marker = list_marker_length(s + pos, end - pos);
	if (marker > 0) {
		size_t text = pos + marker;

		while (text < end && s[text] == ' ')
			text++;
		hang += (size_t)text_width_n(s + pos, text - pos);
	}
	b.indent = b.cols = cap_indent(pos - begin, width);
	b.hang = cap_indent(hang, width);
	while (pos < end) {
		size_t word_end = pos;
		long long word_cols = 0;

		/* A space byte is never part of a multi-byte sequence, so scanning
		 * by characters stops exactly at it. */
		while (word_end < end && s[word_end] != ' ') {
			uint32_t cp;

			word_end += text_next_char(s + word_end, end - word_end, &cp);
			word_cols += text_codepoint_width(cp);
		}
		if (builder_add_word(&b, pos, word_end, word_cols) < 0)
			return -1;
		pos = word_end;
		while (pos < end && s[pos] == ' ')
			pos++;
	}
	return builder_flush(&b);
}

int text_wrap(struct text_lines *lines, const char *s, size_t len, int width, enum text_flow flow)
{
	size_t begin = 0;

	if (width < 1)
		width = 1;
	while (begin < len) {
		const char *newline = memchr(s + begin, '\n', len - begin);
		size_t end = newline ? (size_t)(newline - s) : len;
		int rc;

		if (flow == TEXT_PRE)
			rc = lines_push(lines, begin, end - begin, 0, text_width_n(s + begin, end - begin));
		else
			rc = reflow_line(lines, s, begin, end, width, flow == TEXT_REFLOW_HYPHENATE);
		if (rc < 0)
			return -1;
		begin = end + 1;
	}
	return 0;
}

