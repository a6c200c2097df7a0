/* Unit tests for library_verify: a pack cache used unchecked
 * (defer_cache_checks) is current when nothing changed; a card edited
 * keeping its size and time, a cache body altered inside a string (painted
 * from, since every value still reads) and a cache replaced since are each
 * found changed, on the thread and here; a cut-off cache is never used
 * unchecked; ending a check under way stops its thread. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fixture_dir.h"
#include "library_load.h"
#include "library_verify.h"
#include "pack_cache.h"

struct fixture {
	char root[4096];
	char pack[4200], cache[4200], card[4300];
};


static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	fixture_dir_pack_root("verify", f->root, sizeof f->root, f->pack, sizeof f->pack, f->cache, sizeof f->cache);
	char path[4300];
	snprintf(path, sizeof path, "%s/pack.yaml", f->pack);
	fixture_dir_write(path, "format: 1\npack: verified\n");
	snprintf(path, sizeof path, "%s/cards", f->pack);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(f->card, sizeof f->card, "%s/cards/alpha.yaml", f->pack);
	fixture_dir_write(f->card, "id: alpha\ntitle: Alpha\nkind: drug\nsummary: The first.\n");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	fixture_dir_remove(f->root);
	free(f);
	return 0;
}

static void load(const struct fixture *f, bool defer, struct library *library, struct diag_list *diags)
{
	const char *dirs[] = { f->pack };
	library_init(library);
	diag_list_init(diags);
	struct load_request request = { .content_dirs = dirs, .ncontent = 1, .no_default_packs = true,
					.cache_dir = f->cache, .defer_cache_checks = defer };
	assert_int_equal(library_load(library, &request, NULL, diags), 0);
}

static void release(struct library *library, struct diag_list *diags)
{
	library_release(library);
	diag_list_release(diags);
}

/* Writes the cache (a careful load), then loads it unchecked into library. */
static void load_unchecked(const struct fixture *f, struct library *library, struct diag_list *diags)
{
	load(f, false, library, diags);
	release(library, diags);
	load(f, true, library, diags);
	assert_int_equal(library->nmappings, 2);	/* the file, and its cards' block */
	assert_int_equal(library->nunchecked, 1);
}

/* The check on its thread, waited for (no time limit: it ends). */
static enum library_verify_state on_thread(const struct library *library)
{
	enum library_verify_state now;
	struct library_verify *verify = library_verify_start(library, &now);
	if (!verify)
		return now;
	enum library_verify_state state;
	while ((state = library_verify_poll(verify, NULL)) == LIBRARY_VERIFY_RUNNING)
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	library_verify_end(verify);
	return state;
}

/* Replaces every `from` in file by `to` (as long), keeping its size and time. */
static void replace_in(const char *file, const char *from, const char *to)
{
	struct stat st;
	assert_int_equal(stat(file, &st), 0);
	FILE *in = fopen(file, "rb");
	assert_non_null(in);
	char *data = malloc((size_t)st.st_size);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)st.st_size, in), (size_t)st.st_size);
	fclose(in);
	size_t n = strlen(from), hits = 0;
	for (size_t i = 0; i + n <= (size_t)st.st_size; i++)
		if (memcmp(data + i, from, n) == 0) {
			memcpy(data + i, to, n);
			hits++;
		}
	assert_true(hits > 0);
	FILE *out = fopen(file, "r+b");
	assert_non_null(out);
	assert_int_equal(fwrite(data, 1, (size_t)st.st_size, out), (size_t)st.st_size);
	assert_int_equal(fclose(out), 0);
	free(data);
	struct timespec times[2] = { st.st_atim, st.st_mtim };
	assert_int_equal(utimensat(AT_FDCWD, file, times, 0), 0);
}

static void an_unchanged_pack_is_current(void **state)
{
	struct fixture *f = *state;
	struct library library;
	struct diag_list diags;
	load_unchecked(f, &library, &diags);
	assert_string_equal(library_find_exact(&library, "alpha")->title, "Alpha");
	assert_int_equal(library_verify_now(&library), LIBRARY_VERIFY_CURRENT);
	assert_int_equal(on_thread(&library), LIBRARY_VERIFY_CURRENT);
	release(&library, &diags);

	/* A careful load has nothing to check afterwards. */
	load(f, false, &library, &diags);
	assert_int_equal(library.nunchecked, 0);
	enum library_verify_state now;
	assert_null(library_verify_start(&library, &now));
	assert_int_equal(now, LIBRARY_VERIFY_CURRENT);
	release(&library, &diags);
}

