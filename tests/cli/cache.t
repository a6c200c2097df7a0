#!/bin/sh
# The pack cache: written on the first load, used while the pack is unchanged,
# rebuilt when a card changes (even keeping its size and time), when the file
# is truncated, of another format version or another pack's; --no-cache and
# `cache clear`; two rxplore starting at once on a cold cache.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"

export XDG_CACHE_HOME=$work/cache
packs=$XDG_CACHE_HOME/rxplore/packs
pack=$work/pack
cp -R "$TEST_DATA_DIR/basic" "$pack"
chmod -R u+w "$pack"
other=$work/other
cp -R "$TEST_DATA_DIR/basic" "$other"
chmod -R u+w "$other"
cache_files() { find "$packs" -name '*.rxcache' 2>/dev/null | wc -l | tr -d ' '; }
show() { rx show alphazine summary --no-default-packs --content "$pack" "$@"; }

rx list --no-cache --no-default-packs --content "$pack"
expect_status "--no-cache loads" 0
expect_in "--no-cache writes no cache" "$(cache_files)" "0"
parsed=$out

rx list --no-default-packs --content "$pack"
expect_in "the first load writes one cache file" "$(cache_files)" "1"
file=$(find "$packs" -name '*.rxcache')
if [ "$out" = "$parsed" ]; then ok "a cold load lists what a parse lists"; else
	not_ok "a cold load lists what a parse lists" "$out" "$parsed"; fi
before=$(ls -i "$file")
rx list --no-default-packs --content "$pack"
if [ "$out" = "$parsed" ]; then ok "a warm load lists what a parse lists"; else
	not_ok "a warm load lists what a parse lists" "$out" "$parsed"; fi
expect_in "a current cache is used, not rewritten" "$(ls -i "$file")" "$before"

rx export --format json --no-cache --no-default-packs --content "$pack"
json=$out
rx export --format json --no-default-packs --content "$pack"
if [ "$out" = "$json" ]; then ok "every field survives the cache (export json)"; else
	not_ok "every field survives the cache (export json)"; fi

# The same size and modification time, another summary: only the content
# digest can tell.
card=$pack/cards/betamol.yaml
cp -p "$card" "$work/stamp"
size_before=$(wc -c <"$card")
sed 's/not alpha/NOT ALPHA/' "$card" >"$work/card" && cat "$work/card" >"$card"
touch -r "$work/stamp" "$card"
expect_in "the edit keeps the size" "$(wc -c <"$card")" "$size_before"
expect_in "the edit keeps the time, to the nanosecond" "$(stat -c %y "$card")" "$(stat -c %y "$work/stamp")"
rx show betamol summary --no-default-packs --content "$pack"
expect_in "a card changed with the same size and time is seen" "$out" "NOT ALPHA"
expect_not_in "the stale cache is not used" "$(ls -i "$file")" "$before"

printf 'id: gammacil\ntitle: Gammacil\nkind: drug\nsummary: New.\n' >"$pack/cards/gammacil.yaml"
rx show gammacil --no-default-packs --content "$pack"
expect_in "a new card file is seen" "$out" "Gammacil"

size=$(wc -c <"$file")
head -c $((size / 2)) "$file" >"$work/half" && cat "$work/half" >"$file"
show
expect_status "a truncated cache is not fatal" 0
expect_in "a truncated cache is not used" "$out" "Alphazine"
expect_in "a truncated cache is rebuilt" "$(wc -c <"$file" | tr -d ' ')" "$size"

# The format version is the four bytes after the eight of the magic.
version=$(od -An -tu1 -j8 -N1 "$file" | tr -d ' ')
printf '\377' | dd of="$file" bs=1 seek=8 conv=notrunc 2>/dev/null
show
expect_in "a cache of another format version is not used" "$out" "Alphazine"
expect_in "a cache of another format version is rebuilt" "$(od -An -tu1 -j8 -N1 "$file" | tr -d ' ')" "$version"

rx list --no-default-packs --content "$other"
other_file=$(find "$packs" -name '*.rxcache' ! -path "$file")
cp "$other_file" "$file"
show
expect_in "another pack's cache is not used" "$out" "Alphazine"
if cmp -s "$file" "$other_file"; then not_ok "another pack's cache is rebuilt"; else
	ok "another pack's cache is rebuilt"; fi

printf 'not a cache' >"$file"
show
expect_status "a file that is no cache at all is not fatal" 0

rx cache clear
expect_status "cache clear exits 0" 0
expect_in "cache clear says what it removed" "$out" "removed 2 pack cache files"
expect_in "cache clear empties the folder" "$(cache_files)" "0"
rx cache clear
expect_in "cache clear of an empty cache" "$out" "removed 0 pack cache files"
rx cache
expect_status "cache without a word is a usage error" 2
rx cache flush
expect_status "cache with another word is a usage error" 2

# Two at once on a cold cache, a few times over: both load every card.
big=$work/big
mkdir -p "$big/cards"
i=0
while [ $i -lt 300 ]; do
	printf 'id: card-%d\ntitle: Card %d\nkind: concept\nsummary: Number %d.\n' $i $i $i >"$big/cards/c$i.yaml"
	i=$((i + 1))
done
round=0
both=ok
while [ $round -lt 5 ]; do
	rm -rf "$packs"
	"$RXPLORE" list --no-default-packs --content "$big" >"$work/a" 2>&1 </dev/null &
	first=$!
	"$RXPLORE" list --no-default-packs --content "$big" >"$work/b" 2>&1 </dev/null || both="second failed"
	wait $first || both="first failed"
	[ "$(grep -c 'card-' "$work/a")" = 300 ] || both="first listed $(grep -c 'card-' "$work/a") cards"
	[ "$(grep -c 'card-' "$work/b")" = 300 ] || both="second listed $(grep -c 'card-' "$work/b") cards"
	round=$((round + 1))
done
if [ "$both" = ok ]; then ok "two rxplore at once on a cold cache both work"; else
	not_ok "two rxplore at once on a cold cache both work" "$both"; fi
rx list --no-default-packs --content "$big"
expect_in "and leave one good cache behind" "$(cache_files)" "1"
expect_not_in "no temporary file is left" "$(ls "$packs")" ".rxcache."

done_testing
