# The layer rules of rxplore (DESIGN §1), run by build-aux/lint.sh: which
# library each layer may include, that the core (flat src/ and include/)
# neither prints nor exits, and that it includes no front-end header.
# Input: the files to check; -v frontend="name.h ..." lists the front-ends'
# header names (src/cli/*.h, src/ui/*.h, include/ui.h).  Output: one
# "file:line: layer: message" a finding.  Comments and string literals are
# blanked first, so words in them do not count.
function layer(path) {
	if (path ~ /(^|\/)src\/ui\//) return "ui"
	if (path ~ /(^|\/)src\/cli\//) return "cli"
	if (path ~ /(^|\/)include\/ui\.h$/) return "ui"
	return "core"
}
function report(msg) {
	printf "%s:%d: layer: %s\n", FILENAME, FNR, msg
	findings++
}
FNR == 1 { in_comment = 0; here = layer(FILENAME); base = FILENAME; sub(/.*\//, "", base) }
{
	line = $0
	# Blank what a comment or a string holds (one line at a time; a
	# comment may span lines).
	out = ""
	while (line != "") {
		if (in_comment) {
			end = index(line, "*/")
			if (!end) { line = ""; break }
			line = substr(line, end + 2)
			in_comment = 0
			continue
		}
		if (match(line, /\/\*|\/\/|"([^"\\]|\\.)*"|'([^'\\]|\\.)*'/)) {
			token = substr(line, RSTART, RLENGTH)
			out = out substr(line, 1, RSTART - 1)
			line = substr(line, RSTART + RLENGTH)
			if (token == "//") { line = ""; break }
			if (token == "/*") { in_comment = 1; continue }
			# An #include "name" keeps its name; other strings are blanked.
			out = out (out ~ /^[ \t]*#[ \t]*include[ \t]*$/ ? token : "\"\"")
			continue
		}
		out = out line
		line = ""
	}
	if (match(out, /^[ \t]*#[ \t]*include[ \t]*[<"][^>"]+[>"]/)) {
		name = out
		sub(/^[ \t]*#[ \t]*include[ \t]*[<"]/, "", name)
		sub(/[>"].*/, "", name)
		if (name ~ /^(n?cursesw?\.h|ncursesw?\/.*|term\.h|panel\.h|menu\.h|form\.h)$/ && here != "ui")
			report("curses (<" name ">) belongs in src/ui/ only")
		if (name == "yaml.h" && FILENAME !~ /(^|\/)src\/loader[^\/]*$/)
			report("libyaml (<" name ">) belongs in the loader (src/loader*.c) only")
		if (name == "sqlite3.h" && FILENAME !~ /(^|\/)src\/progress[^\/]*$/)
			report("SQLite (<" name ">) belongs in the progress store (src/progress*) only")
		if (name ~ /^(histedit\.h|editline\/.*|readline\/.*)$/ && here != "cli")
			report("libedit (<" name ">) belongs in src/cli/ only")
		short = name
		sub(/.*\//, "", short)
		if (here == "core" && out ~ /include[ \t]*"/ &&
		    (name ~ /^(cli|ui)\// || index(" " frontend " ", " " short " ")))
			report("the core includes a front-end header (\"" name "\")")
	}
	if (here == "core") {
		if (match(out, /(^|[^A-Za-z0-9_.>])(printf|vprintf|puts|putchar|perror|exit|_exit|_Exit|quick_exit|abort)[ \t]*\(/)) {
			call = substr(out, RSTART, RLENGTH)
			sub(/^[^A-Za-z_]*/, "", call)
			sub(/[ \t]*\($/, "", call)
			report("the core never prints nor exits: " call "() (return the error as a value)")
		}
		if (match(out, /(^|[^A-Za-z0-9_])(stdout|stderr)([^A-Za-z0-9_]|$)/))
			report("the core never writes to stdout or stderr (take a FILE * or return lines)")
	}
}
END { exit findings > 0 }
