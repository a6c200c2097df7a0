/* study — see include/study.h. */
#include "study.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "paths.h"

static const struct config *or_defaults(const struct config *config, struct config *defaults)
{
	if (config)
		return config;
	config_defaults(defaults);
	return defaults;
}

void study_quiz_settings(struct quiz_settings *settings, const struct config *config, enum quiz_mode mode,
			 unsigned long long seed)
{
	struct config defaults;
	config = or_defaults(config, &defaults);
	memset(settings, 0, sizeof *settings);
	settings->mode = mode;
	if (mode == QUIZ_EXAM)
		settings->count = (size_t)config->exam_questions;
	settings->seed = seed;
	settings->new_per_day = config->new_per_day;
	study_schedule(&settings->schedule, config);
}

void study_schedule(struct progress_schedule *schedule, const struct config *config)
{
	struct config defaults;
	config = or_defaults(config, &defaults);
	memset(schedule, 0, sizeof *schedule);
	fsrs_params_default(&schedule->params);
	schedule->params.desired_retention = config->desired_retention;
	schedule->rollover_hour = config->rollover_hour;
	schedule->steps = config->steps;
}

unsigned long long study_seed_now(void)
{
	/* Tests pin the order of questions and choices as RXPLORE_NOW pins the
	 * clock: a screen captured whole must be the same on every run. */
	const char *pinned = getenv("RXPLORE_SEED");
	if (pinned && *pinned)
		return strtoull(pinned, NULL, 10);
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (unsigned long long)ts.tv_sec * 1000003ULL ^ (unsigned long long)ts.tv_nsec ^
	       ((unsigned long long)getpid() << 32);
}

static int fail(struct study_progress *sp, enum study_error error)
{
	sp->error = error;
	return -1;
}

int study_progress_open(struct study_progress *sp, const char *profile, enum study_access how)
{
	memset(sp, 0, sizeof *sp);
	if (profile && !paths_profile_valid(profile))
		return fail(sp, STUDY_EPROFILE);
	if (!paths_progress_db(sp->path, sizeof sp->path, profile))
		return fail(sp, STUDY_ENOHOME);
	if (how == STUDY_FOR_READING) {
		/* Looking must not create an empty database (or its folders). */
		struct stat st;
		if (stat(sp->path, &st) != 0) {
			if (errno == ENOENT)
				return 0;
			sp->sys_errno = errno;
			return fail(sp, STUDY_EUNREADABLE);
		}
	}
	sp->progress = progress_open(sp->path, &sp->notice);
	return sp->progress ? 0 : fail(sp, STUDY_ENOMEM);
}

void study_progress_close(struct study_progress *sp)
{
	progress_close(sp->progress);
	sp->progress = NULL;
}

const char *study_strerror(const struct study_progress *sp, const char *profile, char *buf, size_t size)
{
	switch (sp->error) {
	case STUDY_OK: snprintf(buf, size, "no error"); break;
	case STUDY_EPROFILE:
		snprintf(buf, size, "--profile takes letters, digits, '-' and '_', not '%s'", profile ? profile : "");
		break;
	case STUDY_ENOHOME: snprintf(buf, size, "no place for progress: set HOME or XDG_STATE_HOME"); break;
	case STUDY_ENOMEM: snprintf(buf, size, "out of memory"); break;
	case STUDY_EUNREADABLE: snprintf(buf, size, "cannot read %s: %s", sp->path, strerror(sp->sys_errno)); break;
	}
	return buf;
}

int study_stats(struct stats *stats, const struct library *library, const struct config *config,
		struct progress *progress, time_t now)
{
	struct config defaults;
	config = or_defaults(config, &defaults);
	memset(stats, 0, sizeof *stats);
	struct quiz_bank bank;
	if (quiz_bank_build(&bank, library) < 0)
		return -1;
	int rc = 0;
	if (!progress) {
		/* Nothing saved yet: the empty statistics of today. */
		stats->today = clock_day(now, config->rollover_hour);
		stats->rollover_hour = config->rollover_hour;
		stats->questions = bank.count;
	} else {
		struct fsrs_params params;
		fsrs_params_default(&params);
		params.desired_retention = config->desired_retention;
		rc = stats_compute(stats, progress, &bank, &params, config->rollover_hour, now);
	}
	quiz_bank_release(&bank);
	return rc;
}
