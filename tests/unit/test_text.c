/* Unit tests for src/text.c: UTF-8, width, cleaning, unfolding, wrapping, comparing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define ACUTE "\xCC\x81"		/* U+0301 combining acute accent */
#define ZWSP "\xE2\x80\x8B"		/* U+200B */
#define ZWJ "\xE2\x80\x8D"		/* U+200D */
#define VS16 "\xEF\xB8\x8F"		/* U+FE0F */
#define ZHONG "\xE4\xB8\xAD"		/* U+4E2D, wide */
#define GRIN "\xF0\x9F\x98\x80"		/* U+1F600, wide */
#define FFFD "\xEF\xBF\xBD"

static int setup_locale(void **state)
{
	(void)state;
	/* wcwidth() only knows wide and combining characters under a UTF-8 locale. */
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

/* --- helpers ------------------------------------------------------------- */

static char *clean_string(const char *in, size_t len)
{
	size_t size = text_clean_size(in, len);
	char *out = malloc(size);
	size_t written;

	assert_non_null(out);
	written = text_clean(in, len, out);
	assert_int_equal(written + 1, size);
	assert_int_equal(strlen(out), written);
	assert_true(text_utf8_valid(out, written, NULL));
	return out;
}

static void assert_clean(const char *in, size_t len, const char *expected)
{
	char *out = clean_string(in, len);

	assert_string_equal(out, expected);
	free(out);
}

/* For literals, which may hold NUL bytes. */
#define ASSERT_CLEAN(in, expected) assert_clean(in, sizeof(in) - 1, expected)

static void assert_unfold(const char *in, const char *expected)
{
	char *copy = strdup(in);

	assert_non_null(copy);
	assert_int_equal(text_unfold(copy), strlen(expected));
	assert_string_equal(copy, expected);
	free(copy);
}

/* Checks what must hold for every wrap: lines are in order and do not
 * overlap, only spaces and newlines fall between them, every line is whole
 * UTF-8, its width field is right, and it fits unless it holds a single
 * visible character wider than the whole width. */
static void check_wrap_invariants(const struct text_lines *lines, const char *s, size_t len, int width)
{
	size_t previous_end = 0;

	for (size_t i = 0; i < lines->count; i++) {
		const struct text_line *line = &lines->items[i];
		const char *bytes = s + line->start;

		assert_true(line->start >= previous_end);
		assert_true(line->start + line->len <= len);
		for (size_t k = previous_end; k < line->start; k++)
			assert_true(s[k] == ' ' || s[k] == '\n');
		assert_true(text_utf8_valid(bytes, line->len, NULL));
		assert_null(memchr(bytes, '\n', line->len));
		assert_int_equal(line->width, line->indent + text_width_n(bytes, line->len));
		if (line->width > width) {
			size_t lead = text_fit(bytes, line->len, 0, NULL);	/* zero-width prefix */
			uint32_t cp;
			int used = text_utf8_decode(bytes + lead, line->len - lead, &cp);

			assert_int_equal(line->indent, 0);
			assert_true(used > 0);
			assert_true(text_codepoint_width(cp) > width);
			lead += (size_t)used;
			assert_int_equal(text_width_n(bytes + lead, line->len - lead), 0);
		}
		previous_end = line->start + line->len;
	}
	for (size_t k = previous_end; k < len; k++)
		assert_true(s[k] == ' ' || s[k] == '\n');
}

static void wrap_checked(struct text_lines *lines, const char *s, int width, enum text_flow flow)
{
	text_lines_init(lines);
	assert_int_equal(text_wrap(lines, s, strlen(s), width, flow), 0);
	if (flow == TEXT_REFLOW)
		check_wrap_invariants(lines, s, strlen(s), width);
}

static void assert_line(const struct text_lines *lines, size_t i, const char *s, const char *text, int indent)
{
	const struct text_line *line;

	assert_true(i < lines->count);
	line = &lines->items[i];
	if (line->len != strlen(text) || memcmp(s + line->start, text, line->len) != 0)
		fail_msg("line %zu is \"%.*s\", expected \"%s\"", i, (int)line->len, s + line->start, text);
	assert_int_equal(line->indent, indent);
}

/* --- UTF-8 ------------------------------------------------------------- */

static void test_decode_valid(void **state)
{
	static const struct { const char *bytes; uint32_t cp; int len; } cases[] = {
		{ "A", 'A', 1 }, { "\x7F", 0x7F, 1 }, { "\xC2\x80", 0x80, 2 }, { "\xDF\xBF", 0x7FF, 2 },
		{ "\xE0\xA0\x80", 0x800, 3 }, { ZHONG, 0x4E2D, 3 }, { "\xED\x9F\xBF", 0xD7FF, 3 },
		{ "\xEE\x80\x80", 0xE000, 3 }, { "\xEF\xBF\xBF", 0xFFFF, 3 },
		{ "\xF0\x90\x80\x80", 0x10000, 4 },
		{ GRIN, 0x1F600, 4 }, { "\xF4\x8F\xBF\xBF", 0x10FFFF, 4 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		uint32_t cp = 0;

		assert_int_equal(text_utf8_decode(cases[i].bytes, strlen(cases[i].bytes), &cp), cases[i].len);
		assert_int_equal(cp, cases[i].cp);
	}
	/* Only the first character is decoded; a NUL is a character like any other. */
	uint32_t cp;
	assert_int_equal(text_utf8_decode("ab", 2, &cp), 1);
	assert_int_equal(text_utf8_decode("\0x", 2, &cp), 1);
	assert_int_equal(cp, 0);
}

static void test_decode_invalid(void **state)
{
	static const struct { const char *bytes; size_t len; } cases[] = {
		{ "\xC0\xAF", 2 },		/* overlong '/' */
		{ "\xC1\xBF", 2 },		/* overlong */
		{ "\xE0\x80\xAF", 3 },		/* overlong 3-byte */
		{ "\xF0\x80\x80\xAF", 4 },	/* overlong 4-byte */
		{ "\xED\xA0\x80", 3 },		/* surrogate U+D800 */
		{ "\xED\xBF\xBF", 3 },		/* surrogate U+DFFF */
		{ "\xF4\x90\x80\x80", 4 },	/* U+110000 */
		{ "\xF5\x80\x80\x80", 4 },	/* lead byte beyond the range */
		{ "\xFF", 1 }, { "\xFE", 1 },
		{ "\x80", 1 }, { "\xBF", 1 },	/* stray continuation bytes */
		{ "\xE4\xB8", 2 },		/* truncated */
		{ "\xF0\x9F\x98", 3 },		/* truncated emoji */
		{ "\xC3", 1 },			/* truncated */
		{ "\xC3\x28", 2 },		/* continuation missing */
		{ "\xE4\x41\xAD", 3 },		/* continuation missing in the middle */
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		uint32_t cp = 12345;

		assert_int_equal(text_utf8_decode(cases[i].bytes, cases[i].len, &cp), -1);
		assert_int_equal(cp, 12345);
	}
	/* A valid sequence cut short by len is truncated too. */
	uint32_t cp;
	assert_int_equal(text_utf8_decode(GRIN, 3, &cp), -1);
	assert_int_equal(text_utf8_decode("a", 0, &cp), -1);
}

static void test_encode(void **state)
{
	static const uint32_t good[] = { 0, 'z', 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
		0x10000, 0x1F600, 0x10FFFF };
	char out[4];
	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		uint32_t back = 0;
		int n = text_utf8_encode(good[i], out);

		assert_true(n >= 1 && n <= 4);
		assert_int_equal(text_utf8_decode(out, (size_t)n, &back), n);
		assert_int_equal(back, good[i]);
	}
	assert_int_equal(text_utf8_encode(0x4E2D, out), 3);
	assert_memory_equal(out, ZHONG, 3);
	assert_int_equal(text_utf8_encode(0xD800, out), 0);
	assert_int_equal(text_utf8_encode(0xDFFF, out), 0);
	assert_int_equal(text_utf8_encode(0x110000, out), 0);
	assert_int_equal(text_utf8_encode(UINT32_MAX, out), 0);
}

static void test_valid_and_bad_offset(void **state)
{
	size_t bad = 999;
	(void)state;
	assert_true(text_utf8_valid("", 0, &bad));
	assert_true(text_utf8_valid("caf\xC3\xA9 " ZHONG GRIN, 13, &bad));
	assert_int_equal(bad, 999);
	assert_false(text_utf8_valid("ab\xC0\xAF", 4, &bad));
	assert_int_equal(bad, 2);
	assert_false(text_utf8_valid("x\xED\xA0\x80", 4, &bad));
	assert_int_equal(bad, 1);
	assert_false(text_utf8_valid("\xF4\x90\x80\x80", 4, &bad));
	assert_int_equal(bad, 0);
	assert_false(text_utf8_valid("ok " ZHONG "\x80", 7, &bad));
	assert_int_equal(bad, 6);
	assert_false(text_utf8_valid("end\xE4\xB8", 5, &bad));
	assert_int_equal(bad, 3);
	assert_false(text_utf8_valid("\xC3", 1, NULL));
}

static void test_char_count(void **state)
{
	(void)state;
	assert_int_equal(text_char_count("", 0), 0);
	assert_int_equal(text_char_count("abc", 3), 3);
	assert_int_equal(text_char_count("caf\xC3\xA9", 5), 4);
	assert_int_equal(text_char_count(ZHONG GRIN "e" ACUTE, 10), 4);
	/* Invalid bytes count one each. */
	assert_int_equal(text_char_count("a\xC0\xAF" "b", 4), 4);
	assert_int_equal(text_char_count("\xE4\xB8", 2), 2);
}

/* --- width --------------------------------------------------------------- */

static void test_codepoint_width(void **state)
{
	(void)state;
	assert_int_equal(text_codepoint_width('a'), 1);
	assert_int_equal(text_codepoint_width(' '), 1);
	assert_int_equal(text_codepoint_width(0xE9), 1);	/* é */
	assert_int_equal(text_codepoint_width(0x5D0), 1);	/* Hebrew alef */
	assert_int_equal(text_codepoint_width(0x627), 1);	/* Arabic alef */
	assert_int_equal(text_codepoint_width(0xFFFD), 1);
	assert_int_equal(text_codepoint_width(0x301), 0);	/* combining acute */
	assert_int_equal(text_codepoint_width(0x200B), 0);
	assert_int_equal(text_codepoint_width(0x200D), 0);
	assert_int_equal(text_codepoint_width(0xFE0F), 0);
	assert_int_equal(text_codepoint_width(0xFE00), 0);
	assert_int_equal(text_codepoint_width(0xE0100), 0);	/* variation selector supplement */
	assert_int_equal(text_codepoint_width(0xFEFF), 0);
	assert_int_equal(text_codepoint_width(0x202E), 0);	/* bidi override */
	assert_int_equal(text_codepoint_width(0x4E2D), 2);
	assert_int_equal(text_codepoint_width(0xAC00), 2);	/* Hangul */
	assert_int_equal(text_codepoint_width(0xFF21), 2);	/* fullwidth A */
	assert_int_equal(text_codepoint_width(0x1F600), 2);
	/* Controls and non-characters take no cells. */
	assert_int_equal(text_codepoint_width(0), 0);
	assert_int_equal(text_codepoint_width('\t'), 0);
	assert_int_equal(text_codepoint_width('\n'), 0);
	assert_int_equal(text_codepoint_width(0x1B), 0);
	assert_int_equal(text_codepoint_width(0x7F), 0);
	assert_int_equal(text_codepoint_width(0x85), 0);
	assert_int_equal(text_codepoint_width(0x9B), 0);
	assert_int_equal(text_codepoint_width(0x110000), 0);
	assert_int_equal(text_codepoint_width(UINT32_MAX), 0);
}

static void test_string_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("baclofen"), 8);
	assert_int_equal(text_width("cafe" ACUTE), 4);
	assert_int_equal(text_width(ZHONG "\xE6\x96\x87"), 4);		/* 中文 */
	assert_int_equal(text_width(GRIN "!"), 3);
	assert_int_equal(text_width("a" ZWSP "b" ZWJ "c" VS16), 3);
	assert_int_equal(text_width("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"), 4);	/* שלום */
	assert_int_equal(text_width("\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"), 4);	/* سلام */
	assert_int_equal(text_width("a\x1b[1mb"), 5);	/* ESC is 0, "[1m" printable */
	/* Invalid sequences take the one column of the U+FFFD drawn for them. */
	assert_int_equal(text_width("a\xC0\xAF" "b"), 4);
	assert_int_equal(text_width("\xE4\xB8" "b"), 2);
	assert_int_equal(text_width_n("abc", 2), 2);
	assert_int_equal(text_width_n(ZHONG, 2), 1);	/* a cut-off character shows as U+FFFD */
	assert_int_equal(text_width_n("a\0b", 3), 2);
}

