/* Unit tests for the saved session: round trip, topics that went away,
 * damaged, truncated and foreign files, and the atomic write. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "library.h"
#include "session.h"

struct fixture {
	struct library library;
	const struct card *baclofen, *diazepam, *lorazepam;
	char dir[64];
};

static const struct card *add_card(struct library *library, const char *id, const char *title, const char *alias)
{
	static const char *aliases[8];
	static size_t used;
	struct card *card = arena_alloc(&library->arena, sizeof(*card));

	assert_non_null(card);
	card->id = id;
	card->title = title;
	card->kind = CARD_DRUG;
	card->text[SECTION_SUMMARY] = "A summary.";
	card->text[SECTION_MECHANISM] = "How it works.";
	if (alias) {
		aliases[used % 8] = alias;
		card->aliases = &aliases[used++ % 8];
		card->naliases = 1;
	}
	assert_int_equal(library_add_card(library, card), 0);
	return card;
}

static int setup(void **state)
{
	struct fixture *f = test_calloc(1, sizeof(*f));

	library_init(&f->library);
	f->baclofen = add_card(&f->library, "baclofen", "Baclofen", NULL);
	f->diazepam = add_card(&f->library, "diazepam", "Diazepam", "valium");
	f->lorazepam = add_card(&f->library, "lorazepam", "Lorazepam", NULL);
	snprintf(f->dir, sizeof f->dir, "/tmp/rxplore-session-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	library_release(&f->library);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	test_free(f);
	return 0;
}

static enum session_status parse(struct fixture *f, struct session *s, const char *text, size_t *line)
{
	return session_parse(s, &f->library, text, strlen(text), line);
}

static void test_round_trip(void **state)
{
	struct fixture *f = *state;
	struct session s, back;

	session_init(&s);
	session_init(&back);
	s.card = f->diazepam;
	s.section = SECTION_SIDE_EFFECTS;
	assert_int_equal(session_mark(&s, f->baclofen), 0);
	assert_int_equal(session_mark(&s, f->lorazepam), 0);
	assert_int_equal(session_mark(&s, f->baclofen), 0);	/* no repeats */
	assert_int_equal(s.nmarks, 2);
	s.compare[0] = f->diazepam;
	s.compare[1] = f->lorazepam;
	s.ncompare = 2;
	s.compare_open = true;

	char *text = session_format(&s);
	assert_non_null(text);
	assert_string_equal(text, "rxplore-session 1\n"
				  "card diazepam side_effects\n"
				  "mark baclofen\n"
				  "mark lorazepam\n"
				  "compare diazepam lorazepam\n"
				  "view compare\n");
	assert_int_equal(parse(f, &back, text, NULL), SESSION_OK);
	assert_ptr_equal(back.card, f->diazepam);
	assert_int_equal(back.section, SECTION_SIDE_EFFECTS);
	assert_int_equal(back.nmarks, 2);
	assert_ptr_equal(back.marks[0], f->baclofen);
	assert_ptr_equal(back.marks[1], f->lorazepam);
	assert_int_equal(back.ncompare, 2);
	assert_ptr_equal(back.compare[1], f->lorazepam);
	assert_true(back.compare_open);
	free(text);
	session_release(&s);
	session_release(&back);
}

static void test_empty_session_is_just_the_header(void **state)
{
	struct fixture *f = *state;
	struct session s;

	session_init(&s);
	char *text = session_format(&s);
	assert_string_equal(text, "rxplore-session 1\n");
	assert_int_equal(parse(f, &s, text, NULL), SESSION_OK);
	assert_null(s.card);
	assert_int_equal(s.section, -1);
	assert_int_equal(s.nmarks, 0);
	free(text);
	session_release(&s);
}

