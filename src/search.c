/* search — full-text search over the loaded cards (no curses). */
#include "search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "text.h"

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

/* One hit for the first occurrence of query in text, if any. */
static int push_first(struct search_results *results, const struct card *card, enum search_field field,
		      int section, const char *text, const char *query)
{
	const char *found;
	struct search_hit hit;

	if (!text)
		return 0;
	found = text_find_nocase(text, query);
	if (!found)
		return 0;
	hit.card = card;
	hit.field = field;
	hit.section = section;
	hit.text = text;
	hit.offset = (size_t)(found - text);
	hit.length = strlen(query);
	return results_push(results, &hit);
}

static int push_names(struct search_results *results, const struct card *card, const char *query)
{
	size_t i;

	if (push_first(results, card, SEARCH_TITLE, -1, card->title, query) < 0)
		return -1;
	for (i = 0; i < card->naliases; i++)
		if (push_first(results, card, SEARCH_ALIAS, -1, card->aliases[i], query) < 0)
			return -1;
	return 0;
}

/* Every occurrence in the text sections (non-overlapping), then the facts. */
static int push_body(struct search_results *results, const struct card *card, const char *query)
{
	size_t qlen = strlen(query);
	size_t i;
	int section;

	for (section = 0; section < SECTION_TEXT_COUNT; section++) {
		const char *text = card->text[section];
		size_t len = text ? strlen(text) : 0;
		const char *at = text;

		/* lengths, not NULs: a common word must not re-measure the rest of the section at every hit */
		while (at && (at = text_find_nocase_n(at, len - (size_t)(at - text), query, qlen)) != NULL) {
			struct search_hit hit = {
				card, SEARCH_SECTION, section, text, (size_t)(at - text), qlen
			};

			if (results_push(results, &hit) < 0)
				return -1;
			at += qlen;
		}
	}
	for (i = 0; i < card->nfacts; i++)
		if (push_first(results, card, SEARCH_FACT, SECTION_FACTS, card->facts[i].value, query) < 0)
			return -1;
	return 0;
}

int search_run(struct search_results *results, const struct library *library, const char *query)
{
	const struct card **order;
	size_t i;
	int rc = 0;

	if (!query || !*query || library->ncards == 0)
		return 0;
	order = malloc(library->ncards * sizeof(*order));
	if (!order)
		return -1;
	/* The order the user sees in the topic list, so results read top to bottom. */
	library_sorted(library, order);
	for (i = 0; i < library->ncards && rc == 0; i++)
		rc = push_names(results, order[i], query);
	for (i = 0; i < library->ncards && rc == 0; i++)
		rc = push_body(results, order[i], query);
	free(order);
	return rc;
}

bool search_title_matches(const struct card *card, const char *query)
{
	size_t i;

	if (!query || !*query)
		return true;
	if (card->title && text_find_nocase(card->title, query))
		return true;
	for (i = 0; i < card->naliases; i++)
		if (text_find_nocase(card->aliases[i], query))
			return true;
	return false;
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
	size_t text_len = strlen(text);
	size_t offset = hit->offset <= text_len ? hit->offset : text_len;
	size_t length = hit->length <= text_len - offset ? hit->length : text_len - offset;
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
