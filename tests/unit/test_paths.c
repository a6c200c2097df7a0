/* Unit tests for paths: XDG variables set, unset, empty and relative; HOME
 * missing or relative; profiles; buffers too small; XDG_DATA_DIRS parsing. */
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

#include "paths.h"

static const char *const variables[] = { "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME",
					 "XDG_CACHE_HOME", "XDG_DATA_DIRS" };

static int clean_env(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof variables / sizeof *variables; i++)
		unsetenv(variables[i]);
	setenv("HOME", "/home/learner", 1);
	return 0;
}

static void test_defaults_under_home(void **state)
{
	char buf[4096];

	(void)state;
	assert_true(paths_base(PATHS_CONFIG, buf, sizeof buf));
	assert_string_equal(buf, "/home/learner/.config");
	assert_true(paths_dir(PATHS_STATE, buf, sizeof buf));
	assert_string_equal(buf, "/home/learner/.local/state/rxplore");
	assert_true(paths_dir(PATHS_DATA, buf, sizeof buf));
	assert_string_equal(buf, "/home/learner/.local/share/rxplore");
	assert_true(paths_cache_dir(buf, sizeof buf));
	assert_string_equal(buf, "/home/learner/.cache/rxplore");
	assert_true(paths_config_file(buf, sizeof buf));
	assert_string_equal(buf, "/home/learner/.config/rxplore/config.yaml");
	assert_true(paths_progress_db(buf, sizeof buf, NULL));
	assert_string_equal(buf, "/home/learner/.local/state/rxplore/progress.db");
	assert_true(paths_notice_file(buf, sizeof buf));
	assert_string_equal(buf, "/home/learner/.local/state/rxplore/notice-seen");
	assert_true(paths_history_file(buf, sizeof buf));
	assert_string_equal(buf, "/home/learner/.local/state/rxplore/history");
	assert_true(paths_session_file(buf, sizeof buf, NULL));
	assert_string_equal(buf, "/home/learner/.local/state/rxplore/session");
}

static void test_xdg_set(void **state)
{
	char buf[4096];

	(void)state;
	setenv("XDG_CONFIG_HOME", "/etc/xdg-conf", 1);
	setenv("XDG_STATE_HOME", "/var/state", 1);
	setenv("XDG_DATA_HOME", "/srv/data", 1);
	setenv("XDG_CACHE_HOME", "/tmp/cache", 1);
	assert_true(paths_config_file(buf, sizeof buf));
	assert_string_equal(buf, "/etc/xdg-conf/rxplore/config.yaml");
	assert_true(paths_progress_db(buf, sizeof buf, NULL));
	assert_string_equal(buf, "/var/state/rxplore/progress.db");
	assert_true(paths_history_file(buf, sizeof buf));
	assert_string_equal(buf, "/var/state/rxplore/history");
	assert_true(paths_base(PATHS_DATA, buf, sizeof buf));
	assert_string_equal(buf, "/srv/data");
	assert_true(paths_cache_dir(buf, sizeof buf));
	assert_string_equal(buf, "/tmp/cache/rxplore");
}

/* The XDG spec: a relative value is invalid and must be ignored; empty is unset. */
static void test_xdg_empty_or_relative_ignored(void **state)
{
	char buf[4096];

	(void)state;
	setenv("XDG_STATE_HOME", "", 1);
	assert_true(paths_progress_db(buf, sizeof buf, NULL));
	assert_string_equal(buf, "/home/learner/.local/state/rxplore/progress.db");
	setenv("XDG_STATE_HOME", "relative/state", 1);
	assert_true(paths_notice_file(buf, sizeof buf));
	assert_string_equal(buf, "/home/learner/.local/state/rxplore/notice-seen");
	setenv("XDG_CONFIG_HOME", "./conf", 1);
	assert_true(paths_config_file(buf, sizeof buf));
	assert_string_equal(buf, "/home/learner/.config/rxplore/config.yaml");
	setenv("XDG_CACHE_HOME", "cache", 1);
	assert_true(paths_cache_dir(buf, sizeof buf));
	assert_string_equal(buf, "/home/learner/.cache/rxplore");
}

static void test_no_usable_home(void **state)
{
	char buf[64];

	(void)state;
	unsetenv("HOME");
	strcpy(buf, "stale");
	assert_false(paths_progress_db(buf, sizeof buf, NULL));
	assert_string_equal(buf, "");
	assert_false(paths_config_file(buf, sizeof buf));
	setenv("HOME", "", 1);
	assert_false(paths_history_file(buf, sizeof buf));
	setenv("HOME", "relative-home", 1); /* never write relative to the working folder */
	assert_false(paths_session_file(buf, sizeof buf, NULL));
	/* An absolute XDG variable still works without a home. */
	setenv("XDG_STATE_HOME", "/var/state", 1);
	assert_true(paths_history_file(buf, sizeof buf));
	assert_string_equal(buf, "/var/state/rxplore/history");
}

