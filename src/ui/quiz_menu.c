/* quiz_menu — the quiz screen's chooser: the menu of practice, review and
 * exam, the exam's time-limit entry, and starting the session chosen.  The
 * rest of the screen (asking, feedback, summary) is quiz_view.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quiz_view.h"
#include "study.h"

static void settings_for(const struct quiz_view *v, const struct ui *ui, enum quiz_mode mode,
			 enum quiz_scope scope, struct quiz_settings *s)
{
	study_quiz_settings(s, ui->config, mode, study_seed_now());
	if (scope == SCOPE_TOPIC && v->topic) {
		s->topics = &v->topic;
		s->ntopics = 1;
	} else if (scope == SCOPE_MARKED) {
		s->topics = v->marked;
		s->ntopics = v->nmarked;
	}
}

static void add_entry(struct quiz_view *v, enum quiz_mode mode, enum quiz_scope scope, const char *label)
{
	struct quiz_menu_entry *e = &v->menu[v->nmenu++];
	e->mode = mode;
	e->scope = scope;
	snprintf(e->label, sizeof e->label, "%s", label);
}

/* Questions a practice session over this scope would ask. */
static size_t count_questions(const struct quiz_view *v, const struct ui *ui, enum quiz_scope scope)
{
	struct quiz_settings s;
	struct quiz_session trial;
	settings_for(v, ui, QUIZ_PRACTICE, scope, &s);
	if (quiz_session_start(&trial, &v->bank, NULL, &s) < 0)
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

void quiz_menu_build(struct quiz_view *v, const struct ui *ui)
{
	char label[160], note[64];
	size_t n;
	v->menu_cursor = -1;
	if (v->topic) {
		n = count_questions(v, ui, SCOPE_TOPIC);
		snprintf(label, sizeof label, "Practice this topic: %s (%s)", v->topic->title,
			 questions_note(n, note, sizeof note));
		if (n > 0)
			v->menu_cursor = v->nmenu;
		add_entry(v, QUIZ_PRACTICE, SCOPE_TOPIC, label);
	}
	if (v->nmarked > 0) {
		n = count_questions(v, ui, SCOPE_MARKED);
		snprintf(label, sizeof label, "Practice the %zu marked topics (%s)", v->nmarked,
			 questions_note(n, note, sizeof note));
		if (n > 0 && v->menu_cursor < 0)
			v->menu_cursor = v->nmenu;
		add_entry(v, QUIZ_PRACTICE, SCOPE_MARKED, label);
	}
	if (v->menu_cursor < 0)
		v->menu_cursor = v->nmenu;
	snprintf(label, sizeof label, "Practice everything (%s)", questions_note(v->bank.count, note, sizeof note));
	add_entry(v, QUIZ_PRACTICE, SCOPE_ALL, label);
	/* How much review there is, from a trial session that asks nothing. */
	struct quiz_settings s;
	struct quiz_session trial;
	settings_for(v, ui, QUIZ_REVIEW, SCOPE_ALL, &s);
	if (quiz_session_start(&trial, &v->bank, v->progress, &s) == 0) {
		snprintf(label, sizeof label, "Review: %zu due, %zu new", trial.due, trial.fresh);
		quiz_session_release(&trial);
	} else {
		snprintf(label, sizeof label, "Review what is due");
	}
	add_entry(v, QUIZ_REVIEW, SCOPE_ALL, label);
	snprintf(label, sizeof label, "Exam: %d questions from everything, no feedback until the end",
		 ui->config ? ui->config->exam_questions : QUIZ_DEFAULT_EXAM_QUESTIONS);
	add_entry(v, QUIZ_EXAM, SCOPE_ALL, label);
}

static enum intent begin_session(struct quiz_view *v, struct ui *ui, int entry, int minutes)
{
	const struct quiz_menu_entry *e = &v->menu[entry];
	struct quiz_settings s;
	settings_for(v, ui, e->mode, e->scope, &s);
	s.minutes = e->mode == QUIZ_EXAM ? minutes : 0;
	v->timed_out = false;
	v->seconds_shown = -1;
	if (v->in_session)
		quiz_session_release(&v->session);
	v->in_session = false;
	if (quiz_session_start(&v->session, &v->bank, v->progress, &s) < 0) {
		ui_message(ui, ROLE_ERROR, "Cannot start the quiz: %s",
			   v->progress && progress_error(v->progress)[0] ? progress_error(v->progress)
									 : "out of memory");
		return INTENT_REDRAW;
	}
	v->in_session = true;
	if (v->session.count == 0) {
		ui_message(ui, ROLE_WARNING, "%s",
			   e->mode == QUIZ_REVIEW ? "Nothing is due and no new questions are left for today"
						  : "No questions for this choice yet");
		quiz_session_release(&v->session);
		v->in_session = false;
		return INTENT_REDRAW;
	}
	v->stage = STAGE_ASK;
	quiz_view_begin_question(v);
	return INTENT_REDRAW;
}

/* A chosen menu entry: an exam first asks for its time limit. */
enum intent quiz_menu_start(struct quiz_view *v, struct ui *ui, int entry)
{
	if (v->menu[entry].mode == QUIZ_EXAM) {
		v->menu_cursor = entry;
		v->minutes_text[0] = '\0';
		v->stage = STAGE_EXAM_SETUP;
		return INTENT_REDRAW;
	}
	return begin_session(v, ui, entry, 0);
}

/* The minutes typed so far (0: none).  Only digits get in, at most three, so
 * no conversion can fail or overflow. */
static int minutes_typed(const struct quiz_view *v)
{
	int minutes = 0;
	for (const char *c = v->minutes_text; *c; c++)
		minutes = minutes * 10 + (*c - '0');
	return minutes;
}

static enum intent key_exam_setup(struct quiz_view *v, struct ui *ui, const struct action *action, int key)
{
	size_t len = strlen(v->minutes_text);
	if (key >= '0' && key <= '9') {
		if (len + 1 >= sizeof v->minutes_text || (len == 0 && key == '0'))
			return INTENT_HANDLED;
		v->minutes_text[len] = (char)key;
		v->minutes_text[len + 1] = '\0';
		if (minutes_typed(v) > QUIZ_EXAM_MAX_MINUTES) {
			v->minutes_text[len] = '\0';
			ui_message(ui, ROLE_WARNING, "At most %d minutes", QUIZ_EXAM_MAX_MINUTES);
		}
		return INTENT_REDRAW;
	}
	if (key == KEYC_BACKSPACE || key == KEYC_DELETE) {
		if (len > 0)
			v->minutes_text[len - 1] = '\0';
		return INTENT_REDRAW;
	}
	if (key == KEYC_ENTER)
		return begin_session(v, ui, v->menu_cursor, minutes_typed(v));
	if (action && action->id == ACT_BACK) {
		v->stage = STAGE_CHOOSE;
		return INTENT_REDRAW;
	}
	if (action && action->context != CTX_QUIZ)
		return INTENT_IGNORED;	/* help, redraw, quit */
	ui_message(ui, ROLE_DIM, "Type the minutes, or nothing for no limit; Enter starts, Esc goes back");
	return INTENT_REDRAW;
}

static enum intent key_choose(struct quiz_view *v, struct ui *ui, const struct action *action, int key)
{
	switch (action->id) {
	case ACT_QUIZ_CHOOSE:
		if (key - 'a' >= v->nmenu)
			return INTENT_HANDLED;
		v->menu_cursor = key - 'a';
		return quiz_menu_start(v, ui, v->menu_cursor);
	case ACT_QUIZ_SUBMIT: return quiz_menu_start(v, ui, v->menu_cursor);
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		v->menu_cursor = (v->menu_cursor + (action->id == ACT_MOVE_UP ? v->nmenu - 1 : 1)) % v->nmenu;
		return INTENT_REDRAW;
	default: return INTENT_HANDLED;
	}
}

/* Keys of STAGE_CHOOSE and STAGE_EXAM_SETUP.  The time-limit entry sees
 * every key (digits, Backspace), so it comes before the action filter. */
enum intent quiz_menu_key(struct quiz_view *v, struct ui *ui, const struct action *action, int key)
{
	if (v->stage == STAGE_EXAM_SETUP)
		return key_exam_setup(v, ui, action, key);
	return key_choose(v, ui, action, key);
}
