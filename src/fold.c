/* fold — the folded form look-ups compare, built on the transliteration
 * table (see include/translit.h). */
#include "translit.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "text.h"

static bool is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* White space, sentence punctuation, quotes and brackets: dropped, and a
 * word boundary.  A table, because cursor_skip() looks up every byte of a
 * long section when a query has hits all through it. */
static const bool separators[128] = {
	[' '] = true, ['\n'] = true, ['\t'] = true, ['?'] = true, ['!'] = true, [','] = true,
	[';'] = true, [':'] = true, ['"'] = true, ['\''] = true, ['('] = true, [')'] = true,
	['['] = true, [']'] = true, ['{'] = true, ['}'] = true,
};

static bool is_separator(char c)
{
	return (unsigned char)c < 128 && separators[(unsigned char)c];
}

static void batch_push(struct fold_batch *batch, char c, size_t at, size_t next)
{
	batch->bytes[batch->count] = c;
	batch->at[batch->count] = at;
	batch->next[batch->count] = next;
	batch->count++;
}

static void fold_init(struct fold_state *state)
{
	memset(state, 0, sizeof *state);
}

/* A byte that is neither a dash nor part of a longer character: dropped
 * when it separates words (the next letter then carries the boundary mark),
 * else its folded form.  Returns whether *out was set. */
static bool fold_plain(struct fold_state *state, char c, char *out)
{
	bool emitted = !is_separator(c);

	if (!emitted) {
		state->gap = state->started;	/* no mark before the first byte */
	} else {
		bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
		if (state->gap && lower)
			c = (char)(c - 'a' + 'A');
		else if (!state->gap && upper)
			c = (char)(c - 'A' + 'a');
		*out = c;
		state->gap = false;
		state->started = true;
	}
	state->last = c;
	return emitted;
}

/* Folds the ASCII that s[at..next) became into batch.  A dash after a letter
 * or digit waits for the next byte: dropped if a letter or digit follows
 * ("GABA-A"), kept otherwise ("Cl⁻ channel", "K+-").  A letter right after
 * a dropped space or dash is upper-cased: the mark of a word boundary
 * (text_fold_boundary). */
static void fold_ascii(struct fold_state *state, const char *ascii, size_t n, size_t at, size_t next,
		       struct fold_batch *batch)
{
	for (size_t i = 0; i < n; i++) {
		char c = ascii[i];

		if (state->dash_pending && !is_alnum(c)) {
			batch_push(batch, '-', state->dash_at, state->dash_next);
			state->gap = false;
		} else if (state->dash_pending) {
			state->gap = true;
		}
		state->dash_pending = false;
		if (c == '-' && is_alnum(state->last)) {
			state->dash_pending = true;
			state->dash_at = at;
			state->dash_next = next;
		} else {
			char folded;
			if (fold_plain(state, c, &folded))
				batch_push(batch, folded, at, next);
		}
		state->last = ascii[i];
	}
}

/* Folds the character at s[pos]; returns the bytes of s it took. */
static size_t fold_step(struct fold_state *state, const char *s, size_t len, size_t pos, struct fold_batch *batch)
{
	if ((unsigned char)s[pos] < 0x80) {	/* nearly every byte: no table to consult */
		fold_ascii(state, s + pos, 1, pos, pos + 1, batch);
		state->previous = (unsigned char)s[pos];
		return 1;
	}
	char ascii[TRANSLIT_MAX];
	size_t n, used = translit_char(s + pos, len - pos, state->previous, ascii, &n);

	if (!translit_known(s + pos, len - pos)) {
		/* kept as written: only the same character matches it */
		if (state->dash_pending)
			batch_push(batch, '-', state->dash_at, state->dash_next);
		state->dash_pending = false;
		for (size_t i = 0; i < used; i++)
			batch_push(batch, s[pos + i], pos, pos + used);
		state->gap = false;
		state->started = true;
		state->last = '?';
	} else {
		fold_ascii(state, ascii, n, pos, pos + used, batch);
	}
	if (text_utf8_decode(s + pos, len - pos, &state->previous) < 0)
		state->previous = '?';
	return used;
}

static void fold_finish(struct fold_state *state, struct fold_batch *batch)
{
	if (state->dash_pending)
		batch_push(batch, '-', state->dash_at, state->dash_next);
	state->dash_pending = false;
}

size_t text_fold(const char *s, size_t len, char *out)
{
	struct fold_state state;
	struct fold_batch batch;
	size_t pos = 0, written = 0;

	fold_init(&state);
	for (;;) {
		/* Runs of plain ASCII (no dash to decide) go straight to out. */
		while (pos < len && !state.dash_pending && (unsigned char)s[pos] < 0x80 && s[pos] != '-') {
			char folded;
			if (fold_plain(&state, s[pos], &folded)) {
				if (out)
					out[written] = folded;
				written++;
			}
			state.previous = (unsigned char)s[pos++];
		}
		batch.count = 0;
		if (pos < len)
			pos += fold_step(&state, s, len, pos, &batch);
		else
			fold_finish(&state, &batch);
		if (out)
			memcpy(out + written, batch.bytes, batch.count);
		written += batch.count;
		if (pos >= len && !state.dash_pending && batch.count == 0)
			break;
	}
	if (out)
		out[written] = '\0';
	return written;
}

