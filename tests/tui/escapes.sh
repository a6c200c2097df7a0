#!/bin/sh
# Escape sequences inside a card (tests/data/tui-pack/cards/escape-test.yaml)
# never reach the terminal: no title change, no clear, no colour, no bell.
. "$(dirname "$0")/lib.sh"
start
wait_for "Is Zolpam a Ketazine?"
title_before=$(tm display-message -p -t "$session" '#{pane_title}')
keys j Enter
wait_for "Escape test  concept"
wait_for "Before the title trick"
sleep 0.3
# A clear screen would have wiped the list, which nothing redraws.
expect_screen "Explainers"
expect_screen "  Zolpam"
keys l
wait_for "[Mechanism]"
wait_for "Colour trick"
sleep 0.3
title_after=$(tm display-message -p -t "$session" '#{pane_title}')
case $title_after in *PWNED*) fail "the card changed the terminal title to: $title_after" ;; esac
[ "$title_before" = "$title_after" ] || fail "title changed: '$title_before' -> '$title_after'"
# The bytes left after sanitising show as text; nothing was interpreted.
expect_screen "[31;1mRED[0m"
esc=$(printf '\033')
if screen -e | grep "Colour trick" | grep -Eq "$esc\[([0-9;]*;)?31(;|m)"; then fail "a colour escape was interpreted"; fi
[ "$(tm display-message -p -t "$session" '#{window_bell_flag}')" = 0 ] || fail "the card rang the bell"
keys q
wait_exit
pass
