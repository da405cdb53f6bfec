/* plan.c: reading a plan back — the JSON `orgwork workplan --format json` writes, or
 * the same written by hand in YAML — for the checker.  JSON is read as YAML, so both
 * give errors naming file:line:column. */
#include <stdlib.h>
#include <string.h>

#include "load/yaml.h"
#include "orgwork/arena.h"
#include "orgwork/instance.h"
#include "orgwork/workplan.h"

typedef struct plan_reader {
    ow_yaml y;
    const ow_workplan *wp;
    ow_wp_plan *plan;
} plan_reader;

/* What the writer puts in a plan; only sessions[].id and sessions[].topics count. */
static const char *const TOP_KEYS[] = {
    "orgwork", "workplan", "body",     "status", "objective",       "terms",
    "gap",     "seconds",  "sessions", "left",   "needed_sessions", NULL};
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

static ow_status read_topic(plan_reader *r, const ow_yaml_node *e, int session)
{
    ow_status rc = OW_OK;
    const ow_yaml_node *idn = e;
    if (e->kind == OW_YAML_MAP) {
        ow_yaml_fields f;
        OW_CALL(ow_yaml_read_fields(&r->y, e, "a topic", "topics", TOPIC_KEYS, &f));
        idn = ow_yaml_field(&f, "id");
        if (idn == NULL)
            return ow_yaml_fail(&r->y, e->loc, "missing key \"id\" in a topic (expected its id)");
    }
    const char *id = NULL;
    OW_CALL(ow_yaml_copy_id(&r->y, idn, "topics", &id));
    int t = ow_workplan_find_topic(r->wp, id);
    if (t < 0)
        return ow_yaml_fail(&r->y, idn->loc, "unknown topic \"%s\" (no topic of %s has that id)",
                            id, r->wp->path);
    if (r->plan->session[t] >= 0)
        return ow_yaml_fail(&r->y, idn->loc, "topic %s is placed twice (first in session %s)", id,
                            r->wp->sessions[r->plan->session[t]].id);
    r->plan->session[t] = session;
done:
    return rc;
}

static ow_status read_plan(plan_reader *r, const ow_yaml_node *root)
{
    ow_status rc = OW_OK;
    ow_yaml_fields f;
    if (root->kind != OW_YAML_MAP)
        return ow_yaml_wrong_type(&r->y, root, "a mapping with sessions", "the plan");
    OW_CALL(ow_yaml_read_fields(&r->y, root, "the plan", "the plan", TOP_KEYS, &f));
    const ow_yaml_node *list = ow_yaml_field(&f, "sessions");
    if (list == NULL)
        return ow_yaml_fail(&r->y, root->loc,
                            "missing key \"sessions\" (expected a list of sessions with topics)");
    OW_CALL(ow_yaml_expect_list(&r->y, list, "sessions", OW_WP_MAX_SESSIONS));
    for (const ow_yaml_node *e = list->first; e != NULL; e = e->next) {
        ow_yaml_fields sf;
        OW_CALL(ow_yaml_read_fields(&r->y, e, "a session", "sessions", SESSION_KEYS, &sf));
        const ow_yaml_node *idn = ow_yaml_field(&sf, "id");
        if (idn == NULL)
            return ow_yaml_fail(&r->y, e->loc, "missing key \"id\" in a session");
        const char *id = NULL;
        OW_CALL(ow_yaml_copy_id(&r->y, idn, "id", &id));
        int s = find_session(r->wp, id);
        if (s < 0)
            return ow_yaml_fail(&r->y, idn->loc,
                                "unknown session \"%s\" (no session of %s has that id)", id,
                                r->wp->path);
        const ow_yaml_node *topics = ow_yaml_field(&sf, "topics");
        if (topics == NULL)
            continue;
        OW_CALL(ow_yaml_expect_list(&r->y, topics, "topics", OW_WP_MAX_TOPICS));
        for (const ow_yaml_node *t = topics->first; t != NULL; t = t->next)
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
    r.y.name = path;
    r.y.text = text;
    r.y.len = len;
    r.y.err = err;
    r.y.expected = "a mapping with sessions";
    r.y.what = "plan";
    r.wp = wp;
    r.plan = plan;
    r.y.tree = ow_arena_new();
    r.y.arena = r.y.tree; /* nothing outlives the reading */
    if (r.y.tree == NULL) {
        rc = ow_yaml_out_of_memory(&r.y);
        goto done;
    }
    ow_yaml_node *root = NULL;
    OW_CALL(ow_yaml_parse(&r.y, &root));
    OW_CALL(read_plan(&r, root));
done:
    ow_arena_free(r.y.tree);
    free(text);
    if (rc != OW_OK)
        ow_wp_plan_free(plan);
    return rc;
}
