#!/bin/sh
# Fact vocabularies merge across every loaded pack, whatever the order
# (DESIGN §2): a card may use the keys of a pack loaded after it, such as the
# bundled one, and the first definition of a key still wins.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"

# A folder of loose cards that fills the bundled pack's `class` row.
loose=$work/loose
mkdir -p "$loose"
printf 'id: my-test-drug\nkind: drug\ntitle: Mytestdrug\nsummary: A test card.\nfacts:\n  class: Test\n' \
	>"$loose/mycard.yaml"
unknown="$loose/mycard.yaml:6:3: error: fact 'class' is not in any loaded pack's vocabulary"

rx --content "$loose" check
expect_status "a loose folder may use the bundled pack's keys" 0
expect_not_in "and gets no error for them" "$out" "not in the pack's vocabulary"
rx --content "$loose" show my-test-drug facts
expect_in "show finds the loose card with its fact" "$out" "Drug class: Test"
rx --content "$loose" compare my-test-drug baclofen --format tsv
expect_in "the fact fills the bundled comparison row" "$out" "$(printf 'Drug class\tTest\t')"

rx check "$loose"
expect_status "check LOOSE has the bundled keys too" 0
expect_in "and counts only its own cards" "$out" "1 card, 0 errors, 0 warnings"

rx --no-default-packs --content "$loose" check
expect_status "without the default packs the key is unknown" 1
expect_in "a located error" "$out" "$unknown"
rx check --no-default-packs "$loose"
expect_in "check --no-default-packs LOOSE: the same located error" "$out" "$unknown"

# A user pack defining a key, given after the loose folder that uses it.
mine=$work/mine
mkdir -p "$mine/cards"
cat >"$mine/pack.yaml" <<'YAML'
format: 1
pack: mine
facts:
  - key: extra
    label: Extra row
  - key: class
    label: My class
YAML
printf 'id: mine-card\ntitle: Mine\nkind: drug\nsummary: x\nfacts:\n  extra: mine\n' \
	>"$mine/cards/mine-card.yaml"
printf 'id: uses-extra\nkind: drug\ntitle: Uses extra\nsummary: x\nfacts:\n  extra: from the loose card\n' \
	>"$loose/uses-extra.yaml"

rx --no-default-packs --content "$loose" --content "$mine" check
expect_status "a loose folder given before a pack gets the pack's keys" 0
rx --no-default-packs --content "$loose" --content "$mine" show uses-extra facts
expect_in "and shows them" "$out" "Extra row: from the loose card"
rx check --no-default-packs "$loose" "$mine"
expect_status "check LOOSE PACK: the same" 0
expect_in "counting the cards of both" "$out" "3 cards, 0 errors"

# The first definition of a key wins: a later pack relabels nothing.
later=$work/later
mkdir -p "$later"
printf 'format: 1\npack: later\nfacts:\n  - key: extra\n    label: Later label\n' >"$later/pack.yaml"
rx --no-default-packs --content "$loose" --content "$mine" --content "$later" show uses-extra facts
expect_in "the first pack's label wins" "$out" "Extra row: from the loose card"
rx --content "$loose" --content "$mine" show my-test-drug facts
expect_in "over the bundled pack's too" "$out" "My class: Test"
rx --content "$loose" show my-test-drug facts
expect_in "and the bundled label stays without it" "$out" "Drug class: Test"

# check PATH takes the installed packs' vocabularies but not their cards.
inst=$XDG_DATA_HOME/rxplore/inst
mkdir -p "$inst/cards"
printf 'format: 1\npack: inst\nfacts:\n  - key: installed_key\n    label: Installed row\n' >"$inst/pack.yaml"
printf 'id: inst-card\ntitle: Inst\nkind: drug\nsummary: x\nfacts:\n  nonsense: 1\n' \
	>"$inst/cards/inst-card.yaml"
printf 'id: inst-good\ntitle: Good\nkind: drug\nsummary: x\nfacts:\n  installed_key: z\n' \
	>"$inst/cards/inst-good.yaml"
printf 'id: uses-installed\ntitle: UI\nkind: drug\nsummary: x\nfacts:\n  installed_key: y\n' \
	>"$work/uses-installed.yaml"
rx check "$work/uses-installed.yaml"
expect_status "check FILE has an installed pack's keys" 0
expect_in "without its cards or their errors" "$out" "1 card, 0 errors, 0 warnings"
rx packs
expect_in "packs still lists the installed pack with its card" "$out" "inst (no version): 1 card from"
rx check
expect_status "check with no path still reports the installed pack's bad card" 1
expect_in "located" "$out" "inst-card.yaml:6:3: error: fact 'nonsense'"

# A copy of the bundled pack being checked is that pack: the built-in copy's
# keys do not cover for a key it dropped.
copy=$work/copy
mkdir -p "$copy"
printf 'format: 1\npack: gaba-and-muscle-relaxants\nfacts:\n  - key: receptor\n    label: R\n' \
	>"$copy/pack.yaml"
cp "$loose/mycard.yaml" "$copy/"
rx check "$copy"
expect_status "checking a copy of the bundled pack uses its own vocabulary" 1
expect_in "so a key it dropped is an error" "$out" "$copy/mycard.yaml:6:3: error: fact 'class'"

done_testing
