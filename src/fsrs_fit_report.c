/* fsrs_fit_report — the health check after a fit, in words, for every
 * front-end to show as it likes (include/fsrs_fit.h).
 */
#include "fsrs_fit_internal.h"

#include <stdarg.h>
#include <stdio.h>

/* Above this share of Hard among recalled reviews, Hard is likely pressed
 * for misses as well (FSRS reads Hard as recalled). */
#define HARD_SHARE_LIMIT 0.2
/* Reviews after which a fit is usually stable. */
#define SETTLED_REVIEWS 1000

static void say(struct fsrs_health *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct fsrs_health *h, const char *fmt, ...)
{
	if (h->count >= FSRS_HEALTH_MAX)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(h->lines[h->count++], FSRS_HEALTH_LINE, fmt, ap);
	va_end(ap);
}

static double hard_share(const struct fsrs_dataset *data)
{
	size_t hard = 0, recalled = 0;
	for (size_t i = 0; i < data->review_count; i++) {
		const struct fsrs_fit_review *r = &data->reviews[i];
		if (r->delta_t == 0 || r->rating == FSRS_AGAIN)
			continue;
		recalled++;
		hard += r->rating == FSRS_HARD;
	}
	return recalled ? (double)hard / (double)recalled : 0.0;
}

void fsrs_fit_health(const struct fsrs_fit_result *result, const struct fsrs_dataset *dataset,
		     long overdue, long reviewed_questions, struct fsrs_health *health)
{
	health->count = 0;
	health->hard_share = hard_share(dataset);
	if (result->outcome != FSRS_FIT_FULL) {
		say(health, "Too few reviews: %s. Fit again after more study (all 21 parameters need %d usable"
			    " reviews on later days; this history has %zu).", fsrs_fit_outcome_text(result->outcome),
		    FSRS_FIT_MIN_TRAIN_ITEMS, result->usable_items);
	} else if (dataset->source_reviews < SETTLED_REVIEWS) {
		say(health, "Based on %zu reviews: the parameters will still move as more come; fit again when"
			    " the reviews have doubled.", dataset->source_reviews);
	}
	if (health->hard_share > HARD_SHARE_LIMIT) {
		say(health, "Hard used as a fail? Hard is %.0f%% of the reviews you recalled. FSRS reads Hard as"
			    " \"recalled, with effort\": press Again for a question you missed.",
		    health->hard_share * 100.0);
	}
	if (overdue >= 20 && reviewed_questions > 0 && overdue * 4 >= reviewed_questions) {
		say(health, "A growing backlog: %ld of %ld questions are overdue. Catch up a little each day"
			    " rather than all at once; intervals assume reviews on time.", overdue, reviewed_questions);
	}
	if (health->count == 0)
		say(health, "No problems seen in the review history.");
}

bool fsrs_fit_refit_due(long reviews_now, long reviews_at_fit)
{
	return reviews_at_fit > 0 && reviews_now >= 2 * reviews_at_fit;
}
