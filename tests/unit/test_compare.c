/* Unit tests for compare: rows in vocabulary order, which rows differ, the
 * column widths at a given width (fitting, squeezed, scrolled) and cell
 * wrapping with wide characters and unbreakable words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "compare.h"
#include "library.h"
#include "text.h"

struct fixture {
	struct library library;
};

static struct card_fact alpha_facts[] = {
	{ "receptor", "GABA-B receptor" },
	{ "action", "Agonist" },
	{ "uses", "Spasticity in multiple sclerosis" },
};
static struct card_fact beta_facts[] = {
	{ "receptor", "gaba-b   Receptor " }, { "uses", "Anxiety, insomnia and seizures" }, { "abuse", "Yes" },
};
static struct card_fact wide_facts[] = {
	{ "receptor", "受容体受容体受容体 GABA" }, { "action", "作動薬" },
};
static struct card_fact long_facts[] = {
	{ "receptor", "Pneumonoultramicroscopicsilicovolcanoconiosis" }, { "action", "agonist" },
};

static struct card alpha = { .id = "alpha", .title = "Alphazine", .kind = CARD_DRUG, .facts = alpha_facts,
			     .nfacts = 3, .status = CARD_REVIEWED, .reviewed_by = "A. Pharmacist" };
static struct card beta = { .id = "beta", .title = "Betamol", .kind = CARD_DRUG, .facts = beta_facts,
			    .nfacts = 3, .status = CARD_REVIEWED, .reviewed_by = "A. Pharmacist" };
static struct card wide = { .id = "wide", .title = "受容体アゴニスト", .kind = CARD_DRUG,
			    .facts = wide_facts, .nfacts = 2, .status = CARD_DRAFT };
static struct card longw = { .id = "long", .title = "Long", .kind = CARD_DRUG, .facts = long_facts,
			     .nfacts = 2, .status = CARD_REVIEWED, .reviewed_by = "A. Pharmacist" };
static struct card bare = { .id = "bare", .title = "No facts at all", .kind = CARD_EXPLAINER,
			    .status = CARD_REVIEWED, .reviewed_by = "A. Pharmacist" };

static int setup(void **state)
{
	static const struct vocab_entry vocab[] = {
		{ "class", "Drug class", NULL },
		{ "receptor", "Receptor target", NULL },
		{ "action", "Action at the target", NULL },
		{ "uses", "Main uses", NULL },
		{ "abuse", "Abuse potential", NULL },
	};
	struct fixture *f = test_malloc(sizeof(*f));

	library_init(&f->library);
	for (size_t i = 0; i < sizeof vocab / sizeof *vocab; i++)
		assert_int_equal(library_add_vocab(&f->library, &vocab[i]), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	library_release(&f->library);
	test_free(f);
	return 0;
}

static void build(struct fixture *f, struct compare_table *table, const struct card *a, const struct card *b,
		  const struct card *c, const struct card *d)
{
	const struct card *cards[] = { a, b, c, d };
	size_t n = d ? 4 : c ? 3 : 2;

	assert_int_equal(compare_build(table, &f->library, cards, n), COMPARE_OK);
}

static void rows_follow_the_vocabulary_and_skip_empty_ones(void **state)
{
	struct compare_table t;

	build(*state, &t, &beta, &alpha, NULL, NULL);
	assert_int_equal(t.ncards, 2);
	assert_ptr_equal(t.cards[0], &beta);
	/* No card has `class`: no row.  Order is the vocabulary's, not the cards'. */
	assert_int_equal(t.nrows, 4);
	assert_string_equal(t.rows[0].key, "receptor");
	assert_string_equal(t.rows[0].label, "Receptor target");
	assert_string_equal(t.rows[1].key, "action");
	assert_string_equal(t.rows[2].key, "uses");
	assert_string_equal(t.rows[3].key, "abuse");
	assert_null(t.rows[1].values[0]);
	assert_string_equal(t.rows[1].values[1], "Agonist");
	assert_string_equal(t.rows[3].values[0], "Yes");
	assert_null(t.rows[3].values[1]);
	compare_release(&t);
}

