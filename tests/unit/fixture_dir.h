/* fixture_dir — a fresh folder for a unit test's files (a progress database,
 * packs and caches it writes), under $TMPDIR or /tmp, files written into it,
 * and its removal with everything in it (include after <cmocka.h>). */
#ifndef RXPLORE_TEST_FIXTURE_DIR_H
#define RXPLORE_TEST_FIXTURE_DIR_H

#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

/* Makes $TMPDIR/name.XXXXXX (XXXXXX made unique) and writes its path to dir;
 * false when it cannot. */
static inline bool fixture_dir_make(char *dir, size_t size, const char *name)
{
	const char *tmp = getenv("TMPDIR");
	int n = snprintf(dir, size, "%s/%s.XXXXXX", tmp && *tmp ? tmp : "/tmp", name);

	return n > 0 && (size_t)n < size && mkdtemp(dir) != NULL;
}

static inline int fixture_dir_remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_DP)
		chmod(path, 0700);	/* a test may have locked it */
	return remove(path);
}

/* Removes dir and everything below it (links are removed, not followed).  A
 * folder a test left without search permission must be unlocked first:
 * nftw cannot enter it. */
static inline void fixture_dir_remove(const char *dir)
{
	nftw(dir, fixture_dir_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Writes text to path, whole (a failure fails the test). */
static inline void fixture_dir_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* A fresh folder for a pack and its cache, named after name, in root, with
 * root/pack made (its path in pack) and root/cache not made (in cache). */
static inline void fixture_dir_pack_root(const char *name, char *root, size_t root_size, char *pack,
					 size_t pack_size, char *cache, size_t cache_size)
{
	assert_true(fixture_dir_make(root, root_size, name));
	snprintf(pack, pack_size, "%s/pack", root);
	snprintf(cache, cache_size, "%s/cache", root);
	assert_int_equal(mkdir(pack, 0700), 0);
}

#endif
