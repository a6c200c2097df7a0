/* Unit tests for strtab: put and find, case-sensitive and not, growth
 * through many keys with every key still found, and the slot's fields
 * surviving growth. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strtab.h"

static void test_put_and_find(void **state)
{
	(void)state;
	struct strtab t;
	bool added;
	strtab_init(&t, false);
	assert_null(strtab_find(&t, "baclofen"));	/* empty: no slots yet */
	struct strtab_slot *slot = strtab_put(&t, "baclofen", &added);
	assert_non_null(slot);
	assert_true(added);
	assert_null(slot->value);
	slot->number = 7;
	slot->flag = true;
	slot = strtab_put(&t, "baclofen", &added);
	assert_false(added);
	assert_int_equal(slot->number, 7);
	assert_ptr_equal(strtab_find(&t, "baclofen"), slot);
	assert_null(strtab_find(&t, "Baclofen"));	/* case matters here */
	assert_null(strtab_find(&t, NULL));
	assert_int_equal(t.used, 1);
	strtab_release(&t);
	assert_null(strtab_find(&t, "baclofen"));
}

static void test_nocase(void **state)
{
	(void)state;
	struct strtab t;
	bool added;
	strtab_init(&t, true);
	assert_non_null(strtab_put(&t, "GABA-B", &added));
	assert_non_null(strtab_find(&t, "gaba-b"));
	assert_non_null(strtab_put(&t, "gaba-b", &added));
	assert_false(added);
	assert_string_equal(strtab_find(&t, "Gaba-B")->key, "GABA-B");	/* kept as first written */
	assert_null(strtab_find(&t, "gaba-a"));
	strtab_release(&t);
}

static void test_grows_and_keeps_everything(void **state)
{
	(void)state;
	enum { N = 5000 };
	static char keys[N][16];
	struct strtab t;
	bool added;
	strtab_init(&t, false);
	for (int i = 0; i < N; i++) {
		snprintf(keys[i], sizeof keys[i], "q-%d", i);
		struct strtab_slot *slot = strtab_put(&t, keys[i], &added);
		assert_non_null(slot);
		assert_true(added);
		slot->number = i;
		slot->value = keys[i];
	}
	assert_int_equal(t.used, N);
	assert_true(t.size >= N * 4 / 3);
	assert_int_equal(t.size & (t.size - 1), 0);	/* a power of two */
	for (int i = 0; i < N; i += 7) {
		char probe[16];
		snprintf(probe, sizeof probe, "q-%d", i);
		struct strtab_slot *slot = strtab_find(&t, probe);
		assert_non_null(slot);
		assert_int_equal(slot->number, i);
		assert_ptr_equal(slot->value, keys[i]);
	}
	assert_null(strtab_find(&t, "q-5000"));
	strtab_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_and_find),
		cmocka_unit_test(test_nocase),
		cmocka_unit_test(test_grows_and_keeps_everything),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
