/* quiz_chooser — the `t` screen's first step: the menu of practice (this
 * topic, the marked topics, everything), review and exam, and for an exam
 * its time limit.  The settings it finishes go to a session screen
 * (quiz_view.c), which takes this screen's place: leaving the session goes
 * back to browsing, as before the split. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "quiz_view.h"
#include "screens.h"
#include "study.h"


/* The menu's entries, one letter each that never moves: an entry that does
 * not apply (no topic open, nothing marked, no mistakes yet) is shown
 * disabled, so `t e` is an exam whatever is marked. */
enum menu_slot {
	SLOT_TOPIC, SLOT_MARKED, SLOT_ALL, SLOT_REVIEW, SLOT_EXAM, SLOT_MISTAKES_TODAY, SLOT_MISTAKES_WEEK,
	SLOT_WEAKEST, SLOT_CRAM, QUIZ_MENU_MAX
};

enum quiz_scope { SCOPE_TOPIC, SCOPE_MARKED, SCOPE_ALL, SCOPE_WEAKEST };

struct quiz_menu_entry {
	const struct quiz_kind *kind;
	enum quiz_scope scope;
	bool enabled;
	char label[160];
	char why_off[96];	/* disabled: what would enable it */
};

/* The question counts `n` steps through; 0: all (an exam: the config's). */
static const size_t count_choices[] = { 0, 10, 20, 50 };
#define NCOUNT_CHOICES (sizeof count_choices / sizeof *count_choices)

struct quiz_chooser {
	struct screen base;
	struct line_body body;
	struct quiz_bank *bank;		/* owned until a session takes it */
	struct progress *progress;	/* likewise; NULL: nothing is saved */
	/* What the screen was opened on. */
	const struct card *topic;
	const struct card *marked[QUIZ_MARKED_MAX];
	size_t nmarked;
	const struct card *weakest[QUIZ_WEAKEST_TOPICS];
	size_t nweakest;
	struct quiz_menu_entry menu[QUIZ_MENU_MAX];
	int menu_cursor;
	size_t count_choice;	/* index into count_choices */
	bool exam_setup;	/* asking for the exam's time limit */
	char minutes_text[4];	/* the limit as typed (digits, "" for none) */
};

static struct quiz_chooser *chooser_of(struct screen *screen)
{
	return (struct quiz_chooser *)screen;
}

/* The session's settings for a menu entry: the config's defaults and the
 * seed from the presenter line mode uses too; the topics, the drill and
 * the question count are this screen's. */
static void settings_for(const struct quiz_chooser *c, const struct ui *ui, const struct quiz_menu_entry *e,
			 struct quiz_settings *s)
{
	study_quiz_settings(s, ui->config, e->kind->mode, study_seed_now());
	study_exam_day(ui->options ? ui->options->profile : NULL, ui->config, &s->exam_day);
	s->drill = e->kind->drill;
	s->drill_days = e->kind->days;
	if (count_choices[c->count_choice])
		s->count = count_choices[c->count_choice];
	if (e->scope == SCOPE_TOPIC && c->topic) {
		s->topics = &c->topic;
		s->ntopics = 1;
	} else if (e->scope == SCOPE_MARKED) {
		s->topics = c->marked;
		s->ntopics = c->nmarked;
	} else if (e->scope == SCOPE_WEAKEST) {
		s->topics = c->weakest;
		s->ntopics = c->nweakest;
	}
}

static struct quiz_menu_entry *set_entry(struct quiz_chooser *c, enum menu_slot slot, const char *kind,
					 enum quiz_scope scope)
{
	struct quiz_menu_entry *e = &c->menu[slot];
	e->kind = quiz_kind_find(kind);
	e->scope = scope;
	e->enabled = true;
	return e;
}

/* Questions a session of this entry would ask, before any count limit (a
 * trial session that asks nothing). */
static size_t count_questions(const struct quiz_chooser *c, const struct ui *ui, const struct quiz_menu_entry *e)
{
	struct quiz_settings s;
	struct quiz_session trial;
	settings_for(c, ui, e, &s);
	s.count = 0;
	s.mode = QUIZ_PRACTICE;	/* every question in scope, an exam's too */
	if (quiz_session_start(&trial, c->bank, s.drill == QUIZ_DRILL_NONE ? NULL : c->progress, &s) < 0)
		return 0;
	size_t n = trial.count;
	quiz_session_release(&trial);
	return n;
}

static const char *questions_note(size_t n, char *buf, size_t size)
{
	if (n == 0)
		snprintf(buf, size, "no questions yet");
	else
		snprintf(buf, size, "%zu question%s", n, n == 1 ? "" : "s");
	return buf;
}

