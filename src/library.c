/* library — see include/library.h: the packs, vocabulary and cards, their
 * links resolved, and the topic-list order.  Look-ups by name are
 * library_names.c's. */
#include "library.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "library_fold_cache.h"
#include "library_names.h"
#include "text.h"

void library_init(struct library *library)
{
	memset(library, 0, sizeof *library);
	arena_init(&library->arena);
}

void library_release(struct library *library)
{
	library_index_free(library->index);
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
	free(library->late_ids);
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

int library_reserve_cards(struct library *library, size_t ncards, size_t nnames)
{
	if (!library->index && !(library->index = library_index_new()))
		return -1;
	/* Reservations add up: room made for the bundled pack first stays
	 * when a large pack's is made. */
	size_t base = library->cards_alloc > library->ncards ? library->cards_alloc : library->ncards;
	if (ncards > SIZE_MAX / 2 / sizeof *library->cards - base)
		return -1;
	size_t want = base + ncards;
	if (ncards > 0) {
		struct card **grown = realloc(library->cards, want * sizeof *grown);
		if (!grown)
			return -1;
		memory_prefault(grown + library->ncards, (want - library->ncards) * sizeof *grown);
		library->cards = grown;
		library->cards_alloc = want;
	}
	return library_index_reserve(library->index, nnames);
}

int library_add_late_ids(struct library *library, const unsigned char *table, struct card *const *cards, size_t n)
{
	if (array_grow(&library->late_ids, &library->late_ids_alloc, library->nlate_ids, sizeof *library->late_ids) < 0)
		return -1;
	library->late_ids[library->nlate_ids++] =
		(struct library_late_ids){ table, cards, n, library->ncards, 0 };
	return 0;
}

/* late: a card of the pack whose table of ids was registered last. */
static int add_card(struct library *library, struct card *card, bool late)
{
	if (!library->index && !(library->index = library_index_new()))
		return -1;
	/* A late card is checked against the packs before its own: none for
	 * the first pack of a start, which then hashes nothing here. */
	size_t tables = late ? library->nlate_ids - 1 : library->nlate_ids;
	bool alone = late && tables == 0 && library_index_is_empty(library->index);
	uint64_t id_hash = alone ? 0 : text_hash_nocase(card->id);
	const struct card *owner = alone ? NULL : library_id_owner(library, card->id, id_hash, tables);
	if (owner) {
		if (array_grow(&library->overrides, &library->overrides_alloc, library->noverrides,
			       sizeof *library->overrides) < 0)
			return -1;
		library->overrides[library->noverrides++] = (struct library_override){
			.id = owner->id,
			.winner_pack = owner->pack,
			.loser_pack = card->pack,
			.loser_path = card->path,
		};
		return 1;
	}
	if (array_grow(&library->cards, &library->cards_alloc, library->ncards, sizeof *library->cards) < 0)
		return -1;
	/* A card whose body waits (a start that paints first) has its aliases
	 * indexed with the body, and so has every card after it, to keep the
	 * order they go in: library_complete. */
	if (card->body_from && !library->aliases_late) {
		library->aliases_late = true;
		library->aliases_from = library->ncards;
	}
	if (late)
		library->late_ids[library->nlate_ids - 1].added++;
	else if (library_index_add(library->index, card, id_hash, !library->aliases_late) < 0)
		return -1;
	library->cards[library->ncards++] = card;
	if (card->pack < library->npacks)
		library->packs[card->pack].ncards++;
	return 0;
}

int library_add_card(struct library *library, struct card *card)
{
	return add_card(library, card, false);
}

int library_add_late_card(struct library *library, struct card *card)
{
	return library->nlate_ids > 0 ? add_card(library, card, true) : -1;
}

bool library_takes_late_cards_whole(const struct library *library)
{
	return library->nlate_ids == 1 && library->ncards == 0;
}

int library_add_late_cards(struct library *library, size_t pack, struct card *const *cards, size_t n)
{
	if (!library_takes_late_cards_whole(library) || pack >= library->npacks ||
	    (!library->index && !(library->index = library_index_new())))
		return -1;
	if (n > library->cards_alloc - library->ncards && library_reserve_cards(library, n, 0) < 0)
		return -1;
	if (n > 0 && !library->aliases_late) {
		library->aliases_late = true;
		library->aliases_from = library->ncards;
	}
	memcpy(library->cards + library->ncards, cards, n * sizeof *cards);
	library->ncards += n;
	library->packs[pack].ncards += n;
	library->late_ids[0].added = n;
	return 0;
}

void library_order_facts(const struct library *library, struct card *card)
{
	/* Insertion sort into the merged vocabulary's order: a handful of facts. */
	for (size_t i = 1; i < card->nfacts; i++) {
		struct card_fact fact = card->facts[i];
		int rank = library_vocab_index(library, fact.key);
		size_t j = i;
		for (; j > 0 && library_vocab_index(library, card->facts[j - 1].key) > rank; j--)
			card->facts[j] = card->facts[j - 1];
		card->facts[j] = fact;
	}
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
static void resolve_links(struct library *library, const struct library *context, struct diag_list *diags);

void library_resolve(struct library *library, struct diag_list *diags)
{
	library_resolve_within(library, NULL, diags);
}

void library_resolve_within(struct library *library, const struct library *context, struct diag_list *diags)
{
	resolve_links(library, context, diags);
	library_sort_topics(library);
}

void library_resolve_links(struct library *library, struct diag_list *diags)
{
	resolve_links(library, NULL, diags);
}

static void resolve_links(struct library *library, const struct library *context, struct diag_list *diags)
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
}

void library_sort_topics(struct library *library)
{
	/* Search sorts its hits in this order on every query: with 10,000 cards
	 * the sort would cost more than scanning the text. */
	free(library->sorted);
	library->nsorted = 0;
	library->sorted = malloc((library->ncards + 1) * sizeof *library->sorted);
	memory_prefault(library->sorted, library->ncards * sizeof *library->sorted);
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

/* How many of the sorted b[0..nb) go before card: those that sort before
 * it, and with before_ties those equal to it too. */
static size_t how_many_before(const struct card *const *b, size_t nb, const struct card *card, bool before_ties)
{
	size_t lo = 0, hi = nb;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = library_topic_cmp(b[mid], card);
		if (c < 0 || (before_ties && c == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Merges the sorted few[0..nfew) into the sorted many[0..nmany), into out:
 * each of the few placed by binary search (after the many it ties with, or
 * with many_first before them), the many copied between, not compared. */
static void merge_few(const struct card *const *few, size_t nfew, const struct card *const *many, size_t nmany,
		      bool many_first, const struct card **out)
{
	size_t j = 0, k = 0;
	for (size_t i = 0; i < nfew; i++) {
		size_t run = how_many_before(many + j, nmany - j, few[i], many_first);
		memcpy(out + k, many + j, run * sizeof *out);
		k += run;
		j += run;
		out[k++] = few[i];
	}
	memcpy(out + k, many + j, (nmany - j) * sizeof *out);
}

/* Merges the sorted a[0..na) and b[0..nb) into out (a first where they tie).
 * A few cards merged into many (the bundled pack's into a large pack's)
 * take merge_few. */
static void merge(const struct card *const *a, size_t na, const struct card *const *b, size_t nb,
		  const struct card **out)
{
	if (na * 16 < nb) {
		merge_few(a, na, b, nb, false, out);
		return;
	}
	if (nb * 16 < na) {
		merge_few(b, nb, a, na, true, out);
		return;
	}
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

/* The cards of packs without a run into out (NULL: only counted); returns
 * how many, or (size_t)-1 when the runs do not fit the library.  A pack's
 * cards are together in cards[], so a pack with a run is stepped over whole
 * rather than card by card (50,000 cards read for the bundled pack's 60). */
static size_t cards_without_run(const struct library *library, const struct card **out)
{
	size_t n = library->ncards, rest = 0;
	for (size_t i = 0; i < n;) {
		const struct card *card = library->cards[i];
		if (!pack_has_run(library, card->pack)) {
			if (out)
				out[rest] = card;
			rest++;
			i++;
			continue;
		}
		size_t count = card->pack < library->npacks ? library->packs[card->pack].ncards : 0;
		if (count == 0 || count > n - i || library->cards[i + count - 1]->pack != card->pack)
			return (size_t)-1;
		i += count;
	}
	return rest;
}

/* The cards of packs with a stored order merged, the others sorted and
 * merged in: a pack cache's 50,000 titles are not sorted again at every
 * start.  false when out of memory or the runs do not add up to the
 * library's cards (the caller sorts them all). */
static bool merge_runs(const struct library *library, const struct card **out)
{
	size_t n = library->ncards, rest = cards_without_run(library, NULL);
	if (rest == (size_t)-1)
		return false;
	const struct card **sorted_rest = malloc((rest + 1) * sizeof *sorted_rest);
	if (!sorted_rest)
		return false;
	(void)cards_without_run(library, sorted_rest);
	qsort(sorted_rest, rest, sizeof *sorted_rest, sorted_order);
	size_t done = rest;
	if (library->nruns == 1 && library->runs[0].ncards == n - rest) {
		/* The usual start: one large pack's run, the bundled pack merged in. */
		merge(sorted_rest, rest, (const struct card *const *)library->runs[0].cards, n - rest, out);
		done = n;
	} else {
		const struct card **scratch = malloc((n + 1) * sizeof *scratch);
		if (scratch) {
			memcpy(out, sorted_rest, rest * sizeof *out);
			for (size_t r = 0; r < library->nruns; r++) {
				const struct library_run *run = &library->runs[r];
				if (run->ncards > n - done)
					break;
				merge(out, done, (const struct card *const *)run->cards, run->ncards, scratch);
				done += run->ncards;
				memcpy(out, scratch, done * sizeof *out);
			}
		}
		free(scratch);
	}
	free(sorted_rest);
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

const struct card *const *library_topics(const struct library *library)
{
	return library->sorted && library->nsorted == library->ncards ? library->sorted : NULL;
}

void library_sorted(const struct library *library, const struct card **out)
{
	if (library->sorted && library->nsorted == library->ncards)
		memcpy(out, library->sorted, library->ncards * sizeof *out);
	else
		sort_cards(library, out);
}
