/* fsrs_revlog — review histories from a revlog CSV or the progress store
 * (include/fsrs_revlog.h).
 */
#include "fsrs_revlog.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "progress.h"
#include "text.h"

#define MAX_FIELDS 64
#define FIELD_MAX 256

enum column { CARD_ID, REVIEW_TIME, REVIEW_RATING, REVIEW_STATE, REVIEW_DURATION, COLUMN_COUNT };

static const char *const column_names[COLUMN_COUNT] = {
	"card_id", "review_time", "review_rating", "review_state", "review_duration",
};

void fsrs_revlog_options_default(struct fsrs_revlog_options *options)
{
	options->rollover_hour = 4;
	options->tz_offset_minutes = 0;
	options->now = clock_now();
}

/* One CSV field: where it is in the line, and whether it was quoted. */
struct field {
	const char *start;
	size_t length;
	bool quoted;
};

/* Splits one line (no line end) into fields; RFC 4180 quoting, without line
 * breaks inside quotes.  Returns the field count, or -1 for a stray quote. */
static int split_fields(const char *line, size_t length, struct field *fields, int max_fields)
{
	int count = 0;
	size_t i = 0;
	for (;;) {
		struct field f = { line + i, 0, false };
		if (i < length && line[i] == '"') {
			f.quoted = true;
			f.start = line + ++i;
			for (; i < length; i++) {
				if (line[i] == '"' && (i + 1 >= length || line[i + 1] != '"'))
					break;
				if (line[i] == '"')
					i++;
			}
			if (i >= length)
				return -1;
			f.length = (size_t)(line + i - f.start);
			i++;
			if (i < length && line[i] != ',')
				return -1;
		} else {
			while (i < length && line[i] != ',')
				i++;
			f.length = (size_t)(line + i - f.start);
		}
		if (count < max_fields)
			fields[count] = f;
		count++;
		if (i >= length)
			return count;
		i++; /* the comma */
	}
}

/* The field's text, quotes undone, into buf; false when too long. */
static bool field_text(const struct field *f, char *buf, size_t size)
{
	size_t n = 0;
	for (size_t i = 0; i < f->length; i++) {
		if (f->quoted && f->start[i] == '"')
			i++;
		if (n + 1 >= size)
			return false;
		buf[n++] = f->start[i];
	}
	buf[n] = '\0';
	return true;
}

static bool parse_integer(const char *text, long long low, long long high, long long *out)
{
	char *end;
	if (*text < '0' || *text > '9')
		return false;
	errno = 0;
	long long value = strtoll(text, &end, 10);
	if (errno != 0 || *end != '\0' || value < low || value > high)
		return false;
	*out = value;
	return true;
}

struct reader {
	const char *path;
	const struct fsrs_revlog_options *options;
	struct fsrs_history *history;
	struct diag_list *diags;
	int column_of[COLUMN_COUNT];	/* header position of each column we need */
	int header_fields;
	unsigned line;
};

static void row_error(struct reader *r, const char *fmt, ...) DIAG_PRINTF(2, 3);
static void row_error(struct reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(r->diags, DIAG_ERROR, r->path, r->line, 0, fmt, ap);
	va_end(ap);
}

static bool read_header(struct reader *r, const char *line, size_t length)
{
	struct field fields[MAX_FIELDS];
	char name[FIELD_MAX];
	int count = split_fields(line, length, fields, MAX_FIELDS);

	for (int c = 0; c < COLUMN_COUNT; c++)
		r->column_of[c] = -1;
	r->header_fields = count;
	for (int i = 0; i < count && i < MAX_FIELDS; i++) {
		if (!field_text(&fields[i], name, sizeof name))
			continue;
		for (int c = 0; c < COLUMN_COUNT; c++) {
			if (strcmp(name, column_names[c]) == 0 && r->column_of[c] < 0)
				r->column_of[c] = i;
		}
	}
	for (int c = 0; c < COLUMN_COUNT; c++) {
		if (r->column_of[c] < 0) {
			diag_add(r->diags, DIAG_ERROR, r->path, r->line, 0,
				 "the header has no '%s' column (expected card_id,review_time,review_rating,"
				 "review_state,review_duration)", column_names[c]);
			return false;
		}
	}
	return true;
}

