/* cli_quiz_order — see cli_quiz_order.h. */
#include "cli_quiz_order.h"

#include <stdio.h>
#include <string.h>

#include "plain.h"
#include "quiz_order.h"
#include "text.h"

void cli_quiz_labelled(FILE *out, int width, const char *label, const char *text)
{
	fputs(label, out);
	struct text_lines lines;
	text_lines_init(&lines);
	int indent = text_width(label);
	int avail = width - indent > 20 ? width - indent : 20;
	if (text_wrap(&lines, text, strlen(text), avail, TEXT_REFLOW) == 0)
		for (size_t i = 0; i < lines.count; i++)
			fprintf(out, "%*s%.*s\n", i ? indent : 0, "", (int)lines.items[i].len, text + lines.items[i].start);
	text_lines_release(&lines);
}

void cli_quiz_arranged_rows(FILE *out, int width, const struct quiz_item *item)
{
	struct arranged_line rows[ARRANGED_MAX_LINES];
	size_t split, n = quiz_arranged_rows(item, rows, &split);
	for (size_t i = 0; i < n; i++) {
		char label[32];
		if (i == split)
			fputs("Match with:\n", out);
		snprintf(label, sizeof label, "  %.7s ", rows[i].label);
		cli_quiz_labelled(out, width, label, rows[i].text);
	}
}

int cli_quiz_answer_arranged(FILE *out, int width, struct quiz_session *session, const char *line, long ms)
{
	const struct quiz_item *item = quiz_session_answering(session);
	if (!item)
		return -1;
	unsigned char answer[QUESTION_MAX_CHOICES];
	char why[256];
	if (quiz_arranged_read(item, line, answer, why, sizeof why) == ARRANGED_UNREADABLE) {
		plain_wrap(out, why, width, 0, false);
		return -1;
	}
	return quiz_session_answer_arranged(session, line, ms);
}

void cli_quiz_arranged_feedback(FILE *out, int width, bool utf8, const struct quiz_item *item)
{
	struct arranged_line lines[ARRANGED_MAX_LINES];
	char heading[160];
	size_t n = quiz_arranged_feedback(item, utf8, heading, sizeof heading, lines);
	plain_wrap(out, heading, width, 0, false);
	for (size_t i = 0; i < n; i++) {
		char label[64], text[1024];
		snprintf(label, sizeof label, "%s %s ", *lines[i].mark ? lines[i].mark : " ", lines[i].label);
		snprintf(text, sizeof text, "%s%s%s", lines[i].text, *lines[i].note ? " " : "", lines[i].note);
		cli_quiz_labelled(out, width, label, text);
	}
}
