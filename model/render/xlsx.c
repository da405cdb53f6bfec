/* xlsx.c: the schedule as a workbook for conference services (libxlsxwriter):
 * a sheet per body, one row per piece of an item, and for a period an "Overview"
 * sheet first, one row per meeting of any body.  Dates are dates, times are times,
 * item numbers are text ("1.10" stays "1.10").
 *
 * libxlsxwriter writes to a file name: the workbook is written into a private
 * scratch directory, read back and handed to the caller as bytes, so that the one
 * output writer (ow_write_file_atomic) puts it where it goes.  The document's
 * creation time is fixed (the instance's `issued:` date), so the same input gives
 * the same bytes. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "formats.h"
#include "orgwork/calendar.h"
#include "orgwork/text.h"

/* Excel's limit on a sheet name, and the characters it refuses in one. */
#define SHEET_NAME_MAX 31

typedef struct formats {
    lxw_format *head, *date, *time, *text;
    ow_buf clean; /* write_text's scratch */
    bool failed;  /* out of memory cleaning a text */
} formats;

static lxw_datetime as_date(ow_date d)
{
    int y, mo, dd;
    ow_date_to_ymd(d, &y, &mo, &dd);
    return (lxw_datetime){y, mo, dd, 0, 0, 0};
}

/* A time of day: Excel's fraction of a day (24:00, the day's end, is 1). */
static void write_time(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int minutes,
                       lxw_format *fmt)
{
    if (minutes >= 24 * 60) {
        worksheet_write_number(ws, row, col, 1.0, fmt);
        return;
    }
    lxw_datetime t = {0, 0, 0, minutes / 60, minutes % 60, 0};
    worksheet_write_datetime(ws, row, col, &t, fmt);
}

/* A sheet name Excel accepts: the body id without []:*?/\' and control characters,
 * cut to 31 bytes at a character boundary, made unique among names[0..k) with "~2", "~3"... */
static void sheet_name(const char *id, size_t body, char (*names)[SHEET_NAME_MAX + 1], size_t k)
{
    char base[SHEET_NAME_MAX + 1];
    char *out = names[k];
    size_t n = 0;
    /* Whole characters only, a control character (ow_text_is_control) as '_'. */
    const char *src = id != NULL ? id : "";
    for (size_t i = 0, len = strlen(src); i < len;) {
        uint32_t c;
        size_t w = ow_utf8_next(src + i, len - i, &c);
        bool refused = ow_text_is_control(c) || (c < 0x80 && strchr("[]:*?/\\'", (int)c) != NULL);
        if (n + (refused ? 1 : w) > SHEET_NAME_MAX)
            break;
        if (refused)
            base[n++] = '_';
        else
            memcpy(base + n, src + i, w), n += w;
        i += w;
    }
    base[n] = '\0';
    if (n == 0 || strcmp(base, "Overview") == 0)
        snprintf(base, sizeof base, "Body %zu", body + 1);
    snprintf(out, SHEET_NAME_MAX + 1, "%s", base);
    for (int suffix = 2;; suffix++) {
        bool taken = false;
        for (size_t j = 0; j < k && !taken; j++)
            taken = strcmp(names[j], out) == 0;
        if (!taken)
            return;
        char tail[16];
        int len = snprintf(tail, sizeof tail, "~%d", suffix);
        size_t keep = strlen(base);
        if (keep + (size_t)len > SHEET_NAME_MAX)
            keep = SHEET_NAME_MAX - (size_t)len;
        while (keep > 0 && ((unsigned char)base[keep] & 0xC0) == 0x80)
            keep--;
        snprintf(out, SHEET_NAME_MAX + 1, "%.*s%s", (int)keep, base, tail);
    }
}

/* Text from the instance goes into a cell as plain text does (ow_put_plain_text):
 * libxlsxwriter would write a C0 control as Excel's escape (_x001B_, which Excel
 * reads back as the character) and a C1 control as it is. */
static void write_text(formats *f, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                       lxw_format *fmt)
{
    buf_reset(&f->clean);
    ow_put_plain_text(&f->clean, s);
    if (f->clean.failed)
        f->failed = true;
    else
        worksheet_write_string(ws, row, col, ow_buf_str(&f->clean), fmt);
}

static void put_header(lxw_worksheet *ws, const formats *f, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        worksheet_write_string(ws, 0, (lxw_col_t)i, names[i], f->head);
    worksheet_freeze_panes(ws, 1, 0);
}

