#!/bin/sh
# Regenerates the golden screens in this folder (tests/tui/golden/*.txt),
# which tests/tui/golden.sh compares with the real screens in `make check`.
#
#   tests/tui/golden/regen.sh [BUILD_DIR]      (default: ./build)
#
# It runs golden.sh with GOLDEN_REGEN set to this folder, so each screen is
# captured by the same steps and under the same pinned environment as the test;
# then it runs the test once more against the new files, which proves them
# stable.  Review `git diff tests/tui/golden` before committing: every changed
# line is a change users will see.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
build=${1:-$top/build}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
[ -x "$build/src/rxplore" ] || { echo "regen.sh: no rxplore in $build/src (build first)" >&2; exit 1; }
export RXPLORE="$build/src/rxplore" TEST_DATA_DIR="$top/tests/data"
rm -f "$here"/*.txt "$here"/sizes/*.txt
mkdir -p "$here/sizes"
GOLDEN_REGEN=$here sh "$top/tests/tui/golden.sh"
GOLDEN_REGEN=$here sh "$top/tests/tui/golden_sizes.sh"
sh "$top/tests/tui/golden.sh"
sh "$top/tests/tui/golden_sizes.sh"
