/* import_fields — one row's question, answer, choices and explanation (as
 * text) to a question; private to src/import*.c. */
#ifndef RXPLORE_IMPORT_FIELDS_H
#define RXPLORE_IMPORT_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "import.h"

/* Fills q (ask, choices, right answers, explanation) from the fields; the
 * question and answer texts are cut up in place.  choices and explain may be
 * NULL.  *title receives the card title of rxplore's own "Card:" footer, if
 * any.  Returns NULL, or why the row makes no question. */
const char *import_fields_parse(struct import_question *q, char *question, char *answer, const char *choices,
				const char *explain, char *title, size_t title_size);

/* The same for an Anki "type in the answer" note: the answer field is the
 * one answer typed; rxplore's own "Card:" footer, on the question side of
 * such a note, names the card. */
const char *import_fields_parse_typed(struct import_question *q, char *question, char *answer, const char *explain,
				      char *title, size_t title_size);

/* The same for an Anki "Cloze" note: question is its Text, whose
 * {{c1::answer}} or {{c1::answer::hint}} marks become {{answer}} gaps;
 * answer is its Back Extra: an explanation, then rxplore's "Card:" footer. */
const char *import_fields_parse_cloze(struct import_question *q, char *question, char *answer, const char *explain,
				      char *title, size_t title_size);
/* The same for rxplore's own export of an ordering (match false) or a
 * matching: question lists the ask and the items as shown ("1. ...",
 * "Match with:", "a) ..."); answer is "Answer: 3 1 4 2" (or "1b 2a 3c"), the
 * right order in words, the explanation and the "Card:" footer. */
const char *import_fields_parse_arranged(struct import_question *q, bool match, char *question, char *answer,
					 char *title, size_t title_size);

#endif
