/* packs — reading pack folders, card files, the embedded pack and the
 * settings file from disk or memory, then handing each document to the
 * schema.  See include/loader.h.  (The YAML parsing itself is src/loader.c.) */
#include "loader.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "text.h"
#include "yamltree.h"

/* A copy of a file or folder name for showing: names come from content
 * folders, so they may hold anything a terminal would act on. */
static char *printable_name(struct arena *arena, const char *name)
{
	char *copy = arena_strdup(arena, name);
	if (copy)
		text_make_printable(copy);
	return copy;
}

/* A file over the size limit is refused with the position where it passes
 * the limit, so that an author can see how much has to go. */
static void report_too_big(const char *path, const char *data, unsigned long long size, struct diag_list *diags)
{
	unsigned line, col;
	ytree_position(data, LOADER_MAX_FILE_BYTES, LOADER_MAX_FILE_BYTES, &line, &col);
	diag_add(diags, DIAG_ERROR, path, line, col,
		 "the file goes on past the 1 MiB limit for one file here (it has %llu bytes)", size);
}

/* Reads a whole regular file of at most LOADER_MAX_FILE_BYTES.  Returns a
 * malloc'd buffer, or NULL after adding a diagnostic. */
static char *read_file(const char *path, size_t *size, struct diag_list *diags)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "not a regular file");
		fclose(f);
		return NULL;
	}
	/* Never more than the limit and one byte is read, whatever the size
	 * said or says by now: the file may grow while it is read. */
	size_t want = (unsigned long long)st.st_size > LOADER_MAX_FILE_BYTES ? LOADER_MAX_FILE_BYTES + 1
									      : (size_t)st.st_size + 1;
	char *data = malloc(want);
	size_t got = data ? fread(data, 1, want, f) : 0;
	bool failed = !data || ferror(f);
	fclose(f);
	if (!failed && got > LOADER_MAX_FILE_BYTES) {
		unsigned long long total = (unsigned long long)st.st_size;
		report_too_big(path, data, total > got ? total : got, diags);
		free(data);
		return NULL;
	}
	if (failed || got > (size_t)st.st_size) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, data ? "read failed or the file changed while reading"
							     : "out of memory");
		free(data);
		return NULL;
	}
	*size = got;
	return data;
}

/* Parses data and, for a document, calls schema_card.  Returns 1 when a card
 * was added, 0 when not (rejected, empty or overridden). */
static int load_card_data(struct library *library, size_t pack, const char *path, const char *data, size_t size,
			  struct diag_list *diags)
{
	struct arena scratch;
	arena_init(&scratch);
	struct ynode *root;
	int added = 0;
	int rc = ytree_parse(path, data, size, &scratch, &root, diags);
	if (rc == 1)
		diag_add(diags, DIAG_WARNING, path, 0, 0, "empty file: no card in it");
	if (rc == 0) {
		const char *stable_path = printable_name(&library->arena, path);
		struct card *card = stable_path ? schema_card(library, pack, stable_path, root, diags) : NULL;
		if (card) {
			const struct card *same = library_find_exact(library, card->id);
			if (same && same->pack == pack && strcmp(same->id, card->id) == 0) {
				diag_add(diags, DIAG_ERROR, path, card->line, 1, "duplicate id '%s' in pack '%s'",
					 card->id, library->packs[pack].name);
				diag_add(diags, DIAG_NOTE, same->path, same->line, 1, "first defined here");
			} else if (library->packs[pack].ncards >= LOADER_MAX_CARDS_PER_PACK) {
				diag_add(diags, DIAG_ERROR, path, card->line, 1,
					 "pack '%s' is full: a pack holds at most %d cards", library->packs[pack].name,
					 LOADER_MAX_CARDS_PER_PACK);
			} else if (library_add_card(library, card) == 0) {
				added = 1;
			}
		}
	}
	arena_release(&scratch);
	return added;
}

