/* pack_cache_read — a pack cache file back into cards, checking every byte
 * it uses; see include/pack_cache.h, the layout in pack_cache_format.h. */
#include "pack_cache.h"

#include <errno.h>
#include <stdalign.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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

static void fail(struct in *in, const char *why)
{
	if (!in->why)
		in->why = why;
	in->p = in->end;
}

/* n bytes into v, or zeros once the input ran out. */
static void get_raw(struct in *in, void *v, size_t n)
{
	if ((size_t)(in->end - in->p) < n) {
		fail(in, "it ends early");
		memset(v, 0, n);
		return;
	}
	memcpy(v, in->p, n);
	in->p += n;
}

static uint32_t get_u32(struct in *in)
{
	uint32_t v;
	get_raw(in, &v, sizeof v);
	return v;
}

static uint64_t get_u64(struct in *in)
{
	uint64_t v;
	get_raw(in, &v, sizeof v);
	return v;
}

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

/* Whether the string at offset (past in->checked) ends inside the strings
 * and is clean. */
static bool string_is_clean(const struct in *in, size_t offset)
{
	const char *s = in->strings + offset;
	const char *nul = memchr(s, '\0', in->nstrings - offset);
	return nul && text_is_clean_list(s, (size_t)(nul - s) + 1);
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

/* A string of the body, or NULL for none: its offset must be where one of
 * the strings begins, and the string checked. */
static const char *get_str(struct in *in)
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

static const char *get_required(struct in *in)
{
	const char *s = get_str(in);
	if (!s)
		fail(in, "a required string is missing");
	return s;
}

/* A count of items of at least min_bytes each: never more than the bytes
 * left can hold, so a hostile count cannot make a large allocation. */
static size_t get_count(struct in *in, size_t min_bytes)
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
static uint32_t get_below(struct in *in, uint32_t limit)
{
	uint32_t v = get_u32(in);
	if (v >= limit) {
		fail(in, "a value is out of range");
		return 0;
	}
	return v;
}

/* An array of n items in arena, NULL when n is 0 (as the loader leaves it). */
static void *get_array(struct in *in, struct arena *arena, size_t n, size_t size)
{
	if (n == 0 || in->why)
		return NULL;
	void *items = arena_array(arena, n + 1, size);
	if (!items)
		fail(in, "out of memory");
	return items;
}

static const char **get_strs(struct in *in, struct arena *arena, size_t *n)
{
	*n = get_count(in, 4);
	const char **items = get_array(in, arena, *n, sizeof *items);
	for (size_t i = 0; items && i < *n; i++)
		items[i] = get_required(in);
	return items;
}

static const char **get_links(struct in *in, struct arena *arena, size_t *n, struct card_pos **at)
{
	*n = get_count(in, 12);
	const char **ids = get_array(in, arena, *n, sizeof *ids);
	*at = get_array(in, arena, *n, sizeof **at);
	for (size_t i = 0; ids && *at && i < *n; i++) {
		ids[i] = get_required(in);
		(*at)[i].line = get_u32(in);
		(*at)[i].col = get_u32(in);
	}
	return ids;
}

static bool valid_id(const char *id)
{
	if (!id || !*id)
		return false;
	for (const char *c = id; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'))
			return false;
	return true;
}

/* A question; in_case: a part of a case, which cannot be a case itself. */
static void get_question(struct in *in, struct arena *arena, struct card_question *q, bool in_case)
{
	q->id = get_required(in);
	q->id_authored = get_below(in, 2) != 0;
	/* Every type the loader writes; a case's part is never a case. */
	q->type = (enum question_type)get_below(in, QUESTION_TYPE_COUNT);
	if (in_case && q->type == QUESTION_CASE)
		fail(in, "a case's part is a case");
	q->ask = get_required(in);
	q->choices = get_strs(in, arena, &q->nchoices);
	/* A typed question keeps its accepted answers, a cloze its gaps: one is enough. */
	/* A case has no choices: its parts do. */
	size_t fewest = q->type == QUESTION_CASE ? 0 : q->type == QUESTION_TYPED || q->type == QUESTION_CLOZE ? 1 : 2;
	size_t most = q->type == QUESTION_CASE ? 0 : QUESTION_MAX_CHOICES;
	if (q->nchoices < fewest || q->nchoices > most)
		fail(in, "a question has a wrong number of choices");
	if (get_below(in, 2)) {
		q->choice_topics = get_array(in, arena, q->nchoices, sizeof *q->choice_topics);
		q->choice_topics_at = get_array(in, arena, q->nchoices, sizeof *q->choice_topics_at);
		for (size_t i = 0; q->choice_topics && q->choice_topics_at && i < q->nchoices; i++) {
			const char *topic = get_str(in);
			if (topic && !valid_id(topic))
				fail(in, "a choice's topic is not a card id");
			q->choice_topics[i] = topic;
			q->choice_topics_at[i].line = get_u32(in);
			q->choice_topics_at[i].col = get_u32(in);
		}
	}
	uint32_t correct = get_below(in, 1u << QUESTION_MAX_CHOICES);
	for (size_t i = 0; i < QUESTION_MAX_CHOICES; i++)
		q->correct[i] = i < q->nchoices && (correct >> i & 1);
	if (q->nchoices <= QUESTION_MAX_CHOICES && correct >> q->nchoices)
		fail(in, "a question marks a choice it does not have");
	if (get_below(in, 2)) {
		q->matches = get_array(in, arena, q->nchoices, sizeof *q->matches);
		for (size_t i = 0; q->matches && i < q->nchoices; i++)
			q->matches[i] = get_required(in);
	}
	if ((q->type == QUESTION_MATCH) != (q->matches != NULL) && !in->why)
		fail(in, "a matching's right items are missing, or another question has some");
	q->explain = get_str(in);
	q->see = (int)get_below(in, SECTION_COUNT + 1) - 1;
	q->line = get_u32(in);
}

/* A question of the quiz, then its parts (a case's; each has none). */
static void get_quiz_question(struct in *in, struct arena *arena, struct card_question *q)
{
	get_question(in, arena, q, false);
	q->nparts = get_count(in, 40);
	if (q->type == QUESTION_CASE ? q->nparts < QUESTION_MIN_PARTS || q->nparts > QUESTION_MAX_PARTS : q->nparts != 0)
		fail(in, "a question has a wrong number of parts");
	q->parts = get_array(in, arena, q->nparts, sizeof *q->parts);
	for (size_t i = 0; q->parts && i < q->nparts; i++) {
		get_question(in, arena, &q->parts[i], true);
		if (get_u32(in) != 0)
			fail(in, "a part has parts");
	}
}

static void get_facts(struct in *in, struct library *library, struct card *card)
{
	card->nfacts = get_count(in, 8);
	card->facts = get_array(in, &library->arena, card->nfacts, sizeof *card->facts);
	for (size_t i = 0; card->facts && i < card->nfacts; i++) {
		card->facts[i].key = get_required(in);
		card->facts[i].value = get_required(in);
		if (card->facts[i].key && !library_vocab(library, card->facts[i].key))
			fail(in, "a fact key is in no loaded vocabulary");
	}
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

/* Room for count items of size (align: their alignment, a power of two)
 * from *at: their *offset, and *at moved past them.  False on overflow. */
static bool block_part(size_t *at, size_t count, size_t size, size_t align, size_t *offset)
{
	*at = (*at + align - 1) & ~(align - 1);
	if (count > (SIZE_MAX / 2 - *at) / size)
		return false;
	*offset = *at;
	*at += count * size;
	return true;
}

/* size bytes (rounded up, *size the result) of fresh zeroed pages, starting
 * on a huge page's boundary where they are large enough for one, which
 * the kernel may then back with huge pages: an unaligned start would leave
 * up to two huge pages' worth in 4 KiB pages, each faulted in on its own.
 * NULL when out of memory. */
static unsigned char *map_huge(size_t *size)
{
	const size_t huge = (size_t)2 << 20;
	size_t want = *size, slack = want >= huge ? huge : 0;
	if (want > SIZE_MAX - 2 * huge)
		return NULL;
	if (slack)
		want = (want + huge - 1) & ~(huge - 1);
	/* cppcheck-suppress invalidFunctionArg ; an anonymous mapping takes no file: fd -1 */
	unsigned char *map = mmap(NULL, want + slack, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		return NULL;
	unsigned char *pages = map;
	if (slack) {
		size_t before = (size_t)((huge - ((uintptr_t)map & (huge - 1))) & (huge - 1));
		pages = map + before;
		size_t after = slack - before;
		if (before)
			munmap(map, before);
		if (after)
			munmap(pages + want, after);
#ifdef MADV_HUGEPAGE
		(void)madvise(pages, want, MADV_HUGEPAGE);
#endif
	}
	*size = want;
	return pages;
}

static bool new_card_block(struct card_block *block, size_t ncards, size_t naliases)
{
	size_t at = 0, cards, pointers, in_order, aliases, order, seen;
	size_t slots = naliases + ncards;
	if (ncards == 0 || slots < naliases ||
	    !block_part(&at, ncards, sizeof *block->cards, alignof(struct card), &cards) ||
	    !block_part(&at, ncards, sizeof *block->pointers, alignof(struct card *), &pointers) ||
	    !block_part(&at, ncards, sizeof *block->in_order, alignof(struct card *), &in_order) ||
	    !block_part(&at, slots, sizeof *block->aliases, alignof(const char *), &aliases) ||
	    !block_part(&at, ncards, sizeof *block->order, alignof(uint32_t), &order) ||
	    !block_part(&at, ncards, 1, 1, &seen))
		return ncards == 0;
	unsigned char *pages = map_huge(&at);
	if (!pages)
		return false;
	*block = (struct card_block){ .pages = pages,
				      .size = at,
				      .cards = (struct card *)(void *)(pages + cards),
				      .pointers = (struct card **)(void *)(pages + pointers),
				      .in_order = (struct card **)(void *)(pages + in_order),
				      .aliases = (const char **)(void *)(pages + aliases),
				      .aliases_left = slots,
				      .order = (uint32_t *)(void *)(pages + order),
				      .seen = pages + seen };
	return true;
}

/* A card's aliases, in the block: NULL for none. */
static const char **get_aliases(struct in *in, struct card_block *block, size_t *n)
{
	*n = get_count(in, 4);
	if (*n == 0)
		return NULL;
	if (*n >= block->aliases_left) {
		fail(in, "its cards have more aliases than it says");
		*n = 0;
		return NULL;
	}
	const char **items = block->aliases;
	for (size_t i = 0; i < *n; i++)
		items[i] = get_required(in);
	block->aliases += *n + 1;	/* and the NULL after them */
	block->aliases_left -= *n + 1;
	return items;
}

/* What the topic list needs of a card (pack_cache_format.h's head), into
 * card (zeroed). */
static struct card *get_head(struct in *in, struct card_block *block, struct card *card)
{
	card->id = get_required(in);
	if (card->id && !in->heads_only && !valid_id(card->id))
		fail(in, "a card id is not an id");
	card->title = get_required(in);
	card->kind = (enum card_kind)get_below(in, CARD_KIND_COUNT);
	card->aliases = get_aliases(in, block, &card->naliases);
	card->member_of = get_str(in);
	card->member_of_at.line = get_u32(in);
	card->member_of_at.col = get_u32(in);
	card->path = get_required(in);
	card->line = get_u32(in);
	card->body_offset = get_u32(in);
	return in->why ? NULL : card;
}

/* The rest of a card, into card (which is left as it was on failure). */
static void get_body(struct in *in, struct library *library, struct card *into)
{
	struct arena *arena = &library->arena;
	struct card whole = *into, *card = &whole;
	for (size_t i = 0; i < SECTION_TEXT_COUNT; i++)
		card->text[i] = get_str(in);
	card->diagram_text = get_str(in);
	get_facts(in, library, card);
	card->related = get_links(in, arena, &card->nrelated, &card->related_at);
	card->compare_with = get_links(in, arena, &card->ncompare_with, &card->compare_with_at);
	card->nquiz = get_count(in, 40);
	card->quiz = get_array(in, arena, card->nquiz, sizeof *card->quiz);
	for (size_t i = 0; card->quiz && i < card->nquiz; i++)
		get_quiz_question(in, arena, &card->quiz[i]);
	card->nsources = get_count(in, 36);
	card->sources = get_array(in, arena, card->nsources, sizeof *card->sources);
	for (size_t i = 0; card->sources && i < card->nsources; i++) {
		struct card_source *s = &card->sources[i];
		const char **fields[] = { &s->title, &s->publisher, &s->authors, &s->chapter, &s->edition,
					  &s->year, &s->url, &s->identifier, &s->note };
		for (size_t f = 0; f < sizeof fields / sizeof *fields; f++)
			*fields[f] = get_str(in);
		if (!s->title)
			fail(in, "a source has no title");
	}
	card->status = (enum card_status)get_below(in, CARD_REVIEWED + 1);
	card->reviewed_by = get_str(in);
	card->reviewed = get_str(in);
	if (!in->why) {
		whole.body_from = NULL;
		*into = whole;
	}
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
		get_body(in, library, cards[i]);
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

bool pack_cache_check_cold(struct pack_cache_bodies *from)
{
	if (!from->cold_checked)
		from->cold_checked = text_is_clean_list(from->strings + from->hot, from->nstrings - from->hot);
	return from->cold_checked;
}

int pack_cache_read_body(struct library *library, struct card *card, const char **why)
{
	const struct pack_cache_bodies *from = card->body_from;
	*why = NULL;
	if (!from)
		return 0;
	struct in in = { .strings = from->strings,
			 .nstrings = from->nstrings,
			 .hot = from->hot,
			 .checked = from->cold_checked ? from->nstrings : from->hot,
			 .check_rest = true };
	if (!valid_id(card->id)) {
		*why = "a card id is not an id";
		return -1;
	}
	if (card->body_offset >= from->size) {
		*why = "a card's body is not where its head says";
		return -1;
	}
	in.p = from->bodies + card->body_offset;
	in.end = from->bodies + from->size;
	get_body(&in, library, card);
	*why = in.why;
	if (in.why)
		return -1;
	library_order_facts(library, card);
	return 0;
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
	if (!in.why && !new_card_block(&block, ncards, naliases))
		fail(&in, "out of memory");
	struct card **cards = block.pointers;
	for (size_t i = 0; cards && i < ncards && !in.why; i++) {
		/* Set now, while the card is at hand: a pack read for its heads
		 * is taken without touching each card again (loader). */
		block.cards[i].pack = pack;
		cards[i] = get_head(&in, &block, &block.cards[i]);
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
