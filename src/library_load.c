/* library_load — see include/library_load.h. */
#include "library_load.h"

#include "pack_cache.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define NO_PACK ((size_t)-1)

/* One entry of the load: a folder, or (when checking) a single card file. */
struct source {
	const char *path;
	bool is_file;
	size_t pack;	/* from the first phase, or NO_PACK */
};

static size_t load_manifest(struct library *library, const struct source *source, struct diag_list *diags)
{
	return source->is_file ? loader_load_file_manifest(library, source->path, diags)
			       : loader_load_dir_manifest(library, source->path, diags);
}

/* cache_dir: where pack caches are, or NULL to parse every folder;
 * defer: what of them to leave for afterwards (pack_cache_load_cards). */
static void load_cards(struct library *library, const struct source *source, const char *cache_dir, unsigned defer,
		       struct diag_list *diags)
{
	if (source->pack == NO_PACK)
		return;
	if (source->is_file)
		loader_load_file_card(library, source->pack, source->path, diags);
	else if (cache_dir)
		pack_cache_load_cards(library, source->pack, source->path, cache_dir, defer, diags);
	else
		loader_load_dir_cards(library, source->pack, source->path, diags);
}

/* The folders of the search path as sources; *n receives their count. */
static struct source *search_path_sources(const struct load_request *request, size_t *n)
{
	struct search_path path;
	search_path_init(&path);
	struct source *sources = NULL;
	*n = 0;
	if (search_path_build(&path, request->content_dirs, request->ncontent, request->no_default_packs,
			      request->installed_dir) == 0)
		sources = calloc(path.count + 1, sizeof *sources);
	if (sources) {
		/* The sources outlive the search path: steal its strings. */
		for (size_t i = 0; i < path.count; i++) {
			sources[i] = (struct source){ .path = path.dirs[i], .pack = NO_PACK };
			path.dirs[i] = NULL;
		}
		*n = path.count;
	}
	search_path_release(&path);
	return sources;
}

static void free_sources(struct source *sources, size_t n)
{
	for (size_t i = 0; sources && i < n; i++)
		free((char *)sources[i].path);
	free(sources);
}

/* The name a folder's pack would get, loaded on its own (its pack.yaml
 * parsed again later: a small file, and only when checking). */
static bool names_a_checked_pack(const struct library *checked, const char *dir)
{
	struct library scratch;
	struct diag_list ignored;
	library_init(&scratch);
	diag_list_init(&ignored);
	size_t pack = loader_load_dir_manifest(&scratch, dir, &ignored);
	bool named = pack != NO_PACK && library_has_pack(checked, scratch.packs[pack].name);
	library_release(&scratch);
	diag_list_release(&ignored);
	return named;
}

/* Both phases over sources[0..n), then the built-in pack last (when given and
 * no source already has a pack of its name).  skip_like: sources whose pack
 * is named like one of its packs are left out (checking). */
static int load_sources(struct library *library, struct source *sources, size_t n,
			const struct compiled_pack *builtin, const struct library *skip_like, const char *cache_dir,
			unsigned defer, struct diag_list *diags)
{
	for (size_t i = 0; i < n; i++)
		if (!skip_like || !names_a_checked_pack(skip_like, sources[i].path))
			sources[i].pack = load_manifest(library, &sources[i], diags);
	/* The built-in pack is the weakest entry of the search path; an installed
	 * copy of the same pack replaces it instead of overriding every card. */
	size_t builtin_pack = NO_PACK;
	if (builtin && !library_has_pack(library, builtin->info.name) &&
	    !(skip_like && library_has_pack(skip_like, builtin->info.name))) {
		builtin_pack = loader_load_compiled_manifest(library, builtin);
		if (builtin_pack == NO_PACK)
			return -1;
		/* Its cards come last: room for them now, so that a large pack's
		 * array of card pointers is not copied again to add 60 more. */
		(void)library_reserve_cards(library, builtin->ncards, 0);
	}
	for (size_t i = 0; i < n; i++)
		load_cards(library, &sources[i], cache_dir, defer, diags);
	if (builtin_pack != NO_PACK && loader_load_compiled_cards(library, builtin_pack, builtin, diags) < 0)
		return -1;
	return 0;
}

/* `check PATH...`: the named paths' manifests, the search path's vocabulary
 * (and, for links, its cards, loaded aside into context), then the named
 * paths' cards. */
static int load_checked(struct library *library, const struct load_request *request,
			const struct compiled_pack *builtin, struct diag_list *diags)
{
	struct source *checked = calloc(request->ncheck + 1, sizeof *checked);
	if (!checked)
		return -1;
	for (size_t i = 0; i < request->ncheck; i++) {
		struct stat st;
		checked[i] = (struct source){ .path = request->check_paths[i], .pack = NO_PACK };
		if (stat(checked[i].path, &st) != 0) {
			diag_add(diags, DIAG_ERROR, checked[i].path, 0, 0, "no such file or folder");
			continue;
		}
		checked[i].is_file = !S_ISDIR(st.st_mode);
		checked[i].pack = load_manifest(library, &checked[i], diags);
	}

	struct library context;
	struct diag_list context_diags;	/* not what is being checked */
	library_init(&context);
	diag_list_init(&context_diags);
	size_t n = 0;
	struct source *sources = search_path_sources(request, &n);
	int rc = sources ? load_sources(&context, sources, n, builtin, library, NULL, 0, &context_diags) : -1;
	if (rc == 0)
		rc = library_copy_vocab(library, &context);
	for (size_t i = 0; rc == 0 && i < request->ncheck; i++)
		load_cards(library, &checked[i], NULL, 0, diags);
	if (rc == 0)
		library_resolve_within(library, &context, diags);
	free_sources(sources, n);
	library_release(&context);
	diag_list_release(&context_diags);
	free(checked);
	return rc;
}

int library_load(struct library *library, const struct load_request *request, const struct compiled_pack *builtin,
		 struct diag_list *diags)
{
	if (request->no_default_packs)
		builtin = NULL;
	if (request->ncheck > 0)
		return load_checked(library, request, builtin, diags);
	size_t n = 0;
	struct source *sources = search_path_sources(request, &n);
	unsigned defer = 0;
	if (request->defer_cache_checks)
		defer = PACK_CACHE_SKIP_DIGEST | PACK_CACHE_SKIP_SOURCES |
			(request->defer_bodies ? PACK_CACHE_DEFER_BODIES : 0);
	int rc = sources ? load_sources(library, sources, n, builtin, NULL, request->cache_dir, defer, diags) : -1;
	/* Deferred bodies hold the references: library_complete resolves them. */
	if (rc == 0 && library->bodies_pending)
		library_sort_topics(library);
	else if (rc == 0)
		library_resolve(library, diags);
	free_sources(sources, n);
	return rc;
}
