/* csv — delimiter-separated records (see include/csv.h). */
#include "csv.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

void csv_reader_init(struct csv_reader *reader, const char *text, size_t len, char separator)
{
	reader->text = text;
	reader->len = len;
	reader->pos = 0;
	reader->line = 1;
	reader->separator = separator;
}

static void clear_fields(struct csv_record *record)
{
	for (size_t i = 0; i < record->count; i++)
		free(record->fields[i]);
	record->count = 0;
}

void csv_record_release(struct csv_record *record)
{
	clear_fields(record);
	free(record->fields);
	record->fields = NULL;
	record->alloc = 0;
}

/* A growing byte buffer for one field. */
struct field {
	char *bytes;
	size_t len, alloc;
};

static bool field_put(struct field *f, char c)
{
	/* Room for c and the terminating NUL after it. */
	if (array_grow(&f->bytes, &f->alloc, f->len + 1, 1) < 0)
		return false;
	f->bytes[f->len++] = c;
	f->bytes[f->len] = '\0';
	return true;
}

static bool add_field(struct csv_record *record, struct field *f)
{
	if (!f->bytes && !(f->bytes = calloc(1, 1)))
		return false;
	if (array_grow(&record->fields, &record->alloc, record->count, sizeof *record->fields) < 0)
		return false;
	record->fields[record->count++] = f->bytes;
	memset(f, 0, sizeof *f);
	return true;
}

enum csv_result csv_next(struct csv_reader *reader, struct csv_record *record)
{
	clear_fields(record);
	if (reader->pos >= reader->len)
		return CSV_END;
	record->line = reader->line;
	const char *t = reader->text;
	struct field f = { 0 };
	bool quoted = false, was_quoted = false;
	for (;;) {
		if (reader->pos >= reader->len) {
			if (quoted) {
				free(f.bytes);
				return CSV_EQUOTE;
			}
			break;
		}
		char c = t[reader->pos++];
		if (quoted) {
			if (c == '"' && reader->pos < reader->len && t[reader->pos] == '"') {
				reader->pos++;
			} else if (c == '"') {
				quoted = false;
				continue;
			}
			if (c == '\n')
				reader->line++;
			if (!field_put(&f, c))
				goto nomem;
			continue;
		}
		if (c == '"' && f.len == 0 && !was_quoted) {
			quoted = was_quoted = true;
			continue;
		}
		if (c == reader->separator) {
			if (!add_field(record, &f))
				goto nomem;
			was_quoted = false;
			continue;
		}
		if (c == '\n' || (c == '\r' && reader->pos < reader->len && t[reader->pos] == '\n')) {
			if (c == '\r')
				reader->pos++;
			reader->line++;
			break;
		}
		if (!field_put(&f, c))
			goto nomem;
	}
	if (!add_field(record, &f))
		goto nomem;
	return CSV_RECORD;
nomem:
	free(f.bytes);
	return CSV_ENOMEM;
}
