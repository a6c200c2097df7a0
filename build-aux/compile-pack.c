/* compile-pack — turns a content pack into C data, at build time.
 *
 * Parsing the bundled pack's YAML was nine tenths of rxplore's start-up
 * (doc/PERFORMANCE.md), so the build does it once: this tool loads the pack
 * with the real loader, exactly as the running program would load it from
 * memory under the label "(built in)", and writes the result — pack, vocabulary,
 * cards and the loader's diagnostics — as C initializers that
 * loader_load_compiled_manifest() and loader_load_compiled_cards() hand to
 * the library without parsing anything.
 *
 * Usage: compile-pack CONTENT_DIR > builtin_pack.c
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"

#define LABEL "(built in)"

static void die(const char *what)
{
	fprintf(stderr, "compile-pack: %s\n", what);
	exit(1);
}

static char *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long n;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		die(path);
	data = malloc((size_t)n + 1);
	if (!data || fread(data, 1, (size_t)n, f) != (size_t)n)
		die(path);
	fclose(f);
	*size = (size_t)n;
	return data;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct embedded_file *)a)->name, ((const struct embedded_file *)b)->name);
}

static bool is_card_file(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && ((n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
				  (n > 4 && strcmp(name + n - 4, ".yml") == 0));
}

/* pack.yaml and every card file in cards/, as the embedded loader takes them. */
static struct embedded_file *read_pack(const char *dir, size_t *count)
{
	char path[4096];
	struct embedded_file *files = NULL;
	size_t n = 0;
	DIR *d;
	struct dirent *e;

	snprintf(path, sizeof path, "%s/cards", dir);
	if (!(d = opendir(path)))
		die(path);
	while ((e = readdir(d))) {
		char *name;

		if (!is_card_file(e->d_name))
			continue;
		files = realloc(files, (n + 2) * sizeof *files);
		name = malloc(strlen(e->d_name) + 7);
		if (!files || !name)
			die("out of memory");
		sprintf(name, "cards/%s", e->d_name);
		files[n++] = (struct embedded_file){ name, NULL, 0 };
	}
	closedir(d);
	qsort(files, n, sizeof *files, by_name);
	memmove(files + 1, files, n * sizeof *files);
	files[0] = (struct embedded_file){ "pack.yaml", NULL, 0 };
	n++;
	for (size_t i = 0; i < n; i++) {
		size_t size;

		snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
		files[i].data = (const unsigned char *)slurp(path, &size);
		files[i].size = size;
	}
	*count = n;
	return files;
}

/* A C string literal, one source line per line of text.  '?' is escaped so
 * no trigraph can form; other bytes outside printable ASCII are octal. */
static void put_str(const char *s)
{
	if (!s) {
		fputs("NULL", stdout);
		return;
	}
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\' || *p == '?')
			printf("\\%c", *p);
		else if (*p == '\n')
			fputs(p[1] ? "\\n\"\n\t\t\"" : "\\n", stdout);
		else if (*p >= 32 && *p < 127)
			putchar(*p);
		else
			printf("\\%03o", *p);
	}
	putchar('"');
}

/* An array of strings as a compound literal (with a spare NULL entry, as the
 * loader allocates them), or NULL. */
static void put_strs(const char *const *items, size_t n)
{
	if (!items) {
		fputs("NULL", stdout);
		return;
	}
	fputs("(const char *[]){ ", stdout);
	for (size_t i = 0; i < n; i++) {
		put_str(items[i]);
		fputs(", ", stdout);
	}
	fputs("NULL }", stdout);
}

static void put_field(const char *indent, const char *name, const char *s)
{
	if (!s)
		return;
	printf("%s.%s = ", indent, name);
	put_str(s);
	puts(",");
}

