/* quiz_arranged — orderings and matchings on the quiz session screen
 * (quiz_order.h has the rules): their rows and the answer typed so far, the
 * answer submitted (an unreadable one is explained, never graded), and the
 * marked right order or pairs in the feedback. */
#include <stdio.h>

#include "quiz_order.h"
#include "quiz_view.h"
#include "text.h"

void quiz_draw_arranged_rows(struct quiz_view *v, int width, const struct quiz_item *item, bool answered)
{
	struct arranged_line rows[ARRANGED_MAX_LINES];
	size_t split, n = quiz_arranged_rows(item, rows, &split);
	for (size_t i = 0; i < n; i++) {
		if (i == split)
			line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, "Match with:", ROLE_DIM);
		line_body_add(&v->body, width, 2, line_body_fmt(&v->body, "%s ", rows[i].label), ROLE_DIM, rows[i].text,
			      ROLE_TEXT);
	}
	line_body_blank(&v->body);
	/* The answer typed so far, or as given once answered. */
	const char *text = answered ? item->typed : v->answers[0];
	if (answered && item->outcome == QUIZ_DONT_KNOW)
		text = "I don't know";
	long l = line_body_add(&v->body, width, 2, "Your answer: ", ROLE_DIM,
			       line_body_fmt(&v->body, "%s%s", text, answered ? "" : "_"), ROLE_TEXT);
	if (l >= 0)
		v->body.lines[l].cursor = !answered;
	line_body_blank(&v->body);
}

void quiz_draw_arranged_hint(struct quiz_view *v, int width, const struct quiz_item *item)
{
	line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		      item->question->type == QUESTION_ORDER
			      ? "Type the numbers in the right order (for example 3 1 4 2), Enter submits; x alone: I don't know."
			      : "Type a letter for each numbered item, in order (for example b a c), Enter submits; x alone: I don't know.",
		      ROLE_DIM);
}

void quiz_draw_arranged_feedback(struct quiz_view *v, const struct ui *ui, int width, const struct quiz_item *item)
{
	struct arranged_line lines[ARRANGED_MAX_LINES];
	char heading[160];
	size_t n = quiz_arranged_feedback(item, ui->utf8, heading, sizeof heading, lines);
	line_body_add(&v->body, width, 0, NULL, ROLE_TEXT, line_body_fmt(&v->body, "%s", heading), ROLE_TEXT);
	for (size_t i = 0; i < n; i++) {
		enum role mark = !*lines[i].mark ? ROLE_TEXT : lines[i].good ? ROLE_OK : ROLE_ERROR;
		const char *text = *lines[i].note ? line_body_fmt(&v->body, "%s %s", lines[i].text, lines[i].note)
						  : lines[i].text;
		line_body_add(&v->body, width, 2,
			      line_body_fmt(&v->body, "%s %s ", *lines[i].mark ? lines[i].mark : " ", lines[i].label), mark,
			      text, ROLE_TEXT);
	}
}

int quiz_view_answer_arranged(struct quiz_view *v, struct ui *ui, long answer_ms)
{
	const struct quiz_item *item = quiz_session_answering(&v->session);
	if (!item)
		return -1;
	const char *text = v->answers[0];
	if (text_blank(text)) {
		ui_message(ui, ROLE_WARNING, "%s", item->question->type == QUESTION_ORDER
							 ? "Type the numbers in order first, or x for I don't know"
							 : "Type a letter for each item first, or x for I don't know");
		return -1;
	}
	unsigned char answer[QUESTION_MAX_CHOICES];
	char why[256];
	if (quiz_arranged_read(item, text, answer, why, sizeof why) == ARRANGED_UNREADABLE) {
		ui_message(ui, ROLE_WARNING, "%s", why);
		return -1;
	}
	return quiz_session_answer_arranged(&v->session, text, answer_ms);
}
