#include "terminal_restore.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_modes;
static int saved_fd = -1;
static char leave_sequence[256];
static size_t leave_length = 0;

int ct_restore_save_modes(int fd) {
    if (tcgetattr(fd, &saved_modes) != 0) return -1;
    saved_fd = fd;
    return 0;
}

void ct_restore_set_leave_sequence(const char *bytes, size_t length) {
    if (length > sizeof leave_sequence) length = sizeof leave_sequence;
    memcpy(leave_sequence, bytes, length);
    leave_length = length;
}

void ct_restore_now(void) {
    if (leave_length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, leave_sequence, leave_length);
        (void)ignored;
    }
    if (saved_fd >= 0) tcsetattr(saved_fd, TCSANOW, &saved_modes);
}

static void restore_and_reraise(int signal_number) {
    ct_restore_now();
    // SA_RESETHAND put the default action back; the re-raised signal is delivered
    // when this handler returns, so the exit status still names the signal.
    raise(signal_number);
}

void ct_restore_install_handlers(void) {
    static const int signals[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = restore_and_reraise;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
}
