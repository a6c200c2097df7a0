/* session — the saved place of the interface (see include/session.h). */
#include "session.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "card.h"
#include "paths.h"
#include "slurp.h"

#define HEADER "rxplore-session "
#define FORMAT_VERSION "1"
#define ID_MAX 128

void session_init(struct session *session)
{
	memset(session, 0, sizeof *session);
	session->section = -1;
}

void session_release(struct session *session)
{
	free(session->marks);
	session_init(session);
}

int session_mark(struct session *session, const struct card *card)
{
	for (size_t i = 0; i < session->nmarks; i++)
		if (session->marks[i] == card)
			return 0;
	if (array_grow(&session->marks, &session->alloc, session->nmarks, sizeof *session->marks) < 0)
		return -1;
	session->marks[session->nmarks++] = card;
	return 0;
}

/* Card ids as the schema allows them: [a-z0-9-], at most ID_MAX. */
static bool id_ok(const char *s, size_t len)
{
	if (len == 0 || len > ID_MAX)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

/* The card whose id is exactly id[0..len), or NULL (gone, or an alias now). */
static const struct card *card_by_id(const struct library *library, const char *id, size_t len)
{
	char name[ID_MAX + 1];
	memcpy(name, id, len);
	name[len] = '\0';
	const struct card *card = library_find_exact(library, name);
	return card && strcmp(card->id, name) == 0 ? card : NULL;
}

/* One line split into words at single spaces. */
struct words {
	const char *at[1 + COMPARE_MAX_CARDS + 1];
	size_t len[1 + COMPARE_MAX_CARDS + 1];
	size_t count;
	bool too_many;
};

static void split(const char *line, size_t len, struct words *w)
{
	size_t start = 0;
	w->count = 0;
	w->too_many = false;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && line[i] != ' ')
			continue;
		if (w->count == sizeof w->at / sizeof w->at[0]) {
			w->too_many = true;
			return;
		}
		w->at[w->count] = line + start;
		w->len[w->count++] = i - start;
		start = i + 1;
	}
}

static bool word_is(const struct words *w, size_t i, const char *s)
{
	return w->len[i] == strlen(s) && memcmp(w->at[i], s, w->len[i]) == 0;
}

/* What one line after the header holds; false when this version does not
 * know it.  seen: which of card/compare/view came already. */
static bool parse_line(struct session *session, const struct library *library, const struct words *w,
		       unsigned *seen, bool *no_memory)
{
	if (w->too_many || w->count < 2)
		return false;
	for (size_t i = 0; i < w->count; i++)
		if (w->len[i] == 0)
			return false;
	if (word_is(w, 0, "card") && (w->count == 2 || w->count == 3) && !(*seen & 1) && id_ok(w->at[1], w->len[1])) {
		*seen |= 1;
		int section = -1;
		if (w->count == 3) {
			char key[32];
			if (w->len[2] >= sizeof key)
				return false;
			memcpy(key, w->at[2], w->len[2]);
			key[w->len[2]] = '\0';
			section = section_parse(key);
			if (section < 0)
				return false;
		}
		session->card = card_by_id(library, w->at[1], w->len[1]);
		session->section = session->card ? section : -1;
		return true;
	}
	if (word_is(w, 0, "mark") && w->count == 2 && id_ok(w->at[1], w->len[1])) {
		const struct card *card = card_by_id(library, w->at[1], w->len[1]);
		if (card && session_mark(session, card) < 0)
			*no_memory = true;
		return true;
	}
	if (word_is(w, 0, "compare") && w->count >= 3 && w->count <= 1 + COMPARE_MAX_CARDS && !(*seen & 2)) {
		*seen |= 2;
		for (size_t i = 1; i < w->count; i++) {
			if (!id_ok(w->at[i], w->len[i]))
				return false;
			const struct card *card = card_by_id(library, w->at[i], w->len[i]);
			if (card)
				session->compare[session->ncompare++] = card;
		}
		return true;
	}
	if (word_is(w, 0, "view") && w->count == 2 && word_is(w, 1, "compare") && !(*seen & 4)) {
		*seen |= 4;
		session->compare_open = true;
		return true;
	}
	return false;
}

static enum session_status fail(struct session *session, enum session_status status, size_t *line, size_t at)
{
	session_release(session);
	if (line)
		*line = at;
	return status;
}