int loader_load_card_buffer(struct library *library, size_t pack, const char *path, const char *data,
			    size_t size, struct diag_list *diags)
{
	if (size > LOADER_MAX_FILE_BYTES) {
		report_too_big(path, data, size, diags);
		return 0;
	}
	return load_card_data(library, pack, path, data, size, diags);
}

static int load_card_file(struct library *library, size_t pack, const char *path, struct diag_list *diags)
{
	size_t size;
	char *data = read_file(path, &size, diags);
	if (!data)
		return 0;
	int added = load_card_data(library, pack, path, data, size, diags);
	free(data);
	return added;
}

/* Parses a pack.yaml buffer and registers the pack.  Returns its index, or
 * (size_t)-1 when the manifest is unusable. */
static size_t load_manifest(struct library *library, const char *path, const char *dir, const char *data,
			    size_t size, struct diag_list *diags)
{
	struct arena scratch;
	arena_init(&scratch);
	struct ynode *root;
	size_t index = (size_t)-1;
	int rc = ytree_parse(path, data, size, &scratch, &root, diags);
	if (rc == 1)
		diag_add(diags, DIAG_ERROR, path, 0, 0, "empty pack manifest");
	struct pack_info pack = { 0 };
	if (rc == 0 && schema_pack(library, path, root, &pack, diags) == 0) {
		pack.dir = printable_name(&library->arena, dir);
		pack.has_manifest = true;
		if (pack.dir)
			index = library_add_pack(library, &pack);
	}
	arena_release(&scratch);
	return index;
}

