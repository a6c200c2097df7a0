/* card — the model of one topic card, as loaded.
 *
 * A card and everything it points to live in its library's arena and are
 * read-only after loading.  Every string is valid UTF-8 with control and bidi
 * characters removed and tabs expanded (text_clean), so it is safe to draw.
 * Prose sections are unfolded (text_unfold); the diagram is kept verbatim.
 */
#ifndef RXPLORE_CARD_H
#define RXPLORE_CARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum card_kind { CARD_EXPLAINER, CARD_CONCEPT, CARD_CLASS, CARD_DRUG, CARD_KIND_COUNT };

/* Sections in their fixed display order.  SECTION_FACTS and SECTION_SOURCES
 * are drawn from card->facts and card->sources; the others are text. */
enum section {
	SECTION_SUMMARY,
	SECTION_MECHANISM,
	SECTION_USES,
	SECTION_SIDE_EFFECTS,
	SECTION_DEPENDENCE,
	SECTION_CONFUSION,
	SECTION_INTERACTIONS,
	SECTION_SAFETY,
	SECTION_PHARMACOKINETICS,
	SECTION_DIAGRAM,
	SECTION_FACTS,
	SECTION_SOURCES,
	SECTION_COUNT
};
#define SECTION_TEXT_COUNT (SECTION_DIAGRAM + 1)

enum section_parse_error { SECTION_UNKNOWN = -1, SECTION_AMBIGUOUS = -2 };

struct card_fact {
	const char *key;	/* a key of the library's vocabulary */
	const char *value;
};

/* Where something is written in the card's file: 1-based line and column. */
struct card_pos {
	unsigned line, col;
};

/* The kinds of question.  The names (question_type_name) are what cards,
 * `quiz --type` and `export --format json` use; the numbers are compiled into
 * the built-in pack, so new types go at the end. */
enum question_type {
	QUESTION_SINGLE,	/* "single": one right choice */
	QUESTION_MULTI,		/* "multi": select all that apply */
	QUESTION_TRUE_FALSE,	/* "true-false" */
	QUESTION_TYPED,		/* "typed": the answer is typed; choices[] hold the accepted answers */
	QUESTION_CLOZE,		/* "cloze": gaps to fill in; choices[] hold each gap's answers */
	QUESTION_ORDER,		/* "order": choices[] hold the items in the right order */
	QUESTION_MATCH,		/* "match": choices[] the left items, matches[] their right ones */
	QUESTION_CASE,		/* "case": a stem (ask) and 2..QUESTION_MAX_PARTS parts */
	QUESTION_TYPE_COUNT
};

const char *question_type_name(enum question_type type);	/* "true-false" */
int question_type_parse(const char *name);			/* an enum question_type, or -1 */

/* How a cloze question's ask shows gap N: "[gap 1]"; choices[N-1] holds the
 * gap's answers, alternatives separated by "|". */
#define QUESTION_CLOZE_GAP "[gap "

/* Choices of a choice question; accepted answers (the first is the one shown
 * as right, the others its alternatives) of a typed one. */
#define QUESTION_MAX_CHOICES 6

/* A case vignette asks 2..QUESTION_MAX_PARTS questions about its stem. */
#define QUESTION_MIN_PARTS 2
#define QUESTION_MAX_PARTS 4

struct card_question {
	const char *id;		/* stable: authored, or card id + ":" + FNV-1a of the text */
	bool id_authored;
	enum question_type type;
	const char *ask;
	const char **choices;	/* true/false questions get "True", "False"; typed: accepted answers */
	size_t nchoices;	/* 2..QUESTION_MAX_CHOICES; typed: 1..; order: 3..6; match: 3..5 */
	bool correct[QUESTION_MAX_CHOICES];	/* which choices are right (typed: every one) */
	/* The card a choice stands for (a choice's `topic:`), parallel to
	 * choices: NULL (the array or an entry) where none is named; an id
	 * that names no loaded card is dropped with a warning at resolve. */
	const char **choice_topics;
	struct card_pos *choice_topics_at;	/* where each is written */
	/* A matching's right items, parallel to choices (its left ones):
	 * matches[i] goes with choices[i].  NULL for every other type. */
	const char **matches;
	const char *explain;	/* may be NULL */
	int see;		/* enum section, or -1 */
	unsigned line;
	/* A case: its questions, asked in order after the stem (ask).  Each
	 * part is a question of another type; its id is the case's id + "/N"
	 * (N from 1), for reports only: a part is never scheduled alone. */
	struct card_question *parts;
	size_t nparts;
};

