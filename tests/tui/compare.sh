#!/bin/sh
# The comparison view: `c` on the start card, the marker on differing rows,
# a row's details, opening a topic from its column header, too many marked.
. "$(dirname "$0")/lib.sh"
start
wait_for "Is Zolpam a Ketazine?"
# An explainer compares just the topics it names.
keys c
wait_for "Comparison"
expect_screen "Zolpam"
expect_screen "Ketazines"
expect_screen "≠ Drug class"
expect_screen "≠ Receptor target"
expect_screen "DRAFT: not yet reviewed"
expect_screen "Enter open"
# Enter on a row: each card's value and the sources.
keys Enter
wait_for "Sources"
expect_screen "Hypnotic"
expect_screen "Sedative"
expect_screen "The Book of Invented Drugs"
keys Escape
wait_for "≠ Drug class"
# The header row: Enter opens that topic in browse.
keys g
keys Enter
wait_for "Zolpam  drug"
# On a drug card, c compares it with its compare_with list.
keys c
wait_for "Comparison  2 topics"
keys q
wait_for "Zolpam  drug"
# More than 4 marked: a clear message, no table.
keys Escape g
for i in 1 2 3 4; do keys Space j; done
keys Space
wait_for "5 marked"
keys c
wait_for "at most 4"
expect_not_screen "Comparison"
keys q
wait_exit
pass
