/* quiz_order — orderings and matchings: how they are shown, how a typed
 * answer to one is read, and how it is scored.
 *
 * An ordering (type order) holds its 3-6 items in the right order in
 * choices[].  An item's order[] shows them shuffled (never already in
 * order), numbered 1..n, and the learner types the numbers in the right
 * order: "3 1 4 2", "3142" and "3,1,4,2" all read the same.  Credit is per
 * adjacent pair: n-1 parts, pair k right when item k is directly followed
 * by item k+1 in the answer.
 *
 * A matching (type match) holds its 3-5 left items in choices[] and their
 * right items in matches[] (matches[i] goes with choices[i]).  The left
 * items are shown numbered 1..n in the written order, the right ones
 * lettered a.. in the item's order[] (shuffled, never a-b-c straight
 * across).  The learner types one letter per left item in order: "b a c",
 * "bac" and "1b 2a 3c" all read the same.  Credit is per pair: n parts.
 *
 * An answer that cannot be read (a wrong count, a number or letter twice or
 * out of range) is not graded: the reader says why, and the front-end asks
 * again.  The core presents everything as lines; front-ends only draw.
 */
#ifndef RXPLORE_QUIZ_ORDER_H
#define RXPLORE_QUIZ_ORDER_H

#include <stdbool.h>
#include <stddef.h>

#include "quiz.h"

/* Whether a question is an ordering or a matching. */
bool quiz_is_arranged(const struct quiz_question *question);

/* How many parts an answer earns credit for: n-1 for an ordering, n for a
 * matching, 0 for any other question. */
size_t quiz_arranged_parts(const struct quiz_question *question);

/* A display order is never the right one: an ordering (type) of n items
 * shown already in order, or a matching lettered straight across, gets its
 * first two swapped.  order[] as in struct quiz_item; other types are left
 * alone. */
void quiz_arranged_unsort(enum question_type type, size_t n, unsigned char *order);

enum arranged_read { ARRANGED_OK, ARRANGED_DONT_KNOW, ARRANGED_UNREADABLE };

/* Reads text as an answer to item: ARRANGED_OK with out[k] the index (into
 * choices, or matches) put at place k (at left item k); ARRANGED_DONT_KNOW
 * for x or ?; else ARRANGED_UNREADABLE with why (may be NULL) saying what
 * to type instead ("2 is typed twice: type each number from 1 to 4 once."). */
enum arranged_read quiz_arranged_read(const struct quiz_item *item, const char *text, unsigned char *out, char *why,
				      size_t why_size);

/* Scores an answer read by quiz_arranged_read(): the parts right, and
 * their bits in *mask (pair k of an ordering, left item k of a matching). */
unsigned quiz_arranged_score(const struct quiz_question *question, const unsigned char *answer, unsigned *mask);

/* Answers the current item, an ordering or matching, with text: graded
 * (partial credit as above) and saved as quiz_session_answer.  Returns the
 * outcome, or -1 when there is no unanswered current item of these types
 * or text cannot be read (quiz_arranged_read says why). */
int quiz_session_answer_arranged(struct quiz_session *session, const char *text, long answer_ms);

/* One line under the question, or of the feedback. */
struct arranged_line {
	char label[8];		/* "1.", "a)", "" */
	const char *text;	/* points into the question */
	const char *mark;	/* feedback: "✓", "✗" (or "+", "x"), or "" */
	bool good;		/* feedback: this part right */
	char note[256];		/* feedback: "(you: naloxone)", or "" */
};

#define ARRANGED_MAX_LINES (2 * QUESTION_MAX_CHOICES)

/* The rows shown to answer item: an ordering's items numbered in display
 * order; a matching's left items numbered, then (after *split rows) its
 * right items lettered.  Returns how many (at most ARRANGED_MAX_LINES);
 * *split is where the right items start (the count for an ordering). */
size_t quiz_arranged_rows(const struct quiz_item *item, struct arranged_line *rows, size_t *split);

/* The feedback on an answered item: a heading ("Right order (✓: placed
 * right after the one above):", "Right pairs:") into heading, and the right
 * order or pairs as lines, each marked with whether the learner had it
 * right.  Returns how many lines. */
size_t quiz_arranged_feedback(const struct quiz_item *item, bool utf8, char *heading, size_t heading_size,
			      struct arranged_line *lines);

/* The answer given, and the right one, on one line each (the exam report,
 * exports): "Chloride flows in; GABA opens ...; ..." in the order given, or
 * "midazolam = flumazenil; morphine = naloxone".  Into buf; returns buf. */
const char *quiz_arranged_given(const struct quiz_item *item, char *buf, size_t size);
const char *quiz_arranged_expected(const struct quiz_question *question, char *buf, size_t size);

/* The right answer as it would be typed for item's display order: "3 1 4
 * 2", "1b 2a 3c" (handouts' answer keys).  Into buf; returns buf. */
const char *quiz_arranged_key(const struct quiz_item *item, char *buf, size_t size);

/* The line-mode and TUI wording, from one place. */
#define QUIZ_ORDER_HINT "Type the numbers in the right order, first to last (for example 3 1 4 2); x = I don't know; q = stop."
#define QUIZ_MATCH_HINT "Type the letter for each numbered item, in order (for example b a c); x = I don't know; q = stop."

#endif
