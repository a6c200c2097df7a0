/* export_handout — the printable handout once, for every format that writes
 * one (export_md.c, export_html.c).
 *
 * export_handout() walks the handout in its order: the document's opening,
 * the title with the education notice and what the content is, each card
 * (heading, kind, names, review state, its sections, related topics, date
 * last checked), the comparisons, the numbered questions and at the end the
 * answer key.  What it writes between the parts comes from a struct
 * handout_format: the markup around each kind of block as strings, the
 * escaping of inline text, and the renderers of what really differs by
 * format (a section's body, a comparison table, a question, an answer).
 *
 * A new question type: its handout rendering goes in the question() and
 * answer() of each format (export_md.c, export_html.c); the walker numbers
 * the entries, opens and closes them, walks a case's parts and hands each
 * question its choice order.
 */
#ifndef RXPLORE_EXPORT_HANDOUT_H
#define RXPLORE_EXPORT_HANDOUT_H

#include <stdbool.h>
#include <stdio.h>

#include "compare.h"
#include "export.h"

struct handout_format {
	/* Inline text (a title, a name, a date), escaped for the format. */
	void (*text)(FILE *out, const char *s);

	/* The whole document: begin() may be NULL; end is written last. */
	void (*begin)(FILE *out, const struct export_set *set, const struct handout_format *format);
	const char *end;

	/* The handout's title (the topics' titles), then the education notice
	 * and the header's closing. */
	const char *title_open, *title_close, *notice, *header_close;
	/* What the answer key is called in the header's count ("answers"). */
	const char *answers_where;

	/* A paragraph of small print (what the content is, a card's kind and
	 * names, related topics), a line break inside it, a note inside one
	 * ("Reviewed by ..." in italics, or not), and a "Label: " lead. */
	const char *para_open, *para_close, *line_break, *note_open, *note_close;
	const char *label_open, *label_close;

	/* A card: its opening with its title, the draft notice, its closing. */
	const char *card_open, *card_title_close, *draft, *card_close;
	/* A heading under a card or a comparison (a section's title). */
	const char *heading_open, *heading_close;
	/* The body of one of a card's sections, under its heading. */
	void (*section)(FILE *out, const struct library *library, const struct card *card, enum section section);

	/* A part of the handout (name: "comparisons", "questions", "answers";
	 * list: its items are numbered by the format, the questions and the
	 * answers). */
	void (*part_open)(FILE *out, const char *name, const char *title, bool list);
	void (*part_close)(FILE *out, bool list);
	/* The title of the answer key's part. */
	const char *answers_title;

	/* Under a comparison's heading, around the title of the card it was
	 * chosen from (when it was), then the body: the table and its legend. */
	const char *from_open, *from_close;
	void (*comparison)(FILE *out, const struct compare_table *table);

	/* An entry of the questions or of the answer key: its opening, given
	 * its number (from 1) and, inside a case, the part's (from 1; 0 for the
	 * entry itself), and its closing. */
	void (*entry_open)(FILE *out, size_t number, size_t part);
	const char *entry_close;
	/* A question with its choices in order[], and its answer (never a
	 * case: the walker hands over its parts). */
	void (*question)(FILE *out, const struct quiz_question *q, const unsigned char *order);
	void (*answer)(FILE *out, const struct quiz_question *q, const unsigned char *order);
	/* A case's stem (answers: in the answer key), before its parts, and
	 * what closes the parts. */
	void (*case_stem)(FILE *out, const struct quiz_question *q, bool answers);
	const char *case_close;
};

/* Writes the handout of set in format; EXPORT_OK or an EXPORT_E* error. */
int export_handout(FILE *out, const struct export_set *set, const struct handout_format *format);

/* The handout's title: the export_title_part()s joined by ", ", escaped. */
void export_handout_title(FILE *out, const struct export_set *set, const struct handout_format *format);

#endif
