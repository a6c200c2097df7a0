#!/bin/sh
# The quiz screen (t): the mode chooser, asking, feedback in words and
# symbols, grade override, o opening the card, undo, the summary; answers saved.
. "$(dirname "$0")/lib.sh"
# The basic fixture pack adds questions (tui-pack has facts with `ask`).
start -- --content "$TEST_DATA_DIR/basic"
wait_for "Is Zolpam a Ketazine?"

# letter_of PATTERN: the letter of the choice on screen whose text matches
# PATTERN (grep -E), among the unanswered choice rows "( ) a) ...".
letter_of() {
	screen | grep -E '^ +\((•| |\*)\) [a-f]\) ' | grep -E -- "$1" | head -n 1 |
		sed -E 's/^ +\((•| |\*)\) ([a-f])\).*/\2/'
}

keys / z o l p e x
wait_for "Search: zolpex"
keys Escape
wait_gone "Search:"
keys t
wait_for "What would you like to do?"
expect_screen "Practice this topic: Zolpam (1 question)"
expect_screen "Review: 0 due,"
expect_screen "e) Exam: 8 questions from everything"
keys a
wait_for "Question 1 of 1"
expect_screen "What is the main target of Zolpam?"
keys Enter
wait_for "Choose an answer with"

wrong=$(letter_of ') (Alpha|Beta|Y) ')
[ -n "$wrong" ] || fail "no wrong choice found"
right=$(letter_of ') X receptor')
[ -n "$right" ] || fail "no right choice found"
keys "$wrong"
keys Enter
wait_for "✗ Wrong"
expect_screen "Right answer: $right) X receptor"
expect_screen "(your answer)"
expect_screen "Graded Again."
# Each grade key shows the interval it would give (a new question: the learning steps).
expect_screen "1 Again 1m"
expect_screen "3 Good 10m"
keys 3
wait_for "Graded Good."
keys o
wait_for "back to the quiz"
expect_screen "Receptor target: X receptor"
keys q
wait_for "✗ Wrong"

# Undo: the question comes back unanswered; the right answer this time.
keys u
wait_for "Answer taken back"
expect_screen "( ) $right) X receptor"
keys "$right"
keys Enter
wait_for "✓ Correct"
keys Enter
wait_for "Session over: 1 of 1 answered, 1 right the first time."
expect_screen "Every answer is saved."
keys Enter
# The summary's hints say "? help" too: wait for the summary to go.
wait_gone "Session over"
wait_for "Enter open"

# An exam: no feedback, no cards, then the score and the mistakes.
keys t
wait_for "What would you like to do?"
keys e
wait_for "Time limit: none"
keys Enter
wait_for "Exam · everything"
expect_not_screen " left"
keys o
wait_for "Opening cards is off until the exam ends"
keys /
expect_not_screen "Search:"
n=0
while [ $n -lt 8 ]; do
	keys x
	n=$((n + 1))
	sleep 0.1
done
wait_for "Exam over. Score: 0 of 8 (0%)"
expect_screen "By topic"
expect_screen "Mistakes"
expect_screen "Your answer: I don't know"
expect_not_screen "✓ Correct"
# A mistake's card, then Backspace: the summary as it was left (the same
# mistake picked, so o opens the same card again).
keys j j o
wait_for "back to the quiz"
first=$(screen | head -n 1)
keys BSpace
wait_for "Exam over. Score: 0 of 8 (0%)"
keys o
wait_for "back to the quiz"
[ "$(screen | head -n 1)" = "$first" ] || fail "Backspace lost the summary's mistake: $first"
keys BSpace
wait_for "Exam over"
keys q
wait_gone "Exam over"
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status"

# What was saved: the undone answer is gone, the re-answer and the exam remain.
log=$("$RXPLORE" --no-default-packs --content "$TUI_PACK" --content "$TEST_DATA_DIR/basic" progress export)
printf '%s\n' "$log" | grep -q '^[0-9]*,zolpam:fact:receptor,zolpam,[^,]*,3,good,' ||
	fail "the right answer to the Zolpam question was not saved: $log"
rows=$(printf '%s\n' "$log" | grep -c '^[0-9]')
[ "$rows" -eq 9 ] || fail "expected 9 saved answers, found $rows: $log"
pass
