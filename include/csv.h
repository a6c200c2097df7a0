/* csv — records of delimiter-separated text (RFC 4180 quoting), with the line
 * each record starts on, for `progress merge` and `import`.
 *
 * A field may be quoted with '"' (a doubled quote inside stands for one) and
 * then hold separators and line breaks.  Records end at LF, CRLF or the end of
 * the text.  Library code: returns errors, never prints.
 */
#ifndef RXPLORE_CSV_H
#define RXPLORE_CSV_H

#include <stddef.h>

struct csv_reader {
	const char *text;
	size_t len, pos;
	unsigned line;		/* the line the next record starts on (1-based) */
	char separator;
};

struct csv_record {
	char **fields;		/* count strings, each NUL-terminated */
	size_t count, alloc;
	unsigned line;		/* where the record started */
};

enum csv_result { CSV_RECORD = 1, CSV_END = 0, CSV_ENOMEM = -1, CSV_EQUOTE = -2 };

void csv_reader_init(struct csv_reader *reader, const char *text, size_t len, char separator);

/* Reads the next record into *record (its previous fields are freed).
 * CSV_EQUOTE: a quoted field never ends (the rest of the text is consumed);
 * record->line says where it began. */
enum csv_result csv_next(struct csv_reader *reader, struct csv_record *record);

void csv_record_release(struct csv_record *record);

#endif