static void an_edit_keeping_size_and_time_is_found(void **state)
{
	struct fixture *f = *state;
	struct library library;
	struct diag_list diags;
	load_unchecked(f, &library, &diags);
	replace_in(f->card, "The first.", "The FIRST.");
	/* Painted from the cache as it was... */
	assert_string_equal(library_find_exact(&library, "alpha")->text[SECTION_SUMMARY], "The first.");
	/* ...and found changed afterwards. */
	assert_int_equal(library_verify_now(&library), LIBRARY_VERIFY_CHANGED);
	assert_int_equal(on_thread(&library), LIBRARY_VERIFY_CHANGED);
	release(&library, &diags);
	/* Loaded again the careful way, the edit shows. */
	load(f, false, &library, &diags);
	assert_string_equal(library_find_exact(&library, "alpha")->text[SECTION_SUMMARY], "The FIRST.");
	release(&library, &diags);
}

static void an_altered_body_is_found(void **state)
{
	struct fixture *f = *state;
	struct library library;
	struct diag_list diags;
	load(f, false, &library, &diags);
	release(&library, &diags);
	char file[PATH_MAX];
	struct pack_cache_key key;
	library_init(&library);
	assert_int_equal(pack_cache_key_make_light(&key, f->pack, &library), 0);
	assert_true(pack_cache_path(f->cache, &key, file, sizeof file));
	pack_cache_key_release(&key);
	library_release(&library);
	replace_in(file, "The first.", "The f1rst.");

	/* Every value still reads: painted from, the digest left for later. */
	load(f, true, &library, &diags);
	assert_int_equal(library.nunchecked, 1);
	assert_string_equal(library_find_exact(&library, "alpha")->text[SECTION_SUMMARY], "The f1rst.");
	const char *why = NULL;
	enum library_verify_state now;
	struct library_verify *verify = library_verify_start(&library, &now);
	assert_non_null(verify);
	while (library_verify_poll(verify, &why) == LIBRARY_VERIFY_RUNNING)
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	assert_int_equal(library_verify_poll(verify, &why), LIBRARY_VERIFY_CHANGED);
	assert_non_null(why);
	assert_non_null(strstr(why, "digest"));
	library_verify_end(verify);
	release(&library, &diags);

	/* The careful load (the reload) sees the damage and rebuilds. */
	load(f, false, &library, &diags);
	assert_int_equal(library.nmappings, 0);
	release(&library, &diags);
	load(f, true, &library, &diags);
	assert_int_equal(library.nunchecked, 1);
	assert_string_equal(library_find_exact(&library, "alpha")->text[SECTION_SUMMARY], "The first.");
	assert_int_equal(library_verify_now(&library), LIBRARY_VERIFY_CURRENT);
	/* A cache replaced since it was read is not the one painted from. */
	char copy[PATH_MAX + 8];
	snprintf(copy, sizeof copy, "%s.new", file);
	char cmd[2 * PATH_MAX + 32];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", file, copy);
	assert_int_equal(system(cmd), 0);
	/* The copy's header says another body digest (byte 24 on). */
	int fd = open(copy, O_RDWR);
	assert_true(fd >= 0);
	unsigned char byte;
	assert_int_equal(pread(fd, &byte, 1, 24), 1);
	byte ^= 1;
	assert_int_equal(pwrite(fd, &byte, 1, 24), 1);
	assert_int_equal(close(fd), 0);
	assert_int_equal(rename(copy, file), 0);
	assert_int_equal(library_verify_now(&library), LIBRARY_VERIFY_CHANGED);
	/* And removed. */
	assert_int_equal(unlink(file), 0);
	assert_int_equal(library_verify_now(&library), LIBRARY_VERIFY_CHANGED);
	release(&library, &diags);
}

static void a_cut_off_cache_is_never_used_unchecked(void **state)
{
	struct fixture *f = *state;
	struct library library;
	struct diag_list diags;
	load_unchecked(f, &library, &diags);
	char file[PATH_MAX];
	snprintf(file, sizeof file, "%s", library.unchecked[0].file);
	release(&library, &diags);
	struct stat st;
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(truncate(file, st.st_size / 2), 0);
	load(f, true, &library, &diags);
	assert_int_equal(library.nunchecked, 0);
	assert_int_equal(library.nmappings, 0);	/* parsed from YAML */
	assert_string_equal(library_find_exact(&library, "alpha")->title, "Alpha");
	assert_true(diags.count > 0);	/* the warning of a careful load */
	release(&library, &diags);
}

static void ending_a_check_stops_its_thread(void **state)
{
	struct fixture *f = *state;
	struct library library;
	struct diag_list diags;
	load_unchecked(f, &library, &diags);
	for (int i = 0; i < 20; i++) {
		enum library_verify_state now;
		struct library_verify *verify = library_verify_start(&library, &now);
		assert_non_null(verify);
		library_verify_end(verify);
	}
	library_verify_end(NULL);
	release(&library, &diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(an_unchanged_pack_is_current, setup, teardown),
		cmocka_unit_test_setup_teardown(an_edit_keeping_size_and_time_is_found, setup, teardown),
		cmocka_unit_test_setup_teardown(an_altered_body_is_found, setup, teardown),
		cmocka_unit_test_setup_teardown(a_cut_off_cache_is_never_used_unchecked, setup, teardown),
		cmocka_unit_test_setup_teardown(ending_a_check_stops_its_thread, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
