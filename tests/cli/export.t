#!/bin/sh
# `rxplore export`: the Anki deck (one note per question of the quiz bank, rows
# never split), the Markdown handout, the JSON document (validated with
# python3 or jq when one is installed, field by field in any case), -o FILE
# written all or nothing, and the usage errors.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
pack="--no-default-packs --content $TEST_DATA_DIR/export-pack"
basic="--no-default-packs --content $TEST_DATA_DIR/basic"

# expect_lines NAME WANT TEXT: TEXT has WANT non-empty lines.
expect_lines() {
	got=$(printf '%s\n' "$3" | grep -c .)
	if [ "$got" -eq "$2" ]; then ok "$1"; else not_ok "$1" "lines: $got, wanted $2" "$3"; fi
}

# quiz_size ARGS...: the number of questions `rxplore quiz` offers.
quiz_size() {
	"$RXPLORE" quiz --seed 1 "$@" </dev/null 2>/dev/null | sed -n 's/^Practice: \([0-9]*\) question.*/\1/p'
}

# --- usage errors ------------------------------------------------------------
rx export $pack
expect_status "export without --format is a usage error" 2
expect_in "it names the formats" "$err" "export needs --format anki, md, html or json"
rx export --format xml $pack
expect_status "an unknown format is a usage error" 2
expect_in "it says which formats there are" "$err" "--format takes anki, md, html or json with export, not 'xml'"
rx export --format tsv $pack
expect_status "compare's formats are not export's" 2
rx list -o "$work/x" $pack
expect_status "-o goes with export only" 2
expect_in "-o says where it goes" "$err" "-o goes with the progress, import and export commands"
rx list --format md $pack
expect_status "--format goes with compare and export only" 2
rx export --format md --diff-only $pack
expect_status "--diff-only does not go with export" 2
rx export --format md -o "" $pack
expect_status "an empty -o is a usage error" 2
rx export --format md nosuch $pack
expect_status "an unknown topic exits 1" 1
expect_in "an unknown topic gets a hint" "$err" "no topic 'nosuch'"
rx export --format anki loner $pack
expect_status "a topic without questions gives no deck" 1
expect_in "it says why" "$err" "no questions for these topics"

# --- anki ---------------------------------------------------------------------
rx export --format anki $pack
expect_status "anki exits 0" 0
expect_in "anki: tab separator header" "$(printf '%s\n' "$out" | sed -n 1p)" "#separator:tab"
expect_in "anki: fields are HTML" "$out" "#html:true"
expect_in "anki: the first column is the note's guid" "$out" "#guid column:1"
expect_in "anki: the second column names the note type" "$out" "#notetype column:2"
expect_in "anki: the fifth column holds the tags" "$out" "#tags column:5"
rows=$(printf '%s\n' "$out" | grep -v '^#')
bank=$(quiz_size $pack)
expect_lines "anki: one row per question of the quiz bank ($bank)" "$bank" "$rows"
bad=$(printf '%s\n' "$rows" | awk -F '\t' 'NF != 5' | head -n 3)
if [ -z "$bad" ]; then ok "anki: every row has exactly 5 fields"; else
	not_ok "anki: every row has exactly 5 fields" "$bad"; fi
expect_in "anki: choice questions are Basic notes" "$rows" "plainol:fact:receptor	Basic	"
dups=$(printf '%s\n' "$rows" | cut -f 1 | sort | uniq -d)
if [ -z "$dups" ]; then ok "anki: guids are unique"; else not_ok "anki: guids are unique" "$dups"; fi
expect_not_in "anki: no raw HTML from the cards" "$rows" "<script>"
expect_not_in "anki: no raw double quotes (they would open a quoted field)" "$rows" '"'
expect_in "anki: card text is escaped" "$rows" \
	"Tricky &quot;quoted&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
expect_in "anki: a select-all question says so" "$rows" "<i>Select all that apply.</i>"
expect_in "anki: the back names the card and section" "$rows" "<i>Card: Plainol — Facts</i>"
expect_in "anki: tags name the card and kind" "$rows" "rxplore rxplore::card::plainol rxplore::kind::drug"
expect_in "anki: generated questions are there" "$rows" "plainol:fact:receptor	"
expect_in "anki: authored questions are there" "$rows" "tricky-quotes	"
first=$out
rx export --format anki $pack
if [ "$out" = "$first" ]; then ok "anki: the same content gives the same file (no random order)"; else
	not_ok "anki: the same content gives the same file (no random order)"; fi

rx export --format anki mixers $pack
rows=$(printf '%s\n' "$out" | grep -v '^#')
expect_lines "anki: a class brings its members' questions, as quiz --topic does" \
	"$(quiz_size --topic mixers $pack)" "$rows"
expect_in "anki: a member's questions are in" "$rows" "rxplore::card::tricky"
expect_not_in "anki: cards outside the class are not" "$rows" "rxplore::card::other"
rx export --format anki "Mixing drugs" MIXERS $pack
expect_lines "anki: topics accept aliases and any case, once each" "$(quiz_size --topic mixers $pack)" \
	"$(printf '%s\n' "$out" | grep -v '^#')"

