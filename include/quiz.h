/* quiz — the question bank and quiz sessions (no curses, no SQLite).
 *
 * The bank holds every question the loaded cards offer: authored ones from
 * `quiz:` and generated ones from facts whose vocabulary entry has `ask`
 * (DESIGN §4).  Ids are stable: authored id; else card id + ":" + FNV-1a of
 * the wording; generated ones "CARD:fact:KEY".
 *
 * Sessions (practice, review, exam) are below the bank.  No curses, no
 * SQLite: answers are saved through progress.h.
 */
#ifndef RXPLORE_QUIZ_H
#define RXPLORE_QUIZ_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "card.h"
#include "diag.h"
#include "library.h"
#include "progress.h"

struct quiz_question {
	const char *id;
	const struct card *card;
	enum question_type type;
	const char *ask;	/* generated questions: the vocabulary's ask with {title} filled in */
	const char *choices[QUESTION_MAX_CHOICES];	/* in authored order (sessions shuffle) */
	size_t nchoices;
	bool correct[QUESTION_MAX_CHOICES];
	/* The card each choice stands for, or NULL: a generated question's
	 * answer is its own card's value and each distractor another card's; an
	 * authored choice has the card its `topic:` names.  A wrong choice with a
	 * topic is what a confusion is made of (confusions.h). */
	const struct card *choice_topic[QUESTION_MAX_CHOICES];
	const char *explain;	/* may be NULL */
	int see;		/* enum section, or -1 */
	bool generated;
	const char *fact;	/* generated: the vocabulary key it asks; NULL for authored */
	/* A case: its stem is ask, its questions (2..QUESTION_MAX_PARTS, none a
	 * case, each with id "CASE/N") are parts; NULL and 0 otherwise. */
	const struct quiz_question *parts;
	size_t nparts;
};

/* Why a generated question was left out of the bank (`rxplore check`
 * reports each as a note). */
enum quiz_drop_reason {
	QUIZ_DROP_OWN_CLASS,		/* a class card asked for its own class */
	QUIZ_DROP_FEW_DISTRACTORS	/* fewer than two fair distractors */
};

struct quiz_drop {
	const struct card *card;
	const char *key;		/* the fact's vocabulary key */
	enum quiz_drop_reason reason;
	size_t distractors;		/* QUIZ_DROP_FEW_DISTRACTORS: how many were fair */
};

struct quiz_bank {
	struct quiz_question *items;	/* grouped by card in library order */
	size_t count;
	struct quiz_drop *drops;	/* generated questions left out, in bank order */
	size_t ndrops, drops_alloc;
	struct arena arena;		/* generated text */
	struct quiz_index *index;	/* private: id lookup */
};

/* Builds the bank for every card of the library.  Returns 0, or -1 when out
 * of memory.  The library must outlive the bank. */
int quiz_bank_build(struct quiz_bank *bank, const struct library *library);
void quiz_bank_release(struct quiz_bank *bank);

/* Whether questions of this type can be asked (authored, generated, answered
 * and graded): what `quiz --type` accepts. */
bool quiz_type_asked(enum question_type type);

/* The question with this id, or NULL. */
const struct quiz_question *quiz_bank_find(const struct quiz_bank *bank, const char *id);

/* Adds a located note to diags for every generated question the bank left
 * out, saying why ("...: note: no question on 'receptor': only 1 fair
 * distractor (2 needed)"). */
void quiz_bank_note_drops(const struct quiz_bank *bank, struct diag_list *diags);

/* --- sessions ------------------------------------------------------------
 *
 * A session is a queue of items (one asking of a question, with its choices
 * in a shuffled display order) and a cursor.  The cursor's item is asked;
 * quiz_session_answer() records the answer at once (so ending early loses
 * nothing) and leaves the cursor on the item for feedback and a grade
 * override; quiz_session_next() moves on.  Only the first answer to a
 * question in a session updates its memory state; practice re-asks of wrong
 * answers are logged with update_memory false (DESIGN §4).
 *
 * Invariants: items[0..current) are answered, items[current+1..count) are
 * not; an item's order[] is a permutation of 0..nchoices-1.
 */

