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
#include "workload.h"

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
	settings->exam_day = -1;
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

int study_confusions_load(struct study_confusions *sc, const struct library *library, const struct config *config,
			  struct progress *progress)
{
	struct config defaults;
	config = or_defaults(config, &defaults);
	memset(sc, 0, sizeof *sc);
	if (quiz_bank_build(&sc->bank, library) < 0)
		return -1;
	return confusion_report_compute(&sc->report, progress, &sc->bank, library, config->leech_threshold);
}

void study_confusions_release(struct study_confusions *sc)
{
	confusion_report_release(&sc->report);
	quiz_bank_release(&sc->bank);
}

int study_stats(struct stats *stats, const struct library *library, const struct config *config,
		struct progress *progress, long exam_day, time_t now)
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
	if (rc == 0) {
		struct progress_schedule schedule;
		study_schedule(&schedule, config);
		stats->workload = malloc(sizeof *stats->workload);
		if (!stats->workload || workload_compute(stats->workload, progress, &bank, &schedule,
							 config->new_per_day, exam_day, now) < 0) {
			free(stats->workload);
			stats->workload = NULL;
			rc = -1;
		}
	}
	quiz_bank_release(&bank);
	return rc;
}

long study_weakest_topics(const struct library *library, const struct config *config, struct progress *progress,
			  time_t now, const struct card **out, size_t max)
{
	struct stats stats;
	if (study_stats(&stats, library, config, progress, -1, now) < 0)
		return -1;
	size_t n = 0;
	for (size_t t = 0; t < stats.ntopics && n < max && stats.topics[t].seen > 0; t++)
		out[n++] = stats.topics[t].card;
	stats_release(&stats);
	return (long)n;
}

int study_exam_day(const char *profile, const struct config *config, long *day)
{
	char path[4096], line[64];
	*day = -1;
	if (!paths_exam_file(path, sizeof path, profile))
		return -1;
	FILE *f = fopen(path, "r");
	if (f) {
		bool read = fgets(line, sizeof line, f) != NULL;
		fclose(f);
		line[read ? strcspn(line, "\r\n") : 0] = '\0';
		if (read && clock_parse_date(line, day))
			return 1;
		*day = -1;
		return -1;
	}
	if (errno != ENOENT)
		return -1;
	if (config && config->exam_date[0] && clock_parse_date(config->exam_date, day))
		return 1;
	return 0;
}

int study_exam_set(const char *profile, const char *date)
{
	char path[4096], temp[4200];
	long day;
	if (!date || !clock_parse_date(date, &day) || !paths_exam_file(path, sizeof path, profile) ||
	    paths_make_parent(path) != 0)
		return -1;
	snprintf(temp, sizeof temp, "%s.tmp", path);
	FILE *f = fopen(temp, "w");
	if (!f)
		return -1;
	char text[16];
	bool ok = fprintf(f, "%s\n", clock_date_text(day, text, sizeof text)) > 0;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(temp, path) != 0) {
		remove(temp);
		return -1;
	}
	return 0;
}

int study_exam_clear(const char *profile)
{
	char path[4096];
	if (!paths_exam_file(path, sizeof path, profile))
		return -1;
	return remove(path) == 0 || errno == ENOENT ? 0 : -1;
}
