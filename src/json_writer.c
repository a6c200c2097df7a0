/* json_writer — see include/json_writer.h. */
#include "json_writer.h"

#include <string.h>

#include "text.h"

void json_writer_init(struct json_writer *w, FILE *out, bool pretty)
{
	*w = (struct json_writer){ .out = out, .pretty = pretty };
}

static int fail(struct json_writer *w, int error)
{
	if (w->error == JSON_OK)
		w->error = error;
	return w->error;
}

static void put(struct json_writer *w, const char *s)
{
	if (w->error == JSON_OK && fputs(s, w->out) == EOF)
		fail(w, JSON_EWRITE);
}

static void put_n(struct json_writer *w, const char *s, size_t len)
{
	if (w->error == JSON_OK && len && fwrite(s, 1, len, w->out) != len)
		fail(w, JSON_EWRITE);
}

static void newline(struct json_writer *w, int depth)
{
	if (!w->pretty)
		return;
	put(w, "\n");
	for (int i = 0; i < depth; i++)
		put(w, "  ");
}

/* Whatever must come before a value here: a comma and a line break inside an
 * array, nothing after a key.  Refuses a value where none may go. */
static int before_value(struct json_writer *w)
{
	if (w->error)
		return w->error;
	if (w->done)
		return fail(w, JSON_ESTATE);
	if (w->depth == 0)
		return JSON_OK;
	if (w->in_object[w->depth - 1]) {
		if (!w->after_key)
			return fail(w, JSON_ESTATE);
		w->after_key = false;
		return JSON_OK;
	}
	if (w->has_items[w->depth - 1])
		put(w, ",");
	w->has_items[w->depth - 1] = true;
	newline(w, w->depth);
	return w->error;
}

static void after_value(struct json_writer *w)
{
	if (w->depth == 0)
		w->done = true;
}

static int open_container(struct json_writer *w, bool object)
{
	if (before_value(w))
		return w->error;
	if (w->depth == JSON_MAX_DEPTH)
		return fail(w, JSON_EDEPTH);
	put(w, object ? "{" : "[");
	w->in_object[w->depth] = object;
	w->has_items[w->depth] = false;
	w->depth++;
	return w->error;
}

static int close_container(struct json_writer *w, bool object)
{
	if (w->error)
		return w->error;
	if (w->depth == 0 || w->in_object[w->depth - 1] != object || w->after_key)
		return fail(w, JSON_ESTATE);
	w->depth--;
	if (w->has_items[w->depth])
		newline(w, w->depth);
	put(w, object ? "}" : "]");
	after_value(w);
	return w->error;
}

int json_begin_object(struct json_writer *w)
{
	return open_container(w, true);
}

int json_end_object(struct json_writer *w)
{
	return close_container(w, true);
}

int json_begin_array(struct json_writer *w)
{
	return open_container(w, false);
}

int json_end_array(struct json_writer *w)
{
	return close_container(w, false);
}

/* The quoted, escaped string; runs of plain bytes go out in one write. */
static void quoted(struct json_writer *w, const char *s, size_t len)
{
	size_t bad;
	if (!text_utf8_valid(s, len, &bad)) {
		fail(w, JSON_EUTF8);
		return;
	}
	put(w, "\"");
	size_t run = 0;
	for (size_t i = 0; i < len && w->error == JSON_OK;) {
		unsigned char c = (unsigned char)s[i];
		char esc[8] = "";
		size_t used = 1;
		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			esc[2] = '\0';
		} else if (c < 0x20) {
			static const struct {
				char c, letter;
			} short_forms[] = {
				{ '\b', 'b' }, { '\f', 'f' }, { '\n', 'n' }, { '\r', 'r' }, { '\t', 't' },
			};
			for (size_t k = 0; k < sizeof short_forms / sizeof *short_forms; k++)
				if (short_forms[k].c == (char)c)
					snprintf(esc, sizeof esc, "\\%c", short_forms[k].letter);
			if (!esc[0])
				snprintf(esc, sizeof esc, "\\u%04x", c);
		} else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
			   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
			snprintf(esc, sizeof esc, "\\u20%02x", (unsigned)(unsigned char)s[i + 2] - 0x80);
			used = 3;
		}
		if (esc[0]) {
			put_n(w, s + i - run, run);
			put(w, esc);
			run = 0;
		} else {
			run += used;
		}
		i += used;
	}
	put_n(w, s + len - run, run);
	put(w, "\"");
}

int json_key(struct json_writer *w, const char *key)
{
	if (w->error)
		return w->error;
	if (w->depth == 0 || !w->in_object[w->depth - 1] || w->after_key || !key)
		return fail(w, JSON_ESTATE);
	if (w->has_items[w->depth - 1])
		put(w, ",");
	w->has_items[w->depth - 1] = true;
	newline(w, w->depth);
	quoted(w, key, strlen(key));
	put(w, w->pretty ? ": " : ":");
	w->after_key = true;
	return w->error;
}

int json_string_n(struct json_writer *w, const char *s, size_t len)
{
	if (before_value(w))
		return w->error;
	quoted(w, s, len);
	after_value(w);
	return w->error;
}

int json_string(struct json_writer *w, const char *s)
{
	return s ? json_string_n(w, s, strlen(s)) : json_null(w);
}

static int literal(struct json_writer *w, const char *text)
{
	if (before_value(w))
		return w->error;
	put(w, text);
	after_value(w);
	return w->error;
}

int json_int(struct json_writer *w, long long n)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", n);
	return literal(w, buf);
}

int json_bool(struct json_writer *w, bool b)
{
	return literal(w, b ? "true" : "false");
}

int json_null(struct json_writer *w)
{
	return literal(w, "null");
}

int json_writer_finish(struct json_writer *w)
{
	if (w->error)
		return w->error;
	if (!w->done || w->depth != 0)
		return fail(w, JSON_ESTATE);
	put(w, "\n");
	if (w->error == JSON_OK && (fflush(w->out) == EOF || ferror(w->out)))
		fail(w, JSON_EWRITE);
	return w->error;
}

const char *json_strerror(int error)
{
	switch (error) {
	case JSON_OK:
		return "no error";
	case JSON_EWRITE:
		return "the output could not be written";
	case JSON_EUTF8:
		return "text that is not valid UTF-8 cannot go into JSON";
	case JSON_ESTATE:
		return "the JSON writer was called out of order (a bug)";
	case JSON_EDEPTH:
		return "the JSON document nests too deeply";
	default:
		return "unknown JSON writer error";
	}
}
