/* schema — YAML trees to cards, packs and settings, with a located
 * diagnostic for every rule of DESIGN §2.  No libyaml here: src/yamltree.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "text.h"
#include "yamltree.h"

/* What one schema run needs at hand. */
struct reader {
	struct library *library;
	const char *path;
	struct diag_list *diags;
	int errors;
};

static void fail(struct reader *r, const struct ynode *at, const char *fmt, ...) DIAG_PRINTF(3, 4);
static void fail(struct reader *r, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(r->diags, DIAG_ERROR, r->path, at ? at->line : 0, at ? at->col : 0, fmt, ap);
	va_end(ap);
	r->errors++;
}

static void warn(struct reader *r, const struct ynode *at, const char *fmt, ...) DIAG_PRINTF(3, 4);
static void warn(struct reader *r, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(r->diags, DIAG_WARNING, r->path, at ? at->line : 0, at ? at->col : 0, fmt, ap);
	va_end(ap);
}

/* Cleans a scalar into the library's arena: controls out, tabs expanded,
 * and prose unfolded so authors may wrap their lines. */
static const char *clean(struct reader *r, const struct ynode *n, bool prose)
{
	char *out = arena_alloc(&r->library->arena, text_clean_size(n->value, n->len));
	if (!out) {
		fail(r, n, "out of memory");
		return NULL;
	}
	text_clean(n->value, n->len, out);
	if (prose)
		text_unfold(out);
	return out;
}

static bool expect(struct reader *r, const struct ynode *n, enum ynode_type type, const char *what)
{
	if (n->type == type)
		return true;
	static const char *const names[] = { "text", "a list", "a mapping" };
	fail(r, n, "'%s' must be %s, not %s", what, names[type], ytree_type_name(n));
	return false;
}

/* Text that must not be empty; NULL (with an error) otherwise. */
static const char *text_field(struct reader *r, const struct ynode *n, const char *what, bool prose)
{
	if (!expect(r, n, YNODE_SCALAR, what))
		return NULL;
	const char *s = clean(r, n, prose);
	if (s && !*s) {
		fail(r, n, "'%s' is empty", what);
		return NULL;
	}
	return s;
}

/* A list of texts; a single text is accepted as a list of one. */
static const char **text_list(struct reader *r, const struct ynode *n, const char *what, size_t *count)
{
	*count = 0;
	if (n->type == YNODE_MAPPING) {
		fail(r, n, "'%s' must be a list, not a mapping", what);
		return NULL;
	}
	size_t total = n->type == YNODE_SCALAR ? 1 : n->count;
	const char **items = arena_array(&r->library->arena, total ? total : 1, sizeof *items);
	if (!items)
		return NULL;
	for (size_t i = 0; i < total; i++) {
		const struct ynode *item = n->type == YNODE_SCALAR ? n : n->items[i];
		const char *s = text_field(r, item, what, false);
		if (s)
			items[(*count)++] = s;
	}
	return items;
}

/* A list of card ids, with where each is written (for library_resolve's
 * warnings). */
static const char **id_list(struct reader *r, const struct ynode *n, const char *what, size_t *count,
			    struct card_pos **at)
{
	const char **items = text_list(r, n, what, count);
	size_t total = n->type == YNODE_SEQUENCE ? n->count : 1;
	*at = items ? arena_array(&r->library->arena, total ? total : 1, sizeof **at) : NULL;
	if (!*at)
		return items;
	/* text_list skips an item it rejects, but then the card is rejected
	 * with it: for a card that loads, item i is the i-th id. */
	for (size_t i = 0; i < total; i++) {
		const struct ynode *item = n->type == YNODE_SEQUENCE ? n->items[i] : n;
		(*at)[i] = (struct card_pos){ item->line, item->col };
	}
	return items;
}

/* Reports keys of a mapping that are not in known[], with a suggestion. */
static void check_keys(struct reader *r, const struct ynode *map, const char *const *known, size_t nknown,
		       const char *where)
{
	for (size_t i = 0; i + 1 < map->count; i += 2) {
		const struct ynode *key = map->items[i];
		bool ok = false;
		for (size_t k = 0; k < nknown && !ok; k++)
			ok = strcmp(key->value, known[k]) == 0;
		if (ok)
			continue;
		const char *hint = text_suggest(key->value, known, nknown);
		if (hint)
			fail(r, key, "unknown key '%s' in %s (did you mean '%s'?)", key->value, where, hint);
		else
			fail(r, key, "unknown key '%s' in %s", key->value, where);
	}
}

