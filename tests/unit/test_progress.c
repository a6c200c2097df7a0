/* Unit tests for progress: the SQLite review log and memory state, including damaged, newer and
 * unwritable databases and several processes writing at once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clock.h"
#include "fixture_dir.h"
#include "fsrs.h"
#include "progress.h"

#define PINNED_NOW "2026-11-21T09:30:00"
#define PINNED_STAMP "20261121-093000"

struct fixture {
	char dir[4096];
	char db[4200];
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);

	if (fx == NULL)
		return -1;
	if (!fixture_dir_make(fx->dir, sizeof fx->dir, "test_progress")) {
		free(fx);
		return -1;
	}
	snprintf(fx->db, sizeof fx->db, "%s/state/rxplore/progress.db", fx->dir);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char locked[4200];

	/* nftw cannot enter a directory without search permission, so unlock first. */
	snprintf(locked, sizeof locked, "%s/locked", fx->dir);
	chmod(locked, 0700);
	fixture_dir_remove(fx->dir);
	free(fx);
	return 0;
}

static int group_setup(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	setenv("RXPLORE_NOW", PINNED_NOW, 1);
	return 0;
}

static struct progress_schedule default_schedule(void)
{
	struct progress_schedule schedule = { 0 };

	fsrs_params_default(&schedule.params);
	schedule.rollover_hour = 4;
	return schedule;
}

static time_t local_time(const char *iso)
{
	time_t t = 0;

	assert_true(clock_parse(iso, &t));
	return t;
}

static struct progress_answer answer_at(const char *question_id, time_t at, enum fsrs_grade grade)
{
	struct progress_answer answer = {
		.question_id = question_id,
		.card_id = "baclofen",
		.at = at,
		.grade = grade,
		.answer_ms = 2500,
		.mode = PROGRESS_REVIEW,
		.update_memory = true,
	};
	return answer;
}

static struct progress *open_ok(const char *path)
{
	struct progress_notice notice;
	struct progress *progress = progress_open(path, &notice);

	assert_non_null(progress);
	assert_false(notice.moved_aside);
	assert_false(notice.read_only);
	assert_false(notice.not_saving);
	assert_true(progress_can_save(progress));
	return progress;
}

static void assert_same_double(double expected, double actual)
{
	if (fabs(expected - actual) > 1e-12 * fmax(1.0, fabs(expected))) {
		print_error("expected %.15g, got %.15g\n", expected, actual);
		fail();
	}
}

/* The state FSRS says a question should have after `grade` at `at`, given its state before. */
static void assert_state_follows(const struct progress_schedule *schedule,
				 const struct progress_state *before, time_t at, enum fsrs_grade grade,
				 const struct progress_state *actual)
{
	struct fsrs_memory memory;
	bool reviewed = before->stability > 0;

	if (reviewed) {
		long elapsed = clock_day(at, schedule->rollover_hour) -
			       clock_day(before->last_review, schedule->rollover_hour);
		struct fsrs_memory old = { before->stability, before->difficulty };
		memory = fsrs_next(&schedule->params, old, (int)elapsed, grade);
	} else {
		memory = fsrs_first_review(&schedule->params, grade);
	}
	assert_same_double(memory.stability, actual->stability);
	assert_same_double(memory.difficulty, actual->difficulty);
	assert_int_equal(actual->last_review, at);
	assert_int_equal(actual->due_day, clock_day(at, schedule->rollover_hour) +
						  fsrs_interval(&schedule->params, memory.stability));
	assert_int_equal(actual->reviews, before->reviews + 1);
	assert_int_equal(actual->lapses, before->lapses + (reviewed && grade == FSRS_AGAIN));
}

struct review_list {
	long long ids[1024];
	char questions[1024][32];
	time_t times[1024];
	int count;
	int stop_after; /* 0: never stop early */
};

static int collect_review(const struct progress_review *review, void *ctx)
{
	struct review_list *list = ctx;

	if (list->count < 1024) {
		list->ids[list->count] = review->id;
		snprintf(list->questions[list->count], sizeof list->questions[0], "%s", review->question_id);
		list->times[list->count] = review->at;
	}
	list->count++;
	return list->stop_after > 0 && list->count >= list->stop_after;
}

