/* program.h: a mixed-integer linear program in solver-neutral form.  The formulation
 * writes one; the GLPK driver is the only code that turns it into a glp_prob. */
#ifndef ORGWORK_PROGRAM_H
#define ORGWORK_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ow_col_kind { OW_COL_CONTINUOUS = 0, OW_COL_BINARY, OW_COL_INTEGER } ow_col_kind;
typedef enum ow_row_sense { OW_ROW_LE = 0, OW_ROW_GE, OW_ROW_EQ } ow_row_sense;

typedef struct ow_program ow_program;

/* Limits on size: past them the builder fails rather than exhaust memory. */
#define OW_PROGRAM_MAX_COLS     2000000
#define OW_PROGRAM_MAX_NONZEROS 20000000

/* A new empty program (minimisation), or NULL when out of memory.  Free with
 * ow_program_free. */
ow_program *ow_program_new(void);
void ow_program_free(ow_program *p);

/* Adds a column and returns its 0-based index, or -1 when out of memory or past
 * the limits (then the program is marked failed).  The name is printf-formatted
 * and copied. */
int ow_program_col(ow_program *p, ow_col_kind kind, double lb, double ub, double cost,
                   const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Adds a row "sum <sense> rhs" and returns its index, or -1 (marked failed). */
int ow_program_row(ow_program *p, ow_row_sense sense, double rhs, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Adds coef * col to row.  A column may appear once per row: repeated entries are
 * summed.  Negative indices (a column that failed) mark the program failed. */
void ow_program_add(ow_program *p, int row, int col, double coef);

/* Changes a row's right-hand side. */
void ow_program_row_rhs(ow_program *p, int row, double rhs);

/* True when an allocation or a limit failed while building. */
bool ow_program_failed(const ow_program *p);

size_t ow_program_n_cols(const ow_program *p);
size_t ow_program_n_rows(const ow_program *p);

/* Read access for the drivers. */
typedef struct ow_program_col_info {
    const char *name;
    ow_col_kind kind;
    double lb, ub, cost;
} ow_program_col_info;

typedef struct ow_program_row_info {
    const char *name;
    ow_row_sense sense;
    double rhs;
    size_t n;        /* entries */
    const int *cols; /* borrowed */
    const double *coefs;
} ow_program_row_info;

void ow_program_get_col(const ow_program *p, size_t j, ow_program_col_info *out);
void ow_program_get_row(const ow_program *p, size_t i, ow_program_row_info *out);

#endif
