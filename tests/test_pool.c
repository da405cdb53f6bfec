/* test_pool.c: numbered tasks on a pool of threads (solver/pool.h): every task runs
 * once, in the thread that takes it, whatever the jobs and the order they are
 * handed out in; the workers share the caller's part of GLPK's memory limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "mip.h"
#include "pool.h"

#define TASKS 40

typedef struct tally {
    atomic_int runs[TASKS];
    atomic_int ways[TASKS]; /* the memory share the task's thread had */
} tally;

static void count_task(void *ctx, size_t i)
{
    tally *t = ctx;
    atomic_fetch_add(&t->runs[i], 1);
    atomic_store(&t->ways[i], ow_mip_memory_ways());
}

static void run(int jobs, const size_t *order, int ways_seen)
{
    static tally t;
    for (size_t i = 0; i < TASKS; i++) {
        atomic_store(&t.runs[i], 0);
        atomic_store(&t.ways[i], 0);
    }
    ow_pool_run(TASKS, order, jobs, count_task, &t);
    for (size_t i = 0; i < TASKS; i++) {
        assert_int_equal(atomic_load(&t.runs[i]), 1);
        assert_int_equal(atomic_load(&t.ways[i]), ways_seen);
    }
}

static void test_every_task_once(void **state)
{
    (void)state;
    size_t backwards[TASKS];
    for (size_t i = 0; i < TASKS; i++)
        backwards[i] = TASKS - 1 - i;
    int jobs = (int)ow_pool_jobs(2);
    /* One job: the calling thread, its whole limit.  More: a share each. */
    run(1, NULL, 1);
    run(1, backwards, 1);
    run(2, NULL, jobs);
    run(2, backwards, jobs);
    run(256, NULL, (int)ow_pool_jobs(0));
    assert_int_equal(ow_mip_memory_ways(), 1); /* the caller's share is its own */
}

/* Ordered by `order` with one job: the caller runs them in that order. */
static size_t seen[TASKS], n_seen;

static void record_task(void *ctx, size_t i)
{
    (void)ctx;
    seen[n_seen++] = i;
}

static void test_one_job_in_order(void **state)
{
    (void)state;
    size_t order[TASKS];
    for (size_t i = 0; i < TASKS; i++)
        order[i] = (i * 7) % TASKS; /* 7 and 40 are coprime: a permutation */
    n_seen = 0;
    ow_pool_run(TASKS, order, 1, record_task, NULL);
    assert_int_equal(n_seen, TASKS);
    for (size_t i = 0; i < TASKS; i++)
        assert_int_equal(seen[i], order[i]);
}

/* Never more jobs than cores, and at least one. */
static void test_jobs_bounded(void **state)
{
    (void)state;
    assert_true(ow_pool_jobs(0) >= 1);
    assert_int_equal(ow_pool_jobs(1), 1);
    assert_int_equal(ow_pool_jobs(100000), ow_pool_jobs(0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_task_once),
        cmocka_unit_test(test_one_job_in_order),
        cmocka_unit_test(test_jobs_bounded),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    ow_mip_shutdown();
    return failed;
}
