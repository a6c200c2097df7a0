/* repl — the rxplore> prompt: the line-mode front-end for screen readers and
 * dumb terminals.  Every command of the command line works there, with the
 * same words (the command table drives both); on a terminal, libedit gives
 * line editing, a history kept across sessions and tab completion. */
#ifndef RXPLORE_REPL_H
#define RXPLORE_REPL_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

/* Runs the prompt until quit or the end of input; returns the exit status.
 * Without a terminal on standard input it reads plain lines, echoing each
 * after the prompt so that the output reads as a transcript; input with no
 * line at all prints the start card instead, as `rxplore < /dev/null` always
 * did. */
int cli_repl(struct cli *cli, bool terminal);

/* The words of line, split as a shell would: blanks separate words, 'single'
 * and "double" quotes keep blanks, a backslash keeps the next character
 * (inside double quotes only before " and \).  line is overwritten with the
 * words; words[] gets pointers into it.  Returns the number of words, or -1
 * when a quote is not closed or there are more than max words. */
int repl_split(char *line, char **words, int max);

/* Calls offer(word, ctx) for every word that may complete the last, partial
 * word of before (the text left of the cursor): command names and topic ids
 * first, then options, their values, topic ids, section names, subcommands,
 * as the command table says.  Words that do not start with the partial word
 * are not offered. */
void repl_complete(const struct library *library, const char *before, void (*offer)(const char *word, void *ctx),
		   void *ctx);

#endif
