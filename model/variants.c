/* variants.c: the what-if table. */
#include "orgwork/variants.h"

#include <string.h>

void ow_variant_from_schedule(const ow_instance *inst, const ow_schedule *s, int body,
                              ow_variant *v)
{
    ow_objective_terms terms;
    ow_schedule_objective(inst, s, &terms);
    v->status = s->status;
    v->objective = terms.total;
    v->gap = s->gap;
    v->seconds = s->seconds;
    v->stop = s->stop;
    v->meetings_used = v->days_used = v->continued = 0;
    for (size_t i = 0; i < s->n_meetings; i++) {
        const ow_meeting *m = &s->meetings[i];
        if (body >= 0 && m->body != (size_t)body)
            continue;
        v->meetings_used++;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = s->meetings[j].body == m->body && s->meetings[j].date == m->date;
        v->days_used += !seen;
        for (size_t p = 0; p < m->n_pieces; p++)
            v->continued += m->pieces[p].continued;
    }
}

/* Index of the smallest feasible variant — fewest days, then fewest meetings — or
 * -1 when none is feasible: what the table reports as the smallest. */
static int smallest(const ow_variant *v, size_t n)
{
    int best = -1;
    for (size_t i = 0; i < n; i++) {
        if (!v[i].solved || !ow_solve_status_has_schedule(v[i].status))
            continue;
        if (best < 0 || v[i].days < v[best].days ||
            (v[i].days == v[best].days && v[i].meetings < v[best].meetings))
            best = (int)i;
    }
    return best;
}

static const char *status_word(const ow_variant *v)
{
    return v->solved ? ow_solve_status_name(v->status) : "error";
}

static bool has_schedule(const ow_variant *v)
{
    return v->solved && ow_solve_status_has_schedule(v->status);
}

static void json_string(ow_buf *out, const char *s)
{
    ow_buf_putc(out, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            ow_buf_printf(out, "\\%c", c);
        else if (c < 0x20)
            ow_buf_printf(out, "\\u%04x", c);
        else
            ow_buf_putc(out, (char)c);
    }
    ow_buf_putc(out, '"');
}

static void render_json(const ow_variant *v, size_t n, bool timings, ow_buf *out)
{
    ow_buf_puts(out, "{\n  \"orgwork\": 1,\n  \"variants\": [");
    for (size_t i = 0; i < n; i++) {
        ow_buf_printf(out,
                      "%s\n    {\"n\": %zu, \"days\": %d, \"meetings\": %d, \"status\": \"%s\"",
                      i ? "," : "", i + 1, v[i].days, v[i].meetings, status_word(&v[i]));
        if (has_schedule(&v[i])) {
            ow_buf_printf(out,
                          ", \"meetings_used\": %d, \"days_used\": %d, \"continued\": %d, "
                          "\"objective\": %ld, \"gap\": %.6g",
                          v[i].meetings_used, v[i].days_used, v[i].continued, v[i].objective,
                          v[i].gap);
        } else if (v[i].note[0] != '\0') {
            ow_buf_puts(out, ", \"why\": ");
            json_string(out, v[i].note);
        }
        if (v[i].solved && ow_stop_reason_name(v[i].stop) != NULL)
            ow_buf_printf(out, ", \"stop\": \"%s\"", ow_stop_reason_name(v[i].stop));
        if (timings)
            ow_buf_printf(out, ", \"seconds\": %.3f", v[i].seconds);
        ow_buf_putc(out, '}');
    }
    int best = smallest(v, n);
    ow_buf_puts(out, "\n  ],\n  \"smallest\": ");
    if (best < 0)
        ow_buf_puts(out, "null\n}\n");
    else
        ow_buf_printf(out, "{\"days\": %d, \"meetings\": %d}\n}\n", v[best].days, v[best].meetings);
}

