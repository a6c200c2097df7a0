#!/bin/sh
# The search prompt matches what people type against what authors wrote:
# K+ finds K⁺, "gaba a" finds GABA-A; the results show the text as written.
. "$(dirname "$0")/lib.sh"
start -- --content "$TEST_DATA_DIR/fold"
wait_for "Is Zolpam a Ketazine?"
keys /
keys K +
wait_for "Search: K+"
keys Enter
wait_for '3 matches for "K+"'
expect_screen "Zolbac › Summary:"
expect_screen "GIRK K⁺ channels"
keys Enter
wait_for "Match 1 of 3"
keys Escape
keys /
keys g a b a Space a Enter
wait_for 'for "gaba a"'
expect_screen "GABA-A"
expect_screen "GABA A."
keys Escape
keys /
keys C a 2 + Enter
wait_for 'for "Ca2+"'
expect_screen "Ca²⁺"
keys q
wait_gone 'for "Ca2+"'
keys q
wait_exit
pass
