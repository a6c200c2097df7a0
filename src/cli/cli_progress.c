/* cli_progress — `rxplore progress export` (the review log as CSV, or a copy
 * of the database with --format db -o FILE), `rxplore progress merge FILE`
 * (another machine's progress) and `rxplore progress reset` (with
 * confirmation). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_quiz.h"
#include "cli_signals.h"
#include "paths.h"
#include "plain.h"
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
		progress_mode_name(r->mode), r->updated_memory ? "yes" : "no");
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

/* The scheduler settings of this profile, as the quiz uses them. */
static void schedule_of(const struct cli *cli, struct progress_schedule *schedule)
{
	study_schedule(schedule, &cli->config);
}

static int merge(const struct cli *cli, struct progress *progress, const char *path, const char *file)
{
	struct progress_schedule schedule;
	schedule_of(cli, &schedule);
	struct diag_list diags;
	diag_list_init(&diags);
	struct progress_merge_result result;
	int rc = progress_merge(progress, &schedule, file, &diags, &result);
	plain_diags(stderr, &diags);
	diag_list_release(&diags);
	if (rc != 0) {
		fprintf(stderr, "rxplore: nothing merged into %s: %s\n", path, progress_error(progress));
		return EXIT_PROBLEM;
	}
	printf("Merged %s into %s: %zu reviews read, %zu added, %zu already there, %zu skipped; "
	       "%zu questions rescheduled.\n", file, path, result.read, result.added, result.present,
	       result.skipped, result.replayed);
	return result.skipped ? EXIT_PROBLEM : EXIT_OK;
}

static int export_csv(struct progress *progress)
{
	printf("id,question_id,card_id,time,grade,grade_name,answer_ms,mode,updated_memory\r\n");
	if (progress_each_review(progress, export_row, stdout) < 0) {
		fprintf(stderr, "rxplore: cannot read the review log: %s\n", progress_error(progress));
		return EXIT_PROBLEM;
	}
	return EXIT_OK;
}

static int export_db(struct progress *progress, const char *output)
{
	if (progress_backup(progress, output) != 0) {
		fprintf(stderr, "rxplore: cannot copy the progress database to %s: %s\n", output,
			progress_error(progress));
		return EXIT_PROBLEM;
	}
	return EXIT_OK;
}

static int reset(struct progress *progress, const char *path, bool yes)
{
	if (!yes && !confirmed(path)) {
		fprintf(stderr, "rxplore: nothing reset\n");
		return EXIT_PROBLEM;
	}
	if (progress_reset(progress) < 0) {
		fprintf(stderr, "rxplore: cannot reset %s: %s\n", path, progress_error(progress));
		return EXIT_PROBLEM;
	}
	printf("Progress reset: %s\n", path);
	return EXIT_OK;
}

/* Checks the command line; the subcommand's name, or NULL after a usage message. */
static const char *parse(const struct cli_quiz_options *options, char **args, int nargs, bool *to_db,
			 int *status)
{
	*status = EXIT_USAGE;
	const char *sub = nargs >= 1 ? args[0] : "";
	bool export = strcmp(sub, "export") == 0, is_reset = strcmp(sub, "reset") == 0;
	bool is_merge = strcmp(sub, "merge") == 0;
	*to_db = options->format && strcmp(options->format, "db") == 0;
	if (!export && !is_reset && !is_merge)
		cli_usage("progress takes 'export', 'merge FILE' or 'reset'");
	else if (nargs != (is_merge ? 2 : 1))
		cli_usage(is_merge ? "progress merge takes one FILE (a progress.db, or the CSV of progress export)"
				   : "progress %s takes no arguments", sub);
	else if (options->mode || options->ntopics || options->count || options->minutes || options->seed)
		cli_usage("the quiz options go with the quiz command");
	else if (options->yes && !is_reset)
		cli_usage("--yes goes with 'progress reset'");
	else if (is_reset && !options->yes && !isatty(STDIN_FILENO))
		cli_usage("progress reset asks for confirmation on a terminal; give --yes to reset without");
	else if ((options->format || options->output) && !export)
		cli_usage("--format and -o go with 'progress export'");
	else if (options->format && !*to_db && strcmp(options->format, "csv") != 0)
		cli_usage("--format takes csv or db with progress export, not '%s'", options->format);
	else if (*to_db && (!options->output || !*options->output || strcmp(options->output, "-") == 0))
		cli_usage("progress export --format db needs -o FILE (a database is not written to a terminal)");
	else if (options->output && !*to_db)
		cli_usage("-o goes with progress export --format db (the CSV goes to standard output)");
	else
		*status = EXIT_OK;
	return *status == EXIT_OK ? sub : NULL;
}

int cli_progress(struct cli *cli, const struct cli_quiz_options *options, char **args, int nargs)
{
	bool to_db;
	int status;
	const char *sub = parse(options, args, nargs, &to_db, &status);
	if (!sub)
		return status;
	/* Held back (or caught) while the database is open: a signal then ends
	 * rxplore only after it is closed, leaving no -wal or -shm beside it. */
	if (strcmp(sub, "reset") == 0)
		cli_signals_catch(); /* Ctrl-C at the question still cancels */
	else
		cli_signals_hold();
	char path[4096];
	struct progress *progress = cli_open_progress(cli, path, sizeof path, &status);
	if (progress) {
		if (strcmp(sub, "merge") == 0)
			status = merge(cli, progress, path, args[1]);
		else if (strcmp(sub, "reset") == 0)
			status = reset(progress, path, options->yes);
		else
			status = to_db ? export_db(progress, options->output) : export_csv(progress);
		progress_close(progress);
	}
	cli_signals_end();
	return status;
}
