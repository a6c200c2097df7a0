#!/bin/sh
# The manual pages: clean under mandoc's linter, and complete enough that they
# cannot silently fall behind the program: every command and long option that
# `rxplore --help` prints, and every environment variable the code reads, must
# be documented in rxplore(1).
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"

# rxplore.1 is made at build time (it names the installed data folder).
builddir=$(dirname "$(dirname "$RXPLORE")")
page1=$builddir/man/rxplore.1
page5=$TOP_SRCDIR/doc/rxplore-cards.5

if ! command -v mandoc >/dev/null 2>&1; then
	echo "1..0 # SKIP mandoc is not installed: the manual pages are NOT checked (package: mandoc)"
	exit 0
fi

for page in "$page1" "$page5"; do
	name=$(basename "$page")
	if [ ! -f "$page" ]; then
		not_ok "$name exists" "no file at $page"
		continue
	fi
	# -Wwarning: STYLE notes depend on which other pages are installed.
	if lint=$(mandoc -Tlint -Wwarning "$page" 2>&1) && [ -z "$lint" ]; then
		ok "$name is clean under mandoc -Tlint"
	else
		not_ok "$name is clean under mandoc -Tlint" "$lint"
	fi
	if mandoc -Tutf8 "$page" >"$work/rendered" 2>&1 && [ -s "$work/rendered" ]; then
		ok "$name renders"
	else
		not_ok "$name renders" "$(cat "$work/rendered")"
	fi
done

if grep -q '@pkgdatadir@' "$page1"; then
	not_ok "rxplore.1 names the installed data folder" "@pkgdatadir@ was not replaced"
else
	ok "rxplore.1 names the installed data folder"
fi

rx --help
expect_status "--help exits 0" 0
help=$out

# Long options: every --name in the help text, as `Fl -name` in the page
# (mdoc's Fl adds the first dash).
options=$(printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u)
[ -n "$options" ] || not_ok "--help lists long options" "none found in: $help"
for option in $options; do
	if grep -qw -e "Fl ${option#-}" "$page1"; then
		ok "rxplore.1 documents $option"
	else
		not_ok "rxplore.1 documents $option" "no 'Fl ${option#-}' in $page1"
	fi
done

# Commands: the first word of each line of the Commands: block.
commands=$(printf '%s\n' "$help" | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z]*\).*/\1/p' | sort -u)
[ -n "$commands" ] || not_ok "--help lists commands" "none found in: $help"
for command in $commands; do
	if grep -qE "^\\.It Cm $command( |$)" "$page1"; then
		ok "rxplore.1 documents the $command command"
	else
		not_ok "rxplore.1 documents the $command command" "no '.It Cm $command' in $page1"
	fi
done

# Environment variables the code reads (TOP_SRCDIR is the source tree).
variables=$(cat "$TOP_SRCDIR"/src/*.c "$TOP_SRCDIR"/src/ui/*.c | grep -o 'getenv("[A-Z_]*")' |
	sed 's/getenv("\(.*\)")/\1/' | sort -u)
[ -n "$variables" ] || not_ok "the sources read environment variables" "no getenv found"
for variable in $variables; do
	if grep -qE "^\\.It Ev (.* )?$variable( |$)" "$page1"; then
		ok "rxplore.1 documents \$$variable"
	else
		not_ok "rxplore.1 documents \$$variable" "no '.It Ev $variable' in $page1"
	fi
done

done_testing
