#!/bin/sh
# `rxplore compare`: golden outputs in every format and at several widths,
# plus its usage errors.  RXPLORE_REGEN_GOLDEN=1 rewrites the expected files
# (look at every diff before keeping them).
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
basic="--no-default-packs --content $TEST_DATA_DIR/basic"
wide="--no-default-packs --content $TEST_DATA_DIR/compare-wide"
golden_dir=$TEST_DATA_DIR/compare

# golden NAME ARGS...: rxplore ARGS must exit 0 and print exactly golden_dir/NAME.
golden() {
	name=$1
	shift
	rx "$@"
	if [ "${RXPLORE_REGEN_GOLDEN:-}" = 1 ]; then cp "$work/out" "$golden_dir/$name"; fi
	if [ "$status" -ne 0 ]; then
		not_ok "$name" "exit status $status" "stderr: $err"
	elif diff -u "$golden_dir/$name" "$work/out" >"$work/diff" 2>&1; then
		ok "$name"
	else
		not_ok "$name" "output differs from $golden_dir/$name:" "$(cat "$work/diff")"
	fi
}

# fits NAME WIDTH: no line of the last output is wider than WIDTH columns.
fits() {
	cols=$(wc -L <"$work/out")
	if [ "$cols" -le "$2" ]; then ok "$1"; else not_ok "$1" "widest line: $cols columns, wanted <= $2"; fi
}

for w in 40 80 132; do
	golden "basic-2-text-$w.txt" compare alphazine betamol --width "$w" $basic
	fits "the 2-topic table fits $w columns" "$w"
	golden "basic-4-text-$w.txt" compare alphazine betamol greek-drugs start-here --width "$w" $basic
	fits "the 4-topic table fits $w columns" "$w"
	golden "wide-4-text-$w.txt" compare wide long-word twin-one twin-two --width "$w" $wide
	fits "wide characters and long words fit $w columns" "$w"
done
for w in 40 80 132; do
	golden "basic-3-md-$w.md" compare alphazine betamol greek-drugs --format md --width "$w" $basic
	golden "basic-3-tsv-$w.tsv" compare alphazine betamol greek-drugs --format tsv --width "$w" $basic
done
golden "wide-md.md" compare long-word wide twin-two --format markdown $wide
golden "wide-tsv.tsv" compare long-word wide twin-two --format tsv $wide
LC_ALL=C
golden "basic-ascii.txt" compare alphazine greek-drugs --width 60 $basic
LC_ALL=C.UTF-8
golden "twins-diff-only.txt" compare twin-one twin-two --diff-only $wide
golden "wide-diff-only.txt" compare twin-one long-word --diff-only --width 60 $wide
golden "basic-diff-only-md.md" compare greek-drugs alphazine --diff-only --format md $basic

# Issue 14: four topics at 80 columns are one table, and a cell breaks only
# a word longer than its column, with a hyphen.  The bundled pack's four
# benzodiazepines have the longest cells; the wide fixture the longest words.
check_cells() {
	if python3 "$TOP_SRCDIR/tests/cli/table-cells.py" "$2" <"$work/out" >"$work/cells" 2>&1; then
		ok "$1"
	else
		not_ok "$1" "$(cat "$work/cells")"
	fi
}
if command -v python3 >/dev/null 2>&1; then
	rx compare alprazolam chlordiazepoxide clonazepam diazepam --width 80
	check_cells "4 bundled topics at 80 columns: one table, no word broken that fits" 80
	for w in 80 100 132; do
		rx compare wide long-word twin-one twin-two --width "$w" $wide
		check_cells "4 wide topics at $w columns: one table, only over-long words broken" "$w"
	done
	printf '┌────────┬───┐\n│ ab-    │ x │\n│ c      │ y │\n└────────┴───┘\n' >"$work/out"
	if python3 "$TOP_SRCDIR/tests/cli/table-cells.py" 80 <"$work/out" >/dev/null; then
		not_ok "the cell checker catches a word broken that fits"
	else
		ok "the cell checker catches a word broken that fits"
	fi
