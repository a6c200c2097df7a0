#!/bin/sh
# Search and look-up the way people type: K+ finds K⁺, Ca2+ finds Ca²⁺,
# alpha2 finds α2, "gaba a" and gabaa find GABA-A; a query that names a
# topic puts it first, a drug card before an explainer that mentions it.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"
fold="--no-default-packs --content $TEST_DATA_DIR/fold"

rx $fold search K+
expect_status "search K+ succeeds" 0
expect_in "K+ finds K⁺" "$out" "Summary: Zolbac opens GIRK K⁺ channels"
rx $fold search Ca2+
expect_in "Ca2+ finds Ca²⁺" "$out" "closes Ca²⁺ channels"
rx $fold search alpha2
expect_in "alpha2 finds α2" "$out" "Alphix (drug) [alphix]: 3 matches"
expect_in "alpha2 finds the α2 fact" "$out" "Facts: α2-adrenergic receptor"
rx $fold show a2
expect_status "the topic name a2 is not α2" 1
rx $fold search "gaba a"
expect_in '"gaba a" finds GABA A' "$out" "benzodiazepines at GABA A."
expect_in '"gaba a" finds GABA-A' "$out" "not the GABA-A receptor"
expect_not_in '"gaba a" is not "GABA as"' "$out" "Plain card"
rx $fold search gabaa
expect_in "gabaa finds GABA-A" "$out" "not the GABA-A receptor"
rx $fold search Cl-
expect_in "Cl- finds Cl⁻" "$out" "Chloride (Cl⁻) is not"
rx $fold search mu opioid
expect_in "mu opioid finds μ-opioid" "$out" "μ-opioid receptor"
rx $fold search cafe
expect_in "cafe finds café" "$out" "the café effect"

# Ranking: the named drug first, with counts; the explainer after it.
rx $fold search zolbac
first=$(printf '%s\n' "$out" | head -n 1)
expect_in "the drug card comes first" "$first" "Zolbac (drug) [zolbac]: 3 matches, the topic you named"
expect_in "the explainer follows with its count" "$out" "Is zolbac a benzo? (explainer) [why-zolbac]: 7 matches"
rx $fold search zolvex
expect_in "an alias names its card" "$(printf '%s\n' "$out" | head -n 1)" "Zolbac (drug) [zolbac]: 1 match, the topic you named"
rx $fold search zolbak
expect_status "a typo that names a topic is found" 0
expect_in "a typo names the closest topic" "$out" "Zolbac (drug) [zolbac]: the closest topic name"

# Look-up folds too: show, compare and the REPL.
rx $fold show "ZOLBAC-Ω"
expect_in "show by a folded alias" "$out" "Zolbac (drug)"
rx $fold show "zolbac omega"
expect_in "show by an alias with the letter's name" "$out" "Zolbac (drug)"
rx $fold show "is zolbac a benzo"
expect_in "show by title" "$out" "Is zolbac a benzo? (explainer)"
rx $fold compare zolvex "Alphix"
expect_status "compare by alias" 0
rx $fold show "zolbac omgea"
expect_in "did you mean folds" "$err" "did you mean 'zolbac'?"

# Long source URLs break after a slash, within the width.
rx $fold --width 60 show zolbac sources
expect_in "URL broken after a slash" "$out" "https://www.example.org/guidance/very-long-path/"
too_wide=$(printf '%s\n' "$out" | awk 'length($0) > 60' | head -n 3)
if [ -z "$too_wide" ]; then ok "sources stay within --width 60"; else not_ok "sources stay within --width 60" "$too_wide"; fi
done_testing
