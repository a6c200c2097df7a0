/* Unit tests for the prompt's words: splitting a line as a shell would
 * (quotes, backslashes, unclosed quotes, too many words) and what Tab
 * offers where (commands and topics first, options of the command, option
 * values, sections, subcommands, nothing where nothing fits).  Where the
 * history is kept is paths_history_file(), tested with the paths module. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "repl.h"

static void test_split_plain_words(void **state)
{
	(void)state;
	char line[] = "  compare   baclofen\tdiazepam  ";
	char *words[8];
	assert_int_equal(repl_split(line, words, 8), 3);
	assert_string_equal(words[0], "compare");
	assert_string_equal(words[1], "baclofen");
	assert_string_equal(words[2], "diazepam");
}

static void test_split_quotes(void **state)
{
	(void)state;
	char line[] = "search 'GABA B' \"a \\\"b\\\" c\" x\\ y it\\'s '' end";
	char *words[8];
	assert_int_equal(repl_split(line, words, 8), 7);
	assert_string_equal(words[1], "GABA B");
	assert_string_equal(words[2], "a \"b\" c");
	assert_string_equal(words[3], "x y");
	assert_string_equal(words[4], "it's");
	assert_string_equal(words[5], "");
	assert_string_equal(words[6], "end");
}

static void test_split_bad_lines(void **state)
{
	(void)state;
	char unclosed[] = "show 'baclofen";
	char *words[4];
	assert_int_equal(repl_split(unclosed, words, 4), -1);
	char unclosed2[] = "show \"baclofen";
	assert_int_equal(repl_split(unclosed2, words, 4), -1);
	char many[] = "a b c d e";
	assert_int_equal(repl_split(many, words, 4), -1);
	char empty[] = "   ";
	assert_int_equal(repl_split(empty, words, 4), 0);
}

/* --- completion ---------------------------------------------------------- */

struct offered {
	char text[2048];
};

static void offer(const char *word, void *ctx)
{
	struct offered *o = ctx;
	size_t at = strlen(o->text);
	snprintf(o->text + at, sizeof o->text - at, "%s%s", at ? " " : "", word);
}

static struct library library;

static int setup(void **state)
{
	(void)state;
	const char *data = getenv("TEST_DATA_DIR");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/basic", data ? data : "tests/data");
	struct diag_list diags;
	library_init(&library);
	diag_list_init(&diags);
	size_t pack = loader_load_dir_manifest(&library, dir, &diags);
	if (pack == (size_t)-1)
		return -1;
	loader_load_dir_cards(&library, pack, dir, &diags);
	library_resolve(&library, &diags);
	diag_list_release(&diags);
	return library.ncards > 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	library_release(&library);
	return 0;
}

static const char *complete(const char *before)
{
	static struct offered o;
	o.text[0] = '\0';
	repl_complete(&library, before, offer, &o);
	return o.text;
}

static void test_complete_first_word(void **state)
{
	(void)state;
	assert_string_equal(complete("st"), "stats start start-here");
	/* A topic is a command too: typed alone, it is shown. */
	assert_string_equal(complete("alph"), "alphazine");
	assert_string_equal(complete("qu"), "quiz quit");
}

static void test_complete_arguments(void **state)
{
	(void)state;
	assert_string_equal(complete("show alph"), "alphazine");
	assert_string_equal(complete("show alphazine mech"), "mechanism");
	assert_string_equal(complete("show alphazine side"), "side-effects");
	assert_string_equal(complete("show alphazine mechanism "), "");
	assert_string_equal(complete("alphazine mech"), "mechanism");
	assert_string_equal(complete("compare alphazine betamol alph"), "alphazine");
	assert_string_equal(complete("progress "), "export merge reset");
	assert_string_equal(complete("help qu"), "quiz quit");
	assert_string_equal(complete("nosuch "), "");
}

static void test_complete_options(void **state)
{
	(void)state;
	assert_string_equal(complete("quiz --m"), "--mode --minutes");
	assert_string_equal(complete("quiz --mode "), "practice review exam cram mistakes mistakes-week weakest");
	assert_string_equal(complete("quiz --mode r"), "review");
	assert_string_equal(complete("quiz --topic alph"), "alphazine");
	assert_string_equal(complete("compare --format "), "text md tsv");
	assert_string_equal(complete("export --format "), "anki md json");
	/* Options of other commands, and those only for rxplore's own command line, are not offered. */
	assert_string_equal(complete("list --m"), "");
	assert_string_equal(complete("list --cont"), "");
	assert_string_equal(complete("check --s"), "--strict");
	/* After an option's value, arguments again. */
	assert_string_equal(complete("show --width 50 alph"), "alphazine");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_plain_words),
		cmocka_unit_test(test_split_quotes),
		cmocka_unit_test(test_split_bad_lines),
		cmocka_unit_test(test_complete_first_word),
		cmocka_unit_test(test_complete_arguments),
		cmocka_unit_test(test_complete_options),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