static void test_fit(void **state)
{
	int cols = -1;
	(void)state;
	assert_int_equal(text_fit("hello world", 11, 5, &cols), 5);
	assert_int_equal(cols, 5);
	assert_int_equal(text_fit("hi", 2, 10, &cols), 2);
	assert_int_equal(cols, 2);
	assert_int_equal(text_fit("", 0, 10, &cols), 0);
	assert_int_equal(cols, 0);
	assert_int_equal(text_fit("abc", 3, 0, &cols), 0);
	assert_int_equal(cols, 0);
	assert_int_equal(text_fit("abc", 3, -4, &cols), 0);
	assert_int_equal(cols, 0);
	/* A wide character that would straddle the limit stays out. */
	assert_int_equal(text_fit("a" ZHONG "b", 5, 2, &cols), 1);
	assert_int_equal(cols, 1);
	assert_int_equal(text_fit("a" ZHONG "b", 5, 3, &cols), 4);
	assert_int_equal(cols, 3);
	assert_int_equal(text_fit(GRIN, 4, 1, &cols), 0);
	/* Combining accents and joiners stay with their base. */
	assert_int_equal(text_fit("e" ACUTE "x", 4, 1, &cols), 3);
	assert_int_equal(cols, 1);
	assert_int_equal(text_fit(GRIN ZWJ GRIN, 11, 2, &cols), 7);
	assert_int_equal(cols, 2);
	/* Never inside a truncated sequence; an invalid one counts as one column. */
	assert_int_equal(text_fit("ab" ZHONG, 4, 10, &cols), 4);
	assert_int_equal(cols, 3);
	assert_int_equal(text_fit("\x80\x80x", 3, 2, NULL), 2);
}

