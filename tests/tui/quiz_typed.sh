#!/bin/sh
# A typed question in the quiz screen at 80x24 (issue 17): letters and q
# are text while typing, a wrong answer shows the right one, one typo asks
# "did you mean …?" (n: wrong, y: counted as right), and the answers are saved.
. "$(dirname "$0")/lib.sh"
start -- --content "$TEST_DATA_DIR/typed-pack"
wait_for_status_bar

keys / f i x a m o l
wait_for "Search: fixamol"
keys Escape
wait_gone "Search:"
keys t
wait_for "What would you like to do?"
keys a
wait_for "Question 1 of 1"
expect_screen "Type the receptor that Fixamol activates."
expect_screen "Your answer: _"
expect_screen "Type the answer, Enter submits; x alone: I don't know."

# Keys that are commands elsewhere are text here; Backspace takes them back.
keys -l "qou"
wait_for "Your answer: qou_"
keys BSpace BSpace BSpace
wait_for "Your answer: _"
keys Enter
wait_for "Type an answer first"

# Wrong: the right answer and its alternatives.
keys -l "gaba a"
wait_for "Your answer: gaba a_"
keys Enter
wait_for "✗ Wrong"
expect_screen "Right answer: GABA-B receptor (also accepted: Fixamol site)"
keys Enter
wait_for "Again: Question 2 of 2"

# One typo: declined, so wrong.
keys -l "gaba-b receptr"
keys Enter
wait_for "Did you mean “GABA-B receptor”? Count it as right? (y/n)"
expect_screen "y: count it as right, n: grade it as typed, Esc: edit the answer."
keys n
wait_for "✗ Wrong"
keys Enter
wait_for "Again: Question 3 of 3"

# One typo, confirmed: counted as right.  Esc first goes back to editing.
keys -l "fixamol sit"
keys Enter
wait_for "Did you mean “Fixamol site”?"
keys Escape
wait_gone "Did you mean"
expect_screen "Your answer: fixamol sit_"
keys Enter
wait_for "Did you mean “Fixamol site”?"
keys y
wait_for "✓ Counted as right (a typo)"
expect_screen "Graded Good."
keys Enter
wait_for "Session over: 1 of 1 answered, 0 right the first time."
expect_screen "Every answer is saved."
keys q
wait_gone "Session over"
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status"

log=$("$RXPLORE" --no-default-packs --content "$TUI_PACK" --content "$TEST_DATA_DIR/typed-pack" progress export)
rows=$(printf '%s\n' "$log" | grep -c '^[0-9]*,fixamol-typed,')
[ "$rows" -eq 3 ] || fail "expected 3 saved answers to fixamol-typed, found $rows: $log"
printf '%s\n' "$log" | grep -q '^[0-9]*,fixamol-typed,fixamol,[^,]*,3,good,' ||
	fail "the typo counted as right was not saved as Good: $log"
pass
