#!/bin/sh
# Every screen at 20x6, 40x12, 80x24, 132x43 and 300x100.  A screen resized to
# a size must look exactly like the same screen drawn by a fresh rxplore
# started at that size: nothing left over from the old size, nothing missing.
# Below the minimum (40x12) the whole "too small" message shows, and q quits.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-screens.sh"
seed_progress

# References: a fresh start at each size, every screen in turn.
for size in 40x12 80x24 132x43 300x100; do
	TUI_COLS=${size%x*} TUI_ROWS=${size#*x}
	start_screens
	for s in $SCREENS; do
		goto "$s"
		settle "$(marker "$s")"
		screen >"$work/ref.$s.$size"
		leave "$s"
	done
	tm kill-server
done

# Started too small: the message, and q still quits.
TUI_COLS=20 TUI_ROWS=6
start
expect_too_small
keys q
wait_exit
[ "$status" = 0 ] || fail "q at 20x6: exit status $status"
diff "$work/stty.before" "$work/stty.after" >&2 || fail "terminal settings differ after quitting at 20x6"
tm kill-server

# Each screen, opened at 80x24 and resized through every size, growing and
# shrinking, then back.
TUI_COLS=80 TUI_ROWS=24
for s in $SCREENS; do
	start_screens
	goto "$s"
	for size in 132x43 20x6 300x100 40x12 80x24; do
		resize "${size%x*}" "${size#*x}"
		if [ "$size" = 20x6 ]; then
			expect_too_small
			continue
		fi
		settle "$(marker "$s")"
		screen >"$work/got.$s.$size"
		diff "$work/ref.$s.$size" "$work/got.$s.$size" >&2 ||
			fail "$s resized to $size differs from a fresh start at $size"
	done
	# Still answering keys: back to browsing, then quit.
	leave "$s"
	keys q
	wait_exit
	[ "$status" = 0 ] || fail "$s: exit status $status after the resizes"
	tm kill-server
done
pass
