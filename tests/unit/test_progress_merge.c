/* Unit tests for progress_merge() and progress_backup(): the union of two
 * logs, idempotence, symmetry, malformed and conflicting rows, replayed
 * memory states, a database written by rxplore 0.1, and the copy. */
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

#include "diag.h"
#include "fixture_dir.h"
#include "fsrs.h"
#include "progress.h"

struct fixture {
	char dir[4096];
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	if (!fixture_dir_make(fx->dir, sizeof fx->dir, "test_merge")) {
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	fixture_dir_remove(fx->dir);
	free(fx);
	return 0;
}

static const char *in_dir(const struct fixture *fx, const char *name)
{
	static char paths[4][4200];
	static int next;
	char *path = paths[next++ % 4];
	snprintf(path, sizeof paths[0], "%s/%s", fx->dir, name);
	return path;
}

static struct progress_schedule schedule(void)
{
	struct progress_schedule s = { 0 };
	fsrs_params_default(&s.params);
	s.rollover_hour = 4;
	return s;
}

static struct progress *open_db(const char *path)
{
	struct progress_notice notice;
	struct progress *p = progress_open(path, &notice);
	assert_non_null(p);
	assert_true(progress_can_save(p));
	return p;
}

enum { DAY = 86400, T0 = 1795000000 };

static void record(struct progress *p, const char *question, long at, enum fsrs_grade grade, long ms)
{
	struct progress_schedule s = schedule();
	struct progress_answer a = { .question_id = question, .card_id = "card", .at = (time_t)at,
				     .grade = grade, .answer_ms = ms, .mode = PROGRESS_REVIEW,
				     .update_memory = true };
	assert_true(progress_record(p, &s, &a, NULL) > 0);
}

/* The log as text, one review a line, without the row ids. */
struct text {
	char buf[16384];
	size_t len;
};

static int log_line(const struct progress_review *r, void *ctx)
{
	struct text *t = ctx;
	t->len += (size_t)snprintf(t->buf + t->len, sizeof t->buf - t->len, "%s %s %lld %d %ld %d %d\n",
				   r->question_id, r->card_id, (long long)r->at, (int)r->grade, r->answer_ms,
				   (int)r->mode, r->updated_memory);
	return 0;
}

static int state_line(const char *question, const char *card, const struct progress_state *s, void *ctx)
{
	struct text *t = ctx;
	t->len += (size_t)snprintf(t->buf + t->len, sizeof t->buf - t->len, "%s %s %.6f %.6f %lld %ld %d %d\n",
				   question, card, s->stability, s->difficulty, (long long)s->last_review,
				   s->due_day, s->reviews, s->lapses);
	return 0;
}

static void log_of(struct progress *p, struct text *t)
{
	t->len = 0;
	t->buf[0] = '\0';
	assert_int_equal(progress_each_review(p, log_line, t), 0);
}

static void states_of(struct progress *p, struct text *t)
{
	t->len = 0;
	t->buf[0] = '\0';
	assert_int_equal(progress_each_state(p, state_line, t), 0);
}

static size_t count_lines(const char *text)
{
	size_t n = 0;
	for (; *text; text++)
		n += *text == '\n';
	return n;
}

static int merge(struct progress *p, const char *path, struct progress_merge_result *r, struct diag_list *diags)
{
	struct progress_schedule s = schedule();
	return progress_merge(p, &s, path, diags, r);
}

/* A: q1 twice, q2 once; B: q1's first review again (overlap), q3, and q2 later. */
static void make_pair(const struct fixture *fx, const char *a_path, const char *b_path)
{
	struct progress *a = open_db(a_path), *b = open_db(b_path);
	(void)fx;
	record(a, "q1", T0, FSRS_GOOD, 1000);
	record(a, "q1", T0 + 3 * DAY, FSRS_HARD, 1200);
	record(a, "q2", T0 + DAY, FSRS_AGAIN, 900);
	record(b, "q1", T0, FSRS_GOOD, 1000);
	record(b, "q3", T0 + 2 * DAY, FSRS_EASY, 800);
	record(b, "q2", T0 + 5 * DAY, FSRS_GOOD, 700);
	progress_close(a);
	progress_close(b);
}

static void test_union_and_again(void **state)
{
	struct fixture *fx = *state;
	const char *a_path = in_dir(fx, "a.db"), *b_path = in_dir(fx, "b.db");
	make_pair(fx, a_path, b_path);
	struct progress *a = open_db(a_path);
	struct diag_list diags;
	diag_list_init(&diags);
	struct progress_merge_result r;
	assert_int_equal(merge(a, b_path, &r, &diags), 0);
	assert_int_equal(r.read, 3);
	assert_int_equal(r.added, 2);
	assert_int_equal(r.present, 1);
	assert_int_equal(r.skipped, 0);
	assert_int_equal(r.replayed, 2);
	assert_int_equal(diags.count, 0);
	struct text log;
	log_of(a, &log);
	assert_int_equal(count_lines(log.buf), 5);
	assert_non_null(strstr(log.buf, "q3 card"));

	assert_int_equal(merge(a, b_path, &r, &diags), 0);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.present, 3);
	assert_int_equal(r.replayed, 0);
	struct text again;
	log_of(a, &again);
	assert_string_equal(log.buf, again.buf);
	diag_list_release(&diags);
	progress_close(a);
}

