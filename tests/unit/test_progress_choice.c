/* Unit tests for what progress keeps of each answer's choice (schema 3):
 * saving, reading back, undo and reset, bad input, and a database written by
 * the schema-2 release migrating with every review kept. */
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

#include "fixture_dir.h"
#include "progress.h"

struct fixture {
	char dir[4096];
	char db[4200];
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	if (!fixture_dir_make(fx->dir, sizeof fx->dir, "test_progress_choice")) {
		free(fx);
		return -1;
	}
	snprintf(fx->db, sizeof fx->db, "%s/progress.db", fx->dir);
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

static struct progress *open_db(const char *path)
{
	struct progress_notice notice;
	struct progress *p = progress_open(path, &notice);
	assert_non_null(p);
	assert_true(progress_can_save(p));
	return p;
}

static const struct progress_schedule schedule = { .rollover_hour = 4 };

static long long record(struct progress *p, const char *question, time_t at, enum fsrs_grade grade,
			struct progress_chosen chosen)
{
	struct progress_schedule s = schedule;
	fsrs_params_default(&s.params);
	struct progress_answer answer = { .question_id = question, .card_id = "baclofen", .at = at, .grade = grade,
					  .answer_ms = 900, .mode = PROGRESS_PRACTICE, .update_memory = true,
					  .chosen = chosen };
	return progress_record(p, &s, &answer, NULL);
}

/* Every answer row as "id question outcome [index:text:topic:correct ...]" lines. */
struct dump {
	char buf[4096];
	size_t rows;
};

static int dump_row(const struct progress_answer_row *row, void *ctx)
{
	struct dump *d = ctx;
	static const char *const outcomes[] = { "right", "wrong", "dont_know" };
	size_t used = strlen(d->buf);
	used += (size_t)snprintf(d->buf + used, sizeof d->buf - used, "%s %s", row->question_id,
				 outcomes[row->chosen.outcome]);
	for (size_t i = 0; i < row->chosen.nchoices; i++) {
		const struct progress_choice *c = &row->chosen.choices[i];
		used += (size_t)snprintf(d->buf + used, sizeof d->buf - used, " %d:%s:%s:%d", c->index, c->text,
					 c->topic ? c->topic : "-", c->correct);
	}
	if (row->chosen.typed)
		used += (size_t)snprintf(d->buf + used, sizeof d->buf - used, " typed=%s", row->chosen.typed);
	snprintf(d->buf + used, sizeof d->buf - used, "\n");
	d->rows++;
	return 0;
}

static void dump_answers(struct progress *p, struct dump *d)
{
	memset(d, 0, sizeof *d);
	assert_int_equal(progress_each_answer(p, dump_row, d), 0);
}

static const time_t T0 = 1790000000;

static void test_saves_and_reads_choices(void **state)
{
	struct fixture *fx = *state;
	struct progress *p = open_db(fx->db);
	const struct progress_choice wrong[] = { { "GABA-A receptor", "benzodiazepines", 1, false } };
	const struct progress_choice two[] = { { "GABA-B receptor", NULL, 0, true },
					       { "α2δ subunit", "gabapentin", 3, false } };
	assert_true(record(p, "q1", T0, FSRS_AGAIN,
			   (struct progress_chosen){ true, PROGRESS_WRONG, wrong, 1, NULL }) > 0);
	assert_true(record(p, "q2", T0 + 10, FSRS_AGAIN,
			   (struct progress_chosen){ true, PROGRESS_WRONG, two, 2, "typed words" }) > 0);
	assert_true(record(p, "q3", T0 + 20, FSRS_AGAIN,
			   (struct progress_chosen){ true, PROGRESS_DONT_KNOW, NULL, 0, NULL }) > 0);
	/* An answer saved without a choice (as before schema 3) has no answer row. */
	assert_true(record(p, "q4", T0 + 30, FSRS_GOOD, (struct progress_chosen){ .recorded = false }) > 0);
	struct dump d;
	dump_answers(p, &d);
	assert_int_equal(d.rows, 3);
	assert_string_equal(d.buf, "q1 wrong 1:GABA-A receptor:benzodiazepines:0\n"
				   "q2 wrong 0:GABA-B receptor:-:1 3:α2δ subunit:gabapentin:0 typed=typed words\n"
				   "q3 dont_know\n");
	progress_close(p);
}

static void test_bad_choices_are_refused(void **state)
{
	struct fixture *fx = *state;
	struct progress *p = open_db(fx->db);
	const struct progress_choice no_text[] = { { NULL, NULL, 1, false } };
	assert_int_equal(record(p, "q1", T0, FSRS_AGAIN,
				(struct progress_chosen){ true, PROGRESS_WRONG, no_text, 1, NULL }),
			 -1);
	assert_non_null(strstr(progress_error(p), "text"));
	assert_int_equal(record(p, "q1", T0, FSRS_AGAIN,
				(struct progress_chosen){ true, (enum progress_outcome)9, NULL, 0, NULL }),
			 -1);
	assert_int_equal(record(p, "q1", T0, FSRS_AGAIN,
				(struct progress_chosen){ true, PROGRESS_WRONG, NULL, PROGRESS_MAX_CHOICES + 1, NULL }),
			 -1);
	struct dump d;
	dump_answers(p, &d);
	assert_int_equal(d.rows, 0);
	/* Nothing half-saved: the review log is empty too. */
	struct progress_state st;
	assert_int_equal(progress_state(p, "q1", &st), 0);
	assert_int_equal(st.reviews, 0);
	progress_close(p);
}

static void test_undo_and_reset_forget_choices(void **state)
{
	struct fixture *fx = *state;
	struct progress *p = open_db(fx->db);
	const struct progress_choice wrong[] = { { "GABA-A receptor", "benzodiazepines", 1, false } };
	struct progress_chosen chosen = { true, PROGRESS_WRONG, wrong, 1, NULL };
	record(p, "q1", T0, FSRS_AGAIN, chosen);
	long long id = record(p, "q2", T0 + 5, FSRS_AGAIN, chosen);
	assert_int_equal(progress_undo(p, id), 0);
	struct dump d;
	dump_answers(p, &d);
	assert_string_equal(d.buf, "q1 wrong 1:GABA-A receptor:benzodiazepines:0\n");
	/* A later answer must not inherit the undone one's choices (ids are not reused). */
	const struct progress_choice right[] = { { "GABA-B receptor", NULL, 0, true } };
	record(p, "q2", T0 + 9, FSRS_GOOD, (struct progress_chosen){ true, PROGRESS_RIGHT, right, 1, NULL });
	dump_answers(p, &d);
	assert_string_equal(d.buf, "q1 wrong 1:GABA-A receptor:benzodiazepines:0\n"
				   "q2 right 0:GABA-B receptor:-:1\n");
	assert_int_equal(progress_reset(p), 0);
	dump_answers(p, &d);
	assert_int_equal(d.rows, 0);
	progress_close(p);
}

static int count_review(const struct progress_review *review, void *ctx)
{
	char *log = ctx;
	size_t used = strlen(log);
	snprintf(log + used, 8192 - used, "%s %s %ld %d %d\n", review->question_id, review->card_id,
		 (long)review->at, (int)review->grade, review->updated_memory);
	return 0;
}

static int count_state(const char *question_id, const char *card_id, const struct progress_state *state,
		       void *ctx)
{
	(void)question_id;
	(void)card_id;
	(void)state;
	(*(size_t *)ctx)++;
	return 0;
}

/* tests/data/progress-schema2.db was written by rxplore before this change
 * (schema 2: three practice sessions and a review on tests/data/basic, 20
 * reviews, 5 memory states).  It opens, migrates, keeps every review, and
 * then saves choices. */
static void test_schema2_database_migrates(void **state)
{
	struct fixture *fx = *state;
	const char *data = getenv("TEST_DATA_DIR");
	char fixture[4200];
	snprintf(fixture, sizeof fixture, "%s/progress-schema2.db", data ? data : "tests/data");
	FILE *in = fopen(fixture, "rb"), *out = fopen(fx->db, "wb");
	assert_non_null(in);
	assert_non_null(out);
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);

