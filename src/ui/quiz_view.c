/* quiz_view — the quiz session screen's state and keys (see quiz_view.h):
 * built from finished settings by the chooser.  Answers are saved as they
 * are given, through the session (quiz.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "quiz_order.h"
#include "quiz_report.h"
#include "quiz_typed.h"
#include "quiz_view.h"
#include "screens.h"
#include "scroll.h"
#include "text.h"

static struct quiz_view *view_of(struct screen *screen)
{
	return (struct quiz_view *)screen;
}

/* Resets the asking state for the question at the cursor. */
static void begin_question(struct quiz_view *v)
{
	v->cursor = 0;
	v->selected = 0;
	memset(v->answers, 0, sizeof v->answers);
	memset(v->accepted, 0, sizeof v->accepted);
	v->part = 0;
	v->confirming = false;
	v->body.scroll = 0;
	v->body.keep_cursor_visible = true;
	v->case_anchor = true;
	clock_gettime(CLOCK_MONOTONIC, &v->shown);
}

/* The exam's mistakes (quiz_report.h says what counts): the summary lists
 * them and opens the card behind each. */
static void collect_mistakes(struct quiz_view *v)
{
	free(v->mistakes);
	v->mistakes = NULL;
	v->nmistakes = 0;
	v->mistake_cursor = -1;
	if (v->session.settings.mode != QUIZ_EXAM || v->session.count == 0)
		return;
	v->mistakes = malloc(v->session.count * sizeof *v->mistakes);
	if (!v->mistakes)
		return;	/* the summary still shows the score; only the list is lost */
	v->nmistakes = quiz_report_mistakes(&v->session, v->mistakes);
}

static void finish(struct quiz_view *v)
{
	if (v->have_summary)
		quiz_summary_release(&v->summary);
	v->have_summary = quiz_session_summary(&v->session, &v->summary) == 0;
	if (!v->have_summary)
		memset(&v->summary, 0, sizeof v->summary);
	collect_mistakes(v);
	v->confirm_end = false;
	v->timed_out = quiz_session_seconds_left(&v->session) == 0;
	v->stage = STAGE_SUMMARY;
	v->body.scroll = 0;
	v->body.keep_cursor_visible = false;
	v->seconds_shown = -1;
}

/* After an answer or a "next": the next question, or the summary. */
static void advance(struct quiz_view *v)
{
	if (quiz_session_current(&v->session)) {
		v->stage = STAGE_ASK;
		begin_question(v);
	} else {
		finish(v);
	}
}

static long elapsed_ms(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)((now.tv_sec - since->tv_sec) * 1000 + (now.tv_nsec - since->tv_nsec) / 1000000);
}

/* After an answer was recorded: the feedback, or in an exam the next question. */
static enum intent answered(struct quiz_view *v, struct ui *ui)
{
	if (v->session.save_failed)
		ui_message(ui, ROLE_WARNING, "This answer could not be saved: %s", progress_error(v->progress));
	if (v->session.settings.mode == QUIZ_EXAM) {
		quiz_session_next(&v->session);
		advance(v);
		return INTENT_REDRAW;
	}
	v->stage = STAGE_FEEDBACK;
	v->body.scroll = 0;
	v->body.keep_cursor_visible = false;
	v->case_anchor = true;
	return INTENT_REDRAW;
}

static enum intent submit(struct quiz_view *v, struct ui *ui, bool dont_know)
{
	struct quiz_item *item = quiz_session_answering(&v->session);
	if (!item)
		return INTENT_HANDLED;
	size_t n = item->question->nchoices;
	if (!dont_know && v->selected == 0) {
		ui_message(ui, ROLE_WARNING, "Choose an answer with a%s%c first, or press x for I don't know",
			   UI_GLYPH(ui, "\xE2\x80\x93", "-"), 'a' + (int)n - 1);
		return INTENT_REDRAW;
	}
	if (quiz_session_answer(&v->session, v->selected, dont_know, elapsed_ms(&v->shown)) < 0)
		return INTENT_HANDLED;
	return answered(v, ui);
}

