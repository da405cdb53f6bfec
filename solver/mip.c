/* mip.c: the GLPK driver.  Every argument is validated by the program builder
 * before it reaches GLPK, since GLPK aborts on bad arguments. */
#include "mip.h"

#include "../model/signals.h"
#include "orgwork/buf.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

double ow_mip_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* What GLPK may not do to the process: abort it on an error (a bad argument, or
 * memory past glp_mem_limit), or keep Ctrl-C waiting while it solves a linear
 * program, where no callback comes.  GLPK's error hook, and its terminal hook
 * (called at each display line, every few seconds even during a long simplex),
 * leave GLPK by longjmp to the guard of the call under way; glp_free_env then
 * frees everything GLPK held (GLPK-NOTES.md, "Output and errors").  Per thread, as
 * GLPK's own state is. */
typedef struct guard {
    jmp_buf where;
    bool verbose;   /* GLPK's own output to standard error */
    bool found;     /* the search holds a solution: Ctrl-C goes through the callback */
    bool finish;    /* after one Ctrl-C, search on to a first solution */
    bool error;     /* GLPK reported an error */
    char said[512]; /* GLPK's last lines, for the error message */
} guard;

static _Thread_local guard *guarded;
static int memory_limit_mb = OW_MIP_DEFAULT_MEMORY_MB;
static _Thread_local int memory_ways = 1;

void ow_mip_share_memory(int ways)
{
    memory_ways = ways > 1 ? ways : 1;
}

static volatile sig_atomic_t interrupted;

void ow_mip_set_memory_limit(int megabytes)
{
    memory_limit_mb = megabytes > 0 ? megabytes : OW_MIP_DEFAULT_MEMORY_MB;
}

int ow_mip_memory_limit(void)
{
    return memory_limit_mb;
}

static int term_hook(void *info, const char *s)
{
    (void)info;
    guard *g = guarded;
    if (g == NULL) {
        fputs(s, stderr);
        return 1;
    }
    if (g->verbose)
        fputs(s, stderr);
    if (strncmp(s, "Error detected", 14) == 0)
        g->error = true;
    size_t have = strlen(g->said), add = strlen(s);
    if (have + add >= sizeof g->said) {
        have = 0;
        if (add >= sizeof g->said)
            add = sizeof g->said - 1;
    }
    memcpy(g->said + have, s, add);
    g->said[have + add] = '\0';
    if (!g->error && interrupted && !g->found && (!g->finish || interrupted > 1))
        longjmp(g->where, 1);
    return 1;
}

static void error_hook(void *info)
{
    (void)info;
    guarded->error = true;
    longjmp(guarded->where, 1);
}

/* Arms GLPK for a guarded call: hooks, output, the memory limit of this thread. */
static void arm(guard *g, bool verbose)
{
    memset(g, 0, sizeof *g);
    g->verbose = verbose;
    guarded = g;
    glp_term_out(GLP_ON);
    glp_term_hook(term_hook, NULL);
    glp_error_hook(error_hook, NULL);
    int mb = memory_limit_mb / memory_ways;
    glp_mem_limit(mb > 16 ? mb : 16);
}

/* After a longjmp out of GLPK: frees all it held, and says why on err (an error)
 * or returns OW_OK (Ctrl-C). */
static ow_status escaped(guard *g, ow_error *err)
{
    guarded = NULL;
    glp_free_env();
    if (!g->error)
        return OW_OK;
    /* GLPK's message, without its source file and line. */
    char *cut = strstr(g->said, "Error detected");
    if (cut != NULL)
        *cut = '\0';
    for (size_t n = strlen(g->said); n > 0 && (g->said[n - 1] == '\n' || g->said[n - 1] == ' ');)
        g->said[--n] = '\0';
    const char *msg = strrchr(g->said, '\n') ? strrchr(g->said, '\n') + 1 : g->said;
    bool memory = strstr(msg, "memory") != NULL;
    return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "GLPK failed: %s%s", msg,
                        memory ? "; the program needs more memory than the limit allows "
                                 "(--memory-limit MB)"
                               : "");
}

static void disarm(void)
{
    guarded = NULL;
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
}

