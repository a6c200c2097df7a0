/* cli_quiz — `rxplore quiz` in line mode: numbered questions, answers read
 * line by line from standard input (so it works with a screen reader and with
 * piped answers), and `rxplore progress export | reset`. */
#include "cli_quiz.h"

#include <ctype.h>
#include <errno.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cli_quiz_case.h"
#include "cli_signals.h"
#include "clock.h"
#include "confusions.h"
#include "plain.h"
#include "progress.h"
#include "quiz.h"
#include "quiz_report.h"
#include "quiz_typed.h"
#include "study.h"
#include "text.h"

static bool parse_number(const char *text, unsigned long long max, unsigned long long *out)
{
	if (!text || !isdigit((unsigned char)*text))
		return false;
	errno = 0;
	char *end;
	unsigned long long n = strtoull(text, &end, 10);
	if (errno || *end || n > max)
		return false;
	*out = n;
	return true;
}

/* --- asking ---------------------------------------------------------------- */

struct asker {
	FILE *in, *out;
	int width;
	bool echo;	/* input is not a terminal: show what was read */
	bool utf8;	/* the locale's character set */
	const struct confusion_report *known;	/* the learner's leeches, or NULL */
};

/* Before a leech: the core's offer, and the command that acts on it. */
static void offer_leech(const struct asker *a, const struct quiz_session *session, const struct quiz_item *item)
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
	fputs(label, a->out);
	/* Continuation lines of a long choice go under its text. */
	struct text_lines lines;
	text_lines_init(&lines);
	const char *text = quiz_item_choice(item, pos);
	int indent = text_width(label);
	int avail = a->width - indent > 20 ? a->width - indent : 20;
	if (text_wrap(&lines, text, strlen(text), avail, TEXT_REFLOW) == 0)
		for (size_t i = 0; i < lines.count; i++)
			fprintf(a->out, "%*s%.*s\n", i ? indent : 0, "", (int)lines.items[i].len,
				text + lines.items[i].start);
	text_lines_release(&lines);
}

static const char *type_hint(enum question_type type)
{
	static const char *const hints[] = {
		[QUESTION_SINGLE] = "One answer: a letter or number; x = I don't know; q = stop.",
		[QUESTION_MULTI] = "Select all that apply: letters separated by commas (a,c); x = I don't know; q = stop.",
		[QUESTION_TRUE_FALSE] = "True or false: a or b (t or f); x = I don't know; q = stop.",
		[QUESTION_TYPED] = QUIZ_TYPED_HINT,
		[QUESTION_CLOZE] = QUIZ_CLOZE_HINT,
	};
	return (unsigned)type < sizeof hints / sizeof *hints ? hints[type] : hints[QUESTION_SINGLE];
}

static void ask(const struct asker *a, const struct quiz_session *session, const struct quiz_item *item)
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
	for (size_t pos = 0; quiz_typed_parts(q) == 0 && pos < q->nchoices; pos++)
		choice_line(a, item, pos, "  ");
	plain_wrap(a->out, type_hint(q->type), a->width, 0, false);
	if (q->type == QUESTION_CLOZE)
		fprintf(a->out, "Gap 1 of %zu:\n", q->nchoices);
}

/* REPLY_QUIT: the learner typed q; REPLY_STOP: nobody can answer any more
 * (a signal, output that cannot be written). */
enum reply { REPLY_ANSWER, REPLY_DONT_KNOW, REPLY_QUIT, REPLY_STOP, REPLY_EOF, REPLY_INVALID };

/* Reads one line (without its line end) after a "> " prompt: REPLY_ANSWER,
 * or REPLY_EOF or REPLY_STOP when nothing more can be read or shown. */
static enum reply read_line(const struct asker *a, char *line, size_t size)
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
static enum reply read_reply(const struct asker *a, const struct quiz_item *item, unsigned *positions, char *line,
			     size_t size)
{
	enum reply got = read_line(a, line, size);
	if (got != REPLY_ANSWER)
		return got;
	if (quiz_typed_parts(item->question) > 0)
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

static void feedback(const struct asker *a, const struct quiz_session *session, const struct quiz_item *item)
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
	enum reply got = read_line(a, reply, sizeof reply);
	*accept = tolower((unsigned char)reply[strspn(reply, " ")]) == 'y';
	return got;
}

