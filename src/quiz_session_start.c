/* quiz_session_start — making a session: the modes and kinds by name, the
 * seeded shuffle, the items (a question with its display order) and the
 * queue each mode starts from; quiz_session.c answers and grades them. */
#include "quiz.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "confusions.h"
#include "quiz_internal.h"
#include "quiz_order.h"
#include "quiz_typed.h"

static const char *const mode_names[] = { "practice", "review", "exam", "cram" };

const char *quiz_mode_name(enum quiz_mode mode)
{
	return (unsigned)mode < 4 ? mode_names[mode] : "?";
}

int quiz_mode_parse(const char *name)
{
	for (int i = 0; i < 4; i++)
		if (name && strcmp(name, mode_names[i]) == 0)
			return i;
	return -1;
}

const struct quiz_kind quiz_kinds[] = {
	{ "practice", QUIZ_PRACTICE, QUIZ_DRILL_NONE, 0 },
	{ "review", QUIZ_REVIEW, QUIZ_DRILL_NONE, 0 },
	{ "exam", QUIZ_EXAM, QUIZ_DRILL_NONE, 0 },
	{ "cram", QUIZ_CRAM, QUIZ_DRILL_NONE, 0 },
	{ "mistakes", QUIZ_PRACTICE, QUIZ_DRILL_MISTAKES, 1 },
	{ "mistakes-week", QUIZ_PRACTICE, QUIZ_DRILL_MISTAKES, 7 },
	{ "weakest", QUIZ_PRACTICE, QUIZ_DRILL_WEAKEST, 0 },
};

const size_t quiz_nkinds = sizeof quiz_kinds / sizeof *quiz_kinds;

const struct quiz_kind *quiz_kind_find(const char *name)
{
	for (size_t i = 0; name && i < quiz_nkinds; i++)
		if (strcmp(name, quiz_kinds[i].name) == 0)
			return &quiz_kinds[i];
	return NULL;
}

/* splitmix64: small, fast and the same on every platform, so a seed gives
 * the same session everywhere. */
uint64_t quiz_next_random(unsigned long long *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static size_t random_below(unsigned long long *state, size_t n)
{
	return n ? (size_t)(quiz_next_random(state) % n) : 0;
}

static void shuffle(unsigned long long *state, size_t *a, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = random_below(state, i);
		size_t t = a[i - 1];
		a[i - 1] = a[j];
		a[j] = t;
	}
}

static bool in_scope(const struct quiz_settings *settings, const struct quiz_question *question)
{
	const struct card *card = question->card;
	if (settings->contrast[0] && settings->contrast[1])
		return confusion_contrasts(question, settings->contrast[0], settings->contrast[1]);
	if (settings->types && !((settings->types >> question->type) & 1u))
		return false;
	if (settings->ntopics == 0)
		return true;
	for (size_t i = 0; i < settings->ntopics; i++)
		if (card_in_topic(card, settings->topics[i]))
			return true;
	return false;
}

/* A fresh item for a question, its choices shuffled; true/false keeps its
 * natural True, False order. */
static struct quiz_item make_item(struct quiz_session *session, const struct quiz_question *question)
{
	struct quiz_item item = { .question = question, .inserted = NO_ITEM };
	size_t order[QUESTION_MAX_CHOICES];
	for (size_t i = 0; i < question->nchoices; i++)
		order[i] = i;
	if (question->type != QUESTION_TRUE_FALSE && quiz_typed_parts(question) == 0)
		shuffle(&session->rng, order, question->nchoices);
	for (size_t i = 0; i < question->nchoices; i++)
		item.order[i] = (unsigned char)order[i];
	quiz_arranged_unsort(question->type, question->nchoices, item.order);
	return item;
}

struct quiz_item quiz_item_make(struct quiz_session *session, const struct quiz_question *question)
{
	return make_item(session, question);
}

int quiz_insert_item(struct quiz_session *session, size_t at, const struct quiz_question *question)
{
	if (session->count == session->alloc) {
		size_t alloc = session->alloc ? session->alloc * 2 : 32;
		struct quiz_item *items = realloc(session->items, alloc * sizeof *items);
		size_t *history = realloc(session->history, alloc * sizeof *history);
		if (items)
			session->items = items;
		if (history)
			session->history = history;
		if (!items || !history)
			return -1;
		session->alloc = alloc;
	}
	struct quiz_item item = make_item(session, question);
	if (quiz_case_begin(session, &item) < 0)
		return -1;
	memmove(&session->items[at + 1], &session->items[at], (session->count - at) * sizeof *session->items);
	session->items[at] = item;
	session->count++;
	return 0;
}

