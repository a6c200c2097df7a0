#!/bin/sh
# What the learner chose: rxplore confusions, quiz --contrast, how a confusion fades, leeches.
# A scripted learner keeps answering baclofen's receptor question with "GABA-A".
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
pack="--no-default-packs --content $TEST_DATA_DIR/confuse-pack"
export TZ=UTC

rx confusions $pack
expect_status "confusions with nothing answered exits 0" 0
expect_in "nothing answered: none yet" "$out" "None yet"
rx confusions extra $pack
expect_status "confusions takes no arguments" 2
for bad in "baclofen" "baclofen," ",baclofen" "baclofen,benzodiazepines,gabapentin" "baclofen,baclofen"; do
	rx quiz --contrast "$bad" $pack
	expect_status "quiz --contrast $bad is a usage error" 2
done
rx quiz --contrast baclofen,nosuch $pack
expect_status "quiz --contrast with an unknown topic exits 1" 1
rx quiz --contrast baclofen,benzodiazepines --topic baclofen $pack
expect_status "--contrast and --topic do not go together" 2

# exam ARGS...: an exam of seed 1 with the answers on stdin ($answers); sets $out.
exam() {
	status=0
	printf '%s' "$answers" | "$RXPLORE" quiz --mode exam --seed 1 "$@" $pack >"$work/out" 2>"$work/err" || status=$?
	out=$(cat "$work/out")
}

. "${TOP_SRCDIR:-.}/tests/cli/learner.sh"
learner_probe "$RXPLORE" $pack
expect_in "the baclofen exam has the sedation question (equal for both topics)" "$probe" "How sedating is Baclofen?"
gaba_a=$(learner_letters "GABA-A receptor (benzodiazepine site)" "Which receptor does baclofen activate?")
case $gaba_a in *[a-f]*) ok "the learner finds the GABA-A choice" ;; *) not_ok "the learner finds the GABA-A choice" "$probe" ;; esac
if learner_gaba_a "$RXPLORE" $pack; then ok "the learner's three exams ran"; else not_ok "the learner's three exams ran"; fi
# Then one more recent, weaker confusion: gabapentin's use for baclofen's.
answers="$(learner_letters "Neuropathic pain, focal seizures" "What is Baclofen used for?")
"
RXPLORE_NOW=2026-11-04T10:00:00 exam --topic baclofen

export RXPLORE_NOW=2026-11-05T10:00:00
rx confusions $pack
expect_status "confusions exits 0" 0
first=$(printf '%s\n' "$out" | grep -m1 '^1\. ')
expect_in "GABA-A three times: baclofen ↔ benzodiazepines is first" "$first" \
	"1. Baclofen ↔ Benzodiazepines: 3 wrong answers, last 03 Nov 2026"
expect_in "the weaker, more recent pair comes second" "$out" "2. Baclofen ↔ Gabapentin: 1 wrong answer"
expect_in "a pair says how to compare it" "$out" "Compare: rxplore compare baclofen benzodiazepines"
expect_in "a pair names the explainer that compares both" "$out" "Read:    rxplore show is-baclofen-a-benzo"
expect_in "a pair says how to drill it" "$out" "Drill:   rxplore quiz --contrast baclofen,benzodiazepines"
expect_in "the explainer of the second pair is the overview that names both" \
	"$(printf '%s\n' "$out" | sed -n '/^2\./,$p')" "Read:    rxplore show gaba-drugs-overview"
expect_in "the fading rule is stated" "$out" "fades by one"

rx stats $pack
expect_in "stats lists the confusions beside the statistics" "$out" "1. Baclofen ↔ Benzodiazepines"
expect_in "stats has a leeches section" "$out" "Leeches"

# The contrast drill asks only the questions whose answers differ.
answers=$(printf 'x\nx\nx\nx\nx\nx\nx\nx\nx\n')
exam --profile probe --contrast baclofen,benzodiazepines
expect_status "a contrast drill exits 0" 0
drill=$out
expect_in "the drill asks the contrast questions of both topics" "$drill" "Exam: 6 questions"
expect_in "it asks the authored receptor question" "$drill" "Which receptor does baclofen activate?"
expect_in "it asks the generated receptor question of the class" "$drill" "Which receptor does Benzodiazepines act on?"
expect_in "it asks an authored question whose wrong choice is the other topic" "$drill" \
	"What reverses a benzodiazepine overdose?"
