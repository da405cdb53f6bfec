/* test_construct.c: the first plan (solver/construct.c) — a greedy schedule built
 * without search.  Each plan asserted here passes the checker with the objective it
 * claims; instances with rules the construction does not handle give none.
 * 2024-07-08 is a Monday; default slots 10:00-13:00 and 15:00-18:00. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "construct.h"
#include "solve_support.h"

/* The first plan of text: checked again here, and its layout compared (NULL: any). */
static void expect_plan(const char *text, const char *layout)
{
    ow_instance *inst = load(text, 0, 0);
    ow_schedule *s = ow_construct(inst);
    assert_non_null(s);
    assert_int_equal(s->status, OW_SOLVE_FEASIBLE);
    assert_true(s->objective_given);
    check_schedule(inst, s);
    if (layout != NULL) {
        ow_buf got = OW_BUF_INIT;
        describe(inst, s, &got);
        if (strcmp(ow_buf_str(&got), layout) != 0)
            print_error("layout:\n%s", ow_buf_str(&got));
        assert_string_equal(ow_buf_str(&got), layout);
        ow_buf_free(&got);
    }
    ow_schedule_free(s);
    ow_instance_free(inst);
}

/* Agenda order, each meeting filled to its slot: an item that may split is cut where
 * the slot ends, one that may not goes to the next meeting, and the items set to the
 * last meeting close the session together. */
static void test_one_body(void **state)
{
    (void)state;
    expect_plan(HEAD(5) BODY AGENDA ITEM("1", 120, "") ITEM("2", 120, "")
                    ITEM("3", 150, ", split: false") ITEM("4", 30, ", meeting: last")
                        ITEM("5", 30, ", meeting: last, last: true"),
                "B 1 2024-07-08 10:00-13:00 Plenary: 1=120 2=60\n"
                "B 2 2024-07-08 15:00-18:00 Plenary: 2=60c\n"
                "B 3 2024-07-09 10:00-13:00 Plenary: 3=150\n"
                "B 4 2024-07-09 15:00-18:00 Plenary: 4=30 5=30\n");
}

/* min_part: no piece shorter than it, so the cut moves back. */
static void test_min_part(void **state)
{
    (void)state;
    expect_plan(HEAD(5) BODY AGENDA ITEM("1", 150, "") ITEM("2", 120, ", min_part: 45"),
                "B 1 2024-07-08 10:00-13:00 Plenary: 1=150\n"
                "B 2 2024-07-08 15:00-18:00 Plenary: 2=120\n");
}

/* Two bodies, two rooms, one interpretation team: they take turns (each meeting in
 * the last free room); consecutive bodies share one room and leave no idle day. */
static void test_period(void **state)
{
    (void)state;
    expect_plan(HEAD(5) "rooms: [R1, R2]\nservices: {interpretation_teams: 1}\nbodies:\n"
                        "  - {id: A, name: Group A, agenda: [{item: \"1\", title: T, duration: "
                        "300}]}\n"
                        "  - {id: B, name: Group B, agenda: [{item: \"1\", title: T, duration: "
                        "120}]}\n",
                "A 1 2024-07-08 10:00-13:00 R2: 1=180\n"
                "A 2 2024-07-08 15:00-18:00 R2: 1=120c\n"
                "B 1 2024-07-09 10:00-13:00 R2: 1=120\n");
    expect_plan(HEAD(5) "rooms: [R1, R2]\nbodies:\n"
                        "  - {id: A, name: Group A, room: R2, agenda: [{item: \"1\", title: T, "
                        "duration: 120}]}\n"
                        "  - {id: B, name: Group B, agenda: [{item: \"1\", title: T, duration: "
                        "240}]}\n"
                        "rules:\n  - consecutive: [B, A]\n",
                "A 1 2024-07-09 10:00-13:00 R2: 1=120\n"
                "B 1 2024-07-08 10:00-13:00 R2: 1=180\n"
                "B 2 2024-07-08 15:00-18:00 R2: 1=60c\n");
}

/* A joint item: the owner holds it alone, in the first room where the body attending
 * may meet, in the same slot, inside that body's session (after its opening item,
 * before its closing one). */
static void test_joint(void **state)
{
    (void)state;
    expect_plan(HEAD(5) "rooms: [R1, R2]\nservices: {interpretation_teams: 2}\nbodies:\n"
                        "  - id: A\n    name: Group A\n    agenda:\n"
                        "      - {item: \"1\", title: T, duration: 120}\n"
                        "      - {item: \"2\", title: J, duration: 90, joint_with: [B]}\n"
                        "  - id: B\n    name: Group B\n    agenda:\n"
                        "      - {item: \"1\", title: T, duration: 60, first: true}\n"
                        "      - {item: \"2\", title: T, duration: 60, last: true}\n",
                "A 1 2024-07-08 10:00-13:00 R2: 1=120\n"
                "A 2 2024-07-08 15:00-18:00 R1: 2=90\n"
                "B 1 2024-07-08 10:00-13:00 R1: 1=60\n"
                "B 2 2024-07-08 15:00-18:00 R1: 2=90\n"
                "B 3 2024-07-09 10:00-13:00 R2: 2=60\n");
}

