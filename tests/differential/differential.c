/* differential.c: the exhaustive search as a test.
 *
 *   ow_differential ORGWORK [--from N] [--count N] [--save DIR] [--cli-every N]
 *                   [--part K/N]
 *   ow_differential ORGWORK --replay DIR
 *
 * For each generated instance (even numbers one body, odd numbers a period of two or
 * three bodies) or each file of DIR: the enumerator's verdict and optimum against the
 * default solve and --whole (status and objective), the independent checker on every
 * schedule they give, and on the enumerator's own optimal schedule; every precheck
 * of solver/diagnose.c that says "no schedule exists" against the enumerator.  Each
 * file of DIR, each instance the loader refuses and every Nth generated instance
 * (--cli-every, default 1: all) go through the command line, `orgwork solve --format
 * json [--whole]` (exit status, JSON) and `orgwork check` on each schedule printed;
 * the others through the same calls in this process (ow_solve, the JSON rendered and
 * read back, ow_check).  --part K/N takes only the pairs of seeds (2j, 2j + 1) with
 * j % N == K, so that N processes share a range evenly.  ORGWORK "-" (and the ow_differential_api
 * build): none through the command line.  Then the mutation test: the enumerator's schedule, broken
 * in each way SPEC §3 names, must be rejected by ow_check.  Every disagreement is printed (and with
 * --save the instance is written to DIR); the exit status is 1 when there was any. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diagnose.h" /* solver/diagnose.h: every precheck is checked */
#include "differential.h"
#include "orgwork/check.h"
#include "orgwork/render.h"
#include "orgwork/solve.h"

typedef struct stats {
    long instances, optimal, infeasible, refused, too_large, schedules_checked, mismatches;
    long mutants, mutants_caught;
    long prechecks; /* instances a precheck declared infeasible */
    long cli;       /* instances solved through the command line */
} stats;

static const char *orgwork; /* NULL: nothing through the command line */
static char scratch[256];

