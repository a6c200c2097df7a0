/* order — the one three-way comparison, for qsort comparators. */
#ifndef RXPLORE_ORDER_H
#define RXPLORE_ORDER_H

/* -1, 0 or 1 as a is less than, equal to or greater than b, for any two
 * values of one arithmetic type, with no subtraction to overflow. */
#define ORDER(a, b) (((a) > (b)) - ((a) < (b)))

/* A comparison by one key with ties broken by the next:
 * order_then(ORDER(x->day, y->day), ORDER(x->index, y->index)).  Both are
 * computed; comparators pass plain ORDER()s, which cost nothing. */
static inline int order_then(int first, int then)
{
	return first ? first : then;
}

#endif
