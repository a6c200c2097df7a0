/* Unit tests for the pack cache: a warm load gives what a cold one gave
 * (cards and diagnostics); an edit that keeps a file's size and time is
 * seen; another vocabulary makes a cache stale; a truncated, altered,
 * other-version or other-pack file is reported and rebuilt; a start that
 * paints first reads the cards' bodies later and ends with what a whole
 * load gives, and finds a damaged body then; and the reader, given every
 * truncation and every flipped byte of a real file and crafted hostile
 * values, refuses rather than trusts, reading bodies now or later. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture_dir.h"
#include "library_complete.h"
#include "library_load.h"
#include "pack_cache.h"

struct fixture {
	char root[4096];
	char pack[4200], cache[4200];
};


static void write_in(const char *dir, const char *name, const char *text)
{
	char path[4400];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	fixture_dir_write(path, text);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	fixture_dir_pack_root("cache", f->root, sizeof f->root, f->pack, sizeof f->pack, f->cache, sizeof f->cache);
	char cards[4400];
	snprintf(cards, sizeof cards, "%s/cards", f->pack);
	assert_int_equal(mkdir(cards, 0700), 0);
	write_in(f->pack, "pack.yaml",
		 "format: 1\npack: cached\nfacts:\n  - key: receptor\n    label: Receptor\n");
	write_in(cards, "alpha.yaml",
		 "id: alpha\ntitle: Alpha\nkind: drug\naliases: [A1]\nsummary: The first.\n"
		 "facts:\n  receptor: GABA-B\nrelated: [beta]\n"
		 "quiz:\n  - ask: Is alpha first?\n    answer: true\n"
		 "  - ask: Which receptor?\n    choices:\n      - GABA-B\n      - text: none\n        topic: beta\n"
		 "    answer: GABA-B\n"
		 "  - id: alpha-typed\n    type: typed\n    ask: Its receptor?\n    answer: GABA-B\n    accept: [GABAB]\n"
		 "  - id: alpha-order\n    type: order\n    ask: In order.\n    items: [one, two, three]\n"
		 "  - id: alpha-match\n    type: match\n    ask: Match.\n    left: [l1, l2, l3]\n    right: [r1, r2, r3]\n"
		 "  - id: alpha-case\n    type: case\n    stem: A patient.\n    parts:\n"
		 "      - ask: Is it alpha?\n        answer: true\n        explain: It is.\n"
		 "      - type: typed\n        ask: Its receptor?\n        answer: GABA-B\n"
		 "sources:\n  - title: A book\n    year: \"2020\"\n");
	write_in(cards, "beta.yaml", "id: beta\ntitle: Beta\nkind: concept\nsummary: The second.\n");
	write_in(cards, "empty.yaml", "# nothing yet\n");
	write_in(cards, "broken.yaml", "id: broken\ntitle: Broken\nkind: potion\nsummary: Which kind?\n");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	fixture_dir_remove(f->root);
	free(f);
	return 0;
}

/* Makes another pack folder, NAME under the fixture's root, with a
 * pack.yaml naming it: *dir receives its path, *cards its cards/ folder. */
