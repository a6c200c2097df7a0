/* paths — where rxplore keeps its files, per the XDG base directory spec.
 *
 * The one place that reads $HOME and the $XDG_*_HOME variables.  A value that
 * is unset, empty or relative is ignored (the spec calls a relative value
 * invalid), and then the default under $HOME is used; $HOME itself must be an
 * absolute path too, so nothing is ever written relative to the working
 * directory.  Every function writes at most size bytes and returns false when
 * no path can be made (no home, or the buffer is too small), leaving buf "".
 */
#ifndef RXPLORE_PATHS_H
#define RXPLORE_PATHS_H

#include <stdbool.h>
#include <stddef.h>

enum paths_base {
	PATHS_CONFIG,	/* $XDG_CONFIG_HOME, default ~/.config */
	PATHS_STATE,	/* $XDG_STATE_HOME, default ~/.local/state */
	PATHS_DATA,	/* $XDG_DATA_HOME, default ~/.local/share */
	PATHS_CACHE,	/* $XDG_CACHE_HOME, default ~/.cache */
};

/* The base directory itself, e.g. /home/you/.local/state. */
bool paths_base(enum paths_base base, char *buf, size_t size);

/* rxplore's folder in it, e.g. /home/you/.local/state/rxplore. */
bool paths_dir(enum paths_base base, char *buf, size_t size);

/* $XDG_CONFIG_HOME/rxplore/config.yaml */
bool paths_config_file(char *buf, size_t size);

/* True for a usable --profile name: 1..64 of [A-Za-z0-9_-], so it can never
 * leave the state folder. */
bool paths_profile_valid(const char *profile);

/* $XDG_STATE_HOME/rxplore/progress.db, or progress-PROFILE.db when profile is
 * non-NULL; false also when the profile name is not valid. */
bool paths_progress_db(char *buf, size_t size, const char *profile);

/* $XDG_STATE_HOME/rxplore/exam-date, or exam-date-PROFILE: the profile's
 * exam date (`rxplore exam set`), one line "YYYY-MM-DD". */
bool paths_exam_file(char *buf, size_t size, const char *profile);

/* $XDG_STATE_HOME/rxplore/notice-seen: present once the first-start notice
 * has been dismissed. */
bool paths_notice_file(char *buf, size_t size);

/* $XDG_STATE_HOME/rxplore/history: the line-mode prompt's history. */
bool paths_history_file(char *buf, size_t size);

/* $XDG_STATE_HOME/rxplore/session, or session-PROFILE when profile is
 * non-NULL: where the interface was left (marks, card, comparison), kept per
 * profile as progress is; false also when the profile name is not valid. */
bool paths_session_file(char *buf, size_t size, const char *profile);

/* $XDG_CACHE_HOME/rxplore: anything that can be rebuilt. */
bool paths_cache_dir(char *buf, size_t size);

/* Calls each(dir, ctx) for every absolute entry of $XDG_DATA_DIRS in order
 * (default /usr/local/share:/usr/share), relative and empty entries skipped.
 * Stops at the first non-zero return and returns it; 0 otherwise. */
int paths_each_data_dir(int (*each)(const char *dir, void *ctx), void *ctx);

/* mkdir -p (mode 0700) of the folder holding file.  Returns 0, or an errno
 * value (ENOTDIR when something that is not a folder is in the way). */
int paths_make_parent(const char *file);

#endif
