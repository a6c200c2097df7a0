/* ui — the terminal: setup and teardown, signals, the screen stack and the
 * main loop.  Resize, repaint and the frame (one doupdate) live only here. */
#include <curses.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "screen.h"
#include "text.h"
#include "ui.h"

#define GETCH_TIMEOUT_MS 250	/* how often the loop looks at the signal flag */
#define ESCDELAY_MS 25

/* The wheel turned down: button 5, which old ncurses (mouse version 1) lacks. */
#ifdef BUTTON5_PRESSED
#define WHEEL_DOWN_PRESSED BUTTON5_PRESSED
#else
#define WHEEL_DOWN_PRESSED 0
#endif

static volatile sig_atomic_t caught_signal;
static volatile sig_atomic_t suspend_requested;

static void on_signal(int signo)
{
	caught_signal = signo;
}

static void on_suspend(int signo)
{
	(void)signo;
	suspend_requested = 1;
}

static void catch_suspend(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_suspend;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTSTP, &sa, NULL);
}

/* Ctrl-Z: give the terminal back as it was, stop, and on `fg` take it again
 * and repaint everything.  Done here, outside the handler, because endwin()
 * is not async-signal-safe. */
static void suspend_now(struct ui *ui)
{
	bool checking = ui->verify != NULL;

	/* A stopped process keeps no thread busy on its behalf: the check
	 * ends here and starts again on `fg`. */
	ui_verify_end(ui);
	suspend_requested = 0;
	endwin();
	signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);
	/* Stopped here until SIGCONT. */
	catch_suspend();
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (checking)
		ui_verify_begin(ui);
}

bool ui_terminal_usable(void)
{
	const char *term = getenv("TERM");
	SCREEN *probe;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return false;
	if (!term || !*term || strcmp(term, "dumb") == 0)
		return false;
	/* newterm() reports failure where initscr() would exit. */
	probe = newterm(NULL, stdout, stdin);
	if (!probe)
		return false;
	endwin();
	delscreen(probe);
	return true;
}

/* A read that returned nothing: a timeout, or a terminal that went away.  A
 * hangup normally brings SIGHUP, but not to a process outside the terminal's
 * session (setsid) or when the line was closed some other way; then every read
 * fails at once, and the loop would spin.  poll() tells the two apart. */
static bool terminal_gone(void)
{
	struct pollfd in = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&in, 1, 0) == 1 && (in.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Translates what curses read into the key codes of actions.h; 0 for nothing. */
static int read_key(void)
{
	wint_t ch;
	int rc = wget_wch(stdscr, &ch);

	if (rc == ERR)
		return 0;	/* timeout, or a signal interrupted the read */
	if (rc == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: return KEYC_UP;
		case KEY_DOWN: return KEYC_DOWN;
		case KEY_LEFT: return KEYC_LEFT;
		case KEY_RIGHT: return KEYC_RIGHT;
		case KEY_PPAGE: return KEYC_PGUP;
		case KEY_NPAGE: return KEYC_PGDN;
		case KEY_HOME: return KEYC_HOME;
		case KEY_END: return KEYC_END;
		case KEY_ENTER: return KEYC_ENTER;
		case KEY_BACKSPACE: return KEYC_BACKSPACE;
		case KEY_DC: return KEYC_DELETE;
		case KEY_BTAB: return KEYC_BTAB;
		case KEY_RESIZE: return KEYC_RESIZE;
		case KEY_MOUSE: return KEYC_MOUSE;
		default: return 0;
		}
	}
	switch (ch) {
	case '\r':
	case '\n': return KEYC_ENTER;
	case 127:
	case 8: return KEYC_BACKSPACE;
	case 27: return KEYC_ESC;
	case '\t': return KEYC_TAB;
	default: return (int)ch;
	}
}

/* Files with at least one error: the cards that failed to load. */
static size_t failed_files(const struct diag_list *diags)
{
	size_t i, j, count = 0;

	for (i = 0; diags && i < diags->count; i++) {
		bool seen = false;

		if (diags->items[i].severity != DIAG_ERROR)
			continue;
		for (j = 0; j < i && !seen; j++)
			seen = diags->items[j].severity == DIAG_ERROR && diags->items[i].path && diags->items[j].path &&
			       strcmp(diags->items[i].path, diags->items[j].path) == 0;
		count += !seen;
	}
	return count;
}

