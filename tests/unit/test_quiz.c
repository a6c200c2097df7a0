/* Unit tests for quiz: the question bank (authored and generated questions,
 * distractor rules, stable ids) and sessions (practice re-asks, review
 * selection, exam scoring, undo, grade overrides, first-answer-only memory). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "fixture_dir.h"
#include "fixture_pack.h"
#include "loader.h"
#include "progress.h"
#include "quiz.h"
#include "text.h"

#define PINNED_NOW "2026-11-21T09:30:00"

/* --- building libraries by hand ------------------------------------------ */

struct fact_spec {
	const char *key, *value;
};

static struct card *make_card(struct library *lib, const char *id, enum card_kind kind, const char *member_of,
			      const struct fact_spec *facts, size_t nfacts)
{
	struct card *card = arena_alloc(&lib->arena, sizeof *card);
	assert_non_null(card);
	card->id = arena_strdup(&lib->arena, id);
	char title[64];
	snprintf(title, sizeof title, "Title of %s", id);
	card->title = arena_strdup(&lib->arena, title);
	card->kind = kind;
	card->member_of = member_of ? arena_strdup(&lib->arena, member_of) : NULL;
	card->text[SECTION_SUMMARY] = "Summary.";
	card->facts = arena_array(&lib->arena, nfacts + 1, sizeof *card->facts);
	for (size_t i = 0; i < nfacts; i++)
		card->facts[i] = (struct card_fact){ arena_strdup(&lib->arena, facts[i].key),
						     arena_strdup(&lib->arena, facts[i].value) };
	card->nfacts = nfacts;
	assert_int_equal(library_add_card(lib, card), 0);
	return card;
}

static void add_vocab(struct library *lib, const char *key, const char *ask)
{
	struct vocab_entry entry = { arena_strdup(&lib->arena, key), arena_strdup(&lib->arena, key),
				     ask ? arena_strdup(&lib->arena, ask) : NULL };
	assert_int_equal(library_add_vocab(lib, &entry), 0);
}

/* Eight cards in two classes, values chosen to trip every distractor rule. */
struct spec_card {
	const char *id;
	enum card_kind kind;
	const char *member_of;
	const char *target, *class_name;
};

static const struct spec_card spec_cards[] = {
	{ "opioids", CARD_CLASS, NULL, "Opioid receptors", "Opioid" },
	{ "morphine", CARD_DRUG, "opioids", "mu receptor", "Opioid" },
	{ "codeine", CARD_DRUG, "opioids", "MU RECEPTOR (weak)", "Opioid" },
	{ "benzos", CARD_CLASS, NULL, "GABA-A", "Benzodiazepine" },
	{ "diazepam", CARD_DRUG, "benzos", "GABA-A receptor", "Benzodiazepine" },
	{ "oxazepam", CARD_DRUG, "benzos", "gaba-a receptor", "Benzodiazepine" },
	{ "baclofen", CARD_DRUG, NULL, "GABA-B receptor", "Muscle relaxant" },
	{ "lonely", CARD_DRUG, NULL, "   ", "Muscle relaxant" },
};
#define NSPEC (sizeof spec_cards / sizeof *spec_cards)

static void build_spec_library(struct library *lib, const size_t *order)
{
	library_init(lib);
	add_vocab(lib, "target", "What does {title} act on? ({title})");
	add_vocab(lib, "class", "Which class is {title} in?");
	add_vocab(lib, "note", NULL);
	for (size_t k = 0; k < NSPEC; k++) {
		const struct spec_card *s = &spec_cards[order ? order[k] : k];
		struct fact_spec facts[] = { { "target", s->target }, { "class", s->class_name }, { "note", "x" } };
		make_card(lib, s->id, s->kind, s->member_of, facts, 3);
	}
}

static const struct quiz_question *find_or_null(const struct quiz_bank *bank, const char *id)
{
	return quiz_bank_find(bank, id);
}

static void assert_choices_sound(const struct quiz_question *q)
{
	size_t right = 0;
	assert_true(q->nchoices >= 2 && q->nchoices <= QUESTION_MAX_CHOICES);
	for (size_t i = 0; i < q->nchoices; i++) {
		assert_non_null(q->choices[i]);
		assert_true(q->choices[i][0] != '\0');
		right += q->correct[i];
		for (size_t j = i + 1; j < q->nchoices; j++)
			assert_int_not_equal(text_casecmp(q->choices[i], q->choices[j]), 0);
	}
	assert_true(right >= 1);
}

static void generated_questions_follow_the_rules(void **state)
{
	(void)state;
	struct library lib;
	build_spec_library(&lib, NULL);
	struct quiz_bank bank;
	assert_int_equal(quiz_bank_build(&bank, &lib), 0);
	for (size_t i = 0; i < bank.count; i++) {
		const struct quiz_question *q = &bank.items[i];
		assert_true(q->generated);
		assert_choices_sound(q);
		assert_int_equal(q->type, QUESTION_SINGLE);
		assert_int_equal(q->see, SECTION_FACTS);
		/* The right answer is the card's own value, and no distractor
		 * contains it or sits inside it. */
		const char *key = strrchr(q->id, ':') + 1;
		assert_true(q->correct[0]);
		assert_string_equal(q->choices[0], card_fact(q->card, key));
		for (size_t c = 1; c < q->nchoices; c++) {
			assert_false(q->correct[c]);
			assert_null(text_find_nocase(q->choices[c], q->choices[0]));
			assert_null(text_find_nocase(q->choices[0], q->choices[c]));
		}
		assert_null(strstr(q->ask, "{title}"));
	}
	/* No question for a vocabulary entry without ask, none for a blank value,
	 * and a class card is never asked its own class. */
	assert_null(find_or_null(&bank, "morphine:fact:note"));
	assert_null(find_or_null(&bank, "lonely:fact:target"));
	assert_null(find_or_null(&bank, "opioids:fact:class"));
	assert_non_null(find_or_null(&bank, "morphine:fact:class"));
	assert_null(find_or_null(&bank, "nobody:fact:class"));

	const struct quiz_question *q = find_or_null(&bank, "morphine:fact:target");
	assert_non_null(q);
	assert_string_equal(q->ask, "What does Title of morphine act on? (Title of morphine)");
	/* codeine's "MU RECEPTOR (weak)" contains the answer: never a distractor.
	 * Out-of-family values exist, so the opioid class card is not used either. */
	for (size_t c = 0; c < q->nchoices; c++) {
		assert_null(text_find_nocase(q->choices[c], "weak"));
		assert_null(text_find_nocase(q->choices[c], "Opioid receptors"));
	}
	/* diazepam: oxazepam's value is the same ignoring case, so not a choice. */
	q = find_or_null(&bank, "diazepam:fact:target");
	assert_non_null(q);
	for (size_t c = 1; c < q->nchoices; c++)
		assert_int_not_equal(text_casecmp(q->choices[c], "GABA-A receptor"), 0);
	quiz_bank_release(&bank);
	library_release(&lib);
}

