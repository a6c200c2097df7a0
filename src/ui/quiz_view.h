/* quiz_view — the `t` screens (DESIGN §3, §4), private to src/ui/:
 *
 *  - the chooser (quiz_chooser.c): the menu of practice, review and exam and
 *    the exam's time limit.  It ends by replacing itself (INTENT_REPLACE)
 *    with a session screen built from finished settings;
 *  - the session (quiz_view.c keys, quiz_draw.c layout): questions,
 *    feedback and the summary;
 *  - card_peek.c: the card an answer points to, on top of the session.
 *
 * Both quiz screens lay their stages out with line_body.h and read
 * CTX_QUIZ keys.
 *
 * A typed question, and each gap of a cloze in turn, is answered in a
 * text-entry context (CTX_QUIZ_TYPE); an answer one typo away asks "did you
 * mean …?" first (CTX_QUIZ_CONFIRM).
 *
 * Invariants of struct quiz_view: stages STAGE_ASK and STAGE_FEEDBACK have a
 * session item at the cursor (quiz_session_current); STAGE_FEEDBACK's item
 * is answered and never in an exam (exams go straight to the next question).
 * In STAGE_SUMMARY, mistakes[0..nmistakes) index session items answered wrong
 * (or not at all) the first time, and mistake_cursor is -1 or an index into it.
 */
#ifndef RXPLORE_UI_QUIZ_VIEW_H
#define RXPLORE_UI_QUIZ_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "confusions.h"
#include "line_body.h"
#include "progress.h"
#include "quiz.h"
#include "screen.h"

enum quiz_stage { STAGE_ASK, STAGE_FEEDBACK, STAGE_SUMMARY };

#define QUIZ_MARKED_MAX 64
#define QUIZ_EXAM_MAX_MINUTES 600

struct quiz_view {
	struct screen base;
	enum quiz_stage stage;
	struct line_body body;
	struct quiz_bank *bank;		/* owned; the session points into it */
	struct progress *progress;	/* owned; NULL: nothing is saved */
	struct quiz_session session;
	const struct card *topics[QUIZ_MARKED_MAX];	/* session.settings.topics points here */
	struct confusion_report known;	/* the learner's leeches, offered before they are asked */
	/* Asking. */
	int cursor;
	unsigned selected;	/* bit set of display positions */
	/* A question answered by typing (typed: one part, cloze: one per gap). */
	char answers[QUESTION_MAX_CHOICES][QUIZ_TYPED_MAX];
	bool accepted[QUESTION_MAX_CHOICES];	/* a typo there was confirmed */
	size_t part;		/* the part being typed */
	bool confirming;	/* the part is one typo away: "did you mean …?" is asked */
	char meant[QUIZ_TYPED_MAX];	/* then: the accepted answer it is one typo from */
	struct timespec shown;
	bool confirm_end;	/* an exam: q was pressed, y ends it, any other key goes on */
	bool case_anchor;	/* a case's part: scrolled to show the part, until the learner scrolls */
	/* The end. */
	bool timed_out;
	long seconds_shown;	/* the countdown in the last frame, -1 without one */
	struct quiz_summary summary;
	bool have_summary;
	size_t *mistakes;
	size_t nmistakes;
	long mistake_cursor;
};

/* quiz_view.c: a session screen for settings over *bank, saving through
 * *progress.  On success it takes both (sets them to NULL); otherwise NULL
 * with ui_message() saying why (nothing to ask, out of memory) and both are
 * left with the caller. */
struct screen *quiz_view_new(struct ui *ui, struct quiz_bank **bank, struct progress **progress,
			     const struct quiz_settings *settings);

/* quiz_view.c: the leech entry of the question being asked, when the quiz
 * offers its section or comparison first (not in an exam, not a re-ask). */
const struct leech *quiz_view_leech(const struct quiz_view *v);

/* quiz_draw.c: lays out and draws the session's stage. */
void quiz_draw(struct quiz_view *v, struct ui *ui, struct rect area);

/* quiz_case_draw.c: a case's stem and "Part N of M" above the part asked
 * (the body scrolls, so a long stem is paged back to, never cut); after a
 * part's feedback, the case's verdict once finished (returning the case,
 * whose grade the feedback then shows) or the key to the next part
 * (returning NULL: nothing more to show).  Other items: part returned. */
long quiz_draw_case_stem(struct quiz_view *v, int width);	/* the part heading's line, or -1 */
const struct quiz_item *quiz_draw_case_after(struct quiz_view *v, const struct ui *ui, int width,
					     const struct quiz_item *part);

/* card_peek.c: a screen showing one card at a section, closed with q or Esc. */
struct screen *card_peek_new(struct ui *ui, const struct card *card, int section);

#endif
