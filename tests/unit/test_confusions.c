/* Unit tests for confusions: choices that know their topic, the contrast
 * questions of a pair, the explainer that covers it, the counting and fading
 * of confusions, leeches, and the presenter's lines.  On the fixture pack
 * tests/data/confuse-pack. */
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

#include "confusions.h"
#include "fixture_dir.h"
#include "fixture_pack.h"
#include "loader.h"
#include "quiz.h"

struct fixture {
	struct library lib;
	struct quiz_bank bank;
	struct progress *progress;
	char dir[4096], db[4200];
	const struct card *baclofen, *benzos, *diazepam, *gabapentin, *tizanidine;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	struct diag_list diags;
	fixture_pack_load(&fx->lib, &diags, "confuse-pack");
	size_t problems = diags.count;
	diag_list_release(&diags);
	if (problems || quiz_bank_build(&fx->bank, &fx->lib) < 0)
		return -1;
	if (!fixture_dir_make(fx->dir, sizeof fx->dir, "test_confusions"))
		return -1;
	snprintf(fx->db, sizeof fx->db, "%s/progress.db", fx->dir);
	struct progress_notice notice;
	fx->progress = progress_open(fx->db, &notice);
	if (!fx->progress || !progress_can_save(fx->progress))
		return -1;
	fx->baclofen = library_find(&fx->lib, "baclofen");
	fx->benzos = library_find(&fx->lib, "benzodiazepines");
	fx->diazepam = library_find(&fx->lib, "diazepam");
	fx->gabapentin = library_find(&fx->lib, "gabapentin");
	fx->tizanidine = library_find(&fx->lib, "tizanidine");
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	progress_close(fx->progress);
	quiz_bank_release(&fx->bank);
	library_release(&fx->lib);
	fixture_dir_remove(fx->dir);
	free(fx);
	return 0;
}

static const time_t T0 = 1790000000;

/* Saves an answer to question id picking the choice whose text is pick
 * (NULL: "I don't know"); first: a first answer (it moves memory). */
static void answer(struct fixture *fx, const char *id, const char *pick, time_t at, bool first)
{
	const struct quiz_question *q = quiz_bank_find(&fx->bank, id);
	assert_non_null(q);
	struct quiz_item item = { .question = q, .outcome = QUIZ_DONT_KNOW };
	for (size_t c = 0; pick && c < q->nchoices; c++)
		if (strcmp(q->choices[c], pick) == 0) {
			item.chosen = 1u << c;
			item.outcome = q->correct[c] ? QUIZ_CORRECT : QUIZ_WRONG;
		}
	assert_true(!pick || item.chosen);
	struct progress_choice picked[QUESTION_MAX_CHOICES];
	struct progress_schedule schedule = { .rollover_hour = 4 };
	fsrs_params_default(&schedule.params);
	struct progress_answer a = { .question_id = q->id, .card_id = q->card->id, .at = at,
				     .grade = item.outcome == QUIZ_CORRECT ? FSRS_GOOD : FSRS_AGAIN,
				     .mode = PROGRESS_PRACTICE, .update_memory = first,
				     .chosen = quiz_item_chosen(&item, picked) };
	assert_true(progress_record(fx->progress, &schedule, &a, NULL) > 0);
}

static void choices_know_their_topic(void **state)
{
	struct fixture *fx = *state;
	const struct quiz_question *q = quiz_bank_find(&fx->bank, "baclofen-receptor");
	assert_non_null(q);
	assert_null(q->choice_topic[0]);
	assert_ptr_equal(q->choice_topic[1], fx->benzos);
	assert_ptr_equal(q->choice_topic[2], fx->gabapentin);
	q = quiz_bank_find(&fx->bank, "baclofen:fact:receptor");
	assert_non_null(q);
	assert_string_equal(q->fact, "receptor");
	assert_ptr_equal(q->choice_topic[0], fx->baclofen);
	for (size_t c = 1; c < q->nchoices; c++) {
		assert_non_null(q->choice_topic[c]);
		assert_string_equal(card_fact(q->choice_topic[c], "receptor"), q->choices[c]);
	}
}

