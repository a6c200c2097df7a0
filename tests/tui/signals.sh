#!/bin/sh
# SIGINT, SIGTERM and SIGHUP on every screen, Ctrl-C typed on every screen
# and in the search prompt, and SIGTERM in the middle of a resize storm: each
# ends rxplore with 128+signal and leaves `stty -a` (taken in the pane before
# rxplore starts and after it ends) exactly as it was.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-screens.sh"
seed_progress

# ended_by SIG WHAT: rxplore ended with 128+SIG and the terminal is as it was.
ended_by() {
	wait_exit
	case $1 in TERM) want=143 ;; HUP) want=129 ;; INT) want=130 ;; esac
	[ "$status" = "$want" ] || fail "$2: exit status $status, wanted $want"
	[ -s "$work/stty.before" ] || fail "$2: no stty record"
	# The window size is not a setting rxplore may restore: the storm changed it.
	for f in before after; do
		sed 's/rows [0-9]*; columns [0-9]*;//' "$work/stty.$f" >"$work/stty.$f.nosize"
	done
	diff "$work/stty.before.nosize" "$work/stty.after.nosize" >&2 || fail "$2: terminal settings not restored"
	tm kill-server
}

for s in $SCREENS; do
	for sig in INT TERM HUP; do
		start_screens
		goto "$s"
		pid=$(rx_pid)
		[ -n "$pid" ] || fail "cannot find the rxplore process"
		kill -s "$sig" "$pid"
		ended_by "$sig" "SIG$sig on $s"
	done
	start_screens
	goto "$s"
	keys C-c
	ended_by INT "Ctrl-C on $s"
done

start_screens
keys /
wait_for "Search:"
keys C-c
ended_by INT "Ctrl-C in the search prompt"

# SIGTERM while the window keeps changing size.
start_screens
goto compare
pid=$(rx_pid)
i=0
while [ $i -lt 20 ]; do
	tm resize-window -t "$session" -x $((30 + i * 7)) -y $((8 + i * 3)) >/dev/null 2>&1
	[ $i = 10 ] && kill -s TERM "$pid"
	i=$((i + 1))
done
ended_by TERM "SIGTERM during resizes"
pass
