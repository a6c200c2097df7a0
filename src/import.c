/* import — Anki text exports and CSV/TSV files as cards (see include/import.h);
 * import_text.c holds the HTML-to-text and YAML pieces. */
#include "import.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "csv.h"
#include "export.h"
#include "import_fields.h"
#include "quiz.h"
#include "text.h"

enum column { COL_NONE, COL_ID, COL_QUESTION, COL_ANSWER, COL_CHOICES, COL_EXPLAIN, COL_TAGS, COL_DECK, COL_NOTETYPE };
enum { MAX_COLUMNS = 32 };

/* How the file's fields are laid out. */
struct layout {
	char separator;
	bool html;
	bool anki;			/* it had #-headers */
	enum column cols[MAX_COLUMNS];	/* by 0-based column */
	bool named;			/* cols came from #columns or a header row */
	char deck[256];			/* #deck: */
};

void import_deck_init(struct import_deck *deck)
{
	memset(deck, 0, sizeof *deck);
}

static void question_release(struct import_question *q)
{
	free(q->id);
	free(q->ask);
	free(q->explain);
	for (size_t i = 0; i < q->nchoices; i++) {
		free(q->choices[i]);
		free(q->matches[i]);
	}
	memset(q, 0, sizeof *q);
}

void import_deck_release(struct import_deck *deck)
{
	for (size_t c = 0; c < deck->count; c++) {
		struct import_card *card = &deck->cards[c];
		for (size_t i = 0; i < card->count; i++)
			question_release(&card->questions[i]);
		free(card->questions);
		free(card->id);
		free(card->title);
	}
	free(deck->cards);
	memset(deck, 0, sizeof *deck);
}

/* ---- the layout ---- */

static enum column column_named(const char *name)
{
	static const struct {
		const char *name;
		enum column col;
	} names[] = {
		{ "id", COL_ID },	   { "guid", COL_ID },	       { "question", COL_QUESTION },
		{ "front", COL_QUESTION }, { "text", COL_QUESTION },   { "answer", COL_ANSWER },
		{ "answers", COL_ANSWER }, { "back", COL_ANSWER },     { "choices", COL_CHOICES },
		{ "explanation", COL_EXPLAIN }, { "explain", COL_EXPLAIN }, { "extra", COL_EXPLAIN },
		{ "tags", COL_TAGS },	   { "deck", COL_DECK },	       { "notetype", COL_NOTETYPE },
	};
	char lower[32];
	size_t n = 0;
	for (; name[n] && n + 1 < sizeof lower; n++)
		lower[n] = (char)tolower((unsigned char)name[n]);
	lower[n] = '\0';
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(lower, names[i].name) == 0)
			return names[i].col;
	return COL_NONE;
}

static char separator_named(const char *value)
{
	static const struct {
		const char *name;
		char c;
	} names[] = { { "tab", '\t' }, { "comma", ',' }, { "semicolon", ';' }, { "space", ' ' },
		      { "pipe", '|' }, { "colon", ':' } };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(value, names[i].name) == 0)
			return names[i].c;
	return strlen(value) == 1 ? value[0] : 0;
}

/* Questions and answers in the columns no header claimed, in order. */
static void fill_positions(struct layout *l, size_t ncols)
{
	static const enum column order[] = { COL_QUESTION, COL_ANSWER, COL_EXPLAIN, COL_TAGS };
	size_t next = 0;
	bool tags_taken = false;
	for (size_t i = 0; i < MAX_COLUMNS; i++)
		tags_taken = tags_taken || l->cols[i] == COL_TAGS;
	for (size_t i = 0; i < ncols && i < MAX_COLUMNS && next < sizeof order / sizeof order[0]; i++) {
		if (l->cols[i] != COL_NONE)
			continue;
		if (order[next] == COL_TAGS && tags_taken)
			break;
		l->cols[i] = order[next++];
	}
}

/* No #separator: a tab in the first record (outside quotes) makes it TSV. */
static char guess_separator(const char *text, size_t len)
{
	bool quoted = false;
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '"')
			quoted = !quoted;
		else if (!quoted && text[i] == '\t')
			return '\t';
		else if (!quoted && text[i] == '\n')
			break;
	}
	return ',';
}

