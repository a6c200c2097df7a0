#!/bin/sh
# README promises that rxplore never uses the network.  Keep it true: no
# networking call in the sources, and none imported by the binary or by the
# shared libraries it loads.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"

network='socket|connect|getaddrinfo|gethostbyname|gethostbyname2|getnameinfo|bind|listen|accept|accept4'
network="$network|sendto|recvfrom|sendmsg|recvmsg"

hits=$(cat "$TOP_SRCDIR"/src/*.c "$TOP_SRCDIR"/src/*.h "$TOP_SRCDIR"/src/ui/*.c "$TOP_SRCDIR"/src/ui/*.h \
	"$TOP_SRCDIR"/include/*.h | grep -nE "\\b($network)[[:space:]]*\\(|<(sys/socket|netdb|netinet/in|arpa/inet)\\.h>")
if [ -z "$hits" ]; then ok "the sources make no networking call"; else
	not_ok "the sources make no networking call" "$hits"; fi

if ! command -v nm >/dev/null 2>&1; then
	echo "ok 2 # SKIP nm is not installed: the binary's imports are NOT checked"
	tap_count=2
	done_testing
	exit
fi

# imports FILE: the dynamic symbols FILE needs from elsewhere, one a line.
imports() { nm -D --undefined-only "$1" 2>/dev/null | awk '{ sub(/@.*/, "", $NF); print $NF }'; }

names=$(imports "$RXPLORE")
if [ -z "$names" ]; then
	not_ok "nm reads the binary's imports" "nothing from nm -D --undefined-only $RXPLORE"
else
	ok "nm reads the binary's imports"
fi
hits=$(printf '%s\n' "$names" | grep -xE "$network")
if [ -z "$hits" ]; then ok "the binary imports no networking function"; else
	not_ok "the binary imports no networking function" "$hits"; fi

if command -v ldd >/dev/null 2>&1; then
	for lib in $(ldd "$RXPLORE" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }'); do
		case $lib in */libc.so*) continue ;; esac
		hits=$(imports "$lib" | grep -xE "$network")
		if [ -z "$hits" ]; then ok "$(basename "$lib") imports no networking function"; else
			not_ok "$(basename "$lib") imports no networking function" "$hits"; fi
	done
fi

done_testing
