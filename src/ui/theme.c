/* theme — semantic colour roles, each with a colour pair and a monochrome
 * attribute (ncdu's UI_COLORS with its OFF column).  Without colour (no
 * colour support, NO_COLOR, --no-color, theme: mono) only the attributes are
 * used, and every role still reads differently from plain text. */
#include <curses.h>

#include "screen.h"

struct role_style {
	short fg, bg;		/* -1: the terminal's default, so the user's palette stays */
	short light_fg;		/* foreground on the light theme */
	attr_t color_attr;	/* added to the pair */
	attr_t mono_attr;	/* used alone without colour */
};

static const struct role_style styles[ROLE_COUNT] = {
	[ROLE_TEXT] = { -1, -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TITLE] = { COLOR_CYAN, -1, COLOR_BLUE, A_BOLD, A_BOLD },
	[ROLE_HEADING] = { COLOR_YELLOW, -1, COLOR_MAGENTA, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_DIM] = { -1, -1, -1, A_DIM, A_DIM },
	[ROLE_SELECTION] = { COLOR_BLACK, COLOR_CYAN, COLOR_WHITE, A_NORMAL, A_REVERSE },
	[ROLE_SELECTION_IDLE] = { -1, -1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
	[ROLE_MATCH] = { COLOR_BLACK, COLOR_YELLOW, COLOR_BLACK, A_BOLD, A_STANDOUT | A_UNDERLINE },
	[ROLE_MARKER] = { COLOR_GREEN, -1, COLOR_GREEN, A_BOLD, A_BOLD },
	[ROLE_LINK] = { COLOR_BLUE, -1, COLOR_BLUE, A_UNDERLINE, A_UNDERLINE },
	[ROLE_TAB] = { -1, -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TAB_ACTIVE] = { COLOR_BLACK, COLOR_CYAN, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_WARNING] = { COLOR_YELLOW, -1, COLOR_RED, A_BOLD, A_BOLD },
	[ROLE_OK] = { COLOR_GREEN, -1, COLOR_GREEN, A_NORMAL, A_NORMAL },
	[ROLE_ERROR] = { COLOR_RED, -1, COLOR_RED, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_STATUS] = { COLOR_WHITE, COLOR_BLUE, COLOR_WHITE, A_NORMAL, A_REVERSE },
	[ROLE_STATUS_KEY] = { COLOR_YELLOW, COLOR_BLUE, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD },
};

static attr_t role_attrs[ROLE_COUNT];

void theme_init(bool color, enum config_theme theme)
{
	int role;

	if (theme == THEME_MONO)
		color = false;
	if (color && start_color() == OK) {
		/* Default colours keep the terminal's own background and palette. */
		bool defaults = use_default_colors() == OK;

		for (role = 0; role < ROLE_COUNT; role++) {
			const struct role_style *style = &styles[role];
			short fg = theme == THEME_LIGHT ? style->light_fg : style->fg;
			short bg = style->bg;

			if (!defaults) {
				fg = fg < 0 ? COLOR_WHITE : fg;
				bg = bg < 0 ? COLOR_BLACK : bg;
			}
			if (fg < 0 && bg < 0) {
				role_attrs[role] = style->color_attr;
				continue;
			}
			if (role + 1 < COLOR_PAIRS && init_pair((short)(role + 1), fg, bg) == OK)
				role_attrs[role] = COLOR_PAIR(role + 1) | style->color_attr;
			else
				role_attrs[role] = style->mono_attr;
		}
		return;
	}
	for (role = 0; role < ROLE_COUNT; role++)
		role_attrs[role] = styles[role].mono_attr;
}

void theme_set(enum role role)
{
	attrset(role_attrs[role]);
}
