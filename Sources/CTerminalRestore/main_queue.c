#include "main_queue.h"

#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <unistd.h>

// libdispatch's hooks for a run loop that owns the main thread (exported on
// Linux for swift-corelibs-foundation's CFRunLoop): the main queue's eventfd,
// and the drain of the queue.
extern int _dispatch_get_main_queue_handle_4CF(void);
extern void _dispatch_main_queue_callback_4CF(void *message);

int ct_main_queue_descriptor(void) {
    return _dispatch_get_main_queue_handle_4CF();
}

void ct_main_queue_drain(void) {
    int descriptor = _dispatch_get_main_queue_handle_4CF();
    if (descriptor >= 0) {
        // Reset the eventfd's count (it is non-blocking); work enqueued from now on signals it again.
        uint64_t count;
        ssize_t ignored = read(descriptor, &count, sizeof count);
        (void)ignored;
    }
    _dispatch_main_queue_callback_4CF(NULL);
}

void ct_main_thread_accept_signals(void) {
    sigset_t none;
    sigemptyset(&none);
    pthread_sigmask(SIG_SETMASK, &none, NULL);
}