static bool valid_id(const char *s, const char *extra)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '-' || strchr(extra, *s)))
			return false;
	return true;
}

/* Exactly YYYY-MM-DD in digits: sscanf's %d also took "2026- 1- 1". */
static bool valid_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* --- cards --------------------------------------------------------------- */

static const char *const card_keys[] = {
	"id",	  "title",   "kind",	"aliases", "member_of", "summary",     "sections", "facts",
	"related", "compare_with", "quiz", "sources", "status",	   "reviewed_by", "reviewed",
};
static const char *const question_keys[] = { "id", "ask", "choices", "answer", "explain", "see" };
static const char *const source_keys[] = { "title", "publisher", "authors", "chapter", "edition",
					   "year",  "url",	 "identifier", "note" };
static const char *const true_false[] = { "True", "False" };

static void read_sections(struct reader *r, struct card *card, const struct ynode *n)
{
	if (!expect(r, n, YNODE_MAPPING, "sections"))
		return;
	const char *names[SECTION_TEXT_COUNT];
	for (int s = SECTION_MECHANISM; s < SECTION_TEXT_COUNT; s++)
		names[s - 1] = section_key((enum section)s);
	names[SECTION_TEXT_COUNT - 1] = "diagram_text";
	check_keys(r, n, names, SECTION_TEXT_COUNT, "sections");
	for (int s = SECTION_MECHANISM; s < SECTION_TEXT_COUNT; s++) {
		const struct ynode *v = ytree_get(n, section_key((enum section)s));
		if (v)
			card->text[s] = text_field(r, v, section_key((enum section)s), s != SECTION_DIAGRAM);
	}
	/* A diagram is a picture drawn in characters: a screen reader reads it
	 * as noise, and it may be wider than the screen.  Its words are what
	 * every reader can use. */
	const struct ynode *diagram = ytree_get(n, "diagram"), *words = ytree_get(n, "diagram_text");
	if (words)
		card->diagram_text = text_field(r, words, "diagram_text", true);
	if (words && !diagram)
		fail(r, words, "'diagram_text' describes a diagram, but the card has no 'diagram'");
	else if (diagram && !words)
		warn(r, diagram, "a diagram needs 'diagram_text': the same in plain words, for screen readers "
				 "and line mode");
}

static void read_facts(struct reader *r, struct card *card, const struct ynode *n)
{
	if (!expect(r, n, YNODE_MAPPING, "facts"))
		return;
	struct library *lib = r->library;
	card->facts = arena_array(&lib->arena, n->count / 2 + 1, sizeof *card->facts);
	if (!card->facts)
		return;
	/* Stored in vocabulary order, so every view lists facts alike. */
	for (size_t v = 0; v < lib->nvocab; v++) {
		const struct ynode *value = ytree_get(n, lib->vocab[v].key);
		if (!value)
			continue;
		const char *s = text_field(r, value, lib->vocab[v].key, true);
		if (s)
			card->facts[card->nfacts++] = (struct card_fact){ lib->vocab[v].key, s };
	}
	for (size_t i = 0; i + 1 < n->count; i += 2) {
		const struct ynode *key = n->items[i];
		if (library_vocab(lib, key->value))
			continue;
		const char **keys = malloc((lib->nvocab + 1) * sizeof *keys);
		const char *hint = NULL;
		if (keys) {
			for (size_t v = 0; v < lib->nvocab; v++)
				keys[v] = lib->vocab[v].key;
			hint = text_suggest(key->value, keys, lib->nvocab);
		}
		if (hint)
			fail(r, key, "fact '%s' is not in any loaded pack's vocabulary (did you mean '%s'?)", key->value,
			     hint);
		else
			fail(r, key, "fact '%s' is not in any loaded pack's vocabulary", key->value);
		free(keys);
	}
}