static void too_few_distractors_means_no_question(void **state)
{
	(void)state;
	struct library lib;
	library_init(&lib);
	add_vocab(&lib, "target", "Target of {title}?");
	struct fact_spec a[] = { { "target", "Alpha" } }, b[] = { { "target", "alpha" } },
			 c[] = { { "target", "Beta" } }, d[] = { { "target", "Alpha beta" } };
	make_card(&lib, "a", CARD_DRUG, NULL, a, 1);
	make_card(&lib, "b", CARD_DRUG, NULL, b, 1);
	make_card(&lib, "c", CARD_DRUG, NULL, c, 1);
	make_card(&lib, "d", CARD_DRUG, NULL, d, 1);
	struct quiz_bank bank;
	assert_int_equal(quiz_bank_build(&bank, &lib), 0);
	/* a: "alpha" repeats it, "Alpha beta" contains it: only Beta is left. */
	assert_null(quiz_bank_find(&bank, "a:fact:target"));
	assert_null(quiz_bank_find(&bank, "b:fact:target"));
	/* c: Alpha (or alpha, once) and... "Alpha beta" contains Beta: too few. */
	assert_null(quiz_bank_find(&bank, "c:fact:target"));
	assert_int_equal(bank.count, 0);
	/* Each question left out is recorded with why, for `check`'s notes. */
	assert_int_equal(bank.ndrops, 4);
	for (size_t i = 0; i < bank.ndrops; i++) {
		assert_int_equal(bank.drops[i].reason, QUIZ_DROP_FEW_DISTRACTORS);
		assert_string_equal(bank.drops[i].key, "target");
		assert_true(bank.drops[i].distractors < 2);
	}
	assert_string_equal(bank.drops[0].card->id, "a");
	assert_int_equal(bank.drops[0].distractors, 1);
	struct diag_list diags;
	diag_list_init(&diags);
	quiz_bank_note_drops(&bank, &diags);
	assert_int_equal(diags.count, 4);
	assert_int_equal(diags.errors + diags.warnings, 0);
	assert_int_equal(diags.items[0].severity, DIAG_NOTE);
	assert_non_null(strstr(diags.items[0].message, "no generated question on 'target' for 'a': 1 fair distractor"));
	diag_list_release(&diags);
	quiz_bank_release(&bank);
	library_release(&lib);
}

/* The bundled pack's bank, every generated question: the answer is the
 * asked card's own cell, and no distractor equals it, sits inside it or
 * contains it (case and spacing aside), nor repeats another choice. */
/* A generated matching: each right item is its own card's cell, and no right
 * item equals, contains or sits inside another, so each fits one title. */
static void expect_fair_matching(const struct quiz_question *q)
{
	assert_non_null(q->fact);
	assert_true(q->nchoices >= 3 && q->nchoices <= 4);
	for (size_t i = 0; i < q->nchoices; i++) {
		assert_non_null(q->choice_topic[i]);
		assert_string_equal(q->choices[i], q->choice_topic[i]->title);
		assert_string_equal(q->matches[i], card_fact(q->choice_topic[i], q->fact));
		for (size_t j = 0; j < i; j++)
			if (text_casecmp(q->matches[i], q->matches[j]) == 0 ||
			    text_find_nocase(q->matches[i], q->matches[j]) || text_find_nocase(q->matches[j], q->matches[i]))
				fail_msg("%s: '%s' and '%s' could both fit", q->id, q->matches[i], q->matches[j]);
	}
}

static void bundled_bank_is_fair(void **state)
{
	(void)state;
	struct diag_list diags;
	struct library lib;
	fixture_pack_load(&lib, &diags, "../../content");
	assert_int_equal(diags.errors, 0);
	assert_true(lib.ncards >= 60);
	struct quiz_bank bank;
	assert_int_equal(quiz_bank_build(&bank, &lib), 0);
	size_t generated = 0, matchings = 0;
	for (size_t i = 0; i < bank.count; i++) {
		const struct quiz_question *q = &bank.items[i];
		/* A generated typed question has no distractors to be unfair, nor a
		 * ranking (test_fact_hours checks that its ranges are apart). */
		if (!q->generated || q->type == QUESTION_TYPED || q->type == QUESTION_ORDER)
			continue;
		generated++;
		if (q->type == QUESTION_MATCH) {
			matchings++;
			expect_fair_matching(q);
			continue;
		}
		const char *key = strstr(q->id, ":fact:");
		assert_non_null(key);
		const char *cell = card_fact(q->card, key + 6);
		assert_non_null(cell);
		assert_true(q->correct[0]);
		assert_string_equal(q->choices[0], cell);
		for (size_t c = 1; c < q->nchoices; c++) {
			const char *d = q->choices[c];
			if (!q->correct[c] && text_casecmp(d, cell) != 0 && !text_find_nocase(cell, d) &&
			    !text_find_nocase(d, cell))
				continue;
			fail_msg("%s: distractor '%s' is true of the card ('%s')", q->id, d, cell);
		}
		for (size_t c = 0; c < q->nchoices; c++)
			for (size_t e = 0; e < c; e++)
				if (text_casecmp(q->choices[c], q->choices[e]) == 0)
					fail_msg("%s: choice '%s' is offered twice", q->id, q->choices[c]);
	}
	assert_true(generated >= 50);
	assert_true(matchings >= 10);
	quiz_bank_release(&bank);
	library_release(&lib);
	diag_list_release(&diags);
}