static int count_reviews(struct progress *progress)
{
	struct review_list *list = calloc(1, sizeof *list);
	int count;

	assert_non_null(list);
	assert_int_equal(progress_each_review(progress, collect_review, list), 0);
	count = list->count;
	free(list);
	return count;
}

static void write_file(const char *path, const char *text, size_t size)
{
	FILE *file = fopen(path, "wb");
	size_t len = strlen(text);

	assert_non_null(file);
	for (size_t written = 0; written < size; written += len)
		fwrite(text, 1, size - written < len ? size - written : len, file);
	assert_int_equal(fclose(file), 0);
}

static bool file_starts_with(const char *path, const char *text)
{
	char buf[64] = "";
	FILE *file = fopen(path, "rb");

	if (file == NULL)
		return false;
	size_t got = fread(buf, 1, sizeof buf - 1, file);
	fclose(file);
	buf[got] = '\0';
	return strncmp(buf, text, strlen(text)) == 0;
}

static bool exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* ---- paths and opening ---- */

static void test_open_creates_and_reopens(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress_answer answer = answer_at("q1", local_time("2026-11-21T09:00"), FSRS_GOOD);
	struct progress_state saved, reread;
	struct stat st;
	char dir[4200];

	struct progress *progress = open_ok(fx->db);
	assert_true(exists(fx->db));
	snprintf(dir, sizeof dir, "%s/state/rxplore", fx->dir);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_string_equal(progress_error(progress), "");
	assert_true(progress_record(progress, &schedule, &answer, &saved) > 0);
	progress_close(progress);

	progress = open_ok(fx->db);
	assert_int_equal(progress_state(progress, "q1", &reread), 0);
	assert_memory_equal(&saved, &reread, sizeof saved);
	assert_int_equal(count_reviews(progress), 1);
	assert_int_equal(progress_check(progress), 0);
	progress_close(progress);
	progress_close(NULL);
}

/* ---- recording ---- */

static void test_record_first_then_later(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress *progress = open_ok(fx->db);
	struct progress_state none, first, second, third, stored;
	time_t t0 = local_time("2026-11-21T09:00"), t1 = local_time("2026-11-24T14:00");
	time_t t2 = local_time("2026-12-20T08:00");

	assert_int_equal(progress_state(progress, "q1", &none), 0);
	assert_int_equal(none.stability, 0);
	assert_int_equal(none.reviews, 0);

	struct progress_answer answer = answer_at("q1", t0, FSRS_GOOD);
	long long id1 = progress_record(progress, &schedule, &answer, &first);
	assert_true(id1 > 0);
	assert_state_follows(&schedule, &none, t0, FSRS_GOOD, &first);

	answer = answer_at("q1", t1, FSRS_HARD);
	long long id2 = progress_record(progress, &schedule, &answer, &second);
	assert_true(id2 > id1);
	assert_state_follows(&schedule, &first, t1, FSRS_HARD, &second);

	answer = answer_at("q1", t2, FSRS_AGAIN); /* a lapse: the question had been reviewed */
	assert_true(progress_record(progress, &schedule, &answer, &third) > id2);
	assert_state_follows(&schedule, &second, t2, FSRS_AGAIN, &third);
	assert_int_equal(third.lapses, 1);
	assert_int_equal(third.reviews, 3);

	assert_int_equal(progress_state(progress, "q1", &stored), 0);
	assert_memory_equal(&third, &stored, sizeof stored);
	progress_close(progress);
}

static void test_rollover_and_first_again(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule at4 = default_schedule(), at0 = default_schedule();
	struct progress *progress = open_ok(fx->db);
	struct progress_state first4, first0, later4, later0;
	time_t evening = local_time("2026-11-21T22:00"), small_hours = local_time("2026-11-22T03:30");

	at0.rollover_hour = 0;
	/* Again on a new question is not a lapse. */
	struct progress_answer answer = answer_at("a", evening, FSRS_AGAIN);
	assert_true(progress_record(progress, &at4, &answer, &first4) > 0);
	assert_int_equal(first4.lapses, 0);
	answer.question_id = "b";
	assert_true(progress_record(progress, &at0, &answer, &first0) > 0);

	/* 03:30 is still the same study day with a 04:00 rollover, the next one with midnight. */
	answer = answer_at("a", small_hours, FSRS_GOOD);
	assert_true(progress_record(progress, &at4, &answer, &later4) > 0);
	assert_state_follows(&at4, &first4, small_hours, FSRS_GOOD, &later4);
	answer.question_id = "b";
	assert_true(progress_record(progress, &at0, &answer, &later0) > 0);
	assert_state_follows(&at0, &first0, small_hours, FSRS_GOOD, &later0);
	assert_true(later4.stability != later0.stability);
	progress_close(progress);
}

