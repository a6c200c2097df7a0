/* library_names — the library's name index and every look-up by name (see
 * include/library.h for the look-ups, library_names.h for what library.c
 * calls when it adds a card). */
#include "library_names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "translit.h"

/* Open-addressing hashes of names.  The exact table holds ids and aliases
 * compared case-insensitively: references between cards resolve through it.
 * The folded table holds ids, aliases and titles in their folded form
 * (text_fold: "GABA A", "gaba-a" and "GABAa" are one key), for what people
 * type.  In each, an id is never displaced by an alias, nor an alias by a
 * title. */
enum name_rank { NAME_ID, NAME_ALIAS, NAME_TITLE };

struct index_slot {
	const char *key;	/* exact: as written, compared case-insensitively; folded: folded */
	struct card *card;
	/* text_hash_nocase(key), its low 32 bits (the slot stays 24 bytes): a
	 * probe compares it before the text, and growing the table does not
	 * hash every key again. */
	uint32_t hash;
	enum name_rank rank;
};

struct name_table {
	struct index_slot *slots;
	size_t size, used;	/* size is a power of two */
};

/* The folded table is built when first needed (folded_table()): a start
 * draws its first screen from ids alone, and folding every name of 50,000
 * cards was a quarter of a warm start.  Its folded keys live in names. */
struct library_index {
	struct name_table exact, folded;
	bool folded_ready;
	struct arena names;
};

/* key's slot (hash: text_hash_nocase(key)), or the empty one it would take. */
static struct index_slot *index_find(const struct name_table *index, const char *key, uint64_t hash)
{
	if (!index || index->size == 0)
		return NULL;
	size_t mask = index->size - 1;
	for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
		struct index_slot *slot = &index->slots[i];
		if (!slot->key || (slot->hash == (uint32_t)hash && text_casecmp(slot->key, key) == 0))
			return slot;
	}
}

static struct index_slot *index_lookup(const struct name_table *index, const char *key)
{
	return index_find(index, key, text_hash_nocase(key));
}

/* Grows the table to at least min_size slots (a power of two, doubled at
 * least once). */
static int index_grow_to(struct name_table *index, size_t min_size)
{
	size_t size = index->size ? index->size * 2 : 256;
	while (size < min_size && size <= SIZE_MAX / 2 / sizeof *index->slots)
		size *= 2;
	struct index_slot *old = index->slots;
	size_t old_size = index->size;
	index->slots = calloc(size, sizeof *index->slots);
	if (!index->slots) {
		index->slots = old;
		return -1;
	}
	index->size = size;
	for (size_t i = 0; i < old_size; i++)
		if (old[i].key)
			*index_find(index, old[i].key, old[i].hash) = old[i];
	free(old);
	return 0;
}

/* Inserts key unless present with a stronger (or equal) rank. */
static int index_put_hashed(struct name_table *index, const char *key, uint64_t hash, struct card *card,
			    enum name_rank rank)
{
	if ((index->used + 1) * 4 >= index->size * 3 && index_grow_to(index, 0) < 0)
		return -1;
	struct index_slot *slot = index_find(index, key, hash);
	if (slot->key) {
		if (rank < slot->rank)
			*slot = (struct index_slot){ key, card, (uint32_t)hash, rank };
		return 0;
	}
	*slot = (struct index_slot){ key, card, (uint32_t)hash, rank };
	index->used++;
	return 0;
}

static int index_put(struct name_table *index, const char *key, struct card *card, enum name_rank rank)
{
	return index_put_hashed(index, key, text_hash_nocase(key), card, rank);
}

static int index_put_folded(struct library_index *index, const char *name, struct card *card, enum name_rank rank)
{
	if (!name)
		return 0;
	char *folded = text_fold_arena(&index->names, name);
	if (!folded)
		return -1;
	return *folded ? index_put(&index->folded, folded, card, rank) : 0;
}

/* A card's id, aliases and title into the folded table. */
static int index_card_folded(struct library_index *index, struct card *card)
{
	if (index_put_folded(index, card->id, card, NAME_ID) < 0)
		return -1;
	for (size_t i = 0; i < card->naliases; i++)
		if (index_put_folded(index, card->aliases[i], card, NAME_ALIAS) < 0)
			return -1;
	return index_put_folded(index, card->title, card, NAME_TITLE);
}

struct library_index *library_index_new(void)
{
	struct library_index *index = calloc(1, sizeof *index);
	if (index)
		arena_init(&index->names);
	return index;
}

void library_index_free(struct library_index *index)
{
	if (!index)
		return;
	free(index->exact.slots);
	free(index->folded.slots);
	arena_release(&index->names);
	free(index);
}

