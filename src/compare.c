/* compare — see include/compare.h. */
#include "compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A word longer than this does not widen its column's minimum: it breaks
 * instead, so one long word cannot push the other columns off the screen. */
#define WORD_CAP 14
/* Labels are headings a reader scans: they may keep longer words whole. */
#define LABEL_WORD_CAP 20
/* Narrowest card column: a wide character needs two. */
#define CELL_MIN 3

static const char default_empty[] = "\xE2\x80\x94";	/* — */

const char *compare_strerror(int error)
{
	static const char *const messages[] = { "no error", "a comparison needs at least 2 topics",
						"a comparison takes at most 4 topics",
						"the same topic is chosen twice", "out of memory" };
	/* The errors are 0, -1, -2...: the message's index negated. */
	return error <= 0 && -error < (int)(sizeof messages / sizeof *messages) ? messages[-error] : "unknown error";
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

/* Equal apart from ASCII case and runs of white space: "Agonist" and
 * "agonist " say the same thing, and a table must not flag them. */
static bool same_value(const char *a, const char *b)
{
	while (is_blank(*a))
		a++;
	while (is_blank(*b))
		b++;
	while (*a && *b) {
		if (is_blank(*a) || is_blank(*b)) {
			if (!is_blank(*a) || !is_blank(*b))
				return false;
			while (is_blank(*a))
				a++;
			while (is_blank(*b))
				b++;
			continue;
		}
		char ca = *a, cb = *b;
		if (ca >= 'A' && ca <= 'Z')
			ca = (char)(ca - 'A' + 'a');
		if (cb >= 'A' && cb <= 'Z')
			cb = (char)(cb - 'A' + 'a');
		if (ca != cb)
			return false;
		a++;
		b++;
	}
	while (is_blank(*a))
		a++;
	while (is_blank(*b))
		b++;
	return *a == '\0' && *b == '\0';
}

static bool same_cell(const char *a, const char *b)
{
	if (!a || !b)
		return !a && !b;
	return same_value(a, b);
}

/* Numbers the distinct values of a row in order of first appearance; the
 * row differs when there is more than one. */
static void group_cells(struct compare_row *row, size_t ncards)
{
	row->ngroups = 0;
	for (size_t i = 0; i < ncards; i++) {
		size_t j = 0;
		while (j < i && !same_cell(row->values[j], row->values[i]))
			j++;
		row->group[i] = j < i ? row->group[j] : row->ngroups++;
	}
	row->differs = row->ngroups > 1;
}

int compare_build(struct compare_table *table, const struct library *library, const struct card *const *cards,
		  size_t ncards)
{
	memset(table, 0, sizeof *table);
	table->empty = default_empty;
	table->corner = "";
	if (ncards < COMPARE_MIN_CARDS)
		return COMPARE_TOO_FEW;
	if (ncards > COMPARE_MAX_CARDS)
		return COMPARE_TOO_MANY;
	for (size_t i = 0; i < ncards; i++)
		for (size_t j = 0; j < i; j++)
			if (cards[i] == cards[j] || strcmp(cards[i]->id, cards[j]->id) == 0)
				return COMPARE_SAME_TWICE;
	if (library->nvocab > 0) {
		table->rows = calloc(library->nvocab, sizeof *table->rows);
		if (!table->rows)
			return COMPARE_NO_MEMORY;
	}
	for (size_t i = 0; i < ncards; i++) {
		table->cards[i] = cards[i];
		table->any_draft = table->any_draft || cards[i]->status == CARD_DRAFT;
	}
	table->ncards = ncards;
	for (size_t v = 0; v < library->nvocab; v++) {
		struct compare_row *row = &table->rows[table->nrows];
		bool any = false;
		for (size_t i = 0; i < ncards; i++) {
			row->values[i] = card_fact(cards[i], library->vocab[v].key);
			any = any || row->values[i];
		}
		if (!any)
			continue;
		row->key = library->vocab[v].key;
		row->label = library->vocab[v].label ? library->vocab[v].label : row->key;
		group_cells(row, ncards);
		table->ndiffer += row->differs;
		table->nrows++;
	}
	return COMPARE_OK;
}

void compare_release(struct compare_table *table)
{
	free(table->rows);
	table->rows = NULL;
	table->nrows = table->ndiffer = 0;
}

bool compare_frames(const struct card *card)
{
	return card->kind == CARD_EXPLAINER;
}

size_t compare_partners(const struct library *library, const struct card *card,
			const struct card *out[COMPARE_MAX_CARDS])
{
	size_t n = 0;
	if (!card)
		return 0;
	if (!compare_frames(card))
		out[n++] = card;
	for (size_t i = 0; i < card->ncompare_with && n < COMPARE_MAX_CARDS; i++) {
		const struct card *other = library_find(library, card->compare_with[i]);
		bool repeat = !other || other == card;
		for (size_t k = 0; k < n && !repeat; k++)
			repeat = out[k] == other;
		if (!repeat)
			out[n++] = other;
	}
	return n;
}

const char *compare_legend(const struct compare_table *table, const char *mark, char *buf, size_t size)
{
	size_t shown = table->diff_only ? table->ndiffer : table->nrows;
	if (table->nrows == 0)
		snprintf(buf, size, "None of these topics has facts to compare.");
	else if (shown == 0)
		snprintf(buf, size, "No differences: every fact is the same for these topics.");
	else if (table->diff_only)
		snprintf(buf, size, "Only the facts that differ are shown (%s): %zu of %zu.", mark, table->ndiffer,
			 table->nrows);
	else
		snprintf(buf, size, "%s marks the facts that differ: %zu of %zu.", mark, table->ndiffer,
			 table->nrows);
	return buf;
}

bool compare_row_shown(const struct compare_table *table, size_t i)
{
	return i < table->nrows && (!table->diff_only || table->rows[i].differs);
}

bool compare_row_tagged(const struct compare_table *table, size_t r)
{
	return table->ncards >= 3 && r < table->nrows && table->rows[r].differs;
}

/* Whether any shown row carries group letters: then every card column
 * keeps COMPARE_TAG_COLS for them, so the columns line up. */
static bool any_tagged(const struct compare_table *table)
{
	for (size_t r = 0; r < table->nrows; r++)
		if (compare_row_shown(table, r) && compare_row_tagged(table, r))
			return true;
	return false;
}

/* --- widths --------------------------------------------------------------- */

/* The widest line (natural) and widest word (for the minimum) of a text. */
static void measure(const char *s, int *line_max, int *word_max)
{
	int line = 0, word = 0;
	while (*s) {
		size_t n = strcspn(s, " \n");
		int w = text_width_n(s, n);
		word = w > word ? w : word;
		if (s[n] == '\n') {
			line += w;
			*line_max = line > *line_max ? line : *line_max;
			line = 0;
		} else {
			line += w + (s[n] == ' ');
		}
		s += n + (s[n] != '\0');
	}
	*line_max = line > *line_max ? line : *line_max;
	*word_max = word > *word_max ? word : *word_max;
}

/* What one column needs: its longest line, and its minimum (its longest
 * word, capped) and longest word uncapped, frame-free but tag or marker
 * columns included. */
struct column_need {
	int natural, minimum, longest_word;
};

/* Column c: 0 the labels, 1 + i card i; words wider than cap do not count
 * in full towards the minimum. */
static struct column_need column_needs(const struct compare_table *table, size_t c, int cap)
{
	int line = 0, word = 0;
	measure(c == 0 ? table->corner : table->cards[c - 1]->title, &line, &word);
	for (size_t r = 0; r < table->nrows; r++) {
		if (!compare_row_shown(table, r))
			continue;
		const char *s = c == 0 ? table->rows[r].label : table->rows[r].values[c - 1];
		measure(s ? s : table->empty, &line, &word);
	}
	struct column_need need = { .longest_word = word };
	word = word < cap ? word : cap;
	word = word > CELL_MIN ? word : CELL_MIN;
	line = line > word ? line : word;
	int extra = c == 0 ? COMPARE_MARK_COLS : any_tagged(table) ? COMPARE_TAG_COLS : 0;
	need.natural = line + extra;
	need.minimum = word + extra;
	need.longest_word += extra;
	return need;
}

/* Gives n columns their minimum plus a share of `room` in proportion to what
 * each lacks of its natural width. */
static void share_out(int *widths, const int *natural, const int *minimum, size_t n, int room)
{
	long long lacking = 0;
	for (size_t i = 0; i < n; i++) {
		widths[i] = minimum[i];
		lacking += natural[i] - minimum[i];
	}
	if (room <= 0 || lacking == 0)
		return;
	if (room >= lacking) {
		for (size_t i = 0; i < n; i++)
			widths[i] = natural[i];
		return;
	}
	int given = 0;
	for (size_t i = 0; i < n; i++) {
		int share = (int)((long long)room * (natural[i] - minimum[i]) / lacking);
		widths[i] += share;
		given += share;
	}
	/* Rounding leftovers, one column each, to the columns still short. */
	for (size_t i = 0; given < room; i = (i + 1) % n)
		if (widths[i] < natural[i]) {
			widths[i]++;
			given++;
		}
}

/* How many card columns from `first` on fit at their minimum (at least 1);
 * *used gets the columns they take, frame included. */
static size_t count_fitting(const int *minimum, size_t ncards, int width, int per_column, int fixed,
			    size_t first, int *used)
{
	size_t count = 1;
	*used = fixed + 2 * per_column + minimum[0] + minimum[1 + first];
	while (first + count < ncards && *used + per_column + minimum[1 + first + count] <= width) {
		*used += per_column + minimum[1 + first + count];
		count++;
	}
	return count;
}

/* The side-by-side layout of the columns from `first` on: a label column,
 * then as many card columns as fit at their minimum. */
static void layout_with_labels(const struct compare_table *table, const struct column_need *need, int width,
			       int per_column, int fixed, size_t first, struct compare_layout *layout)
{
	int natural[1 + COMPARE_MAX_CARDS], minimum[1 + COMPARE_MAX_CARDS], widths[1 + COMPARE_MAX_CARDS];
	size_t ncards = table->ncards ? table->ncards : 1;

	for (size_t c = 0; c <= ncards; c++) {
		natural[c] = need[c].natural;
		minimum[c] = need[c].minimum;
	}
	int used, label_full = minimum[0];
	size_t count = count_fitting(minimum, ncards, width, per_column, fixed, first, &used);
	if (first + count < ncards || used > width) {
		/* Breaking a long label word is better than one more screen, or
		 * than squeezing the one column left. */
		int tight[1 + COMPARE_MAX_CARDS], tight_used;
		memcpy(tight, minimum, sizeof tight);
		tight[0] = column_needs(table, 0, WORD_CAP).minimum;
		size_t tight_count = count_fitting(tight, ncards, width, per_column, fixed, first, &tight_used);
		if (tight_count > count || (tight_count == count && used > width)) {
			minimum[0] = tight[0];
			count = tight_count;
			used = tight_used;
		}
	}
	layout->first = first;
	layout->ncols = count;
	layout->fits = first == 0 && count == ncards && used <= width;

	int room = width - fixed - (int)(count + 1) * per_column;
	int nat[1 + COMPARE_MAX_CARDS], min[1 + COMPARE_MAX_CARDS];
	nat[0] = natural[0];
	min[0] = minimum[0];
	for (size_t k = 0; k < count; k++) {
		nat[1 + k] = natural[1 + first + k];
		min[1 + k] = minimum[1 + first + k];
	}
	int min_sum = 0;
	for (size_t k = 0; k <= count; k++)
		min_sum += min[k];
	if (min[0] < label_full && min_sum + label_full - min[0] <= room) {
		/* The label lost its long words only to let a column in: give
		 * them back when there is room after all. */
		min_sum += label_full - min[0];
		min[0] = label_full;
	}
	if (min_sum > room) {
		/* Not even one card column fits at its minimum: squeeze the label
		 * first (it is the same on every screen), then the column. */
		int label = room / 3;
		label = label > min[0] ? min[0] : label;
		label = label < COMPARE_MARK_COLS + 1 ? COMPARE_MARK_COLS + 1 : label;
		widths[0] = label;
		widths[1] = room - label > CELL_MIN ? room - label : CELL_MIN;
		widths[1] = widths[1] > nat[1] ? nat[1] : widths[1];
	} else {
		share_out(widths, nat, min, count + 1, room - min_sum);
	}
	layout->label_width = widths[0];
	layout->total = fixed + (int)(count + 1) * per_column + widths[0];
	for (size_t k = 0; k < count; k++) {
		layout->widths[k] = widths[1 + k];
		layout->total += widths[1 + k];
	}
}

/* Every card column, no label column; false when their minimums do not fit. */
static bool layout_stacked(const struct compare_table *table, const struct column_need *need, int width,
			   int per_column, int fixed, struct compare_layout *layout)
{
	int natural[COMPARE_MAX_CARDS], minimum[COMPARE_MAX_CARDS];
	int min_sum = 0;
	for (size_t k = 0; k < table->ncards; k++) {
		natural[k] = need[1 + k].natural;
		minimum[k] = need[1 + k].minimum;
		min_sum += minimum[k];
	}
	int room = width - fixed - (int)table->ncards * per_column;
	if (table->ncards == 0 || min_sum > room)
		return false;
	memset(layout, 0, sizeof *layout);
	share_out(layout->widths, natural, minimum, table->ncards, room - min_sum);
	layout->ncols = table->ncards;
	layout->fits = true;
	layout->stacked = true;
	layout->total = fixed + (int)table->ncards * per_column;
	for (size_t k = 0; k < table->ncards; k++)
		layout->total += layout->widths[k];
	return true;
}

/* Card columns of a layout narrower than their longest word: cells that
 * will break a word. */
static int columns_breaking_words(const struct compare_layout *layout, const struct column_need *need)
{
	int n = 0;
	for (size_t k = 0; k < layout->ncols; k++)
		n += layout->widths[k] < need[1 + layout->first + k].longest_word;
	return n + (int)(layout->fits ? 0 : COMPARE_MAX_CARDS);
}

void compare_layout(const struct compare_table *table, int width, int per_column, int fixed, size_t first,
		    struct compare_layout *layout)
{
	struct column_need need[1 + COMPARE_MAX_CARDS];
	size_t ncards = table->ncards ? table->ncards : 1;

	memset(layout, 0, sizeof *layout);
	if (first >= ncards)
		first = ncards - 1;
	for (size_t c = 0; c <= table->ncards; c++)
		need[c] = column_needs(table, c, c == 0 ? LABEL_WORD_CAP : WORD_CAP);
	if (table->ncards == 0)
		need[1] = (struct column_need){ CELL_MIN, CELL_MIN, CELL_MIN };
	layout_with_labels(table, need, width, per_column, fixed, first, layout);
	if (!table->allow_stacked || (layout->fits && columns_breaking_words(layout, need) == 0))
		return;
	/* Measured as if from the first column: a stacked table never scrolls. */
	struct compare_layout side, stacked;
	layout_with_labels(table, need, width, per_column, fixed, 0, &side);
	if (layout_stacked(table, need, width, per_column, fixed, &stacked) &&
	    columns_breaking_words(&stacked, need) < columns_breaking_words(&side, need))
		*layout = stacked;
}

/* --- wrapping ------------------------------------------------------------- */

void compare_cells_init(struct compare_cells *cells)
{
	memset(cells, 0, sizeof *cells);
	for (size_t i = 0; i <= COMPARE_MAX_CARDS; i++)
		text_lines_init(&cells->cells[i]);
}

void compare_cells_release(struct compare_cells *cells)
{
	for (size_t i = 0; i <= COMPARE_MAX_CARDS; i++)
		text_lines_release(&cells->cells[i]);
	cells->ncells = 0;
}

int compare_wrap_text(struct text_lines *lines, const char *text, int width)
{
	lines->count = 0;
	if (text_wrap(lines, text, strlen(text), width < 1 ? 1 : width, TEXT_REFLOW_HYPHENATE) < 0)
		return -1;
	return lines->count > 0 ? (int)lines->count : 1;
}

int compare_wrap_label(struct compare_cells *cells, const struct compare_table *table, size_t row, int width)
{
	cells->text[0] = table->rows[row].label;
	return compare_wrap_text(&cells->cells[0], cells->text[0], width - COMPARE_MARK_COLS) < 0 ? -1 : 0;
}

int compare_wrap_row(struct compare_cells *cells, const struct compare_table *table,
		     const struct compare_layout *layout, size_t row)
{
	const bool header = row == COMPARE_HEADER;

	const bool tagged = !header && compare_row_tagged(table, row);

	cells->ncells = 1 + layout->ncols;
	cells->height = 1;
	for (size_t c = 0; c < cells->ncells; c++) {
		const char *s;
		int width;
		cells->tag[c] = 0;
		if (c == 0) {
			if (layout->stacked) {	/* drawn on its own line: compare_wrap_label() */
				cells->text[0] = "";
				cells->cells[0].count = 0;
				continue;
			}
			s = header ? table->corner : table->rows[row].label;
			width = layout->label_width - COMPARE_MARK_COLS;
		} else {
			size_t card = layout->first + c - 1;
			s = header ? table->cards[card]->title : table->rows[row].values[card];
			width = layout->widths[c - 1];
			if (tagged) {
				/* A missing value's dash says enough: a blank tag. */
				cells->tag[c] = s ? (char)('a' + table->rows[row].group[card]) : ' ';
				width -= COMPARE_TAG_COLS;
			}
		}
		cells->text[c] = s ? s : table->empty;
		int h = compare_wrap_text(&cells->cells[c], cells->text[c], width);
		if (h < 0)
			return -1;
		cells->height = h > cells->height ? h : cells->height;
	}
	return 0;
}
