/* import_fields — a row's fields to a question (see import_fields.h). */
#include "import_fields.h"

#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <strings.h>

#include "text.h"

/* "b) text": the letter's index, and *text after ") "; -1 when not one. */
static int choice_line(const char *line, const char **text)
{
	if (line[0] >= 'a' && line[0] < 'a' + QUESTION_MAX_CHOICES && line[1] == ')' && line[2] == ' ') {
		*text = line + 3;
		return line[0] - 'a';
	}
	return -1;
}

/* Puts back the line breaks text_split() took out between lines[from] and
 * lines[to - 1], making them one string again. */
static void rejoin(char **lines, size_t from, size_t to)
{
	for (size_t k = from; k + 1 < to; k++)
		lines[k][strlen(lines[k])] = '\n';
}

static void trim_end(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
}

static bool is_hint(const char *line, const char *hint)
{
	return strcasecmp(line, hint) == 0;
}

/* rxplore's "Card: Title — Section" footer line: the title into *title. */
static void card_footer(const char *line, char *title, size_t title_size)
{
	snprintf(title, title_size, "%s", line + 6);
	char *dash = strstr(title, " — ");
	if (dash)
		*dash = '\0';
}

enum { MAX_LINES = 256 };

/* The question field: the ask, then choice lines "a) ".."f) " at the end. */
static void parse_question(char *text, struct import_question *q, const char **error)
{
	char *lines[MAX_LINES];
	size_t n = text_split(text, '\n', lines, MAX_LINES);
	size_t first = n;
	const char *rest;
	for (size_t i = n; i-- > 0;) {
		int letter = choice_line(lines[i], &rest);
		if (letter < 0)
			break;
		first = i;
		if (letter == 0)
			break;
	}
	for (size_t i = first, letter = 0; i < n; i++, letter++) {
		if (choice_line(lines[i], &rest) != (int)letter) {
			first = n; /* not a, b, c in order: not choices */
			break;
		}
	}
	for (size_t i = first; i < n && q->nchoices < QUESTION_MAX_CHOICES; i++) {
		choice_line(lines[i], &rest);
		q->choices[q->nchoices] = strdup(rest);
		if (!q->choices[q->nchoices]) {
			*error = "out of memory";
			return;
		}
		q->nchoices++;
	}
	size_t end = first;
	while (end > 0 && (lines[end - 1][0] == '\0' || is_hint(lines[end - 1], "Select all that apply.") ||
			   is_hint(lines[end - 1], "True or false?"))) {
		if (is_hint(lines[end - 1], "Select all that apply."))
			q->select_all = true;
		end--;
	}
	rejoin(lines, 0, end);
	q->ask = strdup(end > 0 ? lines[0] : "");
	if (!q->ask)
		*error = "out of memory";
}

static int choice_index(const struct import_question *q, const char *text)
{
	for (size_t i = 0; i < q->nchoices; i++)
		if (strcmp(q->choices[i], text) == 0)
			return (int)i;
	return -1;
}

/* "a,c" or "b": letters naming choices; false if the text is not that. */
static bool letters(struct import_question *q, const char *text)
{
	bool any = false, seen[QUESTION_MAX_CHOICES] = { false };
	for (const char *p = text; *p; p++) {
		if (*p == ',' || *p == ' ')
			continue;
		if (*p < 'a' || *p >= 'a' + (int)q->nchoices || (p[1] && p[1] != ',' && p[1] != ' '))
			return false;
		seen[*p - 'a'] = any = true;
	}
	for (size_t i = 0; any && i < q->nchoices; i++)
		q->correct[i] = seen[i];
	return any;
}

/* The answer field: the right choices (by letter line, letters, or text),
 * then, after a blank line, an explanation — up to rxplore's own "Card:"
 * footer.  *title receives the card title that footer names. */
static void parse_answer(char *text, struct import_question *q, char **explain, char *title, size_t title_size)
{
	for (const char *prefix = "Answers:"; prefix; prefix = prefix[6] == 's' ? "Answer:" : NULL) {
		if (strncasecmp(text, prefix, strlen(prefix)) == 0) {
			memmove(text, text + strlen(prefix), strlen(text + strlen(prefix)) + 1);
			break;
		}
	}
	char *lines[MAX_LINES];
	size_t n = text_split(text, '\n', lines, MAX_LINES), i = 0;
	for (size_t k = 0; k < n; k++)
		lines[k] += strspn(lines[k], " ");
	while (i < n && lines[i][0] == '\0')
		i++;
	const char *rest;
	int letter;
	if (i < n && q->nchoices > 0 && choice_line(lines[i], &rest) >= 0) {
		for (; i < n && (letter = choice_line(lines[i], &rest)) >= 0; i++)
			if ((size_t)letter < q->nchoices)
				q->correct[letter] = true;
	} else if (i < n && q->nchoices > 0 && letters(q, lines[i])) {
		i++;
	} else if (i < n && q->nchoices == 0) {
		q->truth = strcasecmp(lines[i], "true") == 0 ? 1 : strcasecmp(lines[i], "false") == 0 ? 0 : -1;
		i += q->truth >= 0;
	} else {
		/* The right choices by their text: lines, or items split by " | ". */
		for (; i < n && lines[i][0]; i++) {
			for (char *item = lines[i]; item;) {
				char *bar = strstr(item, " | ");
				if (bar)
					*bar = '\0';
				int k = choice_index(q, item);
				if (k >= 0)
					q->correct[k] = true;
				item = bar ? bar + 3 : NULL;
			}
		}
	}
	size_t from = i, to = n;
	for (size_t k = i; k < n; k++) {
		if (strncmp(lines[k], "Card: ", 6) == 0) {
			card_footer(lines[k], title, title_size);
			to = k;
			break;
		}
	}
	while (from < to && lines[from][0] == '\0')
		from++;
	if (from < to && !*explain) {
		rejoin(lines, from, to);
		*explain = strdup(lines[from]);
		if (*explain)
			trim_end(*explain);
	}
}

