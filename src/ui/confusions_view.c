/* confusions_view — the `x` screen: the topic pairs the learner mixes up,
 * strongest first, and the leeches.  The lines are the core's presenter
 * (confusions_render, as `rxplore confusions` and `rxplore stats` print
 * them); this screen adds a cursor on the pairs and three keys on the pair
 * under it: compare the two (c, Enter), read the explainer that compares
 * both (e), drill the difference (d).  The database is opened for reading to
 * compute, and again for writing only when a drill starts; the list is
 * computed again when the drill ends, so faded pairs go. */
#include <stdlib.h>
#include <string.h>

#include "confusions.h"
#include "line_body.h"
#include "progress.h"
#include "quiz.h"
#include "quiz_view.h"
#include "screen.h"
#include "screens.h"
#include "study.h"

struct confusions_view {
	struct screen base;
	struct line_body body;
	struct study_confusions sc;
	bool loaded;
	long cursor;		/* index into sc.report.pairs, -1 when there are none */
};

static struct confusions_view *view_of(struct screen *screen)
{
	return (struct confusions_view *)screen;
}

/* (Re)computes the report; false with a status-bar message when it cannot. */
static bool load(struct confusions_view *v, struct ui *ui)
{
	if (v->loaded)
		study_confusions_release(&v->sc);
	v->loaded = false;
	struct study_progress sp;
	if (!screens_progress_for_reading(ui, &sp))
		return false;
	bool ok = study_confusions_load(&v->sc, ui->library, ui->config, sp.progress) == 0;
	if (!ok)
		ui_message(ui, ROLE_ERROR, "Cannot read the progress: %s",
			   sp.progress && progress_error(sp.progress)[0] ? progress_error(sp.progress)
									 : "out of memory");
	study_progress_close(&sp);
	if (!ok) {
		study_confusions_release(&v->sc);
		return false;
	}
	v->loaded = true;
	if (v->cursor >= (long)v->sc.report.npairs)
		v->cursor = (long)v->sc.report.npairs - 1;
	if (v->cursor < 0 && v->sc.report.npairs > 0)
		v->cursor = 0;
	return true;
}

struct layout {
	struct confusions_view *v;
	int width;
	bool first_title;
};

static enum role role_of(const struct confusion_line *line)
{
	switch (line->kind) {
	case CONFUSION_TITLE: return ROLE_HEADING;
	case CONFUSION_PAIR:
	case CONFUSION_LEECH: return ROLE_TEXT;
	default: return ROLE_DIM;
	}
}

/* Keys act on a pair here, so line mode's commands are left out; the first
 * title is the screen's title row. */
static int add_line(const struct confusion_line *line, void *ctx)
{
	struct layout *lay = ctx;
	struct confusions_view *v = lay->v;
	if (line->kind == CONFUSION_COMMAND || (line->kind == CONFUSION_TITLE && lay->first_title)) {
		lay->first_title = false;
		return 0;
	}
	if (line->kind == CONFUSION_BLANK) {
		line_body_blank(&v->body);
		return 0;
	}
	/* The presenter's text lives only during this call: copy it. */
	int indent = (int)strspn(line->text, " ");
	long row = line_body_add(&v->body, lay->width, indent, NULL, ROLE_TEXT,
				 line_body_fmt(&v->body, "%s", line->text + indent), role_of(line));
	if (row >= 0 && line->kind == CONFUSION_PAIR) {
		long n = (long)(line->pair - v->sc.report.pairs);
		v->body.lines[row].choice = (int)n;
		v->body.lines[row].cursor = n == v->cursor;
	}
	return 0;
}

static void confusions_draw(struct screen *screen, struct ui *ui, struct rect area)
{
	struct confusions_view *v = view_of(screen);
	line_body_begin(&v->body);
	struct layout lay = { v, line_body_width(area), true };
	if (v->loaded)
		confusions_render(&v->sc.report, ui->library, CONFUSION_RENDER_PAIRS | CONFUSION_RENDER_LEECHES, 0,
				  add_line, &lay);
	if (v->cursor >= 0) {
		line_body_blank(&v->body);
		line_body_add(&v->body, lay.width, 0, NULL, ROLE_TEXT,
			      "c or Enter: compare the two.  e: the explainer.  d: a contrast drill.", ROLE_DIM);
	}
	line_body_draw(&v->body, ui, area, "Confusions — topics you mix up",
		       v->loaded ? line_body_fmt(&v->body, "%zu", v->sc.report.npairs) : "");
}

static const struct confusion *selected(const struct confusions_view *v, struct ui *ui)
{
	if (v->cursor < 0 || (size_t)v->cursor >= v->sc.report.npairs) {
		ui_message(ui, ROLE_DIM, "No confusion to act on yet");
		return NULL;
	}
	return &v->sc.report.pairs[v->cursor];
}