/* m1's use with a sibling (m2, "Cough") and `others` cards outside its family. */
static const struct quiz_question *family_question(struct library *lib, struct quiz_bank *bank, size_t others)
{
	static const char *const ids[] = { "o1", "o2", "o3" }, *const uses[] = { "Sleep", "Spasm", "Seizures" };
	library_init(lib);
	add_vocab(lib, "use", "Use of {title}?");
	struct fact_spec f1[] = { { "use", "Pain" } }, f2[] = { { "use", "Cough" } };
	make_card(lib, "m1", CARD_DRUG, "fam", f1, 1);
	make_card(lib, "m2", CARD_DRUG, "fam", f2, 1);
	for (size_t i = 0; i < others; i++) {
		struct fact_spec f[] = { { "use", uses[i] } };
		make_card(lib, ids[i], CARD_DRUG, i == 2 ? NULL : "other", f, 1);
	}
	assert_int_equal(quiz_bank_build(bank, lib), 0);
	const struct quiz_question *q = quiz_bank_find(bank, "m1:fact:use");
	assert_non_null(q);
	return q;
}

static bool has_choice(const struct quiz_question *q, const char *text)
{
	for (size_t c = 0; c < q->nchoices; c++)
		if (strcmp(q->choices[c], text) == 0)
			return true;
	return false;
}

static void siblings_only_when_needed(void **state)
{
	(void)state;
	struct library lib;
	struct quiz_bank bank;
	/* Enough cards outside the family: three distractors, no sibling. */
	const struct quiz_question *q = family_question(&lib, &bank, 3);
	assert_int_equal(q->nchoices, 4);
	assert_false(has_choice(q, "Cough"));
	quiz_bank_release(&bank);
	library_release(&lib);
	/* Two outside: the minimum is met, so the sibling stays out. */
	q = family_question(&lib, &bank, 2);
	assert_int_equal(q->nchoices, 3);
	assert_false(has_choice(q, "Cough"));
	quiz_bank_release(&bank);
	library_release(&lib);
	/* One outside: the sibling makes up the minimum. */
	q = family_question(&lib, &bank, 1);
	assert_int_equal(q->nchoices, 3);
	assert_true(has_choice(q, "Cough"));
	quiz_bank_release(&bank);
	library_release(&lib);
}

static void ids_survive_reordering(void **state)
{
	(void)state;
	static const size_t reversed[NSPEC] = { 7, 6, 5, 4, 3, 2, 1, 0 };
	struct library one, two;
	build_spec_library(&one, NULL);
	build_spec_library(&two, reversed);
	struct quiz_bank a, b;
	assert_int_equal(quiz_bank_build(&a, &one), 0);
	assert_int_equal(quiz_bank_build(&b, &two), 0);
	assert_int_equal(a.count, b.count);
	assert_true(a.count >= 8);
	for (size_t i = 0; i < a.count; i++) {
		const struct quiz_question *other = quiz_bank_find(&b, a.items[i].id);
		assert_non_null(other);
		assert_string_equal(other->card->id, a.items[i].card->id);
		assert_string_equal(other->choices[0], a.items[i].choices[0]);
		assert_ptr_equal(quiz_bank_find(&a, a.items[i].id), &a.items[i]);
	}
	quiz_bank_release(&a);
	quiz_bank_release(&b);
	library_release(&one);
	library_release(&two);
}

/* --- the fixture pack ------------------------------------------------------ */

struct fixture {
	struct library lib;
	struct quiz_bank bank;
	char dir[4096], db[4200];
	struct progress *progress;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	struct diag_list diags;
	fixture_pack_load(&fx->lib, &diags, "basic");
	diag_list_release(&diags);
	if (quiz_bank_build(&fx->bank, &fx->lib) < 0)
		return -1;
	if (!fixture_dir_make(fx->dir, sizeof fx->dir, "test_quiz"))
		return -1;
	snprintf(fx->db, sizeof fx->db, "%s/progress.db", fx->dir);
	struct progress_notice notice;
	fx->progress = progress_open(fx->db, &notice);
	if (!fx->progress || !progress_can_save(fx->progress))
		return -1;
	setenv("RXPLORE_NOW", PINNED_NOW, 1);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	progress_close(fx->progress);
	fixture_dir_remove(fx->dir);
	quiz_bank_release(&fx->bank);
	library_release(&fx->lib);
	free(fx);
	return 0;
}

static struct quiz_settings settings_for(enum quiz_mode mode, unsigned long long seed)
{
	struct quiz_settings s = { .mode = mode, .seed = seed, .new_per_day = 20, .exam_day = -1 };
	fsrs_params_default(&s.schedule.params);
	s.schedule.rollover_hour = 4;
	return s;
}

/* The display positions of the right answer(s) / of one wrong one. */
static unsigned right_positions(const struct quiz_item *item)
{
	unsigned bits = 0;
	for (size_t p = 0; p < item->question->nchoices; p++)
		if (quiz_item_choice_correct(item, p))
			bits |= 1u << p;
	return bits;
}

static unsigned wrong_position(const struct quiz_item *item)
{
	for (size_t p = 0; p < item->question->nchoices; p++)
		if (!quiz_item_choice_correct(item, p))
			return 1u << p;
	fail();
	return 0;
}

struct log {
	size_t count, memory_updates;
	int last_grade;
	char last_question[128];
};

static int log_each(const struct progress_review *review, void *ctx)
{
	struct log *log = ctx;
	log->count++;
	log->memory_updates += review->updated_memory;
	log->last_grade = (int)review->grade;
	snprintf(log->last_question, sizeof log->last_question, "%s", review->question_id);
	return 0;
}

static struct log read_log(struct progress *progress)
{
	struct log log = { 0 };
	assert_int_equal(progress_each_review(progress, log_each, &log), 0);
	return log;
}

