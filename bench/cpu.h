/* cpu.h: what the C benchmarks share: the process's CPU time and a sort order for
 * taking medians. */
#ifndef ORGWORK_BENCH_CPU_H
#define ORGWORK_BENCH_CPU_H

#include <time.h>

/* CPU time of the process, in milliseconds. */
static inline double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* qsort's order for doubles, ascending. */
static inline int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#endif
