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

#include "quiz_view.h"
#include "screens.h"
#include "clock.h"
#include "scroll.h"
#include "study.h"

#define QUIZ_MENU_MAX 6

enum quiz_scope { SCOPE_TOPIC, SCOPE_MARKED, SCOPE_ALL };

struct quiz_menu_entry {
	enum quiz_mode mode;
	enum quiz_scope scope;
	char label[160];
};

struct quiz_chooser {
	struct screen base;
	struct line_body body;
	struct quiz_bank *bank;		/* owned until a session takes it */
	struct progress *progress;	/* likewise; NULL: nothing is saved */
	/* What the screen was opened on. */
	const struct card *topic;
	const struct card *marked[QUIZ_MARKED_MAX];
	size_t nmarked;
	struct quiz_menu_entry menu[QUIZ_MENU_MAX];
	int nmenu, menu_cursor;
	bool exam_setup;	/* asking for the exam's time limit */
	char minutes_text[4];	/* the limit as typed (digits, "" for none) */
};

static struct quiz_chooser *chooser_of(struct screen *screen)
{
	return (struct quiz_chooser *)screen;
}

/* The session's settings from the config (quiz settings shared with line
 * mode belong in the core: this is the one place to swap for it). */
static void settings_for(const struct quiz_chooser *c, const struct ui *ui, enum quiz_mode mode,
			 enum quiz_scope scope, struct quiz_settings *s)
{
	/* The config's defaults and the seed come from the presenter the
	 * line mode uses too; only the topics are this screen's. */
	study_quiz_settings(s, ui->config, mode, study_seed_now());
	study_exam_day(ui->options ? ui->options->profile : NULL, ui->config, &s->exam_day);
	if (scope == SCOPE_TOPIC && c->topic) {
		s->topics = &c->topic;
		s->ntopics = 1;
	} else if (scope == SCOPE_MARKED) {
		s->topics = c->marked;
		s->ntopics = c->nmarked;
	}
}

static void add_entry(struct quiz_chooser *c, enum quiz_mode mode, enum quiz_scope scope, const char *label)
{
	struct quiz_menu_entry *e = &c->menu[c->nmenu++];
	e->mode = mode;
	e->scope = scope;
	snprintf(e->label, sizeof e->label, "%s", label);
}