static void differs_ignores_case_and_spacing_only(void **state)
{
	struct compare_table t;

	build(*state, &t, &alpha, &beta, NULL, NULL);
	assert_false(t.rows[0].differs);	/* "GABA-B receptor" vs "gaba-b   Receptor " */
	assert_true(t.rows[1].differs);		/* missing on one card */
	assert_true(t.rows[2].differs);		/* different text */
	assert_true(t.rows[3].differs);
	assert_int_equal(t.ndiffer, 3);
	compare_release(&t);

	/* Three cards: equal on two is not equal on all. */
	static struct card_fact near_facts[] = { { "receptor", "GABA-B receptors" } };
	struct card near = { .id = "near", .title = "Near", .facts = near_facts, .nfacts = 1 };
	build(*state, &t, &alpha, &beta, &near, NULL);
	assert_true(t.rows[0].differs);
	compare_release(&t);
}

static void bad_choices_are_refused(void **state)
{
	struct fixture *f = *state;
	struct compare_table t;
	const struct card *five[] = { &alpha, &beta, &wide, &longw, &bare };
	const struct card *twice[] = { &alpha, &beta, &alpha };
	struct card alpha_copy = alpha;
	const struct card *same_id[] = { &alpha, &alpha_copy };

	assert_int_equal(compare_build(&t, &f->library, five, 1), COMPARE_TOO_FEW);
	compare_release(&t);
	assert_int_equal(compare_build(&t, &f->library, five, 0), COMPARE_TOO_FEW);
	compare_release(&t);
	assert_int_equal(compare_build(&t, &f->library, five, 5), COMPARE_TOO_MANY);
	compare_release(&t);
	assert_int_equal(compare_build(&t, &f->library, twice, 3), COMPARE_SAME_TWICE);
	assert_int_equal(t.nrows, 0);
	compare_release(&t);
	assert_int_equal(compare_build(&t, &f->library, same_id, 2), COMPARE_SAME_TWICE);
	compare_release(&t);
	assert_true(strstr(compare_strerror(COMPARE_TOO_MANY), "4") != NULL);
	assert_true(strlen(compare_strerror(COMPARE_SAME_TWICE)) > 0);
}

static void draft_and_empty_tables(void **state)
{
	struct compare_table t;

	build(*state, &t, &alpha, &beta, NULL, NULL);
	assert_false(t.any_draft);
	compare_release(&t);
	build(*state, &t, &alpha, &wide, NULL, NULL);
	assert_true(t.any_draft);
	compare_release(&t);

	/* A card with no facts still makes a table; rows come from the other. */
	build(*state, &t, &bare, &alpha, NULL, NULL);
	assert_int_equal(t.nrows, 3);
	assert_int_equal(t.ndiffer, 3);
	compare_release(&t);

	struct card bare2 = bare;
	bare2.id = "bare2";
	build(*state, &t, &bare, &bare2, NULL, NULL);
	assert_int_equal(t.nrows, 0);
	struct compare_layout l;
	compare_layout(&t, 80, 3, 1, 0, &l);
	assert_true(l.fits);
	assert_int_equal(l.ncols, 2);
	compare_release(&t);
}

static void diff_only_hides_equal_rows(void **state)
{
	struct compare_table t;

	build(*state, &t, &alpha, &beta, NULL, NULL);
	assert_true(compare_row_shown(&t, 0));
	t.diff_only = true;
	assert_false(compare_row_shown(&t, 0));
	assert_true(compare_row_shown(&t, 1));
	assert_false(compare_row_shown(&t, 4));
	assert_false(compare_row_shown(&t, COMPARE_HEADER));
	compare_release(&t);
}

