/* ui — the full-screen terminal interface (src/ui/, the only curses code).
 *
 * main.c decides between the TUI and line mode; ui_run() owns the terminal
 * from start to finish and always leaves it as it found it.
 */
#ifndef RXPLORE_UI_H
#define RXPLORE_UI_H

#include <stdbool.h>

#include "config.h"
#include "diag.h"
#include "library.h"

struct ui_options {
	bool no_color;		/* --no-color, or NO_COLOR set non-empty */
	bool no_mouse;		/* --no-mouse (the config's mouse: false also turns it off) */
	const char *state_dir;	/* $XDG_STATE_HOME/rxplore: first-start marker, progress */
	const char *profile;	/* --profile NAME, or NULL */
	/* Loads the library again with every pack cache checked, for when a
	 * cache it was painted from turns out stale (library_verify.h): 0 and
	 * the new library and diagnostics in *library and *diags (the old ones
	 * are gone then), or -1 with the old ones kept.  NULL: the library is
	 * taken as it is. */
	int (*reload)(void *context, const struct library **library, const struct diag_list **diags);
	/* Reads what the library left for after the first frame
	 * (include/library_complete.h): 0, or -1 when that failed and the
	 * library must be loaded again (reload).  NULL: it is whole.  Called
	 * with reload_context. */
	int (*complete)(void *context);
	void *reload_context;
};

/* True when curses can drive the terminal on stdin/stdout (probed with
 * newterm(), since initscr() exits on failure).  Leaves no trace. */
bool ui_terminal_usable(void);

/* Runs the interface until the user quits or a terminating signal arrives.
 * load_diags are the problems met while loading (shown behind `!`).
 * Returns the process exit status: 0, or 128+signal after SIGINT/SIGTERM/SIGHUP. */
int ui_run(const struct library *library, const struct config *config, const struct diag_list *load_diags,
	   const struct ui_options *options);

#endif
