/* rxplore — entry point: options, loading, and the choice between the
 * terminal UI, the interactive line mode and the line-mode commands. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ascii_out.h"
#include "cli.h"
#include "cli_quiz.h"
#include "loader.h"
#include "plain.h"
#include "plain_compare.h"
#include "ui.h"

static const char usage_text[] =
	"Usage: rxplore [OPTION]... [COMMAND [ARG]...]\n"
	"Explore pharmacology topic cards: is baclofen a benzodiazepine?\n"
	"\n"
	"With no command, rxplore opens its terminal interface (or a line-mode prompt\n"
	"when the terminal cannot be driven, or with --plain).\n"
	"\n"
	"Commands:\n"
	"  list                     every topic: id, kind and title\n"
	"  show TOPIC [SECTION]     a card, or one section of it, as wrapped text\n"
	"  search WORDS...          every card that mentions the words\n"
	"  check [PATH]...          validate cards and packs (default: everything loaded)\n"
	"  packs                    the loaded packs, their versions and where they came from\n"
	"  compare TOPIC TOPIC [TOPIC [TOPIC]]\n"
	"                           2 to 4 topics side by side, one row per fact\n"
	"  stats                    due questions, answers per day, true retention and\n"
	"                           mastery per topic, as bar charts\n"
	"  quiz                     questions, answered by letter or number from standard\n"
	"                           input (x: I don't know); progress is saved as you go\n"
	"  progress export|reset    the review log as CSV; delete all progress (asks first)\n"
	"  export --format anki|md|json [-o FILE] [TOPIC]...\n"
	"                           the cards for other tools: anki, a deck Anki imports\n"
	"                           (one note per quiz question, updated on re-import);\n"
	"                           md, a printable handout with comparisons, questions\n"
	"                           and answers; json, the cards as data.  TOPICs (ids or\n"
	"                           aliases) limit it to them and their members.  The\n"
	"                           handout compares 2-4 TOPICs side by side, one TOPIC\n"
	"                           with its compare_with cards, else each explainer's set"
	"\n"
	"Options:\n"
	"      --content DIR        load the pack (or folder of cards) in DIR first;\n"
	"                           may be given more than once\n"
	"      --no-default-packs   load only the --content folders\n"
	"      --plain              line mode, even on a capable terminal\n"
	"      --no-color           no colours (also: NO_COLOR set and non-empty)\n"
	"      --no-mouse           leave the mouse to the terminal (copy and paste)\n"
	"      --width N            wrap line-mode output at N columns\n"
	"      --strict             with check: warnings count as errors\n"
	"      --profile NAME       keep progress in progress-NAME.db (shared logins)\n"
	"      --format FORMAT      with compare: text (a table, the default), md or tsv;\n"
	"                           with export (required): anki, md or json\n"
	"  -o, --output FILE        with export: write FILE (all or nothing) instead of\n"
	"                           standard output\n"
	"      --diff-only          with compare: only the facts that differ\n"
	"      --mode MODE          with quiz: practice (default), review or exam\n"
	"      --topic ID           with quiz: only this topic (and its members); repeatable\n"
	"      --count N            with quiz: at most N questions (exam default 20)\n"
	"      --minutes M          with quiz --mode exam: a time limit\n"
	"      --seed N             with quiz: repeatable question and choice order\n"
	"      --yes                with progress reset: do not ask\n"
	"  -h, --help               show this help and exit\n"
	"  -V, --version            show the version and the loaded packs, and exit\n"
	"\n"
	"Exit status: 0 success, 1 a problem with the content or a topic, 2 a usage error.\n"
	"rxplore is for education, not treatment decisions. Its cards are drafts until a\n"
	"named pharmacist or physician has reviewed them.\n";

enum {
	OPT_CONTENT = 256,
	OPT_NO_DEFAULT_PACKS,
	OPT_PLAIN,
	OPT_NO_COLOR,
	OPT_NO_MOUSE,
	OPT_WIDTH,
	OPT_STRICT,
	OPT_PROFILE,
	OPT_FORMAT,
	OPT_DIFF_ONLY,
	OPT_MODE,
	OPT_TOPIC,
	OPT_COUNT,
	OPT_MINUTES,
	OPT_SEED,
	OPT_YES,
};

/* Options of the quiz and progress commands. */
static struct cli_quiz_options quiz_options;

