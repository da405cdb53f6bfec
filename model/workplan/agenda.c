/* agenda.c: a session's provisional agenda as an instance file (docs/formats.md), the
 * skeleton `orgwork solve` turns into that session's annex.  What the workplan does
 * not know — the dates when none are given, the meetings, every duration — gets a
 * documented default marked "to be filled in" (docs/formats.md, "Agenda skeletons"),
 * chosen so that the skeleton solves as written. */
#include <stdio.h>
#include <string.h>

#include "orgwork/workplan.h"
#include "../render/formats.h"

#define SKELETON_DAYS     2   /* a session without dates */
#define MEETINGS_PER_DAY  2   /* 10 a.m.-1 p.m. and 3-6 p.m. */
#define MEETING_MINUTES   180 /* the default slots' length */
#define OPENING_MINUTES   10
#define ADOPTION_MINUTES  20 /* adoption of the agenda */
#define REVIEW_MINUTES    60
#define OTHER_MINUTES     15
#define REPORT_MINUTES    120
#define TOPIC_MAX_MINUTES 360 /* two meetings */

static void put_string(ow_buf *b, const char *s)
{
    ow_put_json_string(b, s); /* a JSON string is a YAML double-quoted scalar */
}

/* Working days (Monday to Friday) from one date to another, both included. */
static int working_days(ow_date from, ow_date to)
{
    int n = 0;
    for (ow_date d = from; d <= to; d++)
        n += ow_date_weekday(d) < 5;
    return n > 0 ? n : 1;
}

/* Minutes each topic gets: what the meetings leave after the other items, shared
 * equally, in whole quarters of an hour, at most two meetings' worth. */
static int topic_minutes(int meetings, int fixed, int n_topics)
{
    if (n_topics == 0)
        return 0;
    int each = (meetings * MEETING_MINUTES - fixed) / n_topics;
    each -= each % 15;
    if (each > TOPIC_MAX_MINUTES)
        each = TOPIC_MAX_MINUTES;
    return each < 15 ? 15 : each;
}

void ow_wp_agenda(const ow_workplan *wp, const ow_wp_plan *plan, size_t s, ow_buf *b)
{
    const ow_wp_session *ss = &wp->sessions[s];
    size_t topics[OW_WP_MAX_TOPICS];
    size_t n = 0;
    for (size_t t = 0; t < wp->n_topics; t++)
        if (plan->session[t] == (int)s)
            topics[n++] = t;
    int days = ss->has_dates ? working_days(ss->from, ss->to) : SKELETON_DAYS;
    int meetings = days * MEETINGS_PER_DAY;
    int fixed = OPENING_MINUTES + ADOPTION_MINUTES + OTHER_MINUTES + REPORT_MINUTES +
                (wp->review ? REVIEW_MINUTES : 0);
    int each = topic_minutes(meetings, fixed, (int)n);
    /* More topics than the meetings hold at a quarter of an hour each: one more
     * meeting a quarter-hour short, so the skeleton still solves. */
    while (fixed + each * (int)n > meetings * MEETING_MINUTES)
        meetings++, days = (meetings + MEETINGS_PER_DAY - 1) / MEETINGS_PER_DAY;

    ow_buf_printf(b, "# Provisional agenda of session %s", ss->id);
    if (ss->name)
        ow_buf_printf(b, " (%s)", ss->name);
    ow_buf_printf(b, ", %d, of the %s,\n", ss->year, wp->body_name);
    ow_buf_printf(b,
                  "# written by `orgwork workplan %s --agendas` (docs/formats.md, \"Agenda "
                  "skeletons\").\n",
                  wp->path);
    ow_buf_puts(b, "# Values marked \"to be filled in\" are defaults: replace them with the "
                   "session's\n# conference services and the Secretariat's estimates, then run "
                   "`orgwork solve` on this file.\n");
    ow_buf_puts(b, "orgwork: 1\ntitle: ");
    char title[512];
    snprintf(title, sizeof title, "%s, %s%s%d", wp->body_name, ss->name ? ss->name : "",
             ss->name ? ", " : "", ss->year);
    put_string(b, title);
    ow_buf_puts(b, "\ncalendar:\n");
    char iso[11];
    if (ss->has_dates && days <= working_days(ss->from, ss->to)) {
        ow_date_iso(ss->from, iso);
        ow_buf_printf(b, "  start: %s\n", iso);
        ow_date_iso(ss->to, iso);
        ow_buf_printf(b, "  end: %s\n", iso);
    } else if (ss->has_dates) {
        ow_date_iso(ss->from, iso);
        ow_buf_printf(b, "  start: %s\n", iso);
        ow_buf_printf(b,
                      "  days: %d # to be filled in: the topics need more days than the "
                      "session's dates hold\n",
                      days);
    } else {
        ow_buf_printf(b, "  start: %d-01-01 # to be filled in: the session's first day\n",
                      ss->year);
        ow_buf_printf(b, "  days: %d # to be filled in\n", days);
    }
    ow_buf_puts(b, "body:\n  id: ");
    put_string(b, wp->body_id);
    ow_buf_puts(b, "\n  name: ");
    put_string(b, wp->body_name);
    if (ss->name) {
        ow_buf_puts(b, "\n  session: ");
        put_string(b, ss->name);
    }
    ow_buf_printf(b, "\n  meetings: %d # to be filled in: %d a day by default\n", meetings,
                  MEETINGS_PER_DAY);
    ow_buf_puts(b, "  agenda:\n");
    ow_buf_puts(b, "    - item: \"1\"\n      title: \"Organizational matters\"\n"
                   "      subitems:\n");
    ow_buf_printf(b,
                  "        - item: a\n          title: \"Opening of the meeting\"\n"
                  "          duration: %dm # to be filled in\n          first: true\n",
                  OPENING_MINUTES);
    ow_buf_printf(b,
                  "        - item: b\n          title: \"Adoption of the agenda and "
                  "organization of work\"\n          duration: %dm # to be filled in\n",
                  ADOPTION_MINUTES);
    int item = 2;
    for (size_t i = 0; i < n; i++, item++) {
        const ow_wp_topic *tp = &wp->topics[topics[i]];
        ow_buf_printf(b, "    - item: \"%d\"\n      title: ", item);
        put_string(b, tp->title);
        ow_buf_printf(b, "\n      duration: %dm # to be filled in (topic %s)\n", each, tp->id);
    }
    if (wp->review) {
        ow_buf_printf(b, "    - item: \"%d\"\n      title: ", item++);
        put_string(b, wp->review);
        ow_buf_printf(b, "\n      duration: %dm # to be filled in\n", REVIEW_MINUTES);
    }
    ow_buf_printf(b,
                  "    - item: \"%d\"\n      title: \"Other matters\"\n"
                  "      duration: %dm # to be filled in\n      meeting: last\n",
                  item++, OTHER_MINUTES);
    ow_buf_printf(b,
                  "    - item: \"%d\"\n      title: \"Adoption of the report\"\n"
                  "      duration: %dm # to be filled in\n      meeting: last\n"
                  "      last: true\n",
                  item, REPORT_MINUTES);
}