/* Runs argv with stdout to out_path; returns the exit status (or -1). */
static int run(char *const argv[], const char *out_path)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        char err_path[300];
        snprintf(err_path, sizeof err_path, "%s/stderr", scratch);
        int fe = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0 || fe < 0)
            _exit(127);
        dup2(fd, 1);
        dup2(fe, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    int st;
    if (waitpid(pid, &st, 0) < 0)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

static void save(const char *dir, const char *name, const char *yaml, size_t len)
{
    if (dir == NULL)
        return;
    char path[512];
    snprintf(path, sizeof path, "%s/%s.yaml", dir, name);
    FILE *f = fopen(path, "w");
    if (f != NULL) {
        fwrite(yaml, 1, len, f);
        fclose(f);
    }
}

/* Whether two files hold the same bytes. */
static bool same_file(const char *a, const char *b)
{
    FILE *x = fopen(a, "rb"), *y = fopen(b, "rb");
    bool same = x != NULL && y != NULL;
    while (same) {
        int c = fgetc(x), d = fgetc(y);
        same = c == d;
        if (c == EOF || d == EOF)
            break;
    }
    if (x != NULL)
        fclose(x);
    if (y != NULL)
        fclose(y);
    return same;
}

/* The schedule a solve mode gave, against the enumerator's optimum: read back from
 * its JSON as `orgwork check` reads it, with status and objective compared. */
static bool compare_read_back(const ow_schedule *s, long optimum, const char *name,
                              const char *mode)
{
    if (s->status != OW_SOLVE_OPTIMAL || (long)s->objective != optimum) {
        printf("MISMATCH %s (%s): optimum %ld, but solve says %s %ld\n", name, mode, optimum,
               ow_solve_status_name(s->status), (long)s->objective);
        return false;
    }
    return true;
}

/* The JSON the default mode printed, so that --whole's, when byte for byte the same,
 * is not checked twice. */
static ow_buf default_json = OW_BUF_INIT;

/* One solve mode against the enumerator, in this process: ow_solve with the options
 * `orgwork solve --format json --quiet [--whole]` gives it, its schedule rendered as
 * that command prints it, read back and checked by ow_check as `orgwork check` does
 * (model/check.c; it shares no code with solver/). */
static bool compare_mode_api(const ow_instance *inst, bool whole, dt_verdict v, long optimum,
                             const char *name, stats *st)
{
    ow_solve_options so = {.whole = whole};
    ow_schedule *got = NULL;
    ow_buf why = OW_BUF_INIT, json = OW_BUF_INIT;
    ow_error e;
    ow_error_clear(&e);
    ow_status src = ow_solve(inst, &so, &got, &why, &e);
    ow_buf_free(&why);
    const char *mode = whole ? "--whole" : "default";
    if (!whole)
        ow_buf_free(&default_json);
    bool ok = true;
    if (src == OW_OK && got->note != NULL) {
        printf("MISMATCH %s (%s): the body-by-body plan broke a rule (the whole program stood "
               "in): %s\n",
               name, mode, got->note);
        ok = false;
    }
    if (src == OW_OK && got->status == OW_SOLVE_INFEASIBLE)
        src = OW_INFEASIBLE; /* an answer: no schedule exists (exit status 3) */
    if (v == DT_INFEASIBLE) {
        if (src != OW_INFEASIBLE) {
            printf("MISMATCH %s (%s): no schedule exists, but ow_solve returns %d\n", name, mode,
                   (int)src);
            ok = false;
        }
        ow_schedule_free(got);
        return ok;
    }
    if (src != OW_OK) {
        printf("MISMATCH %s (%s): optimum %ld, but ow_solve returns %d %s\n", name, mode, optimum,
               (int)src, e.message);
        ow_schedule_free(got);
        return false;
    }
    ow_render_options ro = {.body = -1};
    ow_schedule *s = NULL;
    if (ow_render(inst, got, OW_FORMAT_JSON, &ro, &json, &e) != OW_OK || json.failed ||
        ow_schedule_read_json_string(inst, name, ow_buf_str(&json), json.len, &s, &e) != OW_OK) {
        printf("MISMATCH %s (%s): the solver's JSON does not read back: %s\n", name, mode,
               e.message);
        ow_schedule_free(got);
        ow_buf_free(&json);
        return false;
    }
    ow_schedule_free(got);
    ok = compare_read_back(s, optimum, name, mode) && ok;
    st->schedules_checked++;
    bool seen = whole && default_json.len == json.len &&
                memcmp(ow_buf_str(&default_json), ow_buf_str(&json), json.len) == 0;
    if (!seen) { /* else checked as the default mode's */
        ow_check_report rep = {0};
        if (ow_check(inst, s, &rep, &e) != OW_OK || rep.n_violations > 0) {
            printf("MISMATCH %s (%s): check rejects the solver's schedule: %s\n", name, mode,
                   rep.n_violations > 0 ? rep.violations[0].message : e.message);
            ok = false;
        }
        ow_check_report_free(&rep);
    }
    ow_schedule_free(s);
    if (whole)
        ow_buf_free(&json);
    else
        default_json = json;
    return ok;
}

/* One solve mode against the enumerator, through the command line: `orgwork solve
 * --format json` (its exit status, its JSON read back, a note on standard error),
 * then `orgwork check` on the schedule printed.  The default mode's schedule is kept
 * in solved.json; --whole's, when byte for byte the same, is not checked twice. */
static bool compare_mode_cli(const ow_instance *inst, const char *file, bool whole, dt_verdict v,
                             long optimum, const char *name, stats *st)
{
    char json[300], checked[300], previous[300];
    snprintf(json, sizeof json, "%s/solved%s.json", scratch, whole ? "-whole" : "");
    snprintf(previous, sizeof previous, "%s/solved.json", scratch);
    snprintf(checked, sizeof checked, "%s/checked.txt", scratch);
    /* Proven optima are compared: until proven (--time-limit 0), whatever the
     * command's default stop. */
    char *solve[] = {(char *)orgwork,
                     "solve",
                     (char *)file,
                     "--format",
                     "json",
                     "--quiet",
                     "--time-limit",
                     "0",
                     whole ? "--whole" : NULL,
                     NULL};
    unlink(json);
    int rc = run(solve, json);
    const char *mode = whole ? "--whole" : "default";
    char err_path[300], note[512] = "";
    snprintf(err_path, sizeof err_path, "%s/stderr", scratch);
    FILE *ef = fopen(err_path, "r");
    bool fell_back = false;
    while (ef != NULL && fgets(note, sizeof note, ef) != NULL)
        fell_back = fell_back || strstr(note, "note: the body-by-body plan breaks") != NULL;
    if (ef != NULL)
        fclose(ef);
    if (fell_back)
        printf("MISMATCH %s (%s): the body-by-body plan broke a rule (the whole program "
               "stood in)\n",
               name, mode);
    if (v == DT_INFEASIBLE) {
        if (rc != 3) {
            printf("MISMATCH %s (%s): no schedule exists, but solve exits %d\n", name, mode, rc);
            return false;
        }
        return !fell_back;
    }
    if (rc != 0) {
        printf("MISMATCH %s (%s): optimum %ld, but solve exits %d\n", name, mode, optimum, rc);
        return false;
    }
    ow_schedule *s = NULL;
    ow_error err;
    ow_error_clear(&err);
    if (ow_schedule_read_json(inst, json, &s, &err) != OW_OK) {
        printf("MISMATCH %s (%s): the solver's JSON does not read back: %s\n", name, mode,
               err.message);
        return false;
    }
    bool ok = compare_read_back(s, optimum, name, mode) && !fell_back;
    ow_schedule_free(s);
    st->schedules_checked++;
    if (whole && same_file(json, previous))
        return ok; /* checked as the default mode's */
    char *check[] = {(char *)orgwork, "check", (char *)file, json, NULL};
    int crc = run(check, checked);
    if (crc != 0) {
        printf("MISMATCH %s (%s): orgwork check exits %d on the solver's schedule\n", name, mode,
               crc);
        ok = false;
    }
    return ok;
}

/* ---- mutations: every rule of SPEC §3 broken, ow_check must say so ---------------- */

static bool rejected(const ow_instance *inst, const ow_schedule *s)
{
    ow_check_report rep = {0};
    ow_error err;
    ow_error_clear(&err);
    if (ow_check(inst, s, &rep, &err) != OW_OK)
        return true;
    bool bad = rep.n_violations > 0;
    ow_check_report_free(&rep);
    return bad;
}

static ow_schedule *copy_schedule(const ow_schedule *s)
{
    ow_schedule *c = ow_schedule_new();
    if (c == NULL)
        return NULL;
    for (size_t i = 0; i < s->n_meetings; i++) {
        ow_meeting *m = ow_schedule_add_meeting(c, s->meetings[i].n_pieces);
        if (m == NULL) {
            ow_schedule_free(c);
            return NULL;
        }
        ow_piece *pieces = m->pieces;
        *m = s->meetings[i];
        m->pieces = pieces;
        if (m->n_pieces > 0)
            memcpy(pieces, s->meetings[i].pieces, m->n_pieces * sizeof *pieces);
    }
    c->status = s->status;
    c->objective = s->objective;
    c->objective_given = s->objective_given;
    return c;
}

typedef bool (*mutation)(const ow_instance *inst, ow_schedule *s, int which);

/* Each returns false when it does not apply to this schedule. */
/* Whether piece k of meeting m is of an item that may take more or less minutes:
 * a minute more or less there, or a piece less, may be another valid schedule. */
static bool flexible_piece(const ow_instance *inst, const ow_meeting *m, size_t k)
{
    const ow_piece *p = &m->pieces[k];
    const ow_item *it = &inst->bodies[p->joint ? p->owner : m->body].items[p->item];
    return it->min_minutes < it->max_minutes;
}

static bool m_minutes(const ow_instance *inst, ow_schedule *s, int which)
{
    ow_meeting *m = &s->meetings[(size_t)which % s->n_meetings];
    if (m->n_pieces == 0 || m->pieces[0].minutes <= 1 || flexible_piece(inst, m, 0))
        return false;
    m->pieces[0].minutes += which % 2 ? 1 : -1;
    return true;
}

static bool m_objective(const ow_instance *inst, ow_schedule *s, int which)
{
    (void)inst;
    s->objective += which % 2 ? 1 : -1;
    return true;
}

static bool m_drop_piece(const ow_instance *inst, ow_schedule *s, int which)
{
    ow_meeting *m = &s->meetings[(size_t)which % s->n_meetings];
    if (m->n_pieces < 2 || flexible_piece(inst, m, m->n_pieces - 1))
        return false;
    m->n_pieces--;
    return true;
}

static bool m_swap_pieces(const ow_instance *inst, ow_schedule *s, int which)
{
    ow_meeting *m = &s->meetings[(size_t)which % s->n_meetings];
    if (m->n_pieces < 2 || inst->bodies[m->body].order_free || m->pieces[0].joint ||
        m->pieces[1].joint)
        return false;
    ow_piece t = m->pieces[0];
    m->pieces[0] = m->pieces[1];
    m->pieces[1] = t;
    return true;
}

static bool m_overfill(const ow_instance *inst, ow_schedule *s, int which)
{
    (void)inst;
    ow_meeting *m = &s->meetings[(size_t)which % s->n_meetings];
    if (m->n_pieces == 0)
        return false;
    m->pieces[0].minutes += m->end - m->start; /* duration and capacity both break */
    return true;
}

static bool m_continued(const ow_instance *inst, ow_schedule *s, int which)
{
    (void)inst;
    ow_meeting *m = &s->meetings[(size_t)which % s->n_meetings];
    if (m->n_pieces == 0 || m->pieces[0].joint)
        return false;
    m->pieces[0].continued = !m->pieces[0].continued;
    return true;
}

static bool m_empty(const ow_instance *inst, ow_schedule *s, int which)
{
    (void)inst;
    ow_meeting *m = &s->meetings[(size_t)which % s->n_meetings];
    /* Moves the meeting's pieces into the next meeting of the same body that has
     * room in its piece array: here, simply empty it and add the minutes to
     * nothing: the items lose time (duration) and the meeting is empty. */
    if (m->n_pieces == 0)
        return false;
    m->n_pieces = 0;
    return true;
}

static bool m_slot_clash(const ow_instance *inst, ow_schedule *s, int which)
{
    /* Two meetings of one body at the same time. */
    (void)inst;
    (void)which;
    for (size_t i = 0; i + 1 < s->n_meetings; i++)
        if (s->meetings[i].body == s->meetings[i + 1].body) {
            ow_meeting *a = &s->meetings[i], *b = &s->meetings[i + 1];
            b->date = a->date;
            b->day = a->day;
            b->slot = a->slot;
            b->start = a->start;
            b->end = a->end;
            return true;
        }
    return false;
}

static bool m_room_clash(const ow_instance *inst, ow_schedule *s, int which)
{
    /* Another body's meeting moved into an occupied slot and room (not a joint one). */
    (void)inst;
    (void)which;
    for (size_t i = 0; i < s->n_meetings; i++)
        for (size_t j = 0; j < s->n_meetings; j++) {
            ow_meeting *a = &s->meetings[i], *b = &s->meetings[j];
            if (a->body == b->body || b->n_pieces == 0 || a->n_pieces == 0 || a->pieces[0].joint ||
                b->pieces[0].joint || inst->bodies[a->body].items[a->pieces[0].item].n_joint ||
                inst->bodies[b->body].items[b->pieces[0].item].n_joint)
                continue;
            if (a->day == b->day && a->slot == b->slot)
                continue;
            bool taken = false;
            for (size_t k = 0; k < s->n_meetings; k++)
                taken = taken || (s->meetings[k].body == b->body && s->meetings[k].day == a->day &&
                                  s->meetings[k].slot == a->slot);
            if (taken)
                continue;
            b->date = a->date;
            b->day = a->day;
            b->slot = a->slot;
            b->start = a->start;
            b->end = a->end;
            b->room = a->room;
            ow_schedule_sort(s);
            return true;
        }
    return false;
}

static bool m_off_calendar(const ow_instance *inst, ow_schedule *s, int which)
{
    (void)inst;
    ow_meeting *m = &s->meetings[(size_t)which % s->n_meetings];
    m->start += 5; /* no slot starts there */
    m->end += 5;
    m->slot = -1;
    return true;
}

static bool m_renumber(const ow_instance *inst, ow_schedule *s, int which)
{
    (void)inst;
    ow_meeting *m = &s->meetings[(size_t)which % s->n_meetings];
    m->n += 7;
    return true;
}

/* Instance-side mutations: the schedule stays, a rule is tightened until it breaks. */
typedef bool (*tighten)(ow_instance *inst, const ow_schedule *s, int which);

static int held(const ow_schedule *s, size_t b)
{
    int n = 0;
    for (size_t i = 0; i < s->n_meetings; i++)
        n += s->meetings[i].body == b;
    return n;
}

static bool t_meetings(ow_instance *inst, const ow_schedule *s, int which)
{
    size_t b = (size_t)which % inst->n_bodies;
    int n = held(s, b);
    if (n < 2)
        return false;
    inst->bodies[b].meetings = n - 1;
    return true;
}

static bool t_per_day(ow_instance *inst, const ow_schedule *s, int which)
{
    size_t b = (size_t)which % inst->n_bodies;
    int most = 0;
    for (size_t i = 0; i < s->n_meetings; i++) {
        int same = 0;
        for (size_t j = 0; j < s->n_meetings; j++)
            same += s->meetings[j].body == b && s->meetings[i].body == b &&
                    s->meetings[j].day == s->meetings[i].day;
        most = same > most ? same : most;
    }
    if (most < 2)
        return false;
    inst->bodies[b].meetings_per_day = most - 1;
    return true;
}

static bool t_window(ow_instance *inst, const ow_schedule *s, int which)
{
    size_t b = (size_t)which % inst->n_bodies;
    for (size_t i = 0; i < s->n_meetings; i++)
        if (s->meetings[i].body == b) {
            int d = s->meetings[i].day;
            if (d + 1 < inst->calendar.n_days) {
                inst->bodies[b].window_from = d + 1;
                inst->bodies[b].window_to = inst->calendar.n_days - 1;
                return true;
            }
            return false;
        }
    return false;
}

static bool t_room(ow_instance *inst, const ow_schedule *s, int which)
{
    size_t b = (size_t)which % inst->n_bodies;
    if (inst->n_rooms < 2)
        return false;
    for (size_t i = 0; i < s->n_meetings; i++)
        if (s->meetings[i].body == b) {
            inst->bodies[b].room = (s->meetings[i].room + 1) % (int)inst->n_rooms;
            return true;
        }
    return false;
}

static bool t_teams(ow_instance *inst, const ow_schedule *s, int which)
{
    (void)which;
    int most = 0;
    for (size_t i = 0; i < s->n_meetings; i++) {
        int n = 0;
        for (size_t j = 0; j < s->n_meetings; j++) {
            const ow_meeting *a = &s->meetings[i], *x = &s->meetings[j];
            if (x->day != a->day || x->slot != a->slot || !inst->bodies[x->body].interpretation)
                continue;
            bool counted = false;
            for (size_t k = 0; k < j; k++)
                counted =
                    counted || (s->meetings[k].day == a->day && s->meetings[k].slot == a->slot &&
                                s->meetings[k].room == x->room &&
                                inst->bodies[s->meetings[k].body].interpretation);
            n += !counted;
        }
        most = n > most ? n : most;
    }
    if (most < 2)
        return false;
    inst->interpretation_teams = most - 1;
    return true;
}

/* The item of the first own piece of meeting which, or -1. */
static int some_item(const ow_schedule *s, int which, size_t *body, size_t *meeting)
{
    size_t i = (size_t)which % s->n_meetings;
    for (size_t k = 0; k < s->n_meetings; k++) {
        const ow_meeting *m = &s->meetings[(i + k) % s->n_meetings];
        if (m->n_pieces > 0 && !m->pieces[0].joint) {
            *body = m->body;
            *meeting = (i + k) % s->n_meetings;
            return (int)m->pieces[0].item;
        }
    }
    return -1;
}

static bool t_meeting_k(ow_instance *inst, const ow_schedule *s, int which)
{
    size_t b, i;
    int x = some_item(s, which, &b, &i);
    if (x < 0)
        return false;
    inst->bodies[b].items[x].meeting = s->meetings[i].n + 1;
    return true;
}

static bool t_pin_meeting(ow_instance *inst, const ow_schedule *s, int which)
{
    size_t b, i;
    int x = some_item(s, which, &b, &i);
    if (x < 0)
        return false;
    inst->bodies[b].items[x].pin = OW_PIN_MEETING;
    inst->bodies[b].items[x].pin_meeting = s->meetings[i].n + 1;
    return true;
}

static bool t_pin_slot(ow_instance *inst, const ow_schedule *s, int which)
{
    size_t b, i;
    int x = some_item(s, which, &b, &i);
    if (x < 0 || inst->calendar.n_slots < 2)
        return false;
    inst->bodies[b].items[x].pin = OW_PIN_SLOT;
    inst->bodies[b].items[x].pin_day = s->meetings[i].day;
    size_t n; /* the slots of that day (slots_on, slots_by_weekday) */
    ow_calendar_day_slots(&inst->calendar, s->meetings[i].day, &n);
    if (n < 2)
        return false;
    inst->bodies[b].items[x].pin_slot = (s->meetings[i].slot + 1) % (int)n;
    return true;
}

static bool t_day(ow_instance *inst, const ow_schedule *s, int which)
{
    size_t b, i;
    int x = some_item(s, which, &b, &i);
    if (x < 0)
        return false;
    inst->bodies[b].items[x].has_day_date = true;
    inst->bodies[b].items[x].day_date = s->meetings[i].date + 1;
    return true;
}

static bool t_no_split(ow_instance *inst, const ow_schedule *s, int which)
{
    for (size_t k = 0; k < s->n_meetings; k++) {
        const ow_meeting *m = &s->meetings[(k + (size_t)which) % s->n_meetings];
        for (size_t q = 0; q < m->n_pieces; q++)
            if (m->pieces[q].continued && !m->pieces[q].joint) {
                inst->bodies[m->body].items[m->pieces[q].item].split = false;
                return true;
            }
    }
    return false;
}

static bool t_min_part(ow_instance *inst, const ow_schedule *s, int which)
{
    for (size_t k = 0; k < s->n_meetings; k++) {
        const ow_meeting *m = &s->meetings[(k + (size_t)which) % s->n_meetings];
        for (size_t q = 0; q < m->n_pieces; q++) {
            ow_item *it = &inst->bodies[m->body].items[m->pieces[q].item];
            if (m->pieces[q].joint || m->pieces[q].minutes >= it->minutes)
                continue;
            it->min_part = m->pieces[q].minutes + 1;
            return true;
        }
    }
    return false;
}

static bool t_first_last(ow_instance *inst, const ow_schedule *s, int which)
{
    /* The last item of a meeting holding two or more own pieces is made `first`, or
     * its first item `last`. */
    for (size_t k = 0; k < s->n_meetings; k++) {
        const ow_meeting *m = &s->meetings[(k + (size_t)which) % s->n_meetings];
        if (m->n_pieces < 2 || m->pieces[0].joint)
            continue;
        if (which % 2)
            inst->bodies[m->body].items[m->pieces[m->n_pieces - 1].item].first = true;
        else
            inst->bodies[m->body].items[m->pieces[0].item].last = true;
        return true;
    }
    return false;
}

static bool t_after(ow_instance *inst, const ow_schedule *s, int which)
{
    static size_t later[1];
    for (size_t k = 0; k < s->n_meetings; k++) {
        const ow_meeting *m = &s->meetings[(k + (size_t)which) % s->n_meetings];
        if (m->n_pieces < 2 || m->pieces[0].joint || m->pieces[1].joint)
            continue;
        ow_item *it = &inst->bodies[m->body].items[m->pieces[0].item];
        later[0] = m->pieces[1].item;
        it->after = later;
        it->n_after = 1;
        return true;
    }
    return false;
}

static bool t_pin_from(ow_instance *inst, const ow_schedule *s, int which)
{
    size_t b = (size_t)which % inst->n_bodies;
    for (size_t i = 0; i < s->n_meetings; i++)
        if (s->meetings[i].body == b && s->meetings[i].day + 1 < inst->calendar.n_days) {
            inst->bodies[b].has_pin_from = true;
            inst->bodies[b].pin_from = s->meetings[i].day + 1;
            return true;
        }
    return false;
}

static bool t_consecutive(ow_instance *inst, const ow_schedule *s, int which)
{
    /* Two bodies that meet in one slot (not jointly) made consecutive. */
    static size_t pair[2];
    static ow_rule rule;
    (void)which;
    if (inst->n_rules > 0)
        return false;
    for (size_t i = 0; i < s->n_meetings; i++)
        for (size_t j = 0; j < s->n_meetings; j++) {
            const ow_meeting *a = &s->meetings[i], *b = &s->meetings[j];
            if (a->body == b->body || a->day != b->day || a->slot != b->slot || a->room == b->room)
                continue;
            pair[0] = a->body;
            pair[1] = b->body;
            rule.n_bodies = 2;
            rule.bodies = pair;
            inst->rules = &rule;
            inst->n_rules = 1;
            return true;
        }
    return false;
}

static void mutate(ow_instance *inst, const ow_schedule *s, const char *name, stats *st)
{
    static const struct {
        const char *rule;
        mutation f;
    } schedule_mutations[] = {
        {"duration", m_minutes},      {"objective", m_objective}, {"duration", m_drop_piece},
        {"order", m_swap_pieces},     {"capacity", m_overfill},   {"continued", m_continued},
        {"empty", m_empty},           {"meetings", m_slot_clash}, {"room", m_room_clash},
        {"calendar", m_off_calendar}, {"meetings", m_renumber},
    };
    static const struct {
        const char *rule;
        tighten f;
    } instance_mutations[] = {
        {"meetings", t_meetings},
        {"meetings_per_day", t_per_day},
        {"window", t_window},
        {"room", t_room},
        {"interpretation_teams", t_teams},
        {"meeting", t_meeting_k},
        {"pin meeting", t_pin_meeting},
        {"pin slot", t_pin_slot},
        {"day", t_day},
        {"split", t_no_split},
        {"min_part", t_min_part},
        {"first/last", t_first_last},
        {"after", t_after},
        {"pin from", t_pin_from},
        {"consecutive", t_consecutive},
    };
    for (size_t k = 0; k < sizeof schedule_mutations / sizeof *schedule_mutations; k++)
        for (int which = 0; which < 2; which++) {
            ow_schedule *c = copy_schedule(s);
            if (c == NULL)
                return;
            if (schedule_mutations[k].f(inst, c, which)) {
                st->mutants++;
                if (rejected(inst, c))
                    st->mutants_caught++;
                else {
                    printf("MISMATCH %s: check accepts the schedule broken by the %s mutation\n",
                           name, schedule_mutations[k].rule);
                    st->mismatches++;
                }
            }
            ow_schedule_free(c);
        }
    for (size_t k = 0; k < sizeof instance_mutations / sizeof *instance_mutations; k++)
        for (int which = 0; which < 2; which++) {
            ow_instance copy = *inst;
            ow_body bodies[3];
            ow_item items[3][8];
            for (size_t b = 0; b < inst->n_bodies && b < 3; b++) {
                bodies[b] = inst->bodies[b];
                for (size_t i = 0; i < bodies[b].n_items && i < 8; i++)
                    items[b][i] = inst->bodies[b].items[i];
                bodies[b].items = items[b];
            }
            copy.bodies = bodies;
            if (instance_mutations[k].f(&copy, s, which)) {
                st->mutants++;
                if (rejected(&copy, s))
                    st->mutants_caught++;
                else {
                    printf("MISMATCH %s: check accepts the schedule once the instance's %s is "
                           "tightened\n",
                           name, instance_mutations[k].rule);
                    st->mismatches++;
                }
            }
        }
}

/* ---- one instance --------------------------------------------------------------- */

/* cli: solved through the command line (when there is one), else in this process. */
static void one(const char *name, const char *yaml, size_t len, const char *save_dir, bool cli,
                stats *st)
{
    char file[300];
    snprintf(file, sizeof file, "%s/instance.yaml", scratch);
    FILE *f = fopen(file, "w");
    if (f == NULL)
        return;
    fwrite(yaml, 1, len, f);
    fclose(f);
    st->instances++;
    ow_instance *inst = NULL;
    ow_error err;
    ow_error_clear(&err);
    bool ok = true;
    if (ow_instance_load_string(name, yaml, len, &inst, &err) != OW_OK) {
        /* Refused at load: solve must refuse it the same way. */
        char out[300];
        snprintf(out, sizeof out, "%s/refused.txt", scratch);
        char *solve[] = {(char *)orgwork, "solve", file, "--quiet", NULL};
        /* Without the command line: the API loads with the same loader. */
        int rc = orgwork != NULL ? run(solve, out) : 2;
        st->refused++;
        if (rc != 2) {
            printf("MISMATCH %s: the loader refuses it (%s) but solve exits %d\n", name,
                   err.message, rc);
            ok = false;
        }
        goto done;
    }
    ow_schedule *best = NULL;
    long optimum = 0;
    dt_verdict v = dt_enumerate(inst, &best, &optimum);
    if (v == DT_TOO_LARGE) {
        st->too_large++;
        goto done;
    }
    /* "No schedule exists" is a proof: every precheck must be a relaxation. */
    ow_buf why = OW_BUF_INIT;
    if (ow_diagnose_precheck(inst, &why) == OW_INFEASIBLE) {
        st->prechecks++;
        if (v == DT_OPTIMAL) {
            printf("MISMATCH %s: a precheck says no schedule exists (%s), but one of objective "
                   "%ld does\n",
                   name, ow_buf_str(&why), optimum);
            ok = false;
        }
    }
    ow_buf_free(&why);
    if (v == DT_OPTIMAL) {
        st->optimal++;
        ow_check_report rep = {0};
        if (ow_check(inst, best, &rep, &err) != OW_OK || rep.n_violations > 0 ||
            rep.objective.total != optimum) {
            printf("MISMATCH %s: check rejects the enumerator's optimal schedule (%ld): %s\n", name,
                   optimum, rep.n_violations ? rep.violations[0].message : "objective");
            ok = false;
        }
        ow_check_report_free(&rep);
        mutate(inst, best, name, st);
    } else {
        st->infeasible++;
    }
    if (cli && orgwork != NULL) {
        st->cli++;
        ok = compare_mode_cli(inst, file, false, v, optimum, name, st) && ok;
        ok = compare_mode_cli(inst, file, true, v, optimum, name, st) && ok;
    } else {
        ok = compare_mode_api(inst, false, v, optimum, name, st) && ok;
        ok = compare_mode_api(inst, true, v, optimum, name, st) && ok;
    }
    ow_schedule_free(best);
done:
    if (!ok) {
        st->mismatches++;
        save(save_dir, name, yaml, len);
    }
    ow_instance_free(inst);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *buf = malloc(1 << 16);
    if (buf != NULL)
        *len = fread(buf, 1, (1 << 16) - 1, f);
    fclose(f);
    return buf;
}

/* The seeds that took longest, for finding what slows a run. */
#define SLOWEST 3
typedef struct seed_time {
    long seed; /* -1: none yet */
    double seconds;
} seed_time;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void note_time(seed_time *slowest, long seed, double seconds)
{
    size_t k = SLOWEST;
    while (k > 0 && (slowest[k - 1].seed < 0 || slowest[k - 1].seconds < seconds))
        k--;
    if (k == SLOWEST)
        return;
    memmove(&slowest[k + 1], &slowest[k], (SLOWEST - 1 - k) * sizeof *slowest);
    slowest[k] = (seed_time){seed, seconds};
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: ow_differential ORGWORK|- [--from N] [--count N] [--save DIR] "
              "[--cli-every N] [--part K/N] [--replay DIR]\n",
              stderr);
        return 2;
    }
