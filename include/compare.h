/* compare — the side-by-side comparison of 2–4 topics (DESIGN §3), as a
 * model that the line mode (plain_compare.c) and the TUI (ui/compare_view.c)
 * both draw: which fact rows there are, which of them differ, how wide each
 * column may be at a given width, and how a cell wraps.  No printing, no
 * curses.
 *
 * Rows follow the library's vocabulary order; a row exists when at least one
 * chosen card has that fact.  A missing value is NULL in the model and drawn
 * as table->empty ("—" unless the caller sets another glyph).
 */
#ifndef RXPLORE_COMPARE_H
#define RXPLORE_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "card.h"
#include "library.h"
#include "text.h"

#define COMPARE_MIN_CARDS 2
#define COMPARE_MAX_CARDS 4

/* Columns at the start of every label cell kept for the "differs" marker. */
#define COMPARE_MARK_COLS 2
/* Columns before a card cell's text for its group letter ("a "), in tables
 * of 3 or more topics (see compare_row.group). */
#define COMPARE_TAG_COLS 2

enum compare_error {
	COMPARE_OK = 0,
	COMPARE_TOO_FEW = -1,	/* fewer than COMPARE_MIN_CARDS */
	COMPARE_TOO_MANY = -2,	/* more than COMPARE_MAX_CARDS */
	COMPARE_SAME_TWICE = -3,	/* one card chosen twice */
	COMPARE_NO_MEMORY = -4
};

struct compare_row {
	const char *key;		/* the vocabulary key */
	const char *label;		/* its label (the key when the vocabulary has none) */
	const char *values[COMPARE_MAX_CARDS];	/* NULL: that card lacks the fact */
	/* Not every chosen card says the same: a value is missing on some card,
	 * or two values differ other than in ASCII case and runs of spaces. */
	bool differs;
	/* Which cells say the same: cells with equal group numbers (0, 1, …,
	 * in order of first appearance) have the same value, missing ones
	 * included.  With 3 or 4 topics a row-level "differs" does not say
	 * which topic differs from which; the groups do. */
	unsigned char group[COMPARE_MAX_CARDS];
	unsigned char ngroups;
};

struct compare_table {
	const struct card *cards[COMPARE_MAX_CARDS];
	size_t ncards;
	struct compare_row *rows;
	size_t nrows;
	size_t ndiffer;		/* rows with differs set */
	bool any_draft;		/* some chosen card is not reviewed yet */
	bool diff_only;		/* show (and lay out) only the rows that differ */
	const char *empty;	/* what an empty cell shows: "—" by default */
	const char *corner;	/* the header's label cell: "" by default */
	/* The caller can draw compare_layout.stacked layouts (labels on a line
	 * of their own above each row).  False by default. */
	bool allow_stacked;
};

/* Builds the rows for cards[0..ncards).  On failure the table is left empty
 * (safe to release) and an enum compare_error is returned. */
int compare_build(struct compare_table *table, const struct library *library, const struct card *const *cards,
		  size_t ncards);
void compare_release(struct compare_table *table);

/* Whether card only frames a comparison rather than taking a column in it:
 * an explainer ("Is baclofen a benzodiazepine?") has no facts of its own to
 * compare.  Concepts do (a receptor's type and ionic effect), so they take
 * a column like drugs and classes. */
bool compare_frames(const struct card *card);

/* The topics card is compared with when none are chosen (the TUI's `c`, the
 * handout's comparisons): the card itself unless it only frames, then the
 * loaded cards it names under compare_with, without repeats, at most
 * COMPARE_MAX_CARDS, into out[].  Returns how many; fewer than
 * COMPARE_MIN_CARDS means there is nothing to compare. */
size_t compare_partners(const struct library *library, const struct card *card,
			const struct card *out[COMPARE_MAX_CARDS]);

/* A sentence for an enum compare_error ("compare 2 to 4 topics"). */
const char *compare_strerror(int error);

/* The sentence under a table: that no card has facts, that nothing differs,
 * or what mark ("≠" or "*") marks and how many rows differ, as the line mode
 * and the Markdown export both print it.  Returns buf. */