enum session_status session_parse(struct session *session, const struct library *library, const char *text,
				  size_t len, size_t *line)
{
	session_release(session);
	if (line)
		*line = 0;
	if (len > SESSION_MAX_BYTES || memchr(text, '\0', len))
		return fail(session, SESSION_DAMAGED, line, 0);
	const char *end = memchr(text, '\n', len);
	size_t header = strlen(HEADER);
	if (!end || (size_t)(end - text) < header || memcmp(text, HEADER, header) != 0)
		return fail(session, SESSION_DAMAGED, line, 1);
	size_t digits = (size_t)(end - text) - header;
	if (digits == 0 || strspn(text + header, "0123456789") != digits)
		return fail(session, SESSION_DAMAGED, line, 1);
	if (digits != strlen(FORMAT_VERSION) || memcmp(text + header, FORMAT_VERSION, digits) != 0)
		return fail(session, SESSION_OTHER_VERSION, line, 1);
	unsigned seen = 0;
	bool no_memory = false;
	size_t number = 1;
	for (const char *p = end + 1; p < text + len; p = end + 1) {
		number++;
		end = memchr(p, '\n', (size_t)(text + len - p));
		if (!end)	/* the last line lost its newline: cut short */
			return fail(session, SESSION_DAMAGED, line, number);
		struct words w;
		split(p, (size_t)(end - p), &w);
		if (!parse_line(session, library, &w, &seen, &no_memory))
			return fail(session, SESSION_DAMAGED, line, number);
		if (no_memory)
			return fail(session, SESSION_NO_MEMORY, line, 0);
	}
	/* A comparison needs two topics that still load. */
	if (session->ncompare < 2) {
		session->ncompare = 0;
		session->compare_open = false;
	}
	return SESSION_OK;
}

/* A growing string. */
struct text_buf {
	char *s;
	size_t len, alloc;
};

/* Appends a, or "a c" when c is not NULL. */
static bool put(struct text_buf *b, const char *a, const char *c)
{
	size_t n = strlen(a) + (c ? 1 + strlen(c) : 0);
	while (b->len + n + 1 > b->alloc)	/* array_grow() doubles a full array */
		if (array_grow(&b->s, &b->alloc, b->alloc, 1) < 0)
			return false;
	b->len += (size_t)snprintf(b->s + b->len, b->alloc - b->len, c ? "%s %s" : "%s", a, c ? c : "");
	return true;
}

char *session_format(const struct session *session)
{
	struct text_buf b = { NULL, 0, 0 };
	bool ok = put(&b, HEADER FORMAT_VERSION "\n", NULL);
	if (ok && session->card) {
		ok = put(&b, "card", session->card->id);
		if (ok && session->section >= 0 && session->section < SECTION_COUNT)
			ok = put(&b, "", section_key((enum section)session->section));
		ok = ok && put(&b, "\n", NULL);
	}
	for (size_t i = 0; ok && i < session->nmarks; i++)
		ok = put(&b, "mark", session->marks[i]->id) && put(&b, "\n", NULL);
	if (ok && session->ncompare >= 2) {
		ok = put(&b, "compare", NULL);
		for (size_t i = 0; ok && i < session->ncompare; i++)
			ok = put(&b, "", session->compare[i]->id);
		ok = ok && put(&b, "\n", NULL);
		if (ok && session->compare_open)
			ok = put(&b, "view compare\n", NULL);
	}
	if (!ok) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

enum session_status session_load(struct session *session, const struct library *library, const char *path,
				 size_t *line)
{
	size_t len;
	if (line)
		*line = 0;
	session_release(session);
	char *text = slurp_file(path, &len);
	if (!text)
		return errno == ENOENT ? SESSION_MISSING : errno == ENOMEM ? SESSION_NO_MEMORY : SESSION_UNREADABLE;
	enum session_status status = session_parse(session, library, text, len, line);
	free(text);
	return status;
}

int session_save(const struct session *session, const char *path)
{
	char temp[4096];
	int n = snprintf(temp, sizeof temp, "%s.tmp-%ld", path, (long)getpid());
	if (n < 0 || (size_t)n >= sizeof temp)
		return ENAMETOOLONG;
	int err = paths_make_parent(path);
	if (err)
		return err;
	char *text = session_format(session);
	if (!text)
		return ENOMEM;
	size_t len = strlen(text), done = 0;
	int fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	err = fd < 0 ? errno : 0;
	while (!err && done < len) {
		ssize_t w = write(fd, text + done, len - done);
		if (w < 0 && errno != EINTR)
			err = errno;
		else if (w > 0)
			done += (size_t)w;
	}
	if (!err && fsync(fd) != 0)
		err = errno;
	if (fd >= 0 && close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(temp, path) != 0)
		err = errno;
	if (err && fd >= 0)
		unlink(temp);
	free(text);
	return err;
}

const char *session_strerror(enum session_status status)
{
	switch (status) {
	case SESSION_OK: return "was restored";
	case SESSION_MISSING: return "does not exist yet";
	case SESSION_UNREADABLE: return "cannot be read";
	case SESSION_DAMAGED: return "is damaged";
	case SESSION_OTHER_VERSION: return "was written by another version of rxplore";
	case SESSION_NO_MEMORY: return "could not be read: out of memory";
	}
	return "is damaged";
}
