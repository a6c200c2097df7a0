#!/bin/sh
# The quiz chooser's letters never move (issue 16): without marks the
# marked-topics entry is shown disabled, with marks it is enabled, and `e` is
# the exam both times, which then draws from the marked topics.  q in an exam
# asks first; n changes how many questions; the statistics list the topics
# weakest first, in the same order as `rxplore stats`.
. "$(dirname "$0")/lib.sh"
start -- --content "$TEST_DATA_DIR/basic"
wait_for "Is Zolpam a Ketazine?"

# --- no marks -----------------------------------------------------------------
keys t
wait_for "What would you like to do?"
expect_screen "b) Practice the marked topics (none marked: Space marks one)"
expect_screen "e) Exam: "
expect_screen "from everything, no feedback until the end"
expect_screen "f) Drill my mistakes of today (none today)"
expect_screen "h) Weakest topics (answer some questions first)"
expect_screen "a–i/Enter start"
expect_screen "Press a–i or Enter to start"
keys b
wait_for "No topics are marked: Space marks one in the list"
expect_screen "What would you like to do?"
keys f
wait_for "none today"
expect_not_screen "Question 1 of"
# n: how many questions; the exam's count follows.
keys n
wait_for "Questions per session: at most 10"
keys n
wait_for "Questions per session: at most 20"
keys n n
wait_for "Questions per session: all"
keys e
wait_for "Time limit: none"
keys Escape
wait_for "What would you like to do?"
keys q
wait_gone "What would you like to do?"

# --- two marked -------------------------------------------------------------
find_topic alphaz
keys Space
wait_for "1 marked"
find_topic betam
keys Space
wait_for "2 marked"
keys t
wait_for "What would you like to do?"
expect_screen "b) Practice the 2 marked topics ("
expect_screen "e) Exam: "
expect_screen "from the 2 marked topics, no feedback until the end"
expect_screen "c) Practice everything"
expect_screen "d) Review: "
keys e
wait_for "Time limit: none"
expect_screen "from the 2 marked topics"
keys Enter
wait_for "Question 1 of "

# q asks before it ends the exam; any other key goes on.
keys q
wait_for "End the exam (5 unanswered)? y ends it; other keys go on"
expect_screen "Question 1 of "
keys n
wait_for "The exam goes on"
expect_screen "Question 1 of "
expect_not_screen "Exam over"
keys x
wait_for "Question 2 of "
keys Escape
wait_for "End the exam (4 unanswered)?"
keys y
wait_for "Exam over."
expect_screen "Unanswered: "
keys q
wait_gone "Exam over."
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status"
tm kill-server >/dev/null 2>&1

# --- the statistics, weakest first: the same order as line mode ---------------
# Answers on two days, so the topics' recall differs.
printf 'x\nx\nx\n' | RXPLORE_NOW=2026-11-14T10:00:00 "$RXPLORE" --no-default-packs --content "$TUI_PACK" \
	--content "$TEST_DATA_DIR/basic" quiz --seed 3 --count 3 >"$work/quiz.out" 2>&1 ||
	fail "rxplore quiz failed: $(cat "$work/quiz.out")"
printf 'a\na\na\na\n' | RXPLORE_NOW=2026-11-20T10:00:00 "$RXPLORE" --no-default-packs --content "$TUI_PACK" \
	--content "$TEST_DATA_DIR/basic" quiz --seed 5 --count 4 >"$work/quiz.out" 2>&1 ||
	fail "rxplore quiz failed: $(cat "$work/quiz.out")"
order_cli=$("$RXPLORE" --no-default-packs --content "$TUI_PACK" --content "$TEST_DATA_DIR/basic" stats --width 78 |
	sed -n '/^Topics, weakest first/,/Recall:/p' | sed '1d;$d' | sed -E 's/^ +//; s/ {2,}.*//')
[ -n "$order_cli" ] || fail "rxplore stats listed no topics"

start -- --content "$TEST_DATA_DIR/basic"
wait_for "Is Zolpam a Ketazine?"
keys s
wait_for "Topics, weakest first"
# Scroll until the whole table, heading to legend, is on the screen (the
# confusions and leeches follow it, so the end of the page is too far).
i=0
until screen | grep -qF "Lapses: " && screen | grep -qF "Topics, weakest first"; do
	[ $i -lt 30 ] || fail "the topic table and its legend never fit on one screen"
	keys j
	sleep 0.1
	i=$((i + 1))
done
order_tui=$(screen | sed -n '/Topics, weakest first/,/Recall:/p' | sed '1d;$d' | sed -E 's/^ +//; s/ {2,}.*//')
expect_screen "Lapses: "
[ "$order_tui" = "$order_cli" ] || fail "the screen's order differs from rxplore stats: [$order_tui] [$order_cli]"
# Weakest first: the percentages never fall down the list; the unseen come last.
screen | sed -n '/Topics, weakest first/,/Recall:/p' | sed '1d;$d' |
	awk '{ v = ""; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+%$|^-$/) { v = $i; break }
	       if (v == "") next; if (v == "-") { dash = 1; next } if (dash) exit 1
	       sub(/%/, "", v); if (v + 0 < prev) exit 1; prev = v + 0 }' ||
	fail "the topics are not weakest first"
screen | grep -qE '^ +[A-Z].* [0-9]+% ' || fail "no topic with a recall percentage"
keys q
wait_for "Is Zolpam a Ketazine?"
keys q
wait_exit
check_sanitizers
pass
