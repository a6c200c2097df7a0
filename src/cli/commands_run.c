/* commands_run — the handlers the command table names: each checks its
 * arguments and calls the command's own module (cli_*.c, plain*.c). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "commands.h"
#include "pack_cache.h"
#include "paths.h"
#include "plain.h"
#include "plain_compare.h"
#include "study.h"

int cmd_list(struct cli *cli, const struct cli_request *r)
{
	if (r->nargs > 0)
		return cli_usage("%s", "list takes no arguments");
	plain_list(stdout, &cli->library, cli_width(cli));
	return EXIT_OK;
}

int cmd_show(struct cli *cli, const struct cli_request *r)
{
	if (r->nargs < 1 || r->nargs > 2)
		return cli_usage("%s", "show needs a TOPIC and at most one SECTION");
	int section = -1;
	if (r->nargs == 2) {
		section = section_parse(r->args[1]);
		if (section == SECTION_AMBIGUOUS)
			return cli_usage("section '%s' is ambiguous", r->args[1]);
		if (section < 0)
			return cli_usage("no section '%s' (summary, mechanism, uses, side-effects, dependence, "
					 "confusion, interactions, safety, pharmacokinetics, diagram, facts, sources)",
					 r->args[1]);
	}
	const struct card *card = cli_topic(cli, r->args[0]);
	if (!card)
		return EXIT_PROBLEM;
	plain_card(stdout, &cli->library, card, section, cli_width(cli));
	return EXIT_OK;
}

int cmd_search(struct cli *cli, const struct cli_request *r)
{
	if (r->nargs < 1)
		return cli_usage("%s", "search needs the WORDS to look for");
	size_t len = 1;
	for (int i = 0; i < r->nargs; i++)
		len += strlen(r->args[i]) + 1;
	char *query = malloc(len);
	if (!query)
		return EXIT_PROBLEM;
	size_t at = 0;
	for (int i = 0; i < r->nargs; i++) {
		size_t arg_len = strlen(r->args[i]);
		if (i)
			query[at++] = ' ';
		memcpy(query + at, r->args[i], arg_len);
		at += arg_len;
	}
	query[at] = '\0';
	int hits = plain_search(stdout, &cli->library, query, cli_width(cli));
	if (hits == 0)
		fprintf(stderr, "rxplore: no card mentions '%s'\n", query);
	free(query);
	return hits > 0 ? EXIT_OK : EXIT_PROBLEM;
}

/* check loads what it checks into a library of its own: at the prompt the
 * session's library is already loaded, and must stay as it is. */
int cmd_check(struct cli *cli, const struct cli_request *r)
{
	struct cli scratch = { .options = cli->options, .config = cli->config };
	library_init(&scratch.library);
	diag_list_init(&scratch.diags);
	int status = cli_check(&scratch, r->args, r->nargs);
	library_release(&scratch.library);
	diag_list_release(&scratch.diags);
	return status;
}

int cmd_packs(struct cli *cli, const struct cli_request *r)
{
	return r->nargs > 0 ? cli_usage("%s", "packs takes no arguments") : cli_packs(cli);
}

int cmd_compare(struct cli *cli, const struct cli_request *r)
{
	return cli_compare(cli, r->args, r->nargs, r->format, r->diff_only);
}

int cmd_stats(struct cli *cli, const struct cli_request *r)
{
	return cli_stats(cli, r->args, r->nargs);
}

int cmd_confusions(struct cli *cli, const struct cli_request *r)
{
	return cli_confusions(cli, r->args, r->nargs);
}

int cmd_quiz(struct cli *cli, const struct cli_request *r)
{
	return cli_quiz(cli, &r->quiz, r->args, r->nargs);
}

int cmd_progress(struct cli *cli, const struct cli_request *r)
{
	struct cli_quiz_options options = r->quiz;
	options.format = r->format;
	options.output = r->output;
	return cli_progress(cli, &options, r->args, r->nargs);
}

int cmd_import(struct cli *cli, const struct cli_request *r)
{
	return cli_import(cli, r->output, r->args, r->nargs);
}

int cmd_fsrs(struct cli *cli, const struct cli_request *r)
{
	return cli_fsrs(cli, &r->fsrs, r->args, r->nargs);
}

