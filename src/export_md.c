/* export_md — a printable Markdown handout (CommonMark with GitHub tables):
 * a title and the education notice, every chosen card with its sections in
 * display order, comparison tables, numbered questions, and the answers with
 * their explanations at the end, so a printout can be used as a self-test. */
#include "export.h"

#include <string.h>

#include "card_entry.h"
#include "compare.h"
#include "disclaimer.h"
#include "export_handout.h"
#include "md.h"
#include "quiz_order.h"
#include "quiz_typed.h"

static void text(FILE *out, const char *s)
{
	md_inline(out, s, MD_ONE_LINE);
}

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

/* A section's body: the diagram in a fence after its description in words,
 * facts and sources as entries, the rest as prose. */
static void section(FILE *out, const struct library *library, const struct card *card, enum section s)
{
	if (s == SECTION_DIAGRAM && card->diagram_text) {
		fputs("*In words:* ", out);
		md_prose(out, card->diagram_text);
		fputc('\n', out);
	}
	if (s == SECTION_DIAGRAM)
		md_code_block(out, card->text[s]);
	else if (s == SECTION_FACTS || s == SECTION_SOURCES)
		entries(out, library, card, s);
	else
		md_prose(out, card->text[s]);
}

/* --- comparisons ------------------------------------------------------------- */

static void comparison(FILE *out, const struct compare_table *table)
{
	if (table->nrows > 0) {
		md_compare_table(out, table, "≠");
		fputc('\n', out);
	}
	char legend[256];
	fprintf(out, "%s\n", compare_legend(table, "≠", legend, sizeof legend));
}

/* --- questions and answers ----------------------------------------------------- */

/* An ordering's items as shown, numbered; a matching's left items numbered
 * and its right items lettered. */
static void arranged_rows(FILE *out, const struct quiz_question *q)
{
	struct quiz_item item;
	struct arranged_line rows[ARRANGED_MAX_LINES];
	export_arranged_item(q, &item);
	size_t split, n = quiz_arranged_rows(&item, rows, &split);
	for (size_t i = 0; i < n; i++) {
		if (i == split)
			fputs("\n*Match with:*\n\n", out);
		/* "1\." so that the numbers stay the learner's, not a list's. */
		fprintf(out, "%.*s%s ", (int)strcspn(rows[i].label, "."), rows[i].label, strchr(rows[i].label, '.') ? "\\." : "");
		md_inline(out, rows[i].text, MD_ONE_LINE);
		fputs(i + 1 < n && i + 1 != split ? "\\\n" : "\n", out);
	}
}

/* "**3.**" before a question or answer, "**3.1**" before a case's part. */
static void entry_open(FILE *out, size_t number, size_t part)
{
	if (part)
		fprintf(out, "\n**%zu.%zu** ", number, part);
	else
		fprintf(out, "\n**%zu.** ", number);
}

/* A case: its stem under the number (the answer key only says it is one);
 * its parts follow numbered 3.1, 3.2, ... */
static void case_stem(FILE *out, const struct quiz_question *q, bool answers)
{
	if (!answers) {
		md_inline(out, q->ask, MD_PARAGRAPH);
		fputs(" *(", out);
		md_inline(out, q->card->title, MD_ONE_LINE);
		fprintf(out, "; a case: answer its %zu parts in turn)*\n", q->nparts);
	} else {
		fputs("*(a case)*\n", out);
	}
}

static void question(FILE *out, const struct quiz_question *q, const unsigned char *order)
{
	md_inline(out, q->ask, MD_PARAGRAPH);
	fputs(" *(", out);
	md_inline(out, q->card->title, MD_ONE_LINE);
	fputs(export_question_hint(q->type), out);
	fputs(")*\n\n", out);
	if (quiz_is_arranged(q)) {
		arranged_rows(out, q);
		return;
	}
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

static void answer(FILE *out, const struct quiz_question *q, const unsigned char *order)
{
	const char *last = NULL;
	char typed[1024];
	bool typed_parts = quiz_typed_parts(q) > 0 || quiz_is_arranged(q);
	if (quiz_is_arranged(q)) {
		struct quiz_item item;
		char key[64];
		export_arranged_item(q, &item);
		md_inline(out, quiz_arranged_key(&item, key, sizeof key), MD_ONE_LINE);
		fputs(" — ", out);
		last = quiz_arranged_expected(q, typed, sizeof typed);
		md_inline(out, last, MD_ONE_LINE);
	} else if (typed_parts) {
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

/* --- the handout ----------------------------------------------------------- */

static void part_open(FILE *out, const char *name, const char *title, bool list)
{
	(void)name;
	(void)list;
	fprintf(out, "\n---\n\n## %s\n", title);
}

static void part_close(FILE *out, bool list)
{
	(void)out;
	(void)list;
}

static const struct handout_format markdown = {
	.text = text, .end = "",
	.title_open = "# ", .title_close = "\n",
	.notice = "\n> **" RX_DISCLAIMER "** Cards marked *Draft* have not yet been reviewed by a pharmacist or "
		  "physician.\n",
	.header_close = "", .answers_where = "answers",
	.para_open = "\n", .para_close = "\n", .line_break = "\\\n",
	.note_open = "*", .note_close = "*", .label_open = "**", .label_close = ":** ",
	.card_open = "\n---\n\n## ", .card_title_close = "\n",
	.draft = "\n> **Draft:** not yet reviewed by a pharmacist or physician.\n",
	.card_close = "", .heading_open = "\n### ", .heading_close = "\n\n", .section = section,
	.part_open = part_open, .part_close = part_close, .answers_title = "Answers",
	.from_open = "From *", .from_close = "*.\n\n", .comparison = comparison,
	.entry_open = entry_open, .entry_close = "", .question = question, .answer = answer,
	.case_stem = case_stem, .case_close = "",
};

int export_markdown(FILE *out, const struct export_set *set)
{
	return export_handout(out, set, &markdown);
}