/* The part typed is done (its typo, if any, settled): the next gap, or the
 * answer graded once every part is in. */
static enum intent next_part(struct quiz_view *v, struct ui *ui)
{
	struct quiz_item *item = quiz_session_answering(&v->session);
	v->confirming = false;
	size_t nparts = item ? quiz_typed_parts(item->question) : 0;
	if (++v->part < nparts)
		return INTENT_REDRAW;
	const char *texts[QUESTION_MAX_CHOICES];
	for (size_t i = 0; i < nparts && i < QUESTION_MAX_CHOICES; i++)
		texts[i] = v->answers[i];
	if (quiz_session_answer_parts(&v->session, texts, v->accepted, nparts, elapsed_ms(&v->shown)) < 0)
		return INTENT_HANDLED;
	return answered(v, ui);
}

/* Enter on a typed part: I don't know, a typo to confirm first, or on. */
static enum intent submit_part(struct quiz_view *v, struct ui *ui)
{
	struct quiz_item *item = quiz_session_answering(&v->session);
	if (!item)
		return INTENT_HANDLED;
	if (quiz_is_arranged(item->question))
		return quiz_view_answer_arranged(v, ui, elapsed_ms(&v->shown)) < 0 ? INTENT_REDRAW : answered(v, ui);
	const char *text = v->answers[v->part];
	bool cloze = item->question->type == QUESTION_CLOZE;
	if (!cloze && quiz_typed_dont_know(text))
		return submit(v, ui, true);
	if (text_blank(text)) {
		if (cloze)
			ui_message(ui, ROLE_WARNING, "Type the answer for gap %zu first, or x for I don't know",
				   v->part + 1);
		else
			ui_message(ui, ROLE_WARNING, "Type an answer first, or x for I don't know");
		return INTENT_REDRAW;
	}
	if (!quiz_typed_dont_know(text) &&
	    quiz_typed_check_part(item->question, v->part, text, v->meant, sizeof v->meant) == TYPED_TYPO) {
		v->confirming = true;
		return INTENT_REDRAW;
	}
	v->accepted[v->part] = false;
	return next_part(v, ui);
}

static enum intent key_typing(struct quiz_view *v, struct ui *ui, const struct action *action, int key)
{
	if (v->confirming) {
		if (!action || action->context == CTX_GLOBAL)
			return INTENT_IGNORED;
		switch (action->id) {
		case ACT_QUIZ_YES:
		case ACT_QUIZ_NO: v->accepted[v->part] = action->id == ACT_QUIZ_YES; return next_part(v, ui);
		case ACT_BACK: v->confirming = false; return INTENT_REDRAW;
		default: return INTENT_HANDLED;
		}
	}
	if (key >= ' ' && key < KEYC_BASE && key != 0x7f) {
		ui_input_append(v->answers[v->part], sizeof v->answers[v->part], key);
		return INTENT_REDRAW;
	}
	if (!action || action->context == CTX_GLOBAL)
		return INTENT_IGNORED;
	switch (action->id) {
	case ACT_QUIZ_SUBMIT: return submit_part(v, ui);
	case ACT_PROMPT_ERASE:
		/* On an empty gap, back to the gap before. */
		if (!v->answers[v->part][0] && v->part > 0)
			v->part--;
		else
			ui_input_erase(v->answers[v->part]);
		return INTENT_REDRAW;
	case ACT_PROMPT_CLEAR: v->answers[v->part][0] = '\0'; return INTENT_REDRAW;
	default: return INTENT_IGNORED;	/* Esc, paging: as for any question */
	}
}

