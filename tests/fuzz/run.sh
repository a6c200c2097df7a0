#!/bin/sh
# Fuzzes the card loader, text cleaning, wrapping and line-mode rendering with
# libFuzzer (tests/fuzz/fuzz_loader.c), or the pack cache reader
# (tests/fuzz/fuzz_cache.c), under AddressSanitizer and UBSan.
#
#   tests/fuzz/run.sh [SECONDS]        build, then fuzz for SECONDS (default 60)
#   tests/fuzz/run.sh --build          build only; prints the harness's path
#   tests/fuzz/run.sh --replay DIR...  run each file (or folder of files) once
#   tests/fuzz/run.sh --afl [SECONDS]  the same harness under AFL++ (afl-fuzz)
#                                      instead of libFuzzer, built in build-afl/
#
# Environment:
#   FUZZ_BUILD_DIR  where to build (default: build-fuzz/ at the top of the tree)
#   FUZZ_CORPUS     keep the corpus in this folder (default: a temporary one,
#                   removed afterwards); it is seeded, never the source tree
#   FUZZ_JOBS       libFuzzer -jobs and -workers (default: one process, its log
#                   on stderr; with jobs, logs are fuzz-N.log in the corpus folder)
#   FUZZ_ARGS       more libFuzzer options
#   CC              the clang to use (default clang; with --afl, afl-clang-fast)
#   FUZZ_TARGET     loader (the default) or cache: which harness
#
# Seeds are copied from tests/data, content/, tests/fuzz/seeds and
# tests/data/fuzz-regress into the corpus folder.  A crash leaves its input
# in the corpus folder's artifacts/ and exits non-zero: once it is fixed, add
# it to tests/data/fuzz-regress/, which tests/unit/test_fuzz_regress replays.
set -eu

target=${FUZZ_TARGET:-loader}
case $target in
loader | cache) ;;
*) printf 'fuzz: FUZZ_TARGET is loader or cache, not %s\n' "$target" >&2; exit 2 ;;
esac
harness=fuzz_$target
top=$(cd "$(dirname "$0")/../.." && pwd)
afl=0
if [ "${1:-}" = --afl ]; then
	afl=1
	shift
fi
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
if [ $afl -eq 1 ]; then
	# afl-clang-fast instruments every object itself and, for
	# -fsanitize=fuzzer, links AFL++'s driver in place of libFuzzer's main.
	build=${FUZZ_BUILD_DIR:-$top/build-afl}
	cc=${CC:-afl-clang-fast}
	cflags="-g -O1 $san"
else
	build=${FUZZ_BUILD_DIR:-$top/build-fuzz}
	cc=${CC:-clang}
	# The project's objects get coverage hooks but no libFuzzer main, so that
	# configure's link tests still link; the harness alone brings the main.
	cflags="-g -O1 -fsanitize=fuzzer-no-link $san"
fi
warn="-Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror"

say() { printf 'fuzz: %s\n' "$*" >&2; }

command -v "$cc" >/dev/null 2>&1 || {
	if [ $afl -eq 1 ]; then
		say "$cc not found: install afl++ (Debian/Ubuntu), or set CC"
	else
		say "$cc not found: install clang and libclang-rt-dev (Debian/Ubuntu), or set CC"
	fi
	exit 2
}