# --- md -------------------------------------------------------------------------
rx export --format md $pack
expect_status "md exits 0" 0
expect_in "md: a title" "$(printf '%s\n' "$out" | sed -n 1p)" "# Export fixture"
expect_in "md: the disclaimer" "$out" "rxplore is for education, not treatment decisions."
expect_in "md: draft cards say so" "$out" "> **Draft:** not yet reviewed by a pharmacist or physician."
expect_in "md: sections in display order" "$(printf '%s\n' "$out" | grep '^### ' | tr '\n' ' ')" \
	"### Summary ### Mechanism ### Diagram ### Facts ### Sources"
expect_in "md: facts as a table, pipes escaped" "$out" "| Action \\| effect | Opens \\| closes |"
expect_in "md: HTML in card text is escaped" "$out" "## Tricky \"quoted\" \\<script\\>alert(1)\\</script\\> & co"
expect_in "md: a line that looks like a heading is not one" "$out" "\\# not a heading"
if printf '%s\n' "$out" | grep -qx '````' && printf '%s\n' "$out" | grep -qxF 'a ``` fence'; then
	ok "md: the diagram is a code block, fenced past its backticks"; else
	not_ok "md: the diagram is a code block, fenced past its backticks"; fi
expect_in "md: an explainer's comparison" "$out" "From *Why mix them up?*."
expect_in "md: comparison rows marked when they differ" "$out" \
	"| ≠ Receptor target | Tricky receptor | Plain receptor |"
expect_in "md: numbered questions" "$out" "**1.** "
expect_in "md: answers at the end" "$(printf '%s\n' "$out" | sed -n '/^## Answers/,$p')" "*(Plainol › Facts)*"
q=$(printf '%s\n' "$out" | grep -c '^\*\*[0-9]*\.\*\* ')
bank=$(quiz_size $pack)
if [ "$q" -eq $((2 * bank)) ]; then ok "md: every question and every answer ($bank each)"; else
	not_ok "md: every question and every answer ($bank each)" "numbered lines: $q"; fi
rx export --format md plainol other $pack
expect_in "md: 2 topics are compared with each other" "$out" "### Plainol vs Other"
rx export --format markdown plainol $pack
expect_in "md: one topic is compared with its compare_with cards" "$out" "### Plainol vs Tricky"

# One escaper for both Markdown tables: the comparison in the handout and
# `compare --format md` of the same two cards are the same lines.
rx export --format md plainol tricky $pack
handout_table=$(printf '%s\n' "$out" | sed -n '/^### Plainol vs Tricky/,/marks the facts/p' | grep '^|')
rx compare plainol tricky --format md $pack
compare_table=$(printf '%s\n' "$out" | grep '^|')
expect_in "md: the handout escapes a fact value" "$handout_table" \
	'GABA\_A \*and\* \<b\> \[x\](y) \~z\~ \&amp; line two'
if [ -n "$compare_table" ] && [ "$handout_table" = "$compare_table" ]; then
	ok "md: compare and export write the same escaped table"; else
	not_ok "md: compare and export write the same escaped table" "export:" "$handout_table" "compare:" \
		"$compare_table"; fi

# --- json -------------------------------------------------------------------------
rx export --format json $pack
expect_status "json exits 0" 0
json=$out
printf '%s\n' "$json" >"$work/cards.json"
if command -v python3 >/dev/null 2>&1; then
	if python3 -m json.tool "$work/cards.json" >/dev/null 2>"$work/json.err"; then ok "json: valid (python3)"; else
		not_ok "json: valid (python3)" "$(cat "$work/json.err")"; fi
	python3 - "$work/cards.json" >"$work/json.check" 2>&1 <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["format"] == "rxplore-cards" and doc["format_version"] == 2
assert [p["name"] for p in doc["packs"]] == ["export-fixture"]
cards = {c["id"]: c for c in doc["cards"]}
assert len(cards) == 6, len(cards)
t = cards["tricky"]
assert t["title"] == 'Tricky "quoted" <script>alert(1)</script> & co', t["title"]
assert t["aliases"] == ["Ünïcødé", "受容体", "pipe|alias"], t["aliases"]
assert list(t["facts"]) == ["receptor", "action", "notes"], list(t["facts"])
assert list(t["sections"]) == ["mechanism", "diagram", "diagram_text"], list(t["sections"])
assert t["member_of"] == "mixers" and t["status"] == "draft" and t["reviewed_by"] is None
assert "\t" not in t["summary"] and "\x01" not in t["summary"] and "\u202e" not in t["summary"], t["summary"]
qs = {q["id"]: q for q in t["quiz"]}
assert qs["tricky-all"]["type"] == "multi" and qs["tricky-all"]["answer"] == ["Tricky", "Plainol"]
assert qs["tricky-tf"]["type"] == "true-false" and qs["tricky-tf"]["answer"] is True
assert qs["tricky-quotes"]["answer"] == 'The "quoted" one'
assert t["sources"][0] == {"title": "A source with | a pipe", "publisher": "Test Publisher", "year": "2026"}
assert cards["mixers"]["status"] == "reviewed" and cards["mixers"]["reviewed_by"] == "A. Tester"
PY
	if [ $? -eq 0 ]; then ok "json: fields, types and order as the cards have them"; else
		not_ok "json: fields, types and order as the cards have them" "$(cat "$work/json.check")"; fi
