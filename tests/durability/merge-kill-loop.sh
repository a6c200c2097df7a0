#!/bin/sh
# A merge is one transaction, even under SIGKILL.  N times (default 50):
# `rxplore progress merge` of a database with thousands of reviews into a
# profile with some of its own is killed with SIGKILL at a random moment.
# Afterwards, every time:
#   - PRAGMA integrity_check says ok;
#   - the log holds either none of the merge (exactly the rows before) or all
#     of it (the union, as a merge left to finish makes it);
#   - every memory state counts exactly the logged answers that updated it.
#
#   tests/durability/merge-kill-loop.sh [N [PATH/TO/rxplore]]
#
# Needs the sqlite3 command-line shell.  Exit status 0 when every check holds.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-50}
RXPLORE=${2:-${RXPLORE:-$top/build/src/rxplore}}
case $RXPLORE in /*) ;; *) RXPLORE=$(pwd)/$RXPLORE ;; esac
[ -x "$RXPLORE" ] || { echo "merge-kill-loop: no rxplore at $RXPLORE" >&2; exit 1; }
command -v sqlite3 >/dev/null 2>&1 ||
	{ echo "merge-kill-loop: the sqlite3 shell is not installed (package sqlite3)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rxplore-merge-kill.XXXXXX")
cleanup() {
	[ -n "${merge:-}" ] && kill -s KILL "$merge" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_STATE_HOME="$work/home/.local/state" XDG_DATA_DIRS="$work/nowhere"
export TZ=UTC LC_ALL=C.UTF-8
mkdir -p "$HOME"
db="$XDG_STATE_HOME/rxplore/progress.db"
rx() { "$RXPLORE" --no-default-packs --content "$top/tests/data/basic" "$@"; }

# Two profiles made by rxplore itself (so the schema is the real one), then
# filled by the shell: "ours" 300 reviews, "theirs" 6000, the first 100 of
# which are also ours.  Each question is reviewed on several days.
rx progress export >/dev/null && rx --profile theirs progress export >/dev/null ||
	{ echo "merge-kill-loop: rxplore cannot create a database" >&2; exit 1; }
fill() { # DB FIRST LAST
	sqlite3 "$1" "WITH RECURSIVE n(i) AS (SELECT $2 UNION ALL SELECT i + 1 FROM n WHERE i < $3)
		INSERT INTO review_log (question_id, card_id, at, grade, answer_ms, mode, updated_memory)
		SELECT 'q' || (i % 97), 'card' || (i % 7), 1795000000 + i * 4000, 1 + i % 4, i * 13,
			'review', 1 FROM n;"
}
theirs="$XDG_STATE_HOME/rxplore/progress-theirs.db"
fill "$db" 1 300 && fill "$theirs" 201 6200 || exit 1
# Memory states for ours, as a merge would replay them: merge ours into an
# empty profile and take that as the starting point.
cp "$db" "$work/raw.db"
rm -f "$db"
rx progress merge "$work/raw.db" >/dev/null || { echo "merge-kill-loop: the seeding merge failed" >&2; exit 1; }
cp "$db" "$work/before.db"
before=$(sqlite3 "$db" "SELECT count(*) FROM review_log;")
rx progress merge "$theirs" >"$work/full.out" 2>&1 || { cat "$work/full.out" >&2; exit 1; }
after=$(sqlite3 "$db" "SELECT count(*) FROM review_log;")
[ "$after" -gt "$before" ] || { echo "merge-kill-loop: the merge added nothing" >&2; exit 1; }
# How long a whole merge takes here, so that kills land inside it.
start=$(date +%s%N)
cp "$work/before.db" "$db"
rx progress merge "$theirs" >/dev/null 2>&1
span_ms=$((($(date +%s%N) - start) / 1000000 + 1))

none=0 all=0 bad=0
i=1
while [ $i -le "$runs" ]; do
	cp "$work/before.db" "$db"
	rm -f "$db-wal" "$db-shm" "$db-journal"
	delay=$(awk -v seed="$i" -v span="$span_ms" 'BEGIN { srand(seed); printf "%.3f", rand() * span / 1000 }')
	# rxplore itself, not the rx function: a function in the background is a
	# subshell, and SIGKILL to that subshell would leave rxplore running on.
	"$RXPLORE" --no-default-packs --content "$top/tests/data/basic" progress merge "$theirs" >/dev/null 2>&1 &
	merge=$!
	sleep "$delay"
	kill -s KILL "$merge" 2>/dev/null
	wait "$merge" 2>/dev/null
	merge=
	integrity=$(sqlite3 "$db" "PRAGMA integrity_check;" 2>&1)
	rows=$(sqlite3 "$db" "SELECT count(*) FROM review_log;" 2>&1)
	mismatched=$(sqlite3 "$db" "SELECT count(*) FROM memory m WHERE m.reviews !=
		(SELECT count(*) FROM review_log r WHERE r.question_id = m.question_id AND r.updated_memory = 1);")
	if [ "$integrity" != ok ]; then
		echo "run $i: integrity_check: $integrity" >&2
		bad=$((bad + 1))
	elif [ "$rows" = "$before" ]; then
		none=$((none + 1))
	elif [ "$rows" = "$after" ]; then
		all=$((all + 1))
	else
		echo "run $i: $rows rows: neither $before (none of the merge) nor $after (all of it)" >&2
		bad=$((bad + 1))
	fi
	[ "$mismatched" = 0 ] || { echo "run $i: $mismatched memory states disagree with the log" >&2; bad=$((bad + 1)); }
	i=$((i + 1))
done
echo "merge-kill-loop: $runs merges killed within ${span_ms} ms; $none left none of the merge, $all all of it;" \
	"problems: $bad"
[ "$bad" -eq 0 ]
