/* Tests for the loader (src/loader.c, src/packs.c, src/schema.c): YAML in,
 * cards or located diagnostics out.  Hostile input included. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sys/stat.h>
#include <unistd.h>

#include "fixture_dir.h"
#include "loader.h"

struct fixture {
	struct library lib;
	struct diag_list diags;
	size_t pack;
};

static const char *data_dir(void)
{
	const char *d = getenv("TEST_DATA_DIR");
	return d ? d : "tests/data";
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	library_init(&f->lib);
	diag_list_init(&f->diags);
	struct pack_info pack = { .name = "test", .format = 1, .dir = "mem" };
	f->pack = library_add_pack(&f->lib, &pack);
	static const struct vocab_entry vocab[] = {
		{ "receptor", "Receptor target", "What is the target of {title}?" },
		{ "action", "Action", NULL },
	};
	for (size_t i = 0; i < 2; i++)
		library_add_vocab(&f->lib, &vocab[i]);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	library_release(&f->lib);
	diag_list_release(&f->diags);
	free(f);
	return 0;
}

static int load(struct fixture *f, const char *path, const char *text)
{
	return loader_load_card_buffer(&f->lib, f->pack, path, text, strlen(text), &f->diags);
}

/* True if some diagnostic formats to a string containing want. */
static bool has_diag(const struct fixture *f, const char *want)
{
	char buf[1024];
	for (size_t i = 0; i < f->diags.count; i++) {
		diag_format(&f->diags.items[i], buf, sizeof buf);
		if (strstr(buf, want))
			return true;
	}
	for (size_t i = 0; i < f->diags.count; i++) {
		diag_format(&f->diags.items[i], buf, sizeof buf);
		print_message("  have: %s\n", buf);
	}
	print_message("  wanted: %s\n", want);
	return false;
}

static const char good_card[] =
	"id: baclofen\n"
	"title: Baclofen\n"
	"kind: drug\n"
	"aliases: [Lioresal]\n"
	"summary: >-\n"
	"  A GABA-B agonist,\n"
	"  not a benzodiazepine.\n"
	"sections:\n"
	"  mechanism: |\n"
	"    Activates GABA-B.\n"
	"    Potassium flows out.\n"
	"\n"
	"    Second paragraph.\n"
	"  safety: |\n"
	"    Never stop it abruptly.\n"
	"  diagram: |\n"
	"    [GABA-B]\n"
	"      |  Gi/o\n"
	"  diagram_text: GABA-B couples to Gi/o.\n"
	"facts:\n"
	"  action: Agonist\n"
	"  receptor: GABA-B receptor\n"
	"quiz:\n"
	"  - id: baclofen-receptor\n"
	"    ask: Which receptor?\n"
	"    choices: [GABA-B, GABA-A, NMDA]\n"
	"    answer: GABA-B\n"
	"    explain: It is a GABA-B agonist.\n"
	"    see: mechanism\n"
	"  - id: baclofen-all\n"
	"    ask: Which apply?\n"
	"    choices: [a, b, c]\n"
	"    answer: [a, c]\n"
	"  - id: baclofen-benzo\n"
	"    ask: Baclofen is a benzodiazepine.\n"
	"    answer: false\n"
	"    see: safety\n"
	"sources:\n"
	"  - title: Baclofen label\n"
	"    publisher: FDA\n"
	"status: draft\n"
	"reviewed: 2026-11-21\n";

static void a_good_card_loads_completely(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load(f, "baclofen.yaml", good_card), 1);
	assert_int_equal(f->diags.count, 0);
	const struct card *c = library_find(&f->lib, "LIORESAL");
	assert_non_null(c);
	assert_string_equal(c->id, "baclofen");
	assert_int_equal(c->kind, CARD_DRUG);
	assert_string_equal(c->text[SECTION_SUMMARY], "A GABA-B agonist, not a benzodiazepine.");
	/* Prose is unfolded; paragraphs stay apart; the diagram is verbatim. */
	assert_string_equal(c->text[SECTION_MECHANISM], "Activates GABA-B. Potassium flows out.\n\nSecond paragraph.");
	assert_string_equal(c->text[SECTION_DIAGRAM], "[GABA-B]\n  |  Gi/o\n");
	assert_string_equal(c->text[SECTION_SAFETY], "Never stop it abruptly.");
	/* Facts come in vocabulary order, whatever the file's order. */
	assert_int_equal(c->nfacts, 2);
	assert_string_equal(c->facts[0].key, "receptor");
	assert_string_equal(c->facts[1].value, "Agonist");
	assert_int_equal(c->nquiz, 3);
	assert_int_equal(c->quiz[0].type, QUESTION_SINGLE);
	assert_true(c->quiz[0].correct[0]);
	assert_false(c->quiz[0].correct[1]);
	assert_int_equal(c->quiz[0].see, SECTION_MECHANISM);
	assert_int_equal(c->quiz[1].type, QUESTION_MULTI);
	assert_true(c->quiz[1].correct[0] && !c->quiz[1].correct[1] && c->quiz[1].correct[2]);
	assert_int_equal(c->quiz[2].type, QUESTION_TRUE_FALSE);
	assert_string_equal(c->quiz[2].choices[1], "False");
	assert_true(c->quiz[2].correct[1]);
	assert_int_equal(c->quiz[2].see, SECTION_SAFETY);
	assert_int_equal(c->nsources, 1);
	assert_string_equal(c->sources[0].publisher, "FDA");
	assert_int_equal(c->status, CARD_DRAFT);
	assert_string_equal(c->reviewed, "2026-11-21");
}

