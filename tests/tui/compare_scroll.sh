#!/bin/sh
# At a narrow width the columns scroll sideways; the header stays while the
# rows scroll.
. "$(dirname "$0")/lib.sh"
TUI_PACK="$TEST_DATA_DIR/compare-wide"
TUI_COLS=50
start
wait_for "受容体アゴニスト"
keys c
wait_for "Comparison"
wait_for "topics 1–1 of 4"
# The counts that do not fit end in an ellipsis, not mid-word.
screen | head -n 1 | grep -q "Comparison  4 topics, .*…   topics 1–1 of 4" || fail "title not cut with an ellipsis"
expect_not_screen "Twin one"
keys l
wait_for "topics 2–"
keys l l
wait_for "Twin two"
expect_not_screen "受容体アゴニスト"
keys h h h
wait_for "topics 1–1 of 4"
# Scrolling down keeps the header (the column title) on screen.
keys G
wait_for "Notes"
expect_screen "受容体アゴニスト"
resize 132 30
wait_for "Twin two"
expect_screen "受容体アゴニスト"
expect_not_screen "topics 1–"
keys q q
wait_exit
pass