/* An entry that applies when it has questions; otherwise disabled with why. */
static void practice_entry(struct quiz_chooser *c, const struct ui *ui, struct quiz_menu_entry *e,
			   const char *what, const char *none)
{
	size_t n = count_questions(c, ui, e);
	char note[64];
	snprintf(e->label, sizeof e->label, "%s (%s)", what, n ? questions_note(n, note, sizeof note) : none);
	if (n == 0) {
		e->enabled = false;
		snprintf(e->why_off, sizeof e->why_off, "%s", none);
	}
}

static void build_menu(struct quiz_chooser *c, const struct ui *ui)
{
	char what[160];
	struct quiz_menu_entry *e = set_entry(c, SLOT_TOPIC, "practice", SCOPE_TOPIC);
	if (c->topic) {
		snprintf(what, sizeof what, "Practice this topic: %s", c->topic->title);
		practice_entry(c, ui, e, what, "no questions yet");
	} else {
		e->enabled = false;
		snprintf(e->label, sizeof e->label, "Practice this topic (open a topic first)");
		snprintf(e->why_off, sizeof e->why_off, "Open a topic first");
	}
	e = set_entry(c, SLOT_MARKED, "practice", SCOPE_MARKED);
	if (c->nmarked > 0) {
		snprintf(what, sizeof what, "Practice the %zu marked topic%s", c->nmarked, c->nmarked == 1 ? "" : "s");
		practice_entry(c, ui, e, what, "no questions yet");
	} else {
		e->enabled = false;
		snprintf(e->label, sizeof e->label, "Practice the marked topics (none marked: Space marks one)");
		snprintf(e->why_off, sizeof e->why_off, "No topics are marked: Space marks one in the list");
	}
	char note[64];
	e = set_entry(c, SLOT_ALL, "practice", SCOPE_ALL);
	snprintf(e->label, sizeof e->label, "Practice everything (%s)",
		 questions_note(c->bank->count, note, sizeof note));
	/* How much review there is, from a trial session that asks nothing. */
	e = set_entry(c, SLOT_REVIEW, "review", SCOPE_ALL);
	struct quiz_settings s;
	struct quiz_session trial;
	settings_for(c, ui, e, &s);
	if (quiz_session_start(&trial, c->bank, c->progress, &s) == 0) {
		if (trial.ahead > 0)
			snprintf(e->label, sizeof e->label, "Review: %zu due, %zu before the exam, %zu new", trial.due,
				 trial.ahead, trial.fresh);
		else
			snprintf(e->label, sizeof e->label, "Review: %zu due, %zu new", trial.due, trial.fresh);
		quiz_session_release(&trial);
	} else {
		snprintf(e->label, sizeof e->label, "Review what is due");
	}
	e = set_entry(c, SLOT_EXAM, "exam", c->nmarked > 0 ? SCOPE_MARKED : SCOPE_ALL);
	settings_for(c, ui, e, &s);
	size_t exam = s.count, in_scope = count_questions(c, ui, e);
	if (in_scope < exam)
		exam = in_scope;
	char from[64];
	if (c->nmarked > 0)
		snprintf(from, sizeof from, "the %zu marked topic%s", c->nmarked, c->nmarked == 1 ? "" : "s");
	else
		snprintf(from, sizeof from, "everything");
	if (exam == 0) {
		e->enabled = false;
		snprintf(e->label, sizeof e->label, "Exam from %s (no questions yet)", from);
		snprintf(e->why_off, sizeof e->why_off, "No questions yet in %s", from);
	} else {
		snprintf(e->label, sizeof e->label, "Exam: %zu question%s from %s, no feedback until the end", exam,
			 exam == 1 ? "" : "s", from);
	}
	e = set_entry(c, SLOT_MISTAKES_TODAY, "mistakes", SCOPE_ALL);
	practice_entry(c, ui, e, "Drill my mistakes of today", "none today");
	e = set_entry(c, SLOT_MISTAKES_WEEK, "mistakes-week", SCOPE_ALL);
	practice_entry(c, ui, e, "Drill my mistakes of the last 7 days", "none this week");
	e = set_entry(c, SLOT_WEAKEST, "weakest", SCOPE_WEAKEST);
	long n = c->progress ? study_weakest_topics(ui->library, ui->config, c->progress, clock_now(), c->weakest,
						    QUIZ_WEAKEST_TOPICS)
			     : 0;
	c->nweakest = n > 0 ? (size_t)n : 0;
	if (c->nweakest == 0) {
		e->enabled = false;
		snprintf(e->label, sizeof e->label, "Weakest topics (answer some questions first)");
		snprintf(e->why_off, sizeof e->why_off, "Answer some questions first: then the weakest topics show");
	} else {
		size_t at = (size_t)snprintf(what, sizeof what, "Weakest topics:");
		for (size_t i = 0; i < c->nweakest && at < sizeof what; i++)
			at += (size_t)snprintf(what + at, sizeof what - at, "%s %s", i ? "," : "", c->weakest[i]->title);
		practice_entry(c, ui, e, what, "no questions yet");
	}
	/* Cram asks what is most at risk on the exam date, so it needs one. */
	e = set_entry(c, SLOT_CRAM, "cram", SCOPE_ALL);
	settings_for(c, ui, e, &s);
	if (s.exam_day >= 0) {
		char date[16];
		snprintf(e->label, sizeof e->label, "Cram for the exam on %s: what is most at risk, schedule unchanged",
			 clock_date_text(s.exam_day, date, sizeof date));
	} else {
		e->enabled = false;
		snprintf(e->label, sizeof e->label, "Cram for an exam (no exam date: rxplore exam set DATE)");
		snprintf(e->why_off, sizeof e->why_off, "No exam date: set one with rxplore exam set YYYY-MM-DD");
	}
	/* The cursor starts on the narrowest practice that applies. */
	c->menu_cursor = c->menu[SLOT_TOPIC].enabled ? SLOT_TOPIC : c->menu[SLOT_MARKED].enabled ? SLOT_MARKED
											 : SLOT_ALL;
}

