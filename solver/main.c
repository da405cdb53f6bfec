/* main.c: the orgwork command — solve, check, export. */
#include <errno.h>
#include <signal.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orgwork/buf.h"
#include "orgwork/check.h"
#include "orgwork/diff.h"
#include "orgwork/formulation.h"
#include "orgwork/instance.h"
#include "orgwork/mip.h"
#include "orgwork/render.h"
#include "orgwork/schedule.h"
#include "orgwork/solve.h"
#include "orgwork/variants.h"
#include "orgwork/whatif.h"

#include <unistd.h>

#define VERSION "0.1.0"

static const char *usage_main =
    "usage: orgwork COMMAND [OPTIONS]\n"
    "\n"
    "Plans the meetings of intergovernmental bodies and writes the proposed\n"
    "organization of work.\n"
    "\n"
    "commands:\n"
    "  solve FILE     find the best schedule and print the organization of work\n"
    "  check FILE SCHEDULE.json\n"
    "                 verify a schedule against the instance, without the solver\n"
    "  whatif FILE    solve variants (--days A..B, --meetings A..B) side by side\n"
    "  diff A.json B.json\n"
    "                 what moved between two schedules, in words\n"
    "  export FILE    write the integer program (--lp OUT or --mps OUT)\n"
    "\n"
    "`orgwork COMMAND --help` describes each command.  Exit status: 0 ok,\n"
    "1 internal error, 2 bad input or usage, 3 no schedule exists (or, for check,\n"
    "the schedule breaks a rule).\n";

static const char *usage_solve =
    "usage: orgwork solve FILE [OPTIONS]\n"
    "\n"
    "Solves the instance FILE (YAML, docs/formats.md) to proven optimality and\n"
    "prints the proposed organization of work of each body.\n"
    "\n"
    "options:\n"
    "  --format F       md (default), text, html, csv, ics, json or svg (md, html and\n"
    "                   svg of a period start with an overview timetable)\n"
    "  -o, --output OUT write to OUT (whole or not at all) instead of standard output\n"
    "  --days N         make the calendar N working days from its start\n"
    "  --meetings N     let every body hold N meetings\n"
    "  --body ID        print only that body's organization of work\n"
    "  --time-limit S   stop after S seconds with the best schedule found\n"
    "                   (status \"feasible\" and its gap)\n"
    "  --timings        include the solver's time in JSON output\n"
    "  --keep OLD.json  re-plan: change the fewest item placements of the schedule\n"
    "                   OLD.json (items matched by id), then find the best schedule\n"
    "  --verbose        show GLPK's own progress on standard error\n"
    "  --memory-limit MB  the memory GLPK may take (default 768); past it the run\n"
    "                   stops with exit 1 and says so\n"
    "  --whole          solve a period as one program, never body by body (a period\n"
    "                   without joint items is first solved body by body: each body\n"
    "                   alone for a bound, then in turn; when that misses the bound,\n"
    "                   fewer than 8 bodies are solved again as one program, more\n"
    "                   keep the plan and report its gap; docs/model.md)\n"
    "  --quiet          no progress line (it is shown only when standard error is\n"
    "                   a terminal); Ctrl-C stops the search and prints the best\n"
    "                   schedule found, marked \"feasible\" with its gap\n"
    "\n"
    "Exit status: 0 a schedule was found, 2 bad input, 3 no schedule exists, or\n"
    "none was found before the time limit (status \"unknown\"); the reasons are\n"
    "printed on standard error.\n";

static const char *usage_check =
    "usage: orgwork check FILE SCHEDULE.json [-o OUT]\n"
    "\n"
    "Verifies SCHEDULE.json (as `orgwork solve --format json` writes it, or edited\n"
    "by hand) against the instance FILE without the solver: lists every broken\n"
    "rule and recomputes the objective.\n"
    "\n"
    "Exit status: 0 every rule holds, 3 some rule is broken, 2 bad input.\n";

static const char *usage_export =
    "usage: orgwork export FILE (--lp OUT | --mps OUT) [--days N] [--meetings N]\n"
    "                      [--memory-limit MB]\n"
    "\n"
    "Writes the integer program of FILE in CPLEX LP or free MPS format, for\n"
    "other MIP solvers (glpsol, cbc, highs).  The objective is scaled: the scale\n"
    "is printed on standard error, and the optimum divided by it, rounded down,\n"
    "is orgwork's objective (the remainder is the tie-break, docs/model.md).\n";