static void another_pack(const struct fixture *f, const char *name, char *dir, size_t dir_size, char *cards,
			 size_t cards_size)
{
	snprintf(dir, dir_size, "%s/%s", f->root, name);
	snprintf(cards, cards_size, "%s/cards", dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(mkdir(cards, 0700), 0);
	char manifest[128];
	snprintf(manifest, sizeof manifest, "format: 1\npack: %s\n", name);
	write_in(dir, "pack.yaml", manifest);
}

/* Loads --content dirs[0..n) through the cache into library. */
static void load(const struct fixture *f, const char *const *dirs, size_t n, struct library *library,
		 struct diag_list *diags)
{
	library_init(library);
	diag_list_init(diags);
	struct load_request request = { .content_dirs = dirs, .ncontent = n, .no_default_packs = true,
					.cache_dir = f->cache };
	assert_int_equal(library_load(library, &request, NULL, diags), 0);
}

static void load_pack(const struct fixture *f, struct library *library, struct diag_list *diags)
{
	const char *dirs[] = { f->pack };
	load(f, dirs, 1, library, diags);
}

static void release(struct library *library, struct diag_list *diags)
{
	library_release(library);
	diag_list_release(diags);
}


/* The one cache file of the fixture's pack. */
static void cache_file(const struct fixture *f, char *buf, size_t size)
{
	struct library library;
	library_init(&library);
	struct pack_cache_key key;
	assert_int_equal(pack_cache_key_make(&key, f->pack, &library), 0);
	library_release(&library);
	assert_true(pack_cache_path(f->cache, &key, buf, size));
	pack_cache_key_release(&key);
}

/* Loads the fixture's pack once, which writes its cache, and names the
 * cache file in file[0..size). */
static void write_cache(const struct fixture *f, char *file, size_t size)
{
	struct library library;
	struct diag_list diags;
	load_pack(f, &library, &diags);
	release(&library, &diags);
	cache_file(f, file, size);
}

static bool has_diag(const struct diag_list *diags, enum diag_severity severity, const char *text)
{
	for (size_t i = 0; i < diags->count; i++)
		if (diags->items[i].severity == severity && strstr(diags->items[i].message, text))
			return true;
	return false;
}

static void a_warm_load_gives_what_a_cold_one_gave(void **state)
{
	struct fixture *f = *state;
	struct library cold, warm;
	struct diag_list cold_diags, warm_diags;
	load_pack(f, &cold, &cold_diags);
	assert_int_equal(cold.nmappings, 0);
	load_pack(f, &warm, &warm_diags);
	assert_int_equal(warm.nmappings, 2);	/* the cache file, and its cards' block */

	assert_int_equal(warm.ncards, 2);
	assert_int_equal(cold.ncards, warm.ncards);
	const struct card *a = library_find_exact(&warm, "alpha");
	assert_non_null(a);
	assert_string_equal(a->title, "Alpha");
	assert_string_equal(a->aliases[0], "A1");
	assert_string_equal(card_fact(a, "receptor"), "GABA-B");
	assert_int_equal(a->nquiz, 6);
	/* An ordering keeps its items in order; a matching its right items. */
	assert_int_equal(a->quiz[3].type, QUESTION_ORDER);
	assert_string_equal(a->quiz[3].choices[2], "three");
	assert_null(a->quiz[3].matches);
	assert_int_equal(a->quiz[4].type, QUESTION_MATCH);
	assert_int_equal(a->quiz[4].nchoices, 3);
	assert_non_null(a->quiz[4].matches);
	assert_string_equal(a->quiz[4].matches[2], "r3");
	/* A typed question keeps its type and its one-or-more accepted answers. */
	assert_int_equal(a->quiz[2].type, QUESTION_TYPED);
	assert_int_equal(a->quiz[2].nchoices, 2);
	assert_string_equal(a->quiz[2].choices[1], "GABAB");
	/* A case keeps its stem and its parts, each with its type, id and explanation. */
	const struct card_question *kase = &a->quiz[5];
	assert_int_equal(kase->type, QUESTION_CASE);
	assert_string_equal(kase->ask, "A patient.");
	assert_int_equal(kase->nparts, 2);
	assert_int_equal(kase->parts[0].type, QUESTION_TRUE_FALSE);
	assert_string_equal(kase->parts[0].id, "alpha-case/1");
	assert_string_equal(kase->parts[0].explain, "It is.");
	assert_int_equal(kase->parts[1].type, QUESTION_TYPED);
	assert_string_equal(kase->parts[1].choices[0], "GABA-B");
	assert_int_equal(kase->parts[1].line, library_find_exact(&cold, "alpha")->quiz[5].parts[1].line);
	/* A choice's topic, and where it is written, survive the cache. */
	const struct card_question *cold_q = &library_find_exact(&cold, "alpha")->quiz[1];
	assert_non_null(a->quiz[1].choice_topics);
	assert_null(a->quiz[1].choice_topics[0]);
	assert_string_equal(a->quiz[1].choice_topics[1], "beta");
	assert_string_equal(cold_q->choice_topics[1], "beta");
	assert_int_equal(a->quiz[1].choice_topics_at[1].line, cold_q->choice_topics_at[1].line);
	assert_int_equal(a->quiz[1].choice_topics_at[1].col, cold_q->choice_topics_at[1].col);
	assert_int_equal(a->quiz[0].type, QUESTION_TRUE_FALSE);
	assert_true(a->quiz[0].correct[0]);
	assert_false(a->quiz[0].correct[1]);
	assert_string_equal(a->quiz[0].id, library_find_exact(&cold, "alpha")->quiz[0].id);
	assert_string_equal(a->sources[0].year, "2020");
	assert_string_equal(a->related[0], "beta");
	assert_non_null(strstr(a->path, "/cards/alpha.yaml"));
	/* The text points into the mapping (the last one), not into a copy. */
	const char *map = warm.mappings[1].addr;
	assert_true(a->title >= map && a->title < map + warm.mappings[1].size);

	assert_int_equal(cold_diags.count, warm_diags.count);
	assert_int_equal(cold_diags.errors, 1);
	for (size_t i = 0; i < cold_diags.count; i++) {
		assert_string_equal(cold_diags.items[i].message, warm_diags.items[i].message);
		assert_string_equal(cold_diags.items[i].path, warm_diags.items[i].path);
		assert_int_equal(cold_diags.items[i].line, warm_diags.items[i].line);
	}
	assert_true(has_diag(&warm_diags, DIAG_WARNING, "empty file"));
	release(&cold, &cold_diags);
	release(&warm, &warm_diags);
}

static void an_edit_keeping_size_and_time_is_seen(void **state)
{
	struct fixture *f = *state;
	struct library library;
	struct diag_list diags;
	load_pack(f, &library, &diags);
	release(&library, &diags);

	char path[4300];
	snprintf(path, sizeof path, "%s/cards/beta.yaml", f->pack);
	struct stat before, after;
	assert_int_equal(stat(path, &before), 0);
	fixture_dir_write(path, "id: beta\ntitle: BETA\nkind: concept\nsummary: The second.\n");
	struct timespec times[2] = { before.st_atim, before.st_mtim };
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	assert_int_equal(stat(path, &after), 0);
	assert_int_equal(after.st_size, before.st_size);
	assert_int_equal(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
	assert_int_equal(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);

	load_pack(f, &library, &diags);
	assert_int_equal(library.nmappings, 0);	/* stale: parsed again */
	assert_string_equal(library_find_exact(&library, "beta")->title, "BETA");
	assert_false(has_diag(&diags, DIAG_WARNING, "not used"));	/* stale is quiet */
	release(&library, &diags);
	load_pack(f, &library, &diags);
	assert_int_equal(library.nmappings, 2);	/* the file, and its cards' block */
	assert_string_equal(library_find_exact(&library, "beta")->title, "BETA");
	release(&library, &diags);
}

/* A card may use a fact key of a pack loaded before it: another vocabulary
 * may turn an error into a card, so the cache depends on it. */
static void another_vocabulary_makes_it_stale(void **state)
{
	struct fixture *f = *state;
	char first[4400];
	snprintf(first, sizeof first, "%s/first", f->root);
	assert_int_equal(mkdir(first, 0700), 0);
	write_in(first, "pack.yaml", "format: 1\npack: first\nfacts:\n  - key: half_life\n    label: Half-life\n");
	write_in(f->pack, "cards/gamma.yaml", "id: gamma\ntitle: Gamma\nkind: drug\nsummary: Third.\nfacts:\n  half_life: 2 h\n");
	struct library library;
	struct diag_list diags;
	load_pack(f, &library, &diags);
	assert_null(library_find_exact(&library, "gamma"));
	release(&library, &diags);

	const char *dirs[] = { first, f->pack };
	load(f, dirs, 2, &library, &diags);
	const struct card *gamma = library_find_exact(&library, "gamma");
	assert_non_null(gamma);
	assert_string_equal(card_fact(gamma, "half_life"), "2 h");
	release(&library, &diags);
}

/* Damages the cache file with change(), then checks the load warns, loads
 * every card from YAML and leaves a good file behind. */
static void expect_rebuilt(const struct fixture *f, void (*change)(const char *file), const char *why)
{
	struct library library;
	struct diag_list diags;
	load_pack(f, &library, &diags);
	release(&library, &diags);
	char file[4400];
	cache_file(f, file, sizeof file);
	change(file);
	load_pack(f, &library, &diags);
	assert_int_equal(library.nmappings, 0);
	assert_int_equal(library.ncards, 2);
	assert_true(has_diag(&diags, DIAG_WARNING, "not used"));
	assert_true(has_diag(&diags, DIAG_WARNING, why));
	release(&library, &diags);
	load_pack(f, &library, &diags);
	assert_int_equal(library.nmappings, 2);
	assert_false(has_diag(&diags, DIAG_WARNING, "not used"));
	release(&library, &diags);
}

static void truncate_half(const char *file)
{
	struct stat st;
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(truncate(file, st.st_size / 2), 0);
}

static void patch(const char *file, long offset, unsigned char byte)
{
	FILE *fp = fopen(file, "r+b");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, offset, SEEK_SET), 0);
	int old = fgetc(fp);
	assert_int_equal(fseek(fp, offset, SEEK_SET), 0);
	fputc(old ^ byte, fp);
	assert_int_equal(fclose(fp), 0);
}

