#!/bin/sh
# The line-mode prompt fed from a pipe: every command of the command line
# works there with the same words (the command table drives both), options
# apply to their line only, quiz reads its answers from the same input, and
# the output reads as a transcript.  The terminal side (libedit: history, Tab,
# arrow keys) is tests/tui/prompt.sh.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
export RXPLORE_NOW=2026-11-21T09:30:00 TZ=UTC

# session LINES ARGS...: feeds LINES (printf escapes) to rxplore ARGS...
session() {
	lines=$1
	shift
	status=0
	printf "$lines" | "$RXPLORE" "$@" >"$work/out" 2>"$work/err" || status=$?
	out=$(cat "$work/out")
	err=$(cat "$work/err")
}

session 'compare baclofen diazepam\nstats\nquit\n' --plain
expect_status "the issue's example exits 0" 0
expect_in "compare prints the comparison (--plain: one fact a line)" "$out" "Comparing Baclofen and Diazepam"
expect_in "fact by fact" "$out" "Receptor target (differs) — Baclofen: GABA-B receptor."
expect_in "stats prints the statistics" "$out" "Study statistics for"
expect_in "each line is echoed after the prompt" "$out" "rxplore> compare baclofen diazepam"
expect_in "the banner comes first" "$(printf '%s\n' "$out" | head -n 1)" "rxplore line mode."
session 'confusions\nquiz --contrast baclofen,benzodiazepines --count 1 --seed 2\nx\n' --plain
expect_in "confusions works at the prompt" "$out" "Confusions — topics you mix up"
expect_in "quiz --contrast works at the prompt" "$out" "Question 1 of 1"
# The hints rxplore prints ("Drill: rxplore quiz --contrast a,b", "run
# `rxplore stats` again") can be typed at the prompt as they are written.
session 'rxplore quiz --contrast baclofen,benzodiazepines --count 1 --seed 2\nx\n' --plain
expect_in "a line that starts with rxplore's name runs the command" "$out" "Question 1 of 1"
session 'rxplore stats\nrxplore\n' --plain
expect_in "rxplore stats too" "$out" "Study statistics for"
expect_in "the name alone is not a command" "$out" "Unknown command 'rxplore'"
rx --plain compare baclofen diazepam
table=$out
session 'compare baclofen diazepam\n' --plain
expect_in "the prompt's comparison is the command line's" "$out" "$table"
rx compare baclofen diazepam
table=$out
session 'compare baclofen diazepam\n'
expect_in "without --plain, the prompt's table is the command line's" "$out" "$table"
expect_in "a table" "$out" "│ Baclofen"

session 'exam set 2027-01-15\nexam\nexam clear\n' --plain
expect_in "exam works at the prompt" "$out" "Exam date: 2027-01-15 (in 55 days)."
expect_in "and so does exam clear" "$out" "No exam date."

session 'quiz --count 1 --seed 4\na\nstats\n' --no-default-packs --content "$TEST_DATA_DIR/quiz-one"
expect_in "quiz works at the prompt" "$out" "Question 1 of 1"
expect_in "its answer comes from the same input" "$out" "Session over: 1 of 1 answered"
expect_in "and is saved" "$out" "1 answer saved."
expect_in "the prompt goes on after the quiz" "$out" "Topics, weakest first: 1 of 1 questions seen"

basic="--no-default-packs --content $TEST_DATA_DIR/basic"
session 'show alphazine mech\nalphazine summary\nsearch agonist\nlist\npacks\ncheck\nprogress export\nexport --format json alphazine\ncache clear\n' $basic
expect_status "a session of commands exits 0" 0
expect_in "show with a section" "$out" "Alphazine: Mechanism"
expect_in "a topic alone is shown, with its section" "$out" "Alphazine: Summary"
expect_in "search" "$out" "  Mechanism: An agonist at the alpha receptor."
expect_in "list" "$out" "alphazine    drug"
expect_in "packs" "$out" "basic-fixture 2026.01"
expect_in "check" "$out" "0 errors"
expect_in "progress export" "$out" "id,question_id,card_id"
expect_in "export" "$out" '"id": "alphazine"'
expect_in "cache clear (this session's pack and the quiz session's)" "$out" "removed 2 pack cache files from"
session 'list\ncheck\nlist\n' $basic
first=$(printf '%s\n' "$out" | grep -c '^alphazine ')
[ "$first" = 2 ] && ok "check leaves the session's cards as they were" ||
	not_ok "check leaves the session's cards as they were" "$out"

session 'show alphazine --width 40\nshow alphazine\n' $basic
narrow=$(printf '%s\n' "$out" | sed -n '/^rxplore> show alphazine --width 40$/,/^rxplore> show alphazine$/p' | awk 'length($0) > 40' | grep -v '^rxplore>')
wide=$(printf '%s\n' "$out" | sed -n '/^rxplore> show alphazine$/,$p' | awk 'length($0) > 40')
if [ -z "$narrow" ] && [ -n "$wide" ]; then ok "--width applies to its own line only"; else
	not_ok "--width applies to its own line only" "narrow: $narrow" "wide: $wide"; fi

session 'frobnicate\nshow\nshow alphazine nonsense\nlist --strict\nshow x --content y\nsearch "unclosed\nquiz extra\nhelp\nhelp quiz\nhelp nosuch\n--version\n' $basic
expect_status "mistakes at the prompt do not end it" 0
expect_in "an unknown command" "$out" "Unknown command 'frobnicate'. Type help for the list."
expect_in "a command's usage error" "$err" "rxplore: show needs a TOPIC and at most one SECTION"
expect_in "the prompt's hint, not --help's" "$err" "Type help for the commands"
expect_not_in "no --help hint at the prompt" "$err" "Try 'rxplore --help'"
expect_in "a misplaced option" "$err" "--strict goes with the check command"
expect_in "--content belongs on the command line" "$err" "--content goes on rxplore's own command line"
expect_in "an unclosed quote" "$err" "a quote is not closed"
expect_in "quiz takes no arguments" "$err" "quiz takes options only"
expect_in "help lists every command" "$out" "compare TOPIC TOPIC [TOPIC [TOPIC]]"
expect_in "help lists the prompt's own" "$out" "quit                     leave"
expect_in "help COMMAND lists its options" "$out" "--mode MODE          with quiz"
expect_in "help for no such command" "$err" "no command 'nosuch'"
expect_in "--version at the prompt" "$out" "rxplore (rxplore) "
expect_in "the disclaimer is in the help" "$out" "for education, not treatment decisions"

session "search 'no such words'\nexit\nlist\n" $basic
expect_in "quoted words are one argument" "$err" "no card mentions 'no such words'"
expect_not_in "exit ends the session" "$out" "alphazine    drug"

session '' $basic --plain
expect_in "no input at all: the start card" "$(printf '%s\n' "$out" | head -n 1)" "Start here (explainer)"
expect_not_in "and no prompt" "$out" "rxplore>"

done_testing
