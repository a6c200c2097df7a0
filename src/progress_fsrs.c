/* progress_fsrs — the learner's fitted FSRS parameters, kept beside the
 * review log (include/progress.h; the table is made by progress.c's
 * migrate_to_2).  The 21 numbers are stored as text with 17 significant
 * digits, which reads back the same doubles.
 */
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "progress_db.h"

static bool parse_weights(const char *text, double w[FSRS_PARAM_COUNT])
{
	const char *p = text;
	for (int i = 0; i < FSRS_PARAM_COUNT; i++) {
		char *end;
		w[i] = strtod(p, &end);
		if (end == p || (i + 1 < FSRS_PARAM_COUNT ? *end != ',' : *end != '\0'))
			return false;
		p = end + 1;
	}
	return true;
}

int progress_fitted_params(struct progress *progress, struct progress_fitted *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *stmt = prepare_on_store(progress, "SELECT w, reviews, fitted_at FROM fsrs_parameters WHERE id = 1");
	if (!stmt)
		return -1;
	int found = 0, rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const unsigned char *text = sqlite3_column_text(stmt, 0);
		if (text && parse_weights((const char *)text, out->w)) {
			out->reviews = (long)sqlite3_column_int64(stmt, 1);
			out->fitted_at = (time_t)sqlite3_column_int64(stmt, 2);
			found = 1;
		} else {
			set_error(progress, "the saved FSRS parameters are unreadable: the defaults apply");
		}
	} else if (rc != SQLITE_DONE) {
		set_db_error(progress, "reading the FSRS parameters");
		found = -1;
	}
	sqlite3_finalize(stmt);
	if (found != 1)
		memset(out, 0, sizeof *out);
	return found;
}

int progress_save_fitted(struct progress *progress, const struct progress_fitted *fitted)
{
	char text[FSRS_PARAM_COUNT * 26 + 1];
	size_t used = 0;
	if (!progress || !progress->db || !progress_can_save(progress))
		return -1;
	for (int i = 0; i < FSRS_PARAM_COUNT; i++)
		used += (size_t)snprintf(text + used, sizeof text - used, "%s%.17g", i ? "," : "", fitted->w[i]);
	sqlite3_stmt *stmt = prepare(progress, "INSERT OR REPLACE INTO fsrs_parameters (id, w, reviews, fitted_at)"
					       " VALUES (1, ?, ?, ?)");
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, fitted->reviews);
	sqlite3_bind_int64(stmt, 3, (sqlite3_int64)fitted->fitted_at);
	return step_done(progress, stmt, "saving the FSRS parameters");
}

int progress_forget_fitted(struct progress *progress)
{
	if (!progress || !progress->db || !progress_can_save(progress))
		return -1;
	sqlite3_stmt *stmt = prepare(progress, "DELETE FROM fsrs_parameters");
	if (!stmt)
		return -1;
	return step_done(progress, stmt, "forgetting the FSRS parameters");
}

long progress_memory_review_count(struct progress *progress)
{
	sqlite3_stmt *stmt = prepare_on_store(progress, "SELECT count(*) FROM review_log WHERE updated_memory = 1");
	if (!stmt)
		return -1;
	return step_count(progress, stmt, "counting reviews");
}

void progress_effective_schedule(struct progress *progress, struct progress_schedule *schedule)
{
	struct progress_fitted fitted;
	if (progress && schedule && progress_fitted_params(progress, &fitted) == 1)
		memcpy(schedule->params.w, fitted.w, sizeof fitted.w);
}
