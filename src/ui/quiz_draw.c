/* quiz_draw — lays the quiz screen's stages out as wrapped lines (text_wrap)
 * and draws them: a title row, a rule, and a scrolling body. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quiz_report.h"
#include "quiz_view.h"
#include "text.h"

#define BODY_X 1	/* left margin inside the area */

static const char *const grade_names[] = { "", "Again", "Hard", "Good", "Easy" };

/* A formatted string that lives until the next frame. */
static const char *fmt(struct quiz_view *v, const char *format, ...) __attribute__((format(printf, 2, 3)));
static const char *fmt(struct quiz_view *v, const char *format, ...)
{
	size_t room = sizeof v->scratch - v->scratch_used;
	char *out = v->scratch + v->scratch_used;
	va_list ap;
	va_start(ap, format);
	int n = vsnprintf(out, room, format, ap);
	va_end(ap);
	if (n < 0)
		return "";
	v->scratch_used += (size_t)n < room ? (size_t)n + 1 : room;
	return out;
}

static struct quiz_line *push_line(struct quiz_view *v)
{
	if (v->nlines == v->alloc) {
		size_t alloc = v->alloc ? v->alloc * 2 : 64;
		struct quiz_line *lines = realloc(v->lines, alloc * sizeof *lines);
		if (!lines)
			return NULL;
		v->lines = lines;
		v->alloc = alloc;
	}
	struct quiz_line *l = &v->lines[v->nlines++];
	memset(l, 0, sizeof *l);
	l->choice = -1;
	return l;
}

static void blank(struct quiz_view *v)
{
	struct quiz_line *l = push_line(v);
	if (l)
		l->text = "";
}

/* Wrapped text at column x, with an optional prefix on its first row (the
 * continuation rows line up under the text).  Returns the index of the first
 * row (pointers would not survive the array growing), or -1. */
static long add(struct quiz_view *v, int width, int x, const char *prefix, enum role prefix_role,
			     const char *text, enum role role)
{
	int text_x = x + (prefix ? text_width(prefix) : 0);
	int avail = width - text_x > 10 ? width - text_x : 10;
	struct text_lines wrapped;
	long first = -1;
	text_lines_init(&wrapped);
	if (text_wrap(&wrapped, text, strlen(text), avail, TEXT_REFLOW) < 0 || wrapped.count == 0) {
		text_lines_release(&wrapped);
		return -1;
	}
	for (size_t i = 0; i < wrapped.count; i++) {
		struct quiz_line *l = push_line(v);
		if (!l)
			break;
		if (i == 0) {
			first = (long)(v->nlines - 1);
			if (prefix)
				snprintf(l->prefix, sizeof l->prefix, "%s", prefix);
			l->prefix_role = prefix_role;
		}
		l->text = text + wrapped.items[i].start;
		l->len = wrapped.items[i].len;
		l->x = x;
		l->text_x = text_x + wrapped.items[i].indent;
		l->role = role;
	}
	text_lines_release(&wrapped);
	return first;
}

static const char *letters_hint(struct quiz_view *v, size_t n, const struct ui *ui)
{
	return fmt(v, "a%s%c", UI_GLYPH(ui, "\xE2\x80\x93", "-"), 'a' + (int)n - 1);
}

static void layout_choose(struct quiz_view *v, const struct ui *ui, int width)
{
	add(v, width, 0, NULL, ROLE_TEXT, "What would you like to do?", ROLE_HEADING);
	blank(v);
	for (int i = 0; i < v->nmenu; i++) {
		long l = add(v, width, 2, fmt(v, "%c) ", 'a' + i), ROLE_STATUS_KEY, v->menu[i].label, ROLE_TEXT);
		if (l >= 0) {
			v->lines[l].choice = i;
			v->lines[l].cursor = i == v->menu_cursor;
		}
	}
	blank(v);
	add(v, width, 0, NULL, ROLE_TEXT,
	    fmt(v, "Practice gives feedback at once; wrong answers come back until right. Review asks what "
		   "is due today, then up to %d new questions a day. An exam gives no feedback until the end.",
		ui->config ? ui->config->new_per_day : 20),
	    ROLE_DIM);
	blank(v);
	add(v, width, 0, NULL, ROLE_TEXT,
	    fmt(v, "Press %s or Enter to start.", letters_hint(v, (size_t)v->nmenu, ui)), ROLE_DIM);
}

