#!/bin/sh
# Line coverage of the loader, schema and text code from replaying a corpus
# through the fuzz harness, with clang's source-based coverage.
#
#   tests/fuzz/coverage.sh CORPUS_DIR...    e.g. the FUZZ_CORPUS of a long run
#
# Builds (without sanitizers) into FUZZ_COVERAGE_DIR (default build-fuzz-cov/
# at the top of the tree), runs every input once, and prints llvm-cov's report
# for src/loader.c, src/packs.c, src/schema.c, src/text.c and src/text_wrap.c.
# LLVM_COV and LLVM_PROFDATA name the tools when they carry a version suffix.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_COVERAGE_DIR:-$top/build-fuzz-cov}
cc=${CC:-clang}
cov=${LLVM_COV:-llvm-cov}
profdata=${LLVM_PROFDATA:-llvm-profdata}
flags="-g -O0 -fprofile-instr-generate -fcoverage-mapping"
[ $# -gt 0 ] || { echo "usage: $0 CORPUS_DIR..." >&2; exit 2; }

[ -x "$top/configure" ] || (cd "$top" && autoreconf -fi)
mkdir -p "$build"
if [ ! -f "$build/Makefile" ]; then
	(cd "$build" && "$top/configure" --quiet CC="$cc" CFLAGS="$flags" LDFLAGS="$flags") >&2
fi
make -s -C "$build" -j2 src/librxcore.a src/librxcli.a >&2
# shellcheck disable=SC2046 # pkg-config prints a list of words
"$cc" $flags -fsanitize=fuzzer -std=c11 -I"$top/include" -I"$top/src" -I"$top/src/cli" \
	-D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED -D_DEFAULT_SOURCE \
	"$top/tests/fuzz/fuzz_loader.c" "$build/src/librxcli.a" "$build/src/librxcore.a" \
	$(pkg-config --libs yaml-0.1 sqlite3) -lm -o "$build/fuzz_loader_cov"

rm -f "$build"/*.profraw
# libFuzzer's -runs=0 runs each input once; %m keeps one profile per binary.
LLVM_PROFILE_FILE="$build/replay-%m.profraw" "$build/fuzz_loader_cov" -runs=0 "$@" 2>"$build/replay.log" ||
	{ tail -n 20 "$build/replay.log" >&2; exit 1; }
"$profdata" merge -sparse "$build"/replay-*.profraw -o "$build/replay.profdata"
"$cov" report "$build/fuzz_loader_cov" -instr-profile="$build/replay.profdata" \
	"$top/src/loader.c" "$top/src/packs.c" "$top/src/schema.c" "$top/src/text.c" "$top/src/text_wrap.c"
