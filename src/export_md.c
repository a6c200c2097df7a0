/* export_md — a printable Markdown handout (CommonMark with GitHub tables):
 * a title and the education notice, every chosen card with its sections in
 * display order, comparison tables, numbered questions, and the answers with
 * their explanations at the end, so a printout can be used as a self-test. */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "disclaimer.h"

/* --- escaping ---------------------------------------------------------------- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* At the start of a line in a paragraph: escapes what would open a block
 * (heading, list, setext underline, ordered list) and drops the indentation
 * (four spaces would make a code block).  Returns the bytes consumed. */
static size_t line_start(FILE *out, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < len && (s[i] == '#' || s[i] == '+' || s[i] == '-' || s[i] == '=')) {
		fputc('\\', out);
		fputc(s[i], out);
		return i + 1;
	}
	size_t d = i;
	while (d < len && d - i < 9 && is_digit(s[d]))
		d++;
	if (d > i && d < len && (s[d] == '.' || s[d] == ')')) {
		fwrite(s + i, 1, d - i, out);
		fputc('\\', out);
		fputc(s[d], out);
		return d + 1;
	}
	return i;
}

static void md_text(FILE *out, const char *s, size_t len, enum export_md_context context, bool at_line_start)
{
	size_t i = at_line_start && context == EXPORT_MD_PARAGRAPH ? line_start(out, s, len) : 0;
	for (; i < len; i++) {
		char c = s[i];
		if (c == '\n') {
			if (context == EXPORT_MD_TABLE_CELL) {
				fputs("<br>", out);
			} else if (context == EXPORT_MD_ONE_LINE) {
				fputc(' ', out);
			} else {
				fputs("\\\n", out);
				i += line_start(out, s + i + 1, len - i - 1);
			}
		} else if (strchr("\\`*_[]<>|~", c)) {
			fputc('\\', out);
			fputc(c, out);
		} else if (c == '&' && i + 1 < len && (is_alnum(s[i + 1]) || s[i + 1] == '#')) {
			fputs("\\&", out);
		} else if (c == '\t') {
			fputc(' ', out);
		} else if ((unsigned char)c >= 0x20 && c != 0x7F) {
			fputc(c, out);
		}
	}
}

void export_md_inline(FILE *out, const char *text, enum export_md_context context)
{
	if (text)
		md_text(out, text, strlen(text), context, false);
}

void export_md_prose(FILE *out, const char *text)
{
	enum { NOTHING, PARAGRAPH, LIST } previous = NOTHING;
	bool blank = false;
	for (const char *p = text ? text : ""; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t indent = 0;
		while (indent < len && p[indent] == ' ')
			indent++;
		if (indent == len) {
			blank = previous != NOTHING;
		} else {
			size_t marker = export_list_marker(p + indent, len - indent);
			/* Close the previous line: a hard break inside a paragraph,
			 * a blank line between a paragraph and a list. */
			if (previous == PARAGRAPH && !marker && !blank)
				fputs("\\\n", out);
			else if (previous != NOTHING)
				fputc('\n', out);
			if (previous != NOTHING && (blank || (marker > 0) != (previous == LIST)))
				fputc('\n', out);
			blank = false;
			if (marker) {
				bool bullet = !is_digit(p[indent]);
				fprintf(out, "%*s", (int)(indent < 8 ? indent : 8), "");
				if (bullet)
					fputs("- ", out);
				else
					fwrite(p + indent, 1, marker, out);
				const char *item = p + indent + marker;
				md_text(out, item, len - indent - marker, EXPORT_MD_ONE_LINE, false);
				previous = LIST;
			} else {
				md_text(out, p, len, EXPORT_MD_PARAGRAPH, true);
				previous = PARAGRAPH;
			}
		}
		p += len + (end != NULL);
	}
	if (previous != NOTHING)
		fputc('\n', out);
}

/* Preformatted text in a fence longer than any run of backticks inside it. */
static void code_block(FILE *out, const char *text)
{
	size_t longest = 0, run = 0;
	for (const char *p = text; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		longest = run > longest ? run : longest;
	}
	int fence = longest >= 3 ? (int)longest + 1 : 3;
	fprintf(out, "%.*s\n", fence, "``````````````````````````````````````````````````");
	size_t len = strlen(text);
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)text[i] >= 0x20 || text[i] == '\n')
			fputc(text[i], out);
	fprintf(out, "%s%.*s\n", len && text[len - 1] == '\n' ? "" : "\n", fence,
		"``````````````````````````````````````````````````");
}

/* --- the cards ---------------------------------------------------------------- */

static void cell(FILE *out, const char *text)
{
	fputc(' ', out);
	export_md_inline(out, text, EXPORT_MD_TABLE_CELL);
	fputs(" |", out);
}

static void facts_table(FILE *out, const struct library *library, const struct card *card)
{
	fputs("| Fact | Value |\n| --- | --- |\n", out);
	for (size_t i = 0; i < card->nfacts; i++) {
		const struct vocab_entry *v = library_vocab(library, card->facts[i].key);
		fputc('|', out);
		cell(out, v && v->label ? v->label : card->facts[i].key);
		cell(out, card->facts[i].value);
		fputc('\n', out);
	}
}