static const char *usage_whatif =
    "usage: orgwork whatif FILE [--days A..B] [--meetings A..B] [OPTIONS]\n"
    "\n"
    "Solves every variant of the instance FILE with A to B working days and/or\n"
    "A to B meetings, and prints one row per variant: days, meetings, status,\n"
    "meetings and days used, \"(continued)\" pieces, objective; then the smallest\n"
    "feasible variant (fewest days, then fewest meetings).\n"
    "\n"
    "options:\n"
    "  --days A..B      working days of the calendar, A to B (or one number)\n"
    "  --meetings A..B  meetings every body may hold (with --body, that body)\n"
    "  --body ID        vary and count only that body of a period file\n"
    "  --format F       text (default), md, csv or json; with --show, any solve format\n"
    "  --show N         print the organization of work of variant N instead\n"
    "  --jobs N         variants solved at once (default: the machine's cores);\n"
    "                   the output is the same for any N\n"
    "  -o, --output OUT write to OUT (whole or not at all)\n"
    "  --time-limit S   per variant\n"
    "  --timings        add the seconds column (a clock reading)\n"
    "  --memory-limit MB  the memory GLPK may take, shared by the jobs (default 768)\n"
    "\n"
    "Exit status: 0 the sweep ran (whatever the variants' status), 2 bad input;\n"
    "with --show, as for solve.\n";

static const char *usage_diff =
    "usage: orgwork diff A.json B.json\n"
    "\n"
    "Lists, one line each, the items whose meetings differ between two schedules\n"
    "(as `orgwork solve --format json` writes them): items are matched by body and\n"
    "item id, never by position.  Exit status 0 whether or not anything moved,\n"
    "2 bad input.\n";

static int usage_error(const char *usage, const char *fmt, const char *arg)
{
    fputs("orgwork: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n\n", stderr);
    fputs(usage, stderr);
    return OW_INPUT;
}

static bool parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

static bool parse_seconds(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno != 0 || end == s || *end != '\0' || !(v > 0) || v > 1e6)
        return false;
    *out = v;
    return true;
}