static void the_fixture_bank(void **state)
{
	struct fixture *fx = *state;
	const struct quiz_question *q = quiz_bank_find(&fx->bank, "alphazine-all");
	assert_non_null(q);
	assert_int_equal(q->type, QUESTION_MULTI);
	assert_false(q->generated);
	assert_int_equal(q->see, SECTION_MECHANISM);
	q = quiz_bank_find(&fx->bank, "betamol-agonist");
	assert_non_null(q);
	assert_int_equal(q->type, QUESTION_TRUE_FALSE);
	assert_string_equal(q->choices[0], "True");
	assert_true(q->correct[1]);
	assert_non_null(quiz_bank_find(&fx->bank, "alphazine:fact:uses"));
	for (size_t i = 0; i < fx->bank.count; i++)
		assert_choices_sound(&fx->bank.items[i]);
	assert_null(quiz_bank_find(&fx->bank, ""));
}

static void same_seed_same_session(void **state)
{
	struct fixture *fx = *state;
	struct quiz_settings s = settings_for(QUIZ_PRACTICE, 42);
	struct quiz_session a, b, c;
	assert_int_equal(quiz_session_start(&a, &fx->bank, NULL, &s), 0);
	assert_int_equal(quiz_session_start(&b, &fx->bank, NULL, &s), 0);
	s.seed = 43;
	assert_int_equal(quiz_session_start(&c, &fx->bank, NULL, &s), 0);
	assert_int_equal(a.count, fx->bank.count);
	bool differs = false;
	for (size_t i = 0; i < a.count; i++) {
		assert_ptr_equal(a.items[i].question, b.items[i].question);
		assert_memory_equal(a.items[i].order, b.items[i].order, sizeof a.items[i].order);
		differs = differs || a.items[i].question != c.items[i].question ||
			  memcmp(a.items[i].order, c.items[i].order, sizeof a.items[i].order) != 0;
	}
	assert_true(differs);
	quiz_session_release(&a);
	quiz_session_release(&b);
	quiz_session_release(&c);
}

static void practice_reasks_wrong_answers(void **state)
{
	struct fixture *fx = *state;
	const struct card *topic = library_find(&fx->lib, "alphazine");
	struct quiz_settings s = settings_for(QUIZ_PRACTICE, 7);
	s.topics = &topic;
	s.ntopics = 1;
	struct quiz_session session;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	assert_int_equal(session.count, 4); /* two authored, two generated */
	struct quiz_item *item = quiz_session_current(&session);
	const struct quiz_question *missed = item->question;
	assert_int_equal(quiz_session_next(&session), -1); /* not answered yet */
	assert_int_equal(quiz_session_answer(&session, wrong_position(item), false, 900), QUIZ_WRONG);
	assert_int_equal(session.count, 5);
	assert_true(session.items[1 + QUIZ_REASK_GAP].reask);
	assert_ptr_equal(session.items[1 + QUIZ_REASK_GAP].question, missed);
	assert_int_equal(quiz_session_next(&session), 0);

	/* Answer the rest: the re-ask comes back, is wrong once more, then right. */
	size_t asked = 0, missed_seen = 0;
	while ((item = quiz_session_current(&session)) != NULL) {
		asked++;
		if (item->question == missed && missed_seen++ == 0) {
			assert_true(item->reask);
			assert_int_equal(quiz_session_answer(&session, 0, true, 100), QUIZ_DONT_KNOW);
		} else {
			assert_int_equal(quiz_session_answer(&session, right_positions(item), false, 100),
					 QUIZ_CORRECT);
		}
		assert_int_equal(quiz_session_next(&session), 0);
	}
	assert_int_equal(missed_seen, 2);
	assert_int_equal(asked, 5);
	assert_true(quiz_session_done(&session));
	struct log log = read_log(fx->progress);
	assert_int_equal(log.count, 6);
	assert_int_equal(log.memory_updates, 4); /* one per question: re-asks are practice only */
	struct progress_state st;
	assert_int_equal(progress_state(fx->progress, missed->id, &st), 0);
	assert_int_equal(st.reviews, 1);
	assert_int_equal(st.lapses, 0);

	struct quiz_summary sum;
	assert_int_equal(quiz_session_summary(&session, &sum), 0);
	assert_int_equal(sum.asked, 4);
	assert_int_equal(sum.correct, 3);
	quiz_summary_release(&sum);
	quiz_session_release(&session);
}

static void answers_that_do_not_fit_are_refused(void **state)
{
	struct fixture *fx = *state;
	const struct card *topic = library_find(&fx->lib, "betamol");
	struct quiz_settings s = settings_for(QUIZ_PRACTICE, 3);
	s.topics = &topic;
	s.ntopics = 1;
	struct quiz_session session;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	struct quiz_item *item = quiz_session_current(&session);
	assert_non_null(item);
	assert_int_equal(quiz_session_answer(&session, 0, false, 0), -1);	/* nothing chosen */
	assert_int_equal(quiz_session_answer(&session, 3, false, 0), -1);	/* two on a single */
	assert_int_equal(quiz_session_answer(&session, 1u << 5, false, 0), -1);	/* no such choice */
	assert_int_equal(quiz_session_grade(&session, FSRS_EASY), -1);	/* nothing answered */
	assert_int_equal(quiz_session_undo(&session), -1);
	assert_int_equal(read_log(fx->progress).count, 0);
	assert_int_equal(quiz_session_answer(&session, right_positions(item), false, 0), QUIZ_CORRECT);
	assert_int_equal(quiz_session_answer(&session, right_positions(item), false, 0), -1); /* twice */
	assert_int_equal(quiz_session_grade(&session, 7), -1);
	quiz_session_release(&session);
}

static void grade_override_replaces_the_answer(void **state)
{
	struct fixture *fx = *state;
	struct quiz_settings s = settings_for(QUIZ_PRACTICE, 5);
	struct quiz_session session;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	struct quiz_item *item = quiz_session_current(&session);
	assert_int_equal(quiz_session_answer(&session, right_positions(item), false, 0), QUIZ_CORRECT);
	assert_int_equal(item->grade, FSRS_GOOD);
	assert_int_equal(quiz_session_grade(&session, FSRS_EASY), 0);
	struct log log = read_log(fx->progress);
	assert_int_equal(log.count, 1);
	assert_int_equal(log.last_grade, FSRS_EASY);
	struct progress_state st;
	assert_int_equal(progress_state(fx->progress, item->question->id, &st), 0);
	assert_int_equal(st.reviews, 1);
	/* Easy on a first review: stability w[3]. */
	assert_true(st.stability > 8.29 && st.stability < 8.30);
	quiz_session_release(&session);
}

