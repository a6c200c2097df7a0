#!/bin/sh
# The ? help lists every action of the action table (read from the source) and
# the education notice; it scrolls at 80x24.
. "$(dirname "$0")/lib.sh"
src=${TOP_SRCDIR:-.}/src/ui/actions.c
[ -r "$src" ] || fail "cannot read $src"
TUI_ROWS=200
start
wait_for "Is Zolpam a Ketazine?"
keys ?
wait_for "rxplore help: keys"
expect_screen "rxplore is for education, not treatment decisions"
screen > "$work/help"
grep -o '{ ACT_[A-Z_]*, CTX_[A-Z_]*, K(.*), "[^"]*"' "$src" |
	sed 's/.*), "\([^"]*\)"$/\1/' > "$work/actions"
n=$(wc -l < "$work/actions")
[ "$n" -gt 40 ] || fail "found only $n actions in $src"
while IFS= read -r help; do
	grep -qF -- "$help" "$work/help" || fail "help does not list: $help"
done < "$work/actions"
for heading in Everywhere Browse "Search prompt" "Search results" Comparison "Quiz: a question" \
	"Quiz: after answering" Statistics; do
	grep -qF -- "$heading" "$work/help" || fail "help lacks the $heading group"
done
grep -qF "Ctrl-L" "$work/help" || fail "help lacks Ctrl-L"
keys q
wait_for "Related: Zolpam"
# At 80x24 it scrolls.
resize 80 24
keys ?
wait_for "rxplore help: keys"
expect_not_screen "Previous pair"
keys G
wait_for "Previous pair"	# the last context's keys
keys g
wait_for "rxplore is for education"
keys Escape
wait_for "Related: Zolpam"
keys q
wait_exit
pass