/* The menu again (a new count changes the exam's label). */
static void rebuild_menu(struct quiz_chooser *c, const struct ui *ui)
{
	int cursor = c->menu_cursor;
	build_menu(c, ui);
	c->menu_cursor = cursor;
}

/* --- drawing --------------------------------------------------------------- */

static const char *count_label(const struct quiz_chooser *c, struct line_body *b)
{
	size_t n = count_choices[c->count_choice];
	if (n == 0)
		return "Questions per session: all (an exam: its usual number)";
	return line_body_fmt(b, "Questions per session: at most %zu", n);
}

static void layout_choose(struct quiz_chooser *c, const struct ui *ui, int width)
{
	struct line_body *b = &c->body;
	line_body_add(b, width, 0, NULL, ROLE_TEXT, "What would you like to do?", ROLE_HEADING);
	line_body_blank(b);
	for (int i = 0; i < QUIZ_MENU_MAX; i++) {
		const struct quiz_menu_entry *e = &c->menu[i];
		long l = line_body_add(b, width, 2, line_body_fmt(b, "%c) ", 'a' + i),
				       e->enabled ? ROLE_STATUS_KEY : ROLE_DIM, e->label,
				       e->enabled ? ROLE_TEXT : ROLE_DIM);
		if (l >= 0) {
			b->lines[l].choice = i;
			b->lines[l].cursor = i == c->menu_cursor;
		}
	}
	line_body_blank(b);
	line_body_add(b, width, 2, "n) ", ROLE_STATUS_KEY, count_label(c, b), ROLE_TEXT);
	line_body_blank(b);
	line_body_add(b, width, 0, NULL, ROLE_TEXT,
		      line_body_fmt(b, "Practice gives feedback at once; wrong answers come back until right. "
				       "Review asks what is due today, then up to %d new questions a day. An exam "
				       "gives no feedback until the end. A drill practises your recent mistakes or "
				       "your weakest topics.",
				    ui->config ? ui->config->new_per_day : 20),
		      ROLE_DIM);
	line_body_blank(b);
	line_body_add(b, width, 0, NULL, ROLE_TEXT,
		      line_body_fmt(b, "Press a%s%c or Enter to start; n changes how many questions.",
				    UI_GLYPH(ui, "\xE2\x80\x93", "-"), 'a' + QUIZ_MENU_MAX - 1),
		      ROLE_DIM);
}

