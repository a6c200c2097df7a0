#!/bin/sh
# Benchmark: fitting FSRS-6 parameters to 10,000 simulated reviews, rxplore's
# optimizer against fsrs-rs (the npm package @open-spaced-repetition/binding,
# as tests/fsrs/reference.sh installs it).  Numbers, not a test.
# Usage: bench/fsrs-fit.sh [BUILD_DIR]   (default: build/)
# RUNS=N repeats (default 7; medians reported).  Both time the fit alone, the
# review log already read: rxplore's includes scoring before and after.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
runs=${RUNS:-7}
[ -f "$build/src/librxcore.a" ] || { echo "bench: no $build/src/librxcore.a (build first: ./build.sh)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rxplore-fsrs-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cc=${CC:-cc}
# shellcheck disable=SC2046 # pkg-config's flags are meant to split
$cc -O2 -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -I"$top/include" -I"$top/src" -o "$work/fit-tool" \
	"$top/tests/fsrs/fit-tool.c" "$build/src/librxcore.a" $(pkg-config --libs yaml-0.1 sqlite3) -lm

# 1,500 cards give about 10,000 reviews in all (both halves of the split).
"$work/fit-tool" simulate 1500 2026 "$work/a.csv" "$work/b.csv" 2>/dev/null
{ cat "$work/a.csv"; tail -n +2 "$work/b.csv"; } > "$work/log.csv"
reviews=$(($(wc -l < "$work/log.csv") - 1))

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# "... in W ms (C ms CPU ..." on stderr -> "W C"
timings() { sed -n 's/.* in \([0-9.]*\) ms (\([0-9.]*\) ms CPU.*/\1 \2/p'; }

: > "$work/rx"
i=0
while [ $i -lt "$runs" ]; do
	"$work/fit-tool" fit "$work/log.csv" 2>&1 >/dev/null | timings >> "$work/rx"
	i=$((i + 1))
done
printf 'reviews: %d (%s runs, medians)\n' "$reviews" "$runs"
printf 'rxplore fit: %s ms wall, %s ms CPU\n' "$(cut -d' ' -f1 "$work/rx" | median)" \
	"$(cut -d' ' -f2 "$work/rx" | median)"

binding=${FSRS_BINDING_DIR:-$build/tests/fsrs/npm}
if command -v node >/dev/null 2>&1 && [ -d "$binding/node_modules/@open-spaced-repetition/binding" ]; then
	: > "$work/rs"
	i=0
	while [ $i -lt "$runs" ]; do
		FSRS_BINDING_DIR=$binding node "$top/tests/fsrs/reference.mjs" fit "$work/log.csv" 2>&1 >/dev/null |
			timings >> "$work/rs"
		i=$((i + 1))
	done
	printf 'fsrs-rs fit (npm binding 0.5.0): %s ms wall, %s ms CPU\n' "$(cut -d' ' -f1 "$work/rs" | median)" \
		"$(cut -d' ' -f2 "$work/rs" | median)"
else
	echo "fsrs-rs: not measured (run tests/fsrs/reference.sh first, or set FSRS_BINDING_DIR)"
fi
