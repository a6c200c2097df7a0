/* export — the loaded cards as files for other tools (`rxplore export`):
 *
 *   anki  tab-separated notes Anki imports as they are: one note per question
 *         of the quiz bank (authored and generated), keyed by the question's
 *         stable id so that importing again updates the notes;
 *   md    a printable Markdown handout: the cards, comparison tables, then
 *         numbered questions and, at the end, the answers;
 *   html  the same handout as one self-contained page to print: embedded
 *         CSS with a print stylesheet (A4 or Letter), the education notice
 *         on every printed page, no script and no network address;
 *   json  the cards themselves, for other programs.
 *
 * The formatters write to the FILE * they are given and nothing else; they
 * never exit.  Output is deterministic: no dates, no random choice order (the
 * choices of a question are shuffled by a seed taken from its id, so the same
 * question always shows the same letters).  The caller checks the stream for
 * write errors as well as the return value.
 */
#ifndef RXPLORE_EXPORT_H
#define RXPLORE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "card.h"
#include "compare.h"
#include "library.h"
#include "quiz.h"

enum export_format { EXPORT_ANKI, EXPORT_MD, EXPORT_JSON, EXPORT_HTML };

/* "anki", "md" (or "markdown"), "json", "html"; -1 when unknown. */
int export_format_parse(const char *name);

enum export_error {
	EXPORT_OK = 0,
	EXPORT_ENOMEM = -1,
	EXPORT_EWRITE = -2,	/* the stream reported an error (see errno) */
	EXPORT_EINVAL = -3	/* text the format cannot carry (invalid UTF-8 for JSON) */
};

const char *export_strerror(int error);

/* The cards and questions one export covers.
 *
 * With no topics, every loaded card in topic-list order (explainers,
 * concepts, classes, drugs; by title).  With topics, each topic in the order
 * given, each followed by the cards that are member_of it (as `quiz --topic`
 * scopes them), every card once.  Questions are those of the quiz bank for
 * the chosen cards, card by card, in bank order; a question whose id an
 * earlier one already took is left out (Anki would merge the two).
 */
struct export_set {
	const struct library *library;
	struct quiz_bank bank;
	const struct card **cards;	/* the selection, in output order */
	size_t ncards;
	const struct card **topics;	/* the topics as named, without repeats */
	size_t ntopics;
	const struct quiz_question **questions;	/* in output order */
	size_t nquestions;
	const char *generator;	/* "rxplore 0.1" for the JSON document; may be NULL */
};

/* Builds the selection for topics[0..ntopics) (none: everything).  Returns
 * EXPORT_OK or EXPORT_ENOMEM (the set is then safe to release). */
int export_set_build(struct export_set *set, const struct library *library, const struct card *const *topics,
		     size_t ntopics);
void export_set_release(struct export_set *set);

/* Writes the set in a format.  Returns EXPORT_OK or an enum export_error. */
int export_write(FILE *out, const struct export_set *set, enum export_format format);
int export_anki(FILE *out, const struct export_set *set);
int export_markdown(FILE *out, const struct export_set *set);
int export_json(FILE *out, const struct export_set *set);
int export_html(FILE *out, const struct export_set *set);

/* --- pieces shared by the formats (and tested on their own) -------------- */

/* The display order of a question's choices: order[pos] is the index into
 * question->choices shown at letter pos.  True/false keeps True, False; other
 * questions are shuffled by a generator seeded with the FNV-1a hash of the
 * question id, so every export shows the same letters.  An ordering's items
 * are shuffled the same way (numbered), a matching's right items (lettered);
 * neither is ever left in the right order. */
void export_choice_order(const struct quiz_question *question, unsigned char order[QUESTION_MAX_CHOICES]);

/* What a handout says after a question's card to tell how it is answered
 * ("; select all that apply"), or "" for a single choice (and a case, whose
 * parts say it). */
const char *export_question_hint(enum question_type type);

/* An ordering or matching as an unanswered item in export_choice_order()'s
 * display order, for quiz_order.h's rows and answer key. */
void export_arranged_item(const struct quiz_question *question, struct quiz_item *item);

/* The handouts' title: export_title_parts() pieces (the topics' titles, else
 * the one pack's title, else "All loaded topics"), joined by ", ". */
size_t export_title_parts(const struct export_set *set);
const char *export_title_part(const struct export_set *set, size_t i);

/* True when a chosen card comes from library pack number pack. */
bool export_pack_used(const struct export_set *set, size_t pack);

/* One comparison table of a handout, and the explainer it comes from (or NULL). */
struct export_comparison {
	const struct card *cards[COMPARE_MAX_CARDS];
	size_t ncards;
	const struct card *from;
};

/* The comparisons a handout shows: 2-4 topics side by side; one topic: an
 * explainer's compare_with set, or the topic beside its compare_with cards;
 * none or more than four: the compare_with set of every chosen explainer.
 * No repeats, none of fewer than two loaded cards.  list must have room for
 * set->ncards + 1.  Returns how many. */
size_t export_comparisons(const struct export_set *set, struct export_comparison *list);

/* Bytes of a list marker and its space at the start of s ("- ", "* ", "• ",
 * "12. ", "3) "), as text_unfold() recognises them, or 0. */
size_t export_list_marker(const char *s, size_t len);

/* Text as the content of an HTML element (an Anki field): & < > " escaped,
 * newlines as <br>, tabs as spaces, other control characters dropped, so a
 * field can never split a record. */
void export_html_text(FILE *out, const char *text);

#endif
