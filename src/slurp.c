/* slurp — a whole file in memory (see include/slurp.h). */
#include "slurp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

char *slurp_file(const char *path, size_t *len)
{
	FILE *in = fopen(path, "rb");
	if (!in)
		return NULL;
	char *text = NULL;
	size_t used = 0, alloc = 0, got;
	do {
		if (alloc - used < 4096) {
			alloc = alloc ? alloc * 2 : 65536;
			char *grown = realloc(text, alloc + 1);
			if (!grown) {
				free(text);
				fclose(in);
				errno = ENOMEM;
				return NULL;
			}
			text = grown;
		}
		got = fread(text + used, 1, alloc - used, in);
		used += got;
	} while (got > 0);
	int failed = ferror(in);
	fclose(in);
	if (failed) {
		free(text);
		errno = EIO;
		return NULL;
	}
	text[used] = '\0';
	*len = used;
	return text;
}

