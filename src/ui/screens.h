/* screens — the table of screens opened from browse by action (c, C, t, s).
 *
 * A row with a NULL constructor is a screen not written yet: its action shows
 * the row's message in the status bar instead.  See screen.h, "HOW TO ADD A
 * SCREEN".
 */
#ifndef RXPLORE_UI_SCREENS_H
#define RXPLORE_UI_SCREENS_H

#include "screen.h"

enum screen_kind {
	SCREEN_COMPARE, SCREEN_COMPARE_PICK, SCREEN_QUIZ, SCREEN_STATS, SCREEN_CONFUSIONS, SCREEN_KIND_COUNT
};

typedef struct screen *(*screen_factory)(struct ui *ui, const struct screen_request *request);

struct screen_entry {
	screen_factory open;		/* NULL until the screen exists */
	const char *unavailable;	/* status-bar message while open is NULL */
};

extern const struct screen_entry screens_table[SCREEN_KIND_COUNT];

/* Opens a screen of the table: sets ui->pending and returns INTENT_OPEN, or
 * shows a message and returns INTENT_REDRAW. */
enum intent screens_open(struct ui *ui, enum screen_kind kind, const struct screen_request *request);

struct study_progress;

/* Opens the learner's progress for a screen that only looks (never creating
 * a file): false with a status-bar error when it cannot; a file that cannot
 * be read is a warning, with sp->progress NULL (nothing to show).  The
 * caller closes sp after a true. */
bool screens_progress_for_reading(struct ui *ui, struct study_progress *sp);

/* The constructors of the table's screens. */
struct screen *stats_view_open(struct ui *ui, const struct screen_request *request);
/* The marked topics (more than 4: a message), or with none marked the card in
 * view and its compare_with list (only the list on an explainer or concept). */
struct screen *compare_view_open(struct ui *ui, const struct screen_request *request);
/* Whether screen is a comparison showing its table (for the saved session). */
bool compare_view_showing(const struct screen *screen);
/* The comparison, after asking for its topics by name. */
struct screen *compare_pick_open(struct ui *ui, const struct screen_request *request);
/* The confusions, strongest first: compare a pair, read its explainer, drill it. */
struct screen *confusions_view_open(struct ui *ui, const struct screen_request *request);
/* The quiz chooser: it replaces itself with the session it starts. */
struct screen *quiz_chooser_open(struct ui *ui, const struct screen_request *request);

#endif