/* Reads the #key:value lines at the top; returns the offset after them. */
static size_t read_headers(struct layout *l, const char *text, size_t len, unsigned *line, struct diag_list *diags,
			   const char *path)
{
	size_t pos = 0;
	char columns[1024] = "";
	while (pos < len && text[pos] == '#') {
		const char *end = memchr(text + pos, '\n', len - pos);
		size_t n = end ? (size_t)(end - text - pos) : len - pos;
		char header[1100];
		size_t body = n - 1 < sizeof header - 1 ? n - 1 : sizeof header - 1; /* after the '#' */
		snprintf(header, sizeof header, "%.*s", (int)body, text + pos + 1);
		header[strcspn(header, "\r")] = '\0';
		char *colon = strchr(header, ':');
		if (colon) {
			*colon = '\0';
			const char *key = header, *value = colon + 1;
			long number = strtol(value, NULL, 10);
			l->anki = true;
			if (strcasecmp(key, "separator") == 0) {
				l->separator = separator_named(value);
				if (!l->separator)
					diag_add(diags, DIAG_ERROR, path, *line, 0, "unknown separator '%s'", value);
			} else if (strcasecmp(key, "html") == 0) {
				l->html = strcasecmp(value, "true") == 0;
			} else if (strcasecmp(key, "columns") == 0) {
				snprintf(columns, sizeof columns, "%s", value);
			} else if (strcasecmp(key, "deck") == 0) {
				snprintf(l->deck, sizeof l->deck, "%s", value);
			} else if (number >= 1 && number <= MAX_COLUMNS && strlen(key) > 7 &&
				   strcasecmp(key + strlen(key) - 7, " column") == 0) {
				enum column col = strcasecmp(key, "guid column") == 0 ? COL_ID
						  : strcasecmp(key, "tags column") == 0 ? COL_TAGS
						  : strcasecmp(key, "deck column") == 0 ? COL_DECK
						  : strcasecmp(key, "notetype column") == 0 ? COL_NOTETYPE : COL_NONE;
				/* Other columns are read and ignored: claim them. */
				l->cols[number - 1] = col != COL_NONE ? col : (enum column)-1;
			}
		}
		pos += n + (end ? 1 : 0);
		(*line)++;
	}
	if (!l->separator)
		l->separator = guess_separator(text + pos, len - pos);
	if (columns[0]) {
		l->named = true;
		size_t i = 0;
		for (char *name = columns; name && i < MAX_COLUMNS; i++) {
			char *next = strchr(name, l->separator);
			if (next)
				*next++ = '\0';
			if (l->cols[i] == COL_NONE)
				l->cols[i] = column_named(name);
			name = next;
		}
	}
	return pos;
}

/* A first row that only names columns is a header row. */
static bool header_row(struct layout *l, const struct csv_record *rec)
{
	if (l->named || l->anki || rec->count > MAX_COLUMNS)
		return false;
	bool question = false;
	for (size_t i = 0; i < rec->count; i++) {
		enum column col = column_named(rec->fields[i]);
		if (col == COL_NONE)
			return false;
		question = question || col == COL_QUESTION;
	}
	if (!question)
		return false;
	for (size_t i = 0; i < rec->count; i++)
		l->cols[i] = column_named(rec->fields[i]);
	l->named = true;
	return true;
}

/* ---- one row ---- */

/* What one row says, before it becomes a question. */
struct row {
	const char *id, *question, *answer, *choices, *explain, *tags, *deck;
	const char *notetype;	/* "Basic (type in the answer)" makes a typed question */
	unsigned line;
};

static char *field_text(const struct layout *l, const char *field)
{
	if (l->html)
		return import_html_to_text(field ? field : "");
	char *copy = strdup(field ? field : "");
	if (copy) {
		char *w = copy;
		for (const char *r = copy; *r; r++)
			if (*r != '\r')
				*w++ = *r;
		*w = '\0';
	}
	return copy;
}


/* ---- cards and ids ---- */

/* A card id from a tag or deck name: lower-case letters, digits and '-'. */
static void slug(const char *name, char *out, size_t size)
{
	size_t n = 0;
	bool dash = false;
	for (const unsigned char *p = (const unsigned char *)name; *p && n + 2 < size; p++) {
		if (isalnum(*p) && *p < 0x80) {
			if (dash && n > 0)
				out[n++] = '-';
			out[n++] = (char)tolower(*p);
			dash = false;
		} else {
			dash = true;
		}
	}
	out[n] = '\0';
	if (n == 0)
		snprintf(out, size, "imported");
}

static bool valid_question_id(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || strchr("-_:.", *s)))
			return false;
	return true;
}

static struct import_card *card_for(struct import_deck *deck, const char *id, const char *title)
{
	for (size_t i = 0; i < deck->count; i++)
		if (strcmp(deck->cards[i].id, id) == 0)
			return &deck->cards[i];
	if (array_grow(&deck->cards, &deck->alloc, deck->count, sizeof *deck->cards) < 0)
		return NULL;
	struct import_card *card = &deck->cards[deck->count];
	memset(card, 0, sizeof *card);
	card->id = strdup(id);
	card->title = strdup(title && *title ? title : id);
	if (!card->id || !card->title) {
		free(card->id);
		free(card->title);
		return NULL;
	}
	deck->count++;
	return card;
}