/* "key:label  key:label" with the keys picked out; whole hints only. */
static int draw_hints(int y, int x, int w, const char *hints)
{
	int col = x;
	const char *p = hints;

	while (*p) {
		const char *end = strstr(p, "  "), *colon;
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (col + text_width_n(p, len) > x + w)
			break;
		colon = memchr(p, ':', len);
		if (colon && colon > p) {
			col += ui_put(y, col, x + w - col, p, (size_t)(colon - p), ROLE_STATUS_KEY);
			col += ui_put(y, col, x + w - col, " ", 1, ROLE_STATUS);
			col += ui_put(y, col, x + w - col, colon + 1, len - (size_t)(colon - p) - 1, ROLE_STATUS);
		} else {
			col += ui_put(y, col, x + w - col, p, len, ROLE_STATUS);
		}
		if (!end)
			break;
		col += 2;
		p = end + 2;
	}
	return col - x;
}

static void draw_status(struct ui *ui, struct screen *top, int y)
{
	const struct pack_info *pack = ui->library->npacks > 0 ? &ui->library->packs[0] : NULL;
	char right[160] = "", hints[256] = "";
	int right_w;

	ui_fill(y, 0, COLS, ROLE_STATUS);
	if (pack)
		snprintf(right, sizeof(right), " %s %s ", pack->name ? pack->name : "",
			 pack->version ? pack->version : "");
	right_w = text_width(right);
	if (right_w > COLS / 3)
		right_w = 0;
	if (right_w > 0)
		ui_puts(y, COLS - right_w, right_w, right, ROLE_STATUS);
	if (ui->message[0]) {
		ui_fill(y, 0, COLS - right_w, ui->message_role);
		/* Cut with an ellipsis, so that a narrow screen shows there is more. */
		ui_puts_cut(ui, y, 1, COLS - right_w - 2, ui->message, ui->message_role);
		return;
	}
	if (top->ops->hints)
		top->ops->hints(top, ui, hints, sizeof(hints));
	else
		actions_hints(screen_context(top), NULL, ui->utf8, hints, sizeof(hints));
	draw_hints(y, 1, COLS - right_w - 2, hints);
}

/* The message wraps (a margin of one column each side) rather than being cut:
 * at 20x6 "press q" must still show.  When rows run short the size line goes
 * first, then whatever does not fit. */
static void draw_too_small(void)
{
	char size[64];
	const char *lines[3] = { "Terminal too small", "enlarge it or press q", size };
	struct text_lines wrapped[3];
	size_t total = 0, shown = 3, i, j;
	int width = COLS > 2 ? COLS - 2 : COLS, y;

	snprintf(size, sizeof(size), "(%dx%d, need %dx%d)", COLS, LINES, UI_MIN_COLS, UI_MIN_ROWS);
	for (i = 0; i < 3; i++) {
		text_lines_init(&wrapped[i]);
		if (text_wrap(&wrapped[i], lines[i], strlen(lines[i]), width > 0 ? width : 1, TEXT_REFLOW) < 0)
			wrapped[i].count = 0;
		total += wrapped[i].count;
	}
	if (total > (size_t)LINES && shown > 2) {
		total -= wrapped[2].count;
		shown = 2;
	}
	y = total < (size_t)LINES ? (LINES - (int)total) / 2 : 0;
	for (i = 0; i < shown; i++)
		for (j = 0; j < wrapped[i].count && y < LINES; j++, y++) {
			const struct text_line *line = &wrapped[i].items[j];
			int x = (COLS - line->width) / 2;

			ui_put(y, x > 0 ? x : 0, COLS, lines[i] + line->start, line->len,
			       i == 0 ? ROLE_WARNING : i == 1 ? ROLE_TEXT : ROLE_DIM);
		}
	for (i = 0; i < 3; i++)
		text_lines_release(&wrapped[i]);
	move(0, 0);
}

static bool too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
}

/* One frame: everything is drawn into stdscr, then a single doupdate() sends
 * only what changed (werase clears the buffer, not the terminal). */
static void draw_frame(struct ui *ui)
{
	struct screen *top = ui->stack[ui->depth - 1];
	size_t failed = failed_files(ui->diags);
	int status_y = LINES - 1;

	werase(stdscr);
	ui->rows = LINES;
	ui->cols = COLS;
	ui_cursor(ui, 0, 0);
	if (too_small()) {
		draw_too_small();
		ui_cursor(ui, getcury(stdscr), 0);
	} else {
		struct rect area = { 0, 0, status_y - (failed > 0 ? 1 : 0), COLS };

		top->area = area;
		top->ops->draw(top, ui, area);
		if (failed > 0) {
			char banner[128];

			snprintf(banner, sizeof(banner), "%s %zu card%s failed to load: press ! for details",
				 UI_GLYPH(ui, "\xE2\x9A\xA0", "!"), failed, failed == 1 ? "" : "s");
			ui_fill(status_y - 1, 0, COLS, ROLE_TEXT);
			ui_puts(status_y - 1, 1, COLS - 1, banner, ROLE_ERROR);
		}
		draw_status(ui, top, status_y);
	}
	move(ui->cursor_y, ui->cursor_x);
	wnoutrefresh(stdscr);
	doupdate();
}