/* Loads p into a new glp_prob; NULL when out of memory. */
static glp_prob *load(const ow_program *p)
{
    glp_prob *lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MIN);
    size_t n_cols = ow_program_n_cols(p), n_rows = ow_program_n_rows(p);
    if (n_cols > 0)
        glp_add_cols(lp, (int)n_cols);
    if (n_rows > 0)
        glp_add_rows(lp, (int)n_rows);
    for (size_t j = 0; j < n_cols; j++) {
        ow_program_col_info c;
        ow_program_get_col(p, j, &c);
        int jj = (int)j + 1;
        glp_set_col_name(lp, jj, c.name);
        if (c.kind == OW_COL_BINARY)
            glp_set_col_kind(lp, jj, GLP_IV);
        else if (c.kind == OW_COL_INTEGER)
            glp_set_col_kind(lp, jj, GLP_IV);
        int type = c.lb == c.ub ? GLP_FX : GLP_DB;
        glp_set_col_bnds(lp, jj, type, c.lb, c.ub);
        glp_set_obj_coef(lp, jj, c.cost);
    }
    /* The row buffers come from GLPK's own allocator: a GLPK error or its memory
     * limit can leave load() by longjmp, and glp_free_env then frees them too. */
    size_t longest = 0;
    for (size_t i = 0; i < n_rows; i++) {
        ow_program_row_info r;
        ow_program_get_row(p, i, &r);
        if (r.n > longest)
            longest = r.n;
    }
    int *ind = glp_alloc((int)longest + 1, sizeof *ind);
    double *val = glp_alloc((int)longest + 1, sizeof *val);
    for (size_t i = 0; i < n_rows; i++) {
        ow_program_row_info r;
        ow_program_get_row(p, i, &r);
        int ii = (int)i + 1;
        glp_set_row_name(lp, ii, r.name);
        int type = r.sense == OW_ROW_LE ? GLP_UP : r.sense == OW_ROW_GE ? GLP_LO : GLP_FX;
        glp_set_row_bnds(lp, ii, type, r.rhs, r.rhs);
        /* GLPK refuses zero or repeated entries: the builder sums repeats; drop zeros. */
        int n = 0;
        for (size_t k = 0; k < r.n; k++) {
            if (r.coefs[k] == 0.0)
                continue;
            n++;
            ind[n] = r.cols[k] + 1;
            val[n] = r.coefs[k];
        }
        glp_set_mat_row(lp, ii, n, ind, val);
    }
    glp_free(ind);
    glp_free(val);
    return lp;
}

/* One request to stop often comes as two signals: `timeout`, asked to stop its
 * command, passes the signal on to the command and then to its whole process group,
 * and a supervisor may signal the process and its group alike.  When the process
 * runs between the two sends it gets the signal twice, microseconds apart, which
 * counted as a second Ctrl-C and threw away the plan being finished.  So a signal
 * counts as a second request only OW_MIP_REPEAT_SECONDS or more after the first.
 * The time of the first is a lock-free atomic, which a signal handler may touch;
 * clock_gettime is async-signal-safe. */
static atomic_llong first_ms;

static long long monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void ow_mip_interrupt(void)
{
    long long now = monotonic_ms();
    if (interrupted == 0) {
        atomic_store(&first_ms, now);
        interrupted = 1;
    } else if (interrupted == 1 &&
               now - atomic_load(&first_ms) >= (long long)(OW_MIP_REPEAT_SECONDS * 1000)) {
        interrupted = 2;
    }
}

bool ow_mip_interrupted(void)
{
    return interrupted != 0;
}

bool ow_mip_interrupted_twice(void)
{
    return interrupted > 1;
}

typedef struct search_info {
    guard *g;
    double bound;
    const ow_mip_options *opts;
    double start, shown;
    double best;       /* the best solution's objective (value / scale), or -1 */
    double lower;      /* the bound in objective units, rounded down */
    double hundredths; /* the bound in hundredths of those units, rounded down */
    int improved;      /* the nodes the search had when best or the bound last improved */
    ow_mip_stop stop;  /* why the callback ended the search */
} search_info;

static double scale_of(const ow_mip_options *opts)
{
    return opts->scale > 0 ? opts->scale : 1;
}

/* The objective of a program value: value = objective × scale + a tie-break below
 * one scale, all whole numbers (the half absorbs GLPK's rounding). */
static double objective_of(double value, double scale)
{
    return floor((value + 0.5) / scale);
}

double ow_mip_gap(double objective, double lower)
{
    if (objective <= 0 || lower >= objective)
        return 0;
    double g = (objective - (lower > 0 ? lower : 0)) / objective;
    return g < 1 ? g : 1;
}

/* The lower bound the gap is measured against: the search's (rounded down), or the
 * one known beforehand. */
static double gap_lower(const search_info *si)
{
    const ow_mip_options *o = si->opts;
    if (o->only_known)
        return o->known;
    return si->lower > o->known ? si->lower : o->known;
}

