/* orgwork-render-bench: the time ow_render takes for each format, without the solve:
 * the instance is solved once, then every format is rendered RUNS times in turn
 * (formats interleaved, so a change in the machine's load touches them alike).
 * Prints each format's median CPU time per rendering and its ratio to md, the peer
 * in the same run.  Usage: orgwork-render-bench INSTANCE [RUNS] */
#include <stdio.h>
#include <stdlib.h>

#include "cpu.h"
#include "orgwork/render.h"
#include "orgwork/solve.h"

#define MAX_RUNS 1000

int main(int argc, char **argv)
{
    static const char *const names[] = {"md",   "text", "html", "csv", "ics",
                                        "json", "svg",  "docx", "odt", "xlsx"};
    enum { N = sizeof names / sizeof names[0] };
    static double times[N][MAX_RUNS];
    if (argc < 2) {
        fputs("usage: orgwork-render-bench INSTANCE [RUNS]\n", stderr);
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 30;
    if (runs < 1 || runs > MAX_RUNS)
        runs = 30;
    ow_error err;
    ow_error_clear(&err);
    ow_instance *inst = NULL;
    ow_schedule *s = NULL;
    ow_buf why = OW_BUF_INIT;
    ow_solve_options so = {0};
    if (ow_instance_load(argv[1], &inst, &err) != OW_OK ||
        ow_solve(inst, &so, &s, &why, &err) != OW_OK) {
        ow_error_print(&err, stderr);
        return 1;
    }
    ow_render_options ro = {.body = -1};
    for (int r = 0; r < runs; r++)
        for (int f = 0; f < N; f++) {
            ow_format format;
            ow_format_parse(names[f], &format);
            ow_buf out = OW_BUF_INIT;
            double t0 = cpu_ms();
            if (ow_render(inst, s, format, &ro, &out, &err) != OW_OK) {
                ow_error_print(&err, stderr);
                return 1;
            }
            times[f][r] = cpu_ms() - t0;
            ow_buf_free(&out);
        }
    double md = 0;
    printf("| format | median CPU ms per rendering | ratio to md |\n|---|---|---|\n");
    for (int f = 0; f < N; f++) {
        qsort(times[f], (size_t)runs, sizeof times[f][0], compare_doubles);
        double median =
            runs % 2 ? times[f][runs / 2] : (times[f][runs / 2 - 1] + times[f][runs / 2]) / 2;
        if (f == 0)
            md = median;
        printf("| %s | %.3f | %.2f |\n", names[f], median, median / md);
    }
    ow_buf_free(&why);
    ow_schedule_free(s);
    ow_instance_free(inst);
    return 0;
}
