/* orgwork-gen: writes a synthetic instance (SPEC §2, format version 1) of a given size
 * to standard output, for benchmarks.  The same size and seed always give the same
 * bytes: the only source of randomness is a splitmix64 stream seeded from the
 * command line, and nothing reads the clock or the locale.
 *
 * Shape, taken from the seeds' annexes: each body opens with organizational
 * sub-items, takes substantive items of 1 to 6 hours, and closes with other matters
 * and the adoption of the report in its last meeting; it may hold two meetings a
 * day, and its conference-service limit leaves 15-35 % of the time spare.
 *
 * Feasibility by construction: every room is a "track" along the calendar, and each
 * body gets a home block of consecutive working days in one track, disjoint from
 * the other blocks of that track.  The first `interpretation_teams` tracks carry
 * interpreted bodies and the others bodies meeting without interpreters, so the
 * home blocks alone respect rooms and teams.  A body's window is its home block
 * widened by a few days on either side: the solver still has to choose, and bodies
 * compete for rooms and interpreters where windows overlap.  With --rules, a chain
 * of consecutive bodies has adjacent home blocks in one track, and a joint item is
 * placed in its owner's agenda where both bodies can meet in their home blocks
 * (place_joint), so the promise holds for the rules too. */

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOT_MINUTES 180
#define MAX_DAYS     500
#define MAX_BODIES   300
#define MAX_ROOMS    10
#define MAX_HOLIDAYS 16
#define MAX_ITEMS    64 /* substantive items of one agenda */

typedef struct {
    const char *name;
    int bodies, rooms, teams, days; /* calendar: working days */
    int min_days, max_days;         /* a body's session, in days */
    int slack;                      /* at most this many days widen a window on each side */
    int holidays;                   /* movable holidays drawn inside the calendar */
    int start_year, start_month, start_day;
} size_spec;

static const size_spec sizes[] = {
    {"S", 1, 1, 1, 3, 2, 3, 0, 0, 2025, 9, 8},
    {"M", 5, 1, 1, 15, 2, 3, 2, 1, 2025, 3, 3},
    {"L", 30, 3, 2, 63, 2, 5, 3, 2, 2025, 1, 13},
    {"XL", 150, 6, 4, 250, 3, 5, 3, 4, 2025, 1, 6},
    {"XXL", 300, 10, 6, 500, 3, 5, 3, 8, 2025, 1, 6},
};

typedef struct {
    int track;        /* = the room of its home block */
    int days, start;  /* home block: working-day indices start .. start+days-1 */
    int from, to;     /* window, working-day indices */
    int meetings;     /* conference-service limit */
    int chain_next;   /* --rules: index of the body that follows it, or -1 */
    int joint_with;   /* --rules: a body it holds one joint item with, or -1 */
    bool joint_owner; /* its agenda lists the joint item (the other attends) */
    bool interpreted;
} body;

/* ---- randomness: splitmix64 (Steele, Lea and Flood 2014) ----------------------- */

static uint64_t rng_state;

