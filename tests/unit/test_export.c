/* Unit tests for export: the selection (topics, class members, repeats), the
 * deterministic choice order, the HTML escaper fed the worst
 * text we can think of, and the three formats on loaded cards (Anki rows
 * never split, Markdown tables never broken by a pipe, JSON strings escaped),
 * including a stream that cannot be written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "loader.h"
#include "sink.h"

static size_t count(const char *haystack, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* --- a library of loaded cards ------------------------------------------- */

static const char *const cards_yaml[] = {
	"id: tricky\n"
	"title: \"Tricky \\\"quoted\\\" <script>x</script> | pipe & co\"\n"
	"kind: drug\n"
	"aliases: [\"Ünïcødé\"]\n"
	"member_of: mixers\n"
	"summary: \"Tab\\there, bell\\x07, bidi\\u202E.\"\n"
	"sections:\n"
	"  mechanism: |\n"
	"    # not a heading\n"
	"    - item | with a pipe\n"
	"facts:\n"
	"  receptor: \"A | B\"\n"
	"quiz:\n"
	"  - id: tricky-q\n"
	"    ask: \"Pick \\\"one\\\" <b>now</b>\"\n"
	"    choices: [\"x\\ty\", \"<i>\", \"a\\\"b\"]\n"
	"    answer: \"<i>\"\n"
	"    explain: \"Because\\nof <this> & that.\"\n"
	"    see: mechanism\n"
	"status: draft\n",

	"id: mixers\ntitle: Mixers\nkind: class\nsummary: The class.\nfacts:\n  receptor: Mixer receptor\n"
	"status: draft\n",

	"id: plain\ntitle: Plain\nkind: drug\nmember_of: mixers\nsummary: Plain.\n"
	"facts:\n  receptor: Plain receptor\n"
	"quiz:\n  - id: plain-tf\n    ask: Plain is plain.\n    answer: true\nstatus: draft\n",

	"id: other\ntitle: Other\nkind: drug\nsummary: Other.\nfacts:\n  receptor: Other receptor\n"
	"status: draft\n",

	"id: why\ntitle: Why\nkind: explainer\nsummary: Why.\ncompare_with: [tricky, plain]\nstatus: draft\n",
};
#define NCARDS (sizeof cards_yaml / sizeof *cards_yaml)

