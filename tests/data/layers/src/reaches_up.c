#include "prompt_thing.h"	/* BAD */
#include "ui.h"	/* BAD */
#include "cli/anything.h"	/* BAD */
#include "library.h"
