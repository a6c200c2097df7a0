#!/bin/sh
# Orderings and matchings in line mode (issue 17): answered from a pipe right,
# partly right, wrong and not known; unreadable answers explained and asked
# again; the exam's partial credit and the grade saved; quiz --type; the check
# rules; the exports.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
pack="--no-default-packs --content $TEST_DATA_DIR/order-pack"
export RXPLORE_NOW=2026-11-21T09:30:00 TZ=UTC

# label TEXT: the number or letter the question just shown gives TEXT.
label() {
	printf '%s\n' "$out" | sed -n "s/^  \([0-9a-e]\)[.)] $1\$/\1/p" | head -n 1
}
# The same seed shows the same order: read it once, then answer.
quiz "q
" --type order --seed 1 $pack
A=$(label "Alpha step") B=$(label "Bravo step") C=$(label "Charlie step") D=$(label "Delta step")
case "$A$B$C$D" in 1234) not_ok "an ordering is never shown in order" "shown as $A$B$C$D" ;; *) ok "an ordering is never shown in order" ;; esac
expect_in "the items are numbered" "$out" "  $A. Alpha step"
expect_in "it says how to answer" "$out" "Type the numbers in the right order, first to last"

# Right, in each accepted form.
quiz "$A $B $C $D
" --type order --seed 1 --count 1 $pack
expect_status "an ordering quiz exits 0" 0
expect_in "right with spaces" "$out" "✓ Correct."
quiz "$A,$B,$C,$D
" --type order --seed 1 --count 1 $pack
expect_in "right with commas" "$out" "✓ Correct."
quiz "$A$B$C$D
" --type order --seed 1 --count 1 $pack
expect_in "right run together" "$out" "✓ Correct."

# Partly right: Bravo, Charlie, Delta, Alpha keeps two pairs of three.
quiz "$B $C $D $A
" --type order --seed 1 --count 1 $pack
expect_in "two pairs of three" "$out" "◐ Partly right: 2 of 3."
expect_in "the right order, the first unmarked" "$out" "  1. Alpha step"
expect_in "a pair broken is crossed" "$out" "✗ 2. Bravo step"
expect_in "a pair kept is ticked" "$out" "✓ 3. Charlie step"
expect_in "the explanation" "$out" "Alpha, Bravo, Charlie, Delta, as the alphabet goes."
expect_in "partly right comes back in practice" "$out" "Question 2 of 2 (again) — Ordamol"

# Wrong, and unreadable answers asked again before "I don't know".
quiz "$D $C $B $A
" --type order --seed 1 --count 1 $pack
expect_in "reversed is wrong" "$out" "✗ Wrong."
quiz "1 1 2 3
1 2 3
1 2 3 9
one two
x
" --type order --seed 1 --count 1 $pack
expect_in "a number twice is explained" "$out" "1 is typed twice: type each number from 1 to 4 once."
expect_in "too few is explained" "$out" "3 numbers for 4 items: type each number once."
expect_in "out of range is explained" "$out" "9 is not one of the items: the numbers go from 1 to 4."
expect_in "words are explained" "$out" "Type the numbers of the items only, from 1 to 4."
expect_in "none of them was graded" "$out" "✗ Not known."
expect_not_in "nothing graded wrong on the way" "$out" "✗ Wrong."

# A matching: read the letters, then right, partly right, wrong.
quiz "q
" --type match --seed 1 $pack
a=$(label Anteater) b=$(label Beekeeper) c=$(label Cowherd)
expect_in "the left items numbered" "$out" "  1. Ant"
expect_in "the right items lettered" "$out" "  $a) Anteater"
quiz "$a $b $c
" --type match --seed 1 --count 1 $pack
expect_in "a matching right" "$out" "✓ Correct."
quiz "1$a 3$c 2$b
" --type match --seed 1 --count 1 $pack
expect_in "numbered pairs in any order" "$out" "✓ Correct."
quiz "$a $c $b
" --type match --seed 1 --count 1 $pack
expect_in "one pair of three" "$out" "◐ Partly right: 1 of 3."
expect_in "the right pairs" "$out" "Right pairs:"
expect_in "a right pair is ticked" "$out" "✓ 1. Ant → Anteater"
expect_in "a wrong pair says what was given" "$out" "✗ 2. Bee → Beekeeper (you: Cowherd)"
quiz "$b $c $a
" --type match --seed 1 --count 1 $pack
expect_in "no pair right is wrong" "$out" "✗ Wrong."
quiz "$a $a $b
x
" --type match --seed 1 --count 1 $pack
expect_in "a letter twice is explained" "$out" "$a is given twice: each letter goes with one item."

# The exam adds the fraction; FSRS gets one grade from the credit.
rx progress reset --yes $pack
quiz "$B $C $D $A
" --mode exam --type order --seed 1 $pack
expect_in "two thirds of a point" "$out" "Score: 0.7 of 1 (67%)."
expect_in "the report names the order given" "$out" "Your answer: 1. Bravo step; 2. Charlie step; 3. Delta step; 4. Alpha step"
expect_in "and the right one" "$out" "Right answer: 1. Alpha step; 2. Bravo step; 3. Charlie step; 4. Delta step"
quiz "$b $a $c
" --mode exam --type match --seed 1 $pack
expect_in "a third of a point" "$out" "Score: 0.3 of 1 (33%)."
rx progress export $pack
expect_in "two thirds right is graded Hard" "$out" "ordamol-steps,ordamol,2026-11-21T09:30:00Z,2,hard"
expect_in "one third right is graded Again" "$out" "ordamol-pairs,ordamol,2026-11-21T09:30:00Z,1,again"