/* Packs come and go: what no longer loads is dropped without complaint. */
static void test_topics_that_went_away_are_dropped(void **state)
{
	struct fixture *f = *state;
	struct session s;

	session_init(&s);
	assert_int_equal(parse(f, &s,
			       "rxplore-session 1\n"
			       "card gone-card mechanism\n"
			       "mark gone-card\n"
			       "mark baclofen\n"
			       "compare gone-card diazepam\n"
			       "view compare\n",
			       NULL),
			 SESSION_OK);
	assert_null(s.card);
	assert_int_equal(s.section, -1);
	assert_int_equal(s.nmarks, 1);
	assert_ptr_equal(s.marks[0], f->baclofen);
	/* One topic left is no comparison. */
	assert_int_equal(s.ncompare, 0);
	assert_false(s.compare_open);
	session_release(&s);
}

/* An id is the card's id, never an alias that happens to match. */
static void test_an_alias_is_not_an_id(void **state)
{
	struct fixture *f = *state;
	struct session s;

	session_init(&s);
	assert_int_equal(parse(f, &s, "rxplore-session 1\ncard valium\nmark valium\n", NULL), SESSION_OK);
	assert_null(s.card);
	assert_int_equal(s.nmarks, 0);
	session_release(&s);
}

static void test_damaged_input_is_refused_whole(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *text;
		size_t line;
	} bad[] = {
		{ "", 1 },
		{ "rxplore-session 1", 1 },				/* cut inside the header */
		{ "rxplore-session 1\nmark baclofen", 2 },		/* last line cut short */
		{ "rxplore-session 1\nmark baclofen\nmark diaz", 3 },
		{ "rxplore-session 1\nmark Baclofen\n", 2 },		/* not an id */
		{ "rxplore-session 1\nmark baclofen extra\n", 2 },
		{ "rxplore-session 1\nmark  baclofen\n", 2 },
		{ "rxplore-session 1\nmark\n", 2 },
		{ "rxplore-session 1\nfavourite baclofen\n", 2 },	/* a line this version does not know */
		{ "rxplore-session 1\ncard baclofen nowhere\n", 2 },	/* no such section */
		{ "rxplore-session 1\ncard baclofen\ncard diazepam\n", 3 },
		{ "rxplore-session 1\ncompare baclofen\n", 2 },
		{ "rxplore-session 1\ncompare a b c d e\n", 2 },	/* more than four */
		{ "rxplore-session 1\nview compare\nview compare\n", 3 },
		{ "rxplore-session 1\n\n", 2 },
		{ "rxplore-session 1\r\nmark baclofen\r\n", 1 },
		{ "\xEF\xBB\xBFrxplore-session 1\n", 1 },		/* a byte-order mark */
		{ "[session]\ncard=baclofen\n", 1 },			/* someone else's file */
		{ "SQLite format 3", 1 },
	};
	struct session s;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		size_t line = 99;

		session_init(&s);
		assert_int_equal(session_mark(&s, f->baclofen), 0);	/* whatever was there goes */
		if (parse(f, &s, bad[i].text, &line) != SESSION_DAMAGED)
			fail_msg("accepted bad input %zu: %s", i, bad[i].text);
		assert_int_equal(line, bad[i].line);
		assert_null(s.card);
		assert_int_equal(s.nmarks, 0);
		assert_int_equal(s.ncompare, 0);
		session_release(&s);
	}
	/* A NUL byte in the middle. */
	static const char nul[] = "rxplore-session 1\nmark bac\0lofen\n";
	session_init(&s);
	assert_int_equal(session_parse(&s, &f->library, nul, sizeof nul - 1, NULL), SESSION_DAMAGED);
	session_release(&s);
}

static void test_another_version_is_set_aside(void **state)
{
	struct fixture *f = *state;
	struct session s;
	size_t line;

	session_init(&s);
	assert_int_equal(parse(f, &s, "rxplore-session 2\nbookmark baclofen 12\n", &line), SESSION_OTHER_VERSION);
	assert_int_equal(line, 1);
	assert_int_equal(parse(f, &s, "rxplore-session 10\n", &line), SESSION_OTHER_VERSION);
	session_release(&s);
}