static void natural_widths_when_there_is_room(void **state)
{
	struct compare_table t;
	struct compare_layout l;

	build(*state, &t, &alpha, &beta, NULL, NULL);
	compare_layout(&t, 200, 3, 1, 0, &l);
	assert_true(l.fits);
	assert_int_equal(l.first, 0);
	assert_int_equal(l.ncols, 2);
	assert_int_equal(l.label_width, COMPARE_MARK_COLS + (int)strlen("Action at the target"));
	assert_int_equal(l.widths[0], (int)strlen("Spasticity in multiple sclerosis"));
	assert_int_equal(l.widths[1], (int)strlen("Anxiety, insomnia and seizures"));
	assert_int_equal(l.total, 1 + 3 * 3 + l.label_width + l.widths[0] + l.widths[1]);

	/* Differences only: the row that set a width may be gone. */
	static struct card_fact a_facts[] = { { "receptor", "A very long receptor description here" },
					      { "action", "Agonist" } };
	static struct card_fact b_facts[] = { { "receptor", "A very long receptor description here" },
					      { "action", "Antagonist" } };
	struct card a = { .id = "a", .title = "A", .facts = a_facts, .nfacts = 2 };
	struct card b = { .id = "b", .title = "B", .facts = b_facts, .nfacts = 2 };
	compare_release(&t);
	build(*state, &t, &a, &b, NULL, NULL);
	t.diff_only = true;
	compare_layout(&t, 200, 3, 1, 0, &l);
	assert_int_equal(l.widths[1], (int)strlen("Antagonist"));
	assert_int_equal(l.label_width, COMPARE_MARK_COLS + (int)strlen("Action at the target"));
	compare_release(&t);
}

static void squeezed_columns_fill_the_width(void **state)
{
	struct compare_table t;
	struct compare_layout l;

	build(*state, &t, &alpha, &beta, NULL, NULL);
	compare_layout(&t, 60, 3, 1, 0, &l);
	assert_true(l.fits);
	assert_int_equal(l.total, 60);
	/* Never below the longest word. */
	assert_true(l.widths[0] >= (int)strlen("Spasticity"));
	assert_true(l.widths[1] >= (int)strlen("insomnia"));
	assert_true(l.label_width >= COMPARE_MARK_COLS + (int)strlen("Receptor"));
	compare_release(&t);
}

static void columns_that_do_not_fit_scroll(void **state)
{
	struct compare_table t;
	struct compare_layout l;

	build(*state, &t, &alpha, &beta, &wide, &longw);
	compare_layout(&t, 40, 3, 1, 0, &l);
	assert_false(l.fits);
	assert_true(l.ncols >= 1 && l.ncols < 4);
	assert_true(l.total <= 40);
	size_t seen = 0;
	for (size_t first = 0; first < 4; first += l.ncols) {
		compare_layout(&t, 40, 3, 1, first, &l);
		assert_int_equal(l.first, first);
		assert_false(l.fits);
		assert_true(l.total <= 40);
		seen += l.ncols;
	}
	assert_int_equal(seen, 4);
	/* first past the end is clamped to the last column. */
	compare_layout(&t, 40, 3, 1, 9, &l);
	assert_int_equal(l.first, 3);
	assert_int_equal(l.ncols, 1);
	/* Wide enough: all four. */
	compare_layout(&t, 132, 3, 1, 0, &l);
	assert_true(l.fits);
	assert_int_equal(l.ncols, 4);
	compare_release(&t);
}

static void a_tiny_width_still_shows_one_column(void **state)
{
	struct compare_table t;
	struct compare_layout l;

	build(*state, &t, &longw, &alpha, NULL, NULL);
	compare_layout(&t, 20, 3, 1, 0, &l);
	assert_false(l.fits);
	assert_int_equal(l.ncols, 1);
	assert_true(l.label_width >= COMPARE_MARK_COLS + 1);
	assert_true(l.widths[0] >= 3);
	assert_true(l.total <= 20);
	compare_release(&t);
}

static void wrapping_keeps_wide_characters_whole(void **state)
{
	(void)state;
	struct text_lines lines;
	const char *s = "受容体受容体";

	text_lines_init(&lines);
	/* Five columns hold two wide characters and a hyphen, never two and a
	 * half; the last piece needs no hyphen. */
	assert_int_equal(compare_wrap_text(&lines, s, 5), 3);
	for (size_t i = 0; i < lines.count; i++) {
		assert_int_equal(lines.items[i].width, i + 1 < lines.count ? 5 : 4);
		assert_int_equal(lines.items[i].len, 6);
	}
	assert_int_equal(compare_wrap_text(&lines, "作動薬 (agonist)", 9), 2);
	assert_int_equal(lines.items[0].width, 6);
	assert_int_equal(lines.items[1].len, strlen("(agonist)"));
	text_lines_release(&lines);
}

