/* ascii_out — transliterating standard streams (see ascii_out.h).  glibc's
 * and musl's fopencookie() make a FILE from write and close functions. */
#define _GNU_SOURCE 1	/* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): glibc's name, for fopencookie() */
#include "ascii_out.h"

#include <errno.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "translit.h"

bool ascii_out_locale_is_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);
	return codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

#if defined(__GLIBC__) || defined(__linux__)

/* One stream: its descriptor, and the start of a UTF-8 sequence that the
 * last write cut (stdio may split a character between two writes). */
struct ascii_stream {
	int fd;
	char pending[4];
	size_t npending;
};

static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Bytes at the end of s[0..len) that start a UTF-8 sequence not yet complete. */
static size_t cut_sequence(const char *s, size_t len)
{
	for (size_t back = 1; back <= 3 && back <= len; back++) {
		unsigned char c = (unsigned char)s[len - back];
		if ((c & 0xC0) == 0x80)
			continue;	/* a continuation byte: look further back */
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		return need > back ? back : 0;
	}
	return 0;
}

static ssize_t ascii_write(void *cookie, const char *buf, size_t size)
{
	struct ascii_stream *stream = cookie;
	size_t len = stream->npending + size;
	char small[1024], *in = len <= sizeof small ? small : malloc(len);
	if (!in)
		return -1;
	memcpy(in, stream->pending, stream->npending);
	memcpy(in + stream->npending, buf, size);
	size_t keep = cut_sequence(in, len);
	size_t whole = len - keep;
	size_t out_len = translit_text(in, whole, NULL);
	char *out = malloc(out_len + 1);
	int rc = -1;
	if (out) {
		translit_text(in, whole, out);
		rc = write_all(stream->fd, out, out_len);
		free(out);
	}
	if (rc == 0) {
		memcpy(stream->pending, in + whole, keep);
		stream->npending = keep;
	}
	if (in != small)
		free(in);
	return rc == 0 ? (ssize_t)size : -1;
}

static int ascii_close(void *cookie)
{
	struct ascii_stream *stream = cookie;
	/* A character cut at the very end never came: say so rather than drop it. */
	int rc = stream->npending ? write_all(stream->fd, "?", 1) : 0;
	free(stream);
	return rc;
}

static FILE *real_stdout, *real_stderr;

static FILE *ascii_stream_open(int fd, int mode)
{
	struct ascii_stream *stream = calloc(1, sizeof *stream);
	if (!stream)
		return NULL;
	stream->fd = fd;
	cookie_io_functions_t functions = { NULL, ascii_write, NULL, ascii_close };
	FILE *f = fopencookie(stream, "w", functions);
	if (!f) {
		free(stream);
		return NULL;
	}
	setvbuf(f, NULL, mode, BUFSIZ);
	return f;
}

void ascii_out_begin(void)
{
	if (real_stdout)
		return;
	FILE *out = ascii_stream_open(STDOUT_FILENO, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF);
	FILE *err = ascii_stream_open(STDERR_FILENO, _IONBF);
	if (!out || !err) {
		if (out)
			fclose(out);
		if (err)
			fclose(err);
		return;
	}
	fflush(stdout);
	real_stdout = stdout;
	real_stderr = stderr;
	stdout = out;
	stderr = err;
}

int ascii_out_end(void)
{
	if (!real_stdout)
		return 0;
	int rc = fclose(stdout) == 0 ? 0 : -1;
	int saved = errno;
	fclose(stderr);
	stdout = real_stdout;
	stderr = real_stderr;
	real_stdout = real_stderr = NULL;
	errno = saved;
	return rc;
}

#else	/* no fopencookie(): card text is still ASCII (library_transliterate) */

void ascii_out_begin(void)
{
}

int ascii_out_end(void)
{
	return 0;
}

#endif
