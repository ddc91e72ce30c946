/* The few ncursesw names Swift cannot import directly: globals that Swift 6
 * rejects as shared mutable state, and attributes built by macros. */
#ifndef RECSCOPE_CNCURSESW_SHIM_H
#define RECSCOPE_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1 /* SwiftPM drops pkg-config's -D flags. */
#include <locale.h>
#include <ncursesw/ncurses.h>
#include <wchar.h>

/* X/Open; glibc declares it only under _XOPEN_SOURCE, which SwiftPM drops
 * with the other -D flags. The terminal checks our column widths with it. */
int wcwidth(wchar_t c);
static inline int rs_wcwidth(wchar_t c) { return wcwidth(c); }

static inline WINDOW *rs_stdscr(void) { return stdscr; }
static inline int rs_colors(void) { return COLORS; }
static inline int rs_color_pairs(void) { return COLOR_PAIRS; }

static const attr_t RS_A_BOLD = A_BOLD;
static const attr_t RS_A_DIM = A_DIM;
static const attr_t RS_A_REVERSE = A_REVERSE;
static const attr_t RS_A_UNDERLINE = A_UNDERLINE;
static const mmask_t RS_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const mmask_t RS_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t RS_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t RS_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t RS_BUTTON5_PRESSED = BUTTON5_PRESSED;

#endif