static void sources_list(FILE *out, const struct card *card)
{
	char buf[4096];
	for (size_t i = 0; i < card->nsources; i++) {
		card_source_format(&card->sources[i], buf, sizeof buf);
		fprintf(out, "%zu. ", i + 1);
		export_md_inline(out, buf, EXPORT_MD_ONE_LINE);
		fputc('\n', out);
	}
}

/* "Label: A, B": names as they are, or (library not NULL) card ids shown as
 * their cards' titles. */
static void titles_line(FILE *out, const struct library *library, const char *label, const char *const *ids,
			size_t n, bool *first)
{
	if (n == 0)
		return;
	fprintf(out, "%s**%s:** ", *first ? "" : " · ", label);
	for (size_t i = 0; i < n; i++) {
		const struct card *c = library ? library_find(library, ids[i]) : NULL;
		if (i)
			fputs(", ", out);
		export_md_inline(out, c ? c->title : ids[i], EXPORT_MD_ONE_LINE);
	}
	*first = false;
}

static void card_heading(FILE *out, const struct library *library, const struct card *card)
{
	fputs("\n---\n\n## ", out);
	export_md_inline(out, card->title, EXPORT_MD_ONE_LINE);
	fprintf(out, "\n\n**Kind:** %s", card_kind_name(card->kind));
	bool first = false;
	titles_line(out, NULL, "Also called", card->aliases, card->naliases, &first);
	if (card->member_of)
		titles_line(out, library, "Member of", &card->member_of, 1, &first);
	fputs("\n\n", out);
	if (card->status == CARD_DRAFT) {
		fputs("> **Draft:** not yet reviewed by a pharmacist or physician.\n", out);
	} else {
		fputs("*Reviewed by ", out);
		export_md_inline(out, card->reviewed_by, EXPORT_MD_ONE_LINE);
		fputs(".*\n", out);
	}
}

static void card_body(FILE *out, const struct library *library, const struct card *card)
{
	card_heading(out, library, card);
	for (int s = 0; s < SECTION_COUNT; s++) {
		if (!card_has_section(card, (enum section)s))
			continue;
		fprintf(out, "\n### %s\n\n", section_title((enum section)s));
		if (s == SECTION_DIAGRAM && card->diagram_text) {
			fputs("*In words:* ", out);
			export_md_prose(out, card->diagram_text);
			fputc('\n', out);
		}
		if (s == SECTION_DIAGRAM)
			code_block(out, card->text[s]);
		else if (s == SECTION_FACTS)
			facts_table(out, library, card);
		else if (s == SECTION_SOURCES)
			sources_list(out, card);
		else
			export_md_prose(out, card->text[s]);
	}
	bool first = true;
	if (card->nrelated || card->ncompare_with) {
		fputc('\n', out);
		titles_line(out, library, "Related", card->related, card->nrelated, &first);
		titles_line(out, library, "Compare with", card->compare_with, card->ncompare_with, &first);
		fputc('\n', out);
	}
	if (card->reviewed) {
		fputs("\n*Last checked against its sources: ", out);
		export_md_inline(out, card->reviewed, EXPORT_MD_ONE_LINE);
		fputs(".*\n", out);
	}
}

/* --- comparisons ------------------------------------------------------------- */

static int comparison_table(FILE *out, const struct library *library, const struct export_comparison *c)
{
	struct compare_table table;
	int rc = compare_build(&table, library, c->cards, c->ncards);
	if (rc != COMPARE_OK) {
		compare_release(&table);
		return rc == COMPARE_NO_MEMORY ? EXPORT_ENOMEM : EXPORT_OK;
	}
	fputs("\n### ", out);
	for (size_t i = 0; i < c->ncards; i++) {
		fputs(i ? " vs " : "", out);
		export_md_inline(out, c->cards[i]->title, EXPORT_MD_ONE_LINE);
	}
	fputs("\n\n", out);
	if (c->from) {
		fputs("From *", out);
		export_md_inline(out, c->from->title, EXPORT_MD_ONE_LINE);
		fputs("*.\n\n", out);
	}
	if (table.nrows == 0) {
		fputs("None of these topics has facts to compare.\n", out);
		compare_release(&table);
		return EXPORT_OK;
	}
	fputs("| Fact |", out);
	for (size_t i = 0; i < table.ncards; i++)
		cell(out, table.cards[i]->title);
	fputs("\n| --- |", out);
	for (size_t i = 0; i < table.ncards; i++)
		fputs(" --- |", out);
	fputc('\n', out);
	for (size_t r = 0; r < table.nrows; r++) {
		const struct compare_row *row = &table.rows[r];
		fputs(row->differs ? "| ≠" : "|", out);
		cell(out, row->label);
		for (size_t i = 0; i < table.ncards; i++)
			cell(out, row->values[i] ? row->values[i] : table.empty);
		fputc('\n', out);
	}
	fprintf(out, "\n≠ marks the facts that differ: %zu of %zu.\n", table.ndiffer, table.nrows);
	compare_release(&table);
	return EXPORT_OK;
}

