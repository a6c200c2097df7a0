#!/bin/sh
# The HTML handout in a real browser (issue 20): headless Chromium prints
# `export --format html` of four drugs side by side — the widest comparison
# table — to PDF, on Letter (Chromium's default) and on A4 (the same page
# with its paper size set), and pdftotext reads it back:
#   - there are pages, of the paper asked for;
#   - the comparison table's text, every column of it, and the answer key
#     are there, and the education notice is on every page;
#   - the HTML names no network address (no http, no // in a src or href,
#     no @import), so printing it fetches nothing.
# Skipped (exit 77) where Chromium or poppler-utils is not installed or
# cannot run; .ci/run installs them (Debian packages chromium, poppler-utils).
set -u
RXPLORE=${RXPLORE:-src/rxplore}
name=handout
skip() { echo "SKIP: $name: $*" >&2; exit 77; }
fail() { echo "FAIL: $name: $*" >&2; exit 1; }
browser=
for b in chromium chromium-browser; do
	command -v "$b" >/dev/null 2>&1 && browser=$b && break
done
[ -n "$browser" ] || skip "Chromium is not installed (Debian: apt-get install chromium): the HTML handout is NOT printed"
for tool in pdftotext pdfinfo; do
	command -v "$tool" >/dev/null 2>&1 ||
		skip "$tool is not installed (Debian: apt-get install poppler-utils): the printed handout is NOT checked"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/rxplore-print.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_STATE_HOME="$work/home/.local/state" XDG_DATA_DIRS="$work/nowhere" LC_ALL=C.UTF-8
mkdir -p "$HOME"

"$RXPLORE" export --format html -o "$work/handout.html" diazepam baclofen tizanidine dantrolene \
	2>"$work/err" || fail "export --format html failed: $(cat "$work/err")"

# No network address anywhere a browser would fetch from.
if grep -Eio '(src|href)[[:space:]]*=[[:space:]]*["'"'"']?[^"'"'"' >]*' "$work/handout.html" |
	grep -Ei 'http|//' >&2; then
	fail "the HTML references a network address"
fi
grep -qi '@import' "$work/handout.html" && fail "the HTML has an @import"
grep -qi 'http' "$work/handout.html" && fail "the HTML mentions http"
grep -qi '<script' "$work/handout.html" && fail "the HTML has a script"

# print IN OUT: the page as Chromium prints it, with nothing fetched.
print() {
	profile=$(mktemp -d "$work/profile.XXXXXX")
	timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --no-pdf-header-footer \
		--user-data-dir="$profile" --print-to-pdf="$2" "file://$1" >"$work/chromium.log" 2>&1
	[ -s "$2" ] || skip "$browser could not print here: $(tail -n 3 "$work/chromium.log")"
}

# check PDF PAPER: pages of that paper, and the text that must be there.
check() {
	pages=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
	size=$(pdfinfo "$1" | awk '/^Page size:/ { print $3 "x" $5 }')
	[ "${pages:-0}" -gt 0 ] || fail "$2: no pages"
	case $2:$size in letter:612x792 | A4:59[45]*x84[12]*) ;;
	*) fail "$2: the pages are $size pt" ;; esac
	pdftotext -layout "$1" "$work/text" || fail "$2: pdftotext cannot read the PDF"
	for want in "Comparisons" "Diazepam vs Baclofen vs Tizanidine vs Dantrolene" "Fact" "Dantrolene" \
		"Answer key" "Questions"; do
		grep -qF "$want" "$work/text" || fail "$2: '$want' is not in the printed handout"
	done
	# The table's header row: all four columns on the page, none cut off.
	grep -E 'Fact +Diazepam +Baclofen +Tizanidine +Dantrolene' "$work/text" >/dev/null ||
		fail "$2: the comparison table's header row is not whole: $(grep -m1 -E 'Fact +Diazepam' "$work/text")"
	notices=$(grep -c "rxplore is for education, not treatment decisions." "$work/text")
	[ "$notices" -ge "$pages" ] || fail "$2: the notice is on $notices of $pages pages"
	echo "$2: $pages pages of $size pt, the notice on each" >&2
}

print "$work/handout.html" "$work/letter.pdf"
check "$work/letter.pdf" letter
sed 's|</style>|@page{size:A4}\n</style>|' "$work/handout.html" >"$work/a4.html"
print "$work/a4.html" "$work/a4.pdf"
check "$work/a4.pdf" A4
echo "PASS: $name"