struct mistake_scan {
	const struct quiz_bank *bank;
	bool *wrong;		/* per bank question */
	long first_day;		/* study days from first_day on count */
	int rollover_hour;
};

static int collect_mistake(const struct progress_review *review, void *ctx)
{
	struct mistake_scan *scan = ctx;
	if (review->grade != FSRS_AGAIN || clock_day(review->at, scan->rollover_hour) < scan->first_day)
		return 0;
	const struct quiz_question *q = quiz_bank_find(scan->bank, review->question_id);
	if (q)
		scan->wrong[q - scan->bank->items] = true;
	return 0;
}

/* A mistakes drill keeps, of the scope, the questions answered wrong (or
 * "I don't know") on one of the last drill_days study days. */
static int keep_mistakes(struct quiz_session *session, size_t *scope, size_t *nscope)
{
	if (!session->progress) {
		*nscope = 0;
		return 0;
	}
	const struct quiz_settings *s = &session->settings;
	int days = s->drill_days > 0 ? s->drill_days : 1;
	struct mistake_scan scan = { .bank = session->bank, .rollover_hour = s->schedule.rollover_hour };
	scan.first_day = clock_day(clock_now(), scan.rollover_hour) - (days - 1);
	scan.wrong = calloc(session->bank->count + 1, sizeof *scan.wrong);
	if (!scan.wrong || progress_each_review(session->progress, collect_mistake, &scan) < 0) {
		free(scan.wrong);
		return -1;
	}
	size_t kept = 0;
	for (size_t k = 0; k < *nscope; k++)
		if (scan.wrong[scope[k]])
			scope[kept++] = scope[k];
	*nscope = kept;
	free(scan.wrong);
	return 0;
}

int quiz_session_start(struct quiz_session *session, const struct quiz_bank *bank, struct progress *progress,
		       const struct quiz_settings *settings)
{
	memset(session, 0, sizeof *session);
	session->bank = bank;
	session->progress = progress;
	session->settings = *settings;
	session->rng = settings->seed;
	session->started = clock_now();
	progress_effective_schedule(progress, &session->settings.schedule);
	if (settings->mode == QUIZ_EXAM && settings->minutes > 0)
		session->deadline = session->started + (time_t)settings->minutes * 60;
	session->asked_once = calloc(bank->count + 1, sizeof *session->asked_once);
	size_t *scope = malloc((bank->count + 1) * sizeof *scope);
	if (!session->asked_once || !scope)
		goto fail;
	size_t nscope = 0;
	for (size_t i = 0; i < bank->count; i++)
		if (in_scope(settings, &bank->items[i]))
			scope[nscope++] = i;
	if (settings->drill == QUIZ_DRILL_MISTAKES && keep_mistakes(session, scope, &nscope) < 0)
		goto fail;
	if (settings->mode == QUIZ_REVIEW || settings->mode == QUIZ_CRAM) {
		if ((settings->mode == QUIZ_REVIEW ? quiz_queue_review : quiz_queue_cram)(session, scope, nscope) < 0)
			goto fail;
	} else {
		shuffle(&session->rng, scope, nscope);
		size_t limit = settings->count ? settings->count : nscope;
		if (settings->mode == QUIZ_EXAM && !settings->count)
			limit = QUIZ_DEFAULT_EXAM_QUESTIONS;
		for (size_t k = 0; k < nscope && k < limit; k++)
			if (quiz_insert_item(session, session->count, &bank->items[scope[k]]) < 0)
				goto fail;
	}
	free(scope);
	return 0;
fail:
	free(scope);
	quiz_session_release(session);
	return -1;
}

void quiz_session_release(struct quiz_session *session)
{
	for (size_t i = 0; i < session->count; i++)
		quiz_case_free(&session->items[i]);
	free(session->items);
	free(session->history);
	free(session->asked_once);
	session->items = NULL;
	session->history = NULL;
	session->asked_once = NULL;
	session->count = session->alloc = session->nhistory = session->current = 0;
}
