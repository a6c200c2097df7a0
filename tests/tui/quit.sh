#!/bin/sh
# Quitting restores the terminal: the same stty settings before and after,
# exit status 0; also from another screen (q backs out, then quits).
. "$(dirname "$0")/lib.sh"
start
wait_for "Is Zolpam a Ketazine?"
keys ?
wait_for "rxplore help"
keys q
wait_for "Related: Zolpam"
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status"
[ -s "$work/stty.before" ] || fail "no stty record"
diff "$work/stty.before" "$work/stty.after" >&2 || fail "terminal settings differ after quitting"
pass
