/* diag — located diagnostics, collected instead of printed.
 *
 * Library code reports problems by appending to a diag_list; the caller
 * decides how to show them (GNU-style lines on the command line, a list in the
 * TUI).  Lines and columns are 1-based; line 0 means "the whole file", column
 * 0 "the whole line" (a CSV row).
 */
#ifndef RXPLORE_DIAG_H
#define RXPLORE_DIAG_H

#include <stdarg.h>
#include <stddef.h>

enum diag_severity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

struct diag {
	enum diag_severity severity;
	char *path;
	unsigned line, col;
	char *message;
};

struct diag_list {
	struct diag *items;
	size_t count, alloc;
	size_t errors, warnings;	/* notes are not counted */
	size_t dropped;			/* lost to out-of-memory */
};

void diag_list_init(struct diag_list *list);
void diag_list_release(struct diag_list *list);

#if defined(__GNUC__)
#define DIAG_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define DIAG_PRINTF(fmt, args)
#endif

/* Appends a diagnostic.  Never fails visibly: when out of memory the
 * diagnostic is counted in `dropped` (and in errors/warnings). */
void diag_add(struct diag_list *list, enum diag_severity severity, const char *path,
	      unsigned line, unsigned col, const char *fmt, ...) DIAG_PRINTF(6, 7);
void diag_vadd(struct diag_list *list, enum diag_severity severity, const char *path,
	       unsigned line, unsigned col, const char *fmt, va_list ap) DIAG_PRINTF(6, 0);

/* "error", "warning" or "note". */
const char *diag_severity_name(enum diag_severity severity);

/* Formats "path:line:col: severity: message" (GNU style; "path: severity:
 * message" when line is 0, "path:line: severity: message" when col is 0, as
 * for a CSV row) into buf.  Returns the length it needed, as snprintf does. */
int diag_format(const struct diag *diag, char *buf, size_t size);

#endif
