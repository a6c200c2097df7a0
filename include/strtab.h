/* strtab — the one hash table of rxplore: string keys, open addressing with
 * linear probing, a power-of-two size that doubles at three quarters full.
 * Used for card ids and aliases (case-insensitive), question ids, and the
 * statistics' per-id numbers.  Keys are not copied: they must outlive the
 * table (or be owned by the caller through the slots).
 */
#ifndef RXPLORE_STRTAB_H
#define RXPLORE_STRTAB_H

#include <stdbool.h>
#include <stddef.h>

struct strtab_slot {
	const char *key;	/* NULL: empty */
	void *value;		/* the caller's: a pointer... */
	long number;		/* ...a number... */
	bool flag;		/* ...and a mark */
};

struct strtab {
	struct strtab_slot *slots;
	size_t size, used;	/* size: 0 or a power of two */
	bool nocase;		/* keys equal under text_casecmp() (ASCII case folded) */
};

void strtab_init(struct strtab *table, bool nocase);
/* Frees the slots, not the keys. */
void strtab_release(struct strtab *table);

/* The slot holding key, or NULL. */
struct strtab_slot *strtab_find(const struct strtab *table, const char *key);

/* The slot of key: the one already holding it (*added false), or a new one
 * with key set and the rest zero (*added true).  NULL when out of memory.
 * Pointers to slots are valid until the next strtab_put. */
struct strtab_slot *strtab_put(struct strtab *table, const char *key, bool *added);

#endif
