#!/bin/sh
# Standard streams that are not what a program expects: standard input closed
# or empty, standard output a file, closed, full, or a pipe nobody reads any
# more.  No spinning, no crash, no noise about broken pipes, and an exit
# status that says what happened.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
packs="--no-default-packs --content $TEST_DATA_DIR/tui-pack --content $TEST_DATA_DIR/basic"
export RXPLORE_NOW=2026-11-21T09:30:00 TZ=UTC
# Two answers, so that stats and progress export have something to print.
printf 'x\nx\n' | "$RXPLORE" $packs quiz --seed 1 --count 2 >/dev/null 2>&1

# A guard against spinning: a command that does not end is killed.
limit() {
	if command -v timeout >/dev/null 2>&1; then timeout 60 "$@"; else "$@"; fi
}

# rx_in REDIRECT ARGS...: like rx, with standard input closed ("closed") or
# from /dev/null ("null").
rx_in() {
	how=$1
	shift
	status=0
	case $how in
	closed) limit "$RXPLORE" "$@" <&- >"$work/out" 2>"$work/err" || status=$? ;;
	null) limit "$RXPLORE" "$@" </dev/null >"$work/out" 2>"$work/err" || status=$? ;;
	esac
	out=$(cat "$work/out")
	err=$(cat "$work/err")
}

for how in closed null; do
	rx_in $how $packs
	expect_status "no command, standard input $how: exits 0" 0
	expect_in "no command, standard input $how: prints the start card" "$out" "Is Zolpam a Ketazine?"
	rx_in $how --plain $packs
	expect_status "--plain, standard input $how: exits 0" 0
	expect_in "--plain, standard input $how: prints the start card" "$out" "Is Zolpam a Ketazine?"
	rx_in $how $packs quiz --count 2
	expect_status "quiz, standard input $how: exits 0" 0
	expect_in "quiz, standard input $how: stops at the end of input" "$out" "End of input: stopping."
	expect_in "quiz, standard input $how: saves nothing" "$out" "0 answers saved."
	rx_in $how $packs progress reset
	expect_status "progress reset, standard input $how: a usage error" 2
	rx $packs progress export
	expect_in "progress reset, standard input $how: nothing was reset" "$out" "question_id"
	expect_in "progress reset, standard input $how: the answers are kept" "$(echo "$out" | wc -l)" 3
done

# Output to a file is the same as output to a pipe.
for cmd in "list" "show zolpam" "compare zolpam ketazines" "stats" "progress export"; do
	status=0
	"$RXPLORE" $packs $cmd >"$work/file" 2>"$work/err" </dev/null || status=$?
	"$RXPLORE" $packs $cmd 2>/dev/null </dev/null | cat >"$work/piped"
	expect_status "$cmd > file: exits 0" 0
	if cmp -s "$work/file" "$work/piped" && [ -s "$work/file" ]; then ok "$cmd > file: same as through a pipe"
	else not_ok "$cmd > file: same as through a pipe" "$(diff "$work/file" "$work/piped")"; fi
done

# Output closed, or to a full disk: exit 1 with a message, never silence.
rx_out() {
	status=0
	case $1 in
	closed) shift; "$RXPLORE" "$@" >&- 2>"$work/err" </dev/null || status=$? ;;
	full) shift; "$RXPLORE" "$@" >/dev/full 2>"$work/err" </dev/null || status=$? ;;
	esac
	out=
	err=$(cat "$work/err")
}
for how in closed full; do
	[ $how = full ] && [ ! -w /dev/full ] && { ok "# SKIP no /dev/full"; continue; }
	for cmd in "list" "show zolpam" "--help" "--version" "stats" "progress export"; do
		rx_out $how $packs $cmd
		expect_status "$cmd with standard output $how: exits 1" 1
		expect_in "$cmd with standard output $how: says so" "$err" "rxplore: write error:"
	done
done

# A pipe whose reader has gone before rxplore writes (closed_pipe waits for
# the reader to close its end, so there is no race).  With SIGPIPE at its
# default rxplore ends by it, silently, like cat; with SIGPIPE ignored it
# notices EPIPE and exits 1, just as silently.
closed_pipe() {
	rm -f "$work/go" "$work/status"
	mkfifo "$work/go"
	{
		read -r _ <"$work/go"
		s=0
		"$RXPLORE" "$@" 2>"$work/err" </dev/null || s=$?
		echo $s >"$work/status"
	} | {
		exec 0<&-
		echo go >"$work/go"
	}
	status=$(cat "$work/status")
	err=$(cat "$work/err")
}
for cmd in "list" "show zolpam" "search receptor" "packs" "compare zolpam ketazines" \
	"compare --format md zolpam ketazines" "compare --format tsv zolpam ketazines" "stats" \
	"progress export" "quiz --count 2" "--help" "--version"; do
	closed_pipe $packs $cmd
	expect_status "$cmd | (reader gone): ended by SIGPIPE" 141
	if [ -z "$err" ]; then ok "$cmd | (reader gone): nothing on stderr"
	else not_ok "$cmd | (reader gone): nothing on stderr" "$err"; fi
	(
		trap '' PIPE
		closed_pipe $packs $cmd
		echo "$status" >"$work/ignored.status"
		printf '%s' "$err" >"$work/ignored.err"
	)
	status=$(cat "$work/ignored.status")
	err=$(cat "$work/ignored.err")
	expect_status "$cmd | (reader gone, SIGPIPE ignored): exits 1" 1
	if [ -z "$err" ]; then ok "$cmd | (reader gone, SIGPIPE ignored): nothing on stderr"
	else not_ok "$cmd | (reader gone, SIGPIPE ignored): nothing on stderr" "$err"; fi
done
done_testing
