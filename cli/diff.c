/* diff.c: `orgwork diff`, what moved between two schedules, in words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "orgwork/buf.h"
#include "orgwork/diff.h"

static const char *usage =
    "usage: orgwork diff A.json B.json\n"
    "\n"
    "Lists, one line each, the items whose meetings differ between two schedules\n"
    "(as `orgwork solve --format json` writes them): items are matched by body and\n"
    "item id, never by position.  Either file may be - (standard input).  Exit\n"
    "status 0 whether or not anything moved, 2 bad input.\n";

static const struct option longopts[] = {
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

int ow_cli_diff(int argc, char **argv)
{
    int c;
    while ((c = ow_cli_getopt("diff", argc, argv, "h", longopts)) != -1) {
        if (c != 'h')
            return OW_INPUT;
        fputs(usage, stdout);
        return 0;
    }
    if (argc - optind != 2)
        return ow_cli_usage_error("diff", "needs two schedule files");
    const char *a_path = argv[optind], *b_path = argv[optind + 1];
    if (strcmp(a_path, "-") == 0 && strcmp(b_path, "-") == 0)
        return ow_cli_usage_error("diff", "standard input (-) can be read only once");
    ow_error err;
    ow_error_clear(&err);
    ow_buf out = OW_BUF_INIT;
    char *a = NULL, *b = NULL;
    size_t a_len = 0, b_len = 0;
    int n;
    ow_status rc = OW_OK;
    OW_CALL(ow_cli_read(a_path, OW_DIFF_MAX_BYTES, &a, &a_len, &err));
    OW_CALL(ow_cli_read(b_path, OW_DIFF_MAX_BYTES, &b, &b_len, &err));
    OW_CALL(ow_diff_strings(ow_cli_input_name(a_path), a, a_len, ow_cli_input_name(b_path), b,
                            b_len, &out, &n, &err));
    rc = ow_write_file_atomic("-", ow_buf_str(&out), out.len, &err);
done:
    free(a);
    free(b);
    ow_buf_free(&out);
    return ow_cli_report(rc, &err);
}
