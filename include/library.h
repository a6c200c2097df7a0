/* library — every loaded card, the merged vocabulary and the packs they came
 * from, owned by one arena.
 *
 * Invariants: ids are unique across the library (an earlier pack overrides a
 * later one); cards[] is in load order; every reference a card holds
 * (member_of, related, compare_with) names a card in the library once
 * library_resolve() has run.
 */
#ifndef RXPLORE_LIBRARY_H
#define RXPLORE_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "card.h"
#include "diag.h"

/* What a fact's cells hold: free text, or a duration in hours that `check`
 * reads (fact_hours.h) and quizzes may rank by. */
enum fact_type { FACT_TEXT, FACT_HOURS };

struct vocab_entry {
	const char *key;	/* [a-z0-9_]+ */
	const char *label;	/* row heading in the comparison table */
	const char *ask;	/* question template with {title}, or NULL */
	/* The values are short names (a receptor, a class): the questions
	 * generated from ask may also be typed ones, where a value is short. */
	bool typed;
	enum fact_type type;
	/* FACT_HOURS: the question of a generated ranking ("Put these in order
	 * of half-life, shortest first."), or NULL for none. */
	const char *rank;
};

struct pack_info {
	const char *name;	/* `pack:`, or the folder name for loose cards */
	const char *title, *version, *start, *license;
	const char *dir;	/* where it was loaded from; "(built in)" for the embedded pack */
	int format;
	bool has_manifest;	/* false: a folder of loose cards */
	size_t ncards;		/* cards it contributed (after overrides) */
};

/* A card id supplied by more than one pack: the earlier pack wins. */
struct library_override {
	const char *id;
	size_t winner_pack, loser_pack;
	const char *loser_path;
};

/* A card's searchable strings in folded form (text_fold), for search.c:
 * aliases[i] folds card->aliases[i], facts[i] card->facts[i].value. */
struct card_folded {
	const char *title;
	const char **aliases;
	const char *text[SECTION_TEXT_COUNT];	/* NULL where the card has none */
	const char **facts;
};

struct library {
	struct arena arena;
	struct card **cards;
	size_t ncards, cards_alloc;
	struct vocab_entry *vocab;
	size_t nvocab, vocab_alloc;
	struct pack_info *packs;
	size_t npacks, packs_alloc;
	struct library_override *overrides;
	size_t noverrides, overrides_alloc;
	const char *start;	/* start card id from the first pack that names one */
	struct library_index *index;	/* private: case-insensitive id/alias lookup */
	const struct card **sorted;	/* private: topic-list order, kept by library_resolve */
	size_t nsorted;
	struct library_fold_cache *fold_cache;	/* private: search's folded text (library_folded) */
	/* Read-only file mappings cards point into (the pack cache), unmapped
	 * by library_release. */
	struct library_mapping {
		void *addr;
		size_t size;
	} *mappings;
	size_t nmappings, mappings_alloc;
	/* Pack caches used before their sources were checked (a terminal
	 * start paints first: include/library_verify.h), to check afterwards. */
	struct library_unchecked {
		const char *dir;	/* the pack folder as given */
		const char *file;	/* its cache file */
		uint64_t vocab_digest;	/* of the vocabulary its cards were checked against */
		const void *map;	/* its mapping, which the cards point into */
		size_t map_size;
	} *unchecked;
	size_t nunchecked, unchecked_alloc;
	/* A pack's cards already in topic-list order (its cache stores the
	 * order), so library_resolve merges them rather than sorting them. */
	struct library_run {
		size_t pack;
		struct card **cards;	/* in the arena */
		size_t ncards;
	} *runs;
	size_t nruns, runs_alloc;
	/* Cards were built without their bodies (card->body_from): only a
	 * start that paints first leaves them so, for library_complete(). */
	bool bodies_pending;
	/* private: packs whose cards' ids are not in the name index yet (a
	 * start that paints first), found by id through their cache's table of
	 * id hashes until library_complete indexes them (library_names.h). */
	struct library_late_ids {
		const unsigned char *table;	/* n × (u32 hash, u32 index), by hash */
		struct card *const *cards;	/* the pack's cards as its cache lists them */
		size_t n;
		size_t first, added;	/* those added: cards[first..first + added) */
	} *late_ids;
	size_t nlate_ids, late_ids_alloc;
	/* private: the aliases of cards[aliases_from..] are not indexed yet
	 * (library_names.h, library_index_late_aliases). */
	bool aliases_late;
	size_t aliases_from;
};

