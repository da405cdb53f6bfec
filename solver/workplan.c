/* workplan.c: the integer program that places topics in sessions (docs/model.md,
 * "Workplan"), solved with GLPK through the project's driver (mip.c).
 *
 * Columns: x[t][s] binary for each open topic t (status no or partly) and each
 * session s that may take it (not held back by not_before; a fixed topic only in its
 * session, with lower bound 1); u[t] binary "left out"; r[c][s] binary "cluster c in
 * sessions s-1 and s"; for a cluster that may share a session, y[c][s] binary "cluster
 * c is in session s" and z[c][s] integer "extra topics of it there".  Every column is
 * integer with an integer cost, so the optimum is the reported objective exactly and
 * GLPK rounds its bounds up. */
#include <stdlib.h>
#include <string.h>

#include "mip.h"
#include "program.h"
#include "orgwork/workplan.h"

typedef struct wp_program {
    ow_program *p;
    double scale; /* every cost of docs/model.md times this, plus the tie-break */
    int *x;       /* n_topics * n_sessions; -1 where no column */
} wp_program;

static bool shared(const ow_workplan *wp, size_t c)
{
    return wp->shared_clusters || wp->clusters[c].shared;
}

/* The session a topic is fixed for, or -1. */
static int fixed_session(const ow_workplan *wp, size_t t)
{
    for (size_t s = 0; s < wp->n_sessions; s++)
        for (size_t i = 0; i < wp->sessions[s].n_fixed; i++)
            if (wp->sessions[s].fixed[i] == t)
                return (int)s;
    return -1;
}

static int xcol(const wp_program *w, const ow_workplan *wp, size_t t, size_t s)
{
    return w->x[t * wp->n_sessions + s];
}

/* The tie-break among plans of equal cost: s * (T - index of t), so that of two
 * topics otherwise alike the one listed first comes first.  It adds less than the
 * scale in all, so it only orders plans the objective ties (0 without a scale). */
static double tie_break(const ow_workplan *wp, size_t t, size_t s, double scale)
{
    return scale > 1 ? (double)s * (double)(wp->n_topics - t) : 0;
}

/* 1 + the largest tie-break a plan can have, or 1 (no tie-break) when the scaled
 * costs would pass 2^50, where doubles stop holding every integer with room. */
static double tie_scale(const ow_workplan *wp)
{
    double T = (double)wp->n_topics, S = (double)wp->n_sessions;
    double scale = 1 + (S - 1) * T * (T + 1) / 2;
    double most =
        T * (OW_WP_W_OPEN + OW_WP_W_OPEN_AGE * (OW_WP_MAX_AGE + 1)) + T * S * (OW_WP_MAX_AGE + 1) +
        (double)wp->n_clusters * S * (OW_WP_W_REPEAT + OW_WP_W_SHARED * OW_WP_MAX_PER_SESSION);
    return scale * most < 1125899906842624.0 ? scale : 1;
}

