#!/bin/sh
# Benchmarks: prints one table.  Numbers, not tests (DESIGN §5); each row is
# explained in doc/PERFORMANCE.md.
# Usage: bench/run.sh [BUILD_DIR | RXPLORE]   (default: build/, made by ./build.sh)
# RUNS=N sets the wall-clock repeats (default 11; medians are reported);
# QUICK=1 skips the slow callgrind counts at 10,000 cards; NO50K=1 skips the
# 50,000-card pack (240 MB of YAML, written once per run).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
arg=${1:-$top/build}
if [ -d "$arg" ]; then build=$(cd "$arg" && pwd); else build=$(cd "$(dirname "$arg")/.." && pwd); fi
rx=$build/src/rxplore
runs=${RUNS:-11}
[ -x "$rx" ] || { echo "bench: no rxplore at $rx (build first: ./build.sh)" >&2; exit 1; }
[ -f "$build/src/librxcore.a" ] || { echo "bench: no $build/src/librxcore.a" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rxplore-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cc=${CC:-cc}
# shellcheck disable=SC2046 # pkg-config's flags are meant to split
$cc -O2 -o "$work/yaml-baseline" "$here/yaml-baseline.c" $(pkg-config --cflags --libs yaml-0.1)
$cc -O2 -o "$work/firstpaint" "$here/firstpaint.c" -lutil
# shellcheck disable=SC2046
$cc -O2 -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -I"$top/include" -I"$top/src" -o "$work/scale" \
	"$here/scale.c" "$build/src/librxcore.a" $(pkg-config --libs yaml-0.1 sqlite3) -lm

# Other processes on a shared machine stretch wall-clock times.  Where it is
# allowed (root, or CAP_SYS_NICE), timed runs get a real-time priority, so
# they measure the program rather than the neighbours; they last seconds.
fast=
priority="normal priority"
if chrt -f 10 true 2>/dev/null; then
	fast="chrt -f 10"
	priority="timed runs under SCHED_FIFO (chrt -f 10)"
fi

# A pinned, private environment: no config, no installed packs, the
# first-start notice already dismissed, no lesspipe.
home=$work/home
mkdir -p "$home/state/rxplore" "$home/config" "$home/data"
: >"$home/state/rxplore/notice-seen"
pinned() {
	rm -f "$home/state/rxplore/session"	# every run starts where a first start does
	$fast env -i PATH="$PATH" HOME="$home" XDG_STATE_HOME="$home/state" XDG_CONFIG_HOME="$home/config" \
		XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" XDG_DATA_DIRS="$home/none" LANG=C.UTF-8 "$@"
}
sizes="1000 10000"
[ "${NO50K:-}" = 1 ] || sizes="$sizes 50000"
for n in $sizes; do sh "$here/gen-cards.sh" "$n" "$work/p$n"; done
yaml_bytes() { cat "$1/pack.yaml" "$1"/cards/*.yaml | wc -c | tr -d ' '; }
cp "$top/content/cards/baclofen.yaml" "$work/text.yaml"

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2];
	else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "?"; else printf "%.2f\n", a / b }'; }
verdict() {
	awk -v v="$1" -v t="$2" 'BEGIN { if (v == "?") print "?"; else print (v + 0 <= t + 0) ? "met" : "missed" }'
}

# First paint: the last byte of the complete screen (bench/firstpaint.c).
# rxplore's last drawn row is the status bar, ending in "Esc back" (its
# hints; it ended in "quit" once, and a marker that never comes makes every
# paint wait out firstpaint's 60-second limit); less's is
# its prompt, the file name in reverse video.  Rounds alternate the two.
# With a generated pack first, the status bar ends in its name and version
# ("bench 1"), which leave no room for the hints: that is the marker then.
paint_rx() {
	m=$1
	shift
	pinned "$work/firstpaint" -n 1 -m "$m" -- "$rx" "$@" | sed -n 's/^run 1: last byte at \([0-9.]*\) ms.*/\1/p'
}
paint_less() {
	(cd "$work" && pinned LESSHISTFILE=- "$work/firstpaint" -n 1 -m '\e[7mtext.yaml' -- less text.yaml) |
		sed -n 's/^run 1: last byte at \([0-9.]*\) ms.*/\1/p'
}
: >"$work/paint.rx"
: >"$work/paint.less"
i=0
while [ $i -lt "$runs" ]; do
	paint_rx ' back' >>"$work/paint.rx"
	paint_less >>"$work/paint.less"
	i=$((i + 1))
done
paint=$(median <"$work/paint.rx")
less_ms=$(median <"$work/paint.less")
# Large packs: cold is --no-cache (every card parsed), warm is with the pack
# cache written by a load before the timed ones.  less is timed again beside
# each, so the ratio compares one moment of a shared machine.
few=$(( runs < 5 ? runs : 5 ))
for n in $sizes; do
	: >"$work/paint.$n.cold"
	: >"$work/paint.$n.warm"
	: >"$work/paint.$n.less"
	i=0
	while [ $i -lt $few ]; do
		paint_rx "bench 1" --no-cache --content "$work/p$n" >>"$work/paint.$n.cold"
		i=$((i + 1))
	done
	pinned "$rx" --content "$work/p$n" packs >/dev/null 2>&1
	i=0
	while [ $i -lt "$runs" ]; do
		paint_rx "bench 1" --content "$work/p$n" >>"$work/paint.$n.warm"
		paint_less >>"$work/paint.$n.less"
		i=$((i + 1))
	done
done
paint1k=$(median <"$work/paint.1000.warm")
paint10k=$(median <"$work/paint.10000.warm")

# Bytes written per key, from the start screen: j moves the selection (the
# card pane keeps its card), Enter opens the selected card and focuses it, Esc
# returns to the list, k and Enter reopen the start card, l switches its
# section tab, j scrolls that section a line, c opens compare, Esc comes back,
# Ctrl-L repaints, and in the search results (/ chloride Enter: words that
# name no topic, so Enter lists the matches) j moves the selection.  With the
# list focused, j also draws the peek at the newly highlighted topic.
pinned "$work/firstpaint" -n 1 -m ' back' -q qq -k move=j -k open='\r' -k list='\e' -k back=k -k reopen='\r' \
	-k section=l -k scroll=j -k compare=c -k close='\e' -k repaint='\f' -k search=/chloride -k results='\r' \
	-k result-move=j \
	-- "$rx" >"$work/keys"
key() { sed -n "s/^key $1 bytes=\([0-9]*\) clears=\([0-9]*\)/\\$2/p" "$work/keys"; }
start_bytes=$(sed -n 's/.* bytes=\([0-9]*\)$/\1/p' "$work/keys")
repaint=$(key repaint 1)
clears_other=0
for k in move open list back reopen section scroll compare close search results result-move; do
	clears_other=$((clears_other + $(key "$k" 2)))
done

# Search and the quiz bank, inside one process (start-up and loading not counted).
$fast "$work/scale" -r "$runs" "$work/p10000" "$top/content" >"$work/scale.out"
search_max=$(sed -n 's/^search_max_ms=//p' "$work/scale.out")
search_word=$(sed -n 's/^search "GABA-B" median_ms=\([0-9.]*\).*/\1/p' "$work/scale.out")
quiz_ms=$(sed -n 's/^quiz_bank_ms=\([0-9.]*\).*/\1/p' "$work/scale.out")

# Loading: rxplore check against libyaml alone, wall clock (median).
timed() {
	: >"$work/t"
	i=0
	while [ $i -lt $(( runs < 5 ? runs : 5 )) ]; do
		s=$(date +%s%N)
		$fast "$@" >/dev/null 2>&1 || true
		e=$(date +%s%N)
		echo $(( (e - s) / 1000000 )) >>"$work/t"
		i=$((i + 1))
	done
	median <"$work/t"
}
check1000=$(timed "$rx" check --no-default-packs "$work/p1000")
base1000=$(timed "$work/yaml-baseline" "$work/p1000/pack.yaml" "$work/p1000"/cards/*.yaml)
check10000=$(timed "$rx" check --no-default-packs "$work/p10000")
base10000=$(timed "$work/yaml-baseline" "$work/p10000/pack.yaml" "$work/p10000"/cards/*.yaml)

check50000=?
base50000=?
if [ "${NO50K:-}" != 1 ]; then
	check50000=$(timed "$rx" check --no-default-packs "$work/p50000")
	base50000=$(timed sh -c 'find "$1/cards" -name "*.yaml" -print0 | xargs -0 "$2" "$1/pack.yaml"' sh \
		"$work/p50000" "$work/yaml-baseline")
fi

# Peak memory of the terminal UI with extra cards, warm cache and without
# it: everything it loads is the generated pack's YAML plus the bundled pack
# (compiled in, its YAML counted all the same).
peak() { pinned "$work/firstpaint" -n 1 -m "bench 1" -- "$rx" "$@" | sed -n 's/.* maxrss_kib=\([0-9]*\) .*/\1/p'; }
peak_kib=$(peak --no-cache --content "$work/p10000")
peak_warm_kib=$(peak --content "$work/p10000")
bytes10k=$(( $(yaml_bytes "$work/p10000") + $(yaml_bytes "$top/content") ))
if [ "${NO50K:-}" != 1 ]; then
	peak_warm50k_kib=$(peak --content "$work/p50000")
	bytes50k=$(( $(cat "$work/p50000/pack.yaml" | wc -c) + $(find "$work/p50000/cards" -name '*.yaml' -print0 |
		xargs -0 cat | wc -c) + $(yaml_bytes "$top/content") ))
fi

strip -o "$work/rxplore.stripped" "$rx"
stripped=$(wc -c <"$work/rxplore.stripped" | tr -d ' ')

# Instruction counts (callgrind): repeatable where the wall clock is not.
# Minutes long, so at normal priority.
fast=
instr() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
	sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
pinned_instr() { pinned valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
	sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
have_valgrind=no
command -v valgrind >/dev/null 2>&1 && have_valgrind=yes
if [ $have_valgrind = yes ]; then
	start_i=$(pinned "$work/firstpaint" -n 1 -i 2000 -m ' back' -- valgrind --tool=callgrind \
		--callgrind-out-file="$work/cg.start" "$rx" >/dev/null && callgrind_annotate "$work/cg.start" |
		sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,)
	(cd "$work" && pinned LESSHISTFILE=- "$work/firstpaint" -n 1 -i 2000 -m '\e[7mtext.yaml' -- valgrind \
		--tool=callgrind --callgrind-out-file="$work/cg.less" /usr/bin/less text.yaml >/dev/null)
	less_i=$(callgrind_annotate "$work/cg.less" | sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,)
	# The cold load: what a start without its cache does (every card parsed,
	# no built-in pack); check does that and builds the quiz bank for its notes.
	rx1k=$(instr "$rx" --no-cache --no-default-packs --content "$work/p1000" packs)
	check1k=$(instr "$rx" check --no-default-packs "$work/p1000")
	# A warm start's loading, in line mode (the UI's drawing aside).
	pinned "$rx" --content "$work/p1000" packs >/dev/null 2>&1
	warm1k=$(pinned_instr "$rx" --content "$work/p1000" packs)
	yaml1k=$(instr "$work/yaml-baseline" "$work/p1000/pack.yaml" "$work/p1000"/cards/*.yaml)
	if [ "${QUICK:-}" != 1 ]; then
		rx10k=$(instr "$rx" --no-cache --no-default-packs --content "$work/p10000" packs)
		check10k=$(instr "$rx" check --no-default-packs "$work/p10000")
		yaml10k=$(instr "$work/yaml-baseline" "$work/p10000/pack.yaml" "$work/p10000"/cards/*.yaml)
		warm10k=$(pinned_instr "$rx" --content "$work/p10000" packs)
	fi
	search_i=$(instr --toggle-collect=search_run "$work/scale" -r 1 -q GABA-B "$work/p1000" "$top/content")
	quiz_i=$(instr --toggle-collect=quiz_bank_build "$work/scale" -r 1 -q x "$work/p1000" "$top/content")
fi

row() { printf '%-46s %13s %13s %7s %-14s %s\n' "$@"; }
row "measure" "rxplore" "reference" "ratio" "target" "verdict"
row "first paint 80x24, bundled pack, ms" "$paint" "less $less_ms" "$(ratio "$paint" "$less_ms")" \
	"<= 3x less" \
	"$(verdict "$(ratio "$paint" "$less_ms")" 3)"
for n in $sizes; do
	cold=$(median <"$work/paint.$n.cold")
	warm=$(median <"$work/paint.$n.warm")
	less_n=$(median <"$work/paint.$n.less")
	row "first paint, +$n cards, no cache, ms" "$cold" "less $less_n" "$(ratio "$cold" "$less_n")" "" ""
	row "first paint, +$n cards, warm cache, ms" "$warm" "less $less_n" "$(ratio "$warm" "$less_n")" \
		"<= 3x less" "$(verdict "$(ratio "$warm" "$less_n")" 3)"
done
row "first paint, +10,000 cards, warm, ms" "$paint10k" "" "" "< 1500 ms" "$(verdict "$paint10k" 1499.9)"
row "bytes: start screen" "$start_bytes" "" "" "" ""
for k in move:"move selection (topic list)" result-move:"move selection (search results)" \
	open:"open the selected card" scroll:"scroll the card one line" section:"switch section tab" \
	compare:"open compare" \
	close:"close compare (back to browse)"; do
	b=$(key "${k%%:*}" 1)
	case ${k%%:*} in
	move | result-move) row "bytes: ${k#*:}" "$b" "Ctrl-L $repaint" "$(ratio "$b" "$repaint")" "< 0.10" \
		"$(awk -v r="$(ratio "$b" "$repaint")" 'BEGIN { print (r < 0.10) ? "met" : "missed" }')" ;;
	*) row "bytes: ${k#*:}" "$b" "Ctrl-L $repaint" "$(ratio "$b" "$repaint")" "" "" ;;
	esac
done
row "full-screen clears by those keys" "$clears_other" "Ctrl-L $(key repaint 2)" "" "0" \
	"$( [ "$clears_other" = 0 ] && echo met || echo missed)"
row "search, 10,000 cards, worst query, ms" "$search_max" "" "" "< 30 ms" "$(verdict "$search_max" 29.99)"
row "search, 10,000 cards, 'GABA-B', ms" "$search_word" "" "" "< 30 ms" "$(verdict "$search_word" 29.99)"
row "quiz bank, 10,035 cards, ms" "$quiz_ms" "" "" "< 50 ms" "$(verdict "$quiz_ms" 49.99)"
row "load 1,000 cards (check), ms" "$check1000" "libyaml $base1000" "$(ratio "$check1000" "$base1000")" "" ""
row "load 10,000 cards (check), ms" "$check10000" "libyaml $base10000" \
	"$(ratio "$check10000" "$base10000")" "" ""
row "load 50,000 cards (check), ms" "$check50000" "libyaml $base50000" \
	"$(ratio "$check50000" "$base50000")" "" ""
row "load 50,000 / 10,000 cards, wall clock" "$(ratio "$check50000" "$check10000")" "" "" "~5 (linear)" ""
peak_ratio=$(ratio "$((peak_kib * 1024))" "$bytes10k")
row "peak memory, UI +10,000 cards, no cache, KiB" "$peak_kib" "$((bytes10k / 1024)) KiB YAML" "$peak_ratio" \
	"< 3x bytes" "$(verdict "$peak_ratio" 2.999)"
peak_ratio=$(ratio "$((peak_warm_kib * 1024))" "$bytes10k")
row "peak memory, UI +10,000 cards, warm, KiB" "$peak_warm_kib" "$((bytes10k / 1024)) KiB YAML" "$peak_ratio" \
	"<= 1.5x bytes" "$(verdict "$peak_ratio" 1.5)"
if [ "${NO50K:-}" != 1 ]; then
	peak_ratio=$(ratio "$((peak_warm50k_kib * 1024))" "$bytes50k")
	row "peak memory, UI +50,000 cards, warm, KiB" "$peak_warm50k_kib" "$((bytes50k / 1024)) KiB YAML" \
		"$peak_ratio" "<= 1.5x bytes" "$(verdict "$peak_ratio" 1.5)"
fi
row "stripped binary, bytes" "$stripped" "" "" "" ""
if [ $have_valgrind = yes ]; then
	row "instructions: start to first paint" "$start_i" "less $less_i" "$(ratio "$start_i" "$less_i")" "" ""
	row "instructions: load 1,000 cards" "$rx1k" "libyaml $yaml1k" "$(ratio "$rx1k" "$yaml1k")" "<= 1.2x" \
		"$(verdict "$(ratio "$rx1k" "$yaml1k")" 1.2)"
	row "instructions: check 1,000 cards" "$check1k" "libyaml $yaml1k" "$(ratio "$check1k" "$yaml1k")" "" ""
	row "instructions: warm start, +1,000 cards" "$warm1k" "cold $rx1k" "$(ratio "$warm1k" "$rx1k")" "" ""
	if [ "${QUICK:-}" != 1 ]; then
		row "instructions: load 10,000 cards" "$rx10k" "libyaml $yaml10k" "$(ratio "$rx10k" "$yaml10k")" \
			"<= 1.2x" "$(verdict "$(ratio "$rx10k" "$yaml10k")" 1.2)"
		row "instructions: check 10,000 cards" "$check10k" "libyaml $yaml10k" \
			"$(ratio "$check10k" "$yaml10k")" "" ""
		row "instructions: warm start, +10,000 cards" "$warm10k" "cold $rx10k" "$(ratio "$warm10k" "$rx10k")" \
			"" ""
		row "instructions: 10,000 / 1,000 cards" "$(ratio "$rx10k" "$rx1k")" "" "" "~10 (linear)" ""
	fi
	row "instructions: one search, 1,000 cards" "$search_i" "" "" "" ""
	row "instructions: quiz bank, 1,035 cards" "$quiz_i" "" "" "" ""
fi
printf '\n%s, %s cores, load average %s; wall-clock figures are medians; %s.\n' \
	"$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)" \
	"$(nproc 2>/dev/null || echo ?)" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)" "$priority"
