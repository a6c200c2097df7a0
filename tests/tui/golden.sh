#!/bin/sh
# Golden screens: every screen of the terminal UI captured whole (80x24,
# `tmux capture-pane -p`, text without colours) and compared line for line
# with tests/tui/golden/NAME.txt.  A difference fails the test and prints a
# unified diff (- the golden file, + the screen now).
#
# The screens are the same on every run: the environment is lib.sh's (pinned
# clock, locale, terminal, empty home), the content is the fixture packs, the
# quiz screens use quiz-one's true/false question (its choices are never
# shuffled) and the exam runs on quiz-one alone, so that it has one question.
#
# When a change to a screen is meant: tests/tui/golden/regen.sh rewrites the
# files (GOLDEN_REGEN=DIR writes them into DIR instead of comparing); review
# the diff with `git diff tests/tui/golden` before committing it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-screens.sh"
golden_dir=$(dirname "$0")/golden
differ=
taken=

# open_topic TEXT: opens the first topic whose title or alias has TEXT in it.
open_topic() {
	find_topic "$1"
	keys Enter
}

seed_progress

# --- browse, every section tab, help, compare, search, stats, quiz ----------
start_screens
snap browse "Is Zolpam a Ketazine?"
keys 2
snap card-confusion "[Why the confusion]"
keys 3
snap card-diagram "[Diagram]"
open_topic zolpex
snap card-summary "[Summary]"
tab=2
for section in Mechanism Uses Side-effects Dependence Facts Sources; do
	keys $tab
	snap "card-$(printf '%s' "$section" | tr A-Z a-z)" "[$(printf '%s' "$section" | tr - ' ')]"
	tab=$((tab + 1))
done
keys Escape
wait_for "Enter open"
keys '?'
snap help "rxplore help: keys"
keys q
wait_gone "rxplore help: keys"
keys c
snap compare "Comparison"
keys Enter
snap compare-details "Sources"
keys q
wait_gone "Sources"
keys q
wait_gone "Comparison"
keys C
snap compare-pick "Compare topics by name"
keys Escape
wait_gone "Compare topics by name"
keys / c h l o r i d e Enter
snap search-results 'matches for "chloride"'
keys Enter
snap search-open "Match 1 of"
keys s
snap stats "Study statistics for Sat 21 Nov 2026"
keys q
wait_gone "Study statistics"
keys Escape
wait_for "Enter open"
open_topic truthy
keys t
snap quiz-choose "What would you like to do?"
keys a
snap quiz-question "Truthy is a made-up topic."
keys b Enter
snap quiz-feedback "Graded Again."
keys o
snap quiz-card "back to the quiz"
keys q
wait_gone "back to the quiz"
keys Enter
wait_for "Again: Question 2 of 2"
keys a Enter
wait_for "Correct"
keys Enter
snap quiz-summary "Session over:"
tm kill-server

# --- the exam, on quiz-one alone: one question, always the same -------------
TUI_PACK=$TEST_DATA_DIR/quiz-one
start
wait_for "Truthy"
keys t
wait_for "What would you like to do?"
keys e
snap exam-setup "Time limit: none"
keys Enter
snap exam-question "Question 1 of 1"
keys x
snap exam-summary "Exam over."
tm kill-server
TUI_PACK=$TEST_DATA_DIR/tui-pack

# --- the Confusions screen, after the scripted learner (tests/cli/learner.sh) --
. "$(dirname "$0")/../cli/learner.sh"
learner_gaba_a "$RXPLORE" --no-default-packs --content "$TEST_DATA_DIR/confuse-pack" ||
	fail "the scripted learner's quiz failed"
TUI_PACK=$TEST_DATA_DIR/confuse-pack
start
wait_for "No: baclofen acts on GABA-B"
keys x
snap confusions "1. Baclofen ↔ Benzodiazepines"
tm kill-server
TUI_PACK=$TEST_DATA_DIR/tui-pack

# --- load problems: relative paths, so the screen is the same in any tree ---
TUI_CWD=$TEST_DATA_DIR TUI_PACK=tui-pack
start -- --content bad
snap problems-banner "failed to load"
keys !
snap problems "Problems met while loading"
tm kill-server
unset TUI_CWD
TUI_PACK=$TEST_DATA_DIR/tui-pack

# --- the first-start notice, and a terminal too small ----------------------
rm -f "$XDG_STATE_HOME/rxplore/notice-seen"
TUI_NOTICE=1 start
snap notice "Before you start"
tm kill-server
TUI_COLS=30 TUI_ROWS=10 start
snap too-small "Terminal too small"
tm kill-server

golden_finish