struct fixture {
	struct library lib;
	struct diag_list diags;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	library_init(&f->lib);
	diag_list_init(&f->diags);
	struct pack_info pack = { .name = "test", .title = "Test | pack", .version = "1", .format = 1,
				  .dir = "mem" };
	size_t p = library_add_pack(&f->lib, &pack);
	struct vocab_entry receptor = { "receptor", "Receptor | target",
					"Which receptor does {title} act on?" };
	library_add_vocab(&f->lib, &receptor);
	for (size_t i = 0; i < NCARDS; i++) {
		char path[32];
		snprintf(path, sizeof path, "card%zu.yaml", i);
		size_t len = strlen(cards_yaml[i]);
		if (loader_load_card_buffer(&f->lib, p, path, cards_yaml[i], len, &f->diags) != 1)
			fail_msg("card %zu did not load", i);
	}
	library_resolve(&f->lib, &f->diags);
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

static const struct card *find(struct fixture *f, const char *id)
{
	const struct card *c = library_find(&f->lib, id);
	assert_non_null(c);
	return c;
}

/* --- selection -------------------------------------------------------------- */

static void test_everything_in_topic_order(void **state)
{
	struct fixture *f = *state;
	struct export_set set;
	assert_int_equal(export_set_build(&set, &f->lib, NULL, 0), EXPORT_OK);
	assert_int_equal(set.ncards, NCARDS);
	/* Explainers, concepts, classes, drugs; by title within a kind. */
	assert_string_equal(set.cards[0]->id, "why");
	assert_string_equal(set.cards[1]->id, "mixers");
	assert_string_equal(set.cards[2]->id, "other");
	assert_string_equal(set.cards[3]->id, "plain");
	assert_string_equal(set.cards[4]->id, "tricky");
	/* Every question of the bank, once. */
	assert_int_equal(set.nquestions, set.bank.count);
	for (size_t i = 0; i < set.nquestions; i++)
		for (size_t k = 0; k < i; k++)
			assert_string_not_equal(set.questions[i]->id, set.questions[k]->id);
	export_set_release(&set);
}

static void test_topics_bring_their_members(void **state)
{
	struct fixture *f = *state;
	const struct card *topics[] = { find(f, "other"), find(f, "mixers"), find(f, "Ünïcødé") };
	struct export_set set;
	assert_int_equal(export_set_build(&set, &f->lib, topics, 3), EXPORT_OK);
	/* Topics in the order given, each followed by its members, no card twice. */
	assert_int_equal(set.ncards, 4);
	assert_string_equal(set.cards[0]->id, "other");
	assert_string_equal(set.cards[1]->id, "mixers");
	assert_string_equal(set.cards[2]->id, "plain");
	assert_string_equal(set.cards[3]->id, "tricky");
	assert_int_equal(set.ntopics, 3);
	for (size_t i = 0; i < set.nquestions; i++)
		assert_string_not_equal(set.questions[i]->card->id, "why");
	export_set_release(&set);
}

static void test_repeated_topic_counts_once(void **state)
{
	struct fixture *f = *state;
	const struct card *topics[] = { find(f, "plain"), find(f, "PLAIN") };
	struct export_set set;
	assert_int_equal(export_set_build(&set, &f->lib, topics, 2), EXPORT_OK);
	assert_int_equal(set.ntopics, 1);
	assert_int_equal(set.ncards, 1);
	for (size_t i = 0; i < set.nquestions; i++)
		assert_ptr_equal(set.questions[i]->card, topics[0]);
	export_set_release(&set);
}

/* --- choice order ---------------------------------------------------------- */

static void test_choice_order_is_a_stable_permutation(void **state)
{
	(void)state;
	const char *choices[] = { "a", "b", "c", "d", "e", "f" };
	struct quiz_question q = { .type = QUESTION_SINGLE, .nchoices = 6 };
	memcpy(q.choices, choices, sizeof choices);
	size_t moved = 0;
	for (int n = 0; n < 50; n++) {
		char id[32];
		snprintf(id, sizeof id, "card:%d", n);
		q.id = id;
		unsigned char a[QUESTION_MAX_CHOICES], b[QUESTION_MAX_CHOICES];
		export_choice_order(&q, a);
		export_choice_order(&q, b);
		assert_memory_equal(a, b, sizeof a);
		unsigned seen = 0;
		for (size_t i = 0; i < 6; i++) {
			assert_true(a[i] < 6);
			seen |= 1u << a[i];
			moved += a[i] != i;
		}
		assert_int_equal(seen, 0x3f);
	}
	/* Shuffled, not left in authored order (where the answer often comes first). */
	assert_true(moved > 100);
}

static void test_true_false_keeps_its_order(void **state)
{
	(void)state;
	struct quiz_question q = { .id = "x", .type = QUESTION_TRUE_FALSE, .nchoices = 2,
				   .choices = { "True", "False" } };
	unsigned char order[QUESTION_MAX_CHOICES];
	export_choice_order(&q, order);
	assert_int_equal(order[0], 0);
	assert_int_equal(order[1], 1);
}

/* --- escapers ---------------------------------------------------------------- */

static void test_html_text(void **state)
{
	(void)state;
	struct sink s;
	export_html_text(sink_open(&s), "a & b <script>alert(\"x\")</script>\ttab\nline\r\x01\x7f é 受");
	char *text = sink_text(&s);
	assert_string_equal(text, "a &amp; b &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
				  "tab<br>line é 受");
	free(text);
}

/* --- the formats ------------------------------------------------------------ */

static void test_anki_rows_never_split(void **state)
{
	struct fixture *f = *state;
	struct export_set set;
	assert_int_equal(export_set_build(&set, &f->lib, NULL, 0), EXPORT_OK);
	struct sink s;
	assert_int_equal(export_anki(sink_open(&s), &set), EXPORT_OK);
	char *text = sink_text(&s);
	assert_true(strncmp(text, "#separator:tab\n#html:true\n", 26) == 0);
	assert_non_null(strstr(text, "\n#guid column:1\n"));
	assert_non_null(strstr(text, "\n#tags column:5\n"));
	size_t rows = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#')
			continue;
		rows++;
		assert_int_equal(count(line, "\t"), 4);
		assert_null(strchr(line, '"'));
		assert_null(strchr(line, '\r'));
		assert_null(strstr(line, "<script>"));
	}
	assert_int_equal(rows, set.nquestions);
	free(text);
	export_set_release(&set);
}

