/* Tests for src/library.c and src/search_path.c: lookup, overrides,
 * reference resolution, ordering and the pack search path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "library.h"
#include "loader.h"
#include "quiz.h"

static struct card *make_card(struct library *lib, size_t pack, const char *id, enum card_kind kind,
			      const char *title)
{
	struct card *c = arena_alloc(&lib->arena, sizeof *c);
	c->id = id;
	c->title = title;
	c->kind = kind;
	c->pack = pack;
	c->path = "mem.yaml";
	c->line = 1;
	return c;
}

static int by_topic(const void *a, const void *b)
{
	return library_topic_cmp(*(const struct card *const *)a, *(const struct card *const *)b);
}

/* A large pack with its stored order and a few cards without one (the
 * bundled pack's) come out as sorting them all would, whichever side is
 * the few: the merge places them by binary search then. */
static void a_few_cards_merge_into_many_as_a_sort_would(void **state)
{
	(void)state;
	enum { MANY = 200, FEW = 5 };
	static const char *const few_titles[FEW] = { "", "Aaa", "Mmm 050", "mmm 050", "Zzz" };
	for (int few_have_the_run = 0; few_have_the_run < 2; few_have_the_run++) {
		struct library lib;
		library_init(&lib);
		struct pack_info p1 = { .name = "many" }, p2 = { .name = "few" };
		size_t many = library_add_pack(&lib, &p1), few = library_add_pack(&lib, &p2);
		struct card **run = arena_array(&lib.arena, MANY, sizeof *run);
		assert_non_null(run);
		char id[32], title[32];
		for (int i = 0; i < MANY; i++) {
			snprintf(id, sizeof id, "m%03d", i);
			snprintf(title, sizeof title, "Mmm %03d", i);
			run[i] = make_card(&lib, many, arena_strdup(&lib.arena, id), i % 3 == 0 ? CARD_CLASS : CARD_DRUG,
					   arena_strdup(&lib.arena, title));
			assert_int_equal(library_add_card(&lib, run[i]), 0);
		}
		struct card *few_cards[FEW];
		for (int i = 0; i < FEW; i++) {
			snprintf(id, sizeof id, "f%d", i);
			few_cards[i] = make_card(&lib, few, arena_strdup(&lib.arena, id), i % 2 ? CARD_DRUG : CARD_CLASS,
						 few_titles[i]);
			assert_int_equal(library_add_card(&lib, few_cards[i]), 0);
		}
		qsort(run, MANY, sizeof *run, by_topic);
		qsort(few_cards, FEW, sizeof *few_cards, by_topic);
		if (few_have_the_run)
			assert_int_equal(library_add_sorted_run(&lib, few, few_cards, FEW), 0);
		else
			assert_int_equal(library_add_sorted_run(&lib, many, run, MANY), 0);
		const struct card *got[MANY + FEW], *want[MANY + FEW];
		library_sorted(&lib, got);
		for (size_t i = 0; i < lib.ncards; i++)
			want[i] = lib.cards[i];
		qsort(want, lib.ncards, sizeof *want, by_topic);
		for (size_t i = 0; i < lib.ncards; i++)
			assert_string_equal(got[i]->id, want[i]->id);
		library_release(&lib);
	}
}

static void has_pack_matches_names_exactly(void **state)
{
	(void)state;
	struct library lib;
	library_init(&lib);
	struct pack_info loose = { .name = NULL }, named = { .name = "gaba" };
	assert_false(library_has_pack(&lib, "gaba"));
	library_add_pack(&lib, &loose);
	library_add_pack(&lib, &named);
	assert_true(library_has_pack(&lib, "gaba"));
	assert_false(library_has_pack(&lib, "GABA"));
	assert_false(library_has_pack(&lib, "gab"));
	assert_false(library_has_pack(&lib, NULL));
	library_release(&lib);
}

static void lookup_by_id_and_alias_ignores_case(void **state)
{
	(void)state;
	struct library lib;
	library_init(&lib);
	struct pack_info p = { .name = "p" };
	size_t pack = library_add_pack(&lib, &p);
	struct card *c = make_card(&lib, pack, "diazepam", CARD_DRUG, "Diazepam");
	static const char *aliases[] = { "Valium" };
	c->aliases = aliases;
	c->naliases = 1;
	assert_int_equal(library_add_card(&lib, c), 0);
	assert_ptr_equal(library_find(&lib, "diazepam"), c);
	assert_ptr_equal(library_find(&lib, "DIAZEPAM"), c);
	assert_ptr_equal(library_find(&lib, "valium"), c);
	assert_null(library_find(&lib, "diazepa"));
	assert_string_equal(library_suggest(&lib, "diazepm"), "diazepam");
	assert_null(library_suggest(&lib, "xyz"));
	assert_int_equal(lib.packs[pack].ncards, 1);
	library_release(&lib);
}

