/* card_entry — see include/card_entry.h. */
#include "card_entry.h"

#include <stdio.h>
#include <string.h>

size_t card_entry_count(const struct card *card, enum section section)
{
	if (section == SECTION_FACTS)
		return card->nfacts;
	if (section == SECTION_SOURCES)
		return card->nsources;
	return 0;
}

bool card_entry_get(const struct library *library, const struct card *card, enum section section, size_t i,
		    struct card_entry *entry, char *buf, size_t size)
{
	if (i >= card_entry_count(card, section) || size < 32)
		return false;
	if (section == SECTION_FACTS) {
		const struct card_fact *fact = &card->facts[i];
		const struct vocab_entry *v = library ? library_vocab(library, fact->key) : NULL;
		*entry = (struct card_entry){ v && v->label ? v->label : fact->key, fact->value };
		return true;
	}
	/* "12." first, the citation after it, in the one buffer. */
	int n = snprintf(buf, size, "%zu.", i + 1);
	card_source_format(&card->sources[i], buf + n + 1, size - (size_t)n - 1);
	*entry = (struct card_entry){ buf, buf + n + 1 };
	return true;
}
