/* commands — the table of commands and options, and the help texts made
 * from it: see commands.h. */
#include "commands.h"

#include <string.h>

#include "disclaimer.h"

#define QUIZ_ONLY CMD_BIT(CMD_QUIZ)

const struct cli_command cli_commands[CMD_COUNT] = {
	[CMD_LIST] = { "list", cmd_list, CMD_NEEDS_LOAD | CMD_NOTES_LOAD, "list",
		       "every topic: id, kind and title", { ARG_NONE }, false, NULL },
	[CMD_SHOW] = { "show", cmd_show, CMD_NEEDS_LOAD | CMD_NOTES_LOAD, "show TOPIC [SECTION]",
		       "a card, or one section of it, as wrapped text", { ARG_TOPIC, ARG_SECTION }, false, NULL },
	[CMD_SEARCH] = { "search", cmd_search, CMD_NEEDS_LOAD | CMD_NOTES_LOAD, "search WORDS...",
			 "every card that mentions the words", { ARG_NONE }, false, NULL },
	[CMD_CHECK] = { "check", cmd_check, 0, "check [PATH]...",
			"validate cards and packs (default: everything loaded)", { ARG_PATH }, true, NULL },
	[CMD_PACKS] = { "packs", cmd_packs, CMD_NEEDS_LOAD, "packs",
			"the loaded packs, their versions and where they came from", { ARG_NONE }, false, NULL },
	[CMD_COMPARE] = { "compare", cmd_compare, CMD_NEEDS_LOAD | CMD_NOTES_LOAD,
			  "compare TOPIC TOPIC [TOPIC [TOPIC]]", "2 to 4 topics side by side, one row per fact",
			  { ARG_TOPIC }, true, NULL },
	[CMD_STATS] = { "stats", cmd_stats, CMD_NEEDS_LOAD | CMD_NOTES_LOAD | CMD_NEEDS_PROGRESS, "stats",
			"due questions, answers per day, true retention,\n"
			"each topic's recall (weakest first), the workload of\n"
			"each desired retention and the plan to the exam date",
			{ ARG_NONE }, false, NULL },
	[CMD_CONFUSIONS] = { "confusions", cmd_confusions, CMD_NEEDS_LOAD | CMD_NOTES_LOAD | CMD_NEEDS_PROGRESS,
			     "confusions",
			     "the topics you mix up (a wrong answer that chose\n"
			     "another topic's answer), strongest first, with the\n"
			     "commands to compare them and drill the difference",
			     { ARG_NONE }, false, NULL },
	[CMD_QUIZ] = { "quiz", cmd_quiz, CMD_NEEDS_LOAD | CMD_NOTES_LOAD | CMD_NEEDS_PROGRESS, "quiz",
		       "questions, answered by letter or number from standard\n"
		       "input (x: I don't know); progress is saved as you go",
		       { ARG_NONE }, false, NULL },
	[CMD_PROGRESS] = { "progress", cmd_progress, CMD_NEEDS_LOAD | CMD_NEEDS_PROGRESS,
			   "progress export|merge FILE|reset",
			   "the review log as CSV (--format db -o FILE: a\n"
			   "consistent copy of the database, for a stick); add\n"
			   "another machine's progress.db or CSV; delete all\n"
			   "progress (asks first)",
			   { ARG_WORD, ARG_PATH }, false, "export merge reset" },
	[CMD_IMPORT] = { "import", cmd_import, 0, "import FILE -o DIR",
			 "an Anki text export or a CSV/TSV of questions as a new\n"
			 "folder of cards (load it with --content DIR)",
			 { ARG_PATH }, false, NULL },
	[CMD_EXPORT] = { "export", cmd_export, CMD_NEEDS_LOAD | CMD_NOTES_LOAD,
			 "export --format anki|md|html|json [-o FILE] [TOPIC]...",
			 "the cards for other tools: anki, a deck Anki imports\n"
			 "(one note per quiz question, updated on re-import);\n"
			 "md or html, a printable handout with comparisons,\n"
			 "questions and answers; json, the cards as data.\n"
			 "TOPICs (ids or aliases) limit it to them and their\n"
			 "members.  The handout compares 2-4 TOPICs side by\n"
			 "side, one TOPIC with its compare_with cards, else\n"
			 "each explainer's set",
			 { ARG_TOPIC }, true, NULL },
	[CMD_FSRS] = { "fsrs", cmd_fsrs, CMD_NEEDS_PROGRESS, "fsrs fit|reset",
		       "fit the scheduler to your reviews (asks before\n"
		       "saving); back to the default parameters",
		       { ARG_WORD }, false, "fit reset" },
	[CMD_CACHE] = { "cache", cmd_cache, 0, "cache clear",
			"remove the compiled copies of packs that make large\n"
			"packs open fast (they are rebuilt when next needed)",
			{ ARG_WORD }, false, "clear" },
	[CMD_EXAM] = { "exam", cmd_exam, CMD_NEEDS_PROGRESS, "exam [set YYYY-MM-DD|clear]",
		       "this profile's exam date: Review also asks what would\n"
		       "be below your retention on the day, stats plans the\n"
		       "days until it, quiz --mode cram asks what is most at risk",
		       { ARG_WORD }, false, "set clear" },
	[CMD_START] = { "start", cmd_start, CMD_NEEDS_LOAD | CMD_PROMPT_ONLY, "start", "the start card",
			{ ARG_NONE }, false, NULL },
	[CMD_HELP] = { "help", cmd_help, CMD_PROMPT_ONLY, "help [COMMAND]",
		       "this list, or one command and its options", { ARG_COMMAND }, false, NULL },
	[CMD_QUIT] = { "quit", NULL, CMD_PROMPT_ONLY, "quit", "leave (end of input does the same)", { ARG_NONE },
		       false, NULL },
};

