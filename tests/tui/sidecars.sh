#!/bin/sh
# However rxplore ends while it holds the progress database — q, Ctrl-C,
# SIGTERM or SIGHUP, on the quiz screen of the terminal UI and in the
# line-mode quiz — it closes the database first, so no progress.db-wal or
# progress.db-shm is left beside it and copying progress.db alone carries
# every answer (issue 20).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-screens.sh"
db="$XDG_STATE_HOME/rxplore/progress.db"

# no_sidecars WHAT: the database is there and alone.
no_sidecars() {
	[ -f "$db" ] || fail "$1: no progress.db"
	for s in wal shm journal; do
		[ ! -e "$db-$s" ] || fail "$1: progress.db-$s was left behind"
	done
}

# The terminal UI, on the quiz screen with an answer given.
for how in q C-c TERM HUP; do
	seed_progress
	start_screens
	goto quiz
	keys a Enter
	wait_gone "Enter submits"
	[ -e "$db-wal" ] || fail "the quiz screen holds no open WAL database (the test would prove nothing)"
	case $how in
	q) # back out screen by screen until rxplore ends
		n=0
		while [ ! -s "$work/status" ] && [ $n -lt 10 ]; do
			keys q
			sleep 0.3
			n=$((n + 1))
		done ;;
	C-c) keys C-c ;;
	*) kill -s "$how" "$(rx_pid)" ;;
	esac
	wait_exit
	no_sidecars "the quiz screen ended by $how (status $status)"
	tm kill-server
done

# The line-mode quiz, waiting for an answer.
for how in q C-c TERM HUP; do
	start -- --content "$TEST_DATA_DIR/basic" quiz --seed 1 --count 3
	wait_for "Question 1 of 3"
	[ -e "$db-wal" ] || fail "the line-mode quiz holds no open WAL database"
	case $how in
	q) keys q Enter ;;
	C-c) keys C-c ;;
	*) kill -s "$how" "$(rx_pid)" ;;
	esac
	wait_exit
	case $how in
	q) want=0 ;; C-c) want=130 ;; TERM) want=143 ;; HUP) want=129 ;;
	esac
	[ "$status" = "$want" ] || fail "line-mode quiz ended by $how: status $status, wanted $want"
	no_sidecars "the line-mode quiz ended by $how"
	tm kill-server
done
pass
