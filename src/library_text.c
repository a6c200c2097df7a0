/* library_text — the library's text in other forms: folded for search, and
 * ASCII for terminals that are not UTF-8 (see include/library.h). */
#include "library.h"

#include <stdlib.h>
#include <string.h>

#include "library_fold_cache.h"
#include "translit.h"

/* The folded form of s in arena; NULL stays NULL.  *failed is set when out of memory. */
static const char *folded(struct arena *arena, const char *s, bool *failed)
{
	if (!s)
		return NULL;
	char *out = text_fold_arena(arena, s);
	if (!out)
		*failed = true;
	return out;
}

int library_fold_card(struct arena *arena, const struct card *card, struct card_folded *out)
{
	bool failed = false;
	memset(out, 0, sizeof *out);
	out->title = folded(arena, card->title, &failed);
	for (int s = 0; s < SECTION_TEXT_COUNT; s++)
		out->text[s] = folded(arena, card->text[s], &failed);
	const char **aliases = arena_array(arena, card->naliases + 1, sizeof *aliases);
	const char **facts = arena_array(arena, card->nfacts + 1, sizeof *facts);
	if (!aliases || !facts)
		return -1;
	for (size_t i = 0; i < card->naliases; i++)
		aliases[i] = folded(arena, card->aliases[i], &failed);
	for (size_t i = 0; i < card->nfacts; i++)
		facts[i] = folded(arena, card->facts[i].value, &failed);
	out->aliases = aliases;
	out->facts = facts;
	return failed ? -1 : 0;
}

struct library_fold_cache *library_fold_cache_new(void)
{
	struct library_fold_cache *cache = calloc(1, sizeof *cache);
	if (cache)
		arena_init(&cache->arena);
	return cache;
}

void library_fold_cache_free(struct library_fold_cache *cache)
{
	if (!cache)
		return;
	arena_release(&cache->arena);
	free(cache->cards);
	free(cache);
}

/* The cache is the library's own memory that a const look-up may fill: it
 * changes no answer, only how fast the next one comes. */
const struct card_folded *library_folded(const struct library *library)
{
	struct library_fold_cache *cache = library->fold_cache;
	if (!cache || cache->failed || !library->sorted || library->nsorted != library->ncards)
		return NULL;
	if (cache->cards)
		return cache->cards;
	struct card_folded *cards = calloc(library->ncards + 1, sizeof *cards);
	for (size_t i = 0; cards && i < library->ncards; i++)
		if (library_fold_card(&cache->arena, library->sorted[i], &cards[i]) < 0) {
			free(cards);
			cards = NULL;
		}
	cache->cards = cards;
	cache->failed = !cards;
	return cards;
}

/* Repoints *field at the ASCII form of its string, copied into arena, when
 * it has anything to transliterate. */
static bool ascii_converted(struct arena *arena, const char **field, size_t (*convert)(const char *, size_t, char *))
{
	const char *s = *field;
	if (!s)
		return true;
	size_t len = strlen(s);
	if (!translit_needed(s, len))
		return true;
	char *out = arena_alloc(arena, convert(s, len, NULL) + 1);
	if (!out)
		return false;
	convert(s, len, out);
	*field = out;
	return true;
}

static bool ascii_in_place(struct arena *arena, const char **field)
{
	return ascii_converted(arena, field, translit_text);
}

/* A copy of an array of n strings in the arena, each in ASCII (the built-in
 * pack's arrays are read-only data, so they are never edited in place). */
static bool ascii_array(struct arena *arena, const char ***items, size_t n)
{
	if (n == 0 || !*items)
		return true;
	const char **copy = arena_array(arena, n, sizeof *copy);
	if (!copy)
		return false;
	memcpy(copy, *items, n * sizeof *copy);
	for (size_t i = 0; i < n; i++)
		if (!ascii_in_place(arena, &copy[i]))
			return false;
	*items = copy;
	return true;
}

static bool ascii_sources(struct arena *arena, struct card *card)
{
	if (card->nsources == 0)
		return true;
	struct card_source *copy = arena_array(arena, card->nsources, sizeof *copy);
	if (!copy)
		return false;
	memcpy(copy, card->sources, card->nsources * sizeof *copy);
	for (size_t i = 0; i < card->nsources; i++) {
		struct card_source *s = &copy[i];
		const char **fields[] = { &s->title, &s->publisher, &s->authors, &s->chapter, &s->edition,
					  &s->year, &s->url, &s->identifier, &s->note };
		for (size_t f = 0; f < sizeof fields / sizeof *fields; f++)
			if (!ascii_in_place(arena, fields[f]))
				return false;
	}
	card->sources = copy;
	return true;
}

/* card->facts and card->quiz are the card's own copies (the loader and
 * adopt_card make them), so their strings are repointed in place; the
 * question ids stay as they were computed from the original text. */
static bool ascii_question(struct arena *arena, struct card_question *question)
{
	return ascii_in_place(arena, &question->ask) && ascii_in_place(arena, &question->explain) &&
	       ascii_array(arena, &question->choices, question->nchoices);
}

static bool ascii_card(struct arena *arena, struct card *card)
{
	bool ok = ascii_in_place(arena, &card->title) && ascii_array(arena, &card->aliases, card->naliases) &&
		  ascii_sources(arena, card) && ascii_in_place(arena, &card->reviewed_by);
	for (int s = 0; ok && s < SECTION_TEXT_COUNT; s++)
		ok = s == SECTION_DIAGRAM ? ascii_converted(arena, &card->text[s], translit_preformatted)
					  : ascii_in_place(arena, &card->text[s]);
	for (size_t i = 0; ok && i < card->nfacts; i++)
		ok = ascii_in_place(arena, &card->facts[i].value);
	for (size_t q = 0; ok && q < card->nquiz; q++) {
		struct card_question *question = &card->quiz[q];
		ok = ascii_question(arena, question);
		for (size_t p = 0; ok && p < question->nparts; p++)
			ok = ascii_question(arena, &question->parts[p]);
	}
	return ok;
}

int library_transliterate(struct library *library)
{
	struct arena *arena = &library->arena;
	/* Names keep folding as written: fold them before they are changed. */
	if (library_index_names(library) < 0)
		return -1;
	for (size_t i = 0; i < library->ncards; i++)
		if (!ascii_card(arena, library->cards[i]))
			return -1;
	for (size_t i = 0; i < library->nvocab; i++)
		if (!ascii_in_place(arena, &library->vocab[i].label) || !ascii_in_place(arena, &library->vocab[i].ask))
			return -1;
	for (size_t i = 0; i < library->npacks; i++)
		if (!ascii_in_place(arena, &library->packs[i].title))
			return -1;
	return 0;
}
