#!/bin/sh
# rxplore exam set|clear and its effects: the exam plan and the workload
# chart in `rxplore stats`, and cram (--mode cram), whose answers change no
# memory state (read from the database before and after).
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"

pack="$TEST_DATA_DIR/basic"
db="$XDG_STATE_HOME/rxplore/progress.db"
export TZ=UTC RXPLORE_NOW=2026-11-21T09:30:00

# quiz_at WHEN ANSWERS ARGS...: `rxplore quiz` at WHEN, answers piped one a line.
quiz_at() {
	when=$1
	answers=$2
	shift 2
	status=0
	printf "$answers" | RXPLORE_NOW=$when "$RXPLORE" --no-default-packs --content "$pack" quiz "$@" \
		>"$work/out" 2>"$work/err" || status=$?
	out=$(cat "$work/out")
	err=$(cat "$work/err")
}

# --- the exam date ---
rx exam
expect_status "exam with no date succeeds" 0
expect_in "says there is none and how to set one" "$out" "rxplore exam set YYYY-MM-DD"
rx exam set 2026-12-19
expect_status "exam set succeeds" 0
expect_in "exam set says the date" "$out" "Exam date: 2026-12-19."
rx exam
expect_in "exam shows the date and the days left" "$out" "Exam date: 2026-12-19 (in 28 days)."
for bad in "set" "set 2026-02-30" "set tomorrow" "set 2026-12-19 extra" "clear now" "soon"; do
	# shellcheck disable=SC2086
	rx exam $bad
	expect_status "exam $bad is a usage error" 2
done
rx exam
expect_in "a bad date changes nothing" "$out" "Exam date: 2026-12-19"
rx exam --profile clinic
expect_in "another profile has its own exam date" "$out" "No exam date."
mkdir -p "$XDG_CONFIG_HOME/rxplore"
printf 'exam_date: 2027-01-15\n' >"$XDG_CONFIG_HOME/rxplore/config.yaml"
rx exam --profile clinic
expect_in "the config file's exam_date applies to a profile without one" "$out" \
	"Exam date: 2027-01-15 (in 55 days), from the config file."
rx exam clear
expect_in "exam clear falls back to the config file" "$out" "exam_date 2027-01-15 still applies"
printf 'exam_date: 15/01/2027\n' >"$XDG_CONFIG_HOME/rxplore/config.yaml"
rx exam
expect_in "a malformed exam_date is a located warning" "$err" "config.yaml:1:"
expect_in "and is ignored" "$out" "No exam date."
rm "$XDG_CONFIG_HOME/rxplore/config.yaml"
rx exam set 2026-12-19

# --- cram with nothing reviewed ---
quiz_at 2026-11-21T09:30:00 "" --mode cram
expect_status "cram with nothing reviewed is a problem" 1
expect_in "and says why" "$err" "nothing to cram"

# --- some progress, then the plan and the chart ---
quiz_at 2026-11-10T09:30:00 "a\nb\na\nb\na\nb\na\nb\n" --seed 1
quiz_at 2026-11-10T09:45:00 "a\nb\na\nb\na\nb\na\nb\n" --mode review --seed 2
rx --no-default-packs --content "$pack" stats
expect_status "stats with an exam date succeeds" 0
expect_in "stats draws the workload chart" "$out" "Workload: answers a day over the next 30 days"
expect_in "at four retentions, the learner's marked" "$out" "▸ 90%"
expect_in "stats plans the days until the exam" "$out" "Exam on 2026-12-19: 28 days left"
expect_in "the plan counts what is at risk" "$out" "would be below 90% on the day"
rx --no-default-packs --content "$pack" stats --width 40
too_wide=$(printf '%s\n' "$out" | awk 'length($0) > 40 * 3' | head -n 1)
if [ -z "$too_wide" ]; then ok "stats at 40 columns stays narrow"; else not_ok "stats at 40 columns stays narrow" "$too_wide"; fi
expect_in "the chart is there at 40 columns too" "$out" "/day"
LANG=C LC_ALL=C rx --no-default-packs --content "$pack" stats
expect_in "without UTF-8 the chart marks the setting in ASCII" "$out" "> 90%"

# --- cram changes no memory state ---
if command -v sqlite3 >/dev/null 2>&1; then
	memory() { sqlite3 "$db" 'SELECT * FROM memory ORDER BY question_id'; }
	before=$(memory)
	quiz_at 2026-11-21T09:30:00 "x\na\nb\nx\na\nb\nx\na\nb\n" --mode cram --seed 4
	expect_status "cram exits 0" 0
	expect_in "cram says what it does" "$out" "most at risk on the exam day. Schedules are not changed."
	expect_not_in "cram shows no next interval" "$out" "next in"
	after=$(memory)
	if [ -n "$before" ] && [ "$before" = "$after" ]; then ok "cram answers change no memory state"; else
		not_ok "cram answers change no memory state" "$before
---
$after"; fi
	crams=$(sqlite3 "$db" "SELECT count(*) FROM review_log WHERE mode = 'cram' AND updated_memory = 0")
	moved=$(sqlite3 "$db" "SELECT count(*) FROM review_log WHERE mode = 'cram' AND updated_memory = 1")
	if [ "$crams" -gt 0 ] && [ "$moved" -eq 0 ]; then ok "cram answers are logged as cram"; else
		not_ok "cram answers are logged as cram" "$crams $moved"; fi
	rx progress export
	expect_in "the export names the cram mode" "$out" ",cram,no"
else
	skip_case "cram answers change no memory state" "no sqlite3"
fi
done_testing
