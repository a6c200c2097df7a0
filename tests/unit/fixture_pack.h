/* fixture_pack — loading a pack folder under $TEST_DATA_DIR (or the bundled
 * content beside it) into a library, for the unit tests that need real cards
 * (include after <cmocka.h>, <stdio.h> and <stdlib.h>). */
#ifndef RXPLORE_TEST_FIXTURE_PACK_H
#define RXPLORE_TEST_FIXTURE_PACK_H

#include "loader.h"

/* Loads TEST_DATA_DIR/under (e.g. "basic", "../../content") into library,
 * resolved, its problems into diags; both are initialised here. */
static inline void fixture_pack_load(struct library *library, struct diag_list *diags, const char *under)
{
	const char *data = getenv("TEST_DATA_DIR");
	char pack[4096];
	snprintf(pack, sizeof pack, "%s/%s", data && *data ? data : "tests/data", under);
	diag_list_init(diags);
	library_init(library);
	loader_load_dir(library, pack, diags);
	library_resolve(library, diags);
}

#endif