/* --- cleaning ------------------------------------------------------------ */

static void test_clean_plain_text_unchanged(void **state)
{
	const char *text = "Baclofen \xE2\x80\x94 GABA-B agonist.\n" ZHONG " " GRIN " e" ACUTE "\n";
	(void)state;
	assert_clean(text, strlen(text), text);
	ASSERT_CLEAN("", "");
	assert_int_equal(text_clean_size("", 0), 1);
}

static void test_clean_tabs(void **state)
{
	(void)state;
	ASSERT_CLEAN("\tx", "        x");
	ASSERT_CLEAN("ab\tc", "ab      c");
	ASSERT_CLEAN("abcde\tx", "abcde   x");
	ASSERT_CLEAN("a" ZHONG ZHONG "\tx", "a" ZHONG ZHONG "   x");
	ASSERT_CLEAN("abcdefgh\ti", "abcdefgh        i");
	ASSERT_CLEAN("a\t\tb", "a               b");
	/* Columns are display columns and restart at each line. */
	ASSERT_CLEAN(ZHONG "\tx", ZHONG "      x");
	ASSERT_CLEAN("e" ACUTE "\tx", "e" ACUTE "       x");
	ASSERT_CLEAN("abc\n\tx", "abc\n        x");
	/* Removed controls take no column. */
	ASSERT_CLEAN("\x1b" "ab\tc", "ab      c");
}

static void test_clean_escape_sequences(void **state)
{
	(void)state;
	ASSERT_CLEAN("\x1b]0;title\x07ok", "]0;titleok");
	ASSERT_CLEAN("\x1b[2Jcleared", "[2Jcleared");
	ASSERT_CLEAN("\x1b]52;c;ZXZpbA==\x07", "]52;c;ZXZpbA==");
	ASSERT_CLEAN("\x1b[31mred\x1b[0m", "[31mred[0m");
	/* C1 controls, including the one-byte-CSI U+009B and NEL U+0085. */
	ASSERT_CLEAN("a\xC2\x9B" "2Jb", "a2Jb");
	ASSERT_CLEAN("x\xC2\x85y\xC2\x80\xC2\x9Fz", "xyz");
	/* Bidi embeddings, overrides and isolates. */
	ASSERT_CLEAN("\xE2\x80\xAE" "evil\xE2\x80\xAC", "evil");
	ASSERT_CLEAN("a\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAD" "b", "ab");
	ASSERT_CLEAN("\xE2\x81\xA6x\xE2\x81\xA7y\xE2\x81\xA8z\xE2\x81\xA9", "xyz");
	/* Left-to-right and right-to-left marks are not in the list: kept. */
	ASSERT_CLEAN("a\xE2\x80\x8F" "b", "a\xE2\x80\x8F" "b");
}

static void test_clean_controls_and_line_ends(void **state)
{
	(void)state;
	ASSERT_CLEAN("one\r\ntwo\r\n", "one\ntwo\n");
	ASSERT_CLEAN("a\rb", "ab");
	ASSERT_CLEAN("a\0b\x01\x7f" "c\x08\x0b\x0c" "d", "abcd");
	ASSERT_CLEAN("\n\n", "\n\n");
}

/* Loading looks at eight bytes at a time: every byte value, in every place
 * of a word and of the tail, must still be seen. */
static void test_clean_and_validate_every_byte_everywhere(void **state)
{
	/* 40 bytes: two steps of sixteen (SSE2), one of eight, and a tail. */
	char in[40], out[96];
	(void)state;
	for (unsigned b = 1; b < 256; b++) {
		for (size_t at = 0; at < sizeof in; at++) {
			size_t bad = 99;
			memset(in, 'x', sizeof in);
			in[at] = (char)b;
			if (b >= 0x80) {	/* a lone byte of a multibyte sequence is never valid */
				assert_false(text_utf8_valid(in, sizeof in, &bad));
				assert_int_equal(bad, at);
				assert_false(text_is_clean(in, sizeof in));
				continue;
			}
			assert_true(text_utf8_valid(in, sizeof in, NULL));
			assert_int_equal(text_is_clean(in, sizeof in), b == '\n' || (b >= 0x20 && b < 0x7F));
			size_t n = text_clean(in, sizeof in, out);
			assert_int_equal(n + 1, text_clean_size(in, sizeof in));
			if (b == '\t')
				assert_int_equal(n, sizeof in - 1 + 8 - at % 8);
			else if (b == '\n' || (b >= 0x20 && b < 0x7F))
				assert_memory_equal(out, in, sizeof in);
			else	/* a control character is dropped */
				assert_int_equal(n, sizeof in - 1);
		}
	}
}

/* Whether every NUL-terminated piece of s[0..len) is clean, one call each:
 * what text_is_clean_list() must agree with. */
static bool each_piece_clean(const char *s, size_t len)
{
	if (len > 0 && s[len - 1] != '\0')
		return false;
	for (size_t start = 0, i = 0; i < len; i++)
		if (s[i] == '\0') {
			if (!text_is_clean(s + start, i - start))
				return false;
			start = i + 1;
		}
	return true;
}

