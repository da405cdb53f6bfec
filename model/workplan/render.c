/* render.c: the workplan table, session by session (md, html, csv, json), and its
 * what-if table.  Output depends only on the workplan and the plan. */
#include <stdio.h>
#include <string.h>

#include "orgwork/workplan.h"
#include "../render/formats.h"

/* "11–12 July 2024", "30 June–2 July 2024", "" without dates. */
static void session_dates(const ow_wp_session *s, char *out, size_t size)
{
    out[0] = '\0';
    if (!s->has_dates)
        return;
    int y1, m1, d1, y2, m2, d2;
    ow_date_to_ymd(s->from, &y1, &m1, &d1);
    ow_date_to_ymd(s->to, &y2, &m2, &d2);
    if (s->from == s->to)
        snprintf(out, size, "%d %s %d", d1, ow_month_name(m1), y1);
    else if (y1 == y2 && m1 == m2)
        snprintf(out, size, "%d\u2013%d %s %d", d1, d2, ow_month_name(m1), y1);
    else if (y1 == y2)
        snprintf(out, size, "%d %s\u2013%d %s %d", d1, ow_month_name(m1), d2, ow_month_name(m2),
                 y1);
    else
        snprintf(out, size, "%d %s %d\u2013%d %s %d", d1, ow_month_name(m1), y1, d2,
                 ow_month_name(m2), y2);
}

/* "Session 11, eleventh session, 2024 (11–12 July 2024)". */
static void session_heading(const ow_wp_session *s, char *out, size_t size)
{
    char dates[64];
    session_dates(s, dates, sizeof dates);
    snprintf(out, size, "Session %s%s%s, %d%s%s%s", s->id, s->name ? ", " : "",
             s->name ? s->name : "", s->year, dates[0] ? " (" : "", dates, dates[0] ? ")" : "");
}

/* "recommendation of the sixth session (2019); partly addressed by the ninth session (2022)" */
static void origin(const ow_wp_topic *t, char *out, size_t size)
{
    char by[600];
    if (t->proposed_by != NULL)
        snprintf(by, sizeof by, "%s", t->proposed_by);
    else
        snprintf(by, sizeof by, "%d", t->proposed);
    const char *src = t->source == OW_WP_RESOLUTION ? "resolution" : "recommendation";
    int n;
    if (t->reference != NULL) /* "resolution 5/3, operative paragraph 4" says it all */
        n = snprintf(out, size, "%s, %s", t->reference, by);
    else
        n = snprintf(out, size, "%s, %s", src, by);
    if (n < 0 || (size_t)n >= size)
        return;
    if (t->status == OW_WP_PARTLY)
        snprintf(out + n, size - (size_t)n, "; partly addressed by %s (%d)",
                 t->addressed_by ? t->addressed_by : "an earlier session", t->addressed);
    else if (t->status == OW_WP_YES)
        snprintf(out + n, size - (size_t)n, "; addressed by %s (%d)",
                 t->addressed_by ? t->addressed_by : "an earlier session", t->addressed);
    else
        snprintf(out + n, size - (size_t)n, "; not yet addressed");
}

static bool is_fixed(const ow_workplan *wp, size_t t, int s)
{
    if (s < 0)
        return false;
    const ow_wp_session *ss = &wp->sessions[s];
    for (size_t i = 0; i < ss->n_fixed; i++)
        if (ss->fixed[i] == t)
            return true;
    return false;
}

static bool has_plan(const ow_wp_plan *plan)
{
    return ow_solve_status_has_schedule(plan->status);
}

static void summary(const ow_workplan *wp, const ow_wp_plan *plan, char *out, size_t size)
{
    int open = 0, open_placed = 0, partly = 0, partly_placed = 0, done = 0;
    for (size_t t = 0; t < wp->n_topics; t++) {
        bool placed = has_plan(plan) && plan->session[t] >= 0;
        if (wp->topics[t].status == OW_WP_NO) {
            open++;
            open_placed += placed;
        } else if (wp->topics[t].status == OW_WP_PARTLY) {
            partly++;
            partly_placed += placed;
        } else {
            done++;
        }
    }
    int n = snprintf(out, size,
                     "%zu topics in %zu clusters: %d not yet addressed (%d placed), %d partly "
                     "addressed (%d placed), %d addressed; %zu sessions",
                     wp->n_topics, wp->n_clusters, open, open_placed, partly, partly_placed, done,
                     wp->n_sessions);
    if (n > 0 && (size_t)n < size && plan->needed > 0)
        snprintf(out + n, size - (size_t)n,
                 "; %d sessions would take every topic not yet addressed", plan->needed);
}

