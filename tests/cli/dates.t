#!/bin/sh
# `reviewed:` takes exactly YYYY-MM-DD: no spaces, signs or short fields
# (the old sscanf check let "2026- 1- 1" through).
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
mkdir -p "$work/pack/cards"
printf 'format: 1\npack: dates\ntitle: Dates\nversion: 2026.01\nlicense: CC-BY-4.0\n' >"$work/pack/pack.yaml"
card() {
	printf 'id: dated\ntitle: Dated\nkind: concept\nsummary: A card with a review date.\nstatus: draft\nreviewed: "%s"\n' \
		"$1" >"$work/pack/cards/dated.yaml"
}
for good in 2026-11-21 2000-01-31 2026-12-01; do
	card "$good"
	rx --no-default-packs check --strict "$work/pack"
	expect_status "reviewed: $good is a date" 0
done
for bad in "2026- 1- 1" "2026-+1-+1" " 2026-1-01" "2026-13-01" "2026-00-10" "2026-01-32" "2026/01/01" "20260-1-01" \
	"2026-01-1x"; do
	card "$bad"
	rx --no-default-packs check --strict "$work/pack"
	expect_status "reviewed: '$bad' is refused" 1
	expect_in "reviewed: '$bad' gets the date message" "$out$err" "must be a date like"
done
done_testing