static void test_too_large_is_refused(void **state)
{
	struct fixture *f = *state;
	struct session s;
	size_t n = SESSION_MAX_BYTES + 20, used = 0;
	char *big = malloc(n + 1);

	assert_non_null(big);
	used += (size_t)snprintf(big, n + 1, "rxplore-session 1\n");
	while (used + 14 <= n)
		used += (size_t)snprintf(big + used, n + 1 - used, "mark baclofen\n");
	session_init(&s);
	assert_int_equal(session_parse(&s, &f->library, big, used, NULL),
			 used > SESSION_MAX_BYTES ? SESSION_DAMAGED : SESSION_OK);
	assert_int_equal(s.nmarks, 0);
	free(big);
	session_release(&s);
}

static void test_save_and_load_a_file(void **state)
{
	struct fixture *f = *state;
	struct session s, back;
	char path[128], leftover[160];
	size_t line;

	snprintf(path, sizeof path, "%s/state/rxplore/session", f->dir);
	session_init(&s);
	session_init(&back);
	assert_int_equal(session_load(&back, &f->library, path, &line), SESSION_MISSING);
	s.card = f->baclofen;
	s.section = SECTION_MECHANISM;
	assert_int_equal(session_mark(&s, f->diazepam), 0);
	/* The folder is made; a second save replaces the first whole. */
	assert_int_equal(session_save(&s, path), 0);
	s.card = f->lorazepam;
	assert_int_equal(session_save(&s, path), 0);
	assert_int_equal(session_load(&back, &f->library, path, &line), SESSION_OK);
	assert_ptr_equal(back.card, f->lorazepam);
	assert_int_equal(back.section, SECTION_MECHANISM);
	assert_int_equal(back.nmarks, 1);
	/* No temporary file is left beside it. */
	snprintf(leftover, sizeof leftover, "%s.tmp-%ld", path, (long)getpid());
	assert_int_equal(access(leftover, F_OK), -1);
	/* A damaged file on disk: refused, and the session left empty. */
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	fputs("rxplore-session 1\nmark diazep", out);
	fclose(out);
	assert_int_equal(session_load(&back, &f->library, path, &line), SESSION_DAMAGED);
	assert_int_equal(line, 2);
	assert_int_equal(back.nmarks, 0);
	session_release(&s);
	session_release(&back);
}

static void test_save_reports_a_folder_in_the_way(void **state)
{
	struct fixture *f = *state;
	struct session s;
	char path[128];

	snprintf(path, sizeof path, "%s/session", f->dir);
	assert_int_equal(mkdir(path, 0700), 0);	/* a folder where the file goes */
	session_init(&s);
	assert_int_not_equal(session_save(&s, path), 0);
	snprintf(path, sizeof path, "%s/file/session", f->dir);
	FILE *out = fopen(path, "w");	/* cannot: "file" does not exist yet */
	assert_null(out);
	snprintf(path, sizeof path, "%s/file", f->dir);
	out = fopen(path, "w");
	assert_non_null(out);
	fclose(out);
	snprintf(path, sizeof path, "%s/file/session", f->dir);
	assert_int_equal(session_save(&s, path), ENOTDIR);
	session_release(&s);
}

static void test_strerror_names_every_status(void **state)
{
	(void)state;
	assert_string_equal(session_strerror(SESSION_DAMAGED), "is damaged");
	assert_non_null(strstr(session_strerror(SESSION_OTHER_VERSION), "another version"));
	assert_non_null(strstr(session_strerror(SESSION_UNREADABLE), "cannot be read"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_session_is_just_the_header, setup, teardown),
		cmocka_unit_test_setup_teardown(test_topics_that_went_away_are_dropped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_an_alias_is_not_an_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_input_is_refused_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_another_version_is_set_aside, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_large_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_and_load_a_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_reports_a_folder_in_the_way, setup, teardown),
		cmocka_unit_test(test_strerror_names_every_status),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
