#!/bin/sh
# A scripted session of the terminal UI for tests/valgrind/run.sh: RXPLORE is
# a wrapper that runs rxplore under memcheck (logging to $VG_LOG).  It goes
# through every screen (the first-start notice, browse, search and its
# results, help, load problems, compare, the quiz in practice and exam mode,
# the card peek, stats), resizes, and quits with q; valgrind's exit status
# (99 on findings) comes back as rxplore's.
. "$(dirname "$0")/../tui/lib.sh"
TUI_TIMEOUT=${TUI_TIMEOUT:-90}	# memcheck is some 20-50 times slower
TUI_NOTICE=1

start -- --content "$TEST_DATA_DIR/basic" --content "$TEST_DATA_DIR/quiz-one" --content "$TEST_DATA_DIR/bad"
wait_for "Before you start"
keys x
wait_for "Is Zolpam a Ketazine?  explainer"
# Browse: the list, the card, section tabs, following a link and back.
keys j j k G g
keys Tab l l 2 1 h Tab Enter
wait_for "Zolpam  drug"
keys BSpace
wait_for "Is Zolpam a Ketazine?  explainer"
# Search: the live filter, then full-text results, a result, n/N.
keys / z o l
wait_for "Search: zol"
keys C-u c h l o r i d e Enter
wait_for 'matches for "chloride"'
keys j Enter
wait_for "Match 2 of"
keys n N Escape
# Help and the load problems.
keys '?'
wait_for "rxplore help: keys"
keys NPage G q
wait_gone "rxplore help: keys"
keys '!'
wait_for "anchor.yaml"
keys j G q
wait_gone "anchor.yaml"
# Compare: the start card's partners, a row's details, diffs only, columns.
keys g c
wait_for "Comparison"
keys j Enter
wait_for "Sources"
keys Escape d l h d G g q
wait_gone "Comparison"
# Quiz: practice everything; answer, override the grade, peek at the card,
# undo, answer again, next; then stop.
keys t
wait_for "What would you like to do?"
keys b
wait_for "Question 1 of"
keys a Enter
wait_for "Graded"
keys 3
wait_for "Graded Good"
keys o
wait_for "back to the quiz"
keys q
wait_for "Graded Good"
keys u
wait_for "Answer taken back"
keys x
wait_for "Graded Again"
keys Enter
wait_for "Question 2 of"
keys q
wait_for "Session over"
keys q
wait_for "Is Zolpam a Ketazine"
# Exam: two answers, then end it and read the review of mistakes.
keys t
wait_for "What would you like to do?"
keys d
wait_for "Question 1 of"
keys x
wait_for "Question 2 of"
keys a Enter
wait_for "Question 3 of"
keys q
wait_for "Exam over"
keys G g q
wait_for "Is Zolpam a Ketazine"
# Stats, after those answers; resized down to too small and back.
keys s
wait_for "Study statistics"
keys G g
resize 132 43
resize 40 12
resize 20 6
wait_for "Terminal too small"
resize 80 24
wait_for "Study statistics"
keys q
wait_gone "Study statistics"
# Compare three marked topics.
keys Escape g j Space j Space j Space
wait_for "3 marked"
keys c
wait_for "Comparison  3 topics"
keys l l h q
wait_gone "Comparison"
keys q
wait_exit
[ "$status" = 0 ] || fail "rxplore under memcheck ended with status $status (99: memcheck findings)"
grep -q 'ERROR SUMMARY: 0 errors' "$VG_LOG" || fail "no clean memcheck summary in $VG_LOG"
pass
