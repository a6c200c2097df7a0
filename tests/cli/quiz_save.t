#!/bin/sh
# The line-mode quiz acknowledges an answer only once it is stored: when the
# database refuses the write, the learner is told at once (not only in the
# summary), and the count of saved answers says 0.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
basic="--no-default-packs --content $TEST_DATA_DIR/basic"
export RXPLORE_NOW=2026-11-21T09:30:00 TZ=UTC
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "ok 1 # SKIP the sqlite3 shell is not installed (package sqlite3)"
	echo "1..1"
	exit 0
fi
rx $basic stats
db="$XDG_STATE_HOME/rxplore/progress.db"
printf 'a\n' | "$RXPLORE" $basic quiz --count 1 --seed 1 >/dev/null 2>&1
[ -f "$db" ] || { echo "not ok 1 - the quiz created no database"; echo "1..1"; exit 1; }
sqlite3 "$db" "CREATE TRIGGER refuse BEFORE INSERT ON review_log BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"

status=0
printf 'x\nx\n' | "$RXPLORE" $basic quiz --count 2 --seed 2 >"$work/out" 2>"$work/err" || status=$?
out=$(cat "$work/out")
err=$(cat "$work/err")
expect_status "a quiz whose answers cannot be saved still ends normally" 0
expect_in "the first lost answer is reported at once" "$err" "warning: this answer was not saved: "
expect_in "with the database's reason" "$err" "refused by the test"
expect_in "the summary counts no saved answers" "$out" "0 answers saved."
first=$(grep -c "this answer was not saved" "$work/err")
expect_in "said once, not for every answer" "$first" 1
rows=$(sqlite3 "$db" "SELECT count(*) FROM review_log;")
expect_in "nothing was logged by that quiz" "$rows" 1
done_testing
