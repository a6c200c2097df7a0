#!/bin/sh
# rxplore quiz in line mode (answers piped in), rxplore progress export / reset.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
basic="--no-default-packs --content $TEST_DATA_DIR/basic"
export RXPLORE_NOW=2026-11-21T09:30:00 TZ=UTC

# Usage errors exit 2 and save nothing.
for bad in "--mode sometimes" "--count 0" "--count lots" "--minutes 5" "--mode exam --minutes -1" \
	"--seed x" "--yes"; do
	quiz "" $bad $basic
	expect_status "quiz $bad is a usage error" 2
done
quiz "" extra $basic
expect_status "quiz takes no arguments" 2
rx list --mode exam $basic
expect_status "quiz options go with quiz only" 2
expect_in "the usage error says which command they go with" "$err" "go with the quiz"
quiz "" --topic nosuch $basic
expect_status "an unknown topic exits 1" 1
expect_in "an unknown topic gets a hint" "$err" "no topic 'nosuch'"
quiz "" --profile "bad/name" $basic
expect_status "a bad profile name is a usage error" 2

# Practice on one topic: answers by letter and by number, a wrong one, then end of input.
quiz "a
b
" --topic alphazine --seed 1 $basic
expect_status "practice exits 0 at end of input" 0
expect_in "questions are numbered" "$out" "Question 1 of 4 — Alphazine"
expect_in "choices are lettered" "$out" "  a) "
expect_in "a right answer is named in words and with a symbol" "$out" "✓ Correct."
expect_in "a wrong answer is named in words and with a symbol" "$out" "✗ Wrong."
expect_in "feedback shows the right answer" "$out" "Right answer:"
expect_in "feedback points to the card section" "$out" "rxplore show alphazine mechanism"
expect_in "end of input stops cleanly" "$out" "End of input: stopping."
expect_in "the summary counts the answers saved" "$out" "2 answers saved."
expect_in "the disclaimer is shown" "$out" "for education, not treatment decisions"

rx progress export $basic
expect_status "progress export exits 0" 0
expect_in "export has a header" "$out" "id,question_id,card_id,time,grade,grade_name,answer_ms,mode,updated_memory"
expect_in "export has the right answer" "$out" "alphazine:fact:receptor,alphazine,2026-11-21T09:30:00Z,3,good"
expect_in "export has the wrong answer" "$out" "alphazine-receptor,alphazine,2026-11-21T09:30:00Z,1,again"
rows=$(printf '%s\n' "$out" | grep -c '^[0-9]')
if [ "$rows" -eq 2 ]; then ok "early end of input saved exactly the answers given"; else
	not_ok "early end of input saved exactly the answers given" "rows: $rows" "$out"; fi
if printf '%s' "$out" | head -n 1 | od -c | grep -q '\\r'; then ok "export ends lines with CRLF (RFC 4180)"; else
	not_ok "export ends lines with CRLF (RFC 4180)"; fi

# A wrong answer comes back in practice, and the re-ask is logged as practice only.
quiz "b
x
x
x
a
" --topic alphazine --seed 1 $basic
expect_in "a wrong answer comes back later" "$out" "(again) — Alphazine"
rx progress export $basic
if printf '%s\n' "$out" | grep -Eq '^[0-9]+,alphazine:fact:receptor,alphazine,[^,]*,1,again,[0-9]+,practice,no'; then
	ok "a re-ask is logged without updating memory"; else not_ok "a re-ask is logged without updating memory" "$out"; fi

# Select-all answers with commas, and answers that do not fit are asked again.
quiz "zz
a,c
" --topic alphazine --seed 1 --count 1 $basic
expect_in "an answer that does not fit is asked again" "$out" "That answer does not fit this question."

# Exam: no feedback until the end, then the score, per topic, and every mistake.
rx progress reset --yes $basic
expect_status "progress reset --yes exits 0" 0
expect_in "progress reset says what it reset" "$out" "Progress reset:"
rx progress export $basic
rows=$(printf '%s\n' "$out" | grep -c '^[0-9]')
if [ "$rows" -eq 0 ]; then ok "reset empties the log"; else not_ok "reset empties the log" "$out"; fi