/* One row's cells as text; "–" where a variant has no schedule. */
static void cells(const ow_variant *v, size_t i, bool timings, char c[9][32])
{
    snprintf(c[0], 32, "%zu", i + 1);
    snprintf(c[1], 32, "%d", v->days);
    snprintf(c[2], 32, "%d", v->meetings);
    snprintf(c[3], 32, "%s", status_word(v));
    if (has_schedule(v)) {
        snprintf(c[4], 32, "%d", v->meetings_used);
        snprintf(c[5], 32, "%d", v->days_used);
        snprintf(c[6], 32, "%d", v->continued);
        snprintf(c[7], 32, "%ld", v->objective);
    } else {
        for (int k = 4; k < 8; k++)
            snprintf(c[k], 32, "-");
    }
    if (timings)
        snprintf(c[8], 32, "%.3f", v->seconds);
    else
        c[8][0] = '\0';
}

/* A left-aligned cell; the last one of a line has no padding after it. */
static void text_cell(ow_buf *out, const char *s, size_t width, bool last)
{
    if (last)
        ow_buf_printf(out, "%s\n", s);
    else
        ow_buf_printf(out, "%-*s  ", (int)width, s);
}

static const char *headers[9] = {"variant",   "days",      "meetings",  "status", "meetings used",
                                 "days used", "continued", "objective", "seconds"};

static void smallest_line(const ow_variant *v, size_t n, ow_buf *out)
{
    int best = smallest(v, n);
    if (best < 0)
        ow_buf_puts(out, "No variant has a schedule.\n");
    else
        ow_buf_printf(out, "Smallest feasible variant: %d, with %d day%s and %d meeting%s.\n",
                      best + 1, v[best].days, v[best].days == 1 ? "" : "s", v[best].meetings,
                      v[best].meetings == 1 ? "" : "s");
}

ow_status ow_variants_render(const ow_variant *v, size_t n, ow_format f, bool timings, ow_buf *out,
                             ow_error *err)
{
    int cols = timings ? 9 : 8;
    char c[9][32];
    switch (f) {
    case OW_FORMAT_JSON:
        render_json(v, n, timings, out);
        return OW_OK;
    case OW_FORMAT_CSV:
        for (int k = 0; k < cols; k++)
            ow_buf_printf(out, "%s%s", k ? "," : "", headers[k]);
        ow_buf_puts(out, "\r\n");
        for (size_t i = 0; i < n; i++) {
            cells(&v[i], i, timings, c);
            for (int k = 0; k < cols; k++)
                ow_buf_printf(out, "%s%s", k ? "," : "", c[k]);
            ow_buf_puts(out, "\r\n");
        }
        return OW_OK;
    case OW_FORMAT_MD:
        for (int k = 0; k < cols; k++)
            ow_buf_printf(out, "| %s ", headers[k]);
        ow_buf_puts(out, "|\n");
        for (int k = 0; k < cols; k++)
            ow_buf_puts(out, "|---");
        ow_buf_puts(out, "|\n");
        for (size_t i = 0; i < n; i++) {
            cells(&v[i], i, timings, c);
            for (int k = 0; k < cols; k++)
                ow_buf_printf(out, "| %s ", c[k]);
            ow_buf_puts(out, "|\n");
        }
        ow_buf_putc(out, '\n');
        smallest_line(v, n, out);
        return OW_OK;
    case OW_FORMAT_TEXT: {
        size_t width[9];
        for (int k = 0; k < cols; k++)
            width[k] = strlen(headers[k]);
        for (size_t i = 0; i < n; i++) {
            cells(&v[i], i, timings, c);
            for (int k = 0; k < cols; k++)
                if (strlen(c[k]) > width[k])
                    width[k] = strlen(c[k]);
        }
        for (int k = 0; k < cols; k++)
            text_cell(out, headers[k], width[k], k + 1 == cols);
        for (size_t i = 0; i < n; i++) {
            cells(&v[i], i, timings, c);
            for (int k = 0; k < cols; k++)
                text_cell(out, c[k], width[k], k + 1 == cols);
        }
        ow_buf_putc(out, '\n');
        smallest_line(v, n, out);
        for (size_t i = 0; i < n; i++)
            if (!has_schedule(&v[i]) && v[i].note[0] != '\0')
                ow_buf_printf(out, "Variant %zu: %s\n", i + 1, v[i].note);
        return OW_OK;
    }
    default:
        return ow_error_set(err, OW_INPUT, NULL, (ow_loc){0, 0},
                            "a what-if table is written as text, md, csv or json");
    }
}
