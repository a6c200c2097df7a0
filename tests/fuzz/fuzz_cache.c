/* fuzz_cache — a libFuzzer (and AFL++) harness for the pack cache reader:
 * a cache file is input like any other (include/pack_cache.h).
 *
 * Each input is read as a cache image three times: with its digest checked
 * (what rxplore does), behind the digest, so that mutations reach the checks
 * of the body instead of all failing at the digest, and as a start that
 * paints first reads it (heads now, bodies with library_complete).  What the
 * reader accepts is loaded into a library, resolved, checked against the promises of
 * include/card.h and rendered, with the checks of fuzz_loader.c (included
 * here with its entry points renamed, so the promises have one definition).
 *
 * Seeds: with FUZZ_CACHE_SEEDS=DIR and FUZZ_CACHE_PACKS=PACK[:PACK...] in
 * the environment, the harness first writes a cache file of each pack's
 * cards into DIR (tests/fuzz/run.sh points DIR into the corpus), since a
 * cache's bytes depend on the machine and the format version.
 */
#define LLVMFuzzerInitialize fuzz_loader_initialize
#define LLVMFuzzerTestOneInput fuzz_loader_one_input
#include "fuzz_loader.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput

#include <limits.h>

#include "library_complete.h"
#include "pack_cache.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The fact keys a cache may use: those of the bundled and the fixture
 * packs, so that seeds made from them are read whole. */
static const struct vocab_entry fuzz_vocab[] = {
	{ .key = "receptor", .label = "Receptor target", .ask = "Which receptor does {title} act on?" },
	{ .key = "receptor_type", .label = "Receptor type", .ask = NULL },
	{ .key = "action", .label = "Action at the receptor", .ask = NULL },
	{ .key = "site", .label = "Binding site", .ask = NULL },
	{ .key = "ionic_effect", .label = "Ionic effect", .ask = NULL },
	{ .key = "class", .label = "Class", .ask = NULL },
	{ .key = "uses", .label = "Uses", .ask = NULL },
	{ .key = "sedation", .label = "Sedation", .ask = NULL },
	{ .key = "anxiety", .label = "Anxiety", .ask = NULL },
	{ .key = "onset_half_life", .label = "Onset and half-life", .ask = NULL },
	{ .key = "elimination", .label = "Elimination", .ask = NULL },
	{ .key = "interactions", .label = "Interactions", .ask = NULL },
	{ .key = "overdose", .label = "Overdose", .ask = NULL },
	{ .key = "withdrawal", .label = "Withdrawal", .ask = NULL },
	{ .key = "abuse", .label = "Abuse", .ask = NULL },
	{ .key = "controlled", .label = "Controlled", .ask = NULL },
};

static size_t fuzz_library(struct library *lib)
{
	library_init(lib);
	struct pack_info info = { .name = "fuzz", .format = 1, .dir = "fuzz", .has_manifest = true };
	for (size_t i = 0; i < sizeof fuzz_vocab / sizeof *fuzz_vocab; i++)
		library_add_vocab(lib, &fuzz_vocab[i]);
	return library_add_pack(lib, &info);
}

/* Writes DIR/seed-N.rxcache for each pack of FUZZ_CACHE_PACKS. */
static void write_seeds(const char *dir, const char *packs)
{
	char *list = strdup(packs);
	int n = 0;
	for (char *save = NULL, *p = list ? strtok_r(list, ":", &save) : NULL; p; p = strtok_r(NULL, ":", &save)) {
		struct library lib;
		struct diag_list diags;
		struct pack_cache_key key;
		diag_list_init(&diags);
		size_t pack = fuzz_library(&lib);
		char file[PATH_MAX];
		snprintf(file, sizeof file, "%s/seed-%d.rxcache", dir, n++);
		if (pack != (size_t)-1 && loader_load_dir_cards(&lib, pack, p, &diags) >= 0 &&
		    pack_cache_key_make(&key, p, &lib) == 0) {
			if (pack_cache_write(file, &key, lib.cards, lib.ncards, &diags) != 0)
				fprintf(stderr, "fuzz_cache: cannot write %s\n", file);
			pack_cache_key_release(&key);
		}
		diag_list_release(&diags);
		library_release(&lib);
	}
	free(list);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_loader_initialize(argc, argv);
	const char *dir = getenv("FUZZ_CACHE_SEEDS"), *packs = getenv("FUZZ_CACHE_PACKS");
	if (dir && packs)
		write_seeds(dir, packs);
	return 0;
}

static void read_image(const uint8_t *data, size_t size, unsigned skip)
{
	struct library lib;
	struct diag_list diags;
	struct compiled_pack compiled;
	const char *why;
	diag_list_init(&diags);
	size_t pack = fuzz_library(&lib);
	enum pack_cache_status status = pack_cache_parse(data, size, NULL, skip, pack, &lib, &compiled, &why);
	CHECK(status == PACK_CACHE_OK ? why == NULL : why != NULL);
	bool whole = false;
	if (status == PACK_CACHE_OK && pack != (size_t)-1 &&
	    loader_load_compiled_cards(&lib, pack, &compiled, &diags) >= 0) {
		if (lib.bodies_pending) {
			/* The first frame's card first, as the interface reads it. */
			if (lib.ncards > 0)
				(void)library_fill_card(&lib, lib.cards[lib.ncards - 1]);
			whole = library_complete(&lib, &diags, &why) == 0;
			CHECK(whole ? !lib.bodies_pending : why != NULL);
		} else {
			library_resolve(&lib, &diags);
			whole = true;
		}
	}
	if (whole) {
		for (size_t i = 0; i < lib.ncards; i++)
			check_card(lib.cards[i]);
		if (lib.ncards > 0)
			render(&lib, lib.cards[0]);
		char *buf = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&buf, &len);
		if (out) {
			plain_diags(out, &diags);
			fclose(out);
			check_output(buf, len);
		}
	}
	diag_list_release(&diags);
	library_release(&lib);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_image(data, size, PACK_CACHE_CHECK_ALL);
	read_image(data, size, PACK_CACHE_SKIP_DIGEST);
	read_image(data, size, PACK_CACHE_SKIP_DIGEST | PACK_CACHE_DEFER_BODIES);
	return 0;
}
