#!/bin/sh
# Following related topics with Tab + Enter, and Backspace back through history.
. "$(dirname "$0")/lib.sh"
start
wait_for "Related: Zolpam · Ketazines"
keys Tab
wait_for "↑↓ scroll"
keys Tab
wait_for "Enter follow"
keys Enter
wait_for "Zolpam  drug"
# Second link of Zolpam: "Is Zolpam a Ketazine?" (Tab, Tab, Tab from the card text).
keys Tab Tab
keys Enter
wait_for "Is Zolpam a Ketazine?  explainer"
keys BSpace
wait_for "Zolpam  drug"
keys BSpace
wait_for "Is Zolpam a Ketazine?  explainer"
keys BSpace
wait_for "No earlier topic to go back to"
# Enter in the list focuses the card; Enter there without a selected link explains itself.
keys Escape
keys Enter
wait_for "↑↓ scroll"
keys Enter
wait_for "Press Tab to select a related topic"
# Shift-Tab goes backwards: from the card text to the list, then to the last link.
keys BTab
wait_for "Enter open"
keys BTab
wait_for "Enter follow"
keys q
wait_exit
pass
