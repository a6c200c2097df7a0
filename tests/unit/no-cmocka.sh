#!/bin/sh
# Stands in for the unit tests when cmocka is missing, so the skip is loud.
echo "SKIPPED: cmocka was not found at configure time, so no unit test was built." >&2
echo "Install it (Debian/Ubuntu: libcmocka-dev; Fedora: libcmocka-devel) and run configure again." >&2
exit 77