/* Reads one data row; false (with a diagnostic) when it is skipped. */
static bool read_row(struct reader *r, const char *line, size_t length, bool *out_of_memory)
{
	struct field fields[MAX_FIELDS];
	char text[COLUMN_COUNT][FIELD_MAX];
	long long value[COLUMN_COUNT] = { 0 };

	if (!text_utf8_valid(line, length, NULL)) {
		row_error(r, "not UTF-8 text: row skipped");
		return false;
	}
	int count = split_fields(line, length, fields, MAX_FIELDS);
	if (count < 0) {
		row_error(r, "unbalanced quotes: row skipped");
		return false;
	}
	if (count != r->header_fields) {
		if (count < r->header_fields)
			row_error(r, "missing column: %d fields where the header has %d; row skipped", count,
				  r->header_fields);
		else
			row_error(r, "too many fields: %d where the header has %d; row skipped", count,
				  r->header_fields);
		return false;
	}
	for (int c = 0; c < COLUMN_COUNT; c++) {
		if (!field_text(&fields[r->column_of[c]], text[c], sizeof text[c])) {
			row_error(r, "%s is too long: row skipped", column_names[c]);
			return false;
		}
	}
	if (text[CARD_ID][0] == '\0') {
		row_error(r, "%s is empty: row skipped", column_names[CARD_ID]);
		return false;
	}
	if (!parse_integer(text[REVIEW_TIME], 0, LLONG_MAX / 2, &value[REVIEW_TIME])) {
		row_error(r, "review_time '%s' is not milliseconds since 1970: row skipped", text[REVIEW_TIME]);
		return false;
	}
	if (value[REVIEW_TIME] / 1000 > (long long)r->options->now) {
		row_error(r, "review_time %s is in the future: row skipped", text[REVIEW_TIME]);
		return false;
	}
	if (!parse_integer(text[REVIEW_RATING], 1, 4, &value[REVIEW_RATING])) {
		row_error(r, "review_rating '%s' is not 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy): row skipped",
			  text[REVIEW_RATING]);
		return false;
	}
	if (!parse_integer(text[REVIEW_STATE], 0, 3, &value[REVIEW_STATE])) {
		row_error(r, "review_state '%s' is not 0 (new), 1 (learning), 2 (review) or 3 (relearning):"
			     " row skipped", text[REVIEW_STATE]);
		return false;
	}
	if (!parse_integer(text[REVIEW_DURATION], 0, LLONG_MAX, &value[REVIEW_DURATION])) {
		row_error(r, "review_duration '%s' is not a number of milliseconds: row skipped",
			  text[REVIEW_DURATION]);
		return false;
	}
	long long seconds = value[REVIEW_TIME] / 1000 + r->options->tz_offset_minutes * 60LL
			    - r->options->rollover_hour * 3600LL;
	long long day = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
	struct fsrs_history_entry entry = {
		.card = fsrs_history_card(r->history, text[CARD_ID]),
		.time_ms = value[REVIEW_TIME],
		.day = (long)day,
		.rating = (unsigned char)value[REVIEW_RATING],
		.state = (unsigned char)value[REVIEW_STATE],
	};
	if (entry.card == (size_t)-1 || fsrs_history_add(r->history, &entry) != 0) {
		*out_of_memory = true;
		return false;
	}
	return true;
}

