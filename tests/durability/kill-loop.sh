#!/bin/sh
# Durability under SIGKILL.  N times (default 200): a line-mode practice quiz
# is fed one answer at a time by a slow writer and killed with SIGKILL at a
# random moment; every run shares one progress database.  Afterwards:
#   - PRAGMA integrity_check says ok, and rxplore opens the database without
#     calling it damaged;
#   - every answer the quiz acknowledged on its standard output ("✓ Correct."
#     etc., printed only after the answer's COMMIT returned) is in the review
#     log, with its question id and grade, in that run's rows (each run has its
#     own pinned RXPLORE_NOW), and a run has at most one row more than acks
#     (killed between the commit and the flush of its feedback);
#   - every memory state counts exactly the logged answers that updated it
#     (the log row and the state are one transaction).
#
#   tests/durability/kill-loop.sh [N [PATH/TO/rxplore]]
#
# The binary defaults to $RXPLORE, else ./build/src/rxplore.  Needs the
# sqlite3 command-line shell.  Exit status 0 when every check holds.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-200}
RXPLORE=${2:-${RXPLORE:-$top/build/src/rxplore}}
case $RXPLORE in /*) ;; *) RXPLORE=$(pwd)/$RXPLORE ;; esac
[ -x "$RXPLORE" ] || { echo "kill-loop: no rxplore at $RXPLORE" >&2; exit 1; }
command -v sqlite3 >/dev/null 2>&1 || { echo "kill-loop: the sqlite3 shell is not installed (package sqlite3)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rxplore-kill.XXXXXX")
cleanup() {
	[ -n "${writer:-}" ] && kill -s KILL "$writer" 2>/dev/null
	[ -n "${quiz:-}" ] && kill -s KILL "$quiz" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_STATE_HOME="$work/home/.local/state" XDG_DATA_DIRS="$work/nowhere"
export TZ=UTC LC_ALL=C.UTF-8
unset NO_COLOR
mkdir -p "$HOME"
db="$XDG_STATE_HOME/rxplore/progress.db"

# A generated pack: 24 topics, one true/false question each (explicit ids,
# no facts, so nothing else is asked); "Topic NN" asks question tNN-q.
pack="$work/pack"
mkdir -p "$pack/cards"
printf 'format: 1\npack: kill-loop\ntitle: Kill loop\nversion: 2026.01\nlicense: CC-BY-4.0\n' >"$pack/pack.yaml"
n=1
while [ $n -le 24 ]; do
	nn=$(printf '%02d' $n)
	answer=true
	[ $((n % 2)) = 0 ] && answer=false
	cat >"$pack/cards/t$nn.yaml" <<EOF
id: t$nn
title: Topic $nn
kind: concept
summary: Generated topic $nn.
quiz:
  - id: t$nn-q
    ask: Topic $nn is numbered $nn.
    answer: $answer
    explain: Generated.
status: draft
EOF
	n=$((n + 1))
done

# awk's rand() with a per-run seed: the answers, the pauses between them
# (0-39 ms) and the moment of the kill (0-999 ms after the start).  A whole
# session takes longer than that on a fast machine, so most runs are killed.
plan() {
	awk -v seed="$1" 'BEGIN {
		srand(seed)
		printf "%d\n", int(rand() * 1000)
		for (i = 0; i < 60; i++) {
			r = rand(); a = r < 0.45 ? "a" : r < 0.9 ? "b" : "x"
			printf "%s %d\n", a, int(rand() * 40)
		}
	}'
}

# feed PLANFILE: writes the answers one line at a time, pausing between them.
feed() {
	tail -n +2 "$1" | while read -r answer pause; do
		printf '%s\n' "$answer"
		sleep "0.0$(printf '%02d' "$pause")"
	done
}

base=1795000000		# a fixed epoch; run i answers at base + i hours
killed=0 finished=0 acks_total=0 rows_total=0 unacked=0 bad=0
i=1
while [ $i -le "$runs" ]; do
	plan "$i" >"$work/plan"
	delay=$(head -n 1 "$work/plan")
	rm -f "$work/in"
	mkfifo "$work/in"
	RXPLORE_NOW=$((base + i * 3600)) "$RXPLORE" --no-default-packs --content "$pack" \
		quiz --seed "$i" --count 24 <"$work/in" >"$work/out.$i" 2>"$work/err.$i" &
	quiz=$!
	feed "$work/plan" >"$work/in" &
	writer=$!
	sleep "$(awk -v ms="$delay" 'BEGIN { printf "%.3f", ms / 1000 }')"
	if kill -s KILL "$quiz" 2>/dev/null; then
		killed=$((killed + 1))
	else
		finished=$((finished + 1))
	fi
	wait "$quiz" 2>/dev/null
	kill -s KILL "$writer" 2>/dev/null
	wait "$writer" 2>/dev/null
	quiz= writer=

	# The acks this run printed, as "question-id grade" lines.
	awk '/^Question [0-9]+ of [0-9]+/ { n = $NF }
	     /^✓ Correct\.$/ { printf "t%s-q 3\n", n }
	     /^✗ (Wrong|Not known)\.$/ { printf "t%s-q 1\n", n }' "$work/out.$i" | sort >"$work/acks"
	at=$((base + i * 3600))
	sqlite3 "$db" "SELECT question_id, grade FROM review_log WHERE at = $at;" 2>/dev/null |
		tr '|' ' ' | sort >"$work/rows"
	acks=$(wc -l <"$work/acks")
	rows=$(wc -l <"$work/rows")
	acks_total=$((acks_total + acks))
	rows_total=$((rows_total + rows))
	missing=$(comm -23 "$work/acks" "$work/rows")
	if [ -n "$missing" ]; then
		echo "run $i: acknowledged but not in the log: $missing" >&2
		bad=$((bad + 1))
	fi
	if [ "$rows" -gt $((acks + 1)) ]; then
		echo "run $i: $rows rows for $acks acknowledged answers" >&2
		bad=$((bad + 1))
	fi
	[ "$rows" -gt "$acks" ] && unacked=$((unacked + 1))
	if grep -q "damaged" "$work/err.$i"; then
		echo "run $i: rxplore called the database damaged: $(cat "$work/err.$i")" >&2
		bad=$((bad + 1))
	fi
	rm -f "$work/out.$i" "$work/err.$i"
	i=$((i + 1))
done

integrity=$(sqlite3 "$db" "PRAGMA integrity_check;" 2>&1)
[ "$integrity" = ok ] || { echo "integrity_check: $integrity" >&2; bad=$((bad + 1)); }
all_rows=$(sqlite3 "$db" "SELECT count(*) FROM review_log;")
[ "$all_rows" = "$rows_total" ] || { echo "the log has $all_rows rows, the runs account for $rows_total" >&2; bad=$((bad + 1)); }
mismatched=$(sqlite3 "$db" "SELECT m.question_id FROM memory m WHERE m.reviews !=
	(SELECT count(*) FROM review_log r WHERE r.question_id = m.question_id AND r.updated_memory = 1);")
[ -z "$mismatched" ] || { echo "memory states that disagree with the log: $mismatched" >&2; bad=$((bad + 1)); }
orphans=$(sqlite3 "$db" "SELECT DISTINCT question_id FROM review_log WHERE updated_memory = 1
	AND question_id NOT IN (SELECT question_id FROM memory);")
[ -z "$orphans" ] || { echo "logged answers with no memory state: $orphans" >&2; bad=$((bad + 1)); }
if ! "$RXPLORE" --no-default-packs --content "$pack" progress export >"$work/export" 2>"$work/export.err"; then
	echo "rxplore cannot read the database afterwards: $(cat "$work/export.err")" >&2
	bad=$((bad + 1))
fi
[ "$(($(wc -l <"$work/export") - 1))" = "$all_rows" ] || { echo "progress export disagrees with the log" >&2; bad=$((bad + 1)); }
ls "$XDG_STATE_HOME/rxplore" | grep -q damaged && { echo "a damaged copy was set aside" >&2; bad=$((bad + 1)); }

echo "kill-loop: $runs runs ($killed killed, $finished finished first); $acks_total answers acknowledged," \
	"$rows_total rows logged ($unacked runs killed between a commit and its acknowledgement);" \
	"integrity_check: $integrity; problems: $bad"
[ "$bad" -eq 0 ]