# quiz --type.
quiz "q
" --type match --seed 1 $pack
expect_in "--type match asks only the matching" "$out" "Practice: 1 question."
quiz "" --type order --seed 1 --no-default-packs --content "$TEST_DATA_DIR/basic"
expect_status "no orderings in a pack without them" 1

# check: located errors.
mkdir -p "$work/bad"
cat >"$work/bad/bad.yaml" <<'YAML'
id: bad
title: Bad
kind: drug
summary: Made up.
quiz:
  - id: bad-one
    type: order
    ask: In order.
    items: [Only one]
  - id: bad-sides
    type: match
    ask: Match.
    left: [a, b, c]
    right: [x, y]
YAML
rx check "$work/bad"
expect_status "check fails" 1
expect_in "an ordering with one item" "$out$err" "bad.yaml:9:12: error: an ordering needs at least 3 items (it has 1)"
expect_in "a matching with unequal sides" "$out$err" "bad.yaml:14:12: error: a matching needs as many right items as left items (3 left, 2 right)"

# Exports.
rx export --format json $pack
expect_in "json: the type" "$out" '"type": "order"'
expect_in "json: the items in the right order" "$out" '"items": [
            "Alpha step",'
expect_in "json: a matching's sides" "$out" '"right": [
            "Anteater",'
rx export --format anki $pack
expect_in "anki: a Basic note listing the items" "$out" "ordamol-steps	Basic	Put Ordamol's steps in order"
expect_in "anki: the back has the answer" "$out" "<b>Answer:</b> "
expect_in "anki: and the right order in words" "$out" "1. Alpha step; 2. Bravo step; 3. Charlie step; 4. Delta step"
expect_in "anki: the matching's right items lettered" "$out" "<i>Match with:</i>"
rx export --format md $pack
expect_in "md: how to answer" "$out" "(Ordamol; put the numbers in order)"
expect_in "md: the answer key" "$out" "1. Alpha step; 2. Bravo step; 3. Charlie step; 4. Delta step."
expect_in "md: the pairs" "$out" "Ant = Anteater; Bee = Beekeeper; Cow = Cowherd."
rx export --format html $pack
expect_in "html: the items as a list" "$out" '<ol class="items">'

# Hours facts: check reads every cell, at its place; cards whose ranges are
# apart are ranked in a generated ordering, asked like any other.
mkdir -p "$work/hours/cards"
cat >"$work/hours/pack.yaml" <<'YAML'
format: 1
pack: hours
facts:
  - key: half_life
    label: Half-life
    type: hours
    rank: Put these in order of half-life, shortest first.
YAML
card() { printf 'id: %s\ntitle: %s\nkind: drug\nsummary: Made up.\nfacts:\n  half_life: %s\n' "$1" "$2" "$3" >"$work/hours/cards/$1.yaml"; }
card shortol Shortol "10–20 min"
card midol Midol "1-2 h"
card longol Longol "about 5 h (adults)"
card vaguol Vaguol "a few hours"
rx --no-default-packs check "$work/hours"
expect_status "check fails on a cell that is not a duration" 1
expect_in "located at the cell" "$out$err" "vaguol.yaml:6:14: error: 'a few hours' is not a duration in hours: it does not start with a number (like 6 or 1.5)"
rm "$work/hours/cards/vaguol.yaml"
rx --no-default-packs check --strict "$work/hours"
expect_status "the others read" 0
quiz "q
" --type order --seed 1 --no-default-packs --content "$work/hours"
expect_in "one ranking: only the shortest opens a chain of three" "$out" "Practice: 1 question."
expect_in "asked with the vocabulary's question" "$out" "Put these in order of half-life, shortest first."
s=$(label Shortol) m=$(label Midol) l=$(label Longol)
quiz "$s $m $l
" --type order --seed 1 --no-default-packs --content "$work/hours"
expect_in "answered like any ordering" "$out" "✓ Correct."
expect_in "the explanation gives each value" "$out" "Half-life: Shortol 10–20 min; Midol 1-2 h; Longol about 5 h (adults)."

mkdir -p "$work/badvocab"
cat >"$work/badvocab/pack.yaml" <<'YAML'
format: 1
pack: badvocab
facts:
  - key: half_life
    label: Half-life
    type: days
  - key: onset
    label: Onset
    rank: Put these in order.
YAML
rx --no-default-packs check "$work/badvocab"
expect_status "check fails on the vocabulary" 1
expect_in "an unknown fact type" "$out$err" "pack.yaml:6:11: error: fact type 'days' is not one of text, hours"
expect_in "rank without hours" "$out$err" "pack.yaml:9:11: error: 'rank' goes with 'type: hours'"

done_testing