/* Choices from a choices column: one per line, or split by " | ". */
static const char *parse_choices(const char *field, struct import_question *q)
{
	const char *sep = strchr(field, '\n') ? "\n" : " | ";
	for (const char *p = field; *p;) {
		const char *end = strstr(p, sep);
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n > 0) {
			if (q->nchoices == QUESTION_MAX_CHOICES)
				return "more than 6 choices";
			if (!(q->choices[q->nchoices++] = strndup(p, n)))
				return "out of memory";
		}
		p += n + (end ? strlen(sep) : 0);
	}
	return NULL;
}

static const char *check(struct import_question *q)
{
	if (!q->ask || !q->ask[0])
		return "no question text";
	/* rxplore's true/false questions come back as their two choices. */
	if (q->nchoices == 2 && strcmp(q->choices[0], "True") == 0 && strcmp(q->choices[1], "False") == 0 &&
	    q->correct[0] != q->correct[1] && !q->select_all) {
		q->truth = q->correct[0];
		free(q->choices[0]);
		free(q->choices[1]);
		q->choices[0] = q->choices[1] = NULL;
		q->nchoices = 0;
		q->correct[0] = q->correct[1] = false;
	}
	if (q->truth >= 0)
		return NULL;
	if (q->nchoices == 0)
		return "no choices (lines 'a) ...' after the question, or a choices column) and the answer is "
		       "not true or false";
	if (q->nchoices < 2)
		return "a question needs 2 to 6 choices";
	size_t right = 0;
	for (size_t i = 0; i < q->nchoices; i++) {
		right += q->correct[i];
		if (!q->choices[i][0])
			return "an empty choice";
		for (size_t k = 0; k < i; k++)
			if (strcmp(q->choices[i], q->choices[k]) == 0)
				return "two choices are the same";
	}
	if (right == 0)
		return "the answer names none of the choices (give letters such as 'b' or 'a,c', or a choice's text)";
	return NULL;
}

/* The text of a field before rxplore's "Card:" footer line (whose card
 * title goes to *title), trimmed; cut in place. */
static const char *before_footer(char *field, char *title, size_t title_size)
{
	char *lines[MAX_LINES];
	size_t n = text_split(field, '\n', lines, MAX_LINES), end = n;
	for (size_t k = 0; k < n; k++)
		if (strncmp(lines[k], "Card: ", 6) == 0) {
			card_footer(lines[k], title, title_size);
			end = k;
			break;
		}
	if (end == 0)
		return "";
	rejoin(lines, 0, end);
	trim_end(lines[0]);
	return lines[0];
}

const char *import_fields_parse_typed(struct import_question *q, char *question, char *answer, const char *explain,
				      char *title, size_t title_size)
{
	q->truth = -1;
	q->typed = true;
	const char *ask = before_footer(question, title, title_size);
	if (!*ask)
		return "no question text";
	trim_end(answer);
	const char *text = answer + strspn(answer, " \n");
	if (!*text)
		return "no answer to type";
	if (!(q->ask = strdup(ask)) || !(q->choices[0] = strdup(text)) ||
	    (explain && *explain && !(q->explain = strdup(explain))))
		return "out of memory";
	q->nchoices = 1;
	q->correct[0] = true;
	return NULL;
}

const char *import_fields_parse_cloze(struct import_question *q, char *question, char *answer, const char *explain,
				      char *title, size_t title_size)
{
	q->truth = -1;
	q->cloze = true;
	trim_end(question);
	/* {{cN::answer::hint}} to {{answer}}, in place (never longer). */
	size_t gaps = 0;
	char *w = question;
	for (const char *r = question; *r;) {
		const char *close = strncmp(r, "{{c", 3) == 0 ? strstr(r, "}}") : NULL, *sep = close ? strstr(r, "::") : NULL;
		if (!close || !sep || sep > close) {
			*w++ = *r++;
			continue;
		}
		const char *hint = strstr(sep + 2, "::"), *end = hint && hint < close ? hint : close;
		*w++ = '{';
		*w++ = '{';
		memmove(w, sep + 2, (size_t)(end - sep - 2));
		w += end - sep - 2;
		*w++ = '}';
		*w++ = '}';
		r = close + 2;
		gaps++;
	}
	*w = '\0';
	if (!question[0])
		return "no question text";
	if (gaps == 0)
		return "a cloze note with no {{c1::...}} gap";
	const char *before = before_footer(answer, title, title_size);
	const char *why = explain && *explain ? explain : *before ? before : NULL;
	if (!(q->ask = strdup(question)) || (why && !(q->explain = strdup(why))))
		return "out of memory";
	return NULL;
}

