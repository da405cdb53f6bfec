/* workplan.c: `orgwork workplan` — which topics the body's future sessions take up,
 * each session's provisional agenda, how many sessions the open topics need, and the
 * check of a plan written by hand. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "orgwork/buf.h"
#include "orgwork/render.h"
#include "orgwork/workplan.h"

static const char *usage_workplan =
    "usage: orgwork workplan FILE [OPTIONS]\n"
    "\n"
    "Places the topics of the workplan FILE (YAML, docs/formats.md, \"Workplan files\")\n"
    "in the body's future sessions, solved to proven optimality (docs/model.md,\n"
    "\"Workplan\"), and prints the workplan table session by session.\n"
    "\n"
    "options:\n"
    "  --format F        md (default), html, csv or json; with --sessions, text\n"
    "                    (default), md, csv or json\n"
    "  -o, --output OUT  write to OUT (whole or not at all) instead of standard output\n"
    "  --agendas DIR     also write one provisional agenda per session into DIR\n"
    "                    (an instance file `orgwork solve` reads; created if missing)\n"
    "  --sessions A..B   what-if: solve with A to B sessions (the file's, then one a\n"
    "                    year) and 1 to 3 topics a session; print a row per variant\n"
    "  --per A..B        topics a session for --sessions (default 1..3)\n"
    "  --check PLAN      verify PLAN (as --format json writes it, or by hand in YAML)\n"
    "                    against FILE without the solver; list every broken rule\n"
    "  --time-limit S    stop after S seconds with the best plan found (default\n"
    "                    and 0: none, until proven)\n"
    "  --gap G           stop once the proven gap is at most G, 0.01 or 1%\n"
    "  --timings         include the solver's time in JSON output\n"
    "  --verbose         show GLPK's own progress on standard error\n"
    "\n"
    "Exit status: 0 a plan was found (topics that do not fit are listed on standard\n"
    "error with the number of sessions that would take them all), 2 bad input,\n"
    "3 the fixed topics and the rules contradict each other (the reasons are printed),\n"
    "or, with --check, the plan breaks a rule; 1 internal error.\n";

typedef struct wp_options {
    const char *file, *agendas, *check;
    ow_cli_shared o; /* -o, --format, --time-limit, --timings */
    bool verbose;
    int sessions_from, sessions_to, per_from, per_to;
    ow_wp_solve_options solve;
} wp_options;

enum { OPT_AGENDAS = OW_CLI_OPT_OWN, OPT_SESSIONS, OPT_PER, OPT_CHECK, OPT_VERBOSE };

static const struct option longopts[] = {OW_CLI_SHARED_OPTIONS,
                                         {"agendas", required_argument, NULL, OPT_AGENDAS},
                                         {"sessions", required_argument, NULL, OPT_SESSIONS},
                                         {"per", required_argument, NULL, OPT_PER},
                                         {"check", required_argument, NULL, OPT_CHECK},
                                         {"verbose", no_argument, NULL, OPT_VERBOSE},
                                         {NULL, 0, NULL, 0}};

static int parse(int argc, char **argv, wp_options *w)
{
    w->o.format = OW_FORMAT_MD;
    w->per_from = 1;
    w->per_to = 3;
    int c;
    while ((c = ow_cli_getopt("workplan", argc, argv, "ho:", longopts)) != -1) {
        int st = ow_cli_shared_option("workplan", c, usage_workplan, &w->o);
        if (st >= 0)
            return st;
        if (st == -1)
            continue;
        switch (c) {
        case OPT_AGENDAS:
            w->agendas = optarg;
            break;
        case OPT_SESSIONS:
            if (!ow_cli_parse_range(optarg, 1, OW_WP_MAX_SESSIONS, &w->sessions_from,
                                    &w->sessions_to))
                return ow_cli_usage_error(
                    "workplan", "--sessions takes a range such as 3..8 (1 to 100), not '%s'",
                    optarg);
            break;
        case OPT_PER:
            if (!ow_cli_parse_range(optarg, 1, OW_WP_MAX_PER_SESSION, &w->per_from, &w->per_to))
                return ow_cli_usage_error(
                    "workplan", "--per takes a range such as 1..3 (1 to 10), not '%s'", optarg);
            break;
        case OPT_CHECK:
            w->check = optarg;
            break;
        case OPT_VERBOSE:
            w->solve.verbose = true;
            break;
        default:
            return OW_INPUT;
        }
    }
    if (optind == argc)
        return ow_cli_usage_error("workplan", "needs a workplan FILE");
    if (argc - optind > 1)
        return ow_cli_usage_error("workplan", "unexpected argument '%s'", argv[optind + 1]);
    w->file = argv[optind];
    if (w->o.whole)
        return ow_cli_usage_error("workplan", "--whole is an option of solve and whatif");
    int modes = (w->sessions_from > 0) + (w->check != NULL);
    if (modes > 1 || (modes > 0 && w->agendas != NULL))
        return ow_cli_usage_error("workplan",
                                  "give at most one of --sessions, --check and --agendas");
    if (w->sessions_from > 0 && !w->o.has_format)
        w->o.format = OW_FORMAT_TEXT;
    ow_cli_shared_format(&w->o); /* -o's extension, without --format */
    ow_format f = w->o.format;
    bool table = f == OW_FORMAT_MD || f == OW_FORMAT_CSV || f == OW_FORMAT_JSON;
    if (w->sessions_from > 0 ? !(table || f == OW_FORMAT_TEXT) : !(table || f == OW_FORMAT_HTML))
        return ow_cli_usage_error(
            "workplan", w->sessions_from > 0 ? "--sessions prints text, md, csv or json"
                                             : "a workplan is written as md, html, csv or json");
    w->solve.time_limit = w->o.time_limit;
    w->solve.gap = w->o.gap;
    return -1;
}