/* Answers a typed or cloze question: line answers the first part, the
 * other gaps are read one by one, each typo asked about.  Sets *outcome (-1
 * when not answered); returns how the reading went. */
static enum reply answer_parts(const struct asker *a, struct quiz_session *session, const char *line, long ms,
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
			enum reply got = read_line(a, texts[part], sizeof texts[part]);
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

/* --- the session ------------------------------------------------------------- */

static int print_report_line(const struct quiz_report_line *line, void *ctx)
{
	const struct asker *a = ctx;
	switch (line->kind) {
	case QUIZ_REPORT_SCORE: fprintf(a->out, "\n%s\n", line->text); break;
	case QUIZ_REPORT_HEADING: fprintf(a->out, "%s:\n", line->text); break;
	case QUIZ_REPORT_TOPIC: fprintf(a->out, "  %s\n", line->text); break;
	case QUIZ_REPORT_MISTAKE: {
		/* The command that shows the section to read again. */
		const struct quiz_question *q = line->item->question;
		if (q->see >= 0)
			fprintf(a->out, "%s (rxplore show %s %s)\n", line->text, q->card->id,
				section_key((enum section)q->see));
		else
			fprintf(a->out, "%s (rxplore show %s)\n", line->text, q->card->id);
		break;
	}
	case QUIZ_REPORT_BLANK: fputc('\n', a->out); break;
	default: plain_wrap(a->out, line->text, a->width, 0, false); break;
	}
	return ferror(a->out) ? -1 : 0;
}

static void summary(const struct asker *a, const struct quiz_session *session, size_t saved)
{
	bool timed_out = session->settings.mode == QUIZ_EXAM && quiz_session_seconds_left(session) == 0;
	if (quiz_report_render(session, timed_out, a->utf8, print_report_line, (void *)a) < 0)
		return;
	fprintf(a->out, "%zu answer%s saved.\n", saved, saved == 1 ? "" : "s");
}

static long elapsed_ms(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)((now.tv_sec - since->tv_sec) * 1000 + (now.tv_nsec - since->tv_nsec) / 1000000);
}

static void introduce(const struct asker *a, const struct quiz_session *session)
{
	const struct quiz_settings *s = &session->settings;
	if (s->mode == QUIZ_REVIEW && session->ahead > 0)
		fprintf(a->out, "Review: %zu due, %zu before the exam, %zu new (new today so far: %ld of %d).\n",
			session->due, session->ahead, session->fresh, session->new_today, s->new_per_day);
	else if (s->mode == QUIZ_REVIEW)
		fprintf(a->out, "Review: %zu due, %zu new (new today so far: %ld of %d).\n", session->due,
			session->fresh, session->new_today, s->new_per_day);
	else if (s->mode == QUIZ_CRAM)
		fprintf(a->out, "Cram: %zu question%s most at risk%s. Schedules are not changed.\n", session->count,
			session->count == 1 ? "" : "s", s->exam_day >= 0 ? " on the exam day" : " today");
	else if (s->mode == QUIZ_EXAM && s->minutes > 0)
		fprintf(a->out, "Exam: %zu question%s, %d minute%s. No feedback until the end.\n", session->count,
			session->count == 1 ? "" : "s", s->minutes, s->minutes == 1 ? "" : "s");
	else if (s->mode == QUIZ_EXAM)
		fprintf(a->out, "Exam: %zu question%s. No feedback until the end.\n", session->count,
			session->count == 1 ? "" : "s");
	else if (s->drill == QUIZ_DRILL_MISTAKES)
		fprintf(a->out, "Your mistakes of %s: %zu question%s. Wrong answers come back until answered right.\n",
			s->drill_days > 1 ? "the last week" : "today", session->count, session->count == 1 ? "" : "s");
	else
		fprintf(a->out, "Practice: %zu question%s. Wrong answers come back until answered right.\n",
			session->count, session->count == 1 ? "" : "s");
}

