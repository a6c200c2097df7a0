/* cli — the command line: options, loading, and the line-mode commands. */
#ifndef RXPLORE_CLI_H
#define RXPLORE_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "diag.h"
#include "library.h"
#include "library_load.h"

#define CLI_MAX_CONTENT 64

/* Exit statuses, as GNU tools use them. */
enum { EXIT_OK = 0, EXIT_PROBLEM = 1, EXIT_USAGE = 2 };

struct cli_options {
	const char *content[CLI_MAX_CONTENT];
	size_t ncontent;
	bool no_default_packs, no_cache, plain, no_color, no_mouse, strict;
	int width;		/* 0: the terminal's, or 80 */
	const char *profile;
};

/* Everything a command needs: the options, the loaded content, the settings. */
struct cli {
	struct cli_options options;
	struct config config;
	struct library library;
	struct diag_list diags;	/* problems met while loading */
	bool ascii;		/* the locale's charset is not UTF-8: show ASCII only */
	bool configured, loaded;	/* the config file read, the content loaded */
	/* Load pack caches unchecked and check them afterwards: only for the
	 * terminal interface, which paints first (library_verify.h). */
	bool defer_checks;
};

/* What the options ask to load (library_load.h): --content, --no-default-packs
 * and the installed packs' folder. */
struct load_request cli_load_request(const struct cli *cli);
/* Loads that, with the built-in pack, into cli->library.  Returns 0, or -1
 * when out of memory. */
int cli_load(struct cli *cli);
/* Loads everything again, every pack cache checked, in place of what
 * cli_load() loaded (the old library is released): when a cache used
 * unchecked turned out stale.  Returns 0, or -1 (out of memory) with the
 * old library kept. */
int cli_reload(struct cli *cli);

/* The output width: --width, else the terminal's, else 80. */
int cli_width(const struct cli *cli);

/* Prints "rxplore: no topic 'x' — did you mean 'y'?" and returns NULL when
 * name is unknown. */
const struct card *cli_topic(const struct cli *cli, const char *name);

/* For commands that use the content rather than check it: a short note on
 * stderr when cards were rejected, so nothing fails silently. */
void cli_note_load_errors(const struct cli *cli);

/* Prints "rxplore: MESSAGE" and the --help hint; returns EXIT_USAGE. */
int cli_usage(const char *fmt, ...) DIAG_PRINTF(1, 2);
/* The hint cli_usage() gives after its message ("Try 'rxplore --help' ..."
 * on the command line; the prompt has its own). */
void cli_set_usage_hint(const char *hint);

struct progress;
/* Opens the learner's progress database (--profile aware) into path[size],
 * telling stderr whatever the store had to do; NULL with *status set when
 * there is none to open. */
struct progress *cli_open_progress(const struct cli *cli, char *path, size_t size, int *status);

int cli_check(struct cli *cli, char **paths, int npaths);
int cli_packs(struct cli *cli);
/* `rxplore export --format anki|md|json [-o FILE] [TOPIC]...` (cli_export.c);
 * format_name and output are NULL when not given. */
int cli_export(struct cli *cli, const char *format_name, const char *output, char **args, int nargs);
/* `rxplore import FILE -o DIR`: questions as loose cards (cli_import.c). */
int cli_import(struct cli *cli, const char *output, char **args, int nargs);
/* `rxplore stats`: due, answers per day, true retention, mastery (cli_stats.c). */
int cli_stats(struct cli *cli, char **args, int nargs);
/* `rxplore confusions`: the topic pairs the learner mixes up (cli_stats.c). */
int cli_confusions(struct cli *cli, char **args, int nargs);

#endif