static ow_status write_out(const wp_options *o, const ow_buf *out, ow_error *err)
{
    if (out->failed)
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    return ow_write_file_atomic(o->o.output ? o->o.output : "-", ow_buf_str(out), out->len, err);
}

/* DIR/<body>-<session>.yaml, with any character that is not a letter, digit, dot,
 * dash or underscore made a dash. */
static void agenda_path(const char *dir, const ow_workplan *wp, size_t s, char *out, size_t size)
{
    char name[160];
    snprintf(name, sizeof name, "%s-%s", wp->body_id, wp->sessions[s].id);
    for (char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '.' || *p == '-' || *p == '_'))
            *p = '-';
    snprintf(out, size, "%s/%s.yaml", dir, name);
}

/* Whether paths a and b name one file: the same file when both exist, else the
 * same name in the same directory. */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    const char *na = strrchr(a, '/'), *nb = strrchr(b, '/');
    char da[4096], db[4096];
    snprintf(da, sizeof da, "%.*s", na ? (int)(na - a) + 1 : 1, na ? a : ".");
    snprintf(db, sizeof db, "%.*s", nb ? (int)(nb - b) + 1 : 1, nb ? b : ".");
    return strcmp(na ? na + 1 : a, nb ? nb + 1 : b) == 0 && stat(da, &sa) == 0 &&
           stat(db, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Before anything is written: no agenda file may be the workplan file, -o's file or
 * another session's agenda (two session ids that differ only in characters made
 * `-`). */
static ow_status check_agendas(const char *dir, const wp_options *o, const ow_workplan *wp,
                               ow_error *err)
{
    for (size_t s = 0; s < wp->n_sessions; s++) {
        char path[4096], other[4096];
        agenda_path(dir, wp, s, path, sizeof path);
        const char *clash = same_file(path, o->file)                              ? o->file
                            : o->o.output != NULL && same_file(path, o->o.output) ? o->o.output
                                                                                  : NULL;
        if (clash != NULL)
            return ow_error_set(err, OW_INPUT, path, (ow_loc){0, 0},
                                "the agenda of session %s would replace %s: give another "
                                "--agendas directory",
                                wp->sessions[s].id, clash);
        for (size_t q = 0; q < s; q++) {
            agenda_path(dir, wp, q, other, sizeof other);
            if (strcmp(path, other) == 0)
                return ow_error_set(err, OW_INPUT, o->file, wp->sessions[s].loc,
                                    "sessions %s and %s would both write the agenda %s "
                                    "(characters other than letters, digits, '.', '-' and '_' "
                                    "become '-'): rename one of them",
                                    wp->sessions[q].id, wp->sessions[s].id, path);
        }
    }
    return OW_OK;
}

static ow_status write_agendas(const char *dir, const ow_workplan *wp, const ow_wp_plan *plan,
                               ow_error *err)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return ow_error_set(err, OW_INPUT, dir, (ow_loc){0, 0}, "cannot create the directory: %s",
                            strerror(errno));
    for (size_t s = 0; s < wp->n_sessions; s++) {
        char path[4096];
        ow_buf b = OW_BUF_INIT;
        agenda_path(dir, wp, s, path, sizeof path);
        ow_wp_agenda(wp, plan, s, &b);
        ow_status rc = b.failed
                           ? ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory")
                           : ow_write_file_atomic(path, ow_buf_str(&b), b.len, err);
        ow_buf_free(&b);
        if (rc != OW_OK)
            return rc;
        fprintf(stderr, "orgwork: wrote %s\n", path);
    }
    return OW_OK;
}

/* On standard error: the open topics that do not fit, and the sessions that would
 * take them all. */
static void report_left(const ow_workplan *wp, const ow_wp_plan *plan)
{
    int left = 0;
    for (size_t t = 0; t < wp->n_topics; t++)
        left += wp->topics[t].status == OW_WP_NO && plan->session[t] < 0;
    if (left == 0)
        return;
    fprintf(stderr, "orgwork: %d topic%s not yet addressed do%s not fit in the %zu sessions:", left,
            left == 1 ? "" : "s", left == 1 ? "es" : "", wp->n_sessions);
    for (size_t t = 0; t < wp->n_topics; t++)
        if (wp->topics[t].status == OW_WP_NO && plan->session[t] < 0)
            fprintf(stderr, " %s", wp->topics[t].id);
    if (plan->needed > 0)
        fprintf(stderr, "; %d sessions would take them all\n", plan->needed);
    else
        fprintf(stderr, "; no number of sessions up to %d takes them all\n", OW_WP_MAX_SESSIONS);
}

