/* arena — one bump allocator that owns everything loaded from content.
 *
 * Cards, strings and arrays live here so loading is a few large allocations
 * and freeing a library is one call.  Nothing allocated from an arena is freed
 * on its own; arena_release() frees it all.
 */
#ifndef RXPLORE_ARENA_H
#define RXPLORE_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;	/* newest chunk first */
	size_t bytes;			/* total bytes handed out (for statistics) */
};

void arena_init(struct arena *arena);
void arena_release(struct arena *arena);

/* Moves everything from holds into arena (no copy): pointers into it stay
 * valid and now live until arena_release(arena); from is left empty. */
void arena_adopt(struct arena *arena, struct arena *from);

/* size bytes aligned for any object, or NULL when out of memory.  Zeroed. */
void *arena_alloc(struct arena *arena, size_t size);

/* count * size bytes, with overflow checked. */
void *arena_array(struct arena *arena, size_t count, size_t size);

/* NUL-terminated copies; NULL when out of memory. */
char *arena_strndup(struct arena *arena, const char *s, size_t len);
char *arena_strdup(struct arena *arena, const char *s);

/* The one growable-array idiom, for arrays kept as (items, count, alloc) on
 * the heap rather than in an arena: makes room for element count, doubling
 * the allocation (16 to start) when it is full.  items_field is the address
 * of the array pointer (&list->items).  Returns 0, or -1 when out of memory
 * (the array is left as it was). */
int array_grow(void *items_field, size_t *alloc, size_t count, size_t size);

/* A hint that size bytes at p (heap memory about to be written whole: a
 * large pack's arrays) are wanted now: where the system can, their pages
 * are made ready in one call rather than one fault at a time, which is most
 * of what filling 50,000 pointers costs on some virtual machines.  Changes
 * nothing in them; does nothing for small sizes or where unsupported. */
void memory_prefault(void *p, size_t size);

#endif
