/* Unit tests for md: the Markdown escaper fed the worst text we can think of,
 * prose with lists and false headings, code fences, and the comparison table
 * (whose cells must escape exactly as md_inline does, whoever calls it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "md.h"
#include "sink.h"

static void test_md_inline_table_cell(void **state)
{
	(void)state;
	struct sink s;
	md_inline(sink_open(&s), "A | B\nC `x` *y* _z_ [l](u) <b> ~s~ \\ &amp; & é\t.",
			 MD_TABLE_CELL);
	char *text = sink_text(&s);
	assert_string_equal(text, "A \\| B<br>C \\`x\\` \\*y\\* \\_z\\_ \\[l\\](u) \\<b\\> \\~s\\~ "
				  "\\\\ \\&amp; & é .");
	free(text);
}

static void test_md_inline_paragraph_line_starts(void **state)
{
	(void)state;
	struct sink s;
	md_inline(sink_open(&s), "first\n# h\n- l\n+ p\n= u\n12. n\n3) m\n    code?\nok\x01",
			 MD_PARAGRAPH);
	char *text = sink_text(&s);
	assert_string_equal(text, "first\\\n\\# h\\\n\\- l\\\n\\+ p\\\n\\= u\\\n"
				  "12\\. n\\\n3\\) m\\\ncode?\\\nok");
	free(text);
}

static void test_md_inline_one_line(void **state)
{
	(void)state;
	struct sink s;
	md_inline(sink_open(&s), "two\nlines # x", MD_ONE_LINE);
	char *text = sink_text(&s);
	assert_string_equal(text, "two lines # x");
	free(text);
}

static void test_md_prose(void **state)
{
	(void)state;
	struct sink s;
	md_prose(sink_open(&s), "Para one\nhard break.\n\n# not heading\n- item *a*\n"
				       "\xE2\x80\xA2 bullet\n  - nested\n1. one\n"
				       "after list\n\n\nlast | pipe");
	char *text = sink_text(&s);
	assert_string_equal(text, "Para one\\\nhard break.\n\n"
				  "\\# not heading\n\n"
				  "- item \\*a\\*\n"
				  "- bullet\n"
				  "  - nested\n"
				  "1. one\n\n"
				  "after list\n\n"
				  "last \\| pipe\n");
	free(text);
}

static void test_md_inline_null_writes_nothing(void **state)
{
	(void)state;
	struct sink s;
	md_inline(sink_open(&s), NULL, MD_PARAGRAPH);
	char *text = sink_text(&s);
	assert_string_equal(text, "");
	free(text);
}

static void test_code_block_fence_outgrows_backticks(void **state)
{
	(void)state;
	struct sink s;
	md_code_block(sink_open(&s), "a ```` b\x01\n");
	char *text = sink_text(&s);
	assert_string_equal(text, "`````\na ```` b\n`````\n");
	free(text);
	md_code_block(sink_open(&s), "plain");
	text = sink_text(&s);
	assert_string_equal(text, "```\nplain\n```\n");
	free(text);
}

/* The text `compare --format md` once left raw while `export --format md`
 * escaped it. */
#define HOSTILE "GABA_A *and* <b> | x\\y\nnext"

static void test_compare_table_escapes_like_md_inline(void **state)
{
	(void)state;
	struct card one = { .id = "one", .title = "One <i>" }, two = { .id = "two", .title = "Two_2" };
	struct compare_row rows[] = {
		{ .key = "receptor", .label = "Receptor", .values = { HOSTILE, HOSTILE }, .differs = false },
		{ .key = "use", .label = "Use | misuse", .values = { "a", NULL }, .differs = true },
	};
	struct compare_table table = {
		.cards = { &one, &two }, .ncards = 2, .rows = rows, .nrows = 2, .ndiffer = 1, .empty = "-",
	};
	struct sink s;
	md_inline(sink_open(&s), HOSTILE, MD_TABLE_CELL);
	char *cell = sink_text(&s);
	assert_string_equal(cell, "GABA\\_A \\*and\\* \\<b\\> \\| x\\\\y<br>next");

	md_compare_table(sink_open(&s), &table, "X");
	char *text = sink_text(&s);
	char expected[1024];
	snprintf(expected, sizeof expected,
		 "| Fact | One \\<i\\> | Two\\_2 |\n"
		 "| --- | --- | --- |\n"
		 "| Receptor | %s | %s |\n"
		 "| X Use \\| misuse | a | - |\n",
		 cell, cell);
	assert_string_equal(text, expected);
	free(text);

	table.diff_only = true;
	md_compare_table(sink_open(&s), &table, "X");
	text = sink_text(&s);
	assert_null(strstr(text, "Receptor"));
	assert_non_null(strstr(text, "| X Use \\| misuse | a | - |\n"));
	free(text);
	free(cell);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md_inline_table_cell),
		cmocka_unit_test(test_md_inline_paragraph_line_starts),
		cmocka_unit_test(test_md_inline_one_line),
		cmocka_unit_test(test_md_prose),
		cmocka_unit_test(test_md_inline_null_writes_nothing),
		cmocka_unit_test(test_code_block_fence_outgrows_backticks),
		cmocka_unit_test(test_compare_table_escapes_like_md_inline),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
