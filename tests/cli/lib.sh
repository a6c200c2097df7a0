# Shared helpers for the command-line tests: TAP output, one case per check.
# Sourced by tests/cli/*.t; the harness sets RXPLORE, TEST_DATA_DIR and TOP_SRCDIR.
RXPLORE=${RXPLORE:-src/rxplore}
TEST_DATA_DIR=${TEST_DATA_DIR:-tests/data}
TOP_SRCDIR=${TOP_SRCDIR:-.}
export LC_ALL=C.UTF-8
unset NO_COLOR RXPLORE_NOW
tap_count=0
tap_failed=0
work=$(mktemp -d "${TMPDIR:-/tmp}/rxplore-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT
# No user files may leak into a test: a private, empty home.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export XDG_STATE_HOME=$work/home/.local/state XDG_DATA_DIRS=$work/nowhere XDG_CACHE_HOME=$work/home/.cache
mkdir -p "$HOME"

ok() { tap_count=$((tap_count + 1)); echo "ok $tap_count - $1"; }
not_ok() {
	tap_count=$((tap_count + 1)); tap_failed=$((tap_failed + 1))
	echo "not ok $tap_count - $1"
	shift
	for line in "$@"; do printf '%s\n' "$line" | sed 's/^/# /'; done
}
# skip_case NAME REASON: a case that cannot or need not run here, said so in TAP.
skip_case() { tap_count=$((tap_count + 1)); echo "ok $tap_count - $1 # SKIP $2"; }
done_testing() { echo "1..$tap_count"; [ "$tap_failed" -eq 0 ]; }

# rx ARGS...: runs rxplore with stdin from /dev/null; sets $out, $err and $status.
rx() {
	status=0
	"$RXPLORE" "$@" </dev/null >"$work/out" 2>"$work/err" || status=$?
	out=$(cat "$work/out")
	err=$(cat "$work/err")
}

# quiz ANSWERS ARGS...: runs rxplore quiz with the answers (one per line) on
# stdin; sets $out, $err and $status.
quiz() {
	answers=$1
	shift
	status=0
	printf '%s' "$answers" | "$RXPLORE" quiz "$@" >"$work/out" 2>"$work/err" || status=$?
	out=$(cat "$work/out")
	err=$(cat "$work/err")
}

# expect_status NAME WANT: checks $status.
expect_status() {
	if [ "$status" -eq "$2" ]; then ok "$1"; else
		not_ok "$1" "exit status $status, wanted $2" "stdout: $out" "stderr: $err"; fi
}

# expect_in NAME HAYSTACK NEEDLE: a fixed-string search.
expect_in() {
	if printf '%s' "$2" | grep -qF -- "$3"; then ok "$1"; else
		not_ok "$1" "wanted to find: $3" "in: $2"; fi
}

expect_not_in() {
	if printf '%s' "$2" | grep -qF -- "$3"; then not_ok "$1" "did not want: $3" "in: $2"; else ok "$1"; fi
}
