/* yamltree — a YAML document as a small tree, between the loader (which
 * builds it with libyaml's event API) and the schema (which turns it into
 * cards, packs and settings).  No libyaml types leak out of the loader.
 *
 * Invariants: mapping keys are scalars and unique; scalars are NUL-terminated
 * and hold no NUL; positions are 1-based lines and character columns.
 */
#ifndef RXPLORE_YAMLTREE_H
#define RXPLORE_YAMLTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "config.h"
#include "diag.h"
#include "library.h"

enum ynode_type { YNODE_SCALAR, YNODE_SEQUENCE, YNODE_MAPPING };

struct ynode {
	enum ynode_type type;
	unsigned line, col;
	bool plain;		/* scalar written without quotes or block style */
	bool block;		/* scalar written as a | or > block */
	const char *value;	/* scalar text (raw: not yet cleaned) */
	size_t len;
	/* sequence: items[0..count); mapping: items[2i] key, items[2i+1] value */
	struct ynode **items;
	size_t count;
};

/* Parses one YAML document.  Returns 0 with *root set, 1 for a file with no
 * document (empty or comments only: *root NULL), or -1 after adding error
 * diagnostics.  Nodes live in `scratch`. */
int ytree_parse(const char *path, const char *data, size_t size, struct arena *scratch, struct ynode **root,
		struct diag_list *diags);

/* The 1-based line and character column of byte offset in data (a leading
 * BOM not counted), for errors found outside libyaml. */
void ytree_position(const char *data, size_t size, size_t offset, unsigned *line, unsigned *col);

/* The value for key in a mapping node, or NULL. */
const struct ynode *ytree_get(const struct ynode *mapping, const char *key);

/* "text", "a list" or "a mapping" — for type errors. */
const char *ytree_type_name(const struct ynode *node);

/* --- the schema: trees to model (src/schema.c) --------------------------- */

/* Reads one card into the library's arena.  Returns the card, or NULL after
 * adding error diagnostics (the file is then rejected). */
struct card *schema_card(struct library *library, size_t pack, const char *path, const struct ynode *root,
			 struct diag_list *diags);

/* Reads pack.yaml into *pack (strings in the library's arena) and adds its
 * vocabulary.  Returns 0, or -1 after adding error diagnostics. */
int schema_pack(struct library *library, const char *path, const struct ynode *root, struct pack_info *pack,
		struct diag_list *diags);

/* Reads the settings file; unusable values get warnings and keep defaults. */
void schema_config(const char *path, const struct ynode *root, struct config *config, struct diag_list *diags);

#endif