static void an_id_beats_another_cards_alias(void **state)
{
	(void)state;
	struct library lib;
	library_init(&lib);
	struct pack_info p = { .name = "p" };
	size_t pack = library_add_pack(&lib, &p);
	struct card *a = make_card(&lib, pack, "a", CARD_DRUG, "A");
	static const char *aliases[] = { "b" };
	a->aliases = aliases;
	a->naliases = 1;
	struct card *b = make_card(&lib, pack, "b", CARD_DRUG, "B");
	library_add_card(&lib, a);
	library_add_card(&lib, b);
	assert_ptr_equal(library_find(&lib, "b"), b);
	library_release(&lib);
}

static void earlier_packs_override_later_ones(void **state)
{
	(void)state;
	struct library lib;
	library_init(&lib);
	struct pack_info p1 = { .name = "first", .start = "x" }, p2 = { .name = "second", .start = "y" };
	size_t first = library_add_pack(&lib, &p1), second = library_add_pack(&lib, &p2);
	struct card *mine = make_card(&lib, first, "x", CARD_DRUG, "Mine");
	struct card *theirs = make_card(&lib, second, "x", CARD_DRUG, "Theirs");
	assert_int_equal(library_add_card(&lib, mine), 0);
	assert_int_equal(library_add_card(&lib, theirs), 1);
	assert_ptr_equal(library_find(&lib, "x"), mine);
	assert_int_equal(lib.noverrides, 1);
	assert_int_equal(lib.overrides[0].winner_pack, first);
	assert_int_equal(lib.overrides[0].loser_pack, second);
	assert_string_equal(lib.start, "x");
	assert_int_equal(lib.packs[second].ncards, 0);
	library_release(&lib);
}

static void vocabulary_merges_first_definition_wins(void **state)
{
	(void)state;
	struct library lib;
	library_init(&lib);
	struct vocab_entry a = { "receptor", "Receptor", NULL }, b = { "receptor", "Other label", "?" },
			   c = { "action", "Action", NULL };
	library_add_vocab(&lib, &a);
	library_add_vocab(&lib, &b);
	library_add_vocab(&lib, &c);
	assert_int_equal(lib.nvocab, 2);
	assert_string_equal(library_vocab(&lib, "receptor")->label, "Receptor");
	assert_int_equal(library_vocab_index(&lib, "action"), 1);
	assert_int_equal(library_vocab_index(&lib, "nope"), -1);
	library_release(&lib);
}

static void resolve_drops_dangling_links_with_warnings(void **state)
{
	(void)state;
	struct library lib;
	struct diag_list diags;
	library_init(&lib);
	diag_list_init(&diags);
	struct pack_info p = { .name = "p" };
	size_t pack = library_add_pack(&lib, &p);
	struct card *a = make_card(&lib, pack, "a", CARD_DRUG, "A");
	struct card *b = make_card(&lib, pack, "b", CARD_CLASS, "B");
	static const char *related[] = { "B", "ghost", "b" };
	static const char *compare[] = { "ghost" };
	a->related = related;
	a->nrelated = 3;
	a->compare_with = compare;
	a->ncompare_with = 1;
	a->member_of = "nothing";
	struct card_question q = { .id = "a-q", .see = SECTION_MECHANISM, .line = 9 };
	a->quiz = &q;
	a->nquiz = 1;
	library_add_card(&lib, a);
	library_add_card(&lib, b);
	library_resolve(&lib, &diags);
	assert_int_equal(a->nrelated, 2);
	assert_string_equal(a->related[0], "b"); /* normalised to the id */
	assert_int_equal(a->ncompare_with, 0);
	assert_null(a->member_of);
	assert_int_equal(q.see, -1);
	assert_int_equal(diags.warnings, 4);
	assert_int_equal(diags.errors, 0);
	library_release(&lib);
	diag_list_release(&diags);
}

