/* fixture_dir — a fresh folder for a unit test's files (a progress database,
 * packs it writes), under $TMPDIR or /tmp, and its removal with everything in
 * it. */
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

#endif
