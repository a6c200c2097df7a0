/* cli_quiz_ask — asking one question in line mode (see cli_quiz_ask.h):
 * printing it, reading and understanding the reply, the feedback.  The
 * session around the questions (its introduction, the loop, the summary and
 * the options) is cli_quiz.c. */
#include "cli_quiz_ask.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli_quiz_case.h"
#include "cli_quiz_order.h"
#include "cli_signals.h"
#include "plain.h"
#include "quiz_order.h"
#include "quiz_report.h"
#include "quiz_typed.h"

/* Before a leech: the core's offer, and the command that acts on it. */
void asker_offer_leech(const struct asker *a, const struct quiz_session *session, const struct quiz_item *item)
{
	/* Not in an exam: its cards stay closed until the end. */
	bool offer = !item->reask && session->settings.mode != QUIZ_EXAM && item->case_part == 0;
	const struct leech *leech = offer ? confusion_leech(a->known, item->question) : NULL;
	if (!leech)
		return;
	const struct quiz_question *q = leech->question;
	char sentence[512], command[256];
	if (leech->mixed_with)
		snprintf(command, sizeof command, "rxplore compare %s %s", q->card->id, leech->mixed_with->id);
	else if (q->see >= 0)
		snprintf(command, sizeof command, "rxplore show %s %s", q->card->id, section_key((enum section)q->see));
	else
		snprintf(command, sizeof command, "rxplore show %s", q->card->id);
	fputc('\n', a->out);
	plain_wrap(a->out, confusion_leech_offer(leech, sentence, sizeof sentence), a->width, 0, false);
	fprintf(a->out, "  %s\n", command);
}

static void choice_line(const struct asker *a, const struct quiz_item *item, size_t pos, const char *lead)
{
	char label[64];
	snprintf(label, sizeof label, "%s%c) ", lead, 'a' + (int)pos);
	/* Continuation lines of a long choice go under its text. */
	cli_quiz_labelled(a->out, a->width, label, quiz_item_choice(item, pos));
}

void asker_hint(const struct asker *a, enum question_type type)
{
	static const char *const hints[] = {
		[QUESTION_SINGLE] = "One answer: a letter or number; x = I don't know; q = stop.",
		[QUESTION_MULTI] = "Select all that apply: letters separated by commas (a,c); x = I don't know; q = stop.",
		[QUESTION_TRUE_FALSE] = "True or false: a or b (t or f); x = I don't know; q = stop.",
		[QUESTION_TYPED] = QUIZ_TYPED_HINT,
		[QUESTION_CLOZE] = QUIZ_CLOZE_HINT,
		[QUESTION_ORDER] = QUIZ_ORDER_HINT,
		[QUESTION_MATCH] = QUIZ_MATCH_HINT,
	};
	const char *hint = (unsigned)type < sizeof hints / sizeof *hints ? hints[type] : hints[QUESTION_SINGLE];
	plain_wrap(a->out, hint, a->width, 0, false);
}

void asker_ask(const struct asker *a, const struct quiz_session *session, const struct quiz_item *item)
{
	const struct quiz_question *q = item->question;
	fprintf(a->out, "\nQuestion %zu of %zu%s — %s", session->current + 1, session->count,
		item->reask ? " (again)" : "", q->card->title);
	long left = quiz_session_seconds_left(session);
	if (left >= 0)
		fprintf(a->out, " — %ld:%02ld left", left / 60, left % 60);
	fputc('\n', a->out);
	if (item->case_parts) {	/* a case: its stem, then the part asked */
		cli_quiz_case_head(a->out, a->width, item);
		item = &item->case_parts[item->case_part];
		q = item->question;
	}
	plain_wrap(a->out, q->ask, a->width, 0, false);
	if (quiz_is_arranged(q))
		cli_quiz_arranged_rows(a->out, a->width, item);
	for (size_t pos = 0; quiz_typed_parts(q) == 0 && !quiz_is_arranged(q) && pos < q->nchoices; pos++)
		choice_line(a, item, pos, "  ");
	asker_hint(a, q->type);
	if (q->type == QUESTION_CLOZE)
		fprintf(a->out, "Gap 1 of %zu:\n", q->nchoices);
}