build_harness() {
	if [ ! -x "$top/configure" ]; then
		say "bootstrapping autotools"
		(cd "$top" && autoreconf -fi)
	fi
	mkdir -p "$build"
	stamp="$build/fuzz-flags"
	if [ ! -f "$build/Makefile" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$cc $cflags" ] ||
		[ "$top/configure" -nt "$build/config.status" ]; then
		say "configuring $build"
		(cd "$build" && "$top/configure" --quiet CC="$cc" CFLAGS="$cflags" LDFLAGS="$san") >&2
		printf '%s\n' "$cc $cflags" >"$stamp"
	fi
	make -s -C "$build" -j2 src/librxcore.a src/librxcli.a >&2
	# shellcheck disable=SC2046,SC2086 # pkg-config prints a list of words
	"$cc" $cflags -fsanitize=fuzzer $warn -std=c11 -I"$top/include" -I"$top/src" -I"$top/src/cli" \
		-D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED -D_DEFAULT_SOURCE \
		$(pkg-config --cflags yaml-0.1 sqlite3) \
		"$top/tests/fuzz/$harness.c" "$build/src/librxcli.a" "$build/src/librxcore.a" \
		$(pkg-config --libs yaml-0.1 sqlite3) -lm -o "$build/$harness"
}

# The cache harness writes its own seeds: a cache file of each fixture pack
# (their bytes depend on the machine and the format version).
cache_seeds() {
	FUZZ_CACHE_SEEDS=$1
	FUZZ_CACHE_PACKS=$top/tests/data/basic:$top/tests/data/warn:$top/tests/data/compare:$top/tests/data/export-pack
	export FUZZ_CACHE_SEEDS FUZZ_CACHE_PACKS
	# A start for AFL++, which reads its seeds before the harness runs.
	printf 'RXPCACHE' >"$1/seed-magic"
}

# The corpus starts from every YAML file the project has: good cards, bad
# cards, packs, a settings file, odd YAML shapes, and past findings.
seed() {
	if [ "$target" = cache ]; then
		cache_seeds "$1"
		return 0
	fi
	find "$top/tests/data" "$top/content" -type f \( -name '*.yaml' -o -name '*.yml' \) -size -64k |
		while IFS= read -r f; do
			cp "$f" "$1/seed-$(printf '%s' "$f" | cksum | cut -d' ' -f1)"
		done
	for f in "$top/tests/fuzz/seeds"/*; do
		[ -f "$f" ] && cp "$f" "$1/seed-${f##*/}"
	done
	if [ -d "$top/tests/data/fuzz-regress" ]; then
		for f in "$top/tests/data/fuzz-regress"/*; do
			[ -f "$f" ] && cp "$f" "$1/regress-${f##*/}"
		done
	fi
	return 0
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# AFL++ keeps its queue, crashes and hangs under OUT/default/; a crash or a
# hang fails the run, like a libFuzzer artifact.
fuzz_with_afl() {
	out=${FUZZ_CORPUS:-$(mktemp -d "${TMPDIR:-/tmp}/rxplore-afl.XXXXXX")}
	mkdir -p "$out/seeds"
	# AFL++ wants small seeds: its queue replays each one for every mutation.
	seed "$out/seeds"
	find "$out/seeds" -type f -size +16k -delete
	say "AFL++ for ${1}s; seeds $(find "$out/seeds" -type f | wc -l), output $out"
	# A container rarely lets afl-fuzz tune the CPU governor or core_pattern;
	# neither changes what it finds.
	# afl-fuzz refuses sanitizers that symbolize (too slow per crash) or
	# exit instead of aborting (it would miss the crash).
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=0 \
	UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:symbolize=0 \
	AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 \
		afl-fuzz -i "$out/seeds" -o "$out" -V "$1" -x "$top/tests/fuzz/yaml.dict" -t 20000 -m none \
		-- "$build/$harness" >"$out/afl.log" 2>&1 || {
		tail -n 30 "$out/afl.log" >&2
		say "afl-fuzz failed; log in $out/afl.log"
		return 1
	}
	grep -E '^(execs_done|corpus_count|bitmap_cvg|saved_crashes|saved_hangs) ' "$out/default/fuzzer_stats" >&2 || true
	found=$(find "$out/default/crashes" "$out/default/hangs" -type f ! -name README.txt 2>/dev/null | wc -l)
	if [ "$found" -ne 0 ]; then
		say "FAILED: $found input(s) in $out/default/crashes and hangs"
		say "reproduce with: $build/$harness FILE; then keep FILE in tests/data/fuzz-regress/"
		return 1
	fi
	[ -n "${FUZZ_CORPUS:-}" ] || rm -rf "$out"
	say "no findings in ${1}s"
}

case ${1:-} in
--build)
	build_harness
	echo "$build/$harness"
	exit 0
	;;
--replay)
	shift
	build_harness
	exec "$build/$harness" -runs=0 "$@"
	;;
esac

seconds=${1:-60}
build_harness
if [ $afl -eq 1 ]; then
	fuzz_with_afl "$seconds"
	exit $?
fi
if [ -n "${FUZZ_CORPUS:-}" ]; then
	corpus=$FUZZ_CORPUS
	mkdir -p "$corpus"
	keep=1
else
	corpus=$(mktemp -d "${TMPDIR:-/tmp}/rxplore-fuzz.XXXXXX")
	keep=0
fi
mkdir -p "$corpus/artifacts"
seed "$corpus"
say "fuzzing for ${seconds}s; corpus $corpus ($(find "$corpus" -maxdepth 1 -type f | wc -l) files)"
jobs=
[ -n "${FUZZ_JOBS:-}" ] && jobs="-jobs=$FUZZ_JOBS -workers=$FUZZ_JOBS"
status=0
# Run from the corpus folder: libFuzzer's -jobs logs land there, not here.
# shellcheck disable=SC2086 # FUZZ_ARGS is a list of options
dict=
[ "$target" = loader ] && dict=-dict=$top/tests/fuzz/yaml.dict
# shellcheck disable=SC2086 # $dict is one option or none
(cd "$corpus" && "$build/$harness" -max_total_time="$seconds" $dict \
	-max_len=$([ "$target" = cache ] && echo 65536 || echo 16384) -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
	-artifact_prefix="$corpus/artifacts/" $jobs ${FUZZ_ARGS:-} "$corpus") || status=$?
if [ -n "$jobs" ]; then
	for log in "$corpus"/fuzz-*.log; do
		[ -f "$log" ] && tail -n 25 "$log"
	done
fi
if [ $status -ne 0 ] || [ -n "$(ls -A "$corpus/artifacts")" ]; then
	say "FAILED (status $status); the inputs that broke it:"
	ls -l "$corpus/artifacts" >&2
	say "reproduce with: $build/$harness FILE; then keep FILE in tests/data/fuzz-regress/"
	[ $keep -eq 1 ] || say "corpus kept at $corpus"
	exit 1
fi
[ $keep -eq 1 ] || rm -rf "$corpus"
say "no findings in ${seconds}s"
