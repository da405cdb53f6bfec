/* test_workplan.c: the workplan — its file read key by key and refused with exact
 * messages, the objective and every rule of the checker on hand-made plans, and the
 * integer program on workplans small enough to solve by hand (each plan it returns
 * passes the checker with the same objective). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "orgwork/buf.h"
#include "orgwork/workplan.h"

/* Two sessions of two topics; clusters a (A1, A2, A3) and b (B1, B2).  A1 is the
 * oldest proposal; B2 was addressed already; A3 partly. */
static const char BASE[] =
    "workplan: 1\n"
    "body: {id: WG, name: Working Group, review_mechanism: Review}\n"
    "clusters:\n"
    "  - {id: a, title: Cluster A}\n"
    "  - {id: b, title: Cluster B}\n"
    "topics:\n"
    "  - {id: A1, title: First, cluster: a, proposed: 2010, status: no, source: resolution,"
    " reference: \"resolution 1/1, operative paragraph 2\"}\n"
    "  - {id: A2, title: Second, cluster: a, proposed: 2019, status: no, source: recommendation}\n"
    "  - {id: A3, title: Third, cluster: a, proposed: 2019, status: partly, addressed: 2022,"
    " addressed_by: ninth session, source: recommendation}\n"
    "  - {id: B1, title: Fourth, cluster: b, proposed: 2019, status: no, source: recommendation}\n"
    "  - {id: B2, title: Fifth, cluster: b, proposed: 2013, status: yes, addressed: 2015,"
    " source: recommendation}\n"
    "sessions:\n"
    "  - {id: \"1\", year: 2024}\n"
    "  - {id: \"2\", year: 2025}\n";

static ow_workplan *load(const char *text)
{
    ow_workplan *wp = NULL;
    ow_error err;
    ow_status rc = ow_workplan_load_string("t.yaml", text, strlen(text), &wp, &err);
    if (rc != OW_OK)
        fprintf(stderr, "%s:%d:%d: %s\n", err.file, err.loc.line, err.loc.column, err.message);
    assert_int_equal(rc, OW_OK);
    return wp;
}

/* BASE with extra text appended (rules:, more sessions ...). */
static ow_workplan *load_with(const char *extra)
{
    char text[4096];
    snprintf(text, sizeof text, "%s%s", BASE, extra);
    return load(text);
}

static void expect_error(const char *text, int line, int column, const char *message)
{
    ow_workplan *wp = NULL;
    ow_error err;
    ow_error_clear(&err);
    assert_int_equal(ow_workplan_load_string("t.yaml", text, strlen(text), &wp, &err), OW_INPUT);
    assert_null(wp);
    if (err.loc.line != line || err.loc.column != column || strcmp(err.message, message) != 0)
        fprintf(stderr, "got %d:%d: %s\n", err.loc.line, err.loc.column, err.message);
    assert_int_equal(err.loc.line, line);
    assert_int_equal(err.loc.column, column);
    assert_string_equal(err.message, message);
}

static void test_load(void **state)
{
    (void)state;
    ow_workplan *wp = load(BASE);
    assert_int_equal(wp->n_topics, 5);
    assert_int_equal(wp->n_clusters, 2);
    assert_int_equal(wp->n_sessions, 2);
    assert_string_equal(wp->review, "Review");
    assert_int_equal(wp->topics[0].source, OW_WP_RESOLUTION);
    assert_string_equal(wp->topics[0].reference, "resolution 1/1, operative paragraph 2");
    assert_int_equal(wp->topics[2].status, OW_WP_PARTLY);
    assert_int_equal(wp->topics[2].addressed, 2022);
    assert_int_equal(wp->topics[4].status, OW_WP_YES);
    assert_int_equal(wp->topics[3].cluster, 1);
    assert_int_equal(wp->sessions[0].capacity, 2); /* the default */
    assert_int_equal(ow_wp_priority(wp, 0), 10);   /* 2019 - 2010 + 1 */
    assert_int_equal(ow_wp_priority(wp, 1), 1);
    assert_false(ow_workplan_allowed(wp, 4, 0)); /* addressed */
    assert_true(ow_workplan_allowed(wp, 2, 0));
    ow_workplan_free(wp);
}