static enum intent choose(struct quiz_view *v, int pos)
{
	struct quiz_item *item = quiz_session_answering(&v->session);
	if (!item || pos < 0 || (size_t)pos >= item->question->nchoices)
		return INTENT_HANDLED;
	v->cursor = pos;
	if (item->question->type == QUESTION_MULTI)
		v->selected ^= 1u << pos;
	else
		v->selected = 1u << pos;
	v->body.keep_cursor_visible = true;
	return INTENT_REDRAW;
}

static enum intent undo(struct quiz_view *v, struct ui *ui)
{
	if (quiz_session_undo(&v->session) < 0) {
		ui_message(ui, ROLE_DIM, "Nothing to undo");
		return INTENT_REDRAW;
	}
	v->stage = STAGE_ASK;
	begin_question(v);
	ui_message(ui, ROLE_DIM, "Answer taken back: answer again");
	return INTENT_REDRAW;
}

const struct leech *quiz_view_leech(const struct quiz_view *v)
{
	const struct quiz_item *item = v->stage == STAGE_ASK && v->session.current < v->session.count
					       ? &v->session.items[v->session.current] : NULL;
	if (!item || item->reask || item->case_part > 0 || v->session.settings.mode == QUIZ_EXAM)
		return NULL;
	return confusion_leech(&v->known, item->question);
}

/* Before a leech is answered, o opens what the offer names: the comparison
 * with the topic its wrong answers chose, else its section. */
static enum intent open_leech_offer(struct ui *ui, const struct leech *leech)
{
	const struct quiz_question *q = leech->question;
	if (leech->mixed_with) {
		const struct card *cards[2] = { q->card, leech->mixed_with };
		struct screen_request request = { .card = q->card, .section = -1, .cards = cards, .ncards = 2 };
		return screens_open(ui, SCREEN_COMPARE, &request);
	}
	ui->pending = card_peek_new(ui, q->card, q->see);
	return ui->pending ? INTENT_OPEN : INTENT_REDRAW;
}

static enum intent open_card(struct quiz_view *v, struct ui *ui)
{
	struct quiz_item *item = quiz_session_answering(&v->session);
	const struct leech *leech = quiz_view_leech(v);
	if (leech)
		return open_leech_offer(ui, leech);
	if (v->session.settings.mode == QUIZ_EXAM && v->stage != STAGE_SUMMARY) {
		ui_message(ui, ROLE_WARNING, "Opening cards is off until the exam ends");
		return INTENT_REDRAW;
	}
	if (v->stage != STAGE_FEEDBACK || !item) {
		ui_message(ui, ROLE_DIM, "Answer first: then o opens the card that explains it");
		return INTENT_REDRAW;
	}
	ui->pending = card_peek_new(ui, item->question->card, item->question->see);
	return ui->pending ? INTENT_OPEN : INTENT_REDRAW;
}

static enum intent scroll_body(struct quiz_view *v, long delta);

static enum intent open_mistake(struct quiz_view *v, struct ui *ui)
{
	if (v->mistake_cursor < 0 || (size_t)v->mistake_cursor >= v->nmistakes) {
		ui_message(ui, ROLE_DIM, "Pick a mistake with %s first",
			   UI_GLYPH(ui, "\xE2\x86\x91\xE2\x86\x93", "j/k"));
		return INTENT_REDRAW;
	}
	const struct quiz_question *q = v->session.items[v->mistakes[v->mistake_cursor]].question;
	ui->pending = card_peek_new(ui, q->card, q->see);
	return ui->pending ? INTENT_OPEN : INTENT_REDRAW;
}

/* Up and down walk the mistakes (none selected shows the score at the top). */
static enum intent move_mistake(struct quiz_view *v, int delta)
{
	long next = v->mistake_cursor + delta;
	if (next < -1 || next >= (long)v->nmistakes)
		return INTENT_HANDLED;
	v->mistake_cursor = next;
	v->body.keep_cursor_visible = next >= 0;
	if (next < 0)
		v->body.scroll = 0;
	return INTENT_REDRAW;
}

