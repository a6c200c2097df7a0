/* text — UTF-8, display width, cleaning and word-wrap (see include/text.h);
 * matching words is text_compare.c. */
#include "text.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define REPLACEMENT_CHARACTER 0xFFFDu

/* --- UTF-8 ------------------------------------------------------------- */

int text_utf8_decode(const char *s, size_t len, uint32_t *codepoint)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp, min;
	int extra;

	if (len == 0)
		return -1;
	if (u[0] < 0x80) {
		if (codepoint)
			*codepoint = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		extra = 1, cp = u[0] & 0x1Fu, min = 0x80;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		extra = 2, cp = u[0] & 0x0Fu, min = 0x800;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		extra = 3, cp = u[0] & 0x07u, min = 0x10000;
	} else {
		return -1;
	}
	if (len <= (size_t)extra)
		return -1;
	for (int i = 1; i <= extra; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return -1;
		cp = cp << 6 | (u[i] & 0x3Fu);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	if (codepoint)
		*codepoint = cp;
	return extra + 1;
}

int text_utf8_encode(uint32_t codepoint, char out[4])
{
	if (codepoint < 0x80) {
		out[0] = (char)codepoint;
		return 1;
	}
	if (codepoint < 0x800) {
		out[0] = (char)(0xC0 | codepoint >> 6);
		out[1] = (char)(0x80 | (codepoint & 0x3F));
		return 2;
	}
	if (codepoint >= 0xD800 && codepoint <= 0xDFFF)
		return 0;
	if (codepoint < 0x10000) {
		out[0] = (char)(0xE0 | codepoint >> 12);
		out[1] = (char)(0x80 | (codepoint >> 6 & 0x3F));
		out[2] = (char)(0x80 | (codepoint & 0x3F));
		return 3;
	}
	if (codepoint > 0x10FFFF)
		return 0;
	out[0] = (char)(0xF0 | codepoint >> 18);
	out[1] = (char)(0x80 | (codepoint >> 12 & 0x3F));
	out[2] = (char)(0x80 | (codepoint >> 6 & 0x3F));
	out[3] = (char)(0x80 | (codepoint & 0x3F));
	return 4;
}

/* Unicode's "maximal subpart" of an ill-formed sequence: a truncated but
 * otherwise well-formed prefix becomes a single U+FFFD, as terminals and
 * browsers show it, rather than one per byte.  Only called after decoding failed. */
static size_t invalid_length(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xBF;
	size_t extra, i;

	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		extra = 1;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		extra = 2;
		lo = u[0] == 0xE0 ? 0xA0 : 0x80;
		hi = u[0] == 0xED ? 0x9F : 0xBF;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		extra = 3;
		lo = u[0] == 0xF0 ? 0x90 : 0x80;
		hi = u[0] == 0xF4 ? 0x8F : 0xBF;
	} else {
		return 1;
	}
	for (i = 1; i <= extra && i < len; i++) {
		if (u[i] < lo || u[i] > hi)
			break;
		lo = 0x80, hi = 0xBF;
	}
	return i;
}

/* Decodes the next character for display: an invalid sequence stands for the
 * U+FFFD that text_clean() would put in its place. */
size_t text_next_char(const char *s, size_t len, uint32_t *codepoint)
{
	int used = text_utf8_decode(s, len, codepoint);

	if (used > 0)
		return (size_t)used;
	*codepoint = REPLACEMENT_CHARACTER;
	return invalid_length(s, len);
}

/* --- eight bytes at a time ----------------------------------------------
 * Card text is nearly all printable ASCII, and every loaded byte is checked
 * (UTF-8) and cleaned (controls, tabs): deciding that for a word of eight
 * bytes at once made loading about a tenth faster. */

#define BYTES_01 0x0101010101010101u
#define BYTES_80 0x8080808080808080u

static uint64_t load_word(const char *s)
{
	uint64_t w;

	memcpy(&w, s, sizeof w);
	return w;
}

/* Whether a byte of w is below 0x20 or above 0x7E (the "hasless" and
 * "hasmore" tests: exact for the word as a whole, not for each byte). */
static bool has_unprintable(uint64_t w)
{
	return (((w - 0x20 * (uint64_t)BYTES_01) & ~w) | ((w + (uint64_t)BYTES_01) | w)) & (uint64_t)BYTES_80;
}

/* Length of the run of printable ASCII (0x20..0x7E) at the start of s.
 * Sixteen bytes a step where SSE2 is there (every x86-64): a warm start
 * checks every string of a pack cache with it before the first paint, and
 * at eight bytes a step that was a third of the start's instructions. */
