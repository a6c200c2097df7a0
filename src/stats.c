/* stats — reducing the review log and memory states to study statistics
 * (see include/stats.h).  The bar drawing lives here too; the layout is in
 * stats_render.c. */
#include "stats.h"
#include "workload.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "strtab.h"
#include "text.h"

/* ---- a small string -> number map (question and card ids) ---- */

/* A strtab whose keys are copies it owns, each with a number. */
struct id_map {
	struct strtab table;
};

static long *map_find(const struct id_map *map, const char *key)
{
	struct strtab_slot *slot = strtab_find(&map->table, key);
	return slot ? &slot->number : NULL;
}

/* Adds a copy of key with value unless present; returns 0 (added or
 * already there) or -1. */
static int map_add(struct id_map *map, const char *key, long value)
{
	char *copy = strdup(key);
	if (!copy)
		return -1;
	bool added = false;
	struct strtab_slot *slot = strtab_put(&map->table, copy, &added);
	if (!slot || !added) {
		free(copy);
		return slot ? 0 : -1;
	}
	slot->key = copy;	/* already so; said here, the table owns copy now (map_release) */
	slot->number = value;
	return 0;
}

static void map_release(struct id_map *map)
{
	for (size_t i = 0; i < map->table.size; i++)
		free((char *)map->table.slots[i].key);
	strtab_release(&map->table);
}

/* ---- computing ---- */

struct compute {
	struct stats *stats;
	const struct fsrs_params *params;
	struct id_map first_day;	/* question id -> study day first answered */
	struct id_map question_topic;	/* question id -> index into stats->topics (bank given) */
	double *recall_sum;		/* per topic */
	time_t now;
	bool have_bank;
	bool failed;			/* out of memory inside a callback */
};

static int on_review(const struct progress_review *review, void *ctx)
{
	struct compute *c = ctx;
	struct stats *s = c->stats;
	long day = clock_day(review->at, s->rollover_hour);
	long first_index = s->today - (STATS_HISTORY_DAYS - 1);
	bool in_window = day >= first_index && day <= s->today;

	s->reviews_total++;
	if (in_window)
		s->reviews[day - first_index]++;
	long *first = map_find(&c->first_day, review->question_id);
	if (!first) {
		if (map_add(&c->first_day, review->question_id, day) < 0) {
			c->failed = true;
			return 1;
		}
		return 0;
	}
	/* Re-asks within a session are logged without updating the memory: they
	 * follow a wrong answer minutes earlier and would flatter the figure. */
	if (!review->updated_memory || day <= *first)
		return 0;
	bool correct = review->grade >= FSRS_HARD;
	s->retention_total_all++;
	s->retention_correct_all += correct;
	if (in_window) {
		s->retention_total++;
		s->retention_correct += correct;
	}
	return 0;
}

static int on_state(const char *question_id, const char *card_id, const struct progress_state *state,
		    void *ctx)
{
	struct compute *c = ctx;
	struct stats *s = c->stats;
	long *topic = NULL;

	(void)card_id;
	if (c->have_bank && !(topic = map_find(&c->question_topic, question_id))) {
		s->orphans++;
		return 0;
	}
	long ahead = state->due_day - s->today;
	if (ahead <= 0) {
		s->due_today++;
		s->forecast[0]++;
	} else if (ahead < STATS_FORECAST_DAYS) {
		s->forecast[ahead]++;
	}
	if (topic && state->stability > 0) {
		/* The chance of recall now, to the second: a question failed an
		 * hour ago has a short stability and has already faded a little,
		 * where whole days would call it certain until tomorrow. */
		double elapsed = difftime(c->now, state->last_review) / 86400.0;
		double recall = fsrs_retrievability(c->params, elapsed > 0 ? elapsed : 0.0, state->stability);
		if (!isfinite(recall))
			recall = 0;
		c->recall_sum[*topic] += recall < 0 ? 0 : recall > 1 ? 1 : recall;
		s->topics[*topic].seen++;
		s->topics[*topic].lapses += state->lapses;
		s->seen++;
	}
	return 0;
}

static int by_title(const void *a, const void *b)
{
	const struct stats_topic *x = a, *y = b;
	int order = text_casecmp(x->card->title, y->card->title);
	return order ? order : strcmp(x->card->id, y->card->id);
}

/* Weakest first: seen topics by recall, lowest first (more lapses first on a
 * tie), then the topics not studied yet; titles break the remaining ties. */
static int weakest_first(const void *a, const void *b)
{
	const struct stats_topic *x = a, *y = b;
	if ((x->seen > 0) != (y->seen > 0))
		return x->seen > 0 ? -1 : 1;
	if (x->seen > 0 && x->recall != y->recall)
		return x->recall < y->recall ? -1 : 1;
	if (x->lapses != y->lapses)
		return x->lapses > y->lapses ? -1 : 1;
	return by_title(a, b);
}

/* One topic per card with questions, sorted by title; then each question id
 * mapped to its topic. */
