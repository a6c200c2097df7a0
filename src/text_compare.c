/* text_compare — matching words: case-insensitive comparison and search,
 * the hashes of names, edit distance and "did you mean" (see include/text.h).
 * Split from text.c, which keeps UTF-8, widths and cleaning. */
#include "text.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* --- comparing ----------------------------------------------------------- */

static int fold_ascii(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int text_pick(const char *name, const char *const *names, size_t count)
{
	for (size_t i = 0; name && i < count; i++)
		if (names[i] && strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

uint64_t text_hash(const char *s)
{
	uint64_t hash = TEXT_HASH_START;
	for (; *s; s++)
		hash = text_hash_byte(hash, (unsigned char)*s);
	return hash;
}

uint64_t text_hash_nocase(const char *s)
{
	uint64_t hash = TEXT_HASH_START;
	for (; *s; s++)
		hash = text_hash_byte(hash, (unsigned char)fold_ascii((unsigned char)*s));
	return hash;
}

int text_casecmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;

	/* equal bytes first: sorting titles and ruling out duplicate answers mostly compare equal runs */
	while (*x != '\0' && (*x == *y || fold_ascii(*x) == fold_ascii(*y)))
		x++, y++;
	return fold_ascii(*x) - fold_ascii(*y);
}

static bool starts_with_nocase(const char *s, const char *prefix)
{
	while (*prefix != '\0' && fold_ascii((unsigned char)*s) == fold_ascii((unsigned char)*prefix))
		s++, prefix++;
	return *prefix == '\0';
}

/* 0x20 for an ASCII letter, else 0: b | fold_bit(c) == c | fold_bit(c)
 * holds exactly when b and c are equal ignoring ASCII case, because setting
 * 0x20 maps only A-Z onto a-z among the bytes that can equal a letter. */
static unsigned char fold_bit(unsigned char c)
{
	unsigned char lower = (unsigned char)(c | 0x20);
	return lower >= 'a' && lower <= 'z' ? 0x20 : 0;
}

static bool same_nocase(const unsigned char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fold_ascii(a[i]) != fold_ascii((unsigned char)b[i]))
			return false;
	return true;
}

/* Full-text search reads every section of every card for each query, so
 * candidates are screened on the needle's first and last bytes, sixteen
 * positions at a time where SSE2 is there (every x86-64), and only those
 * are compared in full. */
const char *text_find_nocase_n(const char *haystack, size_t len, const char *needle, size_t nlen)
{
	const unsigned char *h = (const unsigned char *)haystack;
	if (nlen == 0)
		return haystack;
	if (nlen > len)
		return NULL;
	unsigned char first = (unsigned char)needle[0], last = (unsigned char)needle[nlen - 1];
	unsigned char first_bit = fold_bit(first), last_bit = fold_bit(last);
	first |= first_bit;
	last |= last_bit;
	size_t middle = nlen > 2 ? nlen - 2 : 0, starts = len - nlen + 1, i = 0;
#if defined(__SSE2__)
	const __m128i want_first = _mm_set1_epi8((char)first), want_last = _mm_set1_epi8((char)last);
	const __m128i fold_first = _mm_set1_epi8((char)first_bit), fold_last = _mm_set1_epi8((char)last_bit);
	for (; i + 16 <= starts; i += 16) {
		__m128i a = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(h + i)), fold_first);
		__m128i b = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(h + i + nlen - 1)), fold_last);
		unsigned bits = (unsigned)_mm_movemask_epi8(
			_mm_and_si128(_mm_cmpeq_epi8(a, want_first), _mm_cmpeq_epi8(b, want_last)));
		for (; bits != 0; bits &= bits - 1) {
			size_t at = i + (size_t)__builtin_ctz(bits);
			if (same_nocase(h + at + 1, needle + 1, middle))
				return haystack + at;
		}
	}
#endif
	for (; i < starts; i++)
		if ((h[i] | first_bit) == first && (h[i + nlen - 1] | last_bit) == last &&
		    same_nocase(h + i + 1, needle + 1, middle))
			return haystack + i;
	return NULL;
}

