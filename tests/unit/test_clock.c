/* Unit tests for clock: RXPLORE_NOW parsing, study days with a rollover hour, DST stability. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"

#define HOUR 3600
#define DAY_20261121 20778L	/* 2026-11-21 as days since 1970-01-01 */
#define UTC_20261121_0930 ((time_t)1795253400)

static void use_zone(const char *zone)
{
	setenv("TZ", zone, 1);
	tzset();
}

/* A missing zone would silently become UTC and the DST tests would pass without testing anything.
 * Callers return instead of calling cmocka's skip(): cmocka 1.1.5 prints a skip as "not ok # SKIP",
 * which automake's tap-driver counts as a failure. */
static bool zone_available(const char *zone)
{
	char path[256];

	snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", zone);
	if (access(path, R_OK) == 0)
		return true;
	print_message("# SKIP: %s not found (install tzdata to run the DST tests)\n", path);
	return false;
}

static int reset_environment(void **unused)
{
	(void)unused;
	unsetenv("RXPLORE_NOW");
	unsetenv("RXPLORE_CLOCK_SPEED");
	use_zone("UTC");
	return 0;
}

static time_t parsed(const char *text)
{
	time_t t = 0;

	assert_true(clock_parse(text, &t));
	return t;
}

static void test_parse_epoch_seconds(void **unused)
{
	(void)unused;
	assert_int_equal(parsed("1795000000"), 1795000000);
	assert_int_equal(parsed("0"), 0);
	assert_int_equal(parsed("-86400"), -86400);
}

static void test_parse_local_iso(void **unused)
{
	(void)unused;
	use_zone("UTC");
	assert_int_equal(parsed("2026-11-21T09:30:00"), UTC_20261121_0930);
	assert_int_equal(parsed("2026-11-21 09:30:00"), UTC_20261121_0930);
	assert_int_equal(parsed("2026-11-21T09:30"), UTC_20261121_0930);
	assert_int_equal(parsed("2026-11-21 09:30"), UTC_20261121_0930);
	assert_int_equal(parsed("2026-11-21T09:30:59"), UTC_20261121_0930 + 59);
	assert_int_equal(parsed("2024-02-29T00:00"), 1709164800);
	assert_int_equal(parsed("1970-01-01T00:00:00"), 0);
	/* -1 is a real instant, not mktime's error value, when it is the time asked for. */
	assert_int_equal(parsed("1969-12-31T23:59:59"), -1);
	if (!zone_available("Europe/Berlin"))
		return;
	use_zone("Europe/Berlin");
	assert_int_equal(parsed("2026-11-21T09:30"), UTC_20261121_0930 - HOUR);	/* CET */
	assert_int_equal(parsed("2026-07-01T12:00"), 1782907200 - 2 * HOUR);	/* CEST */
}

static void test_parse_rejects_malformed(void **unused)
{
	static const char *const bad[] = {
		"", "abc", "12x", " 123", "123 ", "+5", "-", "--5", "1e9", "0x10",
		"99999999999999999999999",
		"2026-11-21", "2026-11-21T", "2026-11-21T09", "2026-11-21T09:", "2026-11-21T9:30",
		"2026-11-21T09:3", "2026-11-21T09:30:", "2026-11-21T09:30:0", "2026-11-21T09:30Z",
		"2026-11-21T09:30:00+01:00", "2026-11-21X09:30", "2026/11/21 09:30", "26-11-21T09:30",
		"2026-13-01T00:00", "2026-00-10T00:00", "2026-11-00T00:00", "2026-11-31T00:00",
		"2026-02-29T00:00", "1900-02-29T00:00", "2026-11-21T24:00", "2026-11-21T09:60",
		"2026-11-21T09:30:60", "2026-11-21T09:30:00 ", "2026-11-21  09:30", "2026-1-21T09:30",
	};

	(void)unused;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		time_t untouched = 424242;

		if (clock_parse(bad[i], &untouched))
			print_error("accepted malformed \"%s\"\n", bad[i]);
		assert_false(clock_parse(bad[i], &untouched));
		assert_int_equal(untouched, 424242);
	}
	assert_false(clock_parse(NULL, &(time_t){ 0 }));
}

static void test_now_honours_rxplore_now(void **unused)
{
	time_t before, after, now;

	(void)unused;
	setenv("RXPLORE_NOW", "1795000000", 1);
	assert_int_equal(clock_now(), 1795000000);
	setenv("RXPLORE_NOW", "2026-11-21 09:30", 1);
	assert_int_equal(clock_now(), UTC_20261121_0930);

	/* Malformed values are ignored: the real clock answers. */
	setenv("RXPLORE_NOW", "next tuesday", 1);
	before = time(NULL);
	now = clock_now();
	after = time(NULL);
	assert_true(now >= before && now <= after);

	unsetenv("RXPLORE_NOW");
	before = time(NULL);
	now = clock_now();
	after = time(NULL);
	assert_true(now >= before && now <= after);
}

