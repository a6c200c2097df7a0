/* export_md — a printable Markdown handout (CommonMark with GitHub tables):
 * a title and the education notice, every chosen card with its sections in
 * display order, comparison tables, numbered questions, and the answers with
 * their explanations at the end, so a printout can be used as a self-test. */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "card_entry.h"
#include "compare.h"
#include "disclaimer.h"
#include "md.h"
#include "quiz_typed.h"

/* --- the cards ---------------------------------------------------------------- */

/* Facts as a table, sources as a numbered list. */
static void entries(FILE *out, const struct library *library, const struct card *card, enum section section)
{
	struct card_entry entry;
	char buf[4096];
	if (section == SECTION_FACTS)
		fputs("| Fact | Value |\n| --- | --- |\n", out);
	for (size_t i = 0; card_entry_get(library, card, section, i, &entry, buf, sizeof buf); i++) {
		if (section == SECTION_FACTS) {
			fputc('|', out);
			md_cell(out, entry.label);
			md_cell(out, entry.text);
		} else {
			fprintf(out, "%s ", entry.label);
			md_inline(out, entry.text, MD_ONE_LINE);
		}
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
		md_inline(out, c ? c->title : ids[i], MD_ONE_LINE);
	}
	*first = false;
}

static void card_heading(FILE *out, const struct library *library, const struct card *card)
{
	fputs("\n---\n\n## ", out);
	md_inline(out, card->title, MD_ONE_LINE);
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
		md_inline(out, card->reviewed_by, MD_ONE_LINE);
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
			md_prose(out, card->diagram_text);
			fputc('\n', out);
		}
		if (s == SECTION_DIAGRAM)
			md_code_block(out, card->text[s]);
		else if (s == SECTION_FACTS || s == SECTION_SOURCES)
			entries(out, library, card, (enum section)s);
		else
			md_prose(out, card->text[s]);
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
		md_inline(out, card->reviewed, MD_ONE_LINE);
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
		md_inline(out, c->cards[i]->title, MD_ONE_LINE);
	}
	fputs("\n\n", out);
	if (c->from) {
		fputs("From *", out);
		md_inline(out, c->from->title, MD_ONE_LINE);
		fputs("*.\n\n", out);
	}
	if (table.nrows > 0) {
		md_compare_table(out, &table, "≠");
		fputc('\n', out);
	}
	char legend[256];
	fprintf(out, "%s\n", compare_legend(&table, "≠", legend, sizeof legend));
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

static void question_body(FILE *out, const struct quiz_question *q, const unsigned char *order);
static void answer_body(FILE *out, const struct quiz_question *q, const unsigned char *order);

/* A case: its stem under the number, then its parts numbered 3.1, 3.2, ...
 * (their questions, or their answers). */
static void case_entry(FILE *out, size_t number, const struct quiz_question *q, bool answers)
{
	if (!answers) {
		md_inline(out, q->ask, MD_PARAGRAPH);
		fputs(" *(", out);
		md_inline(out, q->card->title, MD_ONE_LINE);
		fprintf(out, "; a case: answer its %zu parts in turn)*\n", q->nparts);
	} else {
		fputs("*(a case)*\n", out);
	}
	for (size_t p = 0; p < q->nparts; p++) {
		unsigned char order[QUESTION_MAX_CHOICES];
		export_choice_order(&q->parts[p], order);
		fprintf(out, "\n**%zu.%zu** ", number, p + 1);
		(answers ? answer_body : question_body)(out, &q->parts[p], order);
	}
}

static void question(FILE *out, size_t number, const struct quiz_question *q, const unsigned char *order)
{
	fprintf(out, "\n**%zu.** ", number);
	if (q->type == QUESTION_CASE)
		case_entry(out, number, q, false);
	else
		question_body(out, q, order);
}

static void question_body(FILE *out, const struct quiz_question *q, const unsigned char *order)
{
	md_inline(out, q->ask, MD_PARAGRAPH);
	fputs(" *(", out);
	md_inline(out, q->card->title, MD_ONE_LINE);
	if (q->type == QUESTION_MULTI)
		fputs("; select all that apply", out);
	else if (q->type == QUESTION_TRUE_FALSE)
		fputs("; true or false", out);
	else if (q->type == QUESTION_TYPED)
		fputs("; write the answer", out);
	else if (q->type == QUESTION_CLOZE)
		fputs("; fill in the gaps", out);
	fputs(")*\n\n", out);
	if (q->type == QUESTION_CLOZE)
		return;	/* the gaps are in the text */
	if (q->type == QUESTION_TYPED) {
		fputs("Answer: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n", out);
		return;
	}
	for (size_t pos = 0; pos < q->nchoices; pos++) {
		fprintf(out, "%c) ", 'a' + (int)pos);
		md_inline(out, q->choices[order[pos]], MD_ONE_LINE);
		fputs(pos + 1 < q->nchoices ? "\\\n" : "\n", out);
	}
}

static void answer(FILE *out, size_t number, const struct quiz_question *q, const unsigned char *order)
{
	fprintf(out, "\n**%zu.** ", number);
	if (q->type == QUESTION_CASE)
		case_entry(out, number, q, true);
	else
		answer_body(out, q, order);
}

static void answer_body(FILE *out, const struct quiz_question *q, const unsigned char *order)
{
	const char *last = NULL;
	char typed[1024];
	bool typed_parts = quiz_typed_parts(q) > 0;
	if (typed_parts) {
		last = quiz_typed_answers(q, typed, sizeof typed);
		md_inline(out, last, MD_ONE_LINE);
	}
	for (size_t pos = 0; !typed_parts && pos < q->nchoices; pos++) {
		if (!q->correct[order[pos]])
			continue;
		fprintf(out, "%s%c) ", last ? "; " : "", 'a' + (int)pos);
		last = q->choices[order[pos]];
		md_inline(out, last, MD_ONE_LINE);
	}
	size_t n = last ? strlen(last) : 0;
	if (n == 0 || !strchr(".!?", last[n - 1]))
		fputc('.', out);
	if (q->explain && *q->explain) {
		fputc(' ', out);
		md_inline(out, q->explain, MD_PARAGRAPH);
	}
	fputs(" *(", out);
	md_inline(out, q->card->title, MD_ONE_LINE);
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
		md_inline(out, export_title_part(set, i), MD_ONE_LINE);
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
		md_inline(out, pack->title ? pack->title : pack->name, MD_ONE_LINE);
		if (pack->version) {
			fputs(", version ", out);
			md_inline(out, pack->version, MD_ONE_LINE);
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
