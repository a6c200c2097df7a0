/* library_load — the loading policy: which packs load, in what order, and
 * what `rxplore check PATH` checks against.  One function that every command
 * and both front-ends use, so the policy has one place and unit tests.
 *
 * The search path, strongest first (DESIGN §2): each content dir as given,
 * then (unless no_default_packs) the user's and the system's data folders and
 * the installed packs (search_path_build), then the pack built into the
 * binary, which an installed copy of the same pack replaces whole.  Packs
 * load in two phases: every manifest and vocabulary, then every pack's cards
 * in the same order, so that a card may use the fact keys of any pack loaded
 * with it; an id an earlier pack already loaded is an override.
 */
#ifndef RXPLORE_LIBRARY_LOAD_H
#define RXPLORE_LIBRARY_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "library.h"
#include "loader.h"

struct load_request {
	const char *const *content_dirs;	/* --content, strongest first */
	size_t ncontent;
	bool no_default_packs;		/* only the content dirs: no data folders, no built-in pack */
	const char *installed_dir;	/* where packs are installed (PKGDATADIR), or NULL */
	/* Where pack caches are kept (include/pack_cache.h), or NULL to parse
	 * every pack's YAML.  Checking never uses them. */
	const char *cache_dir;
	/* Use a pack cache whose header, folder and vocabulary match without
	 * reading its sources or digesting it, and list it in
	 * library->unchecked for library_verify (a terminal start that paints
	 * first).  Every value read from it is still checked. */
	bool defer_cache_checks;
	/* With defer_cache_checks: build such a cache's cards without their
	 * bodies, for library_complete (include/library_complete.h); the
	 * references are then resolved there, not here. */
	bool defer_bodies;
	/* Checking (`rxplore check PATH...`): when ncheck > 0 only these folders
	 * or card files load, cards and diagnostics; the search path above lends
	 * them its vocabulary (after their own) and its card ids, so a fact key or
	 * a link that resolves when everything loads together is not reported.
	 * A search-path pack named like a checked one is another copy of it and
	 * lends nothing. */
	const char *const *check_paths;
	size_t ncheck;
};

/* Loads what request asks for into library (initialised, normally empty) and
 * resolves the references (unless bodies were deferred); problems go to diags.  builtin may be NULL (no
 * built-in pack).  Returns 0, or -1 when out of memory. */
int library_load(struct library *library, const struct load_request *request, const struct compiled_pack *builtin,
		 struct diag_list *diags);

#endif
