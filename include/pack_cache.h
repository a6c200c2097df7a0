/* pack_cache — a pack's cards compiled to one file, so a large pack opens
 * without parsing its YAML again.
 *
 * One file per pack folder under $XDG_CACHE_HOME/rxplore/packs/, named by a
 * digest of the folder's real path.  It holds what loading the pack's cards
 * produced: the cards, and every diagnostic the loader gave about them (so a
 * warm start reports what a cold one did).  The manifest (pack.yaml, a small
 * file) is parsed at every start; the cards are what costs.
 *
 * A cache is used only when everything it was made from is unchanged: the
 * format version, the folder as given and as resolved, the vocabulary the
 * cards were checked against (a fact key may come from another pack), and
 * each source file's name, size, modification time and a digest of its
 * content.  The content digest is what catches an edit that keeps size and
 * time: it costs reading every file, once per start, at about a byte per
 * instruction against tens for parsing YAML (doc/PERFORMANCE.md).  It is a
 * fast non-cryptographic digest: it detects changes, not forgeries (whoever
 * can write the cache folder can write the cards too).
 *
 * The terminal interface uses a cache before checking its sources and its
 * body digest (pack_cache_load_cards' defer, pack_cache_verify afterwards;
 * include/library_verify.h), and reads only its cards' heads before the
 * first frame (the bodies afterwards: include/library_complete.h): every
 * value is still checked as below when it is read, so what it paints from
 * can be stale, never unsafe.
 *
 * The reader trusts nothing in the file: every count and length is checked
 * against the bytes that remain, the strings (kept together in the file,
 * the heads' first) must each end in a NUL and be text the loader could
 * have produced (text_is_clean_list, one pass over the heads' strings and
 * one over the bodies', or each string of a body read on its own), every
 * reference to a string must point where one begins, every enumeration and
 * fact key is checked, and a digest of the whole body catches damage.  A file that fails is reported and rebuilt, never used.
 *
 * Files are written whole to a temporary name and renamed into place, so a
 * reader (another rxplore starting at the same time) sees the old file or
 * the new one, never half of one.  The core's: no printing, no libyaml.
 */
#ifndef RXPLORE_PACK_CACHE_H
#define RXPLORE_PACK_CACHE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "library.h"
#include "loader.h"

/* Bumped whenever the layout or what it means changes (a field of
 * struct card, what the loader does with a file). */
#define PACK_CACHE_FORMAT 10

/* A 64-bit digest of data for noticing changes (not FNV-1a: this one reads
 * eight bytes a step; it must be cheap next to parsing). */
uint64_t pack_cache_digest(const void *data, size_t size, uint64_t seed);

/* One file a pack's cards were loaded from. */
struct pack_cache_source {
	char *name;		/* relative to the pack folder: "pack.yaml", "cards/x.yaml" */
	uint64_t size;
	int64_t mtime_ns;
	uint64_t digest;	/* pack_cache_digest of the content */
};

/* What a cache file must have been made from to be used. */
struct pack_cache_key {
	const char *dir;	/* the folder as given: card paths start with it */
	char *real_dir;		/* realpath(dir): which pack the cache is for */
	uint64_t vocab_digest;	/* of the vocabulary's keys, in order */
	struct pack_cache_source *sources;
	size_t nsources;
};

/* The digest of library's vocabulary (its keys, in order) that a key holds. */
uint64_t pack_cache_vocab_digest(const struct library *library);

/* Fills key for the pack folder dir as it is now, with library's vocabulary
 * (loaded by then: the first phase).  Reads every source file.  Returns 0, or
 * -1 with errno set (key then needs no release). */
int pack_cache_key_make(struct pack_cache_key *key, const char *dir, const struct library *library);

/* The same with the vocabulary's digest given, touching no library (for a
 * thread of its own); stops early, -1 with errno ECANCELED, once *stop is
 * true (stop may be NULL). */
int pack_cache_key_make_for(struct pack_cache_key *key, const char *dir, uint64_t vocab_digest,
			    const atomic_bool *stop);

/* A key without sources (nsources 0): the folder and the vocabulary only.
 * Reads no file; for PACK_CACHE_SKIP_SOURCES. */
int pack_cache_key_make_light(struct pack_cache_key *key, const char *dir, const struct library *library);
void pack_cache_key_release(struct pack_cache_key *key);

/* The cache file for key in cache_dir ($XDG_CACHE_HOME/rxplore).  False when
 * it does not fit in size bytes. */
bool pack_cache_path(const char *cache_dir, const struct pack_cache_key *key, char *buf, size_t size);

/* Writes cards[0..ncards) and diags, as loaded from key's files, to file
 * (its folder is made when missing), atomically.  Returns 0, or an errno
 * value. */
int pack_cache_write(const char *file, const struct pack_cache_key *key, struct card *const *cards, size_t ncards,
		     const struct diag_list *diags);

enum pack_cache_status {
	PACK_CACHE_OK,
	PACK_CACHE_MISSING,	/* no file: build it */
	PACK_CACHE_STALE,	/* made from other files or another vocabulary: rebuild quietly */
	PACK_CACHE_FOREIGN,	/* another format version, or another pack's: warn, rebuild */
	PACK_CACHE_DAMAGED,	/* truncated, altered, not a cache file: warn, rebuild */
	PACK_CACHE_NO_MEMORY,
};

