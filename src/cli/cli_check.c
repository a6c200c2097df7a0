/* cli_check — `rxplore check` and `rxplore packs`: what was loaded, from
 * where, and what was wrong with it. */
#include <stdio.h>

#include "builtin_pack.h"
#include "cli.h"
#include "plain.h"
#include "quiz.h"

/* With paths, those are checked against the search path (library_load.h);
 * without, everything loads as for any other command. */
static int load_for_check(struct cli *cli, char **paths, int npaths)
{
	struct load_request request = cli_load_request(cli);
	request.check_paths = (const char *const *)paths;
	request.ncheck = (size_t)npaths;
	return library_load(&cli->library, &request, &builtin_pack, &cli->diags);
}

int cli_check(struct cli *cli, char **paths, int npaths)
{
	if (load_for_check(cli, paths, npaths) < 0) {
		fprintf(stderr, "rxplore: out of memory while loading cards\n");
		return EXIT_PROBLEM;
	}
	/* Generated questions left out, and why: notes, never counted. */
	struct quiz_bank bank;
	if (quiz_bank_build(&bank, &cli->library) < 0) {
		fprintf(stderr, "rxplore: out of memory while building the questions\n");
		return EXIT_PROBLEM;
	}
	quiz_bank_note_drops(&bank, &cli->diags);
	quiz_bank_release(&bank);
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