static void test_anki_note_content(void **state)
{
	struct fixture *f = *state;
	const struct card *topics[] = { find(f, "tricky") };
	struct export_set set;
	assert_int_equal(export_set_build(&set, &f->lib, topics, 1), EXPORT_OK);
	struct sink s;
	assert_int_equal(export_anki(sink_open(&s), &set), EXPORT_OK);
	char *text = sink_text(&s);
	const char *row = strstr(text, "\ntricky-q\t");
	assert_non_null(row);
	assert_non_null(strstr(row, "\tPick &quot;one&quot; &lt;b&gt;now&lt;/b&gt;<br><br>a) "));
	assert_non_null(strstr(row, ") a&quot;b"));
	/* Loading unfolded the explanation's single line break. */
	assert_non_null(strstr(row, "<b>Answer:</b> "));
	assert_non_null(strstr(row, ") &lt;i&gt;<br><br>Because of &lt;this&gt; &amp; that.<br><br>"));
	assert_non_null(strstr(row, "<i>Card: Tricky &quot;quoted&quot; &lt;script&gt;x&lt;/script&gt; "
				    "| pipe &amp; co — Mechanism</i>"));
	assert_non_null(strstr(row, "\trxplore rxplore::card::tricky rxplore::kind::drug "
				    "rxplore::question::single\n"));
	free(text);
	export_set_release(&set);
}

static void test_markdown_handout(void **state)
{
	struct fixture *f = *state;
	const struct card *topics[] = { find(f, "tricky"), find(f, "other") };
	struct export_set set;
	assert_int_equal(export_set_build(&set, &f->lib, topics, 2), EXPORT_OK);
	struct sink s;
	assert_int_equal(export_markdown(sink_open(&s), &set), EXPORT_OK);
	char *text = sink_text(&s);
	assert_non_null(strstr(text, "# Tricky \"quoted\" \\<script\\>x\\</script\\> \\| pipe & co, "
				     "Other\n"));
	assert_non_null(strstr(text, "rxplore is for education, not treatment decisions."));
	assert_non_null(strstr(text, "| Receptor \\| target | A \\| B |\n"));
	assert_non_null(strstr(text, "\\# not a heading\n\n- item \\| with a pipe\n"));
	/* Two topics: compared with each other. */
	assert_non_null(strstr(text, "## Comparisons\n\n### Tricky"));
	assert_non_null(strstr(text, "| ≠ Receptor \\| target | A \\| B | Other receptor |\n"));
	/* Questions first, answers after them. */
	char *questions = strstr(text, "\n## Questions\n"), *answers = strstr(text, "\n## Answers\n");
	assert_non_null(questions);
	assert_non_null(answers);
	assert_true(questions < answers);
	assert_non_null(strstr(questions, "**1.** Pick \"one\" \\<b\\>now\\</b\\>"));
	assert_non_null(strstr(answers, "Because of \\<this\\> & that."));
	/* Every table row has as many unescaped pipes as the header. */
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] != '|')
			continue;
		size_t pipes = 0;
		for (char *p = line; *p; p++)
			pipes += *p == '|' && (p == line || p[-1] != '\\');
		assert_true(pipes == 3 || pipes == 4);
	}
	free(text);
	export_set_release(&set);
}