static void layout_exam_setup(struct quiz_view *v, const struct ui *ui, int width)
{
	const struct quiz_menu_entry *e = &v->menu[v->menu_cursor];
	add(v, width, 0, NULL, ROLE_TEXT, e->label, ROLE_HEADING);
	blank(v);
	const char *limit = "Time limit: none";
	if (v->minutes_text[0])
		limit = fmt(v, "Time limit: %s minute%s", v->minutes_text, strcmp(v->minutes_text, "1") ? "s" : "");
	long l = add(v, width, 2, NULL, ROLE_TEXT, limit, ROLE_TEXT);
	if (l >= 0)
		v->lines[l].cursor = true;
	blank(v);
	add(v, width, 0, NULL, ROLE_TEXT,
	    fmt(v, "Type the minutes (up to %d), or leave it empty for no limit. Enter starts the exam; "
		   "Esc goes back.", QUIZ_EXAM_MAX_MINUTES),
	    ROLE_DIM);
	add(v, width, 0, NULL, ROLE_TEXT,
	    "When the time is up the exam ends; every answer given so far counts and is saved. Cards stay "
	    "closed until the end.",
	    ROLE_DIM);
	(void)ui;
}

/* The marker before a choice: a radio or tick box while asking; after the
 * answer, a check or cross with a word-free symbol pair (colour is extra). */
static void add_choice(struct quiz_view *v, const struct ui *ui, int width, const struct quiz_item *item,
		       size_t pos, bool answered)
{
	const struct quiz_question *q = item->question;
	bool multi = q->type == QUESTION_MULTI;
	bool chosen = answered ? (item->chosen >> item->order[pos]) & 1u : (v->selected >> pos) & 1u;
	bool right = quiz_item_choice_correct(item, pos);
	const char *mark;
	enum role mark_role = ROLE_TEXT;
	if (!answered) {
		mark = multi ? (chosen ? "[x]" : "[ ]") : (chosen ? UI_GLYPH(ui, "(\xE2\x80\xA2)", "(*)") : "( )");
	} else if (right) {
		mark = UI_GLYPH(ui, "\xE2\x9C\x93", "+");
		mark_role = ROLE_OK;
	} else if (chosen) {
		mark = UI_GLYPH(ui, "\xE2\x9C\x97", "x");
		mark_role = ROLE_ERROR;
	} else {
		mark = " ";
	}
	long l = add(v, width, 2, fmt(v, "%s %c) ", mark, 'a' + (int)pos), mark_role, quiz_item_choice(item, pos),
		     answered && right ? ROLE_OK : ROLE_TEXT);
	if (l < 0)
		return;
	for (size_t i = (size_t)l; i < v->nlines; i++)
		v->lines[i].choice = (int)pos;	/* a click on any of its rows picks it */
	v->lines[l].cursor = !answered && (int)pos == v->cursor;
	if (answered && chosen)
		v->lines[v->nlines - 1].suffix = "  (your answer)";
}

static void add_question(struct quiz_view *v, const struct ui *ui, int width, const struct quiz_item *item,
			 bool answered)
{
	add(v, width, 0, NULL, ROLE_TEXT, item->question->ask, ROLE_HEADING);
	/* Many authors already say so in the question; once is enough. */
	if (item->question->type == QUESTION_MULTI && !text_find_nocase(item->question->ask, "select all"))
		add(v, width, 0, NULL, ROLE_TEXT, "Select all that apply.", ROLE_DIM);
	blank(v);
	for (size_t pos = 0; pos < item->question->nchoices; pos++)
		add_choice(v, ui, width, item, pos, answered);
	blank(v);
}