static void flip_a_body_byte(const char *file)
{
	struct stat st;
	assert_int_equal(stat(file, &st), 0);
	patch(file, (long)st.st_size - 9, 0x01);
}

static void other_version(const char *file)
{
	patch(file, 8, 0x40);
}

static void not_a_cache(const char *file)
{
	fixture_dir_write(file, "#!/bin/sh\necho this is not a pack cache\n");
}

static void damaged_files_are_reported_and_rebuilt(void **state)
{
	struct fixture *f = *state;
	expect_rebuilt(f, truncate_half, "truncated");
	expect_rebuilt(f, flip_a_body_byte, "digest");
	expect_rebuilt(f, other_version, "another format version");
	expect_rebuilt(f, not_a_cache, "not an rxplore pack cache");
}

static void another_packs_cache_is_reported_and_rebuilt(void **state)
{
	struct fixture *f = *state;
	char other[4400], cmd[9000];
	snprintf(other, sizeof other, "%s/other", f->root);
	snprintf(cmd, sizeof cmd, "cp -R '%s' '%s'", f->pack, other);
	assert_int_equal(system(cmd), 0);
	struct library library;
	struct diag_list diags;
	const char *dirs[] = { other };
	load(f, dirs, 1, &library, &diags);
	release(&library, &diags);
	load_pack(f, &library, &diags);
	release(&library, &diags);

	char mine[4400];
	cache_file(f, mine, sizeof mine);
	struct pack_cache_key key;
	library_init(&library);
	assert_int_equal(pack_cache_key_make(&key, other, &library), 0);
	library_release(&library);
	char theirs[4400];
	assert_true(pack_cache_path(f->cache, &key, theirs, sizeof theirs));
	pack_cache_key_release(&key);
	assert_string_not_equal(mine, theirs);
	assert_int_equal(rename(theirs, mine), 0);

	load_pack(f, &library, &diags);
	assert_int_equal(library.nmappings, 0);
	assert_true(has_diag(&diags, DIAG_WARNING, "another pack folder"));
	assert_non_null(strstr(library_find_exact(&library, "alpha")->path, f->pack));
	release(&library, &diags);
}

