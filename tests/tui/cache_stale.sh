#!/bin/sh
# The terminal interface paints from the pack cache before checking it
# (include/library_verify.h).  A card changed since the cache was written,
# keeping its size and time, shows once the check has run, with a message;
# so does a cache whose body was altered (its digest no longer matches) and
# one whose card bodies, read after the first frame, are damaged; a current
# cache reloads nothing; a cut-off cache is never fatal.
. "$(dirname "$0")/lib.sh"
TUI_PACK=$work/pack
cp -R "$TEST_DATA_DIR/tui-pack" "$TUI_PACK"
chmod -R u+w "$TUI_PACK"
"$RXPLORE" --no-default-packs --content "$TUI_PACK" list >/dev/null 2>&1 || fail "the cache was not written"
cache=$(find "$XDG_CACHE_HOME/rxplore/packs" -name '*.rxcache')
[ -n "$cache" ] || fail "no cache file"
reloaded="Cards changed on disk since the last start: reloaded"

# again: a fresh session for the next start.
again() {
	tm kill-server >/dev/null 2>&1
}

# in_cache FROM TO: replaces the bytes FROM (which must be there) with TO,
# of the same length, in the cache file (Python escapes: \0, \x01).
in_cache() {
	python3 - "$cache" "$1" "$2" <<'PY' || fail "could not change the cache"
import sys
path, old, new = sys.argv[1], sys.argv[2].encode().decode("unicode_escape").encode("latin-1"), \
	sys.argv[3].encode().decode("unicode_escape").encode("latin-1")
data = open(path, "rb").read()
assert old in data and len(old) == len(new)
open(path, "wb").write(data.replace(old, new))
PY
}

# start_and_quit TEXT...: starts, waits for each TEXT, quits cleanly; the
# screen stays readable until again.
start_and_quit() {
	again
	start
	for t in "$@"; do wait_for "$t"; done
	keys q
	wait_exit
	[ "$status" = 0 ] || fail "exit status $status"
}

# A current cache: painted from, checked, nothing reloaded.
start
wait_for "Ketazines"
sleep 1
expect_not_screen "changed on disk"
keys q
wait_exit

# The same size and time, another title: only the content digest tells.
card=$TUI_PACK/cards/ketazines.yaml
cp -p "$card" "$work/stamp"
sed 's/^title: Ketazines$/title: KETAZINES/' "$card" >"$work/card" && cat "$work/card" >"$card"
touch -r "$work/stamp" "$card"
[ "$(wc -c <"$card")" = "$(wc -c <"$work/stamp")" ] || fail "the edit changed the size"
start_and_quit "$reloaded" "KETAZINES"
expect_not_screen "Ketazines"
# The reload rewrote the cache: the next start has nothing to reload.
again
start
wait_for "KETAZINES"
sleep 1
expect_not_screen "changed on disk"
keys q
wait_exit

# A cache altered inside a string: every value still reads as text, so it
# is painted from, but its digest no longer matches and the check reloads.
in_cache 'KETAZINES\0' 'KETAZINEX\0'
start_and_quit "$reloaded" "KETAZINES"
expect_not_screen "KETAZINEX"

# A control character in a card's body (read after the first frame, not
# the start card's): the first frame shows, the bodies are refused, and the
# cards are loaded again the careful way, which rebuilds the cache.
in_cache 'invented sleeping tablet' 'invented\x01sleeping tablet'
start_and_quit "A pack cache could not be read: reloaded" "KETAZINES"
grep -q "invented sleeping tablet" "$cache" || fail "the damaged cache was not rebuilt"
again
start
wait_for "KETAZINES"
sleep 1
expect_not_screen "could not be read"
keys q
wait_exit

# A cache cut in half is refused before the first paint and rebuilt.
size=$(wc -c <"$cache")
head -c $((size / 2)) "$cache" >"$work/half" && cat "$work/half" >"$cache"
start_and_quit "KETAZINES"
expect_not_screen "changed on disk"
[ "$(wc -c <"$cache")" -gt $((size / 2)) ] || fail "the cut-off cache was not rebuilt"
pass
