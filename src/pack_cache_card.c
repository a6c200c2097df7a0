/* pack_cache_card — a card of a pack cache: its head, its body, the block
 * the cards are built in, and a body read after the first frame (see
 * include/pack_cache.h; the cursor in pack_cache_in.h). */
#include "pack_cache_in.h"

#include <stdalign.h>
#include <sys/mman.h>

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

bool card_block_new(struct card_block *block, size_t ncards, size_t naliases)
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
struct card *card_get_head(struct in *in, struct card_block *block, struct card *card)
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
void card_get_body(struct in *in, struct library *library, struct card *into)
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
	card_get_body(&in, library, card);
	*why = in.why;
	if (in.why)
		return -1;
	library_order_facts(library, card);
	return 0;
}