/* Cram: the questions most at risk on the exam date (or today), asked
 * without moving any memory state (logged as "cram"). */
enum quiz_mode { QUIZ_PRACTICE, QUIZ_REVIEW, QUIZ_EXAM, QUIZ_CRAM };

const char *quiz_mode_name(enum quiz_mode mode);	/* "practice", "review", "exam" */
int quiz_mode_parse(const char *name);			/* an enum quiz_mode, or -1 */

/* A drill narrows a practice session to what the learner needs most: the
 * questions answered wrong lately (from the review log), or the weakest
 * topics (the front-end asks study_weakest_topics() for them and passes them
 * as the session's topics). */
enum quiz_drill { QUIZ_DRILL_NONE, QUIZ_DRILL_MISTAKES, QUIZ_DRILL_WEAKEST };

/* Every kind of session a learner can ask for by name (`quiz --mode NAME`),
 * in the order the front-ends offer them. */
struct quiz_kind {
	const char *name;	/* "practice", "mistakes-week", ... */
	enum quiz_mode mode;
	enum quiz_drill drill;
	int days;		/* QUIZ_DRILL_MISTAKES: this many study days, today included */
};

extern const struct quiz_kind quiz_kinds[];
extern const size_t quiz_nkinds;

/* The kind with this name, or NULL. */
const struct quiz_kind *quiz_kind_find(const char *name);

#define QUIZ_DEFAULT_EXAM_QUESTIONS 20
#define QUIZ_WEAKEST_TOPICS 3	/* a weakest-topics drill asks from this many topics */
#define QUIZ_REASK_GAP 2	/* other questions asked before a wrong one returns */

struct quiz_settings {
	enum quiz_mode mode;
	/* The scope: these cards and the cards that are member_of them; none = everything. */
	const struct card *const *topics;
	size_t ntopics;
	/* A contrast drill of two topics (both set): only the questions
	 * confusion_contrasts() picks for them; topics is then ignored. */
	const struct card *contrast[2];
	size_t count;		/* at most this many questions; 0: all (practice, review), 20 (exam) */
	int minutes;		/* exam time limit; 0: none */
	enum quiz_drill drill;	/* QUIZ_DRILL_MISTAKES: only questions answered wrong lately */
	int drill_days;		/* ...on one of the last drill_days study days (today included) */
	unsigned long long seed;	/* the same seed gives the same questions and choice orders */
	int new_per_day;	/* review: new questions a study day may introduce */
	unsigned types;		/* bit (1u << enum question_type) set: only those types; 0: every type */
	long exam_day;		/* review, cram: the exam's study day; -1 (or a past day): none */
	struct progress_schedule schedule;
};

enum quiz_outcome { QUIZ_UNANSWERED, QUIZ_CORRECT, QUIZ_WRONG, QUIZ_DONT_KNOW };

/* --- grading ---------------------------------------------------------------
 *
 * Every answer earns parts_right of parts: one part for a choice question or
 * a typed answer, one per gap for a cloze (and, once written, one per
 * adjacent pair of an ordering, per pair of a matching, per part of a case).  The exam score adds up these fractions, so a
 * half-right question scores 0.5.  The outcome is QUIZ_CORRECT only when
 * every part is right.  FSRS receives one grade per question:
 *   every part right            Good
 *   at least two thirds right   Hard  (mostly known, shakily)
 *   less, or "I don't know"     Again
 * and the learner may override it after the feedback, as before. */
enum fsrs_grade quiz_grade_for_parts(unsigned right, unsigned parts);

#define QUIZ_TYPED_MAX 256	/* bytes kept of a typed answer (for the feedback and report) */

