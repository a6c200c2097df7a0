/* schema — YAML trees to cards, packs and settings, with a located
 * diagnostic for every rule of DESIGN §2.  No libyaml here: src/yamltree.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "fact_hours.h"
#include "text.h"
#include "schema_internal.h"
#include "yamltree.h"

void schema_fail(struct reader *r, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(r->diags, DIAG_ERROR, r->path, at ? at->line : 0, at ? at->col : 0, fmt, ap);
	va_end(ap);
	r->errors++;
}

void schema_warn(struct reader *r, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(r->diags, DIAG_WARNING, r->path, at ? at->line : 0, at ? at->col : 0, fmt, ap);
	va_end(ap);
}

/* Cleans a scalar into the library's arena: controls out, tabs expanded,
 * and prose unfolded so authors may wrap their lines. */
const char *schema_clean(struct reader *r, const struct ynode *n, bool prose)
{
	/* Most text is clean already: one pass to see so and a copy cost less
	 * than measuring and cleaning it. */
	bool is_clean = text_is_clean(n->value, n->len);
	char *out = is_clean ? arena_strndup(&r->library->arena, n->value, n->len)
			     : arena_alloc(&r->library->arena, text_clean_size(n->value, n->len));
	if (!out) {
		schema_fail(r, n, "out of memory");
		return NULL;
	}
	if (!is_clean)
		text_clean(n->value, n->len, out);
	if (prose)
		text_unfold(out);
	return out;
}

bool schema_expect(struct reader *r, const struct ynode *n, enum ynode_type type, const char *what)
{
	if (n->type == type)
		return true;
	static const char *const names[] = { "text", "a list", "a mapping" };
	schema_fail(r, n, "'%s' must be %s, not %s", what, names[type], ytree_type_name(n));
	return false;
}

void *schema_list_room(struct reader *r, const struct ynode *n, const char *what, size_t size)
{
	if (!schema_expect(r, n, YNODE_SEQUENCE, what))
		return NULL;
	return arena_array(&r->library->arena, n->count + 1, size);
}

/* Text that must not be empty; NULL (with an error) otherwise. */
const char *schema_text_field(struct reader *r, const struct ynode *n, const char *what, bool prose)
{
	if (!schema_expect(r, n, YNODE_SCALAR, what))
		return NULL;
	const char *s = schema_clean(r, n, prose);
	if (s && !*s) {
		schema_fail(r, n, "'%s' is empty", what);
		return NULL;
	}
	return s;
}

