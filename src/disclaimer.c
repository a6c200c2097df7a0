/* disclaimer — see include/disclaimer.h. */
#include <stdbool.h>
#include <stddef.h>

#include "disclaimer.h"
#include "text.h"

/* Longest first; every one a whole sentence that still says what matters
 * (never "reviewed by a pharmacist" alone: a physician may review too). */
static const char *const education[] = {
	RX_DISCLAIMER,
	"For education, not treatment decisions.",
	"For education only.",
	NULL,
};

static const char *const draft_education[] = {
	RX_DRAFT_NOTE " " RX_DISCLAIMER,
	RX_DRAFT_NOTE " For education only.",
	"DRAFT, not yet reviewed. For education, not treatment decisions.",
	"DRAFT, not reviewed. For education only.",
	"DRAFT. For education only.",
	NULL,
};

static const char *const draft_card[] = {
	"DRAFT \xE2\x80\x94 not yet reviewed by a pharmacist or physician",
	"DRAFT \xE2\x80\x94 not yet reviewed",
	"DRAFT",
	NULL,
};

static const char *const draft_card_ascii[] = {
	"DRAFT - not yet reviewed by a pharmacist or physician",
	"DRAFT - not yet reviewed",
	"DRAFT",
	NULL,
};

const char *disclaimer_fit(enum disclaimer_kind kind, int width, bool ascii)
{
	const char *const *list = kind == DISCLAIMER_EDUCATION	    ? education
				  : kind == DISCLAIMER_DRAFT_EDUCATION ? draft_education
				  : ascii			    ? draft_card_ascii
								    : draft_card;
	size_t i = 0;
	for (; list[i + 1]; i++)
		if (text_width(list[i]) <= width)
			break;
	return list[i];
}
