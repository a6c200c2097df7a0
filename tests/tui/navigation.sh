#!/bin/sh
# Moving through the topic list: j/k, arrows, G/g, End/Home; the card follows.
. "$(dirname "$0")/lib.sh"
start
wait_for "Is Zolpam a Ketazine?  explainer"
keys j
wait_for "Escape test  concept"
keys Down
wait_for "X receptor (受容体)  concept"
keys k
wait_for "Escape test  concept"
keys G
wait_for "Zolpam  drug"
# A reviewed card has no DRAFT line.
expect_not_screen "DRAFT"
keys g
wait_for "Is Zolpam a Ketazine?  explainer"
keys End
wait_for "Zolpam  drug"
keys Home
wait_for "Is Zolpam a Ketazine?  explainer"
keys PPage
keys NPage
wait_for "Zolpam  drug"
# Moving past either end stays put.
keys j j
sleep 0.3
expect_screen "Zolpam  drug"
keys q
wait_exit
pass
