/* progress_merge — another machine's progress into this one, and a copy of
 * this one for the USB stick (see include/progress.h).
 *
 * The file is read whole, row by row, before the transaction starts, so a
 * malformed row costs a diagnostic and nothing else; then one BEGIN IMMEDIATE
 * adds the new reviews and replays the questions that gained some.  A kill at
 * any moment leaves the database as it was or with the whole merge.
 */
#include "arena.h"
#include "progress.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "csv.h"
#include "order.h"
#include "progress_db.h"
#include "slurp.h"

/* One review read from the file. */
struct incoming {
	char *question_id, *card_id;
	long long at, answer_ms;
	int grade, mode;
	bool updated_memory;
	unsigned row;		/* the CSV line, or the database row id */
	size_t rank;		/* 1 + the earlier equal reviews in the file */
	struct progress_db_chosen chosen;	/* from a database: what was chosen (a CSV has none) */
};

struct batch {
	struct incoming *items;
	size_t count, alloc;
	const char *path;
	struct diag_list *diags;
	struct progress_merge_result *result;
};

static void batch_release(struct batch *b)
{
	for (size_t i = 0; i < b->count; i++) {
		free(b->items[i].question_id);
		free(b->items[i].card_id);
		progress_db_chosen_release(&b->items[i].chosen);
	}
	free(b->items);
}

static void skip_row(struct batch *b, unsigned row, const char *why)
{
	diag_add(b->diags, DIAG_ERROR, b->path, row, 0, "%s; row skipped", why);
	b->result->skipped++;
}

/* Takes a copy of the row when it is well-formed; -1 only when out of memory. */
static int batch_add(struct batch *b, const struct incoming *row)
{
	b->result->read++;
	if (!row->question_id || !*row->question_id)
		return skip_row(b, row->row, "no question id"), 0;
	if (row->at <= 0)
		return skip_row(b, row->row, "no valid answer time"), 0;
	if (row->grade < FSRS_AGAIN || row->grade > FSRS_EASY)
		return skip_row(b, row->row, "the grade is not 1-4"), 0;
	if (row->answer_ms < 0)
		return skip_row(b, row->row, "a negative answer time"), 0;
	if (row->mode < 0)
		return skip_row(b, row->row, "the mode is not practice, review, exam or cram"), 0;
	if (row->mode == PROGRESS_CRAM && row->updated_memory)
		return skip_row(b, row->row, "a cram answer never moves a memory state"), 0;
	if (array_grow(&b->items, &b->alloc, b->count, sizeof *b->items) < 0)
		return -1;
	struct incoming *copy = &b->items[b->count];
	*copy = *row;
	copy->question_id = strdup(row->question_id);
	copy->card_id = strdup(row->card_id ? row->card_id : "");
	if (!copy->question_id || !copy->card_id) {
		free(copy->question_id);
		free(copy->card_id);
		return -1;
	}
	b->count++;
	return 0;
}

/* ---- reading a CSV export ---- */

static const char *const csv_columns[] = { "id", "question_id", "card_id", "time", "grade", "grade_name",
					   "answer_ms", "mode", "updated_memory" };
enum { CSV_COLUMNS = sizeof csv_columns / sizeof csv_columns[0] };

static bool parse_long(const char *text, long long *out)
{
	char *end;
	errno = 0;
	long long n = strtoll(text, &end, 10);
	if (errno || end == text || *end)
		return false;
	*out = n;
	return true;
}

/* "YYYY-MM-DDTHH:MM:SSZ" (what progress export writes) to a time; -1 if not. */
static long long parse_utc(const char *text)
{
	struct tm tm = { 0 };
	const char *end = strlen(text) == 20 ? strptime(text, "%Y-%m-%dT%H:%M:%SZ", &tm) : NULL;
	if (!end || *end)
		return -1;
	time_t t = timegm(&tm);
	return t == (time_t)-1 ? -1 : (long long)t;
}

