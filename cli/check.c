/* check.c: `orgwork check`, a schedule verified against its instance without the
 * solver. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "orgwork/buf.h"
#include "orgwork/check.h"

static const char *usage =
    "usage: orgwork check FILE SCHEDULE.json [-o OUT]\n"
    "\n"
    "Verifies SCHEDULE.json (as `orgwork solve --format json` writes it, or edited\n"
    "by hand) against the instance FILE without the solver: lists every broken\n"
    "rule and recomputes the objective.  Either file may be - (standard input).\n"
    "\n"
    "Exit status: 0 every rule holds, 3 some rule is broken, 2 bad input.\n";

static const struct option longopts[] = {
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

int ow_cli_check(int argc, char **argv)
{
    const char *output = NULL;
    int c;
    while ((c = ow_cli_getopt("check", argc, argv, "ho:", longopts)) != -1) {
        switch (c) {
        case 'h':
            fputs(usage, stdout);
            return 0;
        case 'o':
            output = optarg;
            break;
        default:
            return OW_INPUT;
        }
    }
    if (argc - optind < 2)
        return ow_cli_usage_error("check", "needs an instance FILE and a SCHEDULE.json");
    if (argc - optind > 2)
        return ow_cli_usage_error("check", "unexpected argument '%s'", argv[optind + 2]);
    const char *file = argv[optind], *schedule = argv[optind + 1];
    if (strcmp(file, "-") == 0 && strcmp(schedule, "-") == 0)
        return ow_cli_usage_error("check", "standard input (-) can be read only once");

    ow_error err;
    ow_error_clear(&err);
    ow_instance *inst = NULL;
    ow_schedule *s = NULL;
    ow_check_report rep = {0};
    ow_buf out = OW_BUF_INIT;
    ow_status rc = OW_OK;
    const char *inputs[] = {file, schedule};
    OW_CALL(ow_output_check(output, inputs, 2, &err));
    OW_CALL(ow_cli_load(file, 0, 0, &inst, &err));
    OW_CALL(ow_cli_read_schedule(inst, schedule, &s, &err));
    OW_CALL(ow_check(inst, s, &rep, &err));
    ow_check_report_text(&rep, &out);
    if (out.failed) {
        /* Never a report cut short: none at all, and say why. */
        rc = ow_error_set(&err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        goto done;
    }
    OW_CALL(ow_write_file_atomic(output ? output : "-", ow_buf_str(&out), out.len, &err));
    rc = rep.n_violations > 0 ? OW_INFEASIBLE : OW_OK;
done:
    ow_buf_free(&out);
    ow_check_report_free(&rep);
    ow_schedule_free(s);
    ow_instance_free(inst);
    return ow_cli_report(rc, &err);
}
