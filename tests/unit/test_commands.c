/* Unit tests for the command table and what it drives: the parser (options
 * anywhere, --name=value, prefixes, short options, "--", the prompt's
 * limits, a second parse unaffected by the first), the "goes with" tags,
 * and the agreement of the table with --help, the bash completion
 * (completion/rxplore.bash) and the manual page (doc/rxplore.1.in): a
 * command or option added to one and not the others fails here.  The
 * agreement check is itself tested on doctored copies, so it cannot pass
 * vacuously. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

/* --- the parser ---------------------------------------------------------- */

static int parse(struct cli_request *r, const char *line, bool at_prompt)
{
	static char buf[512];
	static char *words[32];
	snprintf(buf, sizeof buf, "%s", line);
	int n = 0;
	for (char *w = strtok(buf, " "); w && n < 32; w = strtok(NULL, " "))
		words[n++] = w;
	struct cli_options base = { 0 };
	return cli_request_parse(r, &base, words, n, at_prompt);
}

static void test_options_anywhere(void **state)
{
	(void)state;
	struct cli_request r;
	assert_int_equal(parse(&r, "--width 60 compare --diff-only a --format=md b", false), EXIT_OK);
	assert_ptr_equal(r.command, &cli_commands[CMD_COMPARE]);
	assert_int_equal(r.nargs, 2);
	assert_string_equal(r.args[0], "a");
	assert_string_equal(r.args[1], "b");
	assert_int_equal(r.options.width, 60);
	assert_true(r.diff_only);
	assert_string_equal(r.format, "md");
	cli_request_release(&r);
}

static void test_short_options_and_prefixes(void **state)
{
	(void)state;
	struct cli_request r;
	assert_int_equal(parse(&r, "export -ofile.md --form md --topic=x", false), EXIT_OK);
	assert_string_equal(r.output, "file.md");
	assert_string_equal(r.format, "md");
	assert_int_equal(r.quiz.ntopics, 1);
	cli_request_release(&r);
	assert_int_equal(parse(&r, "export -o out -hV", false), EXIT_OK);
	assert_string_equal(r.output, "out");
	assert_true(r.help && r.version);
	cli_request_release(&r);
	/* Both spellings of one option are not ambiguous. */
	assert_int_equal(parse(&r, "--no-colo list", false), EXIT_OK);
	assert_true(r.options.no_color);
	cli_request_release(&r);
}

static void test_double_dash_ends_options(void **state)
{
	(void)state;
	struct cli_request r;
	assert_int_equal(parse(&r, "search -- --plain -x", false), EXIT_OK);
	assert_int_equal(r.nargs, 2);
	assert_string_equal(r.args[0], "--plain");
	assert_false(r.options.plain);
	cli_request_release(&r);
}

static void test_bad_command_lines(void **state)
{
	(void)state;
	static const char *const bad[] = { "--frobnicate", "--no list", "-x", "list --width", "--width 5 list",
					   "--plain=yes", "frobnicate", "quit", "-o" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct cli_request r;
		if (parse(&r, bad[i], false) != EXIT_USAGE)
			fail_msg("not a usage error: %s", bad[i]);
		cli_request_release(&r);
	}
}

static void test_prompt_limits(void **state)
{
	(void)state;
	struct cli_request r;
	assert_int_equal(parse(&r, "show x --content dir", true), EXIT_USAGE);
	cli_request_release(&r);
	assert_int_equal(parse(&r, "quit", true), EXIT_OK);
	assert_ptr_equal(r.command, &cli_commands[CMD_QUIT]);
	cli_request_release(&r);
	assert_int_equal(parse(&r, "show x --width 50", true), EXIT_OK);
	assert_int_equal(r.options.width, 50);
	cli_request_release(&r);
}

/* Nothing of one line leaks into the next: the parser keeps no state. */
static void test_reentrant(void **state)
{
	(void)state;
	struct cli_request r;
	assert_int_equal(parse(&r, "quiz --mode exam --seed 3 --topic a", true), EXIT_OK);
	cli_request_release(&r);
	assert_int_equal(parse(&r, "list", true), EXIT_OK);
	assert_null(r.quiz.mode);
	assert_null(r.quiz.seed);
	assert_int_equal(r.quiz.ntopics, 0);
	assert_int_equal(r.nargs, 0);
	assert_int_equal(r.given, 0);
	cli_request_release(&r);
}

static void test_given_records_tags(void **state)
{
	(void)state;
	struct cli_request r;
	assert_int_equal(parse(&r, "list --strict", false), EXIT_OK);
	assert_true(r.given & (1u << OPT_STRICT));
	assert_false(cli_option_get(OPT_STRICT)->commands & CMD_BIT(CMD_LIST));
	assert_int_equal(cli_option_misplaced(cli_option_get(OPT_STRICT)), EXIT_USAGE);
	cli_request_release(&r);
}

