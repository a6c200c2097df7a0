/* pack_cache — the key of a pack's cache and writing it; see
 * include/pack_cache.h.  Reading is pack_cache_read.c and pack_cache_card.c,
 * the layout pack_cache_format.h. */
#include "pack_cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pack_cache_format.h"
#include "paths.h"
#include "text.h"

#define DIGEST_MULTIPLIER 0x9E3779B97F4A7C15ull

static uint64_t mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * DIGEST_MULTIPLIER;
	return h ^ (h >> 32);
}

uint64_t pack_cache_digest(const void *data, size_t size, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = mix(seed, (uint64_t)size);
	for (; size >= 8; p += 8, size -= 8) {
		uint64_t w;
		memcpy(&w, p, sizeof w);
		h = mix(h, w);
	}
	uint64_t tail = 0;
	if (size)
		memcpy(&tail, p, size);
	return mix(h, tail ^ ((uint64_t)size << 56));
}

/* --- the key --------------------------------------------------------------- */

void pack_cache_key_release(struct pack_cache_key *key)
{
	for (size_t i = 0; i < key->nsources; i++)
		free(key->sources[i].name);
	free(key->sources);
	free(key->real_dir);
	*key = (struct pack_cache_key){ 0 };
}

struct file_buffer {
	char *data;
	size_t alloc;
};

/* Adds dir/name (shown as name) to the key's sources: size, time and the
 * digest of what was read.  A file that vanished is left out (the loader
 * will not find it either); other failures are errors. */
