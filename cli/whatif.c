/* whatif.c: `orgwork whatif`, variants of an instance solved side by side. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "orgwork/buf.h"
#include "orgwork/variants.h"
#include "orgwork/whatif.h"

static const char *usage =
    "usage: orgwork whatif FILE [--days A..B] [--meetings A..B] [OPTIONS]\n"
    "\n"
    "Solves every variant of the instance FILE (- reads standard input) with A to B\n"
    "working days and/or A to B meetings, and prints one row per variant: days,\n"
    "meetings, status, meetings and days used, \"(continued)\" pieces, objective;\n"
    "then the smallest feasible variant (fewest days, then fewest meetings).\n"
    "\n"
    "options:\n"
    "  --days A..B      working days of the calendar, A to B (or one number)\n"
    "  --meetings A..B  meetings every body may hold (with --body, that body)\n"
    "  --body ID        vary and count only that body of a period file\n"
    "  --format F       text (default), md, csv or json; with --show, any solve format;\n"
    "                   without it, the extension of -o's file name names the format\n"
    "  --show N         print the organization of work of variant N instead\n"
    "  --jobs N         variants solved at once (default: the machine's cores);\n"
    "                   the output is the same for any N\n"
    "  -o, --output OUT write to OUT (whole or not at all)\n"
    "  --time-limit S   per variant (default and 0: none, until proven)\n"
    "  --gap G          per variant: stop within the proven gap G, 0.01 or 1%\n"
    "  --timings        add the seconds column (a clock reading)\n"
    "  --memory-limit MB  the memory GLPK may take, shared by the jobs (default 768)\n"
    "  --whole          solve each variant as one program (see orgwork solve --help)\n"
    "\n"
    "Exit status: 0 the sweep ran (whatever the variants' status), 2 bad input;\n"
    "with --show, as for solve.\n";

enum { OPT_DAYS = OW_CLI_OPT_OWN, OPT_MEETINGS, OPT_BODY, OPT_SHOW, OPT_JOBS, OPT_MEMORY };

static const struct option longopts[] = {
    {"days", required_argument, NULL, OPT_DAYS},
    {"meetings", required_argument, NULL, OPT_MEETINGS},
    {"body", required_argument, NULL, OPT_BODY},
    {"show", required_argument, NULL, OPT_SHOW},
    {"jobs", required_argument, NULL, OPT_JOBS},
    {"memory-limit", required_argument, NULL, OPT_MEMORY},
    OW_CLI_SHARED_OPTIONS,
    {NULL, 0, NULL, 0},
};

/* What the command line asks of whatif: the sweep's options, and how to print it. */
typedef struct args {
    ow_cli_shared o;
    const char *file;
    ow_whatif_options wo;
    int show;
} args;

/* Reads the command line into a.  Returns -1 to go on, or the exit status (after
 * --help, or a usage error). */
static int parse(int argc, char **argv, args *a)
{
    int c;
    while ((c = ow_cli_getopt("whatif", argc, argv, "ho:", longopts)) != -1) {
        int st = ow_cli_shared_option("whatif", c, usage, &a->o);
        if (st >= 0)
            return st;
        if (st == -1)
            continue;
        switch (c) {
        case OPT_DAYS:
            if (!ow_cli_parse_range(optarg, 1, OW_MAX_DAYS, &a->wo.days_from, &a->wo.days_to))
                return ow_cli_usage_error(
                    "whatif", "--days takes a range of days such as 2..5 (1 to %d), not '%s'",
                    OW_MAX_DAYS, optarg);
            break;
        case OPT_MEETINGS:
            if (!ow_cli_parse_range(optarg, 1, 100000, &a->wo.meetings_from, &a->wo.meetings_to))
                return ow_cli_usage_error(
                    "whatif", "--meetings takes a range such as 4..6, not '%s'", optarg);
            break;
        case OPT_BODY:
            a->wo.body = optarg;
            break;
        case OPT_SHOW:
            if (!ow_cli_parse_int(optarg, 1, 1000000, &a->show))
                return ow_cli_usage_error("whatif", "--show takes a variant number, not '%s'",
                                          optarg);
            break;
        case OPT_JOBS:
            if ((st = ow_cli_jobs("whatif", optarg, &a->wo.jobs)) >= 0)
                return st;
            break;
        case OPT_MEMORY:
            if ((st = ow_cli_memory_limit("whatif", optarg)) >= 0)
                return st;
            break;
        default:
            return OW_INPUT;
        }
    }
    if (optind == argc)
        return ow_cli_usage_error("whatif", "needs an instance FILE");
    if (argc - optind > 1)
        return ow_cli_usage_error("whatif", "unexpected argument '%s'", argv[optind + 1]);
    if (a->wo.days_from == 0 && a->wo.meetings_from == 0)
        return ow_cli_usage_error("whatif", "give --days A..B, --meetings A..B, or both");
    a->file = argv[optind];
    if (!a->o.has_format && a->show > 0)
        a->o.format = OW_FORMAT_MD;
    ow_cli_shared_format(&a->o);
    a->wo.path = ow_cli_input_name(a->file);
    a->wo.solve.time_limit = a->o.time_limit;
    a->wo.solve.gap = a->o.gap;
    a->wo.solve.whole = a->o.whole;
    return -1;
}