static void sorted_groups_by_kind_then_title(void **state)
{
	(void)state;
	struct library lib;
	library_init(&lib);
	struct pack_info p = { .name = "p" };
	size_t pack = library_add_pack(&lib, &p);
	library_add_card(&lib, make_card(&lib, pack, "z", CARD_DRUG, "zolpidem"));
	library_add_card(&lib, make_card(&lib, pack, "b", CARD_DRUG, "Baclofen"));
	library_add_card(&lib, make_card(&lib, pack, "c", CARD_CLASS, "Benzodiazepines"));
	library_add_card(&lib, make_card(&lib, pack, "e", CARD_EXPLAINER, "Is it?"));
	const struct card *out[4];
	library_sorted(&lib, out);
	assert_string_equal(out[0]->id, "e");
	assert_string_equal(out[1]->id, "c");
	assert_string_equal(out[2]->id, "b");
	assert_string_equal(out[3]->id, "z");
	/* Without a start card, the first explainer opens. */
	assert_string_equal(library_start(&lib)->id, "e");
	library_release(&lib);
}

static void many_cards_stay_findable(void **state)
{
	(void)state;
	struct library lib;
	library_init(&lib);
	struct pack_info p = { .name = "p" };
	size_t pack = library_add_pack(&lib, &p);
	char id[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(id, sizeof id, "card-%d", i);
		library_add_card(&lib, make_card(&lib, pack, arena_strdup(&lib.arena, id), CARD_DRUG, "T"));
	}
	assert_int_equal(lib.ncards, 5000);
	for (int i = 0; i < 5000; i += 97) {
		snprintf(id, sizeof id, "CARD-%d", i);
		assert_non_null(library_find(&lib, id));
	}
	assert_null(library_find(&lib, "card-5000"));
	library_release(&lib);
}

static void search_path_order_and_no_default_packs(void **state)
{
	(void)state;
	char root[] = "/tmp/rxplore-path-XXXXXX";
	assert_non_null(mkdtemp(root));
	char buf[4200];
	const char *dirs[] = { "home/rxplore/b-pack", "home/rxplore/a-pack", "sys/rxplore/sys-pack", "inst/only" };
	for (size_t i = 0; i < 4; i++) {
		snprintf(buf, sizeof buf, "mkdir -p %s/%s", root, dirs[i]);
		assert_int_equal(system(buf), 0);
	}
	snprintf(buf, sizeof buf, "%s/home", root);
	setenv("XDG_DATA_HOME", buf, 1);
	snprintf(buf, sizeof buf, "%s/sys:relative/ignored", root);
	setenv("XDG_DATA_DIRS", buf, 1);
	char inst[4200];
	snprintf(inst, sizeof inst, "%s/inst", root);

	struct search_path path;
	search_path_init(&path);
	const char *content[] = { "/first/given" };
	assert_int_equal(search_path_build(&path, content, 1, false, inst), 0);
	assert_int_equal(path.count, 5);
	assert_string_equal(path.dirs[0], "/first/given");
	assert_non_null(strstr(path.dirs[1], "home/rxplore/a-pack"));	/* byte order */
	assert_non_null(strstr(path.dirs[2], "home/rxplore/b-pack"));
	assert_non_null(strstr(path.dirs[3], "sys/rxplore/sys-pack"));
	assert_non_null(strstr(path.dirs[4], "inst/only"));
	search_path_release(&path);

	assert_int_equal(search_path_build(&path, content, 1, true, inst), 0);
	assert_int_equal(path.count, 1);
	search_path_release(&path);

	/* The installed folder is usually an XDG_DATA_DIRS entry too: once is enough. */
	snprintf(inst, sizeof inst, "%s/sys/rxplore", root);
	assert_int_equal(search_path_build(&path, NULL, 0, false, inst), 0);
	assert_int_equal(path.count, 3);
	search_path_release(&path);
	snprintf(buf, sizeof buf, "rm -rf %s", root);
	assert_int_equal(system(buf), 0);
}