static void test_practice_only(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress *progress = open_ok(fx->db);
	struct progress_state first, after, stored;

	struct progress_answer answer = answer_at("q1", local_time("2026-11-21T09:00"), FSRS_GOOD);
	assert_true(progress_record(progress, &schedule, &answer, &first) > 0);
	answer = answer_at("q1", local_time("2026-11-23T09:00"), FSRS_AGAIN);
	answer.update_memory = false;
	answer.mode = PROGRESS_PRACTICE;
	assert_true(progress_record(progress, &schedule, &answer, &after) > 0);
	assert_memory_equal(&first, &after, sizeof after);
	assert_int_equal(progress_state(progress, "q1", &stored), 0);
	assert_memory_equal(&first, &stored, sizeof stored);

	/* Practice on a never-seen question logs it but creates no memory state. */
	answer.question_id = "q2";
	assert_true(progress_record(progress, &schedule, &answer, &after) > 0);
	assert_int_equal(after.reviews, 0);
	assert_int_equal(progress_due_count(progress, 1000000), 1);
	assert_int_equal(count_reviews(progress), 3);
	progress_close(progress);
}

static void test_undo(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress *progress = open_ok(fx->db);
	struct progress_state first, second, stored;

	struct progress_answer answer = answer_at("q1", local_time("2026-11-21T09:00"), FSRS_GOOD);
	long long id1 = progress_record(progress, &schedule, &answer, &first);
	answer = answer_at("q1", local_time("2026-11-25T09:00"), FSRS_AGAIN);
	long long id2 = progress_record(progress, &schedule, &answer, &second);
	answer = answer_at("other", local_time("2026-11-26T09:00"), FSRS_EASY);
	long long other = progress_record(progress, &schedule, &answer, NULL);
	assert_true(id1 > 0 && id2 > id1 && other > id2);

	assert_int_equal(progress_undo(progress, id1), -1); /* not the latest for q1 */
	assert_string_not_equal(progress_error(progress), "");
	assert_int_equal(progress_undo(progress, 999999), -1);
	assert_int_equal(progress_undo(progress, id2), 0);
	assert_int_equal(progress_state(progress, "q1", &stored), 0);
	assert_memory_equal(&first, &stored, sizeof stored);
	assert_int_equal(progress_undo(progress, id2), -1); /* already gone */

	assert_int_equal(progress_undo(progress, id1), 0);
	assert_int_equal(progress_state(progress, "q1", &stored), 0);
	assert_int_equal(stored.stability, 0);
	assert_int_equal(stored.reviews, 0);
	assert_int_equal(progress_due_count(progress, 1000000), 1); /* only "other" */
	assert_int_equal(count_reviews(progress), 1);

	/* Ids are not reused after an undo, so a stale id cannot hit a new answer. */
	answer = answer_at("q1", local_time("2026-11-27T09:00"), FSRS_GOOD);
	assert_true(progress_record(progress, &schedule, &answer, NULL) > other);
	progress_close(progress);
}