/* Reads one line (without its line end) after a "> " prompt: REPLY_ANSWER,
 * or REPLY_EOF or REPLY_STOP when nothing more can be read or shown. */
enum reply asker_read_line(const struct asker *a, char *line, size_t size)
{
	fputs("> ", a->out);
	/* Nobody sees the questions any more (a closed pipe with SIGPIPE
	 * ignored, a full disk): stop rather than save answers given blind. */
	if (fflush(a->out) != 0 || ferror(a->out) || cli_signals_caught())
		return REPLY_STOP;
	if (!fgets(line, (int)size, a->in)) {
		if (cli_signals_caught()) /* Ctrl-C, SIGTERM, SIGHUP: stop and close the database */
			return REPLY_STOP;
		if (a->echo)
			fputc('\n', a->out);
		return REPLY_EOF;
	}
	line[strcspn(line, "\r\n")] = '\0';
	if (a->echo)
		fprintf(a->out, "%s\n", line);
	return REPLY_ANSWER;
}

/* A typed question's line: x or ? for I don't know, q to stop, else the
 * answer (kept in line). */
static enum reply typed_reply(const char *line)
{
	const char *start = line + strspn(line, " \t");
	size_t len = strlen(start);
	while (len > 0 && (start[len - 1] == ' ' || start[len - 1] == '\t'))
		len--;
	if (len == 0)
		return REPLY_INVALID;
	if (quiz_typed_dont_know(line))
		return REPLY_DONT_KNOW;
	if ((len == 1 && (*start == 'q' || *start == 'Q')) || (len == 4 && strncasecmp(start, "quit", 4) == 0))
		return REPLY_QUIT;
	return REPLY_ANSWER;
}

/* Reads one answer line: into a bit set of display positions for a choice
 * question, as text (line) for a typed one. */