else
	skip_case "cell-by-cell table check" "python3 is not installed: the check did NOT run"
fi
rx compare alphazine betamol greek-drugs start-here $basic --width 80
expect_in "with 3-4 topics a differing row's cells carry group letters" "$out" "│ a Alpha       │ b Beta receptor"
expect_in "which the legend explains" "$out" "cells with the same letter say the same thing"
rx compare alphazine betamol $basic --width 80
expect_not_in "2 topics need no letters" "$out" "same letter"
rx --plain compare alphazine betamol greek-drugs $basic
expect_in "--plain reads the comparison one fact at a time" "$out" \
	"Receptor target (differs) — Alphazine: Alpha receptor. Betamol: Beta receptor. Greek drugs: Alpha or beta receptor."
expect_not_in "with no box drawing" "$out" "│"
rx compare long-word twin-one twin-two $wide --format linear
expect_in "a value said twice is 'the same as'" "$out" "Receptor target — all: GABA-B receptor."
rx compare wide long-word twin-one twin-two $wide --format linear
expect_in "a value said before is 'the same as' that topic" "$out" "Twin one: the same as Pneumono"
expect_in "a missing value is 'none given'" "$out" "Twin one: none given. Twin two: none given."
expect_in "white space folds and a value ends in one full stop" "$out" "a note. Second paragraph, after a blank line. Twin"

rx compare wide long-word twin-one twin-two $wide
expect_in "without --width a pipe gets 80 columns" "$(wc -L <"$work/out")" "80"
rx compare alphazine betamol $basic
expect_in "the text table has a legend for the marker" "$out" "≠ marks the facts that differ: 3 of 3."
expect_in "a draft card brings the draft note" "$out" "DRAFT: not yet reviewed"
rx compare twin-one twin-two $wide
expect_in "identical values (apart from case and spacing) do not differ" "$out" "differ: 0 of 2"
expect_not_in "reviewed cards bring no draft note" "$out" "DRAFT"
expect_in "but still the education note" "$out" "rxplore is for education, not treatment decisions."
rx compare alphazine betamol $basic --format tsv
expect_not_in "TSV carries no notes" "$out" "DRAFT"
rx compare alphazine greek-drugs $basic --format tsv
expect_in "a missing TSV value is an empty field" "$out" "$(printf 'action\tAction\tAgonist\t\tyes')"

LC_ALL=C
rx compare alphazine greek-drugs $basic
expect_not_in "outside a UTF-8 locale there are no box characters" "$out" "│"
expect_in "and the marker is an asterisk" "$out" "| * Receptor"
LC_ALL=C.UTF-8

rx compare alphazin betamol $basic
expect_status "an unknown topic exits 1" 1
expect_in "an unknown topic gets a did-you-mean" "$err" "rxplore: no topic 'alphazin' — did you mean 'alphazine'?"
rx compare alphazine $basic
expect_status "one topic is a usage error" 2
expect_in "which says how many topics" "$err" "compare needs 2 to 4 TOPICs"
rx compare $basic
expect_status "no topic is a usage error" 2
rx compare alphazine betamol greek-drugs start-here alphazine $basic
expect_status "five topics are a usage error" 2
rx compare alphazine ALFA $basic
expect_status "the same topic twice (by alias) is a usage error" 2
expect_in "which says so" "$err" "named twice"
rx compare alphazine betamol --format html $basic
expect_status "an unknown --format is a usage error" 2
expect_in "which names the formats" "$err" "text, linear, md or tsv"
rx list --format md $basic
expect_status "--format outside compare is a usage error" 2
rx show alphazine --diff-only $basic
expect_status "--diff-only outside compare is a usage error" 2
rx --help
expect_in "--help lists compare" "$out" "compare TOPIC TOPIC [TOPIC [TOPIC]]"

done_testing
