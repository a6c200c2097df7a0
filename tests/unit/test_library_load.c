/* Unit tests for library_load, the loading policy: packs stack (the first
 * given wins, overrides recorded), loose cards make a pack of their folder,
 * the built-in pack comes last and an installed copy replaces it, a card may
 * use a later pack's fact keys, and `check PATH` sees the search path's
 * vocabulary and card ids without loading them, with a dangling link
 * reported where it is written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "library_load.h"

/* A stand-in for the pack compiled into the binary. */
static const struct vocab_entry builtin_vocab[] = { { "receptor", "Receptor target", NULL } };
static struct card_fact builtin_facts[] = { { "receptor", "GABA-B" } };
static const struct card builtin_baclofen = {
	.id = "baclofen",
	.title = "Baclofen (built in)",
	.kind = CARD_DRUG,
	.text = { [SECTION_SUMMARY] = "A GABA-B agonist." },
	.facts = builtin_facts,
	.nfacts = 1,
	.path = "(built in)/cards/baclofen.yaml",
	.line = 1,
};
static const struct card *const builtin_cards[] = { &builtin_baclofen };
static const struct compiled_pack builtin = {
	.info = { .name = "bundled", .title = "Bundled", .dir = "(built in)", .format = 1, .has_manifest = true },
	.vocab = builtin_vocab,
	.nvocab = 1,
	.cards = builtin_cards,
	.ncards = 1,
};

struct fixture {
	char root[64];
	struct library library;
	struct diag_list diags;
};

static void write_file(const struct fixture *f, const char *name, const char *text)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", f->root, name);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	char cmd[4300];
	snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
	assert_int_equal(system(cmd), 0);
	*slash = '/';
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	fputs(text, out);
	assert_int_equal(fclose(out), 0);
}

static const char *at(const struct fixture *f, const char *name)
{
	static char paths[4][4200];
	static int next;
	char *p = paths[next++ % 4];
	snprintf(p, sizeof paths[0], "%s/%s", f->root, name);
	return p;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	strcpy(f->root, "/tmp/rxplore-load-XXXXXX");
	assert_non_null(mkdtemp(f->root));
	/* No user or system packs may leak in. */
	setenv("HOME", f->root, 1);
	setenv("XDG_DATA_HOME", at(f, "data"), 1);
	setenv("XDG_DATA_DIRS", at(f, "nowhere"), 1);
	library_init(&f->library);
	diag_list_init(&f->diags);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->root);
	int rc = system(cmd);
	library_release(&f->library);
	diag_list_release(&f->diags);
	free(f);
	return rc == 0 ? 0 : -1;
}

#define PACK(name) "format: 1\npack: " name "\nfacts:\n  - key: action\n    label: Action\n"
#define CARD(id, title, extra) "id: " id "\ntitle: " title "\nkind: drug\nsummary: S.\n" extra "status: draft\n"

static int load(struct fixture *f, const struct load_request *request)
{
	return library_load(&f->library, request, &builtin, &f->diags);
}

static const struct diag *find_diag(const struct fixture *f, const char *text)
{
	for (size_t i = 0; i < f->diags.count; i++)
		if (strstr(f->diags.items[i].message, text))
			return &f->diags.items[i];
	return NULL;
}

static void test_packs_stack_first_wins(void **state)
{
	struct fixture *f = *state;
	write_file(f, "a/pack.yaml", PACK("pack-a"));
	write_file(f, "a/cards/x.yaml", CARD("x", "X from A", ""));
	write_file(f, "b/pack.yaml", PACK("pack-b"));
	write_file(f, "b/cards/x.yaml", CARD("x", "X from B", ""));
	write_file(f, "b/cards/y.yaml", CARD("y", "Y from B", ""));
	const char *content[] = { at(f, "a"), at(f, "b") };
	struct load_request request = { .content_dirs = content, .ncontent = 2, .no_default_packs = true };
	assert_int_equal(load(f, &request), 0);
	assert_int_equal(f->diags.errors, 0);
	assert_int_equal(f->library.npacks, 2);
	assert_string_equal(f->library.packs[0].name, "pack-a");
	assert_int_equal(f->library.ncards, 2);
	assert_string_equal(library_find(&f->library, "x")->title, "X from A");
	assert_non_null(library_find(&f->library, "y"));
	assert_int_equal(f->library.noverrides, 1);
	assert_string_equal(f->library.overrides[0].id, "x");
	assert_int_equal(f->library.overrides[0].winner_pack, 0);
	assert_int_equal(f->library.overrides[0].loser_pack, 1);
	assert_false(library_has_pack(&f->library, "bundled")); /* no default packs */
}

static void test_loose_cards_and_builtin_last(void **state)
{
	struct fixture *f = *state;
	/* Loose cards (no pack.yaml) use the built-in pack's fact key: the
	 * manifests all load before any card. */
	write_file(f, "loose/mine.yaml", CARD("mine", "Mine", "facts:\n  receptor: Mine receptor\nrelated: [baclofen]\n"));
	write_file(f, "loose/baclofen.yaml", CARD("baclofen", "My baclofen", ""));
	const char *content[] = { at(f, "loose") };
	struct load_request request = { .content_dirs = content, .ncontent = 1 };
	assert_int_equal(load(f, &request), 0);
	assert_int_equal(f->diags.errors, 0);
	assert_int_equal(f->diags.warnings, 0);
	assert_int_equal(f->library.npacks, 2);
	assert_string_equal(f->library.packs[0].name, "loose");
	assert_false(f->library.packs[0].has_manifest);
	assert_string_equal(f->library.packs[1].name, "bundled");	/* last */
	assert_int_equal(library_find(&f->library, "mine")->nfacts, 1);
	assert_string_equal(library_find(&f->library, "baclofen")->title, "My baclofen");
	assert_int_equal(f->library.noverrides, 1);
	assert_int_equal(f->library.overrides[0].loser_pack, 1);
}