static void undo_takes_back_the_last_answer(void **state)
{
	struct fixture *fx = *state;
	struct quiz_settings s = settings_for(QUIZ_PRACTICE, 11);
	struct quiz_session session;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	size_t count = session.count;
	struct quiz_item *item = quiz_session_current(&session);
	const struct quiz_question *first = item->question;
	assert_int_equal(quiz_session_answer(&session, right_positions(item), false, 0), QUIZ_CORRECT);
	assert_int_equal(quiz_session_next(&session), 0);
	item = quiz_session_current(&session);
	const struct quiz_question *second = item->question;
	assert_int_equal(quiz_session_answer(&session, wrong_position(item), false, 0), QUIZ_WRONG);
	assert_int_equal(session.count, count + 1);

	/* Undo the wrong answer while its feedback shows: the re-ask goes too. */
	assert_int_equal(quiz_session_undo(&session), 0);
	assert_int_equal(session.count, count);
	assert_int_equal(session.current, 1);
	assert_ptr_equal(quiz_session_current(&session)->question, second);
	assert_int_equal(quiz_session_current(&session)->outcome, QUIZ_UNANSWERED);
	assert_int_equal(read_log(fx->progress).count, 1);

	/* Undo after moving on: back to the first question, its memory restored. */
	assert_int_equal(quiz_session_undo(&session), 0);
	assert_int_equal(session.current, 0);
	assert_ptr_equal(quiz_session_current(&session)->question, first);
	assert_int_equal(read_log(fx->progress).count, 0);
	struct progress_state st;
	assert_int_equal(progress_state(fx->progress, first->id, &st), 0);
	assert_int_equal(st.reviews, 0);
	assert_int_equal(quiz_session_undo(&session), -1);

	/* Answered again after the undo, it is a first answer once more. */
	item = quiz_session_current(&session);
	assert_int_equal(quiz_session_answer(&session, wrong_position(item), false, 0), QUIZ_WRONG);
	assert_true(item->updated_memory);
	assert_int_equal(read_log(fx->progress).memory_updates, 1);
	quiz_session_release(&session);
}

/* Logs a memory-updating answer to a question at `when`. */
static void answer_in(struct fixture *fx, const struct quiz_question *q, const char *when, enum fsrs_grade grade,
		      enum progress_mode mode)
{
	struct progress_schedule schedule = { .rollover_hour = 4 };
	fsrs_params_default(&schedule.params);
	time_t at;
	assert_true(clock_parse(when, &at));
	struct progress_answer answer = { .question_id = q->id, .card_id = q->card->id, .at = at,
					   .grade = grade, .mode = mode, .update_memory = true };
	assert_true(progress_record(fx->progress, &schedule, &answer, NULL) > 0);
}

static void introduce(struct fixture *fx, const struct quiz_question *q, const char *when)
{
	answer_in(fx, q, when, FSRS_GOOD, PROGRESS_PRACTICE);
}

/* A question's past answers, "TIME/GRADE" each, recorded as a review would. */
static void give_history(struct fixture *fx, const struct quiz_question *q, const struct progress_schedule *schedule,
			 const char *const *answers)
{
	for (; *answers; answers++) {
		char when[32];
		int grade;
		assert_int_equal(sscanf(*answers, "%31[^/]/%d", when, &grade), 2);
		time_t at;
		assert_true(clock_parse(when, &at));
		struct progress_answer answer = { .question_id = q->id, .card_id = q->card->id, .at = at,
						   .grade = (enum fsrs_grade)grade, .mode = PROGRESS_REVIEW,
						   .update_memory = true };
		assert_true(progress_record(fx->progress, schedule, &answer, NULL) > 0);
	}
}

/* The interval each grade key shows is the one then stored: over all four
 * grades, for a new question, one in each learning step, one in review and
 * one relearning. */
static void grade_preview_is_what_is_stored(void **state)
{
	struct fixture *fx = *state;
	static const char *const histories[][4] = {
		{ NULL },						/* new */
		{ "2026-11-21T09:20:00/1", NULL },			/* learning, first step */
		{ "2026-11-21T09:20:00/3", NULL },			/* learning, second step */
		{ "2026-11-01T09:00:00/4", NULL },			/* review, 20 days on */
		{ "2026-11-01T09:00:00/4", "2026-11-21T09:10:00/1", NULL }, /* relearning */
	};
	enum sched_phase phases[] = { SCHED_NEW, SCHED_LEARNING, SCHED_LEARNING, SCHED_REVIEW, SCHED_RELEARNING };
	size_t n = sizeof histories / sizeof *histories;
	assert_true(fx->bank.count >= n);
	struct quiz_settings s = settings_for(QUIZ_REVIEW, 7);
	sched_steps_default(&s.schedule.steps);
	for (size_t h = 0; h < n; h++)
		give_history(fx, &fx->bank.items[h], &s.schedule, histories[h]);
	s.new_per_day = 3;	/* two were introduced in Review today: room for one more */
	struct quiz_session session;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	assert_int_equal(session.fresh, 1);
	size_t checked = 0;
	for (struct quiz_item *item; (item = quiz_session_current(&session)); quiz_session_next(&session)) {
		size_t h = (size_t)(item->question - fx->bank.items);
		if (item->reask || h >= n)
			continue;
		assert_true(quiz_session_answer(&session, right_positions(item), false, 0) >= 0);
		item = quiz_session_current(&session);
		assert_int_equal(item->position.phase, phases[h]);
		char preview[128], shown[32], expected[128] = "";
		quiz_session_grade_preview(&session, true, preview, sizeof preview);
		for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
			assert_int_equal(quiz_session_grade(&session, (enum fsrs_grade)g), 0);
			item = quiz_session_current(&session);
			struct sched_result promised = quiz_item_schedule(&session, item, (enum fsrs_grade)g);
			struct progress_state stored;
			struct sched_position position;
			assert_int_equal(progress_state(fx->progress, item->question->id, &stored), 0);
			assert_int_equal(progress_position(fx->progress, &s.schedule.steps, item->question->id,
							   &position), 0);
			assert_int_equal(stored.due_day, promised.due_day);
			assert_int_equal(position.phase, promised.card.position.phase);
			if (position.delay > 0)
				assert_int_equal(stored.last_review + position.delay, promised.due_at);
			else
				assert_int_equal(stored.due_day - clock_day(item->answered_at, 4),
						 promised.interval_days);
			size_t used = strlen(expected);
			snprintf(expected + used, sizeof expected - used, "%s%d %s %s", g > 1 ? " \xC2\xB7 " : "", g,
				 sched_grade_name((enum fsrs_grade)g), sched_interval_text(&promised, shown, sizeof shown));
		}
		assert_string_equal(preview, expected);
		checked++;
	}
	assert_int_equal(checked, n);
	quiz_session_release(&session);
}

