/* Unit tests for search: full-text hits, their order, the live title filter
 * and snippets (widths, ellipses, match positions). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "library.h"
#include "search.h"
#include "text.h"

struct fixture {
	struct library library;
};

static struct card *add_card(struct library *library, const char *id, const char *title, enum card_kind kind)
{
	struct card *card = arena_alloc(&library->arena, sizeof(*card));

	assert_non_null(card);
	card->id = id;
	card->title = title;
	card->kind = kind;
	card->text[SECTION_SUMMARY] = "A summary.";
	assert_int_equal(library_add_card(library, card), 0);
	return card;
}

static int setup(void **state)
{
	static const char *zolpam_aliases[] = { "Zolpex" };
	static struct card_fact zolpam_facts[] = { { "receptor", "X receptor" }, { "uses", "Sleep" } };
	struct fixture *f = test_malloc(sizeof(*f));
	struct card *card;

	library_init(&f->library);
	/* Added drugs first: results must still follow the topic-list order (explainers first). */
	card = add_card(&f->library, "zolpam", "Zolpam", CARD_DRUG);
	card->aliases = zolpam_aliases;
	card->naliases = 1;
	card->text[SECTION_MECHANISM] = "Opens the chloride channel.\nMore chloride, less firing.";
	card->text[SECTION_DIAGRAM] = "X --> chloride";
	card->facts = zolpam_facts;
	card->nfacts = 2;
	card = add_card(&f->library, "start", "Is Zolpam a Ketazine?", CARD_EXPLAINER);
	card->text[SECTION_CONFUSION] = "Both cause CHLORIDE flow.";
	add_card(&f->library, "wide", "受容体 receptor", CARD_CONCEPT);
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

static void test_finds_every_occurrence_in_list_order(void **state)
{
	struct fixture *f = *state;
	struct search_results results;

	search_results_init(&results);
	assert_int_equal(search_run(&results, &f->library, "chloride"), 0);
	assert_int_equal(results.count, 4);
	/* The explainer comes first in the topic list, so its hit does too (case-insensitive). */
	assert_string_equal(results.hits[0].card->id, "start");
	assert_int_equal(results.hits[0].field, SEARCH_SECTION);
	assert_int_equal(results.hits[0].section, SECTION_CONFUSION);
	assert_int_equal(results.hits[0].offset, strlen("Both cause "));
	assert_int_equal(results.hits[0].length, strlen("chloride"));
	/* Two hits in one section, then the diagram. */
	assert_int_equal(results.hits[1].section, SECTION_MECHANISM);
	assert_int_equal(results.hits[1].offset, strlen("Opens the "));
	assert_int_equal(results.hits[2].section, SECTION_MECHANISM);
	assert_int_equal(results.hits[2].offset, strlen("Opens the chloride channel.\nMore "));
	assert_int_equal(results.hits[3].section, SECTION_DIAGRAM);
	search_results_release(&results);
	assert_null(results.hits);
	assert_int_equal(results.count, 0);
}

static void test_titles_and_aliases_come_first(void **state)
{
	struct fixture *f = *state;
	struct search_results results;

	search_results_init(&results);
	assert_int_equal(search_run(&results, &f->library, "zolp"), 0);
	assert_int_equal(results.count, 3);
	assert_int_equal(results.hits[0].field, SEARCH_TITLE);
	assert_string_equal(results.hits[0].card->id, "start");
	assert_int_equal(results.hits[0].offset, 3);
	assert_int_equal(results.hits[1].field, SEARCH_TITLE);
	assert_string_equal(results.hits[1].card->id, "zolpam");
	assert_int_equal(results.hits[2].field, SEARCH_ALIAS);
	assert_string_equal(results.hits[2].text, "Zolpex");
	search_results_release(&results);
}

static void test_fact_values_are_searched(void **state)
{
	struct fixture *f = *state;
	struct search_results results;

	search_results_init(&results);
	assert_int_equal(search_run(&results, &f->library, "x recep"), 0);
	assert_int_equal(results.count, 1);
	assert_int_equal(results.hits[0].field, SEARCH_FACT);
	assert_int_equal(results.hits[0].section, SECTION_FACTS);
	assert_string_equal(results.hits[0].text, "X receptor");
	search_results_release(&results);
}

static void test_empty_and_missing_queries_find_nothing(void **state)
{
	struct fixture *f = *state;
	struct search_results results;

	search_results_init(&results);
	assert_int_equal(search_run(&results, &f->library, ""), 0);
	assert_int_equal(search_run(&results, &f->library, "no such words"), 0);
	assert_int_equal(results.count, 0);
	search_results_release(&results);
}

