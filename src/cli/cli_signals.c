/* cli_signals — see cli_signals.h. */
#include "cli_signals.h"

#include <stdio.h>
#include <string.h>

static const int ending_signals[] = { SIGINT, SIGTERM, SIGHUP };
enum { NSIGNALS = sizeof ending_signals / sizeof ending_signals[0] };

static volatile sig_atomic_t caught;
static bool holding;
static sigset_t held_mask;

static void on_signal(int signo)
{
	caught = signo;
}

void cli_signals_catch(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: the read waiting for an answer returns */
	for (int i = 0; i < NSIGNALS; i++)
		sigaction(ending_signals[i], &sa, NULL);
}

bool cli_signals_caught(void)
{
	return caught != 0;
}

void cli_signals_hold(void)
{
	sigset_t mask;
	sigemptyset(&mask);
	for (int i = 0; i < NSIGNALS; i++)
		sigaddset(&mask, ending_signals[i]);
	holding = sigprocmask(SIG_BLOCK, &mask, &held_mask) == 0;
}

/* True when one of the signals is waiting to be delivered. */
static bool one_pending(void)
{
	sigset_t pending;
	if (!holding || sigpending(&pending) != 0)
		return false;
	for (int i = 0; i < NSIGNALS; i++)
		if (sigismember(&pending, ending_signals[i]) == 1)
			return true;
	return false;
}

void cli_signals_end(void)
{
	/* Only when ending here: otherwise main() flushes and reports errors. */
	if (caught || one_pending())
		fflush(stdout);
	for (int i = 0; i < NSIGNALS; i++)
		signal(ending_signals[i], SIG_DFL);
	/* A held signal is delivered here, with its default action. */
	if (holding)
		sigprocmask(SIG_SETMASK, &held_mask, NULL);
	holding = false;
	int signo = caught;
	if (signo) {
		caught = 0;
		raise(signo);
	}
}