static int build_topics(struct compute *c, const struct quiz_bank *bank)
{
	struct stats *s = c->stats;
	struct id_map card_topic = { 0 };
	int rc = -1;

	s->topics = calloc(bank->count ? bank->count : 1, sizeof *s->topics);
	if (!s->topics)
		return -1;
	for (size_t i = 0; i < bank->count; i++) {
		const struct card *card = bank->items[i].card;
		if (!card || !card->id || !bank->items[i].id)
			continue;
		if (!map_find(&card_topic, card->id)) {
			if (map_add(&card_topic, card->id, 0) < 0)
				goto done;
			s->topics[s->ntopics++].card = card;
		}
	}
	qsort(s->topics, s->ntopics, sizeof *s->topics, by_title);
	for (size_t t = 0; t < s->ntopics; t++)
		*map_find(&card_topic, s->topics[t].card->id) = (long)t;
	for (size_t i = 0; i < bank->count; i++) {
		const struct quiz_question *q = &bank->items[i];
		if (!q->card || !q->card->id || !q->id || map_find(&c->question_topic, q->id))
			continue;	/* a duplicate id counts once, for its first card */
		long t = *map_find(&card_topic, q->card->id);
		if (map_add(&c->question_topic, q->id, t) < 0)
			goto done;
		s->topics[t].questions++;
	}
	for (size_t t = 0; t < s->ntopics; t++)
		s->questions += s->topics[t].questions;
	c->recall_sum = calloc(s->ntopics ? s->ntopics : 1, sizeof *c->recall_sum);
	rc = c->recall_sum ? 0 : -1;
done:
	map_release(&card_topic);
	return rc;
}

int stats_compute(struct stats *stats, struct progress *progress, const struct quiz_bank *bank,
		  const struct fsrs_params *params, int rollover_hour, time_t now)
{
	struct compute c = { .stats = stats, .params = params, .have_bank = bank != NULL, .now = now };
	int rc = -1;

	memset(stats, 0, sizeof *stats);
	stats->rollover_hour = rollover_hour;
	stats->today = clock_day(now, rollover_hour);
	if (!progress || !params)
		return -1;
	if (bank && build_topics(&c, bank) < 0)
		goto done;
	if (progress_each_review(progress, on_review, &c) < 0 || c.failed)
		goto done;
	if (progress_each_state(progress, on_state, &c) < 0 || c.failed)
		goto done;
	for (size_t t = 0; t < stats->ntopics; t++)
		if (stats->topics[t].seen)
			stats->topics[t].recall = c.recall_sum[t] / (double)stats->topics[t].seen;
	/* Sorted only now: question_topic holds indices into the title order. */
	if (stats->ntopics > 1)	/* no topics: a NULL array, which qsort may not take */
		qsort(stats->topics, stats->ntopics, sizeof *stats->topics, weakest_first);
	rc = 0;
done:
	map_release(&c.first_day);
	map_release(&c.question_topic);
	free(c.recall_sum);
	if (rc < 0) {
		stats_release(stats);
		stats->rollover_hour = rollover_hour;
		stats->today = clock_day(now, rollover_hour);
	}
	return rc;
}

void stats_release(struct stats *stats)
{
	if (!stats)
		return;
	free(stats->topics);
	if (stats->workload)
		workload_release(stats->workload);
	free(stats->workload);
	memset(stats, 0, sizeof *stats);
}

double stats_ratio(long correct, long total)
{
	return total > 0 ? (double)correct / (double)total : -1;
}

/* ---- bars ---- */

int stats_bar(char *buf, size_t size, double value, double max, int width, bool utf8)
{
	/* U+2588 FULL BLOCK down to U+258F LEFT ONE EIGHTH BLOCK: [k] is k eighths. */
	static const char *const eighths[9] = {
		"", "\xE2\x96\x8F", "\xE2\x96\x8E", "\xE2\x96\x8D", "\xE2\x96\x8C",
		"\xE2\x96\x8B", "\xE2\x96\x8A", "\xE2\x96\x89", "\xE2\x96\x88",
	};
	const long steps = utf8 ? 8 : 1;

	if (size == 0)
		return 0;
	buf[0] = '\0';
	if (!(value > 0) || !(max > 0) || width <= 0)
		return 0;
	long total = (long)width * steps, filled;
	if (value >= max)
		filled = total;
	else {
		filled = lround(value / max * (double)total);
		if (filled < 1)
			filled = 1;	/* something, however little, is not nothing */
		if (filled > total)
			filled = total;
	}
	size_t used = 0;
	int cols = 0;
	for (; filled > 0; filled -= steps, cols++) {
		const char *cell = utf8 ? eighths[filled >= 8 ? 8 : filled] : "#";
		size_t len = strlen(cell);
		if (used + len + 1 > size)
			break;
		memcpy(buf + used, cell, len);
		used += len;
	}
	buf[used] = '\0';
	return cols;
}
