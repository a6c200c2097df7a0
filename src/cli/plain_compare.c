/* plain_compare — see src/plain_compare.h. */
#include "plain_compare.h"

#include <string.h>

#include "md.h"
#include "plain.h"
#include "text.h"

#define MARK_UTF8 "\xE2\x89\xA0"	/* ≠ */

/* The characters of a box table: UTF-8 box drawing or ASCII. */
struct box {
	/* [0] top, [1] under the header, [2] between rows, [3] bottom: left, fill, joint, right */
	const char *rule[4][4];
	const char *bar;
	const char *mark;
};

static const struct box box_utf8 = {
	{
		{ "┌", "─", "┬", "┐" },
		{ "╞", "═", "╪", "╡" },
		{ "├", "─", "┼", "┤" },
		{ "└", "─", "┴", "┘" },
	},
	"│", MARK_UTF8,
};

static const struct box box_ascii = {
	{
		{ "+", "-", "+", "+" },
		{ "+", "=", "+", "+" },
		{ "+", "-", "+", "+" },
		{ "+", "-", "+", "+" },
	},
	"|", "*",
};

int plain_compare_format_parse(const char *name)
{
	static const char *const names[] = { [PLAIN_COMPARE_TEXT] = "text", [PLAIN_COMPARE_MD] = "md",
					     [PLAIN_COMPARE_TSV] = "tsv" };
	return strcmp(name, "markdown") == 0 ? PLAIN_COMPARE_MD : text_pick(name, names, sizeof names / sizeof *names);
}

static void repeat(FILE *out, const char *s, int n)
{
	for (int i = 0; i < n; i++)
		fputs(s, out);
}

static void rule(FILE *out, const struct box *box, int which, const struct compare_layout *layout)
{
	const char *const *r = box->rule[which];
	fputs(r[0], out);
	repeat(out, r[1], layout->label_width + 2);
	for (size_t k = 0; k < layout->ncols; k++) {
		fputs(r[2], out);
		repeat(out, r[1], layout->widths[k] + 2);
	}
	fputs(r[3], out);
	fputc('\n', out);
}

static void cell_line(FILE *out, const struct compare_cells *cells, size_t c, int line, int width)
{
	const struct text_lines *lines = &cells->cells[c];
	int used = 0;
	if ((size_t)line < lines->count) {
		const struct text_line *l = &lines->items[line];
		fprintf(out, "%*s%.*s", l->indent, "", (int)l->len, cells->text[c] + l->start);
		used = l->width;
	}
	fprintf(out, "%*s", width > used ? width - used : 0, "");
}

static void table_row(FILE *out, const struct box *box, const struct compare_cells *cells,
		      const struct compare_layout *layout, bool differs)
{
	for (int line = 0; line < cells->height; line++) {
		fprintf(out, "%s %s", box->bar, line == 0 && differs ? box->mark : " ");
		fprintf(out, "%*s", COMPARE_MARK_COLS - 1, "");
		cell_line(out, cells, 0, line, layout->label_width - COMPARE_MARK_COLS);
		for (size_t k = 0; k < layout->ncols; k++) {
			fprintf(out, " %s ", box->bar);
			cell_line(out, cells, 1 + k, line, layout->widths[k]);
		}
		fprintf(out, " %s\n", box->bar);
	}
}

/* One table of the columns from layout->first on.  Returns -1 when out of memory. */
static int text_part(FILE *out, const struct compare_table *table, const struct box *box,
		     const struct compare_layout *layout)
{
	struct compare_cells cells;
	compare_cells_init(&cells);
	int rc = compare_wrap_row(&cells, table, layout, COMPARE_HEADER);
	rule(out, box, 0, layout);
	if (rc == 0)
		table_row(out, box, &cells, layout, false);
	bool first = true;
	for (size_t r = 0; rc == 0 && r < table->nrows; r++) {
		if (!compare_row_shown(table, r))
			continue;
		rule(out, box, first ? 1 : 2, layout);
		first = false;
		rc = compare_wrap_row(&cells, table, layout, r);
		if (rc == 0)
			table_row(out, box, &cells, layout, table->rows[r].differs);
	}
	rule(out, box, 3, layout);
	compare_cells_release(&cells);
	return rc;
}

static void notes(FILE *out, const struct compare_table *table, const char *mark, int width)
{
	char legend[256];
	compare_legend(table, mark, legend, sizeof legend);
	plain_wrap(out, legend, width, 0, false);
	plain_wrap(out, table->any_draft ? RX_DRAFT_NOTE " " RX_DISCLAIMER : RX_DISCLAIMER, width, 0,
		   false);
}

static void text_table(FILE *out, const struct compare_table *table, int width, bool utf8)
{
	const struct box *box = utf8 ? &box_utf8 : &box_ascii;
	struct compare_layout layout;
	size_t first = 0;
	do {
		if (first > 0)
			fputc('\n', out);
		/* "│ " and " " around each cell, and the closing "│". */
		compare_layout(table, width, 3, 1, first, &layout);
		if (text_part(out, table, box, &layout) < 0)
			return;
		first = layout.first + layout.ncols;
	} while (first < table->ncards);
	notes(out, table, box->mark, width);
}

static void md_table(FILE *out, const struct compare_table *table, int width, bool utf8)
{
	const char *mark = utf8 ? MARK_UTF8 : "\\*";
	md_compare_table(out, table, mark);
	fputc('\n', out);
	notes(out, table, mark, width);
}

/* A TSV field: tabs and line breaks would split records, so they become spaces. */
static void tsv_field(FILE *out, const char *s, bool last)
{
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
	fputc(last ? '\n' : '\t', out);
}

static void tsv_table(FILE *out, const struct compare_table *table)
{
	tsv_field(out, "key", false);
	tsv_field(out, "fact", false);
	for (size_t i = 0; i < table->ncards; i++)
		tsv_field(out, table->cards[i]->title, false);
	tsv_field(out, "differs", true);
	for (size_t r = 0; r < table->nrows; r++) {
		const struct compare_row *row = &table->rows[r];
		if (!compare_row_shown(table, r))
			continue;
		tsv_field(out, row->key, false);
		tsv_field(out, row->label, false);
		/* Machines read an empty field as "no value" better than a dash. */
		for (size_t i = 0; i < table->ncards; i++)
			tsv_field(out, row->values[i] ? row->values[i] : "", false);
		tsv_field(out, row->differs ? "yes" : "no", true);
	}
}

void plain_compare(FILE *out, struct compare_table *table, enum plain_compare_format format, int width,
		   bool utf8)
{
	switch (format) {
	case PLAIN_COMPARE_TEXT:
		text_table(out, table, width, utf8);
		break;
	case PLAIN_COMPARE_MD:
		md_table(out, table, width, utf8);
		break;
	case PLAIN_COMPARE_TSV:
		tsv_table(out, table);
		break;
	}
}