/* A list of texts; a single text is accepted as a list of one. */
const char **schema_text_list(struct reader *r, const struct ynode *n, const char *what, size_t *count)
{
	*count = 0;
	if (n->type == YNODE_MAPPING) {
		schema_fail(r, n, "'%s' must be a list, not a mapping", what);
		return NULL;
	}
	size_t total = n->type == YNODE_SCALAR ? 1 : n->count;
	const char **items = arena_array(&r->library->arena, total ? total : 1, sizeof *items);
	if (!items)
		return NULL;
	for (size_t i = 0; i < total; i++) {
		const struct ynode *item = n->type == YNODE_SCALAR ? n : n->items[i];
		const char *s = schema_text_field(r, item, what, false);
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
	const char **items = schema_text_list(r, n, what, count);
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
void schema_check_keys(struct reader *r, const struct ynode *map, const char *const *known, size_t nknown,
		       const char *where)
{
	for (size_t i = 0; i + 1 < map->count; i += 2) {
		const struct ynode *key = map->items[i];
		bool ok = false;
		for (size_t k = 0; k < nknown && !ok; k++)
			ok = key->value[0] == known[k][0] && strcmp(key->value, known[k]) == 0;
		if (ok)
			continue;
		const char *hint = text_suggest(key->value, known, nknown);
		if (hint)
			schema_fail(r, key, "unknown key '%s' in %s (did you mean '%s'?)", key->value, where, hint);
		else
			schema_fail(r, key, "unknown key '%s' in %s", key->value, where);
	}
}

bool schema_valid_id(const char *s, const char *extra)
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
static const char *const source_keys[] = { "title", "publisher", "authors", "chapter", "edition",
					   "year",  "url",	 "identifier", "note" };

static void read_sections(struct reader *r, struct card *card, const struct ynode *n)
{
	if (!schema_expect(r, n, YNODE_MAPPING, "sections"))
		return;
	const char *names[SECTION_TEXT_COUNT];
	for (int s = SECTION_MECHANISM; s < SECTION_TEXT_COUNT; s++)
		names[s - 1] = section_key((enum section)s);
	names[SECTION_TEXT_COUNT - 1] = "diagram_text";
	schema_check_keys(r, n, names, SECTION_TEXT_COUNT, "sections");
	for (int s = SECTION_MECHANISM; s < SECTION_TEXT_COUNT; s++) {
		const struct ynode *v = ytree_get(n, section_key((enum section)s));
		if (v)
			card->text[s] = schema_text_field(r, v, section_key((enum section)s), s != SECTION_DIAGRAM);
	}
	/* A diagram is a picture drawn in characters: a screen reader reads it
	 * as noise, and it may be wider than the screen.  Its words are what
	 * every reader can use. */
	const struct ynode *diagram = ytree_get(n, "diagram"), *words = ytree_get(n, "diagram_text");
	if (words)
		card->diagram_text = schema_text_field(r, words, "diagram_text", true);
	if (words && !diagram)
		schema_fail(r, words, "'diagram_text' describes a diagram, but the card has no 'diagram'");
	else if (diagram && !words)
		schema_warn(r, diagram, "a diagram needs 'diagram_text': the same in plain words, for screen readers "
				 "and line mode");
}

static void read_facts(struct reader *r, struct card *card, const struct ynode *n)
{
	if (!schema_expect(r, n, YNODE_MAPPING, "facts"))
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
		const char *s = schema_text_field(r, value, lib->vocab[v].key, true);
		struct hours_range range;
		char why[128];
		if (s && lib->vocab[v].type == FACT_HOURS && !fact_hours_parse(s, &range, why, sizeof why))
			schema_fail(r, value,
				    "'%s' is not a duration in hours: %s (write it like '1.5–5.5 h', 'about 6 h' or "
				    "'40–80 min')",
				    s, why);
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
			schema_fail(r, key, "fact '%s' is not in any loaded pack's vocabulary (did you mean '%s'?)", key->value,
			     hint);
		else
			schema_fail(r, key, "fact '%s' is not in any loaded pack's vocabulary", key->value);
		free(keys);
	}
}

static void read_sources(struct reader *r, struct card *card, const struct ynode *n)
{
	card->sources = schema_list_room(r, n, "sources", sizeof *card->sources);
	if (!card->sources)
		return;
	for (size_t i = 0; i < n->count; i++) {
		const struct ynode *s = n->items[i];
		if (!schema_expect(r, s, YNODE_MAPPING, "source"))
			continue;
		schema_check_keys(r, s, source_keys, sizeof source_keys / sizeof *source_keys, "a source");
		struct card_source *src = &card->sources[card->nsources];
		const char **fields[] = { &src->title,	 &src->publisher, &src->authors,    &src->chapter, &src->edition,
					  &src->year,	 &src->url,	  &src->identifier, &src->note };
		for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
			const struct ynode *v = ytree_get(s, source_keys[f]);
			if (v)
				*fields[f] = schema_text_field(r, v, source_keys[f], true);
		}
		if (!src->title)
			schema_fail(r, s, "a source needs a 'title'");
		else
			card->nsources++;
	}
}

static void read_status(struct reader *r, struct card *card, const struct ynode *root)
{
	const struct ynode *v;
	card->status = CARD_DRAFT;
	if ((v = ytree_get(root, "status")) && schema_expect(r, v, YNODE_SCALAR, "status")) {
		if (strcmp(v->value, "reviewed") == 0)
			card->status = CARD_REVIEWED;
		else if (strcmp(v->value, "draft") != 0)
			schema_fail(r, v, "status must be draft or reviewed, not '%s'", v->value);
	}
	if ((v = ytree_get(root, "reviewed_by")))
		card->reviewed_by = schema_text_field(r, v, "reviewed_by", false);
	if (card->status == CARD_REVIEWED && !card->reviewed_by)
		schema_fail(r, ytree_get(root, "status"), "status: reviewed needs 'reviewed_by' (the reviewer's name)");
	if ((v = ytree_get(root, "reviewed")) && schema_expect(r, v, YNODE_SCALAR, "reviewed")) {
		if (!valid_date(v->value))
			schema_fail(r, v, "'reviewed' must be a date like 2026-11-21, not '%s'", v->value);
		else
			card->reviewed = schema_clean(r, v, false);
	}
}