static enum intent compare_pair(struct confusions_view *v, struct ui *ui)
{
	const struct confusion *c = selected(v, ui);
	if (!c)
		return INTENT_REDRAW;
	const struct card *cards[2] = { c->asked, c->chosen };
	struct screen_request request = { .card = c->asked, .section = -1, .cards = cards, .ncards = 2 };
	return screens_open(ui, SCREEN_COMPARE, &request);
}

static enum intent open_explainer(struct confusions_view *v, struct ui *ui)
{
	const struct confusion *c = selected(v, ui);
	if (!c)
		return INTENT_REDRAW;
	const struct card *explainer = confusion_explainer(ui->library, c->asked, c->chosen);
	if (!explainer) {
		ui_message(ui, ROLE_DIM, "No explainer compares %s and %s; c compares them", c->asked->title,
			   c->chosen->title);
		return INTENT_REDRAW;
	}
	ui->pending = card_peek_new(ui, explainer, -1);
	return ui->pending ? INTENT_OPEN : INTENT_REDRAW;
}

static enum intent start_drill(struct confusions_view *v, struct ui *ui)
{
	const struct confusion *c = selected(v, ui);
	if (!c)
		return INTENT_REDRAW;
	struct quiz_bank *bank = calloc(1, sizeof *bank);
	if (!bank || quiz_bank_build(bank, ui->library) < 0) {
		free(bank);
		ui_message(ui, ROLE_ERROR, "Out of memory");
		return INTENT_REDRAW;
	}
	const char *profile = ui->options ? ui->options->profile : NULL;
	struct study_progress sp;
	char why[4300];
	if (study_progress_open(&sp, profile, STUDY_FOR_WRITING) < 0)
		ui_message(ui, ROLE_WARNING, "Answers will not be saved: %s",
			   study_strerror(&sp, profile, why, sizeof why));
	struct quiz_settings s;
	study_quiz_settings(&s, ui->config, QUIZ_PRACTICE, study_seed_now());
	s.contrast[0] = c->asked;
	s.contrast[1] = c->chosen;
	struct progress *progress = sp.progress;
	ui->pending = quiz_view_new(ui, &bank, &progress, &s);
	if (bank)
		quiz_bank_release(bank);
	free(bank);
	progress_close(progress);
	return ui->pending ? INTENT_OPEN : INTENT_REDRAW;
}

static enum intent confusions_key(struct screen *screen, struct ui *ui, const struct action *action, int key)
{
	struct confusions_view *v = view_of(screen);
	(void)key;
	if (!action)
		return INTENT_IGNORED;
	if (line_body_scroll_key(&v->body, action->id))
		return INTENT_REDRAW;
	long n = (long)v->sc.report.npairs;
	switch (action->id) {
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		if (n == 0) {
			line_body_scroll(&v->body, action->id == ACT_MOVE_UP ? -1 : 1);
			return INTENT_REDRAW;
		}
		v->cursor = (v->cursor + (action->id == ACT_MOVE_UP ? n - 1 : 1)) % n;
		v->body.keep_cursor_visible = true;
		return INTENT_REDRAW;
	case ACT_CONFUSION_COMPARE: return compare_pair(v, ui);
	case ACT_CONFUSION_EXPLAIN: return open_explainer(v, ui);
	case ACT_CONFUSION_DRILL: return start_drill(v, ui);
	case ACT_BACK: return INTENT_BACK;
	default: return INTENT_IGNORED;
	}
}

static enum intent confusions_mouse(struct screen *screen, struct ui *ui, enum mouse_kind kind, int y, int x)
{
	struct confusions_view *v = view_of(screen);
	(void)ui;
	(void)x;
	if (line_body_wheel(&v->body, kind))
		return INTENT_REDRAW;
	int choice = line_body_choice_at(&v->body, y);
	if (choice < 0)
		return INTENT_HANDLED;
	v->cursor = choice;
	return INTENT_REDRAW;
}

/* Back from a drill (or a comparison): the drill may have faded a pair. */
static void confusions_resume(struct screen *screen, struct ui *ui, const struct screen_result *result)
{
	(void)result;
	load(view_of(screen), ui);
}

static void confusions_free(struct screen *screen)
{
	struct confusions_view *v = view_of(screen);
	if (v->loaded)
		study_confusions_release(&v->sc);
	line_body_release(&v->body);
	free(v);
}

static const struct screen_ops confusions_ops = {
	.context = CTX_CONFUSIONS, .draw = confusions_draw, .key = confusions_key,
	.mouse = confusions_mouse, .resume = confusions_resume, .free = confusions_free,
};

struct screen *confusions_view_open(struct ui *ui, const struct screen_request *request)
{
	struct confusions_view *v = screen_new(ui, sizeof *v, &confusions_ops);
	(void)request;
	if (!v)
		return NULL;
	v->cursor = -1;
	if (!load(v, ui)) {
		confusions_free(&v->base);
		return NULL;
	}
	v->body.keep_cursor_visible = true;
	return &v->base;
}
