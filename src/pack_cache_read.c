/* pack_cache_read — a pack cache file back into cards, checking every byte
 * it uses: the file, its header, strings, diagnostics, order and table of
 * ids, and whether it is current; the cards' heads and bodies are
 * pack_cache_card.c.  See include/pack_cache.h, the layout in
 * pack_cache_format.h. */
#include "pack_cache_in.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The body's strings: each ends in a NUL inside them, and the hot ones (or
 * with all, every one) are checked in one pass (text_is_clean_list) to be
 * text the loader could have produced. */
static void get_strings(struct in *in, bool all)
{
	static const unsigned char zeros[4];
	uint32_t n = get_u32(in), hot = get_u32(in);
	size_t room = (size_t)(in->end - in->p);
	if (in->why || n > room || cache_pad(n) > room || hot > n) {
		fail(in, "its strings run past its end");
		return;
	}
	const char *strings = (const char *)in->p;
	if (memcmp(strings + n, zeros, cache_pad(n) - n) != 0) {
		fail(in, "its strings are not followed by zeros");
		return;
	}
	/* This refuses a last string without its NUL, and any control
	 * character, invalid UTF-8 or bidi control in any string. */
	if (!text_is_clean_list(strings, hot) || (all && !text_is_clean_list(strings + hot, n - hot))) {
		fail(in, "a string holds characters the loader never keeps");
		return;
	}
	in->strings = strings;
	in->nstrings = n;
	in->hot = hot;
	in->checked = all ? n : hot;
	in->p += cache_pad(n);
}

/* A hint that data[0..n) of the mapping is about to be read: its pages are
 * mapped in one call (where the system can) rather than faulted in a few
 * at a time, which on some virtual machines costs more than reading them.
 * Reads nothing and changes nothing; any failure is ignored. */
static void populate(const void *data, size_t n)
{
#ifdef MADV_POPULATE_READ
	long page = sysconf(_SC_PAGESIZE);
	if (page <= 0 || n < (size_t)page * 16)
		return;
	size_t before = (size_t)((uintptr_t)data & ((uintptr_t)page - 1));
	(void)madvise((void *)((const char *)data - before), n + before, MADV_POPULATE_READ);
#else
	(void)data;
	(void)n;
#endif
}

static void get_diags(struct in *in, struct arena *arena, struct compiled_pack *out)
{
	out->ndiags = get_count(in, 20);
	struct compiled_diag *diags = get_array(in, arena, out->ndiags, sizeof *diags);
	for (size_t i = 0; diags && i < out->ndiags; i++) {
		diags[i].severity = (enum diag_severity)get_below(in, DIAG_NOTE + 1);
		diags[i].path = get_str(in);
		diags[i].line = get_u32(in);
		diags[i].col = get_u32(in);
		diags[i].message = get_str(in);
		if (!diags[i].path || !diags[i].message)
			fail(in, "a diagnostic is incomplete");
	}
	out->diags = diags;
}

/* The cards' topic-list order: every index once, and the cards it lists
 * truly sorted (a wrong order would be shown as it is). */
static uint32_t *get_order(struct in *in, const struct card_block *block, struct card *const *cards, size_t ncards)
{
	if (get_count(in, 4) != ncards) {
		fail(in, "its topic order does not list every card");
		return NULL;
	}
	uint32_t *order = block->order;
	unsigned char *seen = block->seen;
	for (size_t i = 0; cards && order && seen && i < ncards && !in->why; i++) {
		order[i] = get_below(in, (uint32_t)ncards);
		block->in_order[i] = cards[order[i]];
		if (seen[order[i]]++)
			fail(in, "its topic order lists a card twice");
		else if (i > 0 && !in->heads_only && library_topic_cmp(cards[order[i - 1]], cards[order[i]]) >= 0)
			fail(in, "its topic order is not sorted");
	}
	return order;
}

static bool same_str(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Whether the body was made from key's files (its folder and vocabulary
 * only, with sources false); in->why set when it is unreadable.  *foreign:
 * made for another pack folder. */
