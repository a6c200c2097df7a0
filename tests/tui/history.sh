#!/bin/sh
# Backspace goes back through every screen left for a topic: a comparison
# (as it was: differences only, the header column chosen) and a search
# results list (its selection), then the cards read before.
. "$(dirname "$0")/lib.sh"
start
wait_for "Is Zolpam a Ketazine?  explainer"
keys c
wait_for "Comparison"
keys d
wait_for "Showing only the"
expect_screen "Ketazines"
# Open the second topic from the header.
keys g l Enter
wait_for "Ketazines  class"
keys BSpace
wait_for "Comparison"
# The comparison as it was left: differences only (d shows all again).
keys d
wait_for "Showing all"
keys Escape
wait_for "Ketazines  class"
# Then the card read before the comparison.
keys BSpace
wait_for "Is Zolpam a Ketazine?  explainer"
# A results list comes back with its selection: Enter opens the same match.
keys /
keys c h l o r i d e Enter
wait_for '4 matches for "chloride"'
keys j j Enter
wait_for "Match 3 of 4"
keys BSpace
wait_for '4 matches for "chloride"'
keys Enter
wait_for "Match 3 of 4"
keys q
wait_exit
pass