/* A case in the handout: its stem under the number, its parts numbered
 * under it (Markdown 1.1, 1.2; HTML a list inside the entry), the same in
 * the answer key. */
static void test_handout_case(void **state)
{
	(void)state;
	static const char yaml[] = "id: casey\ntitle: Casey\nkind: drug\nsummary: A drug.\nstatus: draft\n"
				   "quiz:\n  - id: casey-case\n    type: case\n    stem: A patient faints.\n"
				   "    parts:\n      - ask: Why?\n        choices: [Low pressure, High pressure]\n"
				   "        answer: Low pressure\n      - ask: It is safe.\n        answer: false\n";
	struct library lib;
	struct diag_list diags;
	library_init(&lib);
	diag_list_init(&diags);
	struct pack_info pack = { .name = "test", .title = "Test", .version = "1", .format = 1, .dir = "mem" };
	size_t p = library_add_pack(&lib, &pack);
	assert_int_equal(loader_load_card_buffer(&lib, p, "casey.yaml", yaml, strlen(yaml), &diags), 1);
	library_resolve(&lib, &diags);
	const struct card *topics[] = { library_find(&lib, "casey") };
	assert_non_null(topics[0]);
	struct export_set set;
	assert_int_equal(export_set_build(&set, &lib, topics, 1), EXPORT_OK);
	struct sink s;

	assert_int_equal(export_markdown(sink_open(&s), &set), EXPORT_OK);
	char *text = sink_text(&s), *answers = strstr(text, "\n## Answers\n");
	assert_non_null(answers);
	assert_non_null(strstr(text, "\n**1.** A patient faints. *(Casey; a case: answer its 2 parts in turn)*\n"
				     "\n**1.1** Why?"));
	assert_non_null(strstr(text, "\n**1.2** It is safe."));
	assert_non_null(strstr(answers, "\n**1.** *(a case)*\n\n**1.1** "));
	assert_non_null(strstr(answers, "\n**1.2** "));
	free(text);

	assert_int_equal(export_html(sink_open(&s), &set), EXPORT_OK);
	text = sink_text(&s);
	assert_non_null(strstr(text, "<li><p>A patient faints. <i class=\"small\">(Casey; a case: answer its 2 parts "
				     "in turn)</i></p>\n<ol class=\"parts\">\n<li><p>Why?"));
	assert_non_null(strstr(text, "<li><p><i class=\"small\">(Casey; a case)</i></p>\n<ol class=\"parts\">\n"
				     "<li><p><b>"));
	assert_int_equal(count(text, "<li>"), count(text, "</li>"));
	assert_int_equal(count(text, "<ol"), count(text, "</ol>"));
	free(text);
	export_set_release(&set);
	library_release(&lib);
	diag_list_release(&diags);
}

static void test_json_document(void **state)
{
	struct fixture *f = *state;
	const struct card *topics[] = { find(f, "tricky") };
	struct export_set set;
	assert_int_equal(export_set_build(&set, &f->lib, topics, 1), EXPORT_OK);
	set.generator = "rxplore test";
	struct sink s;
	assert_int_equal(export_json(sink_open(&s), &set), EXPORT_OK);
	char *text = sink_text(&s);
	assert_non_null(strstr(text, "\"format_version\": 2,"));
	assert_non_null(strstr(text, "\"generator\": \"rxplore test\""));
	assert_non_null(strstr(text, "\"title\": \"Tricky \\\"quoted\\\" <script>x</script> | pipe & co\""));
	assert_non_null(strstr(text, "\"aliases\": [\n        \"Ünïcødé\"\n      ]"));
	assert_non_null(strstr(text, "\"explain\": \"Because of <this> & that.\""));
	assert_non_null(strstr(text, "\"answer\": \"<i>\""));
	assert_non_null(strstr(text, "\"facts\": {\n        \"receptor\": \"A | B\"\n      }"));
	assert_non_null(strstr(text, "\"member_of\": \"mixers\""));
	assert_non_null(strstr(text, "\"status\": \"draft\""));
	assert_non_null(strstr(text, "\"reviewed_by\": null"));
	/* Loading removed the bell and the bidi override; the tab became spaces. */
	assert_null(strchr(text, '\a'));
	assert_null(strchr(text, '\t'));
	assert_null(strstr(text, "\xE2\x80\xAE"));
	assert_int_equal(count(text, "\"id\": \"mixers\""), 0);
	free(text);
	export_set_release(&set);
}

