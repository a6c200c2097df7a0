#!/bin/sh
# The bash completion: sourced in bash, driven the way bash drives it
# (COMP_WORDS, COMP_CWORD), and judged by COMPREPLY.  It must know every
# command and long option `rxplore --help` prints, and take topic ids from the
# packs chosen on the command line.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"

script=$TOP_SRCDIR/completion/rxplore.bash
basic=$TEST_DATA_DIR/basic

if ! command -v bash >/dev/null 2>&1; then
	echo "1..0 # SKIP bash is not installed: the bash completion is NOT tested"
	exit 0
fi

# complete WORD...: the words of the command line, the last one being the
# word under the cursor; sets $got to COMPREPLY, one entry a line, sorted.
comp() {
	got=$(bash -c '
		source "$1" || exit 1
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMPREPLY=()
		_rxplore
		printf "%s\n" "${COMPREPLY[@]}"' _ "$script" "$RXPLORE" "$@" 2>&1 | sort)
}

# expect_words NAME WANTED: $got must be exactly these words (any order).
expect_words() {
	wanted=$(printf '%s\n' $2 | sort)
	if [ "$got" = "$wanted" ]; then ok "$1"; else
		not_ok "$1" "wanted: $(echo $wanted)" "got: $(echo $got)"; fi
}

registered=$(bash -c 'source "$1" && complete -p rxplore' _ "$script" 2>&1)
expect_in "sourcing it registers the completion for rxplore" "$registered" "complete -F _rxplore rxplore"

rx --help
help=$out
comp ''
commands=$(printf '%s\n' "$help" | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z]*\).*/\1/p' | sort -u)
for command in $commands; do
	expect_in "offers the $command command" "$got" "$command"
done
expect_not_in "offers no option where a command goes" "$got" "--"

comp --
for option in $(printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	if printf '%s\n' "$got" | grep -qx -- "$option"; then ok "offers $option"; else
		not_ok "offers $option" "got: $(echo $got)"; fi
done

comp --no-d
expect_words "completes an option by its prefix" "--no-default-packs"

rx --no-default-packs --content "$basic" list
ids=$(printf '%s\n' "$out" | while read -r id rest; do echo "$id"; done)
[ -n "$ids" ] || not_ok "the fixture pack lists topics" "$err"
comp --no-default-packs --content "$basic" show ''
expect_words "topic ids come from the --content pack alone with --no-default-packs" "$ids"
comp --content="$basic" --no-default-packs compare alphazine ''
expect_words "--content=DIR counts too" "$ids"
comp --content = "$basic" --no-default-packs compare ''
expect_words "--content=DIR split at '=' by bash counts too" "$ids"

comp show tiz
expect_words "without --no-default-packs the bundled topics complete" "tizanidine"
comp --no-default-packs --content "$basic" show tiz
expect_words "with --no-default-packs the bundled topics do not" ""

comp show baclofen ''
expect_words "the second word of show is a section" \
	"summary mechanism uses side-effects dependence confusion interactions safety pharmacokinetics diagram facts
	sources"
comp show baclofen si
expect_words "a section completes by prefix" "side-effects"
comp show baclofen mechanism ''
expect_words "show takes nothing after the section" ""

comp quiz --mode ''
expect_words "--mode values" "practice review exam cram mistakes mistakes-week weakest"
comp exam ''
expect_words "exam takes set or clear" "set clear"
comp quiz --mode=r
expect_words "--mode=VALUE completes whole" "--mode=review"
comp quiz --mode = e
expect_words "--mode=VALUE split at '=' completes the value" "exam"
comp compare --format ''
expect_words "--format values for compare" "text md tsv"
comp quiz --topic diaz
expect_words "--topic takes a topic id" "diazepam"
comp progress ''
expect_words "progress takes export, merge or reset" "export merge reset"
comp quiz --width ''
expect_words "a number is not guessed" ""

mkdir -p "$XDG_STATE_HOME/rxplore"
: >"$XDG_STATE_HOME/rxplore/progress-ward-3.db"
: >"$XDG_STATE_HOME/rxplore/progress.db"
comp --profile ''
expect_words "--profile offers the profiles that exist" "ward-3"

comp --content "$TEST_DATA_DIR/ba"
expect_words "--content completes folders" "$TEST_DATA_DIR/bad $TEST_DATA_DIR/basic"

done_testing
