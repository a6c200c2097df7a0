/* Unit tests for study: quiz settings from the config (and its defaults),
 * opening progress for writing and for reading (which must never create a
 * file), bad profiles and no home, the statistics with nothing saved, and
 * the weakest topics a drill asks from. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "fixture_pack.h"
#include "study.h"

static void test_quiz_settings_from_config(void **state)
{
	(void)state;
	struct quiz_settings s;
	study_quiz_settings(&s, NULL, QUIZ_EXAM, 42);
	struct config defaults;
	config_defaults(&defaults);
	assert_int_equal(s.mode, QUIZ_EXAM);
	assert_int_equal(s.count, (size_t)defaults.exam_questions);
	assert_int_equal(s.new_per_day, defaults.new_per_day);
	assert_int_equal(s.schedule.rollover_hour, defaults.rollover_hour);
	assert_true(s.schedule.params.desired_retention == defaults.desired_retention);
	assert_int_equal(s.seed, 42);
	assert_null(s.topics);

	struct config config = defaults;
	config.exam_questions = 7;
	config.new_per_day = 3;
	config.rollover_hour = 0;
	config.desired_retention = 0.8;
	study_quiz_settings(&s, &config, QUIZ_PRACTICE, 1);
	assert_int_equal(s.count, 0);	/* only an exam has a default count */
	assert_int_equal(s.new_per_day, 3);
	assert_int_equal(s.schedule.rollover_hour, 0);
	assert_true(s.schedule.params.desired_retention == 0.8);
	study_quiz_settings(&s, &config, QUIZ_EXAM, 1);
	assert_int_equal(s.count, 7);
}

static void test_seed_varies(void **state)
{
	(void)state;
	unsigned long long a = study_seed_now();
	struct timespec pause = { 0, 2000000 };
	nanosleep(&pause, NULL);
	assert_true(study_seed_now() != a);
}

