/* search — full-text search over the loaded cards (no curses). */
#include "search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "text.h"
#include "translit.h"

void search_results_init(struct search_results *results)
{
	*results = (struct search_results){ 0 };
}

void search_results_release(struct search_results *results)
{
	free(results->hits);
	search_results_init(results);
}

static int results_push(struct search_results *results, const struct search_hit *hit)
{
	if (array_grow(&results->hits, &results->alloc, results->count, sizeof *results->hits) < 0)
		return -1;
	results->hits[results->count++] = *hit;
	return 0;
}

/* A query folded once (text_fold), and where a card's folded strings come
 * from: the library's, or folded here when the library was not resolved. */
struct query {
	char *folded;
	size_t len;
	struct arena scratch;
};

static int push_hit(struct search_results *results, const struct card *card, enum search_field field, int section,
		    const char *text, size_t fold_offset, size_t fold_length)
{
	const struct search_hit hit = {
		.card = card, .text = text, .field = field, .section = section,
		.offset = (uint32_t)fold_offset, .length = (uint32_t)fold_length,
	};
	return results_push(results, &hit);
}

/* Moves cursor (over hit->text, before the hit) to the hit and maps it. */
static void map_with(struct fold_cursor *cursor, struct search_hit *hit)
{
	size_t start, end;

	fold_cursor_locate(cursor, hit->offset, hit->length, &start, &end);
	hit->offset = (uint32_t)start;
	hit->length = (uint32_t)(end - start);
	hit->mapped = true;
}

void search_hit_span(const struct search_hit *hit, size_t *offset, size_t *length)
{
	struct search_hit mapped = *hit;

	if (!mapped.mapped && mapped.text) {
		struct fold_cursor cursor;
		fold_cursor_init(&cursor, hit->text, strlen(hit->text));
		map_with(&cursor, &mapped);
	}
	*offset = mapped.offset;
	*length = mapped.length;
}

void search_results_map(struct search_results *results)
{
	struct fold_cursor cursor;
	const char *walking = NULL;	/* the text cursor walks, up to the last hit mapped */
	size_t reached = 0;

	for (size_t i = 0; i < results->count; i++) {
		struct search_hit *hit = &results->hits[i];
		if (hit->mapped || !hit->text)
			continue;
		/* A text's hits come together and in order: one walk serves them all. */
		if (walking != hit->text || reached > hit->offset)
			fold_cursor_init(&cursor, hit->text, strlen(hit->text));
		walking = hit->text;
		reached = hit->offset;
		map_with(&cursor, hit);
	}
}

/* One hit for the first occurrence of the query in text (folded: its
 * folded form), if any. */
/* The next match of the query in folded[0..len) from at on that
 * text_fold_boundary() accepts, or NULL. */
static const char *find_folded(const char *folded, size_t len, const char *at, const struct query *q)
{
	while ((at = text_find_nocase_n(at, len - (size_t)(at - folded), q->folded, q->len)) != NULL) {
		if (text_fold_boundary(folded, len, (size_t)(at - folded), q->folded, q->len))
			return at;
		at++;
	}
	return NULL;
}

static int push_first(struct search_results *results, const struct card *card, enum search_field field,
		      int section, const char *text, const char *folded, const struct query *q)
{
	const char *found = text && folded ? find_folded(folded, strlen(folded), folded, q) : NULL;
	if (!found)
		return 0;
	return push_hit(results, card, field, section, text, (size_t)(found - folded), q->len);
}

static int push_names(struct search_results *results, const struct card *card, const struct card_folded *f,
		      const struct query *q)
{
	if (push_first(results, card, SEARCH_TITLE, -1, card->title, f->title, q) < 0)
		return -1;
	for (size_t i = 0; i < card->naliases; i++)
		if (push_first(results, card, SEARCH_ALIAS, -1, card->aliases[i], f->aliases[i], q) < 0)
			return -1;
	return 0;
}

/* Every occurrence in the text sections (non-overlapping), then the facts. */
static int push_body(struct search_results *results, const struct card *card, const struct card_folded *f,
		     const struct query *q)
{
	for (int section = 0; section < SECTION_TEXT_COUNT; section++) {
		const char *text = card->text[section], *folded = f->text[section];
		if (!text || !folded)
			continue;
		size_t len = strlen(folded);
		const char *at = folded;

		/* lengths, not NULs: a common word must not re-measure the rest of the section at every hit */
		while ((at = find_folded(folded, len, at, q)) != NULL) {
			if (push_hit(results, card, SEARCH_SECTION, section, text, (size_t)(at - folded), q->len) < 0)
				return -1;
			at += q->len;
		}
	}
	for (size_t i = 0; i < card->nfacts; i++)
		if (push_first(results, card, SEARCH_FACT, SECTION_FACTS, card->facts[i].value, f->facts[i], q) < 0)
			return -1;
	return 0;
}

/* The folded strings of order[i]: the library's, or folded into scratch. */
static const struct card_folded *folded_card(const struct card_folded *folded, const struct card *const *order,
					     size_t i, struct query *q, struct card_folded *spare)
{
	if (folded)
		return &folded[i];
	return library_fold_card(&q->scratch, order[i], spare) == 0 ? spare : NULL;
}