static void test_load_errors(void **state)
{
    (void)state;
    char text[4096];
    expect_error("", 0, 0, "the file is empty (expected a mapping starting with workplan: 1)");
    expect_error("workplan: 2\n", 1, 11,
                 "workplan 2 is out of range (expected an integer from 1 to 1)");
    snprintf(text, sizeof text, "%s  - {id: \"3\", year: 2023}\n", BASE);
    expect_error(text, 15, 21,
                 "year 2023 is before the year of the session listed above (2025): list "
                 "sessions in the order they meet");
    snprintf(text, sizeof text, "%s  - {id: \"3\", year: 2026, fixed: [B2]}\n", BASE);
    expect_error(text, 15, 34,
                 "topic B2 is fixed here but was addressed already (status yes): give it status "
                 "partly to take it up again");
    snprintf(text, sizeof text, "%srules:\n  - together: [A1]\n", BASE);
    expect_error(text, 16, 15, "together lists 1 topic (expected at least 2)");
    snprintf(text, sizeof text, "%srules:\n  - apart: [A1, Z9]\n", BASE);
    expect_error(text, 16, 17, "unknown topic \"Z9\" in apart (expected a topic id)");
    snprintf(text, sizeof text, "%srules:\n  - {apart: [A1, B1], together: [A1, B1]}\n", BASE);
    expect_error(text, 16, 5, "a rule has one key (expected together, apart or not_before)");
    snprintf(text, sizeof text, "%s  - {id: \"3\", year: 2026, colour: red}\n", BASE);
    expect_error(text, 15, 27,
                 "unknown key \"colour\" in a session (expected one of: id, name, year, dates, "
                 "topics, fixed)");
    expect_error("workplan: 1\nbody: {id: WG, name: W}\nclusters:\n  - {id: a, title: A}\n"
                 "topics:\n  - {id: A1, title: T, cluster: a, proposed: 2019, status: partly,"
                 " source: recommendation}\nsessions:\n  - {id: \"1\", year: 2024}\n",
                 6, 60, "status partly needs addressed: the year of the session that addressed it");
    expect_error("workplan: 1\nbody: {id: WG, name: W}\nclusters:\n  - {id: a, title: A}\n"
                 "topics:\n  - {id: A1, title: T, cluster: a, proposed: 2019, status: no,"
                 " source: recommendation}\nsessions:\n  - {id: \"1\", year: 2024,"
                 " dates: {from: 2025-01-02, to: 2025-01-03}}\n",
                 8, 41, "the session starts in 2025, not in its year 2024");
}

static void plan_of(const ow_workplan *wp, ow_wp_plan *plan, const int *sessions)
{
    ow_error err;
    assert_int_equal(ow_wp_plan_init(plan, wp, &err), OW_OK);
    for (size_t t = 0; t < wp->n_topics; t++)
        plan->session[t] = sessions[t];
}

/* The rules a plan breaks, as "rule rule ..." in report order. */
static void broken(const ow_workplan *wp, const int *sessions, bool complete, char *out,
                   size_t size, ow_wp_terms *terms)
{
    ow_wp_plan plan;
    ow_wp_check_report rep;
    ow_error err;
    plan_of(wp, &plan, sessions);
    assert_int_equal(ow_wp_check(wp, &plan, complete, &rep, &err), OW_OK);
    out[0] = '\0';
    for (size_t i = 0; i < rep.n_violations; i++) {
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s%s", i ? " " : "", rep.violations[i].rule);
    }
    if (terms != NULL)
        *terms = rep.objective;
    ow_wp_check_report_free(&rep);
    ow_wp_plan_free(&plan);
}