static int read_csv_row(struct batch *b, const struct csv_record *rec)
{
	char why[160];
	if (rec->count != CSV_COLUMNS) {
		snprintf(why, sizeof why, "%zu fields where progress export writes %d", rec->count, CSV_COLUMNS);
		skip_row(b, rec->line, why);
		b->result->read++;
		return 0;
	}
	char **f = rec->fields;
	static const char *const grade_names[] = { "again", "hard", "good", "easy" };
	long long grade = 0;
	struct incoming row = { .question_id = f[1], .card_id = f[2], .at = parse_utc(f[3]), .row = rec->line };
	if (!parse_long(f[4], &grade) || grade < FSRS_AGAIN || grade > FSRS_EASY)
		row.grade = 0;
	else if (strcmp(f[5], grade_names[grade - 1]) != 0)
		return b->result->read++, skip_row(b, rec->line, "the grade and its name disagree"), 0;
	else
		row.grade = (int)grade;
	if (!parse_long(f[6], &row.answer_ms))
		row.answer_ms = -1;
	row.mode = progress_db_mode(f[7]);
	if (strcmp(f[8], "yes") != 0 && strcmp(f[8], "no") != 0)
		return b->result->read++, skip_row(b, rec->line, "updated_memory is not yes or no"), 0;
	row.updated_memory = strcmp(f[8], "yes") == 0;
	return batch_add(b, &row);
}

static int read_csv(struct progress *progress, struct batch *b, const char *text, size_t len)
{
	struct csv_reader reader;
	struct csv_record rec = { 0 };
	csv_reader_init(&reader, text, len, ',');
	enum csv_result rc = csv_next(&reader, &rec);
	bool header = rc == CSV_RECORD && rec.count == CSV_COLUMNS;
	for (size_t i = 0; header && i < CSV_COLUMNS; i++)
		header = strcmp(rec.fields[i], csv_columns[i]) == 0;
	if (!header) {
		csv_record_release(&rec);
		set_error(progress, "%s is neither an rxplore progress database nor the CSV of "
			  "'rxplore progress export' (its first line is not that header)", b->path);
		return -1;
	}
	int result = 0;
	while (result == 0 && (rc = csv_next(&reader, &rec)) == CSV_RECORD) {
		if (rec.count == 1 && rec.fields[0][0] == '\0')
			continue; /* a blank line */
		result = read_csv_row(b, &rec);
	}
	if (rc == CSV_EQUOTE) {
		b->result->read++;
		skip_row(b, rec.line, "a quoted field never ends");
	}
	if (rc == CSV_ENOMEM || result != 0) {
		set_error(progress, "out of memory reading %s", b->path);
		result = -1;
	}
	csv_record_release(&rec);
	return result;
}

/* ---- reading another progress.db ---- */

static int read_db(struct progress *progress, struct batch *b)
{
	struct progress source = { 0 };
	if (!progress_db_open_read_only(&source, b->path)) {
		set_error(progress, "%s cannot be read as an rxplore progress database", b->path);
		return -1;
	}
	sqlite3_stmt *stmt = prepare(&source, "SELECT id, question_id, card_id, at, grade, answer_ms, mode,"
					      " updated_memory FROM review_log ORDER BY id");
	if (!stmt) {
		set_error(progress, "reading %s: %s", b->path, source.error);
		sqlite3_close(source.db);
		return -1;
	}
	int rc, result = 0;
	bool with_choices = progress_db_has_answers(&source);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(stmt, 0);
		size_t before = b->count;
		struct incoming row = {
			.question_id = (char *)sqlite3_column_text(stmt, 1),
			.card_id = (char *)sqlite3_column_text(stmt, 2),
			.at = sqlite3_column_int64(stmt, 3),
			.grade = sqlite3_column_int(stmt, 4),
			.answer_ms = sqlite3_column_int64(stmt, 5),
			.mode = progress_db_mode((const char *)sqlite3_column_text(stmt, 6)),
			.updated_memory = sqlite3_column_int(stmt, 7) != 0,
			.row = id > 0 && id < UINT32_MAX ? (unsigned)id : 0,
		};
		if ((result = batch_add(b, &row)) != 0)
			break;
		/* The choices travel with their review. */
		if (with_choices && b->count > before &&
		    (result = progress_db_read_chosen(&source, id, &b->items[b->count - 1].chosen)) != 0)
			break;
	}
	if (result != 0)
		set_error(progress, "reading %s: %s", b->path, source.error[0] ? source.error : "out of memory");
	else if (rc != SQLITE_DONE)
		set_error(progress, "reading %s: %s", b->path, source.error[0] ? source.error :
			  sqlite3_errmsg(source.db));
	sqlite3_finalize(stmt);
	sqlite3_close(source.db);
	return result == 0 && rc == SQLITE_DONE ? 0 : -1;
}

/* ---- equal reviews ---- */

