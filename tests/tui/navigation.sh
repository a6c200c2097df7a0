#!/bin/sh
# Moving through the topic list: j/k, arrows, G/g, End/Home move the
# highlight only; the card pane keeps its card (its row points at it with ▸)
# until Enter opens the highlighted topic, and Esc returns to the list.
. "$(dirname "$0")/lib.sh"
start
wait_for "Is Zolpam a Ketazine?  explainer"
expect_screen "Is Zolpam a Ketazine?▸"
keys j
sleep 0.3
expect_screen "Is Zolpam a Ketazine?  explainer"
# Space marks the highlighted topic, not the open one.
keys Space
wait_for "Marked Escape test for comparison"
keys Space
wait_for "Unmarked Escape test"
keys Enter
wait_for "Escape test  concept"
expect_screen "Escape test          ▸"
expect_not_screen "Is Zolpam a Ketazine?▸"
keys Escape
keys Down
sleep 0.3
expect_screen "Escape test  concept"
keys Enter
wait_for "X receptor (受容体)  concept"
keys Escape k Enter
wait_for "Escape test  concept"
keys Escape G Enter
wait_for "Zolpam  drug"
# A reviewed card has no DRAFT line.
expect_not_screen "DRAFT"
keys Escape g Enter
wait_for "Is Zolpam a Ketazine?  explainer"
keys Escape End Enter
wait_for "Zolpam  drug"
keys Escape Home Enter
wait_for "Is Zolpam a Ketazine?  explainer"
keys Escape PPage NPage Enter
wait_for "Zolpam  drug"
# Moving past either end stays put.
keys Escape j j Enter
sleep 0.3
expect_screen "Zolpam  drug"
# Backspace goes back through the cards opened from the list.
keys BSpace
wait_for "Is Zolpam a Ketazine?  explainer"
keys q
wait_exit
pass
