/* quiz_internal — what quiz_session.c and quiz_queue.c share; internal to
 * the core. */
#ifndef RXPLORE_QUIZ_INTERNAL_H
#define RXPLORE_QUIZ_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "quiz.h"

/* quiz_item.inserted when the item was not inserted (a re-ask or a step). */
#define NO_ITEM ((size_t)-1)

/* splitmix64 over *state: the same numbers on every platform for a seed. */
uint64_t quiz_next_random(unsigned long long *state);

/* A fresh item for question, its choices shuffled (a case's parts not made yet). */
struct quiz_item quiz_item_make(struct quiz_session *session, const struct quiz_question *question);

/* quiz_case.c: a case item's part items, made (0, or -1 out of memory),
 * freed, and reopened at its last part when its grade is undone (parts: the
 * items the undone case had). */
int quiz_case_begin(struct quiz_session *session, struct quiz_item *item);
void quiz_case_free(struct quiz_item *item);
void quiz_case_reopen(struct quiz_item *item, struct quiz_item *parts);
/* A part of the case item kase was graded: false while parts remain, else
 * true with the case's credit in *right of *parts, *dont_know (no part
 * known) and the time spent on all parts in *answer_ms. */
bool quiz_case_credit(const struct quiz_item *kase, unsigned *right, unsigned *parts, bool *dont_know,
		      long *answer_ms);
/* Moves to the next part of an unfinished case, or takes back its latest
 * part answer: 0, or -1 when the cursor is not there. */
int quiz_case_next_part(struct quiz_session *session);
int quiz_case_undo_part(struct quiz_session *session);

/* Inserts a fresh item (choices shuffled) for question at index at; 0 or -1. */
int quiz_insert_item(struct quiz_session *session, size_t at, const struct quiz_question *question);

/* Grades the current item's answer (right of parts; dont_know), saves it
 * and queues what follows, as every quiz_session_answer* does; the outcome. */
int quiz_session_record(struct quiz_session *session, struct quiz_item *item, unsigned right, unsigned parts,
			bool dont_know, long answer_ms);

/* quiz_rank.c: generated rankings by hours facts.  The pool is prepared
 * once per bank (0, or -1 when out of memory; released either way), and
 * quiz_rank_add() adds the rankings a card opens (0 or -1).  The bank needs
 * room for one per card and ranked vocabulary entry. */
struct quiz_rank_pool;
int quiz_rank_prepare(struct quiz_rank_pool **pool_out, const struct library *library);
int quiz_rank_add(struct quiz_bank *bank, const struct quiz_rank_pool *pool, const struct card *card);

/* The bank's next item, cleared, as a generated question of card of this
 * type asking the vocabulary key fact (NULL for none), seen in the facts;
 * the caller fills the rest and counts it in. */
struct quiz_question *quiz_bank_next_generated(struct quiz_bank *bank, const struct card *card,
					       enum question_type type, const char *fact);
void quiz_rank_release(struct quiz_rank_pool *pool);

/* The queues of quiz_session_start() over the bank indices scope[0..nscope):
 * Review (due, brought forward by the exam date, new) and Cram (most at
 * risk on the exam day).  0, or -1 when out of memory or progress fails. */
int quiz_queue_review(struct quiz_session *session, const size_t *scope, size_t nscope);
int quiz_queue_cram(struct quiz_session *session, const size_t *scope, size_t nscope);

#endif
