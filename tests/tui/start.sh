#!/bin/sh
# The start screen: the pack's start card, the grouped topic list, the DRAFT
# line, the section tabs, related topics and the status bar.
. "$(dirname "$0")/lib.sh"
start
wait_for "Is Zolpam a Ketazine?  explainer"
expect_screen "DRAFT — not yet reviewed by a pharmacist or physician"
expect_screen "Explainers"
expect_screen "Drug classes"
expect_screen "[Summary]"
expect_screen "Why the confusion"
expect_screen "Zolpam acts on the imaginary X receptor"
expect_screen "Related: Zolpam"
expect_screen "tui-fixture 2026.01"
expect_screen "? help"
# Wide characters take two columns: the list column stays straight.
screen | grep -q "^  X receptor (受容体)   │" || fail "wide characters misaligned the list"
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status"
pass
