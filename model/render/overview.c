/* overview.c: the whole period as one timetable (days down, slot by room across):
 * the grid, and the overview that html and md put before the annexes of a period.
 * svg.c draws the same grid. */
#include "formats.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "../order.h"

void ow_grid_free(grid *g)
{
    free(g->list);
    free(g->dates);
    free(g->slots);
    free(g->rooms);
    free(g->attends);
    memset(g, 0, sizeof *g);
}

ow_status ow_grid_build(const ow_instance *inst, const ow_schedule *s,
                        const ow_render_options *opts, grid *g, ow_error *err)
{
    memset(g, 0, sizeof *g);
    size_t n = 0;
    for (size_t i = 0; i < s->n_meetings; i++)
        n += body_selected(opts, s->meetings[i].body);
    g->list = malloc((n + 1) * sizeof *g->list);
    g->dates = malloc((n + 1) * sizeof *g->dates);
    g->slots = malloc((n + 1) * sizeof *g->slots);
    g->rooms = malloc((n + 1) * sizeof *g->rooms);
    g->attends = calloc(inst->n_bodies + 1, sizeof *g->attends);
    if (g->list == NULL || g->dates == NULL || g->slots == NULL || g->rooms == NULL ||
        g->attends == NULL) {
        ow_grid_free(g);
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    }
    for (size_t i = 0; i < s->n_meetings; i++)
        if (body_selected(opts, s->meetings[i].body))
            g->list[g->n++] = &s->meetings[i];
    if (g->n > 1)
        qsort(g->list, g->n, sizeof *g->list, ow_order_timetable);
    for (size_t i = 0; i < g->n; i++) {
        const ow_meeting *m = g->list[i];
        if (g->n_dates == 0 || g->dates[g->n_dates - 1] != m->date)
            g->dates[g->n_dates++] = m->date;
        size_t k = 0;
        while (k < g->n_slots && (g->slots[k].start != m->start || g->slots[k].end != m->end))
            k++;
        if (k == g->n_slots) {
            /* Insertion keeps the slots in time order. */
            while (k > 0 && (g->slots[k - 1].start > m->start ||
                             (g->slots[k - 1].start == m->start && g->slots[k - 1].end > m->end))) {
                g->slots[k] = g->slots[k - 1];
                k--;
            }
            g->slots[k] = (ow_slot){m->start, m->end};
            g->n_slots++;
        }
        k = 0;
        while (k < g->n_rooms && g->rooms[k] != m->room)
            k++;
        if (k == g->n_rooms) {
            while (k > 0 && ow_order_room(g->rooms[k - 1]) > ow_order_room(m->room)) {
                g->rooms[k] = g->rooms[k - 1];
                k--;
            }
            g->rooms[k] = m->room;
            g->n_rooms++;
        }
    }
    return OW_OK;
}

/* The meetings of the cell at (date d, column c) start at *cursor, since the list is in
 * the order the grid is walked; returns how many there are and moves the cursor on. */
size_t ow_grid_cell(const grid *g, size_t d, size_t c, size_t *cursor)
{
    const ow_slot *slot = &g->slots[c / g->n_rooms];
    int room = g->rooms[c % g->n_rooms];
    size_t k = 0;
    while (*cursor + k < g->n) {
        const ow_meeting *m = g->list[*cursor + k];
        if (m->date != g->dates[d] || m->start != slot->start || m->end != slot->end ||
            m->room != room)
            break;
        k++;
    }
    *cursor += k;
    return k;
}

/* Marks in g->attends the bodies of the cell's meetings and those attending them
 * jointly; returns how many. */
size_t ow_cell_bodies(const ow_instance *inst, grid *g, const ow_meeting *const *cell, size_t n)
{
    size_t count = 0;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        g->attends[b] = false;
        for (size_t i = 0; i < n && !g->attends[b]; i++)
            g->attends[b] = cell[i]->body == b || ow_meeting_attended_by(inst, cell[i], b);
        count += g->attends[b];
    }
    return count;
}

static size_t piece_owner(const ow_meeting *m, const ow_piece *p)
{
    return p->joint ? p->owner : m->body;
}

/* "Items 1 (a), 2 (cont.)": each item once, though a joint item sits in the meeting of
 * every body attending; then the events, which have no number, by their ids ("Items
 * 1, 2; panel"): short, as the cells of a timetable must be. */