void library_init(struct library *library);
void library_release(struct library *library);

/* Hands a mapping (mmap) to the library, which unmaps it when released.
 * Returns 0, or -1 when out of memory (the caller keeps it then). */
int library_keep_mapping(struct library *library, void *addr, size_t size);

/* Folds every card's id, aliases and title for the look-ups of what people
 * type (library_find, library_find_named, library_closest), which otherwise
 * do it on their first call: the terminal interface calls it after its
 * first frame.  Returns 0, or -1 when out of memory (those look-ups then
 * find only exact ids and aliases). */
int library_index_names(const struct library *library);

/* Remembers a pack cache used unchecked (strings copied into the arena).
 * Returns 0, or -1 when out of memory. */
int library_add_unchecked(struct library *library, const struct library_unchecked *entry);

/* Puts card's facts in the order of the library's vocabulary. */
void library_order_facts(const struct library *library, struct card *card);

/* Registers a pack; returns its index, or (size_t)-1 when out of memory. */
size_t library_add_pack(struct library *library, const struct pack_info *pack);
/* Whether a pack called name (its `pack:`) is loaded; false for NULL. */
bool library_has_pack(const struct library *library, const char *name);

/* Adds a vocabulary entry unless its key is already known (first wins).
 * Strings must already live in the library's arena.  Returns 0 or -1. */
int library_add_vocab(struct library *library, const struct vocab_entry *entry);
/* Copies from's vocabulary after library's own (first wins), strings and
 * all.  Returns 0 or -1. */
int library_copy_vocab(struct library *library, const struct library *from);
const struct vocab_entry *library_vocab(const struct library *library, const char *key);
/* Position of key in the vocabulary (display order), or -1. */
int library_vocab_index(const struct library *library, const char *key);

/* Makes room for ncards more cards (on top of the room made before: calls
 * add up) with nnames ids and aliases among them, so that adding many (a
 * pack cache's, the bundled pack's after it) grows nothing step by step.
 * Returns 0, or -1 when out of memory (adding still works, only slower). */
int library_reserve_cards(struct library *library, size_t ncards, size_t nnames);

/* Registers the table of ids of a pack cache read for its heads only
 * (compiled_pack.id_table, n entries for cards[0..n)); the pack's cards are
 * then added with library_add_late_card.  Returns 0, or -1 when out of memory. */
int library_add_late_ids(struct library *library, const unsigned char *table, struct card *const *cards, size_t n);
/* library_add_card for a card of the pack registered last: it is found
 * through that table rather than put in the name index now. */
int library_add_late_card(struct library *library, struct card *card);
/* Whether the pack registered last can be added whole
 * (library_add_late_cards): it is the first pack with cards, so none of
 * them can be overridden. */
bool library_takes_late_cards_whole(const struct library *library);
/* Adds cards[0..n) of pack, the pack registered last, as n calls of
 * library_add_late_card would, without reading the cards (card->pack must
 * be pack already; 50,000 cards a cache miss each was a tenth of a start).
 * Returns 0, or -1 when out of memory. */
int library_add_late_cards(struct library *library, size_t pack, struct card *const *cards, size_t n);

/* Adds a card (allocated in the library's arena).  If its id is already
 * present from an earlier pack, the card is not added: the override is
 * recorded and 1 returned.  Returns 0 when added, -1 when out of memory.
 * (Duplicates within one pack are the loader's to reject beforehand.) */
int library_add_card(struct library *library, struct card *card);

/* Looks a card up by id or alias as written (case-insensitively): how cards
 * refer to each other.  NULL when unknown. */
const struct card *library_find_exact(const struct library *library, const char *name);

/* Looks up what a person typed: an id or alias as written, else an id, alias
 * or title that folds to the same (text_fold: "GABA A" finds gaba-a, "K+"
 * finds "K⁺ channel", "valium" finds its card by alias).  NULL when unknown. */
const struct card *library_find(const struct library *library, const char *name);

/* How a query names a topic, strongest first. */
enum library_naming {
	LIBRARY_NAMES_ID,	/* its id or an alias, folded */
	LIBRARY_NAMES_TITLE,	/* its title, folded */
	LIBRARY_NAMES_PREFIX,	/* the start of an id, alias or title (3+ characters folded) */
	LIBRARY_NAMES_FUZZY,	/* close to one (library_closest; 4+ characters folded) */
	LIBRARY_NAMES_NONE
};

