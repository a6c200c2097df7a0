/* fsrs_fit_data — from reviews to training items, as fsrs-rs (and its npm
 * binding's CSV converter) builds them, and fsrs-rs's outlier filter.
 */
#include "fsrs_fit_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "order.h"
#include "text.h"

/* ---- collecting a history ---- */

void fsrs_history_init(struct fsrs_history *history)
{
	memset(history, 0, sizeof *history);
}

void fsrs_history_release(struct fsrs_history *history)
{
	text_free_list(history->card_names, history->card_count);
	free(history->slots);
	free(history->entries);
	fsrs_history_init(history);
}

static uint64_t name_hash(const char *name)
{
	uint64_t hash = 1469598103934665603ULL; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		hash = (hash ^ *p) * 1099511628211ULL;
	return hash;
}

/* The slot holding name, or the empty slot where it belongs. */
static size_t find_slot(const struct fsrs_history *history, const char *name)
{
	size_t mask = history->slot_count - 1;
	size_t slot = (size_t)name_hash(name) & mask;
	while (history->slots[slot] != 0 && strcmp(history->card_names[history->slots[slot] - 1], name) != 0)
		slot = (slot + 1) & mask;
	return slot;
}

static int grow_slots(struct fsrs_history *history)
{
	size_t count = history->slot_count ? history->slot_count * 2 : 64;
	size_t *slots = calloc(count, sizeof *slots);
	if (!slots)
		return -1;
	free(history->slots);
	history->slots = slots;
	history->slot_count = count;
	for (size_t card = 0; card < history->card_count; card++)
		history->slots[find_slot(history, history->card_names[card])] = card + 1;
	return 0;
}

size_t fsrs_history_card(struct fsrs_history *history, const char *name)
{
	if ((history->card_count + 1) * 2 > history->slot_count && grow_slots(history) != 0)
		return (size_t)-1;
	size_t slot = find_slot(history, name);
	if (history->slots[slot] != 0)
		return history->slots[slot] - 1;
	if (array_grow(&history->card_names, &history->card_alloc, history->card_count,
		       sizeof *history->card_names) < 0)
		return (size_t)-1;
	char *copy = strdup(name);
	if (!copy)
		return (size_t)-1;
	history->card_names[history->card_count] = copy;
	history->slots[slot] = ++history->card_count;
	return history->card_count - 1;
}

int fsrs_history_add(struct fsrs_history *history, const struct fsrs_history_entry *entry)
{
	if (entry->rating < FSRS_AGAIN || entry->rating > FSRS_EASY || entry->card >= history->card_count)
		return -1;
	if (array_grow(&history->entries, &history->alloc, history->count, sizeof *history->entries) < 0)
		return -1;
	history->entries[history->count++] = *entry;
	return 0;
}

/* ---- building the items ---- */

void fsrs_dataset_release(struct fsrs_dataset *dataset)
{
	free(dataset->reviews);
	free(dataset->items);
	free(dataset->by_card);
	memset(dataset, 0, sizeof *dataset);
}

/* Entry order: by card, then time, then input order (a stable sort). */
struct entry_key {
	size_t card;
	long long time_ms;
	size_t index;
};

static int by_card_and_time(const void *a, const void *b)
{
	const struct entry_key *x = a, *y = b;
	return order_then(ORDER(x->card, y->card),
			  order_then(ORDER(x->time_ms, y->time_ms), ORDER(x->index, y->index)));
}

struct timed_item {
	struct fsrs_fit_item item;
	long long time_ms;
	size_t order;
};

static int by_time(const void *a, const void *b)
{
	const struct timed_item *x = a, *y = b;
	return order_then(ORDER(x->time_ms, y->time_ms), ORDER(x->order, y->order));
}

static bool is_learning(const struct fsrs_history_entry *entry)
{
	return entry->state <= 1;
}

/* Adds one card's reviews (order[begin..end), in time order) and its items. */
static void add_card(struct fsrs_dataset *out, struct timed_item *timed, size_t *timed_count,
		     const struct fsrs_history_entry *entries, const struct entry_key *order, size_t begin,
		     size_t end)
{
	/* Only the last run of new/learning reviews and what follows: a card
	 * reset to new starts its history again. */
	size_t start = end;
	for (size_t i = end; i-- > begin;) {
		if (is_learning(&entries[order[i].index]))
			start = i;
		else if (start != end)
			break;
	}
	if (start == end)
		return;
	size_t base = out->review_count;
	bool gave_item = false;
	for (size_t i = start; i < end; i++) {
		const struct fsrs_history_entry *e = &entries[order[i].index];
		long days = i == start ? 0 : e->day - entries[order[i - 1].index].day;
		struct fsrs_fit_review *r = &out->reviews[out->review_count++];
		r->rating = e->rating;
		r->delta_t = days > 0 ? (unsigned)days : 0;
		if (i > start && r->delta_t > 0) {
			struct timed_item *t = &timed[*timed_count];
			t->item.first = base;
			t->item.length = (unsigned)(i - start + 1);
			t->time_ms = e->time_ms;
			t->order = (*timed_count)++;
			gave_item = true;
		}
	}
	out->cards += gave_item;
}