static void put_question(const struct card_question *q)
{
	printf("\t\t{ .id = ");
	put_str(q->id);
	printf(", .id_authored = %s, .type = (enum question_type)%d, .line = %u, .see = %d,\n\t\t  .ask = ",
	       q->id_authored ? "true" : "false", (int)q->type, q->line, q->see);
	put_str(q->ask);
	printf(",\n\t\t  .choices = ");
	put_strs(q->choices, q->nchoices);
	printf(", .nchoices = %zu,\n\t\t  .correct = {", q->nchoices);
	for (size_t i = 0; i < QUESTION_MAX_CHOICES; i++)
		printf(" %d,", q->correct[i] ? 1 : 0);
	printf(" },\n\t\t  .choice_topics = ");
	put_strs(q->choice_topics, q->choice_topics ? q->nchoices : 0);
	if (q->choice_topics_at) {
		printf(",\n\t\t  .choice_topics_at = (struct card_pos[]){");
		for (size_t i = 0; i < q->nchoices; i++)
			printf(" { %u, %u },", q->choice_topics_at[i].line, q->choice_topics_at[i].col);
		printf(" }");
	}
	printf(",\n\t\t  .explain = ");
	put_str(q->explain);
	if (q->nparts) {	/* a case: its parts, each a question */
		printf(", .nparts = %zu, .parts = (struct card_question[]){\n", q->nparts);
		for (size_t i = 0; i < q->nparts; i++)
			put_question(&q->parts[i]);
		printf("\t\t}");
	}
	puts(" },");
}

static void put_source(const struct card_source *s)
{
	const char *fields[] = { s->title, s->publisher, s->authors, s->chapter, s->edition,
				 s->year, s->url, s->identifier, s->note };

	fputs("\t\t{ ", stdout);
	for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
		put_str(fields[f]);
		fputs(", ", stdout);
	}
	puts("},");
}

/* Where each reference is written, for the warning when it names no card. */
static void put_positions(const char *field, const struct card_pos *at, size_t n)
{
	if (!at || n == 0)
		return;
	printf("\t.%s = (struct card_pos[]){", field);
	for (size_t i = 0; i < n; i++)
		printf(" { %u, %u },", at[i].line, at[i].col);
	puts(" },");
}

static void put_card(size_t n, const struct card *c)
{
	printf("static const struct card card_%zu = {\n", n);
	put_field("\t", "id", c->id);
	put_field("\t", "title", c->title);
	printf("\t.kind = (enum card_kind)%d,\n", (int)c->kind);
	printf("\t.aliases = ");
	put_strs(c->aliases, c->naliases);
	printf(", .naliases = %zu,\n", c->naliases);
	put_field("\t", "member_of", c->member_of);
	for (size_t s = 0; s < SECTION_TEXT_COUNT; s++) {
		if (!c->text[s])
			continue;
		printf("\t.text[%zu] = ", s);
		put_str(c->text[s]);
		puts(",");
	}
	put_field("\t", "diagram_text", c->diagram_text);
	if (c->facts) {
		puts("\t.facts = (struct card_fact[]){");
		for (size_t i = 0; i < c->nfacts; i++) {
			fputs("\t\t{ ", stdout);
			put_str(c->facts[i].key);
			fputs(", ", stdout);
			put_str(c->facts[i].value);
			puts(" },");
		}
		puts("\t\t{ NULL, NULL } },");
	}
	printf("\t.nfacts = %zu,\n\t.related = ", c->nfacts);
	put_strs(c->related, c->nrelated);
	printf(", .nrelated = %zu,\n\t.compare_with = ", c->nrelated);
	put_strs(c->compare_with, c->ncompare_with);
	printf(", .ncompare_with = %zu,\n", c->ncompare_with);
	printf("\t.member_of_at = { %u, %u },\n", c->member_of_at.line, c->member_of_at.col);
	put_positions("related_at", c->related_at, c->nrelated);
	put_positions("compare_with_at", c->compare_with_at, c->ncompare_with);
	if (c->quiz) {
		puts("\t.quiz = (struct card_question[]){");
		for (size_t i = 0; i < c->nquiz; i++)
			put_question(&c->quiz[i]);
		puts("\t\t{ .see = -1 } },");
	}
	printf("\t.nquiz = %zu,\n", c->nquiz);
	if (c->sources) {
		puts("\t.sources = (struct card_source[]){");
		for (size_t i = 0; i < c->nsources; i++)
			put_source(&c->sources[i]);
		puts("\t\t{ NULL } },");
	}
	printf("\t.nsources = %zu,\n\t.status = (enum card_status)%d,\n", c->nsources, (int)c->status);
	put_field("\t", "reviewed_by", c->reviewed_by);
	put_field("\t", "reviewed", c->reviewed);
	put_field("\t", "path", c->path);
	printf("\t.line = %u,\n};\n\n", c->line);
}

