/* cli_signals — ending by Ctrl-C, SIGTERM or SIGHUP without leaving the
 * progress database open.
 *
 * SQLite removes progress.db-wal and -shm when the last connection closes; a
 * process killed by a signal's default action never closes it, so both stay
 * beside the database and copying progress.db alone would miss answers.  A
 * command that holds the database therefore either catches the signals (the
 * quiz, which waits on input: a read is interrupted, the session stops, the
 * database is closed) or holds them back while it works (merge, copy), and
 * afterwards ends the way the signal would have: status 128 + signal.
 */
#ifndef RXPLORE_CLI_SIGNALS_H
#define RXPLORE_CLI_SIGNALS_H

#include <signal.h>
#include <stdbool.h>

/* Catches SIGINT, SIGTERM and SIGHUP into a flag, without SA_RESTART, so a
 * blocking read returns early. */
void cli_signals_catch(void);

/* True once one of them arrived. */
bool cli_signals_caught(void);

/* Holds the three back until cli_signals_end(). */
void cli_signals_hold(void);

/* Restores the default actions, and ends the process by the signal that
 * arrived meanwhile, if any (after flushing stdout).  Call it once the
 * database is closed. */
void cli_signals_end(void);

#endif
