#!/bin/sh
# Hostile text never reaches the terminal in line mode.  tests/data/hostile
# has terminal escapes, OSC 52 clipboard writes, C1 controls, BEL, CR and bidi
# controls in every text field of a card and of pack.yaml; every command's
# output (stdout and stderr) is scanned byte by byte.  Diagnostics quote
# hostile keys and values, and file and folder names can be hostile too.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
hostile="--no-default-packs --content $TEST_DATA_DIR/hostile"
export RXPLORE_NOW=2026-11-21T09:30:00 TZ=UTC

# hazards FILE: names each kind of byte sequence a terminal would act on that
# FILE holds -- ESC, BEL, CR (except in a CRLF line end when crlf_ok is set),
# other C0 controls but tab and newline, DEL, C1 controls as UTF-8 (C2 80 to
# C2 9F), and the bidi controls U+202A-U+202E (E2 80 AA-AE) and U+2066-U+2069
# (E2 81 A6-A9).  od keeps this byte-exact whatever the locale.
hazards() {
	od -An -tx1 -v "$1" | tr -s ' \n' '  ' | awk -v crlf_ok="${crlf_ok:-}" '{
		n = split($0, b, " ")
		for (i = 1; i <= n; i++) {
			x = b[i]
			if (x == "1b") found["ESC"] = 1
			else if (x == "07") found["BEL"] = 1
			else if (x == "0d") { if (!(crlf_ok && b[i + 1] == "0a")) found["CR"] = 1 }
			else if (x == "7f") found["DEL"] = 1
			else if (x < "20" && x != "09" && x != "0a") found["C0 " x] = 1
			else if (x == "c2" && b[i + 1] >= "80" && b[i + 1] <= "9f") found["C1 " b[i + 1]] = 1
			else if (x == "e2" && b[i + 1] == "80" && b[i + 2] >= "aa" && b[i + 2] <= "ae")
				found["bidi 202" substr(b[i + 2], 2)] = 1
			else if (x == "e2" && b[i + 1] == "81" && b[i + 2] >= "a6" && b[i + 2] <= "a9")
				found["bidi 206" substr(b[i + 2], 2)] = 1
		}
	} END { for (k in found) printf "%s; ", k }'
}

# scan NAME: checks this command's stdout and stderr for hazards.
scan() {
	h=$(hazards "$work/out")$(hazards "$work/err")
	if [ -z "$h" ]; then ok "$1: no terminal controls in the output"; else
		not_ok "$1: no terminal controls in the output" "found: $h"; fi
}

# The scanner itself: it must see what it is looking for.
for payload in '\033]52;c;SU5KRUNURUQ=\007' 'a\rb' '\302\233' '\342\200\256' '\342\201\246' '\177' '\001'; do
	printf "x${payload}y\n" >"$work/probe"
	if [ -n "$(hazards "$work/probe")" ]; then ok "the scanner finds $payload"; else
		not_ok "the scanner finds $payload"; fi
done
printf 'a\r\nb\r\n' >"$work/probe"
if [ -z "$(crlf_ok=1 hazards "$work/probe")" ] && [ -n "$(hazards "$work/probe")" ]; then
	ok "the scanner passes CRLF line ends only when told to"; else not_ok "the scanner passes CRLF line ends only when told to"; fi
printf 'a\rb\r\n' >"$work/probe"
if [ -n "$(crlf_ok=1 hazards "$work/probe")" ]; then ok "the scanner finds a lone CR among CRLF line ends"; else
	not_ok "the scanner finds a lone CR among CRLF line ends"; fi
printf 'caf\303\251 \344\270\255 \360\237\230\200 \342\200\224 \342\200\217\ttab\n' >"$work/probe"
h=$(hazards "$work/probe")
if [ -z "$h" ]; then ok "the scanner passes ordinary UTF-8, tabs and marks"; else
	not_ok "the scanner passes ordinary UTF-8, tabs and marks" "found: $h"; fi

rx check $hostile "$TEST_DATA_DIR/hostile"
expect_status "the hostile pack loads (its payloads are text, not errors)" 0
scan "check"
expect_in "check counts the hostile cards" "$out" "3 cards, 0 errors"

rx show hostile $hostile
expect_status "show hostile" 0
scan "show hostile"
# The text is shown, minus its controls: proof the payload was not just dropped.
for marker in INJ1TITLE INJ2ALIAS1 INJ3SUMMARY INJ4MECHANISM INJ5USES INJ6SIDEEFFECTS INJ7DEPENDENCE \
	end-CONFUSION end-INTERACTIONS end-PHARMACOKINETICS end-DIAGRAM end-RECEPTOR end-ACTION end-LABEL1 \
	end-SRCTITLE end-PUBLISHER end-AUTHORS end-CHAPTER end-EDITION end-YEAR end-URL end-IDENTIFIER end-NOTE \
	end-REVIEWEDBY; do
	expect_in "show hostile shows $marker" "$out" "$marker"
