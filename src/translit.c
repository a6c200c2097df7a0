/* translit — the one table from UTF-8 to ASCII of the same meaning (see
 * include/translit.h).  Folding for look-ups is in fold.c, on top of it. */
#include "translit.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

struct spelling {
	uint32_t codepoint;
	const char *ascii;
};

/* Sorted by code point (translit_table_sorted(), which a unit test calls),
 * searched by bisection.  Ranges
 * with a rule of their own (Latin Extended-A, box drawing, full-width forms,
 * superscripts and subscripts, Greek) are handled in ascii_for(). */
static const struct spelling table[] = {
	{ 0x00A0, " " }, { 0x00A1, "!" }, { 0x00A2, "c" }, { 0x00A3, "GBP" }, { 0x00A5, "JPY" },
	{ 0x00A6, "|" }, { 0x00A7, "S." }, { 0x00A8, "\"" }, { 0x00A9, "(c)" }, { 0x00AA, "a" },
	{ 0x00AB, "<<" }, { 0x00AC, "not " }, { 0x00AD, "" }, { 0x00AE, "(R)" }, { 0x00AF, "-" },
	{ 0x00B0, "deg" }, { 0x00B1, "+/-" }, { 0x00B4, "'" }, { 0x00B6, "P." }, { 0x00B7, "*" },
	{ 0x00B8, "," }, { 0x00BA, "o" }, { 0x00BB, ">>" }, { 0x00BC, " 1/4" }, { 0x00BD, " 1/2" },
	{ 0x00BE, " 3/4" }, { 0x00BF, "?" }, { 0x00C6, "AE" }, { 0x00C7, "C" }, { 0x00D0, "D" },
	{ 0x00D1, "N" }, { 0x00D7, "x" }, { 0x00D8, "O" }, { 0x00DD, "Y" }, { 0x00DE, "TH" },
	{ 0x00DF, "ss" }, { 0x00E6, "ae" }, { 0x00E7, "c" }, { 0x00F0, "d" }, { 0x00F1, "n" },
	{ 0x00F7, "/" }, { 0x00F8, "o" }, { 0x00FD, "y" }, { 0x00FE, "th" }, { 0x00FF, "y" },
	{ 0x0192, "f" }, { 0x0218, "S" }, { 0x0219, "s" }, { 0x021A, "T" }, { 0x021B, "t" },
	{ 0x02B9, "'" }, { 0x02BC, "'" }, { 0x02C6, "^" }, { 0x02DC, "~" },
	{ 0x03D1, "theta" }, { 0x03D5, "phi" }, { 0x03F5, "epsilon" },
	{ 0x2002, " " }, { 0x2003, " " }, { 0x2004, " " }, { 0x2005, " " }, { 0x2006, " " },
	{ 0x2007, " " }, { 0x2008, " " }, { 0x2009, " " }, { 0x200A, " " }, { 0x200B, "" },
	{ 0x200C, "" }, { 0x200D, "" }, { 0x200E, "" }, { 0x200F, "" }, { 0x2010, "-" },
	{ 0x2011, "-" }, { 0x2012, "-" }, { 0x2013, "-" }, { 0x2014, "--" }, { 0x2015, "--" },
	{ 0x2016, "||" }, { 0x2018, "'" }, { 0x2019, "'" }, { 0x201A, "," }, { 0x201B, "'" },
	{ 0x201C, "\"" }, { 0x201D, "\"" }, { 0x201E, "\"" }, { 0x201F, "\"" }, { 0x2020, "+" },
	{ 0x2021, "++" }, { 0x2022, "*" }, { 0x2023, ">" }, { 0x2024, "." }, { 0x2025, ".." },
	{ 0x2026, "..." }, { 0x2027, "-" }, { 0x2028, " " }, { 0x2029, " " }, { 0x202F, " " },
	{ 0x2030, " 0/00" }, { 0x2032, "'" }, { 0x2033, "\"" }, { 0x2039, "<" }, { 0x203A, ">" },
	{ 0x203C, "!!" }, { 0x2043, "-" }, { 0x2044, "/" }, { 0x205F, " " }, { 0x2060, "" },
	{ 0x2061, "" }, { 0x2062, "" }, { 0x2063, "" }, { 0x2064, "" },
	{ 0x20AC, "EUR" }, { 0x2103, "degC" }, { 0x2109, "degF" }, { 0x2113, "l" }, { 0x2116, "No." },
	{ 0x211E, "Rx" }, { 0x2122, "(TM)" }, { 0x2126, "Omega" }, { 0x212A, "K" }, { 0x212B, "A" },
	{ 0x2153, " 1/3" }, { 0x2154, " 2/3" }, { 0x2190, "<-" }, { 0x2191, "^" }, { 0x2192, "->" },
	{ 0x2193, "v" }, { 0x2194, "<->" }, { 0x2195, "^v" }, { 0x21A6, "|->" }, { 0x21C4, "<->" },
	{ 0x21C6, "<->" }, { 0x21CB, "<=>" }, { 0x21CC, "<=>" }, { 0x21D0, "<=" }, { 0x21D2, "=>" },
	{ 0x21D4, "<=>" }, { 0x2206, "Delta" }, { 0x2208, " in " }, { 0x2211, "sum" }, { 0x2212, "-" },
	{ 0x2213, "-/+" }, { 0x2215, "/" }, { 0x2217, "*" }, { 0x2218, "o" }, { 0x2219, "*" },
	{ 0x221A, "sqrt" }, { 0x221D, " prop. to " }, { 0x221E, "inf" }, { 0x2223, "|" }, { 0x2227, "and" },
	{ 0x2228, "or" }, { 0x2229, "and" }, { 0x222A, "or" }, { 0x2234, "so" }, { 0x223C, "~" },
	{ 0x2245, "~=" }, { 0x2248, "~" }, { 0x2260, "!=" }, { 0x2261, "==" }, { 0x2264, "<=" },
	{ 0x2265, ">=" }, { 0x226A, "<<" }, { 0x226B, ">>" }, { 0x2272, "<~" }, { 0x2273, ">~" },
	{ 0x22C5, "*" }, { 0x22EF, "..." }, { 0x2300, "diam." }, { 0x23AF, "-" },
	{ 0x25A0, "#" }, { 0x25A1, "[]" }, { 0x25AA, "*" }, { 0x25AB, "*" }, { 0x25B2, "^" },
	{ 0x25B3, "^" }, { 0x25B4, "^" }, { 0x25B6, ">" }, { 0x25B8, ">" }, { 0x25BA, ">" },
	{ 0x25BC, "v" }, { 0x25BD, "v" }, { 0x25BE, "v" }, { 0x25C0, "<" }, { 0x25C2, "<" },
	{ 0x25C4, "<" }, { 0x25C6, "*" }, { 0x25C7, "<>" }, { 0x25CB, "o" }, { 0x25CF, "*" },
	{ 0x25E6, "o" }, { 0x2605, "*" }, { 0x2606, "*" }, { 0x2610, "[ ]" }, { 0x2611, "[x]" },
	{ 0x2612, "[x]" }, { 0x2640, "F" }, { 0x2642, "M" }, { 0x26A0, "(!)" }, { 0x2705, "ok" },
	{ 0x2713, "ok" }, { 0x2714, "ok" }, { 0x2715, "x" }, { 0x2716, "x" }, { 0x2717, "x" },
	{ 0x2718, "x" }, { 0x274C, "x" }, { 0x2794, "->" }, { 0x279C, "->" }, { 0x27A1, "->" },
	{ 0x27F5, "<--" }, { 0x27F6, "-->" }, { 0x27F7, "<-->" }, { 0x27F8, "<==" }, { 0x27F9, "==>" },
	{ 0x27FA, "<==>" }, { 0x2B05, "<-" }, { 0x2B06, "^" }, { 0x2B07, "v" }, { 0x2E3A, "----" },
	{ 0xFB00, "ff" }, { 0xFB01, "fi" }, { 0xFB02, "fl" }, { 0xFB03, "ffi" }, { 0xFB04, "ffl" },
	{ 0xFEFF, "" }, { 0xFFFD, "?" },
};

