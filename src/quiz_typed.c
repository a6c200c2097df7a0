/* quiz_typed — see include/quiz_typed.h. */
#include "quiz_typed.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "translit.h"

#define MAX_WORDS 16

/* The folded form of s, lower-cased, with a trailing word "receptor(s)"
 * dropped when strip is set; each word's start is kept in starts[]
 * (text_fold marks a word that followed a space or dash with a capital).
 * NULL when out of memory. */
static char *fold_words(const char *s, bool strip, size_t *starts, size_t *nwords)
{
	size_t len = text_fold(s, strlen(s), NULL);
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	text_fold(s, strlen(s), out);
	*nwords = 0;
	for (size_t i = 0; i < len; i++) {
		bool start = i == 0 || isupper((unsigned char)out[i]) || !isalnum((unsigned char)out[i - 1]);
		if (start && isalnum((unsigned char)out[i]) && *nwords < MAX_WORDS)
			starts[(*nwords)++] = i;
	}
	if (strip && *nwords > 1) {
		const char *last = out + starts[*nwords - 1];
		if (strcmp(last, "Receptor") == 0 || strcmp(last, "Receptors") == 0) {
			out[starts[*nwords - 1]] = '\0';
			(*nwords)--;
		}
	}
	for (char *p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

static bool has_digit(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (isdigit((unsigned char)s[i]))
			return true;
	return false;
}

/* Word i of a folded string: from starts[i] to the next word's start. */
static size_t word_len(const char *s, const size_t *starts, size_t n, size_t i)
{
	return (i + 1 < n ? starts[i + 1] : strlen(s)) - starts[i];
}

/* One small typo apart (see the header): every word equal but one. */
static bool one_typo(const char *typed, const size_t *ts, size_t tn, const char *answer, const size_t *as,
		     size_t an)
{
	if (tn != an || tn == 0)
		return false;
	size_t differing = 0, at = 0;
	for (size_t i = 0; i < an; i++) {
		size_t tl = word_len(typed, ts, tn, i), al = word_len(answer, as, an, i);
		if (tl != al || strncmp(typed + ts[i], answer + as[i], al) != 0) {
			differing++;
			at = i;
		}
	}
	if (differing != 1)
		return false;
	size_t tl = word_len(typed, ts, tn, at), al = word_len(answer, as, an, at);
	if (al < 4 || has_digit(answer + as[at], al) || has_digit(typed + ts[at], tl))
		return false;
	char tw[128], aw[128];
	if (tl >= sizeof tw || al >= sizeof aw)
		return false;
	memcpy(tw, typed + ts[at], tl);
	tw[tl] = '\0';
	memcpy(aw, answer + as[at], al);
	aw[al] = '\0';
	/* A swap of two neighbours is one typo, though two edits. */
	if (tl == al)
		for (size_t k = 0; k + 1 < al; k++)
			if (tw[k] != aw[k]) {
				if (tw[k] == aw[k + 1] && tw[k + 1] == aw[k] && strcmp(tw + k + 2, aw + k + 2) == 0)
					return true;
				break;
			}
	return text_edit_distance(tw, aw, 1) <= 1;
}

/* How text compares with one accepted answer: equal once a trailing
 * "receptor" is dropped from both, or one typo apart with it dropped from
 * both or kept in both.  -1 when out of memory. */
static int compare(const char *text, const char *accepted)
{
	int verdict = -1;
	for (int strip = 1; strip >= 0 && verdict != TYPED_RIGHT && verdict != TYPED_TYPO; strip--) {
		size_t ts[MAX_WORDS], tn, as[MAX_WORDS], an;
		char *typed = fold_words(text, strip, ts, &tn), *answer = fold_words(accepted, strip, as, &an);
		if (typed && answer)
			verdict = strip && *answer && strcmp(typed, answer) == 0 ? TYPED_RIGHT
				  : one_typo(typed, ts, tn, answer, as, an)  ? TYPED_TYPO
									      : TYPED_WRONG;
		free(typed);
		free(answer);
	}
	return verdict;
}

#define MAX_ALTERNATIVES QUESTION_MAX_CHOICES

size_t quiz_typed_parts(const struct quiz_question *question)
{
	return question->type == QUESTION_TYPED ? (question->nchoices > 0)
	       : question->type == QUESTION_CLOZE ? question->nchoices
						   : 0;
}

static size_t split_gap(const char *spec, char *copy, size_t size, const char **out);

/* The accepted answers of one part, pointing into copy (a cloze gap's
 * "a|b|c" split there).  Returns how many. */
static size_t alternatives(const struct quiz_question *question, size_t part, char *copy, size_t size,
			   const char **out)
{
	if (question->type == QUESTION_TYPED) {
		for (size_t c = 0; c < question->nchoices; c++)
			out[c] = question->choices[c];
		return part == 0 ? question->nchoices : 0;
	}
	if (question->type != QUESTION_CLOZE || part >= question->nchoices)
		return 0;
	return split_gap(question->choices[part], copy, size, out);
}

/* A gap's "a|b|c" split in copy: how many, pointed to by out[]. */
static size_t split_gap(const char *spec, char *copy, size_t size, const char **out)
{
	char *parts[MAX_ALTERNATIVES];
	snprintf(copy, size, "%s", spec);
	size_t n = text_split(copy, '|', parts, MAX_ALTERNATIVES);
	out[0] = copy;	/* text_split() gives one piece at least (an empty gap: "") */
	for (size_t i = 0; i < n; i++)
		out[i] = parts[i];
	return n;
}

/* The verdict of text against alternatives; *which: the one matched. */
static enum typed_verdict check_alternatives(const char *const *alts, size_t n, const char *text, size_t *which)
{
	*which = 0;
	if (text_blank(text))
		return TYPED_WRONG;
	enum typed_verdict verdict = TYPED_WRONG;
	for (size_t c = 0; c < n && verdict != TYPED_RIGHT; c++) {
		int got = compare(text, alts[c]);
		if (got < 0)
			break;
		if (got == TYPED_RIGHT || (got == TYPED_TYPO && verdict == TYPED_WRONG)) {
			verdict = (enum typed_verdict)got;
			*which = c;
		}
	}
	return verdict;
}

enum typed_verdict quiz_typed_check_part(const struct quiz_question *question, size_t part, const char *text,
					 char *meant, size_t meant_size)
{
	char copy[1024];
	const char *alts[MAX_ALTERNATIVES];
	size_t n = alternatives(question, part, copy, sizeof copy, alts), which;
	enum typed_verdict verdict = check_alternatives(alts, n, text, &which);
	if (meant && meant_size)
		snprintf(meant, meant_size, "%s", verdict != TYPED_WRONG ? alts[which] : "");
	return verdict;
}

enum typed_verdict quiz_typed_check(const struct quiz_question *question, const char *text, size_t *which)
{
	size_t matched = 0;
	enum typed_verdict verdict = TYPED_WRONG;
	if (question->type == QUESTION_TYPED)
		verdict = check_alternatives(question->choices, question->nchoices, text, &matched);
	if (which)
		*which = verdict == TYPED_WRONG ? 0 : matched;
	return verdict;
}

bool quiz_typed_fair(const char *value, const char *title)
{
	if (text_blank(value) || strlen(value) > QUIZ_TYPED_NAME_BYTES || strpbrk(value, ",;()[]/") ||
	    strstr(value, "—") || strstr(value, " - "))
		return false;
	size_t words = 1;
	for (const char *p = value; *p; p++)
		words += *p == ' ' && p[1] && p[1] != ' ';
	if (words > QUIZ_TYPED_NAME_WORDS)
		return false;
	/* "What is the receptor of GABA-B agonists?" would give it away. */
	size_t vs[MAX_WORDS], vn, ts[MAX_WORDS], tn;
	char *v = fold_words(value, true, vs, &vn), *t = fold_words(title, true, ts, &tn);
	bool fair = v && t && *v && !strstr(t, v);
	free(v);
	free(t);
	return fair;
}

/* Appends s[0..len) to buf[*used..size), cut to fit (buf stays terminated). */
static void append_n(char *buf, size_t size, size_t *used, const char *s, size_t len)
{
	if (*used + 1 >= size)
		return;
	if (len > size - *used - 1)
		len = size - *used - 1;
	memcpy(buf + *used, s, len);
	*used += len;
	buf[*used] = '\0';
}

static void append(char *buf, size_t size, size_t *used, const char *s)
{
	append_n(buf, size, used, s, strlen(s));
}

const char *quiz_typed_answers(const struct quiz_question *question, char *buf, size_t size)
{
	size_t used = 0;
	if (size)
		buf[0] = '\0';
	size_t parts = quiz_typed_parts(question);
	for (size_t part = 0; part < parts; part++) {
		char copy[1024], number[32];
		const char *alts[MAX_ALTERNATIVES];
		size_t n = alternatives(question, part, copy, sizeof copy, alts);
		snprintf(number, sizeof number, "(%zu) ", part + 1);
		if (part)
			append(buf, size, &used, "; ");
		if (question->type == QUESTION_CLOZE)
			append(buf, size, &used, number);
		for (size_t c = 0; c < n; c++) {
			append(buf, size, &used, c == 1 ? " (also accepted: " : c ? "; " : "");
			append(buf, size, &used, alts[c]);
		}
		if (n > 1)
			append(buf, size, &used, ")");
	}
	return buf;
}

const char *quiz_cloze_text(const char *ask, const char *const *gaps, size_t ngaps, enum cloze_style style, char *buf,
			    size_t size)
{
	size_t used = 0;
	if (size)
		buf[0] = '\0';
	for (const char *p = ask; p && *p;) {
		const char *gap = strstr(p, QUESTION_CLOZE_GAP);
		if (!gap) {
			append(buf, size, &used, p);
			break;
		}
		char *end;
		unsigned long number = strtoul(gap + strlen(QUESTION_CLOZE_GAP), &end, 10);
		append_n(buf, size, &used, p, (size_t)(gap - p));
		if (*end != ']' || number == 0 || number > ngaps) {
			append(buf, size, &used, "[");	/* not a gap after all */
			p = gap + 1;
			continue;
		}
		char copy[1024], tag[32];
		const char *alts[MAX_ALTERNATIVES];
		split_gap(gaps[number - 1], copy, sizeof copy, alts);
		snprintf(tag, sizeof tag, "{{c%lu::", number);
		append(buf, size, &used, style == CLOZE_ANKI ? tag : style == CLOZE_MARKED ? "{{" : "");
		append(buf, size, &used, style == CLOZE_MARKED ? gaps[number - 1] : alts[0]);
		append(buf, size, &used, style == CLOZE_FILLED ? "" : "}}");
		p = end + 1;
	}
	return buf;
}

bool quiz_typed_dont_know(const char *text)
{
	text += strspn(text, " \t");
	size_t len = strlen(text);
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	return len == 1 && (*text == 'x' || *text == 'X' || *text == '?');
}

bool quiz_dont_know_or_blank(const char *text)
{
	return text_blank(text) || quiz_typed_dont_know(text);
}

const char *quiz_typed_confirm(const char *meant, bool utf8, char *buf, size_t size)
{
	snprintf(buf, size, utf8 ? "Did you mean \xE2\x80\x9C%s\xE2\x80\x9D? Count it as right? (y/n)"
				 : "Did you mean \"%s\"? Count it as right? (y/n)",
		 meant);
	return buf;
}