elif command -v jq >/dev/null 2>&1; then
	if jq -e '.format_version == 2 and (.cards | length) == 6' "$work/cards.json" >/dev/null; then
		ok "json: valid (jq)"; else not_ok "json: valid (jq)"; fi
	echo "ok $((tap_count + 1)) # SKIP json: field checks need python3"
	tap_count=$((tap_count + 1))
else
	echo "ok $((tap_count + 1)) # SKIP json: no python3 or jq to validate the document"
	echo "ok $((tap_count + 2)) # SKIP json: field checks need python3"
	tap_count=$((tap_count + 2))
fi
# Checks that do not need a JSON parser.
expect_in "json: format version" "$json" '"format_version": 2,'
expect_in "json: quotes escaped" "$json" '"title": "Tricky \"quoted\" <script>alert(1)</script> & co",'
expect_in "json: non-ASCII passes through" "$json" '"受容体",'
expect_in "json: facts as an object" "$json" '"action": "Opens | closes",'
expect_in "json: a true/false answer is a boolean" "$json" '"answer": true,'
expect_in "json: the pack is named" "$json" '"name": "export-fixture",'
rx export --format json alphazine $basic
expect_in "json: topics limit the cards" "$out" '"id": "alphazine",'
expect_not_in "json: other cards are left out" "$out" '"id": "betamol",'

# --- -o FILE ------------------------------------------------------------------------
rx export --format md -o "$work/handout.md" $pack
expect_status "-o exits 0" 0
if [ -z "$out" ]; then ok "-o: nothing on standard output"; else
	not_ok "-o: nothing on standard output" "$out"; fi
"$RXPLORE" export --format md $pack >"$work/stdout.md" 2>/dev/null
if cmp -s "$work/handout.md" "$work/stdout.md"; then ok "-o: the file holds what standard output would"; else
	not_ok "-o: the file holds what standard output would"; fi
leftovers=$(ls "$work" | grep 'handout\.md\.' || true)
if [ -z "$leftovers" ]; then ok "-o: no temporary file left behind"; else
	not_ok "-o: no temporary file left behind" "$leftovers"; fi
mode=$( (umask 077 && "$RXPLORE" export --format json -o "$work/private.json" $pack) &&
	stat -c %a "$work/private.json")
expect_in "-o: a new file gets the permissions the umask allows" "$mode" "600"
mode=$( (umask 022 && "$RXPLORE" export --format json -o "$work/shared.json" $pack) &&
	stat -c %a "$work/shared.json")
expect_in "-o: ...not just the owner's" "$mode" "644"

printf 'old contents\n' >"$work/keep.txt"
rx export --format anki -o "$work/keep.txt" nosuch $pack
expect_status "-o with an unknown topic exits 1" 1
expect_in "-o: a failed export leaves the old file alone" "$(cat "$work/keep.txt")" "old contents"
rx export --format anki -o "$work/keep.txt" $pack
expect_in "-o: a good export replaces it" "$(sed -n 1p "$work/keep.txt")" "#separator:tab"

mkdir "$work/adir"
rx export --format md -o "$work/adir" $pack
expect_status "-o onto a directory exits 1" 1
expect_in "-o: the error names the file" "$err" "cannot write $work/adir"
leftovers=$(ls "$work" | grep 'adir\.' || true)
if [ -z "$leftovers" ]; then ok "-o: a failed rename leaves no temporary file"; else
	not_ok "-o: a failed rename leaves no temporary file" "$leftovers"; fi
rx export --format md -o "$work/no/such/dir/file.md" $pack
expect_status "-o into a missing directory exits 1" 1
expect_in "-o: it says what went wrong" "$err" "No such file or directory"
rx export --format md -o - $pack
expect_in "-o - means standard output" "$out" "# Export fixture"

if [ -w /dev/full ]; then
	status=0
	"$RXPLORE" export --format json $pack >/dev/full 2>"$work/err" || status=$?
	err=$(cat "$work/err")
	expect_status "a full disk is an error, not a silent truncation" 1
	expect_in "it says the output could not be written" "$err" "cannot write standard output"
else
	echo "ok $((tap_count + 1)) # SKIP no /dev/full"
	echo "ok $((tap_count + 2)) # SKIP no /dev/full"
	tap_count=$((tap_count + 2))
fi

done_testing
