#!/bin/sh
# Benchmarks: prints one table.  Numbers, not tests (DESIGN §5).
# Usage: bench/run.sh [RXPLORE]   (default: build/src/rxplore, built by ./build.sh)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rx=${1:-$here/../build/src/rxplore}
work=$(mktemp -d "${TMPDIR:-/tmp}/rxplore-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/yaml-baseline" "$here/yaml-baseline.c" $(pkg-config --cflags --libs yaml-0.1)

# best of 5 wall-clock runs, in milliseconds
best_ms() {
	best=
	for _ in 1 2 3 4 5; do
		start=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true
		end=$(date +%s%N)
		ms=$(( (end - start) / 1000000 ))
		if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
	done
	echo "$best"
}
peak_kib() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }

printf '%-8s %10s %12s %12s %7s %12s %10s\n' cards "bytes" "check ms" "libyaml ms" ratio "peak KiB" "peak/bytes"
for n in 1000 10000; do
	"$here/gen-cards.sh" "$n" "$work/p$n"
	bytes=$(cat "$work/p$n"/cards/*.yaml | wc -c)
	check=$(best_ms "$rx" check --no-default-packs "$work/p$n")
	base=$(best_ms sh -c "find '$work/p$n/cards' -name '*.yaml' -print0 | xargs -0 '$work/yaml-baseline'")
	peak=$(peak_kib "$rx" check --no-default-packs "$work/p$n")
	ratio=$(awk -v a="$check" -v b="$base" 'BEGIN { printf "%.2f", b ? a / b : 0 }')
	per=$(awk -v p="$peak" -v b="$bytes" 'BEGIN { printf "%.2f", p * 1024 / b }')
	printf '%-8s %10s %12s %12s %7s %12s %10s\n' "$n" "$bytes" "$check" "$base" "$ratio" "$peak" "$per"
done

# Wall-clock time is noisy on a shared machine; instruction counts are not.
if command -v valgrind >/dev/null 2>&1; then
	instr() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
	"$here/gen-cards.sh" 1000 "$work/i1000"
	a=$(instr "$rx" check --no-default-packs "$work/i1000")
	b=$(instr "$work/yaml-baseline" "$work/i1000"/cards/*.yaml)
	printf '\ninstructions at 1000 cards (callgrind): check %s, libyaml alone %s, ratio %s\n' "$a" "$b" \
		"$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
fi