static void test_clean_list(void **state)
{
	(void)state;
	assert_true(text_is_clean_list("", 0));
	assert_true(text_is_clean_list("a\0", 2));
	assert_true(text_is_clean_list("\0\0", 2));
	assert_true(text_is_clean_list("one\ntwo\0" ZHONG "\0", 9 + sizeof ZHONG));
	assert_false(text_is_clean_list("unterminated", 12));
	assert_false(text_is_clean_list("a\0b", 3));
	assert_false(text_is_clean_list("tab\there\0", 10));
	assert_false(text_is_clean_list("\x1b]0;x\0", 7));
	/* A multibyte character cut by a NUL is two invalid pieces. */
	assert_false(text_is_clean_list("\xE4\xB8\0\xAD\0", 5));
	/* Every byte at every place of a 100-byte list of three strings (a
	 * step of 64, two of 16 and a tail), against the pieces checked one by
	 * one. */
	char in[100];
	for (unsigned b = 0; b < 256; b++)
		for (size_t at = 0; at < sizeof in; at++) {
			memset(in, 'x', sizeof in);
			in[17] = '\0';
			in[70] = '\n';
			in[71] = '\0';
			in[sizeof in - 1] = '\0';
			in[at] = (char)b;
			assert_int_equal(text_is_clean_list(in, sizeof in), each_piece_clean(in, sizeof in));
			/* A NUL anywhere only cuts a string in two; any other byte
			 * in place of the last NUL leaves the list unterminated. */
			bool kept = b == 0 || b == '\n' || (b >= 0x20 && b < 0x7F);
			assert_int_equal(text_is_clean_list(in, sizeof in), kept && (b == 0 || at != sizeof in - 1));
		}
	/* One string never holds a NUL, wherever the 64-byte steps put it. */
	for (size_t at = 0; at < sizeof in; at++) {
		memset(in, 'x', sizeof in);
		assert_true(text_is_clean(in, sizeof in));
		in[at] = '\0';
		assert_false(text_is_clean(in, sizeof in));
	}
}

