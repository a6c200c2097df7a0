/* export_html — the handout as one self-contained HTML page to print: the
 * same cards, comparisons, questions and answer key as export_md.c (the
 * selection and the choice of comparisons are export.c's), with its CSS
 * embedded.  No script, no network address (no http, no //, no @import), so
 * it opens and prints the same on a machine that has never been online.
 * Every piece of card text goes through export_html_text(). */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "disclaimer.h"
#include "quiz_typed.h"

/* Screen: a readable column.  Print: A4 or Letter (no page size is forced,
 * the margins suit both), the notice and the page number in the bottom
 * margin of every page, tables that wrap their cells instead of overflowing,
 * and the answer key on a page of its own. */
static const char style[] =
	"html{color-scheme:light}\n"
	"body{font:11pt/1.4 \"DejaVu Serif\",\"Liberation Serif\",Georgia,serif;color:#000;background:#fff;"
	"max-width:46em;margin:1.5em auto;padding:0 1em}\n"
	"h1{font-size:20pt;margin:0 0 .3em}\n"
	"h2{font-size:15pt;border-bottom:1px solid #777;margin:1.4em 0 .4em;break-after:avoid}\n"
	"h3{font-size:12pt;margin:1em 0 .3em;break-after:avoid}\n"
	"p{margin:.4em 0}\n"
	".notice{border:2px solid #000;padding:.4em .6em;font-weight:bold}\n"
	".meta,.from,.key,.small{font-size:9.5pt;color:#333}\n"
	".draft{font-style:italic}\n"
	"table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.4em 0}\n"
	"th,td{border:1px solid #888;padding:.15em .35em;vertical-align:top;text-align:left;"
	"overflow-wrap:anywhere;hyphens:auto}\n"
	"thead th{background:#eee}\n"
	"table.compare{font-size:9pt}\n"
	"table.compare th:first-child{width:18%}\n"
	"table.facts th{width:30%}\n"
	"tr.differs th:first-child::before{content:\"\\2260  \"}\n"
	"pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:9pt;border-left:3px solid #ccc;"
	"padding-left:.6em}\n"
	"ol.choices{list-style-type:lower-alpha;margin:.2em 0 .6em}\n"
	"ol.questions>li,ol.answers>li{margin:.5em 0}\n"
	"section.card{border-top:1px solid #bbb;margin-top:1.4em}\n"
	"@media print{\n"
	" body{max-width:none;margin:0;padding:0;font-size:10pt}\n"
	" tr,li,pre,.notice{break-inside:avoid}\n"
	" thead{display:table-header-group}\n"
	" section.answers{break-before:page}\n"
	"}\n"
	"@page{margin:15mm 14mm 18mm 14mm;\n"
	" @bottom-left{content:\"" RX_DISCLAIMER "\";font:8pt sans-serif;color:#333}\n"
	" @bottom-right{content:counter(page) \" / \" counter(pages);font:8pt sans-serif;color:#333}\n"
	"}\n";

static void text(FILE *out, const char *s)
{
	export_html_text(out, s ? s : "");
}

static void text_n(FILE *out, const char *s, size_t len)
{
	char *copy = strndup(s, len);
	text(out, copy ? copy : "");
	free(copy);
}

/* A prose section: paragraphs, line breaks, and lists as lists. */
static void prose(FILE *out, const char *s)
{
	enum { NOTHING, PARAGRAPH, BULLETS, NUMBERS } open = NOTHING;
	static const char *const closing[] = { "", "</p>\n", "</li></ul>\n", "</li></ol>\n" };
	for (const char *p = s ? s : ""; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t indent = strspn(p, " ");
		if (indent >= len) {
			fputs(closing[open], out);
			open = NOTHING;
		} else {
			size_t marker = export_list_marker(p + indent, len - indent);
			int kind = !marker ? PARAGRAPH : (p[indent] >= '0' && p[indent] <= '9') ? NUMBERS : BULLETS;
			if (kind != (int)open) {
				fputs(closing[open], out);
				fputs(kind == PARAGRAPH ? "<p>" : kind == BULLETS ? "<ul><li>" : "<ol><li>", out);
			} else {
				fputs(kind == PARAGRAPH ? "<br>\n" : "</li>\n<li>", out);
			}
			open = kind;
			text_n(out, p + indent + marker, len - indent - marker);
		}
		p += len + (end != NULL);
	}
	fputs(closing[open], out);
}

