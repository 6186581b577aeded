#ifndef CALLTRAIL_TERMINAL_RESTORE_H
#define CALLTRAIL_TERMINAL_RESTORE_H

#include <stddef.h>

// Puts the terminal back when the process dies from a signal (SIGTERM, SIGHUP,
// SIGINT, SIGQUIT, and fatal ones such as a Swift trap): signal handlers must be
// async-signal-safe, so this is C, with the state saved up front.

// Saves the terminal modes of `fd` (call before curses changes them). 0 on success.
int ct_restore_save_modes(int fd);
// The bytes that leave full-screen mode (sgr0, cnorm, rmkx, rmcup from terminfo).
void ct_restore_set_leave_sequence(const char *bytes, size_t length);
// Installs the handlers; each restores, then re-raises with the default action.
void ct_restore_install_handlers(void);
// Writes the leave sequence and restores the saved modes now.
void ct_restore_now(void);

#endif