static void layout_ask(struct quiz_view *v, const struct ui *ui, int width, const struct quiz_item *item)
{
	add_question(v, ui, width, item, false);
	const char *letters = letters_hint(v, item->question->nchoices, ui);
	if (item->question->type == QUESTION_MULTI)
		add(v, width, 0, NULL, ROLE_TEXT,
		    fmt(v, "%s or Space tick a choice, Enter submits, x: I don't know.", letters), ROLE_DIM);
	else
		add(v, width, 0, NULL, ROLE_TEXT, fmt(v, "%s choose, Enter submits, x: I don't know.", letters),
		    ROLE_DIM);
}

/* The choices at the display positions in the bit set, in the view's scratch. */
static const char *describe(struct quiz_view *v, const struct quiz_item *item, unsigned positions)
{
	char buf[2048];
	return fmt(v, "%s", quiz_report_choices(item, positions, buf, sizeof buf));
}

static void layout_feedback(struct quiz_view *v, const struct ui *ui, int width, const struct quiz_item *item)
{
	const struct quiz_question *q = item->question;
	add_question(v, ui, width, item, true);
	if (item->outcome == QUIZ_CORRECT)
		add(v, width, 0, NULL, ROLE_TEXT, UI_GLYPH(ui, "\xE2\x9C\x93 Correct", "+ Correct"), ROLE_OK);
	else
		add(v, width, 0, NULL, ROLE_TEXT,
		    fmt(v, "%s %s", UI_GLYPH(ui, "\xE2\x9C\x97", "x"),
			item->outcome == QUIZ_DONT_KNOW ? "Not known" : "Wrong"),
		    ROLE_ERROR);
	unsigned right = quiz_report_right(item);
	add(v, width, 0, NULL, ROLE_TEXT,
	    fmt(v, "Right answer%s: %s", (right & (right - 1)) ? "s" : "", describe(v, item, right)), ROLE_TEXT);
	if (q->explain)
		add(v, width, 0, NULL, ROLE_TEXT, q->explain, ROLE_TEXT);
	if (v->session.settings.mode != QUIZ_EXAM) {
		enum section see = q->see >= 0 ? (enum section)q->see : SECTION_SUMMARY;
		add(v, width, 0, NULL, ROLE_TEXT,
		    fmt(v, "See %s %s %s: press o to open it.", q->card->title, UI_GLYPH(ui, "\xE2\x80\xBA", ">"),
			section_title(see)),
		    ROLE_LINK);
	}
	blank(v);
	add(v, width, 0, NULL, ROLE_TEXT,
	    fmt(v, "Graded %s. Change it: 1 Again, 2 Hard, 3 Good, 4 Easy. Enter: next question.",
		grade_names[item->grade]),
	    ROLE_DIM);
}

/* Under the score: whether the answers are kept. */
static void save_status(struct quiz_view *v, int width)
{
	if (!v->progress || !progress_can_save(v->progress))
		add(v, width, 0, NULL, ROLE_TEXT, "Nothing was saved (see the warning when the quiz opened).",
		    ROLE_WARNING);
	else if (v->session.save_failed)
		add(v, width, 0, NULL, ROLE_TEXT,
		    fmt(v, "Some answers could not be saved: %s", progress_error(v->progress)), ROLE_WARNING);
	else
		add(v, width, 0, NULL, ROLE_TEXT, "Every answer is saved.", ROLE_DIM);
}

struct summary_drawing {
	struct quiz_view *v;
	const struct ui *ui;
	int width;
};

/* One line of the report: a mistake's first row is selectable (choice n)
 * and opens the card behind it. */