static void titles(FILE *out, const struct library *library, const char *label, const char *const *ids, size_t n,
		   bool *first)
{
	if (n == 0)
		return;
	fprintf(out, "%s<b>%s:</b> ", *first ? "" : " · ", label);
	for (size_t i = 0; i < n; i++) {
		const struct card *c = library ? library_find(library, ids[i]) : NULL;
		fputs(i ? ", " : "", out);
		text(out, c ? c->title : ids[i]);
	}
	*first = false;
}

static void facts(FILE *out, const struct library *library, const struct card *card)
{
	fputs("<table class=\"facts\"><tbody>\n", out);
	for (size_t i = 0; i < card->nfacts; i++) {
		const struct vocab_entry *v = library_vocab(library, card->facts[i].key);
		fputs("<tr><th>", out);
		text(out, v && v->label ? v->label : card->facts[i].key);
		fputs("</th><td>", out);
		text(out, card->facts[i].value);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

static void sources(FILE *out, const struct card *card)
{
	char buf[4096];
	fputs("<ol class=\"sources small\">\n", out);
	for (size_t i = 0; i < card->nsources; i++) {
		card_source_format(&card->sources[i], buf, sizeof buf);
		fputs("<li>", out);
		text(out, buf);
		fputs("</li>\n", out);
	}
	fputs("</ol>\n", out);
}

static void card_section(FILE *out, const struct library *library, const struct card *card)
{
	fputs("<section class=\"card\">\n<h2>", out);
	text(out, card->title);
	fprintf(out, "</h2>\n<p class=\"meta\"><b>Kind:</b> %s", card_kind_name(card->kind));
	bool first = false;
	titles(out, NULL, "Also called", card->aliases, card->naliases, &first);
	if (card->member_of)
		titles(out, library, "Member of", &card->member_of, 1, &first);
	fputs("</p>\n", out);
	if (card->status == CARD_DRAFT) {
		fputs("<p class=\"draft\"><b>Draft:</b> not yet reviewed by a pharmacist or physician.</p>\n", out);
	} else {
		fputs("<p class=\"meta\">Reviewed by ", out);
		text(out, card->reviewed_by);
		fputs(".</p>\n", out);
	}
	for (int s = 0; s < SECTION_COUNT; s++) {
		if (!card_has_section(card, (enum section)s))
			continue;
		fprintf(out, "<h3>%s</h3>\n", section_title((enum section)s));
		if (s == SECTION_DIAGRAM) {
			fputs("<pre>", out);
			text(out, card->text[s]);
			fputs("</pre>\n", out);
		} else if (s == SECTION_FACTS) {
			facts(out, library, card);
		} else if (s == SECTION_SOURCES) {
			sources(out, card);
		} else {
			prose(out, card->text[s]);
		}
	}
	first = true;
	if (card->nrelated || card->ncompare_with) {
		fputs("<p class=\"meta\">", out);
		titles(out, library, "Related", card->related, card->nrelated, &first);
		titles(out, library, "Compare with", card->compare_with, card->ncompare_with, &first);
		fputs("</p>\n", out);
	}
	if (card->reviewed) {
		fputs("<p class=\"meta\">Last checked against its sources: ", out);
		text(out, card->reviewed);
		fputs(".</p>\n", out);
	}
	fputs("</section>\n", out);
}

static int comparison(FILE *out, const struct library *library, const struct export_comparison *c)
{
	struct compare_table table;
	int rc = compare_build(&table, library, c->cards, c->ncards);
	if (rc != COMPARE_OK) {
		compare_release(&table);
		return rc == COMPARE_NO_MEMORY ? EXPORT_ENOMEM : EXPORT_OK;
	}
	fputs("<h3>", out);
	for (size_t i = 0; i < c->ncards; i++) {
		fputs(i ? " vs " : "", out);
		text(out, c->cards[i]->title);
	}
	fputs("</h3>\n", out);
	if (c->from) {
		fputs("<p class=\"from\">From <i>", out);
		text(out, c->from->title);
		fputs("</i>.</p>\n", out);
	}
	if (table.nrows == 0) {
		fputs("<p>None of these topics has facts to compare.</p>\n", out);
		compare_release(&table);
		return EXPORT_OK;
	}
	fputs("<table class=\"compare\"><thead><tr><th>Fact</th>", out);
	for (size_t i = 0; i < table.ncards; i++) {
		fputs("<th>", out);
		text(out, table.cards[i]->title);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t r = 0; r < table.nrows; r++) {
		const struct compare_row *row = &table.rows[r];
		fputs(row->differs ? "<tr class=\"differs\"><th>" : "<tr><th>", out);
		text(out, row->label);
		fputs("</th>", out);
		for (size_t i = 0; i < table.ncards; i++) {
			fputs("<td>", out);
			text(out, row->values[i] ? row->values[i] : table.empty);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fprintf(out, "</tbody></table>\n<p class=\"key\">≠ marks the facts that differ: %zu of %zu.</p>\n",
		table.ndiffer, table.nrows);
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
		fputs("<section class=\"comparisons\">\n<h2>Comparisons</h2>\n", out);
	for (size_t i = 0; i < n && rc == EXPORT_OK; i++)
		rc = comparison(out, set->library, &list[i]);
	if (n > 0)
		fputs("</section>\n", out);
	free(list);
	return rc;
}

static void question(FILE *out, const struct quiz_question *q, const unsigned char *order);
static void answer(FILE *out, const struct quiz_question *q, const unsigned char *order);

/* A case: its stem, then its parts as a list of questions (or answers). */
static void case_entry(FILE *out, const struct quiz_question *q, bool answers)
{
	fputs("<li><p>", out);
	if (!answers) {
		text(out, q->ask);
		fputs(" <i class=\"small\">(", out);
		text(out, q->card->title);
		fprintf(out, "; a case: answer its %zu parts in turn)</i>", q->nparts);
	} else {
		fputs("<i class=\"small\">(", out);
		text(out, q->card->title);
		fputs("; a case)</i>", out);
	}
	fputs("</p>\n<ol class=\"parts\">\n", out);
	for (size_t p = 0; p < q->nparts; p++) {
		unsigned char order[QUESTION_MAX_CHOICES];
		export_choice_order(&q->parts[p], order);
		(answers ? answer : question)(out, &q->parts[p], order);
	}
	fputs("</ol></li>\n", out);
}

static void question(FILE *out, const struct quiz_question *q, const unsigned char *order)
{
	if (q->type == QUESTION_CASE) {
		case_entry(out, q, false);
		return;
	}
	fputs("<li><p>", out);
	text(out, q->ask);
	fputs(" <i class=\"small\">(", out);
	text(out, q->card->title);
	if (q->type == QUESTION_MULTI)
		fputs("; select all that apply", out);
	else if (q->type == QUESTION_TRUE_FALSE)
		fputs("; true or false", out);
	else if (q->type == QUESTION_TYPED)
		fputs("; write the answer", out);
	else if (q->type == QUESTION_CLOZE)
		fputs("; fill in the gaps", out);
	if (quiz_typed_parts(q) > 0) {
		fputs(")</i></p></li>\n", out);
		return;
	}
	fputs(")</i></p>\n<ol class=\"choices\">", out);
	for (size_t pos = 0; pos < q->nchoices; pos++) {
		fputs("<li>", out);
		text(out, q->choices[order[pos]]);
		fputs("</li>", out);
	}
	fputs("</ol></li>\n", out);
}

static void answer(FILE *out, const struct quiz_question *q, const unsigned char *order)
{
	if (q->type == QUESTION_CASE) {
		case_entry(out, q, true);
		return;
	}
	fputs("<li><p><b>", out);
	bool any = false;
	bool typed_parts = quiz_typed_parts(q) > 0;
	if (typed_parts) {
		char typed[1024];
		text(out, quiz_typed_answers(q, typed, sizeof typed));
		fputs("</b>", out);
		any = true;
	}
	for (size_t pos = 0; !typed_parts && pos < q->nchoices; pos++) {
		if (!q->correct[order[pos]])
			continue;
		fprintf(out, "%s%c)</b> ", any ? "; <b>" : "", 'a' + (int)pos);
		text(out, q->choices[order[pos]]);
		any = true;
	}
	if (!any)
		fputs("</b>", out);
	if (q->explain && *q->explain) {
		fputs(" — ", out);
		text(out, q->explain);
	}
	fputs(" <i class=\"small\">(", out);
	text(out, q->card->title);
	if (q->see >= 0)
		fprintf(out, " › %s", section_title((enum section)q->see));
	fputs(")</i></p></li>\n", out);
}

static void questions(FILE *out, const struct export_set *set)
{
	if (set->nquestions == 0)
		return;
	unsigned char order[QUESTION_MAX_CHOICES];
	fputs("<section class=\"questions\">\n<h2>Questions</h2>\n<ol class=\"questions\">\n", out);
	for (size_t i = 0; i < set->nquestions; i++) {
		export_choice_order(set->questions[i], order);
		question(out, set->questions[i], order);
	}
	fputs("</ol>\n</section>\n<section class=\"answers\">\n<h2>Answer key</h2>\n<ol class=\"answers\">\n", out);
	for (size_t i = 0; i < set->nquestions; i++) {
		export_choice_order(set->questions[i], order);
		answer(out, set->questions[i], order);
	}
	fputs("</ol>\n</section>\n", out);
}

static void title(FILE *out, const struct export_set *set)
{
	for (size_t i = 0; i < export_title_parts(set); i++) {
		fputs(i ? ", " : "", out);
		text(out, export_title_part(set, i));
	}
}

static void header(FILE *out, const struct export_set *set)
{
	const struct library *library = set->library;
	fputs("<header>\n<h1>", out);
	title(out, set);
	fputs("</h1>\n<p class=\"notice\">" RX_DISCLAIMER " Cards marked <i>Draft</i> have not yet been "
	      "reviewed by a pharmacist or physician.</p>\n<p class=\"meta\">", out);
	bool first = true;
	for (size_t p = 0; p < library->npacks; p++) {
		if (!export_pack_used(set, p))
			continue;
		const struct pack_info *pack = &library->packs[p];
		fputs(first ? "Content: " : "; ", out);
		text(out, pack->title ? pack->title : pack->name);
		if (pack->version) {
			fputs(", version ", out);
			text(out, pack->version);
		}
		first = false;
	}
	if (!first)
		fputs(".<br>\n", out);
	fprintf(out, "%zu topic%s, %zu question%s%s.</p>\n</header>\n", set->ncards, set->ncards == 1 ? "" : "s",
		set->nquestions, set->nquestions == 1 ? "" : "s",
		set->nquestions ? " (answer key at the end)" : "");
}

int export_html(FILE *out, const struct export_set *set)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>", out);
	title(out, set);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
	header(out, set);
	fputs("<main>\n", out);
	for (size_t i = 0; i < set->ncards; i++)
		card_section(out, set->library, set->cards[i]);
	int rc = comparisons(out, set);
	if (rc != EXPORT_OK)
		return rc;
	questions(out, set);
	fputs("</main>\n</body>\n</html>\n", out);
	return ferror(out) ? EXPORT_EWRITE : EXPORT_OK;
}
