#!/bin/sh
# rxplore fsrs fit|reset: fitting a review log (a simulated one from
# tests/fsrs/fit-tool, and bad ones), the report, --json, saving only when
# asked, and back to the defaults.
. "${TOP_SRCDIR:-.}/tests/cli/lib.sh"

tool=$(dirname "$(dirname "$RXPLORE")")/tests/fsrs/fit-tool
export TZ=UTC
header=card_id,review_time,review_rating,review_state,review_duration

rx fsrs
expect_status "fsrs without fit or reset is a usage error" 2
rx fsrs fit extra
expect_status "fsrs fit takes no argument" 2
rx --json list
expect_status "--json outside fsrs is a usage error" 2
expect_in "the usage error names the command" "$err" "go with the fsrs command"
rx fsrs fit --rollover 5
expect_status "--rollover without --log is a usage error" 2

"$tool" simulate 300 11 "$work/sim.csv" "$work/held.csv" 2>/dev/null ||
	not_ok "fit-tool simulates a history" "$tool failed"

rx fsrs fit --log "$work/sim.csv" --json
expect_status "fsrs fit --log --json succeeds" 0
expect_in "--json: one object with the parameters" "$out" '{"parameters": ['
expect_in "--json: the log loss" "$out" '"log_loss": '
expect_in "--json: the RMSE" "$out" '"rmse": '
expect_in "--json: not saved without --yes" "$out" '"saved": false}'
count=$(printf '%s\n' "$out" | sed 's/.*"parameters": \[\([^]]*\)\].*/\1/' | tr ',' '\n' | grep -c '[0-9]')
if [ "$count" -eq 21 ]; then ok "--json: 21 parameters"; else not_ok "--json: 21 parameters" "$count in: $out"; fi
first=$out
rx fsrs fit --log "$work/sim.csv" --json
if [ "$out" = "$first" ]; then ok "the same log gives the same bytes"; else
	not_ok "the same log gives the same bytes" "$first" "$out"; fi

rx fsrs fit --log "$work/sim.csv"
expect_status "fsrs fit --log succeeds" 0
expect_in "the report shows the parameters" "$out" "forgetting decay"
expect_in "the report shows the log loss before and after" "$out" "log loss"
expect_in "the report shows the RMSE" "$out" "RMSE(bins)"
expect_in "a full fit" "$out" "all 21 parameters fitted"
expect_in "not a terminal: not saved" "$out" "Not saved (not a terminal: add --yes to save)"
rx fsrs reset
expect_in "nothing was saved" "$out" "already uses the default"

rx fsrs fit --log "$work/sim.csv" --yes
expect_status "fsrs fit --yes succeeds" 0
expect_in "--yes saves" "$out" "Saved: the scheduler now uses these parameters"
if [ -f "$XDG_STATE_HOME/rxplore/progress.db" ]; then ok "the parameters live in the profile's database"; else
	not_ok "the parameters live in the profile's database" "no progress.db"; fi
rx fsrs reset
expect_status "fsrs reset succeeds" 0
expect_in "fsrs reset: back to the defaults" "$out" "Back to the default FSRS parameters"
rx fsrs reset
expect_in "a second reset has nothing to do" "$out" "already uses the default"
rx --profile ward fsrs fit --log "$work/sim.csv" --json --yes
expect_in "--json --yes saves into the profile" "$out" '"saved": true}'
if [ -f "$XDG_STATE_HOME/rxplore/progress-ward.db" ]; then ok "--profile picks the database"; else
	not_ok "--profile picks the database" "no progress-ward.db"; fi

# Bad rows: each located and skipped, the rest fitted, exit status 1.
{
	echo "$header"
	echo "a,1735732800000,3,0,5000"
	echo "a,1735732800000,3,0"
	echo "a,1735819200000,7,2,5000"
	echo "a,4102444800000,3,2,5000"
	printf 'a\377,1735819200000,3,2,5000\n'
	echo "a,1735905600000,3,2,5000"
} > "$work/bad.csv"
rx fsrs fit --log "$work/bad.csv"
expect_status "bad rows: exit status 1" 1
expect_in "a missing column is located" "$err" "bad.csv:3: error: missing column"
expect_in "a rating of 7 is located" "$err" "bad.csv:4: error: review_rating '7'"
expect_in "a time in the future is located" "$err" "bad.csv:5: error: review_time 4102444800000 is in the future"
expect_in "not UTF-8 is located" "$err" "bad.csv:6: error: not UTF-8"
expect_in "the good rows are still read" "$out" "Fitted to 2 reviews of 1 questions"
expect_in "too few reviews: the defaults" "$out" "too few reviews to fit"
expect_in "nothing fitted: nothing saved" "$out" "Not saved: nothing was fitted"

echo "card_id,review_time" > "$work/header.csv"
rx fsrs fit --log "$work/header.csv"
expect_status "a header without the columns fails" 1
expect_in "the header error is located" "$err" "header.csv:1: error: the header has no 'review_rating' column"
rx fsrs fit --log "$work/missing.csv"
expect_status "a missing file fails" 1
expect_in "a missing file is named" "$err" "missing.csv: error: cannot open"
rx fsrs fit --log "$work/sim.csv" --rollover 24
expect_status "--rollover 24 is a usage error" 2
rx fsrs fit --log "$work/sim.csv" --tz 5
expect_status "--tz 5 is a usage error" 2
rx fsrs fit --log "$work/sim.csv" --tz -05:00 --rollover 0 --json
expect_status "--tz -05:00 --rollover 0 is accepted" 0

# The profile's own (empty) log.
rx fsrs fit
expect_status "fsrs fit on an empty profile succeeds" 0
expect_in "an empty profile: too few reviews" "$out" "Too few reviews"

done_testing
