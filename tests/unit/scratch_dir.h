/* scratch_dir — a temporary folder of files for the unit tests that write
 * packs and caches (include after <cmocka.h>, <stdio.h>, <stdlib.h> and
 * <sys/stat.h>). */
#ifndef RXPLORE_TEST_SCRATCH_DIR_H
#define RXPLORE_TEST_SCRATCH_DIR_H

/* Writes text to path, whole. */
static inline void scratch_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* A fresh folder /tmp/rxplore-NAME-XXXXXX in root, with root/pack made in
 * pack and root/cache (not made) in cache: the room a pack and its cache
 * take in a test. */
static inline void scratch_pack_root(const char *name, char *root, size_t root_size, char *pack, size_t pack_size,
				     char *cache, size_t cache_size)
{
	snprintf(root, root_size, "/tmp/rxplore-%s-XXXXXX", name);
	assert_non_null(mkdtemp(root));
	snprintf(pack, pack_size, "%s/pack", root);
	snprintf(cache, cache_size, "%s/cache", root);
	assert_int_equal(mkdir(pack, 0700), 0);
}

/* Removes root and everything in it. */
static inline void scratch_remove(const char *root)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

#endif