static void write_when(lxw_worksheet *ws, lxw_row_t row, formats *f, const ow_meeting *m,
                       const ow_instance *inst)
{
    lxw_datetime d = as_date(m->date);
    worksheet_write_datetime(ws, row, 0, &d, f->date);
    write_time(ws, row, 1, m->start, f->time);
    write_time(ws, row, 2, m->end, f->time);
    const char *room = room_name(inst, m->room);
    write_text(f, ws, row, 3, room != NULL ? room : "", NULL);
}

static void body_sheet(lxw_workbook *wb, formats *f, const ow_instance *inst, const char *name,
                       const body_meetings *bm)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    if (ws == NULL)
        return;
    static const char *const head[] = {"Date", "Start", "End",     "Room",     "Meeting",
                                       "Item", "Title", "Minutes", "Continued"};
    put_header(ws, f, head, sizeof head / sizeof head[0]);
    worksheet_set_column(ws, 0, 0, 12, NULL);
    worksheet_set_column(ws, 1, 2, 7, NULL);
    worksheet_set_column(ws, 3, 3, 16, NULL);
    worksheet_set_column(ws, 5, 5, 8, f->text);
    worksheet_set_column(ws, 6, 6, 80, NULL);
    lxw_row_t row = 1;
    ow_buf title = OW_BUF_INIT;
    for (size_t i = 0; i < bm->n; i++) {
        const ow_meeting *m = bm->list[i];
        size_t rows = m->n_pieces > 0 ? m->n_pieces : 1;
        for (size_t k = 0; k < rows; k++, row++) {
            write_when(ws, row, f, m, inst);
            worksheet_write_number(ws, row, 4, m->n, NULL);
            if (m->n_pieces == 0)
                continue;
            const ow_piece *p = &m->pieces[k];
            const ow_item *item = ow_piece_item(inst, m, p);
            write_text(f, ws, row, 5, item_number(item), f->text);
            annex_row r = {.title = item->title != NULL ? item->title : "", .m = m, .p = p};
            buf_reset(&title);
            ow_put_row_title(&title, inst, &r);
            write_text(f, ws, row, 6, ow_buf_str(&title), NULL);
            worksheet_write_number(ws, row, 7, p->minutes, NULL);
            worksheet_write_boolean(ws, row, 8, p->continued, NULL);
        }
    }
    ow_buf_free(&title);
}

static ow_status overview_sheet(lxw_workbook *wb, formats *f, const ow_instance *inst,
                                const ow_schedule *s, const ow_render_options *opts, ow_error *err)
{
    grid g;
    ow_status rc = ow_grid_build(inst, s, opts, &g, err);
    if (rc != OW_OK)
        return rc;
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Overview");
    static const char *const head[] = {"Date", "Start", "End", "Room", "Bodies", "Items"};
    put_header(ws, f, head, sizeof head / sizeof head[0]);
    worksheet_set_column(ws, 0, 0, 12, NULL);
    worksheet_set_column(ws, 1, 2, 7, NULL);
    worksheet_set_column(ws, 3, 3, 16, NULL);
    worksheet_set_column(ws, 4, 4, 24, NULL);
    worksheet_set_column(ws, 5, 5, 40, NULL);
    lxw_row_t row = 1;
    size_t cursor = 0;
    ow_buf text = OW_BUF_INIT;
    for (size_t d = 0; d < g.n_dates; d++) {
        for (size_t c = 0; c < g.n_slots * g.n_rooms; c++) {
            const ow_meeting *const *cell = &g.list[cursor];
            size_t n = ow_grid_cell(&g, d, c, &cursor);
            if (n == 0)
                continue;
            write_when(ws, row, f, cell[0], inst);
            ow_cell_bodies(inst, &g, cell, n);
            buf_reset(&text);
            for (size_t k = 0; k < inst->n_bodies; k++)
                if (g.attends[k])
                    ow_buf_printf(&text, "%s%s", text.len > 0 ? ", " : "", inst->bodies[k].id);
            write_text(f, ws, row, 4, ow_buf_str(&text), NULL);
            buf_reset(&text);
            ow_put_cell_items(&text, inst, cell, n);
            write_text(f, ws, row, 5, ow_buf_str(&text), NULL);
            row++;
        }
    }
    /* The key of the bodies' ids, below the table. */
    row++;
    worksheet_write_string(ws, row++, 0, "Bodies", f->head);
    for (size_t k = 0; k < inst->n_bodies; k++) {
        if (!body_selected(opts, k))
            continue;
        write_text(f, ws, row, 0, inst->bodies[k].id, NULL);
        write_text(f, ws, row++, 1, inst->bodies[k].name != NULL ? inst->bodies[k].name : "", NULL);
    }
    ow_buf_free(&text);
    ow_grid_free(&g);
    return OW_OK;
}

