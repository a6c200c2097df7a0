#!/bin/sh
# Typed answers in line mode (issue 17): right, wrong and a typo confirmed
# ("partly right": one letter off, counted when the learner says it was
# meant), I don't know, quiz --type, the check rules, and the exports.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
typed="--no-default-packs --content $TEST_DATA_DIR/typed-pack"
export RXPLORE_NOW=2026-11-21T09:30:00 TZ=UTC

# Right, through the folding rules.
quiz "gaba b
" --topic fixamol --seed 1 $typed
expect_status "a typed quiz exits 0" 0
expect_in "the question is asked without choices" "$out" "Type the receptor that Fixamol activates."
expect_not_in "no lettered choices" "$out" "  a) "
expect_in "it says how to answer" "$out" "Type the answer and press Enter; x = I don't know; q = stop."
expect_in "'gaba b' is GABA-B receptor" "$out" "✓ Correct."
expect_in "one right the first time" "$out" "1 of 1 answered, 1 right the first time."

# An accepted alternative.
quiz "FIXAMOL-SITE
" --topic fixamol --seed 1 $typed
expect_in "an alternative wording counts" "$out" "✓ Correct."

# Wrong: the answer and its alternatives are shown, and it comes back.
quiz "gaba a
gaba-b
" --topic fixamol --seed 1 $typed
expect_in "GABA-A is not GABA-B (no typo)" "$out" "✗ Wrong."
expect_not_in "a one-letter difference is not asked about" "$out" "Did you mean"
expect_in "the right answer and its alternatives" "$out" "Right answer: GABA-B receptor (also accepted: Fixamol site)"
expect_in "a wrong typed answer comes back in practice" "$out" "Question 2 of 2 (again) — Fixamol"

# Partly right: one typo; counted only when the learner says it was meant.
quiz "histamine h1 receptr
y
" --topic kalmine --seed 1 $typed
expect_in "a generated typed question" "$out" "What is the main target of Kalmine?"
expect_in "one typo asks" "$out" "Did you mean “Histamine H1 receptor”? Count it as right? (y/n)"
expect_in "y counts it" "$out" "✓ Counted as right (a typo)."
quiz "histamin h1
n
x
" --topic kalmine --seed 1 $typed
expect_in "n does not count it" "$out" "✗ Wrong."
expect_in "x is I don't know" "$out" "✗ Not known."

# Saved with its grade; the typed text is not kept in the progress log.
rx progress export $typed
expect_in "a typo counted as right is graded Good" "$out" "kalmine:fact:receptor:typed,kalmine,2026-11-21T09:30:00Z,3,good"
expect_in "a declined typo is graded Again" "$out" "kalmine:fact:receptor:typed,kalmine,2026-11-21T09:30:00Z,1,again"

# An exam: the mistake lists the answer as typed.
quiz "dopamine
histamine h1
" --mode exam --seed 1 $typed
expect_in "exam score" "$out" "Score: 1 of 2 (50%)."
expect_in "the typed answer in the mistakes" "$out" "Your answer: dopamine"

# quiz --type.
quiz "" --type essay $typed
expect_status "an unknown --type is a usage error" 2
expect_in "it names the types" "$err" "--type takes single, multi, true-false, typed, cloze or case, not 'essay'"
quiz "" --type order $typed
expect_status "a type not written yet is a usage error" 2
quiz "" --type single $typed
expect_status "no single-choice questions here" 1
quiz "q
" --type typed --seed 2 --count 5 $typed
expect_in "--type typed asks the typed ones" "$out" "Practice: 2 questions."
quiz "x
" --type typed --seed 1 --count 1 --no-default-packs --content "$TEST_DATA_DIR/basic"
expect_status "no typed questions in a pack without them" 1

# The issue's example, on the bundled pack.
out=$(printf 'gaba b\n' | "$RXPLORE" quiz --type typed --topic baclofen --count 1 --seed 1 2>&1)
expect_in "bundled: 'gaba b' counts for baclofen" "$out" "✓ Correct."

# check: located errors for the typed rules.
mkdir -p "$work/bad/cards"
cat >"$work/bad/cards/bad.yaml" <<'YAML'
id: bad
title: Bad
kind: drug
summary: Made up.
quiz:
  - id: bad-empty
    type: typed
    ask: Which?
    answer: GABA-B
    accept: [GABAB, ""]
YAML
rx check "$work/bad"
expect_status "check fails on a typed answer with an empty alternative" 1
expect_in "at the alternative" "$out$err" "bad.yaml:10:21: error: an accepted answer is empty"
cat >"$work/bad/pack.yaml" <<'YAML'
format: 1
pack: bad
title: Bad
version: 1
license: CC0-1.0
facts:
  - key: receptor
    label: Receptor
    typed: maybe
YAML
rx check "$work/bad"
expect_in "typed: in the vocabulary must be true or false" "$out$err" "pack.yaml:9:12: error: 'typed' must be true or false"

# Exports.
rx export --format json $typed
expect_in "json: the type" "$out" '"type": "typed"'
expect_in "json: the alternatives" "$out" '"accept": ['
rx export --format anki $typed
expect_in "anki: a type-in note" "$out" "fixamol-typed	Basic (type in the answer)	Type the receptor that Fixamol activates."
expect_in "anki: its back is the answer alone" "$out" "	GABA-B receptor	rxplore "
expect_in "anki: tagged typed" "$out" "rxplore::question::typed"
rx export --format md $typed
expect_in "md: a write-in line" "$out" "*(Fixamol; write the answer)*"
expect_in "md: the answer key" "$out" "GABA-B receptor (also accepted: Fixamol site)."
rx export --format anki -o "$work/deck.txt" $typed
rx import "$work/deck.txt" -o "$work/back"
expect_status "import reads type-in notes" 0
expect_in "as typed questions" "$(cat "$work/back"/*.yaml)" "type: typed"

done_testing
