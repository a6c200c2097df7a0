/* cli_fsrs — `rxplore fsrs fit` and `rxplore fsrs reset`: fitting the
 * scheduler's 21 FSRS-6 parameters to the learner's review history (the
 * profile's progress, or a revlog CSV) and keeping them with the profile.
 * Self-contained so that it can move into the command table as it is.
 */
#include "cli_fsrs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "fsrs_fit.h"
#include "fsrs_revlog.h"
#include "plain.h"
#include "progress.h"

static const char *const parameter_names[FSRS_PARAM_COUNT] = {
	"S0 Again", "S0 Hard", "S0 Good", "S0 Easy", "D0", "D0 grade slope", "D change", "D mean reversion",
	"recall growth", "recall S decay", "recall R effect", "lapse S", "lapse D", "lapse S power",
	"lapse R effect", "Hard penalty", "Easy bonus", "same-day growth", "same-day offset",
	"same-day S decay", "forgetting decay",
};

/* "+HH:MM" or "-HH:MM" (or "Z") to minutes east of UTC. */
static bool parse_tz(const char *text, int *minutes)
{
	if (strcmp(text, "Z") == 0 || strcmp(text, "UTC") == 0) {
		*minutes = 0;
		return true;
	}
	/* Exactly sign, two digits, colon, two digits. */
	if (strlen(text) != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':')
		return false;
	for (int i = 1; i < 6; i++) {
		if (i != 3 && (text[i] < '0' || text[i] > '9'))
			return false;
	}
	char sign = text[0];
	int hours = (text[1] - '0') * 10 + (text[2] - '0'), mins = (text[4] - '0') * 10 + (text[5] - '0');
	if (hours > 14 || mins > 59)
		return false;
	*minutes = (hours * 60 + mins) * (sign == '-' ? -1 : 1);
	return true;
}

static bool parse_hour(const char *text, int *hour)
{
	char *end;
	long h = strtol(text, &end, 10);
	if (end == text || *end || h < 0 || h > 23)
		return false;
	*hour = (int)h;
	return true;
}

static void print_report(const struct fsrs_fit_result *r, const struct fsrs_dataset *data,
			 const struct fsrs_health *health, const char *source)
{
	struct fsrs_params defaults;
	fsrs_params_default(&defaults);
	printf("Fitted to %zu reviews of %zu questions from %s: %zu items to predict, %zu used.\n",
	       data->source_reviews, data->cards, source, data->item_count, r->usable_items);
	printf("%s.\n\n", fsrs_fit_outcome_text(r->outcome));
	printf("%-4s %-18s %10s %10s\n", "", "parameter", "default", "fitted");
	for (int i = 0; i < FSRS_PARAM_COUNT; i++)
		printf("w%-3d %-18s %10.4f %10.4f\n", i, parameter_names[i], defaults.w[i], r->w[i]);
	printf("\n%-12s %10s %10s\n", "", "default", "fitted");
	printf("%-12s %10.4f %10.4f\n", "log loss", r->before.log_loss, r->after.log_loss);
	printf("%-12s %9.2f%% %9.2f%%\n", "RMSE(bins)", r->before.rmse_bins * 100, r->after.rmse_bins * 100);
	printf("(lower is better; both on the same %zu reviews)\n\n", r->after.items);
	for (size_t i = 0; i < health->count; i++)
		printf("%s\n", health->lines[i]);
}

static void print_json(const struct fsrs_fit_result *r, const struct fsrs_dataset *data, bool saved)
{
	printf("{\"parameters\": [");
	for (int i = 0; i < FSRS_PARAM_COUNT; i++)
		printf("%s%.10g", i ? ", " : "", r->w[i]);
	printf("], \"reviews\": %zu, \"items\": %zu, \"log_loss\": %.10g, \"rmse\": %.10g,"
	       " \"before\": {\"log_loss\": %.10g, \"rmse\": %.10g}, \"fitted\": \"%s\", \"saved\": %s}\n",
	       data->source_reviews, r->usable_items, r->after.log_loss, r->after.rmse_bins, r->before.log_loss,
	       r->before.rmse_bins,
	       r->outcome == FSRS_FIT_FULL ? "all" : r->outcome == FSRS_FIT_INITIAL_ONLY ? "initial" : "none",
	       saved ? "true" : "false");
}

static bool ask(const char *question)
{
	fprintf(stderr, "%s [y/N] ", question);
	fflush(stderr);
	char line[64];
	return fgets(line, sizeof line, stdin) && (line[0] == 'y' || line[0] == 'Y');
}

/* Overdue and reviewed questions, for the backlog check. */
struct backlog {
	long today, overdue, reviewed;
};

static int count_state(const char *question_id, const char *card_id, const struct progress_state *state,
		       void *ctx)
{
	struct backlog *b = ctx;
	(void)question_id;
	(void)card_id;
	if (state->stability > 0) {
		b->reviewed++;
		b->overdue += state->due_day < b->today;
	}
	return 0;
}

