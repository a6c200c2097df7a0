/* fit-tool — the optimizer's test and benchmark helper (not installed).
 *
 *   fit-tool simulate CARDS SEED TRAIN.csv HELDOUT.csv
 *       writes a simulated review history, split by card (every fourth card
 *       held out), in fsrs-rs's revlog CSV format
 *   fit-tool fit FILE.csv           fits, prints the 21 parameters on one line
 *   fit-tool evaluate FILE.csv W    prints "log_loss rmse_bins" for
 *                                   comma-separated parameters W
 *
 * The simulated learner follows FSRS-6 (src/fsrs.c) with known parameters
 * that differ from the defaults, so a good optimizer must move toward them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "fsrs.h"
#include "fsrs_fit.h"
#include "fsrs_revlog.h"

/* The learner's true parameters: a quicker forgetter with a flatter curve. */
static const double true_w[FSRS_PARAM_COUNT] = {
	0.45, 1.9, 4.1, 12.0, 5.9, 0.95, 2.4, 0.02, 1.6, 0.22, 1.05,
	1.7,  0.09, 0.35, 1.2, 0.45, 2.3, 0.6, 0.2, 0.1, 0.25,
};

static uint64_t rng_state;

static double uniform(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	z ^= z >> 31;
	return (double)(z >> 11) / 9007199254740992.0;
}

static int first_rating(void)
{
	double u = uniform();
	return u < 0.2 ? FSRS_AGAIN : u < 0.3 ? FSRS_HARD : u < 0.85 ? FSRS_GOOD : FSRS_EASY;
}

static int recall_rating(void)
{
	double u = uniform();
	return u < 0.12 ? FSRS_HARD : u < 0.9 ? FSRS_GOOD : FSRS_EASY;
}

#define BASE_MS 1735732800000LL /* 2025-01-01T12:00:00Z */
#define DAYS 400

static void emit(FILE *out, int card, long day, int minute, int rating, int state)
{
	long long ms = BASE_MS + (long long)day * 86400000LL + (long long)minute * 60000LL;
	fprintf(out, "%d,%lld,%d,%d,%d\n", card, ms, rating, state, 3000 + (int)(uniform() * 9000));
}

static long simulate_card(FILE *out, const struct fsrs_params *truth, int card)
{
	long day = (long)(uniform() * (DAYS * 0.7));
	long reviews = 0;
	int minute = (int)(uniform() * 120);
	int g = first_rating();
	struct fsrs_memory m = fsrs_first_review(truth, (enum fsrs_grade)g);

	emit(out, card, day, minute, g, 0);
	reviews++;
	/* A miss at the first sight comes back the same day, as a learning step. */
	if (g == FSRS_AGAIN) {
		minute += 10;
		g = uniform() < 0.8 ? FSRS_GOOD : FSRS_AGAIN;
		m = fsrs_next(truth, m, 0, (enum fsrs_grade)g);
		emit(out, card, day, minute, g, 1);
		reviews++;
	}
	for (;;) {
		int interval = fsrs_interval(truth, m.stability);
		/* The learner is late or early now and then. */
		interval = (int)(interval * (0.8 + 0.6 * uniform()) + 0.5);
		if (interval < 1)
			interval = 1;
		day += interval;
		if (day >= DAYS)
			return reviews;
		minute = (int)(uniform() * 300);
		double r = fsrs_retrievability(truth, interval, m.stability);
		g = uniform() < r ? recall_rating() : FSRS_AGAIN;
		m = fsrs_next(truth, m, interval, (enum fsrs_grade)g);
		emit(out, card, day, minute, g, 2);
		reviews++;
		if (g == FSRS_AGAIN) {
			g = uniform() < 0.85 ? FSRS_GOOD : FSRS_HARD;
			m = fsrs_next(truth, m, 0, (enum fsrs_grade)g);
			emit(out, card, day, minute + 10, g, 3);
			reviews++;
		}
	}
}

