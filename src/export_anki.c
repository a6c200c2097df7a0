/* export_anki — the quiz bank as a text file Anki imports directly
 * (File > Import, Anki 2.1.55 or later reads the #-headers).
 *
 * One line per note: guid, note type, Front, Back, tags, separated by tabs.
 * Choice questions are "Basic" notes; a typed question is a "Basic (type in
 * the answer)" note, whose Back is only the answer, because Anki compares
 * what is typed with the whole field (its explanation and the card go on the
 * Front, under the question; Anki cannot accept alternatives).  A cloze is
 * a "Cloze" note: its Text has {{c1::answer}} marks (the first wording of
 * each gap), its Back Extra the explanation and the card.  A case is a
 * "Basic" note: the stem and its parts in turn on the Front, each part's
 * answer and explanation on the Back.  The guid
 * is the question's stable id: Anki matches notes on it, so importing a newer
 * export updates the notes (and keeps their review history) instead of adding
 * duplicates.  There is no #columns header on purpose: without labels Anki
 * maps the other columns to the note type's fields by position, which works
 * whatever the fields are called in the user's language. */
#include "export.h"

#include "disclaimer.h"
#include "quiz_typed.h"
#include "text.h"

/* A field that starts with a quote would open a quoted CSV field, hence
 * &quot;; a tab would end the field.  Other control characters (CR above
 * all) could end a record: they are dropped. */
static const char *const html_escapes[128] = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\n'] = "<br>", ['\t'] = " ",
};

void export_html_text(FILE *out, const char *text)
{
	text_write_escaped(out, text, html_escapes, NULL);
}

static void choice_line(FILE *out, const struct quiz_question *q, const unsigned char *order, size_t pos)
{
	fprintf(out, "%c) ", 'a' + (int)pos);
	export_html_text(out, q->choices[order[pos]]);
}

static void front(FILE *out, const struct quiz_question *q, const unsigned char *order)
{
	export_html_text(out, q->ask);
	fputs("<br><br>", out);
	if (q->type == QUESTION_MULTI && !text_find_nocase(q->ask, "select all"))
		fputs("<i>Select all that apply.</i><br>", out);
	else if (q->type == QUESTION_TRUE_FALSE)
		fputs("<i>True or false?</i><br>", out);
	for (size_t pos = 0; pos < q->nchoices; pos++) {
		if (pos)
			fputs("<br>", out);
		choice_line(out, q, order, pos);
	}
}

/* Where a typed note's Back would say it: the card, and the draft notice. */
static void card_line(FILE *out, const struct quiz_question *q)
{
	fputs("<i>Card: ", out);
	export_html_text(out, q->card->title);
	if (q->see >= 0) {
		fputs(" — ", out);
		export_html_text(out, section_title((enum section)q->see));
	}
	fputs("</i>", out);
	if (q->card->status == CARD_DRAFT)
		fputs("<br><small>" RX_DRAFT_NOTE " " RX_DISCLAIMER "</small>", out);
}

/* "Answer: b) x" (several: one a line), or a typed question's answers. */
static void right_choices(FILE *out, const struct quiz_question *q, const unsigned char *order)
{
	if (quiz_typed_parts(q) > 0) {
		char typed[1024];
		fputs("<b>Answer:</b> ", out);
		export_html_text(out, quiz_typed_answers(q, typed, sizeof typed));
		return;
	}
	size_t right = 0;
	for (size_t i = 0; i < q->nchoices; i++)
		right += q->correct[i];
	fputs(right > 1 ? "<b>Answers:</b>" : "<b>Answer:</b>", out);
	for (size_t pos = 0; pos < q->nchoices; pos++) {
		if (!q->correct[order[pos]])
			continue;
		fputs(right > 1 ? "<br>" : " ", out);
		choice_line(out, q, order, pos);
	}
}

static void back(FILE *out, const struct quiz_question *q, const unsigned char *order)
{
	right_choices(out, q, order);
	if (q->explain && *q->explain) {
		fputs("<br><br>", out);
		export_html_text(out, q->explain);
	}
	fputs("<br><br>", out);
	card_line(out, q);
}

static void typed_front(FILE *out, const struct quiz_question *q)
{
	export_html_text(out, q->ask);
	fputs("<br><br>", out);
	card_line(out, q);
}

/* A case as one Basic note: the stem and every part on the Front (a typed
 * part asks for its answer, a cloze shows its gaps), each part's answer and
 * explanation on the Back. */
static void case_note(FILE *out, const struct quiz_question *q)
{
	unsigned char order[QUESTION_MAX_CHOICES];
	export_html_text(out, q->ask);
	for (size_t p = 0; p < q->nparts; p++) {
		fprintf(out, "<br><br><b>%zu.</b> ", p + 1);
		export_choice_order(&q->parts[p], order);
		if (quiz_typed_parts(&q->parts[p]) > 0)
			export_html_text(out, q->parts[p].ask);
		else
			front(out, &q->parts[p], order);
	}
	fputc('\t', out);
	for (size_t p = 0; p < q->nparts; p++) {
		fprintf(out, "%s<b>%zu.</b> ", p ? "<br><br>" : "", p + 1);
		export_choice_order(&q->parts[p], order);
		right_choices(out, &q->parts[p], order);
		if (q->parts[p].explain && *q->parts[p].explain) {
			fputs("<br>", out);
			export_html_text(out, q->parts[p].explain);
		}
	}
	fputs("<br><br>", out);
	card_line(out, q);
}

static const char *type_tag(enum question_type type)
{
	return type == QUESTION_MULTI ? "select-all" : question_type_name(type);
}

/* Tags are separated by spaces: anything that could split one is replaced. */
static void tag(FILE *out, const char *prefix, const char *value)
{
	fprintf(out, " %s", prefix);
	for (const char *p = value; *p; p++)
		fputc((unsigned char)*p <= ' ' || *p == 0x7F ? '_' : *p, out);
}

int export_anki(FILE *out, const struct export_set *set)
{
	fputs("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#tags column:5\n", out);
	fprintf(out, "#rxplore: %zu questions from %zu cards. " RX_DISCLAIMER "\n", set->nquestions,
		set->ncards);
	for (size_t i = 0; i < set->nquestions; i++) {
		const struct quiz_question *q = set->questions[i];
		unsigned char order[QUESTION_MAX_CHOICES];
		export_choice_order(q, order);
		export_html_text(out, q->id);
		if (q->type == QUESTION_CLOZE) {
			char text[4096];
			fputs("\tCloze\t", out);
			export_html_text(out, quiz_cloze_text(q->ask, q->choices, q->nchoices, CLOZE_ANKI, text, sizeof text));
			fputc('\t', out);
			export_html_text(out, q->explain);
			fputs("<br><br>", out);
			card_line(out, q);
		} else if (q->type == QUESTION_CASE) {
			fputs("\tBasic\t", out);
			case_note(out, q);
		} else if (q->type == QUESTION_TYPED) {
			fputs("\tBasic (type in the answer)\t", out);
			typed_front(out, q);
			fputc('\t', out);
			export_html_text(out, q->nchoices ? q->choices[0] : "");
		} else {
			fputs("\tBasic\t", out);
			front(out, q, order);
			fputc('\t', out);
			back(out, q, order);
		}
		fputc('\t', out);
		fputs("rxplore", out);
		tag(out, "rxplore::card::", q->card->id);
		tag(out, "rxplore::kind::", card_kind_name(q->card->kind));
		tag(out, "rxplore::question::", type_tag(q->type));
		fputc('\n', out);
	}
	return ferror(out) ? EXPORT_EWRITE : EXPORT_OK;
}
