#!/bin/sh
# rxplore progress merge FILE and progress export --format db -o FILE:
# progress carried between two machines on a stick (issue 20).
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
basic="--no-default-packs --content $TEST_DATA_DIR/basic"
export TZ=UTC
state="$XDG_STATE_HOME/rxplore"

# Two machines: the default profile and --profile other, with answers on
# different days (and so different reviews).
printf 'a\nb\na\n' | RXPLORE_NOW=2026-11-20T10:00:00 "$RXPLORE" $basic quiz --seed 1 --count 3 >/dev/null 2>&1
printf 'b\nb\n' | RXPLORE_NOW=2026-11-21T10:00:00 "$RXPLORE" $basic --profile other quiz --seed 2 \
	--count 2 >/dev/null 2>&1

rx $basic progress export --format db -o "$work/stick.db"
expect_status "progress export --format db -o FILE" 0
if [ -f "$work/stick.db" ] && [ ! -e "$work/stick.db-wal" ] && [ ! -e "$work/stick.db-journal" ]; then
	ok "the copy is one file"
else
	not_ok "the copy is one file" "$(ls -la "$work")"
fi
rx $basic progress export
mine=$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f2-)

rx $basic --profile other progress merge "$work/stick.db"
expect_status "progress merge a database" 0
expect_in "it says what it added" "$out" "3 reviews read, 3 added, 0 already there, 0 skipped"
rx $basic --profile other progress export
theirs=$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f2-)
missing=$(printf '%s\n' "$mine" | while IFS= read -r line; do
	printf '%s\n' "$theirs" | grep -qxF -- "$line" || echo "$line"; done)
if [ -z "$missing" ] && [ "$(printf '%s\n' "$theirs" | wc -l)" -eq 5 ]; then
	ok "the merged log is the union"
else
	not_ok "the merged log is the union" "missing: $missing" "log: $theirs"
fi

rx $basic --profile other progress merge "$work/stick.db"
expect_in "merging again adds nothing" "$out" "0 added, 3 already there"

# The CSV of progress export merges too, and the merge goes both ways.
rx $basic --profile other progress export
printf '%s\n' "$out" >"$work/other.csv"
rx $basic progress merge "$work/other.csv"
expect_status "progress merge a CSV" 0
expect_in "the other machine's reviews are added" "$out" "5 reviews read, 2 added, 3 already there"
rx $basic progress export
a=$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f2- | sort)
rx $basic --profile other progress export
b=$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f2- | sort)
if [ "$a" = "$b" ]; then ok "A<-B and B<-A end with the same log"; else not_ok "A<-B and B<-A" "$a" "---" "$b"; fi

# Malformed rows: FILE:ROW: error, skipped, the rest merged, exit 1.
{
	echo "id,question_id,card_id,time,grade,grade_name,answer_ms,mode,updated_memory"
	echo "1,alphazine-q,alphazine,2026-11-25T10:00:00Z,3,good,1000,practice,yes"
	echo "2,alphazine-q,alphazine,2026-11-25T10:00:00Z,9,good,1000,practice,yes"
	echo "3,alphazine-q,alphazine,not a time,3,good,1000,practice,yes"
} >"$work/bad.csv"
rx $basic progress merge "$work/bad.csv"
expect_status "a file with bad rows merges the rest and exits 1" 1
expect_in "row 3 is reported" "$err" "$work/bad.csv:3: error: the grade is not 1-4; row skipped"
expect_in "row 4 is reported" "$err" "$work/bad.csv:4: error: no valid answer time; row skipped"
expect_in "the good row is added" "$out" "3 reviews read, 1 added"

rx $basic progress merge "$work/nothing-here.db"
expect_status "a missing file is a problem" 1
expect_in "and says so" "$err" "nothing merged"
for f in "$state"/progress.db-wal "$state"/progress.db-shm; do
	[ -e "$f" ] && not_ok "no $f after the commands" || ok "no $(basename "$f") after the commands"
done

# Usage errors.
rx $basic progress merge
expect_status "merge needs a FILE" 2
rx $basic progress export --format db
expect_status "--format db needs -o" 2
rx $basic progress export --format xml
expect_status "an unknown progress format" 2
rx $basic progress merge "$work/x" -o "$work/y"
expect_status "-o goes with export only" 2
rx $basic quiz -o "$work/y"
expect_status "-o does not go with quiz" 2

# SIGINT, SIGTERM and SIGHUP while the line-mode quiz waits for an answer:
# it ends by the signal, but closes the database first.
for sig in INT TERM HUP; do
	rm -f "$work/in"
	mkfifo "$work/in"
	sleep 30 >"$work/in" &
	holder=$!
	"$RXPLORE" $basic quiz --seed 3 --count 2 <"$work/in" >"$work/q.out" 2>&1 &
	quiz=$!
	n=0
	while ! grep -q '^> ' "$work/q.out" 2>/dev/null && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
	kill -s "$sig" "$quiz"
	qstatus=0
	wait "$quiz" || qstatus=$?
	kill "$holder" 2>/dev/null
	wait "$holder" 2>/dev/null
	case $sig in INT) want=130 ;; TERM) want=143 ;; HUP) want=129 ;; esac
	if [ "$qstatus" = "$want" ] && [ ! -e "$state/progress.db-wal" ] && [ ! -e "$state/progress.db-shm" ]; then
		ok "SIG$sig in the line-mode quiz leaves no -wal or -shm"
	else
		not_ok "SIG$sig in the line-mode quiz" "status $qstatus (wanted $want)" "$(ls "$state")"
	fi
done
done_testing
