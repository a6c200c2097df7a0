#!/bin/sh
# `s` opens the statistics: first the plain "no progress yet" screen, then,
# after answers saved by `rxplore quiz` and an exam date, the headings and
# bars, the workload chart and the exam plan; it scrolls at
# 80x24, draws '#' bars without UTF-8, and q/Esc go back to browsing.
. "$(dirname "$0")/lib.sh"
# The UI fixture pack has no questions; the basic one does.
TUI_PACK="$TEST_DATA_DIR/basic"

start
wait_for "The card the fixture pack opens on"
keys s
wait_for "Study statistics for Sat 21 Nov 2026"
expect_screen "No study progress yet"
expect_screen "Press t on a topic"
expect_screen "Esc back"
keys q
wait_for "The card the fixture pack opens on"
[ ! -e "$XDG_STATE_HOME/rxplore/progress.db" ] || fail "looking at the statistics created a database"
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status"
tm kill-server >/dev/null 2>&1

# Two answers the day before (both "I don't know"), saved by the line-mode quiz.
printf 'x\nx\n' | RXPLORE_NOW=2026-11-20T10:00:00 "$RXPLORE" --no-default-packs --content "$TUI_PACK" \
	quiz --seed 1 --count 2 >"$work/quiz.out" 2>&1 || fail "rxplore quiz failed: $(cat "$work/quiz.out")"
grep -q "2 answers saved" "$work/quiz.out" || fail "quiz did not save: $(cat "$work/quiz.out")"
# An exam date: the statistics end with the plan to it.
"$RXPLORE" exam set 2026-12-19 >"$work/exam.out" 2>&1 || fail "rxplore exam set failed: $(cat "$work/exam.out")"

start
wait_for "The card the fixture pack opens on"
keys s
wait_for "Due today: 2 questions"
expect_screen "True retention"
expect_screen "Topics, weakest first: 2 of"
expect_screen "█"
expect_not_screen "Answers per day"
keys G
wait_for "Exam on 2026-12-19: 28 days left"
expect_screen "Week from Today"
expect_screen "would be below 90% on the day"
keys k k k k k k
wait_for "Workload: answers a day over the next 30 days"
expect_screen "▸ 90%"
expect_screen "/day"
keys k k k k k k k k k k k k
wait_for "Answers per day, last 30 days: 2 on 1 day (2 in all)"
expect_screen "Fri 20 Nov"
keys g
wait_for "Due today: 2 questions"
keys Escape
wait_for "The card the fixture pack opens on"
keys s
wait_for "Due today: 2 questions"
keys q
wait_for "The card the fixture pack opens on"
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status"
tm kill-server >/dev/null 2>&1

# Without UTF-8 the bars are '#'.
start LANG=C LC_ALL=C --
wait_for "The card the fixture pack opens on"
keys s
wait_for "Due today: 2 questions"
expect_screen "##"
keys q
wait_for "The card the fixture pack opens on"
keys q
wait_exit
pass