static void push(struct ui *ui, struct screen *screen)
{
	if (!screen)
		return;
	if (ui->depth == UI_STACK_MAX) {
		screen_free(screen);
		return;
	}
	ui->stack[ui->depth++] = screen;
}

/* Pops the top screen and hands its result to the one below; false when it
 * was the last one. */
static bool pop(struct ui *ui)
{
	struct screen *top;
	struct screen_result result;

	if (ui->depth <= 1)
		return false;
	top = ui->stack[--ui->depth];
	result = top->result;
	if (top->keep && result.kind != RESULT_NONE) {
		top->keep = false;
		result.origin = top;
	} else {
		screen_free(top);
	}
	top = ui->stack[ui->depth - 1];
	if (top->ops->resume)
		top->ops->resume(top, ui, &result);
	else if (result.origin)
		screen_free(result.origin);
	return true;
}

/* The top screen gives way to ui->pending (a chooser to what it chose): the
 * screen below is not resumed in between. */
static void replace(struct ui *ui)
{
	struct screen *top = ui->stack[ui->depth - 1];

	if (!ui->pending)
		return;
	screen_free(top);
	ui->stack[ui->depth - 1] = ui->pending;
}

static enum intent handle_mouse(struct ui *ui, struct screen *top)
{
	MEVENT event;
	enum mouse_kind kind;

	if (getmouse(&event) != OK)
		return INTENT_HANDLED;
	if (event.bstate & WHEEL_DOWN_PRESSED)
		kind = MOUSE_WHEEL_DOWN;
	else if (event.bstate & BUTTON4_PRESSED)
		kind = MOUSE_WHEEL_UP;
	else if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		kind = MOUSE_CLICK;
	else
		return INTENT_HANDLED;
	if (event.y < top->area.y || event.y >= top->area.y + top->area.h)
		return INTENT_HANDLED;
	return screen_mouse(top, ui, kind, event.y - top->area.y, event.x - top->area.x);
}

/* Global actions: only when the screen did not take the key itself. */
static enum intent handle_global(struct ui *ui, const struct action *action)
{
	switch (action->id) {
	case ACT_HELP:
		ui->pending = help_new(ui);
		return ui->pending ? INTENT_OPEN : INTENT_REDRAW;
	case ACT_REPAINT:
		clearok(curscr, TRUE);
		return INTENT_REDRAW;
	case ACT_INTERRUPT:
		caught_signal = SIGINT;
		return INTENT_QUIT;
	default:
		return INTENT_IGNORED;
	}
}

/* Returns false when the program should end. */
/* No key within GETCH_TIMEOUT_MS: lets the top screen move a clock on. */
static bool idle_tick(struct ui *ui)
{
	struct screen *top = ui->stack[ui->depth - 1];

	return top->ops->tick && !too_small() && top->ops->tick(top, ui) == INTENT_REDRAW;
}

static bool dispatch(struct ui *ui, int key, bool *redraw)
{
	struct screen *top = ui->stack[ui->depth - 1];
	const struct action *action = NULL;
	enum intent intent;

	if (key == KEYC_RESIZE) {
		/* ncurses has already resized stdscr; repaint everything once. */
		clearok(curscr, TRUE);
		*redraw = true;
		return true;
	}
	ui->message[0] = '\0';
	if (too_small()) {
		*redraw = true;
		return key != 'q' && key != KEYC_CTRL('c');
	}
	if (key == KEYC_MOUSE) {
		intent = handle_mouse(ui, top);
	} else {
		action = actions_lookup(screen_context(top), key);
		intent = screen_key(top, ui, action, key);
		if (intent == INTENT_IGNORED && action && action->context == CTX_GLOBAL)
			intent = handle_global(ui, action);
	}
	*redraw = true;	/* the message line was cleared */
	switch (intent) {
	case INTENT_OPEN:
		push(ui, ui->pending);
		ui->pending = NULL;
		break;
	case INTENT_REPLACE:
		replace(ui);
		ui->pending = NULL;
		break;
	case INTENT_BACK:
		return pop(ui);
	case INTENT_QUIT:
		return false;
	default:
		break;
	}
	return true;
}

/* Home/End as tmux, screen, rxvt and the Linux console send them, when the
 * terminfo entry does not know them (otherwise they arrive as Esc [ 4 ~). */
