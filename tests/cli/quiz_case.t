#!/bin/sh
# Case vignettes in line mode (issue 17): a stem and its parts answered from a
# pipe, each with its own input (a letter, typed text, true/false); all right,
# partly right, all wrong, not known; one grade for the case; the exam's
# fraction and the mistakes naming the part; quiz --type case; check.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
kase="--no-default-packs --content $TEST_DATA_DIR/case-pack"
export RXPLORE_NOW=2026-11-21T09:30:00 TZ=UTC

# The choice part is shuffled by the seed: find its right letter.
quiz "q
" --seed 1 $kase
right=$(printf '%s\n' "$out" | sed -n 's/^  \([a-c]\)) mu opioid$/\1/p')
wrong=$(printf '%s\n' "$out" | sed -n 's/^  \([a-c]\)) H1$/\1/p')
expect_in "the stem comes first" "$out" "Case: A made-up patient took too much Casamol and is drowsy"
expect_in "then the first part" "$out" "Part 1 of 3:"

# All right: each part in its own way, its explanation after it.
quiz "$right
Naloxone
t
" --seed 1 $kase
expect_status "a case quiz exits 0" 0
expect_in "the stem is shown again with the second part" "$out" "Part 2 of 3:
Name the antagonist that reverses it."
expect_in "a typed part asks for text" "$out" "Type the answer and press Enter"
expect_in "a true/false part" "$out" "Part 3 of 3:
Casamol causes small pupils."
expect_in "each part's explanation after it" "$out" "Casamol is a made-up mu agonist."
expect_in "the last part's explanation" "$out" "Mu agonists constrict the pupils."
expect_in "the case's verdict" "$out" "✓ Case: all 3 parts right."
expect_in "one grade for the whole case" "$out" "Graded Good"
expect_in "saved once" "$out" "1 answer saved."

# Partly right: two of three (Hard), the case comes back in practice.
quiz "$right
naloxone
f
q
" --seed 1 $kase
expect_in "a wrong part says so" "$out" "✗ Wrong."
expect_in "with its right answer" "$out" "Right answer:
  a) True"
expect_in "two of three" "$out" "◐ Case: 2 of 3 parts right."
expect_in "graded Hard" "$out" "Graded Hard"
expect_in "re-asked whole" "$out" "Question 2 of 2 (again) — Casamol"

# All wrong, and not known.
quiz "$wrong
flumazenil
f
" --seed 1 --count 1 --mode exam $kase
expect_in "no feedback in an exam" "$out" "Exam over. Score: 0 of 1 (0%)."
expect_in "the mistakes name each part" "$out" "Part 2 of 3 (casamol-case/2): Name the antagonist that reverses it."
expect_in "with the answer given" "$out" "Your answer: flumazenil"
expect_in "and the right one" "$out" "Right answer: naloxone"
quiz "x
x
x
" --seed 1 $kase
expect_in "x in every part is not known" "$out" "✗ Case: not known."

# The exam adds the fraction; the progress log has one row, under the case's id.
rx progress reset --yes $kase
quiz "$right
naloxone
f
" --mode exam --seed 1 $kase
expect_in "partial credit in the exam score" "$out" "Score: 0.7 of 1 (67%)."
rx progress export $kase
expect_in "one row for the case, graded Hard" "$out" "casamol-case,casamol,2026-11-21T09:30:00Z,2,hard"
expect_not_in "no row for a part" "$out" "casamol-case/"

# --type case.
quiz "q
" --type case --seed 1 $kase
expect_in "--type case asks it" "$out" "Practice: 1 question."
quiz "" --type case --seed 1 --count 1 --no-default-packs --content "$TEST_DATA_DIR/basic"
expect_status "no cases in a pack without them" 1

# check: located errors.
mkdir -p "$work/bad"
cat >"$work/bad/bad.yaml" <<'YAML'
id: bad
title: Bad
kind: drug
summary: Made up.
quiz:
  - id: bad-case
    type: case
    stem: A patient.
    parts:
      - ask: Is it so?
        answer: true
YAML
rx check "$work/bad"
expect_status "check fails on a case of one part" 1
expect_in "located at the parts" "$out$err" "bad.yaml:10:7: error: a case needs at least 2 questions (parts:), not 1"

# Exports: JSON with the parts' own types, an Anki Basic note, handouts with the key.
rx export --format json $kase
expect_in "json: the type" "$out" '"type": "case"'
expect_in "json: the stem" "$out" '"stem": "A made-up patient took too much Casamol'
expect_in "json: a part with its own type and id" "$out" '"id": "casamol-case/2",
              "type": "typed"'
rx export --format anki $kase
expect_in "anki: one Basic note" "$out" "casamol-case	Basic	A made-up patient"
expect_in "anki: the parts on the front" "$out" "<b>2.</b> Name the antagonist that reverses it.<br><br><b>3.</b> Casamol causes small pupils."
expect_in "anki: each answer and explanation on the back" "$out" "<b>2.</b> <b>Answer:</b> naloxone<br>Naloxone reverses mu agonists."
expect_in "anki: tagged as a case" "$out" "rxplore::question::case"
rx export --format md $kase
expect_in "md: the parts numbered under the case" "$out" "**1.2** Name the antagonist that reverses it."
expect_in "md: the key, part by part" "$out" "**1.2** naloxone. Naloxone reverses mu agonists."
rx export --format html $kase
expect_in "html: the parts as a list" "$out" '<ol class="parts">'
expect_in "html: the key" "$out" "<li><p><b>naloxone</b> — Naloxone reverses mu agonists."

done_testing
