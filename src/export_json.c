/* export_json — the chosen cards as one JSON document for other programs.
 *
 * Shape (format_version 2; new members may be added, existing ones keep
 * their meaning):
 *   { "format": "rxplore-cards", "format_version": 2, "generator", "notice",
 *     "packs": [ { name, title, version, license, source } ],
 *     "vocabulary": [ { key, label, ask } ],
 *     "cards": [ { id, title, kind, pack, aliases, member_of, summary,
 *                  sections: { mechanism: ..., ... in display order },
 *                  facts: { key: value, ... in vocabulary order },
 *                  related, compare_with,
 *                  quiz: [ { id, type, ask, choices, choice_topics, answer, explain, see } ]
 *                        (typed: accept instead of choices; cloze: cloze, the
 *                        text with {{gap|alternative}} marks, instead of choices,
 *                        and answer a list of each gap's answers; case: id,
 *                        type, stem, parts (each a question as here, its id
 *                        the case's + "/N"), see),
 *                  sources: [ { title, publisher, ... } ],
 *                  status, reviewed, reviewed_by } ] }
 * A question's type is its question_type_name(): single, multi, true-false,
 * typed, cloze, case.  Its answer is written as the card writes it: true or false for a
 * true/false question, one choice's text for a single answer or a typed one,
 * a list of texts for select-all-that-apply.  choice_topics is parallel to
 * choices: the card id a choice stands for, or null.  Absent optional values
 * are null. */
#include "export.h"

#include <stdio.h>
#include <string.h>

#include "json_writer.h"
#include "disclaimer.h"
#include "quiz_typed.h"

static void string_member(struct json_writer *w, const char *key, const char *value)
{
	json_key(w, key);
	json_string(w, value);
}

static void string_array(struct json_writer *w, const char *key, const char *const *items, size_t n)
{
	json_key(w, key);
	json_begin_array(w);
	for (size_t i = 0; i < n; i++)
		json_string(w, items[i]);
	json_end_array(w);
}

static void packs(struct json_writer *w, const struct library *library)
{
	json_key(w, "packs");
	json_begin_array(w);
	for (size_t i = 0; i < library->npacks; i++) {
		const struct pack_info *p = &library->packs[i];
		json_begin_object(w);
		string_member(w, "name", p->name);
		string_member(w, "title", p->title);
		string_member(w, "version", p->version);
		string_member(w, "license", p->license);
		string_member(w, "source", p->dir);
		json_end_object(w);
	}
	json_end_array(w);
}

static void vocabulary(struct json_writer *w, const struct library *library)
{
	json_key(w, "vocabulary");
	json_begin_array(w);
	for (size_t i = 0; i < library->nvocab; i++) {
		json_begin_object(w);
		string_member(w, "key", library->vocab[i].key);
		string_member(w, "label", library->vocab[i].label);
		string_member(w, "ask", library->vocab[i].ask);
		json_end_object(w);
	}
	json_end_array(w);
}

static void question(struct json_writer *w, const struct card_question *q)
{
	json_begin_object(w);
	string_member(w, "id", q->id);
	string_member(w, "type", question_type_name(q->type));
	/* A case: its stem and its parts, each a question as below. */
	if (q->type == QUESTION_CASE) {
		string_member(w, "stem", q->ask);
		json_key(w, "parts");
		json_begin_array(w);
		for (size_t p = 0; p < q->nparts; p++)
			question(w, &q->parts[p]);
		json_end_array(w);
		string_member(w, "see", q->see >= 0 ? section_key((enum section)q->see) : NULL);
		json_end_object(w);
		return;
	}
	string_member(w, "ask", q->ask);
	/* A cloze: its text as the card writes it, and each gap's answers. */
	if (q->type == QUESTION_CLOZE) {
		char text[4096];
		string_member(w, "cloze", quiz_cloze_text(q->ask, q->choices, q->nchoices, CLOZE_MARKED, text, sizeof text));
		json_key(w, "answer");
		json_begin_array(w);
		for (size_t c = 0; c < q->nchoices; c++) {
			json_begin_array(w);
			for (const char *p = q->choices[c]; p;) {
				const char *bar = strchr(p, '|');
				char one[512];
				snprintf(one, sizeof one, "%.*s", (int)(bar ? (size_t)(bar - p) : strlen(p)), p);
				json_string(w, one);
				p = bar ? bar + 1 : NULL;
			}
			json_end_array(w);
		}
		json_end_array(w);
		string_member(w, "explain", q->explain);
		string_member(w, "see", q->see >= 0 ? section_key((enum section)q->see) : NULL);
		json_end_object(w);
		return;
	}
	/* A typed question has no choices: its answer and the alternatives
	 * also accepted. */
	bool typed = q->type == QUESTION_TYPED;
	json_key(w, typed ? "accept" : "choices");
	json_begin_array(w);
	for (size_t c = typed ? 1 : 0; q->type != QUESTION_TRUE_FALSE && c < q->nchoices; c++)
		json_string(w, q->choices[c]);
	json_end_array(w);
	json_key(w, "choice_topics");
	json_begin_array(w);
	for (size_t c = 0; q->type != QUESTION_TRUE_FALSE && c < q->nchoices; c++)
		json_string(w, q->choice_topics ? q->choice_topics[c] : NULL);
	json_end_array(w);
	json_key(w, "answer");
	if (typed) {
		json_string(w, q->nchoices ? q->choices[0] : NULL);
	} else if (q->type == QUESTION_TRUE_FALSE) {
		json_bool(w, q->nchoices > 0 && q->correct[0]);
	} else if (q->type == QUESTION_SINGLE) {
		const char *answer = NULL;
		for (size_t c = 0; c < q->nchoices && !answer; c++)
			answer = q->correct[c] ? q->choices[c] : NULL;
		json_string(w, answer);
	} else {
		json_begin_array(w);
		for (size_t c = 0; c < q->nchoices; c++)
			if (q->correct[c])
				json_string(w, q->choices[c]);
		json_end_array(w);
	}
	string_member(w, "explain", q->explain);
	string_member(w, "see", q->see >= 0 ? section_key((enum section)q->see) : NULL);
	json_end_object(w);
}

