/* ascii_out — the safety net for a terminal whose charset is not UTF-8:
 * standard output and standard error pass every byte >= 0x80 through the
 * core's transliteration table (translit.h), so no message of the program's
 * own ("no topic 'x' — did you mean") reaches such a terminal as raw UTF-8.
 * Card text is already ASCII there (library_transliterate). */
#ifndef RXPLORE_ASCII_OUT_H
#define RXPLORE_ASCII_OUT_H

#include <stdbool.h>

/* Whether the locale's charset (after setlocale) is UTF-8. */
bool ascii_out_locale_is_utf8(void);

/* Replaces stdout and stderr with transliterating streams over the same
 * descriptors (no-op when already done, or where the C library cannot make
 * such streams).  Call before any output. */
void ascii_out_begin(void);

/* Flushes and removes them, restoring the original streams (curses writes to
 * the real stdout).  Returns 0, or -1 when a write failed (errno set). */
int ascii_out_end(void);

#endif
