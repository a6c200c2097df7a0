/* Replays files through the fuzz harness (tests/fuzz/fuzz_loader.c), with
 * all its checks, in every build -- the sanitizer build of .ci/run included --
 * so that a fixed finding stays fixed without clang or libFuzzer: every input
 * in tests/data/fuzz-regress/ (each one broke the harness once), and the
 * hostile, bad and warning fixtures.  A broken promise aborts the program. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <sys/stat.h>

#include "../fuzz/fuzz_loader.c"

static const char *data_dir(void)
{
	const char *d = getenv("TEST_DATA_DIR");
	return d ? d : "tests/data";
}

static char *read_whole(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t alloc = 0, got = 0, n;

	assert_non_null(f);
	do {
		if (got == alloc) {
			alloc = alloc ? alloc * 2 : 4096;
			data = realloc(data, alloc);
			assert_non_null(data);
		}
		n = fread(data + got, 1, alloc - got, f);
		got += n;
	} while (n > 0);
	fclose(f);
	*size = got;
	return data;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Runs every regular file in TEST_DATA_DIR/sub through the harness; returns
 * how many there were. */
static size_t replay_folder(const char *sub)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/%s", data_dir(), sub);
	DIR *d = opendir(dir);
	assert_non_null(d);
	char *names[512];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < sizeof names / sizeof *names) {
		char path[8192];
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (e->d_name[0] != '.' && stat(path, &st) == 0 && S_ISREG(st.st_mode))
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		char path[8192];
		size_t size;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		char *data = read_whole(path, &size);
		print_message("replaying %s/%s (%zu bytes)\n", sub, names[i], size);
		LLVMFuzzerTestOneInput((const uint8_t *)data, size);
		free(data);
		free(names[i]);
	}
	return n;
}

static void past_findings_stay_fixed(void **state)
{
	(void)state;
	/* One file per finding; fewer means the folder went missing. */
	assert_true(replay_folder("fuzz-regress") >= 2);
}

static void hostile_fixtures_keep_the_promises(void **state)
{
	(void)state;
	assert_true(replay_folder("hostile/cards") >= 2);
	assert_true(replay_folder("hostile") >= 1);
	assert_true(replay_folder("hostile-diag/cards") >= 2);
}

static void bad_and_warning_fixtures_keep_the_promises(void **state)
{
	(void)state;
	assert_true(replay_folder("bad/cards") >= 19);
	assert_true(replay_folder("warn/cards") >= 5);
}

int main(void)
{
	LLVMFuzzerInitialize(NULL, NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(past_findings_stay_fixed),
		cmocka_unit_test(hostile_fixtures_keep_the_promises),
		cmocka_unit_test(bad_and_warning_fixtures_keep_the_promises),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
