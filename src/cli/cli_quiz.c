/* cli_quiz — `rxplore quiz` in line mode: numbered questions, answers read
 * line by line from standard input (so it works with a screen reader and with
 * piped answers).  Here: the quiz's settings from the options, the session
 * (its introduction, the loop over the questions, the summary); asking one
 * question is cli_quiz_ask.c. */
#include "cli_quiz.h"

#include <ctype.h>
#include <errno.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_quiz_ask.h"
#include "cli_quiz_order.h"
#include "cli_signals.h"
#include "clock.h"
#include "confusions.h"
#include "plain.h"
#include "progress.h"
#include "quiz.h"
#include "quiz_order.h"
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
	fprintf(a->out, "End the exam now? %zu question%s unanswered. y ends it; anything else goes on.\n", left,
		left == 1 ? " is" : "s are");
	char line[64];
	enum reply got = asker_read_line(a, line, sizeof line);
	if (got != REPLY_ANSWER)
		return got;
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
		asker_offer_leech(a, session, item);
		asker_ask(a, session, item);
		item = quiz_session_answering(session);	/* a case: the part asked */
		struct timespec shown;
		clock_gettime(CLOCK_MONOTONIC, &shown);
		unsigned positions = 0;
		enum reply reply;
		int outcome = -1;
		bool failed_before = session->save_failed;
		char line[512];
		while ((reply = asker_read_reply(a, item, &positions, line, sizeof line)) != REPLY_EOF && reply != REPLY_STOP) {
			if (reply != REPLY_INVALID && reply != REPLY_QUIT) {
				if (quiz_session_seconds_left(session) == 0)
					break;
				/* Saves (commits) the answer before it returns: the
				 * feedback printed below acknowledges a stored answer. */
				if (quiz_typed_parts(item->question) > 0 &&
				    (reply == REPLY_ANSWER || item->question->type == QUESTION_CLOZE))
					reply = asker_answer_parts(a, session, line, elapsed_ms(&shown), &outcome);
				else if (quiz_is_arranged(item->question))
					outcome = cli_quiz_answer_arranged(a->out, a->width, session, line, elapsed_ms(&shown));
				else
					outcome = quiz_session_answer(session, positions, reply == REPLY_DONT_KNOW,
								      elapsed_ms(&shown));
				if (outcome >= 0 || reply == REPLY_EOF || reply == REPLY_STOP)
					break;
				if (quiz_is_arranged(item->question)) {
					/* Unreadable: cli_quiz_answer_arranged said why; asked again. */
					asker_hint(a, item->question->type);
					continue;
				}
			}
			if (reply == REPLY_QUIT) {
				/* q: an exam asks first; going on asks the question again. */
				if (!exam || (reply = confirm_end(a, session)) != REPLY_ANSWER)
					break;
				asker_ask(a, session, quiz_session_current(session));
				continue;
			}
			fputs("That answer does not fit this question.\n", a->out);
			asker_hint(a, item->question->type);
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
			asker_feedback(a, session, answered);
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
			return cli_usage("--type takes single, multi, true-false, typed, cloze, order, match or case, not '%s'",
					 o->type);
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