/* Marks the answers of a question among its choices. */
static void read_answer(struct reader *r, struct card_question *q, const struct ynode *answer)
{
	if (answer->type == YNODE_MAPPING) {
		fail(r, answer, "'answer' must be text or a list, not a mapping");
		return;
	}
	size_t n = answer->type == YNODE_SCALAR ? 1 : answer->count;
	if (n == 0)
		fail(r, answer, "'answer' lists no choice");
	for (size_t i = 0; i < n; i++) {
		const struct ynode *a = answer->type == YNODE_SCALAR ? answer : answer->items[i];
		if (!expect(r, a, YNODE_SCALAR, "answer"))
			continue;
		const char *s = clean(r, a, false);
		size_t c = 0;
		while (s && c < q->nchoices && strcmp(q->choices[c], s) != 0)
			c++;
		if (!s)
			continue;
		if (c == q->nchoices)
			fail(r, a, "answer '%s' is not one of the choices", s);
		else if (q->correct[c])
			fail(r, a, "answer '%s' is listed twice", s);
		else
			q->correct[c] = true;
	}
}

static void read_question(struct reader *r, struct card *card, const struct ynode *n, struct card_question *q)
{
	q->line = n->line;
	q->see = -1;
	if (!expect(r, n, YNODE_MAPPING, "quiz item"))
		return;
	check_keys(r, n, question_keys, sizeof question_keys / sizeof *question_keys, "a question");
	const struct ynode *ask = ytree_get(n, "ask"), *choices = ytree_get(n, "choices"),
			   *answer = ytree_get(n, "answer"), *v;
	if (!ask || !answer) {
		fail(r, n, "a question needs '%s'", !ask ? "ask" : "answer");
		return;
	}
	q->ask = text_field(r, ask, "ask", true);
	if ((v = ytree_get(n, "explain")))
		q->explain = text_field(r, v, "explain", true);
	if ((v = ytree_get(n, "see")) && expect(r, v, YNODE_SCALAR, "see")) {
		q->see = section_parse(v->value);
		if (q->see < 0) {
			fail(r, v, "'see' names no section: '%s'", v->value);
			q->see = -1;
		}
	}
	if ((v = ytree_get(n, "id")) && expect(r, v, YNODE_SCALAR, "id")) {
		if (!valid_id(v->value, "_:."))
			fail(r, v, "question id '%s' may use only a-z, 0-9, '-', '_', ':' and '.'", v->value);
		q->id = clean(r, v, false);
		q->id_authored = true;
	}
	if (!choices) {
		if (answer->type != YNODE_SCALAR ||
		    (strcmp(answer->value, "true") != 0 && strcmp(answer->value, "false") != 0)) {
			fail(r, answer, "a question without choices is true/false: its answer must be true or false");
			return;
		}
		q->type = QUESTION_TRUE_FALSE;
		q->choices = (const char **)true_false;
		q->nchoices = 2;
		q->correct[answer->value[0] == 't' ? 0 : 1] = true;
	} else if (expect(r, choices, YNODE_SEQUENCE, "choices")) {
		if (choices->count < 2 || choices->count > QUESTION_MAX_CHOICES) {
			fail(r, choices, "a question needs 2 to %d choices, not %zu", QUESTION_MAX_CHOICES,
			     choices->count);
			return;
		}
		q->choices = text_list(r, choices, "choices", &q->nchoices);
		for (size_t i = 0; i < q->nchoices; i++)
			for (size_t j = 0; j < i; j++)
				if (strcmp(q->choices[i], q->choices[j]) == 0)
					fail(r, choices->items[i], "choice '%s' is listed twice", q->choices[i]);
		q->type = answer->type == YNODE_SEQUENCE ? QUESTION_MULTI : QUESTION_SINGLE;
		read_answer(r, q, answer);
	}
	/* Without a usable card id the card is rejected anyway (that error is
	 * reported elsewhere), and there is nothing to key the question to. */
	if (!q->id && q->ask && card->id) {
		char buf[64];
		snprintf(buf, sizeof buf, ":%016llx", card_question_hash(q->ask));
		size_t idlen = strlen(card->id);
		char *id = arena_alloc(&r->library->arena, idlen + strlen(buf) + 1);
		if (id) {
			memcpy(id, card->id, idlen);
			memcpy(id + idlen, buf, strlen(buf) + 1);
		}
		q->id = id;
		warn(r, n, "question has no 'id': its progress is keyed to its wording (%s)", id ? id : "?");
	}
}

