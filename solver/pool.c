/* pool.c: numbered tasks on a pool of threads.  GLPK keeps its state per thread
 * (docs/decisions.md): each task builds, solves and frees its own problems in the
 * thread that runs it, and each worker frees GLPK's environment before it ends. */
#include "pool.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "mip.h"

typedef struct pool {
    ow_pool_task *task;
    void *ctx;
    const size_t *order; /* or NULL */
    size_t n, next;
    int ways; /* the workers' share of GLPK's memory limit: 1/ways */
    pthread_mutex_t lock;
} pool;

static void *worker(void *arg)
{
    pool *p = arg;
    ow_mip_share_memory(p->ways);
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->n)
            break;
        p->task(p->ctx, p->order != NULL ? p->order[i] : i);
    }
    ow_mip_shutdown();
    return NULL;
}

size_t ow_pool_jobs(int asked)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t most = cores > 0 ? (size_t)cores : 1;
    size_t jobs = asked > 0 ? (size_t)asked : most;
    return jobs < most ? jobs : most;
}

void ow_pool_run(size_t n, const size_t *order, int jobs, ow_pool_task *task, void *ctx)
{
    size_t want = ow_pool_jobs(jobs);
    if (want > n)
        want = n;
    pthread_t *threads = want > 1 ? calloc(want, sizeof *threads) : NULL;
    size_t started = 0;
    if (threads != NULL) {
        /* Nested in a worker of another pool, the jobs share that worker's part. */
        pool p = {
            task, ctx, order, n, 0, ow_mip_memory_ways() * (int)want, PTHREAD_MUTEX_INITIALIZER};
        sigset_t all, saved;
        sigfillset(&all);
        pthread_sigmask(SIG_BLOCK, &all, &saved); /* the workers inherit the mask */
        for (; started < want; started++)
            if (pthread_create(&threads[started], NULL, worker, &p) != 0)
                break;
        pthread_sigmask(SIG_SETMASK, &saved, NULL);
        for (size_t t = 0; t < started; t++)
            pthread_join(threads[t], NULL);
        free(threads);
        if (started > 0)
            return;
    }
    for (size_t i = 0; i < n; i++) /* no thread could start: do the work here */
        task(ctx, order != NULL ? order[i] : i);
}