const char *compare_legend(const struct compare_table *table, const char *mark, char *buf, size_t size);

/* Whether row i is shown under the table's diff_only setting. */
bool compare_row_shown(const struct compare_table *table, size_t i);

/* Whether card cells carry group letters: 3 or more topics, and row r
 * differs.  The letter of cell i is 'a' + row->group[i]. */
bool compare_row_tagged(const struct compare_table *table, size_t r);

/* --- widths --------------------------------------------------------------- */

/* How the columns of one view fit a width.  The frame around the cells costs
 * `fixed` columns plus `per_column` for each column drawn, label included:
 * a box table "│ a │ b │" has per_column 3 ("│ " and " ") and fixed 1. */
struct compare_layout {
	size_t first;		/* first card column shown */
	size_t ncols;		/* card columns shown: first .. first + ncols - 1 (at least 1) */
	bool fits;		/* every card column is shown, each at least its minimum width */
	/* No label column: each row's label (with its marker) is a line of its
	 * own across the table, above the row's cells.  Chosen when the label
	 * column would push card columns off the width or break their words,
	 * and only when the table allows it (allow_stacked). */
	bool stacked;
	int label_width;	/* label column, COMPARE_MARK_COLS included; 0 when stacked */
	int widths[COMPARE_MAX_CARDS];	/* widths[k]: card column first + k */
	int total;		/* columns the whole table takes, frame included */
};

/* Fills layout for the card columns from `first` on at `width` columns.
 * When every column fits at its natural width (its longest line), that is
 * the width it gets; otherwise columns start at their minimum (their longest
 * word, capped, so that long words break rather than starve the others) and
 * share what is left in proportion to what they lack.  When even the
 * minimums do not fit, as many columns as do are shown from `first` on
 * (layout->fits is false and the caller may scroll); one column is always
 * shown, squeezed if need be.  first is clamped to the last card column.
 * With table->allow_stacked, a layout that would scroll, or break a word
 * that stacking would keep whole, becomes stacked when all columns then fit
 * (per_column then counts card columns only). */
void compare_layout(const struct compare_table *table, int width, int per_column, int fixed, size_t first,
		    struct compare_layout *layout);

/* --- wrapping ------------------------------------------------------------- */

/* The wrapped lines of one visible row: cells[0] the label (wrapped at
 * label_width - COMPARE_MARK_COLS, drawn after the marker; in a stacked
 * layout at the whole width, and not counted in height), cells[1 + k] card
 * column first + k.  Line offsets point into text[].  A tagged card cell
 * (tag[c] != 0) is wrapped COMPARE_TAG_COLS narrower: its first line is drawn
 * after the letter and a space, the others after COMPARE_TAG_COLS blanks; a
 * missing value's tag is ' ' (its dash says enough).
 * A line whose `hyphen` is set ends in "-": a word goes on below. */
struct compare_cells {
	struct text_lines cells[1 + COMPARE_MAX_CARDS];
	const char *text[1 + COMPARE_MAX_CARDS];
	char tag[1 + COMPARE_MAX_CARDS];
	size_t ncells;
	int height;		/* the tallest card cell (and label, unless stacked), at least 1 */
};

void compare_cells_init(struct compare_cells *cells);
void compare_cells_release(struct compare_cells *cells);

/* Wraps row `row` (COMPARE_HEADER for the header: card titles) under layout
 * into cells, replacing what it held.  Returns 0, or -1 when out of memory. */
#define COMPARE_HEADER ((size_t)-1)
int compare_wrap_row(struct compare_cells *cells, const struct compare_table *table,
		     const struct compare_layout *layout, size_t row);

/* Wraps row `row` as the label line of a stacked layout: the label alone,
 * at `width` columns less the marker, into cells->cells[0]. */
int compare_wrap_label(struct compare_cells *cells, const struct compare_table *table, size_t row, int width);

/* Wraps one cell's text at width (>= 1) into lines (cleared first): words
 * break at spaces by display width, and only a word wider than the cell
 * breaks, between characters, each piece but the last ending in a hyphen.
 * Returns the line count (at least 1), or -1 when out of memory. */
int compare_wrap_text(struct text_lines *lines, const char *text, int width);

#endif
