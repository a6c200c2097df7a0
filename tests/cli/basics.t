#!/bin/sh
# The command line's contract: help, version, usage errors and exit statuses.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
basic="--no-default-packs --content $TEST_DATA_DIR/basic"

rx --help
expect_status "--help exits 0" 0
expect_in "--help lists the commands" "$out" "show TOPIC [SECTION]"
expect_in "--help says it is for education" "$out" "for education, not treatment decisions"

rx --version $basic
expect_status "--version exits 0" 0
expect_in "--version first line" "$(printf '%s\n' "$out" | head -n 1)" "rxplore (rxplore) "
expect_in "--version names the loaded pack and its version" "$out" "basic-fixture 2026.01"

rx frobnicate
expect_status "an unknown command is a usage error" 2
expect_in "the usage error points to --help" "$err" "Try 'rxplore --help'"
rx --frobnicate
expect_status "an unknown option is a usage error" 2
rx --width 5 list
expect_status "a silly --width is a usage error" 2
rx --strict list $basic
expect_status "--strict outside check is a usage error" 2
rx show $basic
expect_status "show without a topic is a usage error" 2
rx show alphazine nonsense $basic
expect_status "show with an unknown section is a usage error" 2
rx list extra $basic
expect_status "list takes no arguments" 2

rx list $basic
expect_status "list exits 0" 0
expect_in "list shows id, kind and title" "$out" "alphazine    drug       Alphazine"
expect_in "list groups explainers first" "$(printf '%s\n' "$out" | head -n 1)" "start-here"

rx show alphazin $basic
expect_status "an unknown topic exits 1" 1
expect_in "an unknown topic gets a did-you-mean" "$err" "rxplore: no topic 'alphazin' — did you mean 'alphazine'?"
rx show ALFA $basic
expect_status "topics are found by alias, case-insensitively" 0
expect_in "the alias finds its card" "$out" "Alphazine (drug)"
rx show alphazine mech $basic
expect_status "a section prefix is enough" 0
expect_in "show TOPIC SECTION shows that section" "$out" "Alphazine: Mechanism"
expect_not_in "show TOPIC SECTION shows nothing else" "$out" "Summary"
rx show alphazine side-effects $basic
expect_in "a missing section is said plainly" "$out" "no Side effects section"
rx show betamol $basic
expect_in "draft cards say so" "$out" "DRAFT: not yet reviewed by a pharmacist or physician"

rx $basic
expect_status "no command with stdin not a terminal prints the start card" 0
expect_in "the start card comes from pack.yaml" "$(printf '%s\n' "$out" | head -n 1)" "Start here (explainer)"
expect_in "and a hint about the subcommands follows" "$out" "rxplore show TOPIC"

rx search agonist $basic
expect_status "search finds text" 0
expect_in "search results name the card" "$out" "Alphazine (drug) [alphazine]: "
expect_in "search results name the section" "$out" "
  Mechanism: "
rx search zzzzqqq $basic
expect_status "search with no hit exits 1" 1

rx show alphazine --width 40 $basic
long=$(printf '%s\n' "$out" | awk 'length($0) > 40' | head -n 3)
if [ -z "$long" ]; then ok "--width 40 keeps every line within 40 columns"; else
	not_ok "--width 40 keeps every line within 40 columns" "$long"; fi

# A diagram comes with its words (issue 14): first, so that a screen reader
# reaches them before the drawing.
rx show start-here diagram $basic
expect_in "show DIAGRAM gives the diagram's words" "$out" "In words:"
expect_in "the words themselves" "$out" "Alpha leads to beta."
words_line=$(printf '%s\n' "$out" | grep -n 'In words:' | cut -d: -f1)
art_line=$(printf '%s\n' "$out" | grep -n -- '--> |beta' | cut -d: -f1)
if [ -n "$words_line" ] && [ -n "$art_line" ] && [ "$words_line" -lt "$art_line" ]; then
	ok "the words come before the drawing"
else
	not_ok "the words come before the drawing" "words at line $words_line, drawing at $art_line"
fi
rx show is-baclofen-a-benzo diagram
expect_in "a bundled diagram has its words" "$out" "Baclofen acts at the"

done_testing
