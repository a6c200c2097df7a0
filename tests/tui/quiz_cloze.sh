#!/bin/sh
# A cloze question in the quiz screen at 80x24 (issue 17): the gaps typed in
# turn, Backspace on an empty gap going back, a typo confirmed, partly
# right, then every gap right; the answers saved.
. "$(dirname "$0")/lib.sh"
start -- --content "$TEST_DATA_DIR/cloze-pack"
wait_for_status_bar

keys / c l o z a m o l
wait_for "Search: clozamol"
keys Escape
wait_gone "Search:"
keys t
wait_for "What would you like to do?"
keys a
wait_for "Question 1 of 1"
expect_screen "Clozamol opens [gap 1] channels and is cleared by the [gap 2]."
expect_screen "Gap 1: _"
expect_screen "Type gap 1 of 2, Enter goes on; x alone: I don't know."

# A typo in gap 1, confirmed; gap 2 wrong: partly right.
keys -l "chlorid"
keys Enter
wait_for "Did you mean “chloride”? Count it as right? (y/n)"
keys y
wait_for "Gap 2: _"
expect_screen "Gap 1: chlorid"
# Backspace on the empty gap 2 goes back to gap 1.
keys BSpace
wait_for "Gap 1: chlorid_"
keys Enter
wait_for "Did you mean “chloride”?"
keys y
wait_for "Gap 2: _"
keys -l "liver"
keys Enter
wait_for "Partly right: 1 of 2"
expect_screen "Your answer: (1) chlorid; (2) liver"
expect_screen "Right answer: (1) chloride (also accepted: Cl-); (2) kidneys"
expect_screen "Graded Again."
keys Enter
wait_for "Again: Question 2 of 2"

# Every gap right.
keys -l "Cl-"
keys Enter
wait_for "Gap 2: _"
keys -l "kidneys"
keys Enter
wait_for "✓ Correct"
keys Enter
wait_for "Session over: 1 of 1 answered, 0 right the first time."
keys q
wait_gone "Session over"
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status"

log=$("$RXPLORE" --no-default-packs --content "$TUI_PACK" --content "$TEST_DATA_DIR/cloze-pack" progress export)
rows=$(printf '%s\n' "$log" | grep -c '^[0-9]*,clozamol-cloze,')
[ "$rows" -eq 2 ] || fail "expected 2 saved answers, found $rows: $log"
printf '%s\n' "$log" | grep -q '^[0-9]*,clozamol-cloze,clozamol,[^,]*,3,good,' ||
	fail "the all-right answer was not saved as Good: $log"
pass
