#!/bin/sh
# `rxplore check`: every rule of the card format gives its located diagnostic,
# and one bad file never stops the others from loading.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"

for f in "$TEST_DATA_DIR"/bad/cards/*.yaml; do
	name=${f##*/}
	want=$(sed -n '1s/^\xef\xbb\xbf//; 1s/^# expect: //p' "$f")
	rx check --no-default-packs "$f"
	if [ "$status" -eq 1 ] && printf '%s' "$out" | grep -qF -- "$f:$want"; then
		ok "bad/$name: $want"
	else
		not_ok "bad/$name: $want" "exit status $status" "$out" "$err"
	fi
done

for f in "$TEST_DATA_DIR"/warn/cards/*.yaml; do
	name=${f##*/}
	want=$(sed -n '1s/^# expect: //p' "$f")
	rx check --no-default-packs "$f"
	s1=$status
	o1=$out
	rx check --strict --no-default-packs "$f"
	if [ "$s1" -eq 0 ] && printf '%s' "$o1" | grep -qF -- "$want" &&
		{ [ -z "$want" ] || [ "$status" -eq 1 ]; }; then
		ok "warn/$name: kept (exit 0), and --strict fails on its warning"
	else
		not_ok "warn/$name: kept (exit 0), and --strict fails on its warning" "exit $s1 / strict $status" "$o1"
	fi
done

rx check --no-default-packs "$TEST_DATA_DIR/basic"
expect_status "a good pack checks clean" 0
expect_in "the summary line counts cards, errors and warnings" "$out" "4 cards, 0 errors, 0 warnings"

# A generated question left out is a note that says why, never a warning.
expect_in "a generated question left out is a located note" "$out" \
	"$TEST_DATA_DIR/basic/cards/betamol.yaml:1: note: no generated question on 'receptor' for 'betamol': 1 fair distractor, 2 needed"
rx check --strict --no-default-packs "$TEST_DATA_DIR/tui-pack"
expect_status "notes do not fail check --strict" 0
expect_in "a class card is never asked its own class: said as a note" "$out" \
	"ketazines.yaml:1: note: no generated question on 'class' for 'ketazines': a class asked for its own class"

rx check --no-default-packs "$TEST_DATA_DIR/bad"
expect_status "a pack with errors exits 1" 1
n=$(printf '%s\n' "$out" | grep -c ': error: ')
if [ "$n" -ge 19 ]; then ok "every bad file in a folder is reported ($n errors)"; else
	not_ok "every bad file in a folder is reported" "$out"; fi

rx list --no-default-packs --content "$TEST_DATA_DIR/bad" --content "$TEST_DATA_DIR/basic"
expect_status "bad cards do not stop the good ones from loading" 0
expect_in "the good cards are listed" "$out" "alphazine"
expect_in "and the problems are mentioned" "$err" "problems while loading cards; run 'rxplore check'"

rx check --no-default-packs "$work/does-not-exist"
expect_status "a missing path is an error" 1

rx check --strict --no-default-packs "$TOP_SRCDIR/content"
expect_status "the bundled content passes check --strict" 0
if [ "$status" -ne 0 ]; then printf '%s\n' "$out" | sed 's/^/# /'; fi
if printf '%s\n' "$out" | grep -v ': note: ' | grep -q ': \(warning\|error\): '; then
	not_ok "the bundled content: only notes" "$out"
else
	ok "the bundled content: only notes (the generated questions left out)"
fi

# Loose cards checked on their own see the bundled pack: a link to the
# bundled baclofen resolves when rxplore loads them, so --strict passes; a
# link to no card at all is reported on its own line, not at the card's top.
mkdir -p "$work/loose"
printf 'id: my-note\ntitle: My note\nkind: concept\nsummary: Mine.\nfacts:\n  receptor: GABA-B\n%s\n%s\n' \
	'related: [baclofen]' 'status: draft' >"$work/loose/my-note.yaml"
rx check --strict "$work/loose"
expect_status "check --strict: a link to a bundled card is no warning" 0
expect_not_in "the bundled card is not called missing" "$out" "not loaded"
expect_in "only the checked card is counted" "$out" "1 card, 0 errors, 0 warnings"
printf 'id: other-note\ntitle: Other note\nkind: concept\nsummary: Other.\nrelated:\n  - baclofen\n  - no-such-card\nstatus: draft\n' \
	>"$work/loose/other-note.yaml"
rx check --strict "$work/loose"
expect_status "check --strict: a dangling link fails" 1
expect_in "a dangling link is reported at its own line and column" "$out" \
	"$work/loose/other-note.yaml:7:5: warning: 'other-note' is related to 'no-such-card', which is not loaded"

done_testing