static bool is_help(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

/* Options shared by the commands; each command says which it takes. */
typedef struct options {
    const char *file;
    const char *schedule;
    const char *output;
    ow_format format;
    int days, meetings;
    const char *body;
    double time_limit;
    bool timings, verbose, quiet, whole;
    const char *lp, *mps, *keep;
    int days_to, meetings_to, jobs, show;
    bool has_format;
} options;

enum { TAKES_SOLVE = 1, TAKES_EXPORT = 2, TAKES_CHECK = 4, TAKES_WHATIF = 8 };

/* Parses "A..B" or "A" into a range of whole numbers from lo to hi. */
static bool parse_range(const char *s, int lo, int hi, int *from, int *to)
{
    const char *dots = strstr(s, "..");
    if (dots == NULL)
        return parse_int(s, lo, hi, from) && (*to = *from, true);
    char left[32];
    size_t len = (size_t)(dots - s);
    if (len == 0 || len >= sizeof left)
        return false;
    memcpy(left, s, len);
    left[len] = '\0';
    return parse_int(left, lo, hi, from) && parse_int(dots + 2, lo, hi, to) && *from <= *to;
}

/* Parses argv into o; positional arguments fill file then schedule.  Returns -1 to
 * go on, or an exit status. */
static int parse(int argc, char **argv, int takes, const char *usage, options *o)
{
    int positional = 0, max_positional = (takes & TAKES_CHECK) ? 2 : 1;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool solve = takes & (TAKES_SOLVE | TAKES_WHATIF), export = takes & TAKES_EXPORT;
        bool whatif = takes & TAKES_WHATIF;
        if (is_help(a)) {
            fputs(usage, stdout);
            return 0;
        }
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            if (positional >= max_positional)
                return usage_error(usage, "unexpected argument '%s'", a);
            if (positional++ == 0)
                o->file = a;
            else
                o->schedule = a;
            continue;
        }
        bool known = true;
        if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) &&
            (solve || (takes & TAKES_CHECK))) {
            if (v == NULL)
                return usage_error(usage, "%s needs a file name", a);
            o->output = v;
        } else if (strcmp(a, "--format") == 0 && solve) {
            if (v == NULL || !ow_format_parse(v, &o->format))
                return usage_error(usage,
                                   "--format takes md, text, html, csv, ics, json or svg, not '%s'",
                                   v ? v : "");
            o->has_format = true;
        } else if (strcmp(a, "--days") == 0 && whatif) {
            if (v == NULL || !parse_range(v, 1, OW_MAX_DAYS, &o->days, &o->days_to))
                return usage_error(usage,
                                   "--days takes a range of days such as 2..5 (1 to 400), not '%s'",
                                   v ? v : "");
        } else if (strcmp(a, "--meetings") == 0 && whatif) {
            if (v == NULL || !parse_range(v, 1, 100000, &o->meetings, &o->meetings_to))
                return usage_error(usage, "--meetings takes a range such as 4..6, not '%s'",
                                   v ? v : "");
        } else if (strcmp(a, "--jobs") == 0 && whatif) {
            if (v == NULL || !parse_int(v, 1, 256, &o->jobs))
                return usage_error(usage, "--jobs takes a whole number from 1 to 256, not '%s'",
                                   v ? v : "");
        } else if (strcmp(a, "--show") == 0 && whatif) {
            if (v == NULL || !parse_int(v, 1, 1000000, &o->show))
                return usage_error(usage, "--show takes a variant number, not '%s'", v ? v : "");
        } else if (strcmp(a, "--days") == 0 && (solve || export)) {
            if (v == NULL || !parse_int(v, 1, OW_MAX_DAYS, &o->days))
                return usage_error(usage,
                                   "--days takes a whole number of days from 1 to 400, not '%s'",
                                   v ? v : "");
        } else if (strcmp(a, "--meetings") == 0 && (solve || export)) {
            if (v == NULL || !parse_int(v, 1, 100000, &o->meetings))
                return usage_error(usage, "--meetings takes a whole number from 1, not '%s'",
                                   v ? v : "");
        } else if (strcmp(a, "--keep") == 0 && (takes & TAKES_SOLVE)) {
            if (v == NULL)
                return usage_error(usage, "%s needs a schedule file (JSON)", a);
            o->keep = v;
        } else if (strcmp(a, "--body") == 0 && solve) {
            if (v == NULL)
                return usage_error(usage, "%s needs a body id", a);
            o->body = v;
        } else if (strcmp(a, "--time-limit") == 0 && solve) {
            if (v == NULL || !parse_seconds(v, &o->time_limit))
                return usage_error(
                    usage, "--time-limit takes a positive number of seconds, not '%s'", v ? v : "");
        } else if (strcmp(a, "--memory-limit") == 0 && (solve || export)) {
            int mb;
            if (v == NULL || !parse_int(v, 16, 1 << 20, &mb))
                return usage_error(usage,
                                   "--memory-limit takes megabytes, a whole number from 16, "
                                   "not '%s'",
                                   v ? v : "");
            ow_mip_set_memory_limit(mb);
        } else if (strcmp(a, "--lp") == 0 && export) {
            if (v == NULL)
                return usage_error(usage, "%s needs a file name", a);
            o->lp = v;
        } else if (strcmp(a, "--mps") == 0 && export) {
            if (v == NULL)
                return usage_error(usage, "%s needs a file name", a);
            o->mps = v;
        } else {
            known = false;
            if (strcmp(a, "--timings") == 0 && solve) {
                o->timings = true;
                continue;
            }
            if (strcmp(a, "--verbose") == 0 && solve) {
                o->verbose = true;
                continue;
            }
            if (strcmp(a, "--quiet") == 0 && solve) {
                o->quiet = true;
                continue;
            }
            if (strcmp(a, "--whole") == 0 && solve) {
                o->whole = true;
                continue;
            }
        }
        if (!known)
            return usage_error(usage, "unknown option '%s'", a);
        i++;
    }
    if (positional < max_positional)
        return usage_error(usage, "%s",
                           max_positional == 2 ? "needs an instance FILE and a SCHEDULE.json"
                                               : "needs an instance FILE");
    return -1;
}

