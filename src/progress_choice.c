/* progress_choice — what the learner chose, kept beside each review
 * (schema 3: review_answer and review_choice, see migrate_to_3 in
 * progress.c).  progress_log.c calls the progress_db_* functions inside its
 * transactions; progress_each_answer() reads them back for confusions and
 * leeches.
 */
#include "progress.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "progress_db.h"

static const char *const outcome_names[] = { "right", "wrong", "dont_know" };

static int outcome_from_name(const unsigned char *name)
{
	for (int o = PROGRESS_RIGHT; o <= PROGRESS_DONT_KNOW; o++)
		if (name && strcmp((const char *)name, outcome_names[o]) == 0)
			return o;
	return -1;
}

bool progress_db_valid_chosen(struct progress *progress, const struct progress_chosen *chosen)
{
	if (!chosen->recorded)
		return true;
	if (chosen->outcome < PROGRESS_RIGHT || chosen->outcome > PROGRESS_DONT_KNOW) {
		set_error(progress, "unknown answer outcome %d", (int)chosen->outcome);
		return false;
	}
	if (chosen->nchoices > PROGRESS_MAX_CHOICES || (chosen->nchoices > 0 && !chosen->choices)) {
		set_error(progress, "an answer may pick at most %d choices", PROGRESS_MAX_CHOICES);
		return false;
	}
	for (size_t i = 0; i < chosen->nchoices; i++)
		if (!chosen->choices[i].text) {
			set_error(progress, "a chosen choice needs its text");
			return false;
		}
	return true;
}

int progress_db_save_chosen(struct progress *progress, long long review_id, const struct progress_chosen *chosen)
{
	if (!chosen->recorded)
		return 0;
	sqlite3_stmt *stmt = prepare(progress, "INSERT INTO review_answer (review_id, outcome, typed) VALUES (?, ?, ?)");
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, review_id);
	sqlite3_bind_text(stmt, 2, outcome_names[chosen->outcome], -1, SQLITE_STATIC);
	if (chosen->typed)
		sqlite3_bind_text(stmt, 3, chosen->typed, -1, SQLITE_STATIC);
	if (step_done(progress, stmt, "saving what was chosen") != 0)
		return -1;
	for (size_t i = 0; i < chosen->nchoices; i++) {
		const struct progress_choice *c = &chosen->choices[i];
		stmt = prepare(progress, "INSERT INTO review_choice (review_id, position, choice_index, text, topic,"
					 " correct) VALUES (?, ?, ?, ?, ?, ?)");
		if (!stmt)
			return -1;
		sqlite3_bind_int64(stmt, 1, review_id);
		sqlite3_bind_int(stmt, 2, (int)i);
		sqlite3_bind_int(stmt, 3, c->index);
		sqlite3_bind_text(stmt, 4, c->text, -1, SQLITE_STATIC);
		if (c->topic && *c->topic)
			sqlite3_bind_text(stmt, 5, c->topic, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 6, c->correct ? 1 : 0);
		if (step_done(progress, stmt, "saving a chosen choice") != 0)
			return -1;
	}
	return 0;
}

int progress_db_forget_chosen(struct progress *progress, long long review_id)
{
	static const char *const sql[] = { "DELETE FROM review_choice WHERE review_id = ?",
					   "DELETE FROM review_answer WHERE review_id = ?" };
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *stmt = prepare(progress, sql[i]);
		if (!stmt)
			return -1;
		sqlite3_bind_int64(stmt, 1, review_id);
		if (step_done(progress, stmt, "forgetting what was chosen") != 0)
			return -1;
	}
	return 0;
}

/* A file from before schema 3 opened read-only has no review_answer table. */
bool progress_db_has_answers(struct progress *progress)
{
	sqlite3_stmt *stmt = prepare(progress, "SELECT 1 FROM sqlite_master WHERE type = 'table'"
					       " AND name = 'review_answer'");
	if (!stmt)
		return false;
	bool found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return found;
}

/* The strings of a row live only until the next step, and one review spans
 * several rows: each string is copied as it is read, and freed after the
 * callback has seen the review. */
struct owned {
	char *strings[3 + 2 * PROGRESS_MAX_CHOICES];
	size_t count;
	bool failed;
};

static const char *keep(struct owned *owned, const unsigned char *text)
{
	if (!text)
		return NULL;
	char *copy = strdup((const char *)text);
	if (!copy || owned->count == sizeof owned->strings / sizeof owned->strings[0]) {
		free(copy);
		owned->failed = true;
		return NULL;
	}
	owned->strings[owned->count++] = copy;
	return copy;
}

static void release_strings(struct owned *owned)
{
	for (size_t i = 0; i < owned->count; i++)
		free(owned->strings[i]);
	owned->count = 0;
}

/* One review being gathered from its joined rows. */
struct gathering {
	struct progress_answer_row row;
	struct progress_choice choices[PROGRESS_MAX_CHOICES];
	bool open;
};

static void start_row(struct gathering *g, sqlite3_stmt *stmt, struct owned *owned)
{
	/* The strings the last review pointed to are still in owned (freed by
	 * release_strings()); the analyzer loses them in owned's array. */
	memset(g, 0, sizeof *g);
	g->open = true; // NOLINT(clang-analyzer-unix.Malloc): owned->strings holds every copy, see above
	g->row.review_id = sqlite3_column_int64(stmt, 0);
	g->row.question_id = keep(owned, sqlite3_column_text(stmt, 1));
	g->row.card_id = keep(owned, sqlite3_column_text(stmt, 2));
	g->row.at = (time_t)sqlite3_column_int64(stmt, 3);
	g->row.grade = (enum fsrs_grade)sqlite3_column_int(stmt, 4);
	int mode = progress_db_mode((const char *)sqlite3_column_text(stmt, 5));
	g->row.mode = mode < 0 ? PROGRESS_PRACTICE : (enum progress_mode)mode;
	int outcome = outcome_from_name(sqlite3_column_text(stmt, 6));
	g->row.chosen.recorded = true;
	g->row.chosen.outcome = outcome < 0 ? PROGRESS_WRONG : (enum progress_outcome)outcome;
	g->row.chosen.typed = keep(owned, sqlite3_column_text(stmt, 7));
	g->row.chosen.choices = g->choices;
	g->row.updated_memory = sqlite3_column_int(stmt, 12) != 0;
}