static uint64_t next_u64(void)
{
    uint64_t z = (rng_state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Uniform in lo..hi inclusive; the modulo bias is far below anything a benchmark
 * instance could notice. */
static int uniform(int lo, int hi)
{
    return lo + (int)(next_u64() % (uint64_t)(hi - lo + 1));
}

static bool chance(int percent)
{
    return uniform(1, 100) <= percent;
}

/* ---- dates: days since 1970-01-01 (Hinnant's civil algorithms) ---------------- */

static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool weekend(long day)
{
    long w = ((day % 7) + 7 + 3) % 7; /* 1970-01-01 was a Thursday: 0 = Monday */
    return w >= 5;
}

static void print_date(long day)
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    printf("%04d-%02d-%02d", y, m, d);
}

/* ---- words ---------------------------------------------------------------------- */

static const char *const topics[] = {
    "the Smuggling of Migrants",
    "Trafficking in Persons",
    "Firearms",
    "International Cooperation",
    "Technical Assistance",
    "Asset Recovery",
    "the Prevention of Corruption",
    "Crime Prevention Policy",
    "Drug Demand Reduction",
    "Cybercrime",
    "Governance and Finance",
    "Statistics",
    "Victims of Crime",
    "Environmental Crime",
    "Maritime Crime",
    "Criminal Justice Reform",
};

static const char *const substantive[] = {
    "General debate",
    "Thematic discussion on good practices and lessons learned",
    "Review of the implementation of previous recommendations",
    "Challenges in international cooperation in criminal matters",
    "Technical assistance and capacity-building",
    "Strategic management, budgetary and administrative questions",
    "Follow-up to the resolutions and decisions of the Conference",
    "Information-gathering and the review mechanism",
    "Use and application of standards and norms",
    "Emerging forms of crime and responses",
    "Contribution to the high-level political forum on sustainable development",
    "Coordination with other intergovernmental bodies",
    "Data collection, research and analysis",
    "Provisional agenda for the next session",
};

static const char *const ordinals[] = {
    "first", "second", "third",    "fourth",  "fifth",      "sixth",      "seventh",   "eighth",
    "ninth", "tenth",  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *kind_prefix(const body *b)
{
    return b->interpreted ? "WG" : "EG";
}

static const char *kind_name(const body *b)
{
    return b->interpreted ? "Working Group on" : "Expert Group on";
}

static void print_id(const body *bodies, int i)
{
    printf("%s.%d", kind_prefix(&bodies[i]), i + 1);
}

/* Durations in minutes: mostly items of 1-2 hours, some of half a day, a few long
 * debates, as in the seeds and in functional-commission agendas. */
static int draw_duration(void)
{
    int r = uniform(1, 100);
    if (r <= 60)
        return 30 * uniform(2, 4);
    if (r <= 90)
        return 30 * uniform(5, 8);
    return 30 * uniform(9, 12);
}

static void print_minutes(int minutes)
{
    if (minutes % 60 == 0)
        printf("%dh", minutes / 60);
    else if (minutes < 60)
        printf("%dm", minutes);
    else
        printf("%dh%dm", minutes / 60, minutes % 60);
}

/* ---- agendas ---------------------------------------------------------------------- */

#define OTHER_MINUTES 15 /* "Other matters", in the last meeting with the report */

typedef struct {
    int session;                     /* index into ordinals */
    int opening, election, adoption; /* minutes of the organizational sub-items; 0: none */
    int report, joint;               /* minutes; joint: 0 unless the body lists a joint item */
    int n_items;                     /* substantive items */
    int minutes[MAX_ITEMS];
    size_t title[MAX_ITEMS]; /* index into substantive */
    bool whole[MAX_ITEMS];   /* split: false */
    int joint_after;         /* the joint item follows this many substantive items; -1: none */
    /* The schedule that shows the period feasible (--witness): the joint meeting's
     * slot in the body's home block (-1: none), and for a guest the number of its own
     * substantive items before it. */
    int joint_slot, guest_after;
} agenda;

/* The meetings that items take in agenda order when a schedule holds them as early
 * as it can, meetings of SLOT_MINUTES: an item that may split fills what is left of
 * a meeting and goes on in the next; one that may not starts a new meeting when it
 * does not fit.  Adds one item to *count meetings begun, *used minutes of the last. */
static void pack_item(int minutes, bool whole, int *count, int *used)
{
    if (*count == 0 || *used == SLOT_MINUTES || (whole && *used + minutes > SLOT_MINUTES)) {
        ++*count;
        *used = 0;
    }
    while (*used + minutes > SLOT_MINUTES) {
        minutes -= SLOT_MINUTES - *used;
        ++*count;
        *used = 0;
    }
    *used += minutes;
}

/* The organizational items and the first k substantive items, from a first meeting. */
static void pack_before(const agenda *g, int k, int *count, int *used)
{
    *count = *used = 0;
    pack_item(g->opening, false, count, used);
    if (g->election > 0)
        pack_item(g->election, false, count, used);
    pack_item(g->adoption, false, count, used);
    for (int i = 0; i < k; i++)
        pack_item(g->minutes[i], g->whole[i], count, used);
}

/* Meetings taken by the organizational items and the first k substantive items. */
static int meetings_before(const agenda *g, int k)
{
    int count, used;
    pack_before(g, k, &count, &used);
    return count;
}

/* Meetings taken by the whole agenda (without a joint item), the closing items in
 * the last meeting. */
static int meetings_all(const agenda *g)
{
    int count, used;
    pack_before(g, g->n_items, &count, &used);
    pack_item(OTHER_MINUTES + g->report, true, &count, &used);
    return count;
}

/* Meetings taken by the substantive items from the k-th on and the closing items,
 * which share the last meeting. */
static int meetings_after(const agenda *g, int k)
{
    int count = 0, used = 0;
    for (int i = k; i < g->n_items; i++)
        pack_item(g->minutes[i], g->whole[i], &count, &used);
    pack_item(OTHER_MINUTES + g->report, true, &count, &used);
    return count;
}

/* Agenda: organizational matters, substantive items filling 65-85 % of the granted
 * meetings, then the closing items in the last meeting.  The draws are those of
 * every earlier version of the generator, in the same order, so that an instance
 * without joint items keeps its bytes. */
static void draw_agenda(const body *b, agenda *g)
{
    g->session = uniform(0, COUNT(ordinals) - 1);
    g->opening = 5 * uniform(2, 4);
    g->adoption = 5 * uniform(3, 6);
    bool election = chance(40);
    g->election = election ? 5 * uniform(4, 6) : 0;
    g->report = 30 * uniform(1, 3);
    g->joint = b->joint_with >= 0 && b->joint_owner ? 30 * uniform(3, 5) : 0;
    g->joint_after = g->joint_slot = g->guest_after = -1;
    /* A guest gives the joint meeting one of its meetings. */
    int guest = b->joint_with >= 0 && !b->joint_owner ? SLOT_MINUTES : 0;
    int budget = b->meetings * SLOT_MINUTES * uniform(65, 85) / 100 - g->opening - g->adoption -
                 g->election - OTHER_MINUTES - g->report - g->joint - guest;
    g->n_items = 0;
    do {
        int d = draw_duration();
        if (d > budget)
            d = budget / 30 * 30;
        if (d < 60 && g->n_items > 0)
            break;
        if (d < 60)
            d = 60;
        budget -= d;
        g->minutes[g->n_items] = d;
        g->title[g->n_items] = (size_t)uniform(0, COUNT(substantive) - 1);
        g->whole[g->n_items] = d <= 120 && chance(10);
        g->n_items++;
    } while (budget >= 60 && g->n_items < MAX_ITEMS);
    /* The agenda must fit the meetings left to the body's own items (the promise of
     * the header), held as early as they can: items that may not split can leave the
     * end of a meeting empty, so where they would not fit they may split after all,
     * the last first, and then the last items go.  An agenda that fits (almost all
     * do) keeps its bytes. */
    int own = b->meetings - (guest > 0 ? 1 : 0);
    for (int i = g->n_items - 1; i >= 0 && meetings_all(g) > own; i--)
        g->whole[i] = false;
    while (g->n_items > 1 && meetings_all(g) > own)
        g->n_items--;
}

/* --rules: where owner a lists its joint item with guest c, so that a schedule holds
 * it (the promise of the header).  In that schedule each body meets in its home block
 * (slot 2d is the morning, 2d+1 the afternoon of its day d): its items before a
 * boundary as early as they can from its first slot, the joint meeting (a meeting
 * of its own for the owner, docs/model.md) in a slot both home blocks hold, the rest
 * as late as they can up to its last slot, where a body that another follows must
 * end.  The guest's joint meeting falls between two of its own items, after its
 * first meeting and before its last; each body holds at most its meetings.  The
 * latest position in a's agenda that allows it, and that schedule, in ga and gc;
 * where none does, ga->joint_after stays -1 and the item is left out (a guest with
 * less to do still fits). */
static void place_joint(const body *a, agenda *ga, const body *c, agenda *gc)
{
    int offset = 2 * (c->start - a->start); /* c's first slot among a's */
    for (int j = ga->n_items; j >= 0; j--) {
        int p = meetings_before(ga, j), r = meetings_after(ga, j);
        if (p + 1 + r > a->meetings)
            continue;
        for (int s = p; s <= 2 * a->days - 1 - r; s++) {
            int t = s - offset; /* the same slot among c's */
            if (t < 1 || t > 2 * c->days - 2)
                continue;
            for (int i = 0; i <= gc->n_items; i++) {
                int k = meetings_before(gc, i), q = meetings_after(gc, i);
                if (k <= t && q <= 2 * c->days - 1 - t && k + 1 + q <= c->meetings) {
                    ga->joint_after = j;
                    ga->joint_slot = s;
                    gc->joint_slot = t;
                    gc->guest_after = i;
                    return;
                }
            }
        }
    }
}

/* ---- layout ---------------------------------------------------------------------- */

/* Places the bodies of one track in order along the calendar: home blocks with random
 * gaps between them (none inside a --rules chain, so that "consecutive" can hold). */
static void place_track(body *bodies, const int *members, int n, int days, bool rules)
{
    int used = 0;
    for (int k = 0; k < n; k++)
        used += bodies[members[k]].days;
    int spare = days - used;
    int gap_weight[MAX_BODIES + 1];
    int total = 0;
    for (int k = 0; k <= n; k++) {
        bool chained = rules && k > 0 && k < n && bodies[members[k - 1]].chain_next == members[k];
        int weight = uniform(1, 10);
        gap_weight[k] = chained ? 0 : weight;
        total += gap_weight[k];
    }
    int day = 0;
    for (int k = 0; k < n; k++) {
        day += total > 0 ? spare * gap_weight[k] / total : 0;
        bodies[members[k]].start = day;
        day += bodies[members[k]].days;
    }
}

static int print_witness(const size_spec *spec, const body *bodies, const agenda *agendas,
                         const long *workday, const bool *chained);

/* Writes the instance of a size and seed, or with `witness` the schedule that shows
 * it feasible. */
static int generate(const size_spec *spec, uint64_t seed, bool rules, bool witness)
{
    static body bodies[MAX_BODIES];
    static long workday[MAX_DAYS];
    long holiday[MAX_HOLIDAYS];
    int n_holidays = 0;

    rng_state = seed;

    /* Working days: weekdays, minus New Year's Day and Christmas (when the calendar
     * reaches them) and a few movable holidays drawn from its span. */
    long start = days_from_civil(spec->start_year, spec->start_month, spec->start_day);
    long span = (long)spec->days * 7 / 5 + 40;
    for (long d = start; d < start + span && n_holidays < MAX_HOLIDAYS; d++) {
        int y, m, dd;
        civil_from_days(d, &y, &m, &dd);
        if (!weekend(d) && ((m == 1 && dd == 1) || (m == 12 && dd == 25)))
            holiday[n_holidays++] = d;
    }
    for (int h = 0; h < spec->holidays && n_holidays < MAX_HOLIDAYS; h++) {
        long d = start + uniform(1, (int)(spec->days * 7 / 5));
        bool dup = weekend(d);
        for (int k = 0; k < n_holidays; k++)
            dup = dup || holiday[k] == d;
        if (!dup)
            holiday[n_holidays++] = d;
    }
    int n_days = 0;
    for (long d = start; n_days < spec->days; d++) {
        bool off = weekend(d);
        for (int k = 0; k < n_holidays; k++)
            off = off || holiday[k] == d;
        if (!off)
            workday[n_days++] = d;
    }

    /* Bodies, dealt round-robin to the tracks; each track must hold its home blocks. */
    static int members[MAX_ROOMS][MAX_BODIES];
    int n_members[MAX_ROOMS] = {0};
    for (int i = 0; i < spec->bodies; i++) {
        body *b = &bodies[i];
        b->track = i % spec->rooms;
        b->interpreted = b->track < spec->teams;
        b->days = uniform(spec->min_days, spec->max_days);
        b->chain_next = -1;
        b->joint_with = -1;
        b->joint_owner = false;
        members[b->track][n_members[b->track]++] = i;
    }
    for (int t = 0; t < spec->rooms; t++) {
        int used = 0;
        for (int k = 0; k < n_members[t]; k++)
            used += bodies[members[t][k]].days;
        /* Trim the longest sessions until the track fits its calendar. */
        while (used > spec->days) {
            int longest = members[t][0];
            for (int k = 1; k < n_members[t]; k++)
                if (bodies[members[t][k]].days > bodies[longest].days)
                    longest = members[t][k];
            bodies[longest].days--;
            used--;
        }
        /* Chains come from a stream of their own (as joint items below), so that
         * --rules leaves every other draw of the seed as it is. */
        uint64_t main_stream = rng_state;
        rng_state = seed ^ ((uint64_t)t << 32) ^ UINT64_C(0x636861696E); /* "chain" */
        for (int k = 0; k + 1 < n_members[t] && rules; k++)
            if (chance(40))
                bodies[members[t][k]].chain_next = members[t][k + 1];
        rng_state = main_stream;
        place_track(bodies, members[t], n_members[t], spec->days, rules);
    }
    for (int i = 0; i < spec->bodies; i++) {
        body *b = &bodies[i];
        b->from = b->start - (spec->slack > 0 ? uniform(0, spec->slack) : 0);
        b->to = b->start + b->days - 1 + (spec->slack > 0 ? uniform(1, spec->slack) : 0);
        b->from = b->from < 0 ? 0 : b->from;
        b->to = b->to >= spec->days ? spec->days - 1 : b->to;
        /* "two and a half days": now and then the last afternoon is not granted. */
        b->meetings = 2 * b->days - (chance(20) ? 1 : 0);
    }
    /* --rules: joint items between interpreted bodies of different tracks whose home
     * blocks share two days or more, so that a joint meeting is possible where both
     * already meet (with one day shared, the day one body ends is the day the other
     * begins, and no joint meeting fits between the guest's opening and the owner's
     * closing: place_joint finds that out and leaves the item out).
     * Not between two bodies that both meet consecutively with others: each chain
     * keeps one room, and a joint meeting puts both in one room, so two chains in
     * two tracks could never hold it.  Drawn from a stream of their own; a joint
     * item takes its time from its body's substantive items, so the agendas after
     * the first one differ. */
    static bool chained[MAX_BODIES];
    memset(chained, 0, sizeof chained);
    for (int i = 0; i < spec->bodies; i++)
        if (bodies[i].chain_next >= 0)
            chained[i] = chained[bodies[i].chain_next] = true;
    uint64_t main_stream = rng_state;
    rng_state = seed ^ UINT64_C(0x6A6F696E74); /* "joint" */
    for (int i = 0; i < spec->bodies && rules; i++)
        for (int j = i + 1; j < spec->bodies; j++) {
            body *a = &bodies[i], *c = &bodies[j];
            int shared = (a->start + a->days < c->start + c->days ? a->start + a->days
                                                                  : c->start + c->days) -
                         (a->start > c->start ? a->start : c->start);
            bool overlap = shared >= 2;
            if (a->interpreted && c->interpreted && a->track != c->track && overlap &&
                !(chained[i] && chained[j]) && a->joint_with < 0 && c->joint_with < 0 &&
                chance(30)) {
                a->joint_with = j;
                c->joint_with = i;
                /* The body that starts first lists the item, at the end of its agenda:
                 * its session ends where the other's begins, where they overlap. */
                a->joint_owner = a->start <= c->start;
                c->joint_owner = !a->joint_owner;
                break;
            }
        }
    rng_state = main_stream;

    /* Every draw of an agenda first, body by body in the order they are printed, so
     * that the joint items can be placed knowing both agendas. */
    static agenda agendas[MAX_BODIES];
    for (int i = 0; i < spec->bodies; i++)
        draw_agenda(&bodies[i], &agendas[i]);
    for (int i = 0; i < spec->bodies && rules; i++)
        if (bodies[i].joint_with >= 0 && bodies[i].joint_owner) {
            int j = bodies[i].joint_with;
            place_joint(&bodies[i], &agendas[i], &bodies[j], &agendas[j]);
        }

    if (witness)
        return print_witness(spec, bodies, agendas, workday, chained);

    printf("# Synthetic benchmark instance, NOT a real document: written by\n"
           "# `orgwork-gen --size %s --seed %" PRIu64 "%s` (bench/gen.c).\n",
           spec->name, seed, rules ? " --rules" : "");
    printf("orgwork: 1\n");
    printf("title: \"Synthetic conference period, size %s, seed %" PRIu64 "\"\n", spec->name, seed);
    printf("calendar:\n  start: ");
    print_date(start);
    printf("\n  days: %d\n", spec->days);
    if (n_holidays > 0) {
        printf("  holidays: [");
        for (int k = 0; k < n_holidays; k++) {
            printf(k > 0 ? ", " : "");
            print_date(holiday[k]);
        }
        printf("]\n");
    }
    printf("rooms: [");
    for (int t = 0; t < spec->rooms; t++)
        printf(t > 0 ? ", \"Room %c\"" : "\"Room %c\"", 'A' + t);
    printf("]\nservices:\n  interpretation_teams: %d\nbodies:\n", spec->teams);

    for (int i = 0; i < spec->bodies; i++) {
        const body *b = &bodies[i];
        const agenda *g = &agendas[i];
        printf("  - id: ");
        print_id(bodies, i);
        printf("\n    name: \"%s %s\"\n", kind_name(b), topics[(size_t)i % COUNT(topics)]);
        printf("    session: \"%s session\"\n", ordinals[g->session]);
        printf("    meetings: %d\n    meetings_per_day: 2\n", b->meetings);
        if (spec->bodies > 1 || b->from > 0 || b->to < spec->days - 1) {
            printf("    window: {from: ");
            print_date(workday[b->from]);
            printf(", to: ");
            print_date(workday[b->to]);
            printf("}\n");
        }
        if (!b->interpreted)
            printf("    interpretation: false\n");

        printf("    agenda:\n");
        printf("      - item: \"1\"\n        title: \"Organizational matters\"\n"
               "        subitems:\n");
        printf("          - {item: a, title: \"Opening of the session\", duration: ");
        print_minutes(g->opening);
        printf(", first: true}\n");
        if (g->election > 0) {
            printf("          - {item: b, title: \"Election of officers\", duration: ");
            print_minutes(g->election);
            printf("}\n");
        }
        printf("          - {item: %c, title: \"Adoption of the agenda and organization of "
               "work\", duration: ",
               g->election > 0 ? 'c' : 'b');
        print_minutes(g->adoption);
        printf("}\n");

        int number = 2;
        for (int k = 0; k <= g->n_items; k++) {
            if (k == g->joint_after) {
                printf("      - {item: \"%d\", title: \"Joint discussion with the %s %s\", "
                       "duration: ",
                       number++, kind_name(&bodies[b->joint_with]),
                       topics[(size_t)b->joint_with % COUNT(topics)]);
                print_minutes(g->joint);
                printf(", joint_with: [");
                print_id(bodies, b->joint_with);
                printf("]}\n");
            }
            if (k == g->n_items)
                break;
            printf("      - {item: \"%d\", title: \"%s\", duration: ", number++,
                   substantive[g->title[k]]);
            print_minutes(g->minutes[k]);
            printf(g->whole[k] ? ", split: false}\n" : "}\n");
        }
        printf("      - {item: \"%d\", title: \"Other matters\", duration: ", number++);
        print_minutes(OTHER_MINUTES);
        printf(", meeting: last}\n");
        printf("      - {item: \"%d\", title: \"Adoption of the report\", duration: ", number);
        print_minutes(g->report);
        printf(", meeting: last, last: true}\n");
    }

    if (rules) {
        bool any = false;
        for (int i = 0; i < spec->bodies; i++) {
            /* Print each chain once, from its first body. */
            bool head = bodies[i].chain_next >= 0;
            for (int j = 0; j < spec->bodies && head; j++)
                head = bodies[j].chain_next != i;
            if (!head)
                continue;
            printf(any ? "  - consecutive: [" : "rules:\n  - consecutive: [");
            any = true;
            for (int k = i; k >= 0; k = bodies[k].chain_next) {
                printf(k == i ? "" : ", ");
                print_id(bodies, k);
            }
            printf("]\n");
        }
    }
    return ferror(stdout) || fflush(stdout) != 0 ? 1 : 0;
}

/* ---- --witness: the schedule that shows a generated period feasible ---------------- */

/* The schedule the comments above promise, as orgwork's JSON (docs/output.md), for
 * `orgwork check` to verify: every body in its home block and room, its items packed
 * as early as they can (pack_item) from its first slot up to a boundary, the rest as
 * late as they can up to its last slot, and the joint meeting (placed by
 * place_joint) between them. */

typedef struct {
    char item[12];
    int minutes;
    bool continued;
} w_piece;

typedef struct {
    int slot; /* in the body's home block: 2d morning, 2d+1 afternoon */
    int n;    /* pieces */
    w_piece piece[MAX_ITEMS + 8];
    int joint_with;      /* a joint meeting: the other body, else -1 */
    bool owner;          /* of the joint item */
    char joint_item[12]; /* the joint item's number in the owner's agenda */
    int joint_minutes;
} w_meeting;

typedef struct {
    w_meeting m[64]; /* a body holds at most 2 × 5 meetings */
    int n;
} w_list;

/* Adds an item of the given minutes to the meetings, as pack_item counts them. */
static void w_add(w_list *w, const char *item, int minutes, bool whole, int *used)
{
    bool continued = false;
    if (w->n == 0 || *used == SLOT_MINUTES || (whole && *used + minutes > SLOT_MINUTES)) {
        w->m[w->n++] = (w_meeting){.joint_with = -1};
        *used = 0;
    }
    for (;;) {
        w_meeting *m = &w->m[w->n - 1];
        int take = minutes < SLOT_MINUTES - *used ? minutes : SLOT_MINUTES - *used;
        w_piece *p = &m->piece[m->n++];
        snprintf(p->item, sizeof p->item, "%s", item);
        p->minutes = take;
        p->continued = continued;
        *used += take;
        minutes -= take;
        if (minutes == 0)
            return;
        continued = true;
        w->m[w->n++] = (w_meeting){.joint_with = -1};
        *used = 0;
    }
}

/* The item numbers of an agenda as the YAML prints them: substantive item k (from 0)
 * and the joint item, the other matters and the report. */
static int w_number(const agenda *g, int k)
{
    return 2 + k + (g->joint_after >= 0 && k >= g->joint_after ? 1 : 0);
}

/* The body's own meetings: the organizational items and the first `split`
 * substantive items into *before, the rest and the closing items from a new meeting
 * into *after (as meetings_before and meetings_after count them); split < 0: the
 * whole agenda into *before, as meetings_all counts it. */
static void w_pack(const agenda *g, int split, w_list *before, w_list *after)
{
    char id[12];
    int used = 0;
    before->n = after->n = 0;
    w_add(before, "1(a)", g->opening, false, &used);
    if (g->election > 0)
        w_add(before, "1(b)", g->election, false, &used);
    w_add(before, g->election > 0 ? "1(c)" : "1(b)", g->adoption, false, &used);
    bool whole_agenda = split < 0;
    if (whole_agenda)
        split = g->n_items;
    for (int k = 0; k < g->n_items; k++) {
        snprintf(id, sizeof id, "%d", w_number(g, k));
        if (k == split)
            used = 0;
        w_add(k < split ? before : after, id, g->minutes[k], g->whole[k], &used);
    }
    if (split >= g->n_items && !whole_agenda)
        used = 0;
    int last = w_number(g, g->n_items);
    w_list *end = whole_agenda ? before : after;
    /* The closing items share the last meeting: as one item that may not split. */
    if (end->n == 0 || used == SLOT_MINUTES || used + OTHER_MINUTES + g->report > SLOT_MINUTES) {
        end->m[end->n++] = (w_meeting){.joint_with = -1};
        used = 0;
    }
    w_meeting *m = &end->m[end->n - 1];
    snprintf(m->piece[m->n].item, sizeof m->piece[m->n].item, "%d", last);
    m->piece[m->n].minutes = OTHER_MINUTES;
    m->piece[m->n++].continued = false;
    snprintf(m->piece[m->n].item, sizeof m->piece[m->n].item, "%d", last + 1);
    m->piece[m->n].minutes = g->report;
    m->piece[m->n++].continued = false;
}

static void print_room(int track)
{
    printf("\"Room %c\"", 'A' + track);
}

static int print_witness(const size_spec *spec, const body *bodies, const agenda *agendas,
                         const long *workday, const bool *chained)
{
    static w_list before, after, all;
    printf("{\"orgwork\": 1, \"status\": \"feasible\", \"rooms\": [");
    for (int t = 0; t < spec->rooms; t++) {
        printf(t > 0 ? ", " : "");
        print_room(t);
    }
    printf("],\n \"bodies\": [");
    for (int i = 0; i < spec->bodies; i++) {
        const body *b = &bodies[i];
        const agenda *g = &agendas[i];
        int partner = g->joint_slot >= 0 ? b->joint_with : -1;
        bool owner = partner >= 0 && b->joint_owner;
        /* Own items before the joint meeting: the owner's up to its joint item, the
         * guest's up to the boundary place_joint chose; without one, only the first
         * meeting comes first, the rest end at the end of the home block. */
        int split = partner < 0 ? -1 : owner ? g->joint_after : g->guest_after;
        w_pack(g, split, &before, &after);
        all.n = 0;
        if (partner < 0) {
            /* The first meeting at the first slot, the others up to the last. */
            for (int k = 0; k < before.n; k++) {
                all.m[all.n] = before.m[k];
                all.m[all.n++].slot = k == 0 ? 0 : 2 * b->days - (before.n - k);
            }
        } else {
            for (int k = 0; k < before.n; k++) {
                all.m[all.n] = before.m[k];
                all.m[all.n++].slot = k;
            }
            const agenda *go = owner ? g : &agendas[partner];
            w_meeting j = {.slot = g->joint_slot, .joint_with = partner, .owner = owner};
            snprintf(j.joint_item, sizeof j.joint_item, "%d", 2 + go->joint_after);
            j.joint_minutes = go->joint;
            all.m[all.n++] = j;
            for (int k = 0; k < after.n; k++) {
                all.m[all.n] = after.m[k];
                all.m[all.n++].slot = 2 * b->days - (after.n - k);
            }
        }
        printf(i > 0 ? ",\n  " : "\n  ");
        printf("{\"id\": \"");
        print_id(bodies, i);
        printf("\", \"meetings\": [");
        for (int k = 0; k < all.n; k++) {
            const w_meeting *m = &all.m[k];
            int day = b->start + m->slot / 2;
            /* A joint meeting is in the owner's room, or the guest's when the guest
             * meets consecutively with others (its chain keeps one room). */
            int track = b->track;
            if (m->joint_with >= 0) {
                int own = owner ? i : m->joint_with, guest = owner ? m->joint_with : i;
                track = bodies[chained[guest] ? guest : own].track;
            }
            printf(k > 0 ? ",\n    " : "\n    ");
            printf("{\"n\": %d, \"date\": \"", k + 1);
            print_date(workday[day]);
            printf("\", \"start\": \"%s\", \"end\": \"%s\", \"room\": ",
                   m->slot % 2 == 0 ? "10:00" : "15:00", m->slot % 2 == 0 ? "13:00" : "18:00");
            print_room(track);
            printf(", \"items\": [");
            if (m->joint_with >= 0) {
                printf("{\"item\": \"%s\", ", m->joint_item);
                if (!m->owner) {
                    printf("\"body\": \"");
                    print_id(bodies, m->joint_with);
                    printf("\", ");
                }
                printf("\"minutes\": %d, \"continued\": false}", m->joint_minutes);
            }
            for (int p = 0; p < m->n; p++)
                printf("%s{\"item\": \"%s\", \"minutes\": %d, \"continued\": %s}",
                       p > 0 ? ", " : "", m->piece[p].item, m->piece[p].minutes,
                       m->piece[p].continued ? "true" : "false");
            printf("]}");
        }
        printf("]}");
    }
    printf("\n]}\n");
    return ferror(stdout) || fflush(stdout) != 0 ? 1 : 0;
}

/* ---- --workplan: a workplan file (docs/formats.md, "Workplan files") -------------- */

#define WP_TOPICS   200
#define WP_CLUSTERS 20
#define WP_SESSIONS 30
#define WP_RULES    10 /* of each kind */
#define WP_FIXED    5

/* 200 topics in 20 clusters proposed 2005-2023: 45 % addressed, 15 % partly, 40 %
 * not; 30 yearly sessions from 2024 of three topics each, enough for every open
 * topic, so the program decides which partly addressed topics get the spare room
 * and in which order.  Five sessions have a topic fixed (open, each of its own
 * cluster, in no rule), and ten rules of each kind bind other open topics, each
 * topic in at most one rule: together pairs of two clusters, apart pairs,
 * not_before years — so the fixed topics break no rule and a plan exists. */
static int generate_workplan(uint64_t seed)
{
    int cluster[WP_TOPICS], proposed[WP_TOPICS], status[WP_TOPICS], addressed[WP_TOPICS];
    int pool[WP_TOPICS], n_pool = 0;
    rng_state = seed;
    printf("# orgwork-gen --workplan --seed %" PRIu64 ": %d topics, %d clusters, %d sessions\n",
           seed, WP_TOPICS, WP_CLUSTERS, WP_SESSIONS);
    printf("workplan: 1\ntitle: Generated workplan\nbody: {id: GEN, name: Generated Working Group,"
           " review_mechanism: Review of implementation}\nclusters:\n");
    for (int c = 0; c < WP_CLUSTERS; c++)
        printf("  - {id: c%02d, title: \"Cluster %d\"}\n", c + 1, c + 1);
    printf("topics:\n");
    for (int t = 0; t < WP_TOPICS; t++) {
        cluster[t] = uniform(0, WP_CLUSTERS - 1);
        proposed[t] = uniform(2005, 2023);
        int r = uniform(1, 100);
        status[t] = r <= 45 ? 2 : r <= 60 ? 1 : 0;
        addressed[t] = proposed[t] + uniform(1, 3);
        if (addressed[t] > 2023)
            addressed[t] = 2023;
        printf("  - {id: t%03d, title: \"%s %d\", cluster: c%02d, proposed: %d, status: %s", t + 1,
               topics[t % (int)COUNT(topics)], t + 1, cluster[t] + 1, proposed[t],
               status[t] == 2   ? "yes"
               : status[t] == 1 ? "partly"
                                : "no");
        if (status[t] > 0)
            printf(", addressed: %d", addressed[t]);
        printf(", source: %s}\n", chance(20) ? "resolution" : "recommendation");
        if (status[t] == 0)
            pool[n_pool++] = t;
    }
    /* Shuffle the open topics (Fisher-Yates); take fixed topics, then rule topics. */
    for (int i = n_pool - 1; i > 0; i--) {
        int j = uniform(0, i), x = pool[i];
        pool[i] = pool[j];
        pool[j] = x;
    }
    int fixed[WP_FIXED], n_fixed = 0, next = 0;
    bool used_cluster[WP_CLUSTERS] = {false};
    for (int i = 0; i < n_pool && n_fixed < WP_FIXED; i++)
        if (!used_cluster[cluster[pool[i]]]) {
            used_cluster[cluster[pool[i]]] = true;
            fixed[n_fixed++] = pool[i];
            pool[i] = -1; /* taken */
        }
    /* The rules take the other open topics in shuffled order. */
    int rest = 0;
    for (int i = 0; i < n_pool; i++)
        if (pool[i] >= 0)
            pool[rest++] = pool[i];
    n_pool = rest;
    printf("sessions:\n");
    for (int s = 0; s < WP_SESSIONS; s++) {
        printf("  - {id: \"%d\", year: %d, topics: 3", s + 1, 2024 + s);
        if (s < n_fixed)
            printf(", fixed: [t%03d]", fixed[s] + 1);
        printf("}\n");
    }
    printf("rules:\n");
    for (int k = 0; k < WP_RULES && next + 1 < n_pool; k++) {
        int a = pool[next++], b = pool[next++];
        if (cluster[a] != cluster[b])
            printf("  - together: [t%03d, t%03d]\n", a + 1, b + 1);
        else
            printf("  - apart: [t%03d, t%03d]\n", a + 1, b + 1);
    }
    for (int k = 0; k < WP_RULES && next + 1 < n_pool; k++) {
        int a = pool[next++], b = pool[next++];
        printf("  - apart: [t%03d, t%03d]\n", a + 1, b + 1);
    }
    for (int k = 0; k < WP_RULES && next < n_pool; k++)
        printf("  - not_before: {topic: t%03d, year: %d}\n", pool[next++] + 1,
               2024 + uniform(0, 15));
    return ferror(stdout) || fflush(stdout) != 0 ? 1 : 0;
}

static int usage(FILE *out)
{
    fprintf(out, "usage: orgwork-gen --size S|M|L|XL|XXL --seed N [--rules] [--witness]\n"
                 "       orgwork-gen --workplan --seed N\n\n"
                 "Writes a synthetic benchmark instance (SPEC format 1) to standard output.\n"
                 "  S   one body, 2-3 days            M   5 bodies, 3 weeks, 1 room\n"
                 "  L   30 bodies, 3 months, 3 rooms, 2 interpretation teams\n"
                 "  XL  150 bodies, 250 working days, 6 rooms, 4 interpretation teams\n"
                 "  XXL 300 bodies, 500 working days, 10 rooms, 6 interpretation teams\n"
                 "--rules adds `consecutive` rules and `joint_with` items.\n"
                 "--witness writes instead a schedule of that instance (orgwork's JSON),\n"
                 "the one that shows it feasible, for `orgwork check`.\n"
                 "--workplan writes a workplan file instead: 200 topics, 20 clusters,\n"
                 "30 sessions, with fixed topics and rules of every kind.\n"
                 "The same size and seed always give the same bytes.\n");
    return out == stdout ? 0 : 2;
}

int main(int argc, char **argv)
{
    const size_spec *spec = NULL;
    uint64_t seed = 1;
    bool rules = false, workplan = false, witness = false;
    for (int a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-h") == 0) {
            return usage(stdout);
        } else if (strcmp(argv[a], "--rules") == 0) {
            rules = true;
        } else if (strcmp(argv[a], "--witness") == 0) {
            witness = true;
        } else if (strcmp(argv[a], "--workplan") == 0) {
            workplan = true;
        } else if (strcmp(argv[a], "--size") == 0 && a + 1 < argc) {
            a++;
            spec = NULL;
            for (size_t k = 0; k < COUNT(sizes); k++)
                if (strcmp(argv[a], sizes[k].name) == 0)
                    spec = &sizes[k];
            if (spec == NULL) {
                fprintf(stderr, "orgwork-gen: unknown size \"%s\" (expected S, M, L, XL or XXL)\n",
                        argv[a]);
                return 2;
            }
        } else if (strcmp(argv[a], "--seed") == 0 && a + 1 < argc) {
            char *end;
            a++;
            errno = 0;
            unsigned long long v = strtoull(argv[a], &end, 10);
            if (errno != 0 || end == argv[a] || *end != '\0' || argv[a][0] == '-') {
                fprintf(stderr, "orgwork-gen: --seed expects a non-negative integer, not \"%s\"\n",
                        argv[a]);
                return 2;
            }
            seed = (uint64_t)v;
        } else {
            fprintf(stderr, "orgwork-gen: unexpected argument \"%s\"\n", argv[a]);
            return usage(stderr);
        }
    }
    if (workplan)
        return generate_workplan(seed);
    if (spec == NULL) {
        fprintf(stderr, "orgwork-gen: --size is required\n");
        return usage(stderr);
    }
    return generate(spec, seed, rules, witness);
}
