/* scratch_dir — a temporary folder of files for the unit tests that write
 * packs and caches (include after <cmocka.h>, <stdio.h> and <stdlib.h>). */
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

/* Removes root and everything in it. */
static inline void scratch_remove(const char *root)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

#endif
