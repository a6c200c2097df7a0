/* progress — the review log and memory state in SQLite (see include/progress.h).
 *
 * Opening is the delicate part: the file may be damaged, from a newer rxplore,
 * on a file system without WAL, or somewhere we cannot write.  Each case ends
 * in a usable handle plus a notice, never in a silent reset.  A handle that
 * cannot save still answers reads, from the real file when it can be read and
 * otherwise from an empty in-memory database with the same schema.
 *
 * This file opens, migrates and checks the database; progress_log.c records and
 * reads the answers; progress_db.h holds what the two share.
 */
#include "progress.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "clock.h"
#include "paths.h"
#include "progress_db.h"

/* ---- notices ---- */

/* Appends a sentence, so that "moved aside" is not lost when the fresh file then fails too. */
static void add_message(struct progress_notice *notice, const char *format, ...)
	__attribute__((format(printf, 2, 3)));
static void add_message(struct progress_notice *notice, const char *format, ...)
{
	size_t used = strlen(notice->message);
	if (used > 0 && used + 1 < sizeof notice->message)
		notice->message[used++] = ' ';
	va_list args;
	va_start(args, format);
	vsnprintf(notice->message + used, sizeof notice->message - used, format, args);
	va_end(args);
}

static bool is_damage(int rc)
{
	return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* ---- a small statement helper ---- */

/* Runs a one-value query (a PRAGMA, a count) and returns its sqlite result code. */
static int query_int(struct progress *progress, const char *sql, long long *out)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(progress->db, sql, -1, &stmt, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(stmt, 0);
			rc = SQLITE_OK;
		}
	}
	if (rc != SQLITE_OK)
		set_db_error(progress, sql);
	sqlite3_finalize(stmt);
	return rc;
}

/* ---- schema ---- */

static int migrate_to_1(struct progress *progress)
{
	/* before_* hold the question's memory state before the answer, so undo can
	 * put it back; NULL there means the question had no state yet. */
	return exec_sql(progress,
		"CREATE TABLE review_log ("
		" id INTEGER PRIMARY KEY AUTOINCREMENT,"
		" question_id TEXT NOT NULL, card_id TEXT NOT NULL,"
		" at INTEGER NOT NULL, grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),"
		" answer_ms INTEGER NOT NULL, mode TEXT NOT NULL,"
		" updated_memory INTEGER NOT NULL,"
		" before_stability REAL, before_difficulty REAL, before_last_review INTEGER,"
		" before_due_day INTEGER, before_reviews INTEGER, before_lapses INTEGER);"
		"CREATE INDEX review_log_question ON review_log (question_id, id);"
		"CREATE INDEX review_log_time ON review_log (at, id);"
		"CREATE TABLE memory ("
		" question_id TEXT PRIMARY KEY, card_id TEXT NOT NULL,"
		" stability REAL NOT NULL, difficulty REAL NOT NULL, last_review INTEGER NOT NULL,"
		" due_day INTEGER NOT NULL, reviews INTEGER NOT NULL, lapses INTEGER NOT NULL);"
		"CREATE INDEX memory_due ON memory (due_day);");
}

/* Parameters fitted to this learner by `rxplore fsrs fit` (one row at most);
 * reviews: how many answers had moved memory states when they were fitted. */
static int migrate_to_2(struct progress *progress)
{
	return exec_sql(progress,
		"CREATE TABLE fsrs_parameters ("
		" id INTEGER PRIMARY KEY CHECK (id = 1),"
		" w TEXT NOT NULL, reviews INTEGER NOT NULL, fitted_at INTEGER NOT NULL);");
}

/* What the learner chose, beside the review it belongs to (review_log.id):
 * review_answer holds one row per review saved with it (older reviews have
 * none and keep everything they had), review_choice one row per picked
 * choice.  index is the choice's place in the question's own order, topic the
 * card id it stands for (NULL: none); typed waits for typed answers. */
