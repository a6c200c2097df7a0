/* library_verify — checking afterwards the pack caches a library was loaded
 * from unchecked (library->unchecked, load_request.defer_cache_checks).
 *
 * A terminal start paints from the caches first; then a thread of its own
 * reads every source file and digests it and the cache file
 * (pack_cache_verify), touching nothing the library owns but the cache
 * mappings, which it only reads: it works on copies of the entries.  The
 * library must outlive the check (library_verify_end first).  The front-end polls it between keys and, when something
 * changed, loads the library again the careful way (which rebuilds the
 * caches) and shows it.  Line mode, which prints once, checks first instead
 * (library_verify_now).
 */
#ifndef RXPLORE_LIBRARY_VERIFY_H
#define RXPLORE_LIBRARY_VERIFY_H

#include "library.h"

enum library_verify_state {
	LIBRARY_VERIFY_RUNNING,
	LIBRARY_VERIFY_CURRENT,	/* every cache matched its pack: nothing to do */
	LIBRARY_VERIFY_CHANGED,	/* a pack changed (or its cache was damaged): load again */
};

struct library_verify;

/* Starts checking library's unchecked caches on a thread.  NULL when there
 * is nothing to check, or (out of memory, no thread) after checking them
 * here, on this thread; *now then says how that came out. */
struct library_verify *library_verify_start(const struct library *library, enum library_verify_state *now);

/* Where the check is; a finished one stays finished.  why (may be NULL)
 * receives, for CHANGED, the first reason (valid until library_verify_end). */
enum library_verify_state library_verify_poll(struct library_verify *verify, const char **why);

/* Stops the thread (at the next file), waits for it and frees verify.
 * NULL is accepted. */
void library_verify_end(struct library_verify *verify);

/* The whole check, here and now. */
enum library_verify_state library_verify_now(const struct library *library);

#endif