static int compare_identity(const struct incoming *a, const struct incoming *b)
{
	int c = strcmp(a->question_id, b->question_id);
	if (c)
		return c;
	if (a->at != b->at)
		return ORDER(a->at, b->at);
	if (a->grade != b->grade)
		return ORDER(a->grade, b->grade);
	if (a->answer_ms != b->answer_ms)
		return ORDER(a->answer_ms, b->answer_ms);
	if (a->mode != b->mode)
		return ORDER(a->mode, b->mode);
	/* A question asked again in the same second with the same grade is a
	 * second review, not the first one twice: only the first answer
	 * updates memory, so the flag tells them apart. */
	return (a->updated_memory > b->updated_memory) - (a->updated_memory < b->updated_memory);
}

static int by_identity_then_row(const void *x, const void *y)
{
	const struct incoming *a = *(const struct incoming *const *)x, *b = *(const struct incoming *const *)y;
	int c = compare_identity(a, b);
	return c ? c : (a > b) - (a < b);
}

/* Numbers the equal reviews of the file 1, 2, ... in file order. */
static int rank_equal_reviews(struct batch *b)
{
	struct incoming **sorted = malloc((b->count + 1) * sizeof *sorted);
	if (!sorted)
		return -1;
	for (size_t i = 0; i < b->count; i++)
		sorted[i] = &b->items[i];
	qsort(sorted, b->count, sizeof *sorted, by_identity_then_row);
	for (size_t i = 0; i < b->count; i++)
		sorted[i]->rank = i > 0 && compare_identity(sorted[i - 1], sorted[i]) == 0 ? sorted[i - 1]->rank + 1
											    : 1;
	free(sorted);
	return 0;
}

/* ---- the transaction ---- */

enum fate { FATE_ADD, FATE_PRESENT, FATE_CONFLICT, FATE_ERROR };

/* Whether the log already holds this review (as many times as the file does). */
static enum fate fate_of(struct progress *progress, const struct incoming *row)
{
	sqlite3_stmt *stmt = prepare(progress,
		"SELECT count(*), count(CASE WHEN card_id = ?6 THEN 1 END)"
		" FROM review_log WHERE question_id = ?1 AND at = ?2 AND grade = ?3 AND answer_ms = ?4"
		" AND mode = ?5 AND updated_memory = ?7");
	if (!stmt)
		return FATE_ERROR;
	sqlite3_bind_text(stmt, 1, row->question_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, row->at);
	sqlite3_bind_int(stmt, 3, row->grade);
	sqlite3_bind_int64(stmt, 4, row->answer_ms);
	sqlite3_bind_text(stmt, 5, progress_db_mode_name((enum progress_mode)row->mode), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, row->card_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 7, row->updated_memory ? 1 : 0);
	enum fate fate = FATE_ERROR;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		long long equal = sqlite3_column_int64(stmt, 0), same = sqlite3_column_int64(stmt, 1);
		fate = same < equal ? FATE_CONFLICT : (size_t)equal >= row->rank ? FATE_PRESENT : FATE_ADD;
	} else {
		set_db_error(progress, "looking a review up");
	}
	sqlite3_finalize(stmt);
	return fate;
}

static int insert_incoming(struct progress *progress, const struct incoming *row)
{
	sqlite3_stmt *stmt = prepare(progress,
		"INSERT INTO review_log (question_id, card_id, at, grade, answer_ms, mode, updated_memory)"
		" VALUES (?, ?, ?, ?, ?, ?, ?)");
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, row->question_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, row->card_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, row->at);
	sqlite3_bind_int(stmt, 4, row->grade);
	sqlite3_bind_int64(stmt, 5, row->answer_ms);
	sqlite3_bind_text(stmt, 6, progress_db_mode_name((enum progress_mode)row->mode), -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 7, row->updated_memory ? 1 : 0);
	if (step_done(progress, stmt, "adding a review") != 0)
		return -1;
	return row->chosen.recorded ? progress_db_save_copied(progress, sqlite3_last_insert_rowid(progress->db),
							      &row->chosen)
				    : 0;
}

static int by_question(const void *x, const void *y)
{
	return strcmp((*(const struct incoming *const *)x)->question_id,
		      (*(const struct incoming *const *)y)->question_id);
}

/* Replays each question that gained a memory-updating review, once. */
static int replay_added(struct progress *progress, const struct progress_schedule *schedule,
			struct incoming **added, size_t nadded, size_t *replayed)
{
	qsort(added, nadded, sizeof *added, by_question);
	for (size_t i = 0; i < nadded; i++) {
		if (i > 0 && strcmp(added[i - 1]->question_id, added[i]->question_id) == 0)
			continue;
		if (progress_db_replay(progress, schedule, added[i]->question_id) != 0)
			return -1;
		(*replayed)++;
	}
	return 0;
}

