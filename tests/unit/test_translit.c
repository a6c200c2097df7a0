/* Unit tests for the transliteration table (src/translit.c) and folding
 * (src/fold.c): ASCII of the same meaning, nothing raw, nothing dropped;
 * the folded form look-ups compare, and the way back to the original. */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "translit.h"

static char *ascii_of(const char *s)
{
	size_t n = translit_text(s, strlen(s), NULL);
	char *out = malloc(n + 1);
	assert_non_null(out);
	assert_int_equal(translit_text(s, strlen(s), out), n);
	return out;
}

static void expect_ascii(const char *in, const char *want)
{
	char *got = ascii_of(in);
	if (strcmp(got, want) != 0)
		fail_msg("\"%s\" became \"%s\", expected \"%s\"", in, got, want);
	free(got);
}

static char *fold_of(const char *s)
{
	size_t n = text_fold(s, strlen(s), NULL);
	char *out = malloc(n + 1);
	assert_non_null(out);
	assert_int_equal(text_fold(s, strlen(s), out), n);
	return out;
}

static void expect_fold(const char *in, const char *want)
{
	char *got = fold_of(in);
	if (strcmp(got, want) != 0)
		fail_msg("\"%s\" folded to \"%s\", expected \"%s\"", in, got, want);
	free(got);
}

/* Folded forms compare case-insensitively (the case marks word boundaries). */
static void expect_same_fold(const char *a, const char *b)
{
	char *x = fold_of(a), *y = fold_of(b);
	if (text_casecmp(x, y) != 0)
		fail_msg("\"%s\" (%s) and \"%s\" (%s) should fold alike", a, x, b, y);
	free(x);
	free(y);
}

static void test_table_is_sorted(void **state)
{
	(void)state;
	assert_true(translit_table_sorted());
}

static void test_greek_and_units(void **state)
{
	(void)state;
	expect_ascii("α β γ δ κ", "alpha beta gamma delta kappa");
	expect_ascii("α2-adrenergic", "alpha2-adrenergic");
	expect_ascii("Gβγ, GABA type Α", "Gbetagamma, GABA type Alpha");
	expect_ascii("ά ώ ς", "alpha omega sigma");
	/* micro before a unit, the letter mu anywhere else */
	expect_ascii("5 µg/kg, 2 μmol/L, 3 μM", "5 ug/kg, 2 umol/L, 3 uM");
	expect_ascii("μ-opioid, µ receptor, μOR, μ", "mu-opioid, mu receptor, muOR, mu");
}

static void test_charges_and_scripts(void **state)
{
	(void)state;
	expect_ascii("K⁺ Cl⁻ Ca²⁺ Na⁺", "K+ Cl- Ca2+ Na+");
	expect_ascii("CO₂ H₂O", "CO2 H2O");
	expect_ascii("10⁻⁶ M, x10³", "10^-6 M, x10^3");
	expect_ascii("m² ¹", "m2 1");
}

static void test_punctuation_and_symbols(void **state)
{
	(void)state;
	expect_ascii("a — b – c", "a -- b - c");
	expect_ascii("A → B ← C ↔ D ⇒ E", "A -> B <- C <-> D => E");
	expect_ascii("≠ ≤ ≥ ≈ ± × · ÷", "!= <= >= ~ +/- x * /");
	expect_ascii("37 °C", "37 degC");
	expect_ascii("“quoted” ‘single’ it’s…", "\"quoted\" 'single' it's...");
	expect_ascii("✓ yes ✗ no ✔ ✘", "ok yes x no ok x");
	expect_ascii("• item", "* item");
	expect_ascii("non\xC2\xA0" "breaking", "non breaking");
	expect_ascii("soft\xC2\xAD" "hyphen", "softhyphen");
}

static void test_latin_letters(void **state)
{
	(void)state;
	expect_ascii("café naïve Ärzte Straße", "cafe naive Arzte Strasse");
	expect_ascii("Łódź Dvořák Škoda Ørsted Œuvre", "Lodz Dvorak Skoda Orsted OEuvre");
	expect_ascii("e\xCC\x81" "e", "ee");	/* a combining accent goes with its letter */
	expect_ascii("ｆｕｌｌ", "full");
}

static void test_box_drawing(void **state)
{
	(void)state;
	expect_ascii("┌─┐│└┘├┼┤═║╧", "+-+|+++++=|+");
	expect_ascii("█▒", "##");
}

static void test_unknown_is_a_question_mark(void **state)
{
	(void)state;
	expect_ascii("中文 😀", "?? ?");
	expect_ascii("bad \xFF byte", "bad ? byte");
	expect_ascii("cut \xE2\x80", "cut ??");
}

/* Every code point becomes ASCII, never longer than TRANSLIT_MAX, and
 * nothing but invisible characters becomes nothing. */