static int run_check(const wp_options *o)
{
    ow_error err;
    ow_error_clear(&err);
    ow_workplan *wp = NULL;
    ow_wp_plan plan;
    ow_wp_check_report rep;
    ow_buf out = OW_BUF_INIT;
    ow_status rc = OW_OK;
    memset(&plan, 0, sizeof plan);
    memset(&rep, 0, sizeof rep);
    OW_CALL(ow_workplan_load(o->file, &wp, &err));
    OW_CALL(ow_wp_plan_read(wp, o->check, &plan, &err));
    OW_CALL(ow_wp_check(wp, &plan, true, &rep, &err));
    ow_wp_check_report_text(&rep, &out);
    OW_CALL(write_out(o, &out, &err));
    rc = rep.n_violations > 0 ? OW_INFEASIBLE : OW_OK;
done:
    ow_buf_free(&out);
    ow_wp_check_report_free(&rep);
    ow_wp_plan_free(&plan);
    ow_workplan_free(wp);
    return ow_cli_report(rc, &err);
}

static int run_whatif(const wp_options *o)
{
    ow_error err;
    ow_error_clear(&err);
    ow_workplan *wp = NULL;
    ow_wp_variant *rows = NULL;
    size_t n = 0;
    ow_buf out = OW_BUF_INIT;
    ow_status rc = OW_OK;
    /* Bad input is reported once, before any variant runs. */
    OW_CALL(ow_workplan_load(o->file, &wp, &err));
    OW_CALL(ow_workplan_whatif(o->file, o->sessions_from, o->sessions_to, o->per_from, o->per_to,
                               &o->solve, &rows, &n, &err));
    OW_CALL(ow_wp_variants_render(rows, n, o->o.format, &out, &err));
    OW_CALL(write_out(o, &out, &err));
done:
    free(rows);
    ow_buf_free(&out);
    ow_workplan_free(wp);
    return ow_cli_report(rc, &err);
}

int ow_cli_workplan(int argc, char **argv)
{
    wp_options o;
    memset(&o, 0, sizeof o);
    int st = parse(argc, argv, &o);
    if (st >= 0)
        return st;
    /* -o naming an input (the workplan, or --check's plan) is refused before any
     * work, as solve, check, whatif and export do. */
    ow_error oerr;
    ow_error_clear(&oerr);
    const char *inputs[] = {o.file, o.check};
    ow_status orc = ow_output_check(o.o.output, inputs, 2, &oerr);
    if (orc != OW_OK)
        return ow_cli_report(orc, &oerr);
    if (o.check != NULL)
        return run_check(&o);
    if (o.sessions_from > 0)
        return run_whatif(&o);
    ow_error err;
    ow_error_clear(&err);
    ow_workplan *wp = NULL;
    ow_wp_plan plan;
    ow_buf out = OW_BUF_INIT, why = OW_BUF_INIT;
    ow_status rc = OW_OK;
    memset(&plan, 0, sizeof plan);
    OW_CALL(ow_workplan_load(o.file, &wp, &err));
    if (o.agendas != NULL)
        OW_CALL(check_agendas(o.agendas, &o, wp, &err));
    rc = ow_workplan_solve(wp, &o.solve, &plan, &why, &err);
    if (rc == OW_INFEASIBLE) {
        fprintf(stderr, "%s: %s:\n", o.file,
                plan.status == OW_SOLVE_UNKNOWN
                    ? "no workplan was found"
                    : "no workplan exists: the topics fixed for sessions, with the topics "
                      "that go together with them, break these rules");
        const char *line = ow_buf_str(&why);
        while (*line != '\0') {
            size_t len = strcspn(line, "\n");
            fprintf(stderr, "  - %.*s\n", (int)len, line);
            line += len + (line[len] == '\n');
        }
        if (o.o.format == OW_FORMAT_JSON && !ow_cli_kept_output(o.o.output)) {
            ow_status wrc = ow_wp_render(wp, &plan, o.o.format, o.o.timings, &out, &err);
            if (wrc == OW_OK)
                wrc = write_out(&o, &out, &err);
            if (wrc != OW_OK)
                rc = wrc;
        }
        goto done;
    }
    if (rc != OW_OK)
        goto done;
    bool left = false;
    for (size_t t = 0; t < wp->n_topics; t++)
        left = left || (wp->topics[t].status == OW_WP_NO && plan.session[t] < 0);
    if (left)
        OW_CALL(ow_workplan_needed(o.file, &o.solve, &plan.needed, &err));
    report_left(wp, &plan);
    OW_CALL(ow_wp_render(wp, &plan, o.o.format, o.o.timings, &out, &err));
    OW_CALL(write_out(&o, &out, &err));
    if (o.agendas != NULL)
        OW_CALL(write_agendas(o.agendas, wp, &plan, &err));
done:
    ow_buf_free(&out);
    ow_buf_free(&why);
    ow_wp_plan_free(&plan);
    ow_workplan_free(wp);
    return ow_cli_report(rc, &err);
}
