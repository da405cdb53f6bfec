/* program.c: columns, rows and sparse entries of a mixed-integer program. */
#include "program.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/alloc.h"
#include "../model/arena.h"

typedef struct row {
    const char *name;
    ow_row_sense sense;
    double rhs;
    size_t n, cap;
    int *cols;
    double *coefs;
    int *index; /* past SCAN entries: where each column stands, hashed (see entry) */
    size_t index_size;
} row;

/* Entries of a row are found by a scan up to SCAN of them, by the index past it. */
#define SCAN 8

struct ow_program {
    ow_arena *names;
    ow_program_col_info *cols;
    size_t n_cols, cap_cols;
    row *rows;
    size_t n_rows, cap_rows;
    size_t n_nonzeros;
    bool failed;
};

ow_program *ow_program_new(void)
{
    ow_program *p = ow_calloc(1, sizeof *p);
    if (p == NULL)
        return NULL;
    p->names = ow_arena_new();
    if (p->names == NULL) {
        free(p);
        return NULL;
    }
    return p;
}

void ow_program_free(ow_program *p)
{
    if (p == NULL)
        return;
    for (size_t i = 0; i < p->n_rows; i++) {
        free(p->rows[i].cols);
        free(p->rows[i].coefs);
        free(p->rows[i].index);
    }
    free(p->rows);
    free(p->cols);
    ow_arena_free(p->names);
    free(p);
}

static bool grow(void **data, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 64;
    void *q = ow_realloc(*data, ncap * size);
    if (q == NULL)
        return false;
    *data = q;
    *cap = ncap;
    return true;
}

static const char *vname(ow_program *p, const char *fmt, va_list ap)
{
    char buf[128];
    vsnprintf(buf, sizeof buf, fmt, ap);
    /* GLPK refuses (aborts on) names with control characters, which room names and
     * ids may hold: they become '?'. */
    for (char *c = buf; *c != '\0'; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7F)
            *c = '?';
    return ow_arena_strdup(p->names, buf);
}

int ow_program_col(ow_program *p, ow_col_kind kind, double lb, double ub, double cost,
                   const char *fmt, ...)
{
    if (p->failed || p->n_cols >= OW_PROGRAM_MAX_COLS ||
        !grow((void **)&p->cols, &p->cap_cols, p->n_cols, sizeof *p->cols)) {
        p->failed = true;
        return -1;
    }
    va_list ap;
    va_start(ap, fmt);
    const char *name = vname(p, fmt, ap);
    va_end(ap);
    if (name == NULL) {
        p->failed = true;
        return -1;
    }
    if (kind == OW_COL_BINARY) {
        if (lb < 0)
            lb = 0;
        if (ub > 1)
            ub = 1;
    }
    p->cols[p->n_cols] = (ow_program_col_info){name, kind, lb, ub, cost};
    return (int)p->n_cols++;
}

int ow_program_row(ow_program *p, ow_row_sense sense, double rhs, const char *fmt, ...)
{
    if (p->failed || !grow((void **)&p->rows, &p->cap_rows, p->n_rows, sizeof *p->rows)) {
        p->failed = true;
        return -1;
    }
    va_list ap;
    va_start(ap, fmt);
    const char *name = vname(p, fmt, ap);
    va_end(ap);
    if (name == NULL) {
        p->failed = true;
        return -1;
    }
    p->rows[p->n_rows] = (row){name, sense, rhs, 0, 0, NULL, NULL, NULL, 0};
    return (int)p->n_rows++;
}

/* Slot of col in the row's index: where it stands, or the empty slot it would take. */
static size_t slot(const row *rw, int col)
{
    size_t mask = rw->index_size - 1;
    size_t h = ((size_t)(unsigned)col * 2654435761u) & mask;
    while (rw->index[h] != 0 && rw->cols[rw->index[h] - 1] != col)
        h = (h + 1) & mask;
    return h;
}

/* Position of col among the row's entries, or rw->n when it has none. */
static size_t entry(const row *rw, int col)
{
    if (rw->index == NULL) {
        for (size_t k = 0; k < rw->n; k++)
            if (rw->cols[k] == col)
                return k;
        return rw->n;
    }
    int at = rw->index[slot(rw, col)];
    return at != 0 ? (size_t)(at - 1) : rw->n;
}

/* Records the row's last entry in its index, which is kept at most half full
 * (rebuilt twice as large when it would be more).  False when out of memory. */
static bool index_entry(row *rw)
{
    if (2 * rw->n > rw->index_size) {
        size_t size = rw->index_size ? rw->index_size * 2 : 4 * SCAN;
        while (2 * rw->n > size)
            size *= 2;
        int *index = ow_calloc(size, sizeof *index);
        if (index == NULL)
            return false;
        free(rw->index);
        rw->index = index;
        rw->index_size = size;
        for (size_t k = 0; k + 1 < rw->n; k++)
            rw->index[slot(rw, rw->cols[k])] = (int)k + 1;
    }
    rw->index[slot(rw, rw->cols[rw->n - 1])] = (int)rw->n;
    return true;
}

void ow_program_add(ow_program *p, int r, int col, double coef)
{
    if (p->failed)
        return;
    if (r < 0 || col < 0 || (size_t)r >= p->n_rows || (size_t)col >= p->n_cols) {
        p->failed = true;
        return;
    }
    row *rw = &p->rows[r];
    /* A column appears once per row (GLPK refuses a duplicate): a repeated entry is
     * summed into the first, however far back it stands. */
    size_t at = entry(rw, col);
    if (at < rw->n) {
        rw->coefs[at] += coef;
        return;
    }
    if (p->n_nonzeros >= OW_PROGRAM_MAX_NONZEROS) {
        p->failed = true;
        return;
    }
    if (rw->n == rw->cap) {
        size_t ncap = rw->cap ? rw->cap * 2 : 8;
        int *c = ow_realloc(rw->cols, ncap * sizeof *c);
        if (c == NULL) {
            p->failed = true;
            return;
        }
        rw->cols = c;
        double *v = ow_realloc(rw->coefs, ncap * sizeof *v);
        if (v == NULL) {
            p->failed = true;
            return;
        }
        rw->coefs = v;
        rw->cap = ncap;
    }
    rw->cols[rw->n] = col;
    rw->coefs[rw->n] = coef;
    rw->n++;
    p->n_nonzeros++;
    if (rw->n > SCAN && !index_entry(rw)) {
        p->failed = true;
        return;
    }
}

void ow_program_row_rhs(ow_program *p, int r, double rhs)
{
    if (r < 0 || (size_t)r >= p->n_rows) {
        p->failed = true;
        return;
    }
    p->rows[r].rhs = rhs;
}

bool ow_program_failed(const ow_program *p)
{
    return p->failed;
}
size_t ow_program_n_cols(const ow_program *p)
{
    return p->n_cols;
}
size_t ow_program_n_rows(const ow_program *p)
{
    return p->n_rows;
}

void ow_program_get_col(const ow_program *p, size_t j, ow_program_col_info *out)
{
    *out = p->cols[j];
}

void ow_program_get_row(const ow_program *p, size_t i, ow_program_row_info *out)
{
    const row *rw = &p->rows[i];
    *out = (ow_program_row_info){rw->name, rw->sense, rw->rhs, rw->n, rw->cols, rw->coefs};
}