quiz "a
a
a
" --mode exam --count 4 --minutes 5 --seed 3 $basic
expect_status "exam exits 0" 0
expect_not_in "an exam gives no feedback along the way" "$out" "✓ Correct."
expect_in "an exam shows the time left" "$out" "5:00 left"
expect_in "an exam ends with the score" "$out" "Exam over. Score:"
expect_in "an exam counts unanswered questions" "$out" "Unanswered: 1."
expect_in "an exam scores per topic" "$out" "By topic:"
expect_in "an exam lists the mistakes" "$out" "Mistakes:"
expect_in "a mistake shows its explanation" "$out" "Its name says so."
expect_in "a mistake names the section to read" "$out" "1. Alphazine › Mechanism (rxplore show alphazine mechanism)"
expect_in "a mistake shows the answer given" "$out" "Your answer: a) Gamma receptor"
# The question left when the input ran out is unanswered, not a mistake.
expect_not_in "an unanswered question is not listed as a mistake" \
	"$(printf '%s\n' "$out" | sed -n '/^Mistakes:/,$p')" "Betamol is an agonist."
expect_not_in "nor given an answer of 'none'" "$out" "Your answer: none"
rx progress export $basic
expect_in "exam answers are logged as exam" "$out" ",exam,yes"

# Review: what practice left in a learning step (a miss, or a first Good)
# is due again today; new questions up to the daily limit, counting only
# those first met in Review (practice and exams do not use it up).
mkdir -p "$XDG_CONFIG_HOME/rxplore"
printf 'new_per_day: 4\n' >"$XDG_CONFIG_HOME/rxplore/config.yaml"
quiz "" --mode review $basic
expect_in "practice leaves the new allowance alone; its steps are due today" "$out" \
	"Review: 3 due, 4 new (new today so far: 0 of 4)."
printf 'new_per_day: 1\n' >"$XDG_CONFIG_HOME/rxplore/config.yaml"
quiz "a
a
a
a
a
a
a
a
" --mode review --seed 2 $basic
expect_in "review shows when each answer comes back" "$out" "Graded Again: next in 1m."
expect_in "a miss in review comes back in the same session" "$out" "(again) — "
quiz "" --mode review $basic
expect_in "a first answer in review uses up the allowance" "$out" "new today so far: 1 of 1)."
printf 'new_per_day: 0\n' >"$XDG_CONFIG_HOME/rxplore/config.yaml"
quiz "" --mode review --profile untouched $basic
expect_status "an empty review exits 0" 0
expect_in "an empty review says so" "$out" "Nothing is due"
rm "$XDG_CONFIG_HOME/rxplore/config.yaml"
RXPLORE_NOW=2026-11-25T09:30:00 quiz "" --mode review $basic
expect_in "days later the answers are due" "$out" "Review: 4 due"

# Profiles keep separate databases.
quiz "a
" --profile clinic --seed 1 $basic
rx progress export --profile clinic $basic
rows=$(printf '%s\n' "$out" | grep -c '^[0-9]')
if [ "$rows" -eq 1 ]; then ok "--profile keeps its own log"; else not_ok "--profile keeps its own log" "$out"; fi

# reset without --yes and without a terminal refuses.
rx progress reset $basic
expect_status "progress reset without a terminal or --yes is refused" 2
rx progress export $basic
rows=$(printf '%s\n' "$out" | grep -c '^[0-9]')
if [ "$rows" -gt 0 ]; then ok "a refused reset keeps the log"; else not_ok "a refused reset keeps the log"; fi
rx progress
expect_status "progress needs export or reset" 2
rx progress export --yes $basic
expect_status "--yes goes with reset only" 2

# A damaged database is moved aside with a warning; the quiz goes on.
db="$XDG_STATE_HOME/rxplore/progress.db"
rm -f "$db" "$db-wal" "$db-shm"
printf 'this is not a database at all, not even close.......................' >"$db"
quiz "a
" --seed 1 $basic
expect_status "a damaged database does not stop the quiz" 0
expect_in "a damaged database gives a warning" "$err" "rxplore: warning:"
expect_in "the answer is still saved in the fresh database" "$out" "1 answer saved."

done_testing
