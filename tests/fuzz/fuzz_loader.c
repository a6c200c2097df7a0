/* fuzz_loader — a libFuzzer (and AFL++) harness for everything that reads
 * card text: the YAML loader, the schema, text cleaning, unfolding and
 * wrapping, and the line-mode renderers that put loaded text on a terminal.
 *
 * Each input is tried four ways: as a card in a pack with a vocabulary, as a
 * pack.yaml manifest, as the settings file, and as raw bytes straight into
 * the text functions.  Besides the sanitizers' own checks, the harness aborts
 * when a promise of include/card.h or include/text.h is broken: a loaded
 * string holding a control or bidi character or invalid UTF-8, rendered
 * output carrying a byte the terminal would interpret, or a wrapped line
 * wider than its width.  Build and run it with tests/fuzz/run.sh.
 */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "loader.h"
#include "plain.h"
#include "plain_compare.h"
#include "quiz.h"
#include "search.h"
#include "text.h"
#include "yamltree.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                                  \
	do {                                                                                         \
		if (!(cond)) {                                                                       \
			fprintf(stderr, "fuzz_loader: %s:%d: broken promise: %s\n", __FILE__, __LINE__, \
				#cond);                                                              \
			abort();                                                                     \
		}                                                                                    \
	} while (0)

/* A partner for comparisons and quiz distractors, and the card a fuzzed
 * pack.yaml is tried with. */
static const char partner_card[] = "id: partner\n"
				   "title: Partner\n"
				   "kind: drug\n"
				   "summary: A plain card to compare with.\n"
				   "facts:\n"
				   "  receptor: GABA-A\n"
				   "  action: Positive allosteric modulator\n"
				   "quiz:\n"
				   "  - id: partner-q\n"
				   "    ask: Which receptor?\n"
				   "    choices: [GABA-A, GABA-B]\n"
				   "    answer: GABA-A\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* Display widths come from wcwidth(), which needs a UTF-8 locale. */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	return 0;
}

/* --- the promises ---------------------------------------------------------- */

/* Bytes a terminal could act on: C0 controls (newline aside), DEL, C1
 * controls as UTF-8 (C2 80..C2 9F), and the bidi embeddings, overrides and
 * isolates (U+202A..U+202E: E2 80 AA..AE; U+2066..U+2069: E2 81 A6..A9). */
static const char *terminal_hazard(const char *s, size_t len, bool tabs_allowed)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len; i++) {
		if ((u[i] < 0x20 && u[i] != '\n' && !(tabs_allowed && u[i] == '\t')) || u[i] == 0x7F)
			return s + i;
		if (u[i] == 0xC2 && i + 1 < len && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F)
			return s + i;
		if (u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x80 && u[i + 2] >= 0xAA && u[i + 2] <= 0xAE)
			return s + i;
		if (u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x81 && u[i + 2] >= 0xA6 && u[i + 2] <= 0xA9)
			return s + i;
	}
	return NULL;
}

/* Loaded text is clean UTF-8 with tabs expanded (include/card.h). */
static void check_clean(const char *s)
{
	if (!s)
		return;
	size_t len = strlen(s);
	CHECK(text_utf8_valid(s, len, NULL));
	CHECK(terminal_hazard(s, len, false) == NULL);
}

/* Every line lies inside the text, and a reflowed line fits its width unless
 * it is one character that is wider than the whole line on its own. */
static void check_wrap(const char *s, size_t len, int width, enum text_flow flow)
{
	struct text_lines lines;
	text_lines_init(&lines);
	if (text_wrap(&lines, s, len, width, flow) == 0) {
		for (size_t i = 0; i < lines.count; i++) {
			const struct text_line *l = &lines.items[i];
			CHECK(l->start <= len && l->len <= len - l->start);
			CHECK(l->indent >= 0 && l->width >= l->indent);
			CHECK(l->width == l->indent + text_width_n(s + l->start, l->len));
			if (flow == TEXT_REFLOW && l->width > width) {
				int one;
				uint32_t cp;
				size_t first = text_next_char(s + l->start, l->len, &cp);
				size_t rest = text_fit(s + l->start + first, l->len - first, 0, &one);
				CHECK(l->indent == 0 && first + rest == l->len);
			}
		}
	}
	text_lines_release(&lines);
}

