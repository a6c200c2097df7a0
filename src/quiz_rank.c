/* quiz_rank — generated rankings: for a vocabulary entry with `type: hours`
 * and `rank` (pack.yaml), an ordering question per card over that card and
 * two or three others, shortest first, whose ranges (fact_hours.h) do not
 * overlap at all: a ranking is asked only where the data decides it.
 *
 * The card is always the shortest of its ranking; each next card is one of
 * the (at most three) nearest whose range starts after the last one ends
 * and that still leave room for a ranking of three, picked by a hash of the
 * card id, so rankings differ between cards yet the bank is the same on
 * every build. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fact_hours.h"
#include "quiz_internal.h"
#include "text.h"

#define RANK_MOST 4
#define RANK_FEWEST 3
#define RANK_NEAREST 3	/* the next card is one of this many nearest */

struct ranked {
	const struct card *card;
	const char *value;
	struct hours_range range;
};

struct rank_key {
	const struct vocab_entry *entry;
	struct ranked *items;	/* by range: shortest first */
	size_t *reach;		/* the longest ranking items[i] starts, taking the nearest each time */
	size_t count;
};

/* The first item whose range starts after items[i]'s ends, or count. */
static size_t next_apart(const struct rank_key *key, const struct hours_range *after)
{
	size_t j = 0;
	while (j < key->count && key->items[j].range.lo <= after->hi)
		j++;
	return j;
}

struct quiz_rank_pool {
	struct rank_key *keys;
	size_t count;
};

static int by_range(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	if (x->range.lo != y->range.lo)
		return x->range.lo < y->range.lo ? -1 : 1;
	if (x->range.hi != y->range.hi)
		return x->range.hi < y->range.hi ? -1 : 1;
	return strcmp(x->card->id, y->card->id);
}

int quiz_rank_prepare(struct quiz_rank_pool **pool_out, const struct library *library)
{
	struct quiz_rank_pool *pool = calloc(1, sizeof *pool);
	*pool_out = pool;
	if (!pool || !(pool->keys = calloc(library->nvocab + 1, sizeof *pool->keys)))
		return -1;
	for (size_t v = 0; v < library->nvocab; v++) {
		const struct vocab_entry *entry = &library->vocab[v];
		if (entry->type != FACT_HOURS || !entry->rank)
			continue;
		struct rank_key *key = &pool->keys[pool->count++];
		key->entry = entry;
		key->items = calloc(library->ncards + 1, sizeof *key->items);
		if (!key->items)
			return -1;
		for (size_t i = 0; i < library->ncards; i++) {
			struct ranked r = { library->cards[i], card_fact(library->cards[i], entry->key), { 0, 0 } };
			/* check refuses a value that does not read; a card made in code may have one. */
			if (r.value && fact_hours_parse(r.value, &r.range, NULL, 0))
				key->items[key->count++] = r;
		}
		qsort(key->items, key->count, sizeof *key->items, by_range);
		key->reach = calloc(key->count + 1, sizeof *key->reach);
		if (!key->reach)
			return -1;
		/* The next one apart always comes later: fill from the end. */
		for (size_t i = key->count; i-- > 0;) {
			size_t j = next_apart(key, &key->items[i].range);
			key->reach[i] = 1 + (j < key->count ? key->reach[j] : 0);
		}
	}
	return 0;
}

void quiz_rank_release(struct quiz_rank_pool *pool)
{
	for (size_t k = 0; pool && pool->keys && k < pool->count; k++) {
		free(pool->keys[k].items);
		free(pool->keys[k].reach);
	}
	if (pool)
		free(pool->keys);
	free(pool);
}

/* "Half-life (hours): Flumazenil 40–80 min; Triazolam 1.5–5.5 h." */
static const char *explain(struct arena *arena, const struct rank_key *key, const struct ranked *const *chain,
			   size_t n)
{
	size_t len = strlen(key->entry->label) + 4;
	for (size_t i = 0; i < n; i++)
		len += strlen(chain[i]->card->title) + strlen(chain[i]->value) + 3;
	char *out = arena_alloc(arena, len + 1);
	if (!out)
		return NULL;
	char *o = out;
	size_t k = strlen(key->entry->label);
	memcpy(o, key->entry->label, k);
	o += k;
	for (size_t i = 0; i < n; i++) {
		const char *sep = i ? "; " : ": ";
		memcpy(o, sep, 2);
		o += 2;
		k = strlen(chain[i]->card->title);
		memcpy(o, chain[i]->card->title, k);
		o += k;
		*o++ = ' ';
		k = strlen(chain[i]->value);
		memcpy(o, chain[i]->value, k);
		o += k;
	}
	memcpy(o, ".", 2);
	return out;
}

/* The ranking card opens for one key, or 0 (too few cards apart); 1 when
 * added, -1 out of memory. */
static int add_one(struct quiz_bank *bank, const struct rank_key *key, const struct card *card)
{
	size_t at = 0;
	while (at < key->count && key->items[at].card != card)
		at++;
	if (at == key->count)
		return 0;
	const struct ranked *chain[RANK_MOST] = { &key->items[at] };
	size_t n = 1;
	unsigned long long hash = text_hash(card->id);
	while (n < RANK_MOST) {
		size_t first = next_apart(key, &chain[n - 1]->range), fit[RANK_NEAREST], nfit = 0;
		size_t need = n + 1 < RANK_FEWEST ? RANK_FEWEST - n : 1;
		for (size_t c = first; c < key->count && c < first + RANK_NEAREST; c++)
			if (key->reach[c] >= need)
				fit[nfit++] = c;
		if (nfit == 0)
			break;
		chain[n] = &key->items[fit[(size_t)((hash + n) % nfit)]];
		n++;
	}
	if (n < RANK_FEWEST)
		return 0;
	struct quiz_question *q = quiz_bank_next_generated(bank, card, QUESTION_ORDER, key->entry->key);
	q->ask = key->entry->rank;
	q->nchoices = n;
	for (size_t i = 0; i < n; i++) {
		q->choices[i] = chain[i]->card->title;
		q->choice_topic[i] = chain[i]->card;
		q->correct[i] = true;
	}
	size_t idsize = strlen(card->id) + strlen(key->entry->key) + sizeof ":rank:";
	char *id = arena_alloc(&bank->arena, idsize);
	q->explain = explain(&bank->arena, key, chain, n);
	if (!id || !q->explain)
		return -1;
	snprintf(id, idsize, "%s:rank:%s", card->id, key->entry->key);
	q->id = id;
	bank->count++;
	return 1;
}

int quiz_rank_add(struct quiz_bank *bank, const struct quiz_rank_pool *pool, const struct card *card)
{
	for (size_t k = 0; k < pool->count; k++)
		if (add_one(bank, &pool->keys[k], card) < 0)
			return -1;
	return 0;
}
