/* quiz_order — see include/quiz_order.h. */
#include "quiz_order.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "quiz_internal.h"
#include "quiz_typed.h"

bool quiz_is_arranged(const struct quiz_question *question)
{
	return question->type == QUESTION_ORDER || question->type == QUESTION_MATCH;
}

size_t quiz_arranged_parts(const struct quiz_question *question)
{
	if (question->type == QUESTION_ORDER)
		return question->nchoices > 1 ? question->nchoices - 1 : 0;
	return question->type == QUESTION_MATCH ? question->nchoices : 0;
}

void quiz_arranged_unsort(enum question_type type, size_t n, unsigned char *order)
{
	if ((type != QUESTION_ORDER && type != QUESTION_MATCH) || n < 2 || n > QUESTION_MAX_CHOICES)
		return;
	for (size_t i = 0; i < n; i++)
		if (order[i] != i)
			return;
	order[0] = 1;
	order[1] = 0;
}

/* Separators between the numbers or letters of an answer. */
static bool separator(char c)
{
	return c == ' ' || c == '\t' || c == ',' || c == ';' || c == '-' || c == ')' || c == ':' || c == '=' ||
	       c == '.' || c == '>';
}

/* The answer's characters less its separators, lower-cased, into out (of
 * size); false when it does not fit. */
static bool squeeze(const char *text, char *out, size_t size)
{
	size_t used = 0;
	for (const char *p = text; *p; p++) {
		if (separator(*p))
			continue;
		if (used + 1 >= size)
			return false;
		out[used++] = (char)tolower((unsigned char)*p);
	}
	out[used] = '\0';
	return true;
}

/* An ordering's answer: one digit per item, each from 1 to n once. */
static enum arranged_read read_order(const struct quiz_item *item, const char *s, unsigned char *out, char *why,
				     size_t why_size)
{
	size_t n = item->question->nchoices, count = 0;
	bool seen[QUESTION_MAX_CHOICES] = { false };
	for (const char *p = s; *p; p++) {
		if (!isdigit((unsigned char)*p)) {
			snprintf(why, why_size, "Type the numbers of the items only, from 1 to %zu.", n);
			return ARRANGED_UNREADABLE;
		}
		size_t number = (size_t)(*p - '0');
		if (number < 1 || number > n) {
			snprintf(why, why_size, "%zu is not one of the items: the numbers go from 1 to %zu.", number, n);
			return ARRANGED_UNREADABLE;
		}
		if (seen[number - 1]) {
			snprintf(why, why_size, "%zu is typed twice: type each number from 1 to %zu once.", number, n);
			return ARRANGED_UNREADABLE;
		}
		seen[number - 1] = true;
		if (count < n)
			out[count] = item->order[number - 1];
		count++;
	}
	if (count != n) {
		snprintf(why, why_size, "%zu numbers for %zu items: type each number once.", count, n);
		return ARRANGED_UNREADABLE;
	}
	return ARRANGED_OK;
}

/* A matching's answer: one letter per left item in order ("bac"), or each
 * numbered ("1b2a3c", in any order); every letter once. */
static enum arranged_read read_match(const struct quiz_item *item, const char *s, unsigned char *out, char *why,
				     size_t why_size)
{
	size_t n = item->question->nchoices, count = 0;
	bool numbered = strpbrk(s, "0123456789") != NULL, letter_seen[QUESTION_MAX_CHOICES] = { false },
	     left_seen[QUESTION_MAX_CHOICES] = { false };
	for (const char *p = s; *p; p++) {
		size_t left = count;
		if (numbered) {
			if (!isdigit((unsigned char)p[0]) || !isalpha((unsigned char)p[1])) {
				snprintf(why, why_size, "Give each item one letter: b a c, or 1b 2a 3c.");
				return ARRANGED_UNREADABLE;
			}
			left = (size_t)(*p++ - '1');
			if (left >= n) {
				snprintf(why, why_size, "%zu is not one of the numbered items: they go from 1 to %zu.",
				    (size_t)(p[-1] - '0'), n);
				return ARRANGED_UNREADABLE;
			}
			if (left_seen[left]) {
				snprintf(why, why_size, "Item %zu has two letters: give each item one.", left + 1);
				return ARRANGED_UNREADABLE;
			}
			left_seen[left] = true;
		}
		size_t letter = (size_t)(*p - 'a');
		if (!isalpha((unsigned char)*p) || letter >= n) {
			snprintf(why, why_size, "Type letters from a to %c for the items.", (int)('a' + n - 1));
			return ARRANGED_UNREADABLE;
		}
		if (letter_seen[letter]) {
			snprintf(why, why_size, "%c is given twice: each letter goes with one item.", *p);
			return ARRANGED_UNREADABLE;
		}
		letter_seen[letter] = true;
		if (left < n)
			out[left] = item->order[letter];
		count++;
	}
	if (count != n) {
		snprintf(why, why_size, "%zu letters for %zu items: one letter for each, in order.",
		    count, n);
		return ARRANGED_UNREADABLE;
	}
	return ARRANGED_OK;
}

