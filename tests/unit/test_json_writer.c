/* Unit tests for json_writer: exact output (pretty and compact), string
 * escaping of every awkward character, and the errors it must report instead
 * of writing a broken document: invalid UTF-8, calls out of order, nesting
 * too deep, a stream that cannot be written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_writer.h"

/* A writer into memory; text() closes the stream and returns what it holds. */
struct sink {
	FILE *stream;
	char *buf;
	size_t len;
	struct json_writer w;
};

static void sink_open(struct sink *s, bool pretty)
{
	s->buf = NULL;
	s->len = 0;
	s->stream = open_memstream(&s->buf, &s->len);
	assert_non_null(s->stream);
	json_writer_init(&s->w, s->stream, pretty);
}

static const char *sink_text(struct sink *s)
{
	fclose(s->stream);
	s->stream = NULL;
	return s->buf;
}

static void sink_close(struct sink *s)
{
	if (s->stream)
		fclose(s->stream);
	free(s->buf);
}

/* The compact document for one string value. */
static void check_string(const char *in, size_t len, const char *want)
{
	struct sink s;
	sink_open(&s, false);
	assert_int_equal(json_string_n(&s.w, in, len), JSON_OK);
	assert_int_equal(json_writer_finish(&s.w), JSON_OK);
	assert_string_equal(sink_text(&s), want);
	sink_close(&s);
}

static void test_pretty_document(void **state)
{
	(void)state;
	struct sink s;
	sink_open(&s, true);
	json_begin_object(&s.w);
	json_key(&s.w, "name");
	json_string(&s.w, "baclofen");
	json_key(&s.w, "n");
	json_int(&s.w, -42);
	json_key(&s.w, "list");
	json_begin_array(&s.w);
	json_bool(&s.w, true);
	json_null(&s.w);
	json_begin_object(&s.w);
	json_end_object(&s.w);
	json_end_array(&s.w);
	json_key(&s.w, "empty");
	json_begin_array(&s.w);
	json_end_array(&s.w);
	json_key(&s.w, "missing");
	json_string(&s.w, NULL);
	json_end_object(&s.w);
	assert_int_equal(json_writer_finish(&s.w), JSON_OK);
	assert_string_equal(sink_text(&s), "{\n"
					   "  \"name\": \"baclofen\",\n"
					   "  \"n\": -42,\n"
					   "  \"list\": [\n"
					   "    true,\n"
					   "    null,\n"
					   "    {}\n"
					   "  ],\n"
					   "  \"empty\": [],\n"
					   "  \"missing\": null\n"
					   "}\n");
	sink_close(&s);
}

static void test_compact_document(void **state)
{
	(void)state;
	struct sink s;
	sink_open(&s, false);
	json_begin_array(&s.w);
	json_int(&s.w, LLONG_MIN);
	json_bool(&s.w, false);
	json_begin_object(&s.w);
	json_key(&s.w, "a");
	json_begin_array(&s.w);
	json_end_array(&s.w);
	json_end_object(&s.w);
	json_end_array(&s.w);
	assert_int_equal(json_writer_finish(&s.w), JSON_OK);
	assert_string_equal(sink_text(&s), "[-9223372036854775808,false,{\"a\":[]}]\n");
	sink_close(&s);
}

static void test_escapes_quotes_and_backslashes(void **state)
{
	(void)state;
	check_string("say \"hi\" \\ bye", 14, "\"say \\\"hi\\\" \\\\ bye\"\n");
	check_string("</script>", 9, "\"</script>\"\n");
}

static void test_escapes_control_characters(void **state)
{
	(void)state;
	check_string("a\tb\nc\rd\be\ff", 11, "\"a\\tb\\nc\\rd\\be\\ff\"\n");
	check_string("\x01\x1f", 2, "\"\\u0001\\u001f\"\n");
	/* NUL inside a counted string is a control character like any other. */
	check_string("a\0b", 3, "\"a\\u0000b\"\n");
	/* DEL is allowed raw by RFC 8259. */
	check_string("\x7f", 1, "\"\x7f\"\n");
}