const struct cli_option cli_options_table[] = {
	{ OPT_CONTENT, "content", 0, "DIR", 0, OPT_STARTUP,
	  "load the pack (or folder of cards) in DIR first;\nmay be given more than once", NULL },
	{ OPT_NO_DEFAULT_PACKS, "no-default-packs", 0, NULL, 0, OPT_STARTUP, "load only the --content folders",
	  NULL },
	{ OPT_NO_CACHE, "no-cache", 0, NULL, 0, OPT_STARTUP,
	  "parse every pack's cards, neither using nor writing\nthe pack cache", NULL },
	{ OPT_PLAIN, "plain", 0, NULL, 0, OPT_STARTUP, "line mode, even on a capable terminal", NULL },
	{ OPT_NO_COLOR, "no-color", 0, NULL, 0, OPT_STARTUP, "no colours (also: NO_COLOR set and non-empty)",
	  NULL },
	{ OPT_NO_COLOR, "no-colour", 0, NULL, 0, OPT_STARTUP | OPT_ALIAS, NULL, NULL },
	{ OPT_NO_MOUSE, "no-mouse", 0, NULL, 0, OPT_STARTUP, "leave the mouse to the terminal (copy and paste)",
	  NULL },
	{ OPT_WIDTH, "width", 0, "N", 0, 0, "wrap line-mode output at N columns", NULL },
	{ OPT_STRICT, "strict", 0, NULL, CMD_BIT(CMD_CHECK), 0, "with check: warnings count as errors", NULL },
	{ OPT_PROFILE, "profile", 0, "NAME", 0, 0, "keep progress in progress-NAME.db (shared logins)", NULL },
	{ OPT_FORMAT, "format", 0, "FORMAT", CMD_BIT(CMD_COMPARE) | CMD_BIT(CMD_EXPORT) | CMD_BIT(CMD_PROGRESS), 0,
	  "with compare: text (a table, the default), linear,\nmd or tsv; with export (required): anki, md, html or\n"
	  "json; with progress export: csv (the default) or db",
	  NULL },
	{ OPT_OUTPUT, "output", 'o', "FILE", CMD_BIT(CMD_EXPORT) | CMD_BIT(CMD_PROGRESS) | CMD_BIT(CMD_IMPORT), 0,
	  "with export: write FILE (all or nothing) instead of\nstandard output; with progress export --format db:\n"
	  "the copy; with import: the new folder of cards",
	  NULL },
	{ OPT_DIFF_ONLY, "diff-only", 0, NULL, CMD_BIT(CMD_COMPARE), 0, "with compare: only the facts that differ",
	  NULL },
	{ OPT_MODE, "mode", 0, "MODE", QUIZ_ONLY, 0,
	  "with quiz: practice (default), review, exam; cram\n(what is most at risk on the exam date; no schedule\nchanges); mistakes (drill today's wrong answers),\n"
	  "mistakes-week (the last 7 days), weakest (the 3\nweakest topics)",
	  "practice review exam cram mistakes mistakes-week weakest" },
	{ OPT_TOPIC, "topic", 0, "ID", QUIZ_ONLY, 0, "with quiz: only this topic (and its members); repeatable",
	  NULL },
	{ OPT_CONTRAST, "contrast", 0, "A,B", QUIZ_ONLY, 0,
	  "with quiz: a contrast drill: the questions of topics A\nand B whose answers differ between them", NULL },
	{ OPT_COUNT, "count", 0, "N", QUIZ_ONLY, 0, "with quiz: at most N questions (exam default 20)", NULL },
	{ OPT_MINUTES, "minutes", 0, "M", QUIZ_ONLY, 0, "with quiz --mode exam: a time limit", NULL },
	{ OPT_SEED, "seed", 0, "N", QUIZ_ONLY, 0, "with quiz: repeatable question and choice order", NULL },
	{ OPT_TYPE, "type", 0, "TYPE", QUIZ_ONLY, 0,
	  "with quiz: only questions of this type: single,\nmulti, true-false, typed, cloze or case",
	  "single multi true-false typed cloze case" },
	{ OPT_YES, "yes", 0, NULL, CMD_BIT(CMD_PROGRESS) | CMD_BIT(CMD_FSRS), 0,
	  "with progress reset, with fsrs fit: do not ask", NULL },
	{ OPT_LOG, "log", 0, "FILE.csv", CMD_BIT(CMD_FSRS), 0, "with fsrs fit: fit this fsrs-rs revlog CSV instead",
	  NULL },
	{ OPT_ROLLOVER, "rollover", 0, "H", CMD_BIT(CMD_FSRS), 0, "with fsrs fit --log: days start at H o'clock (4)",
	  NULL },
	{ OPT_TZ, "tz", 0, "+HH:MM", CMD_BIT(CMD_FSRS), 0, "with fsrs fit --log: the log's UTC offset (+00:00)",
	  NULL },
	{ OPT_JSON, "json", 0, NULL, CMD_BIT(CMD_FSRS), 0, "with fsrs fit: one JSON object", NULL },
	{ OPT_HELP, "help", 'h', NULL, 0, 0, "show this help and exit", NULL },
	{ OPT_VERSION, "version", 'V', NULL, 0, 0, "show the version and the loaded packs, and exit", NULL },
};

