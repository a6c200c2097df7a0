#!/bin/sh
# Outside a UTF-8 locale (LANG=C, common over SSH and on old machines) no
# byte >= 0x80 reaches the terminal or a pipe, for any command: card text is
# transliterated to ASCII of the same meaning (α → alpha, K⁺ → K+, — → --),
# and so are the program's own messages.  A file written with -o keeps UTF-8.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
fold="--no-default-packs --content $TEST_DATA_DIR/fold"
basic="--no-default-packs --content $TEST_DATA_DIR/basic"
export RXPLORE_NOW=2026-11-21T09:30:00 TZ=UTC
printf 'x\nx\n' | LC_ALL=C "$RXPLORE" $fold quiz --seed 1 --count 2 >/dev/null 2>&1

# high_bytes FILE: how many bytes >= 0x80 the file holds.
high_bytes() { LC_ALL=C tr -d '\000-\177' <"$1" | wc -c | tr -d ' '; }

# ascii_only NAME ARGS...: runs rxplore under LC_ALL=C; stdout and stderr
# must be pure ASCII (and something must have been said).
ascii_only() {
	name=$1
	shift
	status=0
	printf 'a\nx\nq\n' | LC_ALL=C "$RXPLORE" "$@" >"$work/out" 2>"$work/err" || status=$?
	n=$(($(high_bytes "$work/out") + $(high_bytes "$work/err")))
	if [ "$n" -eq 0 ] && [ -s "$work/out" -o -s "$work/err" ]; then ok "LC_ALL=C, ASCII only: $name"; else
		not_ok "LC_ALL=C, ASCII only: $name" "$n bytes >= 0x80" "$(head -c 2000 "$work/out" "$work/err")"; fi
}

for cmd in "" "list" "show zolbac" "show alphix" "show zolbac diagram" "show zolbac sources" "show why-zolbac" \
	"search K+" "search zolbac" "search gabaa" "search nothing-at-all" "show zolbak" "show nosuch-topic" \
	"compare zolbac alphix" "compare zolbac alphix --format md" "compare zolbac alphix --format tsv" \
	"compare zolbac alphix --diff-only" "check" "packs" "stats" "quiz --seed 1 --count 2" \
	"quiz --mode exam --seed 1 --count 1" "progress export" "export --format json" "export --format md" \
	"export --format anki" "--version" "--help" "frobnicate" "--width 5 list" "--plain"; do
	# shellcheck disable=SC2086 # the words of a command line
	ascii_only "${cmd:-(no command)}" $fold $cmd
done
# Every card of the built-in pack, shown and searched.
for id in $(LC_ALL=C "$RXPLORE" list | awk '{ print $1 }'); do
	LC_ALL=C "$RXPLORE" show "$id" >>"$work/all" 2>&1
done
n=$(high_bytes "$work/all")
if [ "$n" -eq 0 ] && [ -s "$work/all" ]; then ok "LC_ALL=C: every built-in card is ASCII"; else
	not_ok "LC_ALL=C: every built-in card is ASCII" "$n bytes >= 0x80"; fi

# Meaning is kept: Greek letters spelt out, charges and arrows in ASCII.
LC_ALL=C "$RXPLORE" show gaba-a-receptor >"$work/gaba" 2>&1
expect_in "LC_ALL=C show gaba-a-receptor spells alpha" "$(cat "$work/gaba")" "alpha"
rx_c() { status=0; LC_ALL=C "$RXPLORE" "$@" </dev/null >"$work/out" 2>"$work/err" || status=$?; out=$(cat "$work/out"); err=$(cat "$work/err"); }
rx_c $fold show zolbac
expect_in "K+ and Ca2+" "$out" "GIRK K+ channels and closes Ca2+ channels -- a GABA-B agonist"
expect_in "micro before a unit" "$out" "Dose 5 ug/kg, then 10^-6 M"
expect_in "typographic quotes" "$out" 'a review "in quotes"'
expect_in "the fact label" "$out" "Receptor target -- main"
expect_in "not-equal" "$out" "Agonist != modulator"
rx_c $fold show alphix
expect_in "alpha2 keeps its letter" "$out" "An alpha2-adrenergic agonist"
expect_in "mu-opioid" "$out" "a mu-opioid receptor and the"
expect_in "the charge of Cl-" "$out" "Chloride (Cl-) is not involved"
# The diagram keeps its columns: both boxes end on the same column as before.
rx_c $fold show zolbac diagram
expect_in "box drawing in ASCII" "$out" "| GABA | --> | K+   |  out"
rx_c $fold show zolbak
expect_in "the program's own dash" "$err" "no topic 'zolbak' -- did you mean 'zolbac'?"

# A file written with -o keeps its UTF-8; the same export piped is ASCII.
LC_ALL=C "$RXPLORE" $fold export --format md -o "$work/handout.md" >/dev/null 2>&1
if grep -q 'K⁺' "$work/handout.md"; then ok "export -o keeps UTF-8 under LC_ALL=C"; else
	not_ok "export -o keeps UTF-8 under LC_ALL=C" "$(head -20 "$work/handout.md")"; fi
# The same in a UTF-8 locale: nothing is transliterated.
rx $fold show zolbac
expect_in "UTF-8 locale: K⁺ as written" "$out" "GIRK K⁺ channels"
done_testing
