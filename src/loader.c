/* loader — YAML text to trees to cards.  The only file that includes libyaml.
 * See include/loader.h; the tree format is src/yamltree.h. */
#include "loader.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "order.h"
#include "text.h"
#include "yamltree.h"

/* --- events to tree ------------------------------------------------------ */

struct builder {
	const char *path;
	struct arena *arena;
	struct diag_list *diags;
	struct ynode *stack[LOADER_MAX_DEPTH + 1];
	size_t cap[LOADER_MAX_DEPTH + 1];	/* allocated items of each open node */
	int depth;
	struct ynode *root;
};

static void error_at(struct builder *b, yaml_mark_t mark, const char *fmt, ...) DIAG_PRINTF(3, 4);
static void error_at(struct builder *b, yaml_mark_t mark, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(b->diags, DIAG_ERROR, b->path, (unsigned)mark.line + 1, (unsigned)mark.column + 1, fmt, ap);
	va_end(ap);
}

/* A node, with room for text_len bytes of text and a NUL behind it (0 for
 * a collection): one allocation per scalar, not two. */
static struct ynode *new_node(struct builder *b, enum ynode_type type, yaml_mark_t mark, size_t text_len)
{
	struct ynode *n = arena_alloc(b->arena, sizeof *n + text_len + 1);
	if (n) {
		n->type = type;
		n->line = (unsigned)mark.line + 1;
		n->col = (unsigned)mark.column + 1;
	}
	return n;
}

/* Appends child to the innermost open collection (or makes it the root). */
static int attach(struct builder *b, struct ynode *child)
{
	if (b->depth == 0) {
		b->root = child;
		return 0;
	}
	struct ynode *parent = b->stack[b->depth - 1];
	size_t *cap = &b->cap[b->depth - 1];
	if (parent->count == *cap) {
		size_t n = *cap ? *cap * 2 : 8;
		struct ynode **items = arena_array(b->arena, n, sizeof *items);
		if (!items)
			return -1;
		if (parent->count)
			memcpy(items, parent->items, parent->count * sizeof *items);
		parent->items = items;
		*cap = n;
	}
	parent->items[parent->count++] = child;
	return 0;
}

static int key_order(const void *a, const void *b)
{
	const struct ynode *x = *(const struct ynode *const *)a, *y = *(const struct ynode *const *)b;
	int c = strcmp(x->value, y->value);
	if (c)
		return c;
	return x->line != y->line ? ORDER(x->line, y->line) : ORDER(x->col, y->col);
}

/* Mapping keys must be text and unique.  Sorting a copy keeps a hostile file
 * with a huge mapping from costing quadratic time. */
static int check_mapping(struct builder *b, const struct ynode *map)
{
	size_t n = map->count / 2;
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		const struct ynode *key = map->items[2 * i];
		if (key->type != YNODE_SCALAR) {
			diag_add(b->diags, DIAG_ERROR, b->path, key->line, key->col, "a key must be plain text, not %s",
				 ytree_type_name(key));
			rc = -1;
		}
	}
	if (rc < 0 || n < 2)
		return rc;
	/* A card's mappings are small and nearly always without duplicates:
	 * comparing every pair says so without sorting. */
	if (n <= 16) {
		bool duplicate = false;
		for (size_t i = 1; i < n && !duplicate; i++)
			for (size_t j = 0; j < i && !duplicate; j++)
				duplicate = map->items[2 * i]->value[0] == map->items[2 * j]->value[0] &&
					    strcmp(map->items[2 * i]->value, map->items[2 * j]->value) == 0;
		if (!duplicate)
			return 0;
	}
	const struct ynode **keys = malloc(n * sizeof *keys);
	if (!keys)
		return -1;
	for (size_t i = 0; i < n; i++)
		keys[i] = map->items[2 * i];
	qsort(keys, n, sizeof *keys, key_order);
	for (size_t i = 1; i < n; i++) {
		if (strcmp(keys[i]->value, keys[i - 1]->value) != 0)
			continue;
		size_t first = i - 1;
		while (first > 0 && strcmp(keys[first - 1]->value, keys[i]->value) == 0)
			first--;
		diag_add(b->diags, DIAG_ERROR, b->path, keys[i]->line, keys[i]->col, "duplicate key '%s'",
			 keys[i]->value);
		diag_add(b->diags, DIAG_NOTE, b->path, keys[first]->line, keys[first]->col, "first defined here");
		rc = -1;
	}
	free(keys);
	return rc;
}

/* Handles one event; returns 0 to go on, 1 at the end of the stream, -1 on
 * an error (already reported). */
