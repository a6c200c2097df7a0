/* json_writer — a small streaming JSON writer (RFC 8259) for `rxplore export`.
 *
 * It writes to the FILE * it is given and never prints anything else.  Errors
 * are sticky: the first one is kept, later calls do nothing, and every call
 * returns it, so a caller may check once at the end (json_writer_finish).
 *
 * Strings must be valid UTF-8 (card text is, after loading): an invalid
 * sequence is an error rather than a silently broken document.  Quotes,
 * backslashes and control characters are escaped (\n, \t, \r, \b, \f, or
 * \u00XX); so are U+2028 and U+2029, which JavaScript source cannot hold raw.
 * Everything else passes through byte for byte.
 */
#ifndef RXPLORE_JSON_WRITER_H
#define RXPLORE_JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

enum json_error {
	JSON_OK = 0,
	JSON_EWRITE = -1,	/* the stream reported an error (see errno) */
	JSON_EUTF8 = -2,	/* a string is not valid UTF-8 */
	JSON_ESTATE = -3,	/* a call out of place: a key outside an object, a value without a key,
				 * a close that does not match, or finishing with containers open */
	JSON_EDEPTH = -4	/* nesting deeper than JSON_MAX_DEPTH */
};

struct json_writer {
	FILE *out;
	bool pretty;		/* two-space indentation, one member or element per line */
	int depth;
	bool in_object[JSON_MAX_DEPTH];	/* the open containers: object or array */
	bool has_items[JSON_MAX_DEPTH];
	bool after_key;		/* a key was written; its value comes next */
	bool done;		/* the top-level value is complete */
	int error;		/* the first enum json_error met */
};

void json_writer_init(struct json_writer *w, FILE *out, bool pretty);

int json_begin_object(struct json_writer *w);
int json_end_object(struct json_writer *w);
int json_begin_array(struct json_writer *w);
int json_end_array(struct json_writer *w);

/* A member name inside an object; the next call writes its value. */
int json_key(struct json_writer *w, const char *key);

/* A string value; NULL writes null. */
int json_string(struct json_writer *w, const char *s);
int json_string_n(struct json_writer *w, const char *s, size_t len);
int json_int(struct json_writer *w, long long n);
int json_bool(struct json_writer *w, bool b);
int json_null(struct json_writer *w);

/* Ends the document with a newline and checks that it is complete and that
 * the stream took every byte.  Returns JSON_OK or the first error. */
int json_writer_finish(struct json_writer *w);

/* A sentence for an enum json_error. */
const char *json_strerror(int error);

#endif
