/* library_fold_cache — private to the library (library.c, library_text.c):
 * the folded text search reads, built on the first search. */
#ifndef RXPLORE_LIBRARY_FOLD_CACHE_H
#define RXPLORE_LIBRARY_FOLD_CACHE_H

#include "library.h"

struct library_fold_cache {
	struct arena arena;
	struct card_folded *cards;	/* parallel to library->sorted once built */
	bool failed;			/* out of memory once: do not try again */
};

/* An empty cache, or NULL when out of memory. */
struct library_fold_cache *library_fold_cache_new(void);
void library_fold_cache_free(struct library_fold_cache *cache);

#endif