static void crlf_bom_and_tabs_are_accepted(void **state)
{
	struct fixture *f = *state;
	const char text[] = "\xEF\xBB\xBFid: crlf\r\ntitle: CRLF\r\nkind: concept\r\nsummary: |\r\n  a\tb\r\n";
	assert_int_equal(load(f, "crlf.yaml", text), 1);
	const struct card *c = library_find(&f->lib, "crlf");
	assert_non_null(c);
	assert_string_equal(c->text[SECTION_SUMMARY], "a       b");
}

static void control_characters_never_survive(void **state)
{
	struct fixture *f = *state;
	const char text[] = "id: hostile\n"
			    "title: \"Evil\\e]0;PWNED\\a title\\e[2J\"\n"
			    "kind: concept\n"
			    "summary: \"bidi \\u202Eoverride\\u202C and C1 \\u009B31m and NUL \\0 here\"\n";
	assert_int_equal(load(f, "hostile.yaml", text), 1);
	const struct card *c = library_find(&f->lib, "hostile");
	assert_non_null(c);
	for (const char *s = c->title; *s; s++)
		assert_true((unsigned char)*s >= 0x20);
	assert_null(strchr(c->title, '\x1b'));
	assert_null(strstr(c->text[SECTION_SUMMARY], "\xE2\x80\xAE"));
	assert_null(strstr(c->text[SECTION_SUMMARY], "\xC2\x9B"));
	assert_non_null(strstr(c->text[SECTION_SUMMARY], "NUL  here"));
}

static void each_rule_has_a_located_error(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ "id: a\ntitle: A\nkind: drug\nsummary: x\nfacts:\n  recepter: y\n",
		  "t.yaml:6:3: error: fact 'recepter' is not in any loaded pack's vocabulary (did you mean 'receptor'?)" },
		{ "id: a\ntitle: A\nkind: drug\nsummary: x\nsumary: y\n",
		  "t.yaml:5:1: error: unknown key 'sumary' in a card (did you mean 'summary'?)" },
		{ "id: a\nkind: drug\nsummary: x\n", "t.yaml:1:1: error: missing required key 'title'" },
		{ "- just\n- a list\n", "t.yaml:1:1: error: a card must be a mapping" },
		{ "id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n  - ask: q\n    choices: [x]\n    answer: x\n",
		  "t.yaml:7:14: error: a question needs 2 to 6 choices, not 1" },
		{ "id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n  - ask: q\n    choices: [x, x]\n    answer: x\n",
		  "error: choice 'x' is listed twice" },
		{ "id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n  - ask: q\n    choices: [x, y]\n    answer: [x, x]\n",
		  "error: answer 'x' is listed twice" },
		{ "id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n  - ask: q\n    answer: true\n    see: nowhere\n",
		  "t.yaml:8:10: error: 'see' names no section: 'nowhere'" },
		{ "id: a\ntitle: A\nkind: drug\nsummary: x\nreviewed: yesterday\n",
		  "t.yaml:5:11: error: 'reviewed' must be a date like 2026-11-21" },
		{ "id: a\ntitle: A\nkind: drug\nsummary: x\ncompare_with: [b, c, d, e]\n",
		  "error: 'compare_with' names 4 cards; at most 3" },
		{ "id: a\ntitle: A\nkind: drug\nsummary: \"\"\n", "t.yaml:4:10: error: 'summary' is empty" },
		{ "id: a\ntitle: A\nkind: drug\nsummary: !!str x\n", "t.yaml:4:10: error: tags (tag:yaml.org,2002:str)" },
		{ "id: a\ntitle: A\nkind: drug\nsummary: x\nsources:\n  - publisher: FDA\n",
		  "t.yaml:6:5: error: a source needs a 'title'" },
		{ "id: a\ntitle: A\nkind: drug\nsummary: x\n? [complex]\n: key\n", "error: a key must be plain text" },
		{ "id: a\ntitle: A\nkind: drug\nsummary: x\nsections:\n  diagram_text: In words.\n",
		  "t.yaml:6:17: error: 'diagram_text' describes a diagram, but the card has no 'diagram'" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		diag_list_release(&f->diags);
		assert_int_equal(load(f, "t.yaml", cases[i].text), 0);
		assert_true(has_diag(f, cases[i].want));
	}
	assert_null(library_find(&f->lib, "a"));
}

/* A choice may name the card it stands for: text and topic in a mapping. */
static void choices_may_name_their_topic(void **state)
{
	struct fixture *f = *state;
	static const char card[] =
		"id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n"
		"  - id: a-q\n    ask: Which?\n    choices:\n      - Right\n"
		"      - text: Wrong\n        topic: b\n"
		"      - text: Gone\n        topic: nowhere\n"
		"      - Plain\n"
		"    answer: Right\n";
	static const char other[] = "id: b\ntitle: B\nkind: drug\nsummary: y\n";
	assert_int_equal(load(f, "a.yaml", card), 1);
	assert_int_equal(load(f, "b.yaml", other), 1);
	assert_int_equal(f->diags.count, 0);
	const struct card *a = library_find(&f->lib, "a");
	assert_non_null(a);
	const struct card_question *q = &a->quiz[0];
	assert_int_equal(q->nchoices, 4);
	assert_string_equal(q->choices[1], "Wrong");
	assert_true(q->correct[0]);
	assert_null(q->choice_topics[0]);
	assert_string_equal(q->choice_topics[1], "b");
	assert_int_equal(q->choice_topics_at[1].line, 11);
	assert_int_equal(q->choice_topics_at[1].col, 16);
	library_resolve(&f->lib, &f->diags);
	/* The topic that names no loaded card is dropped where it is written. */
	assert_true(has_diag(f, "a.yaml:13:16: warning: choice 'Gone' of a question of 'a' stands for 'nowhere', "
				"which is not loaded; the topic is dropped"));
	assert_string_equal(q->choice_topics[1], "b");
	assert_null(q->choice_topics[2]);
	assert_null(q->choice_topics[3]);
}

