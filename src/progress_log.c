/* progress_log — recording, undoing and reading answers and memory states
 * (see include/progress.h); progress.c opens the database these work on.
 */
#include "progress.h"

#include <limits.h>
#include <string.h>

#include <sqlite3.h>

#include "clock.h"
#include "progress_db.h"

/* ---- the records ---- */

static int end_rows(struct progress *progress, sqlite3_stmt *stmt, int rc, const char *what);

static const char *const mode_names[] = { "practice", "review", "exam", "cram" };

int progress_db_mode(const char *name)
{
	for (int m = PROGRESS_PRACTICE; m <= PROGRESS_CRAM; m++) {
		if (name && strcmp(name, mode_names[m]) == 0)
			return m;
	}
	return -1;
}

const char *progress_db_mode_name(enum progress_mode mode)
{
	return mode >= PROGRESS_PRACTICE && mode <= PROGRESS_CRAM ? mode_names[mode] : "?";
}

const char *progress_mode_name(enum progress_mode mode)
{
	return progress_db_mode_name(mode);
}

static enum progress_mode mode_from_name(const unsigned char *name)
{
	int mode = progress_db_mode((const char *)name);
	return mode < 0 ? PROGRESS_PRACTICE : (enum progress_mode)mode;
}

/* Columns first..first+5: stability, difficulty, last_review, due_day, reviews, lapses. */
static void column_state(sqlite3_stmt *stmt, int first, struct progress_state *out)
{
	out->stability = sqlite3_column_double(stmt, first);
	out->difficulty = sqlite3_column_double(stmt, first + 1);
	out->last_review = (time_t)sqlite3_column_int64(stmt, first + 2);
	out->due_day = (long)sqlite3_column_int64(stmt, first + 3);
	out->reviews = sqlite3_column_int(stmt, first + 4);
	out->lapses = sqlite3_column_int(stmt, first + 5);
}

static void bind_state(sqlite3_stmt *stmt, int first, const struct progress_state *state)
{
	sqlite3_bind_double(stmt, first, state->stability);
	sqlite3_bind_double(stmt, first + 1, state->difficulty);
	sqlite3_bind_int64(stmt, first + 2, (sqlite3_int64)state->last_review);
	sqlite3_bind_int64(stmt, first + 3, state->due_day);
	sqlite3_bind_int(stmt, first + 4, state->reviews);
	sqlite3_bind_int(stmt, first + 5, state->lapses);
}

