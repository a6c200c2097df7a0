/* export — the selection every format shares, the choice order, and what the
 * two handouts share.  The formats live in export_anki.c, export_md.c,
 * export_html.c and export_json.c. */
#include "export.h"

#include "compare.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quiz_order.h"
#include "text.h"

int export_format_parse(const char *name)
{
	static const char *const names[] = { [EXPORT_ANKI] = "anki", [EXPORT_MD] = "md", [EXPORT_JSON] = "json",
					     [EXPORT_HTML] = "html" };
	return strcmp(name, "markdown") == 0 ? EXPORT_MD : text_pick(name, names, sizeof names / sizeof *names);
}

const char *export_strerror(int error)
{
	static const char *const messages[] = { "no error", "out of memory", "the output could not be written",
						"some card text cannot be written in this format (invalid UTF-8)" };
	/* The errors are 0, -1, -2...: the message's index negated. */
	return error <= 0 && -error < (int)(sizeof messages / sizeof *messages) ? messages[-error]
										  : "unknown export error";
}

/* A loaded card with its questions: bank indices questions[first .. first + count). */
struct card_entry {
	const struct card *card;
	size_t first, count;
	bool picked;
};

static int by_pointer(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct card_entry *)a)->card;
	uintptr_t y = (uintptr_t)((const struct card_entry *)b)->card;
	return x < y ? -1 : x > y;
}

static struct card_entry *entry_of(struct card_entry *entries, size_t n, const struct card *card)
{
	struct card_entry key = { .card = card };
	return bsearch(&key, entries, n, sizeof *entries, by_pointer);
}

/* Scratch space for building a selection. */
struct selection {
	struct card_entry *entries;	/* one per loaded card, sorted by pointer */
	size_t *by_card;		/* bank indices grouped by card (entry order), bank order within */
	const struct card **sorted;	/* topic-list order */
};

static void selection_release(struct selection *s)
{
	free(s->entries);
	free(s->by_card);
	free(s->sorted);
}

/* Groups the bank's questions by card without assuming the bank's order. */
static int selection_init(struct selection *s, const struct library *library, const struct quiz_bank *bank)
{
	size_t n = library->ncards;
	s->entries = calloc(n + 1, sizeof *s->entries);
	s->by_card = malloc((bank->count + 1) * sizeof *s->by_card);
	s->sorted = malloc((n + 1) * sizeof *s->sorted);
	if (!s->entries || !s->by_card || !s->sorted)
		return EXPORT_ENOMEM;
	for (size_t i = 0; i < n; i++)
		s->entries[i].card = library->cards[i];
	qsort(s->entries, n, sizeof *s->entries, by_pointer);
	for (size_t q = 0; q < bank->count; q++) {
		struct card_entry *e = entry_of(s->entries, n, bank->items[q].card);
		if (e)
			e->count++;
	}
	size_t next = 0;
	for (size_t i = 0; i < n; i++) {
		s->entries[i].first = next;
		next += s->entries[i].count;
		s->entries[i].count = 0;
	}
	for (size_t q = 0; q < bank->count; q++) {
		struct card_entry *e = entry_of(s->entries, n, bank->items[q].card);
		if (e)
			s->by_card[e->first + e->count++] = q;
	}
	library_sorted(library, s->sorted);
	return EXPORT_OK;
}

static void pick(struct export_set *set, struct selection *s, const struct card *card)
{
	struct card_entry *e = entry_of(s->entries, set->library->ncards, card);
	if (!e || e->picked)
		return;
	e->picked = true;
	set->cards[set->ncards++] = card;
}

/* Questions of the chosen cards; of two with one id, the bank's first wins
 * when both are chosen (Anki would merge them into one note). */
static void pick_questions(struct export_set *set, struct selection *s)
{
	size_t n = set->library->ncards;
	for (size_t c = 0; c < set->ncards; c++) {
		const struct card_entry *e = entry_of(s->entries, n, set->cards[c]);
		for (size_t k = 0; e && k < e->count; k++) {
			const struct quiz_question *q = &set->bank.items[s->by_card[e->first + k]];
			const struct quiz_question *first = quiz_bank_find(&set->bank, q->id);
			if (first && first != q) {
				const struct card_entry *fe = entry_of(s->entries, n, first->card);
				if (fe && fe->picked)
					continue;
			}
			set->questions[set->nquestions++] = q;
		}
	}
}