/* One progress line: elapsed time, best schedule's objective, bound, gap (and the
 * gap the search stops at, with --gap). */
static void show_progress(glp_tree *tree, search_info *si, double now)
{
    double scale = scale_of(si->opts);
    fprintf(stderr, "\r%7.1f s  ", now - si->start);
    if (si->best >= 0)
        fprintf(stderr, "best %.0f  ", si->best);
    else
        fprintf(stderr, "best -  ");
    if (si->bound > -DBL_MAX)
        fprintf(stderr, "bound %.1f  ", si->bound / scale);
    if (si->best >= 0)
        fprintf(stderr, "gap %.2f%%  ", 100.0 * ow_mip_gap(si->best, gap_lower(si)));
    if (si->opts->gap > 0)
        fprintf(stderr, "(stop at %.2f%%)  ", 100.0 * si->opts->gap);
    int active, current, total;
    glp_ios_tree_size(tree, &active, &current, &total);
    fprintf(stderr, "nodes %d (%d open)   ", total, active);
    fflush(stderr);
}

/* Ends the search for reason why. */
static void stop_search(glp_tree *tree, search_info *si, ow_mip_stop why)
{
    si->stop = why;
    glp_ios_terminate(tree);
}

static void callback(glp_tree *tree, void *info)
{
    search_info *si = info;
    const ow_mip_options *o = si->opts;
    int reason = glp_ios_reason(tree);
    int active, current, nodes;
    glp_ios_tree_size(tree, &active, &current, &nodes);
    if (reason == GLP_ISELECT || reason == GLP_IBINGO) {
        int best = glp_ios_best_node(tree);
        if (best != 0) {
            si->bound = glp_ios_node_bound(tree, best);
            si->lower = floor(si->bound / scale_of(o));
            /* Progress towards a proof: the bound up by a hundredth of a point. */
            double hundredths = floor(si->bound / scale_of(o) * 100);
            if (hundredths > si->hundredths) {
                si->hundredths = hundredths;
                si->improved = nodes;
            }
        }
    }
    if (reason == GLP_IBINGO)
        si->g->found = true;
    /* The best solution, found by the search or by one of GLPK's heuristics. */
    if (glp_ios_mip_gap(tree) < DBL_MAX) {
        double obj = objective_of(glp_mip_obj_val(glp_ios_get_prob(tree)), scale_of(o));
        if (si->best < 0 || obj < si->best) {
            si->best = obj;
            si->improved = nodes;
        }
    }
    if (interrupted && (!si->g->finish || si->g->found || interrupted > 1)) {
        stop_search(tree, si, OW_MIP_STOP_INTERRUPTED);
        return;
    }
    if (o->first && si->g->found) {
        stop_search(tree, si, OW_MIP_STOP_FIRST);
        return;
    }
    /* Within the gap asked (or at the bound known beforehand): done.  The stops the
     * caller did not ask for by a gap wait OW_MIP_STALL_NODES nodes, so that a
     * search that takes fewer ends as it always did, its tie-break settled too.
     * Nodes, not seconds: the same search stops at the same place however busy the
     * machine is. */
    bool settled = nodes >= OW_MIP_STALL_NODES;
    if (si->best >= 0 && (o->gap > 0 || (o->only_known && settled)) &&
        ow_mip_gap(si->best, gap_lower(si)) <= o->gap) {
        stop_search(tree, si, OW_MIP_STOP_GAP);
        return;
    }
    if (o->target > 0 && settled && si->best >= 0 && si->best <= o->target) {
        stop_search(tree, si, OW_MIP_STOP_TARGET);
        return;
    }
    /* No progress for as many nodes as the progress so far took: the time is given
     * back. */
    if (o->stall > 0 && si->best >= 0) {
        int quiet = nodes - si->improved, worked = si->improved;
        if (quiet >= (worked > o->stall ? worked : o->stall)) {
            stop_search(tree, si, OW_MIP_STOP_STALL);
            return;
        }
    }
    if (o->progress && (reason == GLP_ISELECT || reason == GLP_IBINGO)) {
        double now = ow_mip_now();
        if (now - si->shown >= 0.2) {
            si->shown = now;
            show_progress(tree, si, now);
        }
    }
}

