/* confusions_render — the confusions and leeches as lines, the one layout
 * both front-ends draw (see include/confusions.h). */
#include "confusions.h"

#include <stdio.h>
#include <string.h>

#include "card.h"

struct out {
	int (*each)(const struct confusion_line *line, void *ctx);
	void *ctx;
	int status;
};

static void emit(struct out *out, enum confusion_line_kind kind, const char *text, const struct confusion *pair,
		 const struct leech *leech)
{
	if (out->status)
		return;
	struct confusion_line line = { kind, text, pair, leech };
	out->status = out->each(&line, out->ctx);
}

static void date_of(char *buf, size_t size, time_t at)
{
	struct tm tm;
	if (!localtime_r(&at, &tm) || strftime(buf, size, "%d %b %Y", &tm) == 0)
		snprintf(buf, size, "?");
}

static void render_pair(struct out *out, const struct library *library, size_t n, const struct confusion *c)
{
	char line[1024], date[64];
	unsigned strength = confusion_strength(c);
	date_of(date, sizeof date, c->last);
	if (c->cleared)
		snprintf(line, sizeof line, "%zu. %s ↔ %s: %u left of %u wrong answers, last %s", n, c->asked->title,
			 c->chosen->title, strength, c->wrong, date);
	else
		snprintf(line, sizeof line, "%zu. %s ↔ %s: %u wrong answer%s, last %s", n, c->asked->title,
			 c->chosen->title, c->wrong, c->wrong == 1 ? "" : "s", date);
	emit(out, CONFUSION_PAIR, line, c, NULL);
	snprintf(line, sizeof line, "   Asked about %s, you chose an answer that belongs to %s.", c->asked->title,
		 c->chosen->title);
	emit(out, CONFUSION_DETAIL, line, c, NULL);
	snprintf(line, sizeof line, "   Compare: rxplore compare %s %s", c->asked->id, c->chosen->id);
	emit(out, CONFUSION_COMMAND, line, c, NULL);
	const struct card *explainer = confusion_explainer(library, c->asked, c->chosen);
	if (explainer) {
		snprintf(line, sizeof line, "   Read:    rxplore show %s", explainer->id);
		emit(out, CONFUSION_COMMAND, line, c, NULL);
	}
	snprintf(line, sizeof line, "   Drill:   rxplore quiz --contrast %s,%s", c->asked->id, c->chosen->id);
	emit(out, CONFUSION_COMMAND, line, c, NULL);
}

static void render_leech(struct out *out, const struct leech *l)
{
	char line[1024];
	const struct quiz_question *q = l->question;
	snprintf(line, sizeof line, "- %s (%s): failed %u times", q->ask, q->card->title, l->failures);
	emit(out, CONFUSION_LEECH, line, NULL, l);
	if (l->mixed_with)
		snprintf(line, sizeof line, "  Its wrong answers point to %s: rxplore compare %s %s", l->mixed_with->title,
			 q->card->id, l->mixed_with->id);
	else if (q->see >= 0)
		snprintf(line, sizeof line, "  Read first: rxplore show %s %s", q->card->id,
			 section_key((enum section)q->see));
	else
		snprintf(line, sizeof line, "  Read first: rxplore show %s", q->card->id);
	emit(out, CONFUSION_COMMAND, line, NULL, l);
}

const char *confusion_leech_offer(const struct leech *leech, char *buf, size_t size)
{
	const struct quiz_question *q = leech->question;
	int n = snprintf(buf, size, "You have missed this question %u times. ", leech->failures);
	size_t used = n < 0 ? 0 : (size_t)n < size ? (size_t)n : size;
	if (leech->mixed_with)
		snprintf(buf + used, size - used, "Your wrong answers point to %s: compare it with %s first.",
			 leech->mixed_with->title, q->card->title);
	else if (q->see >= 0)
		snprintf(buf + used, size - used, "Read %s › %s first.", q->card->title,
			 section_title((enum section)q->see));
	else
		snprintf(buf + used, size - used, "Read the card %s first.", q->card->title);
	return buf;
}

int confusions_render(const struct confusion_report *report, const struct library *library, unsigned parts,
		      size_t max_pairs, int (*each)(const struct confusion_line *line, void *ctx), void *ctx)
{
	struct out out = { each, ctx, 0 };
	if (parts & CONFUSION_RENDER_PAIRS) {
		emit(&out, CONFUSION_TITLE, "Confusions — topics you mix up, strongest first", NULL, NULL);
		if (report->npairs == 0)
			emit(&out, CONFUSION_TEXT,
			     "None yet: a confusion appears when a wrong answer picks another topic's answer.", NULL,
			     NULL);
		size_t n = max_pairs && max_pairs < report->npairs ? max_pairs : report->npairs;
		for (size_t i = 0; i < n; i++)
			render_pair(&out, library, i + 1, &report->pairs[i]);
		if (n < report->npairs) {
			char line[128];
			snprintf(line, sizeof line, "… and %zu more: rxplore confusions", report->npairs - n);
			emit(&out, CONFUSION_TEXT, line, NULL, NULL);
		}
		if (report->npairs)
			emit(&out, CONFUSION_TEXT,
			     "A confusion fades by one for each right first answer to a question that contrasts the two.",
			     NULL, NULL);
	}
	if (parts & CONFUSION_RENDER_LEECHES) {
		if (parts & CONFUSION_RENDER_PAIRS)
			emit(&out, CONFUSION_BLANK, "", NULL, NULL);
		emit(&out, CONFUSION_TITLE, "Leeches — questions failed again and again", NULL, NULL);
		if (report->nleeches == 0)
			emit(&out, CONFUSION_TEXT, "None.", NULL, NULL);
		for (size_t i = 0; i < report->nleeches; i++)
			render_leech(&out, &report->leeches[i]);
	}
	return out.status;
}
