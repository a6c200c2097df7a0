/* cli_args — the command-line parser, for argv and for the words of a line
 * typed at the prompt.  getopt_long() is not used: it keeps its place in
 * globals (optind, optarg, its own permutation state) that would have to be
 * reset by hand between two prompt lines, and it prints errors under
 * argv[0], the program's full path.  This parser keeps everything in the
 * request and says "rxplore:" in every message.  It accepts what getopt_long
 * accepted: options before or after the command, --name=value and --name
 * value, a unique prefix of a long name, -o FILE and -oFILE, and "--" to end
 * the options. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"

/* The option a long name (or a unique prefix of one) names; NULL after the
 * usage message when there is none or more than one. */
static const struct cli_option *find_long(const char *name, size_t len, const char *word)
{
	const struct cli_option *found = NULL;
	char candidates[512] = "";
	size_t at = 0, n = 0;
	for (size_t i = 0; i < cli_noptions; i++) {
		const struct cli_option *o = &cli_options_table[i];
		if (strncmp(o->name, name, len) != 0)
			continue;
		if (o->name[len] == '\0')
			return o;	/* an exact match beats any prefix */
		if (found && found->id == o->id)
			continue;	/* --no-colo: both spellings of one option */
		found = o;
		n++;
		int w = snprintf(candidates + at, sizeof candidates - at, "%s--%s", at ? ", " : "", o->name);
		at += w > 0 && (size_t)w < sizeof candidates - at ? (size_t)w : 0;
	}
	if (n > 1) {
		cli_usage("option '%.*s' is ambiguous: %s", (int)(len + 2), word, candidates);
		return NULL;
	}
	if (!found)
		cli_usage("unrecognized option '%.*s'", (int)(len + 2), word);
	return found;
}

static const struct cli_option *find_short(char c)
{
	for (size_t i = 0; i < cli_noptions; i++)
		if (cli_options_table[i].short_name == c)
			return &cli_options_table[i];
	char word[3] = { '-', c, '\0' };
	cli_usage("invalid option '%s'", word);
	return NULL;
}

static int set_width(int *to, const char *value)
{
	char *end = NULL;
	long w = value ? strtol(value, &end, 10) : 0;
	if (!value || *end || end == value || w < 20 || w > 1000)
		return cli_usage("--width takes a number of columns from 20 to 1000, not '%s'", value ? value : "");
	*to = (int)w;
	return EXIT_OK;
}

static int set_option(struct cli_request *r, const struct cli_option *o, const char *value, bool at_prompt)
{
	if (at_prompt && (o->flags & OPT_STARTUP))
		return cli_usage("--%s goes on rxplore's own command line, not at the prompt", o->name);
	r->given |= 1u << o->id;
	struct cli_quiz_options *q = &r->quiz;
	switch (o->id) {
	case OPT_CONTENT:
		if (r->options.ncontent == CLI_MAX_CONTENT)
			return cli_usage("%s", "too many --content folders");
		r->options.content[r->options.ncontent++] = value;
		break;
	case OPT_NO_DEFAULT_PACKS:
		r->options.no_default_packs = true;
		break;
	case OPT_NO_CACHE:
		r->options.no_cache = true;
		break;
	case OPT_PLAIN:
		r->options.plain = true;
		break;
	case OPT_NO_COLOR:
		r->options.no_color = true;
		break;
	case OPT_NO_MOUSE:
		r->options.no_mouse = true;
		break;
	case OPT_WIDTH:
		return set_width(&r->options.width, value);
	case OPT_STRICT:
		r->options.strict = true;
		break;
	case OPT_PROFILE:
		r->options.profile = value;
		break;
	case OPT_FORMAT:
		r->format = value;
		break;
	case OPT_OUTPUT:
		r->output = value;
		break;
	case OPT_DIFF_ONLY:
		r->diff_only = true;
		break;
	case OPT_MODE:
		q->mode = value;
		break;
	case OPT_TOPIC:
		if (q->ntopics == CLI_MAX_TOPICS)
			return cli_usage("%s", "too many --topic options");
		q->topics[q->ntopics++] = value;
		break;
	case OPT_CONTRAST:
		q->contrast = value;
		break;
	case OPT_COUNT:
		q->count = value;
		break;
	case OPT_MINUTES:
		q->minutes = value;
		break;
	case OPT_SEED:
		q->seed = value;
		break;
	case OPT_TYPE:
		q->type = value;
		break;
	case OPT_YES:
		q->yes = r->fsrs.yes = true;
		break;
	case OPT_LOG:
		r->fsrs.log = value;
		break;
	case OPT_ROLLOVER:
		r->fsrs.rollover = value;
		break;
	case OPT_TZ:
		r->fsrs.tz = value;
		break;
	case OPT_JSON:
		r->fsrs.json = true;
		break;
	case OPT_HELP:
		r->help = true;
		break;
	case OPT_VERSION:
		r->version = true;
		break;
	case OPT_ID_COUNT:
		break;
	}
	return EXIT_OK;
}