static void read_quiz(struct reader *r, struct card *card, const struct ynode *n)
{
	if (!expect(r, n, YNODE_SEQUENCE, "quiz"))
		return;
	card->quiz = arena_array(&r->library->arena, n->count + 1, sizeof *card->quiz);
	if (!card->quiz)
		return;
	for (size_t i = 0; i < n->count; i++) {
		struct card_question *q = &card->quiz[card->nquiz];
		read_question(r, card, n->items[i], q);
		for (size_t j = 0; q->id && j < card->nquiz; j++)
			if (card->quiz[j].id && strcmp(card->quiz[j].id, q->id) == 0) {
				fail(r, n->items[i], "duplicate question id '%s'", q->id);
				diag_add(r->diags, DIAG_NOTE, r->path, card->quiz[j].line, 1, "first defined here");
			}
		card->nquiz++;
	}
}

static void read_sources(struct reader *r, struct card *card, const struct ynode *n)
{
	if (!expect(r, n, YNODE_SEQUENCE, "sources"))
		return;
	card->sources = arena_array(&r->library->arena, n->count + 1, sizeof *card->sources);
	if (!card->sources)
		return;
	for (size_t i = 0; i < n->count; i++) {
		const struct ynode *s = n->items[i];
		if (!expect(r, s, YNODE_MAPPING, "source"))
			continue;
		check_keys(r, s, source_keys, sizeof source_keys / sizeof *source_keys, "a source");
		struct card_source *src = &card->sources[card->nsources];
		const char **fields[] = { &src->title,	 &src->publisher, &src->authors,    &src->chapter, &src->edition,
					  &src->year,	 &src->url,	  &src->identifier, &src->note };
		for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
			const struct ynode *v = ytree_get(s, source_keys[f]);
			if (v)
				*fields[f] = text_field(r, v, source_keys[f], true);
		}
		if (!src->title)
			fail(r, s, "a source needs a 'title'");
		else
			card->nsources++;
	}
}

static void read_status(struct reader *r, struct card *card, const struct ynode *root)
{
	const struct ynode *v;
	card->status = CARD_DRAFT;
	if ((v = ytree_get(root, "status")) && expect(r, v, YNODE_SCALAR, "status")) {
		if (strcmp(v->value, "reviewed") == 0)
			card->status = CARD_REVIEWED;
		else if (strcmp(v->value, "draft") != 0)
			fail(r, v, "status must be draft or reviewed, not '%s'", v->value);
	}
	if ((v = ytree_get(root, "reviewed_by")))
		card->reviewed_by = text_field(r, v, "reviewed_by", false);
	if (card->status == CARD_REVIEWED && !card->reviewed_by)
		fail(r, ytree_get(root, "status"), "status: reviewed needs 'reviewed_by' (the reviewer's name)");
	if ((v = ytree_get(root, "reviewed")) && expect(r, v, YNODE_SCALAR, "reviewed")) {
		if (!valid_date(v->value))
			fail(r, v, "'reviewed' must be a date like 2026-11-21, not '%s'", v->value);
		else
			card->reviewed = clean(r, v, false);
	}
}

struct card *schema_card(struct library *library, size_t pack, const char *path, const struct ynode *root,
			 struct diag_list *diags)
{
	struct reader r = { library, path, diags, 0 };
	if (root->type != YNODE_MAPPING) {
		fail(&r, root, "a card must be a mapping of keys (id, title, kind, summary, ...), not %s",
		     ytree_type_name(root));
		return NULL;
	}
	struct card *card = arena_alloc(&library->arena, sizeof *card);
	if (!card)
		return NULL;
	card->path = path;
	card->line = root->line;
	card->pack = pack;
	check_keys(&r, root, card_keys, sizeof card_keys / sizeof *card_keys, "a card");
	static const char *const required[] = { "id", "title", "kind", "summary" };
	for (size_t i = 0; i < 4; i++)
		if (!ytree_get(root, required[i]))
			fail(&r, root, "missing required key '%s'", required[i]);
	const struct ynode *v;
	if ((v = ytree_get(root, "id")) && (card->id = text_field(&r, v, "id", false)) && !valid_id(card->id, ""))
		fail(&r, v, "id '%s' may use only a-z, 0-9 and '-'", card->id);
	if ((v = ytree_get(root, "title")))
		card->title = text_field(&r, v, "title", true);
	if ((v = ytree_get(root, "kind")) && expect(&r, v, YNODE_SCALAR, "kind")) {
		int kind = card_kind_parse(v->value);
		if (kind < 0)
			fail(&r, v, "kind must be drug, class, concept or explainer, not '%s'", v->value);
		card->kind = kind < 0 ? CARD_CONCEPT : (enum card_kind)kind;
	}
	if ((v = ytree_get(root, "summary")))
		card->text[SECTION_SUMMARY] = text_field(&r, v, "summary", true);
	if ((v = ytree_get(root, "aliases")))
		card->aliases = text_list(&r, v, "aliases", &card->naliases);
	if ((v = ytree_get(root, "member_of"))) {
		card->member_of = text_field(&r, v, "member_of", false);
		card->member_of_at = (struct card_pos){ v->line, v->col };
	}
	if ((v = ytree_get(root, "sections")))
		read_sections(&r, card, v);
	if ((v = ytree_get(root, "facts")))
		read_facts(&r, card, v);
	if ((v = ytree_get(root, "related")))
		card->related = id_list(&r, v, "related", &card->nrelated, &card->related_at);
	if ((v = ytree_get(root, "compare_with"))) {
		card->compare_with = id_list(&r, v, "compare_with", &card->ncompare_with, &card->compare_with_at);
		if (card->ncompare_with > 3)
			fail(&r, v, "'compare_with' names %zu cards; at most 3", card->ncompare_with);
	}
	if ((v = ytree_get(root, "quiz")))
		read_quiz(&r, card, v);
	if ((v = ytree_get(root, "sources")))
		read_sources(&r, card, v);
	read_status(&r, card, root);
	return r.errors ? NULL : card;
}