static void choice_topics_have_located_errors(void **state)
{
	struct fixture *f = *state;
	static const char head[] = "id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n  - ask: q\n    answer: x\n"
				   "    choices:\n      - x\n";
	static const struct {
		const char *choice, *want;
	} cases[] = {
		{ "      - text: y\n        topic: Not An Id\n",
		  "t.yaml:11:16: error: choice topic 'Not An Id' is not a card id (a-z, 0-9 and '-')" },
		{ "      - text: y\n        topic: a\n",
		  "t.yaml:11:16: error: a choice's topic names another card; 'a' is this card" },
		{ "      - topic: b\n", "t.yaml:10:9: error: a choice written as a mapping needs 'text'" },
		{ "      - text: y\n        topc: b\n",
		  "t.yaml:11:9: error: unknown key 'topc' in a choice (did you mean 'topic'?)" },
		{ "      - text: y\n        topic: [b, c]\n", "t.yaml:11:16: error: 'topic' must be text, not a list" },
		{ "      - text: [y]\n", "t.yaml:10:15: error: 'choices' must be text, not a list" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char text[512];
		snprintf(text, sizeof text, "%s%s", head, cases[i].choice);
		diag_list_release(&f->diags);
		assert_int_equal(load(f, "t.yaml", text), 0);
		assert_true(has_diag(f, cases[i].want));
	}
	assert_null(library_find(&f->lib, "a"));
}

/* A card that breaks one rule, and the located error it must get. */
struct rule_case {
	const char *text, *want;
};

/* Each case's card (t.yaml, card id "a") is rejected with its error. */
static void expect_rejected(struct fixture *f, const struct rule_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		diag_list_release(&f->diags);
		assert_int_equal(load(f, "t.yaml", cases[i].text), 0);
		if (!has_diag(f, cases[i].want))
			fail_msg("case %zu: no '%s'", i, cases[i].want);
	}
	assert_null(library_find(&f->lib, "a"));
}

/* Typed questions (issue 17): every rule has a located error, and a good one
 * keeps its answer first and its alternatives after it. */
static void typed_question_rules(void **state)
{
	struct fixture *f = *state;
#define HEAD "id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n  - id: a-t\n"
	static const struct rule_case cases[] = {
		{ HEAD "    type: typed\n    ask: q\n    answer: GABA-B\n    accept: [GABAB, \"\"]\n",
		  "t.yaml:10:21: error: an accepted answer is empty" },
		{ HEAD "    type: typed\n    ask: q\n    answer: \" \"\n", "t.yaml:9:13: error: a typed question's answer is empty" },
		{ HEAD "    type: typed\n    ask: q\n    answer: [x, y]\n",
		  "t.yaml:9:13: error: a typed question's 'answer' is one text (other wordings go under 'accept')" },
		{ HEAD "    type: typed\n    ask: q\n    choices: [x, y]\n    answer: x\n",
		  "t.yaml:9:14: error: a typed question has no 'choices': list other right wordings under 'accept'" },
		{ HEAD "    type: typed\n    ask: q\n    answer: x\n    accept: [a, b, c, d, e, f]\n",
		  "t.yaml:10:13: error: a typed question takes at most 5 accepted wordings besides its answer, not 6" },
		{ HEAD "    ask: q\n    answer: true\n    accept: [x]\n", "t.yaml:9:13: error: 'accept' goes with 'type: typed'" },
		{ HEAD "    type: essay\n    ask: q\n    answer: x\n",
		  "t.yaml:7:11: error: question type 'essay' is not one of single, multi, true-false, typed, cloze, order, match, case" },
		{ HEAD "    type: multi\n    ask: q\n    choices: [x, y]\n    answer: x\n",
		  "t.yaml:7:11: error: 'type: multi' does not fit the question: its choices and answer make it single" },
	};
#undef HEAD
	expect_rejected(f, cases, sizeof cases / sizeof *cases);

	diag_list_release(&f->diags);
	assert_int_equal(load(f, "g.yaml", "id: g\ntitle: G\nkind: drug\nsummary: x\nquiz:\n  - id: g-t\n"
					    "    type: typed\n    ask: Which receptor?\n    answer: GABA-B receptor\n"
					    "    accept: [GABA type B]\n"),
			 1);
	assert_int_equal(f->diags.errors, 0);
	const struct card *g = library_find(&f->lib, "g");
	assert_non_null(g);
	assert_int_equal(g->nquiz, 1);
	assert_int_equal(g->quiz[0].type, QUESTION_TYPED);
	assert_int_equal(g->quiz[0].nchoices, 2);
	assert_string_equal(g->quiz[0].choices[0], "GABA-B receptor");
	assert_string_equal(g->quiz[0].choices[1], "GABA type B");
	assert_true(g->quiz[0].correct[0] && g->quiz[0].correct[1]);
}

/* Orderings and matchings (issue 17): a located error for every rule; a
 * good ordering keeps its items in the written (right) order, a good
 * matching its right items parallel to the left ones. */
