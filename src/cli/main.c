/* rxplore — the entry point: parse the command line, look the command up in
 * the table (commands.c), dispatch (dispatch.c). */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ascii_out.h"
#include "commands.h"

/* A standard descriptor that was closed (`rxplore <&-`) is held by /dev/null,
 * so that no file rxplore opens later can take its number and receive output
 * meant for the terminal.  It is opened read-only: output to a closed stdout
 * still fails, and is reported. */
static void hold_standard_fds(void)
{
	for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		int held = open("/dev/null", O_RDONLY);
		if (held != fd && held >= 0)
			close(held);
	}
}

/* The status after the last output: a write error (a full disk, a closed
 * stdout) is a problem worth a message; a reader that went away (EPIPE, when
 * SIGPIPE is ignored) is not: it is how `rxplore list | head -1` ends. */
static int finish_output(int status)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return status;
	if (errno != EPIPE)
		fprintf(stderr, "rxplore: write error: %s\n", errno ? strerror(errno) : "output failed");
	return status == EXIT_OK ? EXIT_PROBLEM : status;
}

int main(int argc, char **argv)
{
	hold_standard_fds();
	setlocale(LC_ALL, "");
	struct cli cli = { 0 };
	/* The locale's charset is not UTF-8: every byte shown goes out as ASCII
	 * (card text is transliterated once it is loaded, see dispatch.c). */
	cli.ascii = !ascii_out_locale_is_utf8();
	if (cli.ascii)
		ascii_out_begin();
	config_defaults(&cli.config);
	library_init(&cli.library);
	diag_list_init(&cli.diags);

	struct cli_request request;
	int status = cli_request_parse(&request, &cli.options, argv + 1, argc > 0 ? argc - 1 : 0, false);
	if (status == EXIT_OK) {
		cli.options = request.options;
		status = cli_dispatch(&cli, &request, false);
	}
	cli_request_release(&request);

	status = finish_output(status);
	if (ascii_out_end() < 0 && status == EXIT_OK)
		status = EXIT_PROBLEM;
	library_release(&cli.library);
	diag_list_release(&cli.diags);
	return status;
}
