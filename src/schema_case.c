/* schema_case — a case vignette in a card's `quiz:`: a stem (the patient,
 * the drugs, the findings) and 2..QUESTION_MAX_PARTS parts, each written
 * exactly like a question and read by the same code (schema_read_question),
 * except that a part has no id and is not itself a case (cards(5)
 * QUESTIONS).  Part of schema.c (schema_internal.h). */
#include <stdio.h>
#include <string.h>

#include "schema_internal.h"

/* Keys a case has no use for: its text is the stem, its questions the parts,
 * and each part explains itself. */
static const char *const not_in_case[] = { "ask", "answer", "choices", "explain" };

void schema_case_misplaced(struct reader *r, const struct ynode *n)
{
	static const char *const case_keys[] = { "stem", "parts" };
	for (size_t k = 0; k < sizeof case_keys / sizeof *case_keys; k++) {
		const struct ynode *v = ytree_get(n, case_keys[k]);
		if (v)
			schema_fail(r, v, "'%s' goes with 'type: case'", case_keys[k]);
	}
}

const char *schema_case_stem(struct reader *r, const struct ynode *n)
{
	for (size_t k = 0; k < sizeof not_in_case / sizeof *not_in_case; k++) {
		const struct ynode *v = ytree_get(n, not_in_case[k]);
		if (v)
			schema_fail(r, v,
				    strcmp(not_in_case[k], "explain") == 0
					    ? "a case has no '%s': each of its parts has its own"
					    : "a case has no '%s': its text is 'stem' and its questions are 'parts'",
				    not_in_case[k]);
	}
	const struct ynode *stem = ytree_get(n, "stem");
	if (!stem) {
		schema_fail(r, n, "a case needs 'stem': the patient, the drugs and the findings its parts ask about");
		return NULL;
	}
	return schema_text_field(r, stem, "stem", true);
}

/* "CASE/N": a part's id, for reports; NULL when the case has none (its card
 * is rejected then) or out of memory. */
static const char *part_id(struct reader *r, const char *case_id, size_t number)
{
	if (!case_id)
		return NULL;
	char tail[24];
	int len = snprintf(tail, sizeof tail, "/%zu", number);
	size_t idlen = strlen(case_id);
	char *id = arena_alloc(&r->library->arena, idlen + (size_t)len + 1);
	if (id) {
		memcpy(id, case_id, idlen);
		memcpy(id + idlen, tail, (size_t)len + 1);
	}
	return id;
}

/* What a part may not be: a case, or a question with its own id.  True when
 * the part can be read as a question. */
static bool part_fits(struct reader *r, const struct ynode *item, size_t number)
{
	if (item->type != YNODE_MAPPING)
		return true;	/* schema_read_question says what it must be */
	const struct ynode *id = ytree_get(item, "id"), *type = ytree_get(item, "type");
	if (id)
		schema_fail(r, id, "a part of a case has no 'id': it is known by the case's id and its number (/%zu)",
			    number);
	if (type && type->type == YNODE_SCALAR && question_type_parse(type->value) == QUESTION_CASE) {
		schema_fail(r, type, "a part of a case cannot be a case");
		return false;
	}
	return true;
}

void schema_case_parts(struct reader *r, struct card *card, const struct ynode *n, struct card_question *q)
{
	const struct ynode *parts = ytree_get(n, "parts");
	if (!parts) {
		schema_fail(r, n, "a case needs at least %d questions (parts:)", QUESTION_MIN_PARTS);
		return;
	}
	if (!schema_expect(r, parts, YNODE_SEQUENCE, "parts"))
		return;
	if (parts->count < QUESTION_MIN_PARTS) {
		schema_fail(r, parts, "a case needs at least %d questions (parts:), not %zu", QUESTION_MIN_PARTS,
			    parts->count);
		return;
	}
	if (parts->count > QUESTION_MAX_PARTS) {
		schema_fail(r, parts, "a case takes at most %d questions (parts:), not %zu", QUESTION_MAX_PARTS,
			    parts->count);
		return;
	}
	q->parts = arena_array(&r->library->arena, parts->count, sizeof *q->parts);
	if (!q->parts)
		return;
	for (size_t i = 0; i < parts->count; i++) {
		if (!part_fits(r, parts->items[i], i + 1))
			continue;
		struct card_question *part = &q->parts[q->nparts++];
		/* Named before it is read, so that it gets no id of its own. */
		part->id = part_id(r, q->id, q->nparts);
		schema_read_question(r, card, parts->items[i], part);
	}
}
