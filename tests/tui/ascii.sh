#!/bin/sh
# Outside a UTF-8 locale (LC_ALL=C) the terminal interface shows card text
# in ASCII of the same meaning (K⁺ → K+, — → --, α → alpha), measured and
# wrapped as ASCII, and not one byte >= 0x80 reaches the terminal.
. "$(dirname "$0")/lib.sh"
start LC_ALL=C LANG=C -- --content "$TEST_DATA_DIR/fold"
wait_for "Is Zolpam a Ketazine?"
# Every byte rxplore writes from here on, then a full repaint (Ctrl-L).
tm pipe-pane -t "$session" -o "cat >> $(quote "$work/bytes")"
keys C-l
wait_for "Is Zolpam a Ketazine?"
# The X receptor's title is 受容体 in the pack: one '?' per character.
wait_for "X receptor (???)"
keys /
keys z o l v e x
wait_for "Search: zolvex"
keys Escape
wait_gone "Search:"
keys Enter
wait_for "GIRK K+ channels"
expect_screen "closes Ca2+"
expect_not_screen "Ca?"
keys /
keys a l p h a 2 Enter
wait_for 'for "alpha2"'
expect_screen "alpha2-adrenergic"
keys Enter
wait_for "mu-opioid"
keys q
wait_exit
[ "$status" -eq 0 ] || fail "exit status $status"
[ -s "$work/bytes" ] || fail "nothing was captured from the terminal"
high=$(LC_ALL=C tr -d '\000-\177' <"$work/bytes" | wc -c | tr -d ' ')
[ "$high" -eq 0 ] || fail "$high bytes >= 0x80 reached the terminal under LC_ALL=C"
grep -q "GIRK K+ channels" "$work/bytes" || fail "the ASCII card text was not in the captured bytes"
pass
