/* plain_compare — see src/plain_compare.h. */
#include "plain_compare.h"

#include <string.h>

#include "md.h"
#include "plain.h"
#include "text.h"

#define MARK_UTF8 "\xE2\x89\xA0"	/* ≠ */

/* The characters of a box table: UTF-8 box drawing or ASCII. */
struct box {
	/* Each rule: left, fill, joint, right. */
	const char *top[4], *under_header[4], *between[4], *bottom[4];
	/* Stacked layouts: above a label line the columns close; below it they open. */
	const char *header_to_label[4], *row_to_label[4], *label_to_row[4];
	const char *bar;
	const char *mark;
};

static const struct box box_utf8 = {
	.top = { "┌", "─", "┬", "┐" },
	.under_header = { "╞", "═", "╪", "╡" },
	.between = { "├", "─", "┼", "┤" },
	.bottom = { "└", "─", "┴", "┘" },
	.header_to_label = { "╞", "═", "╧", "╡" },
	.row_to_label = { "├", "─", "┴", "┤" },
	.label_to_row = { "├", "─", "┬", "┤" },
	.bar = "│",
	.mark = MARK_UTF8,
};

static const struct box box_ascii = {
	.top = { "+", "-", "+", "+" },
	.under_header = { "+", "=", "+", "+" },
	.between = { "+", "-", "+", "+" },
	.bottom = { "+", "-", "+", "+" },
	.header_to_label = { "+", "=", "+", "+" },
	.row_to_label = { "+", "-", "+", "+" },
	.label_to_row = { "+", "-", "+", "+" },
	.bar = "|",
	.mark = "*",
};

int plain_compare_format_parse(const char *name)
{
	static const char *const names[] = { [PLAIN_COMPARE_TEXT] = "text", [PLAIN_COMPARE_MD] = "md",
					     [PLAIN_COMPARE_TSV] = "tsv", [PLAIN_COMPARE_LINEAR] = "linear" };
	return strcmp(name, "markdown") == 0 ? PLAIN_COMPARE_MD : text_pick(name, names, sizeof names / sizeof *names);
}

static void repeat(FILE *out, const char *s, int n)
{
	for (int i = 0; i < n; i++)
		fputs(s, out);
}

/* A rule across the table; r: left, fill, joint, right.  A stacked layout
 * has no label column. */
static void rule(FILE *out, const char *const *r, const struct compare_layout *layout)
{
	fputs(r[0], out);
	if (!layout->stacked)
		repeat(out, r[1], layout->label_width + 2);
	for (size_t k = 0; k < layout->ncols; k++) {
		if (k > 0 || !layout->stacked)
			fputs(r[2], out);
		repeat(out, r[1], layout->widths[k] + 2);
	}
	fputs(r[3], out);
	fputc('\n', out);
}

/* Line `line` of cell c, padded to width; a tagged cell starts with its
 * letter on the first line and blanks below it. */
static void cell_line(FILE *out, const struct compare_cells *cells, size_t c, int line, int width)
{
	const struct text_lines *lines = &cells->cells[c];
	int used = 0;
	if (cells->tag[c]) {
		fprintf(out, "%c ", line == 0 ? cells->tag[c] : ' ');
		width -= COMPARE_TAG_COLS;
	}
	if ((size_t)line < lines->count) {
		const struct text_line *l = &lines->items[line];
		fprintf(out, "%*s%.*s%s", l->indent, "", (int)l->len, cells->text[c] + l->start, l->hyphen ? "-" : "");
		used = l->width;
	}
	fprintf(out, "%*s", width > used ? width - used : 0, "");
}

static void table_row(FILE *out, const struct box *box, const struct compare_cells *cells,
		      const struct compare_layout *layout, bool differs)
{
	for (int line = 0; line < cells->height; line++) {
		if (layout->stacked) {
			fputs(box->bar, out);
		} else {
			fprintf(out, "%s %s", box->bar, line == 0 && differs ? box->mark : " ");
			fprintf(out, "%*s", COMPARE_MARK_COLS - 1, "");
			cell_line(out, cells, 0, line, layout->label_width - COMPARE_MARK_COLS);
			fprintf(out, " %s", box->bar);
		}
		for (size_t k = 0; k < layout->ncols; k++) {
			fputc(' ', out);
			cell_line(out, cells, 1 + k, line, layout->widths[k]);
			fprintf(out, " %s", box->bar);
		}
		fputc('\n', out);
	}
}

/* A stacked layout's label line: "│ ≠ Label … │" across the table. */
static int label_line(FILE *out, const struct box *box, struct compare_cells *cells,
		      const struct compare_table *table, const struct compare_layout *layout, size_t r)
{
	int inner = layout->total - 4;	/* "│ " and " │" */
	if (compare_wrap_label(cells, table, r, inner) < 0)
		return -1;
	const struct text_lines *lines = &cells->cells[0];
	for (size_t line = 0; line < lines->count || line == 0; line++) {
		fprintf(out, "%s %s ", box->bar, line == 0 && table->rows[r].differs ? box->mark : " ");
		cell_line(out, cells, 0, (int)line, inner - COMPARE_MARK_COLS);
		fprintf(out, " %s\n", box->bar);
	}
	return 0;
}

