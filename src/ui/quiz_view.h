/* quiz_view — the `t` screen: a mode chooser, then questions, feedback and a
 * summary (DESIGN §3, §4).  Private to src/ui/: quiz_menu.c runs the chooser,
 * quiz_view.c the session's keys, quiz_draw.c lays the stages out as lines
 * and draws them.
 *
 * Invariants: stage STAGE_ASK and STAGE_FEEDBACK have a session item at the
 * cursor (quiz_session_current); STAGE_FEEDBACK's item is answered and never
 * in an exam (exams go straight to the next question).  In STAGE_SUMMARY,
 * mistakes[0..nmistakes) index session items answered wrong (or not at all)
 * the first time, and mistake_cursor is -1 or an index into it.
 */
#ifndef RXPLORE_UI_QUIZ_VIEW_H
#define RXPLORE_UI_QUIZ_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "progress.h"
#include "quiz.h"
#include "screen.h"

/* STAGE_EXAM_SETUP asks for the exam's optional time limit before it starts. */
enum quiz_stage { STAGE_CHOOSE, STAGE_EXAM_SETUP, STAGE_ASK, STAGE_FEEDBACK, STAGE_SUMMARY };

enum quiz_scope { SCOPE_TOPIC, SCOPE_MARKED, SCOPE_ALL };

#define QUIZ_MENU_MAX 5
#define QUIZ_MARKED_MAX 64

struct quiz_menu_entry {
	enum quiz_mode mode;
	enum quiz_scope scope;
	char label[160];
};

/* One drawn row: an optional prefix (choice marker and letter), then text. */
struct quiz_line {
	char prefix[24];
	enum role prefix_role;
	const char *text;
	size_t len;
	int x;			/* column of the prefix (or text) within the body */
	int text_x;		/* column of the text */
	enum role role;
	const char *suffix;	/* drawn after the text in ROLE_DIM (e.g. "your answer"), or NULL */
	int choice;		/* display position of the choice it belongs to, or -1 */
	bool cursor;		/* the selected choice's first row */
};

struct quiz_view {
	struct screen base;
	enum quiz_stage stage;
	bool in_session;	/* here, not after session: it fills stage's padding */
	struct quiz_bank bank;
	struct progress *progress;	/* NULL: nothing is saved */
	struct quiz_session session;
	/* What the screen was opened on. */
	const struct card *topic;
	int topic_section;
	const struct card *marked[QUIZ_MARKED_MAX];
	size_t nmarked;
	struct quiz_menu_entry menu[QUIZ_MENU_MAX];
	int nmenu, menu_cursor;
	/* Asking. */
	int cursor;
	unsigned selected;	/* bit set of display positions */
	struct timespec shown;
	/* Layout of the last frame. */
	struct quiz_line *lines;
	size_t nlines, alloc;
	char scratch[16384];	/* formatted strings the lines point into */
	size_t scratch_used;
	size_t scroll;
	int visible, body_y;
	bool keep_cursor_visible;
	/* The exam's time limit, as typed in STAGE_EXAM_SETUP (digits, "" for none). */
	char minutes_text[4];
	bool timed_out;
	long seconds_shown;	/* the countdown in the last frame, -1 without one */
	struct quiz_summary summary;
	bool have_summary;
	size_t *mistakes;
	size_t nmistakes;
	long mistake_cursor;
};

#define QUIZ_EXAM_MAX_MINUTES 600

/* quiz_view.c: resets the asking state for the question at the cursor. */
void quiz_view_begin_question(struct quiz_view *v);

/* quiz_menu.c: the chooser and the exam's time limit. */
void quiz_menu_build(struct quiz_view *v, const struct ui *ui);
enum intent quiz_menu_start(struct quiz_view *v, struct ui *ui, int entry);
enum intent quiz_menu_key(struct quiz_view *v, struct ui *ui, const struct action *action, int key);

/* quiz_draw.c */
void quiz_draw(struct quiz_view *v, struct ui *ui, struct rect area);
/* The display position of the choice drawn at body row y (relative to the area), or -1. */
int quiz_choice_at(const struct quiz_view *v, int y);

/* card_peek.c: a screen showing one card at a section, closed with q or Esc. */
struct screen *card_peek_new(struct ui *ui, const struct card *card, int section);

#endif