static enum intent key_summary(struct quiz_view *v, struct ui *ui, const struct action *action)
{
	bool up = action->id == ACT_MOVE_UP;
	switch (action->id) {
	case ACT_QUIZ_SUBMIT:
		return v->mistake_cursor >= 0 ? open_mistake(v, ui) : INTENT_BACK;
	case ACT_QUIZ_OPEN: return open_mistake(v, ui);
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		if (v->nmistakes > 0)
			return move_mistake(v, up ? -1 : 1);
		return scroll_body(v, up ? -1 : 1);
	default: return INTENT_HANDLED;
	}
}

static enum intent scroll_body(struct quiz_view *v, long delta)
{
	line_body_scroll(&v->body, delta);
	v->case_anchor = false;
	return INTENT_REDRAW;
}

static enum intent key_ask(struct quiz_view *v, struct ui *ui, const struct action *action, int key)
{
	struct quiz_item *item = quiz_session_answering(&v->session);
	int n = item ? (int)item->question->nchoices : 0;
	switch (action->id) {
	case ACT_QUIZ_CHOOSE: return choose(v, key - 'a');
	case ACT_QUIZ_TOGGLE: return choose(v, v->cursor);
	case ACT_QUIZ_SUBMIT: return submit(v, ui, false);
	case ACT_QUIZ_DONT_KNOW: return submit(v, ui, true);
	case ACT_QUIZ_UNDO: return undo(v, ui);
	case ACT_QUIZ_OPEN: return open_card(v, ui);
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		if (n == 0)
			return INTENT_HANDLED;
		v->cursor = (v->cursor + (action->id == ACT_MOVE_UP ? n - 1 : 1)) % n;
		if (item->question->type != QUESTION_MULTI)
			v->selected = 1u << v->cursor;
		v->body.keep_cursor_visible = true;
		return INTENT_REDRAW;
	case ACT_QUIZ_GRADE:
		ui_message(ui, ROLE_DIM, "Answer first; 1 to 4 then change the grade");
		return INTENT_REDRAW;
	default: return INTENT_HANDLED;
	}
}

static enum intent key_feedback(struct quiz_view *v, struct ui *ui, const struct action *action, int key)
{
	static const char *const names[] = { "", "Again", "Hard", "Good", "Easy" };
	switch (action->id) {
	case ACT_QUIZ_SUBMIT:
		quiz_session_next(&v->session);
		advance(v);
		return INTENT_REDRAW;
	case ACT_QUIZ_GRADE:
		if (key < '1' || key > '4')	/* the action's keys; said for clang-analyzer's sake */
			return INTENT_HANDLED;
		if (quiz_case_pending(&v->session))
			ui_message(ui, ROLE_DIM, "A case is graded once, after its last part");
		else if (quiz_session_grade(&v->session, (enum fsrs_grade)(key - '0')) < 0)
			ui_message(ui, ROLE_WARNING, "The grade could not be changed: %s",
				   v->progress ? progress_error(v->progress) : "not saving");
		else
			ui_message(ui, ROLE_OK, "Graded %s", names[key - '0']);
		return INTENT_REDRAW;
	case ACT_QUIZ_UNDO: return undo(v, ui);
	case ACT_QUIZ_OPEN: return open_card(v, ui);
	case ACT_MOVE_UP: return scroll_body(v, -1);
	case ACT_MOVE_DOWN: return scroll_body(v, 1);
	default: return INTENT_HANDLED;
	}
}

