/* quiz_draw — lays the quiz session's stages out as wrapped lines
 * (line_body.h): the question, the feedback, the summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	for (size_t pos = 0; pos < item->question->nchoices; pos++)
		add_choice(v, ui, width, item, pos, answered);
	line_body_blank(&v->body);
}

static void layout_ask(struct quiz_view *v, const struct ui *ui, int width, const struct quiz_item *item)
{
	add_question(v, ui, width, item, false);
	const char *letters = letters_hint(v, item->question->nchoices, ui);
	if (item->question->type == QUESTION_MULTI)
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		    line_body_fmt(&v->body, "%s or Space tick a choice, Enter submits, x: I don't know.", letters), ROLE_DIM);
	else
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, line_body_fmt(&v->body, "%s choose, Enter submits, x: I don't know.", letters),
		    ROLE_DIM);
}

/* "b) X receptor" or "a) It is a drug; c) It is an agonist": the choices
 * whose display positions are in the bit set. */
static const char *describe(struct quiz_view *v, const struct quiz_item *item, unsigned positions)
{
	const char *out = "";
	for (size_t pos = 0; pos < item->question->nchoices; pos++)
		if ((positions >> pos) & 1u)
			out = line_body_fmt(&v->body, "%s%s%c) %s", out, out[0] ? "; " : "", 'a' + (int)pos, quiz_item_choice(item, pos));
	return out;
}

static unsigned right_positions(const struct quiz_item *item, bool *several)
{
	unsigned bits = 0;
	size_t n = 0;
	for (size_t pos = 0; pos < item->question->nchoices; pos++)
		if (quiz_item_choice_correct(item, pos)) {
			bits |= 1u << pos;
			n++;
		}
	*several = n > 1;
	return bits;
}

static unsigned chosen_positions(const struct quiz_item *item)
{
	unsigned bits = 0;
	for (size_t pos = 0; pos < item->question->nchoices; pos++)
		if ((item->chosen >> item->order[pos]) & 1u)
			bits |= 1u << pos;
	return bits;
}

static void layout_feedback(struct quiz_view *v, const struct ui *ui, int width, const struct quiz_item *item)
{
	const struct quiz_question *q = item->question;
	add_question(v, ui, width, item, true);
	if (item->outcome == QUIZ_CORRECT)
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, UI_GLYPH(ui, "\xE2\x9C\x93 Correct", "+ Correct"), ROLE_OK);
	else
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		    line_body_fmt(&v->body, "%s %s", UI_GLYPH(ui, "\xE2\x9C\x97", "x"),
			item->outcome == QUIZ_DONT_KNOW ? "Not known" : "Wrong"),
		    ROLE_ERROR);
	bool several;
	const char *right = describe(v, item, right_positions(item, &several));
	line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, line_body_fmt(&v->body, "Right answer%s: %s", several ? "s" : "", right), ROLE_TEXT);
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
	line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
	    line_body_fmt(&v->body, "Graded %s. Change it: 1 Again, 2 Hard, 3 Good, 4 Easy. Enter: next question.",
		grade_names[item->grade]),
	    ROLE_DIM);
}

/* n counts from 1; the heading row is selectable (choice n - 1), and opens the card. */
static void add_mistake(struct quiz_view *v, const struct ui *ui, int width, const struct quiz_item *item,
			size_t n)
{
	const struct quiz_question *q = item->question;
	enum section see = q->see >= 0 ? (enum section)q->see : SECTION_SUMMARY;
	long l = line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		     line_body_fmt(&v->body, "%zu. %s %s %s", n, q->card->title, UI_GLYPH(ui, "\xE2\x80\xBA", ">"), section_title(see)),
		     ROLE_HEADING);
	if (l >= 0) {
		v->body.lines[l].choice = (int)(n - 1);
		v->body.lines[l].cursor = (long)(n - 1) == v->mistake_cursor;
	}
	line_body_add(&v->body, width, 3, NULL, ROLE_TEXT, item->question->ask, ROLE_TEXT);
	const char *yours = item->outcome == QUIZ_DONT_KNOW ? "I don't know"
			    : item->outcome == QUIZ_UNANSWERED ? "none"
							       : describe(v, item, chosen_positions(item));
	line_body_add(&v->body, width, 3, NULL, ROLE_TEXT, line_body_fmt(&v->body, "%s Your answer: %s", UI_GLYPH(ui, "\xE2\x9C\x97", "x"), yours),
	    ROLE_ERROR);
	bool several;
	const char *right = describe(v, item, right_positions(item, &several));
	line_body_add(&v->body, width, 3, NULL, ROLE_TEXT,
	    line_body_fmt(&v->body, "%s Right answer%s: %s", UI_GLYPH(ui, "\xE2\x9C\x93", "+"), several ? "s" : "", right), ROLE_OK);
	if (item->question->explain)
		line_body_add(&v->body, width, 3, NULL, ROLE_TEXT, item->question->explain, ROLE_TEXT);
	line_body_blank(&v->body);
}

