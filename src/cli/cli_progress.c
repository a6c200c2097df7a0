/* cli_progress — `rxplore progress export` (the review log as CSV) and
 * `rxplore progress reset` (with confirmation). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_quiz.h"
#include "progress.h"
#include "study.h"

/* One CSV field, quoted as RFC 4180 asks when it holds a comma, a quote or a
 * line break. */
static void csv_field(FILE *out, const char *text)
{
	if (!text)
		text = "";
	if (strpbrk(text, ",\"\r\n") == NULL) {
		fputs(text, out);
		return;
	}
	fputc('"', out);
	for (; *text; text++) {
		if (*text == '"')
			fputc('"', out);
		fputc(*text, out);
	}
	fputc('"', out);
}

static const char *mode_name(enum progress_mode mode)
{
	return mode == PROGRESS_EXAM ? "exam" : mode == PROGRESS_REVIEW ? "review" : "practice";
}

static const char *grade_name(enum fsrs_grade grade)
{
	static const char *const names[] = { "again", "hard", "good", "easy" };
	return grade >= FSRS_AGAIN && grade <= FSRS_EASY ? names[grade - 1] : "?";
}

static int export_row(const struct progress_review *r, void *ctx)
{
	FILE *out = ctx;
	char when[32];
	struct tm tm;
	gmtime_r(&r->at, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(out, "%lld,", r->id);
	csv_field(out, r->question_id);
	fputc(',', out);
	csv_field(out, r->card_id);
	fprintf(out, ",%s,%d,%s,%ld,%s,%s\r\n", when, (int)r->grade, grade_name(r->grade), r->answer_ms,
		mode_name(r->mode), r->updated_memory ? "yes" : "no");
	return 0;
}

struct progress *cli_open_progress(const struct cli *cli, char *path, size_t size, int *status)
{
	struct study_progress sp;
	char why[4300];
	if (study_progress_open(&sp, cli->options.profile, STUDY_FOR_WRITING) < 0) {
		study_strerror(&sp, cli->options.profile, why, sizeof why);
		if (sp.error == STUDY_EPROFILE) {
			*status = cli_usage("%s", why);
		} else {
			fprintf(stderr, "rxplore: %s\n", why);
			*status = EXIT_PROBLEM;
		}
		return NULL;
	}
	snprintf(path, size, "%s", sp.path);
	if (sp.notice.message[0])
		fprintf(stderr, "rxplore: warning: %s\n", sp.notice.message);
	return sp.progress;
}

static bool confirmed(const char *path)
{
	fprintf(stderr, "Delete every answer and memory state in %s? [y/N] ", path);
	fflush(stderr);
	char line[64];
	if (!fgets(line, sizeof line, stdin))
		return false;
	return line[0] == 'y' || line[0] == 'Y';
}

int cli_progress(struct cli *cli, const struct cli_quiz_options *options, char **args, int nargs)
{
	if (nargs != 1 || (strcmp(args[0], "export") != 0 && strcmp(args[0], "reset") != 0))
		return cli_usage("progress takes 'export' or 'reset'");
	bool reset = strcmp(args[0], "reset") == 0;
	if (options->mode || options->ntopics || options->count || options->minutes || options->seed)
		return cli_usage("the quiz options go with the quiz command");
	if (options->yes && !reset)
		return cli_usage("--yes goes with 'progress reset'");
	if (reset && !options->yes && !isatty(STDIN_FILENO))
		return cli_usage("progress reset asks for confirmation on a terminal; give --yes to reset without");
	char path[4096];
	int status = EXIT_OK;
	struct progress *progress = cli_open_progress(cli, path, sizeof path, &status);
	if (!progress)
		return status;
	if (!reset) {
		printf("id,question_id,card_id,time,grade,grade_name,answer_ms,mode,updated_memory\r\n");
		if (progress_each_review(progress, export_row, stdout) < 0) {
			fprintf(stderr, "rxplore: cannot read the review log: %s\n", progress_error(progress));
			status = EXIT_PROBLEM;
		}
	} else if (!options->yes && !confirmed(path)) {
		fprintf(stderr, "rxplore: nothing reset\n");
		status = EXIT_PROBLEM;
	} else if (progress_reset(progress) < 0) {
		fprintf(stderr, "rxplore: cannot reset %s: %s\n", path, progress_error(progress));
		status = EXIT_PROBLEM;
	} else {
		printf("Progress reset: %s\n", path);
	}
	progress_close(progress);
	return status;
}