int export_set_build(struct export_set *set, const struct library *library, const struct card *const *topics,
		     size_t ntopics)
{
	memset(set, 0, sizeof *set);
	set->library = library;
	struct selection s = { 0 };
	int rc = EXPORT_ENOMEM;
	if (quiz_bank_build(&set->bank, library) < 0)
		return EXPORT_ENOMEM;
	/* Zeroed, though only [0, count) is ever read: after quiz_bank_build(), in
	 * another file, clang's analyzer no longer trusts the counts to be 0. */
	set->cards = calloc(library->ncards + 1, sizeof *set->cards);
	set->topics = calloc(ntopics + 1, sizeof *set->topics);
	set->questions = malloc((set->bank.count + 1) * sizeof *set->questions);
	if (!set->cards || !set->topics || !set->questions)
		goto done;
	if (selection_init(&s, library, &set->bank) != EXPORT_OK)
		goto done;
	for (size_t t = 0; t < ntopics; t++) {
		bool repeat = false;
		for (size_t k = 0; k < set->ntopics; k++)
			repeat = repeat || set->topics[k] == topics[t];
		if (!repeat)
			set->topics[set->ntopics++] = topics[t];
	}
	if (set->ntopics == 0) {
		for (size_t i = 0; i < library->ncards; i++)
			pick(set, &s, s.sorted[i]);
	}
	for (size_t t = 0; t < set->ntopics; t++) {
		pick(set, &s, set->topics[t]);
		for (size_t i = 0; i < library->ncards; i++)
			if (card_in_topic(s.sorted[i], set->topics[t]))
				pick(set, &s, s.sorted[i]);
	}
	pick_questions(set, &s);
	rc = EXPORT_OK;
done:
	selection_release(&s);
	if (rc != EXPORT_OK)
		export_set_release(set);
	return rc;
}

void export_set_release(struct export_set *set)
{
	quiz_bank_release(&set->bank);
	free(set->cards);
	free(set->topics);
	free(set->questions);
	*set = (struct export_set){ .library = set->library, .bank = set->bank, .generator = set->generator };
}

/* splitmix64: small, and the same sequence on every platform. */
static uint64_t next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

void export_choice_order(const struct quiz_question *question, unsigned char order[QUESTION_MAX_CHOICES])
{
	size_t n = question->nchoices < QUESTION_MAX_CHOICES ? question->nchoices : QUESTION_MAX_CHOICES;
	for (size_t i = 0; i < QUESTION_MAX_CHOICES; i++)
		order[i] = (unsigned char)i;
	if (question->type == QUESTION_TRUE_FALSE || question->type == QUESTION_TYPED ||
	    question->type == QUESTION_CLOZE)
		return;	/* a fixed order; a typed question's answer stays first, a cloze's gaps in order */
	uint64_t state = card_question_hash(question->id ? question->id : "");
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(next_random(&state) % i);
		unsigned char t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	/* An ordering's items (a matching's right items) never in the right order. */
	quiz_arranged_unsort(question->type, n, order);
}

void export_arranged_item(const struct quiz_question *question, struct quiz_item *item)
{
	memset(item, 0, sizeof *item);
	item->question = question;
	export_choice_order(question, item->order);
}

/* --- what the handouts (md, html) share ---------------------------------- */

/* Bytes of a list marker and its space ("- ", "* ", "• ", "12. ", "3) "), as
 * text_unfold() recognises them, or 0. */
