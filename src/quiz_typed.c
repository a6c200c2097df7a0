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

enum typed_verdict quiz_typed_check(const struct quiz_question *question, const char *text, size_t *which)
{
	if (which)
		*which = 0;
	if (question->type != QUESTION_TYPED || text_blank(text))
		return TYPED_WRONG;
	enum typed_verdict verdict = TYPED_WRONG;
	size_t typo_at = 0;
	for (size_t c = 0; c < question->nchoices && verdict != TYPED_RIGHT; c++) {
		int got = compare(text, question->choices[c]);
		if (got < 0)
			break;
		if (got == TYPED_RIGHT) {
			verdict = TYPED_RIGHT;
			if (which)
				*which = c;
		} else if (got == TYPED_TYPO && verdict == TYPED_WRONG) {
			verdict = TYPED_TYPO;
			typo_at = c;
		}
	}
	if (verdict == TYPED_TYPO && which)
		*which = typo_at;
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

const char *quiz_typed_answers(const struct quiz_question *question, char *buf, size_t size)
{
	size_t used = 0;
	if (size)
		buf[0] = '\0';
	for (size_t c = 0; c < question->nchoices && used + 1 < size; c++) {
		int n = snprintf(buf + used, size - used, "%s%s%s", c == 1 ? " (also accepted: " : c ? "; " : "",
				 question->choices[c], c > 0 && c + 1 == question->nchoices ? ")" : "");
		if (n < 0)
			break;
		used += (size_t)n < size - used ? (size_t)n : size - used - 1;
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

const char *quiz_typed_confirm(const char *meant, bool utf8, char *buf, size_t size)
{
	snprintf(buf, size, utf8 ? "Did you mean \xE2\x80\x9C%s\xE2\x80\x9D? Count it as right? (y/n)"
				 : "Did you mean \"%s\"? Count it as right? (y/n)",
		 meant);
	return buf;
}
