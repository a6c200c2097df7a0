/* progress — the learner's review log and memory state, kept in SQLite.
 *
 * The only module that includes <sqlite3.h>.  Every answer is committed as it
 * is given (BEGIN IMMEDIATE around each read-modify-write, busy_timeout), so
 * two copies of rxplore at once both save and a killed process loses at most
 * the answer being typed.  Library code: returns errors, never prints.
 */
#ifndef RXPLORE_PROGRESS_H
#define RXPLORE_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "diag.h"
#include "fsrs.h"
#include "sched.h"

struct progress; /* opaque: one open database */

/* Cram answers are logged but never move a memory state: the scheduler and
 * the optimizer only read answers that did (updated_memory). */
enum progress_mode { PROGRESS_PRACTICE, PROGRESS_REVIEW, PROGRESS_EXAM, PROGRESS_CRAM };

/* "practice", "review", "exam", "cram" (as logged), or "?". */
const char *progress_mode_name(enum progress_mode mode);

/* What progress_open() had to do that the user should hear about. */
struct progress_notice {
	bool moved_aside;	/* a damaged database was renamed: see moved_to */
	bool read_only;		/* written by a newer rxplore: nothing will be saved */
	bool not_saving;	/* the directory or file cannot be written: nothing saved */
	bool no_wal;		/* WAL unavailable (e.g. network file system): rollback journal */
	char moved_to[4096];	/* the damaged file's new name, when moved_aside */
	char message[512];	/* one human-readable sentence, empty when all went well */
};

/* Settings the scheduler needs when recording an answer. */
struct progress_schedule {
	struct fsrs_params params;
	int rollover_hour;	/* 0..23, default 4 */
	struct sched_steps steps;	/* learning and relearning steps (all zero: none) */
};

/* What the learner did with a question, kept beside its review (schema 3). */
enum progress_outcome { PROGRESS_RIGHT, PROGRESS_WRONG, PROGRESS_DONT_KNOW };

#define PROGRESS_MAX_CHOICES 8

/* One choice the learner picked. */
struct progress_choice {
	const char *text;	/* as shown */
	const char *topic;	/* id of the card the choice stands for, or NULL */
	int index;		/* in the question's own order (a generated one: 0 is the answer) */
	bool correct;
};

/* What was chosen: saved with the review when `recorded`. */
struct progress_chosen {
	bool recorded;		/* false: nothing is saved beyond the review (old callers) */
	enum progress_outcome outcome;
	const struct progress_choice *choices;	/* the picked ones, at most PROGRESS_MAX_CHOICES */
	size_t nchoices;
	const char *typed;	/* a typed answer, or NULL (no question type asks for one yet) */
};

/* One answer, as logged. */
struct progress_answer {
	const char *question_id;
	const char *card_id;
	time_t at;		/* clock_now() when answered */
	enum fsrs_grade grade;
	long answer_ms;		/* time taken to answer */
	enum progress_mode mode;
	bool update_memory;	/* false: logged as practice only (re-asks, exam re-takes) */
	struct progress_chosen chosen;	/* what was picked (left zero: not recorded) */
};

/* The memory state of one question. */
struct progress_state {
	double stability;	/* 0 = never reviewed */
	double difficulty;
	time_t last_review;	/* 0 = never */
	long due_day;		/* clock_day() on which it is next due */
	int reviews, lapses;
};

/* One row of the review log. */
struct progress_review {
	long long id;
	const char *question_id, *card_id;
	time_t at;
	enum fsrs_grade grade;
	long answer_ms;
	enum progress_mode mode;
	bool updated_memory;
};

/* Opens (creating directories and the file if needed) the database at path.
 * A damaged file (and its -wal/-shm) is renamed path.damaged-YYYYMMDD-HHMMSS
 * and a fresh one started; a newer schema opens read-only; an unwritable place
 * still returns a usable handle that saves nothing.  Returns NULL only when out
 * of memory; *notice is always filled. */
struct progress *progress_open(const char *path, struct progress_notice *notice);
void progress_close(struct progress *progress);

/* True when answers will be saved (not read-only, not unwritable). */
bool progress_can_save(const struct progress *progress);

/* The last error message, or "" — for callers that want to explain a failure. */
const char *progress_error(const struct progress *progress);

/* Reads a question's memory state; a question never seen gets all zeros.
 * Returns 0 on success, -1 on a database error. */
int progress_state(struct progress *progress, const char *question_id, struct progress_state *out);

/* Where a question stands in its learning or relearning steps, derived from
 * its logged grades (sched_position_next()): while in a step it is due at
 * last_review + out->delay, within due_day.  0, or -1 on a database error. */
int progress_position(struct progress *progress, const struct sched_steps *steps, const char *question_id,
		      struct sched_position *out);

/* The schedule answers are recorded with: schedule, with the learner's fitted
 * parameters (progress_fitted_params()) in place of its weights when there
 * are some.  Previews use it so they show what progress_record() will do. */
void progress_effective_schedule(struct progress *progress, struct progress_schedule *schedule);