static void test_each_review_order(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress *progress = open_ok(fx->db);
	struct review_list *list = calloc(1, sizeof *list);
	const char *times[] = { "2026-11-23T10:00", "2026-11-21T10:00", "2026-11-22T10:00",
				"2026-11-21T10:00" };
	const char *ids[] = { "late", "early", "middle", "early-tie" };

	assert_non_null(list);
	for (int i = 0; i < 4; i++) {
		struct progress_answer answer = answer_at(ids[i], local_time(times[i]), FSRS_GOOD);
		answer.mode = (enum progress_mode)(i % 3);
		answer.answer_ms = 1000 + i;
		assert_true(progress_record(progress, &schedule, &answer, NULL) > 0);
	}
	assert_int_equal(progress_each_review(progress, collect_review, list), 0);
	assert_int_equal(list->count, 4);
	assert_string_equal(list->questions[0], "early");
	assert_string_equal(list->questions[1], "early-tie"); /* same time: log order */
	assert_string_equal(list->questions[2], "middle");
	assert_string_equal(list->questions[3], "late");
	assert_true(list->times[0] <= list->times[1] && list->times[2] < list->times[3]);

	memset(list, 0, sizeof *list);
	list->stop_after = 2;
	assert_int_equal(progress_each_review(progress, collect_review, list), 0);
	assert_int_equal(list->count, 2);
	free(list);
	progress_close(progress);
}

static int check_review_fields(const struct progress_review *review, void *ctx)
{
	int *checked = ctx;

	assert_string_equal(review->card_id, "diazepam");
	assert_int_equal(review->grade, FSRS_HARD);
	assert_int_equal(review->answer_ms, 4321);
	assert_int_equal(review->mode, PROGRESS_EXAM);
	assert_false(review->updated_memory);
	(*checked)++;
	return 0;
}

struct state_list {
	int count;
	char last[32];
	int reviews;
};

static int collect_state(const char *question_id, const char *card_id, const struct progress_state *st,
			 void *ctx)
{
	struct state_list *list = ctx;

	assert_string_equal(card_id, "baclofen");
	snprintf(list->last, sizeof list->last, "%s", question_id);
	list->reviews += st->reviews;
	list->count++;
	return 0;
}

static void test_review_fields_and_states(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress *progress = open_ok(fx->db);
	struct state_list states = { 0 };
	int checked = 0;

	struct progress_answer answer = answer_at("exam-q", local_time("2026-11-21T10:00"), FSRS_HARD);
	answer.card_id = "diazepam";
	answer.answer_ms = 4321;
	answer.mode = PROGRESS_EXAM;
	answer.update_memory = false;
	assert_true(progress_record(progress, &schedule, &answer, NULL) > 0);
	assert_int_equal(progress_each_review(progress, check_review_fields, &checked), 0);
	assert_int_equal(checked, 1);

	for (int i = 0; i < 3; i++) {
		time_t at = local_time("2026-11-21T11:00") + i * 86400;
		answer = answer_at(i == 1 ? "zeta" : "alpha", at, FSRS_GOOD);
		assert_true(progress_record(progress, &schedule, &answer, NULL) > 0);
	}
	assert_int_equal(progress_each_state(progress, collect_state, &states), 0);
	assert_int_equal(states.count, 2);
	assert_string_equal(states.last, "zeta");
	assert_int_equal(states.reviews, 3);
	progress_close(progress);
}

static void test_due_count(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress *progress = open_ok(fx->db);
	struct progress_state again, easy;
	time_t t = local_time("2026-11-21T09:00");

	assert_int_equal(progress_due_count(progress, clock_day(t, 4) + 100000), 0);
	struct progress_answer answer = answer_at("hard-one", t, FSRS_AGAIN);
	assert_true(progress_record(progress, &schedule, &answer, &again) > 0);
	answer = answer_at("easy-one", t, FSRS_EASY);
	assert_true(progress_record(progress, &schedule, &answer, &easy) > 0);
	assert_true(again.due_day < easy.due_day);

	assert_int_equal(progress_due_count(progress, again.due_day - 1), 0);
	assert_int_equal(progress_due_count(progress, again.due_day), 1);
	assert_int_equal(progress_due_count(progress, easy.due_day - 1), 1);
	assert_int_equal(progress_due_count(progress, easy.due_day), 2);
	progress_close(progress);
}

static void test_reset(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress *progress = open_ok(fx->db);
	struct progress_state stored;

	struct progress_answer answer = answer_at("q1", local_time("2026-11-21T09:00"), FSRS_GOOD);
	assert_true(progress_record(progress, &schedule, &answer, NULL) > 0);
	assert_int_equal(progress_reset(progress), 0);
	assert_int_equal(count_reviews(progress), 0);
	assert_int_equal(progress_due_count(progress, 10000000), 0);
	assert_int_equal(progress_state(progress, "q1", &stored), 0);
	assert_int_equal(stored.reviews, 0);
	assert_true(progress_record(progress, &schedule, &answer, NULL) > 0);
	progress_close(progress);
}

