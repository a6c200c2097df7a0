/* stats_chart — the line and chart writers of stats_render.c, shared with
 * stats_workload.c (the workload chart and exam plan).  Internal to the core. */
#ifndef RXPLORE_STATS_CHART_H
#define RXPLORE_STATS_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "stats.h"
#include "workload.h"

enum {
	LINE_MAX = 1000 * 4 + 256,	/* a full-width bar of 3-byte blocks, and the rest */
	LABEL_MAX = 256,
	CELL_MAX = 160,
};

struct out {
	int width;
	bool utf8;
	int (*each)(const struct stats_line *, void *);
	void *ctx;
	int rc;		/* the first non-zero result; later lines are skipped */
};

/* One chart row: "  label  number  bar  note". */
struct row {
	char label[LABEL_MAX];
	char number[CELL_MAX];
	char note[CELL_MAX];
	double value;
};

void chart_line(struct out *out, enum stats_line_kind kind, const char *text, size_t bar_start, size_t bar_len);
/* Prose, wrapped to the width. */
void chart_text(struct out *out, enum stats_line_kind kind, const char *text);
/* Rows with lined-up columns, bars scaled to max; notes give way first. */
void chart_rows(struct out *out, const struct row *rows, size_t n, double max);
/* "Today", or "Mon 23 Nov". */
void chart_day_label(char *buf, size_t size, long day, long today, int rollover_hour);

/* stats_workload.c */
void stats_render_workload(struct out *out, const struct workload *wl);
void stats_render_exam(struct out *out, const struct workload *wl);

#endif