/* "q" in an exam asks first: one q would end it with every question left
 * counted as unanswered.  Returns REPLY_QUIT to end it, REPLY_ANSWER to go
 * on, or REPLY_EOF / REPLY_STOP when nobody can answer. */
static enum reply confirm_end(const struct asker *a, const struct quiz_session *session)
{
	size_t left = session->count - session->current;
	fprintf(a->out, "End the exam now? %zu question%s unanswered. y ends it; anything else goes on.\n> ",
		left, left == 1 ? " is" : "s are");
	char line[64];
	if (fflush(a->out) != 0 || ferror(a->out) || cli_signals_caught())
		return REPLY_STOP;
	if (!fgets(line, sizeof line, a->in)) {
		if (a->echo)
			fputc('\n', a->out);
		return cli_signals_caught() ? REPLY_STOP : REPLY_EOF;
	}
	line[strcspn(line, "\r\n")] = '\0';
	if (a->echo)
		fprintf(a->out, "%s\n", line);
	if (strcmp(line, "y") == 0 || strcmp(line, "Y") == 0 || strcmp(line, "yes") == 0)
		return REPLY_QUIT;
	fputs("The exam goes on.\n", a->out);
	return REPLY_ANSWER;
}

/* Asks until the session ends, the learner quits or the input runs out. */
static size_t run_session(const struct asker *a, struct quiz_session *session)
{
	size_t saved = 0;
	bool exam = session->settings.mode == QUIZ_EXAM;
	introduce(a, session);
	struct quiz_item *item;
	while ((item = quiz_session_current(session)) != NULL) {
		offer_leech(a, session, item);
		ask(a, session, item);
		item = quiz_session_answering(session);	/* a case: the part asked */
		struct timespec shown;
		clock_gettime(CLOCK_MONOTONIC, &shown);
		unsigned positions = 0;
		enum reply reply;
		int outcome = -1;
		bool failed_before = session->save_failed;
		char line[512];
		while ((reply = read_reply(a, item, &positions, line, sizeof line)) != REPLY_EOF && reply != REPLY_STOP) {
			if (reply != REPLY_INVALID && reply != REPLY_QUIT) {
				if (quiz_session_seconds_left(session) == 0)
					break;
				/* Saves (commits) the answer before it returns: the
				 * feedback printed below acknowledges a stored answer. */
				if (quiz_typed_parts(item->question) > 0 &&
				    (reply == REPLY_ANSWER || item->question->type == QUESTION_CLOZE))
					reply = answer_parts(a, session, line, elapsed_ms(&shown), &outcome);
				else
					outcome = quiz_session_answer(session, positions, reply == REPLY_DONT_KNOW,
								      elapsed_ms(&shown));
				if (outcome >= 0 || reply == REPLY_EOF || reply == REPLY_STOP)
					break;
			}
			if (reply == REPLY_QUIT) {
				/* q: an exam asks first; going on asks the question again. */
				if (!exam || (reply = confirm_end(a, session)) != REPLY_ANSWER)
					break;
				ask(a, session, quiz_session_current(session));
				continue;
			}
			fputs("That answer does not fit this question.\n", a->out);
			plain_wrap(a->out, type_hint(item->question->type), a->width, 0, false);
		}
		if (outcome < 0 && (reply == REPLY_EOF || reply == REPLY_QUIT || reply == REPLY_STOP)) {
			fputs(reply == REPLY_EOF ? "End of input: stopping.\n" : "Stopping.\n", a->out);
			break;
		}
		if (outcome < 0) {
			fputs("Time is up: that answer came too late.\n", a->out);
			break;
		}
		item = &session->items[session->current];	/* answering may move the items */
		saved += item->review_id > 0;
		const struct quiz_item *answered = quiz_session_answering(session);
		/* Said at once, not only in the summary: the feedback must not pass
		 * for an acknowledgement of an answer that was lost. */
		if (session->save_failed && !failed_before)
			fprintf(stderr, "rxplore: warning: this answer was not saved: %s\n",
				progress_error(session->progress));
		if (!exam)
			feedback(a, session, answered);
		quiz_session_next(session);
	}
	if (quiz_session_seconds_left(session) == 0)
		fputs("\nTime is up.\n", a->out);
	return saved;
}

