/* dispatch — runs a parsed command line through the command table: the
 * options' "goes with" tags, what the command needs first (the config, the
 * content, a valid --profile), then its handler.  With no command: the
 * terminal interface, or the line-mode prompt. */
#include <stdlib.h>
#include <unistd.h>

#include "ascii_out.h"
#include "commands.h"
#include "library_complete.h"
#include "library_verify.h"
#include "loader.h"
#include "plain.h"
#include "paths.h"
#include "repl.h"
#include "ui.h"

/* The first option given with a command it does not go with, or NULL. */
static const struct cli_option *misplaced_option(const struct cli_request *r)
{
	unsigned bit = r->command ? CMD_BIT(r->command - cli_commands) : 0;
	for (size_t i = 0; i < cli_noptions; i++) {
		const struct cli_option *o = &cli_options_table[i];
		if (o->commands && (r->given & (1u << o->id)) && !(o->commands & bit))
			return o;
	}
	return NULL;
}

static void read_config(struct cli *cli)
{
	char config_path[4096];
	cli->configured = true;
	if (!paths_config_file(config_path, sizeof config_path))
		return;
	struct diag_list config_diags;
	diag_list_init(&config_diags);
	loader_load_config(config_path, &cli->config, &config_diags);
	plain_diags(stderr, &config_diags);
	diag_list_release(&config_diags);
}

/* A --profile that can never name a database is a usage error before any
 * loading: the name is wrong, not the content. */
static int check_profile(const struct cli *cli)
{
	const char *profile = cli->options.profile;
	if (profile && !paths_profile_valid(profile))
		return cli_usage("--profile takes letters, digits, '-' and '_', not '%s'", profile);
	return EXIT_OK;
}

/* ui_options.reload: the library again, every pack cache checked. */
static int reload(void *context, const struct library **library, const struct diag_list **diags)
{
	struct cli *cli = context;
	if (cli_reload(cli) < 0)
		return -1;
	*library = &cli->library;
	*diags = &cli->diags;
	return 0;
}

static int complete(void *context)
{
	struct cli *cli = context;
	const char *why;
	return library_complete(&cli->library, &cli->diags, &why);
}

/* Whether the terminal interface may run: it alone paints before checking
 * the pack caches (every line-mode command checks first). */
static bool wants_tui(const struct cli *cli)
{
	return !cli->options.plain && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

/* No command: the TUI when the terminal allows, else line mode. */
static int run_interactive(struct cli *cli)
{
	bool tty_in = isatty(STDIN_FILENO);
	if (wants_tui(cli) && ui_terminal_usable()) {
		const char *no_color = getenv("NO_COLOR");
		struct ui_options ui = {
			.no_color = cli->options.no_color || (no_color && *no_color),
			.no_mouse = cli->options.no_mouse || !cli->config.mouse,
			.profile = cli->options.profile,
			.reload = reload,
			.complete = complete,
			.reload_context = cli,
		};
		ascii_out_end();	/* curses writes to the real stdout, and speaks ASCII itself */
		int status = ui_run(&cli->library, &cli->config, &cli->diags, &ui);
		if (cli->ascii)
			ascii_out_begin();
		return status;
	}
	/* Line mode after all: the caches are read whole and checked before
	 * anything shows. */
	if ((complete(cli) < 0 ||
	     (cli->library.nunchecked > 0 && library_verify_now(&cli->library) != LIBRARY_VERIFY_CURRENT)) &&
	    cli_reload(cli) < 0) {
		fprintf(stderr, "rxplore: out of memory while loading cards\n");
		return EXIT_PROBLEM;
	}
	cli_note_load_errors(cli);
	return cli_repl(cli, tty_in);
}

int cli_dispatch(struct cli *cli, const struct cli_request *r, bool at_prompt)
{
	if (r->help && at_prompt) {
		cli_print_prompt_help(stdout, r->command);
		return EXIT_OK;
	}
	if (r->help) {
		cli_print_usage(stdout);
		return EXIT_OK;
	}
	const struct cli_option *misplaced = misplaced_option(r);
	if (misplaced)
		return cli_option_misplaced(misplaced);
	const struct cli_command *c = r->command;
	unsigned flags = c ? c->flags : CMD_NEEDS_LOAD;
	if (r->version)
		flags |= CMD_NEEDS_LOAD;
	if ((flags & CMD_NEEDS_PROGRESS) && check_profile(cli) != EXIT_OK)
		return EXIT_USAGE;
	if (!cli->configured)
		read_config(cli);
	if ((flags & CMD_NEEDS_LOAD) && !cli->loaded) {
		cli->loaded = true;
		cli->defer_checks = !c && !at_prompt && !r->version && wants_tui(cli);
		/* Card text in ASCII for every renderer on a terminal that is not
		 * UTF-8; a file written with export -o is not shown here and
		 * keeps its UTF-8. */
		bool to_file = c == &cli_commands[CMD_EXPORT] && r->output;
		if (cli_load(cli) < 0 || (cli->ascii && !to_file && library_transliterate(&cli->library) < 0)) {
			fprintf(stderr, "rxplore: out of memory while loading cards\n");
			return EXIT_PROBLEM;
		}
	}
	if (r->version) {
		cli_print_version(cli);
		return EXIT_OK;
	}
	if (!c)
		return at_prompt ? EXIT_OK : run_interactive(cli);
	/* At the prompt the note was given once, when it opened. */
	if ((flags & CMD_NOTES_LOAD) && !at_prompt)
		cli_note_load_errors(cli);
	return c->run ? c->run(cli, r) : EXIT_OK;
}
