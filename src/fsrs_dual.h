/* fsrs_dual — forward-mode automatic differentiation for the optimizer: a
 * value with its partial derivatives by each of the 21 FSRS parameters.
 * Private to src/fsrs_fit*.c.  Every operation is the chain rule of the
 * matching libm function, so gradients are exact (no finite differences).
 * A clamp that bites gives a constant (zero derivative), as PyTorch and
 * fsrs-rs treat it.
 */
#ifndef RXPLORE_FSRS_DUAL_H
#define RXPLORE_FSRS_DUAL_H

#include <math.h>

#include "fsrs.h"

/* Rounded up to a multiple of 4 so that compilers vectorize the loops
 * without a remainder; the spare partials stay 0. */
#define DUAL_WIDTH ((FSRS_PARAM_COUNT + 3) / 4 * 4)

struct dual {
	double v;
	float d[DUAL_WIDTH];	/* single precision, as fsrs-rs trains: twice the vector width */
};

static inline struct dual dual_const(double v)
{
	struct dual r = { .v = v };
	return r;
}

/* The parameter w[index] itself: derivative 1 by itself. */
static inline struct dual dual_param(double v, int index)
{
	struct dual r = dual_const(v);
	r.d[index] = 1.0;
	return r;
}

static inline struct dual dual_add(struct dual a, struct dual b)
{
	a.v += b.v;
	for (int i = 0; i < DUAL_WIDTH; i++)
		a.d[i] += b.d[i];
	return a;
}

static inline struct dual dual_sub(struct dual a, struct dual b)
{
	a.v -= b.v;
	for (int i = 0; i < DUAL_WIDTH; i++)
		a.d[i] -= b.d[i];
	return a;
}

static inline struct dual dual_add_c(struct dual a, double c)
{
	a.v += c;
	return a;
}

static inline struct dual dual_scale(struct dual a, double c)
{
	a.v *= c;
	for (int i = 0; i < DUAL_WIDTH; i++)
		a.d[i] *= (float)c;
	return a;
}

static inline struct dual dual_mul(struct dual a, struct dual b)
{
	struct dual r;
	r.v = a.v * b.v;
	for (int i = 0; i < DUAL_WIDTH; i++)
		r.d[i] = a.d[i] * (float)b.v + b.d[i] * (float)a.v;
	return r;
}

static inline struct dual dual_div(struct dual a, struct dual b)
{
	struct dual r;
	r.v = a.v / b.v;
	for (int i = 0; i < DUAL_WIDTH; i++)
		r.d[i] = (a.d[i] - (float)r.v * b.d[i]) * (float)(1.0 / b.v);
	return r;
}

/* f(a) given f(a.v) and f'(a.v). */
static inline struct dual dual_chain(struct dual a, double value, double slope)
{
	struct dual r;
	float s = (float)slope;
	r.v = value;
	for (int i = 0; i < DUAL_WIDTH; i++)
		r.d[i] = a.d[i] * s;
	return r;
}

static inline struct dual dual_exp(struct dual a)
{
	double e = exp(a.v);
	return dual_chain(a, e, e);
}

static inline struct dual dual_expm1(struct dual a)
{
	double value = expm1(a.v);
	return dual_chain(a, value, value + 1.0);
}

static inline struct dual dual_log(struct dual a)
{
	return dual_chain(a, log(a.v), 1.0 / a.v);
}

/* a^b for a > 0, both varying. */
static inline struct dual dual_pow(struct dual a, struct dual b)
{
	struct dual r;
	double log_a = log(a.v);
	r.v = exp(b.v * log_a); /* pow() would take the logarithm again */
	float by_b = (float)(r.v * log_a), by_a = (float)(r.v * b.v / a.v);
	for (int i = 0; i < DUAL_WIDTH; i++)
		r.d[i] = b.d[i] * by_b + a.d[i] * by_a;
	return r;
}

static inline struct dual dual_clamp(struct dual a, double low, double high)
{
	if (a.v < low)
		return dual_const(low);
	if (a.v > high)
		return dual_const(high);
	return a;
}

static inline struct dual dual_min(struct dual a, struct dual b)
{
	return b.v < a.v ? b : a;
}

/* ---- difficulty: a value that depends on w4..w7 alone ----
 * FSRS's difficulty never depends on stability, only on the grades and
 * w4..w7, so it carries 4 partials instead of 21: a third less work a step. */
#define DUAL_D_FIRST 4
#define DUAL_D_WIDTH 4

struct dual_d {
	double v;
	float d[DUAL_D_WIDTH];	/* by w4, w5, w6, w7 */
};

/* a, which must depend on w4..w7 alone, as a dual_d. */
static inline struct dual_d dual_d_narrow(struct dual a)
{
	struct dual_d r = { .v = a.v };
	for (int i = 0; i < DUAL_D_WIDTH; i++)
		r.d[i] = a.d[DUAL_D_FIRST + i];
	return r;
}

static inline struct dual dual_d_widen(struct dual_d a)
{
	struct dual r = dual_const(a.v);
	for (int i = 0; i < DUAL_D_WIDTH; i++)
		r.d[DUAL_D_FIRST + i] = a.d[i];
	return r;
}

static inline struct dual_d dual_d_add(struct dual_d a, struct dual_d b)
{
	a.v += b.v;
	for (int i = 0; i < DUAL_D_WIDTH; i++)
		a.d[i] += b.d[i];
	return a;
}

static inline struct dual_d dual_d_affine(struct dual_d a, double scale, double offset)
{
	a.v = a.v * scale + offset;
	for (int i = 0; i < DUAL_D_WIDTH; i++)
		a.d[i] *= (float)scale;
	return a;
}

static inline struct dual_d dual_d_mul(struct dual_d a, struct dual_d b)
{
	struct dual_d r;
	r.v = a.v * b.v;
	for (int i = 0; i < DUAL_D_WIDTH; i++)
		r.d[i] = a.d[i] * (float)b.v + b.d[i] * (float)a.v;
	return r;
}

static inline struct dual_d dual_d_clamp(struct dual_d a, double low, double high)
{
	struct dual_d r = { .v = a.v < low ? low : high };
	return a.v < low || a.v > high ? r : a;
}

#endif