/* Options of the compare command alone (kept out of struct cli_options);
 * --format also goes with export. */
static const char *compare_format;
static bool compare_diff_only;
/* -o FILE, for export. */
static const char *export_output;
/* The locale's charset is not UTF-8: text is shown in ASCII (ascii_out.h). */
static bool ascii_terminal;

static const struct option long_options[] = {
	{ "content", required_argument, NULL, OPT_CONTENT },
	{ "no-default-packs", no_argument, NULL, OPT_NO_DEFAULT_PACKS },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "no-colour", no_argument, NULL, OPT_NO_COLOR },
	{ "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
	{ "width", required_argument, NULL, OPT_WIDTH },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "profile", required_argument, NULL, OPT_PROFILE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "diff-only", no_argument, NULL, OPT_DIFF_ONLY },
	{ "mode", required_argument, NULL, OPT_MODE },
	{ "topic", required_argument, NULL, OPT_TOPIC },
	{ "count", required_argument, NULL, OPT_COUNT },
	{ "minutes", required_argument, NULL, OPT_MINUTES },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "yes", no_argument, NULL, OPT_YES },
	{ "output", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static int cmd_show(struct cli *cli, char **args, int nargs)
{
	if (nargs < 1 || nargs > 2)
		return cli_usage("%s", "show needs a TOPIC and at most one SECTION");
	int section = -1;
	if (nargs == 2) {
		section = section_parse(args[1]);
		if (section == SECTION_AMBIGUOUS)
			return cli_usage("section '%s' is ambiguous", args[1]);
		if (section < 0)
			return cli_usage("no section '%s' (summary, mechanism, uses, side-effects, dependence, "
					   "confusion, interactions, pharmacokinetics, diagram, facts, sources)",
					   args[1]);
	}
	const struct card *card = cli_topic(cli, args[0]);
	if (!card)
		return EXIT_PROBLEM;
	plain_card(stdout, &cli->library, card, section, cli_width(cli));
	return EXIT_OK;
}

static int cmd_search(struct cli *cli, char **args, int nargs)
{
	if (nargs < 1)
		return cli_usage("%s", "search needs the WORDS to look for");
	size_t len = 1;
	for (int i = 0; i < nargs; i++)
		len += strlen(args[i]) + 1;
	char *query = malloc(len);
	if (!query)
		return EXIT_PROBLEM;
	size_t at = 0;
	for (int i = 0; i < nargs; i++) {
		size_t arg_len = strlen(args[i]);
		if (i)
			query[at++] = ' ';
		memcpy(query + at, args[i], arg_len);
		at += arg_len;
	}
	query[at] = '\0';
	int hits = plain_search(stdout, &cli->library, query, cli_width(cli));
	if (hits == 0)
		fprintf(stderr, "rxplore: no card mentions '%s'\n", query);
	free(query);
	return hits > 0 ? EXIT_OK : EXIT_PROBLEM;
}

static void print_version(const struct cli *cli)
{
	printf("rxplore (rxplore) %s\n", PACKAGE_VERSION);
	for (size_t i = 0; i < cli->library.npacks; i++) {
		const struct pack_info *p = &cli->library.packs[i];
		printf("content: %s %s (%zu cards, %s)\n", p->name, p->version ? p->version : "(no version)", p->ncards,
		       p->dir);
	}
	printf("Code: MIT licence. Bundled content: CC BY 4.0. For education, not treatment decisions.\n");
}

/* A standard descriptor that was closed (`rxplore <&-`) is held by /dev/null,
 * so that no file rxplore opens later can take its number and receive output
 * meant for the terminal.  It is opened read-only: output to a closed stdout
 * still fails, and is reported. */
static void hold_standard_fds(void)
{
	for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		int held = open("/dev/null", O_RDONLY);
		if (held != fd && held >= 0)
			close(held);
	}
}

/* The status after the last output: a write error (a full disk, a closed
 * stdout) is a problem worth a message; a reader that went away (EPIPE, when
 * SIGPIPE is ignored) is not: it is how `rxplore list | head -1` ends. */
static int finish_output(int status)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return status;
	if (errno != EPIPE)
		fprintf(stderr, "rxplore: write error: %s\n", errno ? strerror(errno) : "output failed");
	return status == EXIT_OK ? EXIT_PROBLEM : status;
}