static void define_extra_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} extra[] = {
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
		{ "\033[H", KEY_HOME }, { "\033[F", KEY_END }, { "\033OH", KEY_HOME }, { "\033OF", KEY_END },
	};
	size_t i;

	for (i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
}

static void setup_mouse(const struct config *config, const struct ui_options *options)
{
	mmask_t mask = BUTTON1_PRESSED | BUTTON4_PRESSED | WHEEL_DOWN_PRESSED;

	if ((options && options->no_mouse) || (config && !config->mouse))
		return;
	/* No click interval: a press acts at once instead of waiting for a double click. */
	mouseinterval(0);
	if (mousemask(mask, NULL) == 0 || !has_mouse())
		mousemask(0, NULL);
}

static void install_signals(struct sigaction old[3])
{
	static const int signals[3] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	int i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: a pending read returns, and the loop notices */
	for (i = 0; i < 3; i++)
		sigaction(signals[i], &sa, &old[i]);
}

static void restore_signals(const struct sigaction old[3])
{
	sigaction(SIGINT, &old[0], NULL);
	sigaction(SIGTERM, &old[1], NULL);
	sigaction(SIGHUP, &old[2], NULL);
}

static bool want_color(const struct config *config, const struct ui_options *options)
{
	const char *no_color = getenv("NO_COLOR");

	if ((options && options->no_color) || (no_color && *no_color))
		return false;
	if (config && config->theme == THEME_MONO)
		return false;
	return has_colors();
}

int ui_run(const struct library *library, const struct config *config, const struct diag_list *load_diags,
	   const struct ui_options *options)
{
	struct ui ui;
	struct sigaction old[3];
	SCREEN *screen;
	bool running = true, redraw = true, names_indexed = false;
	int status;

	memset(&ui, 0, sizeof(ui));
	ui.library = library;
	ui.config = config;
	ui.diags = load_diags;
	ui.options = options;
	ui.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	search_results_init(&ui.search.results);
	search_ranking_init(&ui.search.ranking);
	caught_signal = 0;

	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		fprintf(stderr, "rxplore: this terminal cannot run the full-screen interface (try --plain)\n");
		return 1;
	}
	set_term(screen);
	if (!getenv("ESCDELAY"))
		set_escdelay(ESCDELAY_MS);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	define_extra_keys();
	wtimeout(stdscr, GETCH_TIMEOUT_MS);
	curs_set(1);
	ui_draw_init(ui.utf8);
	theme_init(want_color(config, options), config ? config->theme : THEME_AUTO);
	setup_mouse(config, options);
	install_signals(old);
	catch_suspend();

	push(&ui, browse_new(&ui));
	if (ui.depth == 0) {
		endwin();
		delscreen(screen);
		restore_signals(old);
		fprintf(stderr, "rxplore: out of memory\n");
		return 1;
	}
	ui_session_restore(&ui);
	if (!notice_seen(&ui))
		push(&ui, notice_new(&ui));

	while (running && !caught_signal) {
		int key;

		if (redraw)
			draw_frame(&ui);
		redraw = false;
		/* Once the first frame is out: the pack caches are checked (on a
		 * thread), the cards' bodies read, and the names folded for what
		 * people type (library_index_names). */
		ui_verify_begin(&ui);
		const char *reload_why = ui_complete(&ui) ? NULL : "A pack cache could not be read";
		if (!reload_why && !names_indexed) {
			/* Out of memory: the first look-up tries again. */
			(void)library_index_names(ui.library);
			names_indexed = true;
		}
		if (!reload_why && ui_verify_changed(&ui))
			reload_why = "Cards changed on disk since the last start";
		if (reload_why) {
			ui_message(&ui, ROLE_DIM, "%s: loading the cards again...", reload_why);
			draw_frame(&ui);
			running = ui_reload(&ui, reload_why);
			names_indexed = false;
			redraw = true;
			continue;
		}
		key = read_key();
		if (key == 0 && !caught_signal && terminal_gone())
			caught_signal = SIGHUP;
		if (caught_signal)
			break;
		if (suspend_requested) {
			suspend_now(&ui);
			redraw = true;
			continue;
		}
		if (key != 0)
			running = dispatch(&ui, key, &redraw);
		else
			redraw |= idle_tick(&ui);
	}

	status = caught_signal ? 128 + caught_signal : 0;
	ui_verify_end(&ui);
	ui_session_save(&ui);
	ui_free_screens(&ui);
	search_results_release(&ui.search.results);
	search_ranking_release(&ui.search.ranking);
	endwin();
	delscreen(screen);
	restore_signals(old);
	signal(SIGTSTP, SIG_DFL);
	return status;
}
