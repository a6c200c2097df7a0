/* import — your own questions as loose cards (`rxplore import FILE -o DIR`).
 *
 * Reads an Anki text export (its "#separator:", "#html:", "#columns:",
 * "#guid column:", "#tags column:", "#deck:" and "#deck column:" headers are
 * honoured; rxplore's own `export --format anki` is one) or a CSV/TSV whose
 * columns are question, answer(s), explanation, tags — or named by a header
 * row among id, question, answer, choices, explanation, tags and deck.
 *
 * A question's choices are the lines "a) ..." .. "f) ..." at the end of the
 * question field, or the lines (or " | "-separated items) of a choices
 * column; the answer names the right ones by letter ("b", "a,c"), by their
 * text, or is "true"/"false" for a true-or-false question.  HTML in a field
 * is reduced to text: tags stripped, <br> and block ends as line breaks,
 * entities decoded.  Questions are grouped into one card per tag (the first
 * one; rxplore's "rxplore::card::ID" tag names the card), else per deck,
 * else one card named after the file.  Every question keeps a stable id: the
 * file's guid or id when it is a valid question id, else one derived from it
 * or from the card and question text.  Rows that cannot make a question get
 * "FILE:LINE: error: ..." and are skipped.  Library code: never prints.
 */
#ifndef RXPLORE_IMPORT_H
#define RXPLORE_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "card.h"
#include "diag.h"

struct import_question {
	char *id, *ask, *explain;	/* explain may be NULL */
	char *choices[QUESTION_MAX_CHOICES];	/* none for true/false */
	size_t nchoices;
	bool correct[QUESTION_MAX_CHOICES];
	bool select_all;		/* "select all that apply", even with one right choice */
	int truth;			/* true/false question: 1 or 0; else -1 */
	bool typed;			/* an Anki "type in the answer" note: choices[0] is the answer */
	bool cloze;			/* an Anki "Cloze" note: ask is the text with {{answer}} gaps */
	/* rxplore's own export of an ordering (choices in the right order) or
	 * a matching (choices the left items, matches[i] the right one of
	 * choices[i]). */
	bool order, match;
	char *matches[QUESTION_MAX_CHOICES];
};

struct import_card {
	char *id, *title;
	struct import_question *questions;
	size_t count, alloc;
};

struct import_deck {
	struct import_card *cards;
	size_t count, alloc;
	size_t rows, skipped;		/* rows read, rows skipped with a diagnostic */
};

void import_deck_init(struct import_deck *deck);
void import_deck_release(struct import_deck *deck);

/* Parses text[0..len) read from path (named in diagnostics) into deck.
 * Returns 0, or -1 when out of memory. */
int import_parse(struct import_deck *deck, const char *path, const char *text, size_t len,
		 struct diag_list *diags);

/* Writes one card as YAML that the loader accepts (a comment names source). */
int import_write_card(FILE *out, const struct import_card *card, const char *source);

/* Field HTML to text: tags removed, <br>, </div>, </p> and </li> as line
 * breaks, entities (named ones Anki writes, &#NNN; and &#xHH;) decoded, runs
 * of blank lines and trailing spaces trimmed.  NULL when out of memory. */
char *import_html_to_text(const char *html);

/* A YAML double-quoted scalar holding text exactly. */
void import_yaml_string(FILE *out, const char *text);

#endif
