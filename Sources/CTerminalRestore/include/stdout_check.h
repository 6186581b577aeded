#ifndef CT_STDOUT_CHECK_H
#define CT_STDOUT_CHECK_H

/// At exit, flushes C's stdout; if that or an earlier write failed (not a
/// closed pipe), prints one line on stderr and exits with `status` instead.
void ct_check_stdout_at_exit(int status);

#endif
