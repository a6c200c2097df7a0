#!/bin/sh
# Line mode's quiz flow (issue 16): q in an exam asks before it ends it; the
# drills of today's and the week's mistakes and of the weakest topics, by
# --mode; nothing to drill is good news, not an error.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
basic="--no-default-packs --content $TEST_DATA_DIR/basic"
export TZ=UTC

# quiz_at TIME ANSWERS ARGS...: rxplore quiz at TIME with the answers on stdin.
quiz_at() {
	when=$1 answers=$2
	shift 2
	status=0
	printf '%b' "$answers" | RXPLORE_NOW=$when "$RXPLORE" quiz "$@" >"$work/out" 2>"$work/err" || status=$?
	out=$(cat "$work/out")
	err=$(cat "$work/err")
}

# --- an exam: q asks first; anything but y goes on, y ends it --------------
quiz_at 2026-11-21T09:30:00 'q\nn\nx\nq\ny\n' --mode exam --count 3 --seed 4 $basic
expect_status "the exam exits 0" 0
expect_in "q asks before ending the exam" "$out" "End the exam now? 3 questions are unanswered. y ends it; anything else goes on."
expect_in "n goes on" "$out" "The exam goes on."
n=$(printf '%s\n' "$out" | grep -c '^Question 1 of 3')
[ "$n" -eq 2 ] && ok "going on asks the same question again" || not_ok "going on asks the same question again" "$out"
expect_in "the second q counts what is left" "$out" "End the exam now? 2 questions are unanswered."
expect_in "y ends it, with the rest unanswered" "$out" "Unanswered: 2."
expect_in "the one answer is saved" "$out" "1 answer saved."

quiz_at 2026-11-21T09:40:00 'q\n' --mode exam --count 2 --seed 4 $basic
expect_status "end of input at the question stops the exam" 0
expect_in "end of input stops it" "$out" "End of input: stopping."

# Practice needs no confirmation: q stops at once.
quiz_at 2026-11-21T09:45:00 'q\n' --count 2 --seed 4 $basic
expect_not_in "practice does not ask before stopping" "$out" "End the exam"
expect_in "practice stops on q" "$out" "Stopping."

# --- drills -------------------------------------------------------------------
rx quiz --mode sometimes $basic
expect_status "an unknown mode is a usage error" 2
expect_in "the usage error lists the modes" "$err" "practice, review, exam, cram, mistakes, mistakes-week or weakest"
rx quiz --mode weakest --topic alphazine $basic
expect_status "weakest picks its own topics: --topic is a usage error" 2

# A fresh profile: nothing to drill yet.
quiz_at 2026-11-22T10:00:00 '' --mode mistakes --profile fresh $basic
expect_status "no mistakes is not an error" 0
expect_in "no mistakes today" "$out" "No mistakes today: nothing to drill."
quiz_at 2026-11-22T10:00:00 '' --mode weakest --profile fresh $basic
expect_status "no answers yet: no weakest topics, exit 0" 0
expect_in "the weakest drill says why it has nothing" "$out" "Nothing answered yet"

# Three wrong answers (I don't know) on 18 Nov; one of them missed again on 22 Nov.
quiz_at 2026-11-18T10:00:00 'x\nx\nx\n' --profile drill --count 3 --seed 7 $basic
expect_in "three answers on 18 Nov" "$out" "3 answers saved."
quiz_at 2026-11-22T10:00:00 '' --mode mistakes --profile drill $basic
expect_in "none today: the mistakes were four days ago" "$out" "No mistakes today: nothing to drill."
quiz_at 2026-11-22T10:00:00 'x\n' --mode mistakes-week --profile drill --seed 1 $basic
expect_status "the week's mistakes exit 0" 0
expect_in "the week's mistakes: the three questions" "$out" "Your mistakes of the last week: 3 questions."
expect_in "a drill is practice: feedback at once" "$out" "✗ Not known."
quiz_at 2026-11-22T10:05:00 '' --mode mistakes --profile drill --seed 1 $basic
expect_in "the one missed today is today's mistake" "$out" "Your mistakes of today: 1 question."

quiz_at 2026-11-22T10:10:00 '' --mode weakest --profile drill --seed 1 $basic
expect_status "the weakest drill exits 0" 0
expect_in "the weakest drill names its topics first" "$out" "Weakest topics: "
topics=$(printf '%s\n' "$out" | sed -n 's/^Weakest topics: //p')
export RXPLORE_NOW=2026-11-22T10:10:00
rx stats --profile drill --width 100 $basic
weakest=$(printf '%s\n' "$out" | sed -n '/^Topics, weakest first/{n;p;}' | sed -E 's/^  (.*[^ ]) +[0-9]+%.*/\1/')
case $topics in
"$weakest"*) ok "the drill's first topic is the statistics' weakest ($weakest)" ;;
*) not_ok "the drill's first topic is the statistics' weakest" "drill: $topics; stats: $weakest" ;;
esac

done_testing
