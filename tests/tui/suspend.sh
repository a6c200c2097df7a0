#!/bin/sh
# Ctrl-Z gives the terminal back to the shell (no interface left on screen),
# and `fg` brings rxplore back fully repainted; quitting then leaves the
# terminal settings as they were.
. "$(dirname "$0")/lib.sh"
mkdir -p "$XDG_STATE_HOME/rxplore" && : >"$XDG_STATE_HOME/rxplore/notice-seen"
# An interactive shell, so that it has job control for Ctrl-Z and fg.
tm -f /dev/null new-session -d -s "$session" -x "$TUI_COLS" -y "$TUI_ROWS" "env PS1='$ ' TERM=$TERM sh -i" ||
	fail "tmux could not start"
tm set-option -t "$session" status off >/dev/null
keys "stty -a > $(quote "$work/stty.before")" Enter
keys "$(quote "$RXPLORE") --no-default-packs --content $(quote "$TUI_PACK")" Enter
wait_for "Related: Zolpam"
keys C-z
wait_for "Stopped"
expect_not_screen "Related: Zolpam"
keys "fg" Enter
wait_for "Related: Zolpam"
expect_not_screen "Stopped"
keys q
wait_gone "Related: Zolpam"
keys "stty -a > $(quote "$work/stty.after"); echo done-$((6 * 7))" Enter
wait_for "done-42"
diff "$work/stty.before" "$work/stty.after" >&2 || fail "terminal settings differ after suspend and quit"
check_sanitizers
pass