static ow_status build(const ow_workplan *wp, wp_program *w, ow_error *err)
{
    size_t T = wp->n_topics, S = wp->n_sessions, C = wp->n_clusters;
    w->p = ow_program_new();
    w->x = malloc(T * S * sizeof *w->x);
    if (w->p == NULL || w->x == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    ow_program *p = w->p;
    w->scale = tie_scale(wp);
    for (size_t t = 0; t < T; t++) {
        const ow_wp_topic *tp = &wp->topics[t];
        int f = fixed_session(wp, t);
        long prio = ow_wp_priority(wp, t);
        for (size_t s = 0; s < S; s++) {
            w->x[t * S + s] = -1;
            if (!ow_workplan_allowed(wp, t, s) || (f >= 0 && (size_t)f != s))
                continue;
            w->x[t * S + s] =
                ow_program_col(p, OW_COL_BINARY, f >= 0 ? 1 : 0, 1,
                               w->scale * (double)(prio * (long)s) + tie_break(wp, t, s, w->scale),
                               "x_%s_%s", tp->id, wp->sessions[s].id);
        }
        if (tp->status == OW_WP_YES)
            continue;
        double left =
            w->scale * (tp->status == OW_WP_NO ? OW_WP_W_OPEN + OW_WP_W_OPEN_AGE * prio
                                               : OW_WP_W_PARTLY + OW_WP_W_PARTLY_AGE * prio);
        int u = ow_program_col(p, OW_COL_BINARY, 0, f >= 0 ? 0 : 1, left, "left_%s", tp->id);
        int row = ow_program_row(p, OW_ROW_EQ, 1, "place_%s", tp->id);
        ow_program_add(p, row, u, 1);
        for (size_t s = 0; s < S; s++)
            if (xcol(w, wp, t, s) >= 0)
                ow_program_add(p, row, xcol(w, wp, t, s), 1);
    }
    for (size_t s = 0; s < S; s++) {
        int row = ow_program_row(p, OW_ROW_LE, wp->sessions[s].capacity, "capacity_%s",
                                 wp->sessions[s].id);
        for (size_t t = 0; t < T; t++)
            if (xcol(w, wp, t, s) >= 0)
                ow_program_add(p, row, xcol(w, wp, t, s), 1);
    }
    for (size_t c = 0; c < C; c++) {
        bool had_prev = false;
        int prev_y = -1;
        for (size_t s = 0; s < S; s++) {
            bool any = false;
            for (size_t t = 0; t < T && !any; t++)
                any = wp->topics[t].cluster == c && xcol(w, wp, t, s) >= 0;
            if (!any) {
                had_prev = false;
                continue;
            }
            const char *cid = wp->clusters[c].id, *sid = wp->sessions[s].id;
            int row = ow_program_row(p, OW_ROW_LE, 1, "cluster_%s_%s", cid, sid);
            for (size_t t = 0; t < T; t++)
                if (wp->topics[t].cluster == c && xcol(w, wp, t, s) >= 0)
                    ow_program_add(p, row, xcol(w, wp, t, s), 1);
            /* Whether the cluster is in the session: the sum of its x where it may
             * have one topic there, else y >= each x.  Integer columns with integer
             * costs throughout, so GLPK rounds its bounds up to whole numbers. */
            int y = -1;
            if (shared(wp, c)) {
                ow_program_add(p, row,
                               ow_program_col(p, OW_COL_INTEGER, 0, OW_WP_MAX_PER_SESSION,
                                              w->scale * OW_WP_W_SHARED, "shared_%s_%s", cid, sid),
                               -1);
                y = ow_program_col(p, OW_COL_BINARY, 0, 1, 0, "in_%s_%s", cid, sid);
                for (size_t t = 0; t < T; t++) {
                    if (wp->topics[t].cluster != c || xcol(w, wp, t, s) < 0)
                        continue;
                    int link =
                        ow_program_row(p, OW_ROW_LE, 0, "in_%s_%s_%s", cid, sid, wp->topics[t].id);
                    ow_program_add(p, link, xcol(w, wp, t, s), 1);
                    ow_program_add(p, link, y, -1);
                }
            }
            if (had_prev) {
                /* r >= in[s-1] + in[s] - 1 */
                int r = ow_program_col(p, OW_COL_BINARY, 0, 1, w->scale * OW_WP_W_REPEAT,
                                       "repeat_%s_%s", cid, sid);
                int rrow = ow_program_row(p, OW_ROW_LE, 1, "repeat_%s_%s", cid, sid);
                ow_program_add(p, rrow, r, -1);
                for (size_t k = 0; k < 2; k++) {
                    size_t ss = s - 1 + k;
                    int yy = k == 0 ? prev_y : y;
                    if (yy >= 0) {
                        ow_program_add(p, rrow, yy, 1);
                        continue;
                    }
                    for (size_t t = 0; t < T; t++)
                        if (wp->topics[t].cluster == c && xcol(w, wp, t, ss) >= 0)
                            ow_program_add(p, rrow, xcol(w, wp, t, ss), 1);
                }
            }
            had_prev = true;
            prev_y = y;
        }
    }
    for (size_t k = 0; k < wp->n_rules; k++) {
        const ow_wp_rule *rule = &wp->rules[k];
        if (rule->kind == OW_WP_NOT_BEFORE)
            continue; /* no column exists before the year */
        for (size_t i = 0; i < rule->n_topics; i++)
            for (size_t j = i + 1; j < rule->n_topics; j++) {
                if (rule->kind == OW_WP_TOGETHER && j != i + 1)
                    continue; /* a chain of equalities binds them all */
                size_t a = rule->topics[i], b = rule->topics[j];
                for (size_t s = 0; s < S; s++) {
                    int xa = xcol(w, wp, a, s), xb = xcol(w, wp, b, s);
                    if (xa < 0 && xb < 0)
                        continue;
                    int row =
                        rule->kind == OW_WP_TOGETHER
                            ? ow_program_row(p, OW_ROW_EQ, 0, "together_%s_%s_%s", wp->topics[a].id,
                                             wp->topics[b].id, wp->sessions[s].id)
                            : ow_program_row(p, OW_ROW_LE, 1, "apart_%s_%s_%s", wp->topics[a].id,
                                             wp->topics[b].id, wp->sessions[s].id);
                    if (xa >= 0)
                        ow_program_add(p, row, xa, 1);
                    if (xb >= 0)
                        ow_program_add(p, row, xb, rule->kind == OW_WP_TOGETHER ? -1 : 1);
                }
            }
    }
    if (ow_program_failed(p))
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0},
                            "the workplan's integer program could not be built (out of memory)");
    return OW_OK;
}

