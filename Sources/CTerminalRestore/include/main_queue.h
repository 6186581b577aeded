#ifndef CALLTRAIL_MAIN_QUEUE_H
#define CALLTRAIL_MAIN_QUEUE_H

// The main dispatch queue served by a loop of our own on the main thread, the
// way CoreFoundation's run loop serves it on Linux: libdispatch signals a
// descriptor when the queue has work, and the loop runs that work itself.
// The main actor's jobs (network results, state changes) run on the main
// queue; a key read by that same loop is handled without waking another thread.

// The descriptor that becomes readable when the main queue has work; -1 if none.
int ct_main_queue_descriptor(void);
// Lets every signal reach the calling (main) thread. A parent may have left
// signals blocked (a test runner's thread, a daemon); `dispatch_main` parked the
// main thread in sigsuspend with none blocked, and our loop waits in poll, so it
// unblocks them itself: SIGWINCH, SIGINT and SIGTERM must reach their handlers.
void ct_main_thread_accept_signals(void);
// Runs what the main queue holds. Call on the main thread, after the descriptor was readable.
void ct_main_queue_drain(void);

#endif