static void test_profiles(void **state)
{
	char buf[4096];
	char longest[65], too_long[66];

	(void)state;
	assert_true(paths_progress_db(buf, sizeof buf, "clinic-2_b"));
	assert_string_equal(buf, "/home/learner/.local/state/rxplore/progress-clinic-2_b.db");
	assert_true(paths_session_file(buf, sizeof buf, "clinic-2_b"));
	assert_string_equal(buf, "/home/learner/.local/state/rxplore/session-clinic-2_b");
	assert_false(paths_session_file(buf, sizeof buf, "../escape"));
	assert_string_equal(buf, "");
	memset(longest, 'a', sizeof longest - 1);
	longest[sizeof longest - 1] = '\0';
	memset(too_long, 'a', sizeof too_long - 1);
	too_long[sizeof too_long - 1] = '\0';
	assert_true(paths_profile_valid(longest));
	assert_true(paths_progress_db(buf, sizeof buf, longest));
	assert_false(paths_profile_valid(too_long));
	assert_false(paths_progress_db(buf, sizeof buf, too_long));
	assert_false(paths_profile_valid(NULL));
	static const char *const bad[] = { "", "../escape", "a b", "dot.name", "sl/ash", "t\xc3\xa9" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_false(paths_profile_valid(bad[i]));
		assert_false(paths_progress_db(buf, sizeof buf, bad[i]));
		assert_string_equal(buf, "");
	}
}

static void test_buffer_too_small(void **state)
{
	char buf[4096];
	size_t need = strlen("/home/learner/.local/state/rxplore/progress.db") + 1;

	(void)state;
	assert_true(paths_progress_db(buf, need, NULL));
	assert_false(paths_progress_db(buf, need - 1, NULL));
	assert_string_equal(buf, "");
	assert_false(paths_progress_db(buf, 0, NULL));
	assert_false(paths_progress_db(NULL, 0, NULL));
	assert_false(paths_base((enum paths_base)42, buf, sizeof buf));
}

struct collected {
	char text[512];
	int stop_after;
	int seen;
};

static int collect(const char *dir, void *ctx)
{
	struct collected *c = ctx;
	size_t len = strlen(c->text);
	snprintf(c->text + len, sizeof c->text - len, "[%s]", dir);
	return ++c->seen == c->stop_after ? 7 : 0;
}

static void test_data_dirs(void **state)
{
	struct collected c = { .text = "" };

	(void)state;
	assert_int_equal(paths_each_data_dir(collect, &c), 0);
	assert_string_equal(c.text, "[/usr/local/share][/usr/share]");

	setenv("XDG_DATA_DIRS", "", 1);
	c = (struct collected){ .text = "" };
	assert_int_equal(paths_each_data_dir(collect, &c), 0);
	assert_string_equal(c.text, "[/usr/local/share][/usr/share]");

	setenv("XDG_DATA_DIRS", "/opt/a::relative:/opt/b/:", 1);
	c = (struct collected){ .text = "" };
	assert_int_equal(paths_each_data_dir(collect, &c), 0);
	assert_string_equal(c.text, "[/opt/a][/opt/b/]");

	c = (struct collected){ .text = "", .stop_after = 1 };
	assert_int_equal(paths_each_data_dir(collect, &c), 7);
	assert_string_equal(c.text, "[/opt/a]");
}

static void test_make_parent(void **state)
{
	char dir[] = "/tmp/test_paths.XXXXXX", file[4096], blocker[4096];
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(file, sizeof file, "%s/a/b/c/file", dir);
	assert_int_equal(paths_make_parent(file), 0);
	snprintf(blocker, sizeof blocker, "%s/a/b/c", dir);
	assert_int_equal(stat(blocker, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(paths_make_parent(file), 0); /* already there */

	/* A file where a folder should be. */
	snprintf(blocker, sizeof blocker, "%s/plain", dir);
	FILE *f = fopen(blocker, "w");
	assert_non_null(f);
	fclose(f);
	snprintf(file, sizeof file, "%s/plain/file", dir);
	assert_int_not_equal(paths_make_parent(file), 0);
	snprintf(file, sizeof file, "%s/plain/deeper/file", dir);
	assert_int_equal(paths_make_parent(file), ENOTDIR);
	assert_int_equal(paths_make_parent("no-slash"), 0);

	snprintf(file, sizeof file, "rm -rf '%s'", dir);
	assert_int_equal(system(file), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_defaults_under_home, clean_env),
		cmocka_unit_test_setup(test_xdg_set, clean_env),
		cmocka_unit_test_setup(test_xdg_empty_or_relative_ignored, clean_env),
		cmocka_unit_test_setup(test_no_usable_home, clean_env),
		cmocka_unit_test_setup(test_profiles, clean_env),
		cmocka_unit_test_setup(test_buffer_too_small, clean_env),
		cmocka_unit_test_setup(test_data_dirs, clean_env),
		cmocka_unit_test_setup(test_make_parent, clean_env),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