static int summary_line(const struct quiz_report_line *line, void *ctx)
{
	struct summary_drawing *d = ctx;
	struct quiz_view *v = d->v;
	const char *text = fmt(v, "%s", line->text);
	long l;
	switch (line->kind) {
	case QUIZ_REPORT_SCORE:
		add(v, d->width, 0, NULL, ROLE_TEXT, text, ROLE_HEADING);
		save_status(v, d->width);
		break;
	case QUIZ_REPORT_HEADING:
		if (strcmp(line->text, "Mistakes") == 0)
			text = fmt(v, "%s %s %s picks one, o or Enter opens the card behind it", text,
				   UI_GLYPH(d->ui, "\xE2\x80\x94", "-"), UI_GLYPH(d->ui, "\xE2\x86\x91\xE2\x86\x93", "j/k"));
		add(v, d->width, 0, NULL, ROLE_TEXT, text, ROLE_HEADING);
		break;
	case QUIZ_REPORT_TOPIC: add(v, d->width, 2, NULL, ROLE_TEXT, text, line->good ? ROLE_OK : ROLE_TEXT); break;
	case QUIZ_REPORT_MISTAKE:
		l = add(v, d->width, 0, NULL, ROLE_TEXT, text, ROLE_HEADING);
		if (l >= 0) {
			v->lines[l].choice = (int)line->mistake;
			v->lines[l].cursor = line->mistake == v->mistake_cursor;
		}
		break;
	case QUIZ_REPORT_YOURS:
		add(v, d->width, 3, NULL, ROLE_TEXT, fmt(v, "%s %s", UI_GLYPH(d->ui, "\xE2\x9C\x97", "x"), text),
		    ROLE_ERROR);
		break;
	case QUIZ_REPORT_RIGHT:
		add(v, d->width, 3, NULL, ROLE_TEXT, fmt(v, "%s %s", UI_GLYPH(d->ui, "\xE2\x9C\x93", "+"), text),
		    ROLE_OK);
		break;
	case QUIZ_REPORT_QUESTION:
	case QUIZ_REPORT_EXPLAIN: add(v, d->width, 3, NULL, ROLE_TEXT, text, ROLE_TEXT); break;
	case QUIZ_REPORT_NOTE: add(v, d->width, 0, NULL, ROLE_TEXT, text, line->good ? ROLE_OK : ROLE_TEXT); break;
	case QUIZ_REPORT_BLANK: blank(v); break;
	}
	return 0;
}

static void layout_summary(struct quiz_view *v, const struct ui *ui, int width)
{
	struct summary_drawing d = { v, ui, width };
	if (quiz_report_render(&v->session, v->timed_out, ui->utf8, summary_line, &d) < 0)
		add(v, width, 0, NULL, ROLE_TEXT, "Out of memory: no summary.", ROLE_ERROR);
	blank(v);
	add(v, width, 0, NULL, ROLE_TEXT,
	    v->nmistakes > 0 ? "q: back to browsing." : "Enter or q: back to browsing.", ROLE_DIM);
}

static void title_row(struct quiz_view *v, const struct ui *ui, struct rect area, const char **left,
		      const char **right)
{
	static const char *const scope_names[] = { "this topic", "marked topics", "everything" };
	(void)area;
	*right = "";
	if (v->stage == STAGE_CHOOSE || v->stage == STAGE_EXAM_SETUP) {
		*left = v->topic ? fmt(v, "Quiz %s %s", UI_GLYPH(ui, "\xC2\xB7", "-"), v->topic->title) : "Quiz";
		return;
	}
	const struct quiz_settings *s = &v->session.settings;
	const char *mode = s->mode == QUIZ_EXAM ? "Exam" : s->mode == QUIZ_REVIEW ? "Review" : "Practice";
	const char *scope = s->ntopics == 1 ? s->topics[0]->title
			  : s->ntopics > 1  ? scope_names[SCOPE_MARKED]
					    : scope_names[SCOPE_ALL];
	*left = s->mode == QUIZ_REVIEW ? mode : fmt(v, "%s %s %s", mode, UI_GLYPH(ui, "\xC2\xB7", "-"), scope);
	if (v->stage != STAGE_SUMMARY && v->session.current < v->session.count) {
		const struct quiz_item *item = &v->session.items[v->session.current];
		*right = fmt(v, "%sQuestion %zu of %zu", item->reask ? "Again: " : "", v->session.current + 1,
			     v->session.count);
		long left_s = quiz_session_seconds_left(&v->session);
		v->seconds_shown = left_s;
		if (left_s >= 0)
			*right = fmt(v, "%s %s %ld:%02ld left", *right, UI_GLYPH(ui, "\xC2\xB7", "-"), left_s / 60,
				     left_s % 60);
	}
}