static void test_bad_input(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress *progress = open_ok(fx->db);
	struct progress_answer answer = answer_at(NULL, local_time("2026-11-21T09:00"), FSRS_GOOD);

	assert_int_equal(progress_record(progress, &schedule, &answer, NULL), -1);
	answer.question_id = "q1";
	answer.grade = (enum fsrs_grade)0;
	assert_int_equal(progress_record(progress, &schedule, &answer, NULL), -1);
	assert_string_not_equal(progress_error(progress), "");
	answer.grade = (enum fsrs_grade)5;
	assert_int_equal(progress_record(progress, &schedule, &answer, NULL), -1);
	answer.grade = FSRS_GOOD;
	answer.mode = (enum progress_mode)7;
	assert_int_equal(progress_record(progress, &schedule, &answer, NULL), -1);
	answer.mode = PROGRESS_REVIEW;
	schedule.rollover_hour = 24;
	assert_int_equal(progress_record(progress, &schedule, &answer, NULL), -1);
	assert_int_equal(progress_record(progress, NULL, &answer, NULL), -1);
	assert_int_equal(count_reviews(progress), 0);
	assert_int_equal(progress_undo(progress, -1), -1);
	assert_int_equal(progress_state(progress, NULL, NULL), -1);
	progress_close(progress);
}

/* ---- damaged, newer and unwritable databases ---- */

static void test_garbage_moved_aside(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress_notice notice;
	char wal[4300], shm[4300], expected[4300], moved[4300];

	progress_close(open_ok(fx->db)); /* creates the folders */
	snprintf(wal, sizeof wal, "%s-wal", fx->db);
	snprintf(shm, sizeof shm, "%s-shm", fx->db);
	write_file(fx->db, "this is not a database, just some text. ", 4096);
	write_file(wal, "stale wal ", 100);
	write_file(shm, "stale shm ", 100);

	struct progress *progress = progress_open(fx->db, &notice);
	assert_non_null(progress);
	assert_true(notice.moved_aside);
	assert_false(notice.not_saving);
	snprintf(expected, sizeof expected, "%s.damaged-%s", fx->db, PINNED_STAMP);
	assert_string_equal(notice.moved_to, expected);
	assert_non_null(strstr(notice.message, expected));
	assert_true(file_starts_with(expected, "this is not a database"));
	/* The -wal may hold the last answers, so it must survive intact; the -shm is only an index. */
	snprintf(moved, sizeof moved, "%.4200s-wal", expected);
	assert_true(file_starts_with(moved, "stale wal"));
	snprintf(moved, sizeof moved, "%.4200s-shm", expected);
	assert_true(exists(moved));
	assert_false(file_starts_with(wal, "stale wal")); /* the fresh database has its own, if any */

	/* The fresh database works. */
	assert_true(progress_can_save(progress));
	struct progress_answer answer = answer_at("q1", local_time("2026-11-21T09:00"), FSRS_GOOD);
	assert_true(progress_record(progress, &schedule, &answer, NULL) > 0);
	assert_int_equal(count_reviews(progress), 1);
	progress_close(progress);

	/* Damaged again within the same second: the first copy is kept, the second gets its own name. */
	write_file(fx->db, "second damage ", 4096);
	progress = progress_open(fx->db, &notice);
	assert_true(notice.moved_aside);
	assert_string_not_equal(notice.moved_to, expected);
	assert_true(strncmp(notice.moved_to, expected, strlen(expected)) == 0);
	assert_true(file_starts_with(notice.moved_to, "second damage"));
	assert_true(file_starts_with(expected, "this is not a database"));
	assert_int_equal(count_reviews(progress), 0);
	progress_close(progress);
}

