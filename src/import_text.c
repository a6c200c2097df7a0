/* import_text — the text pieces of import: HTML fields to text, and YAML
 * cards out (see include/import.h). */
#include "import.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

struct named_entity {
	const char *name;
	uint32_t codepoint;
};

/* The entities Anki and common editors write; others are left as written. */
static const struct named_entity entities[] = {
	{ "amp", '&' },	     { "lt", '<' },	  { "gt", '>' },      { "quot", '"' },	  { "apos", '\'' },
	{ "nbsp", 0xA0 },    { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "hellip", 0x2026 }, { "rsquo", 0x2019 },
	{ "lsquo", 0x2018 }, { "rdquo", 0x201D }, { "ldquo", 0x201C }, { "times", 0xD7 },   { "deg", 0xB0 },
	{ "micro", 0xB5 },   { "plusmn", 0xB1 },  { "middot", 0xB7 },  { "bull", 0x2022 },  { "alpha", 0x3B1 },
	{ "beta", 0x3B2 },   { "gamma", 0x3B3 },  { "delta", 0x3B4 },  { "mu", 0x3BC },     { "rarr", 0x2192 },
	{ "larr", 0x2190 },  { "uarr", 0x2191 },  { "darr", 0x2193 },  { "le", 0x2264 },    { "ge", 0x2265 },
};

/* Decodes the entity at s (just after '&'); returns the bytes it spans after
 * the '&', or 0 when it is not one (the '&' is then kept as written). */
static size_t decode_entity(const char *s, char out[4], int *outlen)
{
	const char *semi = strchr(s, ';');
	if (!semi || semi - s > 10 || semi == s)
		return 0;
	size_t n = (size_t)(semi - s);
	uint32_t cp = 0;
	if (s[0] == '#') {
		char *end;
		bool hex = s[1] == 'x' || s[1] == 'X';
		unsigned long v = strtoul(s + (hex ? 2 : 1), &end, hex ? 16 : 10);
		if (end != semi || end == s + (hex ? 2 : 1) || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		cp = (uint32_t)v;
	} else {
		size_t k = 0;
		for (; k < sizeof entities / sizeof entities[0]; k++)
			if (strlen(entities[k].name) == n && strncmp(entities[k].name, s, n) == 0)
				break;
		if (k == sizeof entities / sizeof entities[0])
			return 0;
		cp = entities[k].codepoint;
	}
	if (cp == 0xA0)
		cp = ' ';
	*outlen = text_utf8_encode(cp, out);
	return *outlen > 0 ? n + 1 : 0;
}

/* 1 for <br> (always a line break), 2 for a block's start or end (<div>,
 * </p>, <li>, ...: a line break unless the line is already new), else 0. */
static int breaks_line(const char *tag, size_t len)
{
	if (len >= 2 && strncasecmp(tag, "br", 2) == 0 && (len == 2 || !isalnum((unsigned char)tag[2])))
		return 1;
	static const char *const names[] = { "p", "/p", "div", "/div", "li", "/li", "/tr", "hr", "/h1",
					     "/h2", "/h3", "ul", "/ul", "ol", "/ol" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i]);
		if (len >= n && strncasecmp(tag, names[i], n) == 0 &&
		    (len == n || !isalnum((unsigned char)tag[n])))
			return 2;
	}
	return 0;
}

/* Drops trailing spaces on every line, blank lines at both ends, and more
 * than one blank line in a row. */
static void trim_lines(char *s)
{
	char *w = s;
	for (const char *r = s; *r; r++) {
		if (*r == '\n') {
			while (w > s && (w[-1] == ' ' || w[-1] == '\t'))
				w--;
			if (w == s || (w - s >= 2 && w[-1] == '\n' && w[-2] == '\n'))
				continue;
		}
		*w++ = *r;
	}
	while (w > s && (w[-1] == ' ' || w[-1] == '\t' || w[-1] == '\n'))
		w--;
	*w = '\0';
}

