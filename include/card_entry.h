/* card_entry — a card's Facts and Sources sections as labelled entries, the
 * one way every front-end lists them (the card screen, `rxplore show`, the
 * Markdown handout, the comparison's details): a fact is its vocabulary
 * label (the key when the vocabulary gives none) and its value; a source is
 * its number ("1.") and its citation (card_source_format).
 */
#ifndef RXPLORE_CARD_ENTRY_H
#define RXPLORE_CARD_ENTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "card.h"
#include "library.h"

struct card_entry {
	const char *label;	/* "Receptor target", "1." */
	const char *text;	/* the value, the citation */
};

/* How many entries section has on card: its facts or its sources; 0 for
 * any other section. */
size_t card_entry_count(const struct card *card, enum section section);

/* Entry i of section into *entry; text made here (the label of a source,
 * its citation) goes into buf, so the entry lives as long as buf and the
 * library.  Returns false when i is out of range. */
bool card_entry_get(const struct library *library, const struct card *card, enum section section, size_t i,
		    struct card_entry *entry, char *buf, size_t size);

#endif
