/* text — UTF-8, display width, cleaning and word-wrap.
 *
 * Everything that turns card text into terminal cells goes through here, so
 * that width, wrapping and sanitising rules live in one place.  Display width
 * comes from wcwidth(): the caller must have set an LC_CTYPE with UTF-8
 * (setlocale(LC_ALL, "") under a UTF-8 locale, or "C.UTF-8" in tests).
 * Functions never print; allocation failures return -1 / NULL.
 */
#ifndef RXPLORE_TEXT_H
#define RXPLORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* --- UTF-8 ------------------------------------------------------------- */

/* Decodes one code point from s (at most len bytes).  Returns the bytes used
 * (1..4), or -1 for an invalid or truncated sequence (overlong forms,
 * surrogates and values above U+10FFFF are invalid). */
int text_utf8_decode(const char *s, size_t len, uint32_t *codepoint);

/* Like text_utf8_decode, but never fails: an invalid sequence reads as one
 * U+FFFD spanning its maximal invalid part (as text_clean replaces it), so
 * widths agree before and after cleaning.  Returns the bytes used (>= 1);
 * len must be > 0. */
size_t text_next_char(const char *s, size_t len, uint32_t *codepoint);

/* Encodes a code point; returns the bytes written (1..4), or 0 if invalid. */
int text_utf8_encode(uint32_t codepoint, char out[4]);

/* True if s[0..len) is valid UTF-8; otherwise false and *bad_offset (if not
 * NULL) is the byte offset of the first invalid sequence. */
bool text_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* Number of code points in s[0..len) (valid UTF-8 assumed; invalid bytes
 * count as one each).  Used for 1-based character columns in diagnostics. */
size_t text_char_count(const char *s, size_t len);

/* --- width --------------------------------------------------------------- */

/* Terminal columns a code point takes: 2 for wide (CJK, most emoji), 0 for
 * combining and zero-width characters, 1 otherwise.  Control characters: 0. */
int text_codepoint_width(uint32_t codepoint);

/* Display width of s[0..len) / of a NUL-terminated string. */
int text_width_n(const char *s, size_t len);
int text_width(const char *s);

/* The length in bytes of the longest prefix of s[0..len) that fits in
 * max_cols columns without splitting a character; *cols (may be NULL) gets
 * its width.  Zero-width characters following the last fitting character are
 * included, so combining accents stay with their base. */
size_t text_fit(const char *s, size_t len, int max_cols, int *cols);

/* --- cleaning (done once, at load) --------------------------------------- */

/* Bytes needed by text_clean() for this input, including the NUL. */
size_t text_clean_size(const char *in, size_t len);

/* Copies in[0..len) to out, which must hold text_clean_size() bytes:
 * removes C0 controls except newline and tab, CR, DEL, C1 controls (U+0080..
 * U+009F) and bidi controls (U+202A..U+202E, U+2066..U+2069); expands tabs
 * to stops of 8 display columns; replaces invalid UTF-8 with U+FFFD.  Returns
 * the length written (out is NUL-terminated). */
size_t text_clean(const char *in, size_t len, char *out);

/* Whether s[0..len) is something text_clean() could have written: valid
 * UTF-8 without a character it removes, and without a tab (it expands
 * them).  For text read back from a file rxplore wrote itself (the pack
 * cache), which is checked rather than trusted. */
bool text_is_clean(const char *s, size_t len);

/* Whether s[0..len) is a list of NUL-terminated strings (empty, or ending
 * in a NUL), each of which text_is_clean() passes: the strings of a pack
 * cache, checked in one pass rather than one call each. */
bool text_is_clean_list(const char *s, size_t len);

/* For text that is shown but cannot simply lose characters (file names,
 * diagnostics quoting a file): replaces, in place, each character
 * text_clean() would remove -- tab and newline included -- and each invalid
 * UTF-8 sequence with '?'.  The string never grows. */
void text_make_printable(char *s);

/* Unfolds prose in place: a single newline inside a paragraph becomes a space,
 * so authors may wrap their source lines.  Kept as real line breaks: blank
 * lines (paragraph breaks), a newline before a line that starts with a list
 * marker ("- ", "* ", "• ", or digits followed by ". " or ") ") or with
 * indentation, and a newline after a blank line.  Trailing white space of each
 * line and trailing newlines of the text are removed.  Returns the new length. */
size_t text_unfold(char *s);

/* Whether s is NULL or holds only spaces and newlines (cleaned text has no
 * tabs or other controls). */