	struct progress *p = open_db(fx->db);
	static char log[8192];
	log[0] = '\0';
	assert_int_equal(progress_each_review(p, count_review, log), 0);
	size_t lines = 0;
	for (const char *c = log; *c; c++)
		lines += *c == '\n';
	assert_int_equal(lines, 20);
	assert_non_null(strstr(log, "alphazine:fact:receptor alphazine"));
	size_t states = 0;
	assert_int_equal(progress_each_state(p, count_state, &states), 0);
	assert_int_equal(states, 5);
	assert_int_equal(progress_check(p), 0);
	struct dump d;
	dump_answers(p, &d);
	assert_int_equal(d.rows, 0);	/* old reviews kept, with no choice */

	const struct progress_choice wrong[] = { { "Beta receptor", "betamol", 2, false } };
	assert_true(record(p, "alphazine-receptor", T0 + 400 * 86400, FSRS_AGAIN,
			   (struct progress_chosen){ true, PROGRESS_WRONG, wrong, 1, NULL }) > 0);
	progress_close(p);

	/* Reopened (already migrated): the 21 reviews and the one choice are there. */
	p = open_db(fx->db);
	log[0] = '\0';
	assert_int_equal(progress_each_review(p, count_review, log), 0);
	lines = 0;
	for (const char *c = log; *c; c++)
		lines += *c == '\n';
	assert_int_equal(lines, 21);
	dump_answers(p, &d);
	assert_string_equal(d.buf, "alphazine-receptor wrong 2:Beta receptor:betamol:0\n");
	progress_close(p);
}

