/* Unit tests for import: HTML fields to text, the Anki headers, CSV/TSV
 * layouts, choices and answers, ids, bad rows, and the YAML written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "import.h"

static void html_is(const char *html, const char *want)
{
	char *text = import_html_to_text(html);
	assert_non_null(text);
	assert_string_equal(text, want);
	free(text);
}

static void test_html_to_text(void **state)
{
	(void)state;
	html_is("a<br>b<br/>c<BR >d", "a\nb\nc\nd");
	html_is("<div>one</div><div>two</div>", "one\ntwo");
	html_is("<b>bold</b> &amp; <i>it</i>", "bold & it");
	html_is("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>");
	html_is("&#945;&#x3b2; &mu;g &nbsp;x", "αβ μg  x");
	html_is("5 < 6 & 7 > 3", "5 < 6 & 7 > 3");	/* lone < and & stay text */
	html_is("&bogus; &#0; &#xD800; &#1114112; &", "&bogus; &#0; &#xD800; &#1114112; &");
	html_is("<br><br>x  <br><br><br><br>y<br><br>", "x\n\ny");
	html_is("<a href=\"http://x\">link</a><img src=x onerror=alert(1)>", "link");
	html_is("unclosed <tag", "unclosed <tag");
	html_is("", "");
}

static char *yaml(const char *text)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_non_null(out);
	import_yaml_string(out, text);
	fclose(out);
	return buf;
}

static void test_yaml_string(void **state)
{
	(void)state;
	char *s = yaml("a \"q\" \\ b\nc\td\x01 é: #x");
	assert_string_equal(s, "\"a \\\"q\\\" \\\\ b\\nc\\td\\x01 é: #x\"");
	free(s);
}

struct parsed {
	struct import_deck deck;
	struct diag_list diags;
};

static void parse(struct parsed *p, const char *text)
{
	import_deck_init(&p->deck);
	diag_list_init(&p->diags);
	assert_int_equal(import_parse(&p->deck, "dir/in.txt", text, strlen(text), &p->diags), 0);
}

static void release(struct parsed *p)
{
	import_deck_release(&p->deck);
	diag_list_release(&p->diags);
}

static void test_rxplore_anki(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, "#separator:tab\n#html:true\n#notetype:Basic\n#guid column:1\n#tags column:4\n"
		  "#rxplore: 2 questions from 1 cards.\n"
		  "baclofen-tf\tBaclofen is a benzodiazepine.<br><br><i>True or false?</i><br>a) True<br>b) False\t"
		  "<b>Answer:</b> b) False<br><br>It is a GABA-B agonist.<br><br><i>Card: Baclofen — Summary</i>"
		  "<br><small>DRAFT: not yet reviewed.</small>\trxplore rxplore::card::baclofen rxplore::kind::drug\n"
		  "baclofen-all\tPick &amp; choose<br><br><i>Select all that apply.</i><br>a) One<br>b) Two<br>"
		  "c) Three\t<b>Answers:</b><br>a) One<br>c) Three\trxplore rxplore::card::baclofen\n");
	assert_int_equal(p.diags.count, 0);
	assert_int_equal(p.deck.count, 1);
	const struct import_card *c = &p.deck.cards[0];
	assert_string_equal(c->id, "baclofen");
	assert_string_equal(c->title, "Baclofen");
	assert_int_equal(c->count, 2);
	assert_string_equal(c->questions[0].id, "baclofen-tf");
	assert_string_equal(c->questions[0].ask, "Baclofen is a benzodiazepine.");
	assert_int_equal(c->questions[0].truth, 0);
	assert_string_equal(c->questions[0].explain, "It is a GABA-B agonist.");
	const struct import_question *q = &c->questions[1];
	assert_string_equal(q->ask, "Pick & choose");
	assert_true(q->select_all);
	assert_int_equal(q->nchoices, 3);
	size_t right = 0;
	for (size_t i = 0; i < q->nchoices; i++)
		if (q->correct[i])
			right++, assert_true(strcmp(q->choices[i], "One") == 0 || strcmp(q->choices[i], "Three") == 0);
	assert_int_equal(right, 2);
	release(&p);
}