static void test_symmetric(void **state)
{
	struct fixture *fx = *state;
	const char *a_path = in_dir(fx, "a.db"), *b_path = in_dir(fx, "b.db");
	const char *a2_path = in_dir(fx, "a2.db"), *b2_path = in_dir(fx, "b2.db");
	make_pair(fx, a_path, b_path);
	make_pair(fx, a2_path, b2_path);
	struct diag_list diags;
	diag_list_init(&diags);
	struct progress_merge_result r;
	struct progress *a = open_db(a_path), *b2 = open_db(b2_path);
	assert_int_equal(merge(a, b_path, &r, &diags), 0);	/* A <- B */
	assert_int_equal(merge(b2, a2_path, &r, &diags), 0);	/* B <- A */
	struct text la, lb, sa, sb;
	log_of(a, &la);
	log_of(b2, &lb);
	assert_string_equal(la.buf, lb.buf);
	/* The memory states are the replay of the same log. */
	states_of(a, &sa);
	states_of(b2, &sb);
	assert_string_equal(sa.buf, sb.buf);
	progress_close(a);
	progress_close(b2);
	diag_list_release(&diags);
}

static int last_q1(const struct progress_review *r, void *ctx)
{
	if (strcmp(r->question_id, "q1") == 0)
		*(long long *)ctx = r->id;
	return 0;
}