static void test_non_ascii_passes_through(void **state)
{
	(void)state;
	check_string("Ünïcødé 受容体 😀 α2δ", strlen("Ünïcødé 受容体 😀 α2δ"), "\"Ünïcødé 受容体 😀 α2δ\"\n");
	/* ...except the two line separators JavaScript cannot hold in a string. */
	check_string("a\xE2\x80\xA8" "b\xE2\x80\xA9", 8, "\"a\\u2028b\\u2029\"\n");
	/* Their neighbours are ordinary characters. */
	check_string("\xE2\x80\xA7\xE2\x80\xAA", 6, "\"\xE2\x80\xA7\xE2\x80\xAA\"\n");
}

static void test_keys_are_escaped(void **state)
{
	(void)state;
	struct sink s;
	sink_open(&s, false);
	json_begin_object(&s.w);
	json_key(&s.w, "a\"b\n");
	json_int(&s.w, 1);
	json_end_object(&s.w);
	assert_int_equal(json_writer_finish(&s.w), JSON_OK);
	assert_string_equal(sink_text(&s), "{\"a\\\"b\\n\":1}\n");
	sink_close(&s);
}

static void test_invalid_utf8_is_an_error(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"\xff", "abc\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct sink s;
		sink_open(&s, false);
		json_begin_array(&s.w);
		assert_int_equal(json_string(&s.w, bad[i]), JSON_EUTF8);
		/* Sticky: nothing more is written and every call reports it. */
		assert_int_equal(json_end_array(&s.w), JSON_EUTF8);
		assert_int_equal(json_writer_finish(&s.w), JSON_EUTF8);
		assert_string_equal(sink_text(&s), "[");
		sink_close(&s);
	}
}

static void test_calls_out_of_order(void **state)
{
	(void)state;
	struct sink s;

	sink_open(&s, false);
	assert_int_equal(json_key(&s.w, "top"), JSON_ESTATE);
	sink_close(&s);

	sink_open(&s, false);
	json_begin_object(&s.w);
	assert_int_equal(json_string(&s.w, "no key"), JSON_ESTATE);
	sink_close(&s);

	sink_open(&s, false);
	json_begin_array(&s.w);
	assert_int_equal(json_key(&s.w, "in an array"), JSON_ESTATE);
	sink_close(&s);

	sink_open(&s, false);
	json_begin_object(&s.w);
	assert_int_equal(json_end_array(&s.w), JSON_ESTATE);
	sink_close(&s);

	sink_open(&s, false);
	json_begin_object(&s.w);
	json_key(&s.w, "k");
	assert_int_equal(json_end_object(&s.w), JSON_ESTATE);
	sink_close(&s);

	sink_open(&s, false);
	json_begin_array(&s.w);
	assert_int_equal(json_writer_finish(&s.w), JSON_ESTATE);
	sink_close(&s);

	sink_open(&s, false);
	json_int(&s.w, 1);
	assert_int_equal(json_int(&s.w, 2), JSON_ESTATE);
	sink_close(&s);

	sink_open(&s, false);
	assert_int_equal(json_writer_finish(&s.w), JSON_ESTATE);
	sink_close(&s);
}

static void test_depth_limit(void **state)
{
	(void)state;
	struct sink s;
	sink_open(&s, false);
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		assert_int_equal(json_begin_array(&s.w), JSON_OK);
	assert_int_equal(json_begin_array(&s.w), JSON_EDEPTH);
	sink_close(&s);
}

static void test_write_error(void **state)
{
	(void)state;
	FILE *full = fopen("/dev/full", "w");
	if (!full)
		skip();
	struct json_writer w;
	json_writer_init(&w, full, true);
	json_begin_array(&w);
	json_string(&w, "no room");
	json_end_array(&w);
	/* Buffered writes fail at the latest when finish flushes. */
	assert_int_equal(json_writer_finish(&w), JSON_EWRITE);
	fclose(full);
}

static void test_strerror(void **state)
{
	(void)state;
	assert_non_null(strstr(json_strerror(JSON_EUTF8), "UTF-8"));
	assert_non_null(strstr(json_strerror(JSON_EWRITE), "written"));
	assert_non_null(strstr(json_strerror(12345), "unknown"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pretty_document),
		cmocka_unit_test(test_compact_document),
		cmocka_unit_test(test_escapes_quotes_and_backslashes),
		cmocka_unit_test(test_escapes_control_characters),
		cmocka_unit_test(test_non_ascii_passes_through),
		cmocka_unit_test(test_keys_are_escaped),
		cmocka_unit_test(test_invalid_utf8_is_an_error),
		cmocka_unit_test(test_calls_out_of_order),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_write_error),
		cmocka_unit_test(test_strerror),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
