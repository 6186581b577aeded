#ifndef CALLTRAIL_CNCURSESW_SHIM_H
#define CALLTRAIL_CNCURSESW_SHIM_H

// The wide-character API is hidden unless these are set before the include;
// SwiftPM drops pkg-config's -D flags, so they live here.
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 600
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift cannot import function-like macros or (in Swift 6 mode) the mutable C
// globals; these wrappers reach them.
static inline WINDOW *ct_stdscr(void) { return stdscr; }
static inline int ct_lines(void) { return LINES; }
static inline int ct_cols(void) { return COLS; }
static inline int ct_colors(void) { return COLORS; }
static inline int ct_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int ct_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int ct_key_f(int n) { return KEY_F(n); }
static inline int ct_key_resize(void) { return KEY_RESIZE; }
static inline int ct_key_mouse(void) { return KEY_MOUSE; }
static inline int ct_ok(void) { return OK; }
static inline int ct_key_code_yes(void) { return KEY_CODE_YES; }
// newterm on the process's stdout/stdin (Swift 6 cannot touch the stdio globals);
// unlike initscr it returns NULL instead of exiting when TERM is unknown.
static inline SCREEN *ct_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
// A terminfo string capability, or NULL when absent or not a string.
static inline const char *ct_tigetstr(const char *name) {
    char *value = tigetstr((NCURSES_CONST char *)name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}
static inline int ct_err(void) { return ERR; }
// tiparm is variadic, which Swift cannot call: a capability with one or two numbers.
static inline const char *ct_tiparm1(const char *capability, int a) { return tiparm(capability, a); }
static inline const char *ct_tiparm2(const char *capability, int a, int b) { return tiparm(capability, a, b); }
// A terminfo boolean capability: 1 set, 0 not (or not a boolean).
static inline int ct_tigetflag(const char *name) { return tigetflag((NCURSES_CONST char *)name) == 1 ? 1 : 0; }
// Whether $TERM can move the cursor (has `cup`): 1 yes, 0 no (TERM=dumb), -1
// an unknown type. The entry it loads stays allocated (a few KB, once): freeing it
// with del_curterm crashed inside libtinfo here, and newterm loads its own.
extern int setupterm(const char *, int, int *);
static inline int ct_term_addresses_cursor(void) {
    int error = 0;
    if (setupterm(NULL, fileno(stdout), &error) != OK) return -1;
    const char *cup = tigetstr("cup");
    return (cup != NULL && cup != (char *)-1) ? 1 : 0;
}

#endif