static int migrate_to_3(struct progress *progress)
{
	return exec_sql(progress,
		"CREATE TABLE review_answer ("
		" review_id INTEGER PRIMARY KEY,"
		" outcome TEXT NOT NULL CHECK (outcome IN ('right', 'wrong', 'dont_know')),"
		" typed TEXT);"
		"CREATE TABLE review_choice ("
		" review_id INTEGER NOT NULL, position INTEGER NOT NULL,"
		" choice_index INTEGER NOT NULL, text TEXT NOT NULL, topic TEXT,"
		" correct INTEGER NOT NULL,"
		" PRIMARY KEY (review_id, position));"
		"CREATE INDEX review_choice_topic ON review_choice (topic);");
}

/* migrations[v] moves a database from user_version v to v + 1. */
static int (*const migrations[])(struct progress *) = { migrate_to_1, migrate_to_2, migrate_to_3 };
#define SCHEMA_VERSION ((long long)(sizeof migrations / sizeof migrations[0]))

/* Brings the schema up to SCHEMA_VERSION; returns a sqlite result code. */
static int migrate(struct progress *progress)
{
	long long version = 0;
	int rc = query_int(progress, "PRAGMA user_version", &version);
	if (rc != SQLITE_OK || version >= SCHEMA_VERSION)
		return rc;
	if ((rc = begin_immediate(progress)) != SQLITE_OK)
		return rc;
	/* Another copy may have migrated while we waited for the lock. */
	if ((rc = query_int(progress, "PRAGMA user_version", &version)) == SQLITE_OK) {
		for (; version < SCHEMA_VERSION && rc == SQLITE_OK; version++)
			rc = migrations[version](progress);
	}
	if (rc == SQLITE_OK) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %lld", SCHEMA_VERSION);
		rc = exec_sql(progress, sql);
	}
	if (rc == SQLITE_OK)
		rc = exec_sql(progress, "COMMIT");
	if (rc != SQLITE_OK)
		rollback(progress);
	return rc;
}

/* ---- opening ---- */

/* SQLite opens a write-protected file read-only without complaint and creates
 * its journal lazily, so ask the file system up front. */
static int check_writable(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	if (access(dir, W_OK | X_OK) != 0)
		return errno;
	if (access(path, F_OK) == 0 && access(path, R_OK | W_OK) != 0)
		return errno;
	return 0;
}

enum open_result { OPEN_OK, OPEN_NEWER, OPEN_DAMAGED, OPEN_FAILED };

static void close_db(struct progress *progress)
{
	sqlite3_close(progress->db);
	progress->db = NULL;
}

static enum open_result open_failed(struct progress *progress, int rc)
{
	enum open_result result = is_damage(rc) ? OPEN_DAMAGED : OPEN_FAILED;
	close_db(progress);
	return result;
}

static enum open_result check_damage(struct progress *progress)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(progress->db, "PRAGMA quick_check", -1, &stmt, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const unsigned char *verdict = sqlite3_column_text(stmt, 0);
		bool ok = verdict && strcmp((const char *)verdict, "ok") == 0;
		if (!ok)
			set_error(progress, "quick_check: %s",
				  verdict ? (const char *)verdict : "no verdict");
		sqlite3_finalize(stmt);
		return ok ? OPEN_OK : open_failed(progress, SQLITE_CORRUPT);
	}
	set_db_error(progress, "checking the database");
	sqlite3_finalize(stmt);
	return open_failed(progress, rc);
}

static int set_journal(struct progress *progress, const char *mode, bool *took)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA journal_mode = %s", mode);
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(progress->db, sql, -1, &stmt, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const unsigned char *now = sqlite3_column_text(stmt, 0);
		*took = now && sqlite3_stricmp((const char *)now, mode) == 0;
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK)
		set_db_error(progress, sql);
	sqlite3_finalize(stmt);
	return rc;
}

/* Switching to WAL needs the file to itself and SQLite answers "locked" at once
 * instead of calling the busy handler, so wait here while another copy of
 * rxplore is opening the same new file. */
static int enable_wal(struct progress *progress, bool *took)
{
	for (int waited = 0;; waited += WAL_RETRY_MS) {
		int rc = set_journal(progress, "WAL", took);
		if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waited >= BUSY_TIMEOUT_MS)
			return rc;
		sqlite3_sleep(WAL_RETRY_MS);
	}
}