static const struct import_question *find_question(const struct import_deck *deck, const char *id)
{
	for (size_t c = 0; c < deck->count; c++)
		for (size_t i = 0; i < deck->cards[c].count; i++)
			if (strcmp(deck->cards[c].questions[i].id, id) == 0)
				return &deck->cards[c].questions[i];
	return NULL;
}

/* Which card a row goes to: rxplore's card tag, else the first tag, the
 * deck, or the file's name.  *from_rxplore says the row came from rxplore. */
static void card_of(const struct row *row, const char *file_name, bool html, char *id, size_t id_size,
		    char *title, size_t title_size, bool *from_rxplore)
{
	const char *tags = row->tags ? row->tags : "", *first = NULL;
	size_t first_len = 0;
	*from_rxplore = false;
	id[0] = '\0';
	for (const char *p = tags; *p;) {
		p += strspn(p, " ");
		size_t n = strcspn(p, " ");
		if (n == 7 && strncmp(p, "rxplore", 7) == 0)
			*from_rxplore = true;
		else if (n > 15 && strncmp(p, "rxplore::card::", 15) == 0)
			snprintf(id, id_size, "%.*s", (int)(n - 15), p + 15);
		else if (n > 0 && !first && strncmp(p, "rxplore::", 9) != 0)
			first = p, first_len = n;
		p += n;
	}
	if (id[0] && valid_question_id(id) && !strpbrk(id, "_:.")) {
		if (!title[0])
			snprintf(title, title_size, "%s", id);
		return;
	}
	char name[256];
	if (first)
		snprintf(name, sizeof name, "%.*s", (int)first_len, first);
	else
		snprintf(name, sizeof name, "%s", row->deck && *row->deck ? row->deck : file_name);
	if (html) { /* "Pharm &amp; Co" */
		char *plain = import_html_to_text(name);
		if (plain)
			snprintf(name, sizeof name, "%s", plain);
		free(plain);
	}
	slug(name, id, id_size);
	if (!title[0]) {
		for (char *p = name; *p; p++)
			if (*p == '_')
				*p = ' ';
		snprintf(title, title_size, "%s", name);
	}
}

/* rxplore shows a question's choices in an order fixed by its id; put them
 * back in the order that, exported again, shows the same letters. */
static void unshuffle(struct import_question *q)
{
	struct quiz_question shown = { .id = q->id, .type = q->select_all ? QUESTION_MULTI : QUESTION_SINGLE,
				       .nchoices = q->nchoices };
	unsigned char order[QUESTION_MAX_CHOICES];
	export_choice_order(&shown, order);
	char *choices[QUESTION_MAX_CHOICES] = { NULL };
	bool correct[QUESTION_MAX_CHOICES] = { false };
	for (size_t pos = 0; pos < q->nchoices; pos++) {
		choices[order[pos]] = q->choices[pos];
		correct[order[pos]] = q->correct[pos];
	}
	memcpy(q->choices, choices, q->nchoices * sizeof *choices);
	memcpy(q->correct, correct, q->nchoices * sizeof *correct);
}

static void row_error(struct import_deck *deck, struct diag_list *diags, const char *path, unsigned line,
		      const char *why)
{
	diag_add(diags, DIAG_ERROR, path, line, 0, "%s; row skipped", why);
	deck->skipped++;
}