long fsrs_revlog_parse(const char *path, const char *text, size_t length,
		       const struct fsrs_revlog_options *options, struct fsrs_history *history,
		       struct diag_list *diags)
{
	struct fsrs_revlog_options defaults;
	struct reader r = { path, options, history, diags, { 0 }, 0, 0 };
	bool header_seen = false, out_of_memory = false;
	long rows = 0;

	if (!options) {
		fsrs_revlog_options_default(&defaults);
		r.options = &defaults;
	}
	if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		length -= 3;
	}
	for (size_t at = 0; at < length && !out_of_memory;) {
		const char *end = memchr(text + at, '\n', length - at);
		size_t line_length = end ? (size_t)(end - (text + at)) : length - at;
		const char *line = text + at;
		at += line_length + 1;
		r.line++;
		if (line_length > 0 && line[line_length - 1] == '\r')
			line_length--;
		if (line_length == 0)
			continue;
		if (!header_seen) {
			if (!read_header(&r, line, line_length))
				return -1;
			header_seen = true;
			continue;
		}
		rows += read_row(&r, line, line_length, &out_of_memory);
	}
	if (out_of_memory) {
		diag_add(diags, DIAG_ERROR, path, r.line, 0, "out of memory");
		return -1;
	}
	if (!header_seen) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "empty file: expected a header line "
			 "card_id,review_time,review_rating,review_state,review_duration");
		return -1;
	}
	return rows;
}

long fsrs_revlog_read(const char *path, const struct fsrs_revlog_options *options,
		      struct fsrs_history *history, struct diag_list *diags)
{
	FILE *file = fopen(path, "rb");
	if (!file) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	char *data = NULL;
	size_t length = 0, alloc = 0;
	for (;;) {
		if (length == alloc) {
			size_t bigger = alloc ? alloc * 2 : 65536;
			char *grown = realloc(data, bigger);
			if (!grown) {
				free(data);
				fclose(file);
				diag_add(diags, DIAG_ERROR, path, 0, 0, "out of memory");
				return -1;
			}
			data = grown;
			alloc = bigger;
		}
		size_t got = fread(data + length, 1, alloc - length, file);
		length += got;
		if (got == 0)
			break;
	}
	bool failed = ferror(file) != 0;
	fclose(file);
	if (failed) {
		free(data);
		diag_add(diags, DIAG_ERROR, path, 0, 0, "read failed");
		return -1;
	}
	long rows = fsrs_revlog_parse(path, data, length, options, history, diags);
	free(data);
	return rows;
}

/* ---- the progress store's log ---- */

struct progress_reader {
	struct fsrs_history *history;
	int rollover_hour;
	long added;
	bool failed;
};

static int add_progress_review(const struct progress_review *review, void *ctx)
{
	struct progress_reader *pr = ctx;
	/* Only answers that moved memory: re-asks, exam re-takes and cram are out. */
	if (!review->updated_memory || review->mode == PROGRESS_CRAM)
		return 0;
	size_t known = pr->history->card_count;
	size_t card = fsrs_history_card(pr->history, review->question_id ? review->question_id : "");
	if (card == (size_t)-1) {
		pr->failed = true;
		return 1;
	}
	/* A question's first answer is its "new" review; the rest are reviews. */
	struct fsrs_history_entry entry = {
		.card = card,
		.time_ms = (long long)review->at * 1000,
		.day = clock_day(review->at, pr->rollover_hour),
		.rating = (unsigned char)review->grade,
		.state = card >= known ? 0 : 2,
	};
	if (fsrs_history_add(pr->history, &entry) != 0) {
		pr->failed = review->grade >= FSRS_AGAIN && review->grade <= FSRS_EASY;
		return pr->failed;
	}
	pr->added++;
	return 0;
}

long fsrs_history_from_progress(struct progress *progress, int rollover_hour, struct fsrs_history *history)
{
	struct progress_reader pr = { history, rollover_hour, 0, false };
	if (progress_each_review(progress, add_progress_review, &pr) != 0 || pr.failed)
		return -1;
	return pr.added;
}