/* U+00C0..U+00FF that are a base letter with an accent; '.' marks the code
 * points the table above spells. */
static const char latin1_letters[] = "AAAAAA.CEEEEIIII.NOOOOO.OUUUUY.."
				     "aaaaaa.ceeeeiiii.nooooo.ouuuuy.y";
/* U+0100..U+017F (Latin Extended-A); '#' marks the two-letter ones. */
static const char latin_a_letters[] = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi##JjKkk"
				      "LlLlLlLlLlNnNnNnnNnOoOoOo##RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
_Static_assert(sizeof latin1_letters == 65, "one letter for each of U+00C0..U+00FF");
_Static_assert(sizeof latin_a_letters == 129, "one letter for each of U+0100..U+017F");

/* U+0391..U+03C9: capitals, then small letters (U+03A2 is unassigned, and
 * U+03C2 is the final sigma). */
static const char *const greek_names[] = {
	"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu",
	"Nu", "Xi", "Omicron", "Pi", "Rho", "?", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega",
	"Iota", "Upsilon", "alpha", "epsilon", "eta", "iota", "upsilon",
	"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
	"nu", "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
	"iota", "upsilon", "omicron", "upsilon", "omega",
};
_Static_assert(sizeof greek_names / sizeof *greek_names == 0x3CE - 0x391 + 1, "U+0391..U+03CE");

