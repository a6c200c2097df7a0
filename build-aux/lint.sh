#!/bin/sh
# `make lint`: cppcheck and clang-tidy over src/ and include/; any finding
# fails.  Real findings get fixed; a false positive is suppressed where it
# occurs, with its reason (cppcheck-suppress ID ; why / NOLINT(check): why).
#
#   build-aux/lint.sh SRCDIR -- PREPROCESSOR-FLAGS...
#
# The flags are the build's own (DEFS, AM_CPPFLAGS and the libraries'
# cflags), so both tools see the code as the compiler does.  The checks
# clang-tidy runs, and those left out with the reason, are in SRCDIR/.clang-tidy.
#
#   build-aux/lint.sh --layers SRCDIR
#
# checks only the layer rules (build-aux/layers.awk: which library each
# layer may include; the core neither prints nor exits nor includes a
# front-end header); the full run checks them first.  tests/cli/layers.t
# runs it on the tree and on a fixture tree that breaks every rule.
set -u
layers_only=
if [ "${1:-}" = --layers ]; then
	layers_only=1
	shift
fi
srcdir=${1:?usage: lint.sh [--layers] SRCDIR -- FLAGS...}
shift
[ "${1:-}" = -- ] && shift

# layers: prints each finding as file:line: layer: message; false if any.
layers() {
	frontend=
	for h in "$srcdir"/src/cli/*.h "$srcdir"/src/ui/*.h "$srcdir"/include/ui.h; do
		[ -f "$h" ] && frontend="$frontend ${h##*/}"
	done
	set --
	for f in "$srcdir"/src/*.[ch] "$srcdir"/src/cli/*.[ch] "$srcdir"/src/ui/*.[ch] "$srcdir"/include/*.h; do
		[ -f "$f" ] && set -- "$@" "$f"
	done
	awk -v frontend="$frontend" -f "$(dirname "$0")/layers.awk" "$@"
}
if [ -n "$layers_only" ]; then
	if layers; then echo "lint: layers: no findings"; exit 0; fi
	exit 1
fi

missing=
command -v cppcheck >/dev/null 2>&1 || missing="$missing cppcheck"
command -v clang-tidy >/dev/null 2>&1 || missing="$missing clang-tidy"
if [ -n "$missing" ]; then
	echo "lint: not installed:$missing (Debian/Ubuntu: apt-get install$missing)" >&2
	exit 1
fi
sources=
for f in "$srcdir"/src/*.c "$srcdir"/src/cli/*.c "$srcdir"/src/ui/*.c; do
	sources="$sources $f"
done

status=0
echo "lint: layers (build-aux/layers.awk)"
layers || status=1
echo "lint: cppcheck $(cppcheck --version | sed 's/^Cppcheck //')"
# Suppressed everywhere, and why:
#   missingIncludeSystem  system headers are not given to cppcheck; its --library files describe them
#   variableScope         house style declares locals at the top of a block (the UI code); -Wshadow guards misuse
#   readdirCalled         asks for readdir_r, which glibc deprecates: readdir on a DIR * of our own is safe
# shellcheck disable=SC2086 # $sources is a list of file names without spaces
cppcheck --quiet --error-exitcode=1 --inline-suppr --std=c11 \
	--enable=warning,style,performance,portability --library=posix --library=sqlite3 \
	--suppress=missingIncludeSystem --suppress=variableScope --suppress=readdirCalled \
	--template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
	"$@" $sources || status=1

echo "lint: $(clang-tidy --version | grep -i 'version' | head -n 1 | sed 's/^ *//')"
# Two files at a time (the machines this runs on have two cores or more).
work=$(mktemp -d "${TMPDIR:-/tmp}/rxplore-lint.XXXXXX")
trap 'rm -rf "$work"' EXIT
# A lane runs clang-tidy on its files one after the other; findings are
# found afterwards in its output (a pipe would hide clang-tidy's status).
lane() {
	for f in "$@"; do
		# shellcheck disable=SC2086 # $flags is a list of words on purpose
		clang-tidy --quiet --config-file="$srcdir/.clang-tidy" "$f" -- -std=c11 $flags 2>&1 |
			grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$'
	done
}
# The flags again, as one string for the lanes: only PACKAGE_STRING and its
# kind hold spaces, and the code does not use them.
flags=
for a in "$@"; do
	case $a in -DPACKAGE_STRING=* | -DPACKAGE_NAME=* | -DPACKAGE_TARNAME=* | -DPACKAGE_BUGREPORT=* | -DPACKAGE_URL=*) continue ;; esac
	case $a in *' '*) continue ;; esac
	flags="$flags $a"
done
i=0 a= b=
for f in $sources; do
	if [ $((i % 2)) = 0 ]; then a="$a $f"; else b="$b $f"; fi
	i=$((i + 1))
done
# shellcheck disable=SC2086
lane $a >"$work/a" &
pa=$!
# shellcheck disable=SC2086
lane $b >"$work/b"
wait $pa
cat "$work/a" "$work/b"
if grep -q -E ': (warning|error): ' "$work/a" "$work/b"; then
	status=1
fi
[ $status = 0 ] && echo "lint: no findings"
exit $status