static void layout_exam_setup(struct quiz_chooser *c, int width)
{
	struct line_body *b = &c->body;
	line_body_add(b, width, 0, NULL, ROLE_TEXT, c->menu[c->menu_cursor].label, ROLE_HEADING);
	line_body_blank(b);
	const char *limit = "Time limit: none";
	if (c->minutes_text[0])
		limit = line_body_fmt(b, "Time limit: %s minute%s", c->minutes_text,
				      strcmp(c->minutes_text, "1") ? "s" : "");
	long l = line_body_add(b, width, 2, NULL, ROLE_TEXT, limit, ROLE_TEXT);
	if (l >= 0)
		b->lines[l].cursor = true;
	line_body_blank(b);
	line_body_add(b, width, 0, NULL, ROLE_TEXT,
		      line_body_fmt(b, "Type the minutes (up to %d), or leave it empty for no limit. Enter starts "
				       "the exam; Esc goes back.",
				    QUIZ_EXAM_MAX_MINUTES),
		      ROLE_DIM);
	line_body_add(b, width, 0, NULL, ROLE_TEXT,
		      "When the time is up the exam ends; every answer given so far counts and is saved. Cards "
		      "stay closed until the end.",
		      ROLE_DIM);
}

static void chooser_draw(struct screen *screen, struct ui *ui, struct rect area)
{
	struct quiz_chooser *c = chooser_of(screen);
	struct line_body *b = &c->body;
	line_body_begin(b);
	const char *title = c->topic ? line_body_fmt(b, "Quiz %s %s", UI_GLYPH(ui, "\xC2\xB7", "-"), c->topic->title)
				     : "Quiz";
	if (c->exam_setup)
		layout_exam_setup(c, line_body_width(area));
	else
		layout_choose(c, ui, line_body_width(area));
	line_body_draw(b, ui, area, title, "");
}

/* --- keys ------------------------------------------------------------------ */

/* Starts the session: it takes this screen's place. */
static enum intent begin_session(struct quiz_chooser *c, struct ui *ui, int entry, int minutes)
{
	const struct quiz_menu_entry *e = &c->menu[entry];
	struct quiz_settings s;
	settings_for(c, ui, e, &s);
	s.minutes = e->kind->mode == QUIZ_EXAM ? minutes : 0;
	ui->pending = quiz_view_new(ui, &c->bank, &c->progress, &s);
	return ui->pending ? INTENT_REPLACE : INTENT_REDRAW;
}

/* A chosen menu entry: a disabled one says why; an exam first asks for its
 * time limit. */
static enum intent start_entry(struct quiz_chooser *c, struct ui *ui, int entry)
{
	c->menu_cursor = entry;
	c->body.keep_cursor_visible = true;
	if (!c->menu[entry].enabled) {
		ui_message(ui, ROLE_WARNING, "%s", c->menu[entry].why_off);
		return INTENT_REDRAW;
	}
	if (c->menu[entry].kind->mode == QUIZ_EXAM) {
		c->minutes_text[0] = '\0';
		c->exam_setup = true;
		c->body.scroll = 0;
		return INTENT_REDRAW;
	}
	return begin_session(c, ui, entry, 0);
}

/* Up and down skip the entries that do not apply. */
static void move_cursor(struct quiz_chooser *c, int step)
{
	int at = c->menu_cursor;
	for (int tries = 0; tries < QUIZ_MENU_MAX; tries++) {
		at = (at + step + QUIZ_MENU_MAX) % QUIZ_MENU_MAX;
		if (c->menu[at].enabled)
			break;
	}
	c->menu_cursor = at;
	c->body.keep_cursor_visible = true;
}

/* The minutes typed so far (0: none).  Only digits get in, at most three, so
 * no conversion can fail or overflow. */
static int minutes_typed(const struct quiz_chooser *c)
{
	int minutes = 0;
	for (const char *p = c->minutes_text; *p; p++)
		minutes = minutes * 10 + (*p - '0');
	return minutes;
}

/* The time-limit entry sees every key (digits, Backspace) before the actions. */
static enum intent key_exam_setup(struct quiz_chooser *c, struct ui *ui, const struct action *action, int key)
{
	size_t len = strlen(c->minutes_text);
	if (key >= '0' && key <= '9') {
		if (len + 1 >= sizeof c->minutes_text || (len == 0 && key == '0'))
			return INTENT_HANDLED;
		c->minutes_text[len] = (char)key;
		c->minutes_text[len + 1] = '\0';
		if (minutes_typed(c) > QUIZ_EXAM_MAX_MINUTES) {
			c->minutes_text[len] = '\0';
			ui_message(ui, ROLE_WARNING, "At most %d minutes", QUIZ_EXAM_MAX_MINUTES);
		}
		return INTENT_REDRAW;
	}
	if (key == KEYC_BACKSPACE || key == KEYC_DELETE) {
		if (len > 0)
			c->minutes_text[len - 1] = '\0';
		return INTENT_REDRAW;
	}
	if (key == KEYC_ENTER)
		return begin_session(c, ui, c->menu_cursor, minutes_typed(c));
	if (action && action->id == ACT_BACK) {
		c->exam_setup = false;
		return INTENT_REDRAW;
	}
	if (action && action->context != CTX_EXAM_SETUP)
		return INTENT_IGNORED;	/* help, redraw, quit */
	ui_message(ui, ROLE_DIM, "Type the minutes, or nothing for no limit; Enter starts, Esc goes back");
	return INTENT_REDRAW;
}

