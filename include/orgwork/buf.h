/* buf.h: a growable text buffer, and writing it to a file whole or not at all. */
#ifndef ORGWORK_BUF_H
#define ORGWORK_BUF_H

#include <stdbool.h>
#include <stddef.h>

#include "orgwork/error.h"

typedef struct ow_buf {
    char *data; /* NUL-terminated; NULL until something is appended */
    size_t len;
    size_t cap;
    bool failed; /* set when an allocation failed; later appends do nothing */
} ow_buf;

#define OW_BUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0, false                                                                          \
    }

/* Appends; on allocation failure sets b->failed and leaves b as it was. */
void ow_buf_append(ow_buf *b, const char *s, size_t len);
void ow_buf_puts(ow_buf *b, const char *s);
void ow_buf_putc(ow_buf *b, char c);
void ow_buf_printf(ow_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Returns the text ("" when empty); borrowed from b. */
const char *ow_buf_str(const ow_buf *b);

/* Frees the buffer's memory and resets it to OW_BUF_INIT. */
void ow_buf_free(ow_buf *b);

/* The one writer of every output.  A regular file (or a new one) is written
 * through a temporary file in the same directory and a rename, so a failure or a
 * kill leaves the old file or none, never half of one; an existing file keeps its
 * mode, and its owner where permitted.  Symbolic links are followed: their target
 * is written, the link stays.  Devices, FIFOs and sockets are written in place,
 * never replaced; path "-" writes to standard output.  Every write error is
 * reported (a full device: "No space left on device"), as OW_INPUT naming the
 * path.  SIGINT, SIGTERM and SIGHUP wait while a temporary file exists. */
ow_status ow_write_file_atomic(const char *path, const char *data, size_t len, ow_error *err);

/* OW_INPUT when output (an -o path; NULL or "-" never is) is the same file as one
 * of the n inputs (same device and inode, through links), else OW_OK. */
ow_status ow_output_check(const char *output, const char *const *inputs, size_t n, ow_error *err);

/* Reads a whole file into *out (NUL-terminated, caller frees with free()) and its
 * length into *len.  Refuses files over max_bytes with OW_INPUT naming the limit. */
ow_status ow_read_file(const char *path, size_t max_bytes, char **out, size_t *len, ow_error *err);

#endif
