#!/bin/sh
# Enter in the search prompt opens the topic the words name (search_rank():
# the drug card before an explainer that has its name in the title, an alias
# names its card); other words list the matches.  Esc after a search leaves
# the list focused on what the search highlighted, so Enter opens it.
. "$(dirname "$0")/lib.sh"
start -- --content "$TEST_DATA_DIR/fold"
wait_for "Is Zolpam a Ketazine?  explainer"
# The name typed: the drug card, not the explainer that starts the list.
keys /
keys z o l b a c
wait_for "Search: zolbac"
keys Enter
wait_for "Zolbac  drug"
wait_for "Zolbac, named: n steps through"
expect_not_screen "Is Zolpam a Ketazine?  explainer"
# The explainer with the name in its title was not opened either.
expect_not_screen "Is zolbac a benzo?  explainer"
# An alias names its card too.
keys BSpace
wait_for "Is Zolpam a Ketazine?  explainer"
keys /
keys z o l v e x Enter
wait_for "Zolbac  drug"
keys BSpace
wait_for "Is Zolpam a Ketazine?  explainer"
# With the card focused: / zolbac, Esc, Enter opens what the search highlighted.
keys Tab
sleep 0.2
keys /
keys z o l b a c
wait_for "Search: zolbac"
keys Escape
wait_gone "Search:"
keys Enter
wait_for "Zolbac  drug"
expect_not_screen "Press Tab to select a related topic"
# Words that name no topic: the results list.
keys /
keys c h l o r i d e Enter
wait_for 'matches for "chloride"'
keys q
wait_gone 'matches for "chloride"'
keys q
wait_exit
pass
