#!/bin/sh
# A terminal that goes away without SIGHUP reaching rxplore (here: run.sh,
# the session leader, traps SIGHUP and lives on) ends rxplore as SIGHUP
# would, instead of leaving it spinning on end-of-file at full CPU.
. "$(dirname "$0")/lib.sh"
start
wait_for "Is Zolpam a Ketazine?"
pid=$(rx_pid)
[ -n "$pid" ] || fail "cannot find the rxplore process"
tm kill-server
i=0
while [ ! -s "$work/status" ] && [ $i -lt $((TUI_TIMEOUT * 10)) ]; do
	sleep 0.1
	i=$((i + 1))
done
if [ ! -s "$work/status" ]; then
	kill -s KILL "$pid" 2>/dev/null	# do not leave it spinning
	sleep 1	# let run.sh record the status before the work folder goes
	echo "FAIL: $test_name: rxplore did not exit when its terminal went away" >&2
	exit 1
fi
status=$(cat "$work/status")
[ "$status" = 129 ] || { echo "FAIL: $test_name: exit status $status, wanted 129" >&2; exit 1; }
pass