static void unbreakable_words_break_between_characters(void **state)
{
	(void)state;
	struct text_lines lines;

	text_lines_init(&lines);
	/* 9 letters and a hyphen, twice, then the last 6 letters. */
	assert_int_equal(compare_wrap_text(&lines, "Pneumonoultramicroscopic", 10), 3);
	assert_int_equal(lines.items[0].len, 9);
	assert_true(lines.items[0].hyphen);
	assert_int_equal(lines.items[0].width, 10);
	assert_true(lines.items[1].hyphen);
	assert_int_equal(lines.items[2].len, 6);
	assert_false(lines.items[2].hyphen);
	/* The last piece that fits the whole width takes no hyphen's column. */
	assert_int_equal(compare_wrap_text(&lines, "Pneumonoultra", 10), 2);
	assert_int_equal(lines.items[0].len, 9);
	assert_int_equal(lines.items[1].len, 4);
	/* Words that fit are never broken, nor hyphenated. */
	assert_int_equal(compare_wrap_text(&lines, "GABA-B receptor agonist", 10), 3);
	assert_int_equal(lines.items[1].len, strlen("receptor"));
	for (size_t i = 0; i < lines.count; i++)
		assert_false(lines.items[i].hyphen);
	/* Too narrow for a letter and a hyphen: no hyphen, every letter shown. */
	assert_int_equal(compare_wrap_text(&lines, "abcd", 2), 2);
	assert_false(lines.items[0].hyphen);
	/* Nothing to wrap is still one (empty) line of height. */
	assert_int_equal(compare_wrap_text(&lines, "", 10), 1);
	assert_int_equal(lines.count, 0);
	text_lines_release(&lines);
}

static void rows_wrap_under_the_layout(void **state)
{
	struct compare_table t;
	struct compare_layout l;
	struct compare_cells cells;

	build(*state, &t, &alpha, &beta, NULL, NULL);
	compare_cells_init(&cells);
	compare_layout(&t, 50, 3, 1, 0, &l);
	assert_int_equal(compare_wrap_row(&cells, &t, &l, COMPARE_HEADER), 0);
	assert_int_equal(cells.ncells, 3);
	assert_string_equal(cells.text[0], "");
	assert_string_equal(cells.text[1], "Alphazine");
	assert_int_equal(cells.height, 1);

	assert_int_equal(compare_wrap_row(&cells, &t, &l, 1), 0);	/* action: missing on beta */
	assert_string_equal(cells.text[2], "\xE2\x80\x94");
	t.empty = "-";
	assert_int_equal(compare_wrap_row(&cells, &t, &l, 1), 0);
	assert_string_equal(cells.text[2], "-");

	assert_int_equal(compare_wrap_row(&cells, &t, &l, 2), 0);	/* uses: long values */
	assert_true(cells.height >= 2);
	for (size_t c = 0; c < cells.ncells; c++) {
		int width = c == 0 ? l.label_width - COMPARE_MARK_COLS : l.widths[c - 1];
		assert_true(cells.cells[c].count <= (size_t)cells.height);
		for (size_t i = 0; i < cells.cells[c].count; i++)
			assert_true(cells.cells[c].items[i].width <= width);
	}
	compare_cells_release(&cells);
	compare_release(&t);
}

/* Over a range of widths, no wrapped line is wider than its column and the
 * table never takes more than the width (once the minimum frame fits). */
/* The partners of a card: itself beside what it names, unless it only frames
 * the question (an explainer); concepts take a column like drugs. */
