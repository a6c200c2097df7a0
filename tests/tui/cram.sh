#!/bin/sh
# With an exam date the quiz chooser offers cram; a cram question says that
# nothing is rescheduled, and its answer leaves the memory states as they were.
. "$(dirname "$0")/lib.sh"
TUI_PACK="$TEST_DATA_DIR/basic"

# Progress from two weeks before, and an exam date, set in line mode.
printf 'x\nx\nx\n' | RXPLORE_NOW=2026-11-07T10:00:00 "$RXPLORE" --no-default-packs --content "$TUI_PACK" \
	quiz --seed 1 --count 3 >"$work/quiz.out" 2>&1 || fail "rxplore quiz failed: $(cat "$work/quiz.out")"
"$RXPLORE" exam set 2026-12-19 >"$work/exam.out" 2>&1 || fail "rxplore exam set failed: $(cat "$work/exam.out")"
db="$XDG_STATE_HOME/rxplore/progress.db"
memory() { sqlite3 "$db" 'SELECT * FROM memory ORDER BY question_id' 2>/dev/null; }
before=$(memory)

start
wait_for "The card the fixture pack opens on"
keys t
wait_for "What would you like to do?"
expect_screen "Cram for the exam on 2026-12-19"
letter=$(screen | grep -E '^ +[a-i]\) Cram for the exam' | sed -E 's/^ +([a-i])\).*/\1/')
[ -n "$letter" ] || fail "no cram entry"
keys "$letter"
wait_for "Cram"
wait_for "Question 1 of 3"
keys x
wait_for "Cram: nothing is rescheduled."
expect_not_screen "Change it:"
keys Enter
wait_for "Question 2 of"
keys Escape
keys q
keys q
wait_exit
if command -v sqlite3 >/dev/null 2>&1; then
	[ -n "$before" ] && [ "$(memory)" = "$before" ] || fail "a cram answer changed a memory state"
	[ "$(sqlite3 "$db" "SELECT count(*) FROM review_log WHERE mode = 'cram'")" -ge 1 ] ||
		fail "the cram answer was not logged as cram"
fi
pass
