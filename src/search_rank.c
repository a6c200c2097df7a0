/* search_rank — the order of topics among search results (see include/search.h). */
#include "search.h"

#include <stdint.h>
#include <stdlib.h>

#include "order.h"

void search_ranking_init(struct search_ranking *ranking)
{
	ranking->topics = NULL;
	ranking->order = NULL;
	ranking->count = 0;
	ranking->named = NULL;
	ranking->naming = LIBRARY_NAMES_NONE;
}

void search_ranking_release(struct search_ranking *ranking)
{
	free(ranking->topics);
	free(ranking->order);
	search_ranking_init(ranking);
}

/* Drugs first among cards that carry the name: a drug card is about the
 * drug; an explainer that has it in its title is about a question. */
static int kind_rank(enum card_kind kind)
{
	switch (kind) {
	case CARD_DRUG:
		return 0;
	case CARD_CLASS:
		return 1;
	case CARD_CONCEPT:
		return 2;
	default:
		return 3;
	}
}

static int topic_order(const void *a, const void *b)
{
	const struct search_topic *x = a, *y = b;
	if (x->named != y->named)
		return x->named ? -1 : 1;
	if (x->name_hit != y->name_hit)
		return x->name_hit ? -1 : 1;
	if (x->name_hit && kind_rank(x->card->kind) != kind_rank(y->card->kind))
		return kind_rank(x->card->kind) - kind_rank(y->card->kind);
	if (x->hits != y->hits)
		return x->hits > y->hits ? -1 : 1;
	return ORDER(x->first_hit, y->first_hit);
}

/* Card to topic entry: an open-addressing table of pointers, so that
 * ranking stays linear however many cards match. */
struct topic_map {
	const struct card **keys;
	size_t *entries;
	size_t mask;
};

static int map_init(struct topic_map *map, size_t count)
{
	size_t size = 16;
	while (size < 2 * count)
		size *= 2;
	map->keys = calloc(size, sizeof *map->keys);
	map->entries = calloc(size, sizeof *map->entries);
	map->mask = size - 1;
	return map->keys && map->entries ? 0 : -1;
}

static void map_release(struct topic_map *map)
{
	free(map->keys);
	free(map->entries);
}

/* The slot of card: its own, or the empty one where it belongs. */
static size_t map_slot(const struct topic_map *map, const struct card *card)
{
	size_t i = (size_t)(((uintptr_t)card >> 4) * 0x9E3779B97F4A7C15ull) & map->mask;
	while (map->keys[i] && map->keys[i] != card)
		i = (i + 1) & map->mask;
	return i;
}

static struct search_topic *topic_for(struct search_ranking *ranking, struct topic_map *map, const struct card *card)
{
	size_t i = map_slot(map, card);
	if (map->keys[i])
		return &ranking->topics[map->entries[i]];
	map->keys[i] = card;
	map->entries[i] = ranking->count;
	struct search_topic *t = &ranking->topics[ranking->count++];
	*t = (struct search_topic){ card, 0, SIZE_MAX, 0, false, false };
	return t;
}

int search_rank(struct search_ranking *ranking, const struct search_results *results, const struct library *library,
		const char *query)
{
	struct topic_map map = { NULL, NULL, 0 };
	search_ranking_release(ranking);
	ranking->topics = malloc((results->count + 1) * sizeof *ranking->topics);
	if (!ranking->topics || map_init(&map, results->count + 1) < 0) {
		map_release(&map);
		return -1;
	}
	for (size_t i = 0; i < results->count; i++) {
		const struct search_hit *hit = &results->hits[i];
		struct search_topic *t = topic_for(ranking, &map, hit->card);
		t->hits++;
		if (t->first_hit == SIZE_MAX)
			t->first_hit = i;
		if (hit->field == SEARCH_TITLE || hit->field == SEARCH_ALIAS)
			t->name_hit = true;
	}
	enum library_naming naming;
	const struct card *named = library_find_named(library, query, &naming);
	/* A near miss names a topic only when the text has nothing better to
	 * offer: "alpha2" must not promote Alphix over the cards that say α2. */
	if (named && naming == LIBRARY_NAMES_FUZZY && results->count > 0)
		named = NULL;
	if (named) {
		struct search_topic *t = topic_for(ranking, &map, named);
		t->named = true;
		ranking->named = named;
		ranking->naming = naming;
	}
	qsort(ranking->topics, ranking->count, sizeof *ranking->topics, topic_order);
	/* Each topic's hits, in ranking order: a counting sort over the topics. */
	ranking->order = malloc((results->count + 1) * sizeof *ranking->order);
	if (!ranking->order) {
		map_release(&map);
		search_ranking_release(ranking);
		return -1;
	}
	size_t next = 0;
	for (size_t t = 0; t < ranking->count; t++) {
		map.entries[map_slot(&map, ranking->topics[t].card)] = t;
		ranking->topics[t].order_start = next;
		next += ranking->topics[t].hits;
	}
	size_t *filled = calloc(ranking->count + 1, sizeof *filled);
	if (!filled) {
		map_release(&map);
		search_ranking_release(ranking);
		return -1;
	}
	for (size_t i = 0; i < results->count; i++) {
		size_t t = map.entries[map_slot(&map, results->hits[i].card)];
		ranking->order[ranking->topics[t].order_start + filled[t]++] = i;
	}
	free(filled);
	map_release(&map);
	return 0;
}