static void test_csv_with_header(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, "question,choices,answer,explanation,tags\n"
		  "\"Which, of these?\",Red | Green | Blue,Green,\"Because \"\"green\"\".\",colours\n"
		  "Sky is blue,,true,,colours\n"
		  "No answer here,A | B,,,colours\n"
		  "Two same,A | A,A,,colours\n"
		  "Pick by letter,\"X\nY\nZ\",\"a,c\",,shapes\n");
	assert_int_equal(p.deck.count, 2);
	assert_string_equal(p.deck.cards[0].id, "colours");
	assert_int_equal(p.deck.cards[0].count, 2);
	const struct import_question *q = &p.deck.cards[0].questions[0];
	assert_string_equal(q->ask, "Which, of these?");
	assert_int_equal(q->nchoices, 3);
	assert_true(q->correct[1] && !q->correct[0] && !q->correct[2]);
	assert_string_equal(q->explain, "Because \"green\".");
	assert_non_null(strstr(q->id, "colours:"));
	assert_int_equal(strlen(q->id), strlen("colours:") + 16);
	assert_int_equal(p.deck.cards[0].questions[1].truth, 1);
	q = &p.deck.cards[1].questions[0];
	assert_true(q->correct[0] && !q->correct[1] && q->correct[2]);
	assert_int_equal(p.diags.count, 2);
	assert_int_equal(p.diags.items[0].line, 4);
	assert_int_equal(p.diags.items[1].line, 5);
	char buf[256];
	diag_format(&p.diags.items[1], buf, sizeof buf);
	assert_string_equal(buf, "dir/in.txt:5: error: two choices are the same; row skipped");
	assert_int_equal(p.deck.skipped, 2);
	release(&p);
}

static void test_tsv_positional(void **state)
{
	(void)state;
	struct parsed p;
	/* question (choices inside), answer, explanation, tags; no header. */
	parse(&p, "Q one\\na) x\\nb) y\tb\tWhy.\tdeck::sub\n"
		  "Q two\tmaybe\t\t\n"
		  "\"never closed\tb\n");
	assert_int_equal(p.deck.count, 0);
	release(&p);
	parse(&p, "Q one\na) x\nb) y\tb\tWhy.\tdeck::sub\n");
	release(&p);
	parse(&p, "\"Q one\na) x\nb) y\"\tb\tWhy.\tdeck::sub\nQ two\tmaybe\t\t\n\"never closed\tb\n");
	assert_int_equal(p.deck.count, 1);
	assert_string_equal(p.deck.cards[0].id, "deck-sub");
	assert_string_equal(p.deck.cards[0].title, "deck::sub");
	const struct import_question *q = &p.deck.cards[0].questions[0];
	assert_string_equal(q->ask, "Q one");
	assert_true(q->correct[1]);
	assert_string_equal(q->explain, "Why.");
	assert_int_equal(p.diags.count, 2);
	assert_int_equal(p.diags.items[0].line, 4);	/* Q two: no choices, not true/false */
	assert_int_equal(p.diags.items[1].line, 5);	/* the quote never ends */
	release(&p);
}

static void test_ids(void **state)
{
	(void)state;
	struct parsed p;
	/* An Anki guid that is not a valid id gets one derived from it; a repeated id is an error. */
	parse(&p, "#separator:comma\n#guid column:1\n#deck:My Deck\n"
		  "Ab3$x,Q1,true\n"
		  "good-id,Q2,false\n"
		  "good-id,Q3,false\n");
	assert_int_equal(p.deck.count, 1);
	assert_string_equal(p.deck.cards[0].id, "my-deck");
	assert_int_equal(p.deck.cards[0].count, 2);
	assert_non_null(strstr(p.deck.cards[0].questions[0].id, "my-deck:"));
	assert_string_equal(p.deck.cards[0].questions[1].id, "good-id");
	assert_int_equal(p.diags.count, 1);
	assert_int_equal(p.diags.items[0].line, 6);
	/* The same file again gives the same ids. */
	struct parsed again;
	parse(&again, "#separator:comma\n#guid column:1\n#deck:My Deck\nAb3$x,Q1,true\n");
	assert_string_equal(again.deck.cards[0].questions[0].id, p.deck.cards[0].questions[0].id);
	release(&again);
	release(&p);
}

static void test_write_card(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, "question,choices,answer,tags\n\"Say \"\"hi\"\": now\",A: 1 | B,A: 1,t\n");
	assert_int_equal(p.deck.count, 1);
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_int_equal(import_write_card(out, &p.deck.cards[0], "x\ny.csv"), 0);
	fclose(out);
	assert_non_null(strstr(buf, "# Imported by rxplore from x y.csv.\n"));
	assert_non_null(strstr(buf, "    ask: \"Say \\\"hi\\\": now\"\n"));
	assert_non_null(strstr(buf, "    answer: \"A: 1\"\n"));
	assert_non_null(strstr(buf, "status: draft\n"));
	free(buf);
	release(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_to_text), cmocka_unit_test(test_yaml_string),
		cmocka_unit_test(test_rxplore_anki), cmocka_unit_test(test_csv_with_header),
		cmocka_unit_test(test_tsv_positional), cmocka_unit_test(test_ids),
		cmocka_unit_test(test_write_card),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
