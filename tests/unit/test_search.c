/* Unit tests for search: full-text hits, their order, the live title filter
 * and snippets (widths, ellipses, match positions). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
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
	/* Where each hit lies in the original text is worked out when asked ... */
	for (size_t i = 0; i < results.count; i++)
		assert_false(results.hits[i].mapped);
	size_t offset, length;
	search_hit_span(&results.hits[2], &offset, &length);
	assert_int_equal(offset, strlen("Opens the chloride channel.\nMore "));
	assert_int_equal(length, strlen("chloride"));
	assert_false(results.hits[2].mapped);
	/* ... or for all at once, by a caller that shows them all. */
	search_results_map(&results);
	for (size_t i = 0; i < results.count; i++)
		assert_true(results.hits[i].mapped);
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
	size_t offset, length;
	search_hit_span(&results.hits[0], &offset, &length);
	assert_int_equal(offset, 3);
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
	struct search_hit hit = { .field = SEARCH_SECTION, .text = "Opens the chloride channel.",
				   .offset = 10, .length = 8, .mapped = true };
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
	struct search_hit hit = { .field = SEARCH_SECTION, .text = text,
				   .offset = (size_t)(at - text), .length = 6, .mapped = true };
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
	struct search_hit hit = { .field = SEARCH_SECTION, .text = "One\ntwo three",
				   .offset = 4, .length = 3, .mapped = true };
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
	struct search_hit hit = { .field = SEARCH_SECTION, .text = text,
				   .offset = (size_t)(at - text), .length = 8, .mapped = true };
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
	struct search_hit hit = { .field = SEARCH_SECTION, .text = "xx abcdefghijklmnop yy",
				   .offset = 3, .length = 16, .mapped = true };
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

/* --- folded matching and ranking ---------------------------------------- */

/* add_card, with aliases known to the library's index. */
static struct card *add_card_named(struct library *library, const char *id, const char *title, enum card_kind kind,
				   const char **aliases, size_t naliases)
{
	struct card *card = arena_alloc(&library->arena, sizeof(*card));

	assert_non_null(card);
	card->id = id;
	card->title = title;
	card->kind = kind;
	card->aliases = aliases;
	card->naliases = naliases;
	card->text[SECTION_SUMMARY] = "A summary.";
	assert_int_equal(library_add_card(library, card), 0);
	return card;
}

/* A library as authors write it: K⁺, Ca²⁺, α2, GABA-A; a drug card and an
 * explainer that mentions the drug more often than the drug card does. */
static int setup_folded(void **state)
{
	static const char *diazepam_aliases[] = { "Valium" };
	static const char *gaba_aliases[] = { "GABAA receptor" };
	struct fixture *f = test_malloc(sizeof(*f));
	struct card *card;

	library_init(&f->library);
	card = add_card(&f->library, "is-baclofen-a-benzo", "Is baclofen a benzodiazepine?", CARD_EXPLAINER);
	card->text[SECTION_SUMMARY] = "No: baclofen, baclofen, baclofen. K⁺ leaves; Ca²⁺ stays out; not GABA as such.";
	card = add_card(&f->library, "baclofen", "Baclofen", CARD_DRUG);
	card->text[SECTION_SUMMARY] = "Baclofen acts at GABA-B.";
	card = add_card_named(&f->library, "diazepam", "Diazepam", CARD_DRUG, diazepam_aliases, 1);
	card->text[SECTION_SUMMARY] = "Acts at the GABA-A receptor.";
	card = add_card_named(&f->library, "gaba-a-receptor", "GABA-A receptor", CARD_CONCEPT, gaba_aliases, 1);
	card->text[SECTION_MECHANISM] = "Subunits: 2 α1, 2 β2 and the α2 kind.";
	*state = f;
	return 0;
}

/* The hits of query as "card-id:matched text" lines. */
static void expect_hits(struct fixture *f, const char *query, const char *const *want, size_t nwant)
{
	struct search_results results;
	search_results_init(&results);
	assert_int_equal(search_run(&results, &f->library, query), 0);
	if (results.count != nwant)
		fail_msg("'%s': %zu hits, expected %zu", query, results.count, nwant);
	for (size_t i = 0; i < nwant; i++) {
		char got[256];
		const struct search_hit *hit = &results.hits[i];
		size_t offset, length;
		search_hit_span(hit, &offset, &length);
		snprintf(got, sizeof got, "%s:%.*s", hit->card->id, (int)length, hit->text + offset);
		assert_string_equal(got, want[i]);
	}
	/* Mapped all at once, each hit lies where it did when asked alone. */
	struct search_hit *alone = test_malloc(results.count * sizeof *alone + 1);
	assert_non_null(alone);
	for (size_t i = 0; i < results.count; i++) {
		size_t offset, length;
		search_hit_span(&results.hits[i], &offset, &length);
		alone[i].offset = (uint32_t)offset;
		alone[i].length = (uint32_t)length;
	}
	search_results_map(&results);
	for (size_t i = 0; i < results.count; i++) {
		assert_int_equal(results.hits[i].offset, alone[i].offset);
		assert_int_equal(results.hits[i].length, alone[i].length);
	}
	test_free(alone);
	search_results_release(&results);
}