struct card *schema_card(struct library *library, size_t pack, const char *path, const struct ynode *root,
			 struct diag_list *diags)
{
	struct reader r = { library, path, diags, 0 };
	if (root->type != YNODE_MAPPING) {
		schema_fail(&r, root, "a card must be a mapping of keys (id, title, kind, summary, ...), not %s",
		     ytree_type_name(root));
		return NULL;
	}
	struct card *card = arena_alloc(&library->arena, sizeof *card);
	if (!card)
		return NULL;
	card->path = path;
	card->line = root->line;
	card->pack = pack;
	schema_check_keys(&r, root, card_keys, sizeof card_keys / sizeof *card_keys, "a card");
	static const char *const required[] = { "id", "title", "kind", "summary" };
	for (size_t i = 0; i < 4; i++)
		if (!ytree_get(root, required[i]))
			schema_fail(&r, root, "missing required key '%s'", required[i]);
	const struct ynode *v;
	if ((v = ytree_get(root, "id")) && (card->id = schema_text_field(&r, v, "id", false)) && !schema_valid_id(card->id, ""))
		schema_fail(&r, v, "id '%s' may use only a-z, 0-9 and '-'", card->id);
	if ((v = ytree_get(root, "title")))
		card->title = schema_text_field(&r, v, "title", true);
	if ((v = ytree_get(root, "kind")) && schema_expect(&r, v, YNODE_SCALAR, "kind")) {
		int kind = card_kind_parse(v->value);
		if (kind < 0)
			schema_fail(&r, v, "kind must be drug, class, concept or explainer, not '%s'", v->value);
		card->kind = kind < 0 ? CARD_CONCEPT : (enum card_kind)kind;
	}
	if ((v = ytree_get(root, "summary")))
		card->text[SECTION_SUMMARY] = schema_text_field(&r, v, "summary", true);
	if ((v = ytree_get(root, "aliases")))
		card->aliases = schema_text_list(&r, v, "aliases", &card->naliases);
	if ((v = ytree_get(root, "member_of"))) {
		card->member_of = schema_text_field(&r, v, "member_of", false);
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
			schema_fail(&r, v, "'compare_with' names %zu cards; at most 3", card->ncompare_with);
	}
	if ((v = ytree_get(root, "quiz")))
		schema_read_quiz(&r, card, v);
	if ((v = ytree_get(root, "sources")))
		read_sources(&r, card, v);
	read_status(&r, card, root);
	return r.errors ? NULL : card;
}

/* --- pack.yaml ----------------------------------------------------------- */

static const char *const pack_keys[] = { "format", "pack", "title", "version", "start", "license", "facts" };
static const char *const vocab_keys[] = { "key", "label", "ask", "typed", "type", "rank" };

/* `type: hours` (or text, the default) and the ranking question that goes
 * with hours. */
static void read_fact_type(struct reader *r, const struct ynode *e, struct vocab_entry *entry)
{
	const struct ynode *v = ytree_get(e, "type");
	if (v && schema_expect(r, v, YNODE_SCALAR, "type")) {
		if (strcmp(v->value, "hours") == 0)
			entry->type = FACT_HOURS;
		else if (strcmp(v->value, "text") != 0)
			schema_fail(r, v, "fact type '%s' is not one of text, hours", v->value);
	}
	if ((v = ytree_get(e, "rank"))) {
		entry->rank = schema_text_field(r, v, "rank", true);
		if (entry->type != FACT_HOURS)
			schema_fail(r, v, "'rank' goes with 'type: hours'");
	}
}

static void read_vocabulary(struct reader *r, const struct ynode *n)
{
	if (!schema_expect(r, n, YNODE_SEQUENCE, "facts"))
		return;
	for (size_t i = 0; i < n->count; i++) {
		const struct ynode *e = n->items[i], *v;
		if (!schema_expect(r, e, YNODE_MAPPING, "facts entry"))
			continue;
		schema_check_keys(r, e, vocab_keys, sizeof vocab_keys / sizeof *vocab_keys, "a vocabulary entry");
		struct vocab_entry entry = { 0 };
		if (!ytree_get(e, "key") || !ytree_get(e, "label")) {
			schema_fail(r, e, "a vocabulary entry needs 'key' and 'label'");
			continue;
		}
		v = ytree_get(e, "key");
		if ((entry.key = schema_text_field(r, v, "key", false)) && !schema_valid_id(entry.key, "_"))
			schema_fail(r, v, "fact key '%s' may use only a-z, 0-9, '-' and '_'", entry.key);
		entry.label = schema_text_field(r, ytree_get(e, "label"), "label", true);
		if ((v = ytree_get(e, "ask")) && (entry.ask = schema_text_field(r, v, "ask", true)) &&
		    !strstr(entry.ask, "{title}"))
			schema_warn(r, v, "'ask' has no {title}: every generated question will read the same");
		if ((v = ytree_get(e, "typed"))) {
			if (v->type != YNODE_SCALAR || (strcmp(v->value, "true") != 0 && strcmp(v->value, "false") != 0))
				schema_fail(r, v, "'typed' must be true or false");
			else if (!entry.ask && v->value[0] == 't')
				schema_fail(r, v, "'typed: true' needs an 'ask' to ask with");
			else
				entry.typed = v->value[0] == 't';
		}
		read_fact_type(r, e, &entry);
		if (entry.key && entry.label && library_add_vocab(r->library, &entry) < 0)
			schema_fail(r, e, "out of memory");
	}
}

