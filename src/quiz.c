/* quiz — the question bank: authored and generated questions (DESIGN §4).
 * The sessions that ask them live in quiz_session.c. */
#include "quiz.h"

#include <stdint.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "quiz_internal.h"
#include "quiz_typed.h"
#include "strtab.h"
#include "text.h"

/* Distractors are looked for among at most this many other values of a fact,
 * so building the bank stays linear in the number of cards. */
#define SCAN_LIMIT 96
#define MAX_DISTRACTORS 3
#define MIN_DISTRACTORS 2

struct quiz_index {
	struct strtab table;	/* question id -> its first question */
};

/* One card's value for one fact: the pool distractors are drawn from. */
struct fact_value {
	const char *value;
	const struct card *card;
};

/* Cards of the same class give values that are often partly right, so they
 * make unfair distractors: same member_of, or one is the other's class. */
static bool same_family(const struct card *a, const struct card *b)
{
	if (a->member_of && b->member_of && strcmp(a->member_of, b->member_of) == 0)
		return true;
	return (a->member_of && strcmp(a->member_of, b->id) == 0) ||
	       (b->member_of && strcmp(b->member_of, a->id) == 0);
}

/* A value may serve as a distractor when it is not the answer, does not
 * contain it or sit inside it, and repeats no choice already taken. */
static bool usable_distractor(const char *value, const char *const *taken, size_t ntaken)
{
	if (text_blank(value))
		return false;
	for (size_t i = 0; i < ntaken; i++) {
		if (text_casecmp(value, taken[i]) == 0)
			return false;
		if (i == 0 && (text_find_nocase(value, taken[0]) || text_find_nocase(taken[0], value)))
			return false;
	}
	return true;
}

/* Fills choices[1..] with distractors for card's value at choices[0]; returns
 * how many.  The scan starts at a place that depends on the card so that
 * different cards get different distractors, yet the bank is repeatable. */
static size_t pick_distractors(const struct fact_value *pool, size_t npool, const struct card *card,
			       const char **choices, const struct card **sources)
{
	size_t count = 1;
	if (npool < 2)
		return 0;
	size_t start = (size_t)(text_hash(card->id) % npool);
	size_t limit = npool < SCAN_LIMIT ? npool : SCAN_LIMIT;
	/* First pass: cards outside the family; the second pass takes family
	 * members only to reach the minimum. */
	for (int pass = 0; pass < 2 && count <= MIN_DISTRACTORS; pass++) {
		size_t want = pass == 0 ? MAX_DISTRACTORS : MIN_DISTRACTORS;
		/* cppcheck-suppress knownConditionTrueFalse ; npool >= 2 here, so limit >= 2 */
		for (size_t k = 0; k < limit && count <= want; k++) {
			const struct fact_value *fv = &pool[(start + k) % npool];
			if (!fv->card || fv->card == card || (pass == 0 && same_family(card, fv->card)))
				continue;
			if (usable_distractor(fv->value, choices, count)) {
				sources[count] = fv->card;
				choices[count++] = fv->value;
			}
		}
	}
	return count - 1;
}

