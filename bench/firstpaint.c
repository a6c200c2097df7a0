/* firstpaint — how long a full-screen program takes to paint its first
 * screen, and how many bytes each key makes it write, on an 80x24
 * pseudo-terminal with TERM=xterm-256color.
 *
 * "Complete" means: MARKER (a string the program writes as the last thing on
 * its first screen) has arrived, and then nothing more arrives for IDLE_MS
 * (default 300).  The first-paint time is the moment the last byte before
 * that quiet spell was read, measured from just before fork() with
 * CLOCK_MONOTONIC; the quiet spell itself is not counted.  Each key
 * (-k LABEL=BYTES) is then written in turn, and the bytes the program writes
 * back until it is quiet again for IDLE_MS are counted, with how many of
 * them are "clear the whole screen" (CSI 2 J).  Finally QUIT (default "q") is
 * written and the program is waited for (killed after 5 s).
 *
 * Usage: firstpaint [-n RUNS] [-i IDLE_MS] [-m MARKER] [-q QUIT] [-o FILE] [-k LABEL=BYTES]...
 *                   -- PROGRAM [ARG]...
 * MARKER, BYTES and QUIT take C escapes: \e \t \r \n \f \\ \xHH.  -o saves
 * what the last run wrote.  Prints one line per run, then "median_ms=...
 * min_ms=... max_ms=... maxrss_kib=... bytes=..." and, for every key, "key
 * LABEL bytes=N clears=N" (bytes, peak memory and keys from the last run).
 */
#define _GNU_SOURCE	/* memmem, forkpty */
#include <errno.h>
#include <stdbool.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_KEYS 32
#define MAX_RUNS 101
#define GIVE_UP_MS 60000.0

struct key {
	const char *label;
	char bytes[64];
	size_t len;
	size_t written_back, clears;
};

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static size_t unescape(const char *s, char *out, size_t size)
{
	size_t n = 0;

	while (*s && n < size) {
		char c = *s++;

		if (c == '\\' && *s) {
			c = *s++;
			switch (c) {
			case 'e': c = 27; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case 'n': c = '\n'; break;
			case 'f': c = '\f'; break;
			case 'x': {
				char hex[3] = { 0 };

				hex[0] = *s ? *s++ : '0';
				hex[1] = *s ? *s++ : '\0';
				c = (char)strtol(hex, NULL, 16);
				break;
			}
			default: break;
			}
		}
		out[n++] = c;
	}
	return n;
}

/* What one phase (the first paint, or one key) wrote. */
struct output {
	char *data;
	size_t len, alloc;
	double last;		/* when the last byte was read; -1 when nothing came */
};

static bool contains(const struct output *out, const char *s, size_t n)
{
	return n > 0 && memmem(out->data, out->len, s, n) != NULL;
}

/* Counts "clear the whole screen" (xterm's clear: CSI 2 J). */
static size_t count_clears(const struct output *out)
{
	size_t count = 0;
	const char *p = out->data, *end = out->data + out->len;

	while (p < end && (p = memmem(p, (size_t)(end - p), "\033[2J", 4)) != NULL) {
		count++;
		p += 4;
	}
	return count;
}

/* Reads from fd until it has been quiet for idle_ms (after `marker` has been
 * seen, when there is one), appending to out. */
static void read_until_idle(int fd, double idle_ms, const char *marker, struct output *out)
{
	size_t mlen = marker ? strlen(marker) : 0;
	bool found = mlen == 0;
	double start = now_ms();

	out->len = 0;
	out->last = -1;
	for (;;) {
		double quiet_since = out->last >= 0 ? out->last : start;
		double wait = found ? quiet_since + idle_ms - now_ms() : start + GIVE_UP_MS - now_ms();
		struct pollfd p = { fd, POLLIN, 0 };
		ssize_t n;

		if (wait <= 0) {
			if (!found)
				fprintf(stderr, "firstpaint: marker '%s' never came\n", marker);
			return;
		}
		if (poll(&p, 1, (int)wait + 1) <= 0)
			continue;
		if (out->alloc - out->len < 65536) {
			out->alloc = out->alloc * 2 + 65536;
			out->data = realloc(out->data, out->alloc);
			if (!out->data) {
				perror("firstpaint");
				exit(1);
			}
		}
		n = read(fd, out->data + out->len, out->alloc - out->len);
		if (n <= 0)
			return;	/* EIO: the program has gone */
		out->last = now_ms();
		out->len += (size_t)n;
		if (!found)
			found = contains(out, marker, mlen);
	}
}

