/* schema_quiz — a card's `quiz:` questions, with a located diagnostic for
 * every rule (cards(5) QUESTIONS).  Part of schema.c (schema_internal.h). */
#include <stdio.h>
#include <string.h>

#include "quiz_typed.h"
#include "schema_internal.h"
#include "text.h"
#include "translit.h"

static const char *const question_keys[] = { "id",	"type",	   "ask",     "cloze", "choices",
					     "answer", "accept", "explain", "see",
					     "items", "left", "right", "stem", "parts" };
static const char *const choice_keys[] = { "text", "topic" };
static const char *const true_false[] = { "True", "False" };

/* Marks the answers of a question among its choices. */
static void read_answer(struct reader *r, struct card_question *q, const struct ynode *answer)
{
	if (answer->type == YNODE_MAPPING) {
		schema_fail(r, answer, "'answer' must be text or a list, not a mapping");
		return;
	}
	size_t n = answer->type == YNODE_SCALAR ? 1 : answer->count;
	if (n == 0)
		schema_fail(r, answer, "'answer' lists no choice");
	for (size_t i = 0; i < n; i++) {
		const struct ynode *a = answer->type == YNODE_SCALAR ? answer : answer->items[i];
		if (!schema_expect(r, a, YNODE_SCALAR, "answer"))
			continue;
		const char *s = schema_clean(r, a, false);
		size_t c = 0;
		while (s && c < q->nchoices && strcmp(q->choices[c], s) != 0)
			c++;
		if (!s)
			continue;
		if (c == q->nchoices)
			schema_fail(r, a, "answer '%s' is not one of the choices", s);
		else if (q->correct[c])
			schema_fail(r, a, "answer '%s' is listed twice", s);
		else
			q->correct[c] = true;
	}
}

/* A choice is text, or a mapping {text, topic} that names the card a wrong
 * choice stands for (so a wrong answer tells which topics the learner mixes
 * up).  Whether the topic is loaded is library_resolve()'s check. */
static void read_choices(struct reader *r, const struct card *card, const struct ynode *list,
			 struct card_question *q)
{
	struct arena *arena = &r->library->arena;
	q->choices = arena_array(arena, list->count, sizeof *q->choices);
	if (!q->choices)
		return;
	for (size_t i = 0; i < list->count; i++) {
		const struct ynode *item = list->items[i], *text = item, *topic = NULL;
		if (item->type == YNODE_MAPPING) {
			schema_check_keys(r, item, choice_keys, sizeof choice_keys / sizeof *choice_keys, "a choice");
			text = ytree_get(item, "text");
			topic = ytree_get(item, "topic");
			if (!text) {
				schema_fail(r, item, "a choice written as a mapping needs 'text'");
				continue;
			}
		}
		const char *s = schema_text_field(r, text, "choices", false);
		if (!s)
			continue;
		if (topic && schema_expect(r, topic, YNODE_SCALAR, "topic")) {
			bool ok = schema_valid_id(topic->value, "");
			if (!ok)
				schema_fail(r, topic, "choice topic '%s' is not a card id (a-z, 0-9 and '-')", topic->value);
			else if (card->id && strcmp(topic->value, card->id) == 0) {
				schema_fail(r, topic, "a choice's topic names another card; '%s' is this card", topic->value);
				ok = false;
			}
			if (ok && !q->choice_topics) {
				q->choice_topics = arena_array(arena, list->count, sizeof *q->choice_topics);
				q->choice_topics_at = arena_array(arena, list->count, sizeof *q->choice_topics_at);
			}
			if (ok && q->choice_topics && q->choice_topics_at) {
				q->choice_topics[q->nchoices] = schema_clean(r, topic, false);
				q->choice_topics_at[q->nchoices] = (struct card_pos){ topic->line, topic->col };
			}
		}
		q->choices[q->nchoices++] = s;
	}
}

/* Two choices a learner cannot tell apart: the same once case, spaces,
 * punctuation and dashes are folded away (text_fold). */
bool same_choice(const char *a, const char *b)
{
	char small_a[256], small_b[256];
	size_t la, lb;
	char *fa = text_fold_buffer(a, small_a, sizeof small_a, &la);
	char *fb = text_fold_buffer(b, small_b, sizeof small_b, &lb);
	bool same = fa && fb && la == lb && text_casecmp(fa, fb) == 0;
	text_fold_release(fa, small_a);
	text_fold_release(fb, small_b);
	return same;
}

/* Choices written differently that read the same: a right answer that is
 * also offered as wrong marks a learner wrong for knowing it; two wrong (or
 * two right) ones are a repeat.  Warnings, so `check --strict` fails on
 * them.  (Byte-equal choices are an error already.) */
