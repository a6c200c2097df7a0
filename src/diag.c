/* diag — see include/diag.h. */
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "text.h"

void diag_list_init(struct diag_list *list)
{
	memset(list, 0, sizeof *list);
}

void diag_list_release(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].path);
		free(list->items[i].message);
	}
	free(list->items);
	diag_list_init(list);
}

static char *vformat(const char *fmt, va_list ap) DIAG_PRINTF(1, 0);

static char *vformat(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

/* Diagnostics quote what a file says (an unknown key, a bad value, a tag)
 * and name files whose names come from content folders, and they end up on a
 * terminal: whatever a terminal could act on becomes '?'. */
void diag_vadd(struct diag_list *list, enum diag_severity severity, const char *path,
	       unsigned line, unsigned col, const char *fmt, va_list ap)
{
	if (severity == DIAG_ERROR)
		list->errors++;
	else if (severity == DIAG_WARNING)
		list->warnings++;
	if (array_grow(&list->items, &list->alloc, list->count, sizeof *list->items) < 0) {
		list->dropped++;
		return;
	}
	struct diag *d = &list->items[list->count];
	d->severity = severity;
	d->line = line;
	d->col = col;
	d->path = strdup(path ? path : "");
	d->message = vformat(fmt, ap);
	if (!d->path || !d->message) {
		free(d->path);
		free(d->message);
		list->dropped++;
		return;
	}
	text_make_printable(d->path);
	text_make_printable(d->message);
	list->count++;
}

void diag_add(struct diag_list *list, enum diag_severity severity, const char *path,
	      unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(list, severity, path, line, col, fmt, ap);
	va_end(ap);
}

const char *diag_severity_name(enum diag_severity severity)
{
	static const char *const names[] = { [DIAG_ERROR] = "error", [DIAG_WARNING] = "warning", [DIAG_NOTE] = "note" };
	return (unsigned)severity < sizeof names / sizeof *names ? names[severity] : "error";
}

int diag_format(const struct diag *diag, char *buf, size_t size)
{
	const char *sev = diag_severity_name(diag->severity);
	if (diag->line == 0)
		return snprintf(buf, size, "%s: %s: %s", diag->path, sev, diag->message);
	if (diag->col == 0) /* a row of a CSV file or a database: FILE:ROW: */
		return snprintf(buf, size, "%s:%u: %s: %s", diag->path, diag->line, sev, diag->message);
	return snprintf(buf, size, "%s:%u:%u: %s: %s", diag->path, diag->line, diag->col, sev, diag->message);
}
