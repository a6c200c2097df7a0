/* compare_pick — `C`: the comparison view's prompt for topics by name.  The
 * user types ids or aliases separated by spaces or commas; Tab completes the
 * word being typed (to the unique match, or to what all matches share); the
 * topics that match it are listed below; Enter hands the cards back to the
 * view (compare_view.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "screen.h"
#include "screens.h"
#include "text.h"

#include "compare_view.h"

#define PICK_INPUT_MAX COMPARE_PICK_INPUT

static bool is_separator(char c)
{
	return c == ' ' || c == ',';
}

/* The word being typed: after the last separator. */
static const char *current_word(const char *input)
{
	const char *word = input + strlen(input);

	while (word > input && !is_separator(word[-1]))
		word--;
	return word;
}

static bool starts_with_nocase(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	char *head = strndup(s, n);
	bool match = head && strlen(head) == n && text_casecmp(head, prefix) == 0;

	free(head);
	return match;
}

static bool card_matches(const struct card *card, const char *word)
{
	if (starts_with_nocase(card->id, word) || starts_with_nocase(card->title, word))
		return true;
	for (size_t i = 0; i < card->naliases; i++)
		if (starts_with_nocase(card->aliases[i], word))
			return true;
	return false;
}

static void complete(char *input, struct ui *ui)
{
	char *word = (char *)current_word(input);
	const char *first = NULL;
	size_t common = 0, count = 0;

	if (!*word) {
		ui_message(ui, ROLE_DIM, "Type the start of a topic name, then Tab");
		return;
	}
	for (size_t i = 0; i < ui->library->ncards; i++) {
		const struct card *card = ui->library->cards[i];
		if (!card_matches(card, word))
			continue;
		if (!first) {
			first = card->id;
			common = strlen(first);
		} else {
			size_t k = 0;
			while (k < common && card->id[k] == first[k])
				k++;
			common = k;
		}
		count++;
	}
	if (count == 0) {
		ui_message(ui, ROLE_WARNING, "No topic starts with '%s'", word);
		return;
	}
	size_t room = PICK_INPUT_MAX - (size_t)(word - input) - 2;
	if (count == 1) {
		snprintf(word, room + 2, "%s ", first);
	} else if (common > strlen(word) && starts_with_nocase(first, word)) {
		snprintf(word, room + 2, "%.*s", (int)(common < room ? common : room), first);
	} else {
		ui_message(ui, ROLE_DIM, "%zu topics match: type more", count);
	}
}

static void draw_matches(struct ui *ui, const char *word, struct rect area, int y)
{
	int shown = 0;

	for (size_t i = 0; i < ui->library->ncards && y < area.y + area.h; i++) {
		const struct card *card = ui->library->cards[i];
		char line[256];
		if (*word && !card_matches(card, word))
			continue;
		snprintf(line, sizeof(line), "%-28s %s", card->id, card->title);
		ui_puts(y++, area.x + 3, area.w - 4, line, ROLE_DIM);
		shown++;
	}
	if (shown == 0)
		ui_puts(y, area.x + 3, area.w - 4, "(no topic starts with that)", ROLE_WARNING);
}

void compare_pick_draw(const char *input, struct ui *ui, struct rect area)
{
	int x;

	ui_puts(area.y, area.x + 1, area.w - 1, "Compare topics by name", ROLE_TITLE);
	ui_puts(area.y + 1, area.x + 1, area.w - 1,
		"Type 2 to 4 topics, separated by spaces or commas; Tab completes, Enter compares.", ROLE_DIM);
	x = area.x + 1 + ui_puts(area.y + 3, area.x + 1, 2, "> ", ROLE_MARKER);
	/* Show the end of a long input: that is where the typing happens. */
	const char *shown = input;
	while (text_width(shown) > area.w - 4 && *shown)
		shown++;
	x += ui_puts(area.y + 3, x, area.w - (x - area.x) - 1, shown, ROLE_TEXT);
	ui_cursor(ui, area.y + 3, x);
	ui_hline(area.y + 4, area.x, area.w, ROLE_DIM);
	draw_matches(ui, current_word(input), area, area.y + 5);
}

/* Parses the input into cards; false (with a message) when it does not name 2 to 4 topics. */
static bool submit(const char *input, struct ui *ui, const struct card **cards, size_t *ncards)
{
	size_t n = 0;
	char copy[PICK_INPUT_MAX];

	snprintf(copy, sizeof(copy), "%s", input);
	for (char *save = NULL, *word = strtok_r(copy, " ,", &save); word; word = strtok_r(NULL, " ,", &save)) {
		const struct card *card = library_find(ui->library, word);
		if (!card) {
			const char *hint = library_suggest(ui->library, word);
			if (hint)
				ui_message(ui, ROLE_WARNING, "No topic '%s' \xE2\x80\x94 did you mean '%s'?", word, hint);
			else
				ui_message(ui, ROLE_WARNING, "No topic '%s'", word);
			return false;
		}
		if (n == COMPARE_MAX_CARDS) {
			ui_message(ui, ROLE_WARNING, "Compare at most %d topics at a time", COMPARE_MAX_CARDS);
			return false;
		}
		cards[n++] = card;
	}
	if (n < COMPARE_MIN_CARDS) {
		ui_message(ui, ROLE_WARNING, "Name at least 2 topics to compare");
		return false;
	}
	*ncards = n;
	return true;
}

enum intent compare_pick_key(char *input, struct ui *ui, const struct action *action, int key,
			     const struct card **cards, size_t *ncards)
{
	*ncards = 0;
	if (key >= ' ' && key < KEYC_BASE && key != 0x7f) {
		ui_input_append(input, PICK_INPUT_MAX, key);
		return INTENT_REDRAW;
	}
	if (!action || action->context != CTX_PICK)
		return INTENT_IGNORED;
	switch (action->id) {
	case ACT_PICK_COMPLETE: complete(input, ui); return INTENT_REDRAW;
	case ACT_PROMPT_SUBMIT: submit(input, ui, cards, ncards); return INTENT_REDRAW;
	case ACT_PROMPT_CANCEL: return INTENT_BACK;
	case ACT_PROMPT_ERASE: ui_input_erase(input); return INTENT_REDRAW;
	case ACT_PROMPT_CLEAR: input[0] = '\0'; return INTENT_REDRAW;
	default: return INTENT_HANDLED;
	}
}


