/* library — see include/library.h. */
#include "library.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strtab.h"
#include "text.h"

/* Ids and aliases, case-insensitively (a strtab: value the card, flag set
 * for an alias).  Ids are inserted first-come and never displaced by an
 * alias, so an id always wins. */
struct library_index {
	struct strtab table;
};

/* Inserts key unless present; an alias never replaces an existing entry but
 * an id replaces an alias. */
static int index_put(struct library_index *index, const char *key, struct card *card, bool is_alias)
{
	bool added;
	struct strtab_slot *slot = strtab_put(&index->table, key, &added);
	if (!slot)
		return -1;
	if (added || (slot->flag && !is_alias)) {
		slot->key = key;
		slot->value = card;
		slot->flag = is_alias;
	}
	return 0;
}

static const struct strtab_slot *index_find(const struct library_index *index, const char *key)
{
	return index ? strtab_find(&index->table, key) : NULL;
}

void library_init(struct library *library)
{
	memset(library, 0, sizeof *library);
	arena_init(&library->arena);
}

void library_release(struct library *library)
{
	if (library->index)
		strtab_release(&library->index->table);
	free(library->index);
	free(library->sorted);
	free(library->cards);
	free(library->vocab);
	free(library->packs);
	free(library->overrides);
	arena_release(&library->arena);
	library_init(library);
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
		strtab_init(&library->index->table, true);
	}
	const struct strtab_slot *slot = index_find(library->index, card->id);
	if (slot && !slot->flag) {
		const struct card *winner = slot->value;
		if (array_grow(&library->overrides, &library->overrides_alloc, library->noverrides,
			       sizeof *library->overrides) < 0)
			return -1;
		library->overrides[library->noverrides++] = (struct library_override){
			.id = winner->id,
			.winner_pack = winner->pack,
			.loser_pack = card->pack,
			.loser_path = card->path,
		};
		return 1;
	}
	if (array_grow(&library->cards, &library->cards_alloc, library->ncards, sizeof *library->cards) < 0)
		return -1;
	if (index_put(library->index, card->id, card, false) < 0)
		return -1;
	for (size_t i = 0; i < card->naliases; i++)
		if (index_put(library->index, card->aliases[i], card, true) < 0)
			return -1;
	library->cards[library->ncards++] = card;
	if (card->pack < library->npacks)
		library->packs[card->pack].ncards++;
	return 0;
}

const struct card *library_find(const struct library *library, const char *name)
{
	const struct strtab_slot *slot = index_find(library->index, name);
	return slot ? slot->value : NULL;
}

const char *library_suggest(const struct library *library, const char *name)
{
	const char **ids = malloc((library->ncards + 1) * sizeof *ids);
	if (!ids)
		return NULL;
	for (size_t i = 0; i < library->ncards; i++)
		ids[i] = library->cards[i]->id;
	const char *best = text_suggest(name, ids, library->ncards);
	free(ids);
	return best;
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

/* The references of one kind on one card: the ids and where each is written
 * (at may be NULL), compacted together. */
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
		const struct card *target = library_find(library, refs.ids[i]);
		if (!target) {
			struct card_pos pos = refs.at && refs.at[i].line ? refs.at[i] : (struct card_pos){ card->line, 1 };
			if (!context || !library_find(context, refs.ids[i]))
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
			struct card_question *question = &card->quiz[q];
			if (question->see >= 0 && !card_has_section(card, (enum section)question->see)) {
				diag_add(diags, DIAG_WARNING, card->path, question->line, 1,
					 "question points to section '%s', which card '%s' does not have",
					 section_key((enum section)question->see), card->id);
				question->see = -1;
			}
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
}

static int sorted_order(const void *a, const void *b)
{
	const struct card *x = *(const struct card *const *)a, *y = *(const struct card *const *)b;
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	int c = text_casecmp(x->title, y->title);
	return c ? c : strcmp(x->id, y->id);
}

static void sort_cards(const struct library *library, const struct card **out)
{
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