static void check_card_text(const char *s)
{
	if (!s)
		return;
	check_clean(s);
	size_t len = strlen(s);
	/* Width 1 makes a line per character: long texts get width 7, which
	 * still breaks wide characters and words, to keep the fuzzer fast. */
	check_wrap(s, len, len <= 1024 ? 1 : 7, TEXT_REFLOW);
	check_wrap(s, len, 23, TEXT_REFLOW);
	check_wrap(s, len, 80, TEXT_PRE);
}

static void check_card(const struct card *c)
{
	check_card_text(c->id);
	check_card_text(c->title);
	check_card_text(c->member_of);
	check_card_text(c->reviewed_by);
	check_card_text(c->reviewed);
	for (size_t i = 0; i < c->naliases; i++)
		check_card_text(c->aliases[i]);
	for (int s = 0; s < SECTION_TEXT_COUNT; s++)
		check_card_text(c->text[s]);
	for (size_t i = 0; i < c->nfacts; i++)
		check_card_text(c->facts[i].value);
	for (size_t i = 0; i < c->nrelated; i++)
		check_card_text(c->related[i]);
	for (size_t i = 0; i < c->ncompare_with; i++)
		check_card_text(c->compare_with[i]);
	for (size_t q = 0; q < c->nquiz; q++) {
		check_card_text(c->quiz[q].id);
		check_card_text(c->quiz[q].ask);
		check_card_text(c->quiz[q].explain);
		for (size_t k = 0; k < c->quiz[q].nchoices; k++)
			check_card_text(c->quiz[q].choices[k]);
	}
	for (size_t i = 0; i < c->nsources; i++) {
		const struct card_source *src = &c->sources[i];
		const char *fields[] = { src->title, src->publisher, src->authors,    src->chapter, src->edition,
					 src->year,  src->url,	     src->identifier, src->note };
		for (size_t f = 0; f < sizeof fields / sizeof *fields; f++)
			check_card_text(fields[f]);
	}
}

/* --- rendering --------------------------------------------------------------- */

/* Output a terminal would be shown: valid UTF-8 with nothing it acts on
 * (tabs only as the separators of `compare --format tsv`). */
static void check_output(char *buf, size_t len)
{
	CHECK(text_utf8_valid(buf, len, NULL));
	CHECK(terminal_hazard(buf, len, true) == NULL);
	free(buf);
}

static void render(const struct library *lib, const struct card *card)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	if (!out)
		return;
	plain_card(out, lib, card, -1, 80);
	plain_card(out, lib, card, SECTION_FACTS, 24);
	plain_card(out, lib, card, SECTION_SOURCES, 24);
	plain_list(out, lib, 80);
	/* Search for a piece of the card's own title, so that hits exist. */
	char query[8];
	snprintf(query, sizeof query, "%s", card->title);
	if (query[0])
		plain_search(out, lib, query, 60);
	plain_search(out, lib, "e", 30);

	const struct card *partner = library_find(lib, "partner");
	if (partner && partner != card) {
		const struct card *pair[2] = { card, partner };
		struct compare_table table;
		if (compare_build(&table, lib, pair, 2) == COMPARE_OK) {
			plain_compare(out, &table, PLAIN_COMPARE_TEXT, 40, true);
			plain_compare(out, &table, PLAIN_COMPARE_MD, 80, false);
			plain_compare(out, &table, PLAIN_COMPARE_TSV, 80, true);
			compare_release(&table);
		}
	}
	fclose(out);
	check_output(buf, len);

	struct quiz_bank bank;
	if (quiz_bank_build(&bank, lib) == 0) {
		for (size_t i = 0; i < bank.count; i++) {
			check_clean(bank.items[i].ask);
			for (size_t k = 0; k < bank.items[i].nchoices; k++)
				check_clean(bank.items[i].choices[k]);
		}
		quiz_bank_release(&bank);
	}
}

/* --- the four readings of one input ------------------------------------------ */

