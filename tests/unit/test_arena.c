/* Tests for src/arena.c and src/diag.c: the allocator everything loads into
 * and the diagnostics list every module reports through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <stdlib.h>

#include "arena.h"
#include "diag.h"
#include "order.h"

static void alloc_is_zeroed_and_aligned(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	for (size_t size = 1; size < 300; size += 7) {
		unsigned char *p = arena_alloc(&a, size);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		for (size_t i = 0; i < size; i++)
			assert_int_equal(p[i], 0);
		memset(p, 0xAB, size);
	}
	arena_release(&a);
	assert_null(a.head);
}

static void large_allocations_get_their_own_chunk(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	char *small = arena_alloc(&a, 10);
	char *big = arena_alloc(&a, 1 << 20);
	char *small2 = arena_alloc(&a, 10);
	assert_non_null(big);
	memset(big, 1, 1 << 20);
	/* The small allocations keep sharing the first chunk. */
	assert_true(small2 > small && small2 - small < 1024);
	arena_release(&a);
}

static void array_overflow_is_refused(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	assert_null(arena_array(&a, SIZE_MAX / 2, 4));
	assert_non_null(arena_array(&a, 10, 4));
	arena_release(&a);
}

static void strings_are_copied(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	char src[] = "baclofen";
	char *copy = arena_strdup(&a, src);
	src[0] = 'X';
	assert_string_equal(copy, "baclofen");
	assert_string_equal(arena_strndup(&a, "GABA-B receptor", 4), "GABA");
	assert_string_equal(arena_strndup(&a, "", 0), "");
	arena_release(&a);
}

static void diagnostics_format_gnu_style(void **state)
{
	(void)state;
	struct diag_list list;
	diag_list_init(&list);
	diag_add(&list, DIAG_ERROR, "cards/a.yaml", 3, 7, "unknown key '%s'", "summry");
	diag_add(&list, DIAG_WARNING, "cards/b.yaml", 0, 0, "empty file");
	diag_add(&list, DIAG_NOTE, "cards/a.yaml", 1, 1, "first defined here");
	assert_int_equal(list.count, 3);
	assert_int_equal(list.errors, 1);
	assert_int_equal(list.warnings, 1);
	char buf[128];
	diag_format(&list.items[0], buf, sizeof buf);
	assert_string_equal(buf, "cards/a.yaml:3:7: error: unknown key 'summry'");
	diag_format(&list.items[1], buf, sizeof buf);
	assert_string_equal(buf, "cards/b.yaml: warning: empty file");
	diag_format(&list.items[2], buf, sizeof buf);
	assert_string_equal(buf, "cards/a.yaml:1:1: note: first defined here");
	/* A short buffer truncates but reports the full length, like snprintf. */
	int need = diag_format(&list.items[0], buf, 8);
	assert_int_equal(need, (int)strlen("cards/a.yaml:3:7: error: unknown key 'summry'"));
	assert_int_equal(strlen(buf), 7);
	diag_list_release(&list);
	assert_int_equal(list.count, 0);
}

static void many_diagnostics_are_kept(void **state)
{
	(void)state;
	struct diag_list list;
	diag_list_init(&list);
	for (unsigned i = 0; i < 1000; i++)
		diag_add(&list, DIAG_WARNING, "x.yaml", i + 1, 1, "warning %u", i);
	assert_int_equal(list.count, 1000);
	assert_string_equal(list.items[999].message, "warning 999");
	assert_int_equal(list.dropped, 0);
	diag_list_release(&list);
}

/* The one growable-array idiom: room appears when full, contents survive,
 * and a size that would overflow is refused without losing the array. */
static void test_array_grow(void **state)
{
	(void)state;
	long *items = NULL;
	size_t count = 0, alloc = 0;
	for (long i = 0; i < 1000; i++) {
		assert_int_equal(array_grow(&items, &alloc, count, sizeof *items), 0);
		assert_true(alloc > count);
		items[count++] = i;
	}
	assert_int_equal(alloc & (alloc - 1), 0);	/* doubled from 16 */
	for (long i = 0; i < 1000; i++)
		assert_int_equal(items[i], i);
	long *kept = items;
	size_t kept_alloc = alloc;
	assert_int_equal(array_grow(&items, &alloc, count, sizeof *items), 0);	/* room already */
	assert_ptr_equal(items, kept);
	assert_int_equal(alloc, kept_alloc);
	assert_int_equal(array_grow(&items, &alloc, alloc, SIZE_MAX / 2), -1);
	assert_ptr_equal(items, kept);
	assert_int_equal(alloc, kept_alloc);
	free(items);
}

/* ORDER compares; it does not subtract, so the extremes of a type sort right. */
static void order_is_three_way_without_overflow(void **state)
{
	(void)state;
	assert_int_equal(ORDER(1, 2), -1);
	assert_int_equal(ORDER(2, 1), 1);
	assert_int_equal(ORDER(7, 7), 0);
	size_t biggest = SIZE_MAX, zero = 0;
	assert_int_equal(ORDER(biggest, zero), 1);
	assert_int_equal(ORDER(zero, biggest), -1);
	assert_int_equal(ORDER(INT64_MIN, INT64_MAX), -1);
	assert_int_equal(ORDER(-0.5, 0.25), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(alloc_is_zeroed_and_aligned),
		cmocka_unit_test(large_allocations_get_their_own_chunk),
		cmocka_unit_test(array_overflow_is_refused),
		cmocka_unit_test(strings_are_copied),
		cmocka_unit_test(diagnostics_format_gnu_style),
		cmocka_unit_test(many_diagnostics_are_kept),
		cmocka_unit_test(test_array_grow),
		cmocka_unit_test(order_is_three_way_without_overflow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