/* What people type: folded ids, aliases and titles; exact ids still first. */
static void lookup_folds_what_people_type(void **state)
{
	(void)state;
	struct library lib;
	library_init(&lib);
	struct pack_info p = { .name = "p" };
	size_t pack = library_add_pack(&lib, &p);
	struct card *gaba = make_card(&lib, pack, "gaba-a-receptor", CARD_CONCEPT, "GABA-A receptor");
	struct card *alpha = make_card(&lib, pack, "alpha2-agonists", CARD_CLASS, "α2-adrenergic agonists");
	struct card *cafe = make_card(&lib, pack, "cafe", CARD_CONCEPT, "Café");
	static const char *aliases[] = { "Zolbac-Ω" };
	cafe->aliases = aliases;
	cafe->naliases = 1;
	assert_int_equal(library_add_card(&lib, gaba), 0);
	assert_int_equal(library_add_card(&lib, alpha), 0);
	assert_int_equal(library_add_card(&lib, cafe), 0);
	assert_ptr_equal(library_find(&lib, "GABA A receptor"), gaba);
	assert_ptr_equal(library_find(&lib, "gabaa receptor"), gaba);
	assert_ptr_equal(library_find(&lib, "GABA–A Receptor"), gaba);
	assert_ptr_equal(library_find(&lib, "alpha2-adrenergic agonists"), alpha);
	assert_ptr_equal(library_find(&lib, "zolbac omega"), cafe);
	assert_ptr_equal(library_find(&lib, "CAFE"), cafe);
	assert_null(library_find(&lib, "gaba"));
	assert_null(library_find(&lib, ""));
	/* References between cards stay exact. */
	assert_null(library_find_exact(&lib, "GABA A receptor"));
	assert_ptr_equal(library_find_exact(&lib, "Gaba-A-Receptor"), gaba);

	enum library_naming how;
	assert_ptr_equal(library_find_named(&lib, "gaba-a-receptor", &how), gaba);
	assert_int_equal(how, LIBRARY_NAMES_ID);
	assert_ptr_equal(library_find_named(&lib, "α2-Adrenergic Agonists", &how), alpha);
	assert_int_equal(how, LIBRARY_NAMES_TITLE);
	assert_ptr_equal(library_find_named(&lib, "gab", &how), gaba);
	assert_int_equal(how, LIBRARY_NAMES_PREFIX);
	assert_ptr_equal(library_find_named(&lib, "gaba-a-recepter", &how), gaba);
	assert_int_equal(how, LIBRARY_NAMES_FUZZY);
	assert_null(library_find_named(&lib, "zz", &how));
	assert_int_equal(how, LIBRARY_NAMES_NONE);
	assert_null(library_find_named(&lib, NULL, NULL));

	/* "did you mean" compares folded names too. */
	assert_string_equal(library_suggest(&lib, "GABA A recepter"), "gaba-a-receptor");
	assert_string_equal(library_suggest(&lib, "kafe"), "cafe");
	assert_null(library_suggest(&lib, "zzzzzzzz"));
	library_release(&lib);
}

/* The folded table is built on the first look-up that needs it: it must
 * give what adding each card to it at once gave, and keep up with cards
 * added after it. */
static void folded_names_built_late_keep_ranks(void **state)
{
	(void)state;
	struct library lib;
	library_init(&lib);
	struct pack_info p = { .name = "p" };
	size_t pack = library_add_pack(&lib, &p);
	/* "Beta" is one card's title and, folded, another's alias: the alias
	 * wins whatever the order; of two titles, the first card's wins. */
	struct card *first = make_card(&lib, pack, "first", CARD_CONCEPT, "Beta");
	struct card *second = make_card(&lib, pack, "second", CARD_CONCEPT, "Shared title");
	struct card *third = make_card(&lib, pack, "third", CARD_CONCEPT, "Shared  Title");
	static const char *aliases[] = { "BETA" };
	second->aliases = aliases;
	second->naliases = 1;
	assert_int_equal(library_add_card(&lib, first), 0);
	assert_int_equal(library_add_card(&lib, second), 0);
	assert_int_equal(library_add_card(&lib, third), 0);
	assert_null(library_find_exact(&lib, "beta "));
	assert_ptr_equal(library_find(&lib, "beta "), second);
	assert_ptr_equal(library_find(&lib, "shared title"), second);
	/* Built now: a card added later is found by its folded names too. */
	struct card *late = make_card(&lib, pack, "late-card", CARD_DRUG, "Late Café");
	assert_int_equal(library_add_card(&lib, late), 0);
	assert_ptr_equal(library_find(&lib, "late cafe"), late);
	assert_ptr_equal(library_find(&lib, "LATE CARD"), late);
	assert_int_equal(library_index_names(&lib), 0);
	library_release(&lib);

	/* Empty, then one card: the same. */
	library_init(&lib);
	pack = library_add_pack(&lib, &p);
	assert_int_equal(library_index_names(&lib), 0);
	assert_null(library_find(&lib, "anything"));
	struct card *only = make_card(&lib, pack, "only", CARD_CONCEPT, "Only One");
	assert_int_equal(library_add_card(&lib, only), 0);
	assert_ptr_equal(library_find(&lib, "only-one"), only);
	library_release(&lib);
}

