/* confusions — which topics a learner mixes up, and which questions keep
 * failing (leeches), from what the progress store kept of each answer.
 * No curses, no SQLite, never prints.
 *
 * A confusion is an ordered pair (asked, chosen): a wrong answer to a
 * question of card `asked` picked a choice that stands for card `chosen`
 * (a generated distractor's source card, an authored choice's `topic:`).
 *
 * The rule by which a confusion fades: each such wrong answer adds one; each
 * later *first* answer (not a re-ask in the same session) that is right, to
 * one of the pair's contrast questions (confusion_contrasts()), takes one
 * away.  A pair at zero is not listed; a new wrong answer brings it back.
 * Strongest first: the most remaining, then the latest wrong answer, then
 * the titles.
 *
 * A leech is a question whose first answers failed `threshold` times or
 * more (config leech_threshold, default 6).
 */
#ifndef RXPLORE_CONFUSIONS_H
#define RXPLORE_CONFUSIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "card.h"
#include "library.h"
#include "progress.h"
#include "quiz.h"

#define CONFUSION_DEFAULT_LEECH_THRESHOLD 6

struct confusion {
	const struct card *asked, *chosen;
	unsigned wrong;		/* wrong answers that picked chosen for asked */
	unsigned cleared;	/* right first answers to the pair's contrasts since */
	time_t last;		/* the latest of those wrong answers */
};

/* What is left of a confusion: wrong - cleared, never below 0. */
unsigned confusion_strength(const struct confusion *confusion);

struct leech {
	const struct quiz_question *question;
	unsigned failures;		/* wrong or "don't know" first answers */
	const struct card *mixed_with;	/* the topic its wrong answers chose most, or NULL */
};

struct confusion_report {
	struct confusion *pairs;	/* listed ones only (strength > 0), strongest first */
	size_t npairs;
	struct leech *leeches;		/* most failures first */
	size_t nleeches;
};

/* Reads progress (NULL: nothing answered, an empty report) against the bank
 * and the library it was built from.  Returns 0, or -1 on a database error
 * (progress_error()) or when out of memory; *report is always safe to
 * release. */
int confusion_report_compute(struct confusion_report *report, struct progress *progress,
			     const struct quiz_bank *bank, const struct library *library, int leech_threshold);
void confusion_report_release(struct confusion_report *report);

/* Whether question is one of the contrast questions of topics a and b: a
 * question of a or of b whose answer differs between them: a generated one
 * whose fact both cards have with different values, or an authored one with
 * a choice that stands for the other card (or a card within it).  These are
 * what `quiz --contrast A,B` asks. */
bool confusion_contrasts(const struct quiz_question *question, const struct card *a, const struct card *b);

/* The explainer whose compare_with covers both a and b (each named, or
 * within a named class), or NULL.  Among several: the one that names both
 * rather than their classes, then the one comparing fewest cards. */
const struct card *confusion_explainer(const struct library *library, const struct card *a, const struct card *b);

/* The leech entry of a question, or NULL when it is not a leech. */
const struct leech *confusion_leech(const struct confusion_report *report, const struct quiz_question *question);

/* What the quiz offers before asking a leech again, as one sentence both
 * front-ends show before their own way to act on it (a command, a key):
 * the comparison with the topic its wrong answers chose when there is one,
 * else its `see` section.  Truncates like snprintf; returns buf. */
const char *confusion_leech_offer(const struct leech *leech, char *buf, size_t size);

/* ---- the presenter (confusions_render.c): the same lines for
 * `rxplore confusions`, the Confusions screen and the stats section ---- */

enum confusion_line_kind {
	CONFUSION_TITLE,	/* the list's heading */
	CONFUSION_PAIR,		/* one pair: "1. Baclofen ↔ Benzodiazepines: ..." */
	CONFUSION_DETAIL,	/* what it means, under its pair */
	CONFUSION_COMMAND,	/* line mode's way to act on it (a front-end with keys may skip these) */
	CONFUSION_LEECH,	/* one leech */
	CONFUSION_TEXT,		/* a sentence (nothing to list, a legend) */
	CONFUSION_BLANK
};

struct confusion_line {
	enum confusion_line_kind kind;
	const char *text;
	const struct confusion *pair;	/* PAIR, DETAIL and COMMAND lines: their pair */
	const struct leech *leech;	/* LEECH lines */
};

enum confusion_render_part { CONFUSION_RENDER_PAIRS = 1, CONFUSION_RENDER_LEECHES = 2 };

/* Calls each(line, ctx) for the parts asked (a bit set of
 * confusion_render_part), at most max_pairs pairs (0: all).  Stops when each
 * returns non-zero and returns that, or -1 when out of memory, else 0. */
int confusions_render(const struct confusion_report *report, const struct library *library, unsigned parts,
		      size_t max_pairs, int (*each)(const struct confusion_line *line, void *ctx), void *ctx);

#endif