/* In Review a miss comes back in the same session, and its answer then moves
 * memory on (the next learning step). */
static void review_miss_comes_back_the_same_session(void **state)
{
	struct fixture *fx = *state;
	struct quiz_settings s = settings_for(QUIZ_REVIEW, 11);
	sched_steps_default(&s.schedule.steps);
	s.new_per_day = 2;
	struct quiz_session session;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	assert_int_equal(session.count, 2);
	struct quiz_item *item = quiz_session_current(&session);
	const struct quiz_question *missed = item->question;
	assert_int_equal(quiz_session_answer(&session, 0, true, 0), QUIZ_DONT_KNOW);
	assert_int_equal(session.count, 3);
	assert_true(session.items[2].reask && session.items[2].step);
	assert_ptr_equal(session.items[2].question, missed);
	/* Overriding with Easy graduates it: the step is dropped; Again brings it back. */
	assert_int_equal(quiz_session_grade(&session, FSRS_EASY), 0);
	assert_int_equal(session.count, 2);
	assert_int_equal(quiz_session_grade(&session, FSRS_AGAIN), 0);
	assert_int_equal(session.count, 3);
	quiz_session_next(&session);
	item = quiz_session_current(&session);
	assert_int_equal(quiz_session_answer(&session, right_positions(item), false, 0), QUIZ_CORRECT);
	quiz_session_next(&session);
	item = quiz_session_current(&session);
	assert_ptr_equal(item->question, missed);
	assert_int_equal(quiz_session_answer(&session, right_positions(item), false, 0), QUIZ_CORRECT);
	assert_true(session.items[2].updated_memory);
	struct progress_state st;
	assert_int_equal(progress_state(fx->progress, missed->id, &st), 0);
	assert_int_equal(st.reviews, 2);
	/* First step passed (Good): the second step, still due today. */
	assert_int_equal(st.due_day, clock_day(clock_now(), 4));
	quiz_session_release(&session);
}

struct memory_dump {
	char text[8192];
	size_t used;
};

static int dump_state(const char *question_id, const char *card_id, const struct progress_state *st, void *ctx)
{
	struct memory_dump *d = ctx;
	int n = snprintf(d->text + d->used, sizeof d->text - d->used, "%s %s %.17g %.17g %lld %ld %d %d\n",
			 question_id, card_id, st->stability, st->difficulty, (long long)st->last_review, st->due_day,
			 st->reviews, st->lapses);
	if (n > 0 && (size_t)n < sizeof d->text - d->used)
		d->used += (size_t)n;
	return 0;
}

static int count_cram(const struct progress_review *review, void *ctx)
{
	size_t *n = ctx;
	if (review->mode == PROGRESS_CRAM) {
		assert_false(review->updated_memory);
		(*n)++;
	}
	return 0;
}

/* Cram asks the reviewed questions most at risk on the exam day, and its
 * answers (right, wrong, not known, grade overrides) change no memory state. */
static void cram_changes_no_memory_state(void **state)
{
	struct fixture *fx = *state;
	assert_true(fx->bank.count >= 4);
	struct quiz_settings s = settings_for(QUIZ_CRAM, 5);
	sched_steps_default(&s.schedule.steps);
	static const char *const weak[] = { "2026-10-01T09:00:00/1", NULL }, *const strong[] = {
		"2026-11-01T09:00:00/4", "2026-11-15T09:00:00/4", NULL };
	give_history(fx, &fx->bank.items[0], &s.schedule, strong);
	give_history(fx, &fx->bank.items[1], &s.schedule, weak);
	give_history(fx, &fx->bank.items[2], &s.schedule, strong);
	struct memory_dump before = { .used = 0 }, after = { .used = 0 };
	assert_int_equal(progress_each_state(fx->progress, dump_state, &before), 0);
	s.exam_day = clock_day(clock_now(), 4) + 10;
	struct quiz_session session;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	assert_int_equal(session.count, 3);	/* only reviewed questions */
	assert_ptr_equal(session.items[0].question, &fx->bank.items[1]);	/* the weakest first */
	int turn = 0;
	for (struct quiz_item *item; (item = quiz_session_current(&session)); turn++) {
		if (turn % 3 == 0)
			quiz_session_answer(&session, 0, true, 0);
		else if (turn % 3 == 1)
			quiz_session_answer(&session, right_positions(item), false, 0);
		else
			quiz_session_answer(&session, wrong_position(item), false, 0);
		assert_false(quiz_session_current(&session)->updated_memory);
		char preview[64];
		assert_string_equal(quiz_session_grade_preview(&session, true, preview, sizeof preview), "");
		assert_int_equal(quiz_session_grade(&session, FSRS_EASY), 0);
		assert_int_equal(quiz_session_next(&session), 0);
		if (turn > 20)
			break;
	}
	assert_int_equal(progress_each_state(fx->progress, dump_state, &after), 0);
	assert_string_equal(before.text, after.text);
	size_t crams = 0;
	assert_int_equal(progress_each_review(fx->progress, count_cram, &crams), 0);
	assert_true(crams >= 3);
	quiz_session_release(&session);
	/* The store refuses a cram answer that would move memory. */
	struct progress_answer bad = { .question_id = "q", .card_id = "c", .at = clock_now(), .grade = FSRS_GOOD,
				       .mode = PROGRESS_CRAM, .update_memory = true };
	assert_int_equal(progress_record(fx->progress, &s.schedule, &bad, NULL), -1);
}