/* One branch-and-cut search; cover says whether GLPK's cover cuts are on. */
static ow_status search(const ow_program *p, const ow_mip_options *opts, bool cover,
                        ow_mip_result *result, ow_error *err)
{
    const ow_loc none = {0, 0};
    memset(result, 0, sizeof *result);
    if (ow_program_failed(p))
        return ow_error_set(err, OW_INTERNAL, NULL, none,
                            "the integer program could not be built (out of memory or too large)");
    double t0 = ow_mip_now();
    if (interrupted > (opts->finish ? 1 : 0)) {
        /* Ctrl-C before the search: no schedule, and nothing to wait for. */
        result->status = OW_MIP_NO_SOLUTION;
        result->stop = OW_MIP_STOP_INTERRUPTED;
        return OW_OK;
    }
    guard g;
    arm(&g, opts->verbose);
    g.finish = opts->finish;
    glp_prob *volatile lp = NULL;
    if (setjmp(g.where) != 0) {
        ow_status erc = escaped(&g, err);
        if (erc == OW_OK) {
            result->status = OW_MIP_NO_SOLUTION; /* Ctrl-C inside a linear program */
            result->stop = OW_MIP_STOP_INTERRUPTED;
        }
        result->seconds = ow_mip_now() - t0;
        if (opts->progress)
            fputs("\r\033[K", stderr);
        return erc;
    }
    lp = load(p);
    if (lp == NULL) {
        disarm();
        return ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory loading the program");
    }

    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.mir_cuts = GLP_ON;
    parm.cov_cuts = cover ? GLP_ON : GLP_OFF;
    /* Clique cuts only on small programs: GLPK's conflict graph is not bounded by
     * the program-size cap (one body, 200 one-minute items over 2 days, 39,278
     * columns: 3.3 GB, 4 days: abort), and on the large instances they changed
     * nothing measurable (median of 3, on -> off: the CTOC period 1.50 -> 1.25 s,
     * generated L seed 1 4.0 -> 3.9 s, L seed 7 with rules 7.3 -> 6.9 s, the same
     * objectives; docs/performance.md).  On small ones they settle joint meetings of
     * free-order bodies: a 690-column period (tests/differential seed 1645) 15.9 s
     * -> 0.6 s. */
    parm.clq_cuts = glp_get_num_cols(lp) <= OW_MIP_CLIQUE_COLUMNS ? GLP_ON : GLP_OFF;
    /* Gomory cuts cost more than they bring on these programs: measured without them,
     * long-session 0.08 -> 0.05 s, the CTOC period 1.9 -> 0.8 s, one body of the
     * generated L seed 7 (10 meetings packed to 99 %) 23.7 -> 1.7 s (docs/performance.md). */
    parm.gmi_cuts = GLP_OFF;
    /* Display lines are what lets Ctrl-C out of a long simplex (term_hook): on,
     * shown only with --verbose. */
    parm.msg_lev = GLP_MSG_ON;
    /* A gap asked for is tested by the callback alone, on the objective against the
     * bound rounded down (ow_mip_gap, gap_lower): the gap reported.  GLPK's own
     * mip_gap tests the program's value (objective × scale + tie-break) against its
     * bound, which stopped the CoP session at --gap 0.05 with a reported gap of
     * 6.2 %. */
    parm.mip_gap = 0.0;
    if (opts->time_limit > 0) {
        double ms = opts->time_limit * 1000.0;
        parm.tm_lim = ms > (double)INT_MAX ? INT_MAX : (int)ms;
    }
    search_info si = {&g, -DBL_MAX, opts, t0, t0, -1, -DBL_MAX, -DBL_MAX, 0, OW_MIP_STOP_DONE};
    parm.cb_func = callback;
    parm.cb_info = &si;
    int ret = glp_intopt(lp, &parm);
    result->seconds = ow_mip_now() - t0;
    if (opts->progress && si.shown > t0)
        fputs("\r\033[K", stderr); /* clear the progress line */
    int st = glp_mip_status(lp);
    ow_status rc = OW_OK;
    result->stop = ret == GLP_ETMLIM    ? OW_MIP_STOP_LIMIT
                   : ret == GLP_EMIPGAP ? OW_MIP_STOP_GAP
                   : ret == GLP_ESTOP   ? si.stop
                                        : OW_MIP_STOP_DONE;
    result->bound = si.bound; /* a bound even without a solution, once an LP is solved */
    if (ret == GLP_ENOPFS || ret == GLP_ENODFS || st == GLP_NOFEAS) {
        result->status = OW_MIP_INFEASIBLE;
    } else if (ret != 0 && ret != GLP_ETMLIM && ret != GLP_EMIPGAP && ret != GLP_ESTOP) {
        rc =
            ow_error_set(err, OW_INTERNAL, NULL, none, "GLPK failed (glp_intopt returned %d)", ret);
        goto done;
    } else if (st == GLP_OPT) {
        result->status = OW_MIP_OPTIMAL;
    } else if (st == GLP_FEAS) {
        result->status = OW_MIP_FEASIBLE;
    } else {
        result->status = OW_MIP_NO_SOLUTION;
    }
    if (result->status == OW_MIP_OPTIMAL || result->status == OW_MIP_FEASIBLE) {
        size_t n = ow_program_n_cols(p);
        result->x = malloc((n ? n : 1) * sizeof *result->x);
        if (result->x == NULL) {
            rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
            goto done;
        }
        for (size_t j = 0; j < n; j++)
            result->x[j] = glp_mip_col_val(lp, (int)j + 1);
        result->objective = glp_mip_obj_val(lp);
        if (result->status == OW_MIP_OPTIMAL) {
            result->bound = result->objective;
            result->gap = 0.0;
        } else {
            result->bound = si.bound;
            si.best = objective_of(result->objective, scale_of(opts));
            result->gap =
                si.bound > -DBL_MAX || opts->known > 0 ? ow_mip_gap(si.best, gap_lower(&si)) : 1.0;
        }
    }
done:
    glp_delete_prob(lp);
    disarm();
    return rc;
}