/* ---- md and html ----------------------------------------------------------------- */

typedef void (*put_fn)(ow_buf *b, const char *s);

static void md_row(ow_buf *b, const char *const *cells, size_t n, bool bold)
{
    ow_buf_puts(b, "|");
    for (size_t i = 0; i < n; i++) {
        ow_buf_puts(b, " ");
        if (cells[i][0] != '\0') {
            if (bold)
                ow_buf_puts(b, "**");
            ow_put_md_escaped(b, cells[i]);
            if (bold)
                ow_buf_puts(b, "**");
        }
        ow_buf_puts(b, cells[i][0] != '\0' ? " |" : "|");
    }
    ow_buf_puts(b, "\n");
}

static void html_row(ow_buf *b, const char *const *cells, size_t n, bool head)
{
    ow_buf_puts(b, head ? "<tr class=\"session\">" : "<tr>");
    for (size_t i = 0; i < n; i++) {
        if (head && i == 0) {
            ow_buf_printf(b, "<th colspan=\"%zu\">", n);
            ow_put_html_escaped(b, cells[0]);
            ow_buf_puts(b, "</th>");
            break;
        }
        ow_buf_puts(b, "<td>");
        ow_put_html_escaped(b, cells[i]);
        ow_buf_puts(b, "</td>");
    }
    ow_buf_puts(b, "</tr>\n");
}

static void row(ow_buf *b, bool html, const char *const *cells, size_t n, bool head)
{
    if (html)
        html_row(b, cells, n, head);
    else
        md_row(b, cells, n, head);
}

static void topic_cells(const ow_workplan *wp, const ow_wp_plan *plan, size_t t, char *id,
                        size_t id_size, char *org, size_t org_size, const char **cells)
{
    const ow_wp_topic *tp = &wp->topics[t];
    snprintf(id, id_size, "%s%s", tp->id,
             has_plan(plan) && is_fixed(wp, t, plan->session[t]) ? " (fixed)" : "");
    origin(tp, org, org_size);
    cells[0] = id;
    cells[1] = tp->title;
    cells[2] = wp->clusters[tp->cluster].title;
    cells[3] = org;
}

static void render_table(const ow_workplan *wp, const ow_wp_plan *plan, bool html, ow_buf *b)
{
    static const char *const head[] = {"Topic", "Title", "Cluster", "Origin"};
    char heading[256], id[96], org[1400], sum[400];
    const char *cells[4];
    summary(wp, plan, sum, sizeof sum);
    if (html) {
        ow_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<title>Workplan: ");
        ow_put_html_escaped(b, wp->body_name);
        ow_buf_puts(b, "</title>\n<style>\nbody { font-family: \"Times New Roman\", serif; }\n"
                       "table { border-collapse: collapse; }\n"
                       "td, th { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; "
                       "vertical-align: top; }\ntr.session th { background: #eee; }\n"
                       "</style>\n</head>\n<body>\n<h2>Workplan: ");
        ow_put_html_escaped(b, wp->body_name);
        ow_buf_puts(b, "</h2>\n<p>");
        ow_put_html_escaped(b, sum);
        ow_buf_printf(b, ". Status: %s.</p>\n<table>\n<tr>", ow_solve_status_name(plan->status));
        for (size_t i = 0; i < 4; i++)
            ow_buf_printf(b, "<th>%s</th>", head[i]);
        ow_buf_puts(b, "</tr>\n");
    } else {
        ow_buf_puts(b, "## Workplan: ");
        ow_put_md_escaped(b, wp->body_name);
        ow_buf_puts(b, "\n\n");
        ow_put_md_escaped(b, sum);
        ow_buf_printf(b,
                      ". Status: %s.\n\n| Topic | Title | Cluster | Origin |\n|---|---|---|---|\n",
                      ow_solve_status_name(plan->status));
    }
    for (size_t s = 0; has_plan(plan) && s < wp->n_sessions; s++) {
        session_heading(&wp->sessions[s], heading, sizeof heading);
        const char *hc[4] = {heading, "", "", ""};
        row(b, html, hc, 4, true);
        bool any = false;
        for (size_t t = 0; t < wp->n_topics; t++) {
            if (plan->session[t] != (int)s)
                continue;
            topic_cells(wp, plan, t, id, sizeof id, org, sizeof org, cells);
            row(b, html, cells, 4, false);
            any = true;
        }
        if (!any) {
            const char *none[4] = {"", "no topic placed", "", ""};
            row(b, html, none, 4, false);
        }
    }
    const char *groups[2] = {"Not placed", "Addressed already"};
    for (int g = 0; g < 2; g++) {
        bool opened = false;
        for (size_t t = 0; t < wp->n_topics; t++) {
            bool yes = wp->topics[t].status == OW_WP_YES;
            bool left = !yes && (!has_plan(plan) || plan->session[t] < 0);
            if ((g == 0 && !left) || (g == 1 && !yes))
                continue;
            if (!opened) {
                const char *hc[4] = {groups[g], "", "", ""};
                row(b, html, hc, 4, true);
                opened = true;
            }
            topic_cells(wp, plan, t, id, sizeof id, org, sizeof org, cells);
            row(b, html, cells, 4, false);
        }
    }
    if (html)
        ow_buf_puts(b, "</table>\n</body>\n</html>\n");
}