static void test_corrupt_page_moved_aside(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress_notice notice;
	char question[64], junk[4096];
	struct stat st;

	struct progress *progress = open_ok(fx->db);
	for (int i = 0; i < 300; i++) {
		snprintf(question, sizeof question, "question-with-a-longish-id-%04d", i);
		time_t at = local_time("2026-11-21T09:00") + i;
		struct progress_answer answer = answer_at(question, at, FSRS_GOOD);
		assert_true(progress_record(progress, &schedule, &answer, NULL) > 0);
	}
	progress_close(progress);
	assert_int_equal(stat(fx->db, &st), 0);
	assert_true(st.st_size >= 4 * 4096);

	/* Keep the header valid but scribble over a b-tree page. */
	memset(junk, 0x5a, sizeof junk);
	int fd = open(fx->db, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, junk, sizeof junk, 2 * 4096), (ssize_t)sizeof junk);
	close(fd);

	progress = progress_open(fx->db, &notice);
	assert_true(notice.moved_aside);
	assert_true(exists(notice.moved_to));
	assert_true(progress_can_save(progress));
	assert_int_equal(count_reviews(progress), 0);
	progress_close(progress);
}

/* user_version is the big-endian 32-bit integer at offset 60 of the database header. */
static void poke_user_version(const char *path, unsigned version)
{
	unsigned char bytes[4] = { version >> 24, version >> 16, version >> 8, version };
	int fd = open(path, O_WRONLY);

	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, bytes, 4, 60), 4);
	close(fd);
}

static unsigned peek_user_version(const char *path)
{
	unsigned char bytes[4] = { 0 };
	int fd = open(path, O_RDONLY);

	assert_true(fd >= 0);
	assert_int_equal(pread(fd, bytes, 4, 60), 4);
	close(fd);
	return (unsigned)bytes[0] << 24 | (unsigned)bytes[1] << 16 | (unsigned)bytes[2] << 8 | bytes[3];
}

static void test_newer_version_read_only(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress_notice notice;
	struct progress_state first, after, stored;
	char wal[4300];

	struct progress *progress = open_ok(fx->db);
	struct progress_answer answer = answer_at("q1", local_time("2026-11-21T09:00"), FSRS_GOOD);
	assert_true(progress_record(progress, &schedule, &answer, &first) > 0);
	progress_close(progress);
	snprintf(wal, sizeof wal, "%s-wal", fx->db);
	assert_false(exists(wal)); /* the last close checkpointed everything into the file */
	assert_int_equal(peek_user_version(fx->db), 3); /* the current schema */
	poke_user_version(fx->db, 99);

	progress = progress_open(fx->db, &notice);
	assert_non_null(progress);
	assert_true(notice.read_only);
	assert_false(notice.moved_aside);
	assert_false(progress_can_save(progress));
	assert_string_not_equal(notice.message, "");
	assert_int_equal(progress_state(progress, "q1", &stored), 0);
	assert_memory_equal(&first, &stored, sizeof stored);

	answer = answer_at("q1", local_time("2026-11-25T09:00"), FSRS_GOOD);
	assert_int_equal(progress_record(progress, &schedule, &answer, &after), 0);
	assert_state_follows(&schedule, &first, answer.at, FSRS_GOOD, &after);
	assert_int_equal(progress_undo(progress, 1), -1);
	assert_int_equal(progress_reset(progress), -1);
	assert_int_equal(count_reviews(progress), 1);
	progress_close(progress);
	assert_int_equal(peek_user_version(fx->db), 99);
}

/* A handle that cannot save: record returns 0 but still says what FSRS would schedule. */
static void assert_not_saving(struct progress *progress, const struct progress_notice *notice)
{
	struct progress_schedule schedule = default_schedule();
	struct progress_state none = { 0 }, after;

	assert_non_null(progress);
	assert_true(notice->not_saving);
	assert_false(notice->moved_aside);
	assert_string_not_equal(notice->message, "");
	assert_false(progress_can_save(progress));
	struct progress_answer answer = answer_at("fresh", local_time("2026-11-21T09:00"), FSRS_GOOD);
	assert_int_equal(progress_record(progress, &schedule, &answer, &after), 0);
	assert_state_follows(&schedule, &none, answer.at, FSRS_GOOD, &after);
	assert_int_equal(progress_state(progress, "fresh", &after), 0);
	assert_int_equal(after.reviews, 0);
	assert_int_equal(progress_reset(progress), -1);
}

