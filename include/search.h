/* search — full-text search over the loaded cards (no curses).
 *
 * Matching is substring search over the folded forms (text_fold: case,
 * accents, Greek letters and their names, superscripts, dashes and spaces:
 * "K+" finds K⁺, "alpha2" finds α2, "gaba a" finds GABA-A) of titles,
 * aliases, every text section and fact values.  A hit is found in the folded
 * text; where it lies in the original text is worked out when asked
 * (search_hit_span), because that means walking the text from its start, and
 * a common word's half a million hits must not walk the whole library when a
 * screen shows twenty of them.  Results come in a stable order (title/alias
 * hits first, then by card list order and section); search_rank() orders
 * them by topic.
 */
#ifndef RXPLORE_SEARCH_H
#define RXPLORE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "card.h"
#include "library.h"

enum search_field { SEARCH_TITLE, SEARCH_ALIAS, SEARCH_SECTION, SEARCH_FACT };

struct search_hit {
	const struct card *card;
	const char *text;	/* the searched string (title, alias, section text, fact value) */
	enum search_field field;
	int section;		/* enum section for SEARCH_SECTION / SEARCH_FACT, else -1 */
	/* The match: in text's folded form until mapped is set
	 * (search_results_map), then in text itself, in bytes (whole
	 * characters).  Read it with search_hit_span().  32 bits: a card file
	 * is at most LOADER_MAX_FILE_BYTES, and a common word's half a million
	 * hits should take as little memory as they can. */
	uint32_t offset, length;
	bool mapped;
};

struct search_results {
	struct search_hit *hits;
	size_t count, alloc;
};

void search_results_init(struct search_results *results);
void search_results_release(struct search_results *results);

/* Appends every match of query (non-empty) in the library: one hit per
 * occurrence in section text, one per title/alias/fact.  Returns 0, or -1
 * when out of memory. */
int search_run(struct search_results *results, const struct library *library, const char *query);

/* Where the hit lies in hit->text, in bytes (whole characters): mapped
 * already, or worked out now by walking the text up to it. */
void search_hit_span(const struct search_hit *hit, size_t *offset, size_t *length);

/* Maps every hit (offset, length, mapped), walking each text once however
 * many hits it has: for a caller that shows them all. */
void search_results_map(struct search_results *results);

/* True if the card's title or one of its aliases contains query (the live
 * filter of the topic list). */
bool search_title_matches(const struct card *card, const char *query);

/* --- ranking: which topics, in which order ------------------------------ */

/* One card among the results. */
struct search_topic {
	const struct card *card;
	size_t hits;		/* its hits in the results (0 for a named topic the text never mentions) */
	size_t first_hit;	/* index of its first hit in results->hits, or SIZE_MAX when hits is 0 */
	size_t order_start;	/* its hits are order[order_start .. order_start + hits) */
	bool named;		/* the query names this topic: it comes first */
	bool name_hit;		/* its title or an alias contains the query */
};

struct search_ranking {
	struct search_topic *topics;	/* best first */
	size_t count;
	size_t *order;		/* indices into results->hits, grouped by topic in ranking order */
	const struct card *named;	/* the topic the query names (topics[0]), or NULL */
	enum library_naming naming;	/* how (LIBRARY_NAMES_NONE when named is NULL) */
};

void search_ranking_init(struct search_ranking *ranking);
void search_ranking_release(struct search_ranking *ranking);

/* Orders the cards of results for query: the topic the query names
 * (library_find_named: id or alias, title, prefix; a fuzzy match only when
 * nothing else was found) first, even when its text does not contain the
 * query; then cards whose title or an
 * alias contains it, drugs before classes, concepts and explainers; then the
 * rest by number of hits, most first; ties keep the topic-list order.
 * A front-end opens ranking->named on Enter when it is not NULL and shows
 * the list otherwise.  Returns 0, or -1 when out of memory. */
int search_rank(struct search_ranking *ranking, const struct search_results *results, const struct library *library,
		const char *query);

/* A snippet of about max_cols display columns around a hit, on one line
 * (newlines become spaces), with "…" at cut ends; *match_start and
 * *match_len locate the match within the snippet in bytes.  Writes into buf. */
void search_snippet(const struct search_hit *hit, int max_cols, char *buf, size_t size, size_t *match_start,
		    size_t *match_len);

#endif