/* ---- csv ------------------------------------------------------------------------- */

static void render_csv(const ow_workplan *wp, const ow_wp_plan *plan, ow_buf *b)
{
    ow_buf_puts(b, "session,year,dates,topic,title,cluster,proposed,proposed_by,status,"
                   "addressed_by,addressed,source,reference,fixed\r\n");
    /* Sessions in order, then topics left out, then topics addressed already. */
    for (int pass = 0; pass <= (int)wp->n_sessions + 1; pass++) {
        for (size_t t = 0; t < wp->n_topics; t++) {
            const ow_wp_topic *tp = &wp->topics[t];
            int s = has_plan(plan) ? plan->session[t] : -1;
            int group = s >= 0                    ? s
                        : tp->status == OW_WP_YES ? (int)wp->n_sessions + 1
                                                  : (int)wp->n_sessions;
            if (group != pass)
                continue;
            char dates[64] = "", num[16];
            if (s >= 0) {
                ow_put_csv_field(b, wp->sessions[s].id);
                ow_buf_printf(b, ",%d,", wp->sessions[s].year);
                if (wp->sessions[s].has_dates) {
                    char a[11], z[11];
                    ow_date_iso(wp->sessions[s].from, a);
                    ow_date_iso(wp->sessions[s].to, z);
                    snprintf(dates, sizeof dates, "%s/%s", a, z);
                }
                ow_buf_puts(b, dates);
            } else {
                ow_buf_puts(b, ",,");
            }
            ow_buf_putc(b, ',');
            ow_put_csv_field(b, tp->id);
            ow_buf_putc(b, ',');
            ow_put_csv_field(b, tp->title);
            ow_buf_putc(b, ',');
            ow_put_csv_field(b, wp->clusters[tp->cluster].id);
            ow_buf_printf(b, ",%d,", tp->proposed);
            ow_put_csv_field(b, tp->proposed_by ? tp->proposed_by : "");
            ow_buf_printf(b, ",%s,", ow_wp_status_name(tp->status));
            ow_put_csv_field(b, tp->addressed_by ? tp->addressed_by : "");
            snprintf(num, sizeof num, "%d", tp->addressed);
            ow_buf_printf(b, ",%s,%s,", tp->addressed ? num : "",
                          tp->source == OW_WP_RESOLUTION ? "resolution" : "recommendation");
            ow_put_csv_field(b, tp->reference ? tp->reference : "");
            ow_buf_printf(b, ",%s\r\n", is_fixed(wp, t, s) ? "true" : "false");
        }
    }
}

/* ---- json ------------------------------------------------------------------------ */

static void json_topic(const ow_workplan *wp, const ow_wp_plan *plan, size_t t, ow_buf *b)
{
    const ow_wp_topic *tp = &wp->topics[t];
    ow_buf_puts(b, "{\"id\": ");
    ow_put_json_string(b, tp->id);
    ow_buf_puts(b, ", \"title\": ");
    ow_put_json_string(b, tp->title);
    ow_buf_puts(b, ", \"cluster\": ");
    ow_put_json_string(b, wp->clusters[tp->cluster].id);
    ow_buf_printf(b, ", \"proposed\": %d", tp->proposed);
    if (tp->proposed_by) {
        ow_buf_puts(b, ", \"proposed_by\": ");
        ow_put_json_string(b, tp->proposed_by);
    }
    ow_buf_printf(b, ", \"status\": \"%s\"", ow_wp_status_name(tp->status));
    if (tp->addressed_by) {
        ow_buf_puts(b, ", \"addressed_by\": ");
        ow_put_json_string(b, tp->addressed_by);
    }
    if (tp->addressed)
        ow_buf_printf(b, ", \"addressed\": %d", tp->addressed);
    ow_buf_printf(b, ", \"source\": \"%s\"",
                  tp->source == OW_WP_RESOLUTION ? "resolution" : "recommendation");
    if (tp->reference) {
        ow_buf_puts(b, ", \"reference\": ");
        ow_put_json_string(b, tp->reference);
    }
    if (has_plan(plan) && is_fixed(wp, t, plan->session[t]))
        ow_buf_puts(b, ", \"fixed\": true");
    ow_buf_puts(b, "}");
}

