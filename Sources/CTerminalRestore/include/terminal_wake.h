#ifndef CALLTRAIL_TERMINAL_WAKE_H
#define CALLTRAIL_TERMINAL_WAKE_H

// Lets a window-size change wake the browser's loop, which sleeps until input,
// a network result or a due timer: ncurses keeps its own SIGWINCH handler (it
// turns the signal into KEY_RESIZE); this one runs it, then writes a byte to a
// pipe the loop watches. Install after curses has started.

// Opens the wake pipe (both ends non-blocking, close-on-exec) and chains the
// SIGWINCH handler. Returns the read end, or -1 when the pipe cannot be made.
int ct_wake_install_sigwinch(void);
// Empties the wake pipe (call after being woken by it).
void ct_wake_drain(void);

#endif