static bool made_from(struct in *in, const struct pack_cache_key *key, bool sources, bool *foreign)
{
	const char *dir = get_required(in);
	const char *real_dir = get_required(in);
	uint64_t vocab = get_u64(in);
	size_t n = get_count(in, 32);
	bool same = !key || (same_str(dir, key->dir) && vocab == key->vocab_digest);
	same = same && (!key || !sources || n == key->nsources);
	*foreign = key && real_dir && !same_str(real_dir, key->real_dir);
	if (key && !sources) {
		/* Stepped over (4 + 3 × 8 bytes each): pack_cache_verify reads
		 * them afterwards, names and all. */
		in->p += n * 28;
		return same && !*foreign && !in->why;
	}
	for (size_t i = 0; i < n; i++) {
		const char *name = get_required(in);
		uint64_t size = get_u64(in), mtime = get_u64(in), digest = get_u64(in);
		if (same && key && sources) {
			const struct pack_cache_source *s = &key->sources[i];
			same = same_str(name, s->name) && size == s->size && mtime == (uint64_t)s->mtime_ns &&
			       digest == s->digest;
		}
	}
	return same && !*foreign && !in->why;
}

/* The header of data, checked; PACK_CACHE_OK or what is wrong, with *why. */
static enum pack_cache_status get_header(const void *data, size_t size, struct cache_header *h, const char **why)
{
	*why = "it is shorter than a cache file's header";
	if (size < sizeof *h)
		return PACK_CACHE_DAMAGED;
	memcpy(h, data, sizeof *h);
	*why = "it is not an rxplore pack cache";
	if (memcmp(h->magic, CACHE_MAGIC, sizeof h->magic) != 0)
		return PACK_CACHE_DAMAGED;
	*why = "it was written in another format version or by another kind of machine";
	if (h->format != PACK_CACHE_FORMAT || h->byte_order != CACHE_BYTE_ORDER)
		return PACK_CACHE_FOREIGN;
	*why = h->size > size ? "it is truncated" : "it is longer than it says";
	if (h->size != size)
		return PACK_CACHE_DAMAGED;
	return PACK_CACHE_OK;
}

static bool body_matches(const void *data, size_t size, const struct cache_header *h)
{
	const unsigned char *body = (const unsigned char *)data + sizeof *h;
	size_t body_size = size - sizeof *h;
	uint32_t words[2];
	/* Where the writer's parts meet, from the length words: wrong ones
	 * only move the splits, and the digest then fails as it should. */
	if (body_size < sizeof words)
		return false;
	memcpy(words, body, sizeof words);
	size_t n = words[0], hot = words[1];
	if (n > body_size - sizeof words || cache_pad(n) > body_size - sizeof words || hot > n)
		return false;
	const unsigned char *strings = body + sizeof words, *records = strings + cache_pad(n);
	return cache_body_digest(body, strings, hot, strings + hot, cache_pad(n) - hot, records,
				 body_size - sizeof words - cache_pad(n)) == h->digest;
}

bool pack_cache_ids_valid(const unsigned char *table, struct card *const *cards, size_t ncards)
{
	if (ncards > 0 && !cards)
		return false;
	unsigned char *seen = calloc(ncards + 1, 1);
	if (!seen)
		return false;
	bool valid = true;
	uint32_t last_hash = 0, last_index = 0;
	for (size_t i = 0; valid && i < ncards; i++) {
		uint32_t hash, index;
		memcpy(&hash, table + 8 * i, sizeof hash);
		memcpy(&index, table + 8 * i + 4, sizeof index);
		valid = index < ncards && !seen[index]++ && hash == (uint32_t)text_hash_nocase(cards[index]->id) &&
			(i == 0 || hash > last_hash || (hash == last_hash && index > last_index));
		last_hash = hash;
		last_index = index;
	}
	free(seen);
	return valid;
}

/* The table of ids (pack_cache_format.h), one entry per card; checked here
 * unless only heads are read (library_complete checks it then). */
static const unsigned char *get_id_table(struct in *in, struct card *const *cards, size_t ncards)
{
	if (get_count(in, 8) != ncards && !in->why)
		fail(in, "its table of ids does not list every card");
	if (in->why)
		return NULL;
	const unsigned char *table = in->p;
	in->p += 8 * ncards;	/* get_count made sure it is there */
	if (!in->heads_only && !pack_cache_ids_valid(table, cards, ncards))
		fail(in, "its table of ids does not match its cards");
	return table;
}

