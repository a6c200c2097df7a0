/* library — see include/library.h. */
#include "library.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "text.h"
#include "library_fold_cache.h"
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

static int index_grow(struct name_table *index)
{
	size_t size = index->size ? index->size * 2 : 256;
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
	if ((index->used + 1) * 4 >= index->size * 3 && index_grow(index) < 0)
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

void library_init(struct library *library)
{
	memset(library, 0, sizeof *library);
	arena_init(&library->arena);
}

void library_release(struct library *library)
{
	if (library->index) {
		free(library->index->exact.slots);
		free(library->index->folded.slots);
		arena_release(&library->index->names);
	}
	free(library->index);
	library_fold_cache_free(library->fold_cache);
	free(library->sorted);
	free(library->cards);
	free(library->vocab);
	free(library->packs);
	free(library->overrides);
	for (size_t i = 0; i < library->nmappings; i++)
		munmap(library->mappings[i].addr, library->mappings[i].size);
	free(library->mappings);
	free(library->unchecked);
	free(library->runs);
	arena_release(&library->arena);
	library_init(library);
}

int library_keep_mapping(struct library *library, void *addr, size_t size)
{
	if (array_grow(&library->mappings, &library->mappings_alloc, library->nmappings, sizeof *library->mappings) < 0)
		return -1;
	library->mappings[library->nmappings++] = (struct library_mapping){ addr, size };
	return 0;
}

int library_add_unchecked(struct library *library, const struct library_unchecked *entry)
{
	if (array_grow(&library->unchecked, &library->unchecked_alloc, library->nunchecked,
		       sizeof *library->unchecked) < 0)
		return -1;
	struct library_unchecked copy = *entry;
	if (!(copy.dir = arena_strdup(&library->arena, entry->dir)) ||
	    !(copy.file = arena_strdup(&library->arena, entry->file)))
		return -1;
	library->unchecked[library->nunchecked++] = copy;
	return 0;
}

int library_copy_vocab(struct library *library, const struct library *from)
{
	for (size_t i = 0; i < from->nvocab; i++) {
		const struct vocab_entry *v = &from->vocab[i];
		if (library_vocab(library, v->key))
			continue;
		struct vocab_entry copy = { arena_strdup(&library->arena, v->key),
					    arena_strdup(&library->arena, v->label),
					    v->ask ? arena_strdup(&library->arena, v->ask) : NULL, v->typed, v->type,
					    v->rank ? arena_strdup(&library->arena, v->rank) : NULL };
		if (!copy.key || !copy.label || (v->ask && !copy.ask) || (v->rank && !copy.rank) ||
		    library_add_vocab(library, &copy) < 0)
			return -1;
	}
	return 0;
}

size_t library_add_pack(struct library *library, const struct pack_info *pack)
{
	if (array_grow(&library->packs, &library->packs_alloc, library->npacks, sizeof *library->packs) < 0)
		return (size_t)-1;
	library->packs[library->npacks] = *pack;
	if (!library->start && pack->start)
		library->start = pack->start;
	return library->npacks++;
}

bool library_has_pack(const struct library *library, const char *name)
{
	for (size_t i = 0; name && i < library->npacks; i++)
		if (library->packs[i].name && strcmp(library->packs[i].name, name) == 0)
			return true;
	return false;
}

int library_add_vocab(struct library *library, const struct vocab_entry *entry)
{
	if (library_vocab(library, entry->key))
		return 0;
	if (array_grow(&library->vocab, &library->vocab_alloc, library->nvocab, sizeof *library->vocab) < 0)
		return -1;
	library->vocab[library->nvocab++] = *entry;
	return 0;
}

const struct vocab_entry *library_vocab(const struct library *library, const char *key)
{
	int i = library_vocab_index(library, key);
	return i < 0 ? NULL : &library->vocab[i];
}

int library_vocab_index(const struct library *library, const char *key)
{
	for (size_t i = 0; i < library->nvocab; i++)
		if (strcmp(library->vocab[i].key, key) == 0)
			return (int)i;
	return -1;
}

int library_add_card(struct library *library, struct card *card)
{
	if (!library->index) {
		library->index = calloc(1, sizeof *library->index);
		if (!library->index)
			return -1;
		arena_init(&library->index->names);
	}
	uint64_t id_hash = text_hash_nocase(card->id);
	struct index_slot *slot = index_find(&library->index->exact, card->id, id_hash);
	if (slot && slot->key && slot->rank == NAME_ID) {
		if (array_grow(&library->overrides, &library->overrides_alloc, library->noverrides,
			       sizeof *library->overrides) < 0)
			return -1;
		library->overrides[library->noverrides++] = (struct library_override){
			.id = slot->card->id,
			.winner_pack = slot->card->pack,
			.loser_pack = card->pack,
			.loser_path = card->path,
		};
		return 1;
	}
	if (array_grow(&library->cards, &library->cards_alloc, library->ncards, sizeof *library->cards) < 0)
		return -1;
	struct card **cards = library->cards;
	if (index_put_hashed(&library->index->exact, card->id, id_hash, card, NAME_ID) < 0)
		return -1;
	for (size_t i = 0; i < card->naliases; i++)
		if (index_put(&library->index->exact, card->aliases[i], card, NAME_ALIAS) < 0)
			return -1;
	/* Once the folded table is built, it keeps up. */
	if (library->index->folded_ready && index_card_folded(library->index, card) < 0)
		return -1;
	cards[library->ncards++] = card;
	if (card->pack < library->npacks)
		library->packs[card->pack].ncards++;
	return 0;
}

const struct card *library_find_exact(const struct library *library, const char *name)
{
	struct index_slot *slot = library->index && name ? index_lookup(&library->index->exact, name) : NULL;
	return slot && slot->key ? slot->card : NULL;
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

const struct card *library_start(const struct library *library)
{
	const struct card *card = library->start ? library_find(library, library->start) : NULL;
	if (card)
		return card;
	for (size_t i = 0; i < library->ncards; i++)
		if (library->cards[i]->kind == CARD_EXPLAINER)
			return library->cards[i];
	return library->ncards ? library->cards[0] : NULL;
}

/* Keeps the ids in refs[] that name loaded cards; warns about the others. */
struct refs {
	const char *what;	/* "is related to" */
	const char **ids;
	struct card_pos *at;
	size_t n;
};

/* Keeps the ids that name loaded cards; warns about the others where they
 * are written, except those that only `context` has.  Returns how many are
 * kept. */
static size_t keep_loaded(struct library *library, const struct library *context, const struct card *card,
			  struct refs refs, struct diag_list *diags)
{
	size_t kept = 0;
	for (size_t i = 0; i < refs.n; i++) {
		const struct card *target = library_find_exact(library, refs.ids[i]);
		if (!target) {
			struct card_pos pos = refs.at && refs.at[i].line ? refs.at[i] : (struct card_pos){ card->line, 1 };
			if (!context || !library_find_exact(context, refs.ids[i]))
				diag_add(diags, DIAG_WARNING, card->path, pos.line, pos.col,
					 "'%s' %s '%s', which is not loaded; the link is dropped", card->id, refs.what,
					 refs.ids[i]);
			continue;
		}
		if (refs.at)
			refs.at[kept] = refs.at[i];
		refs.ids[kept++] = target->id;
	}
	return kept;
}

/* A choice's topic that names no loaded card is dropped, with a warning where
 * it is written (as for related and compare_with). */
static void drop_unloaded_topics(struct library *library, const struct library *context, const struct card *card,
				 struct card_question *question, struct diag_list *diags)
{
	for (size_t i = 0; question->choice_topics && i < question->nchoices; i++) {
		const char *id = question->choice_topics[i];
		const struct card *target = id ? library_find_exact(library, id) : NULL;
		if (target) {
			question->choice_topics[i] = target->id;
			continue;
		}
		if (id && (!context || !library_find_exact(context, id))) {
			struct card_pos pos = question->choice_topics_at && question->choice_topics_at[i].line
						      ? question->choice_topics_at[i]
						      : (struct card_pos){ question->line, 1 };
			diag_add(diags, DIAG_WARNING, card->path, pos.line, pos.col,
				 "choice '%s' of a question of '%s' stands for '%s', which is not loaded; the topic "
				 "is dropped", question->choices[i], card->id, id);
		}
		question->choice_topics[i] = NULL;
	}
}

/* A question's `see` names a section its card has, and its choices' topics
 * loaded cards. */
static void resolve_question(struct library *library, const struct library *context, const struct card *card,
			     struct card_question *question, struct diag_list *diags)
{
	if (question->see >= 0 && !card_has_section(card, (enum section)question->see)) {
		diag_add(diags, DIAG_WARNING, card->path, question->line, 1,
			 "question points to section '%s', which card '%s' does not have",
			 section_key((enum section)question->see), card->id);
		question->see = -1;
	}
	drop_unloaded_topics(library, context, card, question, diags);
}

static void sort_cards(const struct library *library, const struct card **out);

void library_resolve(struct library *library, struct diag_list *diags)
{
	library_resolve_within(library, NULL, diags);
}

void library_resolve_within(struct library *library, const struct library *context, struct diag_list *diags)
{
	for (size_t c = 0; c < library->ncards; c++) {
		struct card *card = library->cards[c];
		if (card->member_of &&
		    keep_loaded(library, context, card,
				(struct refs){ "is a member of", &card->member_of, &card->member_of_at, 1 }, diags) == 0)
			card->member_of = NULL;
		card->nrelated = keep_loaded(library, context, card,
					     (struct refs){ "is related to", card->related, card->related_at,
							    card->nrelated },
					     diags);
		card->ncompare_with = keep_loaded(library, context, card,
						  (struct refs){ "compares with", card->compare_with,
								 card->compare_with_at, card->ncompare_with },
						  diags);
		for (size_t q = 0; q < card->nquiz; q++) {
			resolve_question(library, context, card, &card->quiz[q], diags);
			for (size_t p = 0; p < card->quiz[q].nparts; p++)
				resolve_question(library, context, card, &card->quiz[q].parts[p], diags);
		}
	}
	/* Search sorts its hits in this order on every query: with 10,000 cards
	 * the sort would cost more than scanning the text. */
	free(library->sorted);
	library->nsorted = 0;
	library->sorted = malloc((library->ncards + 1) * sizeof *library->sorted);
	if (library->sorted) {
		sort_cards(library, library->sorted);
		library->nsorted = library->ncards;
	}
	/* Search compares folded text (text_fold), folded on the first search
	 * into this cache and kept, so each later query is a plain scan. */
	library_fold_cache_free(library->fold_cache);
	library->fold_cache = library->sorted ? library_fold_cache_new() : NULL;
}

int library_topic_cmp(const struct card *a, const struct card *b)
{
	if (a->kind != b->kind)
		return (int)a->kind - (int)b->kind;
	int c = text_casecmp(a->title, b->title);
	return c ? c : strcmp(a->id, b->id);
}

static int sorted_order(const void *a, const void *b)
{
	return library_topic_cmp(*(const struct card *const *)a, *(const struct card *const *)b);
}

int library_add_sorted_run(struct library *library, size_t pack, struct card **cards, size_t n)
{
	if (array_grow(&library->runs, &library->runs_alloc, library->nruns, sizeof *library->runs) < 0)
		return -1;
	library->runs[library->nruns++] = (struct library_run){ pack, cards, n };
	return 0;
}

/* Merges the sorted a[0..na) and b[0..nb) into out. */
static void merge(const struct card *const *a, size_t na, const struct card *const *b, size_t nb,
		  const struct card **out)
{
	size_t i = 0, j = 0, k = 0;
	while (i < na && j < nb)
		out[k++] = library_topic_cmp(b[j], a[i]) < 0 ? b[j++] : a[i++];
	while (i < na)
		out[k++] = a[i++];
	while (j < nb)
		out[k++] = b[j++];
}

static bool pack_has_run(const struct library *library, size_t pack)
{
	for (size_t r = 0; r < library->nruns; r++)
		if (library->runs[r].pack == pack)
			return true;
	return false;
}

/* The cards of packs with a stored order merged, the others sorted and
 * merged in: a pack cache's 50,000 titles are not sorted again at every
 * start.  false when out of memory or the runs do not add up to the
 * library's cards (the caller sorts them all). */
static bool merge_runs(const struct library *library, const struct card **out)
{
	size_t n = library->ncards, rest = 0;
	const struct card **scratch = malloc((n + 1) * sizeof *scratch);
	if (!scratch)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!pack_has_run(library, library->cards[i]->pack))
			out[rest++] = library->cards[i];
	qsort(out, rest, sizeof *out, sorted_order);
	size_t done = rest;
	for (size_t r = 0; r < library->nruns; r++) {
		const struct library_run *run = &library->runs[r];
		if (run->ncards > n - done)
			break;
		merge(out, done, (const struct card *const *)run->cards, run->ncards, scratch);
		done += run->ncards;
		memcpy(out, scratch, done * sizeof *out);
	}
	free(scratch);
	return done == n;
}

static void sort_cards(const struct library *library, const struct card **out)
{
	if (library->nruns > 0 && merge_runs(library, out))
		return;
	for (size_t i = 0; i < library->ncards; i++)
		out[i] = library->cards[i];
	qsort(out, library->ncards, sizeof *out, sorted_order);
}

void library_sorted(const struct library *library, const struct card **out)
{
	if (library->sorted && library->nsorted == library->ncards)
		memcpy(out, library->sorted, library->ncards * sizeof *out);
	else
		sort_cards(library, out);
}