static int merge_batch(struct progress *progress, const struct progress_schedule *schedule, struct batch *b)
{
	struct incoming **added = malloc((b->count + 1) * sizeof *added);
	if (!added || rank_equal_reviews(b) != 0) {
		free(added);
		set_error(progress, "out of memory");
		return -1;
	}
	size_t nadded = 0;
	if (begin_immediate(progress) != SQLITE_OK) {
		free(added);
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < b->count && rc == 0; i++) {
		const struct incoming *row = &b->items[i];
		switch (fate_of(progress, row)) {
		case FATE_ADD:
			rc = insert_incoming(progress, row);
			if (rc == 0 && row->updated_memory)
				added[nadded++] = &b->items[i];
			b->result->added += rc == 0;
			break;
		case FATE_PRESENT:
			b->result->present++;
			break;
		case FATE_CONFLICT:
			skip_row(b, row->row, "this review is already logged with another card (a conflict)");
			break;
		case FATE_ERROR:
			rc = -1;
			break;
		}
	}
	if (rc == 0)
		rc = replay_added(progress, schedule, added, nadded, &b->result->replayed);
	if (rc == 0 && exec_sql(progress, "COMMIT") != SQLITE_OK)
		rc = -1;
	if (rc != 0) {
		rollback(progress);
		b->result->added = b->result->replayed = 0;
	}
	free(added);
	return rc;
}

int progress_merge(struct progress *progress, const struct progress_schedule *schedule, const char *path,
		   struct diag_list *diags, struct progress_merge_result *result)
{
	memset(result, 0, sizeof *result);
	if (!progress || !progress->db || !schedule || !path || !diags)
		return -1;
	if (!progress->can_save) {
		set_error(progress, "answers are not being saved here, so nothing can be merged");
		return -1;
	}
	if (schedule->rollover_hour < 0 || schedule->rollover_hour > 23) {
		set_error(progress, "rollover hour %d is not 0-23", schedule->rollover_hour);
		return -1;
	}
	size_t len = 0;
	char *text = slurp_file(path, &len);
	if (!text) {
		set_error(progress, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	struct batch b = { .path = path, .diags = diags, .result = result };
	static const char magic[] = "SQLite format 3";
	int rc = len >= sizeof magic && memcmp(text, magic, sizeof magic) == 0 ? read_db(progress, &b)
									      : read_csv(progress, &b, text, len);
	free(text);
	if (rc == 0)
		rc = merge_batch(progress, schedule, &b);
	batch_release(&b);
	return rc;
}

/* ---- a copy for the stick ---- */

static int copy_to(struct progress *progress, const char *temp)
{
	sqlite3 *dest = NULL;
	int rc = sqlite3_open_v2(temp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_backup *backup = sqlite3_backup_init(dest, "main", progress->db, "main");
		if (!backup) {
			rc = sqlite3_errcode(dest);
		} else {
			/* One step: the whole copy in one read transaction, a consistent snapshot. */
			while ((rc = sqlite3_backup_step(backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
				sqlite3_sleep(WAL_RETRY_MS);
			int finish = sqlite3_backup_finish(backup);
			rc = rc == SQLITE_DONE ? finish : rc;
		}
	}
	/* The copy takes the source's WAL flag: make it one plain file. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		set_error(progress, "copying the database to %s: %s", temp,
			  dest ? sqlite3_errmsg(dest) : sqlite3_errstr(rc));
	if (sqlite3_close(dest) != SQLITE_OK && rc == SQLITE_OK) {
		set_error(progress, "closing the copy %s", temp);
		rc = SQLITE_ERROR;
	}
	return rc == SQLITE_OK ? 0 : -1;
}

int progress_backup(struct progress *progress, const char *path)
{
	if (!progress || !progress->db || !path || !*path)
		return -1;
	char temp[4200];
	if (snprintf(temp, sizeof temp, "%s.tmp-%ld", path, (long)getpid()) >= (int)sizeof temp) {
		set_error(progress, "the file name is too long");
		return -1;
	}
	unlink(temp);
	int rc = copy_to(progress, temp);
	if (rc == 0 && rename(temp, path) != 0) {
		set_error(progress, "cannot rename %s to %s: %s", temp, path, strerror(errno));
		rc = -1;
	}
	if (rc != 0) {
		unlink(temp);
		char journal[4300];
		snprintf(journal, sizeof journal, "%s-journal", temp);
		unlink(journal);
	}
	return rc;
}