int fsrs_dataset_build(const struct fsrs_history *history, struct fsrs_dataset *out)
{
	size_t n = history->count;
	memset(out, 0, sizeof *out);
	out->source_reviews = n;
	if (n == 0)
		return 0;
	struct entry_key *order = malloc(n * sizeof *order);
	struct timed_item *timed = malloc(n * sizeof *timed);
	out->reviews = malloc(n * sizeof *out->reviews);
	if (!order || !timed || !out->reviews) {
		free(order);
		free(timed);
		fsrs_dataset_release(out);
		return -1;
	}
	out->review_alloc = n;
	for (size_t i = 0; i < n; i++)
		order[i] = (struct entry_key){ history->entries[i].card, history->entries[i].time_ms, i };
	qsort(order, n, sizeof *order, by_card_and_time);

	size_t timed_count = 0;
	for (size_t begin = 0, end; begin < n; begin = end) {
		for (end = begin + 1; end < n && order[end].card == order[begin].card; end++)
			;
		add_card(out, timed, &timed_count, history->entries, order, begin, end);
	}
	free(order);

	qsort(timed, timed_count, sizeof *timed, by_time);
	out->items = malloc((timed_count ? timed_count : 1) * sizeof *out->items);
	out->by_card = malloc((timed_count ? timed_count : 1) * sizeof *out->by_card);
	if (!out->items || !out->by_card) {
		free(timed);
		fsrs_dataset_release(out);
		return -1;
	}
	/* Items were made card by card, shortest first: .order keeps that. */
	for (size_t i = 0; i < timed_count; i++) {
		out->items[i] = timed[i].item;
		out->by_card[timed[i].order] = i;
	}
	out->item_count = out->item_alloc = timed_count;
	free(timed);
	return 0;
}

/* ---- fsrs-rs's outlier filter ---- */

unsigned fit_long_term_count(const struct fsrs_dataset *data, const struct fsrs_fit_item *item)
{
	unsigned count = 0;
	for (unsigned i = 0; i < item->length; i++)
		count += data->reviews[item->first + i].delta_t > 0;
	return count;
}

static unsigned first_long_term_delta(const struct fsrs_dataset *data, const struct fsrs_fit_item *item)
{
	for (unsigned i = 0; i < item->length; i++) {
		if (data->reviews[item->first + i].delta_t > 0)
			return data->reviews[item->first + i].delta_t;
	}
	return 0;
}

/* A group of first-interval items: first rating, the interval, how many. */
struct pair_group {
	unsigned rating, delta_t;
	size_t size;
	bool removed;
};

static int by_pair(const void *a, const void *b)
{
	const struct pair_group *x = a, *y = b;
	return order_then(ORDER(x->rating, y->rating), ORDER(x->delta_t, y->delta_t));
}

/* Smallest groups first, ties by the shorter interval: the order in which
 * fsrs-rs considers removing them. */
static int by_size_then_interval(const void *a, const void *b)
{
	const struct pair_group *x = *(struct pair_group *const *)a, *y = *(struct pair_group *const *)b;
	return order_then(ORDER(x->size, y->size), ORDER(x->delta_t, y->delta_t));
}

static const struct pair_group *find_group(const struct pair_group *groups, size_t count, unsigned rating,
					   unsigned delta_t)
{
	struct pair_group key = { .rating = rating, .delta_t = delta_t };
	return bsearch(&key, groups, count, sizeof *groups, by_pair);
}

/* For one rating's groups: drop the smallest until 5% (at least 20 items)
 * are gone, then any group under 6 items or with too long an interval. */
static void mark_outliers(struct pair_group **rating_groups, size_t count, unsigned rating)
{
	size_t total = 0, removed = 0;
	for (size_t i = 0; i < count; i++)
		total += rating_groups[i]->size;
	size_t quota = total / 20 > 20 ? total / 20 : 20;
	unsigned longest = rating == FSRS_EASY ? 365 : 100;
	qsort(rating_groups, count, sizeof *rating_groups, by_size_then_interval);
	for (size_t i = 0; i < count; i++) {
		struct pair_group *g = rating_groups[i];
		if (removed + g->size >= quota) {
			g->removed = !(g->size >= 6 && g->delta_t <= longest);
		} else {
			removed += g->size;
			g->removed = true;
		}
	}
}

int fit_split(const struct fsrs_dataset *data, size_t *init, size_t *init_count, size_t *train,
	      size_t *train_count)
{
	size_t n = data->item_count, pairs = 0;
	struct pair_group *groups = malloc((n ? n : 1) * sizeof *groups);
	struct pair_group **by_rating = malloc((n ? n : 1) * sizeof *by_rating);
	if (!groups || !by_rating) {
		free(groups);
		free(by_rating);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct fsrs_fit_item *item = &data->items[i];
		if (fit_long_term_count(data, item) != 1)
			continue;
		groups[pairs++] = (struct pair_group){ data->reviews[item->first].rating,
						      item_current(data, item)->delta_t, 1, false };
	}
	qsort(groups, pairs, sizeof *groups, by_pair);
	size_t count = 0;
	for (size_t i = 0; i < pairs; i++) {
		if (count > 0 && by_pair(&groups[count - 1], &groups[i]) == 0)
			groups[count - 1].size++;
		else
			groups[count++] = groups[i];
	}
	for (size_t begin = 0, end; begin < count; begin = end) {
		size_t k = 0;
		for (end = begin; end < count && groups[end].rating == groups[begin].rating; end++)
			by_rating[k++] = &groups[end];
		mark_outliers(by_rating, k, groups[begin].rating);
	}

	*init_count = *train_count = 0;
	for (size_t i = 0; i < n; i++) {
		const struct fsrs_fit_item *item = &data->items[i];
		unsigned rating = data->reviews[item->first].rating;
		const struct pair_group *g = find_group(groups, count, rating, first_long_term_delta(data, item));
		if (g && g->removed)
			continue;
		train[(*train_count)++] = i;
		if (g && fit_long_term_count(data, item) == 1)
			init[(*init_count)++] = i;
	}
	free(groups);
	free(by_rating);
	return 0;
}