/* The placements every plan must make — the fixed topics, and the topics a together
 * rule binds to them — checked against every rule.  Every other column can be 0, and
 * each row is then at its loosest, so the program has a solution exactly when these
 * placements break no rule: the broken rules are the explanation. */
static ow_status forced(const ow_workplan *wp, ow_buf *why, ow_error *err)
{
    ow_wp_plan plan;
    ow_status rc = ow_wp_plan_init(&plan, wp, err);
    if (rc != OW_OK)
        return rc;
    for (size_t t = 0; t < wp->n_topics; t++)
        plan.session[t] = fixed_session(wp, t);
    bool conflict = false;
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t k = 0; k < wp->n_rules; k++) {
            const ow_wp_rule *rule = &wp->rules[k];
            if (rule->kind != OW_WP_TOGETHER)
                continue;
            for (size_t i = 0; i < rule->n_topics; i++) {
                size_t a = rule->topics[i];
                if (plan.session[a] < 0)
                    continue;
                for (size_t j = 0; j < rule->n_topics; j++) {
                    size_t b = rule->topics[j];
                    if (plan.session[b] < 0) {
                        plan.session[b] = plan.session[a];
                        changed = true;
                    } else if (plan.session[b] != plan.session[a] && i < j) {
                        ow_buf_printf(why,
                                      "[together] topics %s and %s go together (line %d), but %s "
                                      "must be in session %s and %s in session %s\n",
                                      wp->topics[a].id, wp->topics[b].id, rule->loc.line,
                                      wp->topics[a].id, wp->sessions[plan.session[a]].id,
                                      wp->topics[b].id, wp->sessions[plan.session[b]].id);
                        conflict = true;
                    }
                }
            }
        }
        if (conflict)
            break;
    }
    ow_wp_check_report rep;
    if (!conflict) {
        rc = ow_wp_check(wp, &plan, false, &rep, err);
        if (rc == OW_OK) {
            for (size_t i = 0; i < rep.n_violations; i++)
                ow_buf_printf(why, "[%s] %s\n", rep.violations[i].rule, rep.violations[i].message);
            conflict = rep.n_violations > 0;
            ow_wp_check_report_free(&rep);
        }
    }
    ow_wp_plan_free(&plan);
    if (rc == OW_OK && conflict)
        rc = OW_INFEASIBLE;
    return rc;
}

ow_status ow_workplan_solve(const ow_workplan *wp, const ow_wp_solve_options *opts,
                            ow_wp_plan *plan, ow_buf *why, ow_error *err)
{
    ow_status rc = OW_OK;
    wp_program w = {NULL, 1, NULL};
    ow_mip_result res;
    memset(&res, 0, sizeof res);
    OW_CALL(ow_wp_plan_init(plan, wp, err));
    rc = forced(wp, why, err);
    if (rc == OW_INFEASIBLE) {
        plan->status = OW_SOLVE_INFEASIBLE;
        plan->stop = OW_STOP_PROVEN;
        goto done;
    }
    if (rc != OW_OK)
        goto done;
    OW_CALL(build(wp, &w, err));
    ow_mip_options mo = {.time_limit = opts ? opts->time_limit : 0,
                         .verbose = opts ? opts->verbose : false,
                         .scale = 1.0,
                         .gap = opts ? opts->gap : 0};
    OW_CALL(ow_mip_solve(w.p, &mo, &res, err));
    plan->seconds = res.seconds;
    /* Why the search ended, as `solve` says it (JSON "stop"; docs/output.md): the
     * workplan has no default limit. */
    plan->stop = res.stop == OW_MIP_STOP_DONE          ? OW_STOP_PROVEN
                 : res.stop == OW_MIP_STOP_GAP         ? OW_STOP_GAP
                 : res.stop == OW_MIP_STOP_INTERRUPTED ? OW_STOP_INTERRUPTED
                                                       : OW_STOP_TIME;
    if (res.status == OW_MIP_INFEASIBLE) {
        /* forced() found every placement consistent, so this is a bug. */
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0},
                          "GLPK found no workplan although the fixed topics break no rule");
        goto done;
    }
    if (res.status == OW_MIP_NO_SOLUTION) {
        plan->status = OW_SOLVE_UNKNOWN;
        ow_buf_puts(why, "the time limit stopped the search before any workplan was found\n");
        rc = OW_INFEASIBLE;
        goto done;
    }
    plan->status = res.status == OW_MIP_OPTIMAL ? OW_SOLVE_OPTIMAL : OW_SOLVE_FEASIBLE;
    plan->gap = res.gap;
    for (size_t t = 0; t < wp->n_topics; t++)
        for (size_t s = 0; s < wp->n_sessions; s++)
            if (xcol(&w, wp, t, s) >= 0 && res.x[xcol(&w, wp, t, s)] > 0.5)
                plan->session[t] = (int)s;
    ow_wp_terms terms;
    ow_wp_objective(wp, plan, &terms);
    plan->objective = terms.total;
