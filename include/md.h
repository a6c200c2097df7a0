/* md — Markdown output (CommonMark with GitHub tables), written once for
 * every Markdown rxplore makes: `export --format md` (export_md.c) and
 * `compare --format md` (the line mode).  Text is escaped so that nothing in
 * a card can turn into Markdown syntax or raw HTML; the writers put to the
 * FILE * they are given and never print anywhere else.
 */
#ifndef RXPLORE_MD_H
#define RXPLORE_MD_H

#include <stdio.h>

#include "compare.h"

/* Where text goes: a paragraph (line breaks become hard breaks, a backslash
 * at the end of the line), a table cell (line breaks become <br>) or one line
 * such as a heading (line breaks become spaces). */
enum md_context { MD_PARAGRAPH, MD_TABLE_CELL, MD_ONE_LINE };

/* Text inside Markdown: every character Markdown could read as syntax is
 * backslash-escaped (\ ` * _ [ ] < > | ~ and an & that could start an
 * entity), and in a paragraph whatever would start a block at the start of a
 * continuation line (# + - = "1."); tabs become spaces, other control
 * characters are dropped.  NULL writes nothing. */
void md_inline(FILE *out, const char *text, enum md_context context);

/* A prose section: paragraphs stay paragraphs, one-line breaks stay line
 * breaks, list items ("- ", "* ", "• ", "1. ", "1) ") become Markdown lists,
 * and anything at the start of a line that Markdown would read as a heading,
 * quote, rule or list is escaped. */
void md_prose(FILE *out, const char *text);

/* Preformatted text in a fence longer than any run of backticks inside it. */
void md_code_block(FILE *out, const char *text);

/* " text |": one table cell, escaped as MD_TABLE_CELL, and the bar after it
 * (a row starts with "|"). */
void md_cell(FILE *out, const char *text);

/* The comparison as a GitHub table: a "Fact" column, one column per card
 * headed by its title, the rows compare_row_shown() keeps, each row that
 * differs led by mark ("≠", or "\\*" where only ASCII will do), empty cells
 * as table->empty.  Every cell is escaped as MD_TABLE_CELL. */
void md_compare_table(FILE *out, const struct compare_table *table, const char *mark);

#endif
