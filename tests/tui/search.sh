#!/bin/sh
# Search: the live filter on titles and aliases, full-text results, opening a
# result at its section, n/N through the matches, Esc cancelling.
. "$(dirname "$0")/lib.sh"
start
wait_for "Is Zolpam a Ketazine?"
keys /
wait_for "Search:"
keys z o l
wait_for "Search: zol"
expect_screen "  Zolpam"
expect_not_screen "Escape test"
expect_not_screen "Ketazines  "
# An alias matches too.
keys C-u
keys z o l p e x
wait_for "Search: zolpex"
expect_screen "  Zolpam"
expect_not_screen "  Is Zolpam a Ketazine?"
keys Escape
wait_gone "Search:"
expect_screen "Escape test"
# Full text.
keys /
keys q u a s a r b l o o m
keys Enter
wait_for '1 match for "quasarbloom"'
expect_screen "Zolpam › Mechanism:"
keys Enter
wait_for "[Mechanism]"
wait_for "quasarbloom"
wait_for "Match 1 of 1"
keys Escape
keys /
keys c h l o r i d e Enter
wait_for '4 matches for "chloride"'
keys Enter
wait_for "Match 1 of 4"
expect_screen "Is Zolpam a Ketazine?  explainer"
expect_screen "[Why the confusion]"
keys n
wait_for "Match 2 of 4"
expect_screen "X receptor (受容体)  concept"
keys n n
wait_for "Match 4 of 4"
expect_screen "Zolpam  drug"
keys n
wait_for "Match 1 of 4"
keys N
wait_for "Match 4 of 4"
# Nothing found.
keys /
keys x y z z y Enter
wait_for 'No matches for "xyzzy"'
keys q
wait_exit
pass
