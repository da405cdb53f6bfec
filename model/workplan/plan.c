/* plan.c: reading a plan back — the JSON `orgwork workplan --format json` writes, or
 * the same written by hand in YAML — for the checker.  JSON is read as YAML, so both
 * give errors naming file:line:column. */
#include <stdlib.h>
#include <string.h>

#include "../arena.h"
#include "../load/stages.h"
#include "orgwork/instance.h"
#include "orgwork/workplan.h"

typedef struct plan_reader {
    loader l; /* the instance loader's reader: its tree, arenas and errors */
    const ow_workplan *wp;
    ow_wp_plan *plan;
} plan_reader;

/* What the writer puts in a plan; only sessions[].id and sessions[].topics count. */
static const char *const TOP_KEYS[] = {
    "orgwork", "workplan", "body", "status",          "stop", "objective", "terms", "gap",
    "seconds", "sessions", "left", "needed_sessions", NULL};
static const char *const SESSION_KEYS[] = {"id",       "name",   "year", "dates",
                                           "capacity", "topics", NULL};
static const char *const TOPIC_KEYS[] = {
    "id",           "title",     "cluster", "cluster_title", "proposed", "proposed_by", "status",
    "addressed_by", "addressed", "source",  "reference",     "fixed",    NULL};

static int find_session(const ow_workplan *wp, const char *id)
{
    for (size_t s = 0; s < wp->n_sessions; s++)
        if (strcmp(wp->sessions[s].id, id) == 0)
            return (int)s;
    return -1;
}

static ow_status read_topic(plan_reader *r, const node *e, int session)
{
    ow_status rc = OW_OK;
    const node *idn = e;
    if (e->kind == NODE_MAP) {
        fields f;
        OW_CALL(read_fields(&r->l, e, "a topic", "topics", TOPIC_KEYS, &f));
        idn = field(&f, "id");
        if (idn == NULL)
            return fail(&r->l, e->loc, "missing key \"id\" in a topic (expected its id)");
    }
    const char *id = NULL;
    OW_CALL(copy_id(&r->l, idn, "topics", &id));
    int t = ow_workplan_find_topic(r->wp, id);
    if (t < 0)
        return fail(&r->l, idn->loc, "unknown topic \"%s\" (no topic of %s has that id)", id,
                    r->wp->path);
    if (r->plan->session[t] >= 0)
        return fail(&r->l, idn->loc, "topic %s is placed twice (first in session %s)", id,
                    r->wp->sessions[r->plan->session[t]].id);
    r->plan->session[t] = session;
done:
    return rc;
}

static ow_status read_plan(plan_reader *r, const node *root)
{
    ow_status rc = OW_OK;
    fields f;
    if (root->kind != NODE_MAP)
        return wrong_type(&r->l, root, "a mapping with sessions", "the plan");
    OW_CALL(read_fields(&r->l, root, "the plan", "the plan", TOP_KEYS, &f));
    const node *stop = field(&f, "stop");
    if (stop != NULL) {
        const char *name = NULL;
        OW_CALL(copy_text(&r->l, stop, "stop", 32, &name));
        if (!ow_stop_reason_parse(name, &r->plan->stop))
            return fail(&r->l, stop->loc,
                        "stop: \"%s\" is not a reason the search ends (proven, gap, time, "
                        "interrupted, default or planned)",
                        name);
    }
    const node *list = field(&f, "sessions");
    if (list == NULL)
        return fail(&r->l, root->loc,
                    "missing key \"sessions\" (expected a list of sessions with topics)");
    OW_CALL(expect_list(&r->l, list, "sessions", OW_WP_MAX_SESSIONS));
    for (const node *e = list->first; e != NULL; e = e->next) {
        fields sf;
        OW_CALL(read_fields(&r->l, e, "a session", "sessions", SESSION_KEYS, &sf));
        const node *idn = field(&sf, "id");
        if (idn == NULL)
            return fail(&r->l, e->loc, "missing key \"id\" in a session");
        const char *id = NULL;
        OW_CALL(copy_id(&r->l, idn, "id", &id));
        int s = find_session(r->wp, id);
        if (s < 0)
            return fail(&r->l, idn->loc, "unknown session \"%s\" (no session of %s has that id)",
                        id, r->wp->path);
        const node *topics = field(&sf, "topics");
        if (topics == NULL)
            continue;
        OW_CALL(expect_list(&r->l, topics, "topics", OW_WP_MAX_TOPICS));
        for (const node *t = topics->first; t != NULL; t = t->next)
            OW_CALL(read_topic(r, t, s));
    }
done:
    return rc;
}

ow_status ow_wp_plan_read(const ow_workplan *wp, const char *path, ow_wp_plan *plan, ow_error *err)
{
    ow_status rc = OW_OK;
    char *text = NULL;
    size_t len = 0;
    plan_reader r;
    memset(&r, 0, sizeof r);
    OW_CALL(ow_wp_plan_init(plan, wp, err));
    OW_CALL(ow_read_file(path, OW_MAX_FILE_BYTES, &text, &len, err));
    r.l.name = path;
    r.l.text = text;
    r.l.len = len;
    r.l.err = err;
    r.l.expected = "a mapping with sessions";
    r.l.what = "plan";
    r.wp = wp;
    r.plan = plan;
    r.l.tree = ow_arena_new();
    r.l.arena = r.l.tree; /* nothing outlives the reading */
    if (r.l.tree == NULL) {
        rc = out_of_memory(&r.l);
        goto done;
    }
    node *root = NULL;
    OW_CALL(parse_tree(&r.l, &root));
    OW_CALL(read_plan(&r, root));
done:
    ow_arena_free(r.l.tree);
    free(text);
    if (rc != OW_OK)
        ow_wp_plan_free(plan);
    return rc;
}
