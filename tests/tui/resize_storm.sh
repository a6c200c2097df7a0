#!/bin/sh
# A resize storm on every screen: 100 window sizes from 20x6 to 300x100 in
# about two seconds, then back to 80x24.  rxplore must still be running, draw
# exactly the screen it drew before the storm, and answer keys.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-screens.sh"
seed_progress

# A fixed pseudo-random walk, so that a failure can be replayed.
awk 'BEGIN { srand(7); for (i = 0; i < 100; i++) printf "%d %d%s", 20 + int(rand() * 281), 6 + int(rand() * 95),
	i % 2 ? "\n" : " " }' >"$work/storm"
[ "$(wc -l <"$work/storm")" -eq 50 ] || fail "could not make the list of sizes"

start_screens
for s in $SCREENS; do
	goto "$s"
	settle "$(marker "$s")"
	screen >"$work/before.$s"
	# Two sizes per tmux command: one tmux call takes about as long as the
	# storm allows for two resizes.
	while read -r c1 r1 c2 r2; do
		tm resize-window -t "$session" -x "$c1" -y "$r1" \; resize-window -t "$session" -x "$c2" -y "$r2" \
			>/dev/null 2>&1 || fail "tmux cannot resize to ${c1}x$r1 or ${c2}x$r2"
	done <"$work/storm"
	resize 80 24
	settle "$(marker "$s")"
	screen >"$work/after.$s"
	diff "$work/before.$s" "$work/after.$s" >&2 || fail "$s: the screen after the storm differs"
	leave "$s"
done
# Keys still work: the help screen opens and closes, q quits cleanly.
keys '?'
wait_for "rxplore help: keys"
keys q
wait_gone "rxplore help: keys"
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status after the storms"
diff "$work/stty.before" "$work/stty.after" >&2 || fail "terminal settings differ after the storms"
pass
