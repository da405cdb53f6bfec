/* check.c: the workplan checker and the plan's objective, computed from the plan and
 * the workplan file alone.  It shares no code with the integer program of
 * solver/workplan.c, so a plan the solver returns is verified, not just echoed. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orgwork/workplan.h"

int ow_wp_priority(const ow_workplan *wp, size_t topic)
{
    int newest = 0;
    for (size_t t = 0; t < wp->n_topics; t++)
        if (wp->topics[t].proposed > newest)
            newest = wp->topics[t].proposed;
    int age = newest - wp->topics[topic].proposed;
    return 1 + (age > OW_WP_MAX_AGE ? OW_WP_MAX_AGE : age);
}

/* Topics of cluster c in session s. */
static int in_session(const ow_workplan *wp, const ow_wp_plan *plan, size_t c, int s)
{
    int k = 0;
    for (size_t t = 0; t < wp->n_topics; t++)
        k += plan->session[t] == s && wp->topics[t].cluster == c;
    return k;
}

static bool cluster_shared(const ow_workplan *wp, size_t c)
{
    return wp->shared_clusters || wp->clusters[c].shared;
}

void ow_wp_objective(const ow_workplan *wp, const ow_wp_plan *plan, ow_wp_terms *out)
{
    memset(out, 0, sizeof *out);
    for (size_t t = 0; t < wp->n_topics; t++) {
        const ow_wp_topic *tp = &wp->topics[t];
        if (tp->status == OW_WP_YES)
            continue;
        long p = ow_wp_priority(wp, t);
        int s = plan->session[t];
        if (s >= 0) {
            out->lateness += p * s;
            out->partly_placed += tp->status == OW_WP_PARTLY;
            out->total += p * s;
        } else if (tp->status == OW_WP_NO) {
            out->open_left++;
            out->total += OW_WP_W_OPEN + OW_WP_W_OPEN_AGE * p;
        } else {
            out->partly_left++;
            out->total += OW_WP_W_PARTLY + OW_WP_W_PARTLY_AGE * p;
        }
    }
    for (size_t c = 0; c < wp->n_clusters; c++)
        for (size_t s = 0; s < wp->n_sessions; s++) {
            int k = in_session(wp, plan, c, (int)s);
            if (k > 1)
                out->shared += k - 1;
            if (s + 1 < wp->n_sessions && k > 0 && in_session(wp, plan, c, (int)s + 1) > 0)
                out->repeats++;
        }
    out->total += (long)OW_WP_W_SHARED * out->shared + (long)OW_WP_W_REPEAT * out->repeats;
}

typedef struct report_builder {
    ow_wp_check_report *rep;
    size_t cap;
    bool failed;
} report_builder;

static void violation(report_builder *rb, const char *rule, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void violation(report_builder *rb, const char *rule, const char *fmt, ...)
{
    ow_wp_check_report *rep = rb->rep;
    if (rep->n_violations == rb->cap) {
        size_t cap = rb->cap ? 2 * rb->cap : 16;
        ow_wp_violation *v = realloc(rep->violations, cap * sizeof *v);
        if (v == NULL) {
            rb->failed = true;
            return;
        }
        rep->violations = v;
        rb->cap = cap;
    }
    ow_wp_violation *v = &rep->violations[rep->n_violations++];
    snprintf(v->rule, sizeof v->rule, "%s", rule);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->message, sizeof v->message, fmt, ap);
    va_end(ap);
}

static const char *sid(const ow_workplan *wp, int s)
{
    return wp->sessions[s].id;
}

/* Could session s take topic t as the plan stands, breaking no rule?  Topics bound
 * by a together rule are never judged alone. */
static bool has_room(const ow_workplan *wp, const ow_wp_plan *plan, size_t t, size_t s)
{
    const ow_wp_session *ss = &wp->sessions[s];
    int used = 0;
    for (size_t u = 0; u < wp->n_topics; u++)
        used += plan->session[u] == (int)s;
    if (used >= ss->capacity || !ow_workplan_allowed(wp, t, s))
        return false;
    if (!cluster_shared(wp, wp->topics[t].cluster) &&
        in_session(wp, plan, wp->topics[t].cluster, (int)s) > 0)
        return false;
    for (size_t r = 0; r < wp->n_rules; r++) {
        const ow_wp_rule *rule = &wp->rules[r];
        bool mentions = false;
        for (size_t i = 0; i < rule->n_topics; i++)
            mentions = mentions || rule->topics[i] == t;
        if (!mentions)
            continue;
        if (rule->kind == OW_WP_TOGETHER)
            return false;
        if (rule->kind == OW_WP_APART)
            for (size_t i = 0; i < rule->n_topics; i++)
                if (rule->topics[i] != t && plan->session[rule->topics[i]] == (int)s)
                    return false;
    }
    return true;
}

static void check_sessions(const ow_workplan *wp, const ow_wp_plan *plan, report_builder *rb)
{
    for (size_t s = 0; s < wp->n_sessions; s++) {
        const ow_wp_session *ss = &wp->sessions[s];
        int used = 0;
        for (size_t t = 0; t < wp->n_topics; t++)
            used += plan->session[t] == (int)s;
        if (used > ss->capacity)
            violation(rb, "capacity", "session %s takes %d topics, more than the %d it can take",
                      ss->id, used, ss->capacity);
        for (size_t i = 0; i < ss->n_fixed; i++) {
            size_t t = ss->fixed[i];
            if (plan->session[t] != (int)s)
                violation(rb, "fixed", "topic %s is fixed for session %s but is %s%s",
                          wp->topics[t].id, ss->id,
                          plan->session[t] < 0 ? "not placed" : "in session ",
                          plan->session[t] < 0 ? "" : sid(wp, plan->session[t]));
        }
        for (size_t c = 0; c < wp->n_clusters; c++) {
            if (cluster_shared(wp, c) || in_session(wp, plan, c, (int)s) < 2)
                continue;
            char ids[256] = "";
            size_t len = 0;
            for (size_t t = 0; t < wp->n_topics && len < sizeof ids; t++)
                if (plan->session[t] == (int)s && wp->topics[t].cluster == c)
                    len += (size_t)snprintf(ids + len, sizeof ids - len, "%s%s", len ? ", " : "",
                                            wp->topics[t].id);
            violation(rb, "cluster",
                      "session %s takes topics %s, all of cluster %s (which may not share a "
                      "session)",
                      ss->id, ids, wp->clusters[c].id);
        }
    }
}