void ow_put_cell_items(ow_buf *b, const ow_instance *inst, const ow_meeting *const *cell, size_t n)
{
    size_t shown = 0, events = 0;
    ow_buf labels = OW_BUF_INIT, titles = OW_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const ow_meeting *m = cell[i];
        for (size_t k = 0; k < m->n_pieces; k++) {
            const ow_piece *p = &m->pieces[k];
            bool seen = false;
            for (size_t j = 0; j <= i && !seen; j++)
                for (size_t q = 0; q < cell[j]->n_pieces && !seen && (j < i || q < k); q++)
                    seen = cell[j]->pieces[q].item == p->item &&
                           piece_owner(cell[j], &cell[j]->pieces[q]) == piece_owner(m, p);
            if (seen)
                continue;
            const ow_item *item = ow_piece_item(inst, m, p);
            if (item->event) {
                ow_buf_printf(&titles, "%s%s%s", events ? "; " : "", str_or_empty(item->id),
                              p->continued ? " (cont.)" : "");
                events++;
                continue;
            }
            ow_buf_printf(&labels, "%s%s%s", shown ? ", " : "", str_or_empty(item->label),
                          p->continued ? " (cont.)" : "");
            shown++;
        }
    }
    if (shown > 0)
        ow_buf_printf(b, "Item%s %s", shown == 1 ? "" : "s", ow_buf_str(&labels));
    if (events > 0)
        ow_buf_printf(b, "%s%s", shown > 0 ? "; " : "", ow_buf_str(&titles));
    if (labels.failed || titles.failed)
        b->failed = true;
    ow_buf_free(&labels);
    ow_buf_free(&titles);
}

static void put_short_name(ow_buf *b, const ow_body *body)
{
    const char *name = str_or_empty(body->name);
    ow_buf_append(b, name, ow_short_name_len(name));
}

ow_status ow_render_html_overview(ow_buf *b, const ow_instance *inst, const ow_schedule *s,
                                  const ow_render_options *opts, ow_error *err)
{
    grid g;
    ow_status rc = ow_grid_build(inst, s, opts, &g, err);
    if (rc != OW_OK)
        return rc;
    ow_buf_puts(b, "<section class=\"overview\">\n<h2>Overview of the period</h2>\n");
    if (g.n == 0) {
        ow_buf_puts(b, "<p>No meetings are scheduled.</p>\n</section>\n");
        ow_grid_free(&g);
        return OW_OK;
    }
    char text[64];
    ow_buf_puts(b, "<table class=\"overview\">\n<thead>\n"
                   "<tr><th rowspan=\"2\" scope=\"col\">Date</th>");
    for (size_t k = 0; k < g.n_slots; k++) {
        ow_slot_house(g.slots[k], text, sizeof text);
        ow_buf_printf(b, "<th colspan=\"%zu\" scope=\"colgroup\">", g.n_rooms);
        ow_put_html_nowrap(b, text, false);
        ow_buf_puts(b, "</th>");
    }
    ow_buf_puts(b, "</tr>\n<tr>");
    for (size_t c = 0; c < g.n_slots * g.n_rooms; c++) {
        ow_buf_puts(b, "<th scope=\"col\">");
        ow_put_html_nowrap(b, str_or_empty(room_name(inst, g.rooms[c % g.n_rooms])), false);
        ow_buf_puts(b, "</th>");
    }
    ow_buf_puts(b, "</tr>\n</thead>\n<tbody>\n");
    size_t cursor = 0;
    for (size_t d = 0; d < g.n_dates; d++) {
        ow_date_long(g.dates[d], text, sizeof text);
        ow_buf_puts(b, "<tr><th scope=\"row\">");
        ow_put_html_escaped(b, text);
        ow_buf_puts(b, "</th>");
        for (size_t c = 0; c < g.n_slots * g.n_rooms; c++) {
            const ow_meeting *const *cell = &g.list[cursor];
            size_t n = ow_grid_cell(&g, d, c, &cursor);
            if (n == 0) {
                ow_buf_puts(b, "<td></td>");
                continue;
            }
            size_t bodies = ow_cell_bodies(inst, &g, cell, n);
            ow_buf_puts(b, bodies > 1 ? "<td class=\"joint\">" : "<td>");
            for (size_t k = 0; k < inst->n_bodies; k++) {
                if (!g.attends[k])
                    continue;
                ow_buf line = OW_BUF_INIT;
                put_short_name(&line, &inst->bodies[k]);
                ow_buf_puts(b, "<b>");
                ow_put_html_escaped(b, str_or_empty(inst->bodies[k].id));
                ow_buf_puts(b, "</b> ");
                ow_put_html_escaped(b, ow_buf_str(&line));
                ow_buf_puts(b, "<br>");
                if (line.failed)
                    b->failed = true;
                ow_buf_free(&line);
            }
            ow_buf items = OW_BUF_INIT;
            ow_put_cell_items(&items, inst, cell, n);
            ow_put_html_nowrap(b, ow_buf_str(&items), true);
            if (items.failed)
                b->failed = true;
            ow_buf_free(&items);
            ow_buf_puts(b, "</td>");
        }
        ow_buf_puts(b, "</tr>\n");
    }
    /* The walk met every meeting once: ow_order_timetable is the order of the walk. */
    assert(cursor == g.n);
    ow_buf_puts(b, "</tbody>\n</table>\n");
    /* The key: the bodies' ids, as the cells name them, and their names. */
    ow_buf_puts(b, "<table class=\"key\">\n<caption>Bodies</caption>\n<tbody>\n");
    for (size_t k = 0; k < inst->n_bodies; k++) {
        if (!body_selected(opts, k))
            continue;
        ow_buf_puts(b, "<tr><th scope=\"row\">");
        ow_put_html_nowrap(b, str_or_empty(inst->bodies[k].id), false);
        ow_buf_puts(b, "</th><td>");
        ow_put_html_escaped(b, str_or_empty(inst->bodies[k].name));
        ow_buf_puts(b, "</td></tr>\n");
    }
    ow_buf_puts(b, "</tbody>\n</table>\n</section>\n");
    ow_grid_free(&g);
    return OW_OK;
}

