#!/usr/bin/env bash
# rxplore's one-stop build script.
#
#   ./build.sh run [ARGS...]   install what is missing, build, start rxplore on the bundled content
#   ./build.sh check           the same, then every test; the last line is "N passed, N failed"
#   ./build.sh build           install what is missing and build, nothing more
#
# It builds out of tree in ./build (BUILD_DIR overrides) and passes CONFIGURE_FLAGS to ./configure.
# On Debian/Ubuntu it installs missing packages with apt-get (as root, or through sudo); elsewhere it
# names what to install.
set -euo pipefail

cd "$(dirname "$0")"
top=$PWD
build_dir=${BUILD_DIR:-$top/build}
action=${1:-run}
[ $# -gt 0 ] && shift

build_packages=(gcc make autoconf automake pkg-config libncurses-dev libyaml-dev libsqlite3-dev libedit-dev)
test_packages=(libcmocka-dev tmux python3 mandoc sqlite3)

say() { printf 'build.sh: %s\n' "$*" >&2; }

missing_packages() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s\n' "$p"
	done
}

install_packages() {
	command -v dpkg-query >/dev/null 2>&1 || {
		say "not a Debian-like system: make sure these (or your system's equivalents) are installed: $*"
		return 0
	}
	local missing
	mapfile -t missing < <(missing_packages "$@")
	[ ${#missing[@]} -eq 0 ] && return 0
	local cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
	local sudo=()
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
			sudo=(sudo)
		elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
			sudo=(sudo)
		else
			say "missing packages: ${missing[*]}"
			say "install them with:  sudo apt-get update && sudo ${cmd[*]}"
			exit 1
		fi
	fi
	say "installing: ${missing[*]}"
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive "${cmd[@]}" -qq
}

configure_and_build() {
	if [ ! -x "$top/configure" ] || [ "$top/configure.ac" -nt "$top/configure" ] ||
		[ "$top/Makefile.am" -nt "$top/Makefile.in" ]; then
		say "bootstrapping autotools"
		(cd "$top" && autoreconf -fi)
	fi
	mkdir -p "$build_dir"
	if [ ! -f "$build_dir/Makefile" ] || [ "$top/configure" -nt "$build_dir/config.status" ]; then
		# shellcheck disable=SC2086 # CONFIGURE_FLAGS is a list of words on purpose
		(cd "$build_dir" && "$top/configure" ${CONFIGURE_FLAGS:-})
	fi
	make -C "$build_dir" -j"$(nproc 2>/dev/null || echo 2)"
}

# Counts test cases from automake's .trs files: every TAP line is a case.
summarise() {
	local pass=0 fail=0 skip=0 trs
	while IFS= read -r -d '' trs; do
		while IFS= read -r line; do
			case $line in
			':test-result: PASS'* | ':test-result: XFAIL'*) pass=$((pass + 1)) ;;
			':test-result: FAIL'* | ':test-result: XPASS'* | ':test-result: ERROR'*) fail=$((fail + 1)) ;;
			':test-result: SKIP'*) skip=$((skip + 1)) ;;
			esac
		done <"$trs"
	done < <(find "$1" -name '*.trs' -print0)
	# Skips (tests that cannot run here, such as permission checks as root)
	# are said first, so the last line stays the promised "N passed, N failed".
	echo "$skip skipped"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

case $action in
run)
	install_packages "${build_packages[@]}"
	configure_and_build
	exec "$build_dir/src/rxplore" "$@"
	;;
build)
	install_packages "${build_packages[@]}"
	configure_and_build
	;;
check)
	install_packages "${build_packages[@]}" "${test_packages[@]}"
	configure_and_build
	find "$build_dir" -name '*.trs' -delete
	status=0
	# Twice as many tests as cores at once: the screen tests spend most of
	# their time polling tmux in 0.1 s sleeps, not on the CPU.
	make -C "$build_dir" -j"$((2 * $(nproc 2>/dev/null || echo 2)))" check || status=$?
	if [ $status -ne 0 ]; then
		say "failing tests (logs under $build_dir):"
		grep -rl --include='*.trs' -E ':test-result: (FAIL|ERROR|XPASS)' "$build_dir" |
			while read -r trs; do
				log=${trs%.trs}.log
				echo "---- ${log#"$build_dir"/}"
				grep -E '^(not ok|# )' "$log" | head -n 40 || tail -n 40 "$log"
			done || true
	fi
	summarise "$build_dir" || status=1
	exit $status
	;;
*)
	say "unknown action '$action' (use run, check or build)"
	exit 2
	;;
esac
