#!/bin/sh
# The first-start notice: shown once, dismissed with any key, remembered in
# the state directory; shown again when the marker cannot be written.
. "$(dirname "$0")/lib.sh"
TUI_NOTICE=1
start
wait_for "Before you start"
expect_screen "Cards marked DRAFT have not yet been reviewed"
expect_screen "It is for education,"
keys x
wait_for "Is Zolpam a Ketazine?  explainer"
[ -e "$XDG_STATE_HOME/rxplore/notice-seen" ] || fail "no marker file"
keys q
wait_exit
tm kill-server
start
wait_for "Is Zolpam a Ketazine?"
expect_not_screen "Before you start"
keys q
wait_exit
tm kill-server
# An unwritable state directory: the notice comes back, without an error.
rm -rf "$XDG_STATE_HOME"
mkdir -p "$work/ro"
chmod 500 "$work/ro"
XDG_STATE_HOME="$work/ro/state"
export XDG_STATE_HOME
if [ "$(id -u)" != 0 ]; then
	start
	wait_for "Before you start"
	keys x
	wait_for "Is Zolpam a Ketazine?"
	keys q
	wait_exit
	[ "$status" = 0 ] || fail "exit status $status"
	tm kill-server
	start
	wait_for "Before you start"
	keys x q
	wait_exit
fi
chmod 700 "$work/ro"
pass