/* Merging into an empty profile rebuilds exactly the states recording made. */
static void test_replay_matches_recording(void **state)
{
	struct fixture *fx = *state;
	const char *a_path = in_dir(fx, "a.db"), *b_path = in_dir(fx, "b.db"), *e_path = in_dir(fx, "e.db");
	make_pair(fx, a_path, b_path);
	struct progress *a = open_db(a_path), *e = open_db(e_path);
	struct diag_list diags;
	diag_list_init(&diags);
	struct progress_merge_result r;
	assert_int_equal(merge(e, a_path, &r, &diags), 0);
	struct text sa, se;
	states_of(a, &sa);
	states_of(e, &se);
	assert_string_equal(sa.buf, se.buf);
	/* The replay rewrote the states undo puts back: undoing q1's latest
	 * answer leaves the state its first answer made, here as in A. */
	struct text la, le;
	struct progress_state sa1, se1;
	assert_int_equal(progress_state(e, "q1", &se1), 0);
	assert_int_equal(se1.reviews, 2);
	long long last_a = 0, last_e = 0;
	log_of(a, &la);
	log_of(e, &le);
	assert_string_equal(la.buf, le.buf);
	assert_int_equal(progress_each_review(a, last_q1, &last_a), 0);
	assert_int_equal(progress_each_review(e, last_q1, &last_e), 0);
	assert_int_equal(progress_undo(a, last_a), 0);
	assert_int_equal(progress_undo(e, last_e), 0);
	assert_int_equal(progress_state(a, "q1", &sa1), 0);
	assert_int_equal(progress_state(e, "q1", &se1), 0);
	assert_int_equal(se1.reviews, 1);
	assert_memory_equal(&sa1, &se1, sizeof sa1);
	progress_close(a);
	progress_close(e);
	diag_list_release(&diags);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

#define HEADER "id,question_id,card_id,time,grade,grade_name,answer_ms,mode,updated_memory\r\n"

static void test_csv_rows(void **state)
{
	struct fixture *fx = *state;
	const char *db = in_dir(fx, "p.db"), *csv = in_dir(fx, "in.csv");
	write_file(csv, HEADER
		   "1,q1,card,2026-11-21T09:30:00Z,3,good,1500,review,yes\r\n"
		   "2,q1,card,2026-11-21T09:30:00Z,3,good,1500,review,yes\r\n"	/* a second equal review */
		   "3,,card,2026-11-21T09:30:00Z,3,good,1500,review,yes\r\n"	/* line 4: no question */
		   "4,q2,card,yesterday,3,good,1500,review,yes\r\n"		/* line 5: bad time */
		   "5,q2,card,2026-11-21T09:30:00Z,7,good,1500,review,yes\r\n"	/* line 6: bad grade */
		   "6,q2,card,2026-11-21T09:30:00Z,3,easy,1500,review,yes\r\n"	/* line 7: name disagrees */
		   "7,q2,card,2026-11-21T09:30:00Z,3,good,1500,cram,yes\r\n"	/* line 8: cram moved memory */
		   "8,q2,card,2026-11-21T09:30:00Z,3,good\r\n"			/* line 9: short */
		   "9,\"q,3\",\"a \"\"card\"\"\",2026-11-22T09:30:00Z,1,again,-5,exam,no\r\n" /* 10: ms */
		   "10,\"q\r\n4\",card,2026-11-22T09:30:00Z,1,again,5,exam,maybe\r\n"	/* 11: flag */
		   "11,q5,card,2026-11-23T09:30:00Z,2,hard,5,practice,no\r\n");
	struct progress *p = open_db(db);
	struct diag_list diags;
	diag_list_init(&diags);
	struct progress_merge_result r;
	assert_int_equal(merge(p, csv, &r, &diags), 0);
	assert_int_equal(r.read, 11);
	assert_int_equal(r.added, 3);
	assert_int_equal(r.skipped, 8);
	assert_int_equal(diags.count, 8);
	static const unsigned lines[] = { 4, 5, 6, 7, 8, 9, 10, 11 };
	for (size_t i = 0; i < diags.count; i++) {
		char buf[512];
		diag_format(&diags.items[i], buf, sizeof buf);
		assert_int_equal(diags.items[i].line, lines[i]);
		assert_non_null(strstr(buf, in_dir(fx, "in.csv")));
		assert_non_null(strstr(buf, ": error: "));
	}
	struct text log;
	log_of(p, &log);
	assert_int_equal(count_lines(log.buf), 3);
	/* Two equal reviews in the file are both kept, once. */
	assert_int_equal(merge(p, csv, &r, &diags), 0);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.present, 3);
	progress_close(p);
	diag_list_release(&diags);
}

/* The same question answered again in the same second with the same grade
 * (a practice re-ask) is a second review: merging a copy of the database
 * into itself adds nothing and finds no conflict (valgrind's run of
 * `progress merge` met this with a pinned clock). */
static void test_reask_in_the_same_second(void **state)
{
	struct fixture *fx = *state;
	const char *db = in_dir(fx, "p.db"), *copy = in_dir(fx, "copy.db");
	struct progress *p = open_db(db);
	record(p, "q1", T0, FSRS_GOOD, 1000);
	struct progress_schedule s = schedule();
	struct progress_answer again = { .question_id = "q1", .card_id = "card", .at = (time_t)T0,
					 .grade = FSRS_GOOD, .answer_ms = 1000, .mode = PROGRESS_REVIEW,
					 .update_memory = false };
	assert_true(progress_record(p, &s, &again, NULL) > 0);
	progress_close(p);
	p = open_db(db);
	struct text before, after;
	log_of(p, &before);
	assert_int_equal(progress_backup(p, copy), 0);
	struct diag_list diags;
	diag_list_init(&diags);
	struct progress_merge_result r;
	assert_int_equal(merge(p, copy, &r, &diags), 0);
	assert_int_equal(r.skipped, 0);
	assert_int_equal(r.added, 0);
	assert_int_equal(diags.count, 0);
	log_of(p, &after);
	assert_string_equal(before.buf, after.buf);
	progress_close(p);
	diag_list_release(&diags);
}

static void test_conflict_keeps_ours(void **state)
{
	struct fixture *fx = *state;
	const char *db = in_dir(fx, "p.db"), *csv = in_dir(fx, "in.csv");
	struct progress *p = open_db(db);
	record(p, "q1", T0, FSRS_GOOD, 1000);
	char text[512];
	snprintf(text, sizeof text, HEADER "1,q1,other-card,%s,3,good,1000,review,yes\r\n", "2026-11-18T11:06:40Z");
	write_file(csv, text);
	struct text before, after;
	log_of(p, &before);
	struct diag_list diags;
	diag_list_init(&diags);
	struct progress_merge_result r;
	assert_int_equal(merge(p, csv, &r, &diags), 0);
	assert_int_equal(r.skipped, 1);
	assert_int_equal(r.added, 0);
	assert_non_null(strstr(diags.items[0].message, "conflict"));
	assert_int_equal(diags.items[0].line, 2);
	log_of(p, &after);
	assert_string_equal(before.buf, after.buf);
	progress_close(p);
	diag_list_release(&diags);
}