static void test_objective(void **state)
{
    (void)state;
    ow_workplan *wp = load(BASE);
    ow_wp_terms terms;
    char rules[256];
    /* A1 and B1 in session 1, A2 in session 2; A3 left (partly); B2 addressed. */
    const int plan[] = {0, 1, -1, 0, -1};
    broken(wp, plan, true, rules, sizeof rules, &terms);
    assert_string_equal(rules, "");
    assert_int_equal(terms.open_left, 0);
    assert_int_equal(terms.partly_left, 1);
    assert_int_equal(terms.repeats, 1);  /* cluster a in sessions 1 and 2 */
    assert_int_equal(terms.lateness, 1); /* A2: priority 1 in session index 1 */
    assert_int_equal(terms.total, OW_WP_W_PARTLY + OW_WP_W_PARTLY_AGE * 1 + OW_WP_W_REPEAT + 1);
    ow_workplan_free(wp);
}

static void test_check_rules(void **state)
{
    (void)state;
    ow_workplan *wp = load_with("  - {id: \"3\", year: 2026, topics: 1, fixed: [A3]}\n"
                                "rules:\n"
                                "  - together: [A2, B1]\n"
                                "  - apart: [A1, B1]\n"
                                "  - not_before: {topic: A1, year: 2025}\n");
    char rules[256];
    /* A valid plan: A2+B1 together in 2, A1 in 3?  No: 3 holds A3 (fixed, capacity 1),
     * so A1 (not before 2025) goes to 2 — apart from B1 breaks; A1 is left.  Session 1
     * may take nothing: A1 not before 2025, A2 and B1 only together. */
    const int good[] = {-1, 1, 2, 1, -1};
    broken(wp, good, true, rules, sizeof rules, NULL);
    assert_string_equal(rules, "");
    const int addressed[] = {-1, 1, 2, 1, 0};
    broken(wp, addressed, true, rules, sizeof rules, NULL);
    assert_string_equal(rules, "addressed");
    const int fixed[] = {-1, 1, -1, 1, -1};
    broken(wp, fixed, false, rules, sizeof rules, NULL);
    assert_string_equal(rules, "fixed");
    const int capacity[] = {-1, 1, 2, 1, 2};
    broken(wp, capacity, false, rules, sizeof rules, NULL);
    assert_string_equal(rules, "addressed capacity");
    const int cluster[] = {1, 1, 2, 1, -1};
    broken(wp, cluster, false, rules, sizeof rules, NULL);
    assert_string_equal(rules, "capacity cluster apart");
    const int together[] = {-1, 0, 2, 1, -1};
    broken(wp, together, false, rules, sizeof rules, NULL);
    assert_string_equal(rules, "together");
    const int not_before[] = {0, 1, 2, 1, -1};
    broken(wp, not_before, false, rules, sizeof rules, NULL);
    assert_string_equal(rules, "not_before");
    /* Complete: an open topic left out where a session has room. */
    ow_workplan *free_wp = load(BASE);
    const int open[] = {0, -1, -1, -1, -1};
    broken(free_wp, open, true, rules, sizeof rules, NULL);
    assert_string_equal(rules, "open partly open");
    ow_workplan_free(free_wp);
    ow_workplan_free(wp);
}

/* Solves, checks the plan (no violation, same objective), returns it in sessions. */
static ow_status solve(const ow_workplan *wp, int *sessions, long *objective, ow_buf *why)
{
    ow_wp_plan plan;
    ow_error err;
    ow_status rc = ow_workplan_solve(wp, NULL, &plan, why, &err);
    if (rc == OW_OK) {
        ow_wp_check_report rep;
        assert_int_equal(plan.status, OW_SOLVE_OPTIMAL);
        assert_int_equal(ow_wp_check(wp, &plan, true, &rep, &err), OW_OK);
        for (size_t i = 0; i < rep.n_violations; i++)
            fprintf(stderr, "[%s] %s\n", rep.violations[i].rule, rep.violations[i].message);
        assert_int_equal(rep.n_violations, 0);
        assert_int_equal(rep.objective.total, plan.objective);
        ow_wp_check_report_free(&rep);
        memcpy(sessions, plan.session, wp->n_topics * sizeof *sessions);
        *objective = plan.objective;
    }
    ow_wp_plan_free(&plan);
    return rc;
}

