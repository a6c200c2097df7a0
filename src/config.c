/* config — see include/config.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const theme_names[] = { "auto", "dark", "light", "mono" };

void config_defaults(struct config *config)
{
	*config = (struct config){
		.desired_retention = 0.9,
		.new_per_day = 20,
		.rollover_hour = 4,
		.exam_questions = 20,
		.leech_threshold = 6,
		.theme = THEME_AUTO,
		.mouse = true,
	};
	sched_steps_default(&config->steps);
}

const char *config_theme_name(enum config_theme theme)
{
	return (unsigned)theme < sizeof theme_names / sizeof *theme_names ? theme_names[theme] : "auto";
}

int config_theme_parse(const char *name)
{
	for (size_t i = 0; i < sizeof theme_names / sizeof *theme_names; i++)
		if (strcmp(name, theme_names[i]) == 0)
			return (int)i;
	return -1;
}