static void order_and_match_rules(void **state)
{
	struct fixture *f = *state;
#define HEAD "id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n  - id: a-o\n    ask: q\n"
	static const struct rule_case cases[] = {
		{ HEAD "    type: order\n    items: [one]\n", "t.yaml:9:12: error: an ordering needs at least 3 items (it has 1)" },
		{ HEAD "    type: order\n    items: [a, b, c, d, e, f, g]\n",
		  "t.yaml:9:12: error: an ordering takes at most 6 items (it has 7)" },
		{ HEAD "    type: order\n    items: [a, b, A]\n", "t.yaml:9:19: error: 'A' is listed twice in 'items'" },
		{ HEAD "    type: order\n    items: [a, \"\", c]\n", "t.yaml:9:16: error: 'items' is empty" },
		{ HEAD "    type: order\n", "t.yaml:6:5: error: an ordering needs 'items'" },
		{ HEAD "    type: order\n    items: [a, b, c]\n    answer: a\n",
		  "t.yaml:10:13: error: an ordering has no 'answer': write its 'items' in the right order" },
		{ HEAD "    type: order\n    items: x\n", "t.yaml:9:12: error: 'items' must be a list" },
		{ HEAD "    type: match\n    left: [a, b, c]\n    right: [x, y]\n",
		  "t.yaml:10:12: error: a matching needs as many right items as left items (3 left, 2 right)" },
		{ HEAD "    type: match\n    left: [a, b]\n    right: [x, y]\n",
		  "t.yaml:9:11: error: a matching needs at least 3 items (it has 2)" },
		{ HEAD "    type: match\n    left: [a, b, c, d, e, f]\n    right: [u, v, w, x, y, z]\n",
		  "t.yaml:9:11: error: a matching takes at most 5 items (it has 6)" },
		{ HEAD "    type: match\n    left: [a, b, c]\n    right: [x, y, x]\n",
		  "t.yaml:10:19: error: 'x' is listed twice in 'right'" },
		{ HEAD "    type: match\n    left: [a, b, a]\n    right: [x, y, z]\n",
		  "t.yaml:9:18: error: 'a' is listed twice in 'left'" },
		{ HEAD "    type: match\n    left: [a, b, c]\n", "t.yaml:6:5: error: a matching needs 'left' and 'right'" },
		{ HEAD "    type: match\n    left: [a, b, c]\n    right: [x, y, z]\n    choices: [p, q]\n",
		  "t.yaml:11:14: error: a matching has no 'choices': right[i] is the answer of left[i]" },
		{ HEAD "    answer: true\n    items: [a, b, c]\n", "t.yaml:9:12: error: 'items' goes with 'type: order'" },
		{ HEAD "    type: order\n    items: [a, b, c]\n    left: [a, b, c]\n",
		  "t.yaml:10:11: error: 'left' goes with 'type: match'" },
	};
#undef HEAD
	expect_rejected(f, cases, sizeof cases / sizeof *cases);

	diag_list_release(&f->diags);
	assert_int_equal(load(f, "g.yaml", "id: g\ntitle: G\nkind: drug\nsummary: x\nquiz:\n"
					    "  - id: g-o\n    type: order\n    ask: In order.\n    items: [first, second, third]\n"
					    "  - id: g-m\n    type: match\n    ask: Match.\n    left: [midazolam, morphine, heparin]\n"
					    "    right: [flumazenil, naloxone, protamine]\n"),
			 1);
	assert_int_equal(f->diags.errors, 0);
	const struct card *g = library_find(&f->lib, "g");
	assert_non_null(g);
	assert_int_equal(g->nquiz, 2);
	assert_int_equal(g->quiz[0].type, QUESTION_ORDER);
	assert_int_equal(g->quiz[0].nchoices, 3);
	assert_string_equal(g->quiz[0].choices[2], "third");
	assert_null(g->quiz[0].matches);
	assert_true(g->quiz[0].correct[0] && g->quiz[0].correct[2]);
	assert_int_equal(g->quiz[1].type, QUESTION_MATCH);
	assert_int_equal(g->quiz[1].nchoices, 3);
	assert_string_equal(g->quiz[1].choices[1], "morphine");
	assert_non_null(g->quiz[1].matches);
	assert_string_equal(g->quiz[1].matches[1], "naloxone");
}

/* Cloze questions (issue 17): a located error for every rule; a good one
 * shows its gaps as [gap N] and keeps each gap's answers. */
static void cloze_question_rules(void **state)
{
	struct fixture *f = *state;
#define HEAD "id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n  - id: a-c\n    type: cloze\n"
	static const struct rule_case cases[] = {
		{ HEAD "    cloze: No gap here.\n", "t.yaml:8:12: error: a cloze question needs at least one gap, written {{answer}}" },
		{ HEAD "    cloze: An {{}} gap.\n", "t.yaml:8:12: error: gap 1 of the cloze is empty" },
		{ HEAD "    cloze: A {{x|}} gap.\n", "t.yaml:8:12: error: gap 1 of the cloze has an empty alternative" },
		{ HEAD "    cloze: A {{x}} and {{y gap.\n",
		  "t.yaml:8:12: error: gap 2 of the cloze opens with '{{' but does not close with '}}'" },
		{ HEAD "    cloze: A x}} gap.\n", "t.yaml:8:12: error: the cloze has a '}}' that closes no gap" },
		{ HEAD "    cloze: \"{{a}}{{b}}{{c}}{{d}}{{e}}{{f}}{{g}}\"\n", "t.yaml:8:12: error: a cloze takes at most 6 gaps" },
		{ HEAD "    cloze: A {{x}} gap.\n    answer: x\n",
		  "t.yaml:9:13: error: a cloze question has no 'answer': its text and answers are in 'cloze'" },
		{ HEAD "    ask: q\n", "t.yaml:6:5: error: a cloze question needs 'cloze'" },
		{ HEAD "    cloze: Shown as [gap 1] here {{x}}.\n", "t.yaml:8:12: error: '[gap N]' is how rxplore shows a gap" },
		{ "id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n  - ask: q\n    answer: true\n    cloze: A {{x}}.\n",
		  "t.yaml:8:12: error: 'cloze' goes with 'type: cloze'" },
	};
#undef HEAD
	expect_rejected(f, cases, sizeof cases / sizeof *cases);

	diag_list_release(&f->diags);
	assert_int_equal(load(f, "g.yaml", "id: g\ntitle: G\nkind: drug\nsummary: x\nquiz:\n  - id: g-c\n"
					    "    type: cloze\n    cloze: >-\n      It opens {{ chloride | Cl- }}\n"
					    "      channels, {{inward}}.\n"),
			 1);
	assert_int_equal(f->diags.errors, 0);
	const struct card *g = library_find(&f->lib, "g");
	assert_non_null(g);
	assert_int_equal(g->quiz[0].type, QUESTION_CLOZE);
	assert_string_equal(g->quiz[0].ask, "It opens [gap 1] channels, [gap 2].");
	assert_int_equal(g->quiz[0].nchoices, 2);
	assert_string_equal(g->quiz[0].choices[0], "chloride|Cl-");
	assert_string_equal(g->quiz[0].choices[1], "inward");
}