static ow_status load(const options *o, ow_instance **inst, ow_error *err)
{
    ow_status rc = ow_instance_load(o->file, inst, err);
    if (rc != OW_OK)
        return rc;
    rc = ow_instance_override(*inst, o->days, o->meetings, err);
    if (rc != OW_OK) {
        ow_instance_free(*inst);
        *inst = NULL;
    }
    return rc;
}

/* A run that found no schedule writes its JSON (status and reasons) to standard
 * output or a new file, never over an existing one: true (and says so) then. */
static bool kept_output(const char *output)
{
    if (output == NULL || strcmp(output, "-") == 0 || access(output, F_OK) != 0)
        return false;
    fprintf(stderr, "orgwork: %s is left as it was: this run found no schedule\n", output);
    return true;
}

static int report(ow_status rc, const ow_error *err)
{
    if (rc != OW_OK && rc != OW_INFEASIBLE)
        ow_error_print(err, stderr);
    return (int)rc;
}

/* The meeting where an item is taken up (its first piece), or NULL. */
static const ow_meeting *taken_up(const ow_schedule *s, size_t body, size_t item)
{
    for (size_t i = 0; i < s->n_meetings; i++) {
        const ow_meeting *m = &s->meetings[i];
        for (size_t j = 0; j < m->n_pieces; j++)
            if (m->body == body && !m->pieces[j].joint && m->pieces[j].item == item &&
                !m->pieces[j].continued)
                return m;
    }
    return NULL;
}

/* Re-planning: says on stderr how many items keep the date and slot where the
 * earlier schedule took them up (`orgwork diff` says which moved). */
static void report_kept(const ow_instance *inst, const ow_schedule *old, const ow_schedule *s)
{
    int total = 0, same = 0;
    for (size_t b = 0; b < inst->n_bodies; b++)
        for (size_t i = 0; i < inst->bodies[b].n_items; i++) {
            const ow_meeting *a = taken_up(old, b, i), *n = taken_up(s, b, i);
            if (a == NULL)
                continue;
            total++;
            same += n != NULL && a->date == n->date && a->start == n->start;
        }
    fprintf(stderr, "orgwork: %d of %d items keep their place; %d move\n", same, total,
            total - same);
}