/* One word that starts with "--"; *i moves past a value taken from the next word. */
static int long_option(struct cli_request *r, char **words, int nwords, int *i, bool at_prompt)
{
	const char *word = words[*i], *name = word + 2;
	const char *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	const struct cli_option *o = find_long(name, len, word);
	if (!o)
		return EXIT_USAGE;
	if (!o->arg && eq)
		return cli_usage("option '--%s' takes no value", o->name);
	const char *value = eq ? eq + 1 : NULL;
	if (o->arg && !value) {
		if (*i + 1 >= nwords)
			return cli_usage("option '--%s' needs a value (%s)", o->name, o->arg);
		value = words[++*i];
	}
	return set_option(r, o, value, at_prompt);
}

/* One word of short options ("-h", "-oFILE", "-hV"). */
static int short_options(struct cli_request *r, char **words, int nwords, int *i, bool at_prompt)
{
	const char *word = words[*i];
	for (const char *c = word + 1; *c; c++) {
		const struct cli_option *o = find_short(*c);
		if (!o)
			return EXIT_USAGE;
		if (!o->arg) {
			int status = set_option(r, o, NULL, at_prompt);
			if (status != EXIT_OK)
				return status;
			continue;
		}
		const char *value = c[1] ? c + 1 : NULL;
		if (!value) {
			if (*i + 1 >= nwords)
				return cli_usage("option '-%c' needs a value (%s)", *c, o->arg);
			value = words[++*i];
		}
		return set_option(r, o, value, at_prompt);
	}
	return EXIT_OK;
}

static int find_command(struct cli_request *r, const char *name, bool at_prompt)
{
	const struct cli_command *c = cli_command_find(name);
	if (!c || (!at_prompt && (c->flags & CMD_PROMPT_ONLY)))
		return cli_usage("unknown command '%s'", name);
	r->command = c;
	return EXIT_OK;
}

int cli_request_parse(struct cli_request *r, const struct cli_options *base, char **words, int nwords,
		      bool at_prompt)
{
	memset(r, 0, sizeof *r);
	r->options = *base;
	r->args = malloc(((size_t)nwords + 1) * sizeof *r->args);
	if (!r->args)
		return cli_usage("%s", "out of memory");
	const char *command = NULL;
	bool options_done = false;
	int status = EXIT_OK;
	for (int i = 0; i < nwords && status == EXIT_OK; i++) {
		char *word = words[i];
		if (!options_done && strcmp(word, "--") == 0)
			options_done = true;
		else if (!options_done && word[0] == '-' && word[1] == '-')
			status = long_option(r, words, nwords, &i, at_prompt);
		else if (!options_done && word[0] == '-' && word[1])
			status = short_options(r, words, nwords, &i, at_prompt);
		else if (!command)
			command = word;
		else
			r->args[r->nargs++] = word;
	}
	/* An unknown command is reported after the options, as before: a bad
	 * option is the first thing to fix. */
	if (status == EXIT_OK && command)
		status = find_command(r, command, at_prompt);
	return status;
}

void cli_request_release(struct cli_request *r)
{
	free(r->args);
	r->args = NULL;
	r->nargs = 0;
}
