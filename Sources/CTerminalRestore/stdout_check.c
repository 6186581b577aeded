#include "stdout_check.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int output_failed_status = 1;

/// What the C library still holds for stdout (help and usage text printed with
/// Swift's `print`) is written at exit; a failure there would otherwise be lost
/// and the exit status stay 0. A closed pipe ends quietly, like any filter.
static void check_stdout(void) {
    errno = 0;
    int flushed = fflush(stdout);
    int code = errno;
    if (flushed == 0 && !ferror(stdout)) return;
    if (code == EPIPE) return;
    const char *why = (flushed != 0 && code != 0) ? strerror(code) : "write error";
    char line[256];
    int length = snprintf(line, sizeof line, "calltrail: cannot write the output: %s\n", why);
    if (length > 0) {
        size_t size = (size_t)length < sizeof line ? (size_t)length : sizeof line - 1;
        ssize_t ignored = write(STDERR_FILENO, line, size);
        (void)ignored;
    }
    _exit(output_failed_status);
}

void ct_check_stdout_at_exit(int status) {
    output_failed_status = status;
    atexit(check_stdout);
}