struct quiz_item {
	const struct quiz_question *question;
	unsigned char order[QUESTION_MAX_CHOICES];	/* display position -> index into question->choices */
	bool reask;			/* a question coming back: practice re-ask or review step */
	bool step;			/* review: a learning step coming back; it moves memory on */
	enum quiz_outcome outcome;
	unsigned chosen;		/* bit i set: question->choices[i] was chosen */
	unsigned char parts, parts_right;	/* the credit earned (see grading above) */
	char typed[QUIZ_TYPED_MAX];	/* a typed answer as given (a cloze: "(1) x; (2) y"; not saved in progress) */
	bool typo_accepted;		/* typed: one typo away, and the learner said it was meant */
	unsigned parts_mask;		/* typed parts: bit i set when part i was right */
	enum fsrs_grade grade;
	bool updated_memory;		/* this answer moved the memory state on */
	long long review_id;		/* its progress row, 0 when not saved */
	time_t answered_at;
	long answer_ms;
	size_t inserted;		/* index of the re-ask this answer queued, or (size_t)-1 */
	struct progress_state before;	/* memory before this answer (when it moved memory) */
	struct sched_position position;	/* and where it stood in its steps */
	/* A case: an item per part (owned by the session), answered in turn;
	 * case_part is the one being asked.  NULL for any other question. */
	struct quiz_item *case_parts;
	unsigned char case_part;
};

struct quiz_session {
	const struct quiz_bank *bank;
	struct progress *progress;	/* NULL: nothing is saved */
	struct quiz_settings settings;
	struct quiz_item *items;
	size_t count, alloc;
	size_t current;
	size_t *history;		/* answered item indices, latest last (for undo) */
	size_t nhistory;
	bool *asked_once;		/* per bank question: memory already updated this session */
	time_t started, deadline;	/* deadline 0: no time limit */
	unsigned long long rng;
	size_t due, fresh;		/* review: due and new questions queued */
	size_t ahead;			/* review: due after the exam, below target on it, asked now */
	long new_today;			/* review: new questions already introduced today */
	bool save_failed;		/* some answer could not be saved (see progress_error) */
};

/* Builds the queue.  Review reads the memory states from progress: questions
 * due today (most overdue first), then those the exam date brings forward
 * (sched_exam_brings_forward()), then new ones up to new_per_day minus those
 * first answered in Review today.  Cram takes the reviewed questions least
 * likely to be recalled on the exam day (or today), count of them (default
 * QUIZ_DEFAULT_EXAM_QUESTIONS); its answers move no memory state.  progress may be NULL (review then treats every
 * question as new).  Returns 0, or -1 when out of memory or the progress
 * database cannot be read. */
int quiz_session_start(struct quiz_session *session, const struct quiz_bank *bank, struct progress *progress,
		       const struct quiz_settings *settings);
void quiz_session_release(struct quiz_session *session);

/* The item at the cursor, or NULL when the session is over (every item
 * answered and moved past, or the exam's time is up). */
struct quiz_item *quiz_session_current(struct quiz_session *session);
bool quiz_session_done(const struct quiz_session *session);

/* Seconds left before the exam deadline (>= 0), or -1 without a limit. */
long quiz_session_seconds_left(const struct quiz_session *session);

/* The choice shown at display position pos (0 = "a"). */
const char *quiz_item_choice(const struct quiz_item *item, size_t pos);
bool quiz_item_choice_correct(const struct quiz_item *item, size_t pos);

/* What an answered item picked, for progress_record(): picked (room for
 * QUESTION_MAX_CHOICES) receives the chosen choices in the question's own
 * order, each with the card it stands for. */
struct progress_chosen quiz_item_chosen(const struct quiz_item *item, struct progress_choice *picked);

/* Answers the current item: positions is a bit set of display positions
 * (exactly one bit for single-choice and true/false questions, at least one
 * for select-all), or dont_know.  The grade is automatic (correct: Good,
 * otherwise Again) and the answer is saved at once.  In practice a wrong
 * answer queues a re-ask QUIZ_REASK_GAP questions later.  Returns the
 * outcome, or -1 when there is no unanswered current item or the positions
 * do not fit the question. */
int quiz_session_answer(struct quiz_session *session, unsigned positions, bool dont_know, long answer_ms);

/* Answers the current item, a typed question, with text.  accept_typo: the
 * learner confirmed that an answer one typo away (quiz_typed_check) was
 * meant, so it counts as right.  Graded and saved as quiz_session_answer.
 * Returns the outcome, or -1 when there is no unanswered current item, it is
 * not a typed question, or text is blank. */
int quiz_session_answer_typed(struct quiz_session *session, const char *text, bool accept_typo, long answer_ms);

