/* paths — see include/paths.h. */
#include "paths.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { PROFILE_MAX = 64 };

static const struct {
	const char *variable, *under_home;
} bases[] = {
	[PATHS_CONFIG] = { "XDG_CONFIG_HOME", ".config" },
	[PATHS_STATE] = { "XDG_STATE_HOME", ".local/state" },
	[PATHS_DATA] = { "XDG_DATA_HOME", ".local/share" },
	[PATHS_CACHE] = { "XDG_CACHE_HOME", ".cache" },
};

static bool absolute(const char *path)
{
	return path && path[0] == '/';
}

/* snprintf that reports truncation as failure and never leaves half a path. */
static bool format(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool format(char *buf, size_t size, const char *fmt, ...)
{
	if (!buf || size == 0)
		return false;
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (len < 0 || (size_t)len >= size) {
		buf[0] = '\0';
		return false;
	}
	return true;
}

bool paths_base(enum paths_base base, char *buf, size_t size)
{
	if ((unsigned)base >= sizeof bases / sizeof *bases) {
		if (buf && size)
			buf[0] = '\0';
		return false;
	}
	const char *xdg = getenv(bases[base].variable), *home = getenv("HOME");
	if (absolute(xdg))
		return format(buf, size, "%s", xdg);
	if (absolute(home))
		return format(buf, size, "%s/%s", home, bases[base].under_home);
	if (buf && size)
		buf[0] = '\0';
	return false;
}

/* "<base>/rxplore/<name>" ("<base>/rxplore" when name is NULL). */
static bool in_dir(enum paths_base base, const char *name, char *buf, size_t size)
{
	char dir[4096];
	if (!paths_base(base, dir, sizeof dir)) {
		if (buf && size)
			buf[0] = '\0';
		return false;
	}
	return name ? format(buf, size, "%s/rxplore/%s", dir, name) : format(buf, size, "%s/rxplore", dir);
}

bool paths_dir(enum paths_base base, char *buf, size_t size)
{
	return in_dir(base, NULL, buf, size);
}

bool paths_config_file(char *buf, size_t size)
{
	return in_dir(PATHS_CONFIG, "config.yaml", buf, size);
}

bool paths_profile_valid(const char *profile)
{
	if (!profile)
		return false;
	size_t len = strlen(profile);
	return len > 0 && len <= PROFILE_MAX &&
	       strspn(profile, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") == len;
}

/* A state file of one profile: STEM.EXT, or STEM-PROFILE.EXT (ext may be ""). */
static bool profile_file(const char *stem, const char *ext, const char *profile, char *buf, size_t size)
{
	char name[PROFILE_MAX + 64];

	if (profile && !paths_profile_valid(profile)) {
		if (buf && size)
			buf[0] = '\0';
		return false;
	}
	snprintf(name, sizeof name, "%s%s%s%s", stem, profile ? "-" : "", profile ? profile : "", ext);
	return in_dir(PATHS_STATE, name, buf, size);
}

bool paths_progress_db(char *buf, size_t size, const char *profile)
{
	return profile_file("progress", ".db", profile, buf, size);
}

bool paths_session_file(char *buf, size_t size, const char *profile)
{
	return profile_file("session", "", profile, buf, size);
}

bool paths_exam_file(char *buf, size_t size, const char *profile)
{
	return profile_file("exam-date", "", profile, buf, size);
}

bool paths_notice_file(char *buf, size_t size)
{
	return in_dir(PATHS_STATE, "notice-seen", buf, size);
}

bool paths_history_file(char *buf, size_t size)
{
	return in_dir(PATHS_STATE, "history", buf, size);
}

bool paths_cache_dir(char *buf, size_t size)
{
	return in_dir(PATHS_CACHE, NULL, buf, size);
}

int paths_each_data_dir(int (*each)(const char *dir, void *ctx), void *ctx)
{
	const char *list = getenv("XDG_DATA_DIRS");
	if (!list || !*list)
		list = "/usr/local/share:/usr/share";
	while (*list) {
		size_t len = strcspn(list, ":");
		char dir[4096];
		if (len > 0 && len < sizeof dir && list[0] == '/') {
			memcpy(dir, list, len);
			dir[len] = '\0';
			int rc = each(dir, ctx);
			if (rc != 0)
				return rc;
		}
		list += len;
		if (*list == ':')
			list++;
	}
	return 0;
}

int paths_make_parent(const char *file)
{
	char dir[4096];
	const char *slash = file ? strrchr(file, '/') : NULL;
	if (!slash || slash == file)
		return 0;
	size_t len = (size_t)(slash - file);
	if (len >= sizeof dir)
		return ENAMETOOLONG;
	memcpy(dir, file, len);
	dir[len] = '\0';
	for (char *p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char kept = *p;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return errno;
		*p = kept;
		if (kept == '\0')
			break;
	}
	struct stat st;
	if (stat(dir, &st) != 0)
		return errno;
	return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}