static int on_event(struct builder *b, const yaml_event_t *ev, int *documents)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;
	switch (ev->type) {
	case YAML_STREAM_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
		return 0;
	case YAML_STREAM_END_EVENT:
		return 1;
	case YAML_DOCUMENT_START_EVENT:
		if (++*documents > 1) {
			error_at(b, ev->start_mark, "%s", "more than one document in a file (a second '---')");
			return -1;
		}
		return 0;
	case YAML_ALIAS_EVENT:
		error_at(b, ev->start_mark, "aliases (*%s) are not allowed in cards", (const char *)ev->data.alias.anchor);
		return -1;
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT: {
		struct ynode *done = b->stack[--b->depth];
		return done->type == YNODE_MAPPING ? check_mapping(b, done) : 0;
	}
	default:
		return 0;
	}
	if (anchor) {
		error_at(b, ev->start_mark, "anchors (&%s) are not allowed in cards", (const char *)anchor);
		return -1;
	}
	if (tag) {
		error_at(b, ev->start_mark, "tags (%s) are not allowed in cards", (const char *)tag);
		return -1;
	}
	if (ev->type == YAML_SCALAR_EVENT) {
		if (ev->data.scalar.length > LOADER_MAX_SCALAR_BYTES) {
			error_at(b, ev->start_mark, "text of %zu bytes exceeds the 256 KiB limit",
				 ev->data.scalar.length);
			return -1;
		}
		struct ynode *n = new_node(b, YNODE_SCALAR, ev->start_mark, ev->data.scalar.length);
		if (!n)
			return -1;
		char *text = (char *)(n + 1);
		memcpy(text, ev->data.scalar.value, ev->data.scalar.length);
		n->value = text;
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		n->block = ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
			   ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE;
		return attach(b, n);
	}
	if (b->depth == LOADER_MAX_DEPTH) {
		error_at(b, ev->start_mark, "nesting deeper than %d levels", LOADER_MAX_DEPTH);
		return -1;
	}
	struct ynode *n = new_node(b, ev->type == YAML_MAPPING_START_EVENT ? YNODE_MAPPING : YNODE_SEQUENCE,
				   ev->start_mark, 0);
	if (!n || attach(b, n) < 0)
		return -1;
	b->cap[b->depth] = 0;
	b->stack[b->depth++] = n;
	return 0;
}

void ytree_position(const char *data, size_t size, size_t offset, unsigned *line, unsigned *col)
{
	if (offset > size)
		offset = size;
	size_t line_start = 0;
	*line = 1;
	for (const char *nl = data; (nl = memchr(nl, '\n', (size_t)(data + offset - nl))); nl++) {
		++*line;
		line_start = (size_t)(nl - data) + 1;
	}
	/* The BOM is not counted in columns. */
	if (*line == 1 && offset >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		line_start = 3;
	*col = (unsigned)text_char_count(data + line_start, offset - line_start) + 1;
}

/* NUL bytes and invalid UTF-8 get exact positions here; libyaml would
 * report them less precisely or not at all. */
static int check_bytes(const char *path, const char *data, size_t size, struct diag_list *diags)
{
	size_t bad = size;
	const char *nul = memchr(data, '\0', size);
	const char *what = "a NUL byte";
	if (nul)
		bad = (size_t)(nul - data);
	size_t utf8_bad;
	if (!text_utf8_valid(data, nul ? bad : size, &utf8_bad)) {
		bad = utf8_bad;
		what = "invalid UTF-8";
	}
	if (bad == size)
		return 0;
	unsigned line, col;
	ytree_position(data, size, bad, &line, &col);
	diag_add(diags, DIAG_ERROR, path, line, col, "%s (the file must be UTF-8 text)", what);
	return -1;
}

int ytree_parse(const char *path, const char *data, size_t size, struct arena *scratch, struct ynode **root,
		struct diag_list *diags)
{
	*root = NULL;
	if (check_bytes(path, data, size, diags) < 0)
		return -1;
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return -1;
	/* The text is known to be UTF-8 by now; a BOM is dropped here so that
	 * it is not counted in the columns of the first line. */
	if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		size -= 3;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, size);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	struct builder b = { .path = path, .arena = scratch, .diags = diags };
	int documents = 0, rc = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			yaml_mark_t m = parser.problem_mark;
			yaml_mark_t c = parser.context_mark;
			if (parser.context)
				diag_add(diags, DIAG_ERROR, path, (unsigned)m.line + 1, (unsigned)m.column + 1,
					 "YAML syntax: %s %s that starts at line %u, column %u",
					 parser.problem ? parser.problem : "error", parser.context,
					 (unsigned)c.line + 1, (unsigned)c.column + 1);
			else
				diag_add(diags, DIAG_ERROR, path, (unsigned)m.line + 1, (unsigned)m.column + 1,
					 "YAML syntax: %s", parser.problem ? parser.problem : "error");
			rc = -1;
			break;
		}
		rc = on_event(&b, &ev, &documents);
		yaml_event_delete(&ev);
		if (rc != 0)
			break;
	}
	yaml_parser_delete(&parser);
	if (rc < 0)
		return -1;
	/* "---" alone or a lone empty scalar is as empty as a comment-only file. */
	if (!b.root || (b.root->type == YNODE_SCALAR && b.root->len == 0 && b.root->plain))
		return 1;
	*root = b.root;
	return 0;
}

const struct ynode *ytree_get(const struct ynode *mapping, const char *key)
{
	if (!mapping || mapping->type != YNODE_MAPPING)
		return NULL;
	size_t len = strlen(key);
	for (size_t i = 0; i + 1 < mapping->count; i += 2)
	{
		/* strcmp's meaning (a key may hold a NUL written as "\0"),
		 * without its call for every key that differs in length. */
		const struct ynode *k = mapping->items[i];
		if (k->len >= len && k->value[len] == '\0' && memcmp(k->value, key, len) == 0)
			return mapping->items[i + 1];
	}
	return NULL;
}

const char *ytree_type_name(const struct ynode *node)
{
	switch (node->type) {
	case YNODE_SCALAR:
		return "text";
	case YNODE_SEQUENCE:
		return "a list";
	case YNODE_MAPPING:
		return "a mapping";
	}
	return "?";
}