static void check_repeated_choices(struct reader *r, const struct card_question *q, const struct ynode *choices)
{
	/* Each choice folded once, not once for every other choice (a fifth of
	 * loading a pack was folding the same choices again). */
	char small[QUESTION_MAX_CHOICES][512], *folded[QUESTION_MAX_CHOICES];
	size_t len[QUESTION_MAX_CHOICES];
	size_t n = q->nchoices;
	if (n > QUESTION_MAX_CHOICES)	/* the caller refused more */
		n = QUESTION_MAX_CHOICES;
	for (size_t i = 0; i < n; i++)
		folded[i] = text_fold_buffer(q->choices[i], small[i], sizeof small[i], &len[i]);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++) {
			if (strcmp(q->choices[i], q->choices[j]) == 0 || !folded[i] || !folded[j] || len[i] != len[j] ||
			    text_casecmp(folded[i], folded[j]) != 0)
				continue;
			if (q->correct[i] != q->correct[j]) {
				size_t right = q->correct[i] ? i : j, wrong = q->correct[i] ? j : i;
				schema_warn(r, choices->items[wrong], "the answer '%s' is also a wrong choice, as '%s'",
				     q->choices[right], q->choices[wrong]);
			} else {
				schema_warn(r, choices->items[i], "choices '%s' and '%s' repeat each other", q->choices[j],
				     q->choices[i]);
			}
		}
	for (size_t i = 0; i < n; i++)
		text_fold_release(folded[i], small[i]);
}

/* A typed question: `answer` is the answer shown as right, `accept` other
 * wordings that count too (matching forgives case, spacing, dashes, Greek
 * names and superscripts, so those need no alternative). */
static void read_typed(struct reader *r, struct card_question *q, const struct ynode *n, const struct ynode *answer)
{
	const struct ynode *choices = ytree_get(n, "choices"), *accept = ytree_get(n, "accept");
	if (choices)
		schema_fail(r, choices, "a typed question has no 'choices': list other right wordings under 'accept'");
	if (answer->type != YNODE_SCALAR) {
		schema_fail(r, answer, "a typed question's 'answer' is one text (other wordings go under 'accept')");
		return;
	}
	size_t naccept = accept ? (accept->type == YNODE_SEQUENCE ? accept->count : 1) : 0;
	if (accept && accept->type == YNODE_MAPPING) {
		schema_fail(r, accept, "'accept' must be a list of texts, not a mapping");
		return;
	}
	if (naccept + 1 > QUESTION_MAX_CHOICES) {
		schema_fail(r, accept, "a typed question takes at most %d accepted wordings besides its answer, not %zu",
		     QUESTION_MAX_CHOICES - 1, naccept);
		return;
	}
	const char **texts = arena_array(&r->library->arena, naccept + 1, sizeof *texts);
	if (!texts)
		return;
	q->choices = texts;
	q->nchoices = 0;
	for (size_t i = 0; i <= naccept; i++) {
		const struct ynode *item = i == 0 ? answer : accept->type == YNODE_SEQUENCE ? accept->items[i - 1] : accept;
		if (!schema_expect(r, item, YNODE_SCALAR, i == 0 ? "answer" : "accept"))
			continue;
		const char *s = schema_clean(r, item, false);
		if (s && text_blank(s)) {
			schema_fail(r, item, i == 0 ? "a typed question's answer is empty" : "an accepted answer is empty");
			continue;
		}
		if (s) {
			q->correct[q->nchoices] = true;
			texts[q->nchoices++] = s;
		}
	}
}

/* Appends s[0..len) to the arena string being built in *out (of *len bytes). */
static bool grow_text(struct reader *r, char **out, size_t *used, const char *s, size_t len)
{
	char *bigger = arena_alloc(&r->library->arena, *used + len + 1);
	if (!bigger)
		return false;
	if (*used)
		memcpy(bigger, *out, *used);
	memcpy(bigger + *used, s, len);
	*used += len;
	bigger[*used] = '\0';
	*out = bigger;
	return true;
}

/* One gap's "a | b" as "a|b", each alternative trimmed; NULL (with an error)
 * when one is empty. */
static const char *gap_answers(struct reader *r, const struct ynode *at, size_t number, const char *s, size_t len)
{
	char *out = NULL;
	size_t used = 0;
	for (size_t start = 0; start <= len;) {
		size_t end = start;
		while (end < len && s[end] != '|')
			end++;
		size_t a = start, b = end;
		while (a < b && s[a] == ' ')
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
		if (a == b) {
			schema_fail(r, at, end == len && start == 0 ? "gap %zu of the cloze is empty"
								  : "gap %zu of the cloze has an empty alternative",
				    number);
			return NULL;
		}
		if ((used && !grow_text(r, &out, &used, "|", 1)) || !grow_text(r, &out, &used, s + a, b - a))
			return NULL;
		start = end + 1;
	}
	return out;
}