static void partners_of_a_card(void **state)
{
	struct fixture *f = *state;
	static const char *explainer_names[] = { "alpha", "nosuch", "beta", "alpha" };
	static const char *concept_names[] = { "gaba-b", "gaba-a" };
	static const char *many_names[] = { "alpha", "beta", "wide", "long", "gaba-a" };
	struct card explainer = { .id = "why", .title = "Why?", .kind = CARD_EXPLAINER,
				  .compare_with = explainer_names, .ncompare_with = 4 };
	struct card concept_a = { .id = "gaba-a", .title = "GABA-A", .kind = CARD_CONCEPT,
				  .compare_with = concept_names, .ncompare_with = 2 };
	struct card concept_b = { .id = "gaba-b", .title = "GABA-B", .kind = CARD_CONCEPT };
	struct card drug = { .id = "many", .title = "Many", .kind = CARD_DRUG, .compare_with = many_names,
			     .ncompare_with = 5 };
	struct card *cards[] = { &alpha, &beta, &wide, &longw, &explainer, &concept_a, &concept_b, &drug };
	for (size_t i = 0; i < sizeof cards / sizeof *cards; i++)
		assert_int_equal(library_add_card(&f->library, cards[i]), 0);
	const struct card *out[COMPARE_MAX_CARDS];

	assert_true(compare_frames(&explainer));
	assert_false(compare_frames(&concept_a));
	/* Unknown and repeated names are skipped; the explainer has no column. */
	assert_int_equal(compare_partners(&f->library, &explainer, out), 2);
	assert_ptr_equal(out[0], &alpha);
	assert_ptr_equal(out[1], &beta);
	/* A concept beside the concept it names (itself named again: once). */
	assert_int_equal(compare_partners(&f->library, &concept_a, out), 2);
	assert_ptr_equal(out[0], &concept_a);
	assert_ptr_equal(out[1], &concept_b);
	/* Nothing named: nothing to compare. */
	assert_int_equal(compare_partners(&f->library, &concept_b, out), 1);
	assert_int_equal(compare_partners(&f->library, NULL, out), 0);
	/* At most COMPARE_MAX_CARDS. */
	assert_int_equal(compare_partners(&f->library, &drug, out), COMPARE_MAX_CARDS);
	assert_ptr_equal(out[0], &drug);
	assert_ptr_equal(out[3], &wide);
}

static void every_width_fits(void **state)
{
	struct compare_table t;
	struct compare_layout l;
	struct compare_cells cells;

	build(*state, &t, &wide, &longw, &alpha, &beta);
	compare_cells_init(&cells);
	for (int pass = 0; pass < 2; pass++, t.allow_stacked = true)
	for (int width = 24; width <= 200; width++) {
		for (size_t first = 0; first < t.ncards; first += l.ncols) {
			compare_layout(&t, width, 3, 1, first, &l);
			assert_true(l.total <= width);
			for (size_t k = 0; k < l.ncols; k++)
				assert_true(l.widths[k] >= 3);
			for (size_t r = 0; r <= t.nrows; r++) {
				size_t row = r == t.nrows ? COMPARE_HEADER : r;
				assert_int_equal(compare_wrap_row(&cells, &t, &l, row), 0);
				for (size_t c = l.stacked ? 1 : 0; c < cells.ncells; c++) {
					int w = c == 0 ? l.label_width - COMPARE_MARK_COLS : l.widths[c - 1];
					for (size_t i = 0; i < cells.cells[c].count; i++)
						assert_true(cells.cells[c].items[i].width <= w);
				}
			}
		}
	}
	compare_cells_release(&cells);
	compare_release(&t);
}


/* Which cells say the same: groups in order of first appearance, missing
 * values a group of their own, letters only from three topics on. */
static void cells_are_grouped_by_value(void **state)
{
	struct compare_table t;
	static struct card_fact same_facts[] = { { "receptor", "GABA-B RECEPTOR" }, { "uses", "Spasticity" } };
	struct card same = { .id = "same", .title = "Same", .facts = same_facts, .nfacts = 2 };

	build(*state, &t, &alpha, &wide, &same, &bare);
	/* receptor: alpha "GABA-B receptor", wide other text, same = alpha, bare missing */
	assert_int_equal(t.rows[0].ngroups, 3);
	assert_int_equal(t.rows[0].group[0], 0);
	assert_int_equal(t.rows[0].group[1], 1);
	assert_int_equal(t.rows[0].group[2], 0);
	assert_int_equal(t.rows[0].group[3], 2);
	assert_true(compare_row_tagged(&t, 0));
	compare_release(&t);

	build(*state, &t, &alpha, &beta, NULL, NULL);
	assert_int_equal(t.rows[0].ngroups, 1);
	assert_false(t.rows[0].differs);
	assert_false(compare_row_tagged(&t, 2));	/* two topics: the row mark says it all */
	compare_release(&t);
}

