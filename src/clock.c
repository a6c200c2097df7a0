/* clock — "now" (pinnable through RXPLORE_NOW) and local study-day arithmetic. */
#include "clock.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_leap_year(long year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(long year, int month)
{
	static const int lengths[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month == 2 && is_leap_year(year))
		return 29;
	return lengths[month - 1];
}

/* Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm): pure calendar
 * arithmetic, so a 23- or 25-hour DST day still counts as one. */
static long days_from_civil(long year, int month, int day)
{
	long era, year_of_era, day_of_year, day_of_era;

	year -= month <= 2;
	era = (year >= 0 ? year : year - 399) / 400;
	year_of_era = year - era * 400;
	day_of_year = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
	return era * 146097 + day_of_era - 719468;
}

static void civil_from_days(long days, long *year, int *month, int *day)
{
	long era, day_of_era, year_of_era, day_of_year, month_index;

	days += 719468;
	era = (days >= 0 ? days : days - 146096) / 146097;
	day_of_era = days - era * 146097;
	year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
	day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	month_index = (5 * day_of_year + 2) / 153;
	*day = (int)(day_of_year - (153 * month_index + 2) / 5 + 1);
	*month = (int)(month_index < 10 ? month_index + 3 : month_index - 9);
	*year = year_of_era + era * 400 + (*month <= 2);
}

static int clamp_hour(int hour)
{
	if (hour < 0)
		return 0;
	if (hour > 23)
		return 23;
	return hour;
}

/* mktime returns -1 both for failure and for 1969-12-31T23:59:59 UTC; on success the normalised fields
 * describe the result, so a real -1 reads back as the same local time. */
static bool checked_mktime(struct tm *tm, time_t *out)
{
	time_t t = mktime(tm);
	struct tm check;

	if (t == (time_t)-1) {
		if (localtime_r(&t, &check) == NULL || check.tm_year != tm->tm_year
		    || check.tm_mon != tm->tm_mon || check.tm_mday != tm->tm_mday
		    || check.tm_hour != tm->tm_hour || check.tm_min != tm->tm_min
		    || check.tm_sec != tm->tm_sec)
			return false;
	}
	*out = t;
	return true;
}

static bool parse_epoch(const char *text, time_t *out)
{
	const char *digits = text[0] == '-' ? text + 1 : text;
	long long value;
	char *end;

	if (*digits == '\0' || strspn(digits, "0123456789") != strlen(digits))
		return false;
	errno = 0;
	value = strtoll(text, &end, 10);
	if (errno == ERANGE || *end != '\0')
		return false;
	if ((time_t)value != value)
		return false;
	*out = (time_t)value;
	return true;
}

/* Reads exactly `width` decimal digits: sscanf would accept signs, spaces and short fields. */
static bool read_digits(const char **cursor, int width, int *value)
{
	int result = 0;

	for (int i = 0; i < width; i++) {
		unsigned char c = (unsigned char)(*cursor)[i];

		if (!isdigit(c))
			return false;
		result = result * 10 + (c - '0');
	}
	*cursor += width;
	*value = result;
	return true;
}

static bool expect_char(const char **cursor, char wanted)
{
	if (**cursor != wanted)
		return false;
	(*cursor)++;
	return true;
}

static bool parse_local_iso(const char *text, time_t *out)
{
	const char *p = text;
	int year, month, day, hour, minute, second = 0;
	struct tm tm;

	if (!read_digits(&p, 4, &year) || !expect_char(&p, '-') || !read_digits(&p, 2, &month)
	    || !expect_char(&p, '-') || !read_digits(&p, 2, &day))
		return false;
	if (*p != 'T' && *p != ' ')
		return false;
	p++;
	if (!read_digits(&p, 2, &hour) || !expect_char(&p, ':') || !read_digits(&p, 2, &minute))
		return false;
	if (*p == ':') {
		p++;
		if (!read_digits(&p, 2, &second))
			return false;
	}
	if (*p != '\0')
		return false;
	if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59
	    || second > 59)
		return false;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = minute;
	tm.tm_sec = second;
	tm.tm_isdst = -1;
	return checked_mktime(&tm, out);
}

