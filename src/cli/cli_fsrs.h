/* cli_fsrs — `rxplore fsrs fit|reset` (src/cli/cli_fsrs.c). */
#ifndef RXPLORE_CLI_FSRS_H
#define RXPLORE_CLI_FSRS_H

#include <stdbool.h>

#include "cli.h"

struct cli_fsrs_options {
	const char *log;	/* --log FILE.csv: fit this revlog instead of the profile's */
	const char *rollover;	/* --rollover H (with --log) */
	const char *tz;		/* --tz ±HH:MM (with --log) */
	bool json;		/* --json: one object on stdout */
	bool yes;		/* --yes: save without asking */
	bool any;		/* one of them was given */
};

int cli_fsrs(struct cli *cli, const struct cli_fsrs_options *options, char **args, int nargs);

#endif