/* Cards built by hand can hold what loading would remove: the JSON writer
 * must still escape control characters and refuse invalid UTF-8. */
static void test_json_escapes_raw_card_text(void **state)
{
	(void)state;
	struct library lib;
	library_init(&lib);
	struct pack_info pack = { .name = "raw", .format = 1, .dir = "mem" };
	library_add_pack(&lib, &pack);
	static struct card raw = { .id = "raw",
				   .title = "Bell\a, NUL-free \x1b[31m red",
				   .kind = CARD_CONCEPT,
				   .text = { [SECTION_SUMMARY] = "Tab\there\nand\x7f" } };
	assert_int_equal(library_add_card(&lib, &raw), 0);
	struct export_set set;
	assert_int_equal(export_set_build(&set, &lib, NULL, 0), EXPORT_OK);
	struct sink s;
	assert_int_equal(export_json(sink_open(&s), &set), EXPORT_OK);
	char *text = sink_text(&s);
	assert_non_null(strstr(text, "\"title\": \"Bell\\u0007, NUL-free \\u001b[31m red\""));
	assert_non_null(strstr(text, "\"summary\": \"Tab\\there\\nand\x7f\""));
	free(text);

	raw.title = "bad \xc3\x28 UTF-8";
	assert_int_equal(export_json(sink_open(&s), &set), EXPORT_EINVAL);
	free(sink_text(&s));
	export_set_release(&set);
	library_release(&lib);
}

/* Hostile card text in the HTML handout: never a tag, an attribute or a
 * script of its own; nothing that would fetch from a network. */
static void test_html_handout(void **state)
{
	struct fixture *f = *state;
	const struct card *topics[] = { find(f, "tricky"), find(f, "other") };
	struct export_set set;
	assert_int_equal(export_set_build(&set, &f->lib, topics, 2), EXPORT_OK);
	struct sink s;
	assert_int_equal(export_html(sink_open(&s), &set), EXPORT_OK);
	char *text = sink_text(&s);
	assert_true(strncmp(text, "<!DOCTYPE html>\n", 16) == 0);
	assert_non_null(strstr(text, "<title>Tricky &quot;quoted&quot; &lt;script&gt;x&lt;/script&gt; | pipe &amp; co, "
				     "Other</title>"));
	/* The card's own markup arrives as text only. */
	assert_null(strstr(text, "<script"));
	assert_null(strstr(text, "<b>now</b>"));
	assert_non_null(strstr(text, "Pick &quot;one&quot; &lt;b&gt;now&lt;/b&gt;"));
	assert_non_null(strstr(text, "Because of &lt;this&gt; &amp; that."));
	/* No control characters from the card survive. */
	assert_null(strchr(text, '\a'));
	assert_null(strchr(text, '\t'));
	/* The notice, in the page and in every printed page's margin. */
	assert_non_null(strstr(text, "<p class=\"notice\">rxplore is for education, not treatment decisions."));
	assert_non_null(strstr(text, "@bottom-left{content:\"rxplore is for education"));
	/* Self-contained: no script, no network address. */
	assert_null(strstr(text, "http"));
	assert_null(strstr(text, "//"));
	assert_null(strstr(text, "@import"));
	assert_null(strstr(text, "src="));
	assert_null(strstr(text, "href="));
	/* A comparison table, then the questions, then the answer key. */
	char *table = strstr(text, "<table class=\"compare\">"), *questions = strstr(text, "<h2>Questions</h2>");
	char *key = strstr(text, "<h2>Answer key</h2>");
	assert_non_null(table);
	assert_non_null(questions);
	assert_non_null(key);
	assert_true(table < questions && questions < key);
	assert_non_null(strstr(text, "<tr class=\"differs\"><th>Receptor | target</th><td>A | B</td>"));
	assert_non_null(strstr(key, ")</b> &lt;i&gt; — Because of"));
	/* A list in the prose stays a list, a heading-like line stays text. */
	assert_non_null(strstr(text, "<p># not a heading</p>\n<ul><li>item | with a pipe</li></ul>"));
	/* Every element the handout opens, it closes. */
	assert_int_equal(count(text, "<section"), count(text, "</section>"));
	assert_int_equal(count(text, "<table"), count(text, "</table>"));
	assert_int_equal(count(text, "<ol"), count(text, "</ol>"));
	assert_int_equal(count(text, "<ul>"), count(text, "</ul>"));
	assert_int_equal(count(text, "<p>") + count(text, "<p "), count(text, "</p>"));
	free(text);
	export_set_release(&set);
}