struct card_source {
	const char *title;	/* required */
	const char *publisher, *authors, *chapter, *edition, *year, *url, *identifier, *note;
};

enum card_status { CARD_DRAFT, CARD_REVIEWED };

struct card {
	const char *id;		/* [a-z0-9-]+ */
	const char *title;
	enum card_kind kind;
	const char **aliases;
	size_t naliases;
	const char *member_of;	/* a loaded card's id, or NULL */
	const char *text[SECTION_TEXT_COUNT];	/* summary..diagram; NULL when absent */
	/* The diagram in plain words (sections.diagram_text), for screen
	 * readers, line mode and exports; NULL when absent. */
	const char *diagram_text;
	struct card_fact *facts;	/* in vocabulary order */
	size_t nfacts;
	const char **related;	/* loaded ids only (dangling ones dropped with a warning) */
	size_t nrelated;
	const char **compare_with;
	size_t ncompare_with;
	/* Where each reference is written, for the warning when it names no
	 * loaded card: parallel to member_of, related[] and compare_with[].
	 * NULL (or a zero line) in a card made without a file: card->line then. */
	struct card_pos member_of_at;
	struct card_pos *related_at, *compare_with_at;
	struct card_question *quiz;
	size_t nquiz;
	struct card_source *sources;
	size_t nsources;
	enum card_status status;
	const char *reviewed_by;	/* required when status is reviewed */
	const char *reviewed;		/* date of the last check, YYYY-MM-DD, or NULL */
	const char *path;	/* file it came from (for diagnostics and `packs`) */
	unsigned line;
	size_t pack;		/* index into library->packs */
	/* A card of a pack cache built before its body was read (a start that
	 * paints first, include/library_complete.h): where the body is; NULL
	 * once read.  Until then only id, title, kind, aliases, member_of, path,
	 * line and pack are set. */
	struct pack_cache_bodies *body_from;
	uint32_t body_offset;
};

const char *card_kind_name(enum card_kind kind);	/* "drug" */
const char *card_kind_plural(enum card_kind kind);	/* "Drugs" (list group headings) */
int card_kind_parse(const char *name);			/* -1 when unknown */

const char *section_key(enum section section);		/* "side_effects" */
const char *section_title(enum section section);	/* "Side effects", "Why the confusion" */

/* Accepts a key ("side_effects"), its dashed form ("side-effects") or a unique
 * prefix of either, case-insensitively.  Returns an enum section or a
 * section_parse_error. */
int section_parse(const char *name);

/* Whether a card has something to show in a section. */
bool card_has_section(const struct card *card, enum section section);

/* Whether card falls under topic: it is the topic, or a member_of it.  The one
 * scoping rule of `quiz --topic` and `export TOPIC`. */
bool card_in_topic(const struct card *card, const struct card *topic);

/* The card's value for a fact key, or NULL. */
const char *card_fact(const struct card *card, const char *key);

/* One citation on one line, the same on every screen:
 * 'Title, chapter "X". Authors. Publisher. Edition. Year. Identifier. URL. Note'
 * (absent parts left out).  Truncates to size like snprintf and returns the
 * length it needed. */
size_t card_source_format(const struct card_source *source, char *buf, size_t size);

/* 64-bit FNV-1a of the text lower-cased (ASCII) with white space runs
 * collapsed to one space and trimmed: the stable part of generated ids. */
unsigned long long card_question_hash(const char *text);

#endif
