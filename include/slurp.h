/* slurp — a whole file in memory, for the importers (progress merge, import),
 * which read their input at once to report rows by line. */
#ifndef RXPLORE_SLURP_H
#define RXPLORE_SLURP_H

#include <stddef.h>

/* The file's bytes plus a NUL; *len excludes the NUL.  NULL with errno set
 * when it cannot be read. */
char *slurp_file(const char *path, size_t *len);

#endif
