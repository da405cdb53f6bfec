/* render.c: the proposed organization of work as the seeds' annexes lay it out
 * (md, text, html), as data for other tools (csv, ics, json), and the whole
 * period as one timetable (the html overview, svg): the dispatch.  Each format
 * has a file of its own beside this one, and what they share is in annex.c and
 * utf8.c (formats.h lists them).
 *
 * Every renderer writes into a private buffer that is appended to the caller's
 * only when it is complete, so a failure leaves the caller's buffer as it was. */
#include "formats.h"

#include <stdlib.h>
#include <string.h>

bool ow_format_parse(const char *name, ow_format *out)
{
    static const struct {
        const char *name;
        ow_format format;
    } formats[] = {
        {"md", OW_FORMAT_MD},     {"text", OW_FORMAT_TEXT}, {"html", OW_FORMAT_HTML},
        {"csv", OW_FORMAT_CSV},   {"ics", OW_FORMAT_ICS},   {"json", OW_FORMAT_JSON},
        {"svg", OW_FORMAT_SVG},   {"docx", OW_FORMAT_DOCX}, {"odt", OW_FORMAT_ODT},
        {"xlsx", OW_FORMAT_XLSX},
    };
    if (name == NULL)
        return false;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcmp(name, formats[i].name) == 0) {
            *out = formats[i].format;
            return true;
        }
    }
    return false;
}

static ow_status validate(const ow_instance *inst, const ow_schedule *s,
                          const ow_render_options *opts, ow_error *err)
{
    if (opts->body >= 0 && (size_t)opts->body >= inst->n_bodies)
        return ow_error_set(err, OW_INPUT, NULL, (ow_loc){0, 0},
                            "no body number %d to render (the instance has %zu)", opts->body + 1,
                            inst->n_bodies);
    for (size_t i = 0; i < s->n_meetings; i++) {
        const ow_meeting *m = &s->meetings[i];
        if (m->body >= inst->n_bodies)
            return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0},
                                "schedule meeting %zu names body %zu of %zu", i + 1, m->body + 1,
                                inst->n_bodies);
        for (size_t k = 0; k < m->n_pieces; k++) {
            const ow_piece *p = &m->pieces[k];
            size_t owner = p->joint ? p->owner : m->body;
            if (owner >= inst->n_bodies || p->item >= inst->bodies[owner].n_items)
                return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0},
                                    "schedule meeting %d of body %s names an item that does "
                                    "not exist",
                                    m->n, inst->bodies[m->body].id);
        }
    }
    return OW_OK;
}

static ow_status render_annex(const ow_instance *inst, const ow_schedule *s, ow_format f,
                              const ow_render_options *opts, ow_buf *b, ow_error *err)
{
    ow_status rc = OW_OK;
    body_meetings bm = {0, NULL};
    annex a = {0, NULL};
    bool any = false;

    /* The period as a whole matters only when several bodies share it. */
    bool overview = (f == OW_FORMAT_HTML || f == OW_FORMAT_MD) && inst->n_bodies > 1 &&
                    opts->body < 0 && ow_solve_status_has_schedule(s->status);
    if (f == OW_FORMAT_HTML)
        ow_put_html_head(b, inst, overview);
    if (overview && f == OW_FORMAT_HTML)
        OW_CALL(ow_render_html_overview(b, inst, s, opts, err));
    if (overview && f == OW_FORMAT_MD)
        OW_CALL(ow_render_md_overview(b, inst, s, opts, err));
    if (!ow_solve_status_has_schedule(s->status)) {
        if (f == OW_FORMAT_HTML) {
            ow_buf_printf(b, "<p>%s</p>\n</body>\n</html>\n", ow_no_schedule_note(s));
        } else {
            ow_buf_printf(b, "%s\n", ow_no_schedule_note(s));
        }
        goto done;
    }
    for (size_t i = 0; i < inst->n_bodies; i++) {
        if (!body_selected(opts, i))
            continue;
        const ow_body *body = &inst->bodies[i];
        OW_CALL(ow_collect_meetings(s, i, &bm, err));
        OW_CALL(ow_build_annex(inst, &bm, &a, err));
        if (any && f != OW_FORMAT_HTML)
            ow_buf_putc(b, '\n');
        any = true;
        if (f == OW_FORMAT_MD)
            ow_render_md_body(b, inst, body, &a);
        else if (f == OW_FORMAT_TEXT)
            ow_render_text_body(b, inst, body, &a);
        else
            ow_render_html_body(b, inst, body, &a, opts->annex_heading);
        free(a.rows);
        a.rows = NULL;
        free(bm.list);
        bm.list = NULL;
    }
    if (f == OW_FORMAT_HTML)
        ow_buf_puts(b, "</body>\n</html>\n");
done:
    free(a.rows);
    free(bm.list);
    return rc;
}

/* ---- entry point ----------------------------------------------------------------------- */

ow_status ow_render(const ow_instance *inst, const ow_schedule *s, ow_format f,
                    const ow_render_options *opts, ow_buf *out, ow_error *err)
{
    static const ow_render_options defaults = {.body = -1};
    ow_status rc = OW_OK;
    ow_buf b = OW_BUF_INIT;
    if (opts == NULL)
        opts = &defaults;

    OW_CALL(validate(inst, s, opts, err));
    switch (f) {
    case OW_FORMAT_MD:
    case OW_FORMAT_TEXT:
    case OW_FORMAT_HTML:
        OW_CALL(render_annex(inst, s, f, opts, &b, err));
        break;
    case OW_FORMAT_CSV:
        ow_render_csv(inst, s, opts, &b);
        break;
    case OW_FORMAT_ICS:
        OW_CALL(ow_render_ics(inst, s, opts, &b, err));
        break;
    case OW_FORMAT_JSON:
        OW_CALL(ow_render_json(inst, s, opts, &b, err));
        break;
    case OW_FORMAT_SVG:
        OW_CALL(ow_render_svg(inst, s, opts, &b, err));
        break;
    case OW_FORMAT_DOCX:
        OW_CALL(ow_render_docx(inst, s, opts, &b, err));
        break;
    case OW_FORMAT_ODT:
        OW_CALL(ow_render_odt(inst, s, opts, &b, err));
        break;
    case OW_FORMAT_XLSX:
        OW_CALL(ow_render_xlsx(inst, s, opts, &b, err));
        break;
    default:
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "unknown output format %d",
                          (int)f);
        goto done;
    }
    if (b.failed) {
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory while rendering");
        goto done;
    }
    ow_buf_append(out, ow_buf_str(&b), b.len);
    if (out->failed)
        rc = ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory while rendering");
done:
    ow_buf_free(&b);
    return rc;
}