static void layout_summary(struct quiz_view *v, const struct ui *ui, int width)
{
	const struct quiz_summary *sum = &v->summary;
	unsigned pct = sum->asked ? (unsigned)(100.0 * (double)sum->correct / (double)sum->asked + 0.5) : 0;
	bool exam = v->session.settings.mode == QUIZ_EXAM;
	if (exam)
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		    line_body_fmt(&v->body, "%s Score: %zu of %zu (%u%%)%s", v->timed_out ? "Time ran out." : "Exam over.",
			sum->correct, sum->asked, pct,
			sum->answered < sum->asked ? line_body_fmt(&v->body, "; %zu unanswered", sum->asked - sum->answered) : ""),
		    ROLE_HEADING);
	else
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		    line_body_fmt(&v->body, "Session over: %zu of %zu answered, %zu right the first time.", sum->answered, sum->asked,
			sum->correct),
		    ROLE_HEADING);
	if (!v->progress || !progress_can_save(v->progress))
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, "Nothing was saved (see the warning when the quiz opened).",
		    ROLE_WARNING);
	else if (v->session.save_failed)
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		    line_body_fmt(&v->body, "Some answers could not be saved: %s", progress_error(v->progress)), ROLE_WARNING);
	else
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, "Every answer is saved.", ROLE_DIM);
	if (exam) {
		line_body_blank(&v->body);
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, "By topic", ROLE_HEADING);
		for (size_t t = 0; t < sum->ntopics; t++)
			line_body_add(&v->body, width, 2, NULL, ROLE_TEXT,
			    line_body_fmt(&v->body, "%s: %zu of %zu", sum->topics[t].card->title, sum->topics[t].correct,
				sum->topics[t].asked),
			    sum->topics[t].correct == sum->topics[t].asked ? ROLE_OK : ROLE_TEXT);
		line_body_blank(&v->body);
		if (v->nmistakes > 0)
			line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
			    line_body_fmt(&v->body, "Mistakes %s %s picks one, o or Enter opens the card behind it",
				UI_GLYPH(ui, "\xE2\x80\x94", "-"), UI_GLYPH(ui, "\xE2\x86\x91\xE2\x86\x93", "j/k")),
			    ROLE_HEADING);
		for (size_t m = 0; m < v->nmistakes; m++)
			add_mistake(v, ui, width, &v->session.items[v->mistakes[m]], m + 1);
		if (v->nmistakes == 0)
			line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, "No mistakes.", ROLE_OK);
	}
	line_body_blank(&v->body);
	line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
	    v->nmistakes > 0 ? "q: back to browsing." : "Enter or q: back to browsing.", ROLE_DIM);
}

static void title_row(struct quiz_view *v, const struct ui *ui, const char **left, const char **right)
{
	*right = "";
	const struct quiz_settings *s = &v->session.settings;
	const char *mode = s->mode == QUIZ_EXAM ? "Exam" : s->mode == QUIZ_REVIEW ? "Review" : "Practice";
	const char *scope = s->ntopics == 1 ? s->topics[0]->title
			  : s->ntopics > 1  ? "marked topics"
					    : "everything";
	*left = s->mode == QUIZ_REVIEW ? mode : line_body_fmt(&v->body, "%s %s %s", mode, UI_GLYPH(ui, "\xC2\xB7", "-"), scope);
	if (v->stage != STAGE_SUMMARY && v->session.current < v->session.count) {
		const struct quiz_item *item = &v->session.items[v->session.current];
		*right = line_body_fmt(&v->body, "%sQuestion %zu of %zu", item->reask ? "Again: " : "", v->session.current + 1,
			     v->session.count);
		long left_s = quiz_session_seconds_left(&v->session);
		v->seconds_shown = left_s;
		if (left_s >= 0)
			*right = line_body_fmt(&v->body, "%s %s %ld:%02ld left", *right, UI_GLYPH(ui, "\xC2\xB7", "-"), left_s / 60,
				     left_s % 60);
	}
}

static void layout(struct quiz_view *v, const struct ui *ui, int width)
{
	struct quiz_item *item = quiz_session_current(&v->session);
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
	layout(v, ui, line_body_width(area));
	line_body_draw(&v->body, ui, area, left, right);
}
