#include <curses.h>	/* BAD */
#include "library.h"