static size_t add_loose_pack(struct library *library, const char *dir)
{
	const char *slash = strrchr(dir, '/');
	struct pack_info pack = { .format = 1 };
	pack.dir = printable_name(&library->arena, dir);
	pack.name = printable_name(&library->arena, slash && slash[1] ? slash + 1 : dir);
	if (!pack.dir || !pack.name)
		return (size_t)-1;
	return library_add_pack(library, &pack);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool has_yaml_suffix(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && ((n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
				  (n > 4 && strcmp(name + n - 4, ".yml") == 0));
}

void loader_listing_release(struct loader_listing *listing)
{
	free(listing->card_dir);
	for (size_t i = 0; i < listing->count; i++)
		free(listing->names[i]);
	free(listing->names);
	*listing = (struct loader_listing){ 0 };
}

static int list_yaml_in(const char *dir, struct loader_listing *out)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	size_t alloc = 0;
	struct dirent *e;
	int rc = 0;
	while ((e = readdir(d))) {
		if (!has_yaml_suffix(e->d_name) || strcmp(e->d_name, "pack.yaml") == 0)
			continue;
		if (array_grow(&out->names, &alloc, out->count, sizeof *out->names) < 0 ||
		    !(out->names[out->count] = strdup(e->d_name))) {
			rc = -1;
			errno = ENOMEM;
			break;
		}
		out->count++;
	}
	closedir(d);
	if (out->count > 1)	/* names is NULL when the folder has no cards: not for qsort */
		qsort(out->names, out->count, sizeof *out->names, by_name);
	return rc;
}

/* Loads every card file of the listing, in its order. */
static int load_cards_in(struct library *library, size_t pack, const char *dir, struct diag_list *diags)
{
	struct loader_listing listing = { 0 };
	if (list_yaml_in(dir, &listing) < 0 && listing.count == 0) {
		diag_add(diags, DIAG_ERROR, dir, 0, 0, "cannot read folder: %s", strerror(errno));
		loader_listing_release(&listing);
		return -1;
	}
	int added = 0;
	bool full = false;
	for (size_t i = 0; i < listing.count; i++) {
		char path[PATH_MAX];
		int len = snprintf(path, sizeof path, "%s/%s", dir, listing.names[i]);
		/* A full pack says so once, at the first file left out, instead of
		 * parsing (and reporting) every file after it. */
		if (!full && len > 0 && (size_t)len < sizeof path &&
		    library->packs[pack].ncards >= LOADER_MAX_CARDS_PER_PACK) {
			full = true;
			diag_add(diags, DIAG_ERROR, path, 1, 1,
				 "pack '%s' is full: a pack holds at most %d cards; this file and the %zu after it "
				 "are not loaded", library->packs[pack].name, LOADER_MAX_CARDS_PER_PACK,
				 listing.count - i - 1);
		}
		if (!full && len > 0 && (size_t)len < sizeof path)
			added += load_card_file(library, pack, path, diags);
	}
	loader_listing_release(&listing);
	return added;
}

static bool exists(const char *path, mode_t type)
{
	struct stat st;
	return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == type;
}

size_t loader_load_dir_manifest(struct library *library, const char *dir, struct diag_list *diags)
{
	char manifest[PATH_MAX];
	if (!exists(dir, S_IFDIR)) {
		diag_add(diags, DIAG_ERROR, dir, 0, 0, "no such folder");
		return (size_t)-1;
	}
	snprintf(manifest, sizeof manifest, "%s/pack.yaml", dir);
	if (!exists(manifest, S_IFREG))
		return add_loose_pack(library, dir);
	size_t size;
	char *data = read_file(manifest, &size, diags);
	if (!data)
		return (size_t)-1;
	size_t pack = load_manifest(library, manifest, dir, data, size, diags);
	free(data);
	return pack;
}

/* Where a pack folder's cards are: its cards/ subfolder, else the folder. */
static void card_folder(const char *dir, char *out, size_t size)
{
	snprintf(out, size, "%s/cards", dir);
	if (!exists(out, S_IFDIR))
		snprintf(out, size, "%s", dir);
}

int loader_load_dir_cards(struct library *library, size_t pack, const char *dir, struct diag_list *diags)
{
	char cards[PATH_MAX];
	card_folder(dir, cards, sizeof cards);
	return load_cards_in(library, pack, cards, diags);
}

int loader_list_cards(const char *dir, struct loader_listing *out)
{
	char cards[PATH_MAX];
	*out = (struct loader_listing){ 0 };
	card_folder(dir, cards, sizeof cards);
	if (!(out->card_dir = strdup(cards)))
		return -1;
	if (list_yaml_in(cards, out) < 0) {
		loader_listing_release(out);
		return -1;
	}
	return 0;
}

int loader_load_dir(struct library *library, const char *dir, struct diag_list *diags)
{
	size_t pack = loader_load_dir_manifest(library, dir, diags);
	return pack == (size_t)-1 ? -1 : loader_load_dir_cards(library, pack, dir, diags);
}

size_t loader_load_file_manifest(struct library *library, const char *path, struct diag_list *diags)
{
	/* A card in DIR/cards/ is checked against DIR/pack.yaml's vocabulary. */
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	size_t pack = (size_t)-1;
	if (slash) {
		*slash = '\0';
		const char *base = strrchr(dir, '/');
		base = base ? base + 1 : dir;
		if (strcmp(base, "cards") == 0) {
			char manifest[PATH_MAX];
			if (base == dir)
				snprintf(manifest, sizeof manifest, "pack.yaml");
			else
				snprintf(manifest, sizeof manifest, "%.*s/pack.yaml", (int)(base - dir - 1), dir);
			if (exists(manifest, S_IFREG)) {
				size_t size;
				char *data = read_file(manifest, &size, diags);
				if (data)
					pack = load_manifest(library, manifest, dir, data, size, diags);
				free(data);
			}
		}
	}
	if (pack == (size_t)-1)
		pack = add_loose_pack(library, slash ? dir : ".");
	return pack;
}

int loader_load_file_card(struct library *library, size_t pack, const char *path, struct diag_list *diags)
{
	return load_card_file(library, pack, path, diags);
}

int loader_load_embedded(struct library *library, const char *label, const struct embedded_file *files,
			 size_t nfiles, struct diag_list *diags)
{
	size_t pack = (size_t)-1;
	int added = 0;
	for (size_t i = 0; i < nfiles; i++) {
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", label, files[i].name);
		if (strcmp(files[i].name, "pack.yaml") == 0)
			pack = load_manifest(library, path, label, (const char *)files[i].data, files[i].size, diags);
	}
	if (pack == (size_t)-1 && (pack = add_loose_pack(library, label)) == (size_t)-1)
		return -1;
	for (size_t i = 0; i < nfiles; i++) {
		if (strcmp(files[i].name, "pack.yaml") == 0)
			continue;
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", label, files[i].name);
		added += loader_load_card_buffer(library, pack, path, (const char *)files[i].data, files[i].size,
						 diags);
	}
	return added;
}

/* A copy in the arena of n items (plus the spare zeroed one the loader
 * allocates); NULL stays NULL.  Returns false when out of memory. */
static bool copy_array(struct arena *arena, void *field, size_t n, size_t size)
{
	void **items = field;
	if (!*items)
		return true;
	void *copy = arena_array(arena, n + 1, size);
	if (!copy)
		return false;
	memcpy(copy, *items, n * size);
	*items = copy;
	return true;
}

/* Puts a card of pack into the library: its facts in the order of the
 * vocabulary merged so far. */
static struct card *settle_card(struct library *library, struct card *card, size_t pack)
{
	card->pack = pack;
	library_order_facts(library, card);
	return card;
}

/* The parts of a compiled card that library_resolve() edits or that depend
 * on the packs loaded before it (the order of facts) are copied; the text
 * stays where the compiler put it. */
/* A case's parts, which library_resolve() changes as it does questions. */
static bool adopt_parts(struct library *library, struct card_question *question)
{
	if (!copy_array(&library->arena, &question->parts, question->nparts, sizeof *question->parts))
		return false;
	for (size_t p = 0; p < question->nparts; p++)
		if (!copy_array(&library->arena, &question->parts[p].choice_topics, question->parts[p].nchoices,
				sizeof *question->parts[p].choice_topics))
			return false;
	return true;
}

static struct card *adopt_card(struct library *library, const struct card *compiled, size_t pack)
{
	struct card *card = arena_alloc(&library->arena, sizeof *card);
	if (!card)
		return NULL;
	*card = *compiled;
	if (!copy_array(&library->arena, &card->related, card->nrelated, sizeof *card->related) ||
	    !copy_array(&library->arena, &card->related_at, card->nrelated, sizeof *card->related_at) ||
	    !copy_array(&library->arena, &card->compare_with_at, card->ncompare_with, sizeof *card->compare_with_at) ||
	    !copy_array(&library->arena, &card->compare_with, card->ncompare_with, sizeof *card->compare_with) ||
	    !copy_array(&library->arena, &card->quiz, card->nquiz, sizeof *card->quiz) ||
	    !copy_array(&library->arena, &card->facts, card->nfacts, sizeof *card->facts))
		return NULL;
	/* library_resolve() drops choice topics that name no loaded card. */
	for (size_t q = 0; q < card->nquiz; q++)
		if (!copy_array(&library->arena, &card->quiz[q].choice_topics, card->quiz[q].nchoices,
				sizeof *card->quiz[q].choice_topics) ||
		    !adopt_parts(library, &card->quiz[q]))
			return NULL;
	return settle_card(library, card, pack);
}

size_t loader_load_compiled_manifest(struct library *library, const struct compiled_pack *compiled)
{
	struct pack_info info = compiled->info;
	info.ncards = 0;
	size_t pack = library_add_pack(library, &info);
	if (pack == (size_t)-1)
		return (size_t)-1;
	for (size_t i = 0; i < compiled->nvocab; i++)
		if (library_add_vocab(library, &compiled->vocab[i]) < 0)
			return (size_t)-1;
	return pack;
}

/* The cards of compiled->order that were added (dropped[i]: own_cards[i]
 * was overridden; NULL when none was), as the pack's sorted run. */
static int add_run(struct library *library, size_t pack, const struct compiled_pack *compiled, const bool *dropped,
		   size_t added)
{
	if (!dropped && compiled->in_order)
		return library_add_sorted_run(library, pack, compiled->in_order, added);
	struct card **run = arena_array(&library->arena, added + 1, sizeof *run);
	if (!run)
		return -1;
	size_t n = 0;
	for (size_t i = 0; i < compiled->ncards && n < added; i++)
		if (!dropped || !dropped[compiled->order[i]])
			run[n++] = compiled->own_cards[compiled->order[i]];
	return library_add_sorted_run(library, pack, run, n);
}

int loader_load_compiled_cards(struct library *library, size_t pack, const struct compiled_pack *compiled,
			       struct diag_list *diags)
{
	for (size_t i = 0; i < compiled->ndiags; i++) {
		const struct compiled_diag *d = &compiled->diags[i];
		diag_add(diags, d->severity, d->path, d->line, d->col, "%s", d->message);
	}
	/* A cache read for its heads: its cards are found through its table
	 * of ids until library_complete indexes them (which makes room for
	 * their names then). */
	bool late = compiled->own_cards && compiled->id_table;
	if (compiled->own_cards && compiled->ncards > 0) {
		size_t names = 0;
		for (size_t i = 0; !late && i < compiled->ncards; i++)
			names += 1 + compiled->own_cards[i]->naliases;
		/* Out of memory here only makes the adding below slower. */
		(void)library_reserve_cards(library, compiled->ncards, names);
	}
	if (late && library_add_late_ids(library, compiled->id_table, compiled->own_cards, compiled->ncards) < 0)
		return -1;
	/* With an order: the cards overridden, once one is. */
	bool *dropped = NULL;
	int added = 0;
	if (late && library_takes_late_cards_whole(library)) {
		/* Nothing before them to override them: taken whole (the parse
		 * set each card's pack; their facts wait with their bodies). */
		if (library_add_late_cards(library, pack, compiled->own_cards, compiled->ncards) < 0)
			return -1;
		added = (int)compiled->ncards;
	}
	for (size_t i = (size_t)added; i < compiled->ncards; i++) {
		struct card *card = compiled->own_cards ? settle_card(library, compiled->own_cards[i], pack)
							: adopt_card(library, compiled->cards[i], pack);
		int rc = !card ? -1 : late ? library_add_late_card(library, card) : library_add_card(library, card);
		if (rc == 1 && compiled->order && !dropped && !(dropped = calloc(compiled->ncards + 1, sizeof *dropped)))
			rc = -1;
		if (rc < 0) {
			free(dropped);
			return -1;
		}
		added += rc == 0;
		if (rc == 1 && dropped)
			dropped[i] = true;
	}
	/* Without its run the pack is sorted with the rest: slower, not wrong. */
	if (compiled->own_cards && compiled->order)
		(void)add_run(library, pack, compiled, dropped, (size_t)added);
	free(dropped);
	return added;
}

int loader_load_config(const char *path, struct config *config, struct diag_list *diags)
{
	if (!exists(path, S_IFREG))
		return 0;
	size_t size;
	char *data = read_file(path, &size, diags);
	if (!data)
		return -1;
	struct arena scratch;
	arena_init(&scratch);
	struct ynode *root;
	/* A broken settings file must never stop the app: its errors become
	 * warnings and every setting keeps its default. */
	struct diag_list parse_diags;
	diag_list_init(&parse_diags);
	int rc = ytree_parse(path, data, size, &scratch, &root, &parse_diags);
	for (size_t i = 0; i < parse_diags.count; i++) {
		const struct diag *d = &parse_diags.items[i];
		diag_add(diags, d->severity == DIAG_NOTE ? DIAG_NOTE : DIAG_WARNING, d->path, d->line, d->col,
			 "%s%s", d->message, d->severity == DIAG_ERROR ? " (settings file ignored)" : "");
	}
	diag_list_release(&parse_diags);
	if (rc == 0)
		schema_config(path, root, config, diags);
	arena_release(&scratch);
	free(data);
	return rc < 0 ? -1 : 0;
}
