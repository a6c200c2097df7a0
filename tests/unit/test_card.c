/* Tests for src/card.c: kinds, section names and their parsing, question ids. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "card.h"

static void kinds_round_trip(void **state)
{
	(void)state;
	for (int k = 0; k < CARD_KIND_COUNT; k++)
		assert_int_equal(card_kind_parse(card_kind_name((enum card_kind)k)), k);
	assert_int_equal(card_kind_parse("pill"), -1);
	assert_int_equal(card_kind_parse("Drug"), -1);
	assert_string_equal(card_kind_plural(CARD_CLASS), "Drug classes");
}

static void sections_have_fixed_order_and_titles(void **state)
{
	(void)state;
	assert_string_equal(section_key(SECTION_SUMMARY), "summary");
	assert_string_equal(section_key(SECTION_SIDE_EFFECTS), "side_effects");
	assert_string_equal(section_title(SECTION_CONFUSION), "Why the confusion");
	assert_string_equal(section_key(SECTION_SOURCES), "sources");
	assert_true(SECTION_DIAGRAM < SECTION_FACTS && SECTION_FACTS < SECTION_SOURCES);
	/* Safety (contraindications, pregnancy, older adults, overdose) follows
	 * the interactions and comes before the pharmacokinetics. */
	assert_string_equal(section_key(SECTION_SAFETY), "safety");
	assert_string_equal(section_title(SECTION_SAFETY), "Safety");
	assert_true(SECTION_INTERACTIONS < SECTION_SAFETY && SECTION_SAFETY < SECTION_PHARMACOKINETICS);
	assert_true(SECTION_SAFETY < SECTION_TEXT_COUNT);
}

static void section_names_parse_forgivingly(void **state)
{
	(void)state;
	assert_int_equal(section_parse("mechanism"), SECTION_MECHANISM);
	assert_int_equal(section_parse("side-effects"), SECTION_SIDE_EFFECTS);
	assert_int_equal(section_parse("side_effects"), SECTION_SIDE_EFFECTS);
	assert_int_equal(section_parse("SIDE"), SECTION_SIDE_EFFECTS);
	assert_int_equal(section_parse("mech"), SECTION_MECHANISM);
	assert_int_equal(section_parse("d"), SECTION_AMBIGUOUS);	/* dependence, diagram */
	assert_int_equal(section_parse("di"), SECTION_DIAGRAM);
	assert_int_equal(section_parse("s"), SECTION_AMBIGUOUS);	/* summary, side effects, safety, sources */
	assert_int_equal(section_parse("sa"), SECTION_SAFETY);
	assert_int_equal(section_parse("Safety"), SECTION_SAFETY);
	assert_int_equal(section_parse("safe"), SECTION_SAFETY);
	assert_int_equal(section_parse("nonsense"), SECTION_UNKNOWN);
	assert_int_equal(section_parse(""), SECTION_UNKNOWN);
	assert_int_equal(section_parse("mechanisms"), SECTION_UNKNOWN);
}

static void question_hash_ignores_case_and_spacing(void **state)
{
	(void)state;
	unsigned long long h = card_question_hash("Which receptor does baclofen activate?");
	assert_true(h == card_question_hash("  which   receptor does\nBACLOFEN activate? "));
	assert_false(h == card_question_hash("Which receptor does diazepam activate?"));
	/* FNV-1a 64 of the empty string is its offset basis. */
	assert_true(card_question_hash("") == 0xcbf29ce484222325ULL);
	assert_true(card_question_hash("a") == 0xaf63dc4c8601ec8cULL);
	/* Pinned: stored progress is keyed by ids made from these values. */
	assert_true(card_question_hash("  Which receptor DOES x\tact on? ") == 0xcfa61e2a6374e98dULL);
}

static void has_section_and_fact_lookup(void **state)
{
	(void)state;
	struct card_fact facts[] = { { "receptor", "GABA-B receptor" } };
	struct card_source sources[] = { { .title = "Label" } };
	struct card card = { .id = "x", .facts = facts, .nfacts = 1, .sources = sources, .nsources = 1 };
	card.text[SECTION_SUMMARY] = "Summary.";
	card.text[SECTION_USES] = "";
	assert_true(card_has_section(&card, SECTION_SUMMARY));
	assert_false(card_has_section(&card, SECTION_USES));
	assert_false(card_has_section(&card, SECTION_MECHANISM));
	assert_true(card_has_section(&card, SECTION_FACTS));
	assert_true(card_has_section(&card, SECTION_SOURCES));
	assert_string_equal(card_fact(&card, "receptor"), "GABA-B receptor");
	assert_null(card_fact(&card, "action"));
}

static void sources_format_as_one_citation(void **state)
{
	(void)state;
	char buf[256];
	struct card_source full = { .title = "Basic & Clinical Pharmacology", .chapter = "Skeletal Muscle Relaxants",
				    .publisher = "McGraw Hill" };
	size_t len = card_source_format(&full, buf, sizeof buf);
	assert_int_equal(len, strlen(buf));
	assert_string_equal(buf, "Basic & Clinical Pharmacology, chapter \"Skeletal Muscle Relaxants\". McGraw Hill");
	struct card_source bare = { .title = "Label", .year = "", .url = "https://example.org/x" };
	card_source_format(&bare, buf, sizeof buf);
	assert_string_equal(buf, "Label. https://example.org/x");
	/* A short buffer truncates but reports the whole length, like snprintf. */
	char small[8];
	size_t need = card_source_format(&full, small, sizeof small);
	assert_int_equal(need, strlen("Basic & Clinical Pharmacology, chapter \"Skeletal Muscle Relaxants\". McGraw Hill"));
	assert_string_equal(small, "Basic &");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds_round_trip),
		cmocka_unit_test(sections_have_fixed_order_and_titles),
		cmocka_unit_test(section_names_parse_forgivingly),
		cmocka_unit_test(question_hash_ignores_case_and_spacing),
		cmocka_unit_test(has_section_and_fact_lookup),
		cmocka_unit_test(sources_format_as_one_citation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
