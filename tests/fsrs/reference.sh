#!/bin/sh
# The optimizer against its reference, fsrs-rs (the npm package
# @open-spaced-repetition/binding): on a simulated history of several thousand
# reviews, split into training and held-out cards, rxplore's fitted parameters
# must predict the held-out reviews with a log loss within 1% of fsrs-rs's.
# Both parameter sets are scored by fsrs-rs's own evaluation (and by rxplore's).
#
# Needs Node.js 20 or newer and npm; the package is installed by npm into
# tests/fsrs/npm under the build folder (FSRS_BINDING_DIR overrides) when
# absent.  Without them the test is SKIPPED (exit 77), saying why.
set -u

builddir=$(cd "$(dirname "${RXPLORE:?RXPLORE must name the built rxplore}")/.." && pwd)
srcdir=${TOP_SRCDIR:-.}
tool=$builddir/tests/fsrs/fit-tool
work=$builddir/tests/fsrs/reference.work
binding=${FSRS_BINDING_DIR:-$builddir/tests/fsrs/npm}
package=@open-spaced-repetition/binding@0.5.0

skip() { echo "SKIP: $*" >&2; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }

command -v node >/dev/null 2>&1 || skip "node is not installed: rxplore's optimizer is NOT compared with fsrs-rs (install Node.js 20 or newer and npm)"
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) || major=0
[ "$major" -ge 20 ] 2>/dev/null || skip "node $(node --version 2>/dev/null) is older than 20: the fsrs-rs binding cannot run; the optimizer is NOT compared with fsrs-rs"
if [ ! -d "$binding/node_modules/@open-spaced-repetition/binding" ]; then
	command -v npm >/dev/null 2>&1 || skip "npm is not installed: cannot fetch $package; the optimizer is NOT compared with fsrs-rs"
	mkdir -p "$binding"
	echo "installing $package into $binding" >&2
	npm install --prefix "$binding" --no-audit --no-fund --no-save --loglevel=error "$package" >&2 ||
		skip "npm could not install $package (offline?): the optimizer is NOT compared with fsrs-rs"
fi
export FSRS_BINDING_DIR="$binding"
[ -x "$tool" ] || fail "$tool is not built"

rm -rf "$work" && mkdir -p "$work" || fail "cannot make $work"
"$tool" simulate 1600 2026 "$work/train.csv" "$work/heldout.csv" || fail "the simulation failed"
reviews=$(($(wc -l < "$work/train.csv") - 1))
[ "$reviews" -ge 3000 ] || fail "only $reviews simulated training reviews"

rx=$("$tool" fit "$work/train.csv") || fail "rxplore's fit failed"
rx_again=$("$tool" fit "$work/train.csv" 2>/dev/null)
[ "$rx" = "$rx_again" ] || fail "two fits of the same history differ: $rx / $rx_again"
rs=$(node "$srcdir/tests/fsrs/reference.mjs" fit "$work/train.csv") || fail "fsrs-rs's fit failed"

score() { node "$srcdir/tests/fsrs/reference.mjs" evaluate "$work/heldout.csv" "$1"; }
rx_score=$(score "$rx") || fail "fsrs-rs could not evaluate rxplore's parameters"
rs_score=$(score "$rs") || fail "fsrs-rs could not evaluate its parameters"
rx_own=$("$tool" evaluate "$work/heldout.csv" "$rx") || fail "rxplore could not evaluate its parameters"
rs_own=$("$tool" evaluate "$work/heldout.csv" "$rs") || fail "rxplore could not evaluate fsrs-rs's parameters"

echo "training reviews: $reviews"
echo "rxplore parameters: $rx"
echo "fsrs-rs parameters: $rs"
echo "held-out log loss and RMSE(bins), scored by fsrs-rs: rxplore $rx_score, fsrs-rs $rs_score"
echo "held-out log loss and RMSE(bins), scored by rxplore: rxplore $rx_own, fsrs-rs $rs_own"

# Within 1%: rxplore's held-out log loss <= 1.01 x fsrs-rs's, by either judge.
awk -v a="${rx_score%% *}" -v b="${rs_score%% *}" -v c="${rx_own%% *}" -v d="${rs_own%% *}" 'BEGIN {
	if (a <= 1.01 * b && c <= 1.01 * d) exit 0
	printf "rxplore held-out log loss %s (rxplore: %s) is not within 1%% of fsrs-rs %s (rxplore: %s)\n", a, c, b, d
	exit 1 }' >&2 || fail "rxplore's parameters predict the held-out reviews worse than fsrs-rs's"
rm -rf "$work"
echo "PASS: rxplore's fit is within 1% of fsrs-rs's on held-out reviews"