static void test_clean_invalid_utf8(void **state)
{
	(void)state;
	ASSERT_CLEAN("a\xC0\xAF" "b", "a" FFFD FFFD "b");
	ASSERT_CLEAN("\xED\xA0\x80", FFFD FFFD FFFD);
	ASSERT_CLEAN("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD);
	ASSERT_CLEAN("\x80\xBFx", FFFD FFFD "x");
	/* A truncated sequence becomes one U+FFFD, and the next character survives. */
	ASSERT_CLEAN("\xE4\xB8" "a", FFFD "a");
	ASSERT_CLEAN("\xF0\x9F\x98", FFFD);
	ASSERT_CLEAN("\xF0\x9F\x98" ZHONG, FFFD ZHONG);
	ASSERT_CLEAN("\xFF\xFE", FFFD FFFD);
	/* The replacement counts as one column for the tab stops. */
	ASSERT_CLEAN("\xFF\tx", FFFD "       x");
}

static void assert_printable(const char *in, const char *expected)
{
	char *s = strdup(in);

	assert_non_null(s);
	text_make_printable(s);
	assert_string_equal(s, expected);
	free(s);
}

/* Names and diagnostics keep a visible mark where a control character was. */
static void test_make_printable(void **state)
{
	(void)state;
	assert_printable("plain " ZHONG " text", "plain " ZHONG " text");
	assert_printable("", "");
	assert_printable("\x1b]52;c;SU5KRUNURUQ=\x07", "?]52;c;SU5KRUNURUQ=?");
	assert_printable("tab\there\nnewline\r", "tab?here?newline?");
	assert_printable("c1\xC2\x9B" "2J\xC2\x85", "c1?2J?");
	assert_printable("\xE2\x80\xAE" "rlo\xE2\x81\xA6" "lri\x7F", "?rlo?lri?");
	/* Invalid UTF-8: one mark per maximal invalid part, as text_clean counts them. */
	assert_printable("a\xE4\xB8" "b\xFF", "a?b?");
	assert_printable(GRIN ACUTE, GRIN ACUTE);
}

/* --- unfolding ----------------------------------------------------------- */

static void test_unfold_paragraphs(void **state)
{
	(void)state;
	assert_unfold("", "");
	assert_unfold("one line", "one line");
	assert_unfold("Baclofen acts on\nGABA-B receptors\nin the cord.",
		      "Baclofen acts on GABA-B receptors in the cord.");
	assert_unfold("first\n\nsecond\nhalf", "first\n\nsecond half");
	assert_unfold("a\n\n\nb", "a\n\n\nb");
	/* Trailing white space of lines and trailing newlines of the text go. */
	assert_unfold("trailing   \nspaces\t\n", "trailing spaces");
	assert_unfold("x\n\n\n", "x");
	assert_unfold("a  \n   \nb", "a\n\nb");
	assert_unfold("\n\n\n", "");
	assert_unfold("  \t ", "");
	assert_unfold("cr\r\nlf", "cr lf");
}

static void test_unfold_lists_and_indentation(void **state)
{
	(void)state;
	assert_unfold("Uses:\n- spasticity\n- hiccups", "Uses:\n- spasticity\n- hiccups");
	assert_unfold("* one\n* two\ncontinued", "* one\n* two continued");
	assert_unfold("\xE2\x80\xA2 bullet\n\xE2\x80\xA2 next", "\xE2\x80\xA2 bullet\n\xE2\x80\xA2 next");
	assert_unfold("Steps:\n1. taper\n2) slowly\n10. done", "Steps:\n1. taper\n2) slowly\n10. done");
	assert_unfold("intro\n  indented\n  more\nback", "intro\n  indented\n  more back");
	assert_unfold("para\n\tcode", "para\n\tcode");
	/* Not list markers: no space after, or a word that merely starts with one. */
	assert_unfold("a\n-not a list", "a -not a list");
	assert_unfold("a\n2.5 mg daily", "a 2.5 mg daily");
	assert_unfold("a\n1.\nb", "a 1. b");
	assert_unfold("a\nGABA-B", "a GABA-B");
	/* Leading indentation of the very first line stays. */
	assert_unfold("  lead\nfollow", "  lead follow");
}

/* --- wrapping ------------------------------------------------------------ */

static void test_wrap_words(void **state)
{
	const char *s = "Baclofen is not a benzodiazepine at all";
	struct text_lines lines;
	(void)state;
	wrap_checked(&lines, s, 10, TEXT_REFLOW);
	assert_int_equal(lines.count, 5);
	assert_line(&lines, 0, s, "Baclofen", 0);
	assert_line(&lines, 1, s, "is not a", 0);
	assert_line(&lines, 2, s, "benzodiaze", 0);
	assert_line(&lines, 3, s, "pine at", 0);
	assert_line(&lines, 4, s, "all", 0);
	assert_int_equal(lines.items[1].width, 8);
	text_lines_release(&lines);
	assert_null(lines.items);
	assert_int_equal(lines.count, 0);

	wrap_checked(&lines, s, 80, TEXT_REFLOW);
	assert_int_equal(lines.count, 1);
	assert_line(&lines, 0, s, s, 0);
	assert_int_equal(lines.items[0].width, (int)strlen(s));
	text_lines_release(&lines);

	/* Exactly full lines, and runs of spaces inside a line are kept. */
	s = "abcde fghij  kl";
	wrap_checked(&lines, s, 11, TEXT_REFLOW);
	assert_int_equal(lines.count, 2);
	assert_line(&lines, 0, s, "abcde fghij", 0);
	assert_line(&lines, 1, s, "kl", 0);
	text_lines_release(&lines);
	wrap_checked(&lines, s, 15, TEXT_REFLOW);
	assert_int_equal(lines.count, 1);
	assert_line(&lines, 0, s, s, 0);
	text_lines_release(&lines);
}

/* A URL longer than the line breaks after a '/', '.' or '-', never inside
 * "//", and only a piece with none of them is cut between characters. */
static void test_wrap_url_at_slash(void **state)
{
	const char *s = "See https://www.example.org/guidance/baclofen-in-spasticity/index.html today";
	struct text_lines lines;
	(void)state;
	wrap_checked(&lines, s, 30, TEXT_REFLOW);
	assert_line(&lines, 0, s, "See", 0);
	assert_line(&lines, 1, s, "https://www.example.org/", 0);
	assert_line(&lines, 2, s, "guidance/baclofen-in-", 0);
	assert_line(&lines, 3, s, "spasticity/index.html today", 0);
	assert_int_equal(lines.count, 4);
	text_lines_release(&lines);

	/* Never between the slashes of "//", which would read as two paths. */
	s = "https://abcdefghijklmnopqrstuvwxyz";
	wrap_checked(&lines, s, 7, TEXT_REFLOW);
	assert_line(&lines, 0, s, "https:/", 0);
	text_lines_release(&lines);
	wrap_checked(&lines, s, 10, TEXT_REFLOW);
	assert_line(&lines, 0, s, "https://ab", 0);
	text_lines_release(&lines);

	/* No break character: cut between characters as before. */
	s = "abcdefghijklmnop";
	wrap_checked(&lines, s, 10, TEXT_REFLOW);
	assert_line(&lines, 0, s, "abcdefghij", 0);
	assert_line(&lines, 1, s, "klmnop", 0);
	text_lines_release(&lines);
}

static void test_wrap_appends(void **state)
{
	const char *s = "aa bb";
	struct text_lines lines;
	(void)state;
	wrap_checked(&lines, s, 2, TEXT_REFLOW);
	assert_int_equal(text_wrap(&lines, s, strlen(s), 80, TEXT_REFLOW), 0);
	assert_int_equal(lines.count, 3);
	assert_line(&lines, 0, s, "aa", 0);
	assert_line(&lines, 1, s, "bb", 0);
	assert_line(&lines, 2, s, "aa bb", 0);
	text_lines_release(&lines);
}

static void test_wrap_width_one_and_two(void **state)
{
	const char *s = "ab c";
	struct text_lines lines;
	(void)state;
	wrap_checked(&lines, s, 1, TEXT_REFLOW);
	assert_int_equal(lines.count, 3);
	assert_line(&lines, 0, s, "a", 0);
	assert_line(&lines, 1, s, "b", 0);
	assert_line(&lines, 2, s, "c", 0);
	text_lines_release(&lines);

	/* Width 1: a wide character gets a line to itself instead of looping. */
	s = "a" ZHONG "b" GRIN;
	wrap_checked(&lines, s, 1, TEXT_REFLOW);
	assert_int_equal(lines.count, 4);
	assert_line(&lines, 1, s, ZHONG, 0);
	assert_int_equal(lines.items[1].width, 2);
	assert_line(&lines, 3, s, GRIN, 0);
	text_lines_release(&lines);

	/* Zero-width characters travel with the character they belong to. */
	s = ZWJ GRIN ZWJ "e" ACUTE;
	wrap_checked(&lines, s, 1, TEXT_REFLOW);
	assert_int_equal(lines.count, 2);
	assert_line(&lines, 0, s, ZWJ GRIN ZWJ, 0);
	assert_line(&lines, 1, s, "e" ACUTE, 0);
	text_lines_release(&lines);

	/* A wide character that cannot fit beside a hanging indent drops the indent. */
	s = "- " ZHONG ZHONG " x";
	wrap_checked(&lines, s, 2, TEXT_REFLOW);
	assert_int_equal(lines.count, 4);
	assert_line(&lines, 0, s, "-", 0);
	assert_line(&lines, 1, s, ZHONG, 0);
	assert_line(&lines, 2, s, ZHONG, 0);
	assert_line(&lines, 3, s, "x", 1);
	text_lines_release(&lines);

	/* Width 2: a wide character that would straddle moves to the next line. */
	s = "a" ZHONG ZHONG "bc";
	wrap_checked(&lines, s, 2, TEXT_REFLOW);
	assert_int_equal(lines.count, 4);
	assert_line(&lines, 0, s, "a", 0);
	assert_line(&lines, 1, s, ZHONG, 0);
	assert_line(&lines, 2, s, ZHONG, 0);
	assert_line(&lines, 3, s, "bc", 0);
	text_lines_release(&lines);

	/* Width 0 or less is treated as 1, never as a reason to loop. */
	wrap_checked(&lines, "xy", 0, TEXT_REFLOW);
	assert_int_equal(lines.count, 2);
	text_lines_release(&lines);
}

static void test_wrap_combining_and_wide(void **state)
{
	const char *s = "e" ACUTE "e" ACUTE "e" ACUTE "e" ACUTE;
	struct text_lines lines;
	(void)state;
	wrap_checked(&lines, s, 3, TEXT_REFLOW);
	assert_int_equal(lines.count, 2);
	assert_line(&lines, 0, s, "e" ACUTE "e" ACUTE "e" ACUTE, 0);
	assert_line(&lines, 1, s, "e" ACUTE, 0);
	text_lines_release(&lines);

	/* Five wide characters at an odd width: two per line, never straddling. */
	s = ZHONG ZHONG ZHONG ZHONG ZHONG;
	wrap_checked(&lines, s, 5, TEXT_REFLOW);
	assert_int_equal(lines.count, 3);
	for (size_t i = 0; i < 2; i++)
		assert_int_equal(lines.items[i].width, 4);
	text_lines_release(&lines);

	/* An emoji ZWJ sequence is kept together when it fits. */
	s = GRIN ZWJ GRIN " x";
	wrap_checked(&lines, s, 4, TEXT_REFLOW);
	assert_int_equal(lines.count, 2);
	assert_line(&lines, 0, s, GRIN ZWJ GRIN, 0);
	text_lines_release(&lines);

	/* Invalid bytes are single characters that are never split. */
	s = "\xE4\xB8\xE4\xB8\xE4\xB8";
	text_lines_init(&lines);
	assert_int_equal(text_wrap(&lines, s, strlen(s), 2, TEXT_REFLOW), 0);
	assert_int_equal(lines.count, 2);
	assert_int_equal(lines.items[0].len, 4);
	assert_int_equal(lines.items[1].start, 4);
	text_lines_release(&lines);
}

static void test_wrap_hard_breaks_and_empty(void **state)
{
	struct text_lines lines;
	const char *s = "one\n\ntwo three";
	(void)state;
	wrap_checked(&lines, "", 10, TEXT_REFLOW);
	assert_int_equal(lines.count, 0);
	text_lines_release(&lines);
	wrap_checked(&lines, "", 10, TEXT_PRE);
	assert_int_equal(lines.count, 0);
	text_lines_release(&lines);

	wrap_checked(&lines, "\n\n\n", 10, TEXT_REFLOW);
	assert_int_equal(lines.count, 3);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(lines.items[i].len, 0);
		assert_int_equal(lines.items[i].width, 0);
	}
	text_lines_release(&lines);
	wrap_checked(&lines, "\n", 10, TEXT_PRE);
	assert_int_equal(lines.count, 1);
	text_lines_release(&lines);

	wrap_checked(&lines, s, 5, TEXT_REFLOW);
	assert_int_equal(lines.count, 4);
	assert_line(&lines, 0, s, "one", 0);
	assert_line(&lines, 1, s, "", 0);
	assert_line(&lines, 2, s, "two", 0);
	assert_line(&lines, 3, s, "three", 0);
	text_lines_release(&lines);

	/* A final newline ends the last line rather than starting a new one;
	 * a line of spaces is an empty line. */
	s = "a\n   \nb\n";
	wrap_checked(&lines, s, 5, TEXT_REFLOW);
	assert_int_equal(lines.count, 3);
	assert_line(&lines, 1, s, "", 0);
	assert_line(&lines, 2, s, "b", 0);
	text_lines_release(&lines);

	/* Spaces at a break are dropped, at the start and the end alike. */
	s = "aaa    bbb   ";
	wrap_checked(&lines, s, 4, TEXT_REFLOW);
	assert_int_equal(lines.count, 2);
	assert_line(&lines, 0, s, "aaa", 0);
	assert_line(&lines, 1, s, "bbb", 0);
	text_lines_release(&lines);
}

