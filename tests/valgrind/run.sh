#!/bin/sh
# Memcheck over rxplore: every line-mode command (each format and quiz mode,
# piped answers, usage errors) and, unless --line-only, a scripted session of
# the terminal UI in tmux that visits every screen.  Any invalid access, use
# of uninitialised memory, or definitely/indirectly lost block fails the run;
# memory still reachable at exit (ncurses keeps its own) is fine.
#
#   tests/valgrind/run.sh [--line-only] [PATH/TO/rxplore]
#
# The binary defaults to $RXPLORE, else ./build/src/rxplore.  Build it without
# --enable-sanitizers (valgrind cannot run AddressSanitizer binaries).  Exit
# status: 0 clean, 1 findings (the logs are printed), 77 valgrind missing.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
line_only=no
if [ "${1:-}" = --line-only ]; then
	line_only=yes
	shift
fi
RXPLORE=${1:-${RXPLORE:-$top/build/src/rxplore}}
case $RXPLORE in /*) ;; *) RXPLORE=$(pwd)/$RXPLORE ;; esac
data=$top/tests/data
[ -x "$RXPLORE" ] || { echo "valgrind/run.sh: no rxplore at $RXPLORE" >&2; exit 1; }
command -v valgrind >/dev/null 2>&1 || { echo "valgrind/run.sh: valgrind is not installed (SKIP)" >&2; exit 77; }
if nm -u "$RXPLORE" 2>/dev/null | grep -q __asan_init; then
	echo "valgrind/run.sh: $RXPLORE is built with AddressSanitizer; valgrind cannot check it" >&2
	exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/rxplore-vg.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_STATE_HOME="$work/home/.local/state" XDG_DATA_DIRS="$work/nowhere" XDG_CACHE_HOME="$work/home/.cache"
export RXPLORE_NOW=2026-11-21T09:30:00 TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8
unset NO_COLOR
mkdir -p "$HOME"

VALGRIND="valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect --num-callers=30"
# Tracking origins makes every run about a third slower; it is only needed to
# explain a finding, so a run with findings is repeated with it for the log.
ORIGINS="--track-origins=yes"
runs=0
failed=0

# vg NAME WANT INPUT ARGS...: rxplore ARGS under memcheck, INPUT (printf
# format, or - for /dev/null) on standard input; the command must exit WANT.
vg() {
	name=$1 want=$2 input=$3
	shift 3
	runs=$((runs + 1))
	log="$work/vg.$runs.log"
	if [ "$input" = - ]; then
		$VALGRIND --log-file="$log" "$RXPLORE" "$@" </dev/null >"$work/out" 2>"$work/err"
	else
		# shellcheck disable=SC2059 # the input is a format on purpose: \n
		printf "$input" | $VALGRIND --log-file="$log" "$RXPLORE" "$@" >"$work/out" 2>"$work/err"
	fi
	got=$?
	if [ "$got" = 99 ] || grep -q 'ERROR SUMMARY: [1-9]' "$log"; then
		failed=$((failed + 1))
		echo "FAIL: $name: memcheck findings (run again with $ORIGINS)"
		if [ "$input" = - ]; then
			$VALGRIND $ORIGINS --log-file="$log" "$RXPLORE" "$@" </dev/null >/dev/null 2>&1
		else
			printf "$input" | $VALGRIND $ORIGINS --log-file="$log" "$RXPLORE" "$@" >/dev/null 2>&1
		fi
		sed 's/^/    /' "$log"
	elif [ "$got" != "$want" ]; then
		failed=$((failed + 1))
		echo "FAIL: $name: exit status $got, wanted $want (the run did not do what it was meant to)"
		sed 's/^/    /' "$work/err" | head -n 20
	else
		echo "ok: $name"
	fi
}

basic="--no-default-packs --content $data/basic"
both="--no-default-packs --content $data/tui-pack --content $data/basic"

# Information and usage errors.
vg "--help" 0 - --help
vg "--version (built-in pack)" 0 - --version
vg "unknown command" 2 - frobnicate
vg "unknown option" 2 - --frobnicate
vg "show without a topic" 2 - $basic show
vg "show with a bad section" 2 - $basic show alphazine nosuch
vg "--width out of range" 2 - --width 5 list
vg "--strict without check" 2 - --strict list
vg "--format without compare" 2 - --format md list
vg "quiz options elsewhere" 2 - --mode exam list
vg "quiz --count 0" 2 - $basic quiz --count 0
vg "progress with a bad action" 2 - $basic progress frob
vg "a bad profile name" 2 - $basic --profile bad/name progress export

# Browsing.
vg "list (built-in pack)" 0 - list
vg "list" 0 - $both list
vg "show" 0 - $both show zolpam
vg "show a section" 0 - $both show zolpam mechanism
vg "show an unknown topic" 1 - $both show zolpm
vg "search" 0 - $both search receptor
vg "search, no match" 1 - $both search xyzzy
vg "packs" 0 - $both packs
vg "no command, input not a terminal" 0 - $both
vg "--plain, input not a terminal" 0 - $both --plain --width 60

# Checking content, good and bad.
vg "check (built-in pack)" 0 - check --strict
vg "check good packs" 0 - $both check --strict
vg "check a bad pack" 1 - --no-default-packs check "$data/bad"
vg "check warnings --strict" 1 - --no-default-packs check --strict "$data/warn"
vg "list with rejected cards" 0 - --no-default-packs --content "$data/bad" list

# Comparing.
for format in text md tsv; do
	vg "compare --format $format" 0 - $both compare --format $format zolpam ketazines
	vg "compare --format $format --diff-only" 0 - $both compare --format $format --diff-only alphazine betamol
done
vg "compare four topics" 0 - $both compare zolpam ketazines alphazine betamol
vg "compare an unknown topic" 1 - $both compare zolpam nosuch
vg "compare one topic" 2 - $both compare zolpam

# Statistics, then quizzes of every mode, then statistics with data.
vg "stats with no progress" 0 - $basic stats
vg "quiz practice" 0 'a\nb\n2\nx\nzz\n1,2\nt\nq\n' $basic quiz --seed 3
vg "quiz practice on a topic" 0 'a\nb\nc\na\nb\nc\n' $basic quiz --topic alphazine --seed 4
vg "quiz review" 0 'x\na\nb\nx\na\nb\nx\na\n' $basic quiz --mode review --seed 5
vg "quiz exam" 0 'a\nb\nc\nx\na\n' $basic quiz --mode exam --count 5 --seed 6
vg "quiz exam with a time limit" 0 'a\nb\n' $basic quiz --mode exam --minutes 10 --seed 7
vg "quiz exam, q asks first" 0 'q\nn\na\nq\ny\n' $basic quiz --mode exam --count 3 --seed 6
vg "quiz mistakes" 0 'a\nb\nc\n' $basic quiz --mode mistakes --seed 6
vg "quiz mistakes-week" 0 'x\n' $basic quiz --mode mistakes-week --seed 6
vg "quiz weakest" 0 'a\nb\n' $basic quiz --mode weakest --seed 6
vg "quiz, end of input at once" 0 '' $basic quiz --seed 8
vg "quiz, another profile" 0 'a\n' $basic --profile clinic quiz --count 1 --seed 9
vg "stats with progress" 0 - $basic stats
vg "stats --width 40" 0 - $basic --width 40 stats
vg "progress export" 0 - $basic progress export
vg "progress export --format db" 0 - $basic progress export --format db -o "$work/copy.db"
vg "progress merge a database" 0 - $basic --profile clinic progress merge "$work/copy.db"
"$RXPLORE" $basic progress export >"$work/reviews.csv" 2>/dev/null
printf 'bad,row\r\n' >>"$work/reviews.csv"
vg "progress merge a CSV with a bad row" 1 - $basic --profile clinic progress merge "$work/reviews.csv"
vg "progress merge a missing file" 1 - $basic progress merge "$work/nothing.db"
vg "progress reset --yes" 0 - $basic progress reset --yes
vg "progress reset without --yes, no terminal" 2 - $basic progress reset

# Exporting: every format, a selection, a file, and the ways it is refused.
vg "export --format anki" 0 - $both export --format anki
vg "export --format md" 0 - $both export --format md
vg "export --format html" 0 - $both export --format html
vg "export --format anki -o deck" 0 - $both export --format anki -o "$work/deck.txt"
vg "import the deck" 0 - import "$work/deck.txt" -o "$work/imported"
printf 'question,choices,answer,tags\n"<b>Q</b> &amp;",A | B,A,t\nbad row\n' >"$work/sheet.csv"
vg "import a CSV with a bad row" 1 - import "$work/sheet.csv" -o "$work/sheet"
vg "export --format md, two topics compared" 0 - $both export --format md zolpam ketazines
vg "export --format json of a topic" 0 - $both export --format json alphazine
vg "export -o FILE" 0 - $both export --format json -o "$work/export.json"
vg "export -o into a missing folder" 1 - $basic export --format json -o "$work/nowhere/export.json"
vg "export without --format" 2 - $both export
vg "export an unknown topic" 1 - $both export --format md nosuch

tui=skipped
if [ $line_only = no ]; then
	# The UI session runs the same memcheck through a wrapper; its log
	# and exit status come back through files.
	cat >"$work/rxplore-vg" <<EOF
#!/bin/sh
exec $VALGRIND --log-file="$work/vg.tui.log" "$RXPLORE" "\$@"
EOF
	chmod +x "$work/rxplore-vg"
	RXPLORE="$work/rxplore-vg" TEST_DATA_DIR="$data" VG_LOG="$work/vg.tui.log" \
		sh "$top/tests/valgrind/tui-session.sh"
	tui=$?
	runs=$((runs + 1))
	case $tui in
	0) echo "ok: terminal UI session" ;;
	77) echo "SKIP: terminal UI session (no tmux)" ;;
	*)
		failed=$((failed + 1))
		echo "FAIL: terminal UI session"
		[ -f "$work/vg.tui.log" ] && sed 's/^/    /' "$work/vg.tui.log"
		;;
	esac
fi

echo "valgrind: $runs runs, $failed failed"
[ "$failed" -eq 0 ]