/* No command: the TUI when the terminal allows, else line mode. */
static int run_interactive(struct cli *cli)
{
	bool tty_in = isatty(STDIN_FILENO), tty_out = isatty(STDOUT_FILENO);
	ascii_out_end();	/* curses writes to the real stdout, and speaks ASCII itself */
	if (!cli->options.plain && tty_in && tty_out && ui_terminal_usable()) {
		const char *no_color = getenv("NO_COLOR");
		struct ui_options ui = {
			.no_color = cli->options.no_color || (no_color && *no_color),
			.no_mouse = cli->options.no_mouse || !cli->config.mouse,
			.profile = cli->options.profile,
		};
		return ui_run(&cli->library, &cli->config, &cli->diags, &ui);
	}
	if (ascii_terminal)
		ascii_out_begin();
	cli_note_load_errors(cli);
	if (tty_in) {
		plain_repl(stdin, stdout, &cli->library, cli_width(cli));
		return EXIT_OK;
	}
	const struct card *start = library_start(&cli->library);
	if (!start) {
		fprintf(stderr, "rxplore: no cards loaded (see 'rxplore packs' and 'rxplore check')\n");
		return EXIT_PROBLEM;
	}
	plain_card(stdout, &cli->library, start, -1, cli_width(cli));
	printf("\nMore: 'rxplore list', 'rxplore show TOPIC [SECTION]', 'rxplore search WORDS', "
	       "'rxplore --help'.\n");
	return EXIT_OK;
}

