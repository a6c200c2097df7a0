/* quiz_draw — lays the quiz session's stages out as wrapped lines
 * (line_body.h): the question, the feedback, the summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quiz_order.h"
#include "quiz_report.h"
#include "quiz_typed.h"
#include "quiz_view.h"
#include "text.h"

static const char *const grade_names[] = { "", "Again", "Hard", "Good", "Easy" };

static const char *letters_hint(struct quiz_view *v, size_t n, const struct ui *ui)
{
	return line_body_fmt(&v->body, "a%s%c", UI_GLYPH(ui, "\xE2\x80\x93", "-"), 'a' + (int)n - 1);
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
	long l = line_body_add(&v->body, width, 2, line_body_fmt(&v->body, "%s %c) ", mark, 'a' + (int)pos), mark_role, quiz_item_choice(item, pos),
		     answered && right ? ROLE_OK : ROLE_TEXT);
	if (l < 0)
		return;
	for (size_t i = (size_t)l; i < v->body.nlines; i++)
		v->body.lines[i].choice = (int)pos;	/* a click on any of its rows picks it */
	v->body.lines[l].cursor = !answered && (int)pos == v->cursor;
	if (answered && chosen)
		v->body.lines[v->body.nlines - 1].suffix = "  (your answer)";
}

static void add_question(struct quiz_view *v, const struct ui *ui, int width, const struct quiz_item *item,
			 bool answered)
{
	line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, item->question->ask, ROLE_HEADING);
	/* Many authors already say so in the question; once is enough. */
	if (item->question->type == QUESTION_MULTI && !text_find_nocase(item->question->ask, "select all"))
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, "Select all that apply.", ROLE_DIM);
	line_body_blank(&v->body);
	if (quiz_is_arranged(item->question)) {
		quiz_draw_arranged_rows(v, width, item, answered);
		return;
	}
	size_t nparts = quiz_typed_parts(item->question);
	if (nparts == 1) {
		/* The answer typed so far, or as given once answered. */
		const char *text = answered ? item->typed : v->answers[0];
		long l = line_body_add(&v->body, width, 2, "Your answer: ", ROLE_DIM,
				       line_body_fmt(&v->body, "%s%s", text, answered ? "" : "_"), ROLE_TEXT);
		if (l >= 0)
			v->body.lines[l].cursor = !answered;
		line_body_blank(&v->body);
		return;
	}
	if (nparts > 1) {
		/* A cloze: the gaps filled so far and the one being typed. */
		if (answered) {
			line_body_add(&v->body, width, 2, "Your answer: ", ROLE_DIM, item->typed, ROLE_TEXT);
		}
		for (size_t part = 0; !answered && part <= v->part && part < nparts; part++) {
			bool current = part == v->part;
			long l = line_body_add(&v->body, width, 2, line_body_fmt(&v->body, "Gap %zu: ", part + 1), ROLE_DIM,
					       line_body_fmt(&v->body, "%s%s", v->answers[part], current ? "_" : ""),
					       ROLE_TEXT);
			if (l >= 0)
				v->body.lines[l].cursor = current;
		}
		line_body_blank(&v->body);
		return;
	}
	for (size_t pos = 0; pos < item->question->nchoices; pos++)
		add_choice(v, ui, width, item, pos, answered);
	line_body_blank(&v->body);
}

static void layout_typing(struct quiz_view *v, const struct ui *ui, int width, const struct quiz_item *item)
{
	add_question(v, ui, width, item, false);
	if (v->confirming) {
		char buf[512];
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
			      line_body_fmt(&v->body, "%s", quiz_typed_confirm(v->meant, ui->utf8, buf, sizeof buf)),
			      ROLE_WARNING);
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
			      "y: count it as right, n: grade it as typed, Esc: edit the answer.", ROLE_DIM);
		return;
	}
	if (item->question->type == QUESTION_CLOZE)
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
			      line_body_fmt(&v->body, "Type gap %zu of %zu, Enter goes on; x alone: I don't know.",
					    v->part + 1, item->question->nchoices),
			      ROLE_DIM);
	else
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, "Type the answer, Enter submits; x alone: I don't know.",
			      ROLE_DIM);
}