static int comparisons(FILE *out, const struct export_set *set)
{
	struct export_comparison *list = malloc((set->ncards + 1) * sizeof *list);
	if (!list)
		return EXPORT_ENOMEM;
	size_t n = export_comparisons(set, list);
	int rc = EXPORT_OK;
	if (n > 0)
		fputs("\n---\n\n## Comparisons\n", out);
	for (size_t i = 0; i < n && rc == EXPORT_OK; i++)
		rc = comparison_table(out, set->library, &list[i]);
	free(list);
	return rc;
}

/* --- questions and answers ----------------------------------------------------- */

static void question(FILE *out, size_t number, const struct quiz_question *q, const unsigned char *order)
{
	fprintf(out, "\n**%zu.** ", number);
	export_md_inline(out, q->ask, EXPORT_MD_PARAGRAPH);
	fputs(" *(", out);
	export_md_inline(out, q->card->title, EXPORT_MD_ONE_LINE);
	if (q->type == QUESTION_MULTI)
		fputs("; select all that apply", out);
	else if (q->type == QUESTION_TRUE_FALSE)
		fputs("; true or false", out);
	fputs(")*\n\n", out);
	for (size_t pos = 0; pos < q->nchoices; pos++) {
		fprintf(out, "%c) ", 'a' + (int)pos);
		export_md_inline(out, q->choices[order[pos]], EXPORT_MD_ONE_LINE);
		fputs(pos + 1 < q->nchoices ? "\\\n" : "\n", out);
	}
}

static void answer(FILE *out, size_t number, const struct quiz_question *q, const unsigned char *order)
{
	fprintf(out, "\n**%zu.** ", number);
	const char *last = NULL;
	for (size_t pos = 0; pos < q->nchoices; pos++) {
		if (!q->correct[order[pos]])
			continue;
		fprintf(out, "%s%c) ", last ? "; " : "", 'a' + (int)pos);
		last = q->choices[order[pos]];
		export_md_inline(out, last, EXPORT_MD_ONE_LINE);
	}
	size_t n = last ? strlen(last) : 0;
	if (n == 0 || !strchr(".!?", last[n - 1]))
		fputc('.', out);
	if (q->explain && *q->explain) {
		fputc(' ', out);
		export_md_inline(out, q->explain, EXPORT_MD_PARAGRAPH);
	}
	fputs(" *(", out);
	export_md_inline(out, q->card->title, EXPORT_MD_ONE_LINE);
	if (q->see >= 0)
		fprintf(out, " › %s", section_title((enum section)q->see));
	fputs(")*\n", out);
}

static void questions(FILE *out, const struct export_set *set)
{
	if (set->nquestions == 0)
		return;
	unsigned char order[QUESTION_MAX_CHOICES];
	fputs("\n---\n\n## Questions\n", out);
	for (size_t i = 0; i < set->nquestions; i++) {
		export_choice_order(set->questions[i], order);
		question(out, i + 1, set->questions[i], order);
	}
	fputs("\n---\n\n## Answers\n", out);
	for (size_t i = 0; i < set->nquestions; i++) {
		export_choice_order(set->questions[i], order);
		answer(out, i + 1, set->questions[i], order);
	}
}

/* --- the handout ----------------------------------------------------------- */

static void title(FILE *out, const struct export_set *set)
{
	const struct library *library = set->library;
	fputs("# ", out);
	for (size_t i = 0; i < export_title_parts(set); i++) {
		fputs(i ? ", " : "", out);
		export_md_inline(out, export_title_part(set, i), EXPORT_MD_ONE_LINE);
	}
	fputs("\n\n> **" RX_DISCLAIMER "** Cards marked *Draft* have not yet been reviewed by a "
	      "pharmacist or physician.\n\n", out);
	/* The packs the chosen cards come from. */
	bool first = true;
	for (size_t p = 0; p < library->npacks; p++) {
		if (!export_pack_used(set, p))
			continue;
		fputs(first ? "Content: " : "; ", out);
		const struct pack_info *pack = &library->packs[p];
		export_md_inline(out, pack->title ? pack->title : pack->name, EXPORT_MD_ONE_LINE);
		if (pack->version) {
			fputs(", version ", out);
			export_md_inline(out, pack->version, EXPORT_MD_ONE_LINE);
		}
		first = false;
	}
	if (!first)
		fputs(".\\\n", out);
	fprintf(out, "%zu topic%s, %zu question%s%s.\n", set->ncards, set->ncards == 1 ? "" : "s",
		set->nquestions, set->nquestions == 1 ? "" : "s",
		set->nquestions ? " (answers at the end)" : "");
}

int export_markdown(FILE *out, const struct export_set *set)
{
	title(out, set);
	for (size_t i = 0; i < set->ncards; i++)
		card_body(out, set->library, set->cards[i]);
	int rc = comparisons(out, set);
	if (rc != EXPORT_OK)
		return rc;
	questions(out, set);
	return ferror(out) ? EXPORT_EWRITE : EXPORT_OK;
}