static int cmd_solve(int argc, char **argv)
{
    options o = {0};
    o.format = OW_FORMAT_MD;
    int st = parse(argc, argv, TAKES_SOLVE, usage_solve, &o);
    if (st >= 0)
        return st;
    ow_error err;
    ow_error_clear(&err);
    ow_instance *inst = NULL;
    ow_schedule *s = NULL, *kept = NULL;
    ow_buf why = OW_BUF_INIT, out = OW_BUF_INIT;
    ow_status rc = OW_OK;
    const char *inputs[] = {o.file, o.keep};
    OW_CALL(ow_output_check(o.output, inputs, 2, &err));
    OW_CALL(load(&o, &inst, &err));
    ow_render_options ro = {o.timings, -1};
    if (o.body != NULL) {
        ro.body = ow_instance_find_body(inst, o.body);
        if (ro.body < 0) {
            rc = ow_error_set(&err, OW_INPUT, o.file, (ow_loc){0, 0}, "no body with id '%s'",
                              o.body);
            goto done;
        }
    }
    if (o.keep != NULL)
        OW_CALL(ow_schedule_read_json(inst, o.keep, &kept, &err));
    ow_solve_options so = {o.time_limit, o.verbose, !o.quiet && !o.verbose && isatty(STDERR_FILENO),
                           o.whole, kept};
    rc = ow_solve(inst, &so, &s, &why, &err);
    if (rc == OW_OK && kept != NULL)
        report_kept(inst, kept, s);
    if (rc == OW_INFEASIBLE) {
        fprintf(stderr, "%s: %s:\n", o.file,
                s != NULL && s->status == OW_SOLVE_UNKNOWN ? "no schedule was found"
                                                           : "no schedule exists");
        const char *line = ow_buf_str(&why);
        while (*line != '\0') {
            const char *nl = strchr(line, '\n');
            size_t len = nl ? (size_t)(nl - line) : strlen(line);
            fprintf(stderr, "  - %.*s\n", (int)len, line);
            line += len + (nl ? 1 : 0);
        }
        if (o.format != OW_FORMAT_JSON || kept_output(o.output))
            goto done;
    } else if (rc != OW_OK) {
        goto done;
    }
    ow_status rrc = ow_render(inst, s, o.format, &ro, &out, &err);
    if (rrc == OW_OK && out.failed)
        rrc = ow_error_set(&err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    if (rrc == OW_OK)
        rrc = ow_write_file_atomic(o.output ? o.output : "-", ow_buf_str(&out), out.len, &err);
    if (rrc != OW_OK)
        rc = rrc;
done:
    ow_buf_free(&why);
    ow_buf_free(&out);
    ow_schedule_free(kept);
    ow_schedule_free(s);
    ow_instance_free(inst);
    return report(rc, &err);
}

static int cmd_check(int argc, char **argv)
{
    options o = {0};
    int st = parse(argc, argv, TAKES_CHECK, usage_check, &o);
    if (st >= 0)
        return st;
    ow_error err;
    ow_error_clear(&err);
    ow_instance *inst = NULL;
    ow_schedule *s = NULL;
    ow_check_report rep = {0};
    ow_buf out = OW_BUF_INIT;
    ow_status rc = OW_OK;
    const char *inputs[] = {o.file, o.schedule};
    OW_CALL(ow_output_check(o.output, inputs, 2, &err));
    OW_CALL(load(&o, &inst, &err));
    OW_CALL(ow_schedule_read_json(inst, o.schedule, &s, &err));
    OW_CALL(ow_check(inst, s, &rep, &err));
    ow_check_report_text(&rep, &out);
    if (out.failed) {
        /* Never a report cut short: none at all, and say why. */
        rc = ow_error_set(&err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        goto done;
    }
    OW_CALL(ow_write_file_atomic(o.output ? o.output : "-", ow_buf_str(&out), out.len, &err));
    rc = rep.n_violations > 0 ? OW_INFEASIBLE : OW_OK;
done:
    ow_buf_free(&out);
    ow_check_report_free(&rep);
    ow_schedule_free(s);
    ow_instance_free(inst);
    return report(rc, &err);
}

static int cmd_whatif(int argc, char **argv)
{
    options o = {0};
    o.format = OW_FORMAT_TEXT;
    int st = parse(argc, argv, TAKES_WHATIF, usage_whatif, &o);
    if (st >= 0)
        return st;
    if (o.days == 0 && o.meetings == 0)
        return usage_error(usage_whatif, "%s", "give --days A..B, --meetings A..B, or both");
    int jobs = (int)ow_whatif_jobs(o.jobs);
    if (o.jobs > jobs)
        fprintf(stderr, "orgwork: %d jobs at once, the machine's cores (not %d)\n", jobs, o.jobs);
    ow_whatif_options wo = {
        o.file,        o.days, o.days_to, o.meetings,
        o.meetings_to, o.body, jobs,      {o.time_limit, false, false, o.whole, NULL}};
    ow_error err;
    ow_error_clear(&err);
    ow_buf out = OW_BUF_INIT, why = OW_BUF_INIT;
    ow_variant *rows = NULL;
    ow_instance *inst = NULL;
    ow_schedule *s = NULL;
    size_t n = 0;
    ow_status rc = OW_OK;
    OW_CALL(ow_output_check(o.output, &o.file, 1, &err));
    /* Bad input is reported once, before any variant runs. */
    OW_CALL(ow_instance_load(o.file, &inst, &err));
    if (o.body != NULL && ow_instance_find_body(inst, o.body) < 0) {
        rc = ow_error_set(&err, OW_INPUT, o.file, (ow_loc){0, 0}, "no body with id '%s'", o.body);
        goto done;
    }
    ow_instance_free(inst);
    inst = NULL;
    if (o.show > 0) {
        if (!o.has_format)
            o.format = OW_FORMAT_MD;
        rc = ow_whatif_variant(&wo, (size_t)o.show - 1, &inst, &s, &why, &err);
        if (rc == OW_INFEASIBLE)
            fprintf(stderr, "%s: variant %d has no schedule:\n  - %s", o.file, o.show,
                    ow_buf_str(&why));
        if (rc != OW_OK &&
            (rc != OW_INFEASIBLE || o.format != OW_FORMAT_JSON || kept_output(o.output)))
            goto done;
        ow_render_options ro = {o.timings, -1};
        ow_status rrc = ow_render(inst, s, o.format, &ro, &out, &err);
        if (rrc != OW_OK)
            rc = rrc;
    } else {
        OW_CALL(ow_whatif_run(&wo, &rows, &n, &err));
        OW_CALL(ow_variants_render(rows, n, o.format, o.timings, &out, &err));
    }
    if (out.failed) {
        rc = ow_error_set(&err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        goto done;
    }
    {
        ow_status wrc =
            ow_write_file_atomic(o.output ? o.output : "-", ow_buf_str(&out), out.len, &err);
        if (wrc != OW_OK)
            rc = wrc;
    }
done:
    free(rows);
    ow_buf_free(&out);
    ow_buf_free(&why);
    ow_schedule_free(s);
    ow_instance_free(inst);
    return report(rc, &err);
}

static int cmd_diff(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        if (is_help(argv[i])) {
            fputs(usage_diff, stdout);
            return 0;
        }
    if (argc != 2)
        return usage_error(usage_diff, "%s", "needs two schedule files");
    ow_error err;
    ow_error_clear(&err);
    ow_buf out = OW_BUF_INIT;
    int n;
    ow_status rc = ow_diff_files(argv[0], argv[1], &out, &n, &err);
    if (rc == OW_OK)
        rc = ow_write_file_atomic("-", ow_buf_str(&out), out.len, &err);
    ow_buf_free(&out);
    return report(rc, &err);
}

static int cmd_export(int argc, char **argv)
{
    options o = {0};
    int st = parse(argc, argv, TAKES_EXPORT, usage_export, &o);
    if (st >= 0)
        return st;
    if ((o.lp == NULL) == (o.mps == NULL))
        return usage_error(usage_export, "%s", "give one of --lp OUT or --mps OUT");
    ow_error err;
    ow_error_clear(&err);
    ow_instance *inst = NULL;
    ow_formulation *f = NULL;
    ow_status rc = OW_OK;
    OW_CALL(ow_output_check(o.lp ? o.lp : o.mps, &o.file, 1, &err));
    OW_CALL(load(&o, &inst, &err));
    OW_CALL(ow_formulation_build(inst, &f, &err));
    OW_CALL(ow_mip_write(ow_formulation_program(f), o.lp ? OW_MIP_LP : OW_MIP_MPS,
                         o.lp ? o.lp : o.mps, &err));
    fprintf(stderr,
            "orgwork: objective scale %.0f: the reported objective is the optimum "
            "divided by it, rounded down\n",
            ow_formulation_scale(f));
done:
    ow_formulation_free(f);
    ow_instance_free(inst);
    return report(rc, &err);
}

static void on_interrupt(int sig)
{
    (void)sig;
    ow_mip_interrupt();
}

int main(int argc, char **argv)
{
    int st;
    /* Ctrl-C, SIGTERM and SIGHUP stop a search and keep the best schedule found so
     * far, which is then written as usual. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    if (argc < 2) {
        fputs(usage_main, stderr);
        st = OW_INPUT;
    } else if (is_help(argv[1])) {
        fputs(usage_main, stdout);
        st = 0;
    } else if (strcmp(argv[1], "--version") == 0) {
        printf("orgwork %s\n", VERSION);
        st = 0;
    } else if (strcmp(argv[1], "solve") == 0) {
        st = cmd_solve(argc - 2, argv + 2);
    } else if (strcmp(argv[1], "check") == 0) {
        st = cmd_check(argc - 2, argv + 2);
    } else if (strcmp(argv[1], "whatif") == 0) {
        st = cmd_whatif(argc - 2, argv + 2);
    } else if (strcmp(argv[1], "diff") == 0) {
        st = cmd_diff(argc - 2, argv + 2);
    } else if (strcmp(argv[1], "export") == 0) {
        st = cmd_export(argc - 2, argv + 2);
    } else {
        st = usage_error(usage_main, "unknown command '%s'", argv[1]);
    }
    ow_mip_shutdown();
    return st;
}
