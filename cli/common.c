/* common.c: option parsing and input reading the commands share. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "orgwork/buf.h"
#include "orgwork/solve.h"

int ow_cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "orgwork%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'orgwork%s%s --help'.\n", cmd ? " " : "", cmd ? cmd : "");
    return OW_INPUT;
}

/* Edits (insert, delete, change, swap two neighbours) from a to b, up to 64 bytes. */
static size_t distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64)
        return (size_t)-1;
    size_t d[65][65];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[n][m];
}

const char *ow_cli_suggest(const char *word, const char *const *candidates, size_t n)
{
    const char *best = NULL;
    size_t best_d = 3; /* two edits at the most */
    size_t len = strlen(word);
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(word, candidates[i]);
        if (d < best_d && d < len) {
            best = candidates[i];
            best_d = d;
        }
    }
    return best;
}

/* The long option closest to name (given without its dashes and value). */
static const char *closest_option(const char *name, const struct option *longopts)
{
    const char *names[64];
    size_t n = 0;
    for (const struct option *o = longopts; o->name != NULL && n < 64; o++)
        names[n++] = o->name;
    return ow_cli_suggest(name, names, n);
}

int ow_cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
                  const struct option *longopts)
{
    char spec[64];
    snprintf(spec, sizeof spec, ":%s", shortopts); /* ':' tells a missing value apart */
    opterr = 0;
    optopt = 0;
    int c = getopt_long(argc, argv, spec, longopts, NULL);
    if (c != '?' && c != ':')
        return c;
    const char *arg = argv[optind - 1];
    bool is_long = strncmp(arg, "--", 2) == 0;
    if (c == ':')
        return ow_cli_usage_error(cmd, "option '%s' needs a value", arg), '?';
    if (!is_long)
        return ow_cli_usage_error(cmd, "unknown option '-%c'", optopt), '?';
    char name[64];
    size_t len = strcspn(arg + 2, "=");
    snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), arg + 2);
    if (optopt != 0)
        return ow_cli_usage_error(cmd, "option '--%s' takes no value", name), '?';
    char which[256] = "";
    size_t matches = 0, used = 0;
    for (const struct option *o = longopts; o->name != NULL; o++)
        if (strncmp(o->name, name, strlen(name)) == 0 && used < sizeof which) {
            used += (size_t)snprintf(which + used, sizeof which - used, "%s--%s",
                                     matches++ ? ", " : "", o->name);
        }
    if (matches > 1)
        return ow_cli_usage_error(cmd, "option '--%s' is ambiguous (%s)", name, which), '?';
    const char *near = closest_option(name, longopts);
    if (near != NULL)
        return ow_cli_usage_error(cmd, "unknown option '--%s' (did you mean '--%s'?)", name, near),
               '?';
    return ow_cli_usage_error(cmd, "unknown option '--%s'", name), '?';
}

int ow_cli_shared_option(const char *cmd, int c, const char *usage, ow_cli_shared *o)
{
    switch (c) {
    case 'h':
        fputs(usage, stdout);
        return 0;
    case 'o':
        o->output = optarg;
        return -1;
    case OW_CLI_OPT_FORMAT:
        if (!ow_cli_parse_format(cmd, optarg, &o->format))
            return OW_INPUT;
        o->has_format = true;
        return -1;
    case OW_CLI_OPT_TIME_LIMIT:
        /* 0: until proven (no limit). */
        if (strcmp(optarg, "0") != 0 && !ow_cli_parse_seconds(optarg, &o->time_limit))
            return ow_cli_usage_error(cmd,
                                      "--time-limit takes a number of seconds, 0 for none, not "
                                      "'%s'",
                                      optarg);
        if (strcmp(optarg, "0") == 0)
            o->time_limit = 0;
        o->has_time_limit = true;
        return -1;
    case OW_CLI_OPT_GAP:
        if (!ow_cli_parse_gap(optarg, &o->gap))
            return ow_cli_usage_error(cmd,
                                      "--gap takes a fraction from 0 to 1 (0.01) or a percentage "
                                      "(1%%), not '%s'",
                                      optarg);
        return -1;
    case OW_CLI_OPT_TIMINGS:
        o->timings = true;
        return -1;
    case OW_CLI_OPT_WHOLE:
        o->whole = true;
        return -1;
    default:
        return -2;
    }
}

void ow_cli_shared_format(ow_cli_shared *o)
{
    if (!o->has_format && o->output != NULL)
        ow_cli_format_of_path(o->output, &o->format);
}

bool ow_cli_parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

bool ow_cli_parse_seconds(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno != 0 || end == s || *end != '\0' || !(v > 0) || v > 1e6)
        return false;
    *out = v;
    return true;
}

bool ow_cli_parse_gap(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno != 0 || end == s || !(v >= 0))
        return false;
    if (strcmp(end, "%") == 0)
        v /= 100;
    else if (*end != '\0')
        return false;
    if (!(v <= 1))
        return false;
    *out = v;
    return true;
}

