/* plain — see src/plain.h. */
#include "plain.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "card_entry.h"
#include "search.h"
#include "text.h"

void plain_wrap(FILE *out, const char *text, int width, int indent, bool preformatted)
{
	struct text_lines lines;
	text_lines_init(&lines);
	int avail = width - indent > 10 ? width - indent : 10;
	if (text_wrap(&lines, text, strlen(text), avail, preformatted ? TEXT_PRE : TEXT_REFLOW) == 0) {
		for (size_t i = 0; i < lines.count; i++) {
			const struct text_line *l = &lines.items[i];
			if (l->len == 0 && l->indent == 0) {
				fputc('\n', out);
				continue;
			}
			fprintf(out, "%*s%.*s\n", indent + l->indent, "", (int)l->len, text + l->start);
		}
	}
	text_lines_release(&lines);
}

static void heading(FILE *out, const char *title)
{
	fprintf(out, "\n%s\n", title);
}

/* "Label: value" with the value's continuation lines under the value. */
static void labelled_with(FILE *out, const char *label, const char *separator, const char *value, int width)
{
	int lw = text_width(label) + text_width(separator);
	struct text_lines lines;
	text_lines_init(&lines);
	int avail = width - 2 - lw > 20 ? width - 2 - lw : 20;
	if (text_wrap(&lines, value, strlen(value), avail, TEXT_REFLOW) == 0)
		for (size_t i = 0; i < lines.count; i++) {
			const struct text_line *l = &lines.items[i];
			if (i == 0)
				fprintf(out, "  %s%s", label, separator);
			else
				fprintf(out, "  %*s", lw, "");
			fprintf(out, "%*s%.*s\n", l->indent, "", (int)l->len, value + l->start);
		}
	text_lines_release(&lines);
}

static void labelled(FILE *out, const char *label, const char *value, int width)
{
	labelled_with(out, label, ": ", value, width);
}

static void ids_line(FILE *out, const char *label, const char *const *ids, size_t n, int width)
{
	if (n == 0)
		return;
	size_t total = 1;
	for (size_t i = 0; i < n; i++)
		total += strlen(ids[i]) + 2;
	char *joined = malloc(total);
	if (!joined)
		return;
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(ids[i]);
		if (i) {
			memcpy(joined + at, ", ", 2);
			at += 2;
		}
		memcpy(joined + at, ids[i], len);
		at += len;
	}
	joined[at] = '\0';
	labelled(out, label, joined, width);
	free(joined);
}

static void section_body(FILE *out, const struct library *library, const struct card *card, enum section s,
			 int width)
{
	if (s == SECTION_DIAGRAM) {
		/* The words first: a screen reader reaches them before the
		 * drawing, which it can only read as a string of symbols. */
		if (card->diagram_text) {
			plain_wrap(out, "In words:", width, 2, false);
			plain_wrap(out, card->diagram_text, width, 4, false);
			fputc('\n', out);
		}
		plain_wrap(out, card->text[s], width, 2, true);
	} else if (s < SECTION_TEXT_COUNT) {
		plain_wrap(out, card->text[s], width, 2, false);
	} else {
		struct card_entry entry;
		char buf[2048];
		for (size_t i = 0; card_entry_get(library, card, s, i, &entry, buf, sizeof buf); i++)
			labelled_with(out, entry.label, s == SECTION_FACTS ? ": " : " ", entry.text, width);
	}
}

void plain_card(FILE *out, const struct library *library, const struct card *card, int section, int width)
{
	if (section >= 0) {
		fprintf(out, "%s: %s\n", card->title, section_title((enum section)section));
		if (!card_has_section(card, (enum section)section))
			fprintf(out, "  (this card has no %s section)\n", section_title((enum section)section));
		else
			section_body(out, library, card, (enum section)section, width);
		return;
	}
	fprintf(out, "%s (%s)\n", card->title, card_kind_name(card->kind));
	if (card->naliases)
		ids_line(out, "Also called", card->aliases, card->naliases, width);
	if (card->member_of) {
		const struct card *cls = library_find(library, card->member_of);
		labelled(out, "Member of", cls ? cls->title : card->member_of, width);
	}
	if (card->status == CARD_DRAFT)
		plain_wrap(out, RX_DRAFT_NOTE " " RX_DISCLAIMER, width, 0, false);
	else
		fprintf(out, "Reviewed by %s. %s\n", card->reviewed_by, RX_DISCLAIMER);
	for (int s = 0; s < SECTION_COUNT; s++) {
		if (!card_has_section(card, (enum section)s))
			continue;
		heading(out, section_title((enum section)s));
		section_body(out, library, card, (enum section)s, width);
	}
	if (card->nrelated || card->ncompare_with)
		fputc('\n', out);
	ids_line(out, "Related", card->related, card->nrelated, width);
	ids_line(out, "Compare with", card->compare_with, card->ncompare_with, width);
	if (card->reviewed) {
		char checked[64];
		snprintf(checked, sizeof checked, "Last checked against its sources: %s", card->reviewed);
		fputc('\n', out);
		plain_wrap(out, checked, width, 0, false);
	}
}

