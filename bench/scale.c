/* scale — what a large library costs once it is loaded: full-text search
 * per query and building the quiz bank, timed with CLOCK_MONOTONIC inside
 * one process (so start-up and loading are not counted), linked against
 * librxcore as rxplore itself is.
 *
 * Usage: scale [-r REPEATS] [-q QUERY]... DIR...   (each DIR loaded like --content DIR)
 * Prints "load_ms=", the arena's bytes, then one line per query with the
 * median time of REPEATS runs and the number of hits, then "search_max_ms=",
 * and "quiz_bank_ms=" (median of REPEATS builds) with the question count.
 * Under callgrind, run with -r 1 and --toggle-collect=search_run or
 * --toggle-collect=quiz_bank_build to count the instructions of one pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "loader.h"
#include "quiz.h"
#include "search.h"

#define MAX_REPEATS 101

/* Words a learner types, from rare to everywhere ("the" matches nearly every
 * section of every card), and one that matches nothing. */
static const char *default_queries[] = {
	"baclofen", "GABA-B", "withdrawal seizures", "receptor", "Synthetic card 9999", "the", "zzzz-nothing",
};

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	struct library library;
	struct diag_list diags;
	double t[MAX_REPEATS], worst = 0, start;
	int repeats = 11, opt;
	size_t questions = 0, nqueries = sizeof default_queries / sizeof *default_queries;
	const char **queries = default_queries;

	while ((opt = getopt(argc, argv, "r:q:")) != -1) {
		if (opt == 'q') {
			if (queries == default_queries)
				nqueries = 0;
			queries = realloc(queries == default_queries ? NULL : queries, (nqueries + 1) * sizeof *queries);
			if (!queries)
				return 1;
			queries[nqueries++] = optarg;
		} else if (opt != 'r' || (repeats = atoi(optarg)) < 1 || repeats > MAX_REPEATS) {
			fprintf(stderr, "usage: scale [-r REPEATS] [-q QUERY]... DIR...\n");
			return 2;
		}
	}
	library_init(&library);
	diag_list_init(&diags);
	start = now_ms();
	for (int i = optind; i < argc; i++)
		loader_load_dir(&library, argv[i], &diags);
	library_resolve(&library, &diags);
	printf("load_ms=%.1f cards=%zu errors=%zu arena_bytes=%zu\n", now_ms() - start, library.ncards, diags.errors,
	       library.arena.bytes);

	for (size_t q = 0; q < nqueries; q++) {
		size_t hits = 0;

		for (int r = 0; r < repeats; r++) {
			struct search_results results;

			search_results_init(&results);
			start = now_ms();
			if (search_run(&results, &library, queries[q]) < 0)
				return 1;
			t[r] = now_ms() - start;
			hits = results.count;
			search_results_release(&results);
		}
		double m = median(t, repeats);
		printf("search \"%s\" median_ms=%.2f hits=%zu\n", queries[q], m, hits);
		if (m > worst)
			worst = m;
	}
	printf("search_max_ms=%.2f\n", worst);

	for (int r = 0; r < repeats; r++) {
		struct quiz_bank bank;

		start = now_ms();
		if (quiz_bank_build(&bank, &library) < 0)
			return 1;
		t[r] = now_ms() - start;
		questions = bank.count;
		quiz_bank_release(&bank);
	}
	printf("quiz_bank_ms=%.2f questions=%zu\n", median(t, repeats), questions);

	if (queries != default_queries)
		free(queries);
	diag_list_release(&diags);
	library_release(&library);
	return 0;
}