/* Reads the history into data: the CSV log, or the profile's progress. */
static int load_history(struct cli *cli, const struct cli_fsrs_options *o, struct progress *progress,
			struct fsrs_dataset *data, bool *rows_skipped)
{
	struct fsrs_history history;
	struct diag_list diags;
	int status = EXIT_OK;
	fsrs_history_init(&history);
	diag_list_init(&diags);
	if (o->log) {
		struct fsrs_revlog_options ro;
		fsrs_revlog_options_default(&ro);
		if (o->rollover && !parse_hour(o->rollover, &ro.rollover_hour))
			status = cli_usage("--rollover takes an hour from 0 to 23, not '%s'", o->rollover);
		else if (o->tz && !parse_tz(o->tz, &ro.tz_offset_minutes))
			status = cli_usage("--tz takes an offset from UTC like +02:00 or -05:30, not '%s'", o->tz);
		else if (fsrs_revlog_read(o->log, &ro, &history, &diags) < 0)
			status = EXIT_PROBLEM;
		plain_diags(stderr, &diags);
		*rows_skipped = diags.errors > 0;
	} else if (fsrs_history_from_progress(progress, cli->config.rollover_hour, &history) < 0) {
		fprintf(stderr, "rxplore: cannot read the review log: %s\n", progress_error(progress));
		status = EXIT_PROBLEM;
	}
	if (status == EXIT_OK && fsrs_dataset_build(&history, data) != 0) {
		fprintf(stderr, "rxplore: out of memory\n");
		status = EXIT_PROBLEM;
	}
	fsrs_history_release(&history);
	diag_list_release(&diags);
	return status;
}

static int save(struct progress *progress, const char *path, const struct fsrs_fit_result *r, long reviews,
		bool quiet)
{
	struct progress_fitted fitted = { .reviews = reviews, .fitted_at = clock_now() };
	memcpy(fitted.w, r->w, sizeof fitted.w);
	if (progress_save_fitted(progress, &fitted) != 0) {
		fprintf(stderr, "rxplore: cannot save the parameters in %s: %s\n", path, progress_error(progress));
		return EXIT_PROBLEM;
	}
	if (!quiet)
		printf("Saved: the scheduler now uses these parameters (%s).\n", path);
	return EXIT_OK;
}

static int fsrs_fit_command(struct cli *cli, const struct cli_fsrs_options *o)
{
	if ((o->rollover || o->tz) && !o->log)
		return cli_usage("%s", "--rollover and --tz go with --log (the profile's own log uses the"
				       " configured rollover_hour)");
	char path[4096];
	int status = EXIT_OK;
	struct progress *progress = cli_open_progress(cli, path, sizeof path, &status);
	if (!progress)
		return status;
	struct fsrs_dataset data = { 0 };
	bool rows_skipped = false;
	status = load_history(cli, o, progress, &data, &rows_skipped);
	struct fsrs_fit_result result;
	if (status == EXIT_OK && fsrs_fit(&data, NULL, &result) != 0) {
		fprintf(stderr, "rxplore: out of memory while fitting\n");
		status = EXIT_PROBLEM;
	}
	if (status != EXIT_OK) {
		fsrs_dataset_release(&data);
		progress_close(progress);
		return status;
	}
	struct backlog backlog = { clock_day(clock_now(), cli->config.rollover_hour), 0, 0 };
	if (o->log || progress_each_state(progress, count_state, &backlog) != 0)
		backlog.overdue = -1;
	struct fsrs_health health;
	fsrs_fit_health(&result, &data, backlog.overdue, backlog.reviewed, &health);
	long reviews = o->log ? (long)data.source_reviews : progress_memory_review_count(progress);
	bool fitted = result.outcome == FSRS_FIT_FULL || result.outcome == FSRS_FIT_INITIAL_ONLY;
	bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	bool saving = fitted && o->yes;
	if (!o->json) {
		print_report(&result, &data, &health, o->log ? o->log : "this profile's progress");
		if (fitted && !o->yes && interactive)
			saving = ask("Save these parameters for this profile?");
	}
	if (saving)
		status = save(progress, path, &result, reviews, o->json);
	if (o->json)
		print_json(&result, &data, saving && status == EXIT_OK);
	else if (!saving)
		printf("Not saved%s.\n", !fitted ? ": nothing was fitted"
				   : interactive ? "" : " (not a terminal: add --yes to save)");
	fsrs_dataset_release(&data);
	progress_close(progress);
	return status == EXIT_OK && rows_skipped ? EXIT_PROBLEM : status;
}

static int fsrs_reset_command(struct cli *cli, const struct cli_fsrs_options *o)
{
	if (o->log || o->rollover || o->tz || o->json)
		return cli_usage("%s", "fsrs reset takes no options but --yes");
	char path[4096];
	int status = EXIT_OK;
	struct progress *progress = cli_open_progress(cli, path, sizeof path, &status);
	if (!progress)
		return status;
	struct progress_fitted fitted;
	int found = progress_fitted_params(progress, &fitted);
	if (found == 0) {
		printf("This profile already uses the default FSRS parameters.\n");
	} else if (found < 0 || progress_forget_fitted(progress) != 0) {
		fprintf(stderr, "rxplore: cannot reset the parameters in %s: %s\n", path, progress_error(progress));
		status = EXIT_PROBLEM;
	} else {
		printf("Back to the default FSRS parameters (%s).\n", path);
	}
	progress_close(progress);
	return status;
}

int cli_fsrs(struct cli *cli, const struct cli_fsrs_options *options, char **args, int nargs)
{
	if (nargs == 1 && strcmp(args[0], "fit") == 0)
		return fsrs_fit_command(cli, options);
	if (nargs == 1 && strcmp(args[0], "reset") == 0)
		return fsrs_reset_command(cli, options);
	return cli_usage("%s", "fsrs takes 'fit' or 'reset'");
}
