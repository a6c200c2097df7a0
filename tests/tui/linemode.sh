#!/bin/sh
# Line mode, the screen-reader mode: TERM=dumb and --plain both give the
# interactive "rxplore>" prompt instead of curses; its commands answer in plain
# lines, and hostile text cannot reach the terminal from here either.
. "$(dirname "$0")/lib.sh"

TERM=dumb
start
wait_for "rxplore line mode"
wait_for "rxplore>"
screen -e | grep -q "$(printf '\033')\[" && fail "escape sequences on a dumb terminal"
keys "show zolpam mechanism" Enter
wait_for "Zolpam: Mechanism"
keys "list" Enter
wait_for "receptor-x"
keys "show zolpm" Enter
wait_for "did you mean 'zolpam'?"
keys "search ketazine" Enter
wait_for "Ketazines (class) [ketazines]: 3 matches, the topic you named"
keys "show escape-test" Enter
wait_for "Before the title trick"
expect_not_screen "PWNED$(printf '\007')"
keys "help" Enter
wait_for "for education, not treatment decisions"
keys "quit" Enter
wait_exit
[ "$status" = 0 ] || fail "quit: exit status $status"

tm kill-session -t "$session"
TERM=xterm-256color
start -- --plain
wait_for "rxplore>"
keys "zolpam" Enter
wait_for "Compare with: ketazines"
keys C-d
wait_exit
[ "$status" = 0 ] || fail "end of input: exit status $status"
check_sanitizers
pass
