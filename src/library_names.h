/* library_names — private to the library (library.c, library_names.c): the
 * name index a card's id and aliases enter when it is added.  The look-ups
 * by name it serves are declared in include/library.h. */
#ifndef RXPLORE_LIBRARY_NAMES_H
#define RXPLORE_LIBRARY_NAMES_H

#include <stdint.h>

#include "library.h"

/* An empty index, or NULL when out of memory; library_index_free(NULL) is a
 * no-op. */
struct library_index *library_index_new(void);
void library_index_free(struct library_index *index);

/* Whether the index holds no name yet. */
bool library_index_is_empty(const struct library_index *index);
/* The card that already holds id as its id (id_hash: text_hash_nocase(id)),
 * in the index or in the late tables [0, tables) (library->late_ids), or
 * NULL: an alias or title of that spelling does not count. */
const struct card *library_id_owner(const struct library *library, const char *id, uint64_t id_hash, size_t tables);
/* Indexes the ids of the cards added late (library_add_late_card), in the
 * order they were added, and forgets the late tables.  Returns 0, -1 when
 * out of memory, -2 when an id is there twice (a damaged cache). */
int library_index_late_ids(struct library *library);

/* Makes room for names more ids and aliases at once, rather than growing
 * the table step by step as they come.  Returns 0, or -1 when out of memory
 * (the index is unchanged and still works). */
int library_index_reserve(struct library_index *index, size_t names);
/* Indexes card's id and, with_aliases, its aliases (and folded names, once
 * those are built).  Returns 0, or -1 when out of memory. */
int library_index_add(struct library_index *index, struct card *card, uint64_t id_hash, bool with_aliases);
/* Indexes the aliases left out (library->aliases_late), in the order the
 * cards were added: the table comes out as if they had gone in with their
 * ids, since an id always wins over an alias and among aliases the first.
 * Returns 0, or -1 when out of memory. */
int library_index_late_aliases(struct library *library);

#endif