int search_run(struct search_results *results, const struct library *library, const char *query)
{
	if (!query || !*query || library->ncards == 0)
		return 0;
	struct query q;
	size_t qlen = strlen(query);
	q.len = text_fold(query, qlen, NULL);
	if (q.len == 0)
		return 0;	/* only spaces: nothing to look for */
	q.folded = malloc(q.len + 1);
	if (!q.folded)
		return -1;
	text_fold(query, qlen, q.folded);
	arena_init(&q.scratch);
	/* The order the user sees in the topic list, so results read top to bottom. */
	const struct card **order = library->sorted && library->nsorted == library->ncards ? library->sorted : NULL;
	const struct card **own = order ? NULL : malloc(library->ncards * sizeof *own);
	int rc = order || own ? 0 : -1;
	if (own) {
		library_sorted(library, own);
		order = own;
	}
	struct card_folded spare;
	const struct card_folded *folded = own ? NULL : library_folded(library);
	for (int pass = 0; pass < 2 && rc == 0; pass++)
		for (size_t i = 0; i < library->ncards && rc == 0; i++) {
			const struct card_folded *f = folded_card(folded, order, i, &q, &spare);
			rc = !f ? -1 : pass == 0 ? push_names(results, order[i], f, &q) : push_body(results, order[i], f, &q);
		}
	free(own);
	arena_release(&q.scratch);
	free(q.folded);
	return rc;
}

/* Whether the folded form of text holds the folded query. */
static bool folded_contains(const char *text, const char *query, size_t query_len)
{
	size_t len;
	char small[512], *folded = text_fold_buffer(text, small, sizeof small, &len);
	if (!folded)
		return false;
	const char *at = folded;
	bool found = false;
	while (!found && (at = text_find_nocase_n(at, len - (size_t)(at - folded), query, query_len)) != NULL)
		found = text_fold_boundary(folded, len, (size_t)(at++ - folded), query, query_len);
	text_fold_release(folded, small);
	return found;
}

bool search_title_matches(const struct card *card, const char *query)
{
	if (!query || !*query)
		return true;
	size_t len;
	char small[256], *folded = text_fold_buffer(query, small, sizeof small, &len);
	if (!folded)
		return false;
	bool found = len == 0 || (card->title && folded_contains(card->title, folded, len));
	for (size_t i = 0; !found && i < card->naliases; i++)
		found = folded_contains(card->aliases[i], folded, len);
	text_fold_release(folded, small);
	return found;
}

/* Start of the character that ends just before s + at (at > 0). */
static size_t previous_char(const char *s, size_t at)
{
	do
		at--;
	while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80);
	return at;
}

/* Copies s[0..len) to buf at *used, turning line breaks into spaces. */
static void append_flat(char *buf, size_t size, size_t *used, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len && *used + 1 < size; i++) {
		char c = s[i];

		buf[(*used)++] = (c == '\n' || c == '\r') ? ' ' : c;
	}
	buf[*used] = '\0';
}

static void append_ellipsis(char *buf, size_t size, size_t *used)
{
	append_flat(buf, size, used, "\xE2\x80\xA6", 3);
}

void search_snippet(const struct search_hit *hit, int max_cols, char *buf, size_t size, size_t *match_start,
		    size_t *match_len)
{
	const char *text = hit->text;
	size_t text_len = strlen(text), offset, length;
	search_hit_span(hit, &offset, &length);
	offset = offset <= text_len ? offset : text_len;
	length = length <= text_len - offset ? length : text_len - offset;
	size_t start = offset, end, used = 0, fit;
	int match_cols, budget, before_budget, before = 0;

	*match_start = 0;
	*match_len = 0;
	if (size == 0)
		return;
	buf[0] = '\0';
	if (max_cols < 1)
		return;
	/* The match itself, cut to what fits (leaving room for the ellipses). */
	budget = max_cols - (offset > 0) - (offset + length < text_len);
	fit = text_fit(text + offset, length, budget > 0 ? budget : 1, &match_cols);
	length = fit;
	budget = max_cols - match_cols;
	/* About a third of the spare room goes before the match, the rest after. */
	before_budget = budget / 3;
	while (start > 0) {
		size_t prev = previous_char(text, start);
		int w = text_width_n(text + prev, start - prev);

		/* Reserve one column for the leading "…" unless we reach the start. */
		if (before + w + (prev > 0 ? 1 : 0) > before_budget)
			break;
		before += w;
		start = prev;
	}
	/* Start on a word: skip a cut-off word fragment, then spaces. */
	if (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n') {
		size_t word = start;

		while (word < offset && text[word] != ' ' && text[word] != '\n')
			word++;
		if (word < offset)
			start = word;
	}
	while (start < offset && (text[start] == ' ' || text[start] == '\n'))
		start++;
	before = text_width_n(text + start, offset - start);
	budget = max_cols - match_cols - before - (start > 0 ? 1 : 0);
	end = offset + length;
	if (budget > 0 && end < text_len) {
		int after_cols;
		size_t after = text_fit(text + end, text_len - end, budget, &after_cols);

		/* Leave a column for the trailing "…" when the text goes on. */
		if (end + after < text_len && after_cols >= budget && after > 0)
			after = text_fit(text + end, text_len - end, budget - 1, NULL);
		end += after;
	}
	if (start > 0)
		append_ellipsis(buf, size, &used);
	append_flat(buf, size, &used, text + start, offset - start);
	*match_start = used;
	append_flat(buf, size, &used, text + offset, length);
	*match_len = used - *match_start;
	append_flat(buf, size, &used, text + offset + length, end - offset - length);
	if (end < text_len)
		append_ellipsis(buf, size, &used);
}
