#!/bin/sh
# The rxplore> prompt on a real terminal (libedit): Tab completes commands and
# topic ids, Up recalls earlier lines (also from an earlier session, kept in
# $XDG_STATE_HOME/rxplore/history) instead of printing ^[[A, every command of
# the command line works there (compare, quiz reading its answers from the
# same terminal), and the terminal is left as it was found.
. "$(dirname "$0")/lib.sh"

# last_line: the last line of the screen that is not empty.
last_line() {
	screen | grep -v '^ *$' | tail -n 1
}

# wait_last TEXT: polls until the last line is exactly TEXT (trailing blanks aside).
wait_last() {
	i=0
	while [ $i -lt $((TUI_TIMEOUT * 10)) ]; do
		[ "$(last_line | sed 's/ *$//')" = "$1" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "timed out waiting for the last line to be: $1 (it is: $(last_line))"
}

start -- --plain --content "$TEST_DATA_DIR/quiz-one"
wait_last "rxplore>"
keys "show zol" Tab
wait_last "rxplore> show zolpam"
keys Enter
wait_for "Last checked against its sources"
wait_last "rxplore>"
keys "compare zolpam ket" Tab Enter
wait_for "Comparing Zolpam and Ketazines"
wait_last "rxplore>"

keys Up
wait_last "rxplore> compare zolpam ketazines"
keys Up
wait_last "rxplore> show zolpam"
expect_not_screen "^[[A"
keys Down Down
wait_last "rxplore>"

keys "quiz --count 1 --seed 1" Enter
wait_for "Question 1 of 1"
keys "a" Enter
wait_for "Session over: 1 of 1 answered"
wait_last "rxplore>"

keys "show " Tab
wait_for "receptor-x"
expect_screen "escape-test"
keys C-u "quit" Enter
wait_exit
[ "$status" = 0 ] || fail "quit: exit status $status"
history="$XDG_STATE_HOME/rxplore/history"
[ -f "$history" ] || fail "no history file at $history"
# libedit writes the file vis(3)-encoded: a blank is \040.
sed 's/\\040/ /g' "$history" | grep -qx "compare zolpam ketazines" || fail "the history file lacks a line: $(cat "$history")"
for setting in icanon echo; do
	before=$(tr ' ' '\n' <"$work/stty.before" | grep -x -e "$setting" -e "-$setting")
	after=$(tr ' ' '\n' <"$work/stty.after" | grep -x -e "$setting" -e "-$setting")
	[ "$before" = "$after" ] || fail "the terminal was left with $after (it had $before)"
done

# A new session recalls the last one's lines.
tm kill-session -t "$session"
start -- --plain --content "$TEST_DATA_DIR/quiz-one"
wait_last "rxplore>"
keys Up Up
wait_last "rxplore> quiz --count 1 --seed 1"
keys C-u "help" Enter
wait_for "Tab completes commands, topics and options"
keys C-d
wait_exit
[ "$status" = 0 ] || fail "end of input: exit status $status"
check_sanitizers
pass
