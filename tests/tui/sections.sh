#!/bin/sh
# Section tabs: l/h, ]/[, arrows and 1-9; scrolling a long section in the card.
. "$(dirname "$0")/lib.sh"
TUI_COLS=80 TUI_ROWS=16
start
wait_for "Is Zolpam a Ketazine?"
keys G Enter
wait_for "Zolpam  drug"
keys l
wait_for "[Mechanism]"
expect_screen "Zolpam binds the X receptor"
keys ]
wait_for "[Uses]"
keys [
wait_for "[Mechanism]"
keys Right Right
wait_for "[Side effects]"
keys h
wait_for "[Uses]"
keys 1
wait_for "[Summary]"
keys 6
wait_for "[Facts]"
expect_screen "Receptor target: X receptor"
expect_screen "Drug class: Hypnotic"
keys 7
wait_for "[Sources]"
expect_screen "1. The Book of Invented Drugs"
keys 9
wait_for "This card has 7 section tabs"
# Scrolling: Enter gave the card pane the keys.
keys 2
wait_for "[Mechanism]"
expect_not_screen "quasarbloom"
keys j j j j j j j j j j
wait_for "quasarbloom"
expect_not_screen "Zolpam binds the X receptor"
keys g
wait_for "Zolpam binds the X receptor"
keys G
wait_for "A short list item."
# The continuation of a list item is indented under its text.
screen | grep -q "│  second line, so that its" || fail "list continuation not indented"
keys Escape
keys k Enter
wait_for "Ketazines  class"
keys q
wait_exit
pass