static enum intent quiz_view_key(struct screen *screen, struct ui *ui, const struct action *action, int key)
{
	struct quiz_view *v = view_of(screen);
	struct quiz_item *asked = v->stage == STAGE_ASK ? quiz_session_answering(&v->session) : NULL;
	if (asked && (quiz_typed_parts(asked->question) > 0 || quiz_is_arranged(asked->question))) {
		enum intent intent = key_typing(v, ui, action, key);
		if (intent != INTENT_IGNORED || !action || action->context == CTX_GLOBAL)
			return intent;
	}
	/* After answering, the answer keys only say so (they are not actions there). */
	if (v->stage == STAGE_FEEDBACK && !action && ((key >= 'a' && key <= 'f') || key == ' ' || key == 'x')) {
		ui_message(ui, ROLE_DIM, "Already answered: Enter goes on, u takes the answer back");
		return INTENT_REDRAW;
	}
	if (v->confirm_end) {
		v->confirm_end = false;
		if (key == 'y' || key == 'Y') {
			finish(v);
			return INTENT_REDRAW;
		}
		ui_message(ui, ROLE_DIM, "The exam goes on");
		return INTENT_REDRAW;
	}
	if (!action || action->context == CTX_GLOBAL)
		return INTENT_IGNORED;
	if (action->id == ACT_BACK && v->stage == STAGE_ASK && v->session.settings.mode == QUIZ_EXAM) {
		/* One key must not end an exam: every question left would count as
		 * unanswered. */
		size_t left = v->session.count - v->session.current;
		v->confirm_end = true;
		ui_message(ui, ROLE_WARNING, "End the exam (%zu unanswered)? y ends it; other keys go on", left);
		return INTENT_REDRAW;
	}
	if (action->id == ACT_BACK) {
		/* Ending a session early still shows what was done. */
		if ((v->stage == STAGE_ASK || v->stage == STAGE_FEEDBACK) && v->session.nhistory > 0) {
			finish(v);
			return INTENT_REDRAW;
		}
		return INTENT_BACK;
	}
	if (line_body_scroll_key(&v->body, action->id)) {
		v->case_anchor = false;	/* the learner scrolls now, not the part asked */
		return INTENT_REDRAW;
	}
	switch (v->stage) {
	case STAGE_ASK: return key_ask(v, ui, action, key);
	case STAGE_FEEDBACK: return key_feedback(v, ui, action, key);
	case STAGE_SUMMARY: return key_summary(v, ui, action);
	}
	return INTENT_HANDLED;
}

/* The exam's countdown: redraw when the seconds shown change; end the exam
 * when they run out (what was answered is saved already). */
static enum intent quiz_view_tick(struct screen *screen, struct ui *ui)
{
	struct quiz_view *v = view_of(screen);
	if (v->stage != STAGE_ASK && v->stage != STAGE_FEEDBACK)
		return INTENT_HANDLED;
	long left = quiz_session_seconds_left(&v->session);
	if (left < 0 || left == v->seconds_shown)
		return INTENT_HANDLED;
	if (left == 0) {
		finish(v);
		ui_message(ui, ROLE_WARNING, "Time is up: the exam is over");
	}
	return INTENT_REDRAW;
}

static enum intent quiz_view_mouse(struct screen *screen, struct ui *ui, enum mouse_kind kind, int y, int x)
{
	struct quiz_view *v = view_of(screen);
	(void)x;
	if (kind != MOUSE_CLICK)
		return scroll_body(v, scroll_wheel(kind));
	int pos = line_body_choice_at(&v->body, y);
	if (pos < 0)
		return INTENT_HANDLED;
	if (v->stage == STAGE_SUMMARY) {
		v->mistake_cursor = pos;
		return open_mistake(v, ui);
	}
	return v->stage == STAGE_ASK ? choose(v, pos) : INTENT_HANDLED;
}

static void quiz_view_draw(struct screen *screen, struct ui *ui, struct rect area)
{
	quiz_draw(view_of(screen), ui, area);
}

static enum action_context quiz_view_context(const struct screen *screen)
{
	const struct quiz_view *v = (const struct quiz_view *)screen;
	switch (v->stage) {
	case STAGE_FEEDBACK: return CTX_QUIZ_FEEDBACK;
	case STAGE_SUMMARY: return CTX_QUIZ_SUMMARY;
	default: {
		const struct quiz_item *answering = quiz_session_answering(&v->session);
		if (answering && (quiz_typed_parts(answering->question) > 0 || quiz_is_arranged(answering->question)))
			return v->confirming ? CTX_QUIZ_CONFIRM : CTX_QUIZ_TYPE;
		return CTX_QUIZ;
	}
	}
}