bool ow_cli_parse_range(const char *s, int lo, int hi, int *from, int *to)
{
    const char *dots = strstr(s, "..");
    if (dots == NULL)
        return ow_cli_parse_int(s, lo, hi, from) && (*to = *from, true);
    char left[32];
    size_t len = (size_t)(dots - s);
    if (len == 0 || len >= sizeof left)
        return false;
    memcpy(left, s, len);
    left[len] = '\0';
    return ow_cli_parse_int(left, lo, hi, from) && ow_cli_parse_int(dots + 2, lo, hi, to) &&
           *from <= *to;
}

static const char *const format_names[] = {"md",   "text", "html", "csv", "ics",
                                           "json", "svg",  "docx", "odt", "xlsx"};

bool ow_cli_parse_format(const char *cmd, const char *value, ow_format *out)
{
    if (ow_format_parse(value, out))
        return true;
    const char *near =
        ow_cli_suggest(value, format_names, sizeof format_names / sizeof *format_names);
    if (near != NULL)
        ow_cli_usage_error(cmd,
                           "--format takes md, text, html, csv, ics, json, svg, docx, odt or "
                           "xlsx, not '%s' (did you mean '%s'?)",
                           value, near);
    else
        ow_cli_usage_error(cmd,
                           "--format takes md, text, html, csv, ics, json, svg, docx, odt or "
                           "xlsx, not '%s'",
                           value);
    return false;
}

bool ow_cli_format_of_path(const char *path, ow_format *out)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    if (dot == NULL || dot[1] == '\0')
        return false;
    const char *ext = dot + 1;
    if (strcmp(ext, "txt") == 0)
        ext = "text";
    else if (strcmp(ext, "htm") == 0)
        ext = "html";
    return ow_format_parse(ext, out);
}

const char *ow_cli_input_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

ow_status ow_cli_read(const char *path, size_t max_bytes, char **text, size_t *len, ow_error *err)
{
    if (strcmp(path, "-") != 0)
        return ow_read_file(path, max_bytes, text, len, err);
    ow_status rc = ow_read_file("/dev/stdin", max_bytes, text, len, err);
    if (rc != OW_OK && err != NULL)
        snprintf(err->file, sizeof err->file, "%s", ow_cli_input_name(path));
    return rc;
}

ow_status ow_cli_load(const char *path, int days, int meetings, ow_instance **inst, ow_error *err)
{
    ow_status rc;
    if (strcmp(path, "-") == 0) {
        char *text = NULL;
        size_t len = 0;
        rc = ow_cli_read(path, OW_MAX_FILE_BYTES, &text, &len, err);
        if (rc == OW_OK)
            rc = ow_instance_load_string(ow_cli_input_name(path), text, len, inst, err);
        free(text);
    } else {
        rc = ow_instance_load(path, inst, err);
    }
    if (rc != OW_OK)
        return rc;
    rc = ow_instance_override(*inst, days, meetings, err);
    if (rc != OW_OK) {
        ow_instance_free(*inst);
        *inst = NULL;
    }
    return rc;
}

ow_status ow_cli_read_schedule(const ow_instance *inst, const char *path, ow_schedule **out,
                               ow_error *err)
{
    return ow_cli_read_schedule_matching(inst, path, NULL, out, err);
}

ow_status ow_cli_read_schedule_matching(const ow_instance *inst, const char *path,
                                        ow_buf *unmatched, ow_schedule **out, ow_error *err)
{
    if (strcmp(path, "-") != 0)
        return unmatched != NULL ? ow_schedule_read_json_matching(inst, path, unmatched, out, err)
                                 : ow_schedule_read_json(inst, path, out, err);
    char *text = NULL;
    size_t len = 0;
    ow_status rc = ow_cli_read(path, OW_MAX_FILE_BYTES, &text, &len, err);
    if (rc == OW_OK)
        rc = ow_schedule_read_json_string_matching(inst, ow_cli_input_name(path), text, len,
                                                   unmatched, out, err);
    free(text);
    return rc;
}

void ow_cli_solve_note(const ow_schedule *s)
{
    if (s != NULL && s->note != NULL)
        fprintf(stderr, "orgwork: note: %s\n", s->note);
}

int ow_cli_report(ow_status rc, const ow_error *err)
{
    if (rc != OW_OK && rc != OW_INFEASIBLE)
        ow_error_print(err, stderr);
    return (int)rc;
}

int ow_cli_memory_limit(const char *cmd, const char *value)
{
    int mb;
    if (!ow_cli_parse_int(value, 16, 1 << 20, &mb))
        return ow_cli_usage_error(
            cmd, "--memory-limit takes megabytes, a whole number from 16, not '%s'", value);
    ow_solve_set_memory_limit(mb);
    return -1;
}

int ow_cli_jobs(const char *cmd, const char *value, int *jobs)
{
    if (!ow_cli_parse_int(value, 1, 256, jobs))
        return ow_cli_usage_error(cmd, "--jobs takes a whole number from 1 to 256, not '%s'",
                                  value);
    int most = (int)ow_solve_jobs(*jobs);
    if (*jobs > most)
        fprintf(stderr, "orgwork: %d jobs at once, the machine's cores (not %d)\n", most, *jobs);
    *jobs = most;
    return -1;
}

bool ow_cli_kept_output(const char *output)
{
    if (output == NULL || strcmp(output, "-") == 0 || access(output, F_OK) != 0)
        return false;
    fprintf(stderr, "orgwork: %s is left as it was: this run found no schedule\n", output);
    return true;
}
