/* export.c: `orgwork export`, the integer program for other MIP solvers. */
#include <stdio.h>

#include "cli.h"
#include "orgwork/buf.h"
#include "orgwork/export.h"

static const char *usage =
    "usage: orgwork export FILE (--lp OUT | --mps OUT) [--days N] [--meetings N]\n"
    "                      [--memory-limit MB]\n"
    "\n"
    "Writes the integer program of FILE (- reads standard input) in CPLEX LP or\n"
    "free MPS format, for other MIP solvers (glpsol, cbc, highs).  The objective is\n"
    "scaled: the scale is printed on standard error, and the optimum divided by it,\n"
    "rounded down, is orgwork's objective (the remainder is the tie-break,\n"
    "docs/model.md).\n";

enum { OPT_LP = 256, OPT_MPS, OPT_DAYS, OPT_MEETINGS, OPT_MEMORY };

static const struct option longopts[] = {
    {"lp", required_argument, NULL, OPT_LP},
    {"mps", required_argument, NULL, OPT_MPS},
    {"days", required_argument, NULL, OPT_DAYS},
    {"meetings", required_argument, NULL, OPT_MEETINGS},
    {"memory-limit", required_argument, NULL, OPT_MEMORY},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

int ow_cli_export(int argc, char **argv)
{
    const char *lp = NULL, *mps = NULL;
    int days = 0, meetings = 0, c;
    while ((c = ow_cli_getopt("export", argc, argv, "h", longopts)) != -1) {
        switch (c) {
        case 'h':
            fputs(usage, stdout);
            return 0;
        case OPT_LP:
            lp = optarg;
            break;
        case OPT_MPS:
            mps = optarg;
            break;
        case OPT_DAYS:
            if (!ow_cli_parse_int(optarg, 1, OW_MAX_DAYS, &days))
                return ow_cli_usage_error(
                    "export", "--days takes a whole number of days from 1 to %d, not '%s'",
                    OW_MAX_DAYS, optarg);
            break;
        case OPT_MEETINGS:
            if (!ow_cli_parse_int(optarg, 1, 100000, &meetings))
                return ow_cli_usage_error(
                    "export", "--meetings takes a whole number from 1, not '%s'", optarg);
            break;
        case OPT_MEMORY: {
            int st = ow_cli_memory_limit("export", optarg);
            if (st >= 0)
                return st;
            break;
        }
        default:
            return OW_INPUT;
        }
    }
    if (optind == argc)
        return ow_cli_usage_error("export", "needs an instance FILE");
    if (argc - optind > 1)
        return ow_cli_usage_error("export", "unexpected argument '%s'", argv[optind + 1]);
    if ((lp == NULL) == (mps == NULL))
        return ow_cli_usage_error("export", "give one of --lp OUT or --mps OUT");
    ow_error err;
    ow_error_clear(&err);
    ow_instance *inst = NULL;
    double scale = 0;
    ow_status rc = OW_OK;
    OW_CALL(ow_output_check(lp ? lp : mps, (const char *const *)&argv[optind], 1, &err));
    OW_CALL(ow_cli_load(argv[optind], days, meetings, &inst, &err));
    OW_CALL(ow_export(inst, lp ? OW_EXPORT_LP : OW_EXPORT_MPS, lp ? lp : mps, &scale, &err));
    fprintf(stderr,
            "orgwork: objective scale %.0f: the reported objective is the optimum "
            "divided by it, rounded down\n",
            scale);
done:
    ow_instance_free(inst);
    return ow_cli_report(rc, &err);
}