/* Greek capitals with tonos, U+0386..U+0390 ('\0': unassigned). */
static const char *const greek_tonos[] = {
	"Alpha", "", "Epsilon", "Eta", "Iota", "", "Omicron", "", "Upsilon", "Omega", "iota",
};

static const char *lookup(uint32_t cp)
{
	size_t lo = 0, hi = sizeof table / sizeof *table;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (table[mid].codepoint == cp)
			return table[mid].ascii;
		if (table[mid].codepoint < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool translit_table_sorted(void)
{
	for (size_t i = 1; i < sizeof table / sizeof *table; i++)
		if (table[i - 1].codepoint >= table[i].codepoint)
			return false;
	return true;
}

static const char *box_drawing(uint32_t cp)
{
	static const uint16_t horizontal[] = { 0x00, 0x01, 0x04, 0x05, 0x08, 0x09, 0x4C, 0x4D,
					       0x74, 0x76, 0x78, 0x7A, 0x7C, 0x7E };
	static const uint16_t vertical[] = { 0x02, 0x03, 0x06, 0x07, 0x0A, 0x0B, 0x4E, 0x4F, 0x51,
					     0x75, 0x77, 0x79, 0x7B, 0x7D, 0x7F };
	unsigned low = cp & 0xFF;

	if (low == 0x50)
		return "=";
	if (low == 0x71)
		return "/";
	if (low == 0x72)
		return "\\";
	if (low == 0x73)
		return "X";
	for (size_t i = 0; i < sizeof horizontal / sizeof *horizontal; i++)
		if (horizontal[i] == low)
			return "-";
	for (size_t i = 0; i < sizeof vertical / sizeof *vertical; i++)
		if (vertical[i] == low)
			return "|";
	return "+";
}

/* The digit or sign a superscript (U+2070.., ¹²³) or subscript (U+2080..)
 * stands for, or 0. */
static char script_char(uint32_t cp, bool *superscript)
{
	static const char signs[] = "0i??456789+-=()n";	/* U+2070..U+207F */
	static const char subs[] = "0123456789+-=()?aeoxHhklmnpst";	/* U+2080..U+209C (H: schwa) */

	*superscript = true;
	if (cp == 0x00B9)
		return '1';
	if (cp == 0x00B2 || cp == 0x00B3)
		return (char)('2' + (cp - 0x00B2));
	if (cp >= 0x2070 && cp <= 0x207F && signs[cp - 0x2070] != '?')
		return signs[cp - 0x2070];
	*superscript = false;
	if (cp >= 0x2080 && cp <= 0x209C && subs[cp - 0x2080] != '?')
		return cp == 0x2094 ? 'e' : subs[cp - 0x2080];
	return 0;
}

static bool is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

/* Units that follow "micro": g, L/l, m (mol, m, min), M (molar), s, V, A, W, U. */
static bool is_unit_letter(uint32_t cp)
{
	return cp != 0 && strchr("gLlmMsVAWU", (int)cp) != NULL && cp < 0x80;
}

/* The ASCII for cp, or NULL when the table has none. */
static const char *ascii_for(uint32_t cp, uint32_t next, char *buf)
{
	const char *known;

	if (cp == 0x00B5 || cp == 0x03BC)
		return is_unit_letter(next) ? "u" : "mu";
	if (cp >= 0x00C0 && cp <= 0x00FF && latin1_letters[cp - 0x00C0] != '.') {
		buf[0] = latin1_letters[cp - 0x00C0];
		buf[1] = '\0';
		return buf;
	}
	if (cp >= 0x0100 && cp <= 0x017F) {
		if (cp == 0x0132 || cp == 0x0133)
			return cp == 0x0132 ? "IJ" : "ij";
		if (cp == 0x0152 || cp == 0x0153)
			return cp == 0x0152 ? "OE" : "oe";
		buf[0] = latin_a_letters[cp - 0x0100];
		buf[1] = '\0';
		return buf;
	}
	if (cp >= 0x0300 && cp <= 0x036F)
		return "";	/* a combining accent: its base letter is already there */
	if (cp >= 0x0386 && cp <= 0x0390 && *greek_tonos[cp - 0x0386])
		return greek_tonos[cp - 0x0386];
	if (cp >= 0x0391 && cp <= 0x03CE && cp != 0x03A2)
		return greek_names[cp - 0x0391];
	if (cp >= 0x2500 && cp <= 0x257F)
		return box_drawing(cp);
	if (cp >= 0x2580 && cp <= 0x259F)
		return "#";
	if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF))
		return "";	/* variation selectors */
	if (cp >= 0xFF01 && cp <= 0xFF5E) {
		buf[0] = (char)(cp - 0xFEE0);
		buf[1] = '\0';
		return buf;
	}
	if (cp == 0x3000)
		return " ";
	known = lookup(cp);
	return known;
}

