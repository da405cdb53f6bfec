/* error.h: one error type for the whole project, printed as compilers print. */
#ifndef ORGWORK_ERROR_H
#define ORGWORK_ERROR_H

#include <stdio.h>

/* Status codes double as the command's exit statuses (SPEC §5). */
typedef enum ow_status {
    OW_OK = 0,
    OW_INTERNAL = 1,  /* a bug, out of memory, a solver failure */
    OW_INPUT = 2,     /* bad input or usage: the user must change something */
    OW_INFEASIBLE = 3 /* the instance is well formed but has no schedule */
} ow_status;

/* A place in a source file; 1-based; line 0 means "no particular place". */
typedef struct ow_loc {
    int line;
    int column;
} ow_loc;

typedef struct ow_error {
    ow_status code;
    char file[512]; /* "" when the error belongs to no file */
    ow_loc loc;
    char message[1024];
    char context[256]; /* e.g. "in body WG.7, agenda item 2"; may be "" */
} ow_error;

/* Clears *err to OW_OK with empty strings.  err may be NULL. */
void ow_error_clear(ow_error *err);

/* Sets *err (if err is not NULL) and returns code, so callers can write
 * `return ow_error_set(err, OW_INPUT, file, loc, "...")`.  file may be NULL. */
ow_status ow_error_set(ow_error *err, ow_status code, const char *file, ow_loc loc, const char *fmt,
                       ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Sets err->context (printf style).  Keeps the rest of *err. */
void ow_error_context(ow_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Prints "file:line:column: error: message (context)\n" to out, leaving out
 * what is unknown ("file: error: ...", "error: ..."). */
void ow_error_print(const ow_error *err, FILE *out);

/* Propagation in the spirit of SCIP_CALL: evaluate a call returning ow_status,
 * and jump to the function's `done:` label with `rc` set if it failed. */
#define OW_CALL(x)                                                                                 \
    do {                                                                                           \
        rc = (x);                                                                                  \
        if (rc != OW_OK)                                                                           \
            goto done;                                                                             \
    } while (0)

#endif
