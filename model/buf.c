/* buf.c: growable text, and whole-or-nothing file writes. */
#include "orgwork/buf.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "signals.h"

static bool reserve(ow_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (extra > ((size_t)1 << 30) - b->len) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap *= 2;
    char *p = ow_realloc(b->data, cap);
    if (p == NULL) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void ow_buf_append(ow_buf *b, const char *s, size_t len)
{
    if (!reserve(b, len))
        return;
    if (len > 0) /* s may be NULL then: the text of a buffer that never got any */
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void ow_buf_puts(ow_buf *b, const char *s)
{
    ow_buf_append(b, s, strlen(s));
}

void ow_buf_putc(ow_buf *b, char c)
{
    ow_buf_append(b, &c, 1);
}

void ow_buf_printf(ow_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *ow_buf_str(const ow_buf *b)
{
    assert(b->data == NULL ? b->len == 0 : b->len < b->cap && b->data[b->len] == '\0');
    return b->data != NULL ? b->data : "";
}

void ow_buf_free(ow_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

static bool write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (n == 0) {
            errno = ENOSPC;
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

/* Where a path ends up once every symbolic link is followed, the target itself
 * need not exist (a dangling link names the file to create).  Returns a malloc'd
 * path, or NULL with errno set (ELOOP after 40 links). */
static char *follow_links(const char *path)
{
    size_t plen = strlen(path);
    char *cur = ow_malloc(plen + 1);
    if (cur != NULL)
        memcpy(cur, path, plen + 1);
    for (int hops = 0;; hops++) {
        if (cur == NULL) {
            errno = ENOMEM;
            return NULL;
        }
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;
        if (hops == 40) {
            free(cur);
            errno = ELOOP;
            return NULL;
        }
        size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
        char *target = ow_malloc(cap);
        if (target == NULL) {
            free(cur);
            errno = ENOMEM;
            return NULL;
        }
        ssize_t n = readlink(cur, target, cap);
        if (n < 0 || (size_t)n >= cap) {
            int saved = n < 0 ? errno : ENAMETOOLONG;
            free(target);
            free(cur);
            errno = saved;
            return NULL;
        }
        target[n] = '\0';
        const char *slash = strrchr(cur, '/');
        char *next = target;
        if (target[0] != '/' && slash != NULL) {
            size_t dir = (size_t)(slash - cur) + 1;
            next = ow_malloc(dir + (size_t)n + 1);
            if (next != NULL) {
                memcpy(next, cur, dir);
                memcpy(next + dir, target, (size_t)n + 1);
            }
            free(target);
        }
        free(cur);
        cur = next;
    }
}

/* Devices, FIFOs and sockets are written in place: renaming a file over them
 * would destroy them (a device node would become a regular file). */
static ow_status write_in_place(const char *shown, const char *path, const char *data, size_t len,
                                ow_error *err)
{
    const ow_loc none = {0, 0};
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return ow_error_set(err, OW_INPUT, shown, none, "cannot write the file: %s",
                            strerror(errno));
    bool ok = write_all(fd, data, len);
    int saved = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (!ok)
        return ow_error_set(err, OW_INPUT, shown, none, "cannot write the file: %s",
                            strerror(saved));
    return OW_OK;
}

/* A regular file (or none yet): a temporary file beside it, then a rename.  An
 * existing file keeps its mode, and its owner and group where permitted. */
static ow_status replace_file(const char *shown, const char *path, const struct stat *old,
                              const char *data, size_t len, ow_error *err)
{
    const ow_loc none = {0, 0};
    size_t plen = strlen(path);
    char *tmp = ow_malloc(plen + 16);
    if (tmp == NULL)
        return ow_error_set(err, OW_INTERNAL, shown, none, "out of memory");
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp.XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        ow_status rc =
            ow_error_set(err, OW_INPUT, shown, none, "cannot write the file: %s", strerror(errno));
        free(tmp);
        return rc;
    }
    if (old != NULL) {
        /* Owner first: fchown may clear the set-id bits that fchmod then restores. */
        if (fchown(fd, old->st_uid, old->st_gid) != 0)
            (void)fchown(fd, (uid_t)-1, old->st_gid);
        (void)fchmod(fd, old->st_mode & 07777);
    } else {
        /* mkstemp makes the file 0600; a new output file is as readable as any other. */
        mode_t mask = umask(0);
        umask(mask);
        (void)fchmod(fd, 0666 & ~mask);
    }
    bool ok = write_all(fd, data, len) && fsync(fd) == 0;
    int saved = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        unlink(tmp);
        free(tmp);
        return ow_error_set(err, OW_INPUT, shown, none, "cannot write the file: %s",
                            strerror(saved));
    }
    free(tmp);
    return OW_OK;
}

void ow_signals_hold(sigset_t *saved)
{
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, saved);
}

void ow_signals_release(const sigset_t *saved)
{
    sigprocmask(SIG_SETMASK, saved, NULL);
}

ow_status ow_write_file_atomic(const char *path, const char *data, size_t len, ow_error *err)
{
    const ow_loc none = {0, 0};
    if (strcmp(path, "-") == 0) {
        if (!write_all(STDOUT_FILENO, data, len))
            return ow_error_set(err, OW_INPUT, "-", none, "cannot write to standard output: %s",
                                strerror(errno));
        return OW_OK;
    }
    char *real = follow_links(path);
    if (real == NULL && errno == ENOMEM)
        return ow_error_set(err, OW_INTERNAL, path, none, "out of memory");
    if (real == NULL)
        return ow_error_set(err, OW_INPUT, path, none, "cannot write the file: %s",
                            strerror(errno));
    /* No Ctrl-C, SIGTERM or SIGHUP between the temporary file and the rename: a
     * signal that ends the process comes after, and leaves no FILE.tmp.* behind. */
    sigset_t saved_mask;
    ow_signals_hold(&saved_mask);
    ow_status rc;
    struct stat st;
    if (stat(real, &st) != 0) {
        rc = errno == ENOENT ? replace_file(path, real, NULL, data, len, err)
                             : ow_error_set(err, OW_INPUT, path, none, "cannot write the file: %s",
                                            strerror(errno));
    } else if (S_ISREG(st.st_mode)) {
        rc = replace_file(path, real, &st, data, len, err);
    } else if (S_ISDIR(st.st_mode)) {
        rc = ow_error_set(err, OW_INPUT, path, none, "cannot write the file: %s", strerror(EISDIR));
    } else {
        rc = write_in_place(path, real, data, len, err);
    }
    ow_signals_release(&saved_mask);
    free(real);
    return rc;
}

ow_status ow_output_check(const char *output, const char *const *inputs, size_t n, ow_error *err)
{
    struct stat out;
    if (output == NULL || strcmp(output, "-") == 0 || stat(output, &out) != 0)
        return OW_OK;
    for (size_t i = 0; i < n; i++) {
        struct stat in;
        if (inputs[i] != NULL && strcmp(inputs[i], "-") != 0 && stat(inputs[i], &in) == 0 &&
            in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            return ow_error_set(err, OW_INPUT, output, (ow_loc){0, 0},
                                "the output is the input file %s: give another -o", inputs[i]);
    }
    return OW_OK;
}

ow_status ow_read_file(const char *path, size_t max_bytes, char **out, size_t *len, ow_error *err)
{
    const ow_loc none = {0, 0};
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return ow_error_set(err, OW_INPUT, path, none, "cannot open the file: %s", strerror(errno));
    ow_status rc = OW_OK;
    char *data = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (cap - n < 4096) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *p = ow_realloc(data, ncap + 1);
            if (p == NULL) {
                rc = ow_error_set(err, OW_INTERNAL, path, none, "out of memory");
                goto done;
            }
            data = p;
            cap = ncap;
        }
        size_t got = fread(data + n, 1, cap - n, f);
        n += got;
        if (n > max_bytes) {
            rc = ow_error_set(err, OW_INPUT, path, none,
                              "file is larger than %zu bytes, the most orgwork reads", max_bytes);
            goto done;
        }
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        rc = ow_error_set(err, OW_INPUT, path, none, "cannot read the file");
        goto done;
    }
    data[n] = '\0';
    *out = data;
    *len = n;
    data = NULL;
done:
    free(data);
    fclose(f);
    return rc;
}