/* Every card's body, each where its head says and right after the one
 * before, to the end of the file. */
static void get_bodies(struct in *in, struct library *library, struct card *const *cards, size_t ncards)
{
	const unsigned char *bodies = in->p;
	for (size_t i = 0; cards && i < ncards && !in->why; i++) {
		if ((size_t)(in->p - bodies) != cards[i]->body_offset)
			fail(in, "a card's body is not where its head says");
		card_get_body(in, library, cards[i]);
	}
	if (!in->why && in->p != in->end)
		fail(in, "it has bytes after its last card");
}

/* The bodies left for pack_cache_read_body(): every card notes where its
 * own is.  Whatever is wrong in them is found then. */
static void defer_bodies(struct in *in, struct library *library, struct card *const *cards, size_t ncards)
{
	if (in->why)
		return;
	struct pack_cache_bodies *from = arena_alloc(&library->arena, sizeof *from);
	if (!from) {
		fail(in, "out of memory");
		return;
	}
	*from = (struct pack_cache_bodies){ in->strings, in->hot, in->nstrings, in->p, (size_t)(in->end - in->p),
					    false };
	for (size_t i = 0; cards && i < ncards; i++)
		cards[i]->body_from = from;
}

enum pack_cache_status pack_cache_parse(const void *data, size_t size, const struct pack_cache_key *key,
					unsigned skip, size_t pack, struct library *library, struct compiled_pack *out,
					const char **why)
{
	*out = (struct compiled_pack){ 0 };
	struct cache_header h;
	enum pack_cache_status status = get_header(data, size, &h, why);
	if (status != PACK_CACHE_OK)
		return status;
	const unsigned char *body = (const unsigned char *)data + sizeof h;
	*why = "its content does not match its digest";
	if (!(skip & PACK_CACHE_SKIP_DIGEST) && !body_matches(data, size, &h))
		return PACK_CACHE_DAMAGED;

	bool defer = skip & PACK_CACHE_DEFER_BODIES;
	struct in in = { .p = body, .end = body + (size - sizeof h), .heads_only = defer };
	if (defer && size - sizeof h >= 8) {
		/* The hot strings, read next (the file is mapped without
		 * MAP_POPULATE then: most of it is bodies). */
		uint32_t hot;
		memcpy(&hot, body + 4, sizeof hot);
		populate(body, 8 + (hot < size - sizeof h - 8 ? hot : 0));
	}
	get_strings(&in, !defer);
	bool foreign = false;
	bool current = made_from(&in, key, !(skip & PACK_CACHE_SKIP_SOURCES), &foreign);
	*why = "it was made for another pack folder";
	if (foreign)
		return PACK_CACHE_FOREIGN;
	if (!current && !in.why) {
		*why = "its pack has changed";
		return PACK_CACHE_STALE;
	}
	get_diags(&in, &library->arena, out);
	size_t ncards = get_count(&in, 40), naliases = get_count(&in, 4);
	if (defer && !in.why) {
		/* The heads, the order and the table of ids: some 60 bytes a card. */
		size_t left = (size_t)(in.end - in.p);
		populate(in.p, ncards < left / 64 ? ncards * 64 : left);
	}
	struct card_block block = { 0 };
	if (!in.why && !card_block_new(&block, ncards, naliases))
		fail(&in, "out of memory");
	struct card **cards = block.pointers;
	for (size_t i = 0; cards && i < ncards && !in.why; i++) {
		/* Set now, while the card is at hand: a pack read for its heads
		 * is taken without touching each card again (loader). */
		block.cards[i].pack = pack;
		cards[i] = card_get_head(&in, &block, &block.cards[i]);
	}
	uint32_t *order = in.why ? NULL : get_order(&in, &block, cards, ncards);
	const unsigned char *ids = get_id_table(&in, cards, ncards);
	if (get_count(&in, 1) != (size_t)(in.end - in.p))
		fail(&in, "its bodies are not where they end");
	if (defer)
		defer_bodies(&in, library, cards, ncards);
	else
		get_bodies(&in, library, cards, ncards);
	if (!in.why && block.pages && library_keep_mapping(library, block.pages, block.size) < 0)
		fail(&in, "out of memory");
	if (in.why) {
		if (block.pages)
			munmap(block.pages, block.size);
		*why = in.why;
		*out = (struct compiled_pack){ 0 };
		return strcmp(in.why, "out of memory") == 0 ? PACK_CACHE_NO_MEMORY : PACK_CACHE_DAMAGED;
	}
	/* Only now: a cache refused is loaded again the careful way, whole. */
	if (defer && ncards > 0)
		library->bodies_pending = true;
	out->own_cards = cards;
	out->ncards = ncards;
	out->order = order;
	out->in_order = order ? block.in_order : NULL;
	out->id_table = defer ? ids : NULL;
	*why = NULL;
	return PACK_CACHE_OK;
}