static void tagged_cells_carry_their_letter(void **state)
{
	struct compare_table t;
	struct compare_layout l;
	struct compare_cells cells;

	build(*state, &t, &alpha, &beta, &wide, NULL);
	compare_cells_init(&cells);
	compare_layout(&t, 120, 3, 1, 0, &l);
	assert_int_equal(compare_wrap_row(&cells, &t, &l, 1), 0);	/* action: Agonist, —, 作動薬 */
	assert_int_equal(cells.tag[1], 'a');
	assert_int_equal(cells.tag[2], ' ');	/* missing: a blank tag */
	assert_int_equal(cells.tag[3], 'c');
	for (size_t c = 1; c < cells.ncells; c++)
		for (size_t i = 0; i < cells.cells[c].count; i++)
			assert_true(cells.cells[c].items[i].width <= l.widths[c - 1] - COMPARE_TAG_COLS);
	assert_int_equal(compare_wrap_row(&cells, &t, &l, COMPARE_HEADER), 0);
	assert_int_equal(cells.tag[1], 0);
	compare_cells_release(&cells);
	compare_release(&t);
}

/* Four topics at 80 columns: the label column would push one off, so with
 * allow_stacked the labels go above their rows and all four are shown. */
static void narrow_tables_stack_their_labels(void **state)
{
	struct compare_table t;
	struct compare_layout l;
	struct compare_cells cells;

	build(*state, &t, &wide, &longw, &alpha, &beta);
	compare_layout(&t, 80, 3, 1, 0, &l);
	assert_false(l.stacked);
	assert_false(l.fits);

	t.allow_stacked = true;
	compare_layout(&t, 80, 3, 1, 0, &l);
	assert_true(l.stacked);
	assert_true(l.fits);
	assert_int_equal(l.ncols, 4);
	assert_int_equal(l.label_width, 0);
	assert_true(l.total <= 80);

	compare_cells_init(&cells);
	assert_int_equal(compare_wrap_row(&cells, &t, &l, 0), 0);
	assert_int_equal(cells.cells[0].count, 0);	/* the label is not a cell */
	assert_int_equal(compare_wrap_label(&cells, &t, 0, l.total - 4), 0);
	assert_string_equal(cells.text[0], "Receptor target");
	assert_int_equal(cells.cells[0].count, 1);

	/* A wide terminal keeps the label column. */
	compare_layout(&t, 200, 3, 1, 0, &l);
	assert_false(l.stacked);
	assert_true(l.fits);
	/* Too narrow even stacked: the side layout scrolls as before. */
	compare_layout(&t, 30, 3, 1, 0, &l);
	assert_false(l.stacked);
	compare_cells_release(&cells);
	compare_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(rows_follow_the_vocabulary_and_skip_empty_ones, setup, teardown),
		cmocka_unit_test_setup_teardown(differs_ignores_case_and_spacing_only, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_choices_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(draft_and_empty_tables, setup, teardown),
		cmocka_unit_test_setup_teardown(diff_only_hides_equal_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(natural_widths_when_there_is_room, setup, teardown),
		cmocka_unit_test_setup_teardown(squeezed_columns_fill_the_width, setup, teardown),
		cmocka_unit_test_setup_teardown(columns_that_do_not_fit_scroll, setup, teardown),
		cmocka_unit_test_setup_teardown(a_tiny_width_still_shows_one_column, setup, teardown),
		cmocka_unit_test(wrapping_keeps_wide_characters_whole),
		cmocka_unit_test(unbreakable_words_break_between_characters),
		cmocka_unit_test_setup_teardown(rows_wrap_under_the_layout, setup, teardown),
		cmocka_unit_test_setup_teardown(every_width_fits, setup, teardown),
		cmocka_unit_test_setup_teardown(cells_are_grouped_by_value, setup, teardown),
		cmocka_unit_test_setup_teardown(tagged_cells_carry_their_letter, setup, teardown),
		cmocka_unit_test_setup_teardown(narrow_tables_stack_their_labels, setup, teardown),
		cmocka_unit_test_setup_teardown(partners_of_a_card, setup, teardown),
	};

	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "en_US.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