/* --- pack.yaml ----------------------------------------------------------- */

static const char *const pack_keys[] = { "format", "pack", "title", "version", "start", "license", "facts" };
static const char *const vocab_keys[] = { "key", "label", "ask" };

static void read_vocabulary(struct reader *r, const struct ynode *n)
{
	if (!expect(r, n, YNODE_SEQUENCE, "facts"))
		return;
	for (size_t i = 0; i < n->count; i++) {
		const struct ynode *e = n->items[i], *v;
		if (!expect(r, e, YNODE_MAPPING, "facts entry"))
			continue;
		check_keys(r, e, vocab_keys, 3, "a vocabulary entry");
		struct vocab_entry entry = { 0 };
		if (!ytree_get(e, "key") || !ytree_get(e, "label")) {
			fail(r, e, "a vocabulary entry needs 'key' and 'label'");
			continue;
		}
		v = ytree_get(e, "key");
		if ((entry.key = text_field(r, v, "key", false)) && !valid_id(entry.key, "_"))
			fail(r, v, "fact key '%s' may use only a-z, 0-9, '-' and '_'", entry.key);
		entry.label = text_field(r, ytree_get(e, "label"), "label", true);
		if ((v = ytree_get(e, "ask")) && (entry.ask = text_field(r, v, "ask", true)) &&
		    !strstr(entry.ask, "{title}"))
			warn(r, v, "'ask' has no {title}: every generated question will read the same");
		if (entry.key && entry.label && library_add_vocab(r->library, &entry) < 0)
			fail(r, e, "out of memory");
	}
}

int schema_pack(struct library *library, const char *path, const struct ynode *root, struct pack_info *pack,
		struct diag_list *diags)
{
	struct reader r = { library, path, diags, 0 };
	if (root->type != YNODE_MAPPING) {
		fail(&r, root, "pack.yaml must be a mapping, not %s", ytree_type_name(root));
		return -1;
	}
	check_keys(&r, root, pack_keys, sizeof pack_keys / sizeof *pack_keys, "pack.yaml");
	const struct ynode *v;
	pack->format = 1;
	if ((v = ytree_get(root, "format")) && expect(&r, v, YNODE_SCALAR, "format")) {
		if (strcmp(v->value, "1") != 0)
			fail(&r, v, "format %s is not one this rxplore reads (it reads format 1)", v->value);
	}
	if (!(v = ytree_get(root, "pack")))
		fail(&r, root, "missing required key 'pack' (the pack's name)");
	else if ((pack->name = text_field(&r, v, "pack", false)) && !valid_id(pack->name, ""))
		fail(&r, v, "pack name '%s' may use only a-z, 0-9 and '-'", pack->name);
	const char **fields[] = { &pack->title, &pack->version, &pack->start, &pack->license };
	static const char *const names[] = { "title", "version", "start", "license" };
	for (size_t i = 0; i < 4; i++)
		if ((v = ytree_get(root, names[i])))
			*fields[i] = text_field(&r, v, names[i], false);
	if ((v = ytree_get(root, "facts")))
		read_vocabulary(&r, v);
	return r.errors ? -1 : 0;
}