static void layout_ask(struct quiz_view *v, const struct ui *ui, int width, const struct quiz_item *item)
{
	const struct leech *leech = quiz_view_leech(v);
	if (leech) {
		char offer[512];
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
			      line_body_fmt(&v->body, "%s o: %s.", confusion_leech_offer(leech, offer, sizeof offer),
					    leech->mixed_with ? "compare them" : "read it"),
			      ROLE_WARNING);
		line_body_blank(&v->body);
	}
	if (quiz_typed_parts(item->question) > 0) {
		layout_typing(v, ui, width, item);
		return;
	}
	if (quiz_is_arranged(item->question)) {
		add_question(v, ui, width, item, false);
		quiz_draw_arranged_hint(v, width, item);
		return;
	}
	add_question(v, ui, width, item, false);
	const char *letters = letters_hint(v, item->question->nchoices, ui);
	if (item->question->type == QUESTION_MULTI)
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		    line_body_fmt(&v->body, "%s or Space tick a choice, Enter submits, x: I don't know.", letters), ROLE_DIM);
	else
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, line_body_fmt(&v->body, "%s choose, Enter submits, x: I don't know.", letters),
		    ROLE_DIM);
}

static void layout_feedback(struct quiz_view *v, const struct ui *ui, int width, const struct quiz_item *item)
{
	const struct quiz_question *q = item->question;
	add_question(v, ui, width, item, true);
	char buf[2048];
	bool good;
	const char *verdict = quiz_report_verdict(item, ui->utf8, &good, buf, sizeof buf);
	line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, line_body_fmt(&v->body, "%s", verdict),
		      good ? ROLE_OK : ROLE_ERROR);
	bool several;
	if (quiz_is_arranged(q) && !good) {
		quiz_draw_arranged_feedback(v, ui, width, item);
	} else if (!quiz_is_arranged(q)) {
		const char *expected = quiz_report_expected(item, &several, buf, sizeof buf);
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
			      line_body_fmt(&v->body, "Right answer%s: %s", several ? "s" : "", expected), ROLE_TEXT);
	}
	if (q->explain)
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, q->explain, ROLE_TEXT);
	if (v->session.settings.mode != QUIZ_EXAM) {
		enum section see = q->see >= 0 ? (enum section)q->see : SECTION_SUMMARY;
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		    line_body_fmt(&v->body, "See %s %s %s: press o to open it.", q->card->title, UI_GLYPH(ui, "\xE2\x80\xBA", ">"),
			section_title(see)),
		    ROLE_LINK);
	}
	line_body_blank(&v->body);
	if (!(item = quiz_draw_case_after(v, ui, width, item)))
		return;
	char preview[128];
	if (v->session.settings.mode == QUIZ_CRAM)
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		    "Cram: nothing is rescheduled. Enter: next question.", ROLE_DIM);
	else if (*quiz_session_grade_preview(&v->session, ui->utf8, preview, sizeof preview))
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		    line_body_fmt(&v->body, "Graded %s. Change it: %s. Enter: next question.", grade_names[item->grade],
			preview),
		    ROLE_DIM);
	else
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		    line_body_fmt(&v->body, "Graded %s. Change it: 1 Again, 2 Hard, 3 Good, 4 Easy. Enter: next question.",
			grade_names[item->grade]),
		    ROLE_DIM);
}

/* Under the score: whether the answers are kept. */
static void save_status(struct quiz_view *v, int width)
{
	if (!v->progress || !progress_can_save(v->progress))
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, "Nothing was saved (see the warning when the quiz opened).",
		    ROLE_WARNING);
	else if (v->session.save_failed)
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		    line_body_fmt(&v->body, "Some answers could not be saved: %s", progress_error(v->progress)), ROLE_WARNING);
	else
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, "Every answer is saved.", ROLE_DIM);
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
	const char *text = line_body_fmt(&v->body, "%s", line->text);
	long l;
	switch (line->kind) {
	case QUIZ_REPORT_SCORE:
		line_body_add(&v->body, d->width, 0, NULL, ROLE_TEXT, text, ROLE_HEADING);
		save_status(v, d->width);
		break;
	case QUIZ_REPORT_HEADING:
		if (strcmp(line->text, "Mistakes") == 0)
			text = line_body_fmt(&v->body, "%s %s %s picks one, o or Enter opens the card behind it", text,
				   UI_GLYPH(d->ui, "\xE2\x80\x94", "-"), UI_GLYPH(d->ui, "\xE2\x86\x91\xE2\x86\x93", "j/k"));
		line_body_add(&v->body, d->width, 0, NULL, ROLE_TEXT, text, ROLE_HEADING);
		break;
	case QUIZ_REPORT_TOPIC: line_body_add(&v->body, d->width, 2, NULL, ROLE_TEXT, text, line->good ? ROLE_OK : ROLE_TEXT); break;
	case QUIZ_REPORT_MISTAKE:
		l = line_body_add(&v->body, d->width, 0, NULL, ROLE_TEXT, text, ROLE_HEADING);
		if (l >= 0) {
			v->body.lines[l].choice = (int)line->mistake;
			v->body.lines[l].cursor = line->mistake == v->mistake_cursor;
		}
		break;
	case QUIZ_REPORT_YOURS:
		line_body_add(&v->body, d->width, 3, NULL, ROLE_TEXT, line_body_fmt(&v->body, "%s %s", UI_GLYPH(d->ui, "\xE2\x9C\x97", "x"), text),
		    ROLE_ERROR);
		break;
	case QUIZ_REPORT_RIGHT:
		line_body_add(&v->body, d->width, 3, NULL, ROLE_TEXT, line_body_fmt(&v->body, "%s %s", UI_GLYPH(d->ui, "\xE2\x9C\x93", "+"), text),
		    ROLE_OK);
		break;
	case QUIZ_REPORT_QUESTION:
	case QUIZ_REPORT_EXPLAIN: line_body_add(&v->body, d->width, 3, NULL, ROLE_TEXT, text, ROLE_TEXT); break;
	case QUIZ_REPORT_NOTE: line_body_add(&v->body, d->width, 0, NULL, ROLE_TEXT, text, line->good ? ROLE_OK : ROLE_TEXT); break;
	case QUIZ_REPORT_BLANK: line_body_blank(&v->body); break;
	}
	return 0;
}

