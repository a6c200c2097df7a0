/* cli_import — `rxplore import FILE -o DIR`: an Anki text export or a
 * CSV/TSV of questions (src/import*.c reads it) as a folder of loose cards.
 * The cards are written into a new folder beside DIR that is renamed to DIR
 * once every file is complete, so DIR is never left half-written. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "import.h"
#include "plain.h"
#include "slurp.h"

static void remove_folder(const char *dir, const struct import_deck *deck)
{
	char path[4400];
	for (size_t i = 0; i < deck->count; i++) {
		snprintf(path, sizeof path, "%s/%s.yaml", dir, deck->cards[i].id);
		unlink(path);
	}
	rmdir(dir);
}

/* Writes every card into the new folder temp; 0, or -1 with errno. */
static int write_cards(const char *temp, const struct import_deck *deck, const char *source)
{
	for (size_t i = 0; i < deck->count; i++) {
		char path[4400];
		snprintf(path, sizeof path, "%s/%s.yaml", temp, deck->cards[i].id);
		FILE *out = fopen(path, "wx");
		if (!out)
			return -1;
		int rc = import_write_card(out, &deck->cards[i], source);
		if (fflush(out) != 0 || fsync(fileno(out)) != 0)
			rc = -1;
		int saved = errno;
		if (fclose(out) != 0 || rc != 0) {
			errno = rc != 0 ? (saved ? saved : EIO) : errno;
			return -1;
		}
	}
	return 0;
}

static int write_folder(const char *dir, const struct import_deck *deck, const char *source)
{
	char temp[4200];
	if (snprintf(temp, sizeof temp, "%s.tmp-XXXXXX", dir) >= (int)sizeof temp || !mkdtemp(temp)) {
		fprintf(stderr, "rxplore: cannot make a folder beside %s: %s\n", dir, strerror(errno));
		return EXIT_PROBLEM;
	}
	/* rename() replaces an empty folder, and refuses one with files in it. */
	if (write_cards(temp, deck, source) != 0 || (chmod(temp, 0777 & ~umask(umask(0))) != 0) ||
	    rename(temp, dir) != 0) {
		int saved = errno;
		remove_folder(temp, deck);
		fprintf(stderr, "rxplore: cannot write %s: %s\n", dir,
			saved == ENOTEMPTY || saved == EEXIST ? "it exists and is not empty" : strerror(saved));
		return EXIT_PROBLEM;
	}
	return EXIT_OK;
}

int cli_import(struct cli *cli, const char *output, char **args, int nargs)
{
	(void)cli;
	if (nargs != 1)
		return cli_usage("%s", "import takes one FILE (an Anki text export, or a CSV or TSV of questions)");
	if (!output || !*output || strcmp(output, "-") == 0)
		return cli_usage("%s", "import needs -o DIR, the new folder for the cards");
	struct stat st;
	if (stat(output, &st) == 0 && !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "rxplore: %s exists and is not a folder\n", output);
		return EXIT_PROBLEM;
	}
	size_t len;
	char *text = slurp_file(args[0], &len);
	if (!text) {
		fprintf(stderr, "rxplore: cannot read %s: %s\n", args[0], strerror(errno));
		return EXIT_PROBLEM;
	}
	struct import_deck deck;
	struct diag_list diags;
	import_deck_init(&deck);
	diag_list_init(&diags);
	int rc = import_parse(&deck, args[0], text, len, &diags);
	free(text);
	plain_diags(stderr, &diags);
	int status = EXIT_PROBLEM;
	if (rc != 0) {
		fprintf(stderr, "rxplore: out of memory\n");
	} else if (deck.count == 0) {
		fprintf(stderr, "rxplore: no questions in %s: nothing imported\n", args[0]);
	} else if ((status = write_folder(output, &deck, args[0])) == EXIT_OK) {
		size_t questions = 0;
		for (size_t i = 0; i < deck.count; i++)
			questions += deck.cards[i].count;
		printf("Imported %zu questions into %zu cards in %s (%zu rows skipped). "
		       "Check them with: rxplore check %s\n", questions, deck.count, output, deck.skipped, output);
		status = deck.skipped ? EXIT_PROBLEM : EXIT_OK;
	}
	diag_list_release(&diags);
	import_deck_release(&deck);
	return status;
}