static void test_parent_is_a_file(void **state)
{
	struct fixture *fx = *state;
	struct progress_notice notice;
	char blocker[4200], path[4300];

	snprintf(blocker, sizeof blocker, "%s/plainfile", fx->dir);
	write_file(blocker, "x", 1);
	snprintf(path, sizeof path, "%s/sub/progress.db", blocker);
	struct progress *progress = progress_open(path, &notice);
	assert_not_saving(progress, &notice);
	assert_int_equal(count_reviews(progress), 0);
	assert_int_equal(progress_due_count(progress, 100000), 0);
	progress_close(progress);
}

static void test_unwritable_directory(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress_notice notice;
	struct progress_state first, stored, after;
	char dir[4200], path[4300], fresh[4300];

	if (geteuid() == 0) {
		print_message("# root ignores directory permissions; see test_parent_is_a_file\n");
		skip();
	}
	snprintf(dir, sizeof dir, "%s/locked", fx->dir);
	snprintf(path, sizeof path, "%s/progress.db", dir);
	snprintf(fresh, sizeof fresh, "%s/never-made.db", dir);
	struct progress *progress = open_ok(path);
	struct progress_answer answer = answer_at("q1", local_time("2026-11-21T09:00"), FSRS_GOOD);
	assert_true(progress_record(progress, &schedule, &answer, &first) > 0);
	progress_close(progress);
	assert_int_equal(chmod(dir, 0500), 0);

	progress = progress_open(fresh, &notice);
	assert_not_saving(progress, &notice);
	progress_close(progress);

	/* The existing file is still read, so the learner sees real due dates. */
	progress = progress_open(path, &notice);
	assert_true(notice.not_saving);
	assert_int_equal(progress_state(progress, "q1", &stored), 0);
	assert_memory_equal(&first, &stored, sizeof stored);
	answer.at = local_time("2026-11-24T09:00");
	assert_int_equal(progress_record(progress, &schedule, &answer, &after), 0);
	assert_state_follows(&schedule, &first, answer.at, FSRS_GOOD, &after);
	assert_int_equal(count_reviews(progress), 1);
	progress_close(progress);
	assert_int_equal(chmod(dir, 0700), 0);
}

static void test_unwritable_file(void **state)
{
	struct fixture *fx = *state;
	struct progress_schedule schedule = default_schedule();
	struct progress_notice notice;
	struct progress_state first, stored;

	if (geteuid() == 0) {
		print_message("# root ignores file permissions\n");
		skip();
	}
	struct progress *progress = open_ok(fx->db);
	struct progress_answer answer = answer_at("q1", local_time("2026-11-21T09:00"), FSRS_GOOD);
	assert_true(progress_record(progress, &schedule, &answer, &first) > 0);
	progress_close(progress);
	assert_int_equal(chmod(fx->db, 0400), 0);

	progress = progress_open(fx->db, &notice);
	assert_true(notice.not_saving);
	assert_false(progress_can_save(progress));
	assert_int_equal(progress_state(progress, "q1", &stored), 0);
	assert_memory_equal(&first, &stored, sizeof stored);
	assert_int_equal(progress_record(progress, &schedule, &answer, NULL), 0);
	assert_int_equal(count_reviews(progress), 1);
	progress_close(progress);
}

/* ---- several processes ---- */

/* Runs in a child: records `count` answers spread over ten shared questions. */
static int record_many(const char *path, int count, int seed)
{
	struct progress_schedule schedule = default_schedule();
	struct progress_notice notice;
	struct progress *progress = progress_open(path, &notice);
	char question[16];
	int failures = 0;

	if (progress == NULL || !progress_can_save(progress)) {
		fprintf(stderr, "child: %s / %s\n", notice.message, progress ? progress_error(progress) : "");
		return 1;
	}
	for (int i = 0; i < count; i++) {
		snprintf(question, sizeof question, "q%d", i % 10);
		time_t at = 1795000000 + (time_t)(i * 3600 + seed);
		struct progress_answer answer = answer_at(question, at, FSRS_GOOD);
		if (progress_record(progress, &schedule, &answer, NULL) <= 0) {
			/* Say why, so a failure under load can be diagnosed from the log. */
			fprintf(stderr, "child %d: answer %d not saved: %s\n", seed, i, progress_error(progress));
			failures++;
		}
	}
	progress_close(progress);
	return failures == 0 ? 0 : 1;
}

