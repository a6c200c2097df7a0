#!/bin/sh
# Ctrl-Z on every screen gives the terminal back to the shell (no interface
# left on screen), and `fg` brings rxplore back fully repainted, exactly as it
# was; a window resized while rxplore is stopped is drawn at the new size on
# `fg`.  Quitting then leaves the terminal settings as they were.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-screens.sh"
seed_progress
mkdir -p "$XDG_STATE_HOME/rxplore" && : >"$XDG_STATE_HOME/rxplore/notice-seen"
# An interactive shell, so that it has job control for Ctrl-Z and fg.
tm -f /dev/null new-session -d -s "$session" -x "$TUI_COLS" -y "$TUI_ROWS" "env PS1='$ ' TERM=$TERM sh -i" ||
	fail "tmux could not start"
tm set-option -t "$session" status off >/dev/null
keys "stty -a > $(quote "$work/stty.before")" Enter
keys "$(quote "$RXPLORE") --no-default-packs --content $(quote "$TUI_PACK") --content $(quote "$TEST_DATA_DIR/basic")" \
	" --content $(quote "$TEST_DATA_DIR/quiz-one")" Enter
wait_for "Related: Zolpam"

# stop_and_continue WHAT: Ctrl-Z, the shell's prompt, fg.
stop_and_continue() {
	keys C-z
	wait_for "Stopped"
	for m in $SCREENS; do
		expect_not_screen "$(marker "$m")"
	done
	keys "clear; fg" Enter
}

for s in $SCREENS; do
	goto "$s"
	settle "$(marker "$s")"
	screen >"$work/before.$s"
	stop_and_continue "$s"
	settle "$(marker "$s")"
	expect_not_screen "Stopped"
	screen >"$work/after.$s"
	diff "$work/before.$s" "$work/after.$s" >&2 || fail "$s: not repainted as it was after fg"
	leave "$s"
done

# Resized while stopped: drawn at the new size, and the same as before once
# the old size is back.  g: back to the start card, which compares.
keys g
wait_for "Why the confusion"
goto compare
settle "$(marker compare)"
screen >"$work/before.resized"
keys C-z
wait_for "Stopped"
resize 100 30
keys "clear; fg" Enter
settle "$(marker compare)"
# At 100 columns the hints reach "Esc back"; the bar belongs on row 30.
screen | sed -n 30p | grep -q "Esc back" || fail "the status bar is not on the new last row after fg"
resize 80 24
settle "$(marker compare)"
screen >"$work/after.resized"
diff "$work/before.resized" "$work/after.resized" >&2 || fail "compare differs after stop, resize, fg, resize"
leave compare

keys q
wait_gone "Related: Zolpam"
keys "stty -a > $(quote "$work/stty.after"); echo done-$((6 * 7))" Enter
wait_for "done-42"
diff "$work/stty.before" "$work/stty.after" >&2 || fail "terminal settings differ after suspend and quit"
check_sanitizers
pass
