/* commands — the one table of rxplore's commands and options.  It drives the
 * command line (parsing, the "goes with" checks, dispatch), `--help`, the
 * line-mode prompt (the same commands, its help and tab completion) and is
 * checked against the bash completion and the manual page by
 * tests/unit/test_commands.c.  To add a command, see doc/HACKING.md. */
#ifndef RXPLORE_COMMANDS_H
#define RXPLORE_COMMANDS_H

#include <stdbool.h>
#include <stdio.h>

#include "cli.h"
#include "cli_fsrs.h"
#include "cli_quiz.h"

/* Every command, in the order --help lists them.  The prompt-only commands
 * come last. */
enum cli_command_id {
	CMD_LIST,
	CMD_SHOW,
	CMD_SEARCH,
	CMD_CHECK,
	CMD_PACKS,
	CMD_COMPARE,
	CMD_STATS,
	CMD_CONFUSIONS,
	CMD_QUIZ,
	CMD_PROGRESS,
	CMD_IMPORT,
	CMD_EXPORT,
	CMD_FSRS,
	CMD_CACHE,
	CMD_EXAM,
	CMD_START,
	CMD_HELP,
	CMD_QUIT,
	CMD_COUNT
};

/* What a command needs done before it runs, and where it exists. */
enum cli_command_flag {
	CMD_NEEDS_LOAD = 1 << 0,	/* the content is loaded first */
	CMD_NOTES_LOAD = 1 << 1,	/* says on stderr when cards were rejected */
	CMD_NEEDS_PROGRESS = 1 << 2,	/* uses the progress database: --profile is checked first */
	CMD_PROMPT_ONLY = 1 << 3,	/* only at the rxplore> prompt */
};

/* What a command's arguments are, for tab completion at the prompt. */
enum cli_arg_kind { ARG_NONE, ARG_TOPIC, ARG_SECTION, ARG_WORD, ARG_PATH, ARG_COMMAND };

struct cli_request;

struct cli_command {
	const char *name;
	int (*run)(struct cli *cli, const struct cli_request *request);
	unsigned flags;
	const char *synopsis;	/* "show TOPIC [SECTION]" */
	const char *help;	/* one or more lines, '\n' between them */
	/* The kinds of the first arguments; the last one given repeats when
	 * repeat is set.  words: the fixed words an ARG_WORD takes. */
	enum cli_arg_kind args[2];
	bool repeat;
	const char *words;
};

/* Every option. */
enum cli_option_id {
	OPT_CONTENT,
	OPT_NO_DEFAULT_PACKS,
	OPT_NO_CACHE,
	OPT_PLAIN,
	OPT_NO_COLOR,
	OPT_NO_MOUSE,
	OPT_WIDTH,
	OPT_STRICT,
	OPT_PROFILE,
	OPT_FORMAT,
	OPT_OUTPUT,
	OPT_DIFF_ONLY,
	OPT_MODE,
	OPT_TOPIC,
	OPT_CONTRAST,
	OPT_COUNT,
	OPT_MINUTES,
	OPT_SEED,
	OPT_TYPE,
	OPT_YES,
	OPT_LOG,
	OPT_ROLLOVER,
	OPT_TZ,
	OPT_JSON,
	OPT_HELP,
	OPT_VERSION,
	OPT_ID_COUNT
};

#define CMD_BIT(id) (1u << (id))

enum cli_option_flag {
	OPT_STARTUP = 1 << 0,	/* only on rxplore's own command line, not at the prompt */
	OPT_ALIAS = 1 << 1,	/* another spelling: not in --help */
};

struct cli_option {
	enum cli_option_id id;
	const char *name;	/* long name, without the dashes */
	char short_name;	/* 0: none */
	const char *arg;	/* the value's name in --help; NULL: takes none */
	unsigned commands;	/* CMD_BIT()s of the commands it goes with; 0: every one */
	unsigned flags;
	const char *help;	/* '\n' between lines */
	const char *values;	/* the words its value may be, for completion; NULL: any */
};

extern const struct cli_command cli_commands[CMD_COUNT];
extern const struct cli_option cli_options_table[];
extern const size_t cli_noptions;

/* The command named name (exactly), or NULL. */
const struct cli_command *cli_command_find(const char *name);

/* One parsed command line: argv, or a line typed at the prompt. */
struct cli_request {
	const struct cli_command *command;	/* NULL: none given */
	char **args;				/* the command's arguments, without its name */
	int nargs;
	bool help, version;
	unsigned given;				/* 1 << enum cli_option_id, for each option given */
	struct cli_options options;		/* the options every command shares */
	const char *format, *output;
	bool diff_only;
	struct cli_quiz_options quiz;
	struct cli_fsrs_options fsrs;
};

/* Parses words[0..nwords) (without the program name) into request, starting
 * from the options in base.  Options may come before or after the command.
 * Re-entrant: no global state.  Returns EXIT_OK, or EXIT_USAGE after the
 * usage message.  at_prompt rejects the OPT_STARTUP options and the commands
 * that are not prompt commands the other way round.  Release with
 * cli_request_release() whatever it returned. */
int cli_request_parse(struct cli_request *request, const struct cli_options *base, char **words, int nwords,
		      bool at_prompt);
void cli_request_release(struct cli_request *request);

/* --help: the usage text, generated from the tables. */
void cli_print_usage(FILE *out);
/* The prompt's help: its commands, or one command and its options. */
void cli_print_prompt_help(FILE *out, const struct cli_command *command);

/* "--mode, --topic, ... go with the quiz command": the usage error for an
 * option given with a command it does not go with. */
int cli_option_misplaced(const struct cli_option *option);

/* The option with this id (its main spelling). */
const struct cli_option *cli_option_get(enum cli_option_id id);

/* The handlers (commands_run.c); each checks its own arguments. */
int cmd_list(struct cli *cli, const struct cli_request *request);
int cmd_show(struct cli *cli, const struct cli_request *request);
int cmd_search(struct cli *cli, const struct cli_request *request);
int cmd_check(struct cli *cli, const struct cli_request *request);
int cmd_packs(struct cli *cli, const struct cli_request *request);
int cmd_compare(struct cli *cli, const struct cli_request *request);
int cmd_stats(struct cli *cli, const struct cli_request *request);
int cmd_confusions(struct cli *cli, const struct cli_request *request);
int cmd_quiz(struct cli *cli, const struct cli_request *request);
int cmd_progress(struct cli *cli, const struct cli_request *request);
int cmd_export(struct cli *cli, const struct cli_request *request);
int cmd_fsrs(struct cli *cli, const struct cli_request *request);
int cmd_exam(struct cli *cli, const struct cli_request *request);
int cmd_import(struct cli *cli, const struct cli_request *request);
int cmd_cache(struct cli *cli, const struct cli_request *request);
int cmd_start(struct cli *cli, const struct cli_request *request);
int cmd_help(struct cli *cli, const struct cli_request *request);
/* quit is the prompt's own: its handler is NULL. */

/* --version: the version and the loaded packs. */
void cli_print_version(const struct cli *cli);

/* Runs a parsed request: the "goes with" checks, loading, then the
 * command's handler (or, with no command, the interactive modes).  At the
 * prompt the content is already loaded.  Returns the exit status. */
int cli_dispatch(struct cli *cli, const struct cli_request *request, bool at_prompt);

#endif
