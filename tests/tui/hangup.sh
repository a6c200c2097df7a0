#!/bin/sh
# The terminal goes away without a SIGHUP (rxplore runs in its own session,
# so the hangup is not signalled to it): every read fails at once, and rxplore
# must notice and end instead of spinning on the dead terminal.
. "$(dirname "$0")/lib.sh"
command -v setsid >/dev/null 2>&1 || skip "setsid (util-linux) is not installed"
mkdir -p "$XDG_STATE_HOME/rxplore" && : >"$XDG_STATE_HOME/rxplore/notice-seen"
cat >"$work/rx.sh" <<EOF
echo \$\$ > "$work/pid"
exec $(quote "$RXPLORE") --no-default-packs --content $(quote "$TUI_PACK")
EOF
tm -f /dev/null new-session -d -s "$session" -x "$TUI_COLS" -y "$TUI_ROWS" \
	"TERM=$TERM setsid -w sh $(quote "$work/rx.sh")" || fail "tmux could not start"
wait_for "Related: Zolpam"
pid=$(rx_pid)
[ -n "$pid" ] || fail "cannot find the rxplore process"
tm kill-server
i=0
while [ $i -lt $((TUI_TIMEOUT * 10)) ]; do
	state=$(ps -o stat= -p "$pid" 2>/dev/null)
	case $state in "" | Z*) break ;; esac
	sleep 0.1
	i=$((i + 1))
done
case $state in
"" | Z*) ;;
*)
	kill -s KILL "$pid" 2>/dev/null
	echo "FAIL: $test_name: rxplore still running (state $state) after its terminal went away" >&2
	exit 1
	;;
esac
check_sanitizers
echo "PASS: $test_name"