static void render_json(const ow_workplan *wp, const ow_wp_plan *plan, bool timings, ow_buf *b)
{
    ow_wp_terms terms;
    ow_buf_puts(b, "{\n  \"orgwork\": 1,\n  \"workplan\": ");
    ow_put_json_string(b, wp->title ? wp->title : wp->body_name);
    ow_buf_puts(b, ",\n  \"body\": ");
    ow_put_json_string(b, wp->body_id);
    ow_buf_printf(b, ",\n  \"status\": \"%s\"", ow_solve_status_name(plan->status));
    if (plan->stop != OW_STOP_NONE)
        ow_buf_printf(b, ",\n  \"stop\": \"%s\"", ow_stop_reason_name(plan->stop));
    if (has_plan(plan)) {
        ow_wp_objective(wp, plan, &terms);
        ow_buf_printf(b,
                      ",\n  \"objective\": %ld,\n  \"terms\": {\"open_left\": %d, "
                      "\"partly_left\": %d, \"repeats\": %d, \"shared\": %d, \"lateness\": %ld},"
                      "\n  \"gap\": %.6g",
                      terms.total, terms.open_left, terms.partly_left, terms.repeats, terms.shared,
                      terms.lateness, plan->gap);
        if (timings)
            ow_buf_printf(b, ",\n  \"seconds\": %.3f", plan->seconds);
        if (plan->needed != 0)
            ow_buf_printf(b, ",\n  \"needed_sessions\": %d", plan->needed);
        ow_buf_puts(b, ",\n  \"sessions\": [");
        for (size_t s = 0; s < wp->n_sessions; s++) {
            const ow_wp_session *ss = &wp->sessions[s];
            ow_buf_printf(b, "%s\n    {\"id\": ", s ? "," : "");
            ow_put_json_string(b, ss->id);
            if (ss->name) {
                ow_buf_puts(b, ", \"name\": ");
                ow_put_json_string(b, ss->name);
            }
            ow_buf_printf(b, ", \"year\": %d", ss->year);
            if (ss->has_dates) {
                char a[11], z[11];
                ow_date_iso(ss->from, a);
                ow_date_iso(ss->to, z);
                ow_buf_printf(b, ", \"dates\": {\"from\": \"%s\", \"to\": \"%s\"}", a, z);
            }
            ow_buf_printf(b, ", \"capacity\": %d, \"topics\": [", ss->capacity);
            bool first = true;
            for (size_t t = 0; t < wp->n_topics; t++) {
                if (plan->session[t] != (int)s)
                    continue;
                ow_buf_puts(b, first ? "\n      " : ",\n      ");
                json_topic(wp, plan, t, b);
                first = false;
            }
            ow_buf_puts(b, first ? "]}" : "\n    ]}");
        }
        ow_buf_puts(b, "\n  ],\n  \"left\": [");
        bool first = true;
        for (size_t t = 0; t < wp->n_topics; t++) {
            if (plan->session[t] >= 0 || wp->topics[t].status == OW_WP_YES)
                continue;
            ow_buf_puts(b, first ? "\n    " : ",\n    ");
            json_topic(wp, plan, t, b);
            first = false;
        }
        ow_buf_puts(b, first ? "]" : "\n  ]");
    }
    ow_buf_puts(b, "\n}\n");
}

ow_status ow_wp_render(const ow_workplan *wp, const ow_wp_plan *plan, ow_format format,
                       bool timings, ow_buf *out, ow_error *err)
{
    switch (format) {
    case OW_FORMAT_MD:
        render_table(wp, plan, false, out);
        break;
    case OW_FORMAT_HTML:
        render_table(wp, plan, true, out);
        break;
    case OW_FORMAT_CSV:
        render_csv(wp, plan, out);
        break;
    case OW_FORMAT_JSON:
        render_json(wp, plan, timings, out);
        break;
    default:
        return ow_error_set(err, OW_INPUT, NULL, (ow_loc){0, 0},
                            "a workplan is written as md, html, csv or json");
    }
    if (out->failed)
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    return OW_OK;
}

