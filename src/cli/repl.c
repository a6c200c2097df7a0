/* repl — the rxplore> prompt (see repl.h).  Every answer is plain text ending
 * in a newline, with no cursor movement of rxplore's own, so speech and
 * braille output follow it line by line; libedit does the editing of the
 * line being typed, on a terminal only. */
#include "repl.h"

#include <errno.h>
#include <histedit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "paths.h"
#include "plain.h"

#define REPL_PROMPT "rxplore> "
#define REPL_MAX_WORDS 256
#define REPL_HISTORY_SIZE 1000

/* --- one line ----------------------------------------------------------------- */

/* Runs one line typed at the prompt; false when it asks to quit. */
static bool run_line(struct cli *cli, char *line)
{
	char *words[REPL_MAX_WORDS + 1];
	int n = repl_split(line, words + 1, REPL_MAX_WORDS);
	if (n < 0) {
		cli_usage("%s", "a quote is not closed, or the line has too many words");
		return true;
	}
	if (n == 0)
		return true;
	char **argv = words + 1;
	/* rxplore's own hints name commands as a shell takes them ("Drill:
	 * rxplore quiz --contrast a,b"); a line copied from one works here too. */
	if (n > 1 && strcmp(argv[0], "rxplore") == 0) {
		argv++;
		n--;
	}
	if (strcmp(argv[0], "exit") == 0 || strcmp(argv[0], "q") == 0)
		return false;
	if (strcmp(argv[0], "?") == 0)
		argv[0] = "help";
	if (argv[0][0] != '-' && !cli_command_find(argv[0])) {
		if (!library_find(&cli->library, argv[0])) {
			printf("Unknown command '%s'. Type help for the list.\n", argv[0]);
			return true;
		}
		/* A topic's name alone is the most natural thing to type. */
		*--argv = "show";
		n++;
	}
	struct cli_request request;
	bool quit = false;
	if (cli_request_parse(&request, &cli->options, argv, n, true) == EXIT_OK) {
		quit = request.command == &cli_commands[CMD_QUIT];
		if (!quit) {
			struct cli_options kept = cli->options;
			cli->options = request.options;	/* --width and --profile, for this line */
			cli_dispatch(cli, &request, true);
			cli->options = kept;
		}
	}
	cli_request_release(&request);
	return !quit;
}

/* --- libedit ------------------------------------------------------------------ */

struct completion {
	char words[64][128];
	size_t count, total;
};

static void collect(const char *word, void *ctx)
{
	struct completion *c = ctx;
	c->total++;
	if (c->count < sizeof c->words / sizeof *c->words)
		snprintf(c->words[c->count++], sizeof c->words[0], "%s", word);
}

static char *prompt(EditLine *el)
{
	(void)el;
	static char text[] = REPL_PROMPT;
	return text;
}

/* Tab: completes the word left of the cursor as far as the candidates
 * agree; when they agree no further, lists them. */
static unsigned char complete(EditLine *el, int ch)
{
	(void)ch;
	struct cli *cli = NULL;
	el_get(el, EL_CLIENTDATA, &cli);
	const LineInfo *li = el_line(el);
	char before[1024];
	size_t len = (size_t)(li->cursor - li->buffer);
	if (!cli || len >= sizeof before)
		return CC_ERROR;
	memcpy(before, li->buffer, len);
	before[len] = '\0';
	size_t start = len;
	while (start > 0 && before[start - 1] != ' ' && before[start - 1] != '\t')
		start--;
	struct completion c = { .count = 0 };
	repl_complete(&cli->library, before, collect, &c);
	if (c.count == 0)
		return CC_ERROR;
	size_t common = strlen(c.words[0]);
	for (size_t i = 1; i < c.count; i++)
		for (size_t k = 0; k < common; k++)
			if (c.words[i][k] != c.words[0][k]) {
				common = k;
				break;
			}
	size_t typed = len - start;
	if (c.count == 1) {
		char add[130];
		snprintf(add, sizeof add, "%s ", c.words[0] + typed);
		return el_insertstr(el, add) == 0 ? CC_REFRESH : CC_ERROR;
	}
	if (common > typed) {
		char add[128];
		snprintf(add, sizeof add, "%.*s", (int)(common - typed), c.words[0] + typed);
		return el_insertstr(el, add) == 0 ? CC_REFRESH : CC_ERROR;
	}
	/* One candidate a line: a screen reader reads them as a list. */
	fputc('\n', stdout);
	for (size_t i = 0; i < c.count; i++)
		printf("%s\n", c.words[i]);
	if (c.total > c.count)
		printf("(and %zu more)\n", c.total - c.count);
	fflush(stdout);
	return CC_REDISPLAY;
}