static size_t printable_ascii_run(const char *s, size_t len)
{
	size_t i = 0;

#if defined(__SSE2__)
	/* Signed bytes: 0x80..0xFF are negative, so one "less than 0x20" test
	 * takes both the controls and every non-ASCII byte. */
	const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F);

	while (i + 16 <= len) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));

		if (_mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del))))
			break;
		i += 16;
	}
#endif
	while (i + 8 <= len && !has_unprintable(load_word(s + i)))
		i += 8;
	while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F)
		i++;
	return i;
}

bool text_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
	size_t pos = 0;

	while (pos < len) {
		if (pos + 8 <= len && (load_word(s + pos) & (uint64_t)BYTES_80) == 0) {
			pos += 8;
			continue;
		}
		if ((unsigned char)s[pos] < 0x80) {
			pos++;
			continue;
		}
		int used = text_utf8_decode(s + pos, len - pos, NULL);

		if (used < 0) {
			if (bad_offset)
				*bad_offset = pos;
			return false;
		}
		pos += (size_t)used;
	}
	return true;
}

size_t text_char_count(const char *s, size_t len)
{
	size_t pos = 0, count = 0;

	while (pos < len) {
		int used = text_utf8_decode(s + pos, len - pos, NULL);

		pos += used > 0 ? (size_t)used : 1;
		count++;
	}
	return count;
}

/* --- width --------------------------------------------------------------- */

/* Format and joiner characters that older C libraries report as printable or
 * unknown but that terminals draw in no cells. */
static bool is_zero_width_format(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E)
		|| (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F)
		|| cp == 0xFEFF || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

int text_codepoint_width(uint32_t codepoint)
{
	int width;

	if (codepoint >= 0x20 && codepoint < 0x7F)
		return 1;
	if (codepoint < 0x20 || (codepoint >= 0x7F && codepoint <= 0x9F) || codepoint > 0x10FFFF)
		return 0;
	if (is_zero_width_format(codepoint))
		return 0;
	width = wcwidth((wchar_t)codepoint);
	return width < 0 ? 0 : width;
}

int text_width_n(const char *s, size_t len)
{
	size_t pos = 0;
	long long cols = 0;

	while (pos < len) {
		uint32_t cp;

		pos += text_next_char(s + pos, len - pos, &cp);
		cols += text_codepoint_width(cp);
	}
	return cols > INT_MAX ? INT_MAX : (int)cols;
}

int text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

size_t text_fit(const char *s, size_t len, int max_cols, int *cols)
{
	size_t pos = 0;
	int used = 0;

	while (pos < len) {
		uint32_t cp;
		size_t n = text_next_char(s + pos, len - pos, &cp);
		int w = text_codepoint_width(cp);

		if (w > max_cols - used)
			break;
		used += w;
		pos += n;
	}
	if (cols)
		*cols = used;
	return pos;
}

/* --- cleaning ------------------------------------------------------------ */

static bool is_removed_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E)
		|| (cp >= 0x2066 && cp <= 0x2069);
}

static bool passes_unread(unsigned char c, bool nul_ok)
{
	return (c >= 0x20 && c < 0x7F) || c == '\n' || (nul_ok && c == '\0');
}

/* Length of the run at the start of s of bytes text_is_clean() passes
 * without decoding: printable ASCII, newlines and, with nul_ok, NULs (the
 * ends of the strings of a list).  Sixteen bytes a step with SSE2. */
static size_t clean_ascii_run(const char *s, size_t len, bool nul_ok)
{
	size_t i = 0;

	for (;;) {
#if defined(__SSE2__)
		/* Signed bytes: one "less than 0x20" test takes the controls and
		 * every non-ASCII byte; newline and (with nul_ok) NUL are then let
		 * through. */
		const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F), newline = _mm_set1_epi8('\n');
		const __m128i nul = nul_ok ? _mm_setzero_si128() : newline;
#define UNREAD_BAD(v)                                                                                        \
	_mm_or_si128(_mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, nul)),       \
				      _mm_cmplt_epi8(v, space)),                                               \
		     _mm_cmpeq_epi8(v, del))
#define UNREAD_LOAD(at) _mm_loadu_si128((const __m128i *)(const void *)(s + (at)))

		/* 64 bytes a step while nothing stops the run (a pack cache's
		 * strings are megabytes), then 16 to find the stride that does. */
		while (i + 64 <= len) {
			__m128i bad = _mm_or_si128(_mm_or_si128(UNREAD_BAD(UNREAD_LOAD(i)), UNREAD_BAD(UNREAD_LOAD(i + 16))),
						   _mm_or_si128(UNREAD_BAD(UNREAD_LOAD(i + 32)),
								UNREAD_BAD(UNREAD_LOAD(i + 48))));

			if (_mm_movemask_epi8(bad))
				break;
			i += 64;
		}
		while (i + 16 <= len) {
			if (_mm_movemask_epi8(UNREAD_BAD(UNREAD_LOAD(i))))
				break;
			i += 16;
		}
