# Helpers for the tests that visit every screen (sizes, resize storm,
# signals, suspend).  Source after lib.sh.
#
# They run on the UI fixture pack plus the basic pack (which has questions)
# and quiz-one, with two answers saved the day before so that the statistics have bars.

SCREENS="browse help compare quiz stats"

# Answers saved by the line-mode quiz, so that the statistics screen draws
# charts rather than its "no progress yet" page.
seed_progress() {
	printf 'x\nx\n' | RXPLORE_NOW=2026-11-20T10:00:00 "$RXPLORE" --no-default-packs \
		--content "$TEST_DATA_DIR/basic" quiz --seed 1 --count 2 >"$work/seed.out" 2>&1 ||
		fail "rxplore quiz could not save answers: $(cat "$work/seed.out")"
}

# start_screens [ENV=VALUE...]: start on both fixture packs.
start_screens() {
	start "$@" -- --content "$TEST_DATA_DIR/basic" --content "$TEST_DATA_DIR/quiz-one"
	wait_for "Is Zolpam a Keta"
}

# marker NAME: text the screen shows at every size from 40x12 up.
marker() {
	case $1 in
	browse) echo "Is Zolpam a Keta" ;;
	help) echo "rxplore help: keys" ;;
	compare) echo "Comparison" ;;
	quiz) echo "Truthy is a made-up topic." ;;
	stats) echo "Study statistics for Sat 21 Nov 2026" ;;
	*) fail "no screen called $1" ;;
	esac
}

# goto NAME: from browse on the start card, opens screen NAME.  The quiz is
# the one true/false question of tests/data/quiz-one, whose choices are not
# shuffled, so that two runs draw the same screen.
goto() {
	case $1 in
	browse) ;;
	help) keys '?' ;;
	compare) keys c ;;
	quiz)
		keys / t r u t h y
		wait_for "Search: truthy"
		keys Escape
		wait_gone "Search:"
		keys t
		wait_for "Practice this topic: Truthy"
		keys a
		;;
	stats) keys s ;;
	esac
	wait_for "$(marker "$1")"
}

# leave NAME: back from screen NAME to browse.
leave() {
	[ "$1" = browse ] && return 0
	keys q
	# Browse's own hints: after the quiz the list highlights Truthy, whose
	# peek fills the card pane at 40x12, so the start card's title is hidden.
	wait_for "move  Enter open"
	wait_gone "$(marker "$1")"
}

# settle TEXT: waits until TEXT is on screen and the screen stopped changing
# (three equal captures in a row), so that a whole frame can be compared.
settle() {
	wait_for "$1"
	prev= same=0 i=0
	while [ $i -lt $((TUI_TIMEOUT * 10)) ]; do
		cur=$(screen)
		if [ "$cur" = "$prev" ]; then
			same=$((same + 1))
			[ $same -ge 3 ] && return 0
		else
			same=0
		fi
		prev=$cur
		sleep 0.1
		i=$((i + 1))
	done
	fail "the screen kept changing"
}

# expect_too_small: the whole "too small" message is on screen, nothing else.
expect_too_small() {
	wait_for "Terminal too small"
	settle "Terminal too small"
	# The message wraps at narrow widths: look at it as one line of words.
	words=$(screen | tr -s ' \n' '  ')
	case $words in
	*"enlarge it or press q"*) ;;
	*) fail "the too-small message lost its 'press q': $words" ;;
	esac
	for m in $SCREENS; do
		expect_not_screen "$(marker "$m")"
	done
	expect_not_screen "? help"
}

# snap NAME TEXT: once TEXT is on screen and the screen is still, compares
# the whole screen with $golden_dir/NAME.txt (or saves it into
# $GOLDEN_REGEN); the caller sets golden_dir, and reads $differ and $taken.
snap() {
	settle "$2"
	screen >"$work/$1.txt"
	taken="$taken $1"
	if [ -n "${GOLDEN_REGEN:-}" ]; then
		cp "$work/$1.txt" "$GOLDEN_REGEN/$1.txt" || fail "cannot write $GOLDEN_REGEN/$1.txt"
		return 0
	fi
	[ -f "$golden_dir/$1.txt" ] || { echo "no golden file for screen $1" >&2; differ="$differ $1"; return 0; }
	if ! diff -u --label "golden/$1.txt" --label "screen $1 now" "$golden_dir/$1.txt" "$work/$1.txt" >&2; then
		differ="$differ $1"
	fi
}

# golden_finish: after the last snap, passes when every screen matched its
# golden file and every golden file in $golden_dir was captured (a file no
# screen produces any more is a screen lost); with GOLDEN_REGEN, says what it
# wrote.
golden_finish() {
	if [ -n "${GOLDEN_REGEN:-}" ]; then
		echo "golden screens written to $GOLDEN_REGEN:$taken"
		pass
	fi
	for f in "$golden_dir"/*.txt; do
		name=$(basename "$f" .txt)
		case " $taken " in *" $name "*) ;; *) differ="$differ $name(not captured)" ;; esac
	done
	[ -z "$differ" ] || fail "screens differ from their golden files:$differ (tests/tui/golden/regen.sh rewrites them)"
	pass
}
