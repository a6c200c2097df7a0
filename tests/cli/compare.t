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
expect_in "which names the formats" "$err" "text, md or tsv"
rx list --format md $basic
expect_status "--format outside compare is a usage error" 2
rx show alphazine --diff-only $basic
expect_status "--diff-only outside compare is a usage error" 2
rx --help
expect_in "--help lists compare" "$out" "compare TOPIC TOPIC [TOPIC [TOPIC]]"

done_testing