static void add_choice(struct gathering *g, sqlite3_stmt *stmt, struct owned *owned)
{
	if (sqlite3_column_type(stmt, 8) == SQLITE_NULL || g->row.chosen.nchoices == PROGRESS_MAX_CHOICES)
		return;
	struct progress_choice *c = &g->choices[g->row.chosen.nchoices++];
	c->index = sqlite3_column_int(stmt, 8);
	c->text = keep(owned, sqlite3_column_text(stmt, 9));
	c->topic = keep(owned, sqlite3_column_text(stmt, 10));
	c->correct = sqlite3_column_int(stmt, 11) != 0;
}

int progress_each_answer(struct progress *progress, int (*each)(const struct progress_answer_row *, void *),
			 void *ctx)
{
	if (!progress || !progress->db || !each)
		return -1;
	if (!progress_db_has_answers(progress))
		return 0;
	sqlite3_stmt *stmt = prepare(progress,
		"SELECT l.id, l.question_id, l.card_id, l.at, l.grade, l.mode, a.outcome, a.typed,"
		" c.choice_index, c.text, c.topic, c.correct, l.updated_memory"
		" FROM review_answer AS a JOIN review_log AS l ON l.id = a.review_id"
		" LEFT JOIN review_choice AS c ON c.review_id = a.review_id"
		" ORDER BY l.at, l.id, c.position");
	if (!stmt)
		return -1;
	struct gathering g = { .open = false };
	struct owned owned = { .count = 0 };
	int rc, stop = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(stmt, 0);
		if (g.open && id != g.row.review_id) {
			stop = owned.failed ? 0 : each(&g.row, ctx);
			release_strings(&owned);
			g.open = false;
			if (stop || owned.failed)
				break;
		}
		if (!g.open)
			start_row(&g, stmt, &owned);
		add_choice(&g, stmt, &owned);
	}
	if (stop)
		rc = SQLITE_DONE;
	else if (rc == SQLITE_DONE && g.open && !owned.failed)
		each(&g.row, ctx);
	int result = 0;
	if (owned.failed) {
		set_error(progress, "out of memory reading what was chosen");
		result = -1;
	} else if (rc != SQLITE_DONE) {
		set_db_error(progress, "reading what was chosen");
		result = -1;
	}
	release_strings(&owned);
	sqlite3_finalize(stmt);
	return result;
}

/* ---- copies for a merge ---- */

void progress_db_chosen_release(struct progress_db_chosen *chosen)
{
	free(chosen->typed);
	for (size_t i = 0; i < chosen->nchoices; i++) {
		free((char *)chosen->choices[i].text);
		free((char *)chosen->choices[i].topic);
	}
	memset(chosen, 0, sizeof *chosen);
}

static char *copy_text(const unsigned char *text, bool *failed)
{
	if (!text)
		return NULL;
	char *copy = strdup((const char *)text);
	*failed = *failed || !copy;
	return copy;
}

int progress_db_read_chosen(struct progress *source, long long review_id, struct progress_db_chosen *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *stmt = prepare(source, "SELECT a.outcome, a.typed, c.choice_index, c.text, c.topic, c.correct"
					     " FROM review_answer AS a LEFT JOIN review_choice AS c"
					     " ON c.review_id = a.review_id WHERE a.review_id = ? ORDER BY c.position");
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, review_id);
	bool failed = false;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && !failed) {
		if (!out->recorded) {
			int outcome = outcome_from_name(sqlite3_column_text(stmt, 0));
			out->recorded = true;
			out->outcome = outcome < 0 ? PROGRESS_WRONG : outcome;
			out->typed = copy_text(sqlite3_column_text(stmt, 1), &failed);
		}
		if (sqlite3_column_type(stmt, 3) == SQLITE_NULL || out->nchoices == PROGRESS_MAX_CHOICES)
			continue;
		struct progress_choice *c = &out->choices[out->nchoices++];
		c->index = sqlite3_column_int(stmt, 2);
		c->text = copy_text(sqlite3_column_text(stmt, 3), &failed);
		c->topic = copy_text(sqlite3_column_text(stmt, 4), &failed);
		c->correct = sqlite3_column_int(stmt, 5) != 0;
	}
	if (!failed && rc != SQLITE_DONE)
		set_db_error(source, "reading what was chosen");
	sqlite3_finalize(stmt);
	if (failed || rc != SQLITE_DONE) {
		if (failed)
			set_error(source, "out of memory reading what was chosen");
		progress_db_chosen_release(out);
		return -1;
	}
	return 0;
}

int progress_db_save_copied(struct progress *progress, long long review_id, const struct progress_db_chosen *chosen)
{
	struct progress_chosen view = {
		.recorded = chosen->recorded,
		.outcome = (enum progress_outcome)chosen->outcome,
		.choices = chosen->choices,
		.nchoices = chosen->nchoices,
		.typed = chosen->typed,
	};
	return progress_db_valid_chosen(progress, &view) ? progress_db_save_chosen(progress, review_id, &view) : -1;
}
