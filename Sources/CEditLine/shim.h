#ifndef HEDGE_CEDITLINE_SHIM_H
#define HEDGE_CEDITLINE_SHIM_H
/* libedit's native histedit API. el_set and history are variadic, which Swift cannot call,
   so each operation hedge needs gets a non-variadic static inline wrapper here. */
#include <stdio.h>
#include <errno.h>
#include <sys/ioctl.h>
#include <histedit.h>

/** Prompt callback: returns the prompt text (owned by the caller of hedge_el_set_prompt). */
typedef char *(*hedge_prompt_function)(EditLine *);
/** Editor command callback (EL_ADDFN): returns one of the CC_* codes. */
typedef unsigned char (*hedge_editor_function)(EditLine *, int);

static inline int hedge_el_set_prompt(EditLine *el, hedge_prompt_function prompt) {
    return el_set(el, EL_PROMPT, prompt);
}
/** "emacs" or "vi". */
static inline int hedge_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
/** 1: libedit restores the terminal around SIGINT/SIGTSTP/SIGCONT and follows SIGWINCH.
    hedge passes 0 and handles signals in its own character reader (see TerminalSignals.swift). */
static inline int hedge_el_set_signal_handling(EditLine *el, int enabled) {
    return el_set(el, EL_SIGNAL, enabled);
}
static inline int hedge_el_add_function(EditLine *el, const char *name, const char *help,
                                        hedge_editor_function function) {
    return el_set(el, EL_ADDFN, name, help, function);
}
/** Binds a key sequence ("^I", "^R") to an editor command by name. */
static inline int hedge_el_bind(EditLine *el, const char *keys, const char *command) {
    return el_set(el, EL_BIND, keys, command, (const char *)NULL);
}
/** Replaces libedit's character reader: returns 1 with a character, 0 at end of input, -1 on error (errno). */
static inline int hedge_el_set_read_function(EditLine *el, el_rfunc_t reader) {
    return el_set(el, EL_GETCFN, reader);
}
/** Puts the terminal in editing mode now (el_gets otherwise does it after printing the prompt,
    and a Ctrl-D typed in between would be taken by the terminal's canonical mode). */
static inline int hedge_el_prepare_terminal(EditLine *el) {
    return el_set(el, EL_PREP_TERM, 1);
}
/** Redraws the prompt and the line (after the program was suspended and resumed). */
static inline int hedge_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}
static inline int hedge_el_set_history(EditLine *el, History *history_) {
    return el_set(el, EL_HIST, history, history_);
}
static inline int hedge_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *hedge_el_client_data(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static inline int hedge_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}
/** Nonzero: entering the same line twice in a row keeps one entry. */
static inline int hedge_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}
static inline int hedge_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}
static inline int hedge_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}
static inline int hedge_history_save_to_stream(History *h, FILE *stream) {
    HistEvent event;
    return history(h, &event, H_SAVE_FP, stream);
}

/** The newest entry (H_FIRST is libedit's newest), or NULL when the history is empty. */
static inline const char *hedge_history_newest(History *h) {
    HistEvent event;
    if (history(h, &event, H_FIRST) != 0) return NULL;
    return event.str;
}

/* The C standard streams: Swift 6 treats glibc's `stdin`/`stdout`/`stderr` globals as unsafe shared state. */
static inline FILE *hedge_stdin(void) { return stdin; }
static inline FILE *hedge_stdout(void) { return stdout; }
static inline FILE *hedge_stderr(void) { return stderr; }

/** Columns of the terminal on fd, or 0 when unknown. */
static inline int hedge_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

#endif