/* Waits for the program to end (killing it after 5 s); returns its peak
 * resident memory in KiB, from the kernel's accounting. */
static long drain_and_reap(int fd, pid_t pid)
{
	double deadline = now_ms() + 5000;
	struct rusage usage;
	int status;

	memset(&usage, 0, sizeof usage);
	while (wait4(pid, &status, WNOHANG, &usage) == 0) {
		struct pollfd p = { fd, POLLIN, 0 };
		char buf[4096];

		if (now_ms() > deadline) {
			kill(pid, SIGKILL);
			wait4(pid, &status, 0, &usage);
			fprintf(stderr, "firstpaint: the program did not quit; killed\n");
			break;
		}
		if (poll(&p, 1, 50) > 0 && read(fd, buf, sizeof(buf)) <= 0)
			usleep(10000);
	}
	close(fd);
	return usage.ru_maxrss;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void usage(void)
{
	fprintf(stderr, "usage: firstpaint [-n RUNS] [-i IDLE_MS] [-m MARKER] [-q QUIT] [-o FILE] "
			"[-k LABEL=BYTES]... -- PROGRAM [ARG]...\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct key keys[MAX_KEYS];
	struct output out = { NULL, 0, 0, -1 };
	size_t nkeys = 0, bytes = 0;
	long maxrss = 0;
	char marker_buf[256];
	const char *marker = NULL;
	FILE *copy = NULL;
	char quit[16] = "q";
	size_t quit_len = 1;
	double idle_ms = 300, times[MAX_RUNS];
	int runs = 1, opt;

	while ((opt = getopt(argc, argv, "n:i:m:q:k:o:")) != -1) {
		switch (opt) {
		case 'n': runs = atoi(optarg); break;
		case 'i': idle_ms = atof(optarg); break;
		case 'm':
			marker_buf[unescape(optarg, marker_buf, sizeof(marker_buf) - 1)] = '\0';
			marker = marker_buf;
			break;
		case 'o':
			copy = fopen(optarg, "wb");
			if (!copy) {
				perror(optarg);
				return 2;
			}
			break;
		case 'q': quit_len = unescape(optarg, quit, sizeof(quit)); break;
		case 'k': {
			char *eq = strchr(optarg, '=');

			if (!eq || nkeys == MAX_KEYS)
				usage();
			*eq = '\0';
			keys[nkeys].label = optarg;
			keys[nkeys].len = unescape(eq + 1, keys[nkeys].bytes, sizeof(keys[nkeys].bytes));
			nkeys++;
			break;
		}
		default: usage();
		}
	}
	if (optind >= argc || runs < 1 || runs > MAX_RUNS)
		usage();
	signal(SIGPIPE, SIG_IGN);

	for (int r = 0; r < runs; r++) {
		struct winsize ws = { .ws_row = 24, .ws_col = 80 };
		double start;
		int fd;
		pid_t pid;

		start = now_ms();
		pid = forkpty(&fd, NULL, NULL, &ws);
		if (pid < 0) {
			perror("forkpty");
			return 1;
		}
		if (pid == 0) {
			setenv("TERM", "xterm-256color", 1);
			execvp(argv[optind], argv + optind);
			perror(argv[optind]);
			_exit(127);
		}
		read_until_idle(fd, idle_ms, marker, &out);
		bytes = out.len;
		times[r] = out.last >= 0 ? out.last - start : -1;
		if (copy && r == runs - 1)
			fwrite(out.data, 1, out.len, copy);
		printf("run %d: last byte at %.1f ms, %zu bytes\n", r + 1, times[r], bytes);
		for (size_t k = 0; k < nkeys; k++) {
			if (write(fd, keys[k].bytes, keys[k].len) < 0)
				perror("write");
			read_until_idle(fd, idle_ms, NULL, &out);
			keys[k].written_back = out.len;
			keys[k].clears = count_clears(&out);
			if (copy && r == runs - 1)
				fwrite(out.data, 1, out.len, copy);
		}
		if (write(fd, quit, quit_len) < 0)
			perror("write");
		maxrss = drain_and_reap(fd, pid);
	}
	qsort(times, (size_t)runs, sizeof(double), cmp_double);
	printf("median_ms=%.1f min_ms=%.1f max_ms=%.1f maxrss_kib=%ld bytes=%zu\n",
	       runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2, times[0],
	       times[runs - 1], maxrss, bytes);
	for (size_t k = 0; k < nkeys; k++)
		printf("key %s bytes=%zu clears=%zu\n", keys[k].label, keys[k].written_back, keys[k].clears);
	free(out.data);
	if (copy)
		fclose(copy);
	return times[0] < 0;
}