/* A merge from another machine's database brings each added review's choices. */
static void test_merge_brings_the_choices(void **state)
{
	struct fixture *fx = *state;
	char other[4300];
	snprintf(other, sizeof other, "%s/other.db", fx->dir);
	struct progress *o = open_db(other);
	const struct progress_choice wrong[] = { { "GABA-A receptor", "benzodiazepines", 1, false } };
	record(o, "q1", T0, FSRS_AGAIN, (struct progress_chosen){ true, PROGRESS_WRONG, wrong, 1, "typed" });
	record(o, "q2", T0 + 5, FSRS_GOOD, (struct progress_chosen){ .recorded = false });
	progress_close(o);

	struct progress *p = open_db(fx->db);
	struct progress_schedule s = schedule;
	fsrs_params_default(&s.params);
	struct diag_list diags;
	diag_list_init(&diags);
	struct progress_merge_result r;
	assert_int_equal(progress_merge(p, &s, other, &diags, &r), 0);
	assert_int_equal(r.added, 2);
	struct dump d;
	dump_answers(p, &d);
	assert_string_equal(d.buf, "q1 wrong 1:GABA-A receptor:benzodiazepines:0 typed=typed\n");
	/* Merged again: nothing doubled. */
	assert_int_equal(progress_merge(p, &s, other, &diags, &r), 0);
	assert_int_equal(r.added, 0);
	dump_answers(p, &d);
	assert_int_equal(d.rows, 1);
	/* The schema-2 fixture merges in with no choices and no error. */
	const char *data = getenv("TEST_DATA_DIR");
	char old[4200];
	snprintf(old, sizeof old, "%s/progress-schema2.db", data ? data : "tests/data");
	assert_int_equal(progress_merge(p, &s, old, &diags, &r), 0);
	assert_int_equal(r.added, 20);
	dump_answers(p, &d);
	assert_int_equal(d.rows, 1);
	assert_int_equal(diags.count, 0);
	diag_list_release(&diags);
	progress_close(p);
}

static void test_null_arguments(void **state)
{
	(void)state;
	assert_int_equal(progress_each_answer(NULL, dump_row, NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_saves_and_reads_choices, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_choices_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_and_reset_forget_choices, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schema2_database_migrates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merge_brings_the_choices, setup, teardown),
		cmocka_unit_test(test_null_arguments),
	};
	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
