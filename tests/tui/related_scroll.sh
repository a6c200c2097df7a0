#!/bin/sh
# A card with more related topics than its Related box shows (issue 14):
# Tab never selects a link that is off screen; the box moves to show it,
# says that rows are hidden above ("…more:"), and Enter opens what is seen.
. "$(dirname "$0")/lib.sh"
pack="$work/many-links"
mkdir -p "$pack"
links=
for i in 01 02 03 04 05 06 07 08 09 10 11 12 13 14; do
	links="$links${links:+, }topic-$i"
	printf 'id: topic-%s\ntitle: Related topic number %s\nkind: concept\nsummary: Topic %s.\n' "$i" "$i" "$i" \
		>"$pack/topic-$i.yaml"
done
printf 'id: hub\ntitle: Hub\nkind: concept\nsummary: A card with many links.\nrelated: [%s]\n' "$links" \
	>"$pack/hub.yaml"
TUI_PACK=$pack TUI_COLS=60 TUI_ROWS=20
start
wait_for "Hub"
keys Enter
wait_for "Related:"
expect_not_screen "number 14"
# After Enter the card has the keys: each Tab selects the next link.
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
wait_for "Related topic number 14"
expect_screen "more:"
keys Enter
wait_for "Topic 14."
pass
