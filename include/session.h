/* session — where the interface was left, kept for the next start: the
 * topics marked for comparison, the card being read and its section, and the
 * last comparison (core; no curses).
 *
 * The file ($XDG_STATE_HOME/rxplore/session, or session-NAME for --profile
 * NAME: marks and reading place are a learner's, as progress is) is a few
 * lines of text, card ids only:
 *
 *     rxplore-session 1
 *     card baclofen mechanism
 *     mark baclofen
 *     mark diazepam
 *     compare diazepam lorazepam
 *     view compare
 *
 * `view compare` says the comparison was on screen when rxplore ended.  A
 * file is all or nothing: one that does not start with the header, has a
 * line this version does not know, a bad id, a repeated card/compare/view
 * line or a last line without its newline (cut short) is damaged and ignored
 * whole.  Ids of topics that no longer load are dropped without a word: packs
 * come and go.  It is written whole to a temporary file that is renamed over
 * the old one, so a crash leaves the old file or the new, never half of one.
 */
#ifndef RXPLORE_SESSION_H
#define RXPLORE_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "compare.h"
#include "library.h"

/* Larger files are not read: no session is that big. */
#define SESSION_MAX_BYTES ((size_t)256 * 1024)

struct session {
	const struct card *card;	/* the card being read, or NULL */
	int section;			/* its section (enum section), or -1 */
	const struct card **marks;	/* marked topics, in the order marked (no repeats) */
	size_t nmarks, alloc;
	const struct card *compare[COMPARE_MAX_CARDS];	/* the last comparison: 0, or 2..4 topics */
	size_t ncompare;
	bool compare_open;		/* the comparison was on screen at the end */
};

enum session_status {
	SESSION_OK = 0,
	SESSION_MISSING = -1,	/* no file yet: a first start */
	SESSION_UNREADABLE = -2,	/* it exists but cannot be read (errno) */
	SESSION_DAMAGED = -3,	/* not a session file, or cut short or edited wrongly */
	SESSION_OTHER_VERSION = -4,	/* written by another version of rxplore */
	SESSION_NO_MEMORY = -5
};

void session_init(struct session *session);
void session_release(struct session *session);

/* Adds card to the marks unless it is there; 0, or -1 when out of memory. */
int session_mark(struct session *session, const struct card *card);

/* Reads a session from text[0..len) against the loaded library.  On
 * SESSION_OK the session holds what still loads; on any other status it is
 * left empty and *line (may be NULL) is the 1-based line found wrong (0 when
 * the problem is not one line's). */
enum session_status session_parse(struct session *session, const struct library *library, const char *text,
				  size_t len, size_t *line);

/* The file's text for session: malloc'd, NUL-terminated; NULL when out of memory. */
char *session_format(const struct session *session);

/* session_parse() of the file at path. */
enum session_status session_load(struct session *session, const struct library *library, const char *path,
				 size_t *line);

/* Writes session to path atomically (a temporary file beside it, then
 * rename), making its folder when needed.  Returns 0, or an errno value. */
int session_save(const struct session *session, const char *path);

/* A short phrase for a status: "is damaged", "was written by another version". */
const char *session_strerror(enum session_status status);

#endif