static void test_unreadable_sources(void **state)
{
	struct fixture *fx = *state;
	const char *db = in_dir(fx, "p.db"), *junk = in_dir(fx, "junk.txt");
	struct progress *p = open_db(db);
	record(p, "q1", T0, FSRS_GOOD, 1000);
	struct diag_list diags;
	diag_list_init(&diags);
	struct progress_merge_result r;
	assert_int_equal(merge(p, in_dir(fx, "missing.db"), &r, &diags), -1);
	assert_non_null(strstr(progress_error(p), "missing.db"));
	write_file(junk, "not,a,progress,file\n");
	assert_int_equal(merge(p, junk, &r, &diags), -1);
	write_file(junk, "SQLite format 3");
	assert_int_equal(merge(p, junk, &r, &diags), -1);
	struct text log;
	log_of(p, &log);
	assert_int_equal(count_lines(log.buf), 1);
	progress_close(p);
	diag_list_release(&diags);
}

/* tests/data/progress-0.1.db was written by rxplore 0.1 (schema 1) before
 * merging existed: it opens, merges in, and is merged from. */
static void test_old_database(void **state)
{
	struct fixture *fx = *state;
	const char *data = getenv("TEST_DATA_DIR");
	char fixture[4200], copy[4200];
	snprintf(fixture, sizeof fixture, "%s/progress-0.1.db", data ? data : "tests/data");
	snprintf(copy, sizeof copy, "%s", in_dir(fx, "old.db"));
	FILE *in = fopen(fixture, "rb"), *out = fopen(copy, "wb");
	assert_non_null(in);
	assert_non_null(out);
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);

	struct progress *e = open_db(in_dir(fx, "e.db"));
	struct diag_list diags;
	diag_list_init(&diags);
	struct progress_merge_result r;
	assert_int_equal(merge(e, fixture, &r, &diags), 0);
	assert_true(r.added > 0);
	assert_int_equal(r.skipped, 0);
	size_t added = r.added;

	struct progress *old = open_db(copy);
	struct text before;
	log_of(old, &before);
	assert_int_equal(count_lines(before.buf), added);
	record(e, "brand-new", T0 + 40 * DAY, FSRS_GOOD, 100);
	assert_int_equal(merge(old, in_dir(fx, "e.db"), &r, &diags), 0);
	assert_int_equal(r.added, 1);
	assert_int_equal(r.present, added);
	assert_int_equal(progress_check(old), 0);
	progress_close(old);
	progress_close(e);
	diag_list_release(&diags);
}

static void test_backup(void **state)
{
	struct fixture *fx = *state;
	const char *db = in_dir(fx, "p.db"), *copy = in_dir(fx, "copy.db");
	struct progress *p = open_db(db);
	record(p, "q1", T0, FSRS_GOOD, 1000);
	record(p, "q2", T0 + DAY, FSRS_AGAIN, 1000);
	assert_int_equal(progress_backup(p, copy), 0);
	/* While the source stays open: the copy is one file, and complete. */
	char side[4300];
	snprintf(side, sizeof side, "%s-wal", copy);
	assert_int_not_equal(access(side, F_OK), 0);
	snprintf(side, sizeof side, "%s-journal", copy);
	assert_int_not_equal(access(side, F_OK), 0);
	struct progress *c = open_db(copy);
	struct text a, b;
	log_of(p, &a);
	log_of(c, &b);
	assert_string_equal(a.buf, b.buf);
	states_of(p, &a);
	states_of(c, &b);
	assert_string_equal(a.buf, b.buf);
	progress_close(c);
	assert_int_equal(progress_backup(p, in_dir(fx, "no/such/dir/copy.db")), -1);
	assert_true(progress_error(p)[0] != '\0');
	progress_close(p);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	setenv("TZ", "UTC", 1);
	const struct CMUnitTest tests[] = {
		T(test_union_and_again), T(test_symmetric), T(test_replay_matches_recording), T(test_csv_rows),
		T(test_conflict_keeps_ours), T(test_reask_in_the_same_second), T(test_unreadable_sources), T(test_old_database), T(test_backup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