static void layout_summary(struct quiz_view *v, const struct ui *ui, int width)
{
	struct summary_drawing d = { v, ui, width };
	if (quiz_report_render(&v->session, v->timed_out, ui->utf8, summary_line, &d) < 0)
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, "Out of memory: no summary.", ROLE_ERROR);
	line_body_blank(&v->body);
	line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
	    v->nmistakes > 0 ? "q: back to browsing." : "Enter or q: back to browsing.", ROLE_DIM);
}

static void title_row(struct quiz_view *v, const struct ui *ui, const char **left, const char **right)
{
	*right = "";
	const struct quiz_settings *s = &v->session.settings;
	const char *mode = s->mode == QUIZ_EXAM ? "Exam" : s->mode == QUIZ_REVIEW ? "Review" :
			   s->mode == QUIZ_CRAM ? "Cram" : "Practice";
	const char *scope = s->contrast[0] && s->contrast[1]
				    ? line_body_fmt(&v->body, "%s vs %s", s->contrast[0]->title, s->contrast[1]->title)
			  : s->ntopics == 1 ? s->topics[0]->title
			  : s->ntopics > 1  ? "marked topics"
					    : "everything";
	*left = s->mode == QUIZ_REVIEW ? mode : line_body_fmt(&v->body, "%s %s %s", mode, UI_GLYPH(ui, "\xC2\xB7", "-"), scope);
	if (v->stage != STAGE_SUMMARY && v->session.current < v->session.count) {
		const struct quiz_item *item = &v->session.items[v->session.current];
		*right = line_body_fmt(&v->body, "%sQuestion %zu of %zu", item->reask ? "Again: " : "", v->session.current + 1,
			     v->session.count);
		if (item->case_parts)
			*right = line_body_fmt(&v->body, "%s, part %u of %zu", *right, item->case_part + 1u,
					       item->question->nparts);
		long left_s = quiz_session_seconds_left(&v->session);
		v->seconds_shown = left_s;
		if (left_s >= 0)
			*right = line_body_fmt(&v->body, "%s %s %ld:%02ld left", *right, UI_GLYPH(ui, "\xC2\xB7", "-"), left_s / 60,
				     left_s % 60);
	}
}

static void layout(struct quiz_view *v, const struct ui *ui, int width)
{
	struct quiz_item *item = quiz_session_answering(&v->session);
	switch (v->stage) {
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

void quiz_draw(struct quiz_view *v, struct ui *ui, struct rect area)
{
	const char *left, *right;
	line_body_begin(&v->body);
	title_row(v, ui, &left, &right);
	long part_line = v->stage != STAGE_SUMMARY ? quiz_draw_case_stem(v, line_body_width(area)) : -1;
	layout(v, ui, line_body_width(area));
	/* A long stem scrolls: the part asked comes into view first (line_body_draw
	 * clamps this to the end, so as much of the stem shows as fits). */
	if (part_line >= 0 && v->case_anchor) {
		v->body.scroll = (size_t)part_line;
		/* On a small screen the part fills the body and the stem is scrolled
		 * out of sight: say it is there, and how to bring it back. */
		if (part_line > 0 && line_body_max_scroll(&v->body, area) > 0)
			v->body.lines[part_line].suffix = "  (case above: PgUp)";
	}
	line_body_draw(&v->body, ui, area, left, right);
}