#ifdef OW_DIFFERENTIAL_API
    orgwork = NULL; /* the long mode: all through the C API */
#else
    orgwork = strcmp(argv[1], "-") == 0 ? NULL : argv[1];
#endif
    long from = 0, count = 100, cli_every = 1, part = 0, parts = 1;
    const char *save_dir = NULL, *replay = NULL;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--from") == 0)
            from = atol(argv[i + 1]);
        else if (strcmp(argv[i], "--count") == 0)
            count = atol(argv[i + 1]);
        else if (strcmp(argv[i], "--save") == 0)
            save_dir = argv[i + 1];
        else if (strcmp(argv[i], "--replay") == 0)
            replay = argv[i + 1];
        else if (strcmp(argv[i], "--cli-every") == 0)
            cli_every = atol(argv[i + 1]);
        else if (strcmp(argv[i], "--part") == 0 &&
                 (sscanf(argv[i + 1], "%ld/%ld", &part, &parts) != 2 || parts < 1 || part < 0 ||
                  part >= parts)) {
            fputs("ow_differential: --part takes K/N, 0 <= K < N\n", stderr);
            return 2;
        }
    }
    if (cli_every < 1)
        cli_every = 1;
    const char *tmp = getenv("TMPDIR");
    snprintf(scratch, sizeof scratch, "%s/ow-differential-XXXXXX", tmp ? tmp : "/tmp");
    if (mkdtemp(scratch) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    stats st = {0};
    static char yaml[1 << 16];
    seed_time slowest[SLOWEST] = {{-1, 0}, {-1, 0}, {-1, 0}};
    if (replay != NULL) {
        struct dirent **list;
        int n = scandir(replay, &list, NULL, by_name);
        for (int k = 0; k < n; k++) {
            const char *dot = strrchr(list[k]->d_name, '.');
            if (dot != NULL && strcmp(dot, ".yaml") == 0) {
                char path[1024];
                size_t len = 0;
                snprintf(path, sizeof path, "%s/%s", replay, list[k]->d_name);
                char *text = slurp(path, &len);
                if (text != NULL)
                    one(path, text, len, NULL, true, &st);
                free(text);
            }
            free(list[k]);
        }
        if (n >= 0)
            free(list);
    } else {
        long done = 0;
        for (long i = from; i < from + count; i++) {
            if ((i / 2) % parts != part)
                continue; /* another process's pair of seeds */
            done++;
            char name[64];
            bool period = i % 2 != 0;
            snprintf(name, sizeof name, "seed-%ld", i);
            size_t len = dt_generate((uint64_t)i, period, yaml, sizeof yaml);
            double start = now_seconds();
            one(name, yaml, len, save_dir, i % cli_every == 0, &st);
            note_time(slowest, i, now_seconds() - start);
            if (done % 1000 == 0) { /* progress of a long run: this process's seeds */
                printf("progress: seeds %ld..%ld: %ld optimal, %ld infeasible, %ld refused, %ld "
                       "too large, %ld mismatches\n",
                       from, i, st.optimal, st.infeasible, st.refused, st.too_large, st.mismatches);
                fflush(stdout);
            }
        }
    }
    char path[300];
    const char *files[] = {"instance.yaml", "solved.json", "solved-whole.json",
                           "checked.txt",   "refused.txt", "stderr"};
    for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
        snprintf(path, sizeof path, "%s/%s", scratch, files[k]);
        unlink(path);
    }
    rmdir(scratch);
    ow_buf_free(&default_json);
    ow_solve_shutdown();
    printf("%ld instances (%ld through the command line): %ld optimal, %ld infeasible, %ld "
           "refused at load, %ld too large; %ld solver schedules checked; %ld declared "
           "infeasible by a precheck; %ld mutants, %ld rejected by check; %ld mismatches\n",
           st.instances, st.cli, st.optimal, st.infeasible, st.refused, st.too_large,
           st.schedules_checked, st.prechecks, st.mutants, st.mutants_caught, st.mismatches);
    if (slowest[0].seed >= 0) {
        printf("slowest seeds (whole comparison, wall):");
        for (size_t k = 0; k < SLOWEST && slowest[k].seed >= 0; k++)
            printf(" %ld %.2f s", slowest[k].seed, slowest[k].seconds);
        printf("\n");
    }
    return st.mismatches > 0 ? 1 : 0;
}