static void source(struct json_writer *w, const struct card_source *s)
{
	const struct {
		const char *key, *value;
	} parts[] = {
		{ "title", s->title },	   { "chapter", s->chapter }, { "authors", s->authors },
		{ "publisher", s->publisher }, { "edition", s->edition }, { "year", s->year },
		{ "identifier", s->identifier }, { "url", s->url },	      { "note", s->note },
	};
	json_begin_object(w);
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		if (parts[i].value)
			string_member(w, parts[i].key, parts[i].value);
	json_end_object(w);
}

static void card(struct json_writer *w, const struct library *library, const struct card *c)
{
	json_begin_object(w);
	string_member(w, "id", c->id);
	string_member(w, "title", c->title);
	string_member(w, "kind", card_kind_name(c->kind));
	string_member(w, "pack", c->pack < library->npacks ? library->packs[c->pack].name : NULL);
	string_array(w, "aliases", c->aliases, c->naliases);
	string_member(w, "member_of", c->member_of);
	string_member(w, "summary", c->text[SECTION_SUMMARY]);
	json_key(w, "sections");
	json_begin_object(w);
	for (int s = SECTION_SUMMARY + 1; s < SECTION_TEXT_COUNT; s++)
		if (card_has_section(c, (enum section)s))
			string_member(w, section_key((enum section)s), c->text[s]);
	if (c->diagram_text)
		string_member(w, "diagram_text", c->diagram_text);
	json_end_object(w);
	json_key(w, "facts");
	json_begin_object(w);
	for (size_t i = 0; i < c->nfacts; i++)
		string_member(w, c->facts[i].key, c->facts[i].value);
	json_end_object(w);
	string_array(w, "related", c->related, c->nrelated);
	string_array(w, "compare_with", c->compare_with, c->ncompare_with);
	json_key(w, "quiz");
	json_begin_array(w);
	for (size_t i = 0; i < c->nquiz; i++)
		question(w, &c->quiz[i]);
	json_end_array(w);
	json_key(w, "sources");
	json_begin_array(w);
	for (size_t i = 0; i < c->nsources; i++)
		source(w, &c->sources[i]);
	json_end_array(w);
	string_member(w, "status", c->status == CARD_REVIEWED ? "reviewed" : "draft");
	string_member(w, "reviewed", c->reviewed);
	string_member(w, "reviewed_by", c->reviewed_by);
	json_end_object(w);
}

int export_json(FILE *out, const struct export_set *set)
{
	struct json_writer w;
	json_writer_init(&w, out, true);
	json_begin_object(&w);
	string_member(&w, "format", "rxplore-cards");
	json_key(&w, "format_version");
	json_int(&w, 2);	/* 2: question types named single, multi, true-false, typed */
	string_member(&w, "generator", set->generator);
	string_member(&w, "notice", RX_DISCLAIMER " Cards with status \"draft\" have not yet been "
					    "reviewed by a pharmacist or physician.");
	packs(&w, set->library);
	vocabulary(&w, set->library);
	json_key(&w, "cards");
	json_begin_array(&w);
	for (size_t i = 0; i < set->ncards; i++)
		card(&w, set->library, set->cards[i]);
	json_end_array(&w);
	json_end_object(&w);
	switch (json_writer_finish(&w)) {
	case JSON_OK:
		return EXPORT_OK;
	case JSON_EWRITE:
		return EXPORT_EWRITE;
	case JSON_EUTF8:
	default:	/* JSON_ESTATE or JSON_EDEPTH would be a bug in the calls above */
		return EXPORT_EINVAL;
	}
}
