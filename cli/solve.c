/* solve.c: `orgwork solve`, from an instance to its organization of work. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "orgwork/buf.h"
#include "orgwork/solve.h"

static const char *usage =
    "usage: orgwork solve FILE [OPTIONS]\n"
    "\n"
    "Solves the instance FILE (YAML, docs/formats.md; - reads standard input) and\n"
    "prints the proposed organization of work of each body: proven optimal when the\n"
    "search completes, else the best schedule found when it stops (below).\n"
    "\n"
    "options:\n"
    "  --format F       md (default), text, html, csv, ics, json, svg, docx, odt or\n"
    "                   xlsx (md, html, svg, docx, odt and xlsx of a period carry an\n"
    "                   overview timetable; docx, odt and xlsx are binary: give -o);\n"
    "                   without it, the extension of -o's file name (.md .txt .html\n"
    "                   .csv .ics .json .svg .docx .odt .xlsx) names the format\n"
    "  --annex          html, docx, odt: an \"Annex\" heading above each organization\n"
    "                   of work\n"
    "  --excel          csv for spreadsheets: a UTF-8 byte order mark, item numbers\n"
    "                   kept as text\n"
    "  --separator C    csv: the field separator, ',' (default) or ';'\n"
    "  --sequence N     ics: the events' SEQUENCE, the plan's revision (default 0,\n"
    "                   1 with --keep)\n"
    "  -o, --output OUT write to OUT (whole or not at all) instead of standard output\n"
    "  --days N         make the calendar N working days from its start\n"
    "  --meetings N     let every body hold N meetings\n"
    "  --body ID        print only that body's organization of work\n"
    "  --time-limit S   stop after S seconds with the best schedule found\n"
    "                   (status \"feasible\" and its gap); body by body, the bodies\n"
    "                   not yet planned are then laid greedily in what is left,\n"
    "                   and a body whose search stops improving gives its time\n"
    "                   back; 0: no\n"
    "                   limit, search until proven (default: 60 s, below)\n"
    "  --gap G          stop once the proven gap is at most G: a fraction (0.01)\n"
    "                   or a percentage (1%); body by body, each body within G\n"
    "  --timings        include the solver's time in JSON output\n"
    "  --keep OLD.json  re-plan: change the fewest item placements of the schedule\n"
    "                   OLD.json (items matched by id), then find the best schedule\n"
    "  --verbose        show GLPK's own progress on standard error\n"
    "  --memory-limit MB  the memory GLPK may take (default 768); past it the run\n"
    "                   stops with exit 1 and says so\n"
    "  --whole          solve a period as one program, never body by body (a period\n"
    "                   of several bodies is first solved body by body, bodies that\n"
    "                   share joint items together: each alone for a bound, then in\n"
    "                   turn; when that misses the bound, fewer than 8 bodies are\n"
    "                   solved again as one program, more keep the plan and report\n"
    "                   its gap; docs/model.md)\n"
    "  --quiet          no progress line (it is shown only when standard error is\n"
    "                   a terminal); Ctrl-C stops the search and prints the best\n"
    "                   schedule found, marked \"feasible\" with its gap\n"
    "\n"
    "How the search stopped is said in JSON (solver.stop): \"proven\" it completed\n"
    "(optimal, or no schedule exists); \"gap\" within --gap; \"time\" at\n"
    "--time-limit; \"default\" at the default limit, 60 s when --time-limit is not\n"
    "given (ORGWORK_DEFAULT_TIME_LIMIT=S sets another; --time-limit 0 searches\n"
    "until proven); \"interrupted\" by Ctrl-C; \"planned\" with no limit, every\n"
    "body proven best in what the bodies before it left, the plan kept with its\n"
    "gap (docs/model.md, \"Stopping\").\n"
    "\n"
    "Exit status: 0 a schedule was found, 2 bad input, 3 no schedule exists, or\n"
    "none was found before the time limit (status \"unknown\"); the reasons are\n"
    "printed on standard error.\n";

/* Without --time-limit, a search stops after this many seconds with the best
 * schedule found (solver.stop "default"; docs/model.md, "Stopping"), or after the
 * seconds ORGWORK_DEFAULT_TIME_LIMIT gives.  --time-limit 0 searches until proven. */
#define DEFAULT_TIME_LIMIT 60.0