/* The vocabulary's ask with every {title} replaced by the card's title. */
static const char *fill_template(struct arena *arena, const char *template, const char *title)
{
	static const char marker[] = "{title}";
	size_t len = 0, tlen = strlen(title);
	for (const char *p = template; *p;) {
		if (*p == '{' && strncmp(p, marker, sizeof marker - 1) == 0) {
			len += tlen;
			p += sizeof marker - 1;
		} else {
			len++;
			p++;
		}
	}
	char *out = arena_alloc(arena, len + 1), *o = out;
	if (!out)
		return NULL;
	for (const char *p = template; *p;) {
		if (*p == '{' && strncmp(p, marker, sizeof marker - 1) == 0) {
			memcpy(o, title, tlen);
			o += tlen;
			p += sizeof marker - 1;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
}

static char *join3(struct arena *arena, const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	char *out = arena_alloc(arena, la + lb + lc + 1);
	if (!out)
		return NULL;
	/* NOLINTBEGIN(bugprone-not-null-terminated-result): the last copy brings c's NUL */
	memcpy(out, a, la);
	memcpy(out + la, b, lb);
	memcpy(out + la + lb, c, lc + 1);
	/* NOLINTEND(bugprone-not-null-terminated-result) */
	return out;
}

static void add_authored(struct quiz_question *q, const struct library *library, const struct card *card,
			 const struct card_question *src)
{
	memset(q, 0, sizeof *q);
	q->id = src->id;
	q->card = card;
	q->type = src->type;
	q->ask = src->ask;
	q->nchoices = src->nchoices < QUESTION_MAX_CHOICES ? src->nchoices : QUESTION_MAX_CHOICES;
	for (size_t c = 0; c < q->nchoices; c++) {
		q->choices[c] = src->choices[c];
		q->correct[c] = src->correct[c];
		if (src->choice_topics && src->choice_topics[c])
			q->choice_topic[c] = library_find_exact(library, src->choice_topics[c]);
		if (src->matches)
			q->matches[c] = src->matches[c];
	}
	q->explain = src->explain;
	q->see = src->see;
}

/* A case's parts, each a question of its own in the bank's arena (not in
 * the bank: a part is asked only within its case).  0, or -1 out of memory. */
static int add_parts(struct quiz_bank *bank, const struct library *library, const struct card *card,
		     struct quiz_question *q, const struct card_question *src)
{
	if (src->nparts == 0)
		return 0;
	struct quiz_question *parts = arena_array(&bank->arena, src->nparts, sizeof *parts);
	if (!parts)
		return -1;
	for (size_t p = 0; p < src->nparts; p++)
		add_authored(&parts[p], library, card, &src->parts[p]);
	q->parts = parts;
	q->nparts = src->nparts;
	return 0;
}

/* Remembers a generated question left out, for `check`; 0 or -1. */
static int note_drop(struct quiz_bank *bank, const struct card *card, const char *key, enum quiz_drop_reason reason,
		     size_t distractors)
{
	if (array_grow(&bank->drops, &bank->drops_alloc, bank->ndrops, sizeof *bank->drops) < 0)
		return -1;
	bank->drops[bank->ndrops++] = (struct quiz_drop){ card, key, reason, distractors };
	return 0;
}

/* Names a generated question (id "CARD:fact:KEY" + suffix), fills in its ask
 * and explanation and keeps it: returns 1, or -1 when out of memory. */
static int finish_generated(struct quiz_bank *bank, struct quiz_question *q, const struct vocab_entry *entry,
			    const struct card *card, const char *value, const char *suffix)
{
	char *id_tail = join3(&bank->arena, ":fact:", entry->key, suffix);
	const char *label = entry->label ? entry->label : entry->key;
	q->id = id_tail ? join3(&bank->arena, card->id, id_tail, "") : NULL;
	q->ask = fill_template(&bank->arena, entry->ask, card->title);
	char *head = join3(&bank->arena, card->title, " — ", label);
	q->explain = head ? join3(&bank->arena, head, ": ", value) : NULL;
	if (!q->id || !q->ask || !q->explain)
		return -1;
	bank->count++;
	return 1;
}

struct quiz_question *quiz_bank_next_generated(struct quiz_bank *bank, const struct card *card,
					       enum question_type type, const char *fact)
{
	struct quiz_question *q = &bank->items[bank->count];
	memset(q, 0, sizeof *q);
	q->card = card;
	q->type = type;
	q->generated = true;
	q->fact = fact;
	q->see = SECTION_FACTS;
	return q;
}

/* Generated questions of one card for one vocabulary entry; returns 1 when
 * one was added, 0 when there is none (no value, or left out: noted in
 * bank->drops), -1 out of memory. */
static int add_generated(struct quiz_bank *bank, const struct vocab_entry *entry, const struct card *card,
			 const struct fact_value *pool, size_t npool)
{
	const char *value = card_fact(card, entry->key);
	if (text_blank(value))
		return 0;
	/* A class card asked for its own class gives the answer away. */
	if (card->kind == CARD_CLASS && strcmp(entry->key, "class") == 0)
		return note_drop(bank, card, entry->key, QUIZ_DROP_OWN_CLASS, 0);
	const char *choices[MAX_DISTRACTORS + 1] = { value };
	const struct card *sources[MAX_DISTRACTORS + 1] = { card };
	size_t ndistractors = pick_distractors(pool, npool, card, choices, sources);
	if (ndistractors < MIN_DISTRACTORS)
		return note_drop(bank, card, entry->key, QUIZ_DROP_FEW_DISTRACTORS, ndistractors);
	struct quiz_question *q = quiz_bank_next_generated(bank, card, QUESTION_SINGLE, entry->key);
	q->nchoices = ndistractors + 1;
	for (size_t c = 0; c < q->nchoices; c++) {
		q->choices[c] = choices[c];
		q->choice_topic[c] = sources[c];
	}
	q->correct[0] = true;
	return finish_generated(bank, q, entry, card, value, "");
}

/* The typed twin of a generated question (vocabulary `typed: true`): the same
 * ask, answered by typing the value.  Only short names are fair to type
 * (quiz_typed_fair); returns 1 when added, 0 when not fair, -1 out of memory. */
static int add_generated_typed(struct quiz_bank *bank, const struct vocab_entry *entry, const struct card *card)
{
	const char *value = card_fact(card, entry->key);
	if (!entry->typed || !quiz_typed_fair(value, card->title) ||
	    (card->kind == CARD_CLASS && strcmp(entry->key, "class") == 0))
		return 0;
	struct quiz_question *q = quiz_bank_next_generated(bank, card, QUESTION_TYPED, NULL);
	q->nchoices = 1;
	q->choices[0] = value;
	q->correct[0] = true;
	return finish_generated(bank, q, entry, card, value, ":typed");
}

/* Generated matching (vocabulary `typed: true`, whose values are short
 * names): the card and two or three others, each title to be matched with
 * its value.  Every pair obeys the distractor rule both ways (no value equal
 * to, inside or around another) and no two cards are of one family, so each
 * value fits exactly one title.  1 when added, 0 when too few fit, -1 out of
 * memory. */
#define MATCH_MOST 4
#define MATCH_FEWEST 3
#define MATCH_WIDEST 48	/* columns: a right item stays on one line at 80 */

/* Whether title shares a telling word with value ("Orexin receptor
 * antagonists" and "Orexin OX1 and OX2 receptors"): a word of four letters
 * or more, other than the words every target has. */
static bool gives_away(const char *title, const char *value)
{
	static const char *const common[] = { "receptor", "receptors", "site", "sites", "channel",
					      "channels", "subunit", "binding", "with", "and" };
	const char *p = value;
	while (*p) {
		while (*p && !isalnum((unsigned char)*p) && (unsigned char)*p < 0x80)
			p++;
		const char *start = p;
		while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
			p++;
		size_t len = (size_t)(p - start);
		if (len < 4 || len >= 32)
			continue;
		char word[32];
		memcpy(word, start, len);
		word[len] = '\0';
		bool is_common = false;
		for (size_t c = 0; c < sizeof common / sizeof *common && !is_common; c++)
			is_common = text_casecmp(word, common[c]) == 0;
		if (!is_common && text_find_nocase(title, word))
			return true;
	}
	return false;
}

/* A value short enough to be one right item, that its title does not give
 * away. */
static bool matchable(const char *value, const char *title)
{
	return !text_blank(value) && text_width(value) <= MATCH_WIDEST && !gives_away(title, value);
}

static bool fits_matching(const struct fact_value *fv, const char *const *values, const struct card *const *cards,
			  size_t n)
{
	if (!fv->card || !matchable(fv->value, fv->card->title))
		return false;
	for (size_t i = 0; i < n; i++)
		if (fv->card == cards[i] || same_family(fv->card, cards[i]) ||
		    !usable_distractor(fv->value, &values[i], 1))
			return false;
	return true;
}

static int add_generated_match(struct quiz_bank *bank, const struct vocab_entry *entry, const struct card *card,
			       const struct fact_value *pool, size_t npool)
{
	const char *value = card_fact(card, entry->key);
	if (!entry->typed || npool < MATCH_FEWEST || !matchable(value, card->title) ||
	    (card->kind == CARD_CLASS && strcmp(entry->key, "class") == 0))
		return 0;
	const char *values[MATCH_MOST] = { value };
	const struct card *cards[MATCH_MOST] = { card };
	size_t n = 1, start = (size_t)(text_hash(card->id) / 7 % npool);
	for (size_t k = 0; k < npool && k < SCAN_LIMIT && n < MATCH_MOST; k++) {
		const struct fact_value *fv = &pool[(start + k) % npool];
		if (fits_matching(fv, values, cards, n)) {
			values[n] = fv->value;
			cards[n++] = fv->card;
		}
	}
	if (n < MATCH_FEWEST)
		return 0;
	struct quiz_question *q = quiz_bank_next_generated(bank, card, QUESTION_MATCH, entry->key);
	q->nchoices = n;
	const char *label = entry->label ? entry->label : entry->key;
	char *explain = join3(&bank->arena, label, "", "");
	for (size_t i = 0; i < n; i++) {
		q->choices[i] = cards[i]->title;
		q->choice_topic[i] = cards[i];
		q->matches[i] = values[i];
		q->correct[i] = true;
		char *pair = join3(&bank->arena, cards[i]->title, " — ", values[i]);
		explain = explain && pair ? join3(&bank->arena, explain, i ? "; " : ": ", pair) : NULL;
	}
	/* "Match each topic to its receptor target." (labels are capitalised) */
	char *what = join3(&bank->arena, label, "", "");
	if (what && (unsigned char)what[0] < 0x80)
		what[0] = (char)tolower((unsigned char)what[0]);
	char *id_tail = join3(&bank->arena, ":fact:", entry->key, ":match");
	q->id = id_tail ? join3(&bank->arena, card->id, id_tail, "") : NULL;
	q->ask = what ? join3(&bank->arena, "Match each topic to its ", what, ".") : NULL;
	q->explain = explain ? join3(&bank->arena, explain, ".", "") : NULL;
	if (!q->id || !q->ask || !q->explain)
		return -1;
	bank->count++;
	return 1;
}

static int build_index(struct quiz_bank *bank)
{
	struct quiz_index *index = arena_alloc(&bank->arena, sizeof *index);
	if (!index)
		return -1;
	strtab_init(&index->table, false);
	for (size_t i = 0; i < bank->count; i++) {
		bool added;
		struct strtab_slot *slot = strtab_put(&index->table, bank->items[i].id, &added);
		if (!slot) {
			strtab_release(&index->table);
			return -1;
		}
		if (added)	/* a repeated id keeps its first question */
			slot->value = &bank->items[i];
	}
	bank->index = index;
	return 0;
}

int quiz_bank_build(struct quiz_bank *bank, const struct library *library)
{
	memset(bank, 0, sizeof *bank);
	arena_init(&bank->arena);
	size_t capacity = 0;
	for (size_t i = 0; i < library->ncards; i++)
		capacity += library->cards[i]->nquiz + 4 * library->cards[i]->nfacts;	/* choice, typed, matching, ranking */
	struct fact_value *pool = NULL;
	size_t *pool_start = NULL;
	struct quiz_rank_pool *rankings = NULL;
	bank->items = calloc(capacity ? capacity : 1, sizeof *bank->items);
	if (!bank->items)
		goto fail;
	/* Every card's values, grouped by vocabulary entry: pool_start[v] .. pool_start[v + 1]. */
	pool = calloc(capacity ? capacity : 1, sizeof *pool);	/* zeroed: clang-analyzer cannot see npool stay below the fill */
	pool_start = calloc(library->nvocab + 1, sizeof *pool_start);
	if (!pool || !pool_start)
		goto fail;
	size_t npool = 0;
	for (size_t v = 0; v < library->nvocab; v++) {
		pool_start[v] = npool;
		if (!library->vocab[v].ask)
			continue;
		for (size_t i = 0; i < library->ncards; i++) {
			const char *value = card_fact(library->cards[i], library->vocab[v].key);
			if (!text_blank(value))
				pool[npool++] = (struct fact_value){ value, library->cards[i] };
		}
	}
	pool_start[library->nvocab] = npool;
	if (quiz_rank_prepare(&rankings, library) < 0)
		goto fail;

	for (size_t i = 0; i < library->ncards; i++) {
		const struct card *card = library->cards[i];
		for (size_t q = 0; q < card->nquiz; q++)
			if (card->quiz[q].id) {
				add_authored(&bank->items[bank->count++], library, card, &card->quiz[q]);
				if (add_parts(bank, library, card, &bank->items[bank->count - 1], &card->quiz[q]) < 0)
					goto fail;
			}
		for (size_t v = 0; v < library->nvocab; v++) {
			if (!library->vocab[v].ask)
				continue;
			size_t from = pool_start[v], n = pool_start[v + 1] - from;
			if (add_generated(bank, &library->vocab[v], card, pool + from, n) < 0 ||
			    add_generated_typed(bank, &library->vocab[v], card) < 0 ||
			    add_generated_match(bank, &library->vocab[v], card, pool + from, n) < 0)
				goto fail;
		}
		if (quiz_rank_add(bank, rankings, card) < 0)
			goto fail;
	}
	free(pool);
	free(pool_start);
	quiz_rank_release(rankings);
	if (build_index(bank) < 0)
		goto fail_bank;
	return 0;
fail:
	free(pool);
	free(pool_start);
	quiz_rank_release(rankings);
fail_bank:
	quiz_bank_release(bank);
	return -1;
}

void quiz_bank_release(struct quiz_bank *bank)
{
	if (bank->index)
		strtab_release(&bank->index->table);
	free(bank->items);
	free(bank->drops);
	arena_release(&bank->arena);
	bank->items = NULL;
	bank->count = 0;
	bank->drops = NULL;
	bank->ndrops = bank->drops_alloc = 0;
	bank->index = NULL;
}

/* Every type the card format has is asked. */
bool quiz_type_asked(enum question_type type)
{
	return type < QUESTION_TYPE_COUNT;
}

const struct quiz_question *quiz_bank_find(const struct quiz_bank *bank, const char *id)
{
	const struct strtab_slot *slot = bank->index ? strtab_find(&bank->index->table, id) : NULL;
	return slot ? slot->value : NULL;
}

void quiz_bank_note_drops(const struct quiz_bank *bank, struct diag_list *diags)
{
	for (size_t i = 0; i < bank->ndrops; i++) {
		const struct quiz_drop *d = &bank->drops[i];
		const char *path = d->card->path ? d->card->path : d->card->id;
		if (d->reason == QUIZ_DROP_OWN_CLASS)
			diag_add(diags, DIAG_NOTE, path, d->card->line, 0,
				 "no generated question on '%s' for '%s': a class asked for its own class gives "
				 "the answer away",
				 d->key, d->card->id);
		else
			diag_add(diags, DIAG_NOTE, path, d->card->line, 0,
				 "no generated question on '%s' for '%s': %zu fair distractor%s, %d needed (the other "
				 "cards' values are blank, equal to it, contain it or are in its family)",
				 d->key, d->card->id, d->distractors, d->distractors == 1 ? "" : "s", MIN_DISTRACTORS);
	}
}
