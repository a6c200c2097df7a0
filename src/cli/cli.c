/* cli — what every line-mode command shares: usage errors, the output
 * width, loading the content, looking a topic up. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "builtin_pack.h"
#include "cli.h"
#include "library_load.h"
#include "paths.h"

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

struct load_request cli_load_request(const struct cli *cli)
{
	return (struct load_request){
		.content_dirs = cli->options.content,
		.ncontent = cli->options.ncontent,
		.no_default_packs = cli->options.no_default_packs,
		.installed_dir = PKGDATADIR,
	};
}

int cli_load(struct cli *cli)
{
	struct load_request request = cli_load_request(cli);
	char cache_dir[PATH_MAX];
	if (!cli->options.no_cache && paths_cache_dir(cache_dir, sizeof cache_dir))
		request.cache_dir = cache_dir;
	request.defer_cache_checks = cli->defer_checks;
	/* Transliterating for an ASCII terminal rewrites every card's text
	 * before the interface starts, so the bodies are read first there. */
	request.defer_bodies = cli->defer_checks && !cli->ascii;
	return library_load(&cli->library, &request, &builtin_pack, &cli->diags);
}

int cli_reload(struct cli *cli)
{
	struct library old = cli->library;
	struct diag_list old_diags = cli->diags;
	library_init(&cli->library);
	diag_list_init(&cli->diags);
	cli->defer_checks = false;
	if (cli_load(cli) < 0 || (cli->ascii && library_transliterate(&cli->library) < 0)) {
		library_release(&cli->library);
		diag_list_release(&cli->diags);
		cli->library = old;
		cli->diags = old_diags;
		return -1;
	}
	library_release(&old);
	diag_list_release(&old_diags);
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
