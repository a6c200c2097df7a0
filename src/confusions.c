/* confusions — topic pairs a learner mixes up, and leeches (see
 * include/confusions.h for the rules). */
#include "confusions.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

unsigned confusion_strength(const struct confusion *confusion)
{
	return confusion->wrong > confusion->cleared ? confusion->wrong - confusion->cleared : 0;
}

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\n')
			return false;
	return true;
}

/* A choice tagged x stands for card y when x is y, y's class (a class
 * topic stands for its members' cells: benzodiazepines for diazepam) or a
 * member of y. */
static bool stands_for(const struct card *x, const struct card *y)
{
	return x && (card_in_topic(x, y) || card_in_topic(y, x));
}

bool confusion_contrasts(const struct quiz_question *question, const struct card *a, const struct card *b)
{
	if (!question || !a || !b || a == b)
		return false;
	const struct card *other = question->card == a ? b : question->card == b ? a : NULL;
	if (!other)
		return false;
	if (question->generated) {
		const char *mine = question->fact ? card_fact(question->card, question->fact) : NULL;
		const char *theirs = question->fact ? card_fact(other, question->fact) : NULL;
		return !blank(mine) && !blank(theirs) && text_casecmp(mine, theirs) != 0;
	}
	for (size_t c = 0; c < question->nchoices; c++)
		if (stands_for(question->choice_topic[c], other))
			return true;
	return false;
}

/* How explainer's compare_with covers card: 2 when it names it, 1 when it
 * names a class card is in, 0 not at all. */
static int coverage(const struct library *library, const struct card *explainer, const struct card *card)
{
	int best = 0;
	for (size_t i = 0; i < explainer->ncompare_with && best < 2; i++) {
		const struct card *named = library_find_exact(library, explainer->compare_with[i]);
		if (named == card)
			best = 2;
		else if (named && card_in_topic(card, named))
			best = 1;
	}
	return best;
}

/* The explainer about exactly this pair comes first: the one that names
 * both (rather than their classes), then the one that compares fewest. */
const struct card *confusion_explainer(const struct library *library, const struct card *a, const struct card *b)
{
	if (!library || !a || !b)
		return NULL;
	const struct card *best = NULL;
	int best_score = 0;
	for (size_t i = 0; i < library->ncards; i++) {
		const struct card *e = library->cards[i];
		int ca = e->kind == CARD_EXPLAINER ? coverage(library, e, a) : 0;
		int cb = ca ? coverage(library, e, b) : 0;
		if (!cb)
			continue;
		/* Named cards count most; fewer compared cards break a tie. */
		int score = (ca + cb) * 16 - (int)(e->ncompare_with < 15 ? e->ncompare_with : 15);
		if (score > best_score) {
			best = e;
			best_score = score;
		}
	}
	return best;
}

/* ---- reading the log ---- */

struct scan {
	struct confusion_report *report;
	const struct quiz_bank *bank;
	const struct library *library;
	size_t alloc;
	unsigned *failures;			/* per bank question */
	const struct card **last_topic;		/* per bank question: its latest wrong choice's topic */
	bool failed;
};

static struct confusion *pair_of(struct scan *scan, const struct card *asked, const struct card *chosen)
{
	struct confusion_report *r = scan->report;
	for (size_t i = 0; i < r->npairs; i++)
		if (r->pairs[i].asked == asked && r->pairs[i].chosen == chosen)
			return &r->pairs[i];
	if (r->npairs == scan->alloc) {
		size_t alloc = scan->alloc ? scan->alloc * 2 : 16;
		struct confusion *grown = realloc(r->pairs, alloc * sizeof *grown);
		if (!grown)
			return NULL;
		r->pairs = grown;
		scan->alloc = alloc;
	}
	r->pairs[r->npairs] = (struct confusion){ .asked = asked, .chosen = chosen };
	return &r->pairs[r->npairs++];
}

