/* Unit tests for disclaimer: the safety sentences fitted to a width are
 * always whole sentences, the longest that fits, never wider than asked
 * unless nothing fits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "disclaimer.h"
#include "text.h"

static void the_full_sentences_when_there_is_room(void **state)
{
	(void)state;
	assert_string_equal(disclaimer_fit(DISCLAIMER_EDUCATION, 200, false), RX_DISCLAIMER);
	assert_string_equal(disclaimer_fit(DISCLAIMER_DRAFT_EDUCATION, 200, false), RX_DRAFT_NOTE " " RX_DISCLAIMER);
	assert_string_equal(disclaimer_fit(DISCLAIMER_DRAFT_CARD, 80, true),
			    "DRAFT - not yet reviewed by a pharmacist or physician");
}

/* At 80 columns less a margin the draft footer of the comparison view was
 * cut after "rxplore is for education,": now it is a shorter whole one. */
static void shorter_whole_sentences_when_narrow(void **state)
{
	(void)state;
	const char *s = disclaimer_fit(DISCLAIMER_DRAFT_EDUCATION, 79, false);
	assert_true(text_width(s) <= 79);
	assert_non_null(strstr(s, "DRAFT"));
	assert_non_null(strstr(s, "education"));
	assert_int_equal(s[strlen(s) - 1], '.');
	/* A draft card's header never drops "or physician" alone. */
	for (int w = 1; w <= 80; w++) {
		const char *line = disclaimer_fit(DISCLAIMER_DRAFT_CARD, w, false);
		assert_true(strstr(line, "pharmacist") == NULL || strstr(line, "or physician") != NULL);
		assert_true(text_width(line) <= w || strcmp(line, "DRAFT") == 0);
	}
}

static void every_width_gets_the_longest_that_fits(void **state)
{
	(void)state;
	for (int kind = DISCLAIMER_EDUCATION; kind <= DISCLAIMER_DRAFT_CARD; kind++) {
		int last = 0;
		for (int w = 0; w <= 120; w++) {
			const char *s = disclaimer_fit((enum disclaimer_kind)kind, w, kind == DISCLAIMER_DRAFT_CARD);
			int sw = text_width(s);
			/* Never narrower as the width grows; within the width when anything fits. */
			assert_true(sw >= last || sw <= w);
			last = sw;
			for (const char *p = s; *p; p++)
				assert_true((unsigned char)*p < 0x80 || kind != DISCLAIMER_DRAFT_CARD);
		}
	}
	/* Nothing fits in 3 columns: the shortest, which the caller wraps. */
	assert_string_equal(disclaimer_fit(DISCLAIMER_EDUCATION, 3, false), "For education only.");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_full_sentences_when_there_is_room),
		cmocka_unit_test(shorter_whole_sentences_when_narrow),
		cmocka_unit_test(every_width_gets_the_longest_that_fits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