/* With an exam date, Review also asks what was scheduled past it at a lower
 * retention and would be below the target on the day. */
static void exam_date_brings_questions_forward(void **state)
{
	struct fixture *fx = *state;
	struct quiz_settings s = settings_for(QUIZ_REVIEW, 9);
	s.schedule.params.desired_retention = 0.75;
	static const char *const history[] = { "2026-11-01T09:00:00/4", "2026-11-20T09:00:00/3", NULL };
	give_history(fx, &fx->bank.items[0], &s.schedule, history);
	struct progress_state st;
	assert_int_equal(progress_state(fx->progress, fx->bank.items[0].id, &st), 0);
	long today = clock_day(clock_now(), 4);
	assert_true(st.due_day > today + 10);
	s.new_per_day = 0;
	s.schedule.params.desired_retention = 0.95;
	struct quiz_session session;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	assert_int_equal(session.count, 0);	/* no exam: nothing is due */
	quiz_session_release(&session);
	s.exam_day = st.due_day - 1;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	assert_int_equal(session.ahead, 1);
	assert_int_equal(session.due, 0);
	assert_ptr_equal(session.items[0].question, &fx->bank.items[0]);
	quiz_session_release(&session);
	/* A past exam brings nothing forward. */
	s.exam_day = today - 1;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	assert_int_equal(session.count, 0);
	quiz_session_release(&session);
}

static void review_takes_due_then_new_up_to_the_limit(void **state)
{
	struct fixture *fx = *state;
	/* Three questions met ten days ago (Good: due two days later), one more
	 * introduced earlier today in Review, one in practice (which does not use
	 * up the allowance). */
	assert_true(fx->bank.count >= 7);
	for (size_t i = 0; i < 3; i++)
		introduce(fx, &fx->bank.items[i], "2026-11-11T10:00:00");
	const struct quiz_question *today = &fx->bank.items[3];
	answer_in(fx, today, "2026-11-21T08:00:00", FSRS_GOOD, PROGRESS_REVIEW);
	const struct quiz_question *practised = &fx->bank.items[4];
	introduce(fx, practised, "2026-11-21T08:30:00");
	struct quiz_settings s;
	struct quiz_session session;
	s = settings_for(QUIZ_REVIEW, 5);
	s.new_per_day = 3;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	assert_int_equal(session.new_today, 1);
	assert_int_equal(session.due, 3);
	assert_int_equal(session.fresh, 2);
	assert_int_equal(session.count, 5);
	for (size_t i = 0; i < session.count; i++) {
		struct progress_state st;
		assert_int_equal(progress_state(fx->progress, session.items[i].question->id, &st), 0);
		if (i < 3)
			assert_true(st.reviews == 1 && st.due_day <= clock_day(clock_now(), 4));
		else
			assert_int_equal(st.reviews, 0);
		assert_ptr_not_equal(session.items[i].question, today);
		assert_ptr_not_equal(session.items[i].question, practised);
	}
	quiz_session_release(&session);

	/* The allowance used up: only the due ones. */
	s.new_per_day = 1;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	assert_int_equal(session.count, 3);
	assert_int_equal(session.fresh, 0);
	quiz_session_release(&session);
}

static bool in_session(const struct quiz_session *session, const struct quiz_question *q)
{
	for (size_t i = 0; i < session->count; i++)
		if (session->items[i].question == q)
			return true;
	return false;
}

/* A mistakes drill asks what was answered wrong on the last days, and only
 * that: a wrong answer since put right still counts (it was a mistake), one
 * older than the window does not. */
static void mistakes_drill_takes_recent_wrong_answers(void **state)
{
	struct fixture *fx = *state;
	assert_true(fx->bank.count >= 5);
	const struct quiz_question *q = fx->bank.items;
	answer_in(fx, &q[0], "2026-11-21T08:00:00", FSRS_AGAIN, PROGRESS_PRACTICE);	/* today */
	answer_in(fx, &q[1], "2026-11-21T08:05:00", FSRS_GOOD, PROGRESS_PRACTICE);		/* today, right */
	answer_in(fx, &q[2], "2026-11-21T03:00:00", FSRS_AGAIN, PROGRESS_PRACTICE);	/* before 04:00: yesterday */
	answer_in(fx, &q[3], "2026-11-16T10:00:00", FSRS_AGAIN, PROGRESS_PRACTICE);	/* five days ago */
	answer_in(fx, &q[4], "2026-11-10T10:00:00", FSRS_AGAIN, PROGRESS_PRACTICE);	/* eleven days ago */

	const struct quiz_kind *today = quiz_kind_find("mistakes"), *week = quiz_kind_find("mistakes-week");
	assert_non_null(today);
	assert_non_null(week);
	assert_int_equal(today->mode, QUIZ_PRACTICE);
	assert_int_equal(today->drill, QUIZ_DRILL_MISTAKES);
	assert_null(quiz_kind_find("mistake"));
	assert_null(quiz_kind_find(NULL));

	struct quiz_settings s = settings_for(QUIZ_PRACTICE, 9);
	s.drill = QUIZ_DRILL_MISTAKES;
	s.drill_days = today->days;
	struct quiz_session session;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	assert_int_equal(session.count, 1);
	assert_true(in_session(&session, &q[0]));
	quiz_session_release(&session);

	s.drill_days = week->days;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	assert_int_equal(session.count, 3);
	assert_true(in_session(&session, &q[0]) && in_session(&session, &q[2]) && in_session(&session, &q[3]));
	assert_false(in_session(&session, &q[1]) || in_session(&session, &q[4]));
	/* A drill is practice: a wrong answer comes back. */
	unsigned wrong = 0;
	for (size_t pos = 0; pos < session.items[0].question->nchoices; pos++)
		if (!quiz_item_choice_correct(&session.items[0], pos))
			wrong = 1u << pos;
	assert_int_equal(quiz_session_answer(&session, wrong, false, 10), QUIZ_WRONG);
	assert_int_equal(session.count, 4);
	quiz_session_release(&session);

	/* With a count, and within topics. */
	s.count = 2;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	assert_int_equal(session.count, 2);
	quiz_session_release(&session);
	s.count = 0;
	s.topics = &q[0].card;
	s.ntopics = 1;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	for (size_t i = 0; i < session.count; i++)
		assert_true(card_in_topic(session.items[i].question->card, q[0].card));
	assert_true(in_session(&session, &q[0]));
	quiz_session_release(&session);

	/* Nothing saved: nothing to drill. */
	s.topics = NULL;
	s.ntopics = 0;
	assert_int_equal(quiz_session_start(&session, &fx->bank, NULL, &s), 0);
	assert_int_equal(session.count, 0);
	quiz_session_release(&session);
}