/* Loads the fixture's pack as a start that paints first does: its cache's
 * cards built from their heads, the bodies left for later. */
static void load_deferred(const struct fixture *f, struct library *library, struct diag_list *diags)
{
	const char *dirs[] = { f->pack };
	library_init(library);
	diag_list_init(diags);
	struct load_request request = { .content_dirs = dirs, .ncontent = 1, .no_default_packs = true,
					.cache_dir = f->cache, .defer_cache_checks = true, .defer_bodies = true };
	assert_int_equal(library_load(library, &request, NULL, diags), 0);
}

static void bodies_read_later_end_as_a_whole_load(void **state)
{
	struct fixture *f = *state;
	struct library whole, later;
	struct diag_list whole_diags, later_diags;
	load_pack(f, &whole, &whole_diags);	/* writes the cache */
	load_deferred(f, &later, &later_diags);
	assert_true(later.bodies_pending);
	assert_int_equal(later.ncards, whole.ncards);

	/* What the topic list needs is there; the rest waits. */
	struct card *alpha = (struct card *)library_find_exact(&later, "alpha");
	assert_non_null(alpha);
	assert_string_equal(alpha->title, "Alpha");
	assert_string_equal(alpha->aliases[0], "A1");
	assert_non_null(alpha->body_from);
	assert_null(alpha->text[SECTION_SUMMARY]);
	assert_int_equal(alpha->nquiz, 0);
	assert_null(library_find_exact(&later, "A1"));	/* aliases are indexed with the bodies */
	const struct card *order[2];
	library_sorted(&later, order);
	assert_string_equal(order[0]->id, "beta");	/* concepts before drugs */

	/* One card read now, as the first frame does. */
	assert_int_equal(library_fill_card(&later, alpha), 0);
	assert_null(alpha->body_from);
	assert_string_equal(alpha->text[SECTION_SUMMARY], "The first.");
	assert_string_equal(card_fact(alpha, "receptor"), "GABA-B");
	assert_int_equal(alpha->nquiz, 6);
	assert_int_equal(library_fill_card(&later, alpha), 0);	/* once is enough */

	const char *why = "unset";
	assert_int_equal(library_complete(&later, &later_diags, &why), 0);
	assert_null(why);
	assert_false(later.bodies_pending);
	assert_ptr_equal(library_find_exact(&later, "A1"), alpha);
	for (size_t i = 0; i < whole.ncards; i++) {
		const struct card *w = whole.cards[i];
		const struct card *l = library_find_exact(&later, w->id);
		assert_non_null(l);
		assert_null(l->body_from);
		assert_string_equal(l->title, w->title);
		assert_string_equal(l->text[SECTION_SUMMARY], w->text[SECTION_SUMMARY]);
		assert_int_equal(l->nquiz, w->nquiz);
		assert_int_equal(l->nfacts, w->nfacts);
		assert_int_equal(l->nrelated, w->nrelated);
		assert_int_equal(l->nsources, w->nsources);
		assert_int_equal(l->line, w->line);
		assert_string_equal(l->path, w->path);
	}
	assert_int_equal(later_diags.count, whole_diags.count);
	for (size_t i = 0; i < whole_diags.count; i++)
		assert_string_equal(later_diags.items[i].message, whole_diags.items[i].message);
	assert_int_equal(library_complete(&later, &later_diags, &why), 0);	/* nothing left */
	release(&whole, &whole_diags);
	release(&later, &later_diags);
}

