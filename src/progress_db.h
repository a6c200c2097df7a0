/* progress_db — what src/progress.c (opening, schema, checks) and
 * src/progress_log.c (the answers and memory states) share; private to them.
 * The helpers are static inline so that both halves keep calling them by their
 * old short names without exporting them from the library.
 */
#ifndef RXPLORE_PROGRESS_DB_H
#define RXPLORE_PROGRESS_DB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include <sqlite3.h>

#include "progress.h"

struct progress {
	sqlite3 *db;
	bool can_save;
	char error[512];
};

/* ---- errors ---- */

static inline void set_error(struct progress *progress, const char *format, ...)
	__attribute__((format(printf, 2, 3)));
static inline void set_error(struct progress *progress, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	vsnprintf(progress->error, sizeof progress->error, format, args);
	va_end(args);
}

static inline void set_db_error(struct progress *progress, const char *doing)
{
	set_error(progress, "%s: %s", doing, progress->db ? sqlite3_errmsg(progress->db) : "no database");
}

/* ---- small statement helpers ---- */

static inline sqlite3_stmt *prepare(struct progress *progress, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	if (sqlite3_prepare_v2(progress->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		set_db_error(progress, "preparing a query");
		sqlite3_finalize(stmt);
		return NULL;
	}
	return stmt;
}

/* As prepare(), for a function that may be given no store (NULL, or one
 * without its database): NULL then too. */
static inline sqlite3_stmt *prepare_on_store(struct progress *progress, const char *sql)
{
	return progress && progress->db ? prepare(progress, sql) : NULL;
}

static inline int exec_sql(struct progress *progress, const char *sql)
{
	int rc = sqlite3_exec(progress->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		set_db_error(progress, sql);
	return rc;
}

enum { BUSY_TIMEOUT_MS = 5000, WAL_RETRY_MS = 10 };

/* BEGIN IMMEDIATE, waiting for another copy's write lock.  SQLite usually
 * waits through the busy handler, but not everywhere: while another
 * connection is switching a new file to WAL, BEGIN IMMEDIATE fails at once
 * with "database is locked".  So retry here, up to the same time limit. */
static inline int begin_immediate(struct progress *progress)
{
	int rc;
	for (int waited = 0;; waited += WAL_RETRY_MS) {
		rc = sqlite3_exec(progress->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waited >= BUSY_TIMEOUT_MS)
			break;
		sqlite3_sleep(WAL_RETRY_MS);
	}
	if (rc != SQLITE_OK)
		set_db_error(progress, "BEGIN IMMEDIATE");
	return rc;
}

/* Steps a statement that returns no rows, then finalizes it. */
static inline int step_done(struct progress *progress, sqlite3_stmt *stmt, const char *doing)
{
	int rc = sqlite3_step(stmt);
	if (rc != SQLITE_DONE)
		set_db_error(progress, doing);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Steps a statement that returns one count, then finalizes it: the count,
 * or -1 with the error set. */
static inline long step_count(struct progress *progress, sqlite3_stmt *stmt, const char *doing)
{
	long count = -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		count = (long)sqlite3_column_int64(stmt, 0);
	else
		set_db_error(progress, doing);
	sqlite3_finalize(stmt);
	return count;
}

static inline void rollback(struct progress *progress)
{
	sqlite3_exec(progress->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- shared between the halves (not part of the public API) ---- */

/* Opens path for reading only into progress->db, through an immutable open
 * when its -shm cannot be made; false when it is not a readable rxplore
 * database. (progress.c) */
bool progress_db_open_read_only(struct progress *progress, const char *path);

/* Inside a transaction: recomputes one question's memory state, and the
 * before_* columns undo relies on, from its whole log in time order.
 * (progress_log.c) */
int progress_db_replay(struct progress *progress, const struct progress_schedule *schedule,
		       const char *question_id);

/* What was chosen (progress_choice.c).  Whether chosen fits (setting the
 * error when not); saving it beside review_id and forgetting it again, inside
 * the caller's transaction: 0 or -1. */
bool progress_db_valid_chosen(struct progress *progress, const struct progress_chosen *chosen);
int progress_db_save_chosen(struct progress *progress, long long review_id, const struct progress_chosen *chosen);
int progress_db_forget_chosen(struct progress *progress, long long review_id);

/* What was chosen, copied out of another database for a merge (its strings
 * owned here). */
struct progress_db_chosen {
	bool recorded;
	int outcome;			/* enum progress_outcome */
	char *typed;
	struct progress_choice choices[PROGRESS_MAX_CHOICES];	/* text and topic malloc'ed */
	size_t nchoices;
};

/* Whether source has the tables of what was chosen (schema 3 on). */
bool progress_db_has_answers(struct progress *source);
/* Reads review_id's answer and choices from source into *out (recorded
 * false when it has none): 0, or -1 (out of memory or a database error, in
 * source's error). */
int progress_db_read_chosen(struct progress *source, long long review_id, struct progress_db_chosen *out);
void progress_db_chosen_release(struct progress_db_chosen *chosen);
/* Saves a copy beside review_id, inside the caller's transaction: 0 or -1. */
int progress_db_save_copied(struct progress *progress, long long review_id, const struct progress_db_chosen *chosen);

/* "practice", "review", "exam" -> the mode; -1 for anything else. */
int progress_db_mode(const char *name);
const char *progress_db_mode_name(enum progress_mode mode);

#endif