/* Rules the construction does not handle: no plan (the search alone answers). */
static void test_unhandled(void **state)
{
    (void)state;
    const char *texts[] = {
        HEAD(5) BODY AGENDA ITEM("1", 60, ", pin: {meeting: 2}") ITEM("2", 60, ""),
        HEAD(5) BODY AGENDA ITEM("1", 60, ", day: 2"),
        HEAD(5) BODY "  held: all\n  meetings: 2\n" AGENDA ITEM("1", 60, "") ITEM("2", 60, ""),
    };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        ow_instance *inst = load(texts[k], 0, 0);
        assert_null(ow_construct(inst));
        ow_instance_free(inst);
    }
    /* Past its window the agenda does not fit: no plan either. */
    ow_instance *inst = load(HEAD(1) BODY AGENDA ITEM("1", 400, ""), 0, 0);
    assert_null(ow_construct(inst));
    ow_instance_free(inst);
}

/* The instances shipped with the project: a plan for each period and session the
 * construction handles, and each passes the checker. */
static void test_instances(void **state)
{
    (void)state;
    const char *files[] = {"instances/long-session.yaml",
                           "instances/bench/M-1.yaml",
                           "instances/bench/L-1.yaml",
                           "instances/cop-session.yaml",
                           "instances/expert-group.yaml",
                           "instances/som-2013.yaml",
                           "instances/som-2017.yaml",
                           "instances/som-2020.yaml",
                           "instances/som-2024.yaml",
                           "instances/real-cfs-2004.yaml",
                           "instances/real-fao-council-2005.yaml",
                           "instances/real-fao-pc-2005.yaml"};
    for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
        ow_instance *inst = NULL;
        ow_error err;
        ow_error_clear(&err);
        assert_int_equal(ow_instance_load(files[k], &inst, &err), OW_OK);
        ow_schedule *s = ow_construct(inst);
        if (s == NULL)
            print_error("no first plan for %s\n", files[k]);
        assert_non_null(s);
        check_schedule(inst, s);
        ow_schedule_free(s);
        ow_instance_free(inst);
    }
}

/* The meetings of s whose body keep[body] holds, copied into a new schedule. */
static ow_schedule *keep_bodies(const ow_schedule *s, const bool *keep)
{
    ow_schedule *out = ow_schedule_new();
    assert_non_null(out);
    for (size_t i = 0; i < s->n_meetings; i++) {
        const ow_meeting *m = &s->meetings[i];
        if (!keep[m->body])
            continue;
        ow_meeting *c = ow_schedule_add_meeting(out, m->n_pieces);
        assert_non_null(c);
        ow_piece *pieces = c->pieces;
        *c = *m;
        c->pieces = pieces;
        memcpy(pieces, m->pieces, m->n_pieces * sizeof *pieces);
    }
    return out;
}

/* A plan completed (ow_construct_complete): the meetings given stay as they are, the
 * bodies with none are laid in what they leave, and a consecutive rule partly
 * planned goes on after its last planned meeting, by the next working day, in its
 * room (here R2, where the greedy plan alone would take R1). */