static void test_solve_oldest_first_and_spread(void **state)
{
    (void)state;
    ow_workplan *wp = load(BASE);
    int s[5];
    long obj;
    ow_buf why = OW_BUF_INIT;
    assert_int_equal(solve(wp, s, &obj, &why), OW_OK);
    /* Four slots, four open-or-partly topics, but cluster a has three: one per
     * session, so A3 (partly) is left.  A1 (oldest) comes first. */
    assert_int_equal(s[0], 0);
    assert_int_equal(s[1], 1);
    assert_int_equal(s[2], -1);
    assert_int_equal(s[4], -1);
    /* B1 goes with A2 or A1: either way one cluster-a repeat; B1 late or not costs
     * its lateness 1, and b in both sessions is impossible (one b topic). */
    assert_int_equal(obj, OW_WP_W_PARTLY + OW_WP_W_PARTLY_AGE * 1 + OW_WP_W_REPEAT + 1);
    assert_int_equal(s[3], 0);
    ow_buf_free(&why);
    ow_workplan_free(wp);
}

static void test_solve_shared_cluster(void **state)
{
    (void)state;
    char text[4096];
    /* Cluster a may share: A3 now fits beside another a topic, at the shared cost. */
    const char *at = strstr(BASE, "{id: a, title: Cluster A}");
    snprintf(text, sizeof text, "%.*s{id: a, title: Cluster A, shared: true}%s", (int)(at - BASE),
             BASE, at + strlen("{id: a, title: Cluster A}"));
    ow_workplan *wp = load(text);
    int s[5];
    long obj;
    ow_buf why = OW_BUF_INIT;
    assert_int_equal(solve(wp, s, &obj, &why), OW_OK);
    assert_true(s[2] >= 0);
    assert_true(s[0] >= 0 && s[1] >= 0 && s[3] >= 0);
    ow_buf_free(&why);
    ow_workplan_free(wp);
}

static void test_solve_rules(void **state)
{
    (void)state;
    ow_workplan *wp = load_with("rules:\n"
                                "  - together: [A2, B1]\n"
                                "  - not_before: {topic: A1, year: 2025}\n");
    int s[5];
    long obj;
    ow_buf why = OW_BUF_INIT;
    assert_int_equal(solve(wp, s, &obj, &why), OW_OK);
    assert_int_equal(s[0], 1); /* not before 2025: session 2 */
    assert_int_equal(s[1], 0); /* A2 and B1 together in session 1 */
    assert_int_equal(s[3], 0);
    ow_buf_free(&why);
    ow_workplan_free(wp);
}

