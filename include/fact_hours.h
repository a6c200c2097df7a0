/* fact_hours — fact cells that hold a duration in hours (a vocabulary entry
 * with `type: hours`, such as a half-life), read into a range so that cards
 * can be ranked by them.
 *
 * The grammar of a cell (spaces exactly as shown):
 *
 *   cell   := [ "about " ] span unit [ " (" note ")" ]
 *   span   := number | number dash number     (the first smaller than the second)
 *   dash   := "–" | "-" | " to "               (an en dash, a hyphen, or the word)
 *   number := digits [ "." digits ]            (more than zero)
 *   unit   := " h" | " min"                    (minutes are converted to hours)
 *   note   := any text without "(" or ")"
 *
 * "1.5–5.5 h", "about 6 h", "40–80 min", "53–118 h (adults)".  A single
 * number is the range from it to itself; "about" is kept only as wording.
 */
#ifndef RXPLORE_FACT_HOURS_H
#define RXPLORE_FACT_HOURS_H

#include <stdbool.h>
#include <stddef.h>

struct hours_range {
	double lo, hi;		/* hours, 0 < lo <= hi */
};

/* Reads cell.  Returns true with *range set, or false with why (may be
 * NULL) saying what is wrong ("no unit: end it with ' h' or ' min'"). */
bool fact_hours_parse(const char *cell, struct hours_range *range, char *why, size_t why_size);

/* Whether two ranges share no value at all (touching ends overlap). */
bool fact_hours_apart(struct hours_range a, struct hours_range b);

#endif
