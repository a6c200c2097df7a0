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
	const struct compiled_diag *diags;
	size_t ndiags;
};

/* Loads one folder: a pack when it has pack.yaml (its cards/ subfolder, or
 * *.yaml beside pack.yaml when there is no cards/), else every *.yaml in it as
 * loose cards against the vocabulary loaded so far.  Returns the number of
 * cards added, or -1 when the folder cannot be read (with a diagnostic). */
int loader_load_dir(struct library *library, const char *dir, struct diag_list *diags);

/* Loads one card file as loose content (for `rxplore check FILE`).  If the
 * file sits in DIR/cards/ and DIR/pack.yaml exists, that vocabulary is loaded
 * first.  Returns cards added (0 or 1), or -1. */
int loader_load_file(struct library *library, const char *path, struct diag_list *diags);

/* Loads pack files held in memory as if from the folder `label` (the build
 * uses it to compile the bundled pack).  Returns the number of cards added. */
int loader_load_embedded(struct library *library, const char *label, const struct embedded_file *files,
			 size_t nfiles, struct diag_list *diags);

/* Adds a compiled pack as loader_load_embedded() would have added its files,
 * without parsing: the same pack, vocabulary, cards and diagnostics.  Facts
 * are put in the order of the vocabulary merged so far.  Returns the number
 * of cards added (not overridden), or -1 when out of memory. */
int loader_load_compiled(struct library *library, const struct compiled_pack *compiled,
			 struct diag_list *diags);

/* Loads the cards in memory, as if from a file called path (tests, fuzzing). */
int loader_load_card_buffer(struct library *library, size_t pack, const char *path, const char *data,
			    size_t size, struct diag_list *diags);

/* Reads the settings file into *config (which holds defaults beforehand).
 * A missing file is not a problem; a bad value gets a located warning and
 * keeps its default.  Returns 0, or -1 when the file exists but is unusable. */
int loader_load_config(const char *path, struct config *config, struct diag_list *diags);

#endif
