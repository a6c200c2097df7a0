/* pack_cache_in — private to the pack cache reader (pack_cache_read.c, the
 * file and its checks; pack_cache_card.c, a card's head and body): the
 * checked cursor both read through, and the block a cache's cards are built
 * in.  The layout is in pack_cache_format.h. */
#ifndef RXPLORE_PACK_CACHE_IN_H
#define RXPLORE_PACK_CACHE_IN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pack_cache.h"
#include "pack_cache_format.h"
#include "text.h"

/* A cursor over the body: every read checks the bytes left, and the first
 * failure sticks (later reads return zeros), so the code reads straight
 * through and checks once per card. */
struct in {
	const unsigned char *p, *end;
	const char *why;	/* the first problem, or NULL */
	/* The body's strings (get_strings), which a str points into: the
	 * first `checked` bytes are known to be clean; a string past them is
	 * checked when it is read (check_rest) or refused. */
	const char *strings;
	size_t nstrings, hot, checked;
	bool check_rest;
	/* Reading only heads (PACK_CACHE_DEFER_BODIES): what only has to be
	 * right, not safe, is checked with the bodies (pack_cache_read_body,
	 * library_complete): that an id is an id, that the order is sorted. */
	bool heads_only;
};

static inline void fail(struct in *in, const char *why)
{
	if (!in->why)
		in->why = why;
	in->p = in->end;
}

/* n bytes into v, or zeros once the input ran out. */
static inline void get_raw(struct in *in, void *v, size_t n)
{
	if ((size_t)(in->end - in->p) < n) {
		fail(in, "it ends early");
		memset(v, 0, n);
		return;
	}
	memcpy(v, in->p, n);
	in->p += n;
}

static inline uint32_t get_u32(struct in *in)
{
	uint32_t v;
	get_raw(in, &v, sizeof v);
	return v;
}

static inline uint64_t get_u64(struct in *in)
{
	uint64_t v;
	get_raw(in, &v, sizeof v);
	return v;
}

/* Whether the string at offset (past in->checked) ends inside the strings
 * and is clean. */
static inline bool string_is_clean(const struct in *in, size_t offset)
{
	const char *s = in->strings + offset;
	const char *nul = memchr(s, '\0', in->nstrings - offset);
	return nul && text_is_clean_list(s, (size_t)(nul - s) + 1);
}

/* A string of the body, or NULL for none: its offset must be where one of
 * the strings begins, and the string checked. */
static inline const char *get_str(struct in *in)
{
	uint32_t offset = get_u32(in);
	if (offset == CACHE_NULL || in->why)
		return NULL;
	if (!in->strings || offset >= in->nstrings || (offset > 0 && in->strings[offset - 1] != '\0')) {
		fail(in, "a string is not where one begins");
		return NULL;
	}
	if (offset >= in->checked) {
		if (!in->check_rest) {
			fail(in, "a string read before the bodies is not among the hot strings");
			return NULL;
		}
		if (!string_is_clean(in, offset)) {
			fail(in, "a string holds characters the loader never keeps");
			return NULL;
		}
	}
	return in->strings + offset;
}

static inline const char *get_required(struct in *in)
{
	const char *s = get_str(in);
	if (!s)
		fail(in, "a required string is missing");
	return s;
}

/* A count of items of at least min_bytes each: never more than the bytes
 * left can hold, so a hostile count cannot make a large allocation. */
static inline size_t get_count(struct in *in, size_t min_bytes)
{
	uint32_t n = get_u32(in);
	if (n > (size_t)(in->end - in->p) / min_bytes) {
		fail(in, "a count is larger than the file");
		return 0;
	}
	return n;
}

/* A value below limit, or 0 once it is not: callers convert and offset it
 * before they check in->why, so an out-of-range value must never escape. */
static inline uint32_t get_below(struct in *in, uint32_t limit)
{
	uint32_t v = get_u32(in);
	if (v >= limit) {
		fail(in, "a value is out of range");
		return 0;
	}
	return v;
}

/* An array of n items in arena, NULL when n is 0 (as the loader leaves it). */
static inline void *get_array(struct in *in, struct arena *arena, size_t n, size_t size)
{
	if (n == 0 || in->why)
		return NULL;
	void *items = arena_array(arena, n + 1, size);
	if (!items)
		fail(in, "out of memory");
	return items;
}

static inline const char **get_strs(struct in *in, struct arena *arena, size_t *n)
{
	*n = get_count(in, 4);
	const char **items = get_array(in, arena, *n, sizeof *items);
	for (size_t i = 0; items && i < *n; i++)
		items[i] = get_required(in);
	return items;
}

/* Everything a cache's cards need per card before the first frame, in one
 * block of pages of its own: the kernel hands them over zeroed (nothing to
 * clear), and in huge pages where it can, so 50,000 cards cost a few page
 * faults rather than thousands.  Only pages written are ever used, whatever
 * counts a damaged file gives.  Handed to the library (library_keep_mapping)
 * with the cards. */
struct card_block {
	void *pages;
	size_t size;
	struct card *cards;		/* ncards */
	struct card **pointers;		/* ncards, the compiled pack's own_cards */
	struct card **in_order;		/* ncards, its in_order */
	const char **aliases;		/* naliases, then a NULL after each card's */
	size_t aliases_left;
	uint32_t *order;		/* ncards */
	unsigned char *seen;		/* ncards */
};

/* pack_cache_card.c.  A block for ncards cards with naliases aliases among
 * them (false when out of memory; nothing to free when ncards is 0); a
 * card's head read into card, a zeroed struct of the block; its body read
 * into it (left as it was when the body fails). */
bool card_block_new(struct card_block *block, size_t ncards, size_t naliases);
struct card *card_get_head(struct in *in, struct card_block *block, struct card *card);
void card_get_body(struct in *in, struct library *library, struct card *into);

#endif
