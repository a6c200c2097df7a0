/* The layout of a pack cache file, shared by its writer (pack_cache.c) and
 * its reader (pack_cache_read.c, pack_cache_card.c).
 *
 * A header, then a body of 32-bit words in the writing machine's byte order
 * (byte_order tells another one apart; the cache never leaves the machine):
 *
 *   body    := u32 size, u32 hot, size bytes of strings, zeros to a multiple
 *              of 4, records
 *   strings := every string of the records, each ending in a NUL: first the
 *              hot ones (hot bytes: those of everything before the bodies),
 *              then the cold ones (the bodies').  A start that paints first
 *              checks only the hot strings before its first frame
 *              (text_is_clean_list), the cold ones afterwards; either way a
 *              string then costs one lookup
 *   records := str dir, str real_dir, u64 vocab_digest,
 *              u32 n, n × (str name, u64 size, u64 mtime_ns, u64 digest),
 *              u32 n, n × (u32 severity, str path, u32 line, u32 col, str message),
 *              u32 n, u32 naliases (of all n cards), n × head,
 *              u32 n, n × u32 index (the cards in topic-list order,
 *              library_topic_cmp: each index once, the cards sorted),
 *              u32 n, n × (u32 hash, u32 index) (each card once, by the low
 *              32 bits of text_hash_nocase(id), then index: how a start
 *              that paints first finds a card by id before the name index
 *              holds them),
 *              u32 size, size bytes of bodies (body i at head i's offset,
 *              each right after the one before)
 *   head    := str id, str title, u32 kind, strs aliases, str member_of,
 *              u32 line, u32 col, str path, u32 line,
 *              u32 offset (of the card's body, from the first body)
 *   body    := SECTION_TEXT_COUNT × str text, str diagram_text,
 *              u32 n, n × (str key, str value), links related, links compare_with,
 *              u32 n, n × question, u32 n, n × 9 × str (a source's fields),
 *              u32 status, str reviewed_by, str reviewed
 *   question := str id, u32 authored, u32 type, str ask, strs choices,
 *              u32 has_topics, has_topics × nchoices × (str topic, u32 line, u32 col),
 *              u32 correct (bit i: choice i),
 *              u32 has_matches, has_matches × nchoices × str (a matching's right items),
 *              str explain, u32 see + 1, u32 line,
 *              u32 n, n × (question, u32 0) (a case's parts; n is 0 for any other)
 *   links   := u32 n, n × (str id, u32 line, u32 col)
 *   strs    := u32 n, n × str
 *   str     := u32 CACHE_NULL (no string) | u32 offset into strings of
 *              the string's first byte (0, or just after a NUL); a head's
 *              and everything before the heads' are hot strings
 *   u64     := 8 bytes, native order
 */
#ifndef RXPLORE_PACK_CACHE_FORMAT_H
#define RXPLORE_PACK_CACHE_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "pack_cache.h"

#define CACHE_MAGIC "RXPCACHE"
#define CACHE_BYTE_ORDER 0x01020304u
#define CACHE_NULL 0xFFFFFFFFu
#define PACK_CACHE_SUFFIX ".rxcache"

struct cache_header {
	char magic[8];
	uint32_t format;	/* PACK_CACHE_FORMAT */
	uint32_t byte_order;	/* CACHE_BYTE_ORDER as written */
	uint64_t size;		/* of the whole file */
	uint64_t digest;	/* pack_cache_digest of the body */
};

/* n bytes padded to a multiple of four. */
static inline size_t cache_pad(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

/* The digest of a body, chained over its parts as the writer keeps them
 * (each read eight bytes a step, so the chain is not the digest of the
 * bytes in one run): the two length words, the hot strings, the cold ones
 * with the padding, the records. */
static inline uint64_t cache_body_digest(const void *words, const void *hot, size_t nhot, const void *cold,
					 size_t ncold, const void *records, size_t nrecords)
{
	uint64_t d = pack_cache_digest(words, 2 * sizeof(uint32_t), 0);
	d = pack_cache_digest(hot, nhot, d);
	d = pack_cache_digest(cold, ncold, d);
	return pack_cache_digest(records, nrecords, d);
}

#endif
