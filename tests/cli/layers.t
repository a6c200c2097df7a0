#!/bin/sh
# The layer rules `make lint` enforces (build-aux/lint.sh --layers): on the
# source tree, no finding; on tests/data/layers, a tree that breaks each rule
# once beside look-alike lines that break none, exactly the lines marked BAD,
# each as file:line: layer: message.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
lint=$TOP_SRCDIR/build-aux/lint.sh
fixture=$TEST_DATA_DIR/layers

if ! command -v awk >/dev/null 2>&1; then
	echo "1..0 # SKIP awk is not installed: the layer rules are NOT checked"
	exit 0
fi

status=0
got=$(sh "$lint" --layers "$TOP_SRCDIR" 2>&1) || status=$?
if [ "$status" = 0 ]; then ok "the source tree keeps its layers"; else
	not_ok "the source tree keeps its layers" "$got"; fi

status=0
sh "$lint" --layers "$fixture" >"$work/findings" 2>&1 || status=$?
expect_status "findings fail the check" 1
found=$(sed -n 's/^\([^:]*:[0-9]*\): layer: .*/\1/p' "$work/findings" | sort)
wanted=$(cd "$fixture" && grep -rn 'BAD' src include | sed "s|^\([^:]*:[0-9]*\):.*|$fixture/\1|" | sort)
if [ "$found" = "$wanted" ]; then ok "exactly the lines marked BAD are reported"; else
	not_ok "exactly the lines marked BAD are reported" "reported: $found" "marked: $wanted"; fi
findings=$(cat "$work/findings")
expect_in "curses outside src/ui/" "$findings" "uses_curses.c:1: layer: curses (<curses.h>) belongs in src/ui/ only"
expect_in "libyaml outside the loader" "$findings" "uses_yaml.c:2: layer: libyaml (<yaml.h>) belongs in the loader"
expect_in "SQLite outside the progress store" "$findings" "uses_sqlite.c:2: layer: SQLite (<sqlite3.h>) belongs in the progress store"
expect_in "libedit outside src/cli/" "$findings" "uses_sqlite.c:3: layer: libedit (<editline/readline.h>) belongs in src/cli/ only"
expect_in "the core printing" "$findings" "printing.c:5: layer: the core never prints nor exits: printf()"
expect_in "the core exiting" "$findings" "printing.c:7: layer: the core never prints nor exits: exit()"
expect_in "the core writing to stderr" "$findings" "printing.c:6: layer: the core never writes to stdout or stderr"
expect_in "the core including a front-end header" "$findings" "reaches_up.c:1: layer: the core includes a front-end header (\"prompt_thing.h\")"
expect_in "the core including the UI's header" "$findings" "reaches_up.c:2: layer: the core includes a front-end header (\"ui.h\")"

done_testing
