#!/bin/sh
# The README's worked example of a user pack, run exactly as written: the
# shell block after the marker comment runs in an empty home with rxplore on
# PATH, and what it prints must be the text block that follows it (with the
# example's /home/you standing for the home, and runs of spaces squeezed, as
# the list's column width follows the longest id of the bundled pack).
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"

readme=$TOP_SRCDIR/README.md
marker='<!-- tests/cli/readme.t runs'

# block N: the body of the Nth fenced block after the marker.
block() {
	awk -v marker="$marker" -v want="$1" '
		index($0, marker) == 1 { armed = 1; next }
		!armed { next }
		/^```/ { if (inside) { inside = 0; if (n == want) exit; next } inside = 1; n++; next }
		inside && n == want { print }
	' "$readme"
}

script=$(block 1)
expected=$(block 2)
if [ -z "$script" ] || [ -z "$expected" ]; then
	not_ok "README.md has the worked example after its marker" "no blocks after '$marker' in $readme"
	done_testing
	exit
fi
ok "README.md has the worked example after its marker"

mkdir -p "$work/bin"
ln -s "$RXPLORE" "$work/bin/rxplore"
status=0
actual=$(cd "$HOME" && PATH="$work/bin:$PATH" sh -e -c "$script" 2>"$work/err") || status=$?
err=$(cat "$work/err")
out=$actual
expect_status "the example runs without an error" 0
expect_not_in "and prints nothing on standard error" "$err" "rxplore"

squeeze() { sed -e "s|$HOME|/home/you|g" -e 's/  */ /g'; }
if [ "$(printf '%s\n' "$actual" | squeeze)" = "$(printf '%s\n' "$expected" | squeeze)" ]; then
	ok "its output is the one README.md shows"
else
	not_ok "its output is the one README.md shows" "README.md shows:" "$expected" "rxplore printed:" "$actual"
fi

rx show x
expect_status "the new card is loaded without --content" 0
expect_in "and shows its text" "$out" "How drug X works, in my own words."

done_testing
