/* order — the one three-way comparison, for qsort comparators. */
#ifndef RXPLORE_ORDER_H
#define RXPLORE_ORDER_H

/* -1, 0 or 1 as a is less than, equal to or greater than b, for any two
 * values of one arithmetic type, with no subtraction to overflow. */
#define ORDER(a, b) (((a) > (b)) - ((a) < (b)))

#endif