done:
    ow_mip_result_free(&res);
    ow_program_free(w.p);
    free(w.x);
    return rc;
}

/* Solves the file with n sessions (capacity > 0: that many topics each); sets
 * *open_left, or -1 when no plan exists. */
static ow_status solve_sized(const char *path, size_t n, int capacity,
                             const ow_wp_solve_options *opts, ow_wp_variant *v, ow_error *err)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = NULL;
    ow_wp_plan plan;
    ow_buf why = OW_BUF_INIT;
    memset(&plan, 0, sizeof plan);
    memset(v, 0, sizeof *v);
    v->sessions = (int)n;
    v->per_session = capacity;
    OW_CALL(ow_workplan_load(path, &wp, err));
    OW_CALL(ow_workplan_resize(wp, n, capacity, err));
    rc = ow_workplan_solve(wp, opts, &plan, &why, err);
    v->status = plan.status;
    v->stop = plan.stop;
    if (rc == OW_INFEASIBLE) {
        rc = OW_OK;
        goto done;
    }
    if (rc != OW_OK)
        goto done;
    ow_wp_terms terms;
    ow_wp_objective(wp, &plan, &terms);
    v->objective = terms.total;
    v->open_left = terms.open_left;
    v->partly_placed = terms.partly_placed;
    for (size_t t = 0; t < wp->n_topics; t++)
        v->open_placed += wp->topics[t].status == OW_WP_NO && plan.session[t] >= 0;
done:
    ow_buf_free(&why);
    ow_wp_plan_free(&plan);
    ow_workplan_free(wp);
    return rc;
}

static bool covers(const ow_wp_variant *v)
{
    return ow_solve_status_has_schedule(v->status) && v->open_left == 0;
}

ow_status ow_workplan_needed(const char *path, const ow_wp_solve_options *opts, int *needed,
                             ow_error *err)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = NULL;
    ow_wp_variant v;
    OW_CALL(ow_workplan_load(path, &wp, err));
    /* More sessions never take fewer topics (the sessions added come after the
     * others): double the count until the topics fit, then bisect. */
    size_t lo = wp->n_sessions, hi = wp->n_sessions;
    for (;;) {
        lo = hi;
        hi = 2 * hi < OW_WP_MAX_SESSIONS ? 2 * hi : OW_WP_MAX_SESSIONS;
        OW_CALL(solve_sized(path, hi, 0, opts, &v, err));
        if (covers(&v))
            break;
        if (hi == OW_WP_MAX_SESSIONS) {
            *needed = -1;
            goto done;
        }
    }
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        OW_CALL(solve_sized(path, mid, 0, opts, &v, err));
        if (covers(&v))
            hi = mid;
        else
            lo = mid;
    }
    *needed = (int)hi;
done:
    ow_workplan_free(wp);
    return rc;
}

ow_status ow_workplan_whatif(const char *path, int from, int to, int per_from, int per_to,
                             const ow_wp_solve_options *opts, ow_wp_variant **out, size_t *n,
                             ow_error *err)
{
    size_t count = (size_t)(to - from + 1) * (size_t)(per_to - per_from + 1);
    ow_wp_variant *rows = calloc(count, sizeof *rows);
    if (rows == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    size_t k = 0;
    for (int s = from; s <= to; s++)
        for (int c = per_from; c <= per_to; c++, k++) {
            ow_status rc = solve_sized(path, (size_t)s, c, opts, &rows[k], err);
            if (rc != OW_OK) {
                free(rows);
                return rc;
            }
        }
    *out = rows;
    *n = count;
    return OW_OK;
}
