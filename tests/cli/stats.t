#!/bin/sh
# rxplore stats: the empty state, then progress seeded by `rxplore quiz` with
# piped answers on two earlier days, read back as numbers and bar charts.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"

pack="$TEST_DATA_DIR/basic"
db="$XDG_STATE_HOME/rxplore/progress.db"
export TZ=UTC

# stats_at WHEN ARGS...: `rxplore stats` with the clock at WHEN.
stats_at() {
	when=$1
	shift
	RXPLORE_NOW=$when rx --no-default-packs --content "$pack" "$@"
}

# quiz_at WHEN ANSWERS ARGS...: `rxplore quiz` at WHEN, answers piped one a line.
quiz_at() {
	status=0
	printf "$2" | RXPLORE_NOW=$1 "$RXPLORE" --no-default-packs --content "$pack" quiz --seed 1 "$3" "$4" \
		>"$work/out" 2>"$work/err" || status=$?
	out=$(cat "$work/out")
	err=$(cat "$work/err")
}

# --- nothing studied yet ---
stats_at 2026-11-21T09:30:00 stats
expect_status "stats with no progress succeeds" 0
expect_in "says plainly there is no progress" "$out" "No study progress yet: 8 questions waiting."
expect_in "suggests rxplore quiz" "$out" "rxplore quiz"
if [ -e "$db" ]; then not_ok "looking does not create the database" "$db exists"; else
	ok "looking does not create the database"; fi

stats_at 2026-11-21T09:30:00 stats extra
expect_status "stats takes no arguments" 2
stats_at 2026-11-21T09:30:00 --profile 'no/such' stats
expect_status "a bad profile name is a usage error" 2
expect_in "the profile error names the rule" "$err" "--profile takes letters"

# --- three questions first seen on 10 Nov, reviewed (wrongly) on 20 Nov ---
quiz_at 2026-11-10T10:00:00 'x\nx\nx\n' --count 3
expect_status "quiz on 10 Nov saves answers" 0
expect_in "quiz saved three answers" "$out" "3 answers saved"
quiz_at 2026-11-20T10:00:00 'x\nx\nx\n' --mode review
expect_status "review on 20 Nov saves answers" 0

stats_at 2026-11-21T09:30:00 stats --width 80
expect_status "stats with progress succeeds" 0
expect_in "title with the study day" "$out" "Study statistics for Sat 21 Nov 2026 (days start at 04:00)"
expect_in "due today, all three lapsed" "$out" "Due today: 3 questions (3 in the next 7 days)"
expect_in "forecast starts today" "$out" "  Today       3"
expect_in "true retention counts only later-day answers" "$out" "0 of 3"
expect_in "topics count seen questions" "$out" "Topics, weakest first: 3 of 8 questions seen"
expect_in "seen of total and lapses per topic" "$out" "/4 seen, "
expect_in "the legend says what recall is" "$out" "Recall: the chance (FSRS) that you recall"
# Weakest first: every topic with a recall percentage comes before the
# topics never seen ("-"), and the percentages never fall down the list.
printf '%s\n' "$out" | sed -n '/^Topics, weakest first/,/^  Recall:/p' | sed '1d;$d' >"$work/topics"
if awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+%$|^-$/) { v = $i; break }
	  if (v == "-") { dash = 1; next } if (dash) exit 1
	  sub(/%/, "", v); if (v + 0 < prev) exit 1; prev = v + 0 }' "$work/topics" &&
	grep -q ' - ' "$work/topics" && grep -q '%' "$work/topics"; then
	ok "topics weakest first, the unseen last"
else
	not_ok "topics weakest first, the unseen last" "$(cat "$work/topics")"
fi
expect_in "answers per day" "$out" "Answers per day, last 30 days: 6 on 2 days (6 in all)"
expect_in "the chart starts on the first study day" "$out" "Tue 10 Nov  3"
expect_not_in "no empty days before it" "$out" "Mon 09 Nov"
expect_in "UTF-8 block bars" "$out" "█"

for width in 20 40 132; do
	stats_at 2026-11-21T09:30:00 stats --width "$width"
	widest=$(printf '%s\n' "$out" | wc -L)
	if [ "$status" -eq 0 ] && [ "$widest" -le "$width" ]; then
		ok "every line fits in $width columns"
	else
		not_ok "every line fits in $width columns" "status $status, widest line $widest" "$out"
	fi
done

LC_ALL=C
stats_at 2026-11-21T09:30:00 stats --width 60
LC_ALL=C.UTF-8
expect_in "ASCII bars without UTF-8" "$out" "###"
if printf '%s' "$out" | LC_ALL=C grep -q '[^ -~]'; then not_ok "only ASCII without UTF-8" "$out"; else
	ok "only ASCII without UTF-8"; fi

stats_at 2026-11-21T09:30:00 --profile clinic stats
expect_in "another profile has its own (empty) progress" "$out" "No study progress yet"
if [ -e "$XDG_STATE_HOME/rxplore/progress-clinic.db" ]; then
	not_ok "looking at a profile does not create its database"; else
	ok "looking at a profile does not create its database"; fi

# A month later the questions are long overdue and nothing was answered recently.
stats_at 2026-12-25T09:30:00 stats
expect_in "a month later: still due" "$out" "Due today: 3 questions"
expect_in "a month later: the 30-day window is empty" "$out" \
	"Answers per day, last 30 days: 0 on 0 days (6 in all)"
expect_in "a month later: all-time retention remains" "$out" "All time      0%"

done_testing