ow_status ow_mip_solve(const ow_program *p, const ow_mip_options *opts, ow_mip_result *result,
                       ow_error *err)
{
    ow_error first;
    ow_error_clear(&first);
    ow_status rc = search(p, opts, true, result, &first);
    if (rc == OW_OK || strstr(first.message, "memory") != NULL) {
        if (rc != OW_OK && err != NULL)
            *err = first;
        return rc;
    }
    /* GLPK 5.0's cover-cut generator can fail on a program its presolver has
     * reduced (glp_cov_init calls glp_add_cols with no columns: "ncs = 0"); the
     * same search without cover cuts then runs clean.  Any other GLPK failure is
     * reported as the second search reports it. */
    ow_mip_result_free(result);
    return search(p, opts, false, result, err);
}

void ow_mip_result_free(ow_mip_result *result)
{
    free(result->x);
    result->x = NULL;
}

ow_status ow_mip_write(const ow_program *p, ow_mip_file format, const char *path, ow_error *err)
{
    const ow_loc none = {0, 0};
    if (ow_program_failed(p))
        return ow_error_set(err, OW_INTERNAL, NULL, none, "the integer program could not be built");
    guard g;
    arm(&g, false);
    g.finish = true; /* writing is not stopped by Ctrl-C */
    glp_prob *volatile lp = NULL;
    char *volatile tmp = NULL;
    if (setjmp(g.where) != 0) {
        if (tmp != NULL)
            unlink(tmp);
        free(tmp);
        return escaped(&g, err);
    }
    lp = load(p);
    if (lp == NULL) {
        disarm();
        return ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
    }
    /* GLPK writes only to a named file: a private scratch file, read back and given
     * to the one writer of every output (ow_write_file_atomic). */
    const char *dir = getenv("TMPDIR");
    if (dir == NULL || dir[0] == '\0')
        dir = "/tmp";
    size_t dlen = strlen(dir);
    char *text = NULL;
    tmp = malloc(dlen + 24);
    size_t len = 0;
    ow_status rc = OW_OK;
    if (tmp == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto done;
    }
    memcpy(tmp, dir, dlen);
    memcpy(tmp + dlen, "/orgwork.XXXXXX", 16);
    sigset_t saved_mask;
    ow_signals_hold(&saved_mask);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        rc = ow_error_set(err, OW_INPUT, dir, none, "cannot write a scratch file: %s",
                          strerror(errno));
    } else {
        close(fd);
        int ret = format == OW_MIP_LP ? glp_write_lp(lp, NULL, tmp)
                                      : glp_write_mps(lp, GLP_MPS_FILE, NULL, tmp);
        if (ret != 0)
            rc = ow_error_set(err, OW_INPUT, dir, none, "cannot write a scratch file");
        else
            rc = ow_read_file(tmp, SIZE_MAX - 1, &text, &len, err);
        unlink(tmp);
    }
    ow_signals_release(&saved_mask);
    if (rc == OW_OK)
        rc = ow_write_file_atomic(path, text, len, err);
done:
    free(text);
    free(tmp);
    glp_delete_prob(lp);
    disarm();
    return rc;
}

void ow_mip_shutdown(void)
{
    glp_free_env();
}