int ow_cli_whatif(int argc, char **argv)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    args a = {0};
    a.wo.jobs = cores > 0 ? (int)cores : 1;
    a.o.format = OW_FORMAT_TEXT;
    int st = parse(argc, argv, &a);
    if (st >= 0)
        return st;
    ow_whatif_options wo = a.wo;
    const char *file = a.file, *output = a.o.output;
    ow_format format = a.o.format;
    bool timings = a.o.timings;
    int show = a.show;

    ow_error err;
    ow_error_clear(&err);
    ow_buf out = OW_BUF_INIT, why = OW_BUF_INIT;
    ow_variant *rows = NULL;
    ow_instance *inst = NULL;
    ow_schedule *s = NULL;
    char *text = NULL;
    size_t n = 0;
    ow_status rc = OW_OK;
    OW_CALL(ow_output_check(output, &file, 1, &err));
    if (strcmp(file, "-") == 0) { /* each variant loads the same text anew */
        OW_CALL(ow_cli_read(file, OW_MAX_FILE_BYTES, &text, &wo.len, &err));
        wo.text = text;
    }
    /* Bad input is reported once, before any variant runs. */
    OW_CALL(wo.text != NULL ? ow_instance_load_string(wo.path, wo.text, wo.len, &inst, &err)
                            : ow_instance_load(wo.path, &inst, &err));
    if (wo.body != NULL && ow_instance_find_body(inst, wo.body) < 0) {
        rc = ow_error_set(&err, OW_INPUT, wo.path, (ow_loc){0, 0}, "no body with id '%s'", wo.body);
        goto done;
    }
    ow_instance_free(inst);
    inst = NULL;
    if (show > 0) {
        OW_CALL(ow_whatif_variant(&wo, (size_t)show - 1, &inst, &s, &why, &err));
        ow_cli_solve_note(s);
        if (!ow_solve_status_has_schedule(s->status)) {
            rc = OW_INFEASIBLE; /* exit status 3, as for solve */
            fprintf(stderr, "%s: variant %d has no schedule:\n  - %s", wo.path, show,
                    ow_buf_str(&why));
            if (format != OW_FORMAT_JSON || ow_cli_kept_output(output))
                goto done;
        }
        ow_render_options ro = {.timings = timings, .body = -1};
        ow_status rrc = ow_render(inst, s, format, &ro, &out, &err);
        if (rrc != OW_OK)
            rc = rrc;
    } else {
        OW_CALL(ow_whatif_run(&wo, &rows, &n, &err));
        for (size_t i = 0; i < n; i++)
            if (rows[i].solve_note[0] != '\0')
                fprintf(stderr, "orgwork: note: variant %zu: %s\n", i + 1, rows[i].solve_note);
        OW_CALL(ow_variants_render(rows, n, format, timings, &out, &err));
    }
    if (out.failed) {
        rc = ow_error_set(&err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        goto done;
    }
    {
        ow_status wrc =
            ow_write_file_atomic(output ? output : "-", ow_buf_str(&out), out.len, &err);
        if (wrc != OW_OK)
            rc = wrc;
    }
done:
    free(rows);
    free(text);
    ow_buf_free(&out);
    ow_buf_free(&why);
    ow_schedule_free(s);
    ow_instance_free(inst);
    return ow_cli_report(rc, &err);
}