const size_t cli_noptions = sizeof cli_options_table / sizeof *cli_options_table;

const struct cli_command *cli_command_find(const char *name)
{
	for (size_t i = 0; i < CMD_COUNT; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

const struct cli_option *cli_option_get(enum cli_option_id id)
{
	for (size_t i = 0; i < cli_noptions; i++)
		if (cli_options_table[i].id == id)
			return &cli_options_table[i];
	return NULL;
}

/* --- help ------------------------------------------------------------------ */

#define HELP_COLUMN 27

/* "  LEFT      first line of text", then the text's other lines under it;
 * a LEFT too wide for its column gets a line of its own. */
static void help_entry(FILE *out, const char *left, const char *text)
{
	int width = fprintf(out, "%s", left);
	if (width >= HELP_COLUMN - 1) {
		fputc('\n', out);
		width = 0;
	}
	for (const char *line = text; line;) {
		const char *end = strchr(line, '\n');
		int len = end ? (int)(end - line) : (int)strlen(line);
		fprintf(out, "%*s%.*s\n", HELP_COLUMN - width, "", len, line);
		width = 0;
		line = end ? end + 1 : NULL;
	}
}

static void help_commands(FILE *out, bool at_prompt)
{
	for (size_t i = 0; i < CMD_COUNT; i++) {
		const struct cli_command *c = &cli_commands[i];
		if (!at_prompt && (c->flags & CMD_PROMPT_ONLY))
			continue;
		if (at_prompt && i == CMD_START)
			help_entry(out, "  TOPIC", "the same as show TOPIC");
		char left[128];
		snprintf(left, sizeof left, "  %s", c->synopsis);
		help_entry(out, left, c->help);
	}
}

static void help_option(FILE *out, const struct cli_option *o)
{
	char left[128];
	if (o->short_name)
		snprintf(left, sizeof left, "  -%c, --%s%s%s", o->short_name, o->name, o->arg ? " " : "",
			 o->arg ? o->arg : "");
	else
		snprintf(left, sizeof left, "      --%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
	help_entry(out, left, o->help);
}

void cli_print_usage(FILE *out)
{
	fputs("Usage: rxplore [OPTION]... [COMMAND [ARG]...]\n"
	      "Explore pharmacology topic cards: is baclofen a benzodiazepine?\n"
	      "\n"
	      "With no command, rxplore opens its terminal interface (or a line-mode prompt\n"
	      "when the terminal cannot be driven, or with --plain).\n"
	      "\n"
	      "Commands:\n",
	      out);
	help_commands(out, false);
	fputs("\nOptions:\n", out);
	for (size_t i = 0; i < cli_noptions; i++)
		if (!(cli_options_table[i].flags & OPT_ALIAS))
			help_option(out, &cli_options_table[i]);
	fputs("\n"
	      "Exit status: 0 success, 1 a problem with the content or a topic, 2 a usage error.\n"
	      "rxplore is for education, not treatment decisions. Its cards are drafts until a\n"
	      "named pharmacist or physician has reviewed them.\n",
	      out);
}

void cli_print_prompt_help(FILE *out, const struct cli_command *command)
{
	if (!command) {
		fputs("Commands:\n", out);
		help_commands(out, true);
		fputs("Options go after the command, as on the command line: quiz --mode review.\n"
		      "Sections: summary, mechanism, uses, side-effects, dependence, confusion,\n"
		      "interactions, safety, pharmacokinetics, diagram, facts, sources (a prefix is enough).\n"
		      "Tab completes commands, topics and options; Up and Down recall earlier lines.\n" RX_DISCLAIMER
		      "\n",
		      out);
		return;
	}
	char left[128];
	snprintf(left, sizeof left, "  %s", command->synopsis);
	help_entry(out, left, command->help);
	unsigned bit = CMD_BIT(command - cli_commands);
	bool any = false;
	for (size_t i = 0; i < cli_noptions; i++) {
		const struct cli_option *o = &cli_options_table[i];
		if (!(o->commands & bit) || (o->flags & OPT_ALIAS))
			continue;
		if (!any)
			fputs("Options:\n", out);
		any = true;
		help_option(out, o);
	}
}

/* "--a", "--a and --b", "--a, --b and --c": the options that share option's
 * commands, or the command names, into buf. */
static void join_and(char *buf, size_t size, const char *const *words, size_t n)
{
	size_t at = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && at < size; i++) {
		const char *sep = i == 0 ? "" : i + 1 == n ? " and " : ", ";
		int w = snprintf(buf + at, size - at, "%s%s", sep, words[i]);
		at += w > 0 ? (size_t)w : 0;
	}
}

int cli_option_misplaced(const struct cli_option *option)
{
	char names[OPT_ID_COUNT][32];
	const char *options[OPT_ID_COUNT], *commands[CMD_COUNT];
	size_t noptions = 0, ncommands = 0;
	for (size_t i = 0; i < cli_noptions && noptions < OPT_ID_COUNT; i++) {
		const struct cli_option *o = &cli_options_table[i];
		if (o->commands != option->commands || (o->flags & OPT_ALIAS))
			continue;
		if (o->short_name)
			snprintf(names[noptions], sizeof names[noptions], "-%c", o->short_name);
		else
			snprintf(names[noptions], sizeof names[noptions], "--%s", o->name);
		options[noptions] = names[noptions];
		noptions++;
	}
	for (size_t i = 0; i < CMD_COUNT; i++)
		if (option->commands & CMD_BIT(i))
			commands[ncommands++] = cli_commands[i].name;
	char who[256], where[128];
	join_and(who, sizeof who, options, noptions);
	join_and(where, sizeof where, commands, ncommands);
	return cli_usage("%s go%s with the %s command%s", who, noptions == 1 ? "es" : "", where,
			 ncommands == 1 ? "" : "s");
}