/* --- agreement with --help, the completion and the manual page ------------- */

static char *slurp(const char *relative)
{
	const char *top = getenv("TOP_SRCDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", top ? top : ".", relative);
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s (set TOP_SRCDIR)", path);
	char *text = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&text, &size);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		fwrite(buf, 1, n, mem);
	fclose(f);
	fclose(mem);
	return text;
}

static char *usage_text(void)
{
	char *text = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&text, &size);
	cli_print_usage(mem);
	fclose(mem);
	return text;
}

/* The text between start and the next end (or the end of text), after a
 * blank (so that its first word, too, follows a blank); a copy. */
static char *between(const char *text, const char *start, const char *end)
{
	const char *from = strstr(text, start);
	if (!from)
		return strdup(" ");
	from += strlen(start);
	const char *to = end ? strstr(from, end) : NULL;
	size_t len = to ? (size_t)(to - from) : strlen(from);
	char *copy = malloc(len + 2);
	copy[0] = ' ';
	memcpy(copy + 1, from, len);
	copy[len + 1] = '\0';
	return copy;
}

/* Whether word is one of the blank-separated words of list. */
static bool has_word(const char *list, const char *word)
{
	size_t len = strlen(word);
	for (const char *p = list; (p = strstr(p, word)) != NULL; p++) {
		bool starts = p == list || strchr(" \t\n'|(", p[-1]);
		bool ends = strchr(" \t\n')|", p[len]) != NULL;
		if (starts && ends)
			return true;
	}
	return false;
}

/* Calls each(word) for every word of list made of [-a-z] after prefix. */
static size_t each_word(const char *list, const char *prefix, const char *what, char *report, size_t size,
			bool (*known)(const char *word))
{
	size_t problems = 0;
	for (const char *p = list; (p = strstr(p, prefix)) != NULL;) {
		p += strlen(prefix);
		char word[64];
		size_t len = strspn(p, "abcdefghijklmnopqrstuvwxyz-");
		if (len == 0 || len >= sizeof word)
			continue;
		memcpy(word, p, len);
		word[len] = '\0';
		if (!known(word)) {
			problems++;
			size_t at = strlen(report);
			snprintf(report + at, size - at, "%s '%s' is not in the command table\n", what, word);
		}
	}
	return problems;
}

static bool known_command(const char *name)
{
	const struct cli_command *c = cli_command_find(name);
	return c && !(c->flags & CMD_PROMPT_ONLY);
}

static bool known_option(const char *name)
{
	const char *bare = name[0] == '-' ? name + 1 : name;
	for (size_t i = 0; i < cli_noptions; i++)
		if (strcmp(cli_options_table[i].name, bare) == 0 ||
		    (cli_options_table[i].short_name && bare[0] == cli_options_table[i].short_name && !bare[1]))
			return true;
	return false;
}

static bool known_valued_option(const char *name)
{
	for (size_t i = 0; i < cli_noptions; i++)
		if (cli_options_table[i].arg && strcmp(cli_options_table[i].name, name) == 0)
			return true;
	return false;
}

#define PROBLEM(...)                                                                                               \
	do {                                                                                                       \
		size_t at_ = strlen(report);                                                                       \
		snprintf(report + at_, size - at_, __VA_ARGS__);                                                    \
		problems++;                                                                                        \
	} while (0)

