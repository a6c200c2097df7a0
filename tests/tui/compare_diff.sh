#!/bin/sh
# Differences only, and `C` (topics by name, with Tab completion).
. "$(dirname "$0")/lib.sh"
TUI_PACK="$TEST_DATA_DIR/compare-wide"
start
wait_for "受容体アゴニスト"
keys C
wait_for "Compare topics by name"
keys C-u
keys -l "twin-o"
keys Tab
wait_for "> twin-one"
keys -l "twin-t"
keys Tab
wait_for "> twin-one twin-two"
keys Enter
wait_for "Comparison  2 topics, 2 facts, 0 differ"
# Equal apart from case and spacing: no marker.
expect_screen "   Drug class"
expect_not_screen "≠ Drug class"
keys d
wait_for "No differences"
keys d
wait_for "Receptor target"
keys Escape
wait_for "受容体アゴニスト"
# An unknown name gets a did-you-mean, not a table.
keys C
wait_for "Compare topics by name"
keys C-u
keys -l "twin-one twin-tow"
keys Enter
wait_for "did you mean 'twin-two'"
keys Escape
# Four topics: the start card and its compare_with list; d hides nothing
# here, since every fact differs somewhere.
keys c
wait_for "Comparison  4 topics, 6 facts, 6 differ"
keys G
wait_for "≠ Notes"
keys d
wait_for "showing only those"
keys G
wait_for "≠ Notes"
keys q q
wait_exit
pass
