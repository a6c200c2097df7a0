/* library_complete — see include/library_complete.h. */
#include "library_complete.h"

#include "library_names.h"
#include "pack_cache.h"

int library_fill_card(const struct library *library, const struct card *card)
{
	if (!card || !card->body_from)
		return 0;
	/* A library and its cards are never defined const: the const of the
	 * interface's view only says it does not edit them.  Reading a body
	 * completes the card as if it had been read at the start. */
	const char *why;
	return pack_cache_read_body((struct library *)library, (struct card *)card, &why);
}

/* Whether every pack's stored topic order is sorted (a cache read for
 * its heads only was not checked for it). */
static bool runs_sorted(const struct library *library)
{
	for (size_t r = 0; r < library->nruns; r++) {
		const struct library_run *run = &library->runs[r];
		for (size_t i = 1; i < run->ncards; i++)
			if (library_topic_cmp(run->cards[i - 1], run->cards[i]) >= 0)
				return false;
	}
	return true;
}

int library_complete(struct library *library, struct diag_list *diags, const char **why)
{
	*why = NULL;
	if (!library->bodies_pending)
		return 0;
	if (!runs_sorted(library)) {
		*why = "its topic order is not sorted";
		return -1;
	}
	for (size_t i = 0; i < library->ncards; i++) {
		struct card *card = library->cards[i];
		if (!card->body_from)
			continue;
		if (!pack_cache_check_cold(card->body_from)) {
			*why = "a string holds characters the loader never keeps";
			return -1;
		}
		if (pack_cache_read_body(library, card, why) < 0)
			return -1;
	}
	for (size_t t = 0; t < library->nlate_ids; t++) {
		const struct library_late_ids *late = &library->late_ids[t];
		if (!pack_cache_ids_valid(late->table, late->cards, late->n)) {
			*why = "its table of ids does not match its cards";
			return -1;
		}
	}
	int rc = library_index_late_ids(library);
	if (rc < 0) {
		*why = rc == -2 ? "a card id is there twice" : "out of memory";
		return -1;
	}
	if (library_index_late_aliases(library) < 0) {
		*why = "out of memory";
		return -1;
	}
	library->bodies_pending = false;
	/* The order is the heads', worked out before: kept, so that what the
	 * first frame holds of it (library_topics) stays valid. */
	library_resolve_links(library, diags);
	return 0;
}