static double default_time_limit(void)
{
    const char *env = getenv("ORGWORK_DEFAULT_TIME_LIMIT");
    double v;
    if (env != NULL && ow_cli_parse_seconds(env, &v))
        return v;
    return DEFAULT_TIME_LIMIT;
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

enum {
    OPT_DAYS = OW_CLI_OPT_OWN,
    OPT_MEETINGS,
    OPT_BODY,
    OPT_KEEP,
    OPT_VERBOSE,
    OPT_QUIET,
    OPT_ANNEX,
    OPT_EXCEL,
    OPT_SEPARATOR,
    OPT_SEQUENCE,
    OPT_MEMORY
};

static const struct option longopts[] = {
    OW_CLI_SHARED_OPTIONS,
    {"days", required_argument, NULL, OPT_DAYS},
    {"meetings", required_argument, NULL, OPT_MEETINGS},
    {"body", required_argument, NULL, OPT_BODY},
    {"keep", required_argument, NULL, OPT_KEEP},
    {"verbose", no_argument, NULL, OPT_VERBOSE},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {"memory-limit", required_argument, NULL, OPT_MEMORY},
    {"annex", no_argument, NULL, OPT_ANNEX},
    {"excel", no_argument, NULL, OPT_EXCEL},
    {"separator", required_argument, NULL, OPT_SEPARATOR},
    {"sequence", required_argument, NULL, OPT_SEQUENCE},
    {NULL, 0, NULL, 0},
};

/* What the command line asks of solve. */
typedef struct args {
    ow_cli_shared o;
    const char *file, *body, *keep;
    bool verbose, quiet, annex, excel;
    char separator; /* 0: the default */
    int days, meetings;
    int sequence; /* -1: not given */
} args;

/* Reads the command line into a.  Returns -1 to go on, or the exit status (after
 * --help, or a usage error). */
static int parse(int argc, char **argv, args *a)
{
    int c;
    while ((c = ow_cli_getopt("solve", argc, argv, "ho:", longopts)) != -1) {
        int st = ow_cli_shared_option("solve", c, usage, &a->o);
        if (st >= 0)
            return st;
        if (st == -1)
            continue;
        switch (c) {
        case OPT_DAYS:
            if (!ow_cli_parse_int(optarg, 1, OW_MAX_DAYS, &a->days))
                return ow_cli_usage_error(
                    "solve", "--days takes a whole number of days from 1 to %d, not '%s'",
                    OW_MAX_DAYS, optarg);
            break;
        case OPT_MEETINGS:
            if (!ow_cli_parse_int(optarg, 1, 100000, &a->meetings))
                return ow_cli_usage_error(
                    "solve", "--meetings takes a whole number from 1, not '%s'", optarg);
            break;
        case OPT_BODY:
            a->body = optarg;
            break;
        case OPT_KEEP:
            a->keep = optarg;
            break;
        case OPT_VERBOSE:
            a->verbose = true;
            break;
        case OPT_QUIET:
            a->quiet = true;
            break;
        case OPT_MEMORY:
            if ((st = ow_cli_memory_limit("solve", optarg)) >= 0)
                return st;
            break;
        case OPT_ANNEX:
            a->annex = true;
            break;
        case OPT_EXCEL:
            a->excel = true;
            break;
        case OPT_SEPARATOR:
            if (strcmp(optarg, ",") != 0 && strcmp(optarg, ";") != 0)
                return ow_cli_usage_error("solve", "--separator takes ',' or ';', not '%s'",
                                          optarg);
            a->separator = optarg[0];
            break;
        case OPT_SEQUENCE:
            if (!ow_cli_parse_int(optarg, 0, 1000000, &a->sequence))
                return ow_cli_usage_error(
                    "solve", "--sequence takes a whole number from 0, not '%s'", optarg);
            break;
        default:
            return OW_INPUT;
        }
    }
    if (optind == argc)
        return ow_cli_usage_error("solve", "needs an instance FILE");
    if (argc - optind > 1)
        return ow_cli_usage_error("solve", "unexpected argument '%s'", argv[optind + 1]);
    a->file = argv[optind];
    if (a->keep != NULL && strcmp(a->keep, "-") == 0 && strcmp(a->file, "-") == 0)
        return ow_cli_usage_error("solve", "standard input (-) can be read only once");
    ow_cli_shared_format(&a->o);
    return -1;
}

int ow_cli_solve(int argc, char **argv)
{
    args a = {0};
    a.o.format = OW_FORMAT_MD;
    a.sequence = -1;
    int st = parse(argc, argv, &a);
    if (st >= 0)
        return st;
    /* A zip archive on a terminal is noise; say what to do instead. */
    if ((a.o.format == OW_FORMAT_DOCX || a.o.format == OW_FORMAT_ODT ||
         a.o.format == OW_FORMAT_XLSX) &&
        (a.o.output == NULL || strcmp(a.o.output, "-") == 0) && isatty(STDOUT_FILENO))
        return ow_cli_usage_error("solve", "docx, odt and xlsx are binary: give -o FILE");

    ow_error err;
    ow_error_clear(&err);
    ow_instance *inst = NULL;
    ow_schedule *s = NULL, *kept = NULL;
    ow_buf why = OW_BUF_INIT, out = OW_BUF_INIT;
    ow_status rc = OW_OK;
    const char *inputs[] = {a.file, a.keep};
    OW_CALL(ow_output_check(a.o.output, inputs, 2, &err));
    OW_CALL(ow_cli_load(a.file, a.days, a.meetings, &inst, &err));
    ow_render_options ro = {.timings = a.o.timings,
                            .body = -1,
                            .annex_heading = a.annex,
                            .excel = a.excel,
                            .separator = a.separator,
                            .sequence = a.sequence >= 0 ? a.sequence : a.keep != NULL};
    if (a.body != NULL) {
        ro.body = ow_instance_find_body(inst, a.body);
        if (ro.body < 0) {
            rc = ow_error_set(&err, OW_INPUT, ow_cli_input_name(a.file), (ow_loc){0, 0},
                              "no body with id '%s'", a.body);
            goto done;
        }
    }
    if (a.keep != NULL) {
        /* Items are matched by id: what the instance no longer has is ignored, and
         * said. */
        ow_buf unmatched = OW_BUF_INIT;
        rc = ow_cli_read_schedule_matching(inst, a.keep, &unmatched, &kept, &err);
        if (rc == OW_OK && unmatched.len > 0) {
            fprintf(stderr, "orgwork: %s: ignored, not in %s:\n", ow_cli_input_name(a.keep),
                    ow_cli_input_name(a.file));
            const char *line = ow_buf_str(&unmatched);
            while (*line != '\0') {
                size_t len = strcspn(line, "\n");
                fprintf(stderr, "  - %.*s\n", (int)len, line);
                line += len + (line[len] == '\n');
            }
        }
        ow_buf_free(&unmatched);
        if (rc != OW_OK)
            goto done;
        ro.previous = kept;
    }
    ow_solve_options so = {.time_limit = a.o.time_limit,
                           .verbose = a.verbose,
                           .progress = !a.quiet && !a.verbose && isatty(STDERR_FILENO),
                           .whole = a.o.whole,
                           .keep = kept,
                           .gap = a.o.gap};
    if (!a.o.has_time_limit) {
        so.time_limit = default_time_limit();
        so.default_limit = true;
    }
    OW_CALL(ow_solve(inst, &so, &s, &why, &err));
    ow_cli_solve_note(s);
    bool found = ow_solve_status_has_schedule(s->status);
    /* The default limit is not the user's: say that it stopped the search. */
    if (s->stop == OW_STOP_DEFAULT && found && !a.quiet)
        fprintf(stderr,
                "orgwork: stopped by the default time limit (%g s) with the best schedule "
                "found, gap %.2f%%; --time-limit 0 searches until proven\n",
                so.time_limit, 100.0 * s->gap);
    if (found && kept != NULL)
        report_kept(inst, kept, s);
    if (!found) {
        rc = OW_INFEASIBLE; /* exit status 3, whether none exists or none was found */
        fprintf(stderr, "%s: %s:\n", ow_cli_input_name(a.file),
                s->status == OW_SOLVE_UNKNOWN ? "no schedule was found" : "no schedule exists");
        const char *line = ow_buf_str(&why);
        while (*line != '\0') {
            const char *nl = strchr(line, '\n');
            size_t len = nl ? (size_t)(nl - line) : strlen(line);
            fprintf(stderr, "  - %.*s\n", (int)len, line);
            line += len + (nl ? 1 : 0);
        }
        if (a.o.format != OW_FORMAT_JSON || ow_cli_kept_output(a.o.output))
            goto done;
    }
    ow_status rrc = ow_render(inst, s, a.o.format, &ro, &out, &err);
    if (rrc == OW_OK && out.failed)
        rrc = ow_error_set(&err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    if (rrc == OW_OK)
        rrc = ow_write_file_atomic(a.o.output ? a.o.output : "-", ow_buf_str(&out), out.len, &err);
    if (rrc != OW_OK)
        rc = rrc;
done:
    ow_buf_free(&why);
    ow_buf_free(&out);
    ow_schedule_free(kept);
    ow_schedule_free(s);
    ow_instance_free(inst);
    return ow_cli_report(rc, &err);
}
