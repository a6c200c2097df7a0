/* md — see include/md.h. */
#include "md.h"

#include <stdbool.h>
#include <string.h>

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* At the start of a line in a paragraph: escapes what would open a block
 * (heading, list, setext underline, ordered list) and drops the indentation
 * (four spaces would make a code block).  Returns the bytes consumed. */
static size_t line_start(FILE *out, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < len && (s[i] == '#' || s[i] == '+' || s[i] == '-' || s[i] == '=')) {
		fputc('\\', out);
		fputc(s[i], out);
		return i + 1;
	}
	size_t d = i;
	while (d < len && d - i < 9 && is_digit(s[d]))
		d++;
	if (d > i && d < len && (s[d] == '.' || s[d] == ')')) {
		fwrite(s + i, 1, d - i, out);
		fputc('\\', out);
		fputc(s[d], out);
		return d + 1;
	}
	return i;
}

static void md_text(FILE *out, const char *s, size_t len, enum md_context context, bool at_line_start)
{
	size_t i = at_line_start && context == MD_PARAGRAPH ? line_start(out, s, len) : 0;
	for (; i < len; i++) {
		char c = s[i];
		if (c == '\n') {
			if (context == MD_TABLE_CELL) {
				fputs("<br>", out);
			} else if (context == MD_ONE_LINE) {
				fputc(' ', out);
			} else {
				fputs("\\\n", out);
				i += line_start(out, s + i + 1, len - i - 1);
			}
		} else if (strchr("\\`*_[]<>|~", c)) {
			fputc('\\', out);
			fputc(c, out);
		} else if (c == '&' && i + 1 < len && (is_alnum(s[i + 1]) || s[i + 1] == '#')) {
			fputs("\\&", out);
		} else if (c == '\t') {
			fputc(' ', out);
		} else if ((unsigned char)c >= 0x20 && c != 0x7F) {
			fputc(c, out);
		}
	}
}

void md_inline(FILE *out, const char *text, enum md_context context)
{
	if (text)
		md_text(out, text, strlen(text), context, false);
}

/* Bytes of a list marker and its space ("- ", "* ", "• ", "12. ", "3) "), as
 * text_unfold() recognises them, or 0. */
static size_t list_marker(const char *s, size_t len)
{
	if (len >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 2;
	if (len >= 4 && memcmp(s, "\xE2\x80\xA2 ", 4) == 0)
		return 4;
	size_t d = 0;
	while (d < len && d < 9 && is_digit(s[d]))
		d++;
	if (d > 0 && d + 1 < len && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ')
		return d + 2;
	return 0;
}

void md_prose(FILE *out, const char *text)
{
	enum { NOTHING, PARAGRAPH, LIST } previous = NOTHING;
	bool blank = false;
	for (const char *p = text ? text : ""; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t indent = 0;
		while (indent < len && p[indent] == ' ')
			indent++;
		if (indent == len) {
			blank = previous != NOTHING;
		} else {
			size_t marker = list_marker(p + indent, len - indent);
			/* Close the previous line: a hard break inside a paragraph,
			 * a blank line between a paragraph and a list. */
			if (previous == PARAGRAPH && !marker && !blank)
				fputs("\\\n", out);
			else if (previous != NOTHING)
				fputc('\n', out);
			if (previous != NOTHING && (blank || (marker > 0) != (previous == LIST)))
				fputc('\n', out);
			blank = false;
			if (marker) {
				bool bullet = !is_digit(p[indent]);
				fprintf(out, "%*s", (int)(indent < 8 ? indent : 8), "");
				if (bullet)
					fputs("- ", out);
				else
					fwrite(p + indent, 1, marker, out);
				const char *item = p + indent + marker;
				md_text(out, item, len - indent - marker, MD_ONE_LINE, false);
				previous = LIST;
			} else {
				md_text(out, p, len, MD_PARAGRAPH, true);
				previous = PARAGRAPH;
			}
		}
		p += len + (end != NULL);
	}
	if (previous != NOTHING)
		fputc('\n', out);
}

void md_code_block(FILE *out, const char *text)
{
	size_t longest = 0, run = 0;
	for (const char *p = text; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		longest = run > longest ? run : longest;
	}
	int fence = longest >= 3 ? (int)longest + 1 : 3;
	fprintf(out, "%.*s\n", fence, "``````````````````````````````````````````````````");
	size_t len = strlen(text);
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)text[i] >= 0x20 || text[i] == '\n')
			fputc(text[i], out);
	fprintf(out, "%s%.*s\n", len && text[len - 1] == '\n' ? "" : "\n", fence,
		"``````````````````````````````````````````````````");
}

void md_cell(FILE *out, const char *text)
{
	fputc(' ', out);
	md_inline(out, text, MD_TABLE_CELL);
	fputs(" |", out);
}

void md_compare_table(FILE *out, const struct compare_table *table, const char *mark)
{
	fputs("| Fact |", out);
	for (size_t i = 0; i < table->ncards; i++)
		md_cell(out, table->cards[i]->title);
	fputs("\n| --- |", out);
	for (size_t i = 0; i < table->ncards; i++)
		fputs(" --- |", out);
	fputc('\n', out);
	for (size_t r = 0; r < table->nrows; r++) {
		const struct compare_row *row = &table->rows[r];
		if (!compare_row_shown(table, r))
			continue;
		fputc('|', out);
		if (row->differs)
			fprintf(out, " %s", mark);
		md_cell(out, row->label);
		for (size_t i = 0; i < table->ncards; i++)
			md_cell(out, row->values[i] ? row->values[i] : table->empty);
		fputc('\n', out);
	}
}
