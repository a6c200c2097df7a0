/* cli — what every line-mode command shares: usage errors, the output
 * width, loading the content, looking a topic up. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "builtin_pack.h"
#include "cli.h"
#include "loader.h"

static const char *usage_hint = "Try 'rxplore --help' for more information.";

void cli_set_usage_hint(const char *hint)
{
	usage_hint = hint;
}

int cli_usage(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "rxplore: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n%s\n", usage_hint);
	va_end(ap);
	return EXIT_USAGE;
}

int cli_width(const struct cli *cli)
{
	if (cli->options.width > 0)
		return cli->options.width;
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

/* Every pack's manifest and vocabulary first, then every pack's cards in the
 * same order: a card may use the fact keys of any pack loaded with it
 * (DESIGN §2), so a loose folder given first still has the bundled keys. */
int cli_load(struct cli *cli)
{
	struct search_path path;
	search_path_init(&path);
	if (search_path_build(&path, cli->options.content, cli->options.ncontent, cli->options.no_default_packs,
			      PKGDATADIR) < 0) {
		search_path_release(&path);
		return -1;
	}
	size_t *packs = malloc((path.count + 1) * sizeof *packs);
	if (!packs) {
		search_path_release(&path);
		return -1;
	}
	for (size_t i = 0; i < path.count; i++)
		packs[i] = loader_load_dir_manifest(&cli->library, path.dirs[i], &cli->diags);
	/* The built-in pack is the weakest entry of the search path; an installed
	 * copy of the same pack replaces it instead of overriding every card. */
	size_t builtin = (size_t)-1;
	if (!cli->options.no_default_packs && !library_has_pack(&cli->library, builtin_pack.info.name))
		builtin = loader_load_compiled_manifest(&cli->library, &builtin_pack);
	for (size_t i = 0; i < path.count; i++)
		if (packs[i] != (size_t)-1)
			loader_load_dir_cards(&cli->library, packs[i], path.dirs[i], &cli->diags);
	if (builtin != (size_t)-1)
		loader_load_compiled_cards(&cli->library, builtin, &builtin_pack, &cli->diags);
	free(packs);
	search_path_release(&path);
	library_resolve(&cli->library, &cli->diags);
	return 0;
}

const struct card *cli_topic(const struct cli *cli, const char *name)
{
	const struct card *card = library_find(&cli->library, name);
	if (card)
		return card;
	const char *hint = library_suggest(&cli->library, name);
	if (hint)
		fprintf(stderr, "rxplore: no topic '%s' — did you mean '%s'?\n", name, hint);
	else
		fprintf(stderr, "rxplore: no topic '%s' (try 'rxplore list')\n", name);
	return NULL;
}

/* For commands that use the content rather than check it: a short note when
 * cards were rejected, so nothing fails silently. */
void cli_note_load_errors(const struct cli *cli)
{
	if (cli->diags.errors)
		fprintf(stderr, "rxplore: %zu problem%s while loading cards; run 'rxplore check' for details\n",
			cli->diags.errors, cli->diags.errors == 1 ? "" : "s");
}