static void contrasts_are_the_questions_whose_answers_differ(void **state)
{
	struct fixture *fx = *state;
	const struct card *a = fx->baclofen, *b = fx->benzos;
	assert_true(confusion_contrasts(quiz_bank_find(&fx->bank, "baclofen:fact:receptor"), a, b));
	assert_true(confusion_contrasts(quiz_bank_find(&fx->bank, "benzodiazepines:fact:uses"), a, b));
	/* Equal cells: no contrast. */
	assert_false(confusion_contrasts(quiz_bank_find(&fx->bank, "baclofen:fact:sedation"), a, b));
	assert_false(confusion_contrasts(quiz_bank_find(&fx->bank, "benzodiazepines:fact:sedation"), b, a));
	/* Authored: only with a choice standing for the other topic. */
	assert_true(confusion_contrasts(quiz_bank_find(&fx->bank, "baclofen-receptor"), a, b));
	assert_true(confusion_contrasts(quiz_bank_find(&fx->bank, "benzodiazepines-reversal"), b, a));
	assert_false(confusion_contrasts(quiz_bank_find(&fx->bank, "baclofen-renal"), a, b));
	/* A class topic stands for its members. */
	assert_true(confusion_contrasts(quiz_bank_find(&fx->bank, "baclofen-receptor"), a, fx->diazepam));
	/* Questions of a third card, and bad input. */
	assert_false(confusion_contrasts(quiz_bank_find(&fx->bank, "gabapentin:fact:receptor"), a, b));
	assert_false(confusion_contrasts(quiz_bank_find(&fx->bank, "baclofen-receptor"), a, a));
	assert_false(confusion_contrasts(NULL, a, b));
	assert_false(confusion_contrasts(quiz_bank_find(&fx->bank, "baclofen-receptor"), a, NULL));
}

static void the_explainer_covers_both(void **state)
{
	struct fixture *fx = *state;
	const struct card *e = confusion_explainer(&fx->lib, fx->baclofen, fx->benzos);
	assert_non_null(e);
	assert_string_equal(e->id, "is-baclofen-a-benzo");
	assert_ptr_equal(confusion_explainer(&fx->lib, fx->benzos, fx->baclofen), e);
	/* Diazepam is within benzodiazepines, which the explainer names. */
	assert_ptr_equal(confusion_explainer(&fx->lib, fx->diazepam, fx->baclofen), e);
	/* The overview compares baclofen and gabapentin too, and is loaded
	 * first; for baclofen and benzodiazepines the explainer that compares
	 * just those two wins. */
	const struct card *overview = confusion_explainer(&fx->lib, fx->baclofen, fx->gabapentin);
	assert_non_null(overview);
	assert_string_equal(overview->id, "gaba-drugs-overview");
	assert_null(confusion_explainer(&fx->lib, fx->baclofen, fx->tizanidine));
	assert_null(confusion_explainer(NULL, fx->baclofen, fx->benzos));
}

