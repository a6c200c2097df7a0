/* search_path — where packs are looked for (DESIGN §2).  See include/library.h. */
#include "library.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paths.h"
#include "text.h"

void search_path_init(struct search_path *path)
{
	memset(path, 0, sizeof *path);
}

void search_path_release(struct search_path *path)
{
	text_free_list(path->dirs, path->count);
	search_path_init(path);
}

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The same folder can be reached twice (the installed pkgdatadir is usually
 * also an XDG_DATA_DIRS entry); load it once, where it is strongest. */
static bool already_listed(const struct search_path *path, const char *dir)
{
	char real[PATH_MAX];
	if (!realpath(dir, real))
		return false;
	for (size_t i = 0; i < path->count; i++) {
		char other[PATH_MAX];
		if (realpath(path->dirs[i], other) && strcmp(real, other) == 0)
			return true;
	}
	return false;
}

static int add(struct search_path *path, const char *dir)
{
	if (already_listed(path, dir))
		return 0;
	if (array_grow(&path->dirs, &path->alloc, path->count, sizeof *path->dirs) < 0)
		return -1;
	path->dirs[path->count] = strdup(dir);
	if (!path->dirs[path->count])
		return -1;
	path->count++;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds every subfolder of parent, in byte order (hidden ones skipped). */
static int add_subfolders(struct search_path *path, const char *parent)
{
	DIR *d = opendir(parent);
	if (!d)
		return 0;
	char **names = NULL;
	size_t n = 0, alloc = 0;
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (array_grow(&names, &alloc, n, sizeof *names) < 0) {
			rc = -1;
			break;
		}
		if (!(names[n] = strdup(e->d_name))) {
			rc = -1;
			break;
		}
		n++;
	}
	closedir(d);
	if (n > 1)	/* names is NULL for an empty folder: not for qsort */
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		char full[PATH_MAX];
		int len = snprintf(full, sizeof full, "%s/%s", parent, names[i]);
		if (rc == 0 && len > 0 && (size_t)len < sizeof full && is_dir(full))
			rc = add(path, full);
		free(names[i]);
	}
	free(names);
	return rc;
}

static int add_data_dir(struct search_path *path, const char *base)
{
	char dir[PATH_MAX];
	int len = snprintf(dir, sizeof dir, "%s/rxplore", base);
	if (len < 0 || (size_t)len >= sizeof dir)
		return 0;
	return add_subfolders(path, dir);
}

static int add_data_dir_cb(const char *base, void *path)
{
	return add_data_dir(path, base) < 0 ? -1 : 0;
}

int search_path_build(struct search_path *path, const char *const *content_dirs, size_t ncontent,
		      bool no_default_packs, const char *installed_dir)
{
	for (size_t i = 0; i < ncontent; i++)
		if (add(path, content_dirs[i]) < 0)
			return -1;
	if (no_default_packs)
		return 0;

	/* paths skips relative XDG values, which the spec calls invalid. */
	char data_home[PATH_MAX];
	if (paths_base(PATHS_DATA, data_home, sizeof data_home) && add_data_dir(path, data_home) < 0)
		return -1;
	if (paths_each_data_dir(add_data_dir_cb, path) != 0)
		return -1;

	if (installed_dir && add_subfolders(path, installed_dir) < 0)
		return -1;
	return 0;
}
