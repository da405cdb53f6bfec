/* orgwork-first-plan-bench: the time the first plan (solver/construct.c) takes on an
 * instance, without the search: ow_construct run RUNS times, its median CPU time
 * and the plan's objective ("none" when it gives no plan).  Usage:
 * orgwork-first-plan-bench INSTANCE [RUNS] */
#include <stdio.h>
#include <stdlib.h>

#include "construct.h"
#include "cpu.h"

#define MAX_RUNS 1000

int main(int argc, char **argv)
{
    int runs = argc > 2 ? atoi(argv[2]) : 11;
    if (argc < 2 || argc > 3 || runs < 1 || runs > MAX_RUNS) {
        fprintf(stderr, "usage: orgwork-first-plan-bench INSTANCE [RUNS (1-%d)]\n", MAX_RUNS);
        return 2;
    }
    ow_instance *inst = NULL;
    ow_error err;
    ow_error_clear(&err);
    if (ow_instance_load(argv[1], &inst, &err) != OW_OK) {
        fprintf(stderr, "%s:%d:%d: %s\n", err.file, err.loc.line, err.loc.column, err.message);
        return 2;
    }
    static double ms[MAX_RUNS];
    double objective = -1;
    for (int r = 0; r < runs; r++) {
        double t0 = cpu_ms();
        ow_schedule *s = ow_construct(inst);
        ms[r] = cpu_ms() - t0;
        objective = s != NULL ? s->objective : -1;
        ow_schedule_free(s);
    }
    qsort(ms, (size_t)runs, sizeof *ms, compare_doubles);
    if (objective < 0)
        printf("%.2f none\n", ms[runs / 2]);
    else
        printf("%.2f %.0f\n", ms[runs / 2], objective);
    ow_instance_free(inst);
    return 0;
}