/* Two packs read for their heads only, the second repeating an id of the
 * first: each card is found by id through its cache's table until
 * library_complete indexes them, and the first pack wins as it does in a
 * whole load, before and after. */
static void ids_are_found_before_they_are_indexed(void **state)
{
	struct fixture *f = *state;
	char other[4300], cards[4400];
	another_pack(f, "other", other, sizeof other, cards, sizeof cards);
	write_in(cards, "alpha.yaml", "id: alpha\ntitle: Another alpha\nkind: drug\nsummary: Shadowed.\n");
	write_in(cards, "gamma.yaml", "id: gamma\ntitle: Gamma\nkind: drug\naliases: [G3]\nsummary: Third.\n");
	const char *dirs[] = { f->pack, other };
	struct library library;
	struct diag_list diags;
	load(f, dirs, 2, &library, &diags);	/* writes both caches */
	release(&library, &diags);

	library_init(&library);
	diag_list_init(&diags);
	struct load_request request = { .content_dirs = dirs, .ncontent = 2, .no_default_packs = true,
					.cache_dir = f->cache, .defer_cache_checks = true, .defer_bodies = true };
	assert_int_equal(library_load(&library, &request, NULL, &diags), 0);
	assert_int_equal(library.nlate_ids, 2);
	assert_int_equal(library.ncards, 3);	/* alpha, beta, gamma */
	assert_int_equal(library.noverrides, 1);
	assert_string_equal(library_find_exact(&library, "alpha")->title, "Alpha");
	assert_string_equal(library_find_exact(&library, "GAMMA")->title, "Gamma");
	assert_null(library_find_exact(&library, "delta"));
	/* A card of a pack loaded after them (the bundled pack's) with one of
	 * their ids is overridden. */
	struct card late_comer = { .id = "beta", .title = "Late", .path = "late.yaml", .pack = 1 };
	assert_int_equal(library_add_card(&library, &late_comer), 1);
	assert_int_equal(library.noverrides, 2);

	const char *why;
	assert_int_equal(library_complete(&library, &diags, &why), 0);
	assert_int_equal(library.nlate_ids, 0);
	assert_string_equal(library_find_exact(&library, "alpha")->title, "Alpha");
	assert_string_equal(library_find_exact(&library, "G3")->title, "Gamma");
	assert_string_equal(library_find_exact(&library, "gamma")->text[SECTION_SUMMARY], "Third.");
	release(&library, &diags);
}

/* Where text first is in file (which must hold it). */
static long offset_of(const char *file, const char *text)
{
	FILE *fp = fopen(file, "rb");
	assert_non_null(fp);
	static char data[1 << 16];
	size_t size = fread(data, 1, sizeof data, fp);
	fclose(fp);
	size_t len = strlen(text);
	for (size_t i = 0; i + len <= size; i++)
		if (memcmp(data + i, text, len) == 0)
			return (long)i;
	fail_msg("%s is not in %s", text, file);
	return -1;
}

static void a_damaged_body_is_found_when_read(void **state)
{
	struct fixture *f = *state;
	char file[4400];
	write_cache(f, file, sizeof file);
	struct library library;
	struct diag_list diags;
	/* A control character in alpha's summary, a cold string. */
	patch(file, offset_of(file, "The first."), 'T' ^ 0x1b);

	load_deferred(f, &library, &diags);	/* the heads are sound */
	assert_true(library.bodies_pending);
	const struct card *alpha = library_find_exact(&library, "alpha");
	assert_int_equal(library_fill_card(&library, alpha), -1);
	assert_non_null(alpha->body_from);	/* left as it was */
	const char *why = NULL;
	assert_int_equal(library_complete(&library, &diags, &why), -1);
	assert_non_null(why);
	assert_non_null(strstr(why, "characters the loader never keeps"));
	release(&library, &diags);

	/* Loaded again the careful way, as the interface then does: refused
	 * (its digest) and rebuilt. */
	load_pack(f, &library, &diags);
	assert_true(has_diag(&diags, DIAG_WARNING, "not used"));
	assert_string_equal(library_find_exact(&library, "alpha")->text[SECTION_SUMMARY], "The first.");
	release(&library, &diags);
}