void fold_cursor_init(struct fold_cursor *cursor, const char *s, size_t len)
{
	cursor->s = s;
	cursor->len = len;
	cursor->pos = 0;
	fold_init(&cursor->state);
	cursor->batch.count = 0;
	cursor->batch_base = 0;
}

/* Moves over plain ASCII whose folded bytes all come before offset,
 * counting them without recording where each came from: a query with half a
 * million hits must not record the whole library, and "the" has hits all
 * through every section, so this loop reads most of the library's text.  It
 * only counts the bytes fold_plain() would put out, then leaves the state as
 * fold_plain() would after the last byte (its case aside: `last` is only
 * ever asked whether it is a letter or digit). */
static void cursor_skip(struct fold_cursor *c, size_t offset)
{
	const unsigned char *s = (const unsigned char *)c->s;
	size_t pos = c->pos, base = c->batch_base;

	if (c->state.dash_pending)
		return;
	while (pos < c->len && base < offset && s[pos] < 0x80 && s[pos] != '-')
		base += !separators[s[pos++]];
	if (pos == c->pos)
		return;
	unsigned char last = s[pos - 1];
	c->state.started = c->state.started || base > c->batch_base;
	c->state.gap = separators[last] && c->state.started;
	c->state.last = (char)last;
	c->state.previous = last;
	c->pos = pos;
	c->batch_base = base;
}

/* Moves on until the batch holds folded byte offset; false past the end. */
static bool cursor_reach(struct fold_cursor *c, size_t offset)
{
	while (c->batch_base + c->batch.count <= offset) {
		c->batch_base += c->batch.count;
		c->batch.count = 0;
		cursor_skip(c, offset);
		if (c->pos >= c->len && !c->state.dash_pending)
			return false;
		if (c->pos < c->len)
			c->pos += fold_step(&c->state, c->s, c->len, c->pos, &c->batch);
		else
			fold_finish(&c->state, &c->batch);
	}
	return offset >= c->batch_base;
}

void fold_cursor_locate(struct fold_cursor *cursor, size_t fold_offset, size_t fold_len, size_t *start,
			size_t *end)
{
	*start = cursor_reach(cursor, fold_offset) ? cursor->batch.at[fold_offset - cursor->batch_base] : cursor->len;
	size_t last = fold_offset + (fold_len ? fold_len - 1 : 0);
	*end = cursor_reach(cursor, last) ? cursor->batch.next[last - cursor->batch_base] : cursor->len;
	if (*end < *start)
		*end = *start;
}

static bool is_mark(char c)
{
	return c >= 'A' && c <= 'Z';
}

bool text_fold_boundary(const char *folded, size_t len, size_t at, const char *query, size_t query_len)
{
	bool crosses = false;
	for (size_t i = at + 1; i < at + query_len && !crosses; i++)
		crosses = is_mark(folded[i]);
	if (!crosses)
		return true;
	bool before = at == 0 || is_mark(folded[at]) || !is_alnum(folded[at - 1]);
	size_t end = at + query_len;
	bool after = end >= len || is_mark(folded[end]) || !is_alnum(folded[end]);
	/* A last word of two or more letters typed after a space may be the
	 * start of the text's word: "gaba rec" finds "GABA receptor" while it is
	 * being typed, but "gaba a" does not find "GABA as". */
	size_t last_word = 0;
	for (size_t i = query_len; i > 1 && !last_word; i--)
		if (is_mark(query[i - 1]))
			last_word = query_len - (i - 1);
	return before && (after || last_word >= 2);
}

char *text_fold_buffer(const char *s, char *small, size_t small_size, size_t *len)
{
	size_t n = strlen(s);
	/* Short enough that even the widest folding fits: one pass, not a
	 * measuring pass and then a writing one. */
	if (n < small_size / TRANSLIT_MAX) {
		size_t written = text_fold(s, n, small);
		if (len)
			*len = written;
		return small;
	}
	size_t need = text_fold(s, n, NULL) + 1;
	char *folded = need <= small_size ? small : malloc(need);
	if (!folded)
		return NULL;
	text_fold(s, n, folded);
	if (len)
		*len = need - 1;
	return folded;
}

void text_fold_release(char *folded, const char *small)
{
	if (folded != small)
		free(folded);
}

char *text_fold_arena(struct arena *arena, const char *s)
{
	size_t n = strlen(s);
	/* A character folds to at most TRANSLIT_MAX bytes: a short name (every
	 * id, alias and title the library indexes) is folded once, here. */
	char small[512];
	if (n < sizeof small / TRANSLIT_MAX)
		return arena_strndup(arena, small, text_fold(s, n, small));
	char *folded = arena_alloc(arena, text_fold(s, n, NULL) + 1);
	if (folded)
		text_fold(s, n, folded);
	return folded;
}
