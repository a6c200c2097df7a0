/* session_ui — the saved session (session.h) at the interface's start and
 * end: browse's marks, card and section, and the comparison built last, on
 * top again when rxplore ended on it, else one Backspace away.  A file that
 * cannot be used is set aside with a message, never an error. */
#include <stdio.h>
#include <string.h>

#include "browse.h"
#include "paths.h"
#include "screens.h"
#include "session.h"

static bool session_path(const struct ui *ui, char *buf, size_t size)
{
	return paths_session_file(buf, size, ui->options ? ui->options->profile : NULL);
}

void ui_session_restore(struct ui *ui)
{
	char path[4096];
	struct session session;
	struct screen *compare = NULL;
	size_t line;

	if (ui->depth != 1 || !session_path(ui, path, sizeof path))
		return;
	session_init(&session);
	enum session_status status = session_load(&session, ui->library, path, &line);
	if (status != SESSION_OK && status != SESSION_MISSING) {
		char where[32] = "";

		if (line)
			snprintf(where, sizeof where, ":%zu", line);
		ui_message(ui, ROLE_WARNING, "The saved session %s (%s%s): starting afresh", session_strerror(status),
			   path, where);
	}
	if (session.ncompare >= 2) {
		struct screen_request request = { session.card, session.section, session.compare, session.ncompare };

		compare = compare_view_open(ui, &request);
	}
	browse_restore(ui->stack[0], &session, compare && !session.compare_open ? compare : NULL);
	if (compare && session.compare_open)
		ui->stack[ui->depth++] = compare;
	session_release(&session);
}

void ui_session_save(struct ui *ui)
{
	char path[4096];
	struct session session;

	if (ui->depth < 1 || !session_path(ui, path, sizeof path))
		return;
	session_init(&session);
	if (browse_save(ui->stack[0], &session) == 0) {
		memcpy(session.compare, ui->compared, ui->ncompared * sizeof ui->compared[0]);
		session.ncompare = ui->ncompared;
		for (int i = 1; i < ui->depth; i++)
			session.compare_open |= compare_view_showing(ui->stack[i]);
		/* Nothing to say when it fails: the terminal is already given back,
		 * and a lost session costs only the place. */
		(void)session_save(&session, path);
	}
	session_release(&session);
}