static void test_solve_left_and_needed(void **state)
{
    (void)state;
    /* One session of one topic: A1 (oldest) is placed, A2 and B1 are left. */
    ow_workplan *wp = load("workplan: 1\nbody: {id: WG, name: W}\nclusters:\n"
                           "  - {id: a, title: A}\n  - {id: b, title: B}\ntopics:\n"
                           "  - {id: A1, title: T, cluster: a, proposed: 2010, status: no,"
                           " source: recommendation}\n"
                           "  - {id: A2, title: T, cluster: a, proposed: 2019, status: no,"
                           " source: recommendation}\n"
                           "  - {id: B1, title: T, cluster: b, proposed: 2019, status: no,"
                           " source: recommendation}\n"
                           "sessions:\n  - {id: \"1\", year: 2024, topics: 1}\n");
    int s[3];
    long obj;
    ow_buf why = OW_BUF_INIT;
    assert_int_equal(solve(wp, s, &obj, &why), OW_OK);
    assert_int_equal(s[0], 0);
    assert_int_equal(s[1], -1);
    assert_int_equal(s[2], -1);
    assert_int_equal(obj, 2 * (OW_WP_W_OPEN + OW_WP_W_OPEN_AGE * 1));
    ow_error err;
    assert_int_equal(ow_workplan_resize(wp, 3, 0, &err), OW_OK);
    assert_int_equal(wp->sessions[2].year, 2026);
    assert_int_equal(wp->sessions[2].capacity, 1);
    assert_int_equal(solve(wp, s, &obj, &why), OW_OK);
    assert_true(s[0] >= 0 && s[1] >= 0 && s[2] >= 0);
    ow_buf_free(&why);
    ow_workplan_free(wp);
}

static void test_solve_infeasible(void **state)
{
    (void)state;
    ow_workplan *wp = load("workplan: 1\nbody: {id: WG, name: W}\nclusters:\n"
                           "  - {id: a, title: A}\n  - {id: b, title: B}\ntopics:\n"
                           "  - {id: A1, title: T, cluster: a, proposed: 2019, status: no,"
                           " source: recommendation}\n"
                           "  - {id: A2, title: T, cluster: a, proposed: 2019, status: no,"
                           " source: recommendation}\n"
                           "  - {id: B1, title: T, cluster: b, proposed: 2019, status: no,"
                           " source: recommendation}\n"
                           "sessions:\n  - {id: \"1\", year: 2024, fixed: [A1]}\n"
                           "  - {id: \"2\", year: 2025, fixed: [B1]}\n"
                           "rules:\n  - together: [A1, A2]\n  - apart: [A1, B1]\n"
                           "  - together: [B1, A2]\n");
    int s[3];
    long obj;
    ow_buf why = OW_BUF_INIT;
    assert_int_equal(solve(wp, s, &obj, &why), OW_INFEASIBLE);
    assert_string_equal(ow_buf_str(&why),
                        "[together] topics B1 and A2 go together (line 16), but B1 must be in "
                        "session 2 and A2 in session 1\n");
    ow_buf_free(&why);
    ow_workplan_free(wp);
}

static void test_agenda(void **state)
{
    (void)state;
    ow_workplan *wp = load(BASE);
    ow_wp_plan plan;
    ow_error err;
    const int sessions[] = {0, 1, -1, 0, -1};
    plan_of(wp, &plan, sessions);
    ow_buf b = OW_BUF_INIT;
    ow_wp_agenda(wp, &plan, 0, &b);
    const char *text = ow_buf_str(&b);
    /* Two days, four meetings; each topic gets (720 - 225) / 2 = 247 -> 240 minutes. */
    assert_non_null(strstr(text, "  start: 2024-01-01 # to be filled in"));
    assert_non_null(strstr(text, "  meetings: 4 # to be filled in"));
    assert_non_null(strstr(text, "      title: \"First\"\n      duration: 240m"));
    assert_non_null(strstr(text, "      title: \"Fourth\"\n      duration: 240m"));
    assert_non_null(strstr(text, "      title: \"Review\"\n      duration: 60m"));
    assert_null(strstr(text, "Second"));
    ow_buf_free(&b);
    ow_wp_plan_free(&plan);
    (void)err;
    ow_workplan_free(wp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_objective),
        cmocka_unit_test(test_check_rules),
        cmocka_unit_test(test_solve_oldest_first_and_spread),
        cmocka_unit_test(test_solve_shared_cluster),
        cmocka_unit_test(test_solve_rules),
        cmocka_unit_test(test_solve_left_and_needed),
        cmocka_unit_test(test_solve_infeasible),
        cmocka_unit_test(test_agenda),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