static void test_complete_chain(void **state)
{
    (void)state;
    ow_instance *inst = load(HEAD(5) "rooms: [R1, R2]\nservices: {interpretation_teams: 2}\n"
                                     "bodies:\n"
                                     "  - {id: A, name: Group A, agenda: [{item: \"1\", title: T, "
                                     "duration: 240}]}\n"
                                     "  - {id: B, name: Group B, agenda: [{item: \"1\", title: T, "
                                     "duration: 120}]}\n"
                                     "  - {id: C, name: Group C, agenda: [{item: \"1\", title: T, "
                                     "duration: 300}]}\n"
                                     "rules:\n  - consecutive: [A, B]\n",
                             0, 0);
    /* A alone, in R2, by hand. */
    ow_schedule *fixed = ow_schedule_new();
    assert_non_null(fixed);
    for (int k = 0; k < 2; k++) {
        ow_meeting *m = ow_schedule_add_meeting(fixed, 1);
        assert_non_null(m);
        m->body = 0;
        m->n = k + 1;
        m->day = 0;
        m->slot = k;
        m->date = inst->calendar.days[0];
        m->start = k == 0 ? 600 : 900;
        m->end = m->start + 180;
        m->room = 1;
        m->pieces[0] = (ow_piece){0, k == 0 ? 180 : 60, k > 0, false, 0};
    }
    ow_schedule *s = ow_construct_complete(inst, fixed, NULL);
    assert_non_null(s);
    assert_int_equal(s->status, OW_SOLVE_FEASIBLE);
    check_schedule(inst, s);
    ow_buf got = OW_BUF_INIT;
    describe(inst, s, &got);
    const char *layout = "A 1 2024-07-08 10:00-13:00 R2: 1=180\n"
                         "A 2 2024-07-08 15:00-18:00 R2: 1=60c\n"
                         "B 1 2024-07-09 10:00-13:00 R2: 1=120\n"
                         "C 1 2024-07-08 10:00-13:00 R1: 1=180\n"
                         "C 2 2024-07-08 15:00-18:00 R1: 1=120c\n";
    if (strcmp(ow_buf_str(&got), layout) != 0)
        print_error("layout:\n%s", ow_buf_str(&got));
    assert_string_equal(ow_buf_str(&got), layout);
    ow_buf_free(&got);
    ow_schedule_free(s);
    /* C alone laid (lay): B is left for later, A kept, C as above. */
    bool only_c[3] = {false, false, true};
    s = ow_construct_complete(inst, fixed, only_c);
    assert_non_null(s);
    size_t per_body[3] = {0, 0, 0};
    for (size_t i = 0; i < s->n_meetings; i++)
        per_body[s->meetings[i].body]++;
    assert_int_equal(per_body[0], 2);
    assert_int_equal(per_body[1], 0);
    assert_int_equal(per_body[2], 2);
    ow_schedule_free(s);
    /* With both rooms taken on the next working day, B has nowhere to go on: no plan. */
    ow_meeting *m = ow_schedule_add_meeting(fixed, 1);
    assert_non_null(m);
    m->body = 2;
    m->n = 1;
    m->day = 1;
    m->slot = 0;
    m->date = inst->calendar.days[1];
    m->start = 600;
    m->end = 780;
    m->room = 1;
    m->pieces[0] = (ow_piece){0, 180, false, false, 0};
    m = ow_schedule_add_meeting(fixed, 1);
    assert_non_null(m);
    *m = fixed->meetings[2];
    m->pieces[0] = (ow_piece){0, 120, true, false, 0};
    m->n = 2;
    m->slot = 1;
    m->start = 900;
    m->end = 1080;
    assert_null(ow_construct_complete(inst, fixed, NULL));
    ow_schedule_free(fixed);
    ow_instance_free(inst);
}

/* A generated period with consecutive rules and joint items, its first plan cut in
 * two (the first bodies kept, the others dropped with every body tied to them by a
 * joint item, and every body after them in a rule) and completed: the bodies kept
 * keep their meetings, and the whole passes the checker. */
static void test_complete_period(void **state)
{
    (void)state;
    const char *files[] = {"instances/bench/L-1-rules.yaml", "instances/bench/M-1.yaml"};
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        ow_instance *inst = NULL;
        ow_error err;
        ow_error_clear(&err);
        assert_int_equal(ow_instance_load(files[f], &inst, &err), OW_OK);
        ow_schedule *plan = ow_construct(inst);
        assert_non_null(plan);
        size_t nb = inst->n_bodies;
        bool *keep = calloc(nb + 1, sizeof *keep);
        assert_non_null(keep);
        for (size_t b = 0; b < nb; b++)
            keep[b] = b < nb / 2;
        for (bool changed = true; changed;) {
            changed = false;
            for (size_t b = 0; b < nb; b++)
                for (size_t i = 0; i < inst->bodies[b].n_items; i++)
                    for (size_t q = 0; q < inst->bodies[b].items[i].n_joint; q++) {
                        size_t g = inst->bodies[b].items[i].joint_with[q];
                        if (keep[b] != keep[g]) {
                            keep[b] = keep[g] = false;
                            changed = true;
                        }
                    }
            for (size_t r = 0; r < inst->n_rules; r++)
                for (size_t x = 1; x < inst->rules[r].n_bodies; x++)
                    if (!keep[inst->rules[r].bodies[x - 1]] && keep[inst->rules[r].bodies[x]]) {
                        keep[inst->rules[r].bodies[x]] = false;
                        changed = true;
                    }
        }
        size_t kept = 0;
        for (size_t b = 0; b < nb; b++)
            kept += keep[b];
        assert_true(kept > 0 && kept < nb);
        ow_schedule *fixed = keep_bodies(plan, keep);
        ow_schedule *s = ow_construct_complete(inst, fixed, NULL);
        if (s == NULL)
            print_error("%s: no completion\n", files[f]);
        assert_non_null(s);
        check_schedule(inst, s);
        /* The meetings given are in it as they were. */
        size_t same = 0;
        for (size_t i = 0; i < fixed->n_meetings; i++)
            for (size_t k = 0; k < s->n_meetings; k++) {
                const ow_meeting *a = &fixed->meetings[i], *b = &s->meetings[k];
                if (a->body == b->body && a->day == b->day && a->slot == b->slot &&
                    a->room == b->room && a->n_pieces == b->n_pieces)
                    same++;
            }
        assert_int_equal(same, fixed->n_meetings);
        ow_schedule_free(s);
        ow_schedule_free(fixed);
        ow_schedule_free(plan);
        free(keep);
        ow_instance_free(inst);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_body),       cmocka_unit_test(test_min_part),
        cmocka_unit_test(test_period),         cmocka_unit_test(test_joint),
        cmocka_unit_test(test_unhandled),      cmocka_unit_test(test_instances),
        cmocka_unit_test(test_complete_chain), cmocka_unit_test(test_complete_period),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
