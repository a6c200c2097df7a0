#!/bin/sh
# The load-problems screen counts in words that agree with the number:
# "1 error, 0 warnings", never "1 errors" (issue 14).
. "$(dirname "$0")/lib.sh"
mkdir -p "$work/one-bad"
printf 'id: broken\ntitle: Broken\nkind: drug\n' >"$work/one-bad/broken.yaml"
start -- --content "$work/one-bad"
wait_for "failed to load"
keys !
wait_for "Problems met while loading"
expect_screen "Problems met while loading: 1 error, 0 warnings"
expect_not_screen "1 errors"
pass