#undef UNREAD_LOAD
#undef UNREAD_BAD
#else
		while (i + 8 <= len) {
			if (has_unprintable(load_word(s + i)))
				break;
			i += 8;
		}
#endif
		/* Up to the byte that stopped the run, or the next stride. */
		size_t stop = len - i > 16 ? i + 16 : len;
		while (i < stop && passes_unread((unsigned char)s[i], nul_ok))
			i++;
		if (i < stop || i == len)
			return i;
	}
}

static bool is_clean(const char *s, size_t len, bool nul_ok)
{
	size_t pos = 0;

	while (pos < len) {
		pos += clean_ascii_run(s + pos, len - pos, nul_ok);
		if (pos == len)
			break;
		uint32_t cp;
		int used = text_utf8_decode(s + pos, len - pos, &cp);

		if (used < 0 || cp == '\t' || is_removed_control(cp))
			return false;
		pos += (size_t)used;
	}
	return true;
}

bool text_is_clean(const char *s, size_t len)
{
	return is_clean(s, len, false);
}

bool text_is_clean_list(const char *s, size_t len)
{
	return (len == 0 || s[len - 1] == '\0') && is_clean(s, len, true);
}

void text_make_printable(char *s)
{
	size_t len = strlen(s), in = 0, out = 0;

	while (in < len) {
		uint32_t cp;
		int used = text_utf8_decode(s + in, len - in, &cp);
		size_t n = used > 0 ? (size_t)used : text_next_char(s + in, len - in, &cp);

		if (used < 0 || is_removed_control(cp)) {
			s[out++] = '?';
		} else {
			memmove(s + out, s + in, n);
			out += n;
		}
		in += n;
	}
	s[out] = '\0';
}

/* One pass serves both text_clean_size() (out == NULL) and text_clean(), so
 * the size can never disagree with what is written. */
static size_t clean_run(const char *in, size_t len, char *out)
{
	size_t pos = 0, written = 0, column = 0;

	while (pos < len) {
		/* Most card text is printable ASCII: copy such runs whole. */
		size_t run = pos + printable_ascii_run(in + pos, len - pos);
		if (run > pos) {
			if (out)
				memcpy(out + written, in + pos, run - pos);
			written += run - pos;
			column += run - pos;
			pos = run;
			continue;
		}
		if (in[pos] == '\n') {	/* every line of a literal block ends here */
			if (out)
				out[written] = '\n';
			written++;
			column = 0;
			pos++;
			continue;
		}
		uint32_t cp;
		char buf[4];
		const char *bytes = in + pos;
		int used = text_utf8_decode(in + pos, len - pos, &cp);
		size_t n;

		if (used > 0) {
			n = (size_t)used;
		} else {
			cp = REPLACEMENT_CHARACTER;
			used = (int)invalid_length(in + pos, len - pos);
			n = (size_t)text_utf8_encode(cp, buf);
			bytes = buf;
		}
		pos += (size_t)used;
		if (cp == '\t') {
			size_t spaces = 8 - column % 8;

			if (out)
				memset(out + written, ' ', spaces);
			written += spaces;
			column += spaces;
			continue;
		}
		if (cp == '\n')
			column = 0;
		else if (is_removed_control(cp))
			continue;
		else
			column += (size_t)text_codepoint_width(cp);
		if (out)
			memcpy(out + written, bytes, n);
		written += n;
	}
	if (out)
		out[written] = '\0';
	return written;
}

size_t text_clean_size(const char *in, size_t len)
{
	return clean_run(in, len, NULL) + 1;
}

size_t text_clean(const char *in, size_t len, char *out)
{
	return clean_run(in, len, out);
}

void text_write_escaped(FILE *out, const char *text, const char *const escape[128],
			void (*control)(FILE *out, unsigned char byte))
{
	for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p; p++) {
		if (*p < 128 && escape[*p])
			fputs(escape[*p], out);
		else if (*p >= 0x20 && *p != 0x7F)
			fputc(*p, out);
		else if (control)
			control(out, *p);
	}
}

bool text_blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\n')
			return false;
	return true;
}

size_t text_split(char *s, char sep, char **parts, size_t max)
{
	size_t n = 0;
	for (char *p = s; p && n < max;) {
		parts[n++] = p;
		p = strchr(p, sep);
		if (p)
			*p++ = '\0';
	}
	return n;
}

void text_free_list(char **list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(list[i]);
	free(list);
}
