/* cli_check — `rxplore check` and `rxplore packs`: what was loaded, from
 * where, and what was wrong with it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "builtin_pack.h"
#include "cli.h"
#include "loader.h"
#include "plain.h"

/* Copies the vocabulary of one library into another's (first wins). */
static int add_vocabulary(struct library *to, const struct library *from)
{
	for (size_t i = 0; i < from->nvocab; i++) {
		const struct vocab_entry *v = &from->vocab[i];
		struct vocab_entry copy = { arena_strdup(&to->arena, v->key),
					    arena_strdup(&to->arena, v->label),
					    v->ask ? arena_strdup(&to->arena, v->ask) : NULL };
		if (!copy.key || !copy.label || (v->ask && !copy.ask) || library_add_vocab(to, &copy) < 0)
			return -1;
	}
	return 0;
}

/* The packs named on the command line are checked against the vocabulary
 * they would have when rxplore loads them (DESIGN §2): after their own come
 * the vocabularies of the search path (--content, and unless
 * --no-default-packs the installed packs and the built-in one).  Those packs'
 * cards and diagnostics are not loaded: they are not what is being checked,
 * and no pack entry is added for them, so the counts and the list of overrides
 * stay about the named paths.  A pack named like one being checked is
 * another copy of it (the built-in pack, when checking its sources) and adds
 * nothing: its keys must not cover for a key the checked copy dropped. */
static int add_search_path_vocabularies(struct cli *cli)
{
	struct search_path path;
	search_path_init(&path);
	int rc = search_path_build(&path, cli->options.content, cli->options.ncontent,
				   cli->options.no_default_packs, PKGDATADIR);
	bool builtin = !cli->options.no_default_packs && !library_has_pack(&cli->library, builtin_pack.info.name);
	for (size_t i = 0; i < path.count && rc == 0; i++) {
		struct library scratch;
		struct diag_list ignored;
		library_init(&scratch);
		diag_list_init(&ignored);
		size_t pack = loader_load_dir_manifest(&scratch, path.dirs[i], &ignored);
		if (pack != (size_t)-1) {
			if (library_has_pack(&scratch, builtin_pack.info.name))
				builtin = false;
			if (!library_has_pack(&cli->library, scratch.packs[pack].name))
				rc = add_vocabulary(&cli->library, &scratch);
		}
		library_release(&scratch);
		diag_list_release(&ignored);
	}
	search_path_release(&path);
	/* The built-in pack's strings are static: they outlive the library. */
	for (size_t i = 0; builtin && rc == 0 && i < builtin_pack.nvocab; i++)
		rc = library_add_vocab(&cli->library, &builtin_pack.vocab[i]);
	return rc;
}

/* Each named path's pack and vocabulary, then the search path's vocabularies,
 * then the named paths' cards: as cli_load() does, in two phases. */
static int load_named_paths(struct cli *cli, char **paths, int npaths)
{
	size_t *packs = malloc(((size_t)npaths + 1) * sizeof *packs);
	bool *is_dir = malloc(((size_t)npaths + 1) * sizeof *is_dir);
	int rc = packs && is_dir ? 0 : -1;
	for (int i = 0; i < npaths && rc == 0; i++) {
		struct stat st;
		packs[i] = (size_t)-1;
		is_dir[i] = false;
		if (stat(paths[i], &st) != 0)
			diag_add(&cli->diags, DIAG_ERROR, paths[i], 0, 0, "no such file or folder");
		else if ((is_dir[i] = S_ISDIR(st.st_mode)))
			packs[i] = loader_load_dir_manifest(&cli->library, paths[i], &cli->diags);
		else
			packs[i] = loader_load_file_manifest(&cli->library, paths[i], &cli->diags);
	}
	if (rc == 0)
		rc = add_search_path_vocabularies(cli);
	for (int i = 0; i < npaths && rc == 0; i++) {
		if (packs[i] != (size_t)-1 && is_dir[i])
			loader_load_dir_cards(&cli->library, packs[i], paths[i], &cli->diags);
		else if (packs[i] != (size_t)-1)
			loader_load_file_card(&cli->library, packs[i], paths[i], &cli->diags);
	}
	free(packs);
	free(is_dir);
	library_resolve(&cli->library, &cli->diags);
	return rc;
}

int cli_check(struct cli *cli, char **paths, int npaths)
{
	if (npaths == 0 ? cli_load(cli) < 0 : load_named_paths(cli, paths, npaths) < 0) {
		fprintf(stderr, "rxplore: out of memory while loading cards\n");
		return EXIT_PROBLEM;
	}
	plain_diags(stdout, &cli->diags);
	for (size_t i = 0; i < cli->library.noverrides; i++) {
		const struct library_override *o = &cli->library.overrides[i];
		printf("%s: note: card '%s' is overridden by pack '%s' (%s)\n", o->loser_path, o->id,
		       cli->library.packs[o->winner_pack].name, cli->library.packs[o->winner_pack].dir);
	}
	printf("%zu card%s, %zu error%s, %zu warning%s\n", cli->library.ncards, cli->library.ncards == 1 ? "" : "s",
	       cli->diags.errors, cli->diags.errors == 1 ? "" : "s", cli->diags.warnings,
	       cli->diags.warnings == 1 ? "" : "s");
	if (cli->diags.errors || (cli->options.strict && cli->diags.warnings))
		return EXIT_PROBLEM;
	return EXIT_OK;
}

int cli_packs(struct cli *cli)
{
	const struct library *lib = &cli->library;
	for (size_t i = 0; i < lib->npacks; i++) {
		const struct pack_info *p = &lib->packs[i];
		printf("%s %s: %zu card%s from %s%s\n", p->name, p->version ? p->version : "(no version)", p->ncards,
		       p->ncards == 1 ? "" : "s", p->dir, p->has_manifest ? "" : " (loose cards, no pack.yaml)");
		if (p->title)
			printf("  %s%s%s\n", p->title, p->license ? " — licence " : "", p->license ? p->license : "");
	}
	for (size_t i = 0; i < lib->noverrides; i++) {
		const struct library_override *o = &lib->overrides[i];
		printf("override: '%s' from %s replaces the copy in %s\n", o->id, lib->packs[o->winner_pack].name,
		       lib->packs[o->loser_pack].name);
	}
	if (cli->diags.errors)
		printf("%zu problem%s while loading; run 'rxplore check' for details\n", cli->diags.errors,
		       cli->diags.errors == 1 ? "" : "s");
	return EXIT_OK;
}