enum reply asker_read_reply(const struct asker *a, const struct quiz_item *item, unsigned *positions, char *line,
			     size_t size)
{
	enum reply got = asker_read_line(a, line, size);
	if (got != REPLY_ANSWER)
		return got;
	if (quiz_typed_parts(item->question) > 0 || quiz_is_arranged(item->question))
		return typed_reply(line);
	for (char *p = line; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	size_t n = item->question->nchoices;
	bool tf = item->question->type == QUESTION_TRUE_FALSE;
	*positions = 0;
	size_t tokens = 0;
	char *rest;
	for (char *tok = strtok_r(line, ", \t", &rest); tok; tok = strtok_r(NULL, ", \t", &rest)) {
		tokens++;
		if (strcmp(tok, "x") == 0 || strcmp(tok, "?") == 0)
			return tokens == 1 && !strtok_r(NULL, ", \t", &rest) ? REPLY_DONT_KNOW : REPLY_INVALID;
		if (strcmp(tok, "q") == 0 || strcmp(tok, "quit") == 0)
			return REPLY_QUIT;
		size_t pos = n;
		if (tf && (strcmp(tok, "t") == 0 || strcmp(tok, "true") == 0))
			pos = 0;
		else if (tf && (strcmp(tok, "f") == 0 || strcmp(tok, "false") == 0))
			pos = 1;
		else if (tok[1] == '\0' && tok[0] >= 'a' && tok[0] <= 'f')
			pos = (size_t)(tok[0] - 'a');
		else if (tok[1] == '\0' && tok[0] >= '1' && tok[0] <= '6')
			pos = (size_t)(tok[0] - '1');
		if (pos >= n)
			return REPLY_INVALID;
		*positions |= 1u << pos;
	}
	if (tokens == 0)
		return REPLY_INVALID;
	return REPLY_ANSWER;
}

static void right_answers(const struct asker *a, const struct quiz_item *item, const char *lead)
{
	if (quiz_is_arranged(item->question)) {
		cli_quiz_arranged_feedback(a->out, a->width, a->utf8, item);
		return;
	}
	if (quiz_typed_parts(item->question) > 0) {
		char buf[2048];
		bool several;
		fprintf(a->out, "%sRight answer: ", lead);
		plain_wrap(a->out, quiz_report_expected(item, &several, buf, sizeof buf), a->width, 0, false);
		return;
	}
	size_t n = item->question->nchoices, right = 0;
	for (size_t pos = 0; pos < n; pos++)
		right += quiz_item_choice_correct(item, pos);
	fprintf(a->out, "%s%s:\n", lead, right > 1 ? "Right answers" : "Right answer");
	for (size_t pos = 0; pos < n; pos++)
		if (quiz_item_choice_correct(item, pos))
			choice_line(a, item, pos, "  ");
}

static void explanation(const struct asker *a, const struct quiz_item *item)
{
	const struct quiz_question *q = item->question;
	if (q->explain)
		plain_wrap(a->out, q->explain, a->width, 0, false);
	if (q->see >= 0)
		fprintf(a->out, "See: %s › %s (rxplore show %s %s)\n", q->card->title,
			section_title((enum section)q->see), q->card->id, section_key((enum section)q->see));
}

void asker_feedback(const struct asker *a, const struct quiz_session *session, const struct quiz_item *item)
{
	char verdict[128];
	bool good;
	fprintf(a->out, "%s.\n", quiz_report_verdict(item, true, &good, verdict, sizeof verdict));
	/* A typo counted as right still shows how it is spelt. */
	if (!good || item->typo_accepted)
		right_answers(a, item, "");
	explanation(a, item);
	if (quiz_case_finished(&session->items[session->current]))
		cli_quiz_case_verdict(a->out, &session->items[session->current], a->utf8);
	char scheduled[96];
	if (*quiz_session_scheduled_text(session, scheduled, sizeof scheduled))
		fprintf(a->out, "%s\n", scheduled);
}

/* Asks "did you mean …?" when text is one typo from a part's answer:
 * *accept is the reply.  Returns how the reading went. */
static enum reply confirm_typo(const struct asker *a, const struct quiz_question *q, size_t part, const char *text,
			       bool *accept)
{
	char meant[256], prompt[512], reply[64];
	*accept = false;
	if (quiz_dont_know_or_blank(text) ||
	    quiz_typed_check_part(q, part, text, meant, sizeof meant) != TYPED_TYPO)
		return REPLY_ANSWER;
	plain_wrap(a->out, quiz_typed_confirm(meant, a->utf8, prompt, sizeof prompt), a->width, 0, false);
	enum reply got = asker_read_line(a, reply, sizeof reply);
	*accept = tolower((unsigned char)reply[strspn(reply, " ")]) == 'y';
	return got;
}

/* Answers a typed or cloze question: line answers the first part, the
 * other gaps are read one by one, each typo asked about.  Sets *outcome (-1
 * when not answered); returns how the reading went. */
enum reply asker_answer_parts(const struct asker *a, struct quiz_session *session, const char *line, long ms,
			       int *outcome)
{
	const struct quiz_question *q = quiz_session_answering(session)->question;
	size_t nparts = quiz_typed_parts(q);
	char texts[QUESTION_MAX_CHOICES][512];
	const char *given[QUESTION_MAX_CHOICES];
	bool accept[QUESTION_MAX_CHOICES] = { false };
	for (size_t part = 0; part < nparts && part < QUESTION_MAX_CHOICES; part++) {
		if (part == 0) {
			snprintf(texts[0], sizeof texts[0], "%s", line);
		} else {
			fprintf(a->out, "Gap %zu of %zu:\n", part + 1, nparts);
			enum reply got = asker_read_line(a, texts[part], sizeof texts[part]);
			if (got != REPLY_ANSWER)
				return got;
			if (typed_reply(texts[part]) == REPLY_QUIT)
				return REPLY_QUIT;
		}
		given[part] = texts[part];
		enum reply got = confirm_typo(a, q, part, texts[part], &accept[part]);
		if (got != REPLY_ANSWER)
			return got;
	}
	*outcome = quiz_session_answer_parts(session, given, accept, nparts, ms);
	return REPLY_ANSWER;
}
