#!/bin/sh
# Hostile card text never reaches the terminal from the full-screen UI.
# tests/data/hostile has escape sequences, OSC 52 clipboard writes
# (ESC ] 52 ; c ; SU5KRUNURUQ= BEL), C1 controls, BEL, CR and bidi controls in
# every field; tests/data/hostile-diag quotes them in load problems.  tmux's
# pipe-pane records every byte rxplore sends to the terminal while we browse
# the card, all its sections, the comparison, a quiz, search and the problem
# list.  rxplore's own drawing is escape sequences too, so the check looks for
# what only the payloads can produce: each payload's marker text right after
# its control, an OSC 52 or title write, and any C1 or bidi control at all.
. "$(dirname "$0")/lib.sh"
TUI_PACK="$TEST_DATA_DIR/hostile"
TUI_COLS=80 TUI_ROWS=24
raw="$work/raw"
: >"$raw"

start -- --content "$TEST_DATA_DIR/hostile-diag"
wait_for "Plain  drug"
# From here on every byte written to the terminal lands in $raw; a repaint
# puts the whole screen through it.
tm pipe-pane -O -t "$session" "cat >> '$raw'" || fail "tmux cannot pipe the pane"
keys C-l
wait_for "Plain  drug"

# The topic list, then the card with every section tab.
keys G Enter
wait_for "end-SUMMARY"
for name in MECHANISM USES SIDEEFFECTS DEPENDENCE CONFUSION INTERACTIONS PHARMACOKINETICS; do
	keys l
	wait_for "end-$name"
done
keys l
wait_for "DIAGRAM ]52;c;SU5KRUNURUQ="	# preformatted: the line is clipped, not wrapped
keys l
wait_for "end-ACTION"
keys l
wait_for "SRCTITLE ]52;c;SU5KRUNURUQ="
keys G
wait_for "end-NOTE"

# The comparison, a practice quiz on this topic, full-text search.
keys c
wait_for "Comparison"
wait_for "end-RECEPTOR"
keys q
wait_gone "Comparison"
keys t
wait_for "Practice this topic"
keys a
# Three questions (their order is shuffled), each shown with its feedback.
for i in 1 2 3; do
	wait_for "x don't know"
	keys x
	wait_for "Enter next"
	keys Enter
done
keys q
wait_gone "x don't know"
while ! screen | grep -qF "Related: Plain"; do
	keys q
	sleep 0.5
	[ "$(tm display-message -p -t "$session" '#{pane_dead}')" = 1 ] && fail "rxplore ended in the quiz"
done
keys /
wait_for "Search:"
keys S U 5 K Enter
wait_for 'matches for "SU5K"'
keys Escape
wait_for "Related: Plain"
# Load problems quote hostile keys and values.
keys !
# (Single words, so that the wrapping of the paths before them cannot split them.)
wait_for "'unknown?]52;c;SU5KRUNURUQ=?'"
wait_for "'drug?]52;c;SU5KRUNURUQ=?'"
keys q
sleep 0.3
keys q
wait_exit

# hex_stream: the raw bytes as " 1b 5d 35 32 ..." for exact matching.
od -An -tx1 -v "$raw" | tr -s ' \n' '  ' >"$work/hex"
has_bytes() {
	grep -Eq -- " $1 " "$work/hex"
}
has_bytes "49 4e 4a 31 54 49 54 4c 45" || fail "the capture does not hold the card's text (INJ1TITLE)"
has_bytes "52 45 43 45 50 54 4f 52" || fail "the capture does not hold the comparison (RECEPTOR)"
has_bytes "1b 5d 35 32" && fail "an OSC 52 clipboard write reached the terminal"
has_bytes "53 55 35 4b 52 55 4e 55 52 55 51 3d 07" && fail "the OSC 52 payload reached the terminal with its BEL"
has_bytes "1b 5d 30 3b 50 57 4e 45 44" && fail "a title change (OSC 0) reached the terminal"
has_bytes "1b 5b 33 31 3b 31 6d 49 4e 4a" && fail "an injected CSI colour sequence reached the terminal"
has_bytes "07 49 4e 4a 36" && fail "an injected BEL reached the terminal"
has_bytes "0d 49 4e 4a 37" && fail "an injected carriage return reached the terminal"
has_bytes "c2 [89][0-9a-f]" && fail "a C1 control (UTF-8 C2 80-9F) reached the terminal"
has_bytes "e2 80 a[a-e]" && fail "a bidi embedding or override (U+202A-U+202E) reached the terminal"
has_bytes "e2 81 a[6-9]" && fail "a bidi isolate (U+2066-U+2069) reached the terminal"
# rxplore itself never rings the bell, so any BEL would be injected.
has_bytes "07" && fail "a BEL reached the terminal"
[ "$status" = 0 ] || fail "exit status $status"
pass