static void layout(struct quiz_view *v, const struct ui *ui, int width)
{
	struct quiz_item *item = v->in_session ? quiz_session_current(&v->session) : NULL;
	switch (v->stage) {
	case STAGE_CHOOSE: layout_choose(v, ui, width); break;
	case STAGE_EXAM_SETUP: layout_exam_setup(v, ui, width); break;
	case STAGE_ASK:
		if (item)
			layout_ask(v, ui, width, item);
		break;
	case STAGE_FEEDBACK:
		if (item)
			layout_feedback(v, ui, width, item);
		break;
	case STAGE_SUMMARY: layout_summary(v, ui, width); break;
	}
}

static void draw_line(const struct quiz_line *l, int y, int x, int w)
{
	enum role role = l->cursor ? ROLE_SELECTION : l->role;
	if (l->cursor)
		ui_fill(y, x, w, ROLE_SELECTION);
	if (l->prefix[0])
		ui_puts(y, x + l->x, w - l->x, l->prefix, l->cursor ? ROLE_SELECTION : l->prefix_role);
	int used = ui_put(y, x + l->text_x, w - l->text_x, l->text, l->len, role);
	if (l->suffix)
		ui_puts(y, x + l->text_x + used, w - l->text_x - used, l->suffix, l->cursor ? role : ROLE_DIM);
}

void quiz_draw(struct quiz_view *v, struct ui *ui, struct rect area)
{
	int width = area.w - 2 * BODY_X;
	const char *left, *right;
	v->nlines = 0;
	v->scratch_used = 0;
	title_row(v, ui, area, &left, &right);
	int right_w = text_width(right);
	ui_puts_cut(ui, area.y, area.x + BODY_X, width - right_w - 1, left, ROLE_TITLE);
	if (right_w < width)
		ui_puts(area.y, area.x + area.w - BODY_X - right_w, right_w, right, ROLE_DIM);
	ui_hline(area.y + 1, area.x, area.w, ROLE_DIM);
	layout(v, ui, width);

	v->body_y = 2;
	v->visible = area.h - 2 > 1 ? area.h - 2 : 1;
	int cursor_line = -1;
	for (size_t i = 0; i < v->nlines; i++)
		if (v->lines[i].cursor)
			cursor_line = (int)i;
	if (v->keep_cursor_visible && cursor_line >= 0) {
		if ((size_t)cursor_line < v->scroll)
			v->scroll = (size_t)cursor_line;
		else if (cursor_line >= (int)v->scroll + v->visible)
			v->scroll = (size_t)cursor_line - (size_t)v->visible + 1;	/* cursor_line >= visible */
	}
	size_t max_scroll = v->nlines > (size_t)v->visible ? v->nlines - (size_t)v->visible : 0;
	if (v->scroll > max_scroll)
		v->scroll = max_scroll;
	int y = area.y + v->body_y;
	for (size_t i = v->scroll; i < v->nlines && y < area.y + area.h; i++, y++)
		draw_line(&v->lines[i], y, area.x + BODY_X, width);
	if (v->nlines > (size_t)v->visible)
		ui_scroll_hint(area.y + 1, area.x + area.w, v->scroll, (size_t)v->visible, v->nlines);
	if (cursor_line >= (int)v->scroll && cursor_line < (int)v->scroll + v->visible)
		ui_cursor(ui, area.y + v->body_y + cursor_line - (int)v->scroll, area.x + BODY_X + 2);
	else
		ui_cursor(ui, area.y + v->body_y, area.x + BODY_X);
}

int quiz_choice_at(const struct quiz_view *v, int y)
{
	long i = (long)v->scroll + (y - v->body_y);
	return i >= 0 && (size_t)i < v->nlines ? v->lines[i].choice : -1;
}