/* Answers the current item, a typed or cloze question, part by part:
 * texts[i] for part i (quiz_typed_parts), accept_typo[i] as above.  A part
 * left blank or answered x is not known; every part not known makes the
 * answer "I don't know".  Each right part earns its credit.  Returns the
 * outcome, or -1 when nparts does not fit the question. */
int quiz_session_answer_parts(struct quiz_session *session, const char *const *texts, const bool *accept_typo,
			      size_t nparts, long answer_ms);

/* --- case vignettes (quiz_case.c) ------------------------------------------
 *
 * A case is one item: its stem, then its parts asked in order, each answered
 * with its own type's input (quiz_session_answer, _answer_parts, ...) and
 * given its own feedback.  A part's answer grades only the part; the answer
 * to the last part grades the case: parts wholly right of parts, through
 * quiz_grade_for_parts() (a cloze part with two gaps is right only when both
 * are), saved once under the case's id.  quiz_session_next() after a part
 * that is not the last moves on to the next part; quiz_session_undo() in an
 * unfinished case takes back its latest part (and undoing a finished case
 * reopens its last part). */

/* The item being answered: the current item, or when it is a case, its part
 * being asked.  NULL when the session is over. */
struct quiz_item *quiz_session_answering(const struct quiz_session *session);

/* Whether item is a case whose every part has been answered (what the
 * front-ends show after a part: the case's verdict, or "next part"). */
bool quiz_case_finished(const struct quiz_item *item);

/* Whether the cursor's item is a case not graded yet (parts remain). */
bool quiz_case_pending(const struct quiz_session *session);

/* The wording both front-ends use, into buf (returned): "Part 2 of 3", and
 * the verdict on a finished case, "✓ Case: all 3 parts right", "◐ Case: 2 of
 * 3 parts right", "✗ Case: none of 3 parts right", "✗ Case: not known" ("+",
 * "~", "x" without utf8); *good: every part right. */
const char *quiz_case_part_heading(const struct quiz_item *kase, char *buf, size_t size);
const char *quiz_case_verdict(const struct quiz_item *kase, bool utf8, bool *good, char *buf, size_t size);

/* Overrides the grade of the answer just given (the cursor's item), before
 * moving on.  Not in exam mode.  Returns 0 or -1. */
int quiz_session_grade(struct quiz_session *session, enum fsrs_grade grade);

/* What grade would do to the answered item's question: sched_answer() from
 * the state before the answer, at the moment it was given. */
struct sched_result quiz_item_schedule(const struct quiz_session *session, const struct quiz_item *item,
				       enum fsrs_grade grade);

/* "1 Again 10m · 2 Hard 1d · 3 Good 3d · 4 Easy 8d" for the answered current
 * item (what each grade key would schedule: what quiz_session_grade() then
 * stores), or "" when its answer does not move memory (re-asks, cram).
 * Returns buf. */
const char *quiz_session_grade_preview(const struct quiz_session *session, bool utf8, char *buf, size_t size);

/* "Graded Good: next in 10m." for the answered current item, or "" when
 * its answer does not move memory.  Returns buf. */
const char *quiz_session_scheduled_text(const struct quiz_session *session, char *buf, size_t size);

/* Moves past the answered current item.  Returns 0, or -1 when the current
 * item is not answered yet. */
int quiz_session_next(struct quiz_session *session);

/* Takes back the latest answer (also after moving on): its log row and memory
 * change are undone, its re-ask is dropped and the cursor returns to it,
 * unanswered.  Returns 0, or -1 when nothing is left to undo. */
int quiz_session_undo(struct quiz_session *session);

/* Scores of first answers (re-asks do not count), overall and per card. */
struct quiz_topic_score {
	const struct card *card;
	size_t asked, correct;
};

struct quiz_summary {
	size_t asked;		/* questions in the session, re-asks not counted */
	size_t answered, correct;
	double points;		/* credit of first answers: correct ones 1, partly right ones a fraction */
	struct quiz_topic_score *topics;	/* in order of first appearance */
	size_t ntopics;
};

int quiz_session_summary(const struct quiz_session *session, struct quiz_summary *summary);
void quiz_summary_release(struct quiz_summary *summary);

#endif
