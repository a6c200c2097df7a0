#!/bin/sh
# SIGTERM (and SIGHUP, SIGINT) end rxplore with 128+signal and a sane terminal.
. "$(dirname "$0")/lib.sh"
for sig in TERM HUP INT; do
	start
	wait_for "Is Zolpam a Ketazine?"
	pid=$(rx_pid)
	[ -n "$pid" ] || fail "cannot find the rxplore process"
	kill -s "$sig" "$pid"
	wait_exit
	case $sig in TERM) want=143 ;; HUP) want=129 ;; INT) want=130 ;; esac
	[ "$status" = "$want" ] || fail "SIG$sig: exit status $status, wanted $want"
	diff "$work/stty.before" "$work/stty.after" >&2 || fail "SIG$sig: terminal settings not restored"
	tm kill-server
	rm -f "$work/status"
done
# Ctrl-C from the keyboard.
start
wait_for "Is Zolpam a Ketazine?"
keys C-c
wait_exit
[ "$status" = 130 ] || fail "Ctrl-C: exit status $status, wanted 130"
diff "$work/stty.before" "$work/stty.after" >&2 || fail "Ctrl-C: terminal settings not restored"
pass
