#!/bin/sh
# No cycle between the three libraries nor among the files' includes (issue
# 22): librxcore.a needs no symbol that librxui.a or librxcli.a defines,
# librxui.a none of librxcli.a's (the CLI starts the UI, never the reverse),
# and following `#include "..."` from any file under src/ and include/ never
# comes back to it.  Each check runs first on made-up input that breaks it,
# so a check that cannot fail would show.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
libs=$(dirname "$RXPLORE")

# reaches_up UNDEFINED DEFINED: the symbols both lists name (sorted inputs).
reaches_up() { comm -12 "$1" "$2"; }

# symbols KIND ARCHIVE: an archive's defined or undefined global symbols.
symbols() {
	nm -g "--$1-only" "$2" 2>/dev/null | awk 'NF >= 2 && $NF !~ /:$/ { print $NF }' | sort -u
}

# include_edges DIR: "file included" pairs (basenames: they are unique) for
# tsort, every file also paired with itself so that it appears.
include_edges() {
	find "$1" -name '*.[ch]' | while read -r f; do
		b=${f##*/}
		echo "$b $b"
		sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
			while read -r inc; do echo "$b ${inc##*/}"; done
	done
}

if ! command -v nm >/dev/null 2>&1; then
	skip_case "the libraries depend one way" "nm (binutils) is not installed: NOT checked"
elif [ ! -f "$libs/librxcore.a" ] || [ ! -f "$libs/librxui.a" ] || [ ! -f "$libs/librxcli.a" ]; then
	not_ok "the three libraries are built beside rxplore" "looked in $libs"
else
	printf 'ui_run\nyaml_parser_parse\n' >"$work/core.undefined"
	printf 'ui_draw\nui_run\n' >"$work/ui.defined"
	if [ "$(reaches_up "$work/core.undefined" "$work/ui.defined")" = ui_run ]; then
		ok "a core that calls into the UI is caught"; else
		not_ok "a core that calls into the UI is caught"; fi
	symbols undefined "$libs/librxcore.a" >"$work/core.undefined"
	symbols undefined "$libs/librxui.a" >"$work/ui.undefined"
	symbols defined "$libs/librxui.a" >"$work/ui.defined"
	symbols defined "$libs/librxcli.a" >"$work/cli.defined"
	symbols defined "$libs/librxcore.a" >"$work/core.defined"
	# Not vacuous: the UI does use the core, and the CLI starts the UI.
	expect_in "librxui.a uses librxcore.a" "$(reaches_up "$work/ui.undefined" "$work/core.defined")" "library_find"
	up=$(reaches_up "$work/core.undefined" "$work/ui.defined")
	if [ -z "$up" ]; then ok "librxcore.a needs nothing from librxui.a"; else
		not_ok "librxcore.a needs nothing from librxui.a" "$up"; fi
	up=$(reaches_up "$work/core.undefined" "$work/cli.defined")
	if [ -z "$up" ]; then ok "librxcore.a needs nothing from librxcli.a"; else
		not_ok "librxcore.a needs nothing from librxcli.a" "$up"; fi
	up=$(reaches_up "$work/ui.undefined" "$work/cli.defined")
	if [ -z "$up" ]; then ok "librxui.a needs nothing from librxcli.a"; else
		not_ok "librxui.a needs nothing from librxcli.a" "$up"; fi
fi

if ! command -v tsort >/dev/null 2>&1; then
	skip_case "no include cycle" "tsort (coreutils) is not installed: NOT checked"
else
	mkdir -p "$work/loop"
	printf '#include "b.h"\n' >"$work/loop/a.h"
	printf '#include "c.h"\n' >"$work/loop/b.h"
	printf '#include "a.h"\n' >"$work/loop/c.h"
	if include_edges "$work/loop" | tsort >/dev/null 2>&1; then
		not_ok "an include cycle is caught"; else ok "an include cycle is caught"; fi
	status=0
	include_edges "$TOP_SRCDIR/src" >"$work/edges"
	include_edges "$TOP_SRCDIR/include" >>"$work/edges"
	tsort "$work/edges" >/dev/null 2>"$work/loops" || status=$?
	if [ "$status" = 0 ]; then ok "no include cycle under src/ and include/"; else
		not_ok "no include cycle under src/ and include/" "$(cat "$work/loops")"; fi
fi

done_testing
