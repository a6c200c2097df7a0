#!/bin/sh
# An ordering and a matching in the quiz screen at 80x24 (issue 17): the rows
# numbered and lettered, an unreadable answer refused with its reason (and
# left to edit), partly right with each pair marked, then right when each
# comes back; the answers saved with their grades.
. "$(dirname "$0")/lib.sh"
start -- --content "$TEST_DATA_DIR/order-pack"
wait_for_status_bar

# label TEXT: the number or letter the screen gives TEXT.
label() {
	screen | sed -n "s/^ *\([0-9a-e]\)[.)] $1 *\$/\1/p" | head -n 1
}

# answer_right: types the right answer to the question on screen.
answer_right() {
	if screen | grep -q "Put Ordamol's steps"; then
		keys -l "$(label 'Alpha step') $(label 'Bravo step') $(label 'Charlie step') $(label 'Delta step')"
	else
		keys -l "$(label Anteater) $(label Beekeeper) $(label Cowherd)"
	fi
	keys Enter
}

keys / o r d a m o l
wait_for "Search: ordamol"
keys Escape
wait_gone "Search:"
keys t
wait_for "What would you like to do?"
keys a
wait_for "Question 1 of 2"

# partly_right: an unreadable answer (its reason shown, the text kept to
# edit), then a partly right one, each pair marked.
partly_right() {
	keys -l "1 1 2"
	keys Enter
	if screen | grep -q "Put Ordamol's steps"; then
		expect_screen "Type the numbers in the right order (for example 3 1 4 2)"
		wait_for "1 is typed twice"
		expect_screen "Your answer: 1 1 2_"
		keys C-u
		wait_for "Your answer: _"
		keys -l "$(label 'Bravo step') $(label 'Charlie step') $(label 'Delta step') $(label 'Alpha step')"
		keys Enter
		wait_for "Partly right: 2 of 3"
		expect_screen "Right order"
		expect_screen "✗ 2. Bravo step"
		expect_screen "✓ 3. Charlie step"
		expect_screen "Graded Hard."
	else
		expect_screen "Match with:"
		expect_screen "Type a letter for each numbered item, in order (for example b a c)"
		wait_for "Give each item one letter: b a c, or 1b 2a 3c."
		expect_screen "Your answer: 1 1 2_"
		keys C-u
		wait_for "Your answer: _"
		keys -l "$(label Anteater) $(label Cowherd) $(label Beekeeper)"
		keys Enter
		wait_for "Partly right: 1 of 3"
		expect_screen "Right pairs:"
		expect_screen "✓ 1. Ant → Anteater"
		expect_screen "✗ 2. Bee → Beekeeper (you: Cowherd)"
		expect_screen "Graded Again."
	fi
	keys Enter
}

# Both partly right; both come back and are answered right.
partly_right
wait_for "Question 2 of 3"
partly_right
wait_for "Again: Question 3 of 4"
answer_right
wait_for "✓ Correct"
keys Enter
wait_for "Again: Question 4 of 4"
answer_right
wait_for "✓ Correct"
keys Enter
wait_for "Session over: 2 of 2 answered, 0 right the first time."
keys q
wait_gone "Session over"
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status"

log=$("$RXPLORE" --no-default-packs --content "$TUI_PACK" --content "$TEST_DATA_DIR/order-pack" progress export)
for id in ordamol-steps ordamol-pairs; do
	rows=$(printf '%s\n' "$log" | grep -c "^[0-9]*,$id,")
	[ "$rows" -eq 2 ] || fail "expected 2 saved answers to $id, found $rows: $log"
done
printf '%s\n' "$log" | grep -q "^[0-9]*,ordamol-steps,ordamol,[^,]*,2,hard," ||
	fail "the partly right ordering was not saved as Hard: $log"
printf '%s\n' "$log" | grep -q "^[0-9]*,ordamol-pairs,ordamol,[^,]*,1,again," ||
	fail "the partly right matching was not saved as Again: $log"
pass
