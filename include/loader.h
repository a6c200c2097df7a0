/* loader — YAML files into the library: packs, cards and the config file.
 *
 * The only module that includes <yaml.h>.  It uses libyaml's event API with an
 * explicit depth limit (the document loader recurses), refuses anchors and
 * aliases, and reports every problem as a located diagnostic.  A file with an
 * error is rejected on its own; the others still load.  Limits: LOADER_MAX_*.
 */
#ifndef RXPLORE_LOADER_H
#define RXPLORE_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "diag.h"
#include "library.h"

#define LOADER_MAX_FILE_BYTES ((size_t)1024 * 1024)
#define LOADER_MAX_SCALAR_BYTES ((size_t)256 * 1024)
#define LOADER_MAX_DEPTH 32
#define LOADER_MAX_CARDS_PER_PACK 50000

/* A file compiled into the binary (the bundled pack). */
struct embedded_file {
	const char *name;	/* "pack.yaml" or "cards/baclofen.yaml" */
	const unsigned char *data;
	size_t size;
};

/* A pack turned into C data at build time (build-aux/compile-pack): what the
 * loader made of its files, and what it said about them.  All of it is
 * read-only; loading copies the parts library_resolve() edits. */
struct compiled_diag {
	enum diag_severity severity;
	const char *path;
	unsigned line, col;
	const char *message;
};

struct compiled_pack {
	struct pack_info info;
	const struct vocab_entry *vocab;
	size_t nvocab;
	const struct card *const *cards;
	size_t ncards;
	/* Instead of cards: cards already in the arena of the library they are
	 * loaded into (the pack cache's), taken as they are rather than copied. */
	struct card *const *own_cards;
	/* With own_cards, or NULL: own_cards[order[0]], own_cards[order[1]], ...
	 * is topic-list order (library_topic_cmp), for library_add_sorted_run. */
	const uint32_t *order;
	/* With order, or NULL: own_cards in that order, as the reader made it
	 * (the pack's run when none of them is overridden). */
	struct card **in_order;
	/* With own_cards from a cache read for its heads only, or NULL: its
	 * table of ids by hash (pack_cache_format.h), through which the cards
	 * are found by id until library_complete indexes them. */
	const unsigned char *id_table;
	const struct compiled_diag *diags;
	size_t ndiags;
};

/* Packs load in two phases (DESIGN §2): first every pack's manifest and
 * vocabulary, then every pack's cards in the same order, so that a card may
 * use the fact keys of any pack loaded with it, not only of the packs before
 * it.  The *_manifest functions are the first phase: each registers its pack
 * and returns its index, or (size_t)-1 (with a diagnostic) when there is no
 * pack to load cards into.  The *_cards and *_card functions are the second,
 * given that index; each returns the number of cards added (not overridden),
 * or -1 when it could not read the folder (with a diagnostic) or ran out of
 * memory.  A card's facts are put in the order of the vocabulary merged by
 * then. */

/* A folder's pack: its pack.yaml and vocabulary, or, without pack.yaml, a
 * pack of loose cards named after the folder. */
size_t loader_load_dir_manifest(struct library *library, const char *dir, struct diag_list *diags);
/* The folder's cards (the same dir): its cards/ subfolder, or every *.yaml
 * beside pack.yaml when there is no cards/. */
int loader_load_dir_cards(struct library *library, size_t pack, const char *dir, struct diag_list *diags);
/* The card files of a pack folder, as loader_load_dir_cards() reads them:
 * card_dir is dir/cards when that exists, else dir; names are its *.yaml and
 * *.yml files but pack.yaml and hidden ones, in byte order.  Returns 0, or -1
 * with errno set (nothing to release then). */
struct loader_listing {
	char *card_dir;
	char **names;
	size_t count;
};
int loader_list_cards(const char *dir, struct loader_listing *out);
void loader_listing_release(struct loader_listing *listing);

/* Both phases for one folder alone: its cards see only the vocabulary loaded
 * before them and its own.  Returns cards added, or -1. */
int loader_load_dir(struct library *library, const char *dir, struct diag_list *diags);

/* One card file as content of its own (for `rxplore check FILE`): if the file
 * sits in DIR/cards/ and DIR/pack.yaml exists, that pack and its vocabulary,
 * else a pack of loose cards named after the file's folder. */
size_t loader_load_file_manifest(struct library *library, const char *path, struct diag_list *diags);
/* The card in the file (0 or 1 added), into the pack from the first phase. */
int loader_load_file_card(struct library *library, size_t pack, const char *path, struct diag_list *diags);

/* Loads pack files held in memory as if from the folder `label` (the build
 * uses it to compile the bundled pack).  Returns the number of cards added. */
int loader_load_embedded(struct library *library, const char *label, const struct embedded_file *files,
			 size_t nfiles, struct diag_list *diags);

/* A compiled pack, as loader_load_embedded() would have added its files but
 * without parsing.  First phase: its pack and vocabulary.  Second phase: its
 * cards, and everything the build's loader said about its files (the
 * manifest's diagnostics included, so they come once, with the cards). */
size_t loader_load_compiled_manifest(struct library *library, const struct compiled_pack *compiled);
int loader_load_compiled_cards(struct library *library, size_t pack, const struct compiled_pack *compiled,
			       struct diag_list *diags);

/* Loads the cards in memory, as if from a file called path (tests, fuzzing). */
int loader_load_card_buffer(struct library *library, size_t pack, const char *path, const char *data,
			    size_t size, struct diag_list *diags);

/* Reads the settings file into *config (which holds defaults beforehand).
 * A missing file is not a problem; a bad value gets a located warning and
 * keeps its default.  Returns 0, or -1 when the file exists but is unusable. */
int loader_load_config(const char *path, struct config *config, struct diag_list *diags);

#endif
