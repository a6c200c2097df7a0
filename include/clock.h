/* clock — the one source of "now" and of study-day arithmetic.
 *
 * Every module asks clock_now() for the time, so tests pin it with the
 * RXPLORE_NOW environment variable: either seconds since the epoch
 * ("1795000000") or local ISO 8601 ("2026-11-21T09:30:00" or "2026-11-21 09:30").
 * With RXPLORE_CLOCK_SPEED=N as well (1..CLOCK_MAX_SPEED), the pinned clock
 * runs from that moment at N times real time (time-limit tests).
 */
#ifndef RXPLORE_CLOCK_H
#define RXPLORE_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define CLOCK_MAX_SPEED 3600

/* RXPLORE_NOW if set and valid (run on by RXPLORE_CLOCK_SPEED), else time(NULL). */
time_t clock_now(void);

/* Parses an RXPLORE_NOW-style value; false (and *out untouched) if malformed. */
bool clock_parse(const char *text, time_t *out);

/* The local study day containing t: days since 1970-01-01 counted in local
 * time, where each day starts at rollover_hour (0..23) rather than midnight.
 * Consecutive days differ by exactly 1 across DST changes. */
long clock_day(time_t t, int rollover_hour);

/* The first second of study day `day` (inverse of clock_day). */
time_t clock_day_start(long day, int rollover_hour);

/* Parses a calendar date "YYYY-MM-DD" as the study day of that date (the
 * day that starts at the rollover hour on it); false when malformed. */
bool clock_parse_date(const char *text, long *day);

/* The calendar date of study day `day`, "YYYY-MM-DD".  Returns buf. */
const char *clock_date_text(long day, char *buf, size_t size);

#endif