static void test_results_accumulate(void **state)
{
	struct fixture *f = *state;
	struct search_results results;

	search_results_init(&results);
	assert_int_equal(search_run(&results, &f->library, "summary"), 0);
	assert_int_equal(results.count, 3);
	assert_int_equal(search_run(&results, &f->library, "summary"), 0);
	assert_int_equal(results.count, 6);
	search_results_release(&results);
}

static void test_title_filter(void **state)
{
	struct fixture *f = *state;
	const struct card *zolpam = library_find(&f->library, "zolpam");

	assert_true(search_title_matches(zolpam, ""));
	assert_true(search_title_matches(zolpam, NULL));
	assert_true(search_title_matches(zolpam, "ZOLP"));
	assert_true(search_title_matches(zolpam, "pex"));	/* alias */
	assert_false(search_title_matches(zolpam, "chloride"));	/* body text is not the filter's */
	assert_true(search_title_matches(library_find(&f->library, "wide"), "受容"));
}

static void test_snippet_short_text_is_whole(void **state)
{
	struct search_hit hit = { NULL, SEARCH_SECTION, 0, "Opens the chloride channel.", 10, 8 };
	char buf[128];
	size_t start, len;

	(void)state;
	search_snippet(&hit, 60, buf, sizeof(buf), &start, &len);
	assert_string_equal(buf, "Opens the chloride channel.");
	assert_int_equal(start, 10);
	assert_int_equal(len, 8);
}

static void test_snippet_cuts_with_ellipses_and_fits(void **state)
{
	const char *text = "First line of text\nthat goes on and on before the word quasar appears, "
			   "and then it goes on and on for a long while after it too.";
	const char *at = strstr(text, "quasar");
	struct search_hit hit = { NULL, SEARCH_SECTION, 0, text, (size_t)(at - text), 6 };
	char buf[128];
	size_t start, len;
	int cols;

	(void)state;
	for (cols = 10; cols <= 40; cols += 5) {
		search_snippet(&hit, cols, buf, sizeof(buf), &start, &len);
		assert_true(text_width(buf) <= cols);
		assert_int_equal(len, 6);
		assert_memory_equal(buf + start, "quasar", 6);
		assert_null(strchr(buf, '\n'));
		assert_memory_equal(buf, "\xE2\x80\xA6", 3);	/* cut at the start */
		assert_memory_equal(buf + strlen(buf) - 3, "\xE2\x80\xA6", 3);	/* and at the end */
	}
}

static void test_snippet_newlines_become_spaces(void **state)
{
	struct search_hit hit = { NULL, SEARCH_SECTION, 0, "One\ntwo three", 4, 3 };
	char buf[64];
	size_t start, len;

	(void)state;
	search_snippet(&hit, 40, buf, sizeof(buf), &start, &len);
	assert_string_equal(buf, "One two three");
	assert_int_equal(start, 4);
}

static void test_snippet_wide_characters(void **state)
{
	const char *text = "受容体受容体受容体 receptor 受容体受容体受容体受容体";
	const char *at = strstr(text, "receptor");
	struct search_hit hit = { NULL, SEARCH_SECTION, 0, text, (size_t)(at - text), 8 };
	char buf[128];
	size_t start, len;

	(void)state;
	search_snippet(&hit, 20, buf, sizeof(buf), &start, &len);
	assert_true(text_width(buf) <= 20);
	assert_true(text_utf8_valid(buf, strlen(buf), NULL));
	assert_memory_equal(buf + start, "receptor", 8);
}

static void test_snippet_match_wider_than_room(void **state)
{
	struct search_hit hit = { NULL, SEARCH_SECTION, 0, "xx abcdefghijklmnop yy", 3, 16 };
	char buf[64];
	size_t start, len;

	(void)state;
	search_snippet(&hit, 8, buf, sizeof(buf), &start, &len);
	assert_true(text_width(buf) <= 8);
	assert_true(len > 0 && len < 16);
	/* A tiny buffer never overflows and stays terminated. */
	search_snippet(&hit, 8, buf, 4, &start, &len);
	assert_true(strlen(buf) < 4);
	search_snippet(&hit, 0, buf, sizeof(buf), &start, &len);
	assert_string_equal(buf, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_finds_every_occurrence_in_list_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_titles_and_aliases_come_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fact_values_are_searched, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_and_missing_queries_find_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_results_accumulate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_title_filter, setup, teardown),
		cmocka_unit_test(test_snippet_short_text_is_whole),
		cmocka_unit_test(test_snippet_cuts_with_ellipses_and_fits),
		cmocka_unit_test(test_snippet_newlines_become_spaces),
		cmocka_unit_test(test_snippet_wide_characters),
		cmocka_unit_test(test_snippet_match_wider_than_room),
	};

	/* Display widths come from wcwidth(), which needs a UTF-8 locale. */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