char *import_html_to_text(const char *html)
{
	size_t len = strlen(html);
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	size_t w = 0;
	for (size_t r = 0; r < len;) {
		char c = html[r];
		char next = html[r + 1];
		bool tag_start = isalpha((unsigned char)next) || next == '/' || next == '!';
		if (c == '<') {
			const char *close = tag_start ? strchr(html + r, '>') : NULL;
			if (!close) { /* a lone '<' ("5 < 6") is text */
				out[w++] = html[r++];
				continue;
			}
			int brk = breaks_line(html + r + 1, (size_t)(close - html - r - 1));
			if (brk == 1 || (brk == 2 && w > 0 && out[w - 1] != '\n'))
				out[w++] = '\n';
			r = (size_t)(close - html) + 1;
		} else if (c == '&') {
			char bytes[4];
			int n = 0;
			size_t used = decode_entity(html + r + 1, bytes, &n);
			if (used == 0) {
				out[w++] = html[r++];
				continue;
			}
			/* An entity's bytes never outnumber its spelling ("&lt;" is 4 for 1). */
			memcpy(out + w, bytes, (size_t)n);
			w += (size_t)n;
			r += used + 1;
		} else if (c == '\r') {
			r++;
		} else {
			out[w++] = c;
			r++;
		}
	}
	out[w] = '\0';
	trim_lines(out);
	return out;
}

/* A double-quoted YAML scalar: its escapes, and \xXX for other controls. */
static const char *const yaml_escapes[128] = {
	['"'] = "\\\"", ['\\'] = "\\\\", ['\n'] = "\\n", ['\t'] = "\\t",
};

static void yaml_control(FILE *out, unsigned char byte)
{
	fprintf(out, "\\x%02X", byte);
}

void import_yaml_string(FILE *out, const char *text)
{
	fputc('"', out);
	text_write_escaped(out, text, yaml_escapes, yaml_control);
	fputc('"', out);
}

static void write_question(FILE *out, const struct import_question *q)
{
	fputs("  - id: ", out);
	import_yaml_string(out, q->id);
	fputs(q->cloze ? "\n    cloze: " : "\n    ask: ", out);
	import_yaml_string(out, q->ask);
	fputc('\n', out);
	if (q->order || q->match) {
		fputs(q->order ? "    type: order\n    items:\n" : "    type: match\n    left:\n", out);
		for (size_t i = 0; i < q->nchoices; i++) {
			fputs("      - ", out);
			import_yaml_string(out, q->choices[i]);
			fputc('\n', out);
		}
		for (size_t i = 0; q->match && i < q->nchoices; i++) {
			fputs(i ? "      - " : "    right:\n      - ", out);
			import_yaml_string(out, q->matches[i]);
			fputc('\n', out);
		}
	} else if (q->cloze) {
		fputs("    type: cloze\n", out);
	} else if (q->typed) {
		fputs("    type: typed\n    answer: ", out);
		import_yaml_string(out, q->choices[0]);
		fputc('\n', out);
	} else if (q->truth >= 0) {
		fprintf(out, "    answer: %s\n", q->truth ? "true" : "false");
	} else {
		fputs("    choices:\n", out);
		for (size_t i = 0; i < q->nchoices; i++) {
			fputs("      - ", out);
			import_yaml_string(out, q->choices[i]);
			fputc('\n', out);
		}
		size_t right = 0;
		for (size_t i = 0; i < q->nchoices; i++)
			right += q->correct[i];
		bool list = right > 1 || q->select_all;
		fputs(list ? "    answer:\n" : "    answer: ", out);
		for (size_t i = 0; i < q->nchoices; i++) {
			if (!q->correct[i])
				continue;
			fputs(list ? "      - " : "", out);
			import_yaml_string(out, q->choices[i]);
			fputc('\n', out);
		}
	}
	if (q->explain && *q->explain) {
		fputs("    explain: ", out);
		import_yaml_string(out, q->explain);
		fputc('\n', out);
	}
}

int import_write_card(FILE *out, const struct import_card *card, const char *source)
{
	fputs("# Imported by rxplore from ", out);
	for (const char *p = source; *p; p++)
		fputc(*p == '\n' || *p == '\r' ? ' ' : *p, out);
	fputs(".\n# A draft until a pharmacist or physician has reviewed it.\n", out);
	fputs("id: ", out);
	import_yaml_string(out, card->id);
	fputs("\ntitle: ", out);
	import_yaml_string(out, card->title);
	fputs("\nkind: concept\nsummary: ", out);
	char summary[96];
	snprintf(summary, sizeof summary, "%zu imported question%s.", card->count, card->count == 1 ? "" : "s");
	import_yaml_string(out, summary);
	fputs("\nquiz:\n", out);
	for (size_t i = 0; i < card->count; i++)
		write_question(out, &card->questions[i]);
	fputs("status: draft\n", out);
	return ferror(out) ? -1 : 0;
}