/* --contrast A,B: the two topics of a contrast drill. */
static int contrast_from(struct cli *cli, const char *value, struct quiz_settings *s)
{
	const char *comma = strchr(value, ',');
	if (!comma || comma == value || !comma[1] || strchr(comma + 1, ','))
		return cli_usage("--contrast takes two topics as A,B, not '%s'", value);
	char first[256];
	snprintf(first, sizeof first, "%.*s", (int)(comma - value), value);
	s->contrast[0] = cli_topic(cli, first);
	s->contrast[1] = s->contrast[0] ? cli_topic(cli, comma + 1) : NULL;
	if (!s->contrast[1])
		return EXIT_PROBLEM;
	if (s->contrast[0] == s->contrast[1])
		return cli_usage("--contrast takes two different topics, not '%s' twice", first);
	if (s->ntopics)
		return cli_usage("%s", "--contrast and --topic do not go together");
	return EXIT_OK;
}

/* Everything a quiz needs from the options; returns EXIT_OK or a usage error. */
static int quiz_settings_from(struct cli *cli, const struct cli_quiz_options *o, struct quiz_settings *s,
			      const struct card **topics)
{
	memset(s, 0, sizeof *s);	/* even on a usage error: the caller's settings are never garbage */
	const struct quiz_kind *kind = quiz_kind_find(o->mode ? o->mode : "practice");
	if (!kind)
		return cli_usage("--mode takes practice, review, exam, cram, mistakes, mistakes-week or weakest, not '%s'",
				 o->mode);
	study_quiz_settings(s, &cli->config, kind->mode, 0);
	study_exam_day(cli->options.profile, &cli->config, &s->exam_day);
	s->drill = kind->drill;
	s->drill_days = kind->days;
	if (kind->drill == QUIZ_DRILL_WEAKEST && o->ntopics > 0)
		return cli_usage("%s", "--mode weakest picks its own topics: leave out --topic");
	unsigned long long n;
	if (o->count) {
		if (!parse_number(o->count, 10000, &n) || n == 0)
			return cli_usage("--count takes a number of questions from 1 to 10000, not '%s'", o->count);
		s->count = (size_t)n;
	}
	if (o->minutes) {
		if (s->mode != QUIZ_EXAM)
			return cli_usage("%s", "--minutes goes with --mode exam");
		if (!parse_number(o->minutes, 1440, &n) || n == 0)
			return cli_usage("--minutes takes a number from 1 to 1440, not '%s'", o->minutes);
		s->minutes = (int)n;
	}
	if (o->type) {
		int type = question_type_parse(o->type);
		if (type < 0 || !quiz_type_asked((enum question_type)type))
			return cli_usage("--type takes single, multi, true-false, typed, cloze or case, not '%s'", o->type);
		s->types = 1u << type;
	}
	if (o->seed) {
		if (!parse_number(o->seed, ~0ULL, &n))
			return cli_usage("--seed takes a whole number, not '%s'", o->seed);
		s->seed = n;
	} else {
		s->seed = study_seed_now();
	}
	for (size_t i = 0; i < o->ntopics; i++) {
		topics[i] = cli_topic(cli, o->topics[i]);
		if (!topics[i])
			return EXIT_PROBLEM;
	}
	s->topics = topics;
	s->ntopics = o->ntopics;
	return o->contrast ? contrast_from(cli, o->contrast, s) : EXIT_OK;
}

/* A weakest-topics drill: its topics from the statistics, named before the
 * first question.  Returns how many (0: nothing answered yet, said so), or
 * -1 with *status set. */