static bool is_ascii(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* After library_transliterate every display string is ASCII, and the
 * question ids progress is keyed to are exactly what they were. */
static void transliterate_keeps_question_ids(void **state)
{
	(void)state;
	const char *data = getenv("TEST_DATA_DIR");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/fold", data ? data : "tests/data");
	struct library lib;
	struct diag_list diags;
	library_init(&lib);
	diag_list_init(&diags);
	loader_load_dir(&lib, dir, &diags);
	library_resolve(&lib, &diags);
	assert_int_equal(diags.errors, 0);
	assert_true(lib.ncards >= 3);

	struct quiz_bank before, after;
	assert_int_equal(quiz_bank_build(&before, &lib), 0);
	assert_true(before.count >= 2);
	const struct card *zolbac = library_find(&lib, "zolbac");
	assert_non_null(zolbac);
	assert_false(is_ascii(zolbac->text[SECTION_SUMMARY]));

	assert_int_equal(library_transliterate(&lib), 0);
	assert_int_equal(quiz_bank_build(&after, &lib), 0);
	assert_int_equal(after.count, before.count);
	for (size_t i = 0; i < before.count; i++) {
		assert_string_equal(after.items[i].id, before.items[i].id);
		assert_true(is_ascii(after.items[i].ask));
		for (size_t c = 0; c < after.items[i].nchoices; c++)
			assert_true(is_ascii(after.items[i].choices[c]));
		assert_true(is_ascii(after.items[i].explain));
	}
	for (size_t i = 0; i < lib.ncards; i++) {
		const struct card *card = lib.cards[i];
		assert_true(is_ascii(card->title));
		for (int s = 0; s < SECTION_TEXT_COUNT; s++)
			assert_true(is_ascii(card->text[s]));
		for (size_t a = 0; a < card->naliases; a++)
			assert_true(is_ascii(card->aliases[a]));
		for (size_t k = 0; k < card->nfacts; k++)
			assert_true(is_ascii(card->facts[k].value));
		for (size_t k = 0; k < card->nsources; k++)
			assert_true(is_ascii(card->sources[k].title));
	}
	for (size_t i = 0; i < lib.nvocab; i++)
		assert_true(is_ascii(lib.vocab[i].label));
	assert_true(is_ascii(lib.packs[0].title));
	assert_string_equal(zolbac->title, "Zolbac");
	assert_non_null(strstr(zolbac->text[SECTION_SUMMARY], "GIRK K+ channels and closes Ca2+ channels -- a GABA-B"));
	/* Look-ups still work by the original names, and by the ASCII ones. */
	assert_ptr_equal(library_find(&lib, "Zolbac-Ω"), zolbac);
	assert_ptr_equal(library_find(&lib, "Zolbac-Omega"), zolbac);
	quiz_bank_release(&before);
	quiz_bank_release(&after);
	diag_list_release(&diags);
	library_release(&lib);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(has_pack_matches_names_exactly),
		cmocka_unit_test(lookup_by_id_and_alias_ignores_case),
		cmocka_unit_test(an_id_beats_another_cards_alias),
		cmocka_unit_test(earlier_packs_override_later_ones),
		cmocka_unit_test(vocabulary_merges_first_definition_wins),
		cmocka_unit_test(resolve_drops_dangling_links_with_warnings),
		cmocka_unit_test(sorted_groups_by_kind_then_title),
		cmocka_unit_test(many_cards_stay_findable),
		cmocka_unit_test(lookup_folds_what_people_type),
		cmocka_unit_test(folded_names_built_late_keep_ranks),
		cmocka_unit_test(a_few_cards_merge_into_many_as_a_sort_would),
		cmocka_unit_test(transliterate_keeps_question_ids),
		cmocka_unit_test(search_path_order_and_no_default_packs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