/* Every disagreement between the table and the three texts, into report. */
static size_t disagreements(const char *help, const char *completion, const char *man, char *report, size_t size)
{
	size_t problems = 0;
	report[0] = '\0';
	char *words = between(completion, "_rxplore_commands='", "'");
	char *options = between(completion, "_rxplore_options='", "'");
	char *valued = between(completion, "_rxplore_takes_value()", "return 0");
	char *man_commands = between(man, "\n.Sh COMMANDS\n", "\n.Sh ");
	char *man_options = between(man, "\n.Sh OPTIONS\n", "\n.Sh ");
	char *man_prompt = between(man, "\n.Sh LINE MODE\n", "\n.Sh ");
	for (size_t i = 0; i < CMD_COUNT; i++) {
		const struct cli_command *c = &cli_commands[i];
		char line[96], item[96];
		snprintf(line, sizeof line, "\n  %s", c->name);
		snprintf(item, sizeof item, ".It Cm %s", c->name);
		if (c->flags & CMD_PROMPT_ONLY) {
			if (!strstr(man_prompt, item))
				PROBLEM("the manual's LINE MODE lacks the prompt's '%s'\n", c->name);
			continue;
		}
		if (!strstr(help, line))
			PROBLEM("--help lacks the command '%s'\n", c->name);
		if (!has_word(words, c->name))
			PROBLEM("the completion lacks the command '%s'\n", c->name);
		if (!strstr(man_commands, item))
			PROBLEM("the manual's COMMANDS lack '%s'\n", c->name);
	}
	for (size_t i = 0; i < cli_noptions; i++) {
		const struct cli_option *o = &cli_options_table[i];
		char dashed[64], fl[64];
		snprintf(dashed, sizeof dashed, "--%s", o->name);
		snprintf(fl, sizeof fl, "Fl -%s", o->name);
		if (!(o->flags & OPT_ALIAS) && !strstr(help, dashed))
			PROBLEM("--help lacks the option '%s'\n", dashed);
		if (!has_word(options, dashed))
			PROBLEM("the completion lacks the option '%s'\n", dashed);
		if (!strstr(man_options, fl))
			PROBLEM("the manual's OPTIONS lack '%s'\n", dashed);
		if (o->arg && !(o->flags & OPT_ALIAS) && !has_word(valued, dashed))
			PROBLEM("the completion does not know that '%s' takes a value\n", dashed);
		for (size_t k = 0; k < CMD_COUNT; k++) {
			char with[64];
			snprintf(with, sizeof with, "with %s", cli_commands[k].name);
			if ((o->commands & CMD_BIT(k)) && !strstr(o->help, with))
				PROBLEM("the help of '%s' does not say it goes with %s\n", dashed, cli_commands[k].name);
		}
	}
	problems += each_word(words, " ", "the completion's command", report, size, known_command);
	problems += each_word(man_commands, "\n.It Cm ", "the manual's command", report, size, known_command);
	problems += each_word(options, "--", "the completion's option", report, size, known_option);
	problems += each_word(man_options, "Fl -", "the manual's option", report, size, known_option);
	problems += each_word(valued, "--", "the completion's option with a value", report, size,
			      known_valued_option);
	free(words);
	free(options);
	free(valued);
	free(man_commands);
	free(man_options);
	free(man_prompt);
	return problems;
}

static void test_table_agrees_with_help_completion_and_manual(void **state)
{
	(void)state;
	char *help = usage_text(), *completion = slurp("completion/rxplore.bash"), *man = slurp("doc/rxplore.1.in");
	char report[8192];
	size_t problems = disagreements(help, completion, man, report, sizeof report);
	if (problems)
		fail_msg("%zu disagreement(s):\n%s", problems, report);
	free(help);
	free(completion);
	free(man);
}

/* Replaces the first from in text by to; a new string. */
static char *doctored(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	assert_non_null(at);
	size_t len = strlen(text) - strlen(from) + strlen(to);
	char *out = malloc(len + 1);
	snprintf(out, len + 1, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	return out;
}

static void test_disagreements_are_found(void **state)
{
	(void)state;
	char *help = usage_text(), *completion = slurp("completion/rxplore.bash"), *man = slurp("doc/rxplore.1.in");
	char report[8192];
	struct {
		int which;	/* 0 help, 1 completion, 2 man */
		const char *from, *to, *expect;
	} cases[] = {
		{ 1, "_rxplore_commands='list ", "_rxplore_commands='", "completion lacks the command 'list'" },
		{ 1, "_rxplore_commands='", "_rxplore_commands='frob ", "completion's command 'frob'" },
		{ 1, " --yes", " ", "completion lacks the option '--yes'" },
		{ 1, "--minutes |", "", "does not know that '--minutes' takes a value" },
		{ 2, ".It Cm stats", ".It Cm statz", "manual's command 'statz'" },
		{ 2, ".It Fl -diff-only", ".It Fl -diff-onlx", "OPTIONS lack '--diff-only'" },
		{ 2, ".It Cm quit", ".It Cm leave", "LINE MODE lacks the prompt's 'quit'" },
		{ 0, "  packs", "  pecks", "--help lacks the command 'packs'" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *texts[3] = { help, completion, man };
		char *changed = doctored(texts[cases[i].which], cases[i].from, cases[i].to);
		texts[cases[i].which] = changed;
		size_t problems = disagreements(texts[0], texts[1], texts[2], report, sizeof report);
		if (problems == 0 || !strstr(report, cases[i].expect))
			fail_msg("case %zu: wanted '%s', got:\n%s", i, cases[i].expect, report);
		free(changed);
	}
	free(help);
	free(completion);
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options_anywhere),
		cmocka_unit_test(test_short_options_and_prefixes),
		cmocka_unit_test(test_double_dash_ends_options),
		cmocka_unit_test(test_bad_command_lines),
		cmocka_unit_test(test_prompt_limits),
		cmocka_unit_test(test_reentrant),
		cmocka_unit_test(test_given_records_tags),
		cmocka_unit_test(test_table_agrees_with_help_completion_and_manual),
		cmocka_unit_test(test_disagreements_are_found),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
