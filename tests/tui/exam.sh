#!/bin/sh
# The exam's time limit and its summary: the chooser asks for minutes, the
# title counts down, the exam ends by itself when time is up (what was
# answered counts and is saved), and the summary opens the card behind each
# mistake.  RXPLORE_CLOCK_SPEED runs the pinned clock 30 times faster, so a
# one-minute exam lasts two seconds.
. "$(dirname "$0")/lib.sh"
start RXPLORE_CLOCK_SPEED=30 -- --content "$TEST_DATA_DIR/basic"
wait_for_status_bar
keys t
wait_for "What would you like to do?"
keys e
wait_for "Time limit: none"
expect_screen "leave it empty for no limit"

# Editing the limit: digits, Backspace, a cap, Esc back to the chooser.
keys 9 9 9
wait_for "Time limit: 99 minutes"
wait_for "At most 600 minutes"
keys BSpace BSpace
wait_for "Time limit: none"
keys Escape
wait_for "What would you like to do?"
keys e
wait_for "Time limit: none"
keys 1
wait_for "Time limit: 1 minute"
expect_not_screen "1 minutes"
keys Enter
wait_for "Question 1 of "
wait_for " left"
screen | grep -qE 'Question 1 of [0-9]+ · [01]:[0-5][0-9] left' || fail "no countdown in the title"

# One answer given in time, then the clock runs out on its own.
keys x
wait_for "Question 2 of "
wait_for "Time is up: the exam is over" 20
expect_screen "Time ran out. Score: 0 of "
expect_screen "Unanswered: "
expect_screen "Every answer is saved."

# The mistakes open their cards: pick the first, Enter, back, pick by o.
wait_for "o or Enter opens the card behind it"
keys j
sleep 0.2
first=$(screen | grep -E '^ 1\. ' | sed -E 's/^ 1\. ([^›]*) › .*/\1/; s/ +$//')
[ -n "$first" ] || fail "the first mistake has no card title"
keys Enter
wait_for "Esc back to the quiz"
expect_screen "$first"
keys q
wait_for "o or Enter opens the card behind it"
keys o
wait_for "Esc back to the quiz"
keys q
wait_for "Time ran out."
keys q
wait_gone "Time ran out."
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status"

# The one answer given before time ran out is in the log.
log=$("$RXPLORE" --no-default-packs --content "$TUI_PACK" --content "$TEST_DATA_DIR/basic" progress export)
rows=$(printf '%s\n' "$log" | grep -c ',exam')
[ "$rows" -eq 1 ] || fail "expected 1 saved exam answer, found $rows: $log"
check_sanitizers
pass
