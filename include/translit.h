/* translit — UTF-8 text as ASCII of the same meaning, and the folded form
 * every look-up matches on.
 *
 * One table serves three needs: card text on a terminal whose charset is not
 * UTF-8 (α → alpha, K⁺ → K+, — → --, → → ->, ≤ → <=), the program's own
 * messages there, and matching what people type against what authors wrote
 * (text_fold: "K+" finds K⁺, "alpha2" finds α2, "gaba a" finds GABA-A).
 * A character the table does not know becomes '?': never raw bytes, never
 * dropped.  Only invisible characters (combining accents after their base
 * letter, zero-width joiners, variation selectors, soft hyphens) produce
 * nothing.  Functions never print and never allocate.
 */
#ifndef RXPLORE_TRANSLIT_H
#define RXPLORE_TRANSLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The longest ASCII a single character becomes, including a leading '^'. */
#define TRANSLIT_MAX 12

/* The ASCII for the character at s[0..len) (len > 0): writes it to out (not
 * NUL-terminated), sets *out_len, and returns the bytes of s it stands for
 * (>= 1; an invalid sequence reads as one '?').  previous is the code point
 * before it (0 at the start): a superscript digit or sign right after a digit
 * gets a '^' ("10⁻⁶" → "10^-6", but "Ca²⁺" → "Ca2+").  The character after it
 * decides μ/µ: before a unit letter it is micro ("µg", "μmol/L" → "ug",
 * "umol/L"), anywhere else the Greek letter ("μ-opioid" → "mu-opioid"). */
size_t translit_char(const char *s, size_t len, uint32_t previous, char out[TRANSLIT_MAX], size_t *out_len);

/* Whether the table spells the character at s[0..len) (false for '?'s
 * that stand for an unknown character or an invalid sequence).  Folding
 * keeps such characters as they are, so "受容体" still finds itself. */
bool translit_known(const char *s, size_t len);

/* For the unit tests: whether the table is in code point order. */
bool translit_table_sorted(void);

/* Whether s[0..len) has a byte >= 0x80 (anything to transliterate). */
bool translit_needed(const char *s, size_t len);

/* The ASCII form of s[0..len): out == NULL measures (returns the length,
 * NUL not counted); otherwise out must hold that length + 1 and is
 * NUL-terminated. */
size_t translit_text(const char *s, size_t len, char *out);

/* translit_text for preformatted text (diagrams): where a character's ASCII
 * is wider than the character ("→" → "->"), the spaces after it give up the
 * extra columns (one space always stays); where it is narrower (a wide
 * character → "?"), spaces are added, so the columns still line up. */
size_t translit_preformatted(const char *s, size_t len, char *out);

/* --- folding: the form look-ups compare --------------------------------- */

/* The folded form of s[0..len): the ASCII form, lower-cased, without white
 * space, sentence punctuation, quotes and brackets ("Is it a benzo?" and
 * "is it a benzo" are one name), and without a hyphen or dash that joins two letters or digits
 * ("GABA-A", "GABA A", "gabaa" → "gabaa"; "Cl⁻ channel" → "cl-channel").
 * Greek letters fold to their names ("α2" → "alpha2"), so "a2" does not
 * match "α2"; a character the table cannot spell stays as it is.  One exception to lower case: a letter right after a dropped
 * space or dash is upper case, marking the word boundary ("GABA-A receptor"
 * → "gabaAReceptor"), so folded strings are compared case-insensitively.
 * out == NULL measures (returns the length, NUL not counted); otherwise out
 * holds that length + 1 and is NUL-terminated. */
size_t text_fold(const char *s, size_t len, char *out);

/* Whether a match of the folded query[0..query_len) at folded[at] is one a
 * person meant.  A match inside one word always is.  One that runs across a
 * word boundary of the text must start at a word boundary and end at one,
 * unless the query's own last word (after a space the person typed) is two
 * or more letters, which may be the start of the text's word: "gabaa" and
 * "gaba a" find "GABA-A receptor" but not "GABA as"; "gaba rec" finds
 * "GABA receptor".  folded[0..len) is a text_fold() result. */
/* The folded form of the string s in small (small_size bytes) when it fits,
 * else in a new heap buffer: the one way to fold a query or name for a
 * look-up.  *len (if not NULL) gets its length.  NULL when out of memory.
 * Give the result back with text_fold_release(result, small). */
char *text_fold_buffer(const char *s, char *small, size_t small_size, size_t *len);
void text_fold_release(char *folded, const char *small);

struct arena;
/* The folded form of the string s, kept in arena; NULL when out of memory. */
char *text_fold_arena(struct arena *arena, const char *s);

bool text_fold_boundary(const char *folded, size_t len, size_t at, const char *query, size_t query_len);

/* Private to fold.c: the state of folding one string a character at a time. */
struct fold_state {
	uint32_t previous;	/* the code point before */
	char last;		/* the last ASCII byte before folding */
	bool dash_pending;	/* a '-' after a letter or digit, kept only if no letter or digit follows */
	bool gap;		/* a space or dash was dropped since the last byte out */
	bool started;		/* a byte has been put out */
	size_t dash_at, dash_next;
};
struct fold_batch {
	char bytes[TRANSLIT_MAX + 1];
	size_t at[TRANSLIT_MAX + 1], next[TRANSLIT_MAX + 1];	/* each byte's source character */
	size_t count;
};

/* Walks s alongside its folded form to turn folded offsets back into
 * offsets in s (to highlight what a folded match found).  Offsets asked for
 * must not decrease. */
struct fold_cursor {
	const char *s;
	size_t len, pos;
	struct fold_state state;
	struct fold_batch batch;
	size_t batch_base;	/* folded offset of batch.bytes[0] */
};

void fold_cursor_init(struct fold_cursor *cursor, const char *s, size_t len);

/* The source range [*start, *end) of the characters that produced folded
 * bytes [fold_offset, fold_offset + fold_len) (fold_len >= 1); a range past
 * the end gives len. */
void fold_cursor_locate(struct fold_cursor *cursor, size_t fold_offset, size_t fold_len, size_t *start,
			size_t *end);

#endif
