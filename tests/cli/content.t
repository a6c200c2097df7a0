#!/bin/sh
# The bundled pack keeps the rules of doc/CONTENT.md: it passes `check --strict`,
# copies no sentence from the seed articles, gives every drug card its core
# sections and sources, marks every card's review state, words select-all
# questions the same way, and stays large enough to study from.
# CONTENT_DIR points the test at another copy of the pack (to see it fail).
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"

content=${CONTENT_DIR:-$TOP_SRCDIR/content}
MIN_CARDS=60
MIN_QUESTIONS=400
SEED_RUN=8
t_seeds="no $SEED_RUN-word run copied from the seed articles"
t_sections="drug cards: mechanism, uses, side_effects, dependence, safety; drug and class cards: two sources"
t_review="every card: status draft or reviewed (with reviewed_by), and a reviewed date"
t_select="select-all questions end with (Select all that apply.)"
t_size="at least $MIN_CARDS cards and $MIN_QUESTIONS authored questions"

rx check --strict --no-default-packs "$content"
expect_status "check --strict passes on the pack" 0

# The seeds live beside the repository, never inside it: /work/shared/seeds
# for the main checkout, one level further up for a worktree.
seeds=${RXPLORE_SEEDS:-}
if [ -z "$seeds" ]; then
	for d in "$TOP_SRCDIR/../shared/seeds" "$TOP_SRCDIR/../../shared/seeds"; do
		if [ -d "$d" ]; then seeds=$d; break; fi
	done
fi

rx --no-default-packs --content "$content" export --format json -o "$work/cards.json"
if [ "$status" -ne 0 ]; then
	not_ok "export the pack as JSON for the rule checks" "exit $status" "$err"
	done_testing
	exit
fi

if ! command -v python3 >/dev/null 2>&1; then
	for t in "$t_seeds" "$t_sections" "$t_review" "$t_select" "$t_size"; do
		skip_case "$t" "python3 is not installed: the check did NOT run"
	done
	done_testing
	exit
fi

# One problem per line into $work/problems.CASE; an empty file is a pass.
python3 - "$work/cards.json" "$work" "$MIN_CARDS" "$MIN_QUESTIONS" "$SEED_RUN" "$seeds" "$content" <<'PY'
import json, os, re, sys
cards_json, out, min_cards, min_questions, run, seeds, content = sys.argv[1:8]
min_cards, min_questions, run = int(min_cards), int(min_questions), int(run)
cards = json.load(open(cards_json, encoding="utf-8"))["cards"]
problems = {c: [] for c in ("seeds", "sections-sources", "review-state", "select-all-wording", "size")}

def words(text):
    text = re.sub(r"['’]", "", text.lower())
    return re.findall(r"\w+", text)

def runs(ws):
    return {" ".join(ws[i:i + run]) for i in range(len(ws) - run + 1)}

def card_texts(card):
    """Every piece of prose a learner reads, each on its own (sources are
    references, and the same standard titles may well appear in a seed)."""
    yield "title", card["title"]
    yield "summary", card.get("summary") or ""
    for name, text in (card.get("sections") or {}).items():
        if name != "diagram" and isinstance(text, str):
            yield "sections." + name, text
    for key, value in (card.get("facts") or {}).items():
        yield "facts." + key, value
    for case in card.get("quiz") or []:
        # A case vignette: its stem, and each of its parts as a question.
        for q in [case] + list(case.get("parts") or []):
            parts = [q.get("ask"), q.get("stem"), q.get("explain")] + list(q.get("choices") or [])
            answer = q.get("answer")
            parts += answer if isinstance(answer, list) else [answer]
            for p in parts:
                if isinstance(p, str):
                    yield "quiz." + q["id"], p

if seeds:
    seed_runs = set()
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt") and name != "README.txt":
            seed_runs |= runs(words(open(os.path.join(seeds, name), encoding="utf-8").read()))
    for card in cards:
        for where, text in card_texts(card):
            for r in sorted(runs(words(text)) & seed_runs):
                problems["seeds"].append(f"{card['id']} {where}: \"{r}\" is in a seed article")

DRUG_SECTIONS = ("mechanism", "uses", "side_effects", "dependence", "safety")
questions = 0
for card in cards:
    cid, kind = card["id"], card["kind"]
    if kind == "drug":
        missing = [s for s in DRUG_SECTIONS if not (card.get("sections") or {}).get(s)]
        if missing:
            problems["sections-sources"].append(f"{cid}: drug card without {', '.join(missing)}")
    if kind in ("drug", "class") and len(card.get("sources") or []) < 2:
        problems["sections-sources"].append(f"{cid}: {kind} card with fewer than two sources")
    status = card.get("status")
    if status not in ("draft", "reviewed"):
        problems["review-state"].append(f"{cid}: status {status!r}, wanted draft or reviewed")
    if status == "reviewed" and not card.get("reviewed_by"):
        problems["review-state"].append(f"{cid}: status reviewed without reviewed_by")
    if not card.get("reviewed"):
        problems["review-state"].append(f"{cid}: no reviewed: date")
    for q in card.get("quiz") or []:
        questions += 1
        for one in [q] + list(q.get("parts") or []):
            if one.get("type") == "multi" and not one["ask"].rstrip().endswith("(Select all that apply.)"):
                problems["select-all-wording"].append(f"{one['id']}: ask does not end with (Select all that apply.)")
# The loader reads a missing status as draft, so the files themselves must say it.
for root, _, files in os.walk(content):
    for name in sorted(files):
        if name.endswith(".yaml") and name != "pack.yaml":
            text = open(os.path.join(root, name), encoding="utf-8").read()
            if not re.search(r"^status: (draft|reviewed)\s*$", text, re.M):
                problems["review-state"].append(f"{name}: no 'status: draft' or 'status: reviewed' line")
if len(cards) < min_cards:
    problems["size"].append(f"{len(cards)} cards, wanted at least {min_cards}")
if questions < min_questions:
    problems["size"].append(f"{questions} authored questions, wanted at least {min_questions}")

for case, lines in problems.items():
    with open(os.path.join(out, "problems." + case), "w", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in lines)
PY

# report_case NAME CASE: passes when the script found nothing for CASE.
report_case() {
	if [ ! -f "$work/problems.$2" ]; then
		not_ok "$1" "the rule script did not run"
	elif [ -s "$work/problems.$2" ]; then
		not_ok "$1" "$(head -n 20 "$work/problems.$2")"
	else
		ok "$1"
	fi
}

if [ -n "$seeds" ]; then
	report_case "$t_seeds" seeds
else
	skip_case "$t_seeds" "seed articles not found (set RXPLORE_SEEDS): the check did NOT run"
fi
report_case "$t_sections" sections-sources
report_case "$t_review" review-state
report_case "$t_select" select-all-wording
report_case "$t_size" size
done_testing