static void test_progress_read_never_creates(void **state)
{
	(void)state;
	char root[] = "/tmp/rxplore-study-XXXXXX", cmd[200], why[4300];
	assert_non_null(mkdtemp(root));
	setenv("HOME", root, 1);
	unsetenv("XDG_STATE_HOME");
	struct study_progress sp;
	assert_int_equal(study_progress_open(&sp, NULL, STUDY_FOR_READING), 0);
	assert_null(sp.progress);
	assert_int_equal(sp.error, STUDY_OK);
	struct stat st;
	char dir[4200];
	snprintf(dir, sizeof dir, "%s/.local", root);
	assert_int_not_equal(stat(dir, &st), 0);	/* not even the folder */
	study_progress_close(&sp);

	/* A quiz creates it; then reading opens it. */
	assert_int_equal(study_progress_open(&sp, "ward-3", STUDY_FOR_WRITING), 0);
	assert_non_null(sp.progress);
	assert_non_null(strstr(sp.path, "/.local/state/rxplore/progress-ward-3.db"));
	study_progress_close(&sp);
	assert_null(sp.progress);
	assert_int_equal(study_progress_open(&sp, "ward-3", STUDY_FOR_READING), 0);
	assert_non_null(sp.progress);
	study_progress_close(&sp);

	/* A file that cannot be looked at is an error of its own. */
	snprintf(dir, sizeof dir, "%s/.local/state/rxplore", root);
	if (geteuid() != 0) {
		chmod(dir, 0);
		assert_int_equal(study_progress_open(&sp, "ward-3", STUDY_FOR_READING), -1);
		assert_int_equal(sp.error, STUDY_EUNREADABLE);
		assert_non_null(strstr(study_strerror(&sp, NULL, why, sizeof why), "cannot read"));
		chmod(dir, 0700);
	}
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

static void test_progress_errors(void **state)
{
	(void)state;
	struct study_progress sp;
	char why[4300];
	setenv("HOME", "/nonexistent-home", 1);
	assert_int_equal(study_progress_open(&sp, "../up", STUDY_FOR_WRITING), -1);
	assert_int_equal(sp.error, STUDY_EPROFILE);
	assert_null(sp.progress);
	assert_string_equal(study_strerror(&sp, "../up", why, sizeof why),
			    "--profile takes letters, digits, '-' and '_', not '../up'");
	unsetenv("HOME");
	unsetenv("XDG_STATE_HOME");
	assert_int_equal(study_progress_open(&sp, NULL, STUDY_FOR_READING), -1);
	assert_int_equal(sp.error, STUDY_ENOHOME);
	assert_string_equal(study_strerror(&sp, NULL, why, sizeof why),
			    "no place for progress: set HOME or XDG_STATE_HOME");
	study_progress_close(&sp);	/* safe after a failure */
}

static void test_stats_with_nothing_saved(void **state)
{
	(void)state;
	struct library library;
	library_init(&library);
	struct stats stats;
	struct config config;
	config_defaults(&config);
	config.rollover_hour = 0;
	setenv("TZ", "UTC", 1);
	tzset();
	time_t noon = 1795262400 + 12 * 3600; /* 2026-11-21 12:00 UTC */
	assert_int_equal(study_stats(&stats, &library, &config, NULL, -1, noon), 0);
	assert_int_equal(stats.rollover_hour, 0);
	assert_int_equal(stats.today, clock_day(noon, 0));
	assert_int_equal(stats.questions, 0);
	stats_release(&stats);
	library_release(&library);
}

static void record(struct progress *progress, const struct quiz_question *q, time_t at, enum fsrs_grade grade)
{
	struct progress_schedule schedule = { .rollover_hour = 4 };
	fsrs_params_default(&schedule.params);
	struct progress_answer answer = { .question_id = q->id, .card_id = q->card->id, .at = at, .grade = grade,
					   .mode = PROGRESS_PRACTICE, .update_memory = true };
	assert_true(progress_record(progress, &schedule, &answer, NULL) > 0);
}

/* The weakest topics are the statistics' first seen topics: a topic answered
 * wrong a week ago comes before one answered right yesterday; a topic never
 * answered is never among them. */
static void test_weakest_topics(void **state)
{
	(void)state;
	char db[] = "/tmp/rxplore-weakest-XXXXXX";
	struct diag_list diags;
	struct library library;
	fixture_pack_load(&library, &diags, "basic");
	struct quiz_bank bank;
	assert_int_equal(quiz_bank_build(&bank, &library), 0);
	const struct quiz_question *alpha = NULL, *beta = NULL;
	for (size_t i = 0; i < bank.count; i++) {
		if (!alpha && strcmp(bank.items[i].card->id, "alphazine") == 0)
			alpha = &bank.items[i];
		if (!beta && strcmp(bank.items[i].card->id, "betamol") == 0)
			beta = &bank.items[i];
	}
	assert_true(alpha && beta);

	const struct card *out[3];
	time_t now = 1795262400 + 12 * 3600; /* 2026-11-21 12:00 UTC */
	assert_int_equal(study_weakest_topics(&library, NULL, NULL, now, out, 3), 0);

	int fd = mkstemp(db);
	assert_true(fd >= 0);
	close(fd);
	struct progress_notice notice;
	struct progress *progress = progress_open(db, &notice);
	assert_non_null(progress);
	assert_int_equal(study_weakest_topics(&library, NULL, progress, now, out, 3), 0);
	record(progress, alpha, now - 8 * 86400, FSRS_GOOD);
	record(progress, alpha, now - 7 * 86400, FSRS_AGAIN);
	record(progress, beta, now - 1 * 86400, FSRS_GOOD);
	assert_int_equal(study_weakest_topics(&library, NULL, progress, now, out, 1), 1);
	assert_string_equal(out[0]->id, "alphazine");
	assert_int_equal(study_weakest_topics(&library, NULL, progress, now, out, 3), 2);
	assert_string_equal(out[0]->id, "alphazine");
	assert_string_equal(out[1]->id, "betamol");
	progress_close(progress);
	unlink(db);
	quiz_bank_release(&bank);
	library_release(&library);
	diag_list_release(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quiz_settings_from_config),
		cmocka_unit_test(test_seed_varies),
		cmocka_unit_test(test_progress_read_never_creates),
		cmocka_unit_test(test_progress_errors),
		cmocka_unit_test(test_stats_with_nothing_saved),
		cmocka_unit_test(test_weakest_topics),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
