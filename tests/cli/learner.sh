# A scripted learner for the confusion tests (sourced by tests/cli/confusions.t
# and tests/tui/confusions.sh): on tests/data/confuse-pack it keeps answering
# baclofen's receptor question with "GABA-A".
#
# An exam's layout depends on its seed only, so a first run under another
# profile, answered "x" throughout, shows every question and its letters;
# learner_letters then picks the letter to type for each question.

# learner_probe RXPLORE PACKARGS...: sets $probe to the transcript of an
# exam of seed 1 on baclofen, under the profile "probe".
learner_probe() {
	rxplore=$1
	shift
	probe=$(printf 'x\nx\nx\nx\nx\nx\nx\nx\n' | "$rxplore" quiz --mode exam --seed 1 --profile probe \
		--topic baclofen "$@" 2>&1)
}

# learner_letters WANT ASK: one line per question of $probe, the letter of
# the choice WANT in the question ASK, else x.
learner_letters() {
	printf '%s\n' "$probe" | awk -v want="$1" -v ask="$2" '
	/^Question [0-9]+ of/ { if (q) print pick; q = 1; pick = "x"; getline; asked = $0; next }
	q && asked == ask && substr($0, 4, 1) == ")" && substr($0, 6) == want { pick = substr($0, 3, 1) }
	/^Exam over/ { if (q) print pick; q = 0 }'
}

# learner_gaba_a RXPLORE PACKARGS...: three exams, on 1, 2 and 3 November,
# answering baclofen's receptor question with the GABA-A choice.
learner_gaba_a() {
	rxplore=$1
	shift
	learner_probe "$rxplore" "$@"
	gaba_a=$(learner_letters "GABA-A receptor (benzodiazepine site)" "Which receptor does baclofen activate?")
	for day in 01 02 03; do
		printf '%s\n' "$gaba_a" | RXPLORE_NOW=2026-11-${day}T10:00:00 "$rxplore" quiz --mode exam --seed 1 \
			--topic baclofen "$@" >/dev/null 2>&1 || return 1
	done
}