static void billion_laughs_is_refused_at_the_first_anchor(void **state)
{
	struct fixture *f = *state;
	const char text[] = "id: lol\ntitle: x\nkind: concept\n"
			    "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
			    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
			    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
			    "summary: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";
	assert_int_equal(load(f, "lol.yaml", text), 0);
	assert_true(has_diag(f, "lol.yaml:4:4: error: anchors (&a) are not allowed in cards"));
	assert_int_equal(f->diags.errors, 1);
}

static void deep_nesting_stops_at_the_limit(void **state)
{
	struct fixture *f = *state;
	size_t depth = 20000;
	char *text = malloc(2 * depth + 64);
	strcpy(text, "id: deep\nsummary: ");
	size_t n = strlen(text);
	memset(text + n, '[', depth);
	memset(text + n + depth, ']', depth);
	text[n + 2 * depth] = '\0';
	assert_int_equal(load(f, "deep.yaml", text), 0);
	assert_true(has_diag(f, "deep.yaml:2:41: error: nesting deeper than 32 levels"));
	free(text);
}

static void size_limits_are_enforced(void **state)
{
	struct fixture *f = *state;
	size_t big = 300 * 1024;
	char *text = malloc(big + 128);
	strcpy(text, "id: big\ntitle: Big\nkind: concept\nsummary: ");
	size_t n = strlen(text);
	memset(text + n, 'x', big);
	strcpy(text + n + big, "\n");
	assert_int_equal(load(f, "big.yaml", text), 0);
	assert_true(has_diag(f, "big.yaml:4:10: error: text of 307200 bytes exceeds the 256 KiB limit"));
	free(text);

	diag_list_release(&f->diags);
	size_t huge = 1024 * 1024 + 1;
	text = malloc(huge);
	memset(text, '#', huge);
	assert_int_equal(loader_load_card_buffer(&f->lib, f->pack, "huge.yaml", text, huge, &f->diags), 0);
	assert_true(has_diag(f, "huge.yaml:1:1048577: error: the file goes on past the 1 MiB limit for one file "
				"here (it has 1048577 bytes)"));

	/* The position is where the limit is passed: lines of 1024 bytes put
	 * byte 1 MiB at the start of line 1025; a BOM is not counted. */
	diag_list_release(&f->diags);
	for (size_t i = 1023; i < huge; i += 1024)
		text[i] = '\n';
	assert_int_equal(loader_load_card_buffer(&f->lib, f->pack, "lines.yaml", text, huge, &f->diags), 0);
	assert_true(has_diag(f, "lines.yaml:1025:1: error: the file goes on past the 1 MiB limit"));
	diag_list_release(&f->diags);
	/* Line 1024 now runs past the limit, and its first character takes
	 * three bytes: columns count characters. */
	text[1024 * 1024 - 1] = '#';
	memcpy(text + 1023 * 1024, "\xE4\xB8\xAD", 3);
	assert_int_equal(loader_load_card_buffer(&f->lib, f->pack, "cjk.yaml", text, huge, &f->diags), 0);
	assert_true(has_diag(f, "cjk.yaml:1024:1023: error: the file goes on past the 1 MiB limit"));
	free(text);
}

/* Block collections nest through indentation rather than brackets: the
 * depth limit holds for them too, and for mappings. */
static void every_kind_of_nesting_stops_at_the_limit(void **state)
{
	struct fixture *f = *state;
	size_t depth = 20000;
	char *text = malloc(5 * depth + 64);	/* "{a: " and "}" per level */
	char *p = text + sprintf(text, "id: deep\nsummary:\n");
	for (size_t i = 0; i < depth; i++)
		p += sprintf(p, "- ");
	strcpy(p, "x\n");
	assert_int_equal(load(f, "block.yaml", text), 0);
	assert_true(has_diag(f, "block.yaml:3:63: error: nesting deeper than 32 levels"));

	diag_list_release(&f->diags);
	p = text + sprintf(text, "id: deep\nsummary: ");
	for (size_t i = 0; i < depth; i++)
		p += sprintf(p, "{a: ");
	for (size_t i = 0; i < depth; i++)
		*p++ = '}';
	strcpy(p, "\n");
	assert_int_equal(load(f, "flowmap.yaml", text), 0);
	assert_true(has_diag(f, "flowmap.yaml:2:134: error: nesting deeper than 32 levels"));
	assert_int_equal(f->diags.errors, 1);
	free(text);
}

