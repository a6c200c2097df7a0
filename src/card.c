/* card — see include/card.h. */
#include "card.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

static const char *const kind_names[CARD_KIND_COUNT] = {
	[CARD_EXPLAINER] = "explainer",
	[CARD_CONCEPT] = "concept",
	[CARD_CLASS] = "class",
	[CARD_DRUG] = "drug",
};

static const char *const kind_plurals[CARD_KIND_COUNT] = {
	[CARD_EXPLAINER] = "Explainers",
	[CARD_CONCEPT] = "Concepts",
	[CARD_CLASS] = "Drug classes",
	[CARD_DRUG] = "Drugs",
};

static const struct {
	const char *key, *title;
} sections[SECTION_COUNT] = {
	[SECTION_SUMMARY] = { "summary", "Summary" },
	[SECTION_MECHANISM] = { "mechanism", "Mechanism" },
	[SECTION_USES] = { "uses", "Uses" },
	[SECTION_SIDE_EFFECTS] = { "side_effects", "Side effects" },
	[SECTION_DEPENDENCE] = { "dependence", "Dependence" },
	[SECTION_CONFUSION] = { "confusion", "Why the confusion" },
	[SECTION_INTERACTIONS] = { "interactions", "Interactions" },
	[SECTION_SAFETY] = { "safety", "Safety" },
	[SECTION_PHARMACOKINETICS] = { "pharmacokinetics", "Pharmacokinetics" },
	[SECTION_DIAGRAM] = { "diagram", "Diagram" },
	[SECTION_FACTS] = { "facts", "Facts" },
	[SECTION_SOURCES] = { "sources", "Sources" },
};

const char *card_kind_name(enum card_kind kind)
{
	return (unsigned)kind < CARD_KIND_COUNT ? kind_names[kind] : "?";
}

const char *card_kind_plural(enum card_kind kind)
{
	return (unsigned)kind < CARD_KIND_COUNT ? kind_plurals[kind] : "?";
}

int card_kind_parse(const char *name)
{
	for (int k = 0; k < CARD_KIND_COUNT; k++)
		if (strcmp(name, kind_names[k]) == 0)
			return k;
	return -1;
}

static const char *const question_type_names[QUESTION_TYPE_COUNT] = {
	[QUESTION_SINGLE] = "single", [QUESTION_MULTI] = "multi", [QUESTION_TRUE_FALSE] = "true-false",
	[QUESTION_TYPED] = "typed",   [QUESTION_CLOZE] = "cloze", [QUESTION_ORDER] = "order",
	[QUESTION_MATCH] = "match",   [QUESTION_CASE] = "case",
};

const char *question_type_name(enum question_type type)
{
	return (unsigned)type < QUESTION_TYPE_COUNT ? question_type_names[type] : "?";
}

int question_type_parse(const char *name)
{
	for (int t = 0; name && t < QUESTION_TYPE_COUNT; t++)
		if (strcmp(name, question_type_names[t]) == 0)
			return t;
	return -1;
}

const char *section_key(enum section section)
{
	return (unsigned)section < SECTION_COUNT ? sections[section].key : "?";
}

const char *section_title(enum section section)
{
	return (unsigned)section < SECTION_COUNT ? sections[section].title : "?";
}

/* Compares a user-typed name with a key, treating '-' and '_' alike and
 * ignoring ASCII case; returns 2 for an exact match, 1 for a prefix, 0 else. */
static int name_match(const char *typed, const char *key)
{
	size_t i = 0;
	for (; typed[i]; i++) {
		char t = typed[i] == '-' ? '_' : (char)tolower((unsigned char)typed[i]);
		if (key[i] == '\0' || t != key[i])
			return 0;
	}
	return key[i] == '\0' ? 2 : 1;
}

int section_parse(const char *name)
{
	if (!name || !*name)
		return SECTION_UNKNOWN;
	int found = SECTION_UNKNOWN;
	for (int s = 0; s < SECTION_COUNT; s++) {
		int m = name_match(name, sections[s].key);
		if (m == 2)
			return s;
		if (m == 1)
			found = found == SECTION_UNKNOWN ? s : SECTION_AMBIGUOUS;
	}
	return found;
}

bool card_has_section(const struct card *card, enum section section)
{
	if (section < SECTION_TEXT_COUNT)
		return card->text[section] != NULL && card->text[section][0] != '\0';
	if (section == SECTION_FACTS)
		return card->nfacts > 0;
	if (section == SECTION_SOURCES)
		return card->nsources > 0;
	return false;
}

bool card_in_topic(const struct card *card, const struct card *topic)
{
	return card == topic || (card->member_of && strcmp(card->member_of, topic->id) == 0);
}

const char *card_fact(const struct card *card, const char *key)
{
	for (size_t i = 0; i < card->nfacts; i++)
		if (strcmp(card->facts[i].key, key) == 0)
			return card->facts[i].value;
	return NULL;
}

size_t card_source_format(const struct card_source *source, char *buf, size_t size)
{
	const char *parts[] = { source->authors, source->publisher, source->edition, source->year,
				source->identifier, source->url, source->note };
	size_t len = 0;
	int n = snprintf(buf, size, "%s", source->title);
	if (n > 0)
		len = (size_t)n;
	if (source->chapter) {
		n = snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0, ", chapter \"%s\"",
			     source->chapter);
		len += n > 0 ? (size_t)n : 0;
	}
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		if (!parts[i] || !*parts[i])
			continue;
		n = snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0, ". %s", parts[i]);
		len += n > 0 ? (size_t)n : 0;
	}
	return len;
}

unsigned long long card_question_hash(const char *text)
{
	uint64_t hash = TEXT_HASH_START;
	bool pending_space = false, started = false;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (isspace(*p)) {
			pending_space = started;
			continue;
		}
		if (pending_space) {
			hash = text_hash_byte(hash, ' ');
			pending_space = false;
		}
		hash = text_hash_byte(hash, (unsigned char)tolower(*p));
		started = true;
	}
	return hash;
}