/* One table of the columns from layout->first on.  Returns -1 when out of memory. */
static int text_part(FILE *out, const struct compare_table *table, const struct box *box,
		     const struct compare_layout *layout)
{
	struct compare_cells cells;
	compare_cells_init(&cells);
	int rc = compare_wrap_row(&cells, table, layout, COMPARE_HEADER);
	rule(out, box->top, layout);
	if (rc == 0)
		table_row(out, box, &cells, layout, false);
	bool first = true;
	for (size_t r = 0; rc == 0 && r < table->nrows; r++) {
		if (!compare_row_shown(table, r))
			continue;
		if (layout->stacked) {
			rule(out, first ? box->header_to_label : box->row_to_label, layout);
			rc = label_line(out, box, &cells, table, layout, r);
			if (rc == 0)
				rule(out, box->label_to_row, layout);
		} else {
			rule(out, first ? box->under_header : box->between, layout);
		}
		first = false;
		if (rc == 0)
			rc = compare_wrap_row(&cells, table, layout, r);
		if (rc == 0)
			table_row(out, box, &cells, layout, table->rows[r].differs);
	}
	rule(out, box->bottom, layout);
	compare_cells_release(&cells);
	return rc;
}

/* The legend and the safety notes under a table; letters: the table shows
 * group letters in its cells. */
static void notes(FILE *out, const struct compare_table *table, const char *mark, bool letters, int width)
{
	char legend[256];
	compare_legend(table, mark, legend, sizeof legend);
	plain_wrap(out, legend, width, 0, false);
	if (letters)
		plain_wrap(out, "In a row that differs, cells with the same letter say the same thing.", width, 0,
			   false);
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
	bool letters = false;
	for (size_t r = 0; r < table->nrows; r++)
		letters = letters || (compare_row_shown(table, r) && compare_row_tagged(table, r));
	notes(out, table, box->mark, letters, width);
}

static void md_table(FILE *out, const struct compare_table *table, int width, bool utf8)
{
	const char *mark = utf8 ? MARK_UTF8 : "\\*";
	md_compare_table(out, table, mark);
	fputc('\n', out);
	notes(out, table, mark, false, width);
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

/* A value as one sentence of prose: runs of white space (line breaks
 * included) become one space, and it ends in a full stop unless it already
 * ends in punctuation. */
static void prose_value(FILE *out, const char *s)
{
	bool space = false;
	char last = '\0';
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t') {
			space = last != '\0';
			continue;
		}
		if (space)
			fputc(' ', out);
		space = false;
		fputc(*s, out);
		last = *s;
	}
	if (!strchr(".!?", last) || last == '\0')
		fputc('.', out);
}

/* The comparison read one fact at a time, for screen readers and anyone
 * who does not want a grid: "Receptor target (differs) — Baclofen: GABA-B.
 * Benzodiazepines: GABA-A."  A value already said is "the same as" the
 * topic that said it, so a listener hears which topics agree. */
static void linear_table(FILE *out, const struct compare_table *table, int width, bool utf8)
{
	const char *dash = utf8 ? "\xE2\x80\x94" : "--";
	fprintf(out, "Comparing ");
	for (size_t i = 0; i < table->ncards; i++)
		fprintf(out, "%s%s", i == 0 ? "" : i + 1 == table->ncards ? " and " : ", ", table->cards[i]->title);
	fprintf(out, ": %zu fact%s, %zu differ%s.\n\n", table->nrows, table->nrows == 1 ? "" : "s", table->ndiffer,
		table->ndiffer == 1 ? "s" : "");
	for (size_t r = 0; r < table->nrows; r++) {
		const struct compare_row *row = &table->rows[r];
		if (!compare_row_shown(table, r))
			continue;
		fprintf(out, "%s%s %s ", row->label, row->differs ? " (differs)" : "", dash);
		if (!row->differs) {
			fputs("all: ", out);
			prose_value(out, row->values[0] ? row->values[0] : "none given");
			fputc('\n', out);
			continue;
		}
		for (size_t i = 0; i < table->ncards; i++) {
			size_t j = 0;
			while (j < i && row->group[j] != row->group[i])
				j++;
			fprintf(out, "%s%s: ", i ? " " : "", table->cards[i]->title);
			if (!row->values[i])
				fputs("none given.", out);
			else if (j < i)
				fprintf(out, "the same as %s.", table->cards[j]->title);
			else
				prose_value(out, row->values[i]);
		}
		fputc('\n', out);
	}
	fputc('\n', out);
	plain_wrap(out, table->any_draft ? RX_DRAFT_NOTE " " RX_DISCLAIMER : RX_DISCLAIMER, width, 0, false);
}

void plain_compare(FILE *out, struct compare_table *table, enum plain_compare_format format, int width,
		   bool utf8)
{
	table->allow_stacked = true;	/* text_table() draws label lines */
	switch (format) {
	case PLAIN_COMPARE_LINEAR:
		linear_table(out, table, width, utf8);
		break;
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