static void test_every_code_point_is_ascii(void **state)
{
	(void)state;
	for (uint32_t cp = 0x80; cp < 0x30000; cp++) {
		char in[4], out[TRANSLIT_MAX];
		size_t n;
		int len = text_utf8_encode(cp, in);
		if (len == 0)
			continue;
		assert_int_equal(translit_char(in, (size_t)len, '1', out, &n), (size_t)len);
		assert_true(n <= TRANSLIT_MAX);
		for (size_t i = 0; i < n; i++)
			assert_true((unsigned char)out[i] < 0x80);
		bool invisible = cp == 0xAD || (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F) ||
				 (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
		if (!invisible && n == 0)
			fail_msg("U+%04X became nothing", (unsigned)cp);
	}
}

/* In a diagram the columns still line up: each line keeps its width. */
static void test_preformatted_keeps_columns(void **state)
{
	(void)state;
	const char *diagram = "│ GABA │ ──→  │ K⁺ │  out\nGαi/o    Gβγ\n中 x\n→→ y";
	const char *want = "| GABA | -->  | K+ |  out\nGalphai/o Gbetagamma\n?  x\n->-> y";
	size_t n = translit_preformatted(diagram, strlen(diagram), NULL);
	char *out = malloc(n + 1);
	assert_non_null(out);
	translit_preformatted(diagram, strlen(diagram), out);
	assert_string_equal(out, want);
	free(out);
}

static void test_fold_forms(void **state)
{
	(void)state;
	expect_fold("GABA-A", "gabaA");	/* the capital marks the dropped dash */
	expect_fold("GABAA", "gabaa");
	expect_fold("GABA-A receptor", "gabaAReceptor");
	expect_fold("K⁺", "k+");
	expect_fold("Cl⁻ channel", "cl-Channel");
	expect_fold("α2δ", "alpha2delta");
	expect_fold("Is it a benzo?", "isItABenzo");
	expect_fold("(K⁺)", "k+");
	expect_fold("  ", "");
	expect_fold("受容体 X", "受容体X");	/* kept as written */
	expect_same_fold("GABA-A", "GABA A");
	expect_same_fold("GABA-A", "gabaa");
	expect_same_fold("GABA–A", "gaba-a");
	expect_same_fold("K⁺", "K+");
	expect_same_fold("Ca²⁺", "Ca2+");
	expect_same_fold("α2", "alpha2");
	expect_same_fold("α2", "ALPHA 2");
	expect_same_fold("Café", "cafe");
	expect_same_fold("μ-opioid", "mu opioid");
	/* "a2" is not "α2" (A2 is also an adenosine receptor); search still
	 * finds the letters a2 inside "alpha2", as inside any word. */
	char *a = fold_of("a2"), *alpha = fold_of("α2");
	assert_int_not_equal(text_casecmp(a, alpha), 0);
	free(a);
	free(alpha);
}

static bool fold_match(const char *text, const char *query)
{
	char *t = fold_of(text), *q = fold_of(query);
	size_t tlen = strlen(t), qlen = strlen(q);
	const char *at = t;
	bool found = false;
	while (!found && (at = text_find_nocase_n(at, tlen - (size_t)(at - t), q, qlen)) != NULL)
		found = text_fold_boundary(t, tlen, (size_t)(at++ - t), q, qlen);
	free(t);
	free(q);
	return found;
}

static void test_fold_boundaries(void **state)
{
	(void)state;
	assert_true(fold_match("the GABA-A receptor", "gabaa"));
	assert_true(fold_match("the GABA-A receptor", "gaba a"));
	assert_true(fold_match("GABAA", "GABA-A"));
	assert_false(fold_match("mimic GABA as", "gaba a"));
	assert_false(fold_match("GABA and", "gabaa"));
	assert_true(fold_match("chloride", "chlor"));
	assert_true(fold_match("the GABA receptor", "gaba rec"));	/* typed so far */
	assert_true(fold_match("X receptor", "x recep"));
	assert_false(fold_match("the GABA receptor", "gaba r"));
	assert_false(fold_match("the GABA receptor", "gabarec"));
	assert_false(fold_match("GABA-A", "baa"));
	assert_true(fold_match("Ca²⁺ enters", "Ca2+"));
	assert_true(fold_match("α2-adrenergic", "alpha2"));
}

static void test_cursor_maps_back(void **state)
{
	(void)state;
	const char *text = "The α2 and K⁺ — α2 again";
	char *folded = fold_of(text), *q = fold_of("alpha2");
	struct fold_cursor cursor;
	size_t start, end, expected_first = strlen("The "), expected_second = strlen("The α2 and K⁺ — ");
	const char *first = text_find_nocase(folded, q), *second = first ? text_find_nocase(first + 1, q) : NULL;
	assert_non_null(second);
	fold_cursor_init(&cursor, text, strlen(text));
	fold_cursor_locate(&cursor, (size_t)(first - folded), strlen(q), &start, &end);
	assert_int_equal(start, expected_first);
	assert_int_equal(end, expected_first + strlen("α2"));
	fold_cursor_locate(&cursor, (size_t)(second - folded), strlen(q), &start, &end);
	assert_int_equal(start, expected_second);
	assert_int_equal(end, expected_second + strlen("α2"));
	free(q);
	/* The part of one character's ASCII still maps to the whole character. */
	q = fold_of("+");
	const char *plus = strchr(folded, '+');
	assert_non_null(plus);
	fold_cursor_init(&cursor, text, strlen(text));
	fold_cursor_locate(&cursor, (size_t)(plus - folded), 1, &start, &end);
	assert_int_equal(start, strlen("The α2 and K"));
	assert_int_equal(end, strlen("The α2 and K⁺"));
	/* Past the end: the end of the text. */
	fold_cursor_locate(&cursor, strlen(folded) + 5, 1, &start, &end);
	assert_int_equal(start, strlen(text));
	assert_int_equal(end, strlen(text));
	free(q);
	free(folded);
}

/* Checks the cursor on text: every folded byte located one after another
 * (the cursor moves a byte at a time) comes from the character it should,
 * with only dropped bytes between; and located again in strides (long skips
 * over plain ASCII, as a common word's hits make) lands on the same spans. */
static void check_cursor_on(const char *text)
{
	char *folded = fold_of(text);
	size_t flen = strlen(folded), len = strlen(text);
	size_t *starts = calloc(flen + 1, sizeof *starts), *ends = calloc(flen + 1, sizeof *ends);
	struct fold_cursor cursor;

	assert_non_null(starts);
	assert_non_null(ends);
	fold_cursor_init(&cursor, text, len);
	for (size_t k = 0; k < flen; k++) {
		fold_cursor_locate(&cursor, k, 1, &starts[k], &ends[k]);
		assert_true(starts[k] < ends[k] && ends[k] <= len);
		unsigned char source = (unsigned char)text[starts[k]];
		if (source < 0x80) {
			assert_int_equal(ends[k] - starts[k], 1);
			if (source != '-')
				assert_int_equal(tolower(source), tolower((unsigned char)folded[k]));
		}
		if (k > 0) {
			assert_true(starts[k] >= starts[k - 1]);
			if (starts[k] != starts[k - 1])
				for (size_t i = ends[k - 1]; i < starts[k]; i++)
					assert_true((unsigned char)text[i] >= 0x80 ||
						    strchr(" \n\t?!,;:\"'()[]{}-", text[i]) != NULL);
		}
	}
	for (size_t stride = 2; stride < 40; stride += 3)
		for (size_t first = 0; first < stride; first++) {
			fold_cursor_init(&cursor, text, len);
			for (size_t k = first; k < flen; k += stride) {
				size_t start, end;
				fold_cursor_locate(&cursor, k, 1, &start, &end);
				assert_int_equal(start, starts[k]);
				assert_int_equal(end, ends[k]);
			}
		}
	free(starts);
	free(ends);
	free(folded);
}

static void test_cursor_skips_land_where_steps_do(void **state)
{
	static const char *const pieces[] = { "a", "B", "z", "Q", "7", " ", "  ", "\n", "-", "--", ",", ".", "(",
					      ")", "'", "/", "+", "α", "K⁺", "—", "β2", "GABA-A", "Cl⁻", "x" };
	const size_t npieces = sizeof pieces / sizeof pieces[0];
	unsigned seed = 12345;
	char text[600];

	(void)state;
	check_cursor_on("The GABA-B receptor opens K+ channels (GIRK); the  other -- does not.");
	check_cursor_on("   leading blanks, then words - and a dash at the end -");
	for (int round = 0; round < 300; round++) {
		size_t used = 0;
		text[0] = '\0';
		while (used < 400) {
			seed = seed * 1103515245u + 12345u;
			const char *piece = pieces[(seed >> 16) % npieces];
			used += (size_t)snprintf(text + used, sizeof text - used, "%s", piece);
		}
		check_cursor_on(text);
	}
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_is_sorted),
		cmocka_unit_test(test_greek_and_units),
		cmocka_unit_test(test_charges_and_scripts),
		cmocka_unit_test(test_punctuation_and_symbols),
		cmocka_unit_test(test_latin_letters),
		cmocka_unit_test(test_box_drawing),
		cmocka_unit_test(test_unknown_is_a_question_mark),
		cmocka_unit_test(test_every_code_point_is_ascii),
		cmocka_unit_test(test_preformatted_keeps_columns),
		cmocka_unit_test(test_fold_forms),
		cmocka_unit_test(test_fold_boundaries),
		cmocka_unit_test(test_cursor_maps_back),
		cmocka_unit_test(test_cursor_skips_land_where_steps_do),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
