/* cli_export — `rxplore export --format anki|md|html|json [-o FILE] [TOPIC]...`:
 * the formats are in export*.c; this file resolves the topics and writes the
 * file.  -o FILE is written to a temporary file beside it and renamed over it
 * only once every byte is on disk, so FILE is never left half-written. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "export.h"

/* The temporary file being written, for the signal handler to remove. */
static volatile sig_atomic_t have_temp;
static char temp_path[4096];

static void remove_temp_and_die(int sig)
{
	if (have_temp)
		unlink(temp_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int caught_signals[] = { SIGINT, SIGTERM, SIGHUP };

static void catch_signals(void (*handler)(int))
{
	for (size_t i = 0; i < sizeof caught_signals / sizeof *caught_signals; i++)
		signal(caught_signals[i], handler);
}

/* A new file beside path, with the permissions a new file would get. */
static FILE *open_temp(const char *path)
{
	if (snprintf(temp_path, sizeof temp_path, "%s.XXXXXX", path) >= (int)sizeof temp_path) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	catch_signals(remove_temp_and_die);
	int fd = mkstemp(temp_path);
	if (fd < 0) {
		catch_signals(SIG_DFL);
		return NULL;
	}
	have_temp = 1;
	mode_t mask = umask(0);
	umask(mask);
	FILE *out = fchmod(fd, 0666 & ~mask) == 0 ? fdopen(fd, "w") : NULL;
	if (!out) {
		int saved = errno;
		close(fd);
		unlink(temp_path);
		have_temp = 0;
		catch_signals(SIG_DFL);
		errno = saved;
	}
	return out;
}

/* Finishes the temporary file and renames it over path; on any failure the
 * temporary file is removed and path is untouched.  Returns 0 or -1 (errno). */
static int commit_temp(FILE *out, const char *path, bool ok)
{
	int saved = 0;
	if (ok && (fflush(out) == EOF || ferror(out) || fsync(fileno(out)) < 0))
		saved = errno ? errno : EIO;
	if (fclose(out) == EOF && ok && !saved)
		saved = errno;
	if (ok && !saved && rename(temp_path, path) < 0)
		saved = errno;
	if (!ok || saved)
		unlink(temp_path);
	have_temp = 0;
	catch_signals(SIG_DFL);
	errno = saved;
	return ok && !saved ? 0 : -1;
}

static int write_export(const struct export_set *set, enum export_format format, const char *path)
{
	bool to_stdout = !path || strcmp(path, "-") == 0;
	const char *name = to_stdout ? "standard output" : path;
	FILE *out = to_stdout ? stdout : open_temp(path);
	if (!out) {
		fprintf(stderr, "rxplore: cannot create a file beside %s: %s\n", path, strerror(errno));
		return EXIT_PROBLEM;
	}
	errno = 0;
	int rc = export_write(out, set, format);
	int saved = errno;
	if (rc == EXPORT_OK && to_stdout && (fflush(out) == EOF || ferror(out))) {
		rc = EXPORT_EWRITE;
		saved = errno;
	}
	if (!to_stdout && commit_temp(out, path, rc == EXPORT_OK) < 0 && rc == EXPORT_OK) {
		rc = EXPORT_EWRITE;
		saved = errno;
	}
	if (rc == EXPORT_EWRITE)
		fprintf(stderr, "rxplore: cannot write %s: %s\n", name,
			saved ? strerror(saved) : "write error");
	else if (rc != EXPORT_OK)
		fprintf(stderr, "rxplore: cannot export: %s\n", export_strerror(rc));
	return rc == EXPORT_OK ? EXIT_OK : EXIT_PROBLEM;
}

int cli_export(struct cli *cli, const char *format_name, const char *output, char **args, int nargs)
{
	if (!format_name)
		return cli_usage("%s", "export needs --format anki, md, html or json");
	int format = export_format_parse(format_name);
	if (format < 0)
		return cli_usage("--format takes anki, md, html or json with export, not '%s'", format_name);
	if (output && !*output)
		return cli_usage("%s", "-o needs a file name ('-' for standard output)");
	const struct card **topics = malloc(((size_t)nargs + 1) * sizeof *topics);
	if (!topics) {
		fprintf(stderr, "rxplore: out of memory\n");
		return EXIT_PROBLEM;
	}
	for (int i = 0; i < nargs; i++) {
		topics[i] = cli_topic(cli, args[i]);
		if (!topics[i]) {
			free(topics);
			return EXIT_PROBLEM;
		}
	}
	int status = EXIT_PROBLEM;
	struct export_set set;
	if (cli->library.ncards == 0) {
		fprintf(stderr, "rxplore: no cards loaded (see 'rxplore packs' and 'rxplore check')\n");
	} else if (export_set_build(&set, &cli->library, topics, (size_t)nargs) != EXPORT_OK) {
		fprintf(stderr, "rxplore: out of memory\n");
	} else {
		set.generator = "rxplore " PACKAGE_VERSION;
		if (format == EXPORT_ANKI && set.nquestions == 0)
			fprintf(stderr, "rxplore: no questions for %s: nothing to export\n",
				nargs ? "these topics" : "the loaded cards");
		else
			status = write_export(&set, (enum export_format)format, output);
		export_set_release(&set);
	}
	free(topics);
	return status;
}
