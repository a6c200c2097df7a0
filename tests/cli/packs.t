#!/bin/sh
# Packs stack: earlier folders override later ones by id, vocabularies merge,
# the first `start` wins, and the built-in pack is always there.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"

over=$work/over
mkdir -p "$over/cards"
cat >"$over/pack.yaml" <<'YAML'
format: 1
pack: override-fixture
version: "1"
facts:
  - key: extra
    label: Extra row
YAML
cat >"$over/cards/alphazine.yaml" <<'YAML'
id: alphazine
title: Alphazine (overridden)
kind: drug
summary: The stronger pack's copy.
facts:
  extra: from the override pack
YAML

rx packs --no-default-packs --content "$over" --content "$TEST_DATA_DIR/basic"
expect_status "packs exits 0" 0
expect_in "packs lists each pack with its version" "$out" "basic-fixture 2026.01: 3 cards"
expect_in "packs lists the overrides" "$out" "override: 'alphazine' from override-fixture replaces the copy in basic-fixture"

rx show alphazine --no-default-packs --content "$over" --content "$TEST_DATA_DIR/basic"
expect_in "the earlier pack's card wins" "$out" "Alphazine (overridden)"
expect_in "vocabularies merge" "$out" "Extra row: from the override pack"

rx --no-default-packs --content "$over" --content "$TEST_DATA_DIR/basic"
expect_in "start comes from the first pack that names one" "$(printf '%s\n' "$out" | head -n 1)" "Start here"

loose=$work/loose
mkdir -p "$loose"
printf 'id: loose-card\ntitle: Loose\nkind: concept\nsummary: No pack.yaml here.\n' >"$loose/loose-card.yaml"
rx show loose-card --no-default-packs --content "$loose"
expect_status "a folder without pack.yaml loads as loose cards" 0

rx list
expect_status "without --content the built-in pack loads" 0
expect_in "the built-in pack has the start card" "$out" "is-baclofen-a-benzo"
rx packs
expect_in "the built-in pack says where it came from" "$out" "(built in)"

mkdir -p "$XDG_DATA_HOME/rxplore/mine/cards"
cp "$over/pack.yaml" "$XDG_DATA_HOME/rxplore/mine/"
printf 'id: my-card\ntitle: Mine\nkind: concept\nsummary: A user pack.\n' >"$XDG_DATA_HOME/rxplore/mine/cards/my-card.yaml"
rx show my-card
expect_status "packs in \$XDG_DATA_HOME/rxplore/ load by default" 0
rx show my-card --no-default-packs --content "$TEST_DATA_DIR/basic"
expect_status "--no-default-packs leaves them out" 1

done_testing