/* Diagnostics quote what files say; nothing in them may drive a terminal. */
static void diagnostics_quote_hostile_text_harmlessly(void **state)
{
	struct fixture *f = *state;
	const char text[] = "id: a\ntitle: A\nkind: \"drug\\e]52;c;SU5KRUNURUQ=\\a\"\nsummary: x\n"
			    "\"k\\x9b\\u202E\\t\\n\": 1\n";
	assert_int_equal(load(f, "\x1b[2Jpath.yaml", text), 0);
	assert_true(has_diag(f, "?[2Jpath.yaml:3:7: error: kind must be drug, class, concept or explainer, "
				"not 'drug?]52;c;SU5KRUNURUQ=?'"));
	assert_true(has_diag(f, "?[2Jpath.yaml:5:1: error: unknown key 'k?\?\?\?' in a card"));
}

static void duplicate_ids_in_a_pack_are_errors_with_a_note(void **state)
{
	struct fixture *f = *state;
	const char text[] = "id: twin\ntitle: One\nkind: concept\nsummary: x\n";
	assert_int_equal(load(f, "one.yaml", text), 1);
	assert_int_equal(load(f, "two.yaml", text), 0);
	assert_true(has_diag(f, "two.yaml:1:1: error: duplicate id 'twin' in pack 'test'"));
	assert_true(has_diag(f, "one.yaml:1:1: note: first defined here"));
	assert_string_equal(library_find(&f->lib, "twin")->path, "one.yaml");
}

static void empty_and_comment_only_files_warn(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load(f, "empty.yaml", ""), 0);
	assert_int_equal(load(f, "comments.yaml", "# only a comment\n\n"), 0);
	assert_int_equal(load(f, "dashes.yaml", "---\n"), 0);
	assert_int_equal(f->diags.errors, 0);
	assert_int_equal(f->diags.warnings, 3);
	assert_true(has_diag(f, "comments.yaml: warning: empty file"));
}

/* A diagram is read as noise by a screen reader: its words are asked for
 * (a warning, so `check --strict` requires them) and kept verbatim apart. */
static void a_diagram_wants_its_words(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load(f, "d.yaml", "id: d\ntitle: D\nkind: concept\nsummary: x\nsections:\n"
					   "  diagram: |\n    A --> B\n"), 1);
	assert_true(has_diag(f, "d.yaml:6:12: warning: a diagram needs 'diagram_text'"));
	const struct card *d = library_find(&f->lib, "d");
	assert_non_null(d);	/* a warning keeps the card */
	assert_null(d->diagram_text);

	diag_list_release(&f->diags);
	assert_int_equal(load(f, "e.yaml", "id: e\ntitle: E\nkind: concept\nsummary: x\nsections:\n"
					   "  diagram: |\n    A --> B\n  diagram_text: >-\n    A leads\n    to B.\n"), 1);
	assert_int_equal(f->diags.count, 0);
	const struct card *e = library_find(&f->lib, "e");
	assert_non_null(e);
	assert_string_equal(e->diagram_text, "A leads to B.");
	assert_string_equal(e->text[SECTION_DIAGRAM], "A --> B\n");
}

static void a_question_without_id_gets_a_stable_one(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load(f, "q.yaml", "id: q\ntitle: Q\nkind: concept\nsummary: x\n"
					   "quiz:\n  - ask: Is  GABA inhibitory?\n    answer: true\n"), 1);
	const struct card *c = library_find(&f->lib, "q");
	char want[64];
	snprintf(want, sizeof want, "q:%016llx", card_question_hash("is gaba inhibitory?"));
	assert_string_equal(c->quiz[0].id, want);
	assert_false(c->quiz[0].id_authored);
	assert_true(has_diag(f, "q.yaml:6:5: warning: question has no 'id'"));
}

static void a_pack_folder_loads_with_its_vocabulary(void **state)
{
	(void)state;
	struct library lib;
	struct diag_list diags;
	library_init(&lib);
	diag_list_init(&diags);
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/basic", data_dir());
	assert_int_equal(loader_load_dir(&lib, dir, &diags), 4);
	library_resolve(&lib, &diags);
	assert_int_equal(diags.count, 0);
	assert_int_equal(lib.npacks, 1);
	assert_string_equal(lib.packs[0].name, "basic-fixture");
	assert_string_equal(lib.packs[0].version, "2026.01");
	assert_int_equal(lib.nvocab, 3);
	assert_string_equal(library_vocab(&lib, "uses")->ask, "What is {title} used for?");
	assert_string_equal(library_start(&lib)->id, "start-here");
	/* Cards load in byte order of their file names. */
	assert_string_equal(lib.cards[0]->id, "alphazine");
	library_release(&lib);
	diag_list_release(&diags);
}

static void a_bad_file_does_not_stop_the_others(void **state)
{
	(void)state;
	struct library lib;
	struct diag_list diags;
	library_init(&lib);
	diag_list_init(&diags);
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/bad", data_dir());
	assert_int_equal(loader_load_dir(&lib, dir, &diags), 0);
	assert_true(diags.errors >= 19);
	snprintf(dir, sizeof dir, "%s/basic", data_dir());
	assert_int_equal(loader_load_dir(&lib, dir, &diags), 4);
	library_release(&lib);
	diag_list_release(&diags);
}

/* --- loading in two phases: every vocabulary, then every pack's cards ---- */

struct two_phases {
	struct library lib;
	struct diag_list diags;
	char dir[256];		/* a temporary folder for packs written by the test */
};

static int phases_setup(void **state)
{
	struct two_phases *t = calloc(1, sizeof *t);
	library_init(&t->lib);
	diag_list_init(&t->diags);
	*state = t;
	return fixture_dir_make(t->dir, sizeof t->dir, "test_loader") ? 0 : -1;
}

static int phases_teardown(void **state)
{
	struct two_phases *t = *state;
	fixture_dir_remove(t->dir);
	library_release(&t->lib);
	diag_list_release(&t->diags);
	free(t);
	return 0;
}