static void confusions_count_order_and_fade(void **state)
{
	struct fixture *fx = *state;
	struct confusion_report r;
	assert_int_equal(confusion_report_compute(&r, fx->progress, &fx->bank, &fx->lib, 6), 0);
	assert_int_equal(r.npairs, 0);
	confusion_report_release(&r);

	for (int i = 0; i < 3; i++)
		answer(fx, "baclofen-receptor", "GABA-A receptor (benzodiazepine site)", T0 + i * 86400, true);
	answer(fx, "baclofen-receptor", "α2δ subunit of calcium channels", T0 + 5 * 86400, true);
	/* A right answer before any confusion of a pair does not count ahead. */
	answer(fx, "benzodiazepines-reversal", "Flumazenil", T0 - 86400, true);
	assert_int_equal(confusion_report_compute(&r, fx->progress, &fx->bank, &fx->lib, 6), 0);
	assert_int_equal(r.npairs, 2);
	assert_ptr_equal(r.pairs[0].asked, fx->baclofen);
	assert_ptr_equal(r.pairs[0].chosen, fx->benzos);
	assert_int_equal(r.pairs[0].wrong, 3);
	assert_int_equal(confusion_strength(&r.pairs[0]), 3);
	assert_int_equal(r.pairs[0].last, T0 + 2 * 86400);
	/* Weaker though more recent: second. */
	assert_ptr_equal(r.pairs[1].chosen, fx->gabapentin);
	confusion_report_release(&r);

	/* A re-ask answered right does not fade; a first answer does, once per pair it contrasts. */
	answer(fx, "benzodiazepines:fact:receptor", "GABA-A receptor (benzodiazepine site)", T0 + 6 * 86400, false);
	answer(fx, "benzodiazepines:fact:receptor", "GABA-A receptor (benzodiazepine site)", T0 + 7 * 86400, true);
	answer(fx, "baclofen-renal", "By the kidneys", T0 + 7 * 86400, true);	/* no contrast */
	assert_int_equal(confusion_report_compute(&r, fx->progress, &fx->bank, &fx->lib, 6), 0);
	assert_int_equal(r.npairs, 2);
	assert_int_equal(r.pairs[0].cleared, 1);
	assert_int_equal(confusion_strength(&r.pairs[0]), 2);
	confusion_report_release(&r);

	/* Both pairs fade to nothing: neither is listed. */
	answer(fx, "baclofen-receptor", "GABA-B receptor", T0 + 8 * 86400, true);
	answer(fx, "baclofen:fact:receptor", "GABA-B receptor", T0 + 9 * 86400, true);
	assert_int_equal(confusion_report_compute(&r, fx->progress, &fx->bank, &fx->lib, 6), 0);
	assert_int_equal(r.npairs, 0);
	confusion_report_release(&r);

	/* A new wrong answer brings the pair back, counted from there. */
	answer(fx, "baclofen-receptor", "GABA-A receptor (benzodiazepine site)", T0 + 10 * 86400, true);
	assert_int_equal(confusion_report_compute(&r, fx->progress, &fx->bank, &fx->lib, 6), 0);
	assert_int_equal(r.npairs, 1);
	assert_int_equal(r.pairs[0].wrong, 1);
	assert_int_equal(r.pairs[0].cleared, 0);
	confusion_report_release(&r);
}

static void leeches_are_questions_failed_often(void **state)
{
	struct fixture *fx = *state;
	for (int i = 0; i < 3; i++) {
		answer(fx, "baclofen-renal", NULL, T0 + i * 86400, true);
		answer(fx, "baclofen-renal", NULL, T0 + i * 86400 + 60, false);	/* re-asks do not count */
		answer(fx, "baclofen-receptor", "GABA-A receptor (benzodiazepine site)", T0 + i * 86400, true);
	}
	answer(fx, "baclofen-receptor", "GABA-A receptor (benzodiazepine site)", T0 + 9 * 86400, true);
	struct confusion_report r;
	assert_int_equal(confusion_report_compute(&r, fx->progress, &fx->bank, &fx->lib, 3), 0);
	assert_int_equal(r.nleeches, 2);
	assert_string_equal(r.leeches[0].question->id, "baclofen-receptor");
	assert_int_equal(r.leeches[0].failures, 4);
	assert_ptr_equal(r.leeches[0].mixed_with, fx->benzos);
	assert_string_equal(r.leeches[1].question->id, "baclofen-renal");
	assert_int_equal(r.leeches[1].failures, 3);
	assert_null(r.leeches[1].mixed_with);
	assert_ptr_equal(confusion_leech(&r, quiz_bank_find(&fx->bank, "baclofen-renal")), &r.leeches[1]);
	assert_null(confusion_leech(&r, quiz_bank_find(&fx->bank, "baclofen:fact:uses")));
	char buf[256];
	assert_string_equal(confusion_leech_offer(&r.leeches[1], buf, sizeof buf),
			    "You have missed this question 3 times. Read Baclofen › Pharmacokinetics first.");
	assert_string_equal(confusion_leech_offer(&r.leeches[0], buf, sizeof buf),
			    "You have missed this question 4 times. Your wrong answers point to Benzodiazepines: "
			    "compare it with Baclofen first.");
	/* A short buffer is cut, never overrun. */
	char small[12];
	assert_int_equal(strlen(confusion_leech_offer(&r.leeches[0], small, sizeof small)), sizeof small - 1);
	confusion_report_release(&r);
	/* The default threshold (6, also for a nonsense one): none. */
	assert_int_equal(confusion_report_compute(&r, fx->progress, &fx->bank, &fx->lib, 0), 0);
	assert_int_equal(r.nleeches, 0);
	confusion_report_release(&r);
	/* No progress: an empty report. */
	assert_int_equal(confusion_report_compute(&r, NULL, &fx->bank, &fx->lib, 3), 0);
	assert_int_equal(r.npairs + r.nleeches, 0);
}

