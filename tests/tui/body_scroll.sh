#!/bin/sh
# The scrolling keys of a body of lines (line_body_scroll_key): on a screen
# too short for the quiz chooser's menu, PgDn scrolls the menu a page down
# and PgUp back to the top.
. "$(dirname "$0")/lib.sh"
start -- --content "$TEST_DATA_DIR/basic"
wait_for "Is Zolpam a Ketazine?"
resize 80 12
keys t
wait_for "What would you like to do?"
expect_screen "a) Practice this topic"
expect_not_screen "Cram for an exam"
keys NPage
wait_gone "What would you like to do?"
expect_screen "Cram for an exam"
keys PPage
wait_for "What would you like to do?"
expect_screen "a) Practice this topic"
keys Escape
wait_gone "What would you like to do?"
keys q
wait_exit
pass
