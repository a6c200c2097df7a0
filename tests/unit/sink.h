/* sink — capturing what a writer puts to a FILE *, for the unit tests of
 * the formatters (include after <cmocka.h> and <stdio.h>). */
#ifndef RXPLORE_TEST_SINK_H
#define RXPLORE_TEST_SINK_H

struct sink {
	FILE *stream;
	char *buf;
	size_t len;
};

static inline FILE *sink_open(struct sink *s)
{
	s->buf = NULL;
	s->len = 0;
	s->stream = open_memstream(&s->buf, &s->len);
	assert_non_null(s->stream);
	return s->stream;
}

/* Closes the stream; the caller frees the text. */
static inline char *sink_text(struct sink *s)
{
	fclose(s->stream);
	return s->buf;
}

#endif