/* A cloze question: `cloze` is the text with each gap written {{answer}}
 * ({{answer|other wording}} for alternatives).  Its ask shows the gaps as
 * "[gap N]"; choices[N-1] holds gap N's answers. */
static void read_cloze(struct reader *r, struct card_question *q, const struct ynode *n, const struct ynode *cloze)
{
	static const char *const not_here[] = { "ask", "answer", "choices", "accept" };
	for (size_t k = 0; k < sizeof not_here / sizeof *not_here; k++) {
		const struct ynode *v = ytree_get(n, not_here[k]);
		if (v)
			schema_fail(r, v, "a cloze question has no '%s': its text and answers are in 'cloze'", not_here[k]);
	}
	const char *text = schema_text_field(r, cloze, "cloze", true);
	if (!text)
		return;
	if (strstr(text, QUESTION_CLOZE_GAP)) {
		schema_fail(r, cloze, "'%s' is how rxplore shows a gap: write gaps as {{answer}}", QUESTION_CLOZE_GAP "N]");
		return;
	}
	const char **gaps = arena_array(&r->library->arena, QUESTION_MAX_CHOICES, sizeof *gaps);
	char *ask = NULL;
	size_t used = 0, ngaps = 0;
	const char *p = text;
	for (const char *open; gaps && (open = strstr(p, "{{")) != NULL;) {
		const char *close = strstr(open + 2, "}}"), *nested = strstr(open + 2, "{{");
		if (!close || (nested && nested < close)) {
			schema_fail(r, cloze, "gap %zu of the cloze opens with '{{' but does not close with '}}'",
				    ngaps + 1);
			return;
		}
		if (ngaps == QUESTION_MAX_CHOICES) {
			schema_fail(r, cloze, "a cloze takes at most %d gaps", QUESTION_MAX_CHOICES);
			return;
		}
		const char *answers = gap_answers(r, cloze, ngaps + 1, open + 2, (size_t)(close - open - 2));
		if (!answers)
			return;
		char shown[32];
		int len = snprintf(shown, sizeof shown, "%s%zu]", QUESTION_CLOZE_GAP, ngaps + 1);
		q->correct[ngaps] = true;
		gaps[ngaps++] = answers;
		if (!grow_text(r, &ask, &used, p, (size_t)(open - p)) || !grow_text(r, &ask, &used, shown, (size_t)len))
			return;
		p = close + 2;
	}
	if (strstr(p, "}}")) {
		schema_fail(r, cloze, "the cloze has a '}}' that closes no gap");
		return;
	}
	if (ngaps == 0) {
		schema_fail(r, cloze, "a cloze question needs at least one gap, written {{answer}}");
		return;
	}
	if (!grow_text(r, &ask, &used, p, strlen(p)))
		return;
	q->ask = ask;
	q->choices = gaps;
	q->nchoices = ngaps;
}