static void test_installed_copy_replaces_builtin(void **state)
{
	struct fixture *f = *state;
	write_file(f, "installed/bundled/pack.yaml", PACK("bundled"));
	write_file(f, "installed/bundled/cards/other.yaml", CARD("other", "Installed other", ""));
	struct load_request request = { .installed_dir = at(f, "installed") };
	assert_int_equal(load(f, &request), 0);
	assert_int_equal(f->library.npacks, 1);
	assert_non_null(strstr(f->library.packs[0].dir, "installed/bundled"));
	assert_null(library_find(&f->library, "baclofen"));	/* not the built-in copy's */
	assert_non_null(library_find(&f->library, "other"));
	assert_int_equal(f->library.noverrides, 0);
	/* A user pack in $XDG_DATA_HOME/rxplore/ comes before the installed one. */
	write_file(f, "data/rxplore/user/pack.yaml", PACK("user"));
	write_file(f, "data/rxplore/user/cards/other.yaml", CARD("other", "User other", ""));
	library_release(&f->library);
	library_init(&f->library);
	assert_int_equal(load(f, &request), 0);
	assert_string_equal(library_find(&f->library, "other")->title, "User other");
}

/* `check --strict` on loose cards that link to the bundled baclofen: the link
 * resolves when rxplore loads, so it is no warning; the fact key the bundled
 * pack defines is known; and only the checked cards are counted. */
static void test_check_sees_the_search_path(void **state)
{
	struct fixture *f = *state;
	write_file(f, "loose/mine.yaml", CARD("mine", "Mine", "related: [baclofen]\n"));
	write_file(f, "loose/keyed.yaml", CARD("keyed", "Keyed", "facts:\n  receptor: Keyed receptor\n"));
	const char *check[] = { at(f, "loose") };
	struct load_request request = { .check_paths = check, .ncheck = 1 };
	assert_int_equal(load(f, &request), 0);
	assert_int_equal(f->diags.errors, 0);
	assert_int_equal(f->diags.warnings, 0);
	assert_int_equal(f->library.ncards, 2);
	assert_int_equal(f->library.npacks, 1);
	assert_null(library_find(&f->library, "baclofen"));
	assert_int_equal(library_find(&f->library, "keyed")->nfacts, 1);

	/* Without the default packs there is nothing to lend: the link and
	 * the fact key are reported. */
	library_release(&f->library);
	library_init(&f->library);
	request.no_default_packs = true;
	assert_int_equal(load(f, &request), 0);
	assert_non_null(find_diag(f, "which is not loaded"));
	assert_true(f->diags.errors > 0); /* the unknown fact key */
}

/* A checked pack named like a search-path pack is another copy of it: the
 * other copy's keys and cards must not cover for what the checked one lacks. */
static void test_check_ignores_other_copies(void **state)
{
	struct fixture *f = *state;
	write_file(f, "src/pack.yaml", "format: 1\npack: bundled\n");
	write_file(f, "src/cards/mine.yaml", CARD("mine", "Mine", "related: [baclofen]\n"));
	write_file(f, "src/cards/keyed.yaml", CARD("keyed", "Keyed", "facts:\n  receptor: R\n"));
	const char *check[] = { at(f, "src") };
	struct load_request request = { .check_paths = check, .ncheck = 1 };
	assert_int_equal(load(f, &request), 0);
	assert_true(f->diags.errors > 0);
	assert_non_null(find_diag(f, "which is not loaded"));
}

static void test_dangling_link_reported_where_written(void **state)
{
	struct fixture *f = *state;
	write_file(f, "loose/mine.yaml",
		   "id: mine\ntitle: Mine\nkind: drug\nsummary: S.\nmember_of: nosuch-class\n"
		   "related:\n  - baclofen\n  - nosuch\ncompare_with: [baclofen, ghost]\nstatus: draft\n");
	const char *check[] = { at(f, "loose/mine.yaml") };
	struct load_request request = { .check_paths = check, .ncheck = 1 };
	assert_int_equal(load(f, &request), 0);
	assert_int_equal(f->diags.warnings, 3);
	const struct diag *d = find_diag(f, "'nosuch'");
	assert_non_null(d);
	assert_int_equal(d->line, 8);
	assert_int_equal(d->col, 5);
	d = find_diag(f, "'ghost'");
	assert_non_null(d);
	assert_int_equal(d->line, 9);
	assert_int_equal(d->col, 26);
	d = find_diag(f, "'nosuch-class'");
	assert_non_null(d);
	assert_int_equal(d->line, 5);
	assert_int_equal(d->col, 12);
	/* The links that resolve are kept, and only they. */
	const struct card *mine = library_find(&f->library, "mine");
	assert_int_equal(mine->nrelated, 0);	/* baclofen is not in this library */
	assert_null(mine->member_of);
}

static void test_check_missing_path(void **state)
{
	struct fixture *f = *state;
	const char *check[] = { at(f, "not-there") };
	struct load_request request = { .check_paths = check, .ncheck = 1 };
	assert_int_equal(load(f, &request), 0);
	assert_int_equal(f->diags.errors, 1);
	assert_non_null(find_diag(f, "no such file or folder"));
	assert_int_equal(f->library.ncards, 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_packs_stack_first_wins),
		T(test_loose_cards_and_builtin_last),
		T(test_installed_copy_replaces_builtin),
		T(test_check_sees_the_search_path),
		T(test_check_ignores_other_copies),
		T(test_dangling_link_reported_where_written),
		T(test_check_missing_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
