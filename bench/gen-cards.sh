#!/bin/sh
# Writes a pack of N synthetic cards to DIR, each shaped like a real drug card
# (sections of prose, facts, quiz questions, sources: about 4 KB).
# Usage: gen-cards.sh N DIR
set -eu
n=$1
dir=$2
mkdir -p "$dir/cards"
cat >"$dir/pack.yaml" <<'YAML'
format: 1
pack: bench
version: "1"
facts:
  - key: receptor
    label: Receptor target
    ask: What is the target of {title}?
  - key: action
    label: Action
  - key: uses
    label: Main uses
    ask: What is {title} used for?
YAML
awk -v n="$n" -v dir="$dir" 'BEGIN {
	para = "This synthetic paragraph stands in for the explanation a real card gives: how the drug acts, " \
	       "what it is used for and what goes wrong, written in plain words over a few long lines so that " \
	       "loading and wrapping see realistic text.";
	for (i = 0; i < n; i++) {
		f = sprintf("%s/cards/card-%06d.yaml", dir, i);
		printf "id: card-%06d\ntitle: Synthetic card %d\nkind: drug\naliases: [Alias%d, Brand%d]\n", i, i, i, i > f;
		printf "summary: >-\n  Card %d exists to measure the loader. %s\n", i, para > f;
		printf "sections:\n" > f;
		split("mechanism uses side_effects dependence confusion", secs, " ");
		for (s = 1; s <= 5; s++)
			printf "  %s: |\n    %s\n    %s\n\n    %s\n", secs[s], para, para, para > f;
		printf "facts:\n  receptor: Receptor %d\n  action: Agonist\n  uses: Use number %d\n", i % 50, i % 70 > f;
		printf "related: [card-%06d]\n", (i + 1) % n > f;
		printf "quiz:\n" > f;
		for (q = 0; q < 5; q++)
			printf "  - id: card-%06d-q%d\n    ask: Question %d about card %d?\n    choices: [One, Two, Three, Four]\n    answer: Two\n    explain: Because two.\n    see: mechanism\n", i, q, q, i > f;
		printf "sources:\n  - title: Synthetic source\n    publisher: Nobody\nstatus: draft\n" > f;
		close(f);
	}
}'