static int add_source(struct pack_cache_key *key, size_t *alloc, const char *dir, const char *name,
		      struct file_buffer *buf)
{
	char path[PATH_MAX];
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	struct stat st;
	int rc = fstat(fd, &st);
	size_t got = 0;
	while (rc == 0) {
		if (got == buf->alloc) {
			size_t want = buf->alloc ? buf->alloc * 2 : (size_t)64 * 1024;
			char *grown = realloc(buf->data, want);
			if (!grown) {
				rc = -1;
				break;
			}
			buf->data = grown;
			buf->alloc = want;
		}
		ssize_t n = read(fd, buf->data + got, buf->alloc - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			rc = -1;
		else if (n == 0)
			break;
		else
			got += (size_t)n;
	}
	int saved = errno;
	close(fd);
	errno = saved;
	if (rc < 0 || array_grow(&key->sources, alloc, key->nsources, sizeof *key->sources) < 0)
		return -1;
	struct pack_cache_source *s = &key->sources[key->nsources];
	if (!(s->name = strdup(name)))
		return -1;
	s->size = (uint64_t)st.st_size;
	s->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	s->digest = pack_cache_digest(buf->data, got, 0);
	key->nsources++;
	return 0;
}

uint64_t pack_cache_vocab_digest(const struct library *library)
{
	uint64_t h = pack_cache_digest(NULL, 0, library->nvocab);
	for (size_t i = 0; i < library->nvocab; i++)
		h = pack_cache_digest(library->vocab[i].key, strlen(library->vocab[i].key) + 1, h);
	return h;
}

int pack_cache_key_make_light(struct pack_cache_key *key, const char *dir, const struct library *library)
{
	*key = (struct pack_cache_key){ .dir = dir, .vocab_digest = pack_cache_vocab_digest(library) };
	return (key->real_dir = realpath(dir, NULL)) ? 0 : -1;
}

int pack_cache_key_make(struct pack_cache_key *key, const char *dir, const struct library *library)
{
	return pack_cache_key_make_for(key, dir, pack_cache_vocab_digest(library), NULL);
}

int pack_cache_key_make_for(struct pack_cache_key *key, const char *dir, uint64_t vocab_digest,
			    const atomic_bool *stop)
{
	*key = (struct pack_cache_key){ .dir = dir, .vocab_digest = vocab_digest };
	struct loader_listing listing;
	if (!(key->real_dir = realpath(dir, NULL)))
		return -1;
	if (loader_list_cards(dir, &listing) < 0) {
		int saved = errno;
		pack_cache_key_release(key);
		errno = saved;
		return -1;
	}
	/* Cards are named from the pack folder, so that the cards/ folder
	 * appearing or going away changes every name. */
	const char *sub = listing.card_dir + strlen(dir);
	sub += *sub == '/';
	struct file_buffer buf = { 0 };
	size_t alloc = 0;
	int rc = add_source(key, &alloc, dir, "pack.yaml", &buf);
	for (size_t i = 0; rc == 0 && i < listing.count; i++) {
		char name[PATH_MAX];
		if (stop && atomic_load(stop)) {
			errno = ECANCELED;
			rc = -1;
		} else if ((size_t)snprintf(name, sizeof name, "%s%s%s", sub, *sub ? "/" : "", listing.names[i]) >=
			   sizeof name) {
			errno = ENAMETOOLONG;
			rc = -1;
		} else {
			rc = add_source(key, &alloc, dir, name, &buf);
		}
	}
	int saved = errno;
	free(buf.data);
	loader_listing_release(&listing);
	if (rc < 0) {
		pack_cache_key_release(key);
		errno = saved;
	}
	return rc;
}

bool pack_cache_path(const char *cache_dir, const struct pack_cache_key *key, char *buf, size_t size)
{
	uint64_t id = pack_cache_digest(key->real_dir, strlen(key->real_dir), 0);
	int n = snprintf(buf, size, "%s/packs/%016llx%s", cache_dir, (unsigned long long)id, PACK_CACHE_SUFFIX);
	return n > 0 && (size_t)n < size;
}

/* --- writing --------------------------------------------------------------- */

struct out {
	unsigned char *data;
	size_t len, alloc;
	bool failed;
	/* The string table put_str() adds to (the hot or the cold strings of
	 * pack_cache_format.h), and the offset of its first byte among the
	 * file's strings. */
	struct out *strings;
	size_t string_base;
};

static void put_bytes(struct out *o, const void *p, size_t n)
{
	if (o->failed || n == 0)
		return;
	if (o->alloc - o->len < n) {
		size_t want = o->alloc ? o->alloc : (size_t)1 << 16;
		while (want - o->len < n && want <= SIZE_MAX / 2)
			want *= 2;
		unsigned char *grown = want - o->len >= n ? realloc(o->data, want) : NULL;
		if (!grown) {
			o->failed = true;
			return;
		}
		o->data = grown;
		o->alloc = want;
	}
	memcpy(o->data + o->len, p, n);
	o->len += n;
}

static void put_u32(struct out *o, uint32_t v)
{
	put_bytes(o, &v, sizeof v);
}

static void put_u64(struct out *o, uint64_t v)
{
	put_bytes(o, &v, sizeof v);
}

static void put_str(struct out *o, const char *s)
{
	if (!s) {
		put_u32(o, CACHE_NULL);
		return;
	}
	struct out *strings = o->strings;
	size_t offset = o->string_base + strings->len, len = strlen(s);
	if (len >= CACHE_NULL - 1 - offset) {
		o->failed = true;
		return;
	}
	put_u32(o, (uint32_t)offset);
	put_bytes(strings, s, len + 1);
}

static void put_strs(struct out *o, const char *const *items, size_t n)
{
	put_u32(o, (uint32_t)n);
	for (size_t i = 0; i < n; i++)
		put_str(o, items[i]);
}

static void put_links(struct out *o, const char *const *ids, const struct card_pos *at, size_t n)
{
	put_u32(o, (uint32_t)n);
	for (size_t i = 0; i < n; i++) {
		put_str(o, ids[i]);
		put_u32(o, at ? at[i].line : 0);
		put_u32(o, at ? at[i].col : 0);
	}
}

static void put_question(struct out *o, const struct card_question *q)
{
	put_str(o, q->id);
	put_u32(o, q->id_authored);
	put_u32(o, (uint32_t)q->type);
	put_str(o, q->ask);
	put_strs(o, q->choices, q->nchoices);
	/* The topics choices stand for, where any is named, and where. */
	put_u32(o, q->choice_topics != NULL && q->choice_topics_at != NULL);
	for (size_t i = 0; q->choice_topics && q->choice_topics_at && i < q->nchoices; i++) {
		put_str(o, q->choice_topics[i]);
		put_u32(o, q->choice_topics_at[i].line);
		put_u32(o, q->choice_topics_at[i].col);
	}
	uint32_t correct = 0;
	for (size_t i = 0; i < q->nchoices && i < QUESTION_MAX_CHOICES; i++)
		correct |= (uint32_t)q->correct[i] << i;
	put_u32(o, correct);
	/* A matching's right items, parallel to its choices. */
	put_u32(o, q->matches != NULL);
	for (size_t i = 0; q->matches && i < q->nchoices; i++)
		put_str(o, q->matches[i]);
	put_str(o, q->explain);
	put_u32(o, (uint32_t)(q->see + 1));
	put_u32(o, q->line);
}

/* A question of the quiz, then its parts (a case's; each has none). */
static void put_quiz_question(struct out *o, const struct card_question *q)
{
	put_question(o, q);
	put_u32(o, (uint32_t)q->nparts);
	for (size_t i = 0; i < q->nparts; i++) {
		put_question(o, &q->parts[i]);
		put_u32(o, 0);
	}
}

/* What the topic list needs of a card, read before the first frame; its
 * strings go to the hot table.  The body's offset is patched in later. */
static void put_head(struct out *o, const struct card *c)
{
	put_str(o, c->id);
	put_str(o, c->title);
	put_u32(o, (uint32_t)c->kind);
	put_strs(o, c->aliases, c->naliases);
	put_str(o, c->member_of);
	put_u32(o, c->member_of_at.line);
	put_u32(o, c->member_of_at.col);
	put_str(o, c->path);
	put_u32(o, c->line);
}

/* The rest of a card; its strings go to the cold table. */
static void put_card_body(struct out *o, const struct card *c)
{
	for (size_t i = 0; i < SECTION_TEXT_COUNT; i++)
		put_str(o, c->text[i]);
	put_str(o, c->diagram_text);
	put_u32(o, (uint32_t)c->nfacts);
	for (size_t i = 0; i < c->nfacts; i++) {
		put_str(o, c->facts[i].key);
		put_str(o, c->facts[i].value);
	}
	put_links(o, c->related, c->related_at, c->nrelated);
	put_links(o, c->compare_with, c->compare_with_at, c->ncompare_with);
	put_u32(o, (uint32_t)c->nquiz);
	for (size_t i = 0; i < c->nquiz; i++)
		put_quiz_question(o, &c->quiz[i]);
	put_u32(o, (uint32_t)c->nsources);
	for (size_t i = 0; i < c->nsources; i++) {
		const struct card_source *s = &c->sources[i];
		const char *fields[] = { s->title, s->publisher, s->authors, s->chapter, s->edition,
					 s->year, s->url, s->identifier, s->note };
		for (size_t f = 0; f < sizeof fields / sizeof *fields; f++)
			put_str(o, fields[f]);
	}
	put_u32(o, (uint32_t)c->status);
	put_str(o, c->reviewed_by);
	put_str(o, c->reviewed);
}

static void patch_u32(struct out *o, size_t at, uint32_t v)
{
	if (!o->failed)
		memcpy(o->data + at, &v, sizeof v);
}

/* A card and its index in the file, sorted by topic. */
struct ranked {
	const struct card *card;
	uint32_t index;
};

static int by_topic(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	return library_topic_cmp(x->card, y->card);
}

/* A card's id hash (text_hash_nocase, its low 32 bits) and its index. */
struct hashed_id {
	uint32_t hash, index;
};

static int by_hash(const void *a, const void *b)
{
	const struct hashed_id *x = a, *y = b;
	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The cards' ids by hash: a start that paints first finds a card by its id
 * here until the name index holds them (library_complete). */
static void put_id_table(struct out *o, struct card *const *cards, size_t ncards)
{
	struct hashed_id *table = malloc((ncards + 1) * sizeof *table);
	if (!table) {
		o->failed = true;
		return;
	}
	for (size_t i = 0; i < ncards; i++)
		table[i] = (struct hashed_id){ (uint32_t)text_hash_nocase(cards[i]->id), (uint32_t)i };
	qsort(table, ncards, sizeof *table, by_hash);
	put_u32(o, (uint32_t)ncards);
	for (size_t i = 0; i < ncards; i++) {
		put_u32(o, table[i].hash);
		put_u32(o, table[i].index);
	}
	free(table);
}

/* The cards' topic-list order, as indexes: the reader merges it rather than
 * sorting the titles again (a third of a warm start at 10,000 cards). */
static void put_order(struct out *o, struct card *const *cards, size_t ncards)
{
	struct ranked *ranked = malloc((ncards + 1) * sizeof *ranked);
	if (!ranked) {
		o->failed = true;
		return;
	}
	for (size_t i = 0; i < ncards; i++)
		ranked[i] = (struct ranked){ cards[i], (uint32_t)i };
	qsort(ranked, ncards, sizeof *ranked, by_topic);
	put_u32(o, (uint32_t)ncards);
	for (size_t i = 0; i < ncards; i++)
		put_u32(o, ranked[i].index);
	free(ranked);
}

/* The records; o's strings are the hot table, cold the cold one. */
static void put_body(struct out *o, struct out *cold, const struct pack_cache_key *key, struct card *const *cards,
		     size_t ncards, const struct diag_list *diags)
{
	put_str(o, key->dir);
	put_str(o, key->real_dir);
	put_u64(o, key->vocab_digest);
	put_u32(o, (uint32_t)key->nsources);
	for (size_t i = 0; i < key->nsources; i++) {
		put_str(o, key->sources[i].name);
		put_u64(o, key->sources[i].size);
		put_u64(o, (uint64_t)key->sources[i].mtime_ns);
		put_u64(o, key->sources[i].digest);
	}
	put_u32(o, (uint32_t)diags->count);
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *d = &diags->items[i];
		put_u32(o, (uint32_t)d->severity);
		put_str(o, d->path);
		put_u32(o, d->line);
		put_u32(o, d->col);
		put_str(o, d->message);
	}
	put_u32(o, (uint32_t)ncards);
	size_t naliases = 0;
	for (size_t i = 0; i < ncards; i++)
		naliases += cards[i]->naliases;
	put_u32(o, (uint32_t)naliases);
	size_t *body_at = malloc((ncards + 1) * sizeof *body_at);
	if (!body_at) {
		o->failed = true;
		return;
	}
	for (size_t i = 0; i < ncards; i++) {
		put_head(o, cards[i]);
		body_at[i] = o->len;
		put_u32(o, 0);
	}
	put_order(o, cards, ncards);
	put_id_table(o, cards, ncards);
	/* The bodies, with their strings in the cold table, which follows the
	 * hot one, now complete. */
	o->string_base = o->strings->len;
	o->strings = cold;
	size_t size_at = o->len;
	put_u32(o, 0);
	size_t bodies = o->len;
	for (size_t i = 0; i < ncards; i++) {
		if (o->len - bodies > UINT32_MAX)
			o->failed = true;
		patch_u32(o, body_at[i], (uint32_t)(o->len - bodies));
		put_card_body(o, cards[i]);
	}
	if (o->len - bodies > UINT32_MAX)
		o->failed = true;
	patch_u32(o, size_at, (uint32_t)(o->len - bodies));
	free(body_at);
}

/* A part of a file being written. */
struct part {
	const void *data;
	size_t size;
};

/* Writes the parts, in order, to a fresh file beside file, then renames it
 * over file: readers see the old file or the new one. */
static int replace_file(const char *file, const struct part *parts, size_t nparts)
{
	char tmp[PATH_MAX];
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.XXXXXX", file) >= sizeof tmp)
		return ENAMETOOLONG;
	int fd = mkstemp(tmp);
	if (fd < 0)
		return errno;
	int err = 0;
	for (size_t i = 0; i < nparts && !err; i++) {
		const unsigned char *p = parts[i].data;
		size_t size = parts[i].size;
		while (size > 0) {
			ssize_t n = write(fd, p, size);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				err = n < 0 ? errno : EIO;
				break;
			}
			p += n;
			size -= (size_t)n;
		}
	}
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp, file) != 0)
		err = errno;
	if (err)
		unlink(tmp);
	return err;
}