struct editor {
	EditLine *el;
	History *history;
	char history_path[4096];
	bool saving;		/* the history file can be written */
};

static bool editor_open(struct editor *e, struct cli *cli)
{
	HistEvent ev;
	memset(e, 0, sizeof *e);
	e->el = el_init("rxplore", stdin, stdout, stderr);
	e->history = history_init();
	if (!e->el || !e->history)
		return false;
	history(e->history, &ev, H_SETSIZE, REPL_HISTORY_SIZE);
	history(e->history, &ev, H_SETUNIQUE, 1);
	if (paths_history_file(e->history_path, sizeof e->history_path)) {
		history(e->history, &ev, H_LOAD, e->history_path);
		e->saving = true;
	}
	el_set(e->el, EL_EDITOR, "emacs");
	el_set(e->el, EL_SIGNAL, 1);
	el_set(e->el, EL_PROMPT, prompt);
	el_set(e->el, EL_HIST, history, e->history);
	el_set(e->el, EL_CLIENTDATA, cli);
	el_set(e->el, EL_ADDFN, "rx-complete", "Complete a command, topic or option", complete);
	el_set(e->el, EL_BIND, "^I", "rx-complete", NULL);
	el_source(e->el, NULL);	/* the user's ~/.editrc, as every libedit program reads it */
	return true;
}

static void editor_remember(struct editor *e, const char *line)
{
	HistEvent ev;
	if (line[strspn(line, " \t\r\n")] == '\0')
		return;
	history(e->history, &ev, H_ENTER, line);
	if (!e->saving)
		return;
	paths_make_parent(e->history_path);	/* a failure shows in the save */
	/* One failure is reported; the session goes on without saving. */
	if (history(e->history, &ev, H_SAVE, e->history_path) < 0) {
		fprintf(stderr, "rxplore: warning: cannot save the history in %s: %s\n", e->history_path,
			strerror(errno));
		e->saving = false;
	}
}

static void editor_close(struct editor *e)
{
	if (e->el)
		el_end(e->el);
	if (e->history)
		history_end(e->history);
}

/* --- the loop ------------------------------------------------------------------ */

static void banner(const struct cli *cli)
{
	plain_wrap(stdout, "rxplore line mode. Type help for commands, quit to leave. " RX_DISCLAIMER, cli_width(cli),
		   0, false);
}

static int repl_terminal(struct cli *cli)
{
	struct editor e;
	if (!editor_open(&e, cli)) {
		editor_close(&e);
		fprintf(stderr, "rxplore: out of memory\n");
		return EXIT_PROBLEM;
	}
	banner(cli);
	const char *got;
	int count;
	for (;;) {
		if (fflush(stdout) != 0 || ferror(stdout))
			break;	/* the output is gone: nobody reads the answers */
		if (!(got = el_gets(e.el, &count)) || count <= 0) {
			fputc('\n', stdout);
			break;
		}
		char *line = strdup(got);
		if (!line)
			break;
		size_t len = strcspn(line, "\r\n");
		while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
			len--;	/* the blank Tab adds after a word */
		line[len] = '\0';
		editor_remember(&e, line);
		bool more = run_line(cli, line);
		free(line);
		if (!more)
			break;
	}
	editor_close(&e);
	return EXIT_OK;
}

/* Plain lines from a pipe or a file, each echoed after the prompt. */
static int repl_lines(struct cli *cli)
{
	char *line = NULL;
	size_t size = 0;
	bool first = true;
	for (;;) {
		if (fflush(stdout) != 0 || ferror(stdout))
			break;
		ssize_t len = getline(&line, &size, stdin);
		if (len < 0) {
			if (!first)
				fputs(REPL_PROMPT "\n", stdout);
			break;
		}
		if (first)
			banner(cli);
		first = false;
		line[strcspn(line, "\r\n")] = '\0';
		printf(REPL_PROMPT "%s\n", line);
		if (!run_line(cli, line))
			break;
	}
	free(line);
	if (first) {
		/* No input at all (rxplore < /dev/null): the start card. */
		int status = cmd_start(cli, &(struct cli_request){ 0 });
		if (status == EXIT_OK)
			printf("\nMore: 'rxplore list', 'rxplore show TOPIC [SECTION]', 'rxplore search WORDS', "
			       "'rxplore --help'.\n");
		return status;
	}
	return EXIT_OK;
}

int cli_repl(struct cli *cli, bool terminal)
{
	/* Messages on stderr come in order with the answers on stdout. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	cli_set_usage_hint("Type help for the commands, help COMMAND for one of them.");
	return terminal ? repl_terminal(cli) : repl_lines(cli);
}
