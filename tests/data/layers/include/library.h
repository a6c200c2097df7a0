#include <yaml.h>	/* BAD */