int pack_cache_write(const char *file, const struct pack_cache_key *key, struct card *const *cards, size_t ncards,
		     const struct diag_list *diags)
{
	struct cache_header header = { .format = PACK_CACHE_FORMAT, .byte_order = CACHE_BYTE_ORDER };
	memcpy(header.magic, CACHE_MAGIC, sizeof header.magic);
	struct out hot = { 0 }, cold = { 0 }, o = { .strings = &hot };
	put_bytes(&o, &header, sizeof header);
	put_body(&o, &cold, key, cards, ncards, diags);
	/* The strings part: both lengths, the hot strings, the cold ones, then
	 * zeros to a multiple of four; written from the buffers as they are. */
	static const char pad[4];
	size_t nstrings = hot.len + cold.len;
	uint32_t words[2] = { (uint32_t)nstrings, (uint32_t)hot.len };
	if (nstrings > UINT32_MAX - sizeof pad)
		o.failed = true;
	put_bytes(&cold, pad, cache_pad(nstrings) - nstrings);
	if (o.failed || hot.failed || cold.failed) {
		free(o.data);
		free(hot.data);
		free(cold.data);
		return ENOMEM;
	}
	const unsigned char *records = o.data + sizeof header;
	size_t nrecords = o.len - sizeof header;
	header.size = sizeof header + sizeof words + hot.len + cold.len + nrecords;
	header.digest = cache_body_digest(words, hot.data, hot.len, cold.data, cold.len, records, nrecords);
	struct part parts[] = { { &header, sizeof header }, { words, sizeof words }, { hot.data, hot.len },
				{ cold.data, cold.len }, { records, nrecords } };
	int err = paths_make_parent(file);
	if (!err)
		err = replace_file(file, parts, sizeof parts / sizeof *parts);
	free(o.data);
	free(hot.data);
	free(cold.data);
	return err;
}

/* --- clearing -------------------------------------------------------------- */

int pack_cache_clear(const char *cache_dir)
{
	char dir[PATH_MAX];
	if ((size_t)snprintf(dir, sizeof dir, "%s/packs", cache_dir) >= sizeof dir) {
		errno = ENAMETOOLONG;
		return -1;
	}
	DIR *d = opendir(dir);
	if (!d)
		return errno == ENOENT ? 0 : -1;
	int removed = 0, rc = 0;
	struct dirent *e;
	size_t suffix = strlen(PACK_CACHE_SUFFIX);
	while ((e = readdir(d))) {
		/* Cache files, and temporary ones a killed writer left. */
		const char *dot = strstr(e->d_name, PACK_CACHE_SUFFIX);
		if (!dot || (dot[suffix] != '\0' && dot[suffix] != '.'))
			continue;
		char path[PATH_MAX];
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path)
			continue;
		if (unlink(path) == 0)
			removed++;
		else if (errno != ENOENT)
			rc = -1;
	}
	int saved = errno;
	closedir(d);
	errno = saved;
	return rc < 0 ? -1 : removed;
}
