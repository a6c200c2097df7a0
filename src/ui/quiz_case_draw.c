/* quiz_case_draw — a case vignette in the quiz session screen: its stem
 * above each part (the part itself is drawn by quiz_draw.c as a question of
 * its type), and after a part's feedback the case's verdict or the way on to
 * the next part. */
#include "quiz_view.h"

long quiz_draw_case_stem(struct quiz_view *v, int width)
{
	if (quiz_session_done(&v->session))
		return -1;
	const struct quiz_item *kase = &v->session.items[v->session.current];
	if (!kase->case_parts)
		return -1;
	char heading[64];
	line_body_add(&v->body, width, 0, "Case: ", ROLE_DIM, kase->question->ask, ROLE_TEXT);
	line_body_blank(&v->body);
	return line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
			     line_body_fmt(&v->body, "%s:", quiz_case_part_heading(kase, heading, sizeof heading)),
			     ROLE_DIM);
}

const struct quiz_item *quiz_draw_case_after(struct quiz_view *v, const struct ui *ui, int width,
					     const struct quiz_item *part)
{
	const struct quiz_item *kase = &v->session.items[v->session.current];
	if (!kase->case_parts)
		return part;
	if (quiz_case_pending(&v->session)) {
		line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
			      line_body_fmt(&v->body, "Enter: part %u of %zu. The case is graded after its last part.",
					    kase->case_part + 2u, kase->question->nparts),
			      ROLE_DIM);
		return NULL;
	}
	char verdict[128];
	bool good;
	line_body_add(&v->body, width, 0, NULL, ROLE_TEXT,
		      line_body_fmt(&v->body, "%s.", quiz_case_verdict(kase, ui->utf8, &good, verdict, sizeof verdict)),
		      good ? ROLE_OK : ROLE_ERROR);
	return kase;
}
