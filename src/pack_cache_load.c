/* pack_cache_load — a pack folder's cards through its cache: used when it is
 * current, else loaded from YAML and written again.  See
 * include/pack_cache.h. */
#include "pack_cache.h"

#include <limits.h>
#include <stdlib.h>

/* Adds what a load of the pack on its own produced (scratch, found) to
 * library, as a cache file's content would be, and takes over scratch's
 * arena, which the cards' text lives in. */
static int hand_over(struct library *library, size_t pack, struct library *scratch, const struct diag_list *found,
		     struct diag_list *diags)
{
	struct compiled_diag *copies = calloc(found->count + 1, sizeof *copies);
	if (!copies)
		return -1;
	for (size_t i = 0; i < found->count; i++) {
		const struct diag *d = &found->items[i];
		copies[i] = (struct compiled_diag){ d->severity, d->path, d->line, d->col, d->message };
	}
	struct compiled_pack compiled = { .own_cards = scratch->cards,
					  .ncards = scratch->ncards,
					  .diags = copies,
					  .ndiags = found->count };
	int rc = loader_load_compiled_cards(library, pack, &compiled, diags);
	arena_adopt(&library->arena, &scratch->arena);
	free(copies);
	return rc;
}

/* Loads the pack's cards from YAML on their own (with library's vocabulary),
 * writes them to the cache file, and adds them to library. */
static int load_and_write(struct library *library, size_t pack, const struct pack_cache_key *key, const char *file,
			  struct diag_list *diags)
{
	struct library scratch;
	struct diag_list found;
	library_init(&scratch);
	diag_list_init(&found);
	struct pack_info info = library->packs[pack];
	info.ncards = 0;
	int rc = -1;
	if (library_copy_vocab(&scratch, library) == 0 && library_add_pack(&scratch, &info) == 0)
		rc = loader_load_dir_cards(&scratch, 0, key->dir, &found);
	if (rc >= 0) {
		/* A cache that cannot be written (a read-only home, a full disk)
		 * costs the next start a parse, nothing else. */
		(void)pack_cache_write(file, key, scratch.cards, scratch.ncards, &found);
		rc = hand_over(library, pack, &scratch, &found, diags);
	} else {
		for (size_t i = 0; i < found.count; i++) {
			const struct diag *d = &found.items[i];
			diag_add(diags, d->severity, d->path, d->line, d->col, "%s", d->message);
		}
	}
	library_release(&scratch);
	diag_list_release(&found);
	return rc;
}

/* A start that paints first: the cache file loaded if its header, folder and
 * vocabulary match, its sources and body digest left for pack_cache_verify().
 * Returns 1 when it was, else 0 (nothing added; load it the careful way). */
static int load_unchecked(struct library *library, size_t pack, const char *dir, const char *cache_dir,
			  unsigned skip, struct diag_list *diags, int *rc)
{
	struct pack_cache_key key;
	char file[PATH_MAX];
	if (pack_cache_key_make_light(&key, dir, library) < 0) {
		pack_cache_key_release(&key);
		return 0;
	}
	bool named = pack_cache_path(cache_dir, &key, file, sizeof file);
	struct compiled_pack compiled;
	const char *why;
	enum pack_cache_status status =
		named ? pack_cache_read(file, &key, skip, pack, library, &compiled, &why)
		      : PACK_CACHE_MISSING;
	struct library_unchecked entry = { dir, file, key.vocab_digest, NULL, 0 };
	pack_cache_key_release(&key);
	if (status != PACK_CACHE_OK)
		return 0;
	/* pack_cache_read handed the mapping to the library last. */
	entry.map = library->mappings[library->nmappings - 1].addr;
	entry.map_size = library->mappings[library->nmappings - 1].size;
	/* Out of memory here fails the load below as it would have anyway;
	 * cards never go in unrecorded. */
	*rc = library_add_unchecked(library, &entry) < 0 ? -1 : loader_load_compiled_cards(library, pack, &compiled, diags);
	return 1;
}

int pack_cache_load_cards(struct library *library, size_t pack, const char *dir, const char *cache_dir,
			  unsigned defer, struct diag_list *diags)
{
	int rc;
	if ((defer & PACK_CACHE_SKIP_SOURCES) && load_unchecked(library, pack, dir, cache_dir, defer, diags, &rc))
		return rc;
	struct pack_cache_key key;
	char file[PATH_MAX];
	if (pack_cache_key_make(&key, dir, library) < 0)
		return loader_load_dir_cards(library, pack, dir, diags);
	if (!pack_cache_path(cache_dir, &key, file, sizeof file)) {
		pack_cache_key_release(&key);
		return loader_load_dir_cards(library, pack, dir, diags);
	}
	struct compiled_pack compiled;
	const char *why;
	enum pack_cache_status status =
		pack_cache_read(file, &key, PACK_CACHE_CHECK_ALL, pack, library, &compiled, &why);
	if (status == PACK_CACHE_OK) {
		rc = loader_load_compiled_cards(library, pack, &compiled, diags);
	} else {
		if (status == PACK_CACHE_FOREIGN || status == PACK_CACHE_DAMAGED)
			diag_add(diags, DIAG_WARNING, file, 0, 0, "pack cache for %s not used (%s); rebuilt", dir,
				 why);
		rc = load_and_write(library, pack, &key, file, diags);
	}
	pack_cache_key_release(&key);
	return rc;
}
