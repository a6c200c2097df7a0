/* quiz_typed — checking a typed answer against a question's accepted answers.
 *
 * A question answered by typing has parts: a typed question one, a cloze
 * one per gap (its text shows each as "[gap N]"; choices[N-1] holds that
 * gap's answer and its alternatives separated by "|").  Each part is
 * checked on its own, and a cloze earns credit per gap.
 *
 * The one matching rule for typed questions, shared by the session (which
 * grades), both front-ends (which ask "did you mean …?") and generation
 * (which keeps only values fair to type).  Comparison is on text_fold()
 * forms, so case, spacing, dashes, Greek letters and their names and
 * superscripts never matter ("gaba b" is GABA-B, "K+" is K⁺), and a trailing
 * "receptor" may be left out or added ("GABA-B" is "GABA-B receptor").
 *
 * One small typo — one letter added, dropped, changed or two swapped, in a
 * word of four or more letters with no digit, every other word the same —
 * is TYPED_TYPO: the front-end asks whether it was meant, and the session
 * counts it right only when the learner says so.  A one-letter word or a
 * digit that differs is never a typo ("GABA-A" is not "GABA-B", "α1" is not
 * "α2"): those differences are the point of the question.
 */
#ifndef RXPLORE_QUIZ_TYPED_H
#define RXPLORE_QUIZ_TYPED_H

#include <stdbool.h>
#include <stddef.h>

#include "quiz.h"

enum typed_verdict { TYPED_WRONG, TYPED_RIGHT, TYPED_TYPO };


/* How many parts are typed: 1 for a typed question, the gaps of a cloze,
 * 0 for a choice question. */
size_t quiz_typed_parts(const struct quiz_question *question);

/* Checks text against the accepted answers of one part.  meant (may be
 * NULL) receives the accepted answer matched or one typo away. */
enum typed_verdict quiz_typed_check_part(const struct quiz_question *question, size_t part, const char *text,
					 char *meant, size_t meant_size);

/* Compares text with the accepted answers of a typed question (choices[]).
 * *which (may be NULL) is set to the index of the answer it matched, or 0
 * when wrong.  Blank text and out of memory are TYPED_WRONG. */
enum typed_verdict quiz_typed_check(const struct quiz_question *question, const char *text, size_t *which);

/* Whether a fact value is fair to ask as a typed answer: a short name (at
 * most QUIZ_TYPED_NAME_WORDS words and QUIZ_TYPED_NAME_BYTES bytes, no list
 * or aside: no comma, semicolon, bracket, slash or " — "), not named in the
 * question's own title. */
#define QUIZ_TYPED_NAME_WORDS 3
#define QUIZ_TYPED_NAME_BYTES 32
bool quiz_typed_fair(const char *value, const char *title);

/* "GABA-B receptor (also accepted: GABA type B receptor; GABAB)": the
 * answer and its alternatives, into buf; returns buf.  A cloze: every gap,
 * "(1) GABA-B (also accepted: GABA type B); (2) calcium". */
const char *quiz_typed_answers(const struct quiz_question *question, char *buf, size_t size);

/* A cloze question's text with each "[gap N]" filled in by style:
 * CLOZE_ANKI "{{cN::answer}}", CLOZE_FILLED the answer, CLOZE_MARKED as a
 * card writes it, "{{answer|other}}".  Into buf; returns buf. */
enum cloze_style { CLOZE_ANKI, CLOZE_FILLED, CLOZE_MARKED };
const char *quiz_cloze_text(const char *ask, const char *const *gaps, size_t ngaps, enum cloze_style style, char *buf,
			    size_t size);

/* Whether a typed reply means "I don't know": x or ? alone (spaces around
 * it ignored), as for a choice question. */
bool quiz_typed_dont_know(const char *text);
/* The same, or nothing typed. */
bool quiz_dont_know_or_blank(const char *text);

/* The line-mode and TUI wording, from one place. */
#define QUIZ_TYPED_HINT "Type the answer and press Enter; x = I don't know; q = stop."
#define QUIZ_CLOZE_HINT "Fill in each gap in turn: type its answer and press Enter; x = I don't know; q = stop."
/* "Did you mean “GABA-B receptor”? Count it as right? (y/n)" into buf; returns buf. */
const char *quiz_typed_confirm(const char *meant, bool utf8, char *buf, size_t size);

#endif