int main(int argc, char **argv)
{
	struct library library;
	struct diag_list diags;
	struct embedded_file *files;
	size_t nfiles;

	if (argc != 2)
		die("usage: compile-pack CONTENT_DIR > builtin_pack.c");
	files = read_pack(argv[1], &nfiles);
	library_init(&library);
	diag_list_init(&diags);
	if (loader_load_embedded(&library, LABEL, files, nfiles, &diags) < 0 || library.npacks != 1 ||
	    diags.dropped)
		die("out of memory");

	puts("/* Generated by build-aux/compile-pack from content/: do not edit. */");
	puts("#include <stddef.h>\n\n#include \"builtin_pack.h\"\n");
	puts("/* C11 only promises 4095-byte literals; gcc and clang take any length. */");
	puts("#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n");
	for (size_t i = 0; i < library.ncards; i++)
		put_card(i, library.cards[i]);

	puts("static const struct card *const cards[] = {");
	for (size_t i = 0; i < library.ncards; i++)
		printf("\t&card_%zu,\n", i);
	puts("\tNULL,\n};\n");

	puts("static const struct vocab_entry vocab[] = {");
	for (size_t i = 0; i < library.nvocab; i++) {
		fputs("\t{ ", stdout);
		put_str(library.vocab[i].key);
		fputs(", ", stdout);
		put_str(library.vocab[i].label);
		fputs(", ", stdout);
		put_str(library.vocab[i].ask);
		printf(", %s },\n", library.vocab[i].typed ? "true" : "false");
	}
	puts("\t{ NULL, NULL, NULL, false },\n};\n");

	puts("static const struct compiled_diag diags[] = {");
	for (size_t i = 0; i < diags.count; i++) {
		const struct diag *d = &diags.items[i];

		printf("\t{ (enum diag_severity)%d, ", (int)d->severity);
		put_str(d->path);
		printf(", %u, %u, ", d->line, d->col);
		put_str(d->message);
		puts(" },");
	}
	puts("\t{ DIAG_NOTE, NULL, 0, 0, NULL },\n};\n");

	const struct pack_info *p = &library.packs[0];
	puts("const struct compiled_pack builtin_pack = {\n\t.info = {");
	put_field("\t\t", "name", p->name);
	put_field("\t\t", "title", p->title);
	put_field("\t\t", "version", p->version);
	put_field("\t\t", "start", p->start);
	put_field("\t\t", "license", p->license);
	put_field("\t\t", "dir", p->dir);
	printf("\t\t.format = %d,\n\t\t.has_manifest = %s,\n\t},\n", p->format, p->has_manifest ? "true" : "false");
	printf("\t.vocab = vocab,\n\t.nvocab = %zu,\n", library.nvocab);
	printf("\t.cards = cards,\n\t.ncards = %zu,\n", library.ncards);
	printf("\t.diags = diags,\n\t.ndiags = %zu,\n};\n", diags.count);

	diag_list_release(&diags);
	library_release(&library);
	for (size_t i = 0; i < nfiles; i++) {
		free((void *)files[i].data);
		if (i > 0)
			free((void *)files[i].name);
	}
	free(files);
	return ferror(stdout) ? 1 : 0;
}