static int parse_options(struct cli *cli, int argc, char **argv, bool *version)
{
	int c;
	while ((c = getopt_long(argc, argv, "hVo:", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_CONTENT:
			if (cli->options.ncontent == CLI_MAX_CONTENT)
				return cli_usage("%s", "too many --content folders");
			cli->options.content[cli->options.ncontent++] = optarg;
			break;
		case OPT_NO_DEFAULT_PACKS:
			cli->options.no_default_packs = true;
			break;
		case OPT_PLAIN:
			cli->options.plain = true;
			break;
		case OPT_NO_COLOR:
			cli->options.no_color = true;
			break;
		case OPT_NO_MOUSE:
			cli->options.no_mouse = true;
			break;
		case OPT_STRICT:
			cli->options.strict = true;
			break;
		case OPT_PROFILE:
			cli->options.profile = optarg;
			break;
		case OPT_FORMAT:
			compare_format = optarg;
			break;
		case OPT_DIFF_ONLY:
			compare_diff_only = true;
			break;
		case OPT_MODE:
			quiz_options.mode = optarg;
			quiz_options.any = true;
			break;
		case OPT_COUNT:
			quiz_options.count = optarg;
			quiz_options.any = true;
			break;
		case OPT_MINUTES:
			quiz_options.minutes = optarg;
			quiz_options.any = true;
			break;
		case OPT_SEED:
			quiz_options.seed = optarg;
			quiz_options.any = true;
			break;
		case OPT_TOPIC:
			if (quiz_options.ntopics == CLI_MAX_TOPICS)
				return cli_usage("%s", "too many --topic options");
			quiz_options.topics[quiz_options.ntopics++] = optarg;
			quiz_options.any = true;
			break;
		case OPT_YES:
			quiz_options.yes = quiz_options.any = true;
			break;
		case OPT_WIDTH: {
			char *end;
			long w = strtol(optarg, &end, 10);
			if (*end || end == optarg || w < 20 || w > 1000)
				return cli_usage("--width takes a number of columns from 20 to 1000, not '%s'", optarg);
			cli->options.width = (int)w;
			break;
		}
		case 'o':
			export_output = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(finish_output(EXIT_OK));
		case 'V':
			*version = true;
			break;
		default:
			fprintf(stderr, "Try 'rxplore --help' for more information.\n");
			return EXIT_USAGE;
		}
	}
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	hold_standard_fds();
	setlocale(LC_ALL, "");
	ascii_terminal = !ascii_out_locale_is_utf8();
	if (ascii_terminal)
		ascii_out_begin();
	struct cli cli = { 0 };
	bool version = false;
	config_defaults(&cli.config);
	library_init(&cli.library);
	diag_list_init(&cli.diags);

	int status = parse_options(&cli, argc, argv, &version);
	char **args = argv + optind;
	int nargs = argc - optind;
	const char *command = nargs > 0 ? args[0] : NULL;
	if (status == EXIT_OK && command && strcmp(command, "check") != 0 && cli.options.strict)
		status = cli_usage("%s", "--strict goes with the check command");
	bool compare = command && strcmp(command, "compare") == 0;
	bool exporting = command && strcmp(command, "export") == 0;
	if (status == EXIT_OK && !compare && compare_diff_only)
		status = cli_usage("%s", "--diff-only goes with the compare command");
	if (status == EXIT_OK && !compare && !exporting && compare_format)
		status = cli_usage("%s", "--format goes with the compare and export commands");
	if (status == EXIT_OK && !exporting && export_output)
		status = cli_usage("%s", "-o goes with the export command");
	bool quizzing = command && (strcmp(command, "quiz") == 0 || strcmp(command, "progress") == 0);
	if (status == EXIT_OK && !quizzing && quiz_options.any)
		status = cli_usage("%s", "--mode, --topic, --count, --minutes, --seed and --yes go with the quiz "
				     "and progress commands");
	static const char *const commands[] = { "list", "show", "search", "check", "packs", "compare",
						"stats", "quiz", "progress", "export" };
	bool known = !command;
	for (size_t i = 0; command && i < sizeof commands / sizeof *commands; i++)
		known = known || strcmp(command, commands[i]) == 0;
	if (status == EXIT_OK && !known)
		status = cli_usage("unknown command '%s'", command);
	if (status != EXIT_OK)
		goto done;

	char config_path[4096];
	if (config_default_path(config_path, sizeof config_path)) {
		struct diag_list config_diags;
		diag_list_init(&config_diags);
		loader_load_config(config_path, &cli.config, &config_diags);
		plain_diags(stderr, &config_diags);
		diag_list_release(&config_diags);
	}

	if (command && strcmp(command, "check") == 0) {
		status = cli_check(&cli, args + 1, nargs - 1);
		goto done;
	}
	/* Card text in ASCII for every renderer; a file written with -o is
	 * not shown on this terminal and keeps its UTF-8. */
	if (cli_load(&cli) < 0 ||
	    (ascii_terminal && !(exporting && export_output) && library_transliterate(&cli.library) < 0)) {
		fprintf(stderr, "rxplore: out of memory while loading cards\n");
		status = EXIT_PROBLEM;
		goto done;
	}
	if (version) {
		print_version(&cli);
	} else if (!command) {
		status = run_interactive(&cli);
	} else if (strcmp(command, "list") == 0) {
		cli_note_load_errors(&cli);
		if (nargs > 1)
			status = cli_usage("%s", "list takes no arguments");
		else
			plain_list(stdout, &cli.library, cli_width(&cli));
	} else if (strcmp(command, "show") == 0) {
		cli_note_load_errors(&cli);
		status = cmd_show(&cli, args + 1, nargs - 1);
	} else if (strcmp(command, "search") == 0) {
		cli_note_load_errors(&cli);
		status = cmd_search(&cli, args + 1, nargs - 1);
	} else if (compare) {
		cli_note_load_errors(&cli);
		status = cli_compare(&cli, args + 1, nargs - 1, compare_format, compare_diff_only);
	} else if (strcmp(command, "stats") == 0) {
		cli_note_load_errors(&cli);
		status = cli_stats(&cli, args + 1, nargs - 1);
	} else if (strcmp(command, "quiz") == 0) {
		cli_note_load_errors(&cli);
		status = cli_quiz(&cli, &quiz_options, args + 1, nargs - 1);
	} else if (strcmp(command, "progress") == 0) {
		status = cli_progress(&cli, &quiz_options, args + 1, nargs - 1);
	} else if (exporting) {
		cli_note_load_errors(&cli);
		status = cli_export(&cli, compare_format, export_output, args + 1, nargs - 1);
	} else if (strcmp(command, "packs") == 0) {
		status = nargs > 1 ? cli_usage("%s", "packs takes no arguments") : cli_packs(&cli);
	}
done:
	status = finish_output(status);
	if (ascii_out_end() < 0 && status == EXIT_OK)
		status = EXIT_PROBLEM;
	library_release(&cli.library);
	diag_list_release(&cli.diags);
	return status;
}
