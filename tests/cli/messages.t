#!/bin/sh
# The small print of the command line (issue 14): every message says
# "rxplore:", never the program's path; counts agree with their nouns; the
# version line does not double its parentheses; `list` keeps one topic a line
# within the width.  And the "goes with" usage errors the command table makes
# from each option's tags.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
basic="--no-default-packs --content $TEST_DATA_DIR/basic"
one="--no-default-packs --content $TEST_DATA_DIR/quiz-one"

for bad in --frobnicate --no -x "--width" "--plain=yes" "list --width"; do
	rx $bad
	expect_status "'$bad' is a usage error" 2
	expect_in "'$bad' says rxplore: first" "$(printf '%s\n' "$err" | head -n 1)" "rxplore: "
	expect_not_in "'$bad' does not print the program's path" "$err" "$RXPLORE"
	expect_in "'$bad' points to --help" "$err" "Try 'rxplore --help' for more information."
done
rx --frobnicate
expect_in "an unknown option is named" "$err" "rxplore: unrecognized option '--frobnicate'"
rx --no list
expect_in "an ambiguous prefix lists what it could be" "$err" "--no-default-packs, --no-cache, --no-color, --no-mouse"
rx --no-def --content "$TEST_DATA_DIR/basic" list
expect_status "a unique prefix of an option is enough" 0

# Each tagged option, with a command it does not go with.
for case in "--strict|--strict goes with the check command" \
	"--diff-only|--diff-only goes with the compare command" \
	"--format md|--format goes with the compare, progress and export commands" \
	"-o x|-o goes with the progress, import and export commands" \
	"--yes|--yes goes with the progress and fsrs commands" \
	"--seed 1|--mode, --topic, --contrast, --count, --minutes, --seed and --type go with the quiz command"; do
	option=${case%%|*}
	rx list $option $basic
	expect_status "list $option is a usage error" 2
	expect_in "list $option says where it goes" "$err" "rxplore: ${case#*|}"
done
rx progress export --mode exam $basic
expect_status "quiz options do not go with progress" 2

# Plurals.
rx quiz --seed 1 $one
expect_in "one question is a question" "$out" "Practice: 1 question. "
rx quiz --seed 1 --mode exam --count 1 --minutes 1 $one
expect_in "one minute is a minute" "$out" "Exam: 1 question, 1 minute. "
rx --version $one
expect_in "one card is a card" "$out" "(1 card, $TEST_DATA_DIR/quiz-one)"
rx --version
expect_in "the built-in pack's line has one pair of parentheses" "$out" "cards, built in)"
expect_not_in "and not two" "$out" "(built in))"

# list: one topic a line, within the width, long titles cut with an ellipsis.
for width in 80 60; do
	rx list --width $width
	n=$(printf '%s\n' "$out" | wc -l)
	rx list --width $width
	long=$(printf '%s\n' "$out" | while IFS= read -r line; do
		[ "$(printf '%s' "$line" | wc -m)" -gt $width ] && printf '%s\n' "$line"; done)
	if [ -z "$long" ]; then ok "list --width $width: every row fits"; else
		not_ok "list --width $width: every row fits" "$long"; fi
done
rx list
expect_in "a cut title ends in an ellipsis" "$out" "…"
rx list --width 200
expect_not_in "a wide enough line cuts nothing" "$out" "…"
expect_in "and shows the whole title" "$out" "Tolerance, dependence, withdrawal and tapering"
rx list
rows=$(printf '%s\n' "$out" | wc -l)
rx list --width 200
[ "$rows" = "$(printf '%s\n' "$out" | wc -l)" ] && ok "cutting keeps one topic a line" ||
	not_ok "cutting keeps one topic a line" "$rows rows at 80, $(printf '%s\n' "$out" | wc -l) at 200"
LC_ALL=C rx list
expect_not_in "outside UTF-8 the ellipsis is ASCII" "$out" "…"
expect_in "three dots" "$out" "..."

done_testing
