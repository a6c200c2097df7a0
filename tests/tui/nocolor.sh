#!/bin/sh
# NO_COLOR=1 and --no-color: attributes only, no colour escape codes; with
# colour allowed the same screen has them.
. "$(dirname "$0")/lib.sh"
has_color() {
	# SGR 30-37, 40-47, 90-97, 100-107 or 38;/48; (256 and RGB colours).
	screen -e | grep -Eq '\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m'
}
start
wait_for "Is Zolpam a Ketazine?"
has_color || fail "no colour codes even with colour allowed"
keys q
wait_exit
tm kill-server
start NO_COLOR=1 --
wait_for "Is Zolpam a Ketazine?"
keys /
wait_for "Search:"
keys c h l o r i d e Enter
wait_for "4 matches"
if has_color; then fail "NO_COLOR=1: colour escape codes on screen"; fi
# Selection and matches still stand out, by attributes.
screen -e | grep -q '\[7m\|\[[0-9;]*;7m\|\[7;' || fail "no reverse video for the selection"
keys q q
wait_exit
tm kill-server
start -- --no-color
wait_for "Is Zolpam a Ketazine?"
if has_color; then fail "--no-color: colour escape codes on screen"; fi
keys q
wait_exit
pass