static long weakest_scope(struct cli *cli, struct progress *progress, struct quiz_settings *s,
			  const struct card **topics, int *status)
{
	long n = study_weakest_topics(&cli->library, &cli->config, progress, clock_now(), topics,
				      QUIZ_WEAKEST_TOPICS);
	if (n < 0) {
		fprintf(stderr, "rxplore: cannot read the progress: %s\n",
			progress_error(progress)[0] ? progress_error(progress) : "out of memory");
		*status = EXIT_PROBLEM;
		return -1;
	}
	*status = EXIT_OK;
	if (n == 0) {
		printf("Nothing answered yet: the weakest topics show after a few answers. Try `rxplore quiz`.\n");
		return 0;
	}
	fputs("Weakest topics:", stdout);
	for (long i = 0; i < n; i++)
		printf("%s %s", i ? "," : "", topics[i]->title);
	fputs(".\n", stdout);
	s->topics = topics;
	s->ntopics = (size_t)n;
	return n;
}

int cli_quiz(struct cli *cli, const struct cli_quiz_options *options, char **args, int nargs)
{
	(void)args;
	if (nargs > 0)
		return cli_usage("%s", "quiz takes options only (--topic ID for a topic)");
	struct quiz_settings settings;
	const struct card *topics[CLI_MAX_TOPICS];
	int status = quiz_settings_from(cli, options, &settings, topics);
	if (status != EXIT_OK)
		return status;
	struct quiz_bank bank;
	if (quiz_bank_build(&bank, &cli->library) < 0) {
		fprintf(stderr, "rxplore: out of memory\n");
		return EXIT_PROBLEM;
	}
	char path[4096];
	cli_signals_catch();
	struct progress *progress = cli_open_progress(cli, path, sizeof path, &status);
	struct quiz_session session;
	if (!progress) {
		quiz_bank_release(&bank);
		cli_signals_end();
		return status;
	}
	if (settings.drill == QUIZ_DRILL_WEAKEST && weakest_scope(cli, progress, &settings, topics, &status) <= 0) {
		progress_close(progress);
		quiz_bank_release(&bank);
		cli_signals_end();
		return status;
	}
	if (quiz_session_start(&session, &bank, progress, &settings) < 0) {
		fprintf(stderr, "rxplore: cannot start the quiz: %s\n",
			progress_error(progress)[0] ? progress_error(progress) : "out of memory");
		status = EXIT_PROBLEM;
	} else if (session.count == 0) {
		/* Nothing to review or drill is good news, not a problem. */
		if (settings.mode == QUIZ_REVIEW)
			printf("Nothing is due, and no new questions are left for today. Come back tomorrow.\n");
		else if (settings.drill == QUIZ_DRILL_MISTAKES)
			printf("No mistakes %s: nothing to drill.\n", settings.drill_days > 1 ? "in the last week" : "today");
		else if (settings.mode == QUIZ_CRAM)
			fprintf(stderr, "rxplore: nothing to cram: no question %shas been reviewed yet\n",
				settings.ntopics ? "of these topics " : "");
		else
			fprintf(stderr, "rxplore: no questions for %s\n",
				settings.contrast[0] ? "a contrast of these topics (their answers do not differ)"
				: settings.ntopics ? "these topics" : "the loaded cards");
		status = settings.mode == QUIZ_REVIEW || settings.drill == QUIZ_DRILL_MISTAKES ? EXIT_OK : EXIT_PROBLEM;
		quiz_session_release(&session);
	} else {
		/* Unreadable confusions only cost the leech offers. */
		struct confusion_report known;
		if (confusion_report_compute(&known, progress, &bank, &cli->library, cli->config.leech_threshold) < 0)
			memset(&known, 0, sizeof known);
		struct asker asker = { stdin, stdout, cli_width(cli), !isatty(STDIN_FILENO),
				       strcmp(nl_langinfo(CODESET), "UTF-8") == 0, &known };
		printf("%s\n", RX_DISCLAIMER);
		size_t saved = run_session(&asker, &session);
		summary(&asker, &session, saved);
		if (session.save_failed)
			fprintf(stderr, "rxplore: warning: some answers could not be saved: %s\n",
				progress_error(progress));
		quiz_session_release(&session);
		confusion_report_release(&known);
	}
	progress_close(progress);
	quiz_bank_release(&bank);
	cli_signals_end();
	return status;
}
