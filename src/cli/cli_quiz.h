/* cli_quiz — `rxplore quiz` and `rxplore progress` in line mode. */
#ifndef RXPLORE_CLI_QUIZ_H
#define RXPLORE_CLI_QUIZ_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

#define CLI_MAX_TOPICS 64

/* The quiz options, as main() parsed them (-1 / NULL: not given). */
struct cli_quiz_options {
	const char *mode;
	const char *topics[CLI_MAX_TOPICS];
	size_t ntopics;
	const char *count, *minutes, *seed;
	bool yes;
	const char *format, *output;	/* with progress export: --format csv|db, -o FILE */
	bool any;	/* some quiz option was given (they go with quiz and progress only) */
};

int cli_quiz(struct cli *cli, const struct cli_quiz_options *options, char **args, int nargs);
int cli_progress(struct cli *cli, const struct cli_quiz_options *options, char **args, int nargs);

#endif