static void test_write_errors_are_reported(void **state)
{
	struct fixture *f = *state;
	FILE *full = fopen("/dev/full", "w");
	if (!full)
		skip();
	setvbuf(full, NULL, _IONBF, 0);
	struct export_set set;
	assert_int_equal(export_set_build(&set, &f->lib, NULL, 0), EXPORT_OK);
	assert_int_equal(export_write(full, &set, EXPORT_ANKI), EXPORT_EWRITE);
	clearerr(full);
	assert_int_equal(export_write(full, &set, EXPORT_MD), EXPORT_EWRITE);
	clearerr(full);
	assert_int_equal(export_write(full, &set, EXPORT_JSON), EXPORT_EWRITE);
	clearerr(full);
	assert_int_equal(export_write(full, &set, EXPORT_HTML), EXPORT_EWRITE);
	fclose(full);
	export_set_release(&set);
}

static void test_format_names(void **state)
{
	(void)state;
	assert_int_equal(export_format_parse("anki"), EXPORT_ANKI);
	assert_int_equal(export_format_parse("md"), EXPORT_MD);
	assert_int_equal(export_format_parse("markdown"), EXPORT_MD);
	assert_int_equal(export_format_parse("json"), EXPORT_JSON);
	assert_int_equal(export_format_parse("html"), EXPORT_HTML);
	assert_int_equal(export_format_parse("JSON"), -1);
	assert_int_equal(export_format_parse(""), -1);
	assert_non_null(strstr(export_strerror(EXPORT_EINVAL), "UTF-8"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_everything_in_topic_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_topics_bring_their_members, setup, teardown),
		cmocka_unit_test_setup_teardown(test_repeated_topic_counts_once, setup, teardown),
		cmocka_unit_test(test_choice_order_is_a_stable_permutation),
		cmocka_unit_test(test_true_false_keeps_its_order),
		cmocka_unit_test(test_html_text),
		cmocka_unit_test_setup_teardown(test_anki_rows_never_split, setup, teardown),
		cmocka_unit_test_setup_teardown(test_anki_note_content, setup, teardown),
		cmocka_unit_test_setup_teardown(test_markdown_handout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_json_document, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_handout, setup, teardown),
		cmocka_unit_test(test_handout_case),
		cmocka_unit_test(test_json_escapes_raw_card_text),
		cmocka_unit_test_setup_teardown(test_write_errors_are_reported, setup, teardown),
		cmocka_unit_test(test_format_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