bool text_blank(const char *s);

/* Splits s in place at each sep (each becomes '\0'): parts[] points at the
 * pieces, at most max of them (what follows the max-th is left out).
 * Returns how many; an empty s is one empty piece. */
size_t text_split(char *s, char sep, char **parts, size_t max);

/* Frees list[0..count) and list itself: an owned array of owned strings. */
void text_free_list(char **list, size_t count);

/* --- wrapping ------------------------------------------------------------ */

enum text_flow {
	TEXT_REFLOW,	/* prose: wrap words to the width */
	TEXT_REFLOW_HYPHENATE,	/* as TEXT_REFLOW, and a broken word shows a hyphen */
	TEXT_PRE	/* preformatted: one output line per input line, never re-wrapped */
};

/* One display line: the bytes s[start .. start+len), drawn after `indent`
 * blank columns, then a "-" when `hyphen` is set (a word goes on on the next
 * line), taking `width` columns in all (indent and hyphen included). */
struct text_line {
	size_t start, len;
	int indent;
	int width;
	bool hyphen;
};

struct text_lines {
	struct text_line *items;
	size_t count, alloc;
};

void text_lines_init(struct text_lines *lines);
void text_lines_release(struct text_lines *lines);

/* Appends the display lines of s[0..len) at the given width (>= 1) to lines.
 * Each newline is a hard break; an empty input line gives an empty output
 * line.  TEXT_REFLOW breaks at spaces, drops the spaces at a break, breaks a
 * word wider than the line between characters (never inside one), keeps the
 * leading indentation of a line, and indents the continuation lines of a list
 * item ("- ", "* ", "• ", "1. ") under its text.  TEXT_REFLOW_HYPHENATE leaves
 * room for a hyphen on every piece of a broken word but the last, and sets
 * the line's `hyphen`: the reader then sees that the word goes on (a table
 * cell cut mid-word otherwise reads as two words).  Runs in time linear in len.
 * TEXT_PRE never breaks a line (the caller clips or scrolls).  Returns 0, or
 * -1 when out of memory. */
int text_wrap(struct text_lines *lines, const char *s, size_t len, int width, enum text_flow flow);

/* --- comparing ----------------------------------------------------------- */

/* ASCII case-insensitive comparison / substring search (UTF-8 passes through
 * byte for byte).  text_find_nocase returns a pointer into haystack or NULL;
 * the _n form takes the lengths (the haystack need not end in a NUL). */
int text_casecmp(const char *a, const char *b);

/* The index of name in names[0..count) (exact match; NULL entries are
 * skipped), or -1: the parser of every fixed set of words. */
int text_pick(const char *name, const char *const *names, size_t count);

/* --- hashing ----------------------------------------------------------- */

/* 64-bit FNV-1a, the one hash of rxplore: its tables and the stable parts
 * of question ids (card_question_hash) and choice orders.  Stored progress
 * is keyed by such ids, so the values must never change. */
#define TEXT_HASH_START 0xcbf29ce484222325ULL
static inline uint64_t text_hash_byte(uint64_t hash, unsigned char byte)
{
	return (hash ^ byte) * 0x100000001b3ULL;
}
uint64_t text_hash(const char *s);
/* The hash of s with ASCII letters lower-cased: equal for strings that
 * text_casecmp() calls equal. */
uint64_t text_hash_nocase(const char *s);
const char *text_find_nocase(const char *haystack, const char *needle);
const char *text_find_nocase_n(const char *haystack, size_t len, const char *needle, size_t nlen);

/* Levenshtein distance between a and b (case-insensitive), giving up and
 * returning limit + 1 once it exceeds limit. */
size_t text_edit_distance(const char *a, const char *b, size_t limit);

/* The candidate closest to word for a "did you mean" hint, or NULL when none
 * is close enough (distance at most max(1, strlen(word) / 3), or a candidate
 * that starts with word).  Ties go to the earlier candidate. */
const char *text_suggest(const char *word, const char *const *candidates, size_t count);

/* The one escaping writer, for the export formats: each byte of text goes
 * to out as escape[byte] where that is set (ASCII only), else a control
 * character (below 0x20, and 0x7F) through control(out, byte), dropped when
 * control is NULL, else the byte itself.  UTF-8 passes through untouched. */
void text_write_escaped(FILE *out, const char *text, const char *const escape[128],
			void (*control)(FILE *out, unsigned char byte));

#endif
