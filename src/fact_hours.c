/* fact_hours — see include/fact_hours.h. */
#include "fact_hours.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* A number at *p (digits, optionally "." digits), moved past; false when
 * there is none. */
static bool read_number(const char **p, double *out)
{
	const char *s = *p;
	if (!isdigit((unsigned char)*s))
		return false;
	double value = 0;
	while (isdigit((unsigned char)*s))
		value = value * 10 + (*s++ - '0');
	if (*s == '.') {
		s++;
		if (!isdigit((unsigned char)*s))
			return false;
		double scale = 0.1;
		while (isdigit((unsigned char)*s)) {
			value += (*s++ - '0') * scale;
			scale /= 10;
		}
	}
	*out = value;
	*p = s;
	return true;
}

/* Moves *p past prefix when it starts there. */
static bool skip(const char **p, const char *prefix)
{
	size_t n = strlen(prefix);
	if (strncmp(*p, prefix, n) != 0)
		return false;
	*p += n;
	return true;
}

static bool fail(char *why, size_t size, const char *text)
{
	if (why && size)
		snprintf(why, size, "%s", text);
	return false;
}

bool fact_hours_parse(const char *cell, struct hours_range *range, char *why, size_t why_size)
{
	const char *p = cell ? cell : "";
	double lo, hi;
	skip(&p, "about ");
	if (!read_number(&p, &lo))
		return fail(why, why_size, "it does not start with a number (like 6 or 1.5)");
	hi = lo;
	if (skip(&p, "\xE2\x80\x93") || skip(&p, " to ") || skip(&p, "-")) {
		if (!read_number(&p, &hi))
			return fail(why, why_size, "a range needs a number after its dash");
		if (hi <= lo)
			return fail(why, why_size, "a range must go from the smaller number to the larger");
	}
	double scale;
	if (skip(&p, " h"))
		scale = 1;
	else if (skip(&p, " min"))
		scale = 1.0 / 60;
	else
		return fail(why, why_size, "no unit: follow the number with ' h' or ' min'");
	if (*p && !(skip(&p, " (") && strcspn(p, "()") == strlen(p) - 1 && p[strlen(p) - 1] == ')'))
		return fail(why, why_size, "only a note in brackets may follow the unit");
	if (lo <= 0)
		return fail(why, why_size, "a duration must be more than zero");
	range->lo = lo * scale;
	range->hi = hi * scale;
	return true;
}

bool fact_hours_apart(struct hours_range a, struct hours_range b)
{
	return a.hi < b.lo || b.hi < a.lo;
}
