/* search — full-text search over the loaded cards (no curses).
 *
 * Matching is case-insensitive (ASCII) substring search over titles, aliases,
 * every text section, fact values and quiz-free fields; results come in a
 * stable order (title/alias hits first, then by card list order and section).
 */
#ifndef RXPLORE_SEARCH_H
#define RXPLORE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "card.h"
#include "library.h"

enum search_field { SEARCH_TITLE, SEARCH_ALIAS, SEARCH_SECTION, SEARCH_FACT };

struct search_hit {
	const struct card *card;
	enum search_field field;
	int section;		/* enum section for SEARCH_SECTION / SEARCH_FACT, else -1 */
	const char *text;	/* the searched string (title, alias, section text, fact value) */
	size_t offset, length;	/* the match within text, in bytes */
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

/* True if the card's title or one of its aliases contains query (the live
 * filter of the topic list). */
bool search_title_matches(const struct card *card, const char *query);

/* A snippet of about max_cols display columns around a hit, on one line
 * (newlines become spaces), with "…" at cut ends; *match_start and
 * *match_len locate the match within the snippet in bytes.  Writes into buf. */
void search_snippet(const struct search_hit *hit, int max_cols, char *buf, size_t size, size_t *match_start,
		    size_t *match_len);

#endif