/* *known tells whether the question has a state row; 0 or -1. */
static int read_state(struct progress *progress, const char *question_id, struct progress_state *out,
		      bool *known)
{
	memset(out, 0, sizeof *out);
	*known = false;
	sqlite3_stmt *stmt = prepare(progress, "SELECT stability, difficulty, last_review, due_day, reviews,"
					       " lapses FROM memory WHERE question_id = ?");
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, question_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		column_state(stmt, 0, out);
		*known = true;
	} else if (rc != SQLITE_DONE) {
		set_db_error(progress, "reading a memory state");
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int progress_state(struct progress *progress, const char *question_id, struct progress_state *out)
{
	bool known;
	if (!progress || !progress->db || !question_id || !out) {
		if (out)
			memset(out, 0, sizeof *out);
		return -1;
	}
	return read_state(progress, question_id, out, &known);
}

/* The state after answer, from before and where the question stood in its
 * steps: sched_answer(), the one rule previews use too. */
static struct progress_state advance(const struct progress_schedule *schedule,
				     const struct progress_state *before, struct sched_position position,
				     const struct progress_answer *answer, struct sched_position *position_after)
{
	struct sched_card card = {
		.memory = { before->stability, before->difficulty },
		.position = position,
		.last_review = before->last_review,
	};
	struct sched_result result = sched_answer(&schedule->params, &schedule->steps, schedule->rollover_hour,
						  &card, answer->grade, answer->at);
	struct progress_state after = {
		.stability = result.card.memory.stability,
		.difficulty = result.card.memory.difficulty,
		.last_review = answer->at,
		.due_day = result.due_day,
		.reviews = before->reviews + 1,
		.lapses = before->lapses + (before->stability > 0 && answer->grade == FSRS_AGAIN),
	};
	if (position_after)
		*position_after = result.card.position;
	return after;
}

int progress_position(struct progress *progress, const struct sched_steps *steps, const char *question_id,
		      struct sched_position *out)
{
	memset(out, 0, sizeof *out);
	if (!progress || !progress->db || !steps || !question_id)
		return -1;
	sqlite3_stmt *stmt = prepare(progress, "SELECT grade FROM review_log WHERE question_id = ?"
					       " AND updated_memory = 1 ORDER BY at, id");
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, question_id, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = sched_position_next(steps, *out, (enum fsrs_grade)sqlite3_column_int(stmt, 0));
	return end_rows(progress, stmt, rc, "reading a question's steps");
}

static int insert_review(struct progress *progress, const struct progress_answer *answer,
			 const struct progress_state *before, bool known)
{
	sqlite3_stmt *stmt = prepare(progress,
		"INSERT INTO review_log (question_id, card_id, at, grade, answer_ms, mode, updated_memory,"
		" before_stability, before_difficulty, before_last_review, before_due_day, before_reviews,"
		" before_lapses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, answer->question_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, answer->card_id ? answer->card_id : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, (sqlite3_int64)answer->at);
	sqlite3_bind_int(stmt, 4, answer->grade);
	sqlite3_bind_int64(stmt, 5, answer->answer_ms);
	sqlite3_bind_text(stmt, 6, mode_names[answer->mode], -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 7, answer->update_memory ? 1 : 0);
	if (answer->update_memory && known)
		bind_state(stmt, 8, before);
	return step_done(progress, stmt, "logging an answer");
}

static int write_state(struct progress *progress, const char *question_id, const char *card_id,
		       const struct progress_state *state)
{
	sqlite3_stmt *stmt = prepare(progress,
		"INSERT OR REPLACE INTO memory (question_id, card_id, stability, difficulty, last_review,"
		" due_day, reviews, lapses) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, question_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, card_id ? card_id : "", -1, SQLITE_STATIC);
	bind_state(stmt, 3, state);
	return step_done(progress, stmt, "saving a memory state");
}

static bool valid_answer(struct progress *progress, const struct progress_schedule *schedule,
			 const struct progress_answer *answer)
{
	if (!answer || !answer->question_id) {
		set_error(progress, "an answer needs a question id");
		return false;
	}
	if (answer->grade < FSRS_AGAIN || answer->grade > FSRS_EASY) {
		set_error(progress, "grade %d is not 1-4", (int)answer->grade);
		return false;
	}
	if (answer->mode < PROGRESS_PRACTICE || answer->mode > PROGRESS_CRAM) {
		set_error(progress, "unknown quiz mode %d", (int)answer->mode);
		return false;
	}
	if (answer->mode == PROGRESS_CRAM && answer->update_memory) {
		set_error(progress, "a cram answer never moves a memory state");
		return false;
	}
	if (schedule->rollover_hour < 0 || schedule->rollover_hour > 23) {
		set_error(progress, "rollover hour %d is not 0-23", schedule->rollover_hour);
		return false;
	}
	return progress_db_valid_chosen(progress, &answer->chosen);
}

long long progress_record(struct progress *progress, const struct progress_schedule *schedule,
			  const struct progress_answer *answer, struct progress_state *after)
{
	if (!progress || !progress->db || !schedule)
		return -1;
	if (!valid_answer(progress, schedule, answer))
		return -1;
	struct progress_schedule effective = *schedule;
	progress_effective_schedule(progress, &effective);
	schedule = &effective;
	if (!progress->can_save) {
		/* Still show the learner what would have been scheduled. */
		struct progress_state before;
		struct sched_position position;
		bool known;
		if (read_state(progress, answer->question_id, &before, &known) != 0)
			memset(&before, 0, sizeof before);
		if (progress_position(progress, &schedule->steps, answer->question_id, &position) != 0)
			memset(&position, 0, sizeof position);
		if (after)
			*after = answer->update_memory ? advance(schedule, &before, position, answer, NULL) : before;
		return 0;
	}
	if (begin_immediate(progress) != SQLITE_OK)
		return -1;
	struct progress_state before, next;
	struct sched_position position;
	bool known;
	if (read_state(progress, answer->question_id, &before, &known) != 0 ||
	    progress_position(progress, &schedule->steps, answer->question_id, &position) != 0)
		goto fail;
	next = answer->update_memory ? advance(schedule, &before, position, answer, NULL) : before;
	if (insert_review(progress, answer, &before, known) != 0)
		goto fail;
	long long id = sqlite3_last_insert_rowid(progress->db);
	if (progress_db_save_chosen(progress, id, &answer->chosen) != 0)
		goto fail;
	if (answer->update_memory && write_state(progress, answer->question_id, answer->card_id, &next) != 0)
		goto fail;
	if (exec_sql(progress, "COMMIT") != SQLITE_OK)
		goto fail;
	if (after)
		*after = next;
	return id;
fail:
	rollback(progress);
	return -1;
}

/* Inside a transaction: puts back the state a logged answer replaced. */
static int restore_before(struct progress *progress, sqlite3_stmt *row)
{
	const char *question_id = (const char *)sqlite3_column_text(row, 0);
	if (sqlite3_column_type(row, 3) == SQLITE_NULL) {
		sqlite3_stmt *stmt = prepare(progress, "DELETE FROM memory WHERE question_id = ?");
		if (!stmt)
			return -1;
		sqlite3_bind_text(stmt, 1, question_id, -1, SQLITE_TRANSIENT);
		return step_done(progress, stmt, "removing a memory state");
	}
	struct progress_state before;
	column_state(row, 3, &before);
	return write_state(progress, question_id, (const char *)sqlite3_column_text(row, 1), &before);
}

static int undo_in_transaction(struct progress *progress, long long review_id)
{
	sqlite3_stmt *row = prepare(progress,
		"SELECT question_id, card_id, updated_memory, before_stability, before_difficulty,"
		" before_last_review, before_due_day, before_reviews, before_lapses,"
		" (SELECT max(id) FROM review_log AS later WHERE later.question_id = review_log.question_id)"
		" FROM review_log WHERE id = ?");
	if (!row)
		return -1;
	sqlite3_bind_int64(row, 1, review_id);
	int rc = sqlite3_step(row), result = -1;
	if (rc == SQLITE_DONE) {
		set_error(progress, "there is no answer %lld to undo", review_id);
	} else if (rc != SQLITE_ROW) {
		set_db_error(progress, "reading the answer to undo");
	} else if (sqlite3_column_int64(row, 9) != review_id) {
		set_error(progress, "only the latest answer to a question can be undone");
	} else if (sqlite3_column_int(row, 2) == 0 || restore_before(progress, row) == 0) {
		sqlite3_stmt *del = progress_db_forget_chosen(progress, review_id) == 0
					    ? prepare(progress, "DELETE FROM review_log WHERE id = ?") : NULL;
		if (del) {
			sqlite3_bind_int64(del, 1, review_id);
			result = step_done(progress, del, "removing the answer");
		}
	}
	sqlite3_finalize(row);
	return result;
}

/* Opens a write transaction for an edit of the log, or says why it cannot. */
static int begin_write(struct progress *progress)
{
	if (!progress || !progress->db)
		return -1;
	if (!progress->can_save) {
		set_error(progress, "answers are not being saved");
		return -1;
	}
	return begin_immediate(progress) == SQLITE_OK ? 0 : -1;
}

int progress_undo(struct progress *progress, long long review_id)
{
	if (begin_write(progress) != 0)
		return -1;
	if (undo_in_transaction(progress, review_id) != 0 || exec_sql(progress, "COMMIT") != SQLITE_OK) {
		rollback(progress);
		return -1;
	}
	return 0;
}

/* Ends a loop over rows: rc is the last step's result, SQLITE_DONE when every
 * row was read or the callback stopped early.  Returns 0 or -1. */
static int end_rows(struct progress *progress, sqlite3_stmt *stmt, int rc, const char *what)
{
	if (rc != SQLITE_DONE)
		set_db_error(progress, what);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int progress_each_review(struct progress *progress, int (*each)(const struct progress_review *, void *),
			 void *ctx)
{
	if (!progress || !progress->db || !each)
		return -1;
	sqlite3_stmt *stmt = prepare(progress, "SELECT id, question_id, card_id, at, grade, answer_ms, mode,"
					       " updated_memory FROM review_log ORDER BY at, id");
	if (!stmt)
		return -1;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct progress_review review = {
			.id = sqlite3_column_int64(stmt, 0),
			.question_id = (const char *)sqlite3_column_text(stmt, 1),
			.card_id = (const char *)sqlite3_column_text(stmt, 2),
			.at = (time_t)sqlite3_column_int64(stmt, 3),
			.grade = (enum fsrs_grade)sqlite3_column_int(stmt, 4),
			.answer_ms = (long)sqlite3_column_int64(stmt, 5),
			.mode = mode_from_name(sqlite3_column_text(stmt, 6)),
			.updated_memory = sqlite3_column_int(stmt, 7) != 0,
		};
		if (each(&review, ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	return end_rows(progress, stmt, rc, "reading the review log");
}

int progress_each_state(struct progress *progress,
			int (*each)(const char *question_id, const char *card_id,
				    const struct progress_state *, void *),
			void *ctx)
{
	if (!progress || !progress->db || !each)
		return -1;
	sqlite3_stmt *stmt = prepare(progress,
		"SELECT question_id, card_id, stability, difficulty, last_review, due_day, reviews, lapses"
		" FROM memory ORDER BY question_id");
	if (!stmt)
		return -1;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct progress_state state;
		column_state(stmt, 2, &state);
		const char *question_id = (const char *)sqlite3_column_text(stmt, 0);
		if (each(question_id, (const char *)sqlite3_column_text(stmt, 1), &state, ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	return end_rows(progress, stmt, rc, "reading memory states");
}

long progress_due_count(struct progress *progress, long day)
{
	sqlite3_stmt *stmt = prepare_on_store(progress, "SELECT count(*) FROM memory WHERE due_day <= ?");
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, day);
	return step_count(progress, stmt, "counting due questions");
}

int progress_reset(struct progress *progress)
{
	if (begin_write(progress) != 0)
		return -1;
	if (exec_sql(progress, "DELETE FROM review_choice") != SQLITE_OK ||
	    exec_sql(progress, "DELETE FROM review_answer") != SQLITE_OK ||
	    exec_sql(progress, "DELETE FROM review_log") != SQLITE_OK ||
	    exec_sql(progress, "DELETE FROM memory") != SQLITE_OK ||
	    exec_sql(progress, "COMMIT") != SQLITE_OK) {
		rollback(progress);
		return -1;
	}
	return 0;
}

/* ---- replaying a question's log (after a merge) ---- */

/* One logged answer that moved the memory state on. */
struct replay_row {
	long long id;
	time_t at;
	enum fsrs_grade grade;
	char *card_id;
};

static void release_rows(struct replay_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sqlite3_free(rows[i].card_id);
	sqlite3_free(rows);
}

/* The question's memory-updating answers in time order; -1 on error. */
static int read_replay_rows(struct progress *progress, const char *question_id, struct replay_row **out,
			    size_t *count)
{
	*out = NULL;
	*count = 0;
	sqlite3_stmt *stmt = prepare(progress, "SELECT id, at, grade, card_id FROM review_log"
					       " WHERE question_id = ? AND updated_memory = 1 ORDER BY at, id");
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, question_id, -1, SQLITE_STATIC);
	size_t alloc = 0;
	struct replay_row *rows = NULL;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (*count == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			struct replay_row *grown = sqlite3_realloc64(rows, alloc * sizeof *rows);
			if (!grown) {
				rc = SQLITE_NOMEM;
				break;
			}
			rows = grown;
		}
		struct replay_row *r = &rows[(*count)++];
		r->id = sqlite3_column_int64(stmt, 0);
		r->at = (time_t)sqlite3_column_int64(stmt, 1);
		r->grade = (enum fsrs_grade)sqlite3_column_int(stmt, 2);
		r->card_id = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(stmt, 3));
		if (!r->card_id) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		set_db_error(progress, "reading a question's log");
	sqlite3_finalize(stmt);
	*out = rows;
	if (rc != SQLITE_DONE) {
		release_rows(rows, *count);
		*out = NULL;
		*count = 0;
		return -1;
	}
	return 0;
}

static int set_before(struct progress *progress, long long id, const struct progress_state *before, bool known)
{
	sqlite3_stmt *stmt = prepare(progress,
		"UPDATE review_log SET before_stability = ?, before_difficulty = ?, before_last_review = ?,"
		" before_due_day = ?, before_reviews = ?, before_lapses = ? WHERE id = ?");
	if (!stmt)
		return -1;
	if (known)
		bind_state(stmt, 1, before);
	sqlite3_bind_int64(stmt, 7, id);
	return step_done(progress, stmt, "replaying an answer");
}

int progress_db_replay(struct progress *progress, const struct progress_schedule *schedule,
		       const char *question_id)
{
	struct replay_row *rows;
	size_t count;
	if (read_replay_rows(progress, question_id, &rows, &count) != 0)
		return -1;
	struct progress_state state = { 0 };
	struct sched_position position = { 0 };
	int rc = 0;
	for (size_t i = 0; i < count && rc == 0; i++) {
		struct progress_answer answer = { .question_id = question_id, .at = rows[i].at,
						  .grade = rows[i].grade };
		rc = set_before(progress, rows[i].id, &state, i > 0);
		state = advance(schedule, &state, position, &answer, &position);
	}
	if (rc == 0 && count > 0) {
		rc = write_state(progress, question_id, rows[count - 1].card_id, &state);
	} else if (rc == 0) {
		sqlite3_stmt *stmt = prepare(progress, "DELETE FROM memory WHERE question_id = ?");
		rc = stmt ? 0 : -1;
		if (stmt) {
			sqlite3_bind_text(stmt, 1, question_id, -1, SQLITE_STATIC);
			rc = step_done(progress, stmt, "removing a memory state");
		}
	}
	release_rows(rows, count);
	return rc;
}
