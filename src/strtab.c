/* strtab — see include/strtab.h. */
#include "strtab.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

void strtab_init(struct strtab *table, bool nocase)
{
	*table = (struct strtab){ .nocase = nocase };
}

void strtab_release(struct strtab *table)
{
	free(table->slots);
	strtab_init(table, table->nocase);
}

/* Where key is, or the empty slot where it would go; the table has room. */
static struct strtab_slot *probe(const struct strtab *table, const char *key)
{
	size_t mask = table->size - 1;
	size_t i = (size_t)(table->nocase ? text_hash_nocase(key) : text_hash(key)) & mask;
	for (;; i = (i + 1) & mask) {
		struct strtab_slot *slot = &table->slots[i];
		if (!slot->key || (table->nocase ? text_casecmp(slot->key, key) : strcmp(slot->key, key)) == 0)
			return slot;
	}
}

struct strtab_slot *strtab_find(const struct strtab *table, const char *key)
{
	if (table->size == 0 || !key)
		return NULL;
	struct strtab_slot *slot = probe(table, key);
	return slot->key ? slot : NULL;
}

static int grow(struct strtab *table)
{
	size_t size = table->size ? table->size * 2 : 16;
	struct strtab bigger = { calloc(size, sizeof *bigger.slots), size, table->used, table->nocase };
	if (!bigger.slots)
		return -1;
	for (size_t i = 0; i < table->size; i++)
		if (table->slots[i].key)
			*probe(&bigger, table->slots[i].key) = table->slots[i];
	free(table->slots);
	*table = bigger;
	return 0;
}

struct strtab_slot *strtab_put(struct strtab *table, const char *key, bool *added)
{
	*added = false;
	if ((table->used + 1) * 4 > table->size * 3 && grow(table) < 0)
		return NULL;
	struct strtab_slot *slot = probe(table, key);
	if (!slot->key) {
		*slot = (struct strtab_slot){ .key = key };
		table->used++;
		*added = true;
	}
	return slot;
}
