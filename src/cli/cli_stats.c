/* cli_stats — `rxplore stats`: the study statistics in line mode. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "clock.h"
#include "plain.h"
#include "cli.h"
#include "paths.h"
#include "progress.h"
#include "quiz.h"
#include "stats.h"

#define EMPTY_HINT "Answer a few questions with `rxplore quiz`, then run `rxplore stats` again."

static int print_line(const struct stats_line *line, void *ctx)
{
	FILE *out = ctx;
	return fprintf(out, "%s\n", line->text) < 0 ? -1 : 0;
}

static void report_notice(const struct progress_notice *notice)
{
	if (notice->message[0])
		fprintf(stderr, "rxplore: warning: %s\n", notice->message);
}

int cli_stats(struct cli *cli, char **args, int nargs)
{
	(void)args;
	if (nargs > 0)
		return cli_usage("%s", "stats takes no arguments");
	const char *profile = cli->options.profile;
	if (profile && !paths_profile_valid(profile)) {
		return cli_usage("--profile takes letters, digits, '-' and '_', not '%s'", profile);
	}
	char path[4096];
	if (!paths_progress_db(path, sizeof path, profile)) {
		fprintf(stderr, "rxplore: cannot find where progress is kept: set HOME or XDG_STATE_HOME\n");
		return EXIT_PROBLEM;
	}

	struct quiz_bank bank;
	if (quiz_bank_build(&bank, &cli->library) < 0) {
		fprintf(stderr, "rxplore: out of memory while building the questions\n");
		return EXIT_PROBLEM;
	}
	struct fsrs_params params;
	fsrs_params_default(&params);
	params.desired_retention = cli->config.desired_retention;
	time_t now = clock_now();
	int rollover = cli->config.rollover_hour;
	struct stats stats;
	struct progress *progress = NULL;
	struct stat st;
	int status = EXIT_OK;

	/* Looking must not create an empty database (or its folders). */
	if (stat(path, &st) != 0) {
		if (errno != ENOENT)
			fprintf(stderr, "rxplore: warning: cannot read %s: %s\n", path, strerror(errno));
		memset(&stats, 0, sizeof stats);
		stats.today = clock_day(now, rollover);
		stats.rollover_hour = rollover;
		stats.questions = bank.count;
	} else {
		struct progress_notice notice;
		progress = progress_open(path, &notice);
		if (!progress) {
			fprintf(stderr, "rxplore: out of memory while opening %s\n", path);
			quiz_bank_release(&bank);
			return EXIT_PROBLEM;
		}
		report_notice(&notice);
		if (stats_compute(&stats, progress, &bank, &params, rollover, now) < 0) {
			fprintf(stderr, "rxplore: cannot read %s: %s\n", path, progress_error(progress));
			status = EXIT_PROBLEM;
		}
	}
	if (status == EXIT_OK) {
		bool utf8 = plain_utf8();
		if (stats_render(&stats, cli_width(cli), utf8, EMPTY_HINT, print_line, stdout) != 0)
			status = EXIT_PROBLEM;
	}
	stats_release(&stats);
	progress_close(progress);
	quiz_bank_release(&bank);
	return status;
}