static void read_question(struct reader *r, struct card *card, const struct ynode *n, struct card_question *q)
{
	q->line = n->line;
	q->see = -1;
	if (!schema_expect(r, n, YNODE_MAPPING, "quiz item"))
		return;
	schema_check_keys(r, n, question_keys, sizeof question_keys / sizeof *question_keys, "a question");
	const struct ynode *ask = ytree_get(n, "ask"), *choices = ytree_get(n, "choices"),
			   *answer = ytree_get(n, "answer"), *cloze = ytree_get(n, "cloze"), *v;
	/* `type` is needed only where the shape does not say it: typed, cloze. */
	int type = -1;
	const struct ynode *type_node = ytree_get(n, "type");
	if (type_node && schema_expect(r, type_node, YNODE_SCALAR, "type")) {
		type = question_type_parse(type_node->value);
		if (type < 0)
			schema_fail(r, type_node,
				    "question type '%s' is not one of single, multi, true-false, typed, cloze, order, match, case",
				    type_node->value);
	}
	if (cloze && type != QUESTION_CLOZE)
		schema_fail(r, cloze, "'cloze' goes with 'type: cloze'");
	if (type == QUESTION_CLOZE && !cloze) {
		schema_fail(r, n, "a cloze question needs 'cloze': its text, with each gap written {{answer}}");
		return;
	}
	schema_refuse_arranged(r, n, type);
	bool arranged = type == QUESTION_ORDER || type == QUESTION_MATCH;
	if (type != QUESTION_CASE)
		schema_case_misplaced(r, n);
	if (type == QUESTION_CASE) {
		q->type = QUESTION_CASE;
		if (!(q->ask = schema_case_stem(r, n)))	/* schema_case.c */
			return;
	} else if (type != QUESTION_CLOZE && (!ask || (!answer && !arranged))) {
		schema_fail(r, n, "a question needs '%s'", !ask ? "ask" : "answer");
		return;
	}
	if (type != QUESTION_CLOZE && type != QUESTION_CASE)
		q->ask = schema_text_field(r, ask, "ask", true);
	if ((v = ytree_get(n, "explain")))
		q->explain = schema_text_field(r, v, "explain", true);
	if ((v = ytree_get(n, "see")) && schema_expect(r, v, YNODE_SCALAR, "see")) {
		q->see = section_parse(v->value);
		if (q->see < 0) {
			schema_fail(r, v, "'see' names no section: '%s'", v->value);
			q->see = -1;
		}
	}
	if ((v = ytree_get(n, "id")) && schema_expect(r, v, YNODE_SCALAR, "id")) {
		if (!schema_valid_id(v->value, "_:."))
			schema_fail(r, v, "question id '%s' may use only a-z, 0-9, '-', '_', ':' and '.'", v->value);
		q->id = schema_clean(r, v, false);
		q->id_authored = true;
	}
	if (type == QUESTION_TYPED) {
		q->type = QUESTION_TYPED;
		read_typed(r, q, n, answer);
	} else if (type == QUESTION_CLOZE) {
		q->type = QUESTION_CLOZE;
		read_cloze(r, q, n, cloze);
	} else if (arranged) {
		q->type = (enum question_type)type;
		schema_read_arranged(r, q, n, q->type);
	} else if ((v = ytree_get(n, "accept"))) {
		schema_fail(r, v, "'accept' goes with 'type: typed'");
	}
	if (type >= QUESTION_TYPED) {
		/* read above, or rejected */
	} else if (!choices) {
		if (answer->type != YNODE_SCALAR ||
		    (strcmp(answer->value, "true") != 0 && strcmp(answer->value, "false") != 0)) {
			schema_fail(r, answer, "a question without choices is true/false: its answer must be true or false");
			return;
		}
		q->type = QUESTION_TRUE_FALSE;
		q->choices = (const char **)true_false;
		q->nchoices = 2;
		q->correct[answer->value[0] == 't' ? 0 : 1] = true;
	} else if (schema_expect(r, choices, YNODE_SEQUENCE, "choices")) {
		if (choices->count < 2 || choices->count > QUESTION_MAX_CHOICES) {
			schema_fail(r, choices, "a question needs 2 to %d choices, not %zu", QUESTION_MAX_CHOICES,
				    choices->count);
			return;
		}
		read_choices(r, card, choices, q);
		for (size_t i = 0; i < q->nchoices; i++)
			for (size_t j = 0; j < i; j++)
				if (strcmp(q->choices[i], q->choices[j]) == 0)
					schema_fail(r, choices->items[i], "choice '%s' is listed twice", q->choices[i]);
		q->type = answer->type == YNODE_SEQUENCE ? QUESTION_MULTI : QUESTION_SINGLE;
		read_answer(r, q, answer);
		if (q->choices && q->nchoices == choices->count)	/* else an error rejects the card */
			check_repeated_choices(r, q, choices);
	}
	if (type >= 0 && type < QUESTION_TYPED && q->choices && (int)q->type != type)
		schema_fail(r, type_node, "'type: %s' does not fit the question: its choices and answer make it %s",
			    question_type_name((enum question_type)type), question_type_name(q->type));
	/* Without a usable card id the card is rejected anyway (that error is
	 * reported elsewhere), and there is nothing to key the question to. */
	if (!q->id && q->ask && card->id) {
		char buf[64];
		snprintf(buf, sizeof buf, ":%016llx", card_question_hash(q->ask));
		size_t idlen = strlen(card->id);
		char *id = arena_alloc(&r->library->arena, idlen + strlen(buf) + 1);
		if (id) {
			memcpy(id, card->id, idlen);
			memcpy(id + idlen, buf, strlen(buf) + 1);
		}
		q->id = id;
		schema_warn(r, n, "question has no 'id': its progress is keyed to its wording (%s)", id ? id : "?");
	}
	if (type == QUESTION_CASE)
		schema_case_parts(r, card, n, q);
}

void schema_read_question(struct reader *r, struct card *card, const struct ynode *n, struct card_question *q)
{
	read_question(r, card, n, q);
}

void schema_read_quiz(struct reader *r, struct card *card, const struct ynode *n)
{
	card->quiz = schema_list_room(r, n, "quiz", sizeof *card->quiz);
	if (!card->quiz)
		return;
	for (size_t i = 0; i < n->count; i++) {
		struct card_question *q = &card->quiz[card->nquiz];
		read_question(r, card, n->items[i], q);
		for (size_t j = 0; q->id && j < card->nquiz; j++)
			if (card->quiz[j].id && strcmp(card->quiz[j].id, q->id) == 0) {
				schema_fail(r, n->items[i], "duplicate question id '%s'", q->id);
				diag_add(r->diags, DIAG_NOTE, r->path, card->quiz[j].line, 1, "first defined here");
			}
		card->nquiz++;
	}
}