/* The bytes of the fixture pack's cache file. */
static unsigned char *cache_bytes(const struct fixture *f, size_t *size)
{
	struct library library;
	struct diag_list diags;
	load_pack(f, &library, &diags);
	release(&library, &diags);
	char file[4400];
	cache_file(f, file, sizeof file);
	FILE *fp = fopen(file, "rb");
	assert_non_null(fp);
	unsigned char *data = malloc(1 << 16);
	assert_non_null(data);
	*size = fread(data, 1, 1 << 16, fp);
	fclose(fp);
	assert_true(*size > 64);
	return data;
}

/* A library with the fixture's vocabulary, as the reader sees it. */
static void vocab_library(struct library *library)
{
	library_init(library);
	struct vocab_entry receptor = { "receptor", "Receptor", NULL };
	assert_int_equal(library_add_vocab(library, &receptor), 0);
}

/* pack_cache_parse() for any pack; *ncards the cards it read (may be NULL). */
static enum pack_cache_status parse_counting(const void *data, size_t size, bool skip_digest, const char **why,
					     size_t *ncards)
{
	struct library library;
	struct compiled_pack out;
	vocab_library(&library);
	enum pack_cache_status status = pack_cache_parse(data, size, NULL, skip_digest ? PACK_CACHE_SKIP_DIGEST : PACK_CACHE_CHECK_ALL,
							 0, &library, &out, why);
	if (ncards)
		*ncards = out.ncards;
	library_release(&library);
	return status;
}

static enum pack_cache_status parse(const void *data, size_t size, bool skip_digest, const char **why)
{
	return parse_counting(data, size, skip_digest, why, NULL);
}

/* pack_cache_parse() as a start that paints first reads (heads only, no
 * digest), then every body, the first with each string checked as it is
 * read, the others after the one pass over them all: PACK_CACHE_OK only
 * when all of it reads. */
static enum pack_cache_status parse_deferred(const void *data, size_t size, const char **why)
{
	struct library library;
	struct compiled_pack out;
	vocab_library(&library);
	enum pack_cache_status status = pack_cache_parse(data, size, NULL,
							 PACK_CACHE_SKIP_DIGEST | PACK_CACHE_DEFER_BODIES, 0,
							 &library, &out, why);
	for (size_t i = 0; status == PACK_CACHE_OK && i < out.ncards; i++) {
		struct card *card = out.own_cards[i];
		assert_non_null(card->body_from);
		if (i == 1 && !pack_cache_check_cold(card->body_from))
			status = PACK_CACHE_DAMAGED;
		else if (pack_cache_read_body(&library, card, why) < 0)
			status = PACK_CACHE_DAMAGED;
		else
			assert_null(card->body_from);
	}
	library_release(&library);
	return status;
}

static void every_truncation_and_flipped_byte_is_survived(void **state)
{
	struct fixture *f = *state;
	size_t size;
	unsigned char *data = cache_bytes(f, &size);
	const char *why;
	size_t ncards;
	assert_int_equal(parse_counting(data, size, false, &why, &ncards), PACK_CACHE_OK);
	assert_int_equal(ncards, 2);
	assert_int_equal(parse_deferred(data, size, &why), PACK_CACHE_OK);
	/* Behind the digest, so that the body's own checks are what is tested. */
	for (size_t n = 0; n < size; n++) {
		assert_int_not_equal(parse(data, n, true, &why), PACK_CACHE_OK);
		assert_int_not_equal(parse_deferred(data, n, &why), PACK_CACHE_OK);
	}
	unsigned char *copy = malloc(size);
	assert_non_null(copy);
	size_t changed_but_ok = 0, changed_but_ok_later = 0;
	for (size_t i = 0; i < size; i++) {
		memcpy(copy, data, size);
		copy[i] ^= 0xFF;
		assert_int_not_equal(parse(copy, size, false, &why), PACK_CACHE_OK);
		changed_but_ok += parse(copy, size, true, &why) == PACK_CACHE_OK;
		changed_but_ok_later += parse_deferred(copy, size, &why) == PACK_CACHE_OK;
	}
	/* Only bytes no check can see (a line number, a padding byte, the
	 * digest itself) may change without the body being refused; read
	 * later, a body is found by its offset rather than by reading them all
	 * in turn, and the sort is checked by library_complete, so a few more. */
	print_message("# %zu of %zu flipped bytes pass the body's own checks (%zu read later)\n", changed_but_ok,
		      size, changed_but_ok_later);
	assert_true(changed_but_ok < size / 4);
	assert_true(changed_but_ok_later < size / 4);
	/* Every 32-bit field set to the values that overflow a careless
	 * conversion (under UBSan a signed overflow aborts the test). */
	static const uint32_t extremes[] = { 0x80000000u, 0x7FFFFFFFu, 0xFFFFFFFFu };
	for (size_t i = 0; i + 4 <= size; i += 4)
		for (size_t e = 0; e < sizeof extremes / sizeof *extremes; e++) {
			memcpy(copy, data, size);
			memcpy(copy + i, &extremes[e], 4);
			(void)parse(copy, size, true, &why);
			(void)parse_deferred(copy, size, &why);
		}
	free(copy);
	free(data);
}

