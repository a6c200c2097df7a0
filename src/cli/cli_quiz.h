/* cli_quiz — `rxplore quiz` and `rxplore progress` in line mode. */
#ifndef RXPLORE_CLI_QUIZ_H
#define RXPLORE_CLI_QUIZ_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

#define CLI_MAX_TOPICS 64

/* The quiz options, as parsed (NULL: not given); the command table says
 * which command each goes with. */
struct cli_quiz_options {
	const char *mode;
	const char *topics[CLI_MAX_TOPICS];
	size_t ntopics;
	const char *contrast;	/* --contrast A,B */
	const char *count, *minutes, *seed, *type;
	bool yes;
	const char *format, *output;	/* with progress export: --format csv|db, -o FILE */
};

int cli_quiz(struct cli *cli, const struct cli_quiz_options *options, char **args, int nargs);
int cli_progress(struct cli *cli, const struct cli_quiz_options *options, char **args, int nargs);

#endif
