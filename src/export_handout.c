/* export_handout — the handout's order and content, once (see export_handout.h). */
#include "export_handout.h"

#include <stdlib.h>

/* A "Label: " lead in the format's markup (labels are ours: not escaped). */
static void label(FILE *out, const struct handout_format *f, const char *name)
{
	fputs(f->label_open, out);
	fputs(name, out);
	fputs(f->label_close, out);
}

void export_handout_title(FILE *out, const struct export_set *set, const struct handout_format *format)
{
	for (size_t i = 0; i < export_title_parts(set); i++) {
		fputs(i ? ", " : "", out);
		format->text(out, export_title_part(set, i));
	}
}

/* The title, the notice, the packs the chosen cards come from and the counts. */
static void header(FILE *out, const struct export_set *set, const struct handout_format *f)
{
	const struct library *library = set->library;
	fputs(f->title_open, out);
	export_handout_title(out, set, f);
	fputs(f->title_close, out);
	fputs(f->notice, out);
	fputs(f->para_open, out);
	bool first = true;
	for (size_t p = 0; p < library->npacks; p++) {
		if (!export_pack_used(set, p))
			continue;
		const struct pack_info *pack = &library->packs[p];
		fputs(first ? "Content: " : "; ", out);
		f->text(out, pack->title ? pack->title : pack->name);
		if (pack->version) {
			fputs(", version ", out);
			f->text(out, pack->version);
		}
		first = false;
	}
	if (!first) {
		fputc('.', out);
		fputs(f->line_break, out);
	}
	fprintf(out, "%zu topic%s, %zu question%s", set->ncards, set->ncards == 1 ? "" : "s", set->nquestions,
		set->nquestions == 1 ? "" : "s");
	if (set->nquestions)
		fprintf(out, " (%s at the end)", f->answers_where);
	fputc('.', out);
	fputs(f->para_close, out);
	fputs(f->header_close, out);
}

/* "Label: A, B" after a " · " unless first: names as they are, or (library
 * not NULL) card ids shown as their cards' titles. */
static void titles(FILE *out, const struct handout_format *f, const struct library *library, const char *name,
		   const char *const *ids, size_t n, bool *first)
{
	if (n == 0)
		return;
	fputs(*first ? "" : " · ", out);
	label(out, f, name);
	for (size_t i = 0; i < n; i++) {
		const struct card *c = library ? library_find(library, ids[i]) : NULL;
		fputs(i ? ", " : "", out);
		f->text(out, c ? c->title : ids[i]);
	}
	*first = false;
}

/* A paragraph of small print that is a note: "Reviewed by X." */
static void note(FILE *out, const struct handout_format *f, const char *lead, const char *text)
{
	fputs(f->para_open, out);
	fputs(f->note_open, out);
	fputs(lead, out);
	f->text(out, text);
	fputc('.', out);
	fputs(f->note_close, out);
	fputs(f->para_close, out);
}

static void card(FILE *out, const struct handout_format *f, const struct library *library, const struct card *card)
{
	fputs(f->card_open, out);
	f->text(out, card->title);
	fputs(f->card_title_close, out);
	fputs(f->para_open, out);
	label(out, f, "Kind");
	fputs(card_kind_name(card->kind), out);
	bool first = false;
	titles(out, f, NULL, "Also called", card->aliases, card->naliases, &first);
	if (card->member_of)
		titles(out, f, library, "Member of", &card->member_of, 1, &first);
	fputs(f->para_close, out);
	if (card->status == CARD_DRAFT)
		fputs(f->draft, out);
	else
		note(out, f, "Reviewed by ", card->reviewed_by);
	for (int s = 0; s < SECTION_COUNT; s++) {
		if (!card_has_section(card, (enum section)s))
			continue;
		fputs(f->heading_open, out);
		fputs(section_title((enum section)s), out);
		fputs(f->heading_close, out);
		f->section(out, library, card, (enum section)s);
	}
	first = true;
	if (card->nrelated || card->ncompare_with) {
		fputs(f->para_open, out);
		titles(out, f, library, "Related", card->related, card->nrelated, &first);
		titles(out, f, library, "Compare with", card->compare_with, card->ncompare_with, &first);
		fputs(f->para_close, out);
	}
	if (card->reviewed)
		note(out, f, "Last checked against its sources: ", card->reviewed);
	fputs(f->card_close, out);
}