/* Writes one crafted card and reads it back. */
static enum pack_cache_status read_crafted(struct fixture *f, struct card *card, const char **why)
{
	struct pack_cache_key key = { .dir = f->pack, .real_dir = f->pack };
	char file[4400];
	snprintf(file, sizeof file, "%s/crafted.rxcache", f->cache);
	struct diag_list none;
	diag_list_init(&none);
	struct card *cards[] = { card };
	assert_int_equal(pack_cache_write(file, &key, cards, 1, &none), 0);
	FILE *fp = fopen(file, "rb");
	assert_non_null(fp);
	static unsigned char data[1 << 14];
	size_t size = fread(data, 1, sizeof data, fp);
	fclose(fp);
	/* Read later, the bodies are checked as strictly. */
	const char *why_later;
	enum pack_cache_status status = parse(data, size, false, why);
	assert_int_equal(parse_deferred(data, size, &why_later) == PACK_CACHE_OK, status == PACK_CACHE_OK);
	return status;
}

static void hostile_values_are_refused(void **state)
{
	struct fixture *f = *state;
	const char *choices[QUESTION_MAX_CHOICES + 1] = { "a", "b", "c", "d", "e", "f", "g" };
	struct card_fact fact = { "receptor", "GABA-B" };
	struct card_question question = { .id = "q:1", .ask = "Which?", .choices = choices, .nchoices = 2,
					  .correct = { true }, .see = -1 };
	struct card good = { .id = "good", .title = "Good", .path = "x.yaml", .facts = &fact, .nfacts = 1,
			     .quiz = &question, .nquiz = 1 };
	const char *why;
	assert_int_equal(read_crafted(f, &good, &why), PACK_CACHE_OK);

	struct card bad = good;
	bad.title = "Evil \x1b]0;owned\x07";
	assert_int_equal(read_crafted(f, &bad, &why), PACK_CACHE_DAMAGED);
	assert_non_null(strstr(why, "characters the loader never keeps"));

	bad = good;
	bad.id = "../../etc";
	assert_int_equal(read_crafted(f, &bad, &why), PACK_CACHE_DAMAGED);

	bad = good;
	bad.title = NULL;
	assert_int_equal(read_crafted(f, &bad, &why), PACK_CACHE_DAMAGED);

	struct card_fact unknown = { "no_such_key", "x" };
	bad = good;
	bad.facts = &unknown;
	assert_int_equal(read_crafted(f, &bad, &why), PACK_CACHE_DAMAGED);
	assert_non_null(strstr(why, "vocabulary"));

	struct card_question many = question;
	many.nchoices = QUESTION_MAX_CHOICES + 1;
	bad = good;
	bad.quiz = &many;
	assert_int_equal(read_crafted(f, &bad, &why), PACK_CACHE_DAMAGED);

	struct card_question far = question;
	far.see = SECTION_COUNT;
	bad = good;
	bad.quiz = &far;
	assert_int_equal(read_crafted(f, &bad, &why), PACK_CACHE_DAMAGED);

	bad = good;
	bad.kind = CARD_KIND_COUNT;
	assert_int_equal(read_crafted(f, &bad, &why), PACK_CACHE_DAMAGED);
}

static void garbage_is_refused(void **state)
{
	(void)state;
	const char *why;
	assert_int_equal(parse("", 0, true, &why), PACK_CACHE_DAMAGED);
	assert_int_equal(parse("RXPCACHE", 8, true, &why), PACK_CACHE_DAMAGED);
	static unsigned char zeros[4096];
	assert_int_equal(parse(zeros, sizeof zeros, true, &why), PACK_CACHE_DAMAGED);
	static unsigned char ones[4096];
	memset(ones, 0xFF, sizeof ones);
	memcpy(ones, "RXPCACHE\1\0\0\0\4\3\2\1", 16);
	assert_int_not_equal(parse(ones, sizeof ones, true, &why), PACK_CACHE_OK);
	assert_int_not_equal(parse_deferred(zeros, sizeof zeros, &why), PACK_CACHE_OK);
	assert_int_not_equal(parse_deferred(ones, sizeof ones, &why), PACK_CACHE_OK);
}