int schema_pack(struct library *library, const char *path, const struct ynode *root, struct pack_info *pack,
		struct diag_list *diags)
{
	struct reader r = { library, path, diags, 0 };
	if (root->type != YNODE_MAPPING) {
		schema_fail(&r, root, "pack.yaml must be a mapping, not %s", ytree_type_name(root));
		return -1;
	}
	schema_check_keys(&r, root, pack_keys, sizeof pack_keys / sizeof *pack_keys, "pack.yaml");
	const struct ynode *v;
	pack->format = 1;
	if ((v = ytree_get(root, "format")) && schema_expect(&r, v, YNODE_SCALAR, "format")) {
		if (strcmp(v->value, "1") != 0)
			schema_fail(&r, v, "format %s is not one this rxplore reads (it reads format 1)", v->value);
	}
	if (!(v = ytree_get(root, "pack")))
		schema_fail(&r, root, "missing required key 'pack' (the pack's name)");
	else if ((pack->name = schema_text_field(&r, v, "pack", false)) && !schema_valid_id(pack->name, ""))
		schema_fail(&r, v, "pack name '%s' may use only a-z, 0-9 and '-'", pack->name);
	const char **fields[] = { &pack->title, &pack->version, &pack->start, &pack->license };
	static const char *const names[] = { "title", "version", "start", "license" };
	for (size_t i = 0; i < 4; i++)
		if ((v = ytree_get(root, names[i])))
			*fields[i] = schema_text_field(&r, v, names[i], false);
	if ((v = ytree_get(root, "facts")))
		read_vocabulary(&r, v);
	return r.errors ? -1 : 0;
}

/* --- config.yaml --------------------------------------------------------- */

static const char *const config_keys[] = { "desired_retention", "new_per_day", "rollover_hour",
					   "exam_questions",	"theme",       "mouse", "leech_threshold",
					   "learning_steps",	"relearning_steps", "exam_date" };

static bool read_number(struct reader *r, const struct ynode *v, double lo, double hi, double *out)
{
	char *end;
	double x = v->type == YNODE_SCALAR ? strtod(v->value, &end) : 0;
	if (v->type != YNODE_SCALAR || end == v->value || *end || !(x >= lo && x <= hi)) {
		schema_warn(r, v, "expected a number from %g to %g; the default is used", lo, hi);
		return false;
	}
	*out = x;
	return true;
}

void schema_config(const char *path, const struct ynode *root, struct config *config, struct diag_list *diags)
{
	struct reader r = { NULL, path, diags, 0 };
	if (root->type != YNODE_MAPPING) {
		schema_warn(&r, root, "the settings file must be a mapping of keys; it is ignored");
		return;
	}
	for (size_t i = 0; i + 1 < root->count; i += 2) {
		const struct ynode *key = root->items[i];
		bool known = false;
		for (size_t k = 0; k < sizeof config_keys / sizeof *config_keys; k++)
			known = known || strcmp(key->value, config_keys[k]) == 0;
		if (!known) {
			const char *hint = text_suggest(key->value, config_keys, sizeof config_keys / sizeof *config_keys);
			schema_warn(&r, key, "unknown setting '%s'%s%s%s", key->value, hint ? " (did you mean '" : "",
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
	if ((v = ytree_get(root, "leech_threshold")) && read_number(&r, v, 1, 99, &x))
		config->leech_threshold = (int)x;
	if ((v = ytree_get(root, "theme"))) {
		int theme = v->type == YNODE_SCALAR ? config_theme_parse(v->value) : -1;
		if (theme < 0)
			schema_warn(&r, v, "theme must be auto, dark, light or mono; the default is used");
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
			schema_warn(&r, v, "%s must be steps such as \"1m 10m\" (s, m or h, each under a day); the default is used",
				    step_keys[i]);
			continue;
		}
		memcpy(step_lists[i], steps, sizeof steps);
		*step_counts[i] = n;
	}
	if ((v = ytree_get(root, "exam_date"))) {
		long day;
		if (v->type != YNODE_SCALAR || !clock_parse_date(v->value, &day))
			schema_warn(&r, v, "exam_date must be a date such as 2027-01-15; it is ignored");
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
			schema_warn(&r, v, "mouse must be true or false; the default is used");
	}
}