static void test_two_processes(void **state)
{
	struct fixture *fx = *state;
	struct state_list states = { 0 };
	pid_t children[2];
	int status;

	/* The children also race to create the file and its schema. */
	for (int c = 0; c < 2; c++) {
		children[c] = fork();
		assert_true(children[c] >= 0);
		if (children[c] == 0)
			_exit(record_many(fx->db, 200, c));
	}
	for (int c = 0; c < 2; c++) {
		assert_int_equal(waitpid(children[c], &status, 0), children[c]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	struct progress *progress = open_ok(fx->db);
	assert_int_equal(count_reviews(progress), 400);
	/* No lost update: every answer moved its question's review count on. */
	assert_int_equal(progress_each_state(progress, collect_state, &states), 0);
	assert_int_equal(states.count, 10);
	assert_int_equal(states.reviews, 400);
	assert_int_equal(progress_check(progress), 0);
	progress_close(progress);
}

static bool read_id(int fd, long long *id)
{
	size_t got = 0;

	while (got < sizeof *id) {
		ssize_t n = read(fd, (char *)id + got, sizeof *id - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		got += (size_t)n;
	}
	return true;
}

static void test_killed_child_keeps_commits(void **state)
{
	struct fixture *fx = *state;
	struct review_list *list = calloc(1, sizeof *list);
	long long reported[1024];
	int count = 0, fds[2], status;

	assert_non_null(list);
	progress_close(open_ok(fx->db));
	assert_int_equal(pipe(fds), 0);
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		struct progress_schedule schedule = default_schedule();
		struct progress_notice notice;
		struct progress *progress = progress_open(fx->db, &notice);
		close(fds[0]);
		for (int i = 0; i < 100000; i++) {
			time_t at = 1795000000 + i;
			struct progress_answer answer = answer_at(i % 2 ? "odd" : "even", at, FSRS_GOOD);
			long long id = progress_record(progress, &schedule, &answer, NULL);
			if (id <= 0 || write(fds[1], &id, sizeof id) != (ssize_t)sizeof id)
				_exit(2);
		}
		_exit(0);
	}
	close(fds[1]);
	while (count < 60 && read_id(fds[0], &reported[count]))
		count++;
	assert_int_equal(count, 60);
	kill(child, SIGKILL);
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFSIGNALED(status));
	while (count < 1024 && read_id(fds[0], &reported[count]))
		count++;
	close(fds[0]);

	struct progress *progress = open_ok(fx->db);
	assert_int_equal(progress_check(progress), 0);
	assert_int_equal(progress_each_review(progress, collect_review, list), 0);
	assert_true(list->count >= count);
	for (int r = 0; r < count; r++) {
		bool found = false;
		for (int i = 0; i < list->count && i < 1024 && !found; i++)
			found = list->ids[i] == reported[r];
		if (!found)
			print_error("answer %lld was reported committed but is missing\n", reported[r]);
		assert_true(found);
	}
	free(list);
	progress_close(progress);
}

#define FIXTURE_TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		FIXTURE_TEST(test_open_creates_and_reopens),
		FIXTURE_TEST(test_record_first_then_later),
		FIXTURE_TEST(test_rollover_and_first_again),
		FIXTURE_TEST(test_practice_only),
		FIXTURE_TEST(test_undo),
		FIXTURE_TEST(test_each_review_order),
		FIXTURE_TEST(test_review_fields_and_states),
		FIXTURE_TEST(test_due_count),
		FIXTURE_TEST(test_reset),
		FIXTURE_TEST(test_bad_input),
		FIXTURE_TEST(test_garbage_moved_aside),
		FIXTURE_TEST(test_corrupt_page_moved_aside),
		FIXTURE_TEST(test_newer_version_read_only),
		FIXTURE_TEST(test_parent_is_a_file),
		FIXTURE_TEST(test_unwritable_directory),
		FIXTURE_TEST(test_unwritable_file),
		FIXTURE_TEST(test_two_processes),
		FIXTURE_TEST(test_killed_child_keeps_commits),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