static void cache_clear_removes_only_cache_files(void **state)
{
	struct fixture *f = *state;
	struct library library;
	struct diag_list diags;
	load_pack(f, &library, &diags);
	release(&library, &diags);
	char keep[4400];
	snprintf(keep, sizeof keep, "%s/packs/notes.txt", f->cache);
	fixture_dir_write(keep, "mine\n");
	write_in(f->cache, "packs/0123.rxcache.AbC123", "a killed writer's temporary file");
	assert_int_equal(pack_cache_clear(f->cache), 2);
	assert_int_equal(access(keep, F_OK), 0);
	assert_int_equal(pack_cache_clear(f->cache), 0);
	char nowhere[4400];
	snprintf(nowhere, sizeof nowhere, "%s/none", f->root);
	assert_int_equal(pack_cache_clear(nowhere), 0);
}

/* The ids of library_sorted(), one string. */
static void sorted_ids(const struct library *library, char *buf, size_t size)
{
	const struct card **sorted = calloc(library->ncards + 1, sizeof *sorted);
	assert_non_null(sorted);
	library_sorted(library, sorted);
	buf[0] = '\0';
	for (size_t i = 0; i < library->ncards; i++) {
		strncat(buf, sorted[i]->id, size - strlen(buf) - 2);
		strcat(buf, " ");
	}
	free(sorted);
}

/* The topic order a cache stores is merged with the other packs' cards: the
 * same list as sorting everything, an overridden card left out. */
static void the_stored_order_merges_as_a_sort_would(void **state)
{
	struct fixture *f = *state;
	char extra[4400], cards[4500];
	another_pack(f, "extra", extra, sizeof extra, cards, sizeof cards);
	write_in(cards, "aardvark.yaml", "id: aardvark\ntitle: aardvark\nkind: drug\nsummary: First of all.\n");
	write_in(cards, "beta.yaml", "id: beta\ntitle: Zeta beta\nkind: concept\nsummary: Overrides beta.\n");
	write_in(cards, "omega.yaml", "id: omega\ntitle: Beta omega\nkind: drug\nsummary: Between.\n");
	const char *dirs[] = { extra, f->pack };
	struct library parsed, cold, warm;
	struct diag_list parsed_diags, cold_diags, warm_diags;
	library_init(&parsed);
	diag_list_init(&parsed_diags);
	struct load_request request = { .content_dirs = dirs, .ncontent = 2, .no_default_packs = true };
	assert_int_equal(library_load(&parsed, &request, NULL, &parsed_diags), 0);
	load(f, dirs, 2, &cold, &cold_diags);
	load(f, dirs, 2, &warm, &warm_diags);
	assert_int_equal(warm.nmappings, 4);	/* two files, two cards' blocks */
	assert_int_equal(warm.nruns, 2);
	char want[512], got[512];
	sorted_ids(&parsed, want, sizeof want);
	assert_string_equal(want, "beta aardvark alpha omega ");
	sorted_ids(&cold, got, sizeof got);
	assert_string_equal(got, want);
	sorted_ids(&warm, got, sizeof got);
	assert_string_equal(got, want);
	release(&parsed, &parsed_diags);
	release(&cold, &cold_diags);
	release(&warm, &warm_diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_warm_load_gives_what_a_cold_one_gave, setup, teardown),
		cmocka_unit_test_setup_teardown(an_edit_keeping_size_and_time_is_seen, setup, teardown),
		cmocka_unit_test_setup_teardown(another_vocabulary_makes_it_stale, setup, teardown),
		cmocka_unit_test_setup_teardown(damaged_files_are_reported_and_rebuilt, setup, teardown),
		cmocka_unit_test_setup_teardown(another_packs_cache_is_reported_and_rebuilt, setup, teardown),
		cmocka_unit_test_setup_teardown(every_truncation_and_flipped_byte_is_survived, setup, teardown),
		cmocka_unit_test_setup_teardown(hostile_values_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(bodies_read_later_end_as_a_whole_load, setup, teardown),
		cmocka_unit_test_setup_teardown(a_damaged_body_is_found_when_read, setup, teardown),
		cmocka_unit_test_setup_teardown(ids_are_found_before_they_are_indexed, setup, teardown),
		cmocka_unit_test(garbage_is_refused),
		cmocka_unit_test_setup_teardown(cache_clear_removes_only_cache_files, setup, teardown),
		cmocka_unit_test_setup_teardown(the_stored_order_merges_as_a_sort_would, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