/* Records one answer in one transaction: appends it to the log and, when
 * answer->update_memory, moves the memory state on with FSRS (first review or
 * next review after the whole days elapsed, per schedule->rollover_hour) and
 * through its steps, with sched_answer() and progress_effective_schedule().
 * What was chosen is saved beside it when answer->chosen.recorded.
 * *after (may be NULL) receives the new state.  Returns the log row id (> 0),
 * 0 when not saving (state still computed into *after), -1 on error. */
long long progress_record(struct progress *progress, const struct progress_schedule *schedule,
			  const struct progress_answer *answer, struct progress_state *after);

/* Undoes a logged answer: removes the row and restores the memory state the
 * question had before it.  Only the most recent answer to that question may be
 * undone.  Returns 0, or -1 (not found, not the latest, or a database error). */
int progress_undo(struct progress *progress, long long review_id);

/* Calls each(row, ctx) for every review in time order; stops early when it
 * returns non-zero.  Returns 0, or -1 on error. */
int progress_each_review(struct progress *progress, int (*each)(const struct progress_review *, void *),
			 void *ctx);

/* One review with what was chosen (only reviews recorded with a choice: schema
 * 3 onwards; older reviews have none). */
struct progress_answer_row {
	long long review_id;
	const char *question_id, *card_id;
	time_t at;
	enum fsrs_grade grade;
	enum progress_mode mode;
	bool updated_memory;		/* a first answer, not a re-ask */
	struct progress_chosen chosen;	/* recorded is always true here */
};

/* Calls each(row, ctx) for every review saved with what was chosen, in time
 * order; stops early when it returns non-zero.  A database from before schema
 * 3 opened read-only simply has none.  Returns 0, or -1 on error. */
int progress_each_answer(struct progress *progress, int (*each)(const struct progress_answer_row *, void *),
			 void *ctx);

/* Calls each(question_id, card_id, state, ctx) for every question with a memory
 * state.  Returns 0, or -1 on error. */
int progress_each_state(struct progress *progress,
			int (*each)(const char *question_id, const char *card_id,
				    const struct progress_state *, void *),
			void *ctx);

/* Number of questions due on or before `day` (a clock_day()). -1 on error. */
long progress_due_count(struct progress *progress, long day);

/* Deletes every review and memory state.  Returns 0 or -1. */
int progress_reset(struct progress *progress);

/* FSRS parameters fitted to this learner (`rxplore fsrs fit`). */
struct progress_fitted {
	double w[FSRS_PARAM_COUNT];
	long reviews;		/* answers that had moved memory states at the fit */
	time_t fitted_at;
};

/* Reads the saved parameters: 1 when there are some, 0 when none (the
 * defaults apply), -1 on a database error.  progress_record() schedules with
 * them when present, whatever schedule->params.w says. */
int progress_fitted_params(struct progress *progress, struct progress_fitted *out);

/* Saves parameters for this learner, replacing any saved before.  0 or -1. */
int progress_save_fitted(struct progress *progress, const struct progress_fitted *fitted);

/* Forgets the saved parameters: back to the defaults.  0 or -1. */
int progress_forget_fitted(struct progress *progress);

/* Answers that moved a memory state (the optimizer's reviews); -1 on error. */
long progress_memory_review_count(struct progress *progress);

/* Runs SQLite's full integrity check: 0 when the file is sound, 1 when it is
 * not (details in progress_error()), -1 when the check could not run. */
int progress_check(struct progress *progress);

/* What progress_merge() did. */
struct progress_merge_result {
	size_t read;		/* reviews read from the file */
	size_t added;		/* new to this log */
	size_t present;		/* already in it (merged before, or the same answer) */
	size_t skipped;		/* malformed or conflicting: one diagnostic each */
	size_t replayed;	/* questions whose memory state was recomputed */
};

/* Merges another machine's progress — its progress.db, or the CSV of
 * `progress export` — into this one, in one transaction.
 *
 * A review is known by (question id, time, grade, answer time, mode, whether
 * it updated memory — a re-ask in the same second is another review): one the
 * log already holds is not added again, so merging a file twice, or A into B
 * and B into A, ends with the same log (as a multiset: n equal reviews in the
 * file and m here leave max(n, m)).  A review equal in those but logged with
 * another card is a conflict; it and any malformed row get a
 * diagnostic "FILE:ROW: ..." in diags and are skipped.  Nothing already in
 * the log is changed; the memory states of the questions that gained reviews
 * are recomputed by replaying their whole log in time order with schedule.
 * From a database, what was chosen comes along with each review added (a
 * CSV export has no choices).
 * Returns 0 (even when rows were skipped), or -1 when the file cannot be read
 * or the database fails (nothing merged; see progress_error()). */
int progress_merge(struct progress *progress, const struct progress_schedule *schedule, const char *path,
		   struct diag_list *diags, struct progress_merge_result *result);

/* Writes a consistent copy of the database to path (SQLite's backup API, so
 * another rxplore may be answering meanwhile), as one self-contained file
 * with a rollback journal: no -wal beside it to forget.  The copy is made
 * beside path and renamed over it once complete.  Returns 0 or -1. */
int progress_backup(struct progress *progress, const char *path);

#endif
