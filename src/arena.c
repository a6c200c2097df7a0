/* arena — see include/arena.h. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Big enough that a pack of cards needs only a few chunks. */
#define ARENA_CHUNK_SIZE ((size_t)64 * 1024)

struct arena_chunk {
	struct arena_chunk *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

void arena_init(struct arena *arena)
{
	arena->head = NULL;
	arena->bytes = 0;
}

void arena_release(struct arena *arena)
{
	struct arena_chunk *chunk = arena->head;
	while (chunk) {
		struct arena_chunk *next = chunk->next;
		free(chunk);
		chunk = next;
	}
	arena_init(arena);
}

void arena_adopt(struct arena *arena, struct arena *from)
{
	if (!from->head)
		return;
	/* from's chunks go behind arena's current one, which keeps its room. */
	struct arena_chunk *last = from->head;
	while (last->next)
		last = last->next;
	if (arena->head) {
		last->next = arena->head->next;
		arena->head->next = from->head;
	} else {
		arena->head = from->head;
	}
	arena->bytes += from->bytes;
	arena_init(from);
}

static size_t align_up(size_t n)
{
	size_t a = alignof(max_align_t);
	return (n + a - 1) & ~(a - 1);
}

/* size bytes, not zeroed: for copies that overwrite them all. */
static void *alloc_raw(struct arena *arena, size_t size)
{
	if (size == 0)
		size = 1;
	if (size > SIZE_MAX / 2)
		return NULL;
	size = align_up(size);
	struct arena_chunk *chunk = arena->head;
	if (!chunk || chunk->size - chunk->used < size) {
		/* An oversized request gets a chunk of its own, placed behind the
		 * current one so the current chunk's free space is not wasted. */
		size_t want = size > ARENA_CHUNK_SIZE / 4 ? size : ARENA_CHUNK_SIZE;
		struct arena_chunk *fresh = malloc(sizeof *fresh + want);
		if (!fresh)
			return NULL;
		fresh->size = want;
		fresh->used = 0;
		if (chunk && want != ARENA_CHUNK_SIZE) {
			fresh->next = chunk->next;
			chunk->next = fresh;
		} else {
			fresh->next = chunk;
			arena->head = fresh;
		}
		chunk = fresh;
	}
	void *p = chunk->data + chunk->used;
	chunk->used += size;
	arena->bytes += size;
	return p;
}

void *arena_alloc(struct arena *arena, size_t size)
{
	void *p = alloc_raw(arena, size);
	if (p)
		memset(p, 0, size);
	return p;
}

void *arena_array(struct arena *arena, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return NULL;
	return arena_alloc(arena, count * size);
}

char *arena_strndup(struct arena *arena, const char *s, size_t len)
{
	if (len == SIZE_MAX)
		return NULL;
	char *copy = alloc_raw(arena, len + 1);
	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

char *arena_strdup(struct arena *arena, const char *s)
{
	return arena_strndup(arena, s, strlen(s));
}

int array_grow(void *items_field, size_t *alloc, size_t count, size_t size)
{
	if (count < *alloc)
		return 0;
	size_t n = *alloc ? *alloc * 2 : 16;
	if (size == 0 || n > SIZE_MAX / size)
		return -1;
	/* The field may be any object pointer type: copy it, do not alias it. */
	void *items;
	memcpy(&items, items_field, sizeof items);
	void *grown = realloc(items, n * size);
	if (!grown)
		return -1;
	memcpy(items_field, &grown, sizeof grown);
	*alloc = n;
	/* cppcheck-suppress memleak ; grown is stored through items_field, which cppcheck cannot follow */
	return 0;
}

void memory_prefault(void *p, size_t size)
{
#ifdef MADV_POPULATE_WRITE
	long page = sysconf(_SC_PAGESIZE);
	if (!p || page <= 0 || size < (size_t)16 * (size_t)page)
		return;
	/* The whole pages inside [p, p + size): madvise wants them aligned. */
	size_t mask = (size_t)page - 1;
	size_t lead = (size_t)(((uintptr_t)page - ((uintptr_t)p & mask)) & mask);
	if (size > lead + (size_t)page)
		(void)madvise((char *)p + lead, (size - lead) & ~mask, MADV_POPULATE_WRITE);
#else
	(void)p;
	(void)size;
#endif
}
