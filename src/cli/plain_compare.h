/* plain_compare — the comparison table in line mode: a box table fitted to a
 * width, GitHub-flavoured Markdown, or tab-separated values; and the
 * `rxplore compare` command that prints it.  No curses. */
#ifndef RXPLORE_PLAIN_COMPARE_H
#define RXPLORE_PLAIN_COMPARE_H

#include <stdbool.h>
#include <stdio.h>

#include "cli.h"
#include "compare.h"

enum plain_compare_format { PLAIN_COMPARE_TEXT, PLAIN_COMPARE_MD, PLAIN_COMPARE_TSV, PLAIN_COMPARE_LINEAR };

/* "text", "md" (or "markdown"), "tsv", "linear"; -1 when unknown. */
int plain_compare_format_parse(const char *name);

/* Writes table in format.  utf8: box-drawing characters and "≠" (else ASCII
 * "+-|" and "*"); width: the text table's width (also wraps the notes under
 * it).  The text and Markdown forms end with a legend for the marker and the
 * education note (with the draft note when a card is a draft). */
void plain_compare(FILE *out, struct compare_table *table, enum plain_compare_format format, int width,
		   bool utf8);

/* `rxplore compare TOPIC TOPIC [TOPIC [TOPIC]]`: format may be NULL (text).
 * Returns an exit status (cli.h). */
int cli_compare(struct cli *cli, char **args, int nargs, const char *format, bool diff_only);

#endif