static enum intent chooser_key(struct screen *screen, struct ui *ui, const struct action *action, int key)
{
	struct quiz_chooser *c = chooser_of(screen);
	if (c->exam_setup)
		return key_exam_setup(c, ui, action, key);
	if (!action || action->context != CTX_QUIZ_MENU)
		return INTENT_IGNORED;
	if (line_body_scroll_key(&c->body, action->id))
		return INTENT_REDRAW;
	switch (action->id) {
	case ACT_BACK: return INTENT_BACK;
	case ACT_QUIZ_CHOOSE:
		if (key < 'a' || key - 'a' >= QUIZ_MENU_MAX)
			return INTENT_HANDLED;
		return start_entry(c, ui, key - 'a');
	case ACT_QUIZ_SUBMIT: return start_entry(c, ui, c->menu_cursor);
	case ACT_QUIZ_COUNT:
		c->count_choice = (c->count_choice + 1) % NCOUNT_CHOICES;
		rebuild_menu(c, ui);
		return INTENT_REDRAW;
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN: move_cursor(c, action->id == ACT_MOVE_UP ? -1 : 1); return INTENT_REDRAW;
	default: return INTENT_HANDLED;
	}
}

static enum intent chooser_mouse(struct screen *screen, struct ui *ui, enum mouse_kind kind, int y, int x)
{
	struct quiz_chooser *c = chooser_of(screen);
	(void)x;
	if (line_body_wheel(&c->body, kind))
		return INTENT_REDRAW;
	int pos = line_body_choice_at(&c->body, y);
	if (pos < 0 || pos >= QUIZ_MENU_MAX || c->exam_setup)
		return INTENT_HANDLED;
	return start_entry(c, ui, pos);
}

static enum action_context chooser_context(const struct screen *screen)
{
	return ((const struct quiz_chooser *)screen)->exam_setup ? CTX_EXAM_SETUP : CTX_QUIZ_MENU;
}

static void chooser_free(struct screen *screen)
{
	struct quiz_chooser *c = chooser_of(screen);
	if (c->bank)
		quiz_bank_release(c->bank);
	free(c->bank);
	progress_close(c->progress);
	line_body_release(&c->body);
	free(c);
}

static const struct screen_ops chooser_ops = {
	.context_now = chooser_context, .draw = chooser_draw, .key = chooser_key,
	.mouse = chooser_mouse, .free = chooser_free,
};

/* Opens the learner's database; a problem is a warning and the quiz goes on
 * (the store still hands back a handle that saves nothing).  Opening progress
 * is shared with line mode in the core's presenter: swap this for it. */
static void open_progress(struct quiz_chooser *c, struct ui *ui)
{
	const char *profile = ui->options ? ui->options->profile : NULL;
	struct study_progress sp;
	char why[4300];
	if (study_progress_open(&sp, profile, STUDY_FOR_WRITING) < 0) {
		ui_message(ui, ROLE_WARNING, "Answers will not be saved: %s",
			   study_strerror(&sp, profile, why, sizeof why));
		return;
	}
	c->progress = sp.progress;
	if (sp.notice.message[0])
		ui_message(ui, ROLE_WARNING, "%s", sp.notice.message);
}

struct screen *quiz_chooser_open(struct ui *ui, const struct screen_request *request)
{
	struct quiz_chooser *c = calloc(1, sizeof *c);
	struct quiz_bank *bank = calloc(1, sizeof *bank);
	if (!c || !bank || quiz_bank_build(bank, ui->library) < 0) {
		free(bank);
		free(c);
		ui_message(ui, ROLE_ERROR, "Out of memory");
		return NULL;
	}
	c->base.ops = &chooser_ops;
	c->bank = bank;
	c->topic = request ? request->card : NULL;
	for (size_t i = 0; request && i < request->ncards && c->nmarked < QUIZ_MARKED_MAX; i++)
		c->marked[c->nmarked++] = request->cards[i];
	if (c->bank->count == 0) {
		ui_message(ui, ROLE_WARNING, "The loaded cards have no questions yet");
		chooser_free(&c->base);
		return NULL;
	}
	open_progress(c, ui);
	build_menu(c, ui);
	return &c->base;
}
