#!/bin/sh
# A case vignette in the quiz screen at 80x24 (issue 17): the stem above each
# part, a long stem scrolled (PageUp brings its start back) rather than cut,
# each part answered with its own keys (a letter, typed text, true/false),
# its feedback after it, the case's verdict and one grade after the last.
. "$(dirname "$0")/lib.sh"
start -- --content "$TEST_DATA_DIR/case-pack"
wait_for_status_bar

keys / c a s a m o l
wait_for "Search: casamol"
keys Escape
wait_gone "Search:"
keys t
wait_for "What would you like to do?"
keys a
wait_for "Question 1 of 1, part 1 of 3"
expect_screen "Part 1 of 3:"
expect_screen "Which receptor does Casamol act on?"
expect_screen "OF STEM."
expect_screen "I don't know."
# The stem is longer than the screen leaves it: its start is scrolled away
# to keep the part in view, and paging up brings it back.
expect_not_screen "Case: A made-up patient"
# ... and the part's heading says so, with the key that brings it back.
expect_screen "Part 1 of 3:  (case above: PgUp)"
keys PPage
wait_for "Case: A made-up patient took too much Casamol"
expect_not_screen "(case above: PgUp)"
keys NPage
wait_for "choose, Enter submits, x: I don't know."

# Part 1, a choice: the letter of "mu opioid".
letter=$(screen | sed -n 's/.*( ) \([a-c]\)) mu opioid.*/\1/p' | head -n 1)
[ -n "$letter" ] || fail "no choice 'mu opioid' on the screen: $(screen)"
keys "$letter" Enter
wait_for "✓ Correct"
expect_screen "Casamol is a made-up mu agonist."
expect_screen "Enter: part 2 of 3. The case is graded after its last part."
keys 3
wait_for "A case is graded once, after its last part"
keys Enter

# Part 2, typed: letters are text here.
wait_for "Question 1 of 1, part 2 of 3"
expect_screen "Name the antagonist that reverses it."
keys -l "flumazenil"
wait_for "Your answer: flumazenil_"
keys Enter
wait_for "✗ Wrong"
expect_screen "Right answer: naloxone"
expect_screen "Naloxone reverses mu agonists."
keys Enter

# Part 3, true or false; then the case's verdict and its one grade.
wait_for "Question 1 of 1, part 3 of 3"
expect_screen "Casamol causes small pupils."
keys a Enter
wait_for "✓ Correct"
expect_screen "Mu agonists constrict the pupils."
expect_screen "◐ Case: 2 of 3 parts right."
expect_screen "Graded Hard."
keys Enter
wait_for "Again: Question 2 of 2, part 1 of 3"
keys q
wait_for "Session over: 1 of 1 answered, 0 right the first time."
keys q
wait_gone "Session over"
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status"

log=$("$RXPLORE" --no-default-packs --content "$TUI_PACK" --content "$TEST_DATA_DIR/case-pack" progress export)
rows=$(printf '%s\n' "$log" | grep -c ',casamol-case,')
[ "$rows" -eq 1 ] || fail "expected 1 saved answer to the case, found $rows: $log"
printf '%s\n' "$log" | grep -q ',casamol-case,casamol,[^,]*,2,hard,' ||
	fail "the case was not saved once as Hard: $log"
pass