/* Checks pack_cache_parse() may leave out, or-ed together. */
enum pack_cache_skip {
	PACK_CACHE_CHECK_ALL = 0,
	/* The digest of the body (fuzzing, tests of the checks behind it, and a
	 * start that paints first: pack_cache_verify() checks it afterwards). */
	PACK_CACHE_SKIP_DIGEST = 1,
	/* Whether the source files are those the cache was made from: key then
	 * needs no sources (pack_cache_key_make_light). */
	PACK_CACHE_SKIP_SOURCES = 2,
	/* Only what the topic list needs (the cards' heads, their order): each
	 * card's body is left where it is in data (card->body_from) for
	 * pack_cache_read_body(), and only the hot strings are checked.  A
	 * start that paints first reads no more before its first frame. */
	PACK_CACHE_DEFER_BODIES = 4,
};

/* Where the bodies of a cache's cards read with PACK_CACHE_DEFER_BODIES
 * are (in the library's arena, the data in its mapping). */
struct pack_cache_bodies {
	const char *strings;	/* the file's strings: [0, hot) checked, the rest when cold_checked */
	size_t hot, nstrings;
	const unsigned char *bodies;
	size_t size;
	bool cold_checked;
};

/* Whether a cache's table of ids (compiled_pack.id_table) lists each of
 * cards[0..ncards) once, by the hash of its id, sorted. */
bool pack_cache_ids_valid(const unsigned char *table, struct card *const *cards, size_t ncards);

/* Checks the cold strings of from in one pass (once: remembered).  False
 * when one is not clean. */
bool pack_cache_check_cold(struct pack_cache_bodies *from);

/* Reads card's body (when card->body_from is set) into it, checking every
 * value as pack_cache_parse() does and each string it uses (unless
 * pack_cache_check_cold() has checked them all), and clears body_from.
 * Returns 0, or -1 with *why when the body is damaged (card is unchanged
 * then) or memory ran out ("out of memory"). */
int pack_cache_read_body(struct library *library, struct card *card, const char **why);

/* Reads a cache image: checks its header, its digest, that it was made from
 * key (any key when NULL), and every value in it, less what skip (enum
 * pack_cache_skip) leaves out.  Every value is checked whatever skip says,
 * so a hostile image is refused, never followed.  On PACK_CACHE_OK, out
 * holds its cards as own_cards (in library's arena, their text pointing into
 * data) and diagnostics, ready for loader_load_compiled_cards() into pack
 * (the cards' card->pack); their fact keys are known to library's
 * vocabulary.  Otherwise *why says what was
 * wrong (a static string).  data must stay mapped as long as the cards are
 * used. */
enum pack_cache_status pack_cache_parse(const void *data, size_t size, const struct pack_cache_key *key,
					unsigned skip, size_t pack, struct library *library, struct compiled_pack *out,
					const char **why);

/* pack_cache_parse() of file, mapped read-only; on PACK_CACHE_OK the
 * mapping is handed to library (library_keep_mapping, the last one). */
enum pack_cache_status pack_cache_read(const char *file, const struct pack_cache_key *key, unsigned skip,
				       size_t pack, struct library *library, struct compiled_pack *out, const char **why);

/* What pack_cache_read() with PACK_CACHE_SKIP_DIGEST | PACK_CACHE_SKIP_SOURCES
 * left out, done afterwards on data[0..size), the image it read (still
 * mapped: checking that, rather than mapping the file again, keeps its pages
 * counted once): whether file is still that image (its header on disk is the
 * same), the body matches its digest, and it was made from key's files
 * (pack_cache_key_make, as they are now).  Only reads, so it may run on a
 * thread of its own.  PACK_CACHE_OK, or what is wrong (a file replaced or
 * removed since reads as PACK_CACHE_STALE), with *why. */
enum pack_cache_status pack_cache_verify(const char *file, const struct pack_cache_key *key, const void *data,
					 size_t size, const char **why);

/* The second loading phase of a pack folder through the cache in cache_dir:
 * a usable cache file is loaded as is; else the folder is loaded from YAML
 * and the file (re)written, with a warning first when the old one was
 * damaged or foreign.  defer: 0, or PACK_CACHE_SKIP_DIGEST |
 * PACK_CACHE_SKIP_SOURCES, optionally with PACK_CACHE_DEFER_BODIES: a cache
 * file whose header, folder and vocabulary match is then loaded without
 * reading the source files or digesting its body (every value it reads is
 * still checked), and recorded in library->unchecked for
 * pack_cache_verify() afterwards.  Returns what loader_load_dir_cards()
 * returns. */
int pack_cache_load_cards(struct library *library, size_t pack, const char *dir, const char *cache_dir,
			  unsigned defer, struct diag_list *diags);

/* Removes every cache file in cache_dir.  Returns the number removed, or
 * -1 with errno set. */
int pack_cache_clear(const char *cache_dir);

#endif
