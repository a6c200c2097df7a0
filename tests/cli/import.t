#!/bin/sh
# rxplore import FILE -o DIR: an Anki text export or a CSV/TSV of questions
# as a folder of loose cards that check accepts (issue 20).
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"

# The round trip on the bundled pack: export --format anki, import, export
# again: every question keeps its id, text, choices (in the same lettered
# order) and answer.  The "Card: ..." footer names the card's kind-specific
# title and section, which a folder of imported cards does not keep.  Typed
# questions come back from "Basic (type in the answer)" notes.
rx export --format anki -o "$work/deck.txt"
expect_status "the bundled pack exports to Anki" 0
rx import "$work/deck.txt" -o "$work/mine"
expect_status "rxplore import reads it" 0
expect_in "a case vignette is said to be left out" "$err" "a case vignette is not imported"
expect_in "and says what it made" "$out" "rows skipped"
rx check "$work/mine"
expect_status "check accepts the imported folder" 0
expect_in "with no warnings" "$out" " 0 errors, 0 warnings"
rx --no-default-packs --content "$work/mine" export --format anki -o "$work/again.txt"
expect_status "the imported cards export again" 0
# Fields: guid, note type, front, back (a typed note's footer ends its front).
# Case vignettes are left out of an import (said on stderr).
strip() { grep -v '^#' "$1" | grep -v 'rxplore::question::case' | cut -f1-4 | sed 's/<br><br><i>Card: [^	]*//' | sort; }
strip "$work/deck.txt" >"$work/a"
strip "$work/again.txt" >"$work/b"
n=$(wc -l <"$work/a")
if [ "$n" -gt 100 ] && cmp -s "$work/a" "$work/b"; then
	ok "the round trip keeps all $n questions: id, text, choices, answer, explanation"
else
	not_ok "the round trip keeps every question" "$(diff "$work/a" "$work/b" | head -20)"
fi

# A spreadsheet: a header row, HTML in fields, bad rows reported and skipped.
cat >"$work/sheet.csv" <<'CSV'
question,choices,answer,explanation,tags
"Which is a <b>GABA-B</b> agonist?",Baclofen | Diazepam | Zolpidem,Baclofen,"It acts on GABA-B, not GABA-A.",muscle_relaxants
Diazepam is a benzodiazepine.,,true,,muscle_relaxants
Nothing to choose,,maybe,,muscle_relaxants
"Pick one",A | B,C,,muscle_relaxants
CSV
rx import "$work/sheet.csv" -o "$work/sheet"
expect_status "bad rows make the exit status 1" 1
expect_in "a row without choices is reported by line" "$err" "sheet.csv:4: error: no choices"
expect_in "an answer that names no choice is reported" "$err" "sheet.csv:5: error: the answer names none"
expect_in "the good rows are imported" "$out" "Imported 2 questions into 1 cards"
card="$work/sheet/muscle-relaxants.yaml"
if [ -f "$card" ]; then ok "one card per tag, named after it"; else not_ok "one card per tag" "$(ls "$work/sheet")"; fi
rx check "$work/sheet"
expect_status "check accepts it" 0
rx --no-default-packs --content "$work/sheet" show muscle-relaxants
expect_in "the card loads, titled after the tag" "$out" "muscle relaxants"
# HTML is not interpreted in a CSV without #html:true: kept as text.
expect_in "without #html:true, markup stays text" "$(cat "$card")" "<b>GABA-B</b>"

# Anki's #html:true: tags stripped, entities decoded, <br> as line breaks.
printf '#separator:semicolon\n#html:true\n#deck:Pharm &amp; Co\n"What is 2&gt;1?<br>a) True statement<br>b) &quot;No&quot;";a;Because.<div>Really.</div>\n' \
	>"$work/anki.txt"
rx import "$work/anki.txt" -o "$work/anki"
expect_status "an Anki export with a semicolon separator" 0
yaml=$(cat "$work"/anki/*.yaml)
expect_in "entities decoded" "$yaml" 'ask: "What is 2>1?"'
expect_in "choices from the a) b) lines" "$yaml" '- "\"No\""'
expect_in "<div> becomes a line break" "$yaml" 'explain: "Because.\nReally."'

# Usage and refusals.
rx import "$work/sheet.csv"
expect_status "import needs -o DIR" 2
rx import -o "$work/x"
expect_status "import needs a FILE" 2
rx import "$work/sheet.csv" "$work/deck.txt" -o "$work/x"
expect_status "import takes one FILE" 2
rx import "$work/nothing.csv" -o "$work/x"
expect_status "a missing file" 1
rx import "$work/deck.txt" -o "$work/sheet"
expect_status "a folder with files in it is not overwritten" 1
expect_in "and it says why" "$err" "exists and is not empty"
if [ -f "$card" ] && [ "$(ls "$work/sheet" | wc -l)" -eq 1 ]; then ok "nothing in it changed"; else
	not_ok "nothing in it changed" "$(ls "$work/sheet")"; fi
if ls "$work" | grep -q '\.tmp-'; then not_ok "no temporary folder is left" "$(ls "$work")"; else
	ok "no temporary folder is left"; fi
mkdir "$work/empty"
rx import "$work/sheet.csv" -o "$work/empty"
expect_in "an empty folder is filled" "$out" "Imported 2 questions"
done_testing