/* The topic name names, and how (*how may be NULL): exact (library_find),
 * then the shortest name it is a prefix of, then the closest.  NULL and
 * LIBRARY_NAMES_NONE when it names none. */
const struct card *library_find_named(const struct library *library, const char *name, enum library_naming *how);

/* The card whose folded id, alias or title is closest to name (text_suggest
 * over the folded names) for a "did you mean" hint, or NULL. */
const struct card *library_closest(const struct library *library, const char *name);

/* The id of library_closest(), or NULL. */
const char *library_suggest(const struct library *library, const char *name);

/* Folds the strings search reads of card into *out, in arena.  Returns 0,
 * or -1 when out of memory. */
int library_fold_card(struct arena *arena, const struct card *card, struct card_folded *out);

/* The folded strings of every card, parallel to the topic-list order
 * (library_sorted), folded on the first call after library_resolve and kept
 * (start-up does not pay for it); NULL when the library was not resolved or
 * memory ran out (search then folds as it goes). */
const struct card_folded *library_folded(const struct library *library);

/* Replaces every display string of every card (titles, aliases, sections,
 * diagrams, facts, quiz questions, choices and explanations, sources), the
 * vocabulary's labels and questions and the packs' titles with their ASCII
 * form (translit_text), in the library's arena: for a terminal whose charset
 * is not UTF-8, so every renderer and every width is computed on ASCII.  Ids,
 * fact keys, question ids and anything else progress stores are left alone.
 * Returns 0, or -1 when out of memory (the library stays usable: each string
 * is either old or new). */
int library_transliterate(struct library *library);

/* The start card: the packs' `start` if loaded, else the first explainer,
 * else the first card; NULL for an empty library. */
const struct card *library_start(const struct library *library);

/* Drops references (member_of, related, compare_with, quiz `see`) to cards or
 * sections that are not loaded, with a warning each, and works out the
 * topic-list order once (library_sorted then only copies it).  Call once
 * after the last pack is loaded. */
void library_resolve(struct library *library, struct diag_list *diags);
/* The same, for content checked on its own (`rxplore check PATH`): a
 * reference to a card that only context (the rest of the search path) holds
 * is dropped without a warning, since it resolves when the two load
 * together.  context may be NULL. */
void library_resolve_within(struct library *library, const struct library *context, struct diag_list *diags);
/* Only the topic-list order of library_resolve (the references left as they
 * are): for a library whose bodies are still to be read. */
void library_sort_topics(struct library *library);
/* Only the references of library_resolve (the order kept as it is): for
 * those bodies once read (library_complete). */
void library_resolve_links(struct library *library, struct diag_list *diags);

/* The topic-list order: by kind (explainers, concepts, classes, drugs), then
 * title (ASCII case ignored), then id.  <0, 0 or >0 as strcmp. */
int library_topic_cmp(const struct card *a, const struct card *b);

/* Every card pack added, in topic-list order (cards[0..n), in the arena):
 * library_resolve then merges it instead of sorting it.  Only for a pack
 * whose every added card is in cards.  Returns 0, or -1 (out of memory: the
 * library sorts as usual). */
int library_add_sorted_run(struct library *library, size_t pack, struct card **cards, size_t n);

/* The topic-list order library_resolve worked out (ncards entries), which
 * stays as long as the library, or NULL before it ran. */
const struct card *const *library_topics(const struct library *library);
/* Cards sorted for the topic list: by kind (explainers, concepts, classes,
 * drugs), then title.  Fills out[] (ncards entries). */
void library_sorted(const struct library *library, const struct card **out);

/* --- the pack search path (DESIGN §2) ------------------------------------ */

struct search_path {
	char **dirs;
	size_t count, alloc;
};

void search_path_init(struct search_path *path);
void search_path_release(struct search_path *path);

/* Builds the folders to load, first (strongest) to last: each content dir
 * as given; then, unless no_default_packs, every subfolder of
 * $XDG_DATA_HOME/rxplore (default ~/.local/share), of each $XDG_DATA_DIRS
 * entry's rxplore/ (default /usr/local/share:/usr/share), and of
 * installed_dir, each group in byte order.  Folders that do not exist are
 * skipped.  Returns 0 or -1 (out of memory). */
int search_path_build(struct search_path *path, const char *const *content_dirs, size_t ncontent,
		      bool no_default_packs, const char *installed_dir);

#endif