static void test_wrap_indentation(void **state)
{
	const char *s = "    indented text wraps here";
	struct text_lines lines;
	(void)state;
	wrap_checked(&lines, s, 14, TEXT_REFLOW);
	assert_int_equal(lines.count, 3);
	assert_line(&lines, 0, s, "indented", 4);
	assert_line(&lines, 1, s, "text wraps", 4);
	assert_line(&lines, 2, s, "here", 4);
	assert_int_equal(lines.items[1].width, 14);
	text_lines_release(&lines);

	/* Indentation never takes more than half the width. */
	s = "            deep words";
	wrap_checked(&lines, s, 10, TEXT_REFLOW);
	assert_int_equal(lines.count, 2);
	assert_line(&lines, 0, s, "deep", 5);
	assert_line(&lines, 1, s, "words", 5);
	text_lines_release(&lines);
}

static void test_wrap_list_hanging_indent(void **state)
{
	const char *s = "- tolerance develops to the sedation";
	struct text_lines lines;
	(void)state;
	wrap_checked(&lines, s, 16, TEXT_REFLOW);
	assert_int_equal(lines.count, 3);
	assert_line(&lines, 0, s, "- tolerance", 0);
	assert_line(&lines, 1, s, "develops to", 2);
	assert_line(&lines, 2, s, "the sedation", 2);
	text_lines_release(&lines);

	s = "12. numbered items hang";
	wrap_checked(&lines, s, 12, TEXT_REFLOW);
	assert_line(&lines, 0, s, "12. numbered", 0);
	assert_line(&lines, 1, s, "items", 4);
	assert_line(&lines, 2, s, "hang", 4);
	text_lines_release(&lines);

	s = "  \xE2\x80\xA2  nested bullet text";
	wrap_checked(&lines, s, 16, TEXT_REFLOW);
	assert_int_equal(lines.count, 2);
	assert_line(&lines, 0, s, "\xE2\x80\xA2  nested", 2);
	assert_line(&lines, 1, s, "bullet text", 3 + 2);
	text_lines_release(&lines);

	/* Not a list: no space after the marker. */
	s = "-x yy zz";
	wrap_checked(&lines, s, 5, TEXT_REFLOW);
	assert_line(&lines, 1, s, "zz", 0);
	text_lines_release(&lines);

	/* A long word in a list item breaks at the hanging indent. */
	s = "* abcdefghij";
	wrap_checked(&lines, s, 6, TEXT_REFLOW);
	assert_int_equal(lines.count, 4);
	assert_line(&lines, 0, s, "*", 0);
	assert_line(&lines, 1, s, "abcd", 2);
	assert_line(&lines, 2, s, "efgh", 2);
	assert_line(&lines, 3, s, "ij", 2);
	text_lines_release(&lines);
}

static void test_wrap_pre_never_breaks(void **state)
{
	const char *s = "  GABA-A  <-- benzodiazepines\n\n  GABA-B  <-- baclofen " ZHONG "\n";
	struct text_lines lines;
	(void)state;
	wrap_checked(&lines, s, 5, TEXT_PRE);
	assert_int_equal(lines.count, 3);
	assert_line(&lines, 0, s, "  GABA-A  <-- benzodiazepines", 0);
	assert_int_equal(lines.items[0].width, 29);
	assert_line(&lines, 1, s, "", 0);
	assert_line(&lines, 2, s, "  GABA-B  <-- baclofen " ZHONG, 0);
	assert_int_equal(lines.items[2].width, 25);
	text_lines_release(&lines);
}

/* 2 MB with no space: must be broken between characters in linear time. */
static void test_wrap_huge_word(void **state)
{
	const size_t size = 2u * 1024 * 1024;
	char *s = malloc(size + 1);
	struct text_lines lines;
	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i < size; i++)
		s[i] = (char)('a' + i % 26);
	s[size] = '\0';
	text_lines_init(&lines);
	assert_int_equal(text_wrap(&lines, s, size, 40, TEXT_REFLOW), 0);
	assert_int_equal(lines.count, (size + 39) / 40);
	for (size_t i = 0; i < lines.count; i++) {
		assert_true(lines.items[i].width <= 40);
		assert_int_equal(lines.items[i].start, i * 40);
	}
	assert_int_equal(lines.items[lines.count - 1].len, size % 40);
	text_lines_release(&lines);

	/* The same with wide characters at an odd width, and a long line of words. */
	for (size_t i = 0; i + 3 <= size; i += 3)
		memcpy(s + i, ZHONG, 3);
	s[size - size % 3] = '\0';
	text_lines_init(&lines);
	assert_int_equal(text_wrap(&lines, s, strlen(s), 41, TEXT_REFLOW), 0);
	assert_int_equal(lines.count, (size / 3 + 19) / 20);
	check_wrap_invariants(&lines, s, strlen(s), 41);
	text_lines_release(&lines);

	for (size_t i = 0; i < size; i++)
		s[i] = i % 7 == 6 ? ' ' : 'w';
	s[size] = '\0';
	text_lines_init(&lines);
	assert_int_equal(text_wrap(&lines, s, size, 80, TEXT_REFLOW), 0);
	check_wrap_invariants(&lines, s, size, 80);
	assert_int_equal(lines.items[0].len, 76);
	text_lines_release(&lines);
	free(s);
}