static void check_rules(const ow_workplan *wp, const ow_wp_plan *plan, report_builder *rb)
{
    for (size_t r = 0; r < wp->n_rules; r++) {
        const ow_wp_rule *rule = &wp->rules[r];
        if (rule->kind == OW_WP_NOT_BEFORE) {
            size_t t = rule->topics[0];
            int s = plan->session[t];
            if (s >= 0 && wp->sessions[s].year < rule->year)
                violation(rb, "not_before", "topic %s is in session %s (%d), before %d (line %d)",
                          wp->topics[t].id, sid(wp, s), wp->sessions[s].year, rule->year,
                          rule->loc.line);
        } else if (rule->kind == OW_WP_TOGETHER) {
            size_t a = rule->topics[0];
            for (size_t i = 1; i < rule->n_topics; i++) {
                size_t b = rule->topics[i];
                if (plan->session[a] != plan->session[b])
                    violation(rb, "together",
                              "topics %s and %s go together (line %d) but are in %s%s and %s%s",
                              wp->topics[a].id, wp->topics[b].id, rule->loc.line,
                              plan->session[a] < 0 ? "no session" : "session ",
                              plan->session[a] < 0 ? "" : sid(wp, plan->session[a]),
                              plan->session[b] < 0 ? "no session" : "session ",
                              plan->session[b] < 0 ? "" : sid(wp, plan->session[b]));
            }
        } else {
            for (size_t i = 0; i < rule->n_topics; i++)
                for (size_t j = i + 1; j < rule->n_topics; j++) {
                    size_t a = rule->topics[i], b = rule->topics[j];
                    if (plan->session[a] >= 0 && plan->session[a] == plan->session[b])
                        violation(rb, "apart",
                                  "topics %s and %s may not share a session (line %d) but are "
                                  "both in session %s",
                                  wp->topics[a].id, wp->topics[b].id, rule->loc.line,
                                  sid(wp, plan->session[a]));
                }
        }
    }
}

ow_status ow_wp_check(const ow_workplan *wp, const ow_wp_plan *plan, bool complete,
                      ow_wp_check_report *report, ow_error *err)
{
    memset(report, 0, sizeof *report);
    report_builder rb = {report, 0, false};
    for (size_t t = 0; t < wp->n_topics; t++)
        if (plan->session[t] >= (int)wp->n_sessions)
            violation(&rb, "session", "topic %s is in a session beyond the %zu of the workplan",
                      wp->topics[t].id, wp->n_sessions);
    /* Past a session that does not exist, no other rule can be read. */
    if (rb.rep->n_violations == 0) {
        for (size_t t = 0; t < wp->n_topics; t++)
            if (plan->session[t] >= 0 && wp->topics[t].status == OW_WP_YES)
                violation(&rb, "addressed",
                          "topic %s is in session %s but was addressed already (%s)",
                          wp->topics[t].id, sid(wp, plan->session[t]),
                          wp->topics[t].addressed_by ? wp->topics[t].addressed_by : "status yes");
        check_sessions(wp, plan, &rb);
        check_rules(wp, plan, &rb);
        for (size_t t = 0; complete && t < wp->n_topics; t++) {
            if (plan->session[t] >= 0 || wp->topics[t].status == OW_WP_YES)
                continue;
            for (size_t s = 0; s < wp->n_sessions; s++)
                if (has_room(wp, plan, t, s)) {
                    violation(&rb, wp->topics[t].status == OW_WP_NO ? "open" : "partly",
                              "topic %s (%s) is left out, but session %s has room for it",
                              wp->topics[t].id,
                              wp->topics[t].status == OW_WP_NO ? "not addressed"
                                                               : "partly addressed",
                              wp->sessions[s].id);
                    break;
                }
        }
        ow_wp_objective(wp, plan, &report->objective);
    }
    if (rb.failed) {
        ow_wp_check_report_free(report);
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    }
    return OW_OK;
}

void ow_wp_check_report_free(ow_wp_check_report *report)
{
    free(report->violations);
    report->violations = NULL;
    report->n_violations = 0;
}

void ow_wp_check_report_text(const ow_wp_check_report *report, ow_buf *out)
{
    for (size_t i = 0; i < report->n_violations; i++)
        ow_buf_printf(out, "[%s] %s\n", report->violations[i].rule, report->violations[i].message);
    const ow_wp_terms *o = &report->objective;
    ow_buf_printf(out,
                  "objective %ld: %d open topics left, %d partly addressed left (%d placed), "
                  "%d cluster repeats, %d shared, lateness %ld\n",
                  o->total, o->open_left, o->partly_left, o->partly_placed, o->repeats, o->shared,
                  o->lateness);
    if (report->n_violations == 0)
        ow_buf_puts(out, "ok: every rule holds\n");
    else
        ow_buf_printf(out, "%zu rule%s broken\n", report->n_violations,
                      report->n_violations == 1 ? "" : "s");
}