/* Writes text to DIR/name (making the folder) and returns DIR/folder. */
static const char *put(const struct two_phases *t, const char *folder, const char *name, const char *text)
{
	static char made[512];
	char path[768];
	snprintf(made, sizeof made, "%s/%s", t->dir, folder);
	mkdir(made, 0700);
	snprintf(path, sizeof path, "%s/%s", made, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return made;
}

static const char loose_card[] = "id: loose\ntitle: Loose\nkind: drug\nsummary: x\n"
				 "facts:\n  uses: Loose uses\n  receptor: Loose receptor\n";

static void a_loose_folder_first_gets_the_keys_of_a_later_pack(void **state)
{
	struct two_phases *t = *state;
	char loose[512], basic[4096];
	snprintf(loose, sizeof loose, "%s", put(t, "loose", "loose.yaml", loose_card));
	snprintf(basic, sizeof basic, "%s/basic", data_dir());
	assert_int_equal(loader_load_dir_manifest(&t->lib, loose, &t->diags), 0);
	assert_int_equal(loader_load_dir_manifest(&t->lib, basic, &t->diags), 1);
	/* The first phase reads vocabularies, not cards. */
	assert_int_equal(t->lib.nvocab, 3);
	assert_int_equal(t->lib.ncards, 0);
	assert_int_equal(loader_load_dir_cards(&t->lib, 0, loose, &t->diags), 1);
	assert_int_equal(loader_load_dir_cards(&t->lib, 1, basic, &t->diags), 4);
	assert_int_equal(t->diags.count, 0);
	assert_false(t->lib.packs[0].has_manifest);
	assert_int_equal(t->lib.packs[0].ncards, 1);
	/* Facts in the order of the merged vocabulary, not of the file. */
	const struct card *card = library_find(&t->lib, "loose");
	assert_int_equal(card->nfacts, 2);
	assert_string_equal(card->facts[0].key, "receptor");
	assert_string_equal(card->facts[1].value, "Loose uses");
	/* Alone, or in one call before the pack, the loose folder has no keys. */
	struct library alone;
	library_init(&alone);
	assert_int_equal(loader_load_dir(&alone, loose, &t->diags), 0);
	assert_int_equal(t->diags.errors, 2);
	library_release(&alone);
}

static void the_first_definition_of_a_key_wins_in_two_phases(void **state)
{
	struct two_phases *t = *state;
	put(t, "mine", "pack.yaml", "pack: mine\nfacts:\n  - key: extra\n    label: Extra\n"
				    "  - key: uses\n    label: My uses\n");
	const char *mine = put(t, "mine", "mine.yaml", "id: mine\ntitle: Mine\nkind: concept\nsummary: x\n"
						       "facts:\n  action: Mine acts\n  extra: more\n");
	char basic[4096];
	snprintf(basic, sizeof basic, "%s/basic", data_dir());
	size_t first = loader_load_dir_manifest(&t->lib, mine, &t->diags);
	size_t second = loader_load_dir_manifest(&t->lib, basic, &t->diags);
	assert_string_equal(library_vocab(&t->lib, "uses")->label, "My uses");
	assert_null(library_vocab(&t->lib, "uses")->ask);
	assert_int_equal(library_vocab_index(&t->lib, "extra"), 0);
	assert_int_equal(loader_load_dir_cards(&t->lib, first, mine, &t->diags), 1);
	assert_int_equal(loader_load_dir_cards(&t->lib, second, basic, &t->diags), 4);
	assert_int_equal(t->diags.count, 0);
	/* The pack read second has its keys in the merged order: uses (the
	 * first pack's) before receptor and action. */
	const struct card *alphazine = library_find(&t->lib, "alphazine");
	assert_string_equal(alphazine->facts[0].key, "uses");
	assert_string_equal(alphazine->facts[2].key, "action");
	assert_string_equal(library_find(&t->lib, "mine")->facts[0].key, "extra");
}

static void a_card_file_and_a_compiled_pack_load_in_two_phases(void **state)
{
	struct two_phases *t = *state;
	put(t, "single", "pack.yaml", "pack: single\n");
	put(t, "single/cards", "one.yaml", "id: one\ntitle: One\nkind: drug\nsummary: x\n"
					   "facts:\n  drug_class: Test class\n");
	static const struct vocab_entry vocab[] = { { "drug_class", "Drug class", NULL } };
	static struct card_fact facts[] = { { "drug_class", "Compiled class" } };
	static const struct card compiled_card = { .id = "compiled", .title = "Compiled", .kind = CARD_DRUG,
						   .facts = facts, .nfacts = 1, .path = "(built in)/c.yaml" };
	static const struct card *const cards[] = { &compiled_card };
	static const struct compiled_diag said[] = { { DIAG_WARNING, "(built in)/pack.yaml", 2, 1, "said" } };
	static const struct compiled_pack compiled = {
		.info = { .name = "compiled", .dir = "(built in)", .format = 1, .has_manifest = true },
		.vocab = vocab, .nvocab = 1, .cards = cards, .ncards = 1, .diags = said, .ndiags = 1,
	};
	char file[768];
	snprintf(file, sizeof file, "%s/single/cards/one.yaml", t->dir);
	size_t pack = loader_load_file_manifest(&t->lib, file, &t->diags);
	assert_int_equal(pack, 0);
	assert_string_equal(t->lib.packs[0].name, "single");
	assert_int_equal(loader_load_compiled_manifest(&t->lib, &compiled), 1);
	/* What the build said comes with the compiled pack's cards. */
	assert_int_equal(t->diags.count, 0);
	assert_int_equal(loader_load_file_card(&t->lib, pack, file, &t->diags), 1);
	assert_int_equal(t->diags.count, 0);
	assert_string_equal(library_find(&t->lib, "one")->facts[0].value, "Test class");
	assert_int_equal(loader_load_compiled_cards(&t->lib, 1, &compiled, &t->diags), 1);
	assert_int_equal(t->diags.warnings, 1);
	assert_int_equal(library_find(&t->lib, "compiled")->pack, 1);
	assert_int_equal(t->lib.packs[1].ncards, 1);
	/* A folder that is not there has no pack to load cards into. */
	snprintf(file, sizeof file, "%s/missing", t->dir);
	assert_int_equal(loader_load_dir_manifest(&t->lib, file, &t->diags), (size_t)-1);
	assert_int_equal(t->diags.errors, 1);
}

static void config_values_and_bad_values(void **state)
{
	(void)state;
	char path[] = "/tmp/rxplore-config-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *out = fdopen(fd, "w");
	fputs("desired_retention: 0.85\nnew_per_day: 5\nrollover_hour: 99\ntheme: mono\nmouse: off\ncolour: red\n",
	      out);
	fclose(out);
	struct config config;
	config_defaults(&config);
	struct diag_list diags;
	diag_list_init(&diags);
	assert_int_equal(loader_load_config(path, &config, &diags), 0);
	assert_true(config.desired_retention > 0.849 && config.desired_retention < 0.851);
	assert_int_equal(config.new_per_day, 5);
	assert_int_equal(config.rollover_hour, 4); /* 99 is refused: the default stays */
	assert_int_equal(config.theme, THEME_MONO);
	assert_false(config.mouse);
	assert_int_equal(diags.errors, 0);
	assert_int_equal(diags.warnings, 2);
	char buf[512];
	diag_format(&diags.items[0], buf, sizeof buf);
	assert_non_null(strstr(buf, ":6:1: warning: unknown setting 'colour'"));
	diag_list_release(&diags);

	/* The scheduling settings: steps, the exam date, the retention's range. */
	out = fopen(path, "w");
	fputs("learning_steps: 30s 5m 1h\nrelearning_steps: \"\"\nexam_date: 2027-01-15\n", out);
	fclose(out);
	config_defaults(&config);
	assert_int_equal(loader_load_config(path, &config, &diags), 0);
	assert_int_equal(diags.count, 0);
	assert_int_equal(config.steps.nlearning, 3);
	assert_int_equal(config.steps.learning[2], 3600);
	assert_int_equal(config.steps.nrelearning, 0);
	assert_string_equal(config.exam_date, "2027-01-15");
	out = fopen(path, "w");
	fputs("desired_retention: 0.98\nlearning_steps: 1d\nrelearning_steps: [10m]\nexam_date: 2027-02-30\n", out);
	fclose(out);
	config_defaults(&config);
	assert_int_equal(loader_load_config(path, &config, &diags), 0);
	assert_int_equal(diags.warnings, 4);
	assert_true(config.desired_retention == 0.9);
	assert_int_equal(config.steps.nlearning, 2);
	assert_int_equal(config.steps.nrelearning, 1);
	assert_string_equal(config.exam_date, "");
	diag_format(&diags.items[1], buf, sizeof buf);
	assert_non_null(strstr(buf, ":2:17: warning: learning_steps must be steps"));
	diag_list_release(&diags);

	/* A broken file: a warning, and every default kept. */
	out = fopen(path, "w");
	fputs("new_per_day: [unclosed\n", out);
	fclose(out);
	config_defaults(&config);
	assert_int_equal(loader_load_config(path, &config, &diags), -1);
	assert_int_equal(diags.errors, 0);
	assert_true(diags.warnings >= 1);
	assert_int_equal(config.new_per_day, 20);
	diag_list_release(&diags);
	remove(path);
	/* No file at all is not a problem. */
	assert_int_equal(loader_load_config(path, &config, &diags), 0);
	assert_int_equal(diags.count, 0);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
#define PHASES(test) cmocka_unit_test_setup_teardown(test, phases_setup, phases_teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_good_card_loads_completely, setup, teardown),
		cmocka_unit_test_setup_teardown(crlf_bom_and_tabs_are_accepted, setup, teardown),
		cmocka_unit_test_setup_teardown(control_characters_never_survive, setup, teardown),
		cmocka_unit_test_setup_teardown(each_rule_has_a_located_error, setup, teardown),
		cmocka_unit_test_setup_teardown(choices_may_name_their_topic, setup, teardown),
		cmocka_unit_test_setup_teardown(choice_topics_have_located_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(typed_question_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(order_and_match_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(cloze_question_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(billion_laughs_is_refused_at_the_first_anchor, setup, teardown),
		cmocka_unit_test_setup_teardown(deep_nesting_stops_at_the_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(size_limits_are_enforced, setup, teardown),
		cmocka_unit_test_setup_teardown(every_kind_of_nesting_stops_at_the_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(diagnostics_quote_hostile_text_harmlessly, setup, teardown),
		cmocka_unit_test_setup_teardown(duplicate_ids_in_a_pack_are_errors_with_a_note, setup, teardown),
		cmocka_unit_test_setup_teardown(empty_and_comment_only_files_warn, setup, teardown),
		cmocka_unit_test_setup_teardown(a_question_without_id_gets_a_stable_one, setup, teardown),
		cmocka_unit_test_setup_teardown(a_diagram_wants_its_words, setup, teardown),
		cmocka_unit_test(a_pack_folder_loads_with_its_vocabulary),
		cmocka_unit_test(a_bad_file_does_not_stop_the_others),
		cmocka_unit_test(config_values_and_bad_values),
		PHASES(a_loose_folder_first_gets_the_keys_of_a_later_pack),
		PHASES(the_first_definition_of_a_key_wins_in_two_phases),
		PHASES(a_card_file_and_a_compiled_pack_load_in_two_phases),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
