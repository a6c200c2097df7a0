/* help — the `?` screen, generated from the action table, and the `!` list
 * of problems met while loading (both are pagers). */
#include <stdio.h>
#include <stdlib.h>

#include "pager.h"

#define EDUCATION_NOTE "rxplore is for education, not treatment decisions. Cards marked DRAFT have not yet " \
	"been reviewed by a pharmacist or physician. Check a current reference and ask a professional " \
	"before acting on anything you read here."

struct screen *help_new(struct ui *ui)
{
	struct pager *pager = pager_new("rxplore help: keys");
	char keys[96];
	int context;
	size_t i;

	if (!pager) {
		ui_message(ui, ROLE_ERROR, "Out of memory");
		return NULL;
	}
	pager_add(pager, NULL, EDUCATION_NOTE, ROLE_WARNING);
	for (context = 0; context < CTX_COUNT; context++) {
		pager_add(pager, NULL, "", ROLE_TEXT);
		pager_add(pager, NULL, actions_context_title((enum action_context)context), ROLE_TITLE);
		if (context == CTX_PROMPT)
			pager_add(pager, NULL, "Type to filter the topic list by title and alias.", ROLE_DIM);
		for (i = 0; i < actions_count; i++) {
			if ((int)actions_table[i].context != context)
				continue;
			actions_keys_label(&actions_table[i], ui->utf8, keys, sizeof(keys));
			pager_add(pager, keys, actions_table[i].help, ROLE_TEXT);
		}
	}
	pager_add(pager, NULL, "", ROLE_TEXT);
	pager_add(pager, NULL, "Mouse: click a topic, a section tab or a related topic; the wheel scrolls. "
		  "Start with --no-mouse (or mouse: false in the config) to keep the terminal's copy and paste.",
		  ROLE_DIM);
	return pager_screen(pager);
}

struct screen *problems_new(struct ui *ui)
{
	const struct diag_list *diags = ui->diags;
	struct pager *pager;
	char title[128], line[1024];
	size_t i;

	size_t errors = diags ? diags->errors : 0, warnings = diags ? diags->warnings : 0;
	snprintf(title, sizeof(title), "Problems met while loading: %zu error%s, %zu warning%s", errors,
		 errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
	pager = pager_new(title);
	if (!pager) {
		ui_message(ui, ROLE_ERROR, "Out of memory");
		return NULL;
	}
	if (!diags || diags->count == 0)
		pager_add(pager, NULL, "No problems: every card loaded.", ROLE_OK);
	for (i = 0; diags && i < diags->count; i++) {
		const struct diag *diag = &diags->items[i];
		enum role role = diag->severity == DIAG_ERROR ? ROLE_ERROR :
				 diag->severity == DIAG_WARNING ? ROLE_WARNING : ROLE_TEXT;

		diag_format(diag, line, sizeof(line));
		pager_add(pager, NULL, line, role);
	}
	if (diags && diags->dropped > 0) {
		snprintf(line, sizeof(line), "(%zu more problems were lost: out of memory)", diags->dropped);
		pager_add(pager, NULL, line, ROLE_DIM);
	}
	if (diags && diags->errors > 0)
		pager_add(pager, NULL, "Cards with errors are not shown; the others loaded. "
			  "`rxplore check` prints this list on the command line.", ROLE_DIM);
	return pager_screen(pager);
}