static void as_card(const char *data, size_t size)
{
	struct library lib;
	struct diag_list diags;
	library_init(&lib);
	diag_list_init(&diags);
	struct pack_info info = { .name = "fuzz", .format = 1, .dir = "fuzz", .has_manifest = true };
	size_t pack = library_add_pack(&lib, &info);
	static const struct vocab_entry vocab[] = {
		{ .key = "receptor", .label = "Receptor target", .ask = "Which receptor does {title} act on?",
		  .typed = true },
		{ .key = "action", .label = "Action at the receptor" },
	};
	for (size_t i = 0; i < sizeof vocab / sizeof *vocab; i++)
		library_add_vocab(&lib, &vocab[i]);
	if (pack != (size_t)-1) {
		loader_load_card_buffer(&lib, pack, "partner.yaml", partner_card, sizeof partner_card - 1, &diags);
		loader_load_card_buffer(&lib, pack, "fuzz.yaml", data, size, &diags);
		library_resolve(&lib, &diags);
		for (size_t i = 0; i < lib.ncards; i++)
			check_card(lib.cards[i]);
		const struct card *card = lib.ncards > 1 ? lib.cards[1] : NULL;
		if (card)
			render(&lib, card);
	}
	/* Diagnostics quote the input back ("unknown key 'x'"): they go to a
	 * terminal too. */
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	if (out) {
		plain_diags(out, &diags);
		fclose(out);
		check_output(buf, len);
	}
	diag_list_release(&diags);
	library_release(&lib);
}

static void as_manifest(const char *data, size_t size)
{
	struct library lib;
	struct diag_list diags;
	library_init(&lib);
	diag_list_init(&diags);
	const struct embedded_file files[] = {
		{ "pack.yaml", (const unsigned char *)data, size },
		{ "cards/partner.yaml", (const unsigned char *)partner_card, sizeof partner_card - 1 },
	};
	loader_load_embedded(&lib, "fuzz", files, 2, &diags);
	library_resolve(&lib, &diags);
	for (size_t i = 0; i < lib.nvocab; i++) {
		check_clean(lib.vocab[i].key);
		check_clean(lib.vocab[i].label);
		check_clean(lib.vocab[i].ask);
	}
	for (size_t i = 0; i < lib.npacks; i++) {
		check_clean(lib.packs[i].title);
		check_clean(lib.packs[i].version);
	}
	struct quiz_bank bank;
	if (quiz_bank_build(&bank, &lib) == 0) {
		for (size_t i = 0; i < bank.count; i++)
			check_clean(bank.items[i].ask);
		quiz_bank_release(&bank);
	}
	diag_list_release(&diags);
	library_release(&lib);
}

static void as_settings(const char *data, size_t size)
{
	struct arena scratch;
	struct diag_list diags;
	struct ynode *root;
	struct config config;
	arena_init(&scratch);
	diag_list_init(&diags);
	config_defaults(&config);
	if (ytree_parse("config.yaml", data, size, &scratch, &root, &diags) == 0)
		schema_config("config.yaml", root, &config, &diags);
	CHECK(config.desired_retention >= 0.70 && config.desired_retention <= 0.99);
	CHECK(config.rollover_hour >= 0 && config.rollover_hour <= 23);
	diag_list_release(&diags);
	arena_release(&scratch);
}

static void as_raw_text(const char *data, size_t size)
{
	char *clean = malloc(text_clean_size(data, size));
	if (!clean)
		return;
	size_t n = text_clean(data, size, clean);
	CHECK(n == strlen(clean));
	check_clean(clean);
	text_unfold(clean);
	check_card_text(clean);
	free(clean);
	/* The wrapper also meets raw bytes: the TUI wraps diagnostics. */
	check_wrap(data, size, 9, TEXT_REFLOW);
	check_wrap(data, size, 9, TEXT_PRE);
	int cols;
	CHECK(text_fit(data, size, 10, &cols) <= size && cols <= 10);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	as_card(text, size);
	as_manifest(text, size);
	as_settings(text, size);
	as_raw_text(text, size);
	return 0;
}