size_t translit_char(const char *s, size_t len, uint32_t previous, char out[TRANSLIT_MAX], size_t *out_len)
{
	unsigned char c = (unsigned char)s[0];
	uint32_t cp, next = 0;
	char buf[2];
	bool superscript;
	size_t used, n;
	int decoded;

	if (c < 0x80) {
		out[0] = (char)c;
		*out_len = 1;
		return 1;
	}
	decoded = text_utf8_decode(s, len, &cp);
	if (decoded < 0) {
		out[0] = '?';
		*out_len = 1;
		return 1;
	}
	used = (size_t)decoded;
	char script = script_char(cp, &superscript);
	if (script) {
		n = 0;
		if (superscript && is_digit(previous))
			out[n++] = '^';
		out[n++] = script;
		*out_len = n;
		return used;
	}
	if (used < len && text_utf8_decode(s + used, len - used, &next) < 0)
		next = 0;
	const char *ascii = ascii_for(cp, next, buf);
	if (!ascii)
		ascii = "?";
	n = strlen(ascii);
	memcpy(out, ascii, n);
	*out_len = n;
	return used;
}

bool translit_known(const char *s, size_t len)
{
	uint32_t cp, next = 0;
	char buf[2];
	bool superscript;
	int used = text_utf8_decode(s, len, &cp);

	if (used < 0)
		return false;
	if (cp < 0x80 || script_char(cp, &superscript))
		return true;
	if ((size_t)used < len && text_utf8_decode(s + used, len - (size_t)used, &next) < 0)
		next = 0;
	return ascii_for(cp, next, buf) != NULL;
}

bool translit_needed(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

/* Columns a character takes on a UTF-8 terminal, whatever this process's
 * locale (wcwidth() knows nothing outside a UTF-8 one): 0 for what
 * transliterates to nothing, 2 for East Asian wide characters and emoji. */
static int source_width(const char *s, size_t len)
{
	uint32_t cp;

	if (text_utf8_decode(s, len, &cp) < 0)
		return 1;
	char ascii[TRANSLIT_MAX];
	size_t n;
	translit_char(s, len, 0, ascii, &n);
	if (n == 0)
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

/* One pass for both forms.  keep_columns: a character whose ASCII is wider
 * than it was takes the extra columns from the spaces after it (leaving one),
 * and one that got narrower is padded, so the columns of a diagram line up
 * as the author drew them; a newline settles the account. */
static size_t translit_run(const char *s, size_t len, char *out, bool keep_columns)
{
	size_t pos = 0, written = 0;
	uint32_t previous = 0;
	long debt = 0;	/* columns written beyond the original's */
	char last = 0;	/* the last byte written */

	while (pos < len) {
		char ascii[TRANSLIT_MAX];
		size_t n, used;
		unsigned char c = (unsigned char)s[pos];

		if (c < 0x80) {
			if (c == '\n')
				debt = 0;
			if (c == ' ' && debt > 0 && pos + 1 < len && s[pos + 1] == ' ') {
				debt--;
				pos++;
				continue;
			}
			if (out)
				out[written] = (char)c;
			previous = c;
			last = (char)c;
			written++;
			pos++;
			continue;
		}
		used = translit_char(s + pos, len - pos, previous, ascii, &n);
		const char *spelt = ascii;
		int width = keep_columns ? source_width(s + pos, used) : 0;
		/* Line art: "──→" becomes "-->", "←──" "<--", not one column longer. */
		if (keep_columns && last == '-' && n > (size_t)width && spelt[0] == '-')
			spelt++, n--;
		else if (keep_columns && debt > 0 && last == '-' && n == 1 && spelt[0] == '-')
			n = 0;
		if (out)
			memcpy(out + written, spelt, n);
		written += n;
		if (n > 0)
			last = spelt[n - 1];
		if (text_utf8_decode(s + pos, len - pos, &previous) < 0)
			previous = '?';
		if (keep_columns) {
			debt += (long)n - width;
			for (; debt < 0; debt++) {
				if (out)
					out[written] = ' ';
				written++;
				last = ' ';
			}
		}
		pos += used;
	}
	if (out)
		out[written] = '\0';
	return written;
}

size_t translit_text(const char *s, size_t len, char *out)
{
	return translit_run(s, len, out, false);
}

size_t translit_preformatted(const char *s, size_t len, char *out)
{
	return translit_run(s, len, out, true);
}