/* Words of 1 MB built to be awkward: one character per line, characters
 * wider than the line, and one base character carrying a megabyte of
 * zero-width marks.  Each must wrap in one pass (a quadratic wrap would not
 * finish) with every line inside its width. */
static void test_wrap_megabyte_degenerate_words(void **state)
{
	const size_t size = 1024u * 1024;
	char *s = malloc(size + 1);
	struct text_lines lines;
	(void)state;
	assert_non_null(s);

	memset(s, 'x', size);
	s[size] = '\0';
	text_lines_init(&lines);
	assert_int_equal(text_wrap(&lines, s, size, 1, TEXT_REFLOW), 0);
	assert_int_equal(lines.count, size);
	check_wrap_invariants(&lines, s, size, 1);
	text_lines_release(&lines);

	/* Emoji at width 1: each gets a line to itself, however wide. */
	for (size_t i = 0; i + 4 <= size; i += 4)
		memcpy(s + i, GRIN, 4);
	text_lines_init(&lines);
	assert_int_equal(text_wrap(&lines, s, size, 1, TEXT_REFLOW), 0);
	assert_int_equal(lines.count, size / 4);
	assert_int_equal(lines.items[0].len, 4);
	assert_int_equal(lines.items[0].width, 2);
	text_lines_release(&lines);

	/* "e" and then combining accents to the end: one column, one line. */
	s[0] = 'e';
	for (size_t i = 1; i + 2 <= size; i += 2)
		memcpy(s + i, ACUTE, 2);
	s[size - 1] = '\0';
	text_lines_init(&lines);
	assert_int_equal(text_wrap(&lines, s, size - 1, 1, TEXT_REFLOW), 0);
	assert_int_equal(lines.count, 1);
	assert_int_equal(lines.items[0].len, size - 1);
	assert_int_equal(lines.items[0].width, 1);
	text_lines_release(&lines);
	assert_int_equal(text_width_n(s, size - 1), 1);

	/* Nothing but zero-width spaces: no columns at all, still one line. */
	for (size_t i = 0; i + 3 <= size; i += 3)
		memcpy(s + i, ZWSP, 3);
	s[size - size % 3] = '\0';
	text_lines_init(&lines);
	assert_int_equal(text_wrap(&lines, s, strlen(s), 80, TEXT_REFLOW), 0);
	assert_int_equal(lines.count, 1);
	assert_int_equal(lines.items[0].width, 0);
	text_lines_release(&lines);
	free(s);
}

/* --- comparing ----------------------------------------------------------- */

static void test_casecmp_and_find(void **state)
{
	const char *hay = "Is Baclofen a BENZO?";
	(void)state;
	assert_int_equal(text_casecmp("Baclofen", "bACLOFEN"), 0);
	assert_int_equal(text_casecmp("", ""), 0);
	assert_true(text_casecmp("abc", "abd") < 0);
	assert_true(text_casecmp("abd", "ABC") > 0);
	assert_true(text_casecmp("ab", "abc") < 0);
	assert_true(text_casecmp("abc", "ab") > 0);
	/* Non-ASCII compares byte for byte, unfolded. */
	assert_true(text_casecmp("\xC3\xA9", "\xC3\x89") != 0);
	assert_int_equal(text_casecmp("caf\xC3\xA9", "CAF\xC3\xA9"), 0);

	assert_ptr_equal(text_find_nocase(hay, "benzo"), hay + 14);
	assert_ptr_equal(text_find_nocase(hay, "BACLOFEN"), hay + 3);
	assert_ptr_equal(text_find_nocase(hay, ""), hay);
	assert_ptr_equal(text_find_nocase(hay, "?"), hay + 19);
	assert_null(text_find_nocase(hay, "diazepam"));
	assert_null(text_find_nocase(hay, "benzo?!"));
	assert_null(text_find_nocase("", "a"));
	hay = "x " ZHONG "Y";
	assert_ptr_equal(text_find_nocase(hay, ZHONG "y"), hay + 2);
}

