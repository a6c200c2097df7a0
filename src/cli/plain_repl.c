/* plain_repl — the interactive line-mode prompt: the screen-reader mode.
 * Every answer is plain text ending in a newline, with no cursor movement, so
 * speech and braille output follow it line by line. */
#include <ctype.h>
#include <string.h>

#include "plain.h"

static const char repl_help[] =
	"Commands:\n"
	"  list                   every topic: id, kind and title\n"
	"  show TOPIC [SECTION]   a card, or one section (show baclofen mechanism)\n"
	"  TOPIC                  the same as show TOPIC\n"
	"  search WORDS           every card that mentions the words\n"
	"  start                  the start card\n"
	"  help                   this list\n"
	"  quit                   leave (end of input does the same)\n"
	"Sections: summary, mechanism, uses, side-effects, dependence, confusion,\n"
	"interactions, safety, pharmacokinetics, diagram, facts, sources (a prefix is enough).\n"
	RX_DISCLAIMER "\n";

/* Splits off the next blank-separated word; returns NULL at the end. */
static char *next_word(char **cursor)
{
	char *s = *cursor;
	while (isspace((unsigned char)*s))
		s++;
	if (!*s)
		return NULL;
	char *word = s;
	while (*s && !isspace((unsigned char)*s))
		s++;
	if (*s)
		*s++ = '\0';
	*cursor = s;
	return word;
}

static void show(FILE *out, const struct library *library, char *args, int width)
{
	char *topic = next_word(&args), *section_name = next_word(&args);
	if (!topic) {
		fprintf(out, "Which topic? For example: show baclofen. Type list to see them all.\n");
		return;
	}
	const struct card *card = library_find(library, topic);
	if (!card) {
		const char *hint = library_suggest(library, topic);
		if (hint)
			fprintf(out, "No topic '%s'. Did you mean '%s'?\n", topic, hint);
		else
			fprintf(out, "No topic '%s'. Type list to see them all.\n", topic);
		return;
	}
	int section = -1;
	if (section_name) {
		section = section_parse(section_name);
		if (section < 0) {
			fprintf(out, "%s section '%s'. Type help to see the section names.\n",
				section == SECTION_AMBIGUOUS ? "Ambiguous" : "No", section_name);
			return;
		}
	}
	plain_card(out, library, card, section, width);
}

void plain_repl(FILE *in, FILE *out, const struct library *library, int width)
{
	plain_wrap(out, "rxplore line mode. Type help for commands, quit to leave. " RX_DISCLAIMER, width, 0,
		   false);
	char line[4096];
	for (;;) {
		fprintf(out, "rxplore> ");
		if (fflush(out) != 0 || ferror(out))
			break;	/* the output is gone: nobody reads the answers */
		if (!fgets(line, sizeof line, in)) {
			fputc('\n', out);
			break;
		}
		char *cursor = line;
		char *command = next_word(&cursor);
		if (!command)
			continue;
		if (!strcmp(command, "quit") || !strcmp(command, "exit") || !strcmp(command, "q"))
			break;
		else if (!strcmp(command, "help") || !strcmp(command, "?"))
			fputs(repl_help, out);
		else if (!strcmp(command, "list"))
			plain_list(out, library, width);
		else if (!strcmp(command, "show"))
			show(out, library, cursor, width);
		else if (!strcmp(command, "start") && library_start(library))
			plain_card(out, library, library_start(library), -1, width);
		else if (!strcmp(command, "search")) {
			while (isspace((unsigned char)*cursor))
				cursor++;
			cursor[strcspn(cursor, "\r\n")] = '\0';
			if (!*cursor)
				fprintf(out, "Search for what? For example: search GABA-B\n");
			else if (plain_search(out, library, cursor, width) == 0)
				fprintf(out, "No card mentions '%s'.\n", cursor);
		} else if (library_find(library, command)) {
			/* A bare topic name is the most natural thing to type. */
			plain_card(out, library, library_find(library, command), -1, width);
		} else
			fprintf(out, "Unknown command '%s'. Type help for the list.\n", command);
	}
}
