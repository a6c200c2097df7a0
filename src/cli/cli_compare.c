/* cli_compare — `rxplore compare`: see src/plain_compare.h. */
#include <stdio.h>

#include "plain.h"
#include "plain_compare.h"

int cli_compare(struct cli *cli, char **args, int nargs, const char *format_name, bool diff_only)
{
	/* --plain is the screen reader's mode: a grid read cell by cell is
	 * fragments, so the comparison reads one fact at a time there. */
	int format = format_name			? plain_compare_format_parse(format_name)
		     : cli->options.plain		? PLAIN_COMPARE_LINEAR
							: PLAIN_COMPARE_TEXT;
	if (format < 0)
		return cli_usage("--format takes text, linear, md or tsv, not '%s'", format_name);
	if (nargs < COMPARE_MIN_CARDS || nargs > COMPARE_MAX_CARDS)
		return cli_usage("compare needs 2 to 4 TOPICs");
	const struct card *cards[COMPARE_MAX_CARDS];
	for (int i = 0; i < nargs; i++) {
		cards[i] = cli_topic(cli, args[i]);
		if (!cards[i])
			return EXIT_PROBLEM;
	}
	struct compare_table table;
	int rc = compare_build(&table, &cli->library, cards, (size_t)nargs);
	if (rc == COMPARE_SAME_TWICE) {
		compare_release(&table);
		return cli_usage("compare needs different TOPICs (one is named twice)");
	}
	if (rc != COMPARE_OK) {
		compare_release(&table);
		fprintf(stderr, "rxplore: %s\n", compare_strerror(rc));
		return EXIT_PROBLEM;
	}
	bool utf8 = plain_utf8();
	table.diff_only = diff_only;
	table.empty = utf8 ? table.empty : "-";
	plain_compare(stdout, &table, (enum plain_compare_format)format, cli_width(cli), utf8);
	compare_release(&table);
	return EXIT_OK;
}