/* Questions a practice session over this scope would ask. */
static size_t count_questions(const struct quiz_chooser *c, const struct ui *ui, enum quiz_scope scope)
{
	struct quiz_settings s;
	struct quiz_session trial;
	settings_for(c, ui, QUIZ_PRACTICE, scope, &s);
	if (quiz_session_start(&trial, c->bank, NULL, &s) < 0)
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

static void build_menu(struct quiz_chooser *c, const struct ui *ui)
{
	char label[160], note[64];
	size_t n;
	c->menu_cursor = -1;
	if (c->topic) {
		n = count_questions(c, ui, SCOPE_TOPIC);
		snprintf(label, sizeof label, "Practice this topic: %s (%s)", c->topic->title,
			 questions_note(n, note, sizeof note));
		if (n > 0)
			c->menu_cursor = c->nmenu;
		add_entry(c, QUIZ_PRACTICE, SCOPE_TOPIC, label);
	}
	if (c->nmarked > 0) {
		n = count_questions(c, ui, SCOPE_MARKED);
		snprintf(label, sizeof label, "Practice the %zu marked topics (%s)", c->nmarked,
			 questions_note(n, note, sizeof note));
		if (n > 0 && c->menu_cursor < 0)
			c->menu_cursor = c->nmenu;
		add_entry(c, QUIZ_PRACTICE, SCOPE_MARKED, label);
	}
	if (c->menu_cursor < 0)
		c->menu_cursor = c->nmenu;
	snprintf(label, sizeof label, "Practice everything (%s)", questions_note(c->bank->count, note, sizeof note));
	add_entry(c, QUIZ_PRACTICE, SCOPE_ALL, label);
	/* How much review there is, from a trial session that asks nothing. */
	struct quiz_settings s;
	struct quiz_session trial;
	settings_for(c, ui, QUIZ_REVIEW, SCOPE_ALL, &s);
	if (quiz_session_start(&trial, c->bank, c->progress, &s) == 0) {
		if (trial.ahead > 0)
			snprintf(label, sizeof label, "Review: %zu due, %zu before the exam, %zu new", trial.due,
				 trial.ahead, trial.fresh);
		else
			snprintf(label, sizeof label, "Review: %zu due, %zu new", trial.due, trial.fresh);
		quiz_session_release(&trial);
	} else {
		snprintf(label, sizeof label, "Review what is due");
	}
	add_entry(c, QUIZ_REVIEW, SCOPE_ALL, label);
	int exam = ui->config ? ui->config->exam_questions : QUIZ_DEFAULT_EXAM_QUESTIONS;
	snprintf(label, sizeof label, "Exam: %d question%s from everything, no feedback until the end", exam,
		 exam == 1 ? "" : "s");
	add_entry(c, QUIZ_EXAM, SCOPE_ALL, label);
	if (s.exam_day >= 0) {
		char date[16];
		snprintf(label, sizeof label, "Cram for the exam on %s: what is most at risk, schedule unchanged",
			 clock_date_text(s.exam_day, date, sizeof date));
		add_entry(c, QUIZ_CRAM, SCOPE_ALL, label);
	}
}

/* --- drawing --------------------------------------------------------------- */

static void layout_choose(struct quiz_chooser *c, const struct ui *ui, int width)
{
	struct line_body *b = &c->body;
	line_body_add(b, width, 0, NULL, ROLE_TEXT, "What would you like to do?", ROLE_HEADING);
	line_body_blank(b);
	for (int i = 0; i < c->nmenu; i++) {
		long l = line_body_add(b, width, 2, line_body_fmt(b, "%c) ", 'a' + i), ROLE_STATUS_KEY,
				       c->menu[i].label, ROLE_TEXT);
		if (l >= 0) {
			b->lines[l].choice = i;
			b->lines[l].cursor = i == c->menu_cursor;
		}
	}
	line_body_blank(b);
	line_body_add(b, width, 0, NULL, ROLE_TEXT,
		      line_body_fmt(b, "Practice gives feedback at once; wrong answers come back until right. "
				       "Review asks what is due today, then up to %d new questions a day. An exam "
				       "gives no feedback until the end.",
				    ui->config ? ui->config->new_per_day : 20),
		      ROLE_DIM);
	line_body_blank(b);
	line_body_add(b, width, 0, NULL, ROLE_TEXT,
		      line_body_fmt(b, "Press a%s%c or Enter to start.", UI_GLYPH(ui, "\xE2\x80\x93", "-"),
				    'a' + c->nmenu - 1),
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
	settings_for(c, ui, e->mode, e->scope, &s);
	s.minutes = e->mode == QUIZ_EXAM ? minutes : 0;
	ui->pending = quiz_view_new(ui, &c->bank, &c->progress, &s);
	return ui->pending ? INTENT_REPLACE : INTENT_REDRAW;
}

/* A chosen menu entry: an exam first asks for its time limit. */
static enum intent start_entry(struct quiz_chooser *c, struct ui *ui, int entry)
{
	c->menu_cursor = entry;
	if (c->menu[entry].mode == QUIZ_EXAM) {
		c->minutes_text[0] = '\0';
		c->exam_setup = true;
		c->body.scroll = 0;
		return INTENT_REDRAW;
	}
	return begin_session(c, ui, entry, 0);
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
	switch (action->id) {
	case ACT_BACK: return INTENT_BACK;
	case ACT_SCROLL_PAGE_UP:
	case ACT_SCROLL_PAGE_DOWN: {
		long page = scroll_page(c->body.visible);
		line_body_scroll(&c->body, action->id == ACT_SCROLL_PAGE_UP ? -page : page);
		return INTENT_REDRAW;
	}
	case ACT_QUIZ_CHOOSE:
		if (key - 'a' >= c->nmenu)
			return INTENT_HANDLED;
		return start_entry(c, ui, key - 'a');
	case ACT_QUIZ_SUBMIT: return start_entry(c, ui, c->menu_cursor);
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		c->menu_cursor = (c->menu_cursor + (action->id == ACT_MOVE_UP ? c->nmenu - 1 : 1)) % c->nmenu;
		c->body.keep_cursor_visible = true;
		return INTENT_REDRAW;
	default: return INTENT_HANDLED;
	}
}

static enum intent chooser_mouse(struct screen *screen, struct ui *ui, enum mouse_kind kind, int y, int x)
{
	struct quiz_chooser *c = chooser_of(screen);
	(void)x;
	if (kind != MOUSE_CLICK) {
		line_body_scroll(&c->body, scroll_wheel(kind));
		return INTENT_REDRAW;
	}
	int pos = line_body_choice_at(&c->body, y);
	if (pos < 0 || c->exam_setup)
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
	.name = "quiz chooser",
	.context = chooser_context,
	.draw = chooser_draw,
	.key = chooser_key,
	.mouse = chooser_mouse,
	.free = chooser_free,
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