int cmd_exam(struct cli *cli, const struct cli_request *r)
{
	const char *profile = cli->options.profile;
	const char *verb = r->nargs > 0 ? r->args[0] : "";
	long day;
	char date[16];
	if (strcmp(verb, "set") == 0) {
		if (r->nargs != 2 || !clock_parse_date(r->args[1], &day))
			return cli_usage("%s", "exam set takes one date, YYYY-MM-DD");
		if (study_exam_set(profile, r->args[1]) != 0) {
			fprintf(stderr, "rxplore: cannot save the exam date: %s\n", strerror(errno));
			return EXIT_PROBLEM;
		}
		printf("Exam date: %s.\n", clock_date_text(day, date, sizeof date));
		return EXIT_OK;
	}
	if (strcmp(verb, "clear") == 0) {
		if (r->nargs != 1)
			return cli_usage("%s", "exam clear takes no more arguments");
		if (study_exam_clear(profile) != 0) {
			fprintf(stderr, "rxplore: cannot forget the exam date: %s\n", strerror(errno));
			return EXIT_PROBLEM;
		}
		if (study_exam_day(profile, &cli->config, &day) == 1)
			printf("The saved exam date is gone; the config file's exam_date %s still applies.\n",
			       clock_date_text(day, date, sizeof date));
		else
			printf("No exam date.\n");
		return EXIT_OK;
	}
	if (r->nargs > 0)
		return cli_usage("exam takes set DATE or clear, not '%s'", verb);
	int saved = study_exam_day(profile, NULL, &day);
	if (saved < 0) {
		fprintf(stderr, "rxplore: the saved exam date cannot be read; set it again with rxplore exam set "
				"YYYY-MM-DD\n");
		return EXIT_PROBLEM;
	}
	if (!saved && study_exam_day(profile, &cli->config, &day) != 1) {
		printf("No exam date. Set one with: rxplore exam set YYYY-MM-DD\n");
		return EXIT_OK;
	}
	long left = day - clock_day(clock_now(), cli->config.rollover_hour);
	printf("Exam date: %s (%s%ld day%s%s)%s.\n", clock_date_text(day, date, sizeof date), left < 0 ? "" : "in ",
	       left < 0 ? -left : left, (left == 1 || left == -1) ? "" : "s", left < 0 ? " ago" : "",
	       saved ? "" : ", from the config file");
	return EXIT_OK;
}

int cmd_export(struct cli *cli, const struct cli_request *r)
{
	return cli_export(cli, r->format, r->output, r->args, r->nargs);
}

int cmd_cache(struct cli *cli, const struct cli_request *r)
{
	(void)cli;
	if (r->nargs != 1 || strcmp(r->args[0], "clear") != 0)
		return cli_usage("%s", "cache takes one word: clear");
	char dir[PATH_MAX];
	if (!paths_cache_dir(dir, sizeof dir)) {
		fprintf(stderr, "rxplore: no cache folder: HOME is not an absolute path\n");
		return EXIT_PROBLEM;
	}
	int removed = pack_cache_clear(dir);
	if (removed < 0) {
		fprintf(stderr, "rxplore: cannot clear the pack cache in %s: %s\n", dir, strerror(errno));
		return EXIT_PROBLEM;
	}
	printf("removed %d pack cache file%s from %s\n", removed, removed == 1 ? "" : "s", dir);
	return EXIT_OK;
}

int cmd_start(struct cli *cli, const struct cli_request *r)
{
	if (r->nargs > 0)
		return cli_usage("%s", "start takes no arguments");
	const struct card *start = library_start(&cli->library);
	if (!start) {
		fprintf(stderr, "rxplore: no cards loaded (see 'rxplore packs' and 'rxplore check')\n");
		return EXIT_PROBLEM;
	}
	plain_card(stdout, &cli->library, start, -1, cli_width(cli));
	return EXIT_OK;
}

int cmd_help(struct cli *cli, const struct cli_request *r)
{
	(void)cli;
	if (r->nargs > 1)
		return cli_usage("%s", "help takes at most one COMMAND");
	const struct cli_command *command = NULL;
	if (r->nargs == 1 && !(command = cli_command_find(r->args[0])))
		return cli_usage("no command '%s' (type help for the list)", r->args[0]);
	cli_print_prompt_help(stdout, command);
	return EXIT_OK;
}

void cli_print_version(const struct cli *cli)
{
	printf("rxplore (rxplore) %s\n", PACKAGE_VERSION);
	for (size_t i = 0; i < cli->library.npacks; i++) {
		const struct pack_info *p = &cli->library.packs[i];
		/* The built-in pack's dir is "(built in)": not in parentheses twice. */
		bool parenthesised = p->dir[0] == '(';
		printf("content: %s %s (%zu card%s, %.*s)\n", p->name, p->version ? p->version : "(no version)",
		       p->ncards, p->ncards == 1 ? "" : "s", (int)strlen(p->dir) - 2 * parenthesised,
		       p->dir + parenthesised);
	}
	printf("Code: MIT licence. Bundled content: CC BY 4.0. For education, not treatment decisions.\n");
}
