/* repl_words — what the prompt knows without a terminal: splitting a line
 * into words (see repl.h) and completing the last one from the command
 * table. */
#include <ctype.h>
#include <string.h>

#include "commands.h"
#include "repl.h"

int repl_split(char *line, char **words, int max)
{
	char *in = line, *out = line;
	int n = 0;
	for (;;) {
		while (isspace((unsigned char)*in))
			in++;
		if (!*in)
			return n;
		if (n == max)
			return -1;
		words[n++] = out;
		char quote = 0;
		for (; *in && (quote || !isspace((unsigned char)*in)); in++) {
			if (quote == '\'') {
				if (*in == '\'')
					quote = 0;	/* nothing is special inside '...' */
				else
					*out++ = *in;
			} else if (*in == '\\' && in[1] && (!quote || in[1] == '"' || in[1] == '\\')) {
				*out++ = *++in;
			} else if (*in == quote) {
				quote = 0;
			} else if (!quote && (*in == '\'' || *in == '"')) {
				quote = *in;
			} else {
				*out++ = *in;
			}
		}
		if (quote)
			return -1;
		/* The terminator may overwrite the blank that ended the word. */
		bool more = *in != '\0';
		*out++ = '\0';
		if (more)
			in++;
		if (!more)
			return n;
	}
}

/* --- completion ------------------------------------------------------------- */

struct offer_to {
	const char *prefix;
	size_t len;
	void (*offer)(const char *word, void *ctx);
	void *ctx;
};

static void offer_one(const struct offer_to *to, const char *word)
{
	if (strncmp(word, to->prefix, to->len) == 0)
		to->offer(word, to->ctx);
}

/* Each blank-separated word of a list such as "practice review exam". */
static void offer_words(const struct offer_to *to, const char *list)
{
	char word[64];
	while (list && *list) {
		size_t len = strcspn(list, " ");
		if (len > 0 && len < sizeof word) {
			memcpy(word, list, len);
			word[len] = '\0';
			offer_one(to, word);
		}
		list += len;
		list += strspn(list, " ");
	}
}

static void offer_topics(const struct offer_to *to, const struct library *library)
{
	for (size_t i = 0; i < library->ncards; i++)
		offer_one(to, library->cards[i]->id);
}

static void offer_kind(const struct offer_to *to, const struct library *library, enum cli_arg_kind kind,
		       const struct cli_command *command)
{
	switch (kind) {
	case ARG_TOPIC:
		offer_topics(to, library);
		break;
	case ARG_SECTION:
		for (int s = 0; s < SECTION_COUNT; s++) {
			char key[64];
			snprintf(key, sizeof key, "%s", section_key((enum section)s));
			for (char *p = key; *p; p++)
				*p = *p == '_' ? '-' : *p;	/* side-effects, as --help writes it */
			offer_one(to, key);
		}
		break;
	case ARG_WORD:
		offer_words(to, command->words);
		break;
	case ARG_COMMAND:
		for (size_t i = 0; i < CMD_COUNT; i++)
			offer_one(to, cli_commands[i].name);
		break;
	case ARG_PATH:
	case ARG_NONE:
		break;
	}
}

static void offer_options(const struct offer_to *to, const struct cli_command *command)
{
	unsigned bit = command ? CMD_BIT(command - cli_commands) : 0;
	for (size_t i = 0; i < cli_noptions; i++) {
		const struct cli_option *o = &cli_options_table[i];
		if ((o->flags & (OPT_STARTUP | OPT_ALIAS)) || (o->commands && !(o->commands & bit)))
			continue;
		char word[64];
		snprintf(word, sizeof word, "--%s", o->name);
		offer_one(to, word);
	}
}

static void offer_value(const struct offer_to *to, const struct library *library, const struct cli_option *o,
			const struct cli_command *command)
{
	if (o->id == OPT_TOPIC)
		offer_topics(to, library);
	else if (o->id == OPT_FORMAT)
		offer_words(to, command && command == &cli_commands[CMD_EXPORT] ? "anki md json" : "text md tsv");
	else
		offer_words(to, o->values);
}

/* The option a whole word names, if it is one that takes a value. */
static const struct cli_option *option_taking_value(const char *word)
{
	if (word[0] != '-' || strchr(word, '='))
		return NULL;
	for (size_t i = 0; i < cli_noptions; i++) {
		const struct cli_option *o = &cli_options_table[i];
		bool named = word[1] == '-' ? strcmp(word + 2, o->name) == 0 : word[1] == o->short_name && !word[2];
		if (named)
			return o->arg ? o : NULL;
	}
	return NULL;
}

void repl_complete(const struct library *library, const char *before, void (*offer)(const char *word, void *ctx),
		   void *ctx)
{
	char copy[1024];
	char *words[64];
	snprintf(copy, sizeof copy, "%s", before);
	/* The partial word is what follows the last blank (no quotes in ids). */
	size_t len = strlen(copy);
	size_t start = len;
	while (start > 0 && !isspace((unsigned char)copy[start - 1]))
		start--;
	struct offer_to to = { before + start, len - start, offer, ctx };
	copy[start] = '\0';
	int n = repl_split(copy, words, (int)(sizeof words / sizeof *words));
	if (n < 0)
		return;
	const struct cli_command *command = NULL;
	const struct cli_option *pending = NULL;
	int nargs = 0;
	for (int i = 0; i < n; i++) {
		if (pending)
			pending = NULL;
		else if (words[i][0] == '-')
			pending = option_taking_value(words[i]);
		else if (command)
			nargs++;
		else if (!(command = cli_command_find(words[i]))) {
			if (!library_find(library, words[i]))
				return;
			/* A topic typed alone is shown: "baclofen mech" completes as
			 * "show baclofen mech" does. */
			command = &cli_commands[CMD_SHOW];
			nargs = 1;
		}
	}
	if (pending) {
		offer_value(&to, library, pending, command);
	} else if (to.prefix[0] == '-') {
		offer_options(&to, command);
	} else if (!command) {
		for (size_t i = 0; i < CMD_COUNT; i++)
			offer_one(&to, cli_commands[i].name);
		offer_topics(&to, library);
	} else {
		size_t nkinds = command->args[1] != ARG_NONE ? 2 : 1;
		enum cli_arg_kind kind = (size_t)nargs < nkinds ? command->args[nargs]
				       : command->repeat ? command->args[nkinds - 1]
							 : ARG_NONE;
		offer_kind(&to, library, kind, command);
	}
}
