/* config — user settings, with a default for every one.
 *
 * Read from paths_config_file() by the loader; command-line
 * options override it.
 */
#ifndef RXPLORE_CONFIG_H
#define RXPLORE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "sched.h"

enum config_theme { THEME_AUTO, THEME_DARK, THEME_LIGHT, THEME_MONO };

struct config {
	double desired_retention;	/* 0.70 .. 0.97, default 0.9 */
	int new_per_day;		/* 0 .. 9999, default 20 */
	int rollover_hour;		/* 0 .. 23, default 4 */
	int exam_questions;		/* 1 .. 500, default 20 */
	int leech_threshold;		/* 1 .. 99, default 6: failures that make a question a leech */
	enum config_theme theme;	/* default auto */
	bool mouse;			/* default true */
	struct sched_steps steps;	/* learning_steps "1m 10m", relearning_steps "10m" */
	char exam_date[11];		/* "YYYY-MM-DD", "" for none (a profile's `exam set` overrides) */
};

void config_defaults(struct config *config);

const char *config_theme_name(enum config_theme theme);
int config_theme_parse(const char *name);	/* -1 when unknown */

#endif
