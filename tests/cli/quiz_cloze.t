#!/bin/sh
# Cloze questions in line mode (issue 17): every gap right, partly right (a
# gap wrong, a typo confirmed), wrong, not known; quiz --type cloze; the
# check rules; the exports and the Anki round trip.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
cloze="--no-default-packs --content $TEST_DATA_DIR/cloze-pack"
export RXPLORE_NOW=2026-11-21T09:30:00 TZ=UTC

# Right: both gaps, one by an alternative.
quiz "cl-
Kidneys
" --seed 1 $cloze
expect_status "a cloze quiz exits 0" 0
expect_in "the gaps are shown in the text" "$out" "Clozamol opens [gap 1] channels and is cleared by the [gap 2]."
expect_in "it says how to answer" "$out" "Fill in each gap in turn"
expect_in "the first gap is asked" "$out" "Gap 1 of 2:"
expect_in "then the second" "$out" "Gap 2 of 2:"
expect_in "both right" "$out" "✓ Correct."

# Partly right: a typo confirmed in one gap, the other wrong.
quiz "chlorid
y
liver
" --seed 1 $cloze
expect_in "a typo in a gap is asked about" "$out" "Did you mean “chloride”? Count it as right? (y/n)"
expect_in "one gap of two is partly right" "$out" "◐ Partly right: 1 of 2."
expect_in "the right answers, gap by gap" "$out" "Right answer: (1) chloride (also accepted: Cl-); (2) kidneys"
expect_in "not wholly right comes back in practice" "$out" "Question 2 of 2 (again) — Clozamol"

# Wrong, and not known.
quiz "sodium
liver
" --seed 1 --count 1 $cloze
expect_in "both gaps wrong" "$out" "✗ Wrong."
quiz "x
x
" --seed 1 --count 1 $cloze
expect_in "x in every gap is I don't know" "$out" "✗ Not known."

# The exam scores half a point for half the gaps, and FSRS gets one grade.
rx progress reset --yes $cloze
quiz "chloride
liver
" --mode exam --seed 1 $cloze
expect_in "partial credit in the exam score" "$out" "Score: 0.5 of 1 (50%)."
expect_in "the gaps as given" "$out" "Your answer: (1) chloride; (2) liver"
rx progress export $cloze
expect_in "half right is graded Again (less than two thirds)" "$out" "clozamol-cloze,clozamol,2026-11-21T09:30:00Z,1,again"

quiz "" --type cloze --seed 1 --count 1 --no-default-packs --content "$TEST_DATA_DIR/basic"
expect_status "no cloze questions in a pack without them" 1
quiz "q
" --type cloze --seed 1 $cloze
expect_in "--type cloze asks them" "$out" "Practice: 1 question."

# check: located errors.
mkdir -p "$work/bad"
cat >"$work/bad/bad.yaml" <<'YAML'
id: bad
title: Bad
kind: drug
summary: Made up.
quiz:
  - id: bad-nogap
    type: cloze
    cloze: This text has no gap at all.
YAML
rx check "$work/bad"
expect_status "check fails on a cloze with no gap" 1
expect_in "located at the text" "$out$err" "bad.yaml:8:12: error: a cloze question needs at least one gap, written {{answer}}"

# Exports.
rx export --format json $cloze
expect_in "json: the type" "$out" '"type": "cloze"'
expect_in "json: the marked text" "$out" '"cloze": "Clozamol opens {{chloride|Cl-}} channels and is cleared by the {{kidneys}}."'
rx export --format anki $cloze
expect_in "anki: a Cloze note" "$out" "clozamol-cloze	Cloze	Clozamol opens {{c1::chloride}} channels and is cleared by the {{c2::kidneys}}.	"
rx export --format md $cloze
expect_in "md: the gaps in the question" "$out" 'Clozamol opens \[gap 1\] channels'
expect_in "md: the answer key" "$out" "(1) chloride (also accepted: Cl-); (2) kidneys."
rx export --format anki -o "$work/deck.txt" $cloze
rx import "$work/deck.txt" -o "$work/back"
expect_status "import reads Cloze notes" 0
expect_in "as cloze questions" "$(cat "$work/back"/*.yaml)" 'cloze: "Clozamol opens {{chloride}} channels and is cleared by the {{kidneys}}."'
rx --no-default-packs --content "$work/back" check
expect_status "and they check" 0

done_testing
