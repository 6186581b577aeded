#include "terminal_wake.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static int wake_pipe[2] = {-1, -1};
static struct sigaction previous_winch;

static void on_winch(int signal_number) {
    int saved_errno = errno;
    // ncurses's handler first, so KEY_RESIZE is queued when the loop wakes.
    if ((previous_winch.sa_flags & SA_SIGINFO) == 0) {
        if (previous_winch.sa_handler != SIG_DFL && previous_winch.sa_handler != SIG_IGN && previous_winch.sa_handler != NULL)
            previous_winch.sa_handler(signal_number);
    } else if (previous_winch.sa_sigaction != NULL) {
        previous_winch.sa_sigaction(signal_number, NULL, NULL);
    }
    if (wake_pipe[1] >= 0) {
        ssize_t ignored = write(wake_pipe[1], "w", 1);  // full pipe: a wake-up is already pending
        (void)ignored;
    }
    errno = saved_errno;
}

int ct_wake_install_sigwinch(void) {
    if (wake_pipe[0] >= 0) return wake_pipe[0];
    if (pipe(wake_pipe) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
        fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_winch;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(SIGWINCH, &action, &previous_winch);
    return wake_pipe[0];
}

void ct_wake_drain(void) {
    char buffer[64];
    if (wake_pipe[0] < 0) return;
    while (read(wake_pipe[0], buffer, sizeof buffer) > 0) {}
}