/* ---- What-if --------------------------------------------------------------------- */

ow_status ow_wp_variants_render(const ow_wp_variant *v, size_t n, ow_format format, ow_buf *out,
                                ow_error *err)
{
    static const char *const cols[] = {"sessions",  "per session",   "status",   "open placed",
                                       "open left", "partly placed", "objective"};
    if (format == OW_FORMAT_JSON) {
        ow_buf_puts(out, "{\n  \"orgwork\": 1,\n  \"variants\": [");
        for (size_t i = 0; i < n; i++) {
            ow_buf_printf(out,
                          "%s\n    {\"n\": %zu, \"sessions\": %d, \"per_session\": %d, "
                          "\"status\": \"%s\", ",
                          i ? "," : "", i + 1, v[i].sessions, v[i].per_session,
                          ow_solve_status_name(v[i].status));
            if (v[i].stop != OW_STOP_NONE)
                ow_buf_printf(out, "\"stop\": \"%s\", ", ow_stop_reason_name(v[i].stop));
            ow_buf_printf(out,
                          "\"open_placed\": %d, \"open_left\": %d, \"partly_placed\": %d, "
                          "\"objective\": %ld}",
                          v[i].open_placed, v[i].open_left, v[i].partly_placed, v[i].objective);
        }
        ow_buf_puts(out, "\n  ]");
    } else if (format == OW_FORMAT_CSV) {
        ow_buf_puts(out, "sessions,per_session,status,open_placed,open_left,partly_placed,"
                         "objective\r\n");
        for (size_t i = 0; i < n; i++)
            ow_buf_printf(out, "%d,%d,%s,%d,%d,%d,%ld\r\n", v[i].sessions, v[i].per_session,
                          ow_solve_status_name(v[i].status), v[i].open_placed, v[i].open_left,
                          v[i].partly_placed, v[i].objective);
    } else if (format == OW_FORMAT_MD || format == OW_FORMAT_TEXT) {
        bool md = format == OW_FORMAT_MD;
        if (md) {
            ow_buf_puts(out, "|");
            for (size_t c = 0; c < 7; c++)
                ow_buf_printf(out, " %s |", cols[c]);
            ow_buf_puts(out, "\n|---:|---:|---|---:|---:|---:|---:|\n");
        } else {
            ow_buf_puts(out, "sessions  per session  status      open placed  open left  "
                             "partly placed  objective\n");
        }
        for (size_t i = 0; i < n; i++)
            ow_buf_printf(out,
                          md ? "| %d | %d | %s | %d | %d | %d | %ld |\n"
                             : "%8d  %11d  %-10s  %11d  %9d  %13d  %9ld\n",
                          v[i].sessions, v[i].per_session, ow_solve_status_name(v[i].status),
                          v[i].open_placed, v[i].open_left, v[i].partly_placed, v[i].objective);
    } else {
        return ow_error_set(err, OW_INPUT, NULL, (ow_loc){0, 0},
                            "the workplan what-if table is written as text, md, csv or json");
    }
    /* The fewest sessions that take every open topic, for each topics-per-session. */
    bool json = format == OW_FORMAT_JSON, csv = format == OW_FORMAT_CSV;
    if (json)
        ow_buf_puts(out, ",\n  \"fewest\": [");
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = v[j].per_session == v[i].per_session;
        if (seen)
            continue;
        int best = 0;
        for (size_t j = i; j < n; j++)
            if (v[j].per_session == v[i].per_session && v[j].open_left == 0 &&
                ow_solve_status_has_schedule(v[j].status) && (best == 0 || v[j].sessions < best))
                best = v[j].sessions;
        if (json) {
            ow_buf_printf(out, "%s\n    {\"per_session\": %d, \"sessions\": ", first ? "" : ",",
                          v[i].per_session);
            if (best)
                ow_buf_printf(out, "%d}", best);
            else
                ow_buf_puts(out, "null}");
        } else if (!csv) {
            if (best)
                ow_buf_printf(out, "%s%d topic%s a session: %d sessions take every open topic\n",
                              first ? "\n" : "", v[i].per_session, v[i].per_session == 1 ? "" : "s",
                              best);
            else
                ow_buf_printf(out,
                              "%s%d topic%s a session: no number of sessions tried takes "
                              "every open topic\n",
                              first ? "\n" : "", v[i].per_session,
                              v[i].per_session == 1 ? "" : "s");
        }
        first = false;
    }
    if (json)
        ow_buf_puts(out, "\n  ]\n}\n");
    if (out->failed)
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    return OW_OK;
}