static void nap(void)
{
	struct timespec pause = { 0, 20 * 1000 * 1000 };

	nanosleep(&pause, NULL);
}

/* The speed hook moves a pinned clock forward, never backward; a bad speed leaves it standing. */
static void test_clock_speed_runs_a_pinned_clock(void **unused)
{
	static const char *const bad[] = { "0", "-5", "fast", "12x", "", "3601", "99999999999999999999" };
	time_t first, later = 0;
	int i;

	(void)unused;
	setenv("RXPLORE_NOW", "1795000000", 1);
	for (i = 0; i < (int)(sizeof bad / sizeof bad[0]); i++) {
		setenv("RXPLORE_CLOCK_SPEED", bad[i], 1);
		assert_int_equal(clock_now(), 1795000000);
		nap();
		assert_int_equal(clock_now(), 1795000000);
	}
	setenv("RXPLORE_CLOCK_SPEED", "3600", 1);
	first = clock_now();
	assert_true(first >= 1795000000);
	/* 20 ms of real time is 72 s at this speed; allow a very slow machine 10 s. */
	for (i = 0; i < 500 && (later = clock_now()) == first; i++)
		nap();
	assert_true(later > first);
	assert_true(clock_now() >= later);
	unsetenv("RXPLORE_CLOCK_SPEED");
	assert_int_equal(clock_now(), 1795000000);
}

static void test_rollover_hour(void **unused)
{
	(void)unused;
	use_zone("UTC");
	assert_int_equal(clock_day(parsed("2026-11-21T03:59:59"), 4), DAY_20261121 - 1);
	assert_int_equal(clock_day(parsed("2026-11-21T03:59"), 4), DAY_20261121 - 1);
	assert_int_equal(clock_day(parsed("2026-11-21T04:00"), 4), DAY_20261121);
	assert_int_equal(clock_day(parsed("2026-11-21T23:59:59"), 4), DAY_20261121);
	assert_int_equal(clock_day(parsed("2026-11-22T00:30"), 4), DAY_20261121);
	assert_int_equal(clock_day(parsed("2026-11-21T03:59"), 0), DAY_20261121);
	assert_int_equal(clock_day(parsed("2026-11-21T00:00"), 0), DAY_20261121);
	assert_int_equal(clock_day(parsed("2026-11-20T23:59:59"), 0), DAY_20261121 - 1);
	assert_int_equal(clock_day(parsed("2026-11-21T22:59"), 23), DAY_20261121 - 1);
	assert_int_equal(clock_day(parsed("2026-11-21T23:00"), 23), DAY_20261121);
	assert_int_equal(clock_day(0, 0), 0);
	assert_int_equal(clock_day(-1, 0), -1);
	assert_int_equal(clock_day(0, 4), -1);
}

static void test_rollover_uses_local_time(void **unused)
{
	(void)unused;
	if (!zone_available("America/New_York"))
		return;
	use_zone("America/New_York");
	/* 2026-11-21T08:30Z is 03:30 EST: still the 20th's study day in New York, the 21st in UTC. */
	assert_int_equal(clock_day(UTC_20261121_0930 - HOUR, 4), DAY_20261121 - 1);
	use_zone("UTC");
	assert_int_equal(clock_day(UTC_20261121_0930 - HOUR, 4), DAY_20261121);
}

/* Walks days around a DST change: consecutive noons differ by one day and every start inverts. */
static void check_days_around(long first_day, int count, int rollover)
{
	for (long day = first_day; day < first_day + count; day++) {
		time_t start = clock_day_start(day, rollover);
		time_t next_start = clock_day_start(day + 1, rollover);
		long length = (long)(next_start - start);

		assert_int_equal(clock_day(start, rollover), day);
		assert_int_equal(clock_day(start - 1, rollover), day - 1);
		assert_int_equal(clock_day(next_start - 1, rollover), day);
		assert_true(length == 23 * HOUR || length == 24 * HOUR || length == 25 * HOUR);
	}
}