/* One comparison under a heading "A vs B"; one that cannot be built for a
 * reason other than memory is left out. */
static int comparison(FILE *out, const struct handout_format *f, const struct library *library,
		      const struct export_comparison *c)
{
	struct compare_table table;
	int rc = compare_build(&table, library, c->cards, c->ncards);
	if (rc != COMPARE_OK) {
		compare_release(&table);
		return rc == COMPARE_NO_MEMORY ? EXPORT_ENOMEM : EXPORT_OK;
	}
	fputs(f->heading_open, out);
	for (size_t i = 0; i < c->ncards; i++) {
		fputs(i ? " vs " : "", out);
		f->text(out, c->cards[i]->title);
	}
	fputs(f->heading_close, out);
	if (c->from) {
		fputs(f->from_open, out);
		f->text(out, c->from->title);
		fputs(f->from_close, out);
	}
	f->comparison(out, &table);
	compare_release(&table);
	return EXPORT_OK;
}

static int comparisons(FILE *out, const struct export_set *set, const struct handout_format *f)
{
	struct export_comparison *list = malloc((set->ncards + 1) * sizeof *list);
	if (!list)
		return EXPORT_ENOMEM;
	size_t n = export_comparisons(set, list);
	int rc = EXPORT_OK;
	if (n > 0)
		f->part_open(out, "comparisons", "Comparisons", false);
	for (size_t i = 0; i < n && rc == EXPORT_OK; i++)
		rc = comparison(out, f, set->library, &list[i]);
	if (n > 0)
		f->part_close(out, false);
	free(list);
	return rc;
}

/* One question (answers: its answer), in its choice order. */
static void question_or_answer(FILE *out, const struct handout_format *f, const struct quiz_question *q, bool answers)
{
	unsigned char order[QUESTION_MAX_CHOICES];
	export_choice_order(q, order);
	(answers ? f->answer : f->question)(out, q, order);
}

/* Entry number of the questions (answers: of the answer key); a case is its
 * stem, then its parts numbered under it. */
static void entry(FILE *out, const struct handout_format *f, size_t number, const struct quiz_question *q,
		  bool answers)
{
	f->entry_open(out, number, 0);
	if (q->type == QUESTION_CASE) {
		f->case_stem(out, q, answers);
		for (size_t p = 0; p < q->nparts; p++) {
			f->entry_open(out, number, p + 1);
			question_or_answer(out, f, &q->parts[p], answers);
			fputs(f->entry_close, out);
		}
		fputs(f->case_close, out);
	} else {
		question_or_answer(out, f, q, answers);
	}
	fputs(f->entry_close, out);
}

/* The questions, then the answer key in the same order and numbering. */
static void questions(FILE *out, const struct export_set *set, const struct handout_format *f)
{
	if (set->nquestions == 0)
		return;
	f->part_open(out, "questions", "Questions", true);
	for (size_t i = 0; i < set->nquestions; i++)
		entry(out, f, i + 1, set->questions[i], false);
	f->part_close(out, true);
	f->part_open(out, "answers", f->answers_title, true);
	for (size_t i = 0; i < set->nquestions; i++)
		entry(out, f, i + 1, set->questions[i], true);
	f->part_close(out, true);
}

int export_handout(FILE *out, const struct export_set *set, const struct handout_format *format)
{
	if (format->begin)
		format->begin(out, set, format);
	header(out, set, format);
	for (size_t i = 0; i < set->ncards; i++)
		card(out, format, set->library, set->cards[i]);
	int rc = comparisons(out, set, format);
	if (rc != EXPORT_OK)
		return rc;
	questions(out, set, format);
	fputs(format->end, out);
	return ferror(out) ? EXPORT_EWRITE : EXPORT_OK;
}