enum arranged_read quiz_arranged_read(const struct quiz_item *item, const char *text, unsigned char *out, char *why,
				      size_t why_size)
{
	char squeezed[QUIZ_TYPED_MAX], scratch[256];
	if (!why || !why_size) {
		why = scratch;
		why_size = sizeof scratch;
	}
	why[0] = '\0';
	if (!quiz_is_arranged(item->question) || item->question->nchoices > QUESTION_MAX_CHOICES)
		return ARRANGED_UNREADABLE;
	if (quiz_typed_dont_know(text))
		return ARRANGED_DONT_KNOW;
	if (!squeeze(text, squeezed, sizeof squeezed) || !squeezed[0]) {
		snprintf(why, why_size, "%s", item->question->type == QUESTION_ORDER ? QUIZ_ORDER_HINT : QUIZ_MATCH_HINT);
		return ARRANGED_UNREADABLE;
	}
	return item->question->type == QUESTION_ORDER ? read_order(item, squeezed, out, why, why_size)
						      : read_match(item, squeezed, out, why, why_size);
}

unsigned quiz_arranged_score(const struct quiz_question *question, const unsigned char *answer, unsigned *mask)
{
	size_t n = question->nchoices;
	unsigned right = 0;
	*mask = 0;
	if (question->type == QUESTION_ORDER) {
		size_t place[QUESTION_MAX_CHOICES] = { 0 };
		for (size_t k = 0; k < n && k < QUESTION_MAX_CHOICES; k++)
			if (answer[k] < QUESTION_MAX_CHOICES)
				place[answer[k]] = k;
		for (size_t k = 0; k + 1 < n && k + 1 < QUESTION_MAX_CHOICES; k++)
			if (place[k + 1] == place[k] + 1) {
				right++;
				*mask |= 1u << k;
			}
	} else if (question->type == QUESTION_MATCH) {
		for (size_t i = 0; i < n && i < QUESTION_MAX_CHOICES; i++)
			if (answer[i] == i) {
				right++;
				*mask |= 1u << i;
			}
	}
	return right;
}

/* The answer as the learner would have typed it, tidied: "3 1 4 2" (the
 * numbers shown), "1b 2a 3c". */
static void tidy_answer(const struct quiz_item *item, const unsigned char *answer, char *buf, size_t size)
{
	size_t n = item->question->nchoices, used = 0;
	buf[0] = '\0';
	for (size_t k = 0; k < n && used < size; k++) {
		size_t shown = 0;
		while (shown < n && item->order[shown] != answer[k])
			shown++;
		int len = item->question->type == QUESTION_ORDER
				  ? snprintf(buf + used, size - used, "%s%zu", k ? " " : "", shown + 1)
				  : snprintf(buf + used, size - used, "%s%zu%c", k ? " " : "", k + 1, (int)('a' + shown));
		if (len < 0)
			return;
		used += (size_t)len;
	}
}

int quiz_session_answer_arranged(struct quiz_session *session, const char *text, long answer_ms)
{
	struct quiz_item *item = quiz_session_answering(session);
	if (!item || item->outcome != QUIZ_UNANSWERED || !quiz_is_arranged(item->question))
		return -1;
	unsigned char answer[QUESTION_MAX_CHOICES] = { 0 };
	enum arranged_read got = quiz_arranged_read(item, text, answer, NULL, 0);
	if (got == ARRANGED_UNREADABLE)
		return -1;
	unsigned mask = 0, right = 0, parts = (unsigned)quiz_arranged_parts(item->question);
	item->typed[0] = '\0';
	if (got == ARRANGED_OK) {
		right = quiz_arranged_score(item->question, answer, &mask);
		memcpy(item->arranged, answer, sizeof item->arranged);
		tidy_answer(item, answer, item->typed, sizeof item->typed);
	}
	item->parts_mask = mask;
	return quiz_session_record(session, item, right, parts, got == ARRANGED_DONT_KNOW, answer_ms);
}

