/* schema_internal — what schema.c and schema_quiz.c share: the reader of one
 * schema run and its located-diagnostic helpers.  Private to src/schema*.c. */
#ifndef RXPLORE_SCHEMA_INTERNAL_H
#define RXPLORE_SCHEMA_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "library.h"
#include "yamltree.h"

/* What one schema run needs at hand. */
struct reader {
	struct library *library;
	const char *path;
	struct diag_list *diags;
	int errors;
};

/* An error (counted: the card is rejected) or a warning at a node. */
void schema_fail(struct reader *r, const struct ynode *at, const char *fmt, ...) DIAG_PRINTF(3, 4);
void schema_warn(struct reader *r, const struct ynode *at, const char *fmt, ...) DIAG_PRINTF(3, 4);

/* A scalar cleaned into the library's arena (prose: unfolded too). */
const char *schema_clean(struct reader *r, const struct ynode *n, bool prose);
/* Whether n is of type; an error naming what otherwise. */
bool schema_expect(struct reader *r, const struct ynode *n, enum ynode_type type, const char *what);
/* Room in the arena for one entry of size bytes per item of the list n, and
 * a spare; NULL when n is not a list (an error naming what) or on no memory. */
void *schema_list_room(struct reader *r, const struct ynode *n, const char *what, size_t size);
/* Text that must not be empty; NULL (with an error) otherwise. */
const char *schema_text_field(struct reader *r, const struct ynode *n, const char *what, bool prose);
/* A list of texts; a single text is accepted as a list of one. */
const char **schema_text_list(struct reader *r, const struct ynode *n, const char *what, size_t *count);
/* Reports keys of a mapping that are not in known[], with a suggestion. */
void schema_check_keys(struct reader *r, const struct ynode *map, const char *const *known, size_t nknown,
		       const char *where);
/* [a-z0-9-] and the characters of extra. */
bool schema_valid_id(const char *s, const char *extra);

/* schema_quiz.c: the card's `quiz:` sequence. */
void schema_read_quiz(struct reader *r, struct card *card, const struct ynode *n);
/* schema_quiz.c: two choices a learner cannot tell apart (text_fold). */
bool same_choice(const char *a, const char *b);

/* schema_quiz_order.c: an ordering's `items`, or a matching's `left` and
 * `right` (type is QUESTION_ORDER or QUESTION_MATCH), into q. */
void schema_read_arranged(struct reader *r, struct card_question *q, const struct ynode *n, enum question_type type);
/* schema_quiz_order.c: 'items', 'left' or 'right' in a question of another
 * type is an error. */
void schema_refuse_arranged(struct reader *r, const struct ynode *n, int type);
/* One question of it (a case's parts are read by the same code). */
void schema_read_question(struct reader *r, struct card *card, const struct ynode *n, struct card_question *q);

/* schema_case.c: a case's stem (NULL, with an error, when absent; its other
 * keys checked) and its parts, read once the case's id is known. */
const char *schema_case_stem(struct reader *r, const struct ynode *n);
/* A question of another type that has a case's keys (stem, parts): errors. */
void schema_case_misplaced(struct reader *r, const struct ynode *n);
void schema_case_parts(struct reader *r, struct card *card, const struct ynode *n, struct card_question *q);

#endif
