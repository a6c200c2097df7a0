/* schema_quiz_order — a card's ordering and matching questions (`type:
 * order` with `items:`, `type: match` with `left:` and `right:`), with a
 * located diagnostic for every rule (cards(5) QUESTIONS).  Part of schema.c
 * (schema_internal.h). */
#include <string.h>

#include "schema_internal.h"

#define ORDER_FEWEST 3
#define ORDER_MOST QUESTION_MAX_CHOICES
#define MATCH_FEWEST 3
#define MATCH_MOST 5

/* A list of 3.. texts, each checked; NULL (with an error) when it is not
 * one.  what names the list in messages ("an ordering", "a matching's
 * left side"). */
static const char **read_list(struct reader *r, const struct ynode *list, const char *key, size_t fewest, size_t most,
			      const char *what, size_t *count)
{
	*count = 0;
	if (!schema_expect(r, list, YNODE_SEQUENCE, key))
		return NULL;
	if (list->count < fewest) {
		schema_fail(r, list, "%s needs at least %zu items (it has %zu)", what, fewest, list->count);
		return NULL;
	}
	if (list->count > most) {
		schema_fail(r, list, "%s takes at most %zu items (it has %zu)", what, most, list->count);
		return NULL;
	}
	const char **texts = arena_array(&r->library->arena, list->count + 1, sizeof *texts);
	if (!texts)
		return NULL;
	bool whole = true;
	for (size_t i = 0; i < list->count; i++) {
		const char *s = schema_text_field(r, list->items[i], key, false);
		whole = whole && s;
		texts[i] = s;
		for (size_t j = 0; s && j < i; j++)
			if (texts[j] && (strcmp(texts[j], s) == 0 || same_choice(texts[j], s)))
				schema_fail(r, list->items[i], "'%s' is listed twice in '%s'", s, key);
	}
	if (!whole)
		return NULL;
	*count = list->count;
	return texts;
}

/* The keys of choice and typed questions have no place here. */
static void refuse_answer_keys(struct reader *r, const struct ynode *n, const char *what, const char *why)
{
	static const char *const not_here[] = { "answer", "choices", "accept" };
	for (size_t k = 0; k < sizeof not_here / sizeof *not_here; k++) {
		const struct ynode *v = ytree_get(n, not_here[k]);
		if (v)
			schema_fail(r, v, "%s has no '%s': %s", what, not_here[k], why);
	}
}

static void read_order(struct reader *r, struct card_question *q, const struct ynode *n)
{
	refuse_answer_keys(r, n, "an ordering", "write its 'items' in the right order");
	const struct ynode *items = ytree_get(n, "items");
	if (!items) {
		schema_fail(r, n, "an ordering needs 'items': 3 to %d steps, written in the right order", ORDER_MOST);
		return;
	}
	size_t count;
	q->choices = read_list(r, items, "items", ORDER_FEWEST, ORDER_MOST, "an ordering", &count);
	q->nchoices = count;
	for (size_t i = 0; i < count; i++)
		q->correct[i] = true;
}

static void read_match(struct reader *r, struct card_question *q, const struct ynode *n)
{
	refuse_answer_keys(r, n, "a matching", "right[i] is the answer of left[i]");
	const struct ynode *left = ytree_get(n, "left"), *right = ytree_get(n, "right");
	if (!left || !right) {
		schema_fail(r, n, "a matching needs 'left' and 'right': 3 to %d items each, right[i] going with left[i]",
			    MATCH_MOST);
		return;
	}
	if (left->type == YNODE_SEQUENCE && right->type == YNODE_SEQUENCE && left->count != right->count) {
		schema_fail(r, right, "a matching needs as many right items as left items (%zu left, %zu right)",
			    left->count, right->count);
		return;
	}
	size_t nleft, nright;
	const char **lefts = read_list(r, left, "left", MATCH_FEWEST, MATCH_MOST, "a matching", &nleft);
	const char **rights = read_list(r, right, "right", MATCH_FEWEST, MATCH_MOST, "a matching", &nright);
	if (!lefts || !rights)
		return;
	q->choices = lefts;
	q->matches = rights;
	q->nchoices = nleft;
	for (size_t i = 0; i < nleft; i++)
		q->correct[i] = true;
}

void schema_read_arranged(struct reader *r, struct card_question *q, const struct ynode *n, enum question_type type)
{
	if (type == QUESTION_ORDER)
		read_order(r, q, n);
	else
		read_match(r, q, n);
}

void schema_refuse_arranged(struct reader *r, const struct ynode *n, int type)
{
	static const struct {
		const char *key;
		enum question_type type;
	} owned[] = { { "items", QUESTION_ORDER }, { "left", QUESTION_MATCH }, { "right", QUESTION_MATCH } };
	for (size_t k = 0; k < sizeof owned / sizeof *owned; k++) {
		const struct ynode *v = ytree_get(n, owned[k].key);
		if (v && type != (int)owned[k].type)
			schema_fail(r, v, "'%s' goes with 'type: %s'", owned[k].key, question_type_name(owned[k].type));
	}
}