bool plain_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);
	return codeset && (text_casecmp(codeset, "UTF-8") == 0 || text_casecmp(codeset, "utf8") == 0);
}

/* A title cut to cols columns, ending in an ellipsis when it was cut. */
static void fitted_title(FILE *out, const char *title, int cols)
{
	int title_cols = text_width(title);
	if (title_cols <= cols) {
		fprintf(out, "%s\n", title);
		return;
	}
	bool utf8 = plain_utf8();
	int used;
	size_t keep = text_fit(title, strlen(title), cols - (utf8 ? 1 : 3), &used);
	while (keep > 0 && title[keep - 1] == ' ')
		keep--;
	fprintf(out, "%.*s%s\n", (int)keep, title, utf8 ? "…" : "...");
}

void plain_list(FILE *out, const struct library *library, int width)
{
	const struct card **sorted = malloc((library->ncards + 1) * sizeof *sorted);
	if (!sorted)
		return;
	library_sorted(library, sorted);
	int idw = 0;
	for (size_t i = 0; i < library->ncards; i++) {
		int w = text_width(sorted[i]->id);
		idw = w > idw ? w : idw;
	}
	/* The title gets what the id and kind leave, but never less than a
	 * few words: a row then passes width rather than lose its title. */
	int room = width - idw - 13;
	if (room < 12)
		room = 12;
	for (size_t i = 0; i < library->ncards; i++) {
		fprintf(out, "%-*s  %-9s  ", idw, sorted[i]->id, card_kind_name(sorted[i]->kind));
		fitted_title(out, sorted[i]->title, room);
	}
	free(sorted);
}

/* One line per hit under its topic's heading, topics in search_rank()
 * order: "Baclofen (drug) [baclofen]: 3 matches, the topic you named". */
int plain_search(FILE *out, const struct library *library, const char *query, int width)
{
	struct search_results results;
	struct search_ranking ranking;
	search_results_init(&results);
	search_ranking_init(&ranking);
	if (search_run(&results, library, query) < 0 || search_rank(&ranking, &results, library, query) < 0) {
		search_results_release(&results);
		return -1;
	}
	search_results_map(&results);	/* every hit is printed: one walk of each text */
	for (size_t t = 0; t < ranking.count; t++) {
		const struct search_topic *topic = &ranking.topics[t];
		fprintf(out, "%s (%s) [%s]:", topic->card->title, card_kind_name(topic->card->kind), topic->card->id);
		if (topic->hits)
			fprintf(out, " %zu match%s", topic->hits, topic->hits == 1 ? "" : "es");
		const char *named = !topic->named ? ""
			: ranking.naming <= LIBRARY_NAMES_TITLE ? "the topic you named" : "the closest topic name";
		fprintf(out, "%s%s\n", topic->named && topic->hits ? ", " : topic->named ? " " : "", named);
		for (size_t k = 0; k < topic->hits; k++) {
			const struct search_hit *hit = &results.hits[ranking.order[topic->order_start + k]];
			const char *where = hit->section >= 0 ? section_title((enum section)hit->section)
				: hit->field == SEARCH_ALIAS ? "Also called" : "Title";
			char snippet[1024];
			int room = width - text_width(where) - 4;
			size_t ms, ml;
			search_snippet(hit, room > 20 ? room : 20, snippet, sizeof snippet, &ms, &ml);
			fprintf(out, "  %s: %s\n", where, snippet);
		}
	}
	int n = (int)ranking.count;
	search_ranking_release(&ranking);
	search_results_release(&results);
	return n;
}

void plain_diags(FILE *out, const struct diag_list *diags)
{
	char buf[4096];
	for (size_t i = 0; i < diags->count; i++) {
		diag_format(&diags->items[i], buf, sizeof buf);
		fprintf(out, "%s\n", buf);
	}
}