done
expect_in "the OSC 52 payload shows as inert text" "$out" "]52;c;SU5KRUNURUQ= osc52"

for section in summary mechanism uses side-effects dependence confusion interactions pharmacokinetics diagram \
	facts sources; do
	rx show hostile "$section" $hostile
	scan "show hostile $section"
done

rx list $hostile
scan "list"
# At 80 columns the long title is cut with an ellipsis; wide enough, whole.
rx list --width 1000 $hostile
scan "list --width 1000"
expect_in "list shows the hostile title" "$out" "end-TITLE"

rx search SU5KRUNURUQ $hostile
expect_status "search finds the payload text" 0
scan "search"
expect_in "search names the hostile card" "$out" "end-TITLE (drug) [hostile]:"
for where in Title "Also called" Summary "Why the confusion" Diagram Facts; do
	expect_in "search reaches the payload in: $where" "$out" "
  $where: "
done

for format in text md tsv; do
	rx compare --format "$format" hostile plain $hostile
	expect_status "compare --format $format" 0
	scan "compare --format $format"
	expect_in "compare --format $format shows the hostile fact" "$out" "end-RECEPTOR"
done
rx compare --width 30 --diff-only hostile plain $hostile
scan "compare --width 30 --diff-only"

# A line-mode quiz over the hostile card: questions, choices, feedback and
# explanations, answered from a pipe; then the review log exported.
status=0
printf 'a\nb\na\nb\n' | "$RXPLORE" quiz --topic hostile --seed 3 $hostile >"$work/out" 2>"$work/err" || status=$?
out=$(cat "$work/out")
expect_status "quiz on the hostile card" 0
scan "quiz"
expect_in "the quiz asks the hostile question" "$out" "end-ASK1"
expect_in "the quiz shows hostile choices" "$out" "end-CHOICE2"
expect_in "the quiz shows the hostile explanation" "$out" "end-EXPLAIN"
expect_in "the generated question quotes the hostile vocabulary" "$out" "end-VOCABASK"

rx progress export $hostile
expect_status "progress export" 0
crlf_ok=1 scan "progress export (CRLF line ends allowed)"
expect_in "the export has the hostile card's answers" "$out" "hostile-single,hostile"

rx packs $hostile
scan "packs"
expect_in "packs shows the hostile pack title" "$out" "end-PACKTITLE"
rx --version $hostile
scan "--version"

# Diagnostics quote keys, values and tags from the file: a hostile one is
# shown with '?' where each control was.
rx check --no-default-packs "$TEST_DATA_DIR/hostile-diag"
expect_status "hostile keys and values are errors" 1
scan "check of hostile keys and values"
expect_in "an unknown key is quoted harmlessly" "$out" "unknown key 'unknown?]52;c;SU5KRUNURUQ=?' in a card"
expect_in "a bad value is quoted harmlessly" "$out" "not 'drug?]52;c;SU5KRUNURUQ=?'"
expect_in "a decoded tag is quoted harmlessly" "$out" "tags (?]52;c;SU5KRUNURUQ=?) are not allowed"
expect_in "a bidi control in a key is marked" "$out" "unknown key 'mech?anism' in sections"

# File and folder names come from content folders too.
esc=$(printf '\033')
bel=$(printf '\007')
dir="$work/pack${esc}]52;c;SU5KRUNURUQ=${bel}"
mkdir -p "$dir/cards"
printf 'id: named\ntitle: Named\nkind: drug\nsummary: x\n' >"$dir/cards/a.yaml"
printf 'id: bogus\ntitle: B\nkind: drug\nsummary: x\nbogus: 1\n' >"$dir/cards/b${esc}[31mINJ$(printf '\r').yaml"
rx check --no-default-packs "$dir"
expect_status "a hostile file name with an error" 1
scan "check with hostile file and folder names"
expect_in "the hostile names are shown with '?'" "$out" "pack?]52;c;SU5KRUNURUQ=?/cards/b?[31mINJ?.yaml:5:1: error"
rx packs --no-default-packs --content "$dir"
scan "packs with a hostile folder name"
rx --version --no-default-packs --content "$dir"
scan "--version with a hostile folder name"

# Every input the fuzzer ever broke rxplore with: a clean verdict from
# `rxplore check` (exit 0 or 1, with its summary line), never a crash.
for f in "$TEST_DATA_DIR"/fuzz-regress/*; do
	rx check --no-default-packs "$f"
	if { [ "$status" -eq 0 ] || [ "$status" -eq 1 ]; } && printf '%s' "$out" | grep -Eq ' errors?, [0-9]+ warnings?'; then
		ok "fuzz-regress/${f##*/}: checked cleanly"
	else
		not_ok "fuzz-regress/${f##*/}: checked cleanly" "exit status $status" "$out" "$err"
	fi
	scan "fuzz-regress/${f##*/}"
done

done_testing
