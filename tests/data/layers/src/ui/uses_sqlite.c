#include <curses.h>
#include <sqlite3.h>	/* BAD */
#include <editline/readline.h>	/* BAD */
void g(void) { printf("the UI may print"); exit(0); }
