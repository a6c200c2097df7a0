#!/bin/sh
# `x` opens the Confusions screen.  After the scripted learner answered
# baclofen's receptor question with "GABA-A" three times, baclofen ↔
# benzodiazepines is listed first; from it `c` opens their comparison, `e`
# the explainer that compares both and `d` a contrast drill of only the
# questions whose answers differ; q goes back each time.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../cli/learner.sh"
TUI_PACK="$TEST_DATA_DIR/confuse-pack"

# Nothing answered yet: the screen says how a confusion appears.
start
wait_for "No: baclofen acts on GABA-B"
keys x
wait_for "Confusions — topics you mix up"
expect_screen "None yet"
keys q
wait_for "No: baclofen acts on GABA-B"
keys q
wait_exit
tm kill-server >/dev/null 2>&1

learner_gaba_a "$RXPLORE" --no-default-packs --content "$TUI_PACK" || fail "the scripted learner's quiz failed"
mkdir -p "$XDG_CONFIG_HOME/rxplore"
printf 'leech_threshold: 3\n' >"$XDG_CONFIG_HOME/rxplore/config.yaml"

# Seed 1: the drill asks the receptor question first (as quiz --seed 1 does).
start RXPLORE_SEED=1 --
wait_for "No: baclofen acts on GABA-B"
keys x
wait_for "1. Baclofen ↔ Benzodiazepines: 3 wrong answers"
expect_screen "Asked about Baclofen, you chose an answer that belongs to"
expect_screen "c compare"
expect_not_screen "rxplore compare"

# One key away: the comparison of the pair.
keys c
wait_for "Comparison  2 topics"
expect_screen "│ Baclofen          │ Benzodiazepines"
expect_screen "≠ Receptor target │ GABA-B receptor   │ GABA-A receptor (benzodiazepine"
keys q
wait_for "1. Baclofen ↔ Benzodiazepines"

# The explainer whose compare_with covers both.
keys e
wait_for "Is baclofen a benzodiazepine?"
keys q
wait_for "1. Baclofen ↔ Benzodiazepines"

# The contrast drill: six questions, the sedation one (equal cells) never.
# With leech_threshold 3 the receptor question, missed three times, is a
# leech: before it the drill offers the comparison, one key (o) away.
keys d
wait_for "Question 1 of 6"
expect_screen "Practice · Baclofen vs Benzodiazepines"
n=1	# not i: wait_for counts with i
offered=0
while [ $n -le 14 ] && [ $offered = 0 ]; do
	wait_for "Question $n of"
	expect_not_screen "How sedating"
	expect_not_screen "How is baclofen cleared"
	if screen | grep -qF "Which receptor does baclofen activate?"; then
		expect_screen "You have missed this question 3 times."
		expect_screen "o: compare them."
		keys o
		wait_for "Comparison  2 topics"
		keys q
		wait_for "Which receptor does baclofen activate?"
		offered=1
	fi
	keys x
	wait_for "Not known"
	keys Enter
	n=$((n + 1))
done
[ $offered = 1 ] || fail "the leech never came up in the drill"
keys q
wait_for "Session over"
keys q
wait_for "1. Baclofen ↔ Benzodiazepines"
keys q
wait_for "No: baclofen acts on GABA-B"
# The statistics end with the top confusions and the leeches.
keys s
wait_for "Study statistics"
keys G
wait_for "1. Baclofen ↔ Benzodiazepines"
expect_screen "Leeches"
keys q
wait_for "No: baclofen acts on GABA-B"
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status"
pass
