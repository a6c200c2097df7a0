#!/bin/sh
# Golden screens at every size (issue 14): browse, a card's diagram, four
# topics compared, quiz feedback on a long select-all question and stats, at
# 40x12, 60x20, 80x24 and 120x40, and at 80x24 in the C locale (ASCII only),
# compared whole with tests/tui/golden/sizes/SIZE-SCREEN.txt.  The fixture
# is tests/data/sizes-pack; RXPLORE_SEED pins the quiz's order.  Regenerate
# with tests/tui/golden/regen.sh.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-screens.sh"
golden_dir=$(dirname "$0")/golden/sizes
[ -z "${GOLDEN_REGEN:-}" ] || GOLDEN_REGEN=$GOLDEN_REGEN/sizes
differ=
taken=
TUI_PACK="$TEST_DATA_DIR/sizes-pack"

# screens TAG: every screen of the set, in one session.
screens() {
	start RXPLORE_SEED=7 --
	snap "$1-browse" "Alphazine"
	# The peek: the next topic's summary while the open card stays.
	keys j
	snap "$1-peek" "Betamol is an"
	keys k
	wait_gone "Betamol is an"
	keys Enter
	wait_for "Summary"
	keys 3
	snap "$1-card-diagram" "Alphazine"
	keys Escape
	keys C
	settle "Type 2 to 4 topics"
	# The prompt starts with the open card: alphazine.
	keys b e t a m o l Space g a m m a d o l Space d e l t a p r i n e Enter
	snap "$1-compare" "Comparison"
	keys Escape
	wait_gone "Comparison"
	keys t
	wait_for "Practice"
	keys a
	wait_for "Select all"
	keys a c Enter
	snap "$1-quiz-feedback" "Enter next"
	keys Escape
	wait_for "back to browsing"
	keys q
	wait_gone "back to browsing"
	keys s
	snap "$1-stats" "Due today"
	tm kill-server
}

for size in 40x12 60x20 80x24 120x40; do
	TUI_COLS=${size%x*} TUI_ROWS=${size#*x}
	screens "$size"
done
TUI_COLS=80 TUI_ROWS=24 LANG=C LC_ALL=C
screens "80x24-C"
golden_finish