static int simulate(int cards, unsigned long long seed, const char *train_path, const char *heldout_path)
{
	static const char header[] = "card_id,review_time,review_rating,review_state,review_duration\n";
	struct fsrs_params truth;
	FILE *train = fopen(train_path, "w"), *heldout = fopen(heldout_path, "w");
	long counts[2] = { 0, 0 };

	if (!train || !heldout) {
		perror("fit-tool: simulate");
		return 1;
	}
	fsrs_params_default(&truth);
	memcpy(truth.w, true_w, sizeof truth.w);
	rng_state = seed;
	fputs(header, train);
	fputs(header, heldout);
	for (int card = 1; card <= cards; card++) {
		bool held = card % 4 == 0;
		counts[held] += simulate_card(held ? heldout : train, &truth, card);
	}
	fclose(train);
	fclose(heldout);
	fprintf(stderr, "fit-tool: simulated %ld training and %ld held-out reviews\n", counts[0], counts[1]);
	return 0;
}

static int load(const char *path, struct fsrs_dataset *data)
{
	struct fsrs_history history;
	struct diag_list diags;
	char line[1024];

	fsrs_history_init(&history);
	diag_list_init(&diags);
	long rows = fsrs_revlog_read(path, NULL, &history, &diags);
	for (size_t i = 0; i < diags.count; i++) {
		diag_format(&diags.items[i], line, sizeof line);
		fprintf(stderr, "%s\n", line);
	}
	diag_list_release(&diags);
	int rc = rows < 0 || fsrs_dataset_build(&history, data) != 0;
	fsrs_history_release(&history);
	return rc;
}

static double milliseconds(const struct timespec *from, const struct timespec *to)
{
	return (double)(to->tv_sec - from->tv_sec) * 1e3 + (double)(to->tv_nsec - from->tv_nsec) / 1e6;
}

int main(int argc, char **argv)
{
	struct fsrs_dataset data;

	if (argc == 6 && strcmp(argv[1], "simulate") == 0)
		return simulate(atoi(argv[2]), strtoull(argv[3], NULL, 10), argv[4], argv[5]);
	if (argc == 3 && strcmp(argv[1], "fit") == 0) {
		struct fsrs_fit_result result;
		struct timespec start, end, cpu_start, cpu_end;
		if (load(argv[2], &data) != 0)
			return 1;
		clock_gettime(CLOCK_MONOTONIC, &start);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu_start);
		if (fsrs_fit(&data, NULL, &result) != 0)
			return 1;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu_end);
		clock_gettime(CLOCK_MONOTONIC, &end);
		for (int i = 0; i < FSRS_PARAM_COUNT; i++)
			printf("%s%.17g", i ? "," : "", result.w[i]);
		printf("\n");
		fprintf(stderr, "fit-tool: rxplore fitted %zu items in %.1f ms (%.1f ms CPU; %s); log loss %.6f"
			" -> %.6f, RMSE(bins) %.6f -> %.6f\n", data.item_count, milliseconds(&start, &end),
			milliseconds(&cpu_start, &cpu_end), fsrs_fit_outcome_text(result.outcome), result.before.log_loss,
			result.after.log_loss, result.before.rmse_bins, result.after.rmse_bins);
		fsrs_dataset_release(&data);
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "evaluate") == 0) {
		double w[FSRS_PARAM_COUNT];
		struct fsrs_metrics metrics;
		char *p = argv[3];
		for (int i = 0; i < FSRS_PARAM_COUNT; i++) {
			w[i] = strtod(p, &p);
			if (*p == ',')
				p++;
		}
		if (load(argv[2], &data) != 0 || fsrs_evaluate(&data, w, &metrics) != 0)
			return 1;
		printf("%.9f %.9f\n", metrics.log_loss, metrics.rmse_bins);
		fsrs_dataset_release(&data);
		return 0;
	}
	fprintf(stderr, "usage: fit-tool simulate CARDS SEED TRAIN.csv HELDOUT.csv | fit FILE.csv | "
			"evaluate FILE.csv W0,...,W20\n");
	return 2;
}
