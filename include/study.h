/* study — what both front-ends need around a quiz and the statistics, once:
 * the quiz settings the config file asks for, the seed of an unseeded
 * session, opening the learner's progress (--profile aware; for reading it
 * never creates a file), and loading the statistics.  No printing: errors
 * come back as values and sentences the front-ends show their own way.
 */
#ifndef RXPLORE_STUDY_H
#define RXPLORE_STUDY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "config.h"
#include "library.h"
#include "progress.h"
#include "quiz.h"
#include "confusions.h"
#include "stats.h"

/* Settings for a session in mode from config (NULL: the defaults): the
 * exam's question count, new questions per day, desired retention, the
 * day's rollover hour, and seed.  The scope (topics), count outside an exam
 * and time limit are left empty for the caller. */
void study_quiz_settings(struct quiz_settings *settings, const struct config *config, enum quiz_mode mode,
			 unsigned long long seed);

/* The scheduler settings config asks for (NULL: the defaults): default FSRS
 * weights (progress_effective_schedule() puts fitted ones in), desired
 * retention, rollover hour, learning and relearning steps. */
void study_schedule(struct progress_schedule *schedule, const struct config *config);

/* A seed for a session nobody asked to repeat: the time and the process. */
/* A seed for a session's order: from the clock, or RXPLORE_SEED when it is
 * set (tests). */
unsigned long long study_seed_now(void);

enum study_access {
	STUDY_FOR_WRITING,	/* a quiz: create the database (and its folders) if need be */
	STUDY_FOR_READING	/* stats, export: never create anything just to look */
};

enum study_error {
	STUDY_OK = 0,
	STUDY_EPROFILE,		/* the --profile name is not [A-Za-z0-9_-]{1,64} */
	STUDY_ENOHOME,		/* no HOME, no XDG_STATE_HOME: no place for progress */
	STUDY_ENOMEM,
	STUDY_EUNREADABLE	/* for reading: the file is there but cannot be looked at (see sys_errno) */
};

struct study_progress {
	struct progress *progress;	/* NULL on an error, and for reading when nothing is saved yet */
	char path[4096];		/* the database's path ("" when none could be made) */
	struct progress_notice notice;	/* what the store had to do; notice.message "" when nothing */
	enum study_error error;
	int sys_errno;
};

/* Opens the progress of profile (NULL: the default one) as how asks.
 * Returns 0 (progress may still be NULL for reading: nothing saved yet), or
 * -1 with sp->error set.  sp is always safe to close. */
int study_progress_open(struct study_progress *sp, const char *profile, enum study_access how);
void study_progress_close(struct study_progress *sp);

/* A sentence for sp->error, e.g. "no place for progress: set HOME or
 * XDG_STATE_HOME"; profile is named in the profile error.  Returns buf. */
const char *study_strerror(const struct study_progress *sp, const char *profile, char *buf, size_t size);

/* The statistics of library's questions as of now, from progress (NULL:
 * nothing answered yet, every count zero), with config's retention, rollover,
 * steps and new questions a day (NULL: defaults), and the workload chart and,
 * when exam_day >= 0 (a study day), the exam plan (stats->workload).
 * Returns 0, or -1 (out of memory, or the database could not be read:
 * progress_error()); *stats is always safe to release. */
int study_stats(struct stats *stats, const struct library *library, const struct config *config,
		struct progress *progress, long exam_day, time_t now);

/* The profile's exam day (NULL: the default profile): what `rxplore exam set`
 * saved, else config's exam_date.  Returns 1 with *day set, 0 when there is
 * none (*day = -1), -1 when the saved date cannot be read or is malformed. */
int study_exam_day(const char *profile, const struct config *config, long *day);

/* Saves date ("YYYY-MM-DD") as the profile's exam date; 0, or -1 (a bad
 * date or profile: nothing written; else errno says why). */
int study_exam_set(const char *profile, const char *date);

/* Forgets the profile's saved exam date (config's exam_date still applies);
 * 0, also when none was saved, or -1 with errno. */
int study_exam_clear(const char *profile);

/* The confusions and leeches of progress (NULL: none), with the question
 * bank they point into; config gives leech_threshold (NULL: default).
 * Returns 0, or -1 (out of memory, or progress_error()); *sc is always safe
 * to release. */
struct study_confusions {
	struct quiz_bank bank;
	struct confusion_report report;
};
int study_confusions_load(struct study_confusions *sc, const struct library *library, const struct config *config,
			  struct progress *progress);
void study_confusions_release(struct study_confusions *sc);

/* The weakest topics of library for a weakest-topics drill: at most max of
 * the topics with answered questions, weakest first (the order of the
 * statistics), into out.  Returns how many (0: nothing answered yet), or -1
 * (out of memory, or the database could not be read). */
long study_weakest_topics(const struct library *library, const struct config *config, struct progress *progress,
			  time_t now, const struct card **out, size_t max);

#endif