int library_index_reserve(struct library_index *index, size_t names)
{
	struct name_table *exact = &index->exact;
	if (names > SIZE_MAX / 8 - exact->used)
		return -1;
	/* Below the 3/4 load index_put_hashed keeps. */
	size_t want = (exact->used + names + 1) * 4 / 3 + 1;
	return want <= exact->size ? 0 : index_grow_to(exact, want);
}

bool library_index_is_empty(const struct library_index *index)
{
	return index->exact.used == 0;
}

/* Entry i of a late table: its hash and its index. */
static uint32_t late_word(const struct library_late_ids *late, size_t i, size_t word)
{
	uint32_t v;
	memcpy(&v, late->table + (2 * i + word) * sizeof v, sizeof v);
	return v;
}

/* The card whose id is id (hash: text_hash_nocase(id)) among those of the
 * late tables [0, tables), or NULL.  The table is checked against the
 * cards only by library_complete: an index out of range is passed over. */
static const struct card *late_find(const struct library *library, size_t tables, const char *id, uint64_t hash)
{
	uint32_t want = (uint32_t)hash;
	for (size_t t = 0; t < tables && t < library->nlate_ids; t++) {
		const struct library_late_ids *late = &library->late_ids[t];
		size_t lo = 0, hi = late->n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (late_word(late, mid, 0) < want)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < late->n && late_word(late, lo, 0) == want; lo++) {
			uint32_t index = late_word(late, lo, 1);
			if (index < late->n && text_casecmp(late->cards[index]->id, id) == 0)
				return late->cards[index];
		}
	}
	return NULL;
}

const struct card *library_id_owner(const struct library *library, const char *id, uint64_t id_hash, size_t tables)
{
	const struct index_slot *slot = index_find(&library->index->exact, id, id_hash);
	if (slot && slot->key && slot->rank == NAME_ID)
		return slot->card;
	return late_find(library, tables, id, id_hash);
}

int library_index_late_ids(struct library *library)
{
	/* Room for all of them (and their aliases, next) at once. */
	size_t names = 0;
	for (size_t t = 0; t < library->nlate_ids; t++) {
		const struct library_late_ids *late = &library->late_ids[t];
		for (size_t c = late->first; c < late->first + late->added && c < library->ncards; c++)
			names += 1 + library->cards[c]->naliases;
	}
	if (names > 0 && library_index_reserve(library->index, names) < 0)
		return -1;
	for (size_t t = 0; t < library->nlate_ids; t++) {
		const struct library_late_ids *late = &library->late_ids[t];
		for (size_t c = late->first; c < late->first + late->added && c < library->ncards; c++) {
			struct card *card = library->cards[c];
			uint64_t hash = text_hash_nocase(card->id);
			const struct index_slot *slot = index_find(&library->index->exact, card->id, hash);
			if (slot && slot->key && slot->rank == NAME_ID)
				return -2;
			if (library_index_add(library->index, card, hash, false) < 0)
				return -1;
		}
	}
	library->nlate_ids = 0;
	return 0;
}

static int index_aliases(struct library_index *index, struct card *card)
{
	for (size_t i = 0; i < card->naliases; i++)
		if (index_put(&index->exact, card->aliases[i], card, NAME_ALIAS) < 0)
			return -1;
	return 0;
}

int library_index_add(struct library_index *index, struct card *card, uint64_t id_hash, bool with_aliases)
{
	if (index_put_hashed(&index->exact, card->id, id_hash, card, NAME_ID) < 0)
		return -1;
	if (with_aliases && index_aliases(index, card) < 0)
		return -1;
	/* Once the folded table is built, it keeps up. */
	return index->folded_ready ? index_card_folded(index, card) : 0;
}

int library_index_late_aliases(struct library *library)
{
	for (size_t c = library->aliases_from; library->aliases_late && c < library->ncards; c++)
		if (index_aliases(library->index, library->cards[c]) < 0)
			return -1;
	library->aliases_late = false;
	return 0;
}

/* The folded table, built from the cards in the order they were added (so
 * ranks and first-wins come out as if each had been added to it then), or
 * NULL when there is no card or no memory. */
static const struct name_table *folded_table(const struct library *library)
{
	struct library_index *index = library->index;
	if (!index)
		return NULL;
	for (size_t c = 0; !index->folded_ready && c < library->ncards; c++)
		if (index_card_folded(index, library->cards[c]) < 0) {
			free(index->folded.slots);
			index->folded = (struct name_table){ 0 };
			arena_release(&index->names);
			arena_init(&index->names);
			return NULL;
		}
	index->folded_ready = true;
	return &index->folded;
}