static int each_answer(const struct progress_answer_row *row, void *ctx)
{
	struct scan *scan = ctx;
	const struct quiz_question *q = quiz_bank_find(scan->bank, row->question_id);
	const struct card *asked = q ? q->card : library_find_exact(scan->library, row->card_id);
	size_t qi = q ? (size_t)(q - scan->bank->items) : 0;
	if (row->chosen.outcome == PROGRESS_RIGHT) {
		if (!q || !row->updated_memory)
			return 0;
		struct confusion_report *r = scan->report;
		for (size_t i = 0; i < r->npairs; i++)
			if (confusion_strength(&r->pairs[i]) > 0 &&
			    confusion_contrasts(q, r->pairs[i].asked, r->pairs[i].chosen))
				r->pairs[i].cleared++;
		return 0;
	}
	for (size_t c = 0; asked && c < row->chosen.nchoices; c++) {
		const struct progress_choice *choice = &row->chosen.choices[c];
		const struct card *chosen = choice->topic ? library_find_exact(scan->library, choice->topic) : NULL;
		if (choice->correct || !chosen || chosen == asked)
			continue;
		struct confusion *pair = pair_of(scan, asked, chosen);
		if (!pair) {
			scan->failed = true;
			return -1;
		}
		/* A pair that had faded starts again from this answer. */
		if (confusion_strength(pair) == 0)
			pair->wrong = pair->cleared = 0;
		pair->wrong++;
		pair->last = row->at;
		if (q)
			scan->last_topic[qi] = chosen;
	}
	return 0;
}

static int each_review(const struct progress_review *review, void *ctx)
{
	struct scan *scan = ctx;
	if (!review->updated_memory || review->grade != FSRS_AGAIN)
		return 0;
	const struct quiz_question *q = quiz_bank_find(scan->bank, review->question_id);
	if (q)
		scan->failures[q - scan->bank->items]++;
	return 0;
}

static int by_strength(const void *x, const void *y)
{
	const struct confusion *a = x, *b = y;
	unsigned sa = confusion_strength(a), sb = confusion_strength(b);
	if (sa != sb)
		return sa > sb ? -1 : 1;
	if (a->last != b->last)
		return a->last > b->last ? -1 : 1;
	int c = text_casecmp(a->asked->title, b->asked->title);
	return c ? c : text_casecmp(a->chosen->title, b->chosen->title);
}

static int by_failures(const void *x, const void *y)
{
	const struct leech *a = x, *b = y;
	if (a->failures != b->failures)
		return a->failures > b->failures ? -1 : 1;
	return strcmp(a->question->id, b->question->id);
}

static int collect_leeches(struct scan *scan, int threshold)
{
	struct confusion_report *r = scan->report;
	size_t n = 0;
	for (size_t i = 0; i < scan->bank->count; i++)
		n += scan->failures[i] >= (unsigned)threshold;
	if (n == 0)
		return 0;
	r->leeches = calloc(n, sizeof *r->leeches);
	if (!r->leeches)
		return -1;
	for (size_t i = 0; i < scan->bank->count; i++)
		if (scan->failures[i] >= (unsigned)threshold)
			r->leeches[r->nleeches++] = (struct leech){ &scan->bank->items[i], scan->failures[i],
								    scan->last_topic[i] };
	qsort(r->leeches, r->nleeches, sizeof *r->leeches, by_failures);
	return 0;
}

int confusion_report_compute(struct confusion_report *report, struct progress *progress,
			     const struct quiz_bank *bank, const struct library *library, int leech_threshold)
{
	memset(report, 0, sizeof *report);
	if (!progress || !bank || !library)
		return 0;
	struct scan scan = { .report = report, .bank = bank, .library = library };
	scan.failures = calloc(bank->count + 1, sizeof *scan.failures);
	scan.last_topic = calloc(bank->count + 1, sizeof *scan.last_topic);
	int rc = scan.failures && scan.last_topic ? 0 : -1;
	if (rc == 0)
		rc = progress_each_review(progress, each_review, &scan);
	if (rc == 0)
		rc = progress_each_answer(progress, each_answer, &scan);
	if (rc == 0 && scan.failed)
		rc = -1;
	if (rc == 0)
		rc = collect_leeches(&scan, leech_threshold > 0 ? leech_threshold : CONFUSION_DEFAULT_LEECH_THRESHOLD);
	free(scan.failures);
	free(scan.last_topic);
	if (rc != 0) {
		confusion_report_release(report);
		return -1;
	}
	/* Only the pairs still standing are listed. */
	size_t kept = 0;
	for (size_t i = 0; i < report->npairs; i++)
		if (confusion_strength(&report->pairs[i]) > 0)
			report->pairs[kept++] = report->pairs[i];
	report->npairs = kept;
	if (kept > 1)
		qsort(report->pairs, kept, sizeof *report->pairs, by_strength);
	return 0;
}

void confusion_report_release(struct confusion_report *report)
{
	free(report->pairs);
	free(report->leeches);
	memset(report, 0, sizeof *report);
}

const struct leech *confusion_leech(const struct confusion_report *report, const struct quiz_question *question)
{
	for (size_t i = 0; report && i < report->nleeches; i++)
		if (report->leeches[i].question == question)
			return &report->leeches[i];
	return NULL;
}
