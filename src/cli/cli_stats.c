/* cli_stats — `rxplore stats` and `rxplore confusions`: the study
 * statistics, the confusions and the leeches in line mode. */
#include <errno.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "confusions.h"
#include "clock.h"
#include "plain.h"
#include "progress.h"
#include "quiz.h"
#include "stats.h"
#include "study.h"

/* How many confusions `stats` shows beside the statistics. */
#define STATS_TOP_CONFUSIONS 3

#define EMPTY_HINT "Answer a few questions with `rxplore quiz`, then run `rxplore stats` again."

static int print_line(const struct stats_line *line, void *ctx)
{
	FILE *out = ctx;
	return fprintf(out, "%s\n", line->text) < 0 ? -1 : 0;
}

/* Opens the learner's progress for reading; EXIT_OK (sp->progress may be
 * NULL: nothing saved yet), or the exit status of a message already shown. */
static int open_for_reading(struct cli *cli, struct study_progress *sp)
{
	const char *profile = cli->options.profile;
	char why[4300];
	if (study_progress_open(sp, profile, STUDY_FOR_READING) < 0) {
		study_strerror(sp, profile, why, sizeof why);
		if (sp->error == STUDY_EPROFILE)
			return cli_usage("%s", why);
		if (sp->error != STUDY_EUNREADABLE) {
			fprintf(stderr, "rxplore: %s\n", why);
			return EXIT_PROBLEM;
		}
		/* Unreadable: say so, and show the empty statistics. */
		fprintf(stderr, "rxplore: warning: %s\n", why);
	}
	if (sp->notice.message[0])
		fprintf(stderr, "rxplore: warning: %s\n", sp->notice.message);
	return EXIT_OK;
}

/* Says why computing `what` failed: the database's error, else memory. */
static int read_failed(const struct study_progress *sp, const char *what)
{
	if (sp->progress && progress_error(sp->progress)[0])
		fprintf(stderr, "rxplore: cannot read %s: %s\n", sp->path, progress_error(sp->progress));
	else
		fprintf(stderr, "rxplore: out of memory while %s\n", what);
	return EXIT_PROBLEM;
}

/* Each line wrapped to the width, its continuation under its own indent. */
static int print_confusion(const struct confusion_line *line, void *ctx)
{
	const int *width = ctx;
	int indent = (int)strspn(line->text, " ");
	if (!line->text[indent])
		putchar('\n');
	else
		plain_wrap(stdout, line->text + indent, *width, indent, false);
	return ferror(stdout) ? -1 : 0;
}

/* The confusions (at most max_pairs, 0: all) and the leeches as parts asks. */
static int print_confusions(struct cli *cli, struct study_progress *sp, unsigned parts, size_t max_pairs)
{
	struct study_confusions sc;
	int status = EXIT_OK, width = cli_width(cli);
	if (study_confusions_load(&sc, &cli->library, &cli->config, sp->progress) < 0)
		status = read_failed(sp, "finding confusions");
	else if (confusions_render(&sc.report, &cli->library, parts, max_pairs, print_confusion, &width) != 0)
		status = EXIT_PROBLEM;
	study_confusions_release(&sc);
	return status;
}

/* The statistics, then the top confusions and the leeches. */
static int print_stats(struct cli *cli, struct study_progress *sp)
{
	int status = EXIT_OK;
	long exam_day;
	if (study_exam_day(cli->options.profile, &cli->config, &exam_day) < 0)
		fprintf(stderr, "rxplore: warning: the saved exam date cannot be read; set it again with "
				"rxplore exam set YYYY-MM-DD\n");
	struct stats stats;
	if (study_stats(&stats, &cli->library, &cli->config, sp->progress, exam_day, clock_now()) < 0)
		status = read_failed(sp, "computing the statistics");
	if (status == EXIT_OK) {
		bool utf8 = plain_utf8();
		if (stats_render(&stats, cli_width(cli), utf8, EMPTY_HINT, print_line, stdout) != 0)
			status = EXIT_PROBLEM;
	}
	stats_release(&stats);
	/* Beside the statistics: the top confusions and the leeches. */
	if (status == EXIT_OK && sp->progress) {
		putchar('\n');
		status = print_confusions(cli, sp, CONFUSION_RENDER_PAIRS | CONFUSION_RENDER_LEECHES,
					  STATS_TOP_CONFUSIONS);
	}
	return status;
}

static int print_all_confusions(struct cli *cli, struct study_progress *sp)
{
	return print_confusions(cli, sp, CONFUSION_RENDER_PAIRS, 0);
}

/* What `stats` and `confusions` share: no arguments, the progress opened for
 * reading around print (which runs only when it opened). */
static int run_reading(struct cli *cli, int nargs, const char *name,
		       int (*print)(struct cli *cli, struct study_progress *sp))
{
	if (nargs > 0)
		return cli_usage("%s takes no arguments", name);
	struct study_progress sp;
	int status = open_for_reading(cli, &sp);
	if (status == EXIT_OK)
		status = print(cli, &sp);
	study_progress_close(&sp);
	return status;
}

int cli_stats(struct cli *cli, char **args, int nargs)
{
	(void)args;
	return run_reading(cli, nargs, "stats", print_stats);
}

int cli_confusions(struct cli *cli, char **args, int nargs)
{
	(void)args;
	return run_reading(cli, nargs, "confusions", print_all_confusions);
}