/* The table's hints, less picking and opening mistakes when there are none,
 * and with only the letters the question on the screen has. */
static void quiz_view_hints(const struct screen *screen, const struct ui *ui, char *buf, size_t size)
{
	static const enum action_id no_mistakes[] = { ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_QUIZ_OPEN };
	const struct quiz_view *v = (const struct quiz_view *)screen;
	struct hint_state state = { .cut = ACT_QUIZ_CHOOSE };
	enum action_context context = quiz_view_context(screen);

	if (v->stage == STAGE_SUMMARY && v->nmistakes == 0) {
		state.skip = no_mistakes;
		state.nskip = sizeof no_mistakes / sizeof no_mistakes[0];
	}
	if (context == CTX_QUIZ) {
		const struct quiz_item *answering = quiz_session_answering(&v->session);

		if (answering)
			state.cut_keys = answering->question->nchoices;
	}
	actions_hints(context, &state, ui->utf8, buf, size);
}

static void quiz_view_free(struct screen *screen)
{
	struct quiz_view *v = view_of(screen);
	if (v->have_summary)
		quiz_summary_release(&v->summary);
	quiz_session_release(&v->session);
	if (v->bank)
		quiz_bank_release(v->bank);
	free(v->bank);
	progress_close(v->progress);
	confusion_report_release(&v->known);
	free(v->mistakes);
	line_body_release(&v->body);
	free(v);
}

static const struct screen_ops quiz_view_ops = {
	.context_now = quiz_view_context, .draw = quiz_view_draw, .key = quiz_view_key,
	.mouse = quiz_view_mouse, .tick = quiz_view_tick, .hints = quiz_view_hints,
	.free = quiz_view_free,
};

struct screen *quiz_view_new(struct ui *ui, struct quiz_bank **bank, struct progress **progress,
			     const struct quiz_settings *settings)
{
	struct quiz_view *v = screen_new(ui, sizeof *v, &quiz_view_ops);
	if (!v)
		return NULL;
	/* The session keeps the settings: their topics must live as long as it. */
	struct quiz_settings s = *settings;
	if (s.ntopics > QUIZ_MARKED_MAX)
		s.ntopics = QUIZ_MARKED_MAX;
	for (size_t i = 0; i < s.ntopics; i++)
		v->topics[i] = settings->topics[i];
	s.topics = s.ntopics ? v->topics : NULL;
	if (quiz_session_start(&v->session, *bank, *progress, &s) < 0) {
		ui_message(ui, ROLE_ERROR, "Cannot start the quiz: %s",
			   *progress && progress_error(*progress)[0] ? progress_error(*progress) : "out of memory");
		free(v);
		return NULL;
	}
	if (v->session.count == 0) {
		ui_message(ui, ROLE_WARNING, "%s",
			   s.mode == QUIZ_REVIEW ? "Nothing is due and no new questions are left for today"
			   : s.mode == QUIZ_CRAM ? "Nothing to cram: no question has been reviewed yet"
						 : "No questions for this choice yet");
		quiz_session_release(&v->session);
		free(v);
		return NULL;
	}
	v->bank = *bank;
	v->progress = *progress;
	*bank = NULL;
	*progress = NULL;
	/* Unreadable, they only cost the leech offers. */
	int threshold = ui->config ? ui->config->leech_threshold : 0;
	if (confusion_report_compute(&v->known, v->progress, v->bank, ui->library, threshold) < 0)
		confusion_report_release(&v->known);
	v->seconds_shown = -1;
	v->mistake_cursor = -1;
	v->stage = STAGE_ASK;
	begin_question(v);
	return &v->base;
}
