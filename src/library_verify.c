/* library_verify — see include/library_verify.h. */
#include "library_verify.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "pack_cache.h"

/* What the thread checks, copied out of the library. */
struct check {
	char *dir, *file;
	uint64_t vocab_digest;
	const void *map;	/* the library's, which outlives the check */
	size_t map_size;
};

struct library_verify {
	pthread_t thread;
	struct check *checks;
	size_t nchecks;
	atomic_bool stop;
	atomic_int state;	/* enum library_verify_state, set once by the thread */
	const char *why;	/* written by the thread before state, read after */
};

/* One cache against its pack as it is now; the reason when it changed. */
static const char *changed(const struct check *check, const atomic_bool *stop)
{
	struct pack_cache_key key;
	const char *why = NULL;
	if (pack_cache_key_make_for(&key, check->dir, check->vocab_digest, stop) < 0)
		return atomic_load(stop) ? NULL : "its pack cannot be read";
	if (pack_cache_verify(check->file, &key, check->map, check->map_size, &why) == PACK_CACHE_OK)
		why = NULL;
	pack_cache_key_release(&key);
	return why;
}

static enum library_verify_state check_all(struct library_verify *verify)
{
	for (size_t i = 0; i < verify->nchecks && !atomic_load(&verify->stop); i++) {
		const char *why = changed(&verify->checks[i], &verify->stop);
		if (why) {
			verify->why = why;
			return LIBRARY_VERIFY_CHANGED;
		}
	}
	return LIBRARY_VERIFY_CURRENT;
}

static void *run(void *arg)
{
	struct library_verify *verify = arg;
	atomic_store(&verify->state, (int)check_all(verify));
	return NULL;
}

static void free_checks(struct library_verify *verify)
{
	for (size_t i = 0; i < verify->nchecks; i++) {
		free(verify->checks[i].dir);
		free(verify->checks[i].file);
	}
	free(verify->checks);
	free(verify);
}

static struct library_verify *copy_checks(const struct library *library)
{
	struct library_verify *verify = calloc(1, sizeof *verify);
	if (!verify)
		return NULL;
	atomic_init(&verify->stop, false);
	atomic_init(&verify->state, LIBRARY_VERIFY_RUNNING);
	verify->checks = calloc(library->nunchecked + 1, sizeof *verify->checks);
	if (!verify->checks) {
		free(verify);
		return NULL;
	}
	for (size_t i = 0; i < library->nunchecked; i++) {
		const struct library_unchecked *u = &library->unchecked[i];
		struct check *c = &verify->checks[verify->nchecks++];
		*c = (struct check){ strdup(u->dir), strdup(u->file), u->vocab_digest, u->map, u->map_size };
		if (!c->dir || !c->file) {
			free_checks(verify);
			return NULL;
		}
	}
	return verify;
}

enum library_verify_state library_verify_now(const struct library *library)
{
	struct library_verify *verify = copy_checks(library);
	if (!verify)
		return LIBRARY_VERIFY_CHANGED;	/* load again the careful way */
	enum library_verify_state state = check_all(verify);
	free_checks(verify);
	return state;
}

struct library_verify *library_verify_start(const struct library *library, enum library_verify_state *now)
{
	*now = LIBRARY_VERIFY_CURRENT;
	if (library->nunchecked == 0)
		return NULL;
	struct library_verify *verify = copy_checks(library);
	if (verify && pthread_create(&verify->thread, NULL, run, verify) == 0)
		return verify;
	if (verify)
		free_checks(verify);
	*now = library_verify_now(library);
	return NULL;
}

enum library_verify_state library_verify_poll(struct library_verify *verify, const char **why)
{
	enum library_verify_state state = (enum library_verify_state)atomic_load(&verify->state);
	if (why)
		*why = state == LIBRARY_VERIFY_CHANGED ? verify->why : NULL;
	return state;
}

void library_verify_end(struct library_verify *verify)
{
	if (!verify)
		return;
	atomic_store(&verify->stop, true);
	pthread_join(verify->thread, NULL);
	free_checks(verify);
}