/* Opens a connection for reading only and makes sure it can read. */
static bool try_read(struct progress *progress, const char *name, int flags)
{
	if (sqlite3_open_v2(name, &progress->db, SQLITE_OPEN_READONLY | flags, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(progress->db, BUSY_TIMEOUT_MS);
		long long version = 0;
		if (query_int(progress, "PRAGMA user_version", &version) == SQLITE_OK && version >= 1)
			return true;
	}
	close_db(progress);
	return false;
}

/* Reading a WAL database needs its -shm file, which an unwritable folder may
 * not have; an immutable open then reads the main file as it stands. */
bool progress_db_open_read_only(struct progress *progress, const char *path)
{
	if (try_read(progress, path, 0))
		return true;
	char uri[4096 * 3 + 32];
	size_t used = (size_t)snprintf(uri, sizeof uri, "file:");
	for (const unsigned char *c = (const unsigned char *)path; *c && used + 4 < sizeof uri; c++) {
		if (*c == '%' || *c == '?' || *c == '#' || *c < 0x21 || *c >= 0x7f)
			used += (size_t)snprintf(uri + used, sizeof uri - used, "%%%02X", *c);
		else
			uri[used++] = (char)*c;
	}
	snprintf(uri + used, sizeof uri - used, "?immutable=1");
	return try_read(progress, uri, SQLITE_OPEN_URI);
}

/* An empty in-memory store, so a handle that cannot read its file still works. */
static void open_empty(struct progress *progress)
{
	if (sqlite3_open_v2(":memory:", &progress->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    migrate(progress) != SQLITE_OK)
		close_db(progress);
}

static enum open_result open_writable(struct progress *progress, const char *path,
				      struct progress_notice *notice)
{
	int rc = sqlite3_open_v2(path, &progress->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		set_db_error(progress, "opening the database");
		return open_failed(progress, rc);
	}
	sqlite3_busy_timeout(progress->db, BUSY_TIMEOUT_MS);
	if (sqlite3_db_readonly(progress->db, "main") == 1) {
		set_error(progress, "the file is read-only");
		return open_failed(progress, SQLITE_READONLY);
	}
	/* A damaged file's -wal must survive for the move aside: without this,
	 * closing the connection checkpoints and deletes it. */
	sqlite3_db_config(progress->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	enum open_result result = check_damage(progress);
	if (result != OPEN_OK)
		return result;
	sqlite3_db_config(progress->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

	long long version = 0;
	if ((rc = query_int(progress, "PRAGMA user_version", &version)) != SQLITE_OK)
		return open_failed(progress, rc);
	if (version > SCHEMA_VERSION) {
		close_db(progress);
		notice->read_only = true;
		add_message(notice, "%s was written by a newer rxplore (schema %lld; this one knows %lld): "
			    "it is opened read-only and answers will not be saved.", path, version,
			    SCHEMA_VERSION);
		if (!progress_db_open_read_only(progress, path)) {
			add_message(notice, "It could not be read either.");
			open_empty(progress);
		}
		return OPEN_NEWER;
	}

	bool took = false;
	rc = enable_wal(progress, &took);
	if (is_damage(rc) || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return open_failed(progress, rc);
	if (rc != SQLITE_OK || !took) {
		/* Network file systems lack the shared memory WAL needs. */
		if ((rc = set_journal(progress, "DELETE", &took)) != SQLITE_OK)
			return open_failed(progress, rc);
		notice->no_wal = true;
		add_message(notice, "The file system does not support WAL: using a rollback journal.");
	}
	if ((rc = migrate(progress)) != SQLITE_OK)
		return open_failed(progress, rc);
	return OPEN_OK;
}

static void not_saving(struct progress *progress, struct progress_notice *notice, const char *path,
		       const char *why, bool try_file)
{
	notice->not_saving = true;
	add_message(notice, "Cannot write %s (%s): answers will not be saved.", path, why);
	close_db(progress);
	struct stat st;
	if (!try_file || stat(path, &st) != 0 || !progress_db_open_read_only(progress, path))
		open_empty(progress);
}

static bool path_exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

/* Renames path (and its -wal and -shm) to path.damaged-YYYYMMDD-HHMMSS; 0 or an errno value. */
static int move_aside(const char *path, struct progress_notice *notice)
{
	time_t now = clock_now();
	struct tm local;
	char stamp[32] = "unknown-time";
	if (localtime_r(&now, &local))
		strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
	char target[sizeof notice->moved_to];
	int len = snprintf(target, sizeof target, "%s.damaged-%s", path, stamp);
	for (int n = 2; len > 0 && (size_t)len < sizeof target - 4 && path_exists(target) && n < 1000; n++)
		len = snprintf(target, sizeof target, "%s.damaged-%s-%d", path, stamp, n);
	if (len < 0 || (size_t)len >= sizeof target - 4 || path_exists(target))
		return ENAMETOOLONG;
	if (rename(path, target) != 0)
		return errno;
	notice->moved_aside = true;
	memcpy(notice->moved_to, target, (size_t)len + 1);
	static const char *const sidecars[] = { "-wal", "-shm" };
	for (size_t i = 0; i < sizeof sidecars / sizeof sidecars[0]; i++) {
		char from[sizeof target + 8], to[sizeof target + 8];
		snprintf(from, sizeof from, "%s%s", path, sidecars[i]);
		snprintf(to, sizeof to, "%s%s", target, sidecars[i]);
		if (rename(from, to) != 0 && errno != ENOENT)
			return errno;
	}
	return 0;
}

struct progress *progress_open(const char *path, struct progress_notice *notice)
{
	memset(notice, 0, sizeof *notice);
	struct progress *progress = calloc(1, sizeof *progress);
	if (!progress)
		return NULL;
	if (!path || !*path) {
		not_saving(progress, notice, "the progress file", "no file name was given", false);
		return progress;
	}
	int err = paths_make_parent(path);
	if (err == 0)
		err = check_writable(path);
	if (err != 0) {
		not_saving(progress, notice, path, strerror(err), true);
		return progress;
	}
	enum open_result result = open_writable(progress, path, notice);
	if (result == OPEN_DAMAGED) {
		char why[sizeof progress->error];
		snprintf(why, sizeof why, "%s", progress->error);
		if ((err = move_aside(path, notice)) != 0) {
			add_message(notice, "%s is damaged (%s) and could not be moved aside (%s).",
				    path, why, strerror(err));
			not_saving(progress, notice, path, "damaged", false);
			return progress;
		}
		add_message(notice, "%s was damaged (%s): it was moved to %s and a fresh one started.", path,
			    why, notice->moved_to);
		result = open_writable(progress, path, notice);
	}
	if (result == OPEN_OK) {
		progress->can_save = true;
		progress->error[0] = '\0';
	} else if (result != OPEN_NEWER) {
		char why[sizeof progress->error];
		snprintf(why, sizeof why, "%s", progress->error);
		not_saving(progress, notice, path, why, result != OPEN_DAMAGED);
	}
	return progress;
}

void progress_close(struct progress *progress)
{
	if (!progress)
		return;
	sqlite3_close(progress->db);
	free(progress);
}

bool progress_can_save(const struct progress *progress)
{
	return progress && progress->can_save;
}

const char *progress_error(const struct progress *progress)
{
	return progress ? progress->error : "";
}

int progress_check(struct progress *progress)
{
	sqlite3_stmt *stmt = prepare_on_store(progress, "PRAGMA integrity_check");
	if (!stmt)
		return -1;
	int result = -1;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		const unsigned char *verdict = sqlite3_column_text(stmt, 0);
		result = verdict && strcmp((const char *)verdict, "ok") == 0 ? 0 : 1;
		if (result != 0)
			set_error(progress, "integrity_check: %s",
				  verdict ? (const char *)verdict : "no verdict");
	} else {
		set_db_error(progress, "checking the database");
	}
	sqlite3_finalize(stmt);
	return result;
}