const char *text_find_nocase(const char *haystack, const char *needle)
{
	return text_find_nocase_n(haystack, strlen(haystack), needle, strlen(needle));
}

/* Code points with ASCII letters folded; an invalid byte gets a value no
 * code point has, so it only ever equals the same invalid byte. */
static size_t decode_folded(const char *s, size_t *out)
{
	size_t len = strlen(s), pos = 0, count = 0;

	while (pos < len) {
		uint32_t cp;
		int used = text_utf8_decode(s + pos, len - pos, &cp);

		if (used < 0) {
			cp = 0x110000u + (unsigned char)s[pos];
			used = 1;
		}
		out[count++] = cp < 0x80 ? (size_t)fold_ascii((unsigned char)cp) : cp;
		pos += (size_t)used;
	}
	return count;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

static size_t capped_increment(size_t value, size_t cap)
{
	return value >= cap ? cap : value + 1;
}

/* Dynamic programming over a band of 2 * limit + 1 diagonals (cells farther
 * off the diagonal are already beyond the limit), so a small limit keeps even
 * long strings cheap.  Values are capped at too_far. */
static size_t banded_distance(const size_t *x, size_t na, const size_t *y, size_t nb, size_t limit,
			      size_t *previous, size_t *current)
{
	size_t too_far = limit == SIZE_MAX ? SIZE_MAX : limit + 1;

	for (size_t j = 0; j <= nb; j++)
		previous[j] = j <= limit ? j : too_far;
	for (size_t i = 1; i <= na; i++) {
		size_t low = i > limit ? i - limit : 1;
		size_t high = limit >= nb || i >= nb - limit ? nb : i + limit;
		size_t row_min, *swap;

		current[low - 1] = row_min = low == 1 && i <= limit ? i : too_far;
		for (size_t j = low; j <= high; j++) {
			size_t substitute = previous[j - 1], value;

			if (x[i - 1] != y[j - 1])
				substitute = capped_increment(substitute, too_far);
			value = min3(substitute, capped_increment(previous[j], too_far),
				     capped_increment(current[j - 1], too_far));
			current[j] = value;
			if (value < row_min)
				row_min = value;
		}
		if (high < nb)
			current[high + 1] = too_far;
		/* Every later row is at least this row's minimum. */
		if (row_min > limit)
			return too_far;
		swap = previous, previous = current, current = swap;
	}
	return previous[nb] > limit ? too_far : previous[nb];
}

size_t text_edit_distance(const char *a, const char *b, size_t limit)
{
	size_t too_far = limit == SIZE_MAX ? SIZE_MAX : limit + 1;
	size_t la = strlen(a), lb = strlen(b), na, nb, result;
	size_t *x;

	if (la + lb + 2 > SIZE_MAX / (4 * sizeof *x))
		return too_far;
	x = malloc((la + 3 * lb + 3) * sizeof *x);
	if (!x)
		return too_far;
	na = decode_folded(a, x);
	nb = decode_folded(b, x + la);
	if ((na > nb ? na - nb : nb - na) > limit)
		result = too_far;
	else
		result = banded_distance(x, na, x + la, nb, limit, x + la + lb, x + la + 2 * lb + 1);
	free(x);
	return result;
}

const char *text_suggest(const char *word, const char *const *candidates, size_t count)
{
	size_t word_chars, limit, best_score = SIZE_MAX;
	const char *best = NULL;

	if (word == NULL || *word == '\0')
		return NULL;
	word_chars = text_char_count(word, strlen(word));
	limit = word_chars / 3 > 1 ? word_chars / 3 : 1;
	for (size_t i = 0; i < count; i++) {
		const char *candidate = candidates[i];
		size_t distance, score;

		if (candidate == NULL)
			continue;
		distance = text_edit_distance(word, candidate, limit);
		/* A near miss beats a completion; among completions the shortest
		 * (the least the learner has left to type) wins. */
		if (distance <= limit)
			score = distance;
		else if (starts_with_nocase(candidate, word))
			score = limit + 1 + text_char_count(candidate, strlen(candidate)) - word_chars;
		else
			continue;
		if (score < best_score) {
			best_score = score;
			best = candidate;
		}
	}
	return best;
}