static void exam_scores_overall_and_per_topic(void **state)
{
	struct fixture *fx = *state;
	struct quiz_settings s = settings_for(QUIZ_EXAM, 2026);
	s.count = 5;
	s.minutes = 10;
	struct quiz_session session;
	assert_int_equal(quiz_session_start(&session, &fx->bank, fx->progress, &s), 0);
	assert_int_equal(session.count, 5);
	assert_int_equal(quiz_session_seconds_left(&session), 600);
	/* Right answers on alphazine's questions, wrong on everything else;
	 * the fifth question is left unanswered. */
	size_t alpha = 0, alpha_in_four = 0;
	for (size_t i = 0; i < 5; i++)
		alpha += strcmp(session.items[i].question->card->id, "alphazine") == 0;
	for (int i = 0; i < 4; i++) {
		struct quiz_item *item = quiz_session_current(&session);
		bool is_alpha = strcmp(item->question->card->id, "alphazine") == 0;
		alpha_in_four += is_alpha;
		unsigned pick = is_alpha ? right_positions(item) : wrong_position(item);
		assert_int_equal(quiz_session_answer(&session, pick, false, 0), is_alpha ? QUIZ_CORRECT : QUIZ_WRONG);
		assert_int_equal(quiz_session_grade(&session, FSRS_EASY), -1); /* no overrides in exams */
		assert_int_equal(quiz_session_next(&session), 0);
	}
	assert_int_equal(session.count, 5); /* no re-asks in exams */
	struct quiz_summary sum;
	assert_int_equal(quiz_session_summary(&session, &sum), 0);
	assert_int_equal(sum.asked, 5);
	assert_int_equal(sum.answered, 4);
	assert_int_equal(sum.correct, alpha_in_four);
	size_t total = 0;
	for (size_t t = 0; t < sum.ntopics; t++) {
		total += sum.topics[t].asked;
		if (strcmp(sum.topics[t].card->id, "alphazine") == 0) {
			assert_int_equal(sum.topics[t].asked, alpha);
			assert_int_equal(sum.topics[t].correct, alpha_in_four);
		} else {
			assert_int_equal(sum.topics[t].correct, 0);
		}
	}
	assert_int_equal(total, 5);
	quiz_summary_release(&sum);

	/* Time runs out: the exam is over with a question still open. */
	assert_false(quiz_session_done(&session));
	setenv("RXPLORE_NOW", "2026-11-21T09:40:00", 1);
	assert_int_equal(quiz_session_seconds_left(&session), 0);
	assert_true(quiz_session_done(&session));
	assert_null(quiz_session_current(&session));
	setenv("RXPLORE_NOW", PINNED_NOW, 1);
	quiz_session_release(&session);

	/* Without a count an exam has the default number, capped by the bank. */
	s.count = 0;
	assert_int_equal(quiz_session_start(&session, &fx->bank, NULL, &s), 0);
	assert_int_equal(session.count, fx->bank.count < 20 ? fx->bank.count : 20);
	quiz_session_release(&session);
}

static void class_topics_include_their_members(void **state)
{
	struct fixture *fx = *state;
	const struct card *topic = library_find(&fx->lib, "greek-drugs");
	struct quiz_settings s = settings_for(QUIZ_PRACTICE, 1);
	s.topics = &topic;
	s.ntopics = 1;
	struct quiz_session session;
	assert_int_equal(quiz_session_start(&session, &fx->bank, NULL, &s), 0);
	bool has_alpha = false, has_start = false;
	for (size_t i = 0; i < session.count; i++) {
		has_alpha = has_alpha || strcmp(session.items[i].question->card->id, "alphazine") == 0;
		has_start = has_start || strcmp(session.items[i].question->card->id, "start-here") == 0;
	}
	assert_true(has_alpha);
	assert_false(has_start);
	quiz_session_release(&session);
	assert_int_equal(quiz_mode_parse("exam"), QUIZ_EXAM);
	assert_int_equal(quiz_mode_parse("Exam"), -1);
	assert_string_equal(quiz_mode_name(QUIZ_REVIEW), "review");
}

#define FX(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "UTC", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(generated_questions_follow_the_rules),
		cmocka_unit_test(too_few_distractors_means_no_question),
		cmocka_unit_test(siblings_only_when_needed),
		cmocka_unit_test(bundled_bank_is_fair),
		cmocka_unit_test(ids_survive_reordering),
		FX(the_fixture_bank),
		FX(same_seed_same_session),
		FX(practice_reasks_wrong_answers),
		FX(answers_that_do_not_fit_are_refused),
		FX(grade_override_replaces_the_answer),
		FX(undo_takes_back_the_last_answer),
		FX(review_takes_due_then_new_up_to_the_limit),
		FX(mistakes_drill_takes_recent_wrong_answers),
		FX(grade_preview_is_what_is_stored),
		FX(review_miss_comes_back_the_same_session),
		FX(cram_changes_no_memory_state),
		FX(exam_date_brings_questions_forward),
		FX(exam_scores_overall_and_per_topic),
		FX(class_topics_include_their_members),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
