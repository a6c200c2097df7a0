# Shared helpers for the terminal-UI tests: each tests/tui/*.sh sources this,
# starts the real binary in a detached tmux session on a private socket, sends
# keys and polls the screen.  Exit status: 0 pass, 1 fail, 77 skip.
#
# Environment: RXPLORE (default src/rxplore), TEST_DATA_DIR (default
# tests/data), TMUX_BIN (default tmux).  TUI_KEEP=1 keeps the work folder.

RXPLORE=${RXPLORE:-src/rxplore}
TEST_DATA_DIR=${TEST_DATA_DIR:-tests/data}
TMUX_BIN=${TMUX_BIN:-tmux}
TUI_PACK="$TEST_DATA_DIR/tui-pack"
TUI_COLS=${TUI_COLS:-80}
TUI_ROWS=${TUI_ROWS:-24}
TUI_TIMEOUT=${TUI_TIMEOUT:-10}
test_name=$(basename "$0" .sh)

skip() {
	echo "SKIP: $test_name: $*" >&2
	exit 77
}

if ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
	skip "tmux is not installed: the terminal UI is NOT tested (install tmux)"
fi
case $RXPLORE in /*) ;; *) RXPLORE=$(pwd)/$RXPLORE ;; esac
case $TEST_DATA_DIR in /*) ;; *) TEST_DATA_DIR=$(pwd)/$TEST_DATA_DIR ;; esac
TUI_PACK="$TEST_DATA_DIR/tui-pack"
[ -x "$RXPLORE" ] || { echo "FAIL: $test_name: no binary at $RXPLORE" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rxplore-tui.XXXXXX")
sock="$work/tmux.sock"
session=rxtest
cleanup() {
	"$TMUX_BIN" -S "$sock" kill-server >/dev/null 2>&1
	# An rxplore that outlived its terminal would spin on the machine long
	# after the test (hangup.sh tests that it does not): never leave one.
	if [ -s "$work/pid" ]; then
		left=$(cat "$work/pid") i=0
		while [ $i -lt 20 ] && kill -0 "$left" 2>/dev/null; do
			case $(ps -o stat= -p "$left" 2>/dev/null) in Z*) break ;; esac
			sleep 0.1
			i=$((i + 1))
		done
		[ $i -lt 20 ] || kill -s KILL "$left" 2>/dev/null
	fi
	if [ "${TUI_KEEP:-}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# A pinned, private environment: nothing of the user's may leak in.
unset TMUX NO_COLOR ESCDELAY
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_STATE_HOME="$work/home/.local/state" XDG_DATA_DIRS="$work/nowhere" XDG_CACHE_HOME="$work/home/.cache"
export RXPLORE_NOW=2026-11-21T09:30:00 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
export ASAN_OPTIONS="log_path=$work/asan:detect_leaks=1"
# Leaks inside the libraries rxplore links (tests/lsan.supp says which and why).
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")/.." && pwd)/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="log_path=$work/ubsan:print_stacktrace=1"
mkdir -p "$HOME"

fail() {
	echo "FAIL: $test_name: $*" >&2
	echo "--- screen ---" >&2
	screen >&2 || true
	echo "--------------" >&2
	exit 1
}

tm() {
	"$TMUX_BIN" -S "$sock" "$@"
}

# start [ENV=VALUE...] -- [rxplore arguments...]: runs rxplore in a fresh session.
# The first-start notice is pre-dismissed unless TUI_NOTICE=1.  rxplore runs
# in TUI_CWD when it is set (relative --content paths: file names in messages
# that do not depend on where the tree is).
start() {
	envs=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs="$envs $(quote "$1")"; shift; done
	[ "${1:-}" = -- ] && shift
	args=
	for a in "$@"; do args="$args $(quote "$a")"; done
	# rx.sh execs rxplore, so the pid it writes is rxplore's.  run.sh traps
	# the signals the tests send so that it lives on to record the status (a
	# trapped signal is reset to the default for rxplore).
	if [ "${TUI_NOTICE:-}" != 1 ]; then
		mkdir -p "$XDG_STATE_HOME/rxplore" && : >"$XDG_STATE_HOME/rxplore/notice-seen"
	fi
	# Every start begins where a first start does, unless the test is about
	# the saved session (TUI_KEEP_SESSION=1).
	if [ "${TUI_KEEP_SESSION:-}" != 1 ]; then
		rm -f "$XDG_STATE_HOME/rxplore/session" "$XDG_STATE_HOME/rxplore"/session-*
	fi
	cat >"$work/rx.sh" <<EOF
echo \$\$ > "$work/pid"
${TUI_CWD:+cd $(quote "$TUI_CWD") || exit 1}
exec env $envs $(quote "$RXPLORE") --no-default-packs --content $(quote "$TUI_PACK") $args
EOF
	cat >"$work/run.sh" <<EOF
trap : INT HUP TERM
stty -a > "$work/stty.before" 2>&1
sh "$work/rx.sh"
echo \$? > "$work/status"
stty -a > "$work/stty.after" 2>&1
EOF
	rm -f "$work/status"
	tm -f /dev/null new-session -d -s "$session" -x "$TUI_COLS" -y "$TUI_ROWS" \
		"TERM=$TERM sh $(quote "$work/run.sh")" || fail "tmux could not start"
	tm set-option -t "$session" remain-on-exit on >/dev/null
	tm set-option -t "$session" status off >/dev/null
}

quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# screen [-e]: the visible screen (with -e, with its escape sequences).
screen() {
	tm capture-pane -p ${1:+"$1"} -t "$session"
}

keys() {
	tm send-keys -t "$session" "$@"
}

# wait_for TEXT [SECONDS]: polls until TEXT (fixed string) is on screen.
wait_for() {
	limit=$(( ${2:-$TUI_TIMEOUT} * 10 ))
	i=0
	while [ $i -lt $limit ]; do
		if screen | grep -qF -- "$1"; then return 0; fi
		if [ "$(tm display-message -p -t "$session" '#{pane_dead}' 2>/dev/null)" = 1 ]; then
			dead=$(tm display-message -p -t "$session" '#{pane_dead_status}')
			fail "rxplore ended (status $dead) while waiting for: $1"
		fi
		sleep 0.1
		i=$((i + 1))
	done
	fail "timed out waiting for: $1"
}

# wait_gone TEXT: polls until TEXT is no longer on screen.
wait_gone() {
	i=0
	while [ $i -lt $((TUI_TIMEOUT * 10)) ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "timed out waiting for this to go away: $1"
}

expect_screen() {
	screen | grep -qF -- "$1" || fail "expected on screen: $1"
}

expect_not_screen() {
	if screen | grep -qF -- "$1"; then fail "did not expect on screen: $1"; fi
}

# wait_exit: waits for rxplore to end; sets $status.
wait_exit() {
	i=0
	while [ ! -s "$work/status" ] && [ $i -lt $((TUI_TIMEOUT * 10)) ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -s "$work/status" ] || fail "rxplore did not exit"
	sleep 0.2
	status=$(cat "$work/status")
}

# resize COLS ROWS: resizes the tmux window (and so the pane).
resize() {
	tm resize-window -t "$session" -x "$1" -y "$2" >/dev/null 2>&1 ||
		fail "tmux cannot resize to $1x$2"
}

# The pid of rxplore (written by the shell that execs it).
rx_pid() {
	cat "$work/pid" 2>/dev/null
}

# wait_for_status_bar TEXT: the bottom row shows TEXT (a frame at the current size is drawn).
wait_for_status_bar() {
	i=0
	while [ $i -lt $((TUI_TIMEOUT * 10)) ]; do
		rows=$(tm display-message -p -t "$session" '#{pane_height}')
		screen | sed -n "${rows}p" | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "timed out waiting for the status bar to show: $1"
}

# check_sanitizers: fails when AddressSanitizer/UBSan wrote a report.
# find_topic NAME: highlights the topic NAME in the list: the search prompt
# finds it, Esc closes the prompt and keeps it highlighted.
find_topic() {
	keys /
	wait_for "Search:"
	# shellcheck disable=SC2046 # one key per letter
	keys $(printf '%s' "$1" | sed 's/./& /g')
	wait_for "Search: $1"
	keys Escape
	wait_gone "Search:"
}

check_sanitizers() {
	for f in "$work"/asan* "$work"/ubsan*; do
		[ -e "$f" ] || continue
		echo "--- $f ---" >&2
		cat "$f" >&2
		echo "FAIL: $test_name: sanitizer report" >&2
		exit 1
	done
}

pass() {
	check_sanitizers
	echo "PASS: $test_name"
	exit 0
}
