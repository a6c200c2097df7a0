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
#include "export_handout.h"
#include "quiz_order.h"
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

static void section(FILE *out, const struct library *library, const struct card *card, enum section s)
{
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

static void comparison(FILE *out, const struct compare_table *table)
{
	if (table->nrows == 0) {
		fputs("<p>None of these topics has facts to compare.</p>\n", out);
		return;
	}
	fputs("<table class=\"compare\"><thead><tr><th>Fact</th>", out);
	for (size_t i = 0; i < table->ncards; i++) {
		fputs("<th>", out);
		text(out, table->cards[i]->title);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t r = 0; r < table->nrows; r++) {
		const struct compare_row *row = &table->rows[r];
		fputs(row->differs ? "<tr class=\"differs\"><th>" : "<tr><th>", out);
		text(out, row->label);
		fputs("</th>", out);
		for (size_t i = 0; i < table->ncards; i++) {
			fputs("<td>", out);
			text(out, row->values[i] ? row->values[i] : table->empty);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fprintf(out, "</tbody></table>\n<p class=\"key\">≠ marks the facts that differ: %zu of %zu.</p>\n",
		table->ndiffer, table->nrows);
}

/* An ordering's items as shown (a numbered list); a matching's left items
 * numbered, then its right items lettered. */
static void arranged_rows(FILE *out, const struct quiz_question *q)
{
	struct quiz_item item;
	struct arranged_line rows[ARRANGED_MAX_LINES];
	export_arranged_item(q, &item);
	size_t split, n = quiz_arranged_rows(&item, rows, &split);
	fputs("<ol class=\"items\">", out);
	for (size_t i = 0; i < n; i++) {
		if (i == split)
			fputs("</ol>\n<p>Match with:</p>\n<ol class=\"choices\">", out);
		fputs("<li>", out);
		text(out, rows[i].text);
		fputs("</li>", out);
	}
	fputs("</ol>", out);
}

/* An entry is an item of the part's numbered list (a case's part, of the
 * case's list): the list numbers it. */
static void entry_open(FILE *out, size_t number, size_t part)
{
	(void)number;
	(void)part;
	fputs("<li>", out);
}

/* A case: its stem, then its parts as a list of questions (or answers). */
static void case_stem(FILE *out, const struct quiz_question *q, bool answers)
{
	fputs("<p>", out);
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
}

static void question(FILE *out, const struct quiz_question *q, const unsigned char *order)
{
	fputs("<p>", out);
	text(out, q->ask);
	fputs(" <i class=\"small\">(", out);
	text(out, q->card->title);
	fputs(export_question_hint(q->type), out);
	if (quiz_is_arranged(q)) {
		fputs(")</i></p>\n", out);
		arranged_rows(out, q);
		return;
	}
	if (quiz_typed_parts(q) > 0) {
		fputs(")</i></p>", out);
		return;
	}
	fputs(")</i></p>\n<ol class=\"choices\">", out);
	for (size_t pos = 0; pos < q->nchoices; pos++) {
		fputs("<li>", out);
		text(out, q->choices[order[pos]]);
		fputs("</li>", out);
	}
	fputs("</ol>", out);
}

static void answer(FILE *out, const struct quiz_question *q, const unsigned char *order)
{
	fputs("<p><b>", out);
	bool any = false;
	bool typed_parts = quiz_typed_parts(q) > 0 || quiz_is_arranged(q);
	if (quiz_is_arranged(q)) {
		struct quiz_item item;
		char buf[4096];
		export_arranged_item(q, &item);
		text(out, quiz_arranged_key(&item, buf, sizeof buf));
		fputs("</b> — ", out);
		text(out, quiz_arranged_expected(q, buf, sizeof buf));
		any = true;
	} else if (typed_parts) {
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
	fputs(")</i></p>", out);
}

static void part_open(FILE *out, const char *name, const char *title, bool list)
{
	fprintf(out, "<section class=\"%s\">\n<h2>%s</h2>\n", name, title);
	if (list)
		fprintf(out, "<ol class=\"%s\">\n", name);
}

static void part_close(FILE *out, bool list)
{
	fputs(list ? "</ol>\n</section>\n" : "</section>\n", out);
}

static void begin(FILE *out, const struct export_set *set, const struct handout_format *format)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>", out);
	export_handout_title(out, set, format);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
}

static const struct handout_format html = {
	.text = text, .begin = begin, .end = "</main>\n</body>\n</html>\n",
	.title_open = "<header>\n<h1>", .title_close = "</h1>\n",
	.notice = "<p class=\"notice\">" RX_DISCLAIMER " Cards marked <i>Draft</i> have not yet been reviewed by a "
		  "pharmacist or physician.</p>\n",
	.header_close = "</header>\n<main>\n", .answers_where = "answer key",
	.para_open = "<p class=\"meta\">", .para_close = "</p>\n", .line_break = "<br>\n",
	.note_open = "", .note_close = "", .label_open = "<b>", .label_close = ":</b> ",
	.card_open = "<section class=\"card\">\n<h2>", .card_title_close = "</h2>\n",
	.draft = "<p class=\"draft\"><b>Draft:</b> not yet reviewed by a pharmacist or physician.</p>\n",
	.card_close = "</section>\n", .heading_open = "<h3>", .heading_close = "</h3>\n", .section = section,
	.part_open = part_open, .part_close = part_close, .answers_title = "Answer key",
	.from_open = "<p class=\"from\">From <i>", .from_close = "</i>.</p>\n", .comparison = comparison,
	.entry_open = entry_open, .entry_close = "</li>\n", .question = question, .answer = answer,
	.case_stem = case_stem, .case_close = "</ol>",
};

int export_html(FILE *out, const struct export_set *set)
{
	return export_handout(out, set, &html);
}
