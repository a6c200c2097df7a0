#!/bin/sh
# The session is saved at the end and restored at the next start: the marked
# topics, the card and its section, the comparison (on top when rxplore ended
# on it).  --profile keeps its own.  A damaged file is set aside with a
# message, never an error; topics that no longer load are dropped.
. "$(dirname "$0")/lib.sh"
TUI_KEEP_SESSION=1
file=$XDG_STATE_HOME/rxplore/session
restart() {
	tm kill-session -t "$session"
	start "$@"
}
start
wait_for "Is Zolpam a Ketazine?  explainer"
# Mark two topics (Escape test, X receptor), open Zolpam at its second section.
keys j Space
wait_for "Marked Escape test"
keys j Space
wait_for "2 marked"
keys G Enter
wait_for "Zolpam  drug"
keys l
sleep 0.3
keys q
wait_exit
[ -s "$file" ] || fail "no session file was written"
head -n 1 "$file" | grep -qx 'rxplore-session 1' || fail "not a session file: $(cat "$file")"
restart
wait_for "Zolpam  drug"
# The section, the marks (✓ in the list) and the highlight on the card.
screen | grep -q '^ *✓ Escape test' || fail "the mark on Escape test was not restored"
screen | grep -q '^ *✓ X receptor' || fail "the mark on X receptor was not restored"
section=$(screen | sed -n 3p)
case $section in *"[Summary]"*) fail "the section was not restored: $section" ;; esac
# c compares the two marked topics; quit while it is on screen (Ctrl-C).
keys c
wait_for "Comparison  2 topics"
keys C-c
wait_exit
grep -qx 'view compare' "$file" || fail "the open comparison was not saved: $(cat "$file")"
restart
wait_for "Comparison  2 topics"
keys Escape
wait_for "Zolpam  drug"
keys q
wait_exit

# Another profile starts afresh and keeps its own file.
restart -- --profile other
wait_for "Is Zolpam a Ketazine?  explainer"
expect_not_screen "✓"
keys q
wait_exit
[ -s "$XDG_STATE_HOME/rxplore/session-other" ] || fail "--profile other has no session file"

# A damaged file: a message, a fresh start, and rxplore runs on.
printf 'rxplore-session 1\nmark escape-test\nmark zolp' >"$file"
restart
wait_for "The saved session is damaged"
wait_for "Is Zolpam a Ketazine?  explainer"
expect_not_screen "✓"
keys q
wait_exit
[ "$status" = 0 ] || fail "exit status $status after a damaged session"

# A topic that no longer loads is dropped without a word.
printf 'rxplore-session 1\ncard gone-topic mechanism\nmark gone-topic\nmark zolpam\n' >"$file"
restart
wait_for "Is Zolpam a Ketazine?  explainer"
screen | grep -q '^ *✓ Zolpam' || fail "the mark on Zolpam was not restored"
expect_not_screen "saved session"
keys q
wait_exit
pass