static int fold_reference(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* The obvious definition, to check the screened search against. */
static const char *find_reference(const char *hay, size_t len, const char *needle, size_t nlen)
{
	for (size_t i = 0; i + nlen <= len; i++) {
		size_t k = 0;
		while (k < nlen && fold_reference((unsigned char)hay[i + k]) == fold_reference((unsigned char)needle[k]))
			k++;
		if (k == nlen)
			return hay + i;
	}
	return NULL;
}

/* Matches at every offset (so on both sides of each 16-byte block), at the
 * very end, cut off by the length, and near-misses on bytes that differ from a
 * letter only in bit 0x20 ('@' and '`', '[' and '{', 0xC1 and 0xE1). */
static void test_find_nocase_n_everywhere(void **state)
{
	static const char alphabet[] = "aAbB@`[{ \xC1\xE1-";
	char hay[80], needle[8];
	unsigned seed = 12345;
	(void)state;
	for (int round = 0; round < 4000; round++) {
		size_t len = (size_t)(round % 70), nlen = 1 + (size_t)(round % 5);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			hay[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
		}
		hay[len] = 'Z';	/* past the length: must never be part of a match */
		for (size_t i = 0; i < nlen; i++) {
			seed = seed * 1103515245u + 12345u;
			needle[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
		}
		assert_ptr_equal(text_find_nocase_n(hay, len, needle, nlen), find_reference(hay, len, needle, nlen));
	}
	const char *long_hay = "0123456789abcdef0123456789ABCDEF0123456789abcdefXYZ";
	for (size_t at = 0; at + 3 <= strlen(long_hay); at++) {
		char three[4] = { long_hay[at], long_hay[at + 1], long_hay[at + 2], '\0' };
		assert_ptr_equal(text_find_nocase_n(long_hay, strlen(long_hay), three, 3),
				 find_reference(long_hay, strlen(long_hay), three, 3));
	}
	assert_ptr_equal(text_find_nocase_n(long_hay, 51, "xyz", 3), long_hay + 48);
	assert_null(text_find_nocase_n(long_hay, 50, "xyz", 3));
	assert_ptr_equal(text_find_nocase_n(long_hay, 0, "", 0), long_hay);
}

static void test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(text_edit_distance("kitten", "sitting", 10), 3);
	assert_int_equal(text_edit_distance("", "", 5), 0);
	assert_int_equal(text_edit_distance("", "abc", 5), 3);
	assert_int_equal(text_edit_distance("abc", "", 5), 3);
	assert_int_equal(text_edit_distance("Baclofen", "BACLOFEN", 0), 0);
	assert_int_equal(text_edit_distance("baclofn", "baclofen", 2), 1);
	assert_int_equal(text_edit_distance("diazepm", "diazepam", 2), 1);
	assert_int_equal(text_edit_distance("flaw", "lawn", 5), 2);
	/* Giving up: limit + 1 once the distance is past the limit. */
	assert_int_equal(text_edit_distance("kitten", "sitting", 2), 3);
	assert_int_equal(text_edit_distance("kitten", "sitting", 1), 2);
	assert_int_equal(text_edit_distance("a", "abcdefgh", 3), 4);
	assert_int_equal(text_edit_distance("xyz", "baclofen", 0), 1);
	/* A multi-byte character is one edit. */
	assert_int_equal(text_edit_distance("caf\xC3\xA9", "cafe", 5), 1);
	assert_int_equal(text_edit_distance(ZHONG, GRIN, 5), 1);
	assert_int_equal(text_edit_distance("a\xFF", "a\xFE", 5), 1);
	assert_int_equal(text_edit_distance("a\xFF", "a\xFF", 5), 0);
}

static void test_suggest(void **state)
{
	static const char *const drugs[] = { "baclofen", "diazepam", "tizanidine", "gabapentin", "zolpidem" };
	static const char *const keys[] = { "mechanism", "uses", "side_effects", "summary", "sources" };
	static const char *const ties[] = { "cat", "bat", "hat" };
	static const char *const with_null[] = { NULL, "baclofen" };
	(void)state;
	assert_string_equal(text_suggest("baclofn", drugs, 5), "baclofen");
	assert_string_equal(text_suggest("diazepm", drugs, 5), "diazepam");
	assert_string_equal(text_suggest("Zolpidem", drugs, 5), "zolpidem");
	assert_string_equal(text_suggest("tizandine", drugs, 5), "tizanidine");
	assert_null(text_suggest("xyz", drugs, 5));
	assert_null(text_suggest("", drugs, 5));
	assert_null(text_suggest("baclofn", drugs, 0));
	/* A prefix is close enough, the shortest completion first. */
	assert_string_equal(text_suggest("gaba", drugs, 5), "gabapentin");
	assert_string_equal(text_suggest("s", keys, 5), "summary");
	assert_string_equal(text_suggest("sid", keys, 5), "side_effects");
	assert_string_equal(text_suggest("mechansim", keys, 5), "mechanism");
	assert_null(text_suggest("dosage", keys, 5));
	/* Ties go to the earlier candidate. */
	assert_string_equal(text_suggest("mat", ties, 3), "cat");
	assert_string_equal(text_suggest("baclofem", with_null, 2), "baclofen");
}

/* FNV-1a: the published values, and the case-folded variant agreeing with
 * text_casecmp. */
static void test_split(void **state)
{
	(void)state;
	char s[] = "a|bc||d", e[] = "", n[] = "x\ny\nz";
	char *parts[3];

	assert_int_equal(text_split(s, '|', parts, 3), 3);
	assert_string_equal(parts[0], "a");
	assert_string_equal(parts[1], "bc");
	assert_string_equal(parts[2], "");	/* the limit: "d" is not reached */
	assert_int_equal(text_split(e, '|', parts, 3), 1);
	assert_string_equal(parts[0], "");
	assert_int_equal(text_split(n, '\n', parts, 3), 3);
	assert_string_equal(parts[2], "z");
	assert_int_equal(text_split(n, '\n', parts, 0), 0);
}

/* Under ASan or valgrind a string left behind is a leak and fails the run. */
static void test_free_list(void **state)
{
	(void)state;
	char **list = calloc(2, sizeof *list);

	assert_non_null(list);
	list[0] = strdup("one");
	list[1] = strdup("two");
	text_free_list(list, 2);
	text_free_list(NULL, 0);
}

static void test_hash(void **state)
{
	(void)state;
	assert_true(text_hash("") == 0xcbf29ce484222325ULL);
	assert_true(text_hash("a") == 0xaf63dc4c8601ec8cULL);
	assert_true(text_hash("baclofen") == 0xefe68c35d15dbe55ULL);
	assert_true(text_hash_nocase("BaClOfEn") == text_hash("baclofen"));
	assert_true(text_hash_nocase("\xC3\x89") == text_hash("\xC3\x89"));	/* non-ASCII as it is */
	assert_false(text_hash("Baclofen") == text_hash("baclofen"));
}

static void hex_control(FILE *out, unsigned char byte)
{
	fprintf(out, "<%02X>", byte);
}

/* Escapes by table, UTF-8 untouched, controls through the callback or dropped. */
static void test_write_escaped(void **state)
{
	(void)state;
	static const char *const escapes[128] = { ['&'] = "&amp;", ['\n'] = "\\n" };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_non_null(out);
	text_write_escaped(out, "a&b\n\xce\xb1\r\x7f.", escapes, hex_control);
	fputc('|', out);
	text_write_escaped(out, "a&b\r\x7f.", escapes, NULL);
	fputc('|', out);
	text_write_escaped(out, NULL, escapes, NULL);
	fclose(out);
	assert_string_equal(buf, "a&amp;b\\n\xce\xb1<0D><7F>.|a&amp;b.|");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_write_escaped),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_free_list),
		cmocka_unit_test(test_decode_invalid),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_valid_and_bad_offset),
		cmocka_unit_test(test_char_count),
		cmocka_unit_test(test_codepoint_width),
		cmocka_unit_test(test_string_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_clean_plain_text_unchanged),
		cmocka_unit_test(test_clean_tabs),
		cmocka_unit_test(test_clean_escape_sequences),
		cmocka_unit_test(test_clean_controls_and_line_ends),
		cmocka_unit_test(test_clean_and_validate_every_byte_everywhere),
		cmocka_unit_test(test_clean_invalid_utf8),
		cmocka_unit_test(test_clean_list),
		cmocka_unit_test(test_make_printable),
		cmocka_unit_test(test_unfold_paragraphs),
		cmocka_unit_test(test_unfold_lists_and_indentation),
		cmocka_unit_test(test_wrap_words),
		cmocka_unit_test(test_wrap_appends),
		cmocka_unit_test(test_wrap_width_one_and_two),
		cmocka_unit_test(test_wrap_combining_and_wide),
		cmocka_unit_test(test_wrap_hard_breaks_and_empty),
		cmocka_unit_test(test_wrap_indentation),
		cmocka_unit_test(test_wrap_list_hanging_indent),
		cmocka_unit_test(test_wrap_pre_never_breaks),
		cmocka_unit_test(test_wrap_huge_word),
		cmocka_unit_test(test_wrap_megabyte_degenerate_words),
		cmocka_unit_test(test_wrap_url_at_slash),
		cmocka_unit_test(test_casecmp_and_find),
		cmocka_unit_test(test_find_nocase_n_everywhere),
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_hash),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