/* Every page of the file is read (its strings are checked), so on Linux
 * they are mapped in one call rather than faulted in a few at a time; not
 * when the bodies are left for later, whose pages are most of the file. */
#ifdef MAP_POPULATE
#define CACHE_MAP_ALL MAP_POPULATE
#else
#define CACHE_MAP_ALL 0
#endif

/* file mapped read-only: *map and *size, or what is wrong. */
static enum pack_cache_status map_file(const char *file, int flags, void **map, size_t *size, const char **why)
{
	*why = "it cannot be read";
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? PACK_CACHE_MISSING : PACK_CACHE_DAMAGED;
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (unsigned long long)st.st_size > SIZE_MAX) {
		close(fd);
		*why = "it is empty or not a file";
		return PACK_CACHE_DAMAGED;
	}
	*size = (size_t)st.st_size;
	*map = mmap(NULL, *size, PROT_READ, MAP_PRIVATE | flags, fd, 0);
	close(fd);
	return *map == MAP_FAILED ? PACK_CACHE_DAMAGED : PACK_CACHE_OK;
}

enum pack_cache_status pack_cache_read(const char *file, const struct pack_cache_key *key, unsigned skip,
				       size_t pack, struct library *library, struct compiled_pack *out, const char **why)
{
	*out = (struct compiled_pack){ 0 };
	void *map;
	size_t size;
	enum pack_cache_status status =
		map_file(file, skip & PACK_CACHE_DEFER_BODIES ? 0 : CACHE_MAP_ALL, &map, &size, why);
	if (status != PACK_CACHE_OK)
		return status;
	status = pack_cache_parse(map, size, key, skip, pack, library, out, why);
	if (status != PACK_CACHE_OK || library_keep_mapping(library, map, size) < 0) {
		munmap(map, size);
		if (status == PACK_CACHE_OK) {
			*out = (struct compiled_pack){ 0 };
			*why = "out of memory";
			status = PACK_CACHE_NO_MEMORY;
		}
	}
	return status;
}

enum pack_cache_status pack_cache_verify(const char *file, const struct pack_cache_key *key, const void *data,
					 size_t size, const char **why)
{
	struct cache_header h, on_disk;
	enum pack_cache_status status = get_header(data, size, &h, why);
	if (status != PACK_CACHE_OK)
		return status;
	*why = "it was replaced or removed";
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return PACK_CACHE_STALE;
	ssize_t got = pread(fd, &on_disk, sizeof on_disk, 0);
	close(fd);
	if (got != (ssize_t)sizeof on_disk || memcmp(&on_disk, &h, sizeof h) != 0)
		return PACK_CACHE_STALE;
	*why = "its content does not match its digest";
	if (!body_matches(data, size, &h))
		return PACK_CACHE_DAMAGED;
	const unsigned char *body = (const unsigned char *)data + sizeof h;
	struct in in = { .p = body, .end = body + (size - sizeof h) };
	get_strings(&in, false);
	bool foreign = false;
	if (made_from(&in, key, true, &foreign))
		return PACK_CACHE_OK;
	*why = in.why ? in.why : foreign ? "it was made for another pack folder" : "its pack has changed";
	return in.why ? PACK_CACHE_DAMAGED : foreign ? PACK_CACHE_FOREIGN : PACK_CACHE_STALE;
}
