/* whatif.c: a sweep of variants over a pool of threads.  GLPK keeps its state per
 * thread (docs/decisions.md): each variant builds, solves and frees its own problem
 * in the thread that runs it, and each worker frees GLPK's environment before it
 * ends. */
#include "orgwork/whatif.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mip.h"

static size_t span(int from, int to)
{
    return from > 0 ? (size_t)(to - from + 1) : 1;
}

static size_t count(const ow_whatif_options *o)
{
    return span(o->days_from, o->days_to) * span(o->meetings_from, o->meetings_to);
}

/* The days and meetings of variant i (0 where the file's value stands). */
static void variant_values(const ow_whatif_options *o, size_t i, int *days, int *meetings)
{
    size_t nm = span(o->meetings_from, o->meetings_to);
    *days = o->days_from > 0 ? o->days_from + (int)(i / nm) : 0;
    *meetings = o->meetings_from > 0 ? o->meetings_from + (int)(i % nm) : 0;
}

/* Loads the instance of variant i, with its overrides. */
static ow_status load_variant(const ow_whatif_options *o, size_t i, ow_instance **out, int *body,
                              ow_error *err)
{
    int days, meetings;
    variant_values(o, i, &days, &meetings);
    ow_instance *inst = NULL;
    ow_status rc = o->text != NULL ? ow_instance_load_string(o->path, o->text, o->len, &inst, err)
                                   : ow_instance_load(o->path, &inst, err);
    if (rc != OW_OK)
        return rc;
    *body = -1;
    if (o->body != NULL) {
        *body = ow_instance_find_body(inst, o->body);
        if (*body < 0) {
            ow_instance_free(inst);
            return ow_error_set(err, OW_INPUT, o->path, (ow_loc){0, 0}, "no body with id '%s'",
                                o->body);
        }
    }
    rc = ow_instance_override(inst, days, o->body != NULL ? 0 : meetings, err);
    if (rc == OW_OK && o->body != NULL && meetings > 0)
        inst->bodies[*body].meetings = meetings;
    if (rc != OW_OK) {
        ow_instance_free(inst);
        return rc;
    }
    *out = inst;
    return OW_OK;
}

static void run_one(const ow_whatif_options *o, size_t i, ow_variant *v)
{
    ow_error err;
    ow_error_clear(&err);
    ow_instance *inst = NULL;
    ow_schedule *s = NULL;
    ow_buf why = OW_BUF_INIT;
    int body;
    memset(v, 0, sizeof *v);
    variant_values(o, i, &v->days, &v->meetings);
    ow_status rc = load_variant(o, i, &inst, &body, &err);
    if (rc == OW_OK) {
        v->days = inst->calendar.n_days;
        v->meetings = 0;
        for (size_t b = 0; b < inst->n_bodies; b++)
            if (body < 0 || (size_t)body == b)
                v->meetings += ow_body_max_meetings(inst, &inst->bodies[b]);
        rc = ow_solve(inst, &o->solve, &s, &why, &err);
    }
    if (rc == OW_OK && s->note != NULL)
        snprintf(v->solve_note, sizeof v->solve_note, "%s", s->note);
    if (rc == OW_OK && ow_solve_status_has_schedule(s->status)) {
        v->solved = true;
        ow_variant_from_schedule(inst, s, body, v);
    } else if (rc == OW_OK) {
        v->solved = true;
        v->status = s->status;
        v->stop = s->stop;
        const char *text = ow_buf_str(&why);
        size_t len = strcspn(text, "\n");
        snprintf(v->note, sizeof v->note, "%.*s", (int)len, text);
    } else {
        snprintf(v->note, sizeof v->note, "%.255s", err.message);
    }
    ow_buf_free(&why);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

typedef struct pool {
    const ow_whatif_options *opts;
    ow_variant *rows;
    size_t n, next, jobs;
    pthread_mutex_t lock;
} pool;

static void *worker(void *arg)
{
    pool *p = arg;
    /* The jobs share GLPK's memory limit. */
    ow_mip_share_memory((int)p->jobs);
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->n)
            break;
        run_one(p->opts, i, &p->rows[i]);
    }
    ow_mip_shutdown();
    return NULL;
}

size_t ow_whatif_jobs(int asked)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t most = cores > 0 ? (size_t)cores : 1;
    size_t jobs = asked > 0 ? (size_t)asked : most;
    return jobs < most ? jobs : most;
}

ow_status ow_whatif_run(const ow_whatif_options *opts, ow_variant **out, size_t *n, ow_error *err)
{
    const ow_loc none = {0, 0};
    size_t total = count(opts);
    ow_variant *rows = calloc(total, sizeof *rows);
    if (rows == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
    size_t jobs = ow_whatif_jobs(opts->jobs);
    if (jobs > total)
        jobs = total;
    pool p = {opts, rows, total, 0, jobs, PTHREAD_MUTEX_INITIALIZER};
    pthread_t *threads = calloc(jobs, sizeof *threads);
    if (threads == NULL) {
        free(rows);
        return ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
    }
    size_t started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, &p) != 0)
            break;
    if (started == 0)
        worker(&p); /* no thread could start: do the work here */
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    *out = rows;
    *n = total;
    return OW_OK;
}

ow_status ow_whatif_variant(const ow_whatif_options *opts, size_t index, ow_instance **inst,
                            ow_schedule **s, ow_buf *why, ow_error *err)
{
    int body;
    ow_instance *in = NULL;
    if (index >= count(opts))
        return ow_error_set(err, OW_INPUT, NULL, (ow_loc){0, 0},
                            "--show takes a variant number from 1 to %zu", count(opts));
    ow_status rc = load_variant(opts, index, &in, &body, err);
    if (rc != OW_OK)
        return rc;
    rc = ow_solve(in, &opts->solve, s, why, err);
    if (rc != OW_OK) {
        ow_instance_free(in);
        return rc;
    }
    *inst = in;
    return rc;
}
