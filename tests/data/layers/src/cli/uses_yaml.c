#include <histedit.h>
#include <yaml.h>	/* BAD */
#include <ncursesw/curses.h>	/* BAD */
#include "prompt_thing.h"