size_t export_list_marker(const char *s, size_t len)
{
	if (len >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 2;
	if (len >= 4 && memcmp(s, "\xE2\x80\xA2 ", 4) == 0)
		return 4;
	size_t d = 0;
	while (d < len && d < 9 && (s[d] >= '0' && s[d] <= '9'))
		d++;
	if (d > 0 && d + 1 < len && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ')
		return d + 2;
	return 0;
}

static bool same_cards(const struct export_comparison *a, const struct export_comparison *b)
{
	if (a->ncards != b->ncards)
		return false;
	for (size_t i = 0; i < a->ncards; i++) {
		bool found = false;
		for (size_t k = 0; k < b->ncards; k++)
			found = found || a->cards[i] == b->cards[k];
		if (!found)
			return false;
	}
	return true;
}

/* Adds head (may be NULL) and the loaded cards of ids, unless that makes
 * fewer than two cards or repeats an earlier comparison.  list has room for
 * one comparison per chosen card. */
static void add_comparison(struct export_comparison *list, size_t *n, const struct library *library,
			   const struct card *head, const char *const *ids, size_t nids,
			   const struct card *from)
{
	struct export_comparison c = { .from = from };
	if (head)
		c.cards[c.ncards++] = head;
	for (size_t i = 0; i < nids && c.ncards < COMPARE_MAX_CARDS; i++) {
		const struct card *card = library_find(library, ids[i]);
		bool repeat = false;
		for (size_t k = 0; card && k < c.ncards; k++)
			repeat = repeat || c.cards[k] == card;
		if (card && !repeat)
			c.cards[c.ncards++] = card;
	}
	if (c.ncards < COMPARE_MIN_CARDS)
		return;
	for (size_t k = 0; k < *n; k++)
		if (same_cards(&list[k], &c))
			return;
	list[(*n)++] = c;
}

/* 2-4 topics: those, side by side.  One topic: an explainer's compare_with
 * set, or the topic beside its compare_with cards.  None or more than four:
 * the compare_with set of every chosen explainer. */
size_t export_comparisons(const struct export_set *set, struct export_comparison *list)
{
	size_t n = 0;
	if (set->ntopics >= COMPARE_MIN_CARDS && set->ntopics <= COMPARE_MAX_CARDS) {
		struct export_comparison c = { .ncards = set->ntopics };
		for (size_t i = 0; i < set->ntopics; i++)
			c.cards[i] = set->topics[i];
		list[n++] = c;
	} else if (set->ntopics == 1) {
		const struct card *t = set->topics[0];
		add_comparison(list, &n, set->library, t->kind == CARD_EXPLAINER ? NULL : t, t->compare_with,
			       t->ncompare_with, t->kind == CARD_EXPLAINER ? t : NULL);
	} else {
		for (size_t i = 0; i < set->ncards; i++)
			if (set->cards[i]->kind == CARD_EXPLAINER)
				add_comparison(list, &n, set->library, NULL, set->cards[i]->compare_with,
					       set->cards[i]->ncompare_with, set->cards[i]);
	}
	return n;
}

size_t export_title_parts(const struct export_set *set)
{
	return set->ntopics ? set->ntopics : 1;
}

const char *export_title_part(const struct export_set *set, size_t i)
{
	if (set->ntopics)
		return i < set->ntopics ? set->topics[i]->title : "";
	if (set->library->npacks == 1 && set->library->packs[0].title)
		return set->library->packs[0].title;
	return "All loaded topics";
}

bool export_pack_used(const struct export_set *set, size_t pack)
{
	for (size_t i = 0; i < set->ncards; i++)
		if (set->cards[i]->pack == pack)
			return true;
	return false;
}

int export_write(FILE *out, const struct export_set *set, enum export_format format)
{
	switch (format) {
	case EXPORT_ANKI:
		return export_anki(out, set);
	case EXPORT_MD:
		return export_markdown(out, set);
	case EXPORT_JSON:
		return export_json(out, set);
	case EXPORT_HTML:
		return export_html(out, set);
	}
	return EXPORT_EINVAL;
}

const char *export_question_hint(enum question_type type)
{
	switch (type) {
	case QUESTION_MULTI: return "; select all that apply";
	case QUESTION_TRUE_FALSE: return "; true or false";
	case QUESTION_TYPED: return "; write the answer";
	case QUESTION_CLOZE: return "; fill in the gaps";
	case QUESTION_ORDER: return "; put the numbers in order";
	case QUESTION_MATCH: return "; give each number its letter";
	case QUESTION_SINGLE:
	case QUESTION_CASE:
	case QUESTION_TYPE_COUNT: break;
	}
	return "";
}
