#!/bin/sh
# On a terminal, with standard input closed or from /dev/null: no interface
# (there are no keys to read), no spinning, no crash: the start card is
# printed once in line mode and rxplore exits 0, terminal settings untouched.
. "$(dirname "$0")/lib.sh"
mkdir -p "$XDG_STATE_HOME/rxplore" && : >"$XDG_STATE_HOME/rxplore/notice-seen"
for redirect in '<&-' '</dev/null'; do
	cat >"$work/run.sh" <<EOF
stty -a > "$work/stty.before" 2>&1
$(quote "$RXPLORE") --no-default-packs --content $(quote "$TUI_PACK") $redirect
echo \$? > "$work/status"
stty -a > "$work/stty.after" 2>&1
EOF
	rm -f "$work/status"
	# rxplore ends at once here: remain-on-exit goes in the same tmux
	# command as the session, or the pane may be gone before it is set.
	tm -f /dev/null new-session -d -s "$session" -x "$TUI_COLS" -y "$TUI_ROWS" "TERM=$TERM sh $(quote "$work/run.sh")" \; \
		set-option -t "$session" remain-on-exit on \; set-option -t "$session" status off >/dev/null ||
		fail "tmux could not start"
	wait_exit
	[ "$status" = 0 ] || fail "standard input $redirect: exit status $status"
	wait_for "More: 'rxplore list'"
	# With the scrollback: the card is longer than the window.
	tm capture-pane -p -S -200 -t "$session" | grep -qF "Is Zolpam a Ketazine? (explainer)" ||
		fail "standard input $redirect: no start card"
	diff "$work/stty.before" "$work/stty.after" >&2 || fail "standard input $redirect: terminal settings changed"
	tm kill-server
done
pass