static void test_days_across_dst_berlin(void **unused)
{
	const long spring = 20541, autumn = 20751;	/* 2026-03-29 and 2026-10-25 */

	(void)unused;
	if (!zone_available("Europe/Berlin"))
		return;
	use_zone("Europe/Berlin");
	assert_int_equal(clock_day(parsed("2026-03-28T12:00"), 4), spring - 1);
	assert_int_equal(clock_day(parsed("2026-03-29T12:00"), 4), spring);
	assert_int_equal(clock_day(parsed("2026-03-30T12:00"), 4), spring + 1);
	assert_int_equal(clock_day(parsed("2026-10-25T12:00"), 4), autumn);
	assert_int_equal(clock_day(parsed("2026-10-26T03:59"), 4), autumn);
	assert_int_equal(clock_day(parsed("2026-10-26T04:00"), 4), autumn + 1);
	/* The study day holding the clock change is an hour short or long, yet still one day. */
	assert_int_equal(clock_day_start(spring, 4) - clock_day_start(spring - 1, 4), 23 * HOUR);
	assert_int_equal(clock_day_start(autumn, 4) - clock_day_start(autumn - 1, 4), 25 * HOUR);
	assert_int_equal(clock_day_start(spring + 1, 4) - clock_day_start(spring, 4), 24 * HOUR);
	/* Rollover at 02:00: skipped in spring (the day starts at 03:00 CEST), doubled in autumn (the
	 * first, CEST, 02:00 starts it). */
	assert_int_equal(clock_day_start(spring, 2), (time_t)1774746000);
	assert_int_equal(clock_day_start(autumn, 2), (time_t)1792886400);
	for (int rollover = 0; rollover < 24; rollover++) {
		check_days_around(spring - 3, 7, rollover);
		check_days_around(autumn - 3, 7, rollover);
	}
}

static void test_days_across_dst_new_york(void **unused)
{
	const long spring = 20520, autumn = 20758;	/* 2026-03-08 and 2026-11-01 */

	(void)unused;
	if (!zone_available("America/New_York"))
		return;
	use_zone("America/New_York");
	assert_int_equal(clock_day(parsed("2026-03-08T01:59"), 0), spring);
	assert_int_equal(clock_day(parsed("2026-03-08T03:00"), 0), spring);
	assert_int_equal(clock_day(parsed("2026-03-09T00:00"), 0), spring + 1);
	assert_int_equal(clock_day(parsed("2026-11-01T23:59"), 0), autumn);
	assert_int_equal(clock_day_start(autumn + 1, 0) - clock_day_start(autumn, 0), 25 * HOUR);
	/* 01:00 happens twice on 2026-11-01: the day begins at the first. */
	assert_int_equal(clock_day_start(autumn, 1), parsed("2026-11-01T00:59") + 60);
	for (int rollover = 0; rollover < 24; rollover++) {
		check_days_around(spring - 3, 7, rollover);
		check_days_around(autumn - 3, 7, rollover);
	}
}

static void test_day_start_inverts_day(void **unused)
{
	static const int rollovers[] = { 0, 4, 12, 23 };

	(void)unused;
	use_zone("UTC");
	assert_int_equal(clock_day_start(DAY_20261121, 4), parsed("2026-11-21T04:00"));
	assert_int_equal(clock_day_start(DAY_20261121, 0), parsed("2026-11-21T00:00"));
	assert_int_equal(clock_day_start(0, 0), 0);
	assert_int_equal(clock_day_start(-1, 0), -86400);
	for (size_t i = 0; i < sizeof rollovers / sizeof rollovers[0]; i++) {
		/* Every few days across decades, including leap days, century rules and before 1970. */
		for (long day = -800; day < 40000; day += 37)
			check_days_around(day, 1, rollovers[i]);
	}
	/* And any instant lies within the day that clock_day names. */
	for (time_t t = UTC_20261121_0930 - 3 * 86400; t < UTC_20261121_0930 + 3 * 86400; t += 1777) {
		long day = clock_day(t, 4);

		assert_true(clock_day_start(day, 4) <= t);
		assert_true(t < clock_day_start(day + 1, 4));
	}
}

static void test_out_of_range_rollover_is_clamped(void **unused)
{
	(void)unused;
	use_zone("UTC");
	assert_int_equal(clock_day(parsed("2026-11-21T00:30"), -5), DAY_20261121);
	assert_int_equal(clock_day(parsed("2026-11-21T22:30"), 99), DAY_20261121 - 1);
	assert_int_equal(clock_day_start(DAY_20261121, 99), parsed("2026-11-21T23:00"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_parse_epoch_seconds, reset_environment),
		cmocka_unit_test_setup(test_parse_local_iso, reset_environment),
		cmocka_unit_test_setup(test_parse_rejects_malformed, reset_environment),
		cmocka_unit_test_setup(test_now_honours_rxplore_now, reset_environment),
		cmocka_unit_test_setup(test_clock_speed_runs_a_pinned_clock, reset_environment),
		cmocka_unit_test_setup(test_rollover_hour, reset_environment),
		cmocka_unit_test_setup(test_rollover_uses_local_time, reset_environment),
		cmocka_unit_test_setup(test_days_across_dst_berlin, reset_environment),
		cmocka_unit_test_setup(test_days_across_dst_new_york, reset_environment),
		cmocka_unit_test_setup(test_day_start_inverts_day, reset_environment),
		cmocka_unit_test_setup(test_out_of_range_rollover_is_clamped, reset_environment),
	};

	return cmocka_run_group_tests(tests, NULL, reset_environment);
}