expect_not_in "equal cells are not asked (sedation)" "$drill" "How sedating"
expect_not_in "questions that do not contrast the two are not asked" "$drill" "How is baclofen cleared?"

# Fading: two right first answers to contrast questions take two away.
probe=$drill
right=$(printf '%s\n' "$drill" | sed -n 's/^Right answer: \([a-f]\)) .*/\1/p' | head -n 2)
answers="$right
"
RXPLORE_NOW=2026-11-06T10:00:00 exam --contrast baclofen,benzodiazepines
RXPLORE_NOW=2026-11-06T11:00:00 rx confusions $pack
expect_in "right contrast answers fade the pair" "$out" "1. Baclofen ↔ Benzodiazepines: 1 left of 3 wrong answers"
expect_not_in "a pair with nothing left is no longer listed" "$out" "Gabapentin"

# Leeches: a question failed leech_threshold times is offered its section first.
mkdir -p "$XDG_CONFIG_HOME/rxplore"
printf 'leech_threshold: 3\n' >"$XDG_CONFIG_HOME/rxplore/config.yaml"
rx stats $pack
expect_in "stats lists the leech" "$out" "- How is baclofen cleared? (Baclofen): failed 4 times"
answers=$(printf 'x\nx\nx\nx\nx\nx\n')
exam --topic baclofen
expect_not_in "an exam offers nothing (cards stay closed until its end)" "$out" "You have missed"
# Practice of seed 1 lays its questions out as the exam of seed 1: answered
# right, none comes back, and every offer shows.
learner_probe "$RXPLORE" $pack
printf '%s\n' "$probe" | sed -n 's/^Right answer: \([a-f]\)) .*/\1/p' |
	"$RXPLORE" quiz --seed 1 --topic baclofen $pack >"$work/out" 2>&1
out=$(cat "$work/out")
# (the exam just above failed it a fifth time)
expect_in "before a leech, the quiz offers its section" "$out" \
	"You have missed this question 5 times. Read Baclofen › Pharmacokinetics first."
expect_in "with the command that shows it" "$out" "  rxplore show baclofen pharmacokinetics"
expect_in "a leech whose wrong answers chose another topic offers the comparison" "$out" \
	"  rxplore compare baclofen benzodiazepines"
expect_in "and says why" "$out" "Benzodiazepines: compare it with Baclofen first."
printf 'leech_threshold: lots\n' >"$XDG_CONFIG_HOME/rxplore/config.yaml"
rx stats $pack
expect_in "a bad leech_threshold is a located warning" "$err" "config.yaml:1:18: warning: expected a number from 1 to 99"
expect_in "and the default applies" "$out" "Leeches"

# The JSON export carries the topics, parallel to the choices.
rx export --format json baclofen $pack
topics=$(printf '%s\n' "$out" | python3 -c 'import json,sys
d = json.load(sys.stdin)
q = [q for c in d["cards"] for q in c["quiz"] if q["id"] == "baclofen-receptor"][0]
print(q["choice_topics"])' 2>&1)
expect_in "the JSON export has each choice's topic" "$topics" "[None, 'benzodiazepines', 'gabapentin', 'tizanidine']"

# check: a choice topic is validated where it is written.
mkdir -p "$work/cards"
printf 'id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n  - id: a-q\n    ask: q\n    choices:\n      - x\n      - text: y\n        topic: Not An Id\n    answer: x\n' \
	>"$work/cards/a.yaml"
rx check --no-default-packs "$work/cards"
expect_status "check fails on a bad choice topic" 1
expect_in "with the place of the topic" "$err$out" "a.yaml:11:16: error: choice topic 'Not An Id' is not a card id"
printf 'id: a\ntitle: A\nkind: drug\nsummary: x\nquiz:\n  - id: a-q\n    ask: q\n    choices:\n      - x\n      - text: y\n        topic: nowhere\n    answer: x\n' \
	>"$work/cards/a.yaml"
rx check --strict --no-default-packs "$work/cards"
expect_in "a topic that names no loaded card is a located warning" "$err$out" \
	"a.yaml:11:16: warning: choice 'y' of a question of 'a' stands for 'nowhere', which is not loaded"

done_testing