const char *import_fields_parse(struct import_question *q, char *question, char *answer, const char *choices,
				const char *explain, char *title, size_t title_size)
{
	q->truth = -1;
	const char *error = NULL;
	parse_question(question, q, &error);
	if (error)
		return error;
	if (choices && *choices && q->nchoices == 0 && (error = parse_choices(choices, q)))
		return error;
	if (explain && *explain && !(q->explain = strdup(explain)))
		return "out of memory";
	parse_answer(answer, q, &q->explain, title, title_size);
	return check(q);
}

/* "N. text" with N the expected number: *text after ". ". */
static bool numbered_line(const char *line, size_t number, const char **text)
{
	char prefix[16];
	int n = snprintf(prefix, sizeof prefix, "%zu. ", number);
	if (n < 0 || strncmp(line, prefix, (size_t)n) != 0)
		return false;
	*text = line + n;
	return true;
}

/* The shown rows of an ordering or matching note: the ask (lines before
 * "1. "), the numbered items into left[], a matching's lettered ones into
 * right[].  Returns NULL, or why not. */
static const char *shown_rows(char *question, bool match, struct import_question *q, const char **left,
			      size_t *nleft, const char **right, size_t *nright)
{
	char *lines[MAX_LINES];
	size_t n = text_split(question, '\n', lines, MAX_LINES), first = 0;
	const char *text;
	while (first < n && !numbered_line(lines[first], 1, &text))
		first++;
	if (first == 0 || first == n)
		return "no question text, or no items numbered 1. 2. 3.";
	*nleft = *nright = 0;
	size_t i = first;
	for (; i < n && *nleft < QUESTION_MAX_CHOICES && numbered_line(lines[i], *nleft + 1, &text); i++)
		left[(*nleft)++] = text;
	if (match && i < n && is_hint(lines[i], "Match with:"))
		for (i++; i < n && *nright < QUESTION_MAX_CHOICES && choice_line(lines[i], &text) == (int)*nright; i++)
			right[(*nright)++] = text;
	if (i != n || (match && *nright != *nleft))
		return match ? "a matching note whose items do not read as 1. ..., Match with:, a) ..."
			     : "an ordering note whose items do not read as 1. 2. 3.";
	rejoin(lines, 0, first);
	trim_end(lines[0]);
	return (q->ask = strdup(lines[0])) ? NULL : "out of memory";
}

const char *import_fields_parse_arranged(struct import_question *q, bool match, char *question, char *answer,
					 char *title, size_t title_size)
{
	q->truth = -1;
	q->order = !match;
	q->match = match;
	const char *left[QUESTION_MAX_CHOICES], *right[QUESTION_MAX_CHOICES];
	size_t nleft, nright;
	const char *error = shown_rows(question, match, q, left, &nleft, right, &nright);
	if (error)
		return error;
	const char *back = before_footer(answer, title, title_size);
	char *copy = strdup(back), *lines[MAX_LINES];
	if (!copy)
		return "out of memory";
	size_t n = text_split(copy, '\n', lines, MAX_LINES), used[QUESTION_MAX_CHOICES] = { 0 };
	const char *key = n > 0 && strncmp(lines[0], "Answer: ", 8) == 0 ? lines[0] + 8 : NULL;
	/* "2 1 3 4": the shown numbers in the right order; "1b 2a": each item's letter. */
	for (const char *p = key; p && *p && !error; p += strspn(p, " ")) {
		size_t k = q->nchoices, shown = (size_t)(*p - '1');
		if (k >= nleft || shown >= nleft || (match && (p[1] < 'a' || (size_t)(p[1] - 'a') >= nright)) ||
		    used[shown]++) {
			error = "the answer does not fit the items";
			break;
		}
		q->choices[k] = strdup(left[match ? k : shown]);
		q->matches[k] = match ? strdup(right[p[1] - 'a']) : NULL;
		q->correct[k] = true;
		q->nchoices++;
		if (!q->choices[k] || (match && !q->matches[k]))
			error = "out of memory";
		p += match ? 2 : 1;
	}
	if (!error && (!key || q->nchoices != nleft))
		error = "no 'Answer:' line that gives every item its place";
	/* After the key and the right order in words: the explanation. */
	size_t from = 2;
	while (!error && from < n && !lines[from][0])
		from++;
	if (!error && from < n) {
		rejoin(lines, from, n);
		trim_end(lines[from]);
		if (*lines[from] && !(q->explain = strdup(lines[from])))
			error = "out of memory";
	}
	free(copy);
	return error;
}