/* --- config.yaml --------------------------------------------------------- */

static const char *const config_keys[] = { "desired_retention", "new_per_day", "rollover_hour",
					   "exam_questions",	"theme",       "mouse",
					   "learning_steps",	"relearning_steps", "exam_date" };

static bool read_number(struct reader *r, const struct ynode *v, double lo, double hi, double *out)
{
	char *end;
	double x = v->type == YNODE_SCALAR ? strtod(v->value, &end) : 0;
	if (v->type != YNODE_SCALAR || end == v->value || *end || !(x >= lo && x <= hi)) {
		warn(r, v, "expected a number from %g to %g; the default is used", lo, hi);
		return false;
	}
	*out = x;
	return true;
}

void schema_config(const char *path, const struct ynode *root, struct config *config, struct diag_list *diags)
{
	struct reader r = { NULL, path, diags, 0 };
	if (root->type != YNODE_MAPPING) {
		warn(&r, root, "the settings file must be a mapping of keys; it is ignored");
		return;
	}
	for (size_t i = 0; i + 1 < root->count; i += 2) {
		const struct ynode *key = root->items[i];
		bool known = false;
		for (size_t k = 0; k < sizeof config_keys / sizeof *config_keys; k++)
			known = known || strcmp(key->value, config_keys[k]) == 0;
		if (!known) {
			const char *hint = text_suggest(key->value, config_keys, sizeof config_keys / sizeof *config_keys);
			warn(&r, key, "unknown setting '%s'%s%s%s", key->value, hint ? " (did you mean '" : "",
			     hint ? hint : "", hint ? "'?)" : "");
		}
	}
	const struct ynode *v;
	double x;
	if ((v = ytree_get(root, "desired_retention")) && read_number(&r, v, 0.70, 0.97, &x))
		config->desired_retention = x;
	if ((v = ytree_get(root, "new_per_day")) && read_number(&r, v, 0, 9999, &x))
		config->new_per_day = (int)x;
	if ((v = ytree_get(root, "rollover_hour")) && read_number(&r, v, 0, 23, &x))
		config->rollover_hour = (int)x;
	if ((v = ytree_get(root, "exam_questions")) && read_number(&r, v, 1, 500, &x))
		config->exam_questions = (int)x;
	if ((v = ytree_get(root, "theme"))) {
		int theme = v->type == YNODE_SCALAR ? config_theme_parse(v->value) : -1;
		if (theme < 0)
			warn(&r, v, "theme must be auto, dark, light or mono; the default is used");
		else
			config->theme = (enum config_theme)theme;
	}
	const char *step_keys[] = { "learning_steps", "relearning_steps" };
	long *step_lists[] = { config->steps.learning, config->steps.relearning };
	size_t *step_counts[] = { &config->steps.nlearning, &config->steps.nrelearning };
	for (size_t i = 0; i < 2; i++) {
		long steps[SCHED_MAX_STEPS];
		size_t n;
		if (!(v = ytree_get(root, step_keys[i])))
			continue;
		if (v->type != YNODE_SCALAR || sched_steps_parse(v->value, steps, &n) != 0) {
			warn(&r, v, "%s must be steps such as \"1m 10m\" (s, m or h, each under a day); the default is used",
			     step_keys[i]);
			continue;
		}
		memcpy(step_lists[i], steps, sizeof steps);
		*step_counts[i] = n;
	}
	if ((v = ytree_get(root, "exam_date"))) {
		long day;
		if (v->type != YNODE_SCALAR || !clock_parse_date(v->value, &day))
			warn(&r, v, "exam_date must be a date such as 2027-01-15; it is ignored");
		else
			memcpy(config->exam_date, v->value, sizeof config->exam_date);
	}
	if ((v = ytree_get(root, "mouse"))) {
		const char *s = v->type == YNODE_SCALAR ? v->value : "";
		if (!strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "on"))
			config->mouse = true;
		else if (!strcmp(s, "false") || !strcmp(s, "no") || !strcmp(s, "off"))
			config->mouse = false;
		else
			warn(&r, v, "mouse must be true or false; the default is used");
	}
}