/* The same timetable as a Markdown table, before the annexes of a period. */
ow_status ow_render_md_overview(ow_buf *b, const ow_instance *inst, const ow_schedule *s,
                                const ow_render_options *opts, ow_error *err)
{
    grid g;
    ow_status rc = ow_grid_build(inst, s, opts, &g, err);
    if (rc != OW_OK)
        return rc;
    ow_buf_puts(b, "## Overview of the period\n\n| Date |");
    char text[64];
    ow_buf cell = OW_BUF_INIT;
    for (size_t c = 0; c < g.n_slots * g.n_rooms; c++) {
        ow_slot_house(g.slots[c / g.n_rooms], text, sizeof text);
        ow_buf_printf(&cell, "%s, %s", text, str_or_empty(room_name(inst, g.rooms[c % g.n_rooms])));
        ow_put_md_cell(b, ow_buf_str(&cell), false);
        cell.len = 0;
    }
    ow_buf_puts(b, "\n|---|");
    for (size_t c = 0; c < g.n_slots * g.n_rooms; c++)
        ow_buf_puts(b, "---|");
    ow_buf_putc(b, '\n');
    size_t cursor = 0;
    for (size_t d = 0; d < g.n_dates; d++) {
        ow_date_long(g.dates[d], text, sizeof text);
        ow_buf_puts(b, "|");
        ow_put_md_cell(b, text, false);
        for (size_t c = 0; c < g.n_slots * g.n_rooms; c++) {
            const ow_meeting *const *meetings = &g.list[cursor];
            size_t n = ow_grid_cell(&g, d, c, &cursor);
            cell.len = 0;
            if (cell.data != NULL)
                cell.data[0] = '\0';
            if (n > 0) {
                /* "WG.4, WG.7: Item 4" — every body attending, then what it takes. */
                ow_cell_bodies(inst, &g, meetings, n);
                size_t shown = 0;
                for (size_t k = 0; k < inst->n_bodies; k++)
                    if (g.attends[k])
                        ow_buf_printf(&cell, "%s%s", shown++ ? ", " : "",
                                      str_or_empty(inst->bodies[k].id));
                ow_buf_puts(&cell, ": ");
                ow_put_cell_items(&cell, inst, meetings, n);
            }
            ow_put_md_cell(b, ow_buf_str(&cell), false);
        }
        ow_buf_putc(b, '\n');
    }
    /* The walk met every meeting once: ow_order_timetable is the order of the walk. */
    assert(cursor == g.n);
    ow_buf_putc(b, '\n');
    if (cell.failed)
        b->failed = true;
    ow_buf_free(&cell);
    ow_grid_free(&g);
    return OW_OK;
}