struct collected {
	char text[4096];
	size_t pairs, commands;
};

static int collect(const struct confusion_line *line, void *ctx)
{
	struct collected *c = ctx;
	size_t used = strlen(c->text);
	snprintf(c->text + used, sizeof c->text - used, "%s\n", line->text);
	c->pairs += line->kind == CONFUSION_PAIR;
	c->commands += line->kind == CONFUSION_COMMAND;
	if (line->kind == CONFUSION_PAIR || line->kind == CONFUSION_DETAIL || line->kind == CONFUSION_COMMAND)
		assert_true(line->pair || line->leech);
	return 0;
}

static int stop_at_once(const struct confusion_line *line, void *ctx)
{
	(void)line;
	(*(int *)ctx)++;
	return 7;
}

static void the_presenter_lists_strongest_first(void **state)
{
	struct fixture *fx = *state;
	setenv("TZ", "UTC", 1);
	for (int i = 0; i < 2; i++)
		answer(fx, "baclofen-receptor", "GABA-A receptor (benzodiazepine site)", T0 + i * 86400, true);
	answer(fx, "baclofen-receptor", "α2-adrenergic receptor", T0 + 3 * 86400, true);
	struct confusion_report r;
	assert_int_equal(confusion_report_compute(&r, fx->progress, &fx->bank, &fx->lib, 6), 0);
	struct collected c = { .pairs = 0 };
	assert_int_equal(confusions_render(&r, &fx->lib, CONFUSION_RENDER_PAIRS, 0, collect, &c), 0);
	assert_int_equal(c.pairs, 2);
	const char *first = strstr(c.text, "1. Baclofen ↔ Benzodiazepines: 2 wrong answers, last ");
	const char *second = strstr(c.text, "2. Baclofen ↔ Tizanidine: 1 wrong answer, last ");
	assert_non_null(first);
	assert_non_null(second);
	assert_true(first < second);
	assert_non_null(strstr(c.text, "Read:    rxplore show is-baclofen-a-benzo"));
	assert_null(strstr(c.text, "Leeches"));
	/* At most one pair: the rest is counted. */
	memset(&c, 0, sizeof c);
	assert_int_equal(confusions_render(&r, &fx->lib, CONFUSION_RENDER_PAIRS | CONFUSION_RENDER_LEECHES, 1,
					   collect, &c),
			 0);
	assert_int_equal(c.pairs, 1);
	assert_non_null(strstr(c.text, "… and 1 more: rxplore confusions"));
	assert_non_null(strstr(c.text, "Leeches"));
	int calls = 0;
	assert_int_equal(confusions_render(&r, &fx->lib, CONFUSION_RENDER_PAIRS, 0, stop_at_once, &calls), 7);
	assert_int_equal(calls, 1);
	confusion_report_release(&r);
}

int main(void)
{
#define FX(test) cmocka_unit_test_setup_teardown(test, setup, teardown)
	const struct CMUnitTest tests[] = {
		FX(choices_know_their_topic),
		FX(contrasts_are_the_questions_whose_answers_differ),
		FX(the_explainer_covers_both),
		FX(confusions_count_order_and_fade),
		FX(leeches_are_questions_failed_often),
		FX(the_presenter_lists_strongest_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