static ow_status fill_workbook(lxw_workbook *wb, const ow_instance *inst, const ow_schedule *s,
                               const ow_render_options *opts, ow_error *err)
{
    ow_status rc = OW_OK;
    body_meetings bm = {0, NULL};
    char(*names)[SHEET_NAME_MAX + 1] = NULL;
    formats f = {.clean = OW_BUF_INIT, .failed = false};
    f.head = workbook_add_format(wb);
    format_set_bold(f.head);
    f.date = workbook_add_format(wb);
    format_set_num_format(f.date, "yyyy-mm-dd");
    f.time = workbook_add_format(wb);
    format_set_num_format(f.time, "hh:mm");
    f.text = workbook_add_format(wb);
    format_set_num_format(f.text, "@");
    if (!ow_solve_status_has_schedule(s->status)) {
        lxw_worksheet *ws = workbook_add_worksheet(wb, "Overview");
        write_text(&f, ws, 0, 0, ow_no_schedule_note(s), NULL);
        goto done;
    }
    if (inst->n_bodies > 1 && opts->body < 0)
        OW_CALL(overview_sheet(wb, &f, inst, s, opts, err));
    names = malloc((inst->n_bodies + 1) * sizeof *names);
    if (names == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        goto done;
    }
    size_t k = 0;
    for (size_t i = 0; i < inst->n_bodies; i++) {
        if (!body_selected(opts, i))
            continue;
        OW_CALL(ow_collect_meetings(s, i, &bm, err));
        sheet_name(inst->bodies[i].id, i, names, k);
        body_sheet(wb, &f, inst, names[k++], &bm);
        free(bm.list);
        bm.list = NULL;
    }
done:
    if (rc == OW_OK && f.failed)
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    ow_buf_free(&f.clean);
    free(names);
    free(bm.list);
    return rc;
}

/* The workbook's creation time: midnight UTC of `issued:` (else the calendar's
 * start), as seconds since 1970. */
static time_t created(const ow_instance *inst)
{
    ow_date d = inst->has_issued ? inst->issued : inst->calendar.start;
    ow_date epoch;
    ow_date_from_ymd(1970, 1, 1, &epoch);
    return (time_t)(d - epoch) * 86400;
}

ow_status ow_render_xlsx(const ow_instance *inst, const ow_schedule *s,
                         const ow_render_options *opts, ow_buf *out, ow_error *err)
{
    const ow_loc none = {0, 0};
    const char *tmp = getenv("TMPDIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/orgwork-xlsx.XXXXXX", tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
    if (mkdtemp(dir) == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, none,
                            "cannot make a scratch directory for the workbook: %s",
                            strerror(errno));
    char path[4200];
    snprintf(path, sizeof path, "%s/workbook.xlsx", dir);
    ow_status rc = OW_OK;
    ow_buf title = OW_BUF_INIT;
    ow_put_plain_text(&title, inst->title != NULL ? inst->title : "Proposed organization of work");
    if (title.failed) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "out of memory");
        goto cleanup;
    }
    lxw_workbook_options wo = {.constant_memory = LXW_FALSE, .tmpdir = dir, .use_zip64 = LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(path, &wo);
    if (wb == NULL) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "cannot make a workbook");
        goto cleanup;
    }
    lxw_doc_properties props = {0};
    props.title = (char *)ow_buf_str(&title);
    props.author = "orgwork";
    props.created = created(inst);
    workbook_set_properties(wb, &props);
    rc = fill_workbook(wb, inst, s, opts, err);
    lxw_error xe = workbook_close(wb);
    if (rc == OW_OK && xe != LXW_NO_ERROR)
        rc = ow_error_set(err, OW_INTERNAL, NULL, none, "cannot write the workbook: %s",
                          lxw_strerror(xe));
    if (rc == OW_OK) {
        char *data = NULL;
        size_t len = 0;
        rc = ow_read_file(path, (size_t)1 << 30, &data, &len, err);
        if (rc == OW_OK)
            ow_buf_append(out, data, len);
        free(data);
    }
cleanup:
    ow_buf_free(&title);
    unlink(path);
    rmdir(dir);
    return rc;
}