/* Adds the row's question; -1 only when out of memory. */
static int add_row(struct import_deck *deck, const struct layout *l, const struct row *row, const char *path,
		   const char *file_name, struct diag_list *diags)
{
	deck->rows++;
	/* A case vignette's parts are run together in one note: said, not guessed at. */
	if (row->tags && strstr(row->tags, "rxplore::question::case")) {
		diag_add(diags, DIAG_WARNING, path, row->line, 0,
			 "a case vignette is not imported: its note runs its parts together (the card it came "
			 "from keeps it)");
		return 0;
	}
	if (!row->question || !*row->question || !row->answer) {
		row_error(deck, diags, path, row->line, "no question or no answer column");
		return 0;
	}
	struct import_question q = { 0 };
	char *question = field_text(l, row->question), *answer = field_text(l, row->answer);
	char *choices = row->choices ? field_text(l, row->choices) : NULL;
	char *explain = row->explain ? field_text(l, row->explain) : NULL;
	char title[256] = "", card_id[128];
	const char *error = "out of memory";
	int rc = -1;
	bool typed = row->notetype && text_find_nocase(row->notetype, "type in");
	bool cloze = row->notetype && text_find_nocase(row->notetype, "cloze");
	/* rxplore's own orderings and matchings say so in a tag. */
	bool order = row->tags && strstr(row->tags, "rxplore::question::order");
	bool match = row->tags && strstr(row->tags, "rxplore::question::match");
	if (question && answer && (choices || !row->choices) && (explain || !row->explain))
		error = order || match ? import_fields_parse_arranged(&q, match, question, answer, title, sizeof title)
			: cloze ? import_fields_parse_cloze(&q, question, answer, explain, title, sizeof title)
			: typed ? import_fields_parse_typed(&q, question, answer, explain, title, sizeof title)
				: import_fields_parse(&q, question, answer, choices, explain, title, sizeof title);
	if (!error || strcmp(error, "out of memory") != 0)
		rc = 0;
	bool from_rxplore = false;
	card_of(row, file_name, l->html, card_id, sizeof card_id, title, sizeof title, &from_rxplore);
	char id[256];
	const char *given = row->id ? row->id : "";
	if (!error) {
		if (valid_question_id(given) && strlen(given) < sizeof id)
			snprintf(id, sizeof id, "%s", given);
		else
			snprintf(id, sizeof id, "%s:%016llx", card_id, card_question_hash(*given ? given : q.ask));
		const struct import_question *taken = find_question(deck, id);
		if (taken)
			error = "the question id is already used by an earlier row";
		else if (!(q.id = strdup(id)))
			error = "out of memory", rc = -1;
	}
	if (!error && from_rxplore && q.truth < 0 && !q.typed && !q.cloze && !q.order && !q.match &&
	    valid_question_id(given))
		unshuffle(&q);
	struct import_card *card = error ? NULL : card_for(deck, card_id, title);
	if (!error && !card)
		error = "out of memory", rc = -1;
	if (card && array_grow(&card->questions, &card->alloc, card->count, sizeof *card->questions) < 0)
		error = "out of memory", rc = -1;
	if (!error) {
		card->questions[card->count++] = q;
	} else {
		if (rc == 0)
			row_error(deck, diags, path, row->line, error);
		question_release(&q);
	}
	free(question);
	free(answer);
	free(choices);
	free(explain);
	return rc;
}

static const char *column_of(const struct layout *l, const struct csv_record *rec, enum column col)
{
	for (size_t i = 0; i < rec->count && i < MAX_COLUMNS; i++)
		if (l->cols[i] == col)
			return rec->fields[i];
	return NULL;
}

int import_parse(struct import_deck *deck, const char *path, const char *text, size_t len,
		 struct diag_list *diags)
{
	struct layout l = { 0 };
	unsigned line = 1;
	size_t start = read_headers(&l, text, len, &line, diags, path);
	const char *base = strrchr(path, '/');
	char file_name[256];
	snprintf(file_name, sizeof file_name, "%s", base ? base + 1 : path);
	file_name[strcspn(file_name, ".")] = '\0';

	struct csv_reader reader;
	struct csv_record rec = { 0 };
	csv_reader_init(&reader, text + start, len - start, l.separator);
	reader.line = line;
	enum csv_result got;
	bool first = true;
	int rc = 0;
	while (rc == 0 && (got = csv_next(&reader, &rec)) == CSV_RECORD) {
		if (rec.count == 1 && rec.fields[0][0] == '\0')
			continue;
		if (first && header_row(&l, &rec)) {
			first = false;
			continue;
		}
		if (first && !l.named)
			fill_positions(&l, rec.count);
		first = false;
		struct row row = {
			.id = column_of(&l, &rec, COL_ID),
			.question = column_of(&l, &rec, COL_QUESTION),
			.answer = column_of(&l, &rec, COL_ANSWER),
			.choices = column_of(&l, &rec, COL_CHOICES),
			.explain = column_of(&l, &rec, COL_EXPLAIN),
			.tags = column_of(&l, &rec, COL_TAGS),
			.deck = column_of(&l, &rec, COL_DECK),
			.notetype = column_of(&l, &rec, COL_NOTETYPE),
			.line = rec.line,
		};
		if (!row.deck && l.deck[0])
			row.deck = l.deck;
		rc = add_row(deck, &l, &row, path, file_name, diags);
	}
	if (rc == 0 && got == CSV_EQUOTE) {
		deck->rows++;
		row_error(deck, diags, path, rec.line, "a quoted field never ends");
	}
	if (got == CSV_ENOMEM)
		rc = -1;
	csv_record_release(&rec);
	return rc;
}
