#!/bin/sh
# Resizing: several sizes, below the minimum (40x12) and back.
. "$(dirname "$0")/lib.sh"
start
wait_for "Is Zolpam a Ketazine?"
for size in "132 43" "40 12" "100 30" "200 60" "80 24"; do
	set -- $size
	resize "$1" "$2"
	wait_for_status_bar "? help"
	expect_screen "Is Zolpam a Ketazine"
	[ "$1" -lt 80 ] || expect_screen "tui-fixture 2026.01"
	expect_not_screen "too small"
done
resize 39 24
wait_for "Terminal too small"
expect_screen "enlarge it or press q"
resize 80 11
wait_for "Terminal too small"
resize 80 24
wait_gone "Terminal too small"
wait_for "Related: Zolpam"
# The long card wraps to the new width.
keys G Enter
wait_for "Zolpam  drug"
resize 50 20
wait_for_status_bar "? help"
expect_screen "Zolpam  drug"
resize 30 8
wait_for "Terminal too small"
keys q
wait_exit
[ "$status" = 0 ] || fail "q on the too-small screen: status $status"
pass