bool clock_parse(const char *text, time_t *out)
{
	if (text == NULL || *text == '\0')
		return false;
	if (strchr(text, '-') == text || isdigit((unsigned char)text[0])) {
		if (parse_epoch(text, out))
			return true;
	}
	return parse_local_iso(text, out);
}

/* A pinned time moved on by RXPLORE_CLOCK_SPEED times the real time since
 * the first reading, so a test can watch a one-minute exam run out in a
 * second.  Without a valid speed the pinned time stands still. */
static time_t run_pinned_clock(time_t pinned)
{
	static struct timespec origin;
	static bool started;
	const char *text = getenv("RXPLORE_CLOCK_SPEED");
	struct timespec now;
	char *end;
	long speed;
	double elapsed;

	if (text == NULL)
		return pinned;
	errno = 0;
	speed = strtol(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0' || speed < 1 || speed > CLOCK_MAX_SPEED)
		return pinned;
	if (clock_gettime(CLOCK_MONOTONIC, &now) != 0)
		return pinned;
	if (!started) {
		origin = now;
		started = true;
	}
	elapsed = (double)(now.tv_sec - origin.tv_sec) + (double)(now.tv_nsec - origin.tv_nsec) / 1e9;
	return pinned + (time_t)(elapsed * (double)speed);
}

time_t clock_now(void)
{
	const char *pinned = getenv("RXPLORE_NOW");
	time_t t;

	if (pinned != NULL && clock_parse(pinned, &t))
		return run_pinned_clock(t);
	return time(NULL);
}

long clock_day(time_t t, int rollover_hour)
{
	struct tm local;
	long day;

	/* localtime_r need not reread TZ; mktime (used by clock_day_start) does, so keep them in step. */
	tzset();
	if (localtime_r(&t, &local) == NULL) {
		long seconds_per_day = 86400;

		/* Out of the calendar's range: a UTC approximation beats a garbage value. */
		return (long)(t / seconds_per_day) - (t % seconds_per_day < 0);
	}
	day = days_from_civil(local.tm_year + 1900L, local.tm_mon + 1, local.tm_mday);
	if (local.tm_hour < clamp_hour(rollover_hour))
		day--;
	return day;
}

static bool start_candidate(long year, int month, int mday, int hour, int isdst, time_t *out)
{
	struct tm tm;

	if (year - 1900 < INT_MIN || year - 1900 > INT_MAX)
		return false;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = (int)(year - 1900);
	tm.tm_mon = month - 1;
	tm.tm_mday = mday;
	tm.tm_hour = hour;
	tm.tm_isdst = isdst;
	return checked_mktime(&tm, out);
}

time_t clock_day_start(long day, int rollover_hour)
{
	static const int dst_guesses[] = { -1, 0, 1 };
	int hour = clamp_hour(rollover_hour);
	long year;
	int month, mday;
	time_t best = 0;
	bool found = false;

	civil_from_days(day, &year, &month, &mday);
	/* The rollover hour can be skipped (spring forward: mktime moves it to the first real instant) or
	 * repeated (fall back: two instants).  Try each DST reading and keep the earliest inside the day. */
	for (size_t i = 0; i < sizeof dst_guesses / sizeof dst_guesses[0]; i++) {
		time_t candidate;

		if (!start_candidate(year, month, mday, hour, dst_guesses[i], &candidate))
			continue;
		if (clock_day(candidate, hour) != day)
			continue;
		if (!found || candidate < best)
			best = candidate;
		found = true;
	}
	if (!found)
		start_candidate(year, month, mday, hour, -1, &best);
	return best;
}

bool clock_parse_date(const char *text, long *day)
{
	const char *p = text;
	int year, month, mday;
	if (!p || !read_digits(&p, 4, &year) || !expect_char(&p, '-') || !read_digits(&p, 2, &month) ||
	    !expect_char(&p, '-') || !read_digits(&p, 2, &mday) || *p || month < 1 || month > 12 || mday < 1 ||
	    mday > days_in_month(year, month))
		return false;
	*day = days_from_civil(year, month, mday);
	return true;
}

const char *clock_date_text(long day, char *buf, size_t size)
{
	long year;
	int month, mday;
	civil_from_days(day, &year, &month, &mday);
	snprintf(buf, size, "%04ld-%02d-%02d", year, month, mday);
	return buf;
}