/* How many items a question shows: its choices, never more than fit. */
static size_t item_count(const struct quiz_question *q)
{
	if (q->nchoices > QUESTION_MAX_CHOICES)
		return QUESTION_MAX_CHOICES;
	return q->nchoices;
}

size_t quiz_arranged_rows(const struct quiz_item *item, struct arranged_line *rows, size_t *split)
{
	const struct quiz_question *q = item->question;
	size_t n = item_count(q), count = 0;
	for (size_t i = 0; i < n; i++) {
		rows[count] = (struct arranged_line){ .mark = "" };
		snprintf(rows[count].label, sizeof rows[count].label, "%zu.", i + 1);
		rows[count++].text = q->choices[q->type == QUESTION_ORDER ? item->order[i] : i];
	}
	*split = count;
	for (size_t i = 0; q->type == QUESTION_MATCH && i < n; i++) {
		rows[count] = (struct arranged_line){ .mark = "" };
		snprintf(rows[count].label, sizeof rows[count].label, "%c)", (int)('a' + i));
		rows[count++].text = q->matches[item->order[i]];
	}
	return count;
}

size_t quiz_arranged_feedback(const struct quiz_item *item, bool utf8, char *heading, size_t heading_size,
			      struct arranged_line *lines)
{
	const struct quiz_question *q = item->question;
	const char *tick = utf8 ? "\xE2\x9C\x93" : "+", *cross = utf8 ? "\xE2\x9C\x97" : "x";
	const char *arrow = utf8 ? "\xE2\x86\x92" : "->";
	bool marked = item->outcome == QUIZ_CORRECT || item->outcome == QUIZ_WRONG;
	size_t n = item_count(q);
	if (q->type == QUESTION_ORDER)
		snprintf(heading, heading_size, "Right order%s:",
			 marked ? utf8 ? " (\xE2\x9C\x93: you had it right after the one above)"
				       : " (+: you had it right after the one above)"
				: "");
	else
		snprintf(heading, heading_size, "Right pairs:");
	for (size_t i = 0; i < n; i++) {
		struct arranged_line *l = &lines[i];
		*l = (struct arranged_line){ .mark = "", .text = q->choices[i] };
		snprintf(l->label, sizeof l->label, "%zu.", i + 1);
		if (q->type == QUESTION_ORDER) {
			l->good = i > 0 && ((item->parts_mask >> (i - 1)) & 1u);
			if (marked && i > 0)
				l->mark = l->good ? tick : cross;
			continue;
		}
		l->good = (item->parts_mask >> i) & 1u;
		if (marked)
			l->mark = l->good ? tick : cross;
		size_t given = item->arranged[i];
		if (marked && !l->good && given < n)
			snprintf(l->note, sizeof l->note, "%s %s (you: %s)", arrow, q->matches[i], q->matches[given]);
		else
			snprintf(l->note, sizeof l->note, "%s %s", arrow, q->matches[i]);
	}
	return n;
}

/* Each item at its own place: the right answer. */
static const unsigned char straight[QUESTION_MAX_CHOICES] = { 0, 1, 2, 3, 4, 5 };

/* "1. a; 2. b" (an ordering, items in the order of idx) or "a = x; b = y"
 * (a matching, left item k with right item idx[k]). */
static const char *join(const struct quiz_question *q, const unsigned char *idx, char *buf, size_t size)
{
	size_t used = 0, n = item_count(q);
	if (size)
		buf[0] = '\0';
	for (size_t k = 0; k < n && used + 1 < size; k++) {
		int len = q->type == QUESTION_ORDER
				  ? snprintf(buf + used, size - used, "%s%zu. %s", k ? "; " : "", k + 1, q->choices[idx[k]])
				  : snprintf(buf + used, size - used, "%s%s = %s", k ? "; " : "", q->choices[k],
					     q->matches[idx[k]]);
		if (len < 0)
			break;
		used += (size_t)len < size - used ? (size_t)len : size - used - 1;
	}
	return buf;
}

const char *quiz_arranged_given(const struct quiz_item *item, char *buf, size_t size)
{
	return join(item->question, item->arranged, buf, size);
}

const char *quiz_arranged_expected(const struct quiz_question *question, char *buf, size_t size)
{
	return join(question, straight, buf, size);
}

const char *quiz_arranged_key(const struct quiz_item *item, char *buf, size_t size)
{
	if (size)
		tidy_answer(item, straight, buf, size);
	return buf;
}
