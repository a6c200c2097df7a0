/* cli_stats — `rxplore stats`: the study statistics in line mode. */
#include <errno.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "plain.h"
#include "progress.h"
#include "quiz.h"
#include "stats.h"
#include "study.h"

#define EMPTY_HINT "Answer a few questions with `rxplore quiz`, then run `rxplore stats` again."

static int print_line(const struct stats_line *line, void *ctx)
{
	FILE *out = ctx;
	return fprintf(out, "%s\n", line->text) < 0 ? -1 : 0;
}

int cli_stats(struct cli *cli, char **args, int nargs)
{
	(void)args;
	if (nargs > 0)
		return cli_usage("%s", "stats takes no arguments");
	const char *profile = cli->options.profile;
	struct study_progress sp;
	char why[4300];
	if (study_progress_open(&sp, profile, STUDY_FOR_READING) < 0) {
		study_strerror(&sp, profile, why, sizeof why);
		if (sp.error == STUDY_EPROFILE)
			return cli_usage("%s", why);
		if (sp.error != STUDY_EUNREADABLE) {
			fprintf(stderr, "rxplore: %s\n", why);
			return EXIT_PROBLEM;
		}
		/* Unreadable: say so, and show the empty statistics. */
		fprintf(stderr, "rxplore: warning: %s\n", why);
	}
	if (sp.notice.message[0])
		fprintf(stderr, "rxplore: warning: %s\n", sp.notice.message);
	long exam_day;
	if (study_exam_day(profile, &cli->config, &exam_day) < 0)
		fprintf(stderr, "rxplore: warning: the saved exam date cannot be read; set it again with "
				"rxplore exam set YYYY-MM-DD\n");
	struct stats stats;
	int status = EXIT_OK;
	if (study_stats(&stats, &cli->library, &cli->config, sp.progress, exam_day, clock_now()) < 0) {
		if (sp.progress && progress_error(sp.progress)[0])
			fprintf(stderr, "rxplore: cannot read %s: %s\n", sp.path, progress_error(sp.progress));
		else
			fprintf(stderr, "rxplore: out of memory while computing the statistics\n");
		status = EXIT_PROBLEM;
	}
	if (status == EXIT_OK) {
		bool utf8 = plain_utf8();
		if (stats_render(&stats, cli_width(cli), utf8, EMPTY_HINT, print_line, stdout) != 0)
			status = EXIT_PROBLEM;
	}
	stats_release(&stats);
	study_progress_close(&sp);
	return status;
}