int library_index_names(const struct library *library)
{
	return library->ncards == 0 || folded_table(library) ? 0 : -1;
}

const struct card *library_find_exact(const struct library *library, const char *name)
{
	if (!library->index || !name)
		return NULL;
	uint64_t hash = text_hash_nocase(name);
	struct index_slot *slot = index_find(&library->index->exact, name, hash);
	if (slot && slot->key && slot->rank == NAME_ID)
		return slot->card;
	/* An id not indexed yet wins over an alias, as it will once it is. */
	const struct card *late = library->nlate_ids ? late_find(library, library->nlate_ids, name, hash) : NULL;
	return late ? late : slot && slot->key ? slot->card : NULL;
}

/* The folded table's entry for name, or NULL. */
static const struct index_slot *find_folded(const struct library *library, const char *name)
{
	const struct name_table *table = name ? folded_table(library) : NULL;
	if (!table)
		return NULL;
	char small[256], *folded = text_fold_buffer(name, small, sizeof small, NULL);
	if (!folded)
		return NULL;
	const struct index_slot *slot = *folded ? index_lookup(table, folded) : NULL;
	text_fold_release(folded, small);
	return slot && slot->key ? slot : NULL;
}

const struct card *library_find(const struct library *library, const char *name)
{
	const struct card *card = library_find_exact(library, name);
	if (card)
		return card;
	const struct index_slot *slot = find_folded(library, name);
	return slot ? slot->card : NULL;
}

/* The card with the shortest folded name that starts with folded (an id
 * before an alias before a title of the same length), or NULL. */
static const struct card *find_prefix(const struct library *library, const char *folded)
{
	const struct name_table *t = folded_table(library);
	const struct index_slot *best = NULL;
	size_t len = strlen(folded), best_len = 0;
	for (size_t i = 0; t && i < t->size; i++) {
		const struct index_slot *slot = &t->slots[i];
		if (!slot->key || strncasecmp(slot->key, folded, len) != 0)
			continue;
		size_t key_len = strlen(slot->key);
		if (!best || key_len < best_len || (key_len == best_len && slot->rank < best->rank)) {
			best = slot;
			best_len = key_len;
		}
	}
	return best ? best->card : NULL;
}

const struct card *library_find_named(const struct library *library, const char *name, enum library_naming *how)
{
	enum library_naming naming = LIBRARY_NAMES_NONE;
	const struct card *card = library_find_exact(library, name);
	if (card) {
		naming = LIBRARY_NAMES_ID;
	} else if (name && library->index) {
		const struct index_slot *slot = find_folded(library, name);
		size_t folded_len = 0;
		char small[256], *folded = text_fold_buffer(name, small, sizeof small, &folded_len);
		if (slot) {
			card = slot->card;
			naming = slot->rank == NAME_TITLE ? LIBRARY_NAMES_TITLE : LIBRARY_NAMES_ID;
		} else if (folded_len >= 3 && (card = find_prefix(library, folded)) != NULL) {
			naming = LIBRARY_NAMES_PREFIX;
		} else if (folded_len >= 4 && (card = library_closest(library, name)) != NULL) {
			naming = LIBRARY_NAMES_FUZZY;
		}
		text_fold_release(folded, small);
	}
	if (how)
		*how = naming;
	return card;
}

/* Every folded name (ids, aliases, titles) with its card, in table order. */
static size_t folded_names(const struct library *library, const char **keys, const struct card **cards)
{
	size_t n = 0;
	const struct name_table *t = folded_table(library);
	for (size_t i = 0; t && i < t->size; i++)
		if (t->slots[i].key) {
			keys[n] = t->slots[i].key;
			cards[n++] = t->slots[i].card;
		}
	return n;
}

const struct card *library_closest(const struct library *library, const char *name)
{
	const struct name_table *table = folded_table(library);
	size_t count = table ? table->used : 0;
	const char **keys = malloc((count + 1) * sizeof *keys);
	const struct card **cards = malloc((count + 1) * sizeof *cards);
	char *folded = name ? text_fold_buffer(name, NULL, 0, NULL) : NULL;
	const struct card *best = NULL;
	if (keys && cards && folded) {
		size_t n = folded_names(library, keys, cards);
		const char *key = text_suggest(folded, keys, n);
		for (size_t i = 0; key && i < n; i++)
			if (keys[i] == key)
				best = cards[i];
	}
	free(keys);
	free(cards);
	free(folded);
	return best;
}

const char *library_suggest(const struct library *library, const char *name)
{
	const struct card *card = library_closest(library, name);
	return card ? card->id : NULL;
}