static void test_folded_queries_find_what_authors_wrote(void **state)
{
	struct fixture *f = *state;
	static const char *const k[] = { "is-baclofen-a-benzo:K⁺" };
	static const char *const ca[] = { "is-baclofen-a-benzo:Ca²⁺" };
	static const char *const alpha2[] = { "gaba-a-receptor:α2" };
	static const char *const gabaa[] = { "gaba-a-receptor:GABA-A", "gaba-a-receptor:GABAA",
					     "diazepam:GABA-A" };

	expect_hits(f, "K+", k, 1);
	expect_hits(f, "k⁺", k, 1);
	expect_hits(f, "Ca2+", ca, 1);
	expect_hits(f, "alpha2", alpha2, 1);
	expect_hits(f, "ALPHA 2", alpha2, 1);
	expect_hits(f, "gaba a", gabaa, 3);	/* not "GABA as" */
	expect_hits(f, "gabaa", gabaa, 3);
	expect_hits(f, "GABA-A", gabaa, 3);
	expect_hits(f, " - ", NULL, 0);
}

/* The snippet highlights the original characters the folded query matched. */
static void test_folded_snippet_highlights_the_original(void **state)
{
	struct fixture *f = *state;
	struct search_results results;
	char buf[128];
	size_t start, len;

	search_results_init(&results);
	assert_int_equal(search_run(&results, &f->library, "alpha2"), 0);
	assert_int_equal(results.count, 1);
	search_snippet(&results.hits[0], 40, buf, sizeof buf, &start, &len);
	assert_int_equal(len, strlen("α2"));
	assert_memory_equal(buf + start, "α2", len);
	search_results_release(&results);
}

static void test_title_filter_folds(void **state)
{
	struct fixture *f = *state;
	const struct card *gaba = library_find(&f->library, "gaba-a-receptor");

	assert_non_null(gaba);
	assert_true(search_title_matches(gaba, "gaba a"));
	assert_true(search_title_matches(gaba, "GABAA"));
	assert_false(search_title_matches(gaba, "gaba b"));
}

static void rank(struct fixture *f, const char *query, struct search_results *results, struct search_ranking *ranking)
{
	search_results_init(results);
	search_ranking_init(ranking);
	assert_int_equal(search_run(results, &f->library, query), 0);
	assert_int_equal(search_rank(ranking, results, &f->library, query), 0);
}

static void test_rank_named_drug_before_explainer(void **state)
{
	struct fixture *f = *state;
	struct search_results results;
	struct search_ranking ranking;

	rank(f, "baclofen", &results, &ranking);
	assert_int_equal(ranking.count, 2);
	assert_string_equal(ranking.topics[0].card->id, "baclofen");
	assert_true(ranking.topics[0].named);
	assert_ptr_equal(ranking.named, ranking.topics[0].card);
	assert_int_equal(ranking.naming, LIBRARY_NAMES_ID);
	assert_int_equal(ranking.topics[0].hits, 2);	/* title and summary */
	/* The explainer mentions it four times, and comes second. */
	assert_string_equal(ranking.topics[1].card->id, "is-baclofen-a-benzo");
	assert_int_equal(ranking.topics[1].hits, 4);
	assert_false(ranking.topics[1].named);
	/* order[] groups each topic's hits, in ranking order. */
	for (size_t t = 0; t < ranking.count; t++)
		for (size_t k = 0; k < ranking.topics[t].hits; k++)
			assert_ptr_equal(results.hits[ranking.order[ranking.topics[t].order_start + k]].card,
					 ranking.topics[t].card);
	search_ranking_release(&ranking);
	search_results_release(&results);
}

static void test_rank_alias_and_fuzzy(void **state)
{
	struct fixture *f = *state;
	struct search_results results;
	struct search_ranking ranking;

	rank(f, "valium", &results, &ranking);
	assert_non_null(ranking.named);
	assert_string_equal(ranking.named->id, "diazepam");
	assert_string_equal(ranking.topics[0].card->id, "diazepam");
	search_ranking_release(&ranking);
	search_results_release(&results);

	/* A typo the text does not contain still names the topic... */
	rank(f, "diazepm", &results, &ranking);
	assert_int_equal(results.count, 0);
	assert_int_equal(ranking.count, 1);
	assert_string_equal(ranking.named->id, "diazepam");
	assert_int_equal(ranking.naming, LIBRARY_NAMES_FUZZY);
	assert_int_equal(ranking.topics[0].hits, 0);
	search_ranking_release(&ranking);
	search_results_release(&results);

	/* ...but a near miss never outranks real hits. */
	rank(f, "alpha2", &results, &ranking);
	assert_null(ranking.named);
	assert_int_equal(ranking.naming, LIBRARY_NAMES_NONE);
	search_ranking_release(&ranking);
	search_results_release(&results);

	/* Title hits before body hits, drugs before other kinds. */
	rank(f, "gaba", &results, &ranking);
	assert_string_equal(ranking.topics[0].card->id, "gaba-a-receptor");	/* named by prefix */
	assert_int_equal(ranking.naming, LIBRARY_NAMES_PREFIX);
	assert_string_equal(ranking.topics[1].card->id, "is-baclofen-a-benzo");	/* 1 hit, list order */
	search_ranking_release(&ranking);
	search_results_release(&results);
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
		cmocka_unit_test_setup_teardown(test_folded_queries_find_what_authors_wrote, setup_folded, teardown),
		cmocka_unit_test_setup_teardown(test_folded_snippet_highlights_the_original, setup_folded, teardown),
		cmocka_unit_test_setup_teardown(test_title_filter_folds, setup_folded, teardown),
		cmocka_unit_test_setup_teardown(test_rank_named_drug_before_explainer, setup_folded, teardown),
		cmocka_unit_test_setup_teardown(test_rank_alias_and_fuzzy, setup_folded, teardown),
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
