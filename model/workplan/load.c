/* load.c: reads a workplan file (docs/formats.md, "Workplan files") into an
 * ow_workplan, with the YAML reader and the errors of instance files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/yaml.h"
#include "orgwork/arena.h"
#include "orgwork/instance.h"
#include "orgwork/workplan.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2999

typedef struct wp_loader {
    ow_yaml y;
    ow_workplan *wp;
    const char *where; /* "topic T03", for error context */
} wp_loader;

static void add_context(void *owner, ow_error *err)
{
    const wp_loader *ld = owner;
    if (ld->where != NULL)
        ow_error_context(err, "in %s", ld->where);
}

const char *ow_wp_status_name(ow_wp_status s)
{
    return s == OW_WP_YES ? "yes" : s == OW_WP_PARTLY ? "partly" : "no";
}

int ow_workplan_find_topic(const ow_workplan *wp, const char *id)
{
    for (size_t i = 0; i < wp->n_topics; i++)
        if (strcmp(wp->topics[i].id, id) == 0)
            return (int)i;
    return -1;
}

static int find_cluster(const ow_workplan *wp, const char *id)
{
    for (size_t i = 0; i < wp->n_clusters; i++)
        if (strcmp(wp->clusters[i].id, id) == 0)
            return (int)i;
    return -1;
}

/* A topic named by id; the message lists nothing more (topics may be hundreds). */
static ow_status topic_ref(wp_loader *ld, const ow_yaml_node *n, const char *key, size_t *out)
{
    ow_status rc = OW_OK;
    const char *id = NULL;
    OW_CALL(ow_yaml_copy_id(&ld->y, n, key, &id));
    int t = ow_workplan_find_topic(ld->wp, id);
    if (t < 0)
        return ow_yaml_fail(&ld->y, n->loc, "unknown topic \"%s\" in %s (expected a topic id)", id,
                            key);
    *out = (size_t)t;
done:
    return rc;
}

/* A list of distinct topic ids, at least min of them. */
static ow_status topic_list(wp_loader *ld, const ow_yaml_node *list, const char *key, size_t min,
                            size_t max, size_t **out, size_t *n)
{
    ow_status rc = OW_OK;
    OW_CALL(ow_yaml_expect_list(&ld->y, list, key, max));
    if (list->n < min)
        return ow_yaml_fail(&ld->y, list->loc, "%s lists %zu topic%s (expected at least %zu)", key,
                            list->n, list->n == 1 ? "" : "s", min);
    size_t *t = ow_arena_calloc(ld->y.arena, list->n ? list->n : 1, sizeof *t);
    if (t == NULL)
        return ow_yaml_out_of_memory(&ld->y);
    size_t k = 0;
    for (const ow_yaml_node *e = list->first; e != NULL; e = e->next, k++) {
        OW_CALL(topic_ref(ld, e, key, &t[k]));
        for (size_t j = 0; j < k; j++)
            if (t[j] == t[k])
                return ow_yaml_fail(&ld->y, e->loc, "topic \"%s\" is listed twice in %s",
                                    ld->wp->topics[t[k]].id, key);
    }
    *out = t;
    *n = k;
done:
    return rc;
}

static ow_status get_year(wp_loader *ld, const ow_yaml_node *n, const char *key, int *out)
{
    return ow_yaml_get_int(&ld->y, n, key, MIN_YEAR, MAX_YEAR, out);
}

/* ---- Clusters -------------------------------------------------------------------- */

static const char *const CLUSTER_KEYS[] = {"id", "title", "shared", NULL};

static ow_status load_clusters(wp_loader *ld, const ow_yaml_node *list)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    OW_CALL(ow_yaml_expect_list(&ld->y, list, "clusters", OW_WP_MAX_CLUSTERS));
    if (list->n == 0)
        return ow_yaml_fail(&ld->y, list->loc, "clusters lists no cluster (expected at least one)");
    wp->clusters = ow_arena_calloc(ld->y.arena, list->n, sizeof *wp->clusters);
    if (wp->clusters == NULL)
        return ow_yaml_out_of_memory(&ld->y);
    for (const ow_yaml_node *e = list->first; e != NULL; e = e->next) {
        ow_yaml_fields f;
        ow_wp_cluster *c = &wp->clusters[wp->n_clusters];
        OW_CALL(ow_yaml_read_fields(&ld->y, e, "a cluster", "clusters", CLUSTER_KEYS, &f));
        c->loc = e->loc;
        const ow_yaml_node *n;
        if ((n = ow_yaml_field(&f, "id")) == NULL)
            return ow_yaml_fail(&ld->y, e->loc, "missing key \"id\" in a cluster (expected an id)");
        OW_CALL(ow_yaml_copy_id(&ld->y, n, "id", &c->id));
        if (find_cluster(wp, c->id) >= 0)
            return ow_yaml_fail(&ld->y, n->loc, "cluster \"%s\" is listed twice", c->id);
        if ((n = ow_yaml_field(&f, "title")) == NULL)
            return ow_yaml_fail(&ld->y, e->loc,
                                "missing key \"title\" in cluster %s (expected its title)", c->id);
        OW_CALL(ow_yaml_copy_text(&ld->y, n, "title", OW_MAX_TEXT, &c->title));
        if ((n = ow_yaml_field(&f, "shared")) != NULL)
            OW_CALL(ow_yaml_get_bool(&ld->y, n, "shared", &c->shared));
        wp->n_clusters++;
    }
done:
    return rc;
}

/* ---- Topics ---------------------------------------------------------------------- */

static const char *const TOPIC_KEYS[] = {
    "id",           "title",     "cluster", "proposed",  "proposed_by", "status",
    "addressed_by", "addressed", "source",  "reference", NULL};

static ow_status load_topic(wp_loader *ld, const ow_yaml_node *e, ow_wp_topic *t)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    ow_yaml_fields f;
    const ow_yaml_node *n;
    OW_CALL(ow_yaml_read_fields(&ld->y, e, "a topic", "topics", TOPIC_KEYS, &f));
    t->loc = e->loc;
    if ((n = ow_yaml_field(&f, "id")) == NULL)
        return ow_yaml_fail(&ld->y, e->loc, "missing key \"id\" in a topic (expected an id)");
    OW_CALL(ow_yaml_copy_id(&ld->y, n, "id", &t->id));
    if (ow_workplan_find_topic(wp, t->id) >= 0)
        return ow_yaml_fail(&ld->y, n->loc, "topic \"%s\" is listed twice", t->id);
    char where[96];
    snprintf(where, sizeof where, "topic %s", t->id);
    ld->where = where;
    if ((n = ow_yaml_field(&f, "title")) == NULL)
        return ow_yaml_fail(&ld->y, e->loc, "missing key \"title\" (expected the topic's title)");
    OW_CALL(ow_yaml_copy_text(&ld->y, n, "title", OW_MAX_TEXT, &t->title));
    if ((n = ow_yaml_field(&f, "cluster")) == NULL)
        return ow_yaml_fail(&ld->y, e->loc, "missing key \"cluster\" (expected a cluster id)");
    const char *cid = NULL;
    OW_CALL(ow_yaml_copy_id(&ld->y, n, "cluster", &cid));
    int c = find_cluster(wp, cid);
    if (c < 0) {
        char ids[512] = "";
        size_t used = 0;
        for (size_t i = 0; i < wp->n_clusters && used < sizeof ids; i++)
            used += (size_t)snprintf(ids + used, sizeof ids - used, "%s%s", i ? ", " : "",
                                     wp->clusters[i].id);
        return ow_yaml_fail(&ld->y, n->loc, "unknown cluster \"%s\" (expected one of: %s)", cid,
                            ids);
    }
    t->cluster = (size_t)c;
    if ((n = ow_yaml_field(&f, "proposed")) == NULL)
        return ow_yaml_fail(&ld->y, e->loc,
                            "missing key \"proposed\" (expected the year it was proposed)");
    OW_CALL(get_year(ld, n, "proposed", &t->proposed));
    if ((n = ow_yaml_field(&f, "proposed_by")) != NULL)
        OW_CALL(ow_yaml_copy_text(&ld->y, n, "proposed_by", OW_MAX_TEXT, &t->proposed_by));
    if ((n = ow_yaml_field(&f, "status")) == NULL)
        return ow_yaml_fail(&ld->y, e->loc, "missing key \"status\" (expected yes, partly or no)");
    if (n->kind == OW_YAML_SCALAR && strcmp(n->text, "yes") == 0)
        t->status = OW_WP_YES;
    else if (n->kind == OW_YAML_SCALAR && strcmp(n->text, "partly") == 0)
        t->status = OW_WP_PARTLY;
    else if (n->kind == OW_YAML_SCALAR && strcmp(n->text, "no") == 0)
        t->status = OW_WP_NO;
    else
        return ow_yaml_wrong_type(&ld->y, n, "yes, partly or no", "status");
    const ow_yaml_node *by = ow_yaml_field(&f, "addressed_by"),
                       *year = ow_yaml_field(&f, "addressed");
    if (t->status == OW_WP_NO && (by != NULL || year != NULL))
        return ow_yaml_fail(
            &ld->y,
            (by ? ow_yaml_field_key(&f, "addressed_by") : ow_yaml_field_key(&f, "addressed"))->loc,
            "a topic with status no was not addressed (leave out addressed and "
            "addressed_by, or give status partly or yes)");
    if (t->status != OW_WP_NO && year == NULL)
        return ow_yaml_fail(&ld->y, n->loc,
                            "status %s needs addressed: the year of the session that addressed it",
                            ow_wp_status_name(t->status));
    if (by != NULL)
        OW_CALL(ow_yaml_copy_text(&ld->y, by, "addressed_by", OW_MAX_TEXT, &t->addressed_by));
    if (year != NULL) {
        OW_CALL(get_year(ld, year, "addressed", &t->addressed));
        if (t->addressed < t->proposed)
            return ow_yaml_fail(&ld->y, year->loc,
                                "addressed %d is before the topic was proposed (%d)", t->addressed,
                                t->proposed);
    }
    if ((n = ow_yaml_field(&f, "source")) == NULL)
        return ow_yaml_fail(&ld->y, e->loc,
                            "missing key \"source\" (expected recommendation or resolution)");
    if (n->kind == OW_YAML_SCALAR && strcmp(n->text, "recommendation") == 0)
        t->source = OW_WP_RECOMMENDATION;
    else if (n->kind == OW_YAML_SCALAR && strcmp(n->text, "resolution") == 0)
        t->source = OW_WP_RESOLUTION;
    else
        return ow_yaml_wrong_type(&ld->y, n, "recommendation or resolution", "source");
    if ((n = ow_yaml_field(&f, "reference")) != NULL)
        OW_CALL(ow_yaml_copy_text(&ld->y, n, "reference", OW_MAX_TEXT, &t->reference));
    ld->where = NULL;
done:
    return rc;
}

static ow_status load_topics(wp_loader *ld, const ow_yaml_node *list)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    OW_CALL(ow_yaml_expect_list(&ld->y, list, "topics", OW_WP_MAX_TOPICS));
    if (list->n == 0)
        return ow_yaml_fail(&ld->y, list->loc, "topics lists no topic (expected at least one)");
    wp->topics = ow_arena_calloc(ld->y.arena, list->n, sizeof *wp->topics);
    if (wp->topics == NULL)
        return ow_yaml_out_of_memory(&ld->y);
    for (const ow_yaml_node *e = list->first; e != NULL; e = e->next) {
        OW_CALL(load_topic(ld, e, &wp->topics[wp->n_topics]));
        wp->n_topics++;
    }
done:
    return rc;
}

/* ---- Sessions -------------------------------------------------------------------- */

static const char *const SESSION_KEYS[] = {"id", "name", "year", "dates", "topics", "fixed", NULL};
static const char *const DATES_KEYS[] = {"from", "to", NULL};

static ow_status load_session(wp_loader *ld, const ow_yaml_node *e, ow_wp_session *s)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    ow_yaml_fields f;
    const ow_yaml_node *n;
    OW_CALL(ow_yaml_read_fields(&ld->y, e, "a session", "sessions", SESSION_KEYS, &f));
    s->loc = e->loc;
    if ((n = ow_yaml_field(&f, "id")) == NULL)
        return ow_yaml_fail(&ld->y, e->loc, "missing key \"id\" in a session (expected an id)");
    OW_CALL(ow_yaml_copy_id(&ld->y, n, "id", &s->id));
    for (size_t i = 0; i < wp->n_sessions; i++)
        if (strcmp(wp->sessions[i].id, s->id) == 0)
            return ow_yaml_fail(&ld->y, n->loc, "session \"%s\" is listed twice", s->id);
    char where[96];
    snprintf(where, sizeof where, "session %s", s->id);
    ld->where = where;
    if ((n = ow_yaml_field(&f, "name")) != NULL)
        OW_CALL(ow_yaml_copy_text(&ld->y, n, "name", OW_MAX_TEXT, &s->name));
    if ((n = ow_yaml_field(&f, "year")) == NULL)
        return ow_yaml_fail(&ld->y, e->loc, "missing key \"year\" (expected the session's year)");
    OW_CALL(get_year(ld, n, "year", &s->year));
    if (wp->n_sessions > 0 && s->year < wp->sessions[wp->n_sessions - 1].year)
        return ow_yaml_fail(&ld->y, n->loc,
                            "year %d is before the year of the session listed above (%d): list "
                            "sessions in the order they meet",
                            s->year, wp->sessions[wp->n_sessions - 1].year);
    if ((n = ow_yaml_field(&f, "dates")) != NULL) {
        ow_yaml_fields d;
        OW_CALL(ow_yaml_read_fields(&ld->y, n, "dates", "dates", DATES_KEYS, &d));
        const ow_yaml_node *from = ow_yaml_field(&d, "from"), *to = ow_yaml_field(&d, "to");
        if (from == NULL || to == NULL)
            return ow_yaml_fail(&ld->y, n->loc,
                                "dates needs from and to (expected {from: YYYY-MM-DD, to: "
                                "YYYY-MM-DD})");
        OW_CALL(ow_yaml_get_date(&ld->y, from, "from", &s->from));
        OW_CALL(ow_yaml_get_date(&ld->y, to, "to", &s->to));
        if (s->to < s->from)
            return ow_yaml_fail(&ld->y, to->loc, "the session ends before it starts");
        int y, m, dd;
        ow_date_to_ymd(s->from, &y, &m, &dd);
        if (y != s->year)
            return ow_yaml_fail(&ld->y, from->loc, "the session starts in %d, not in its year %d",
                                y, s->year);
        s->has_dates = true;
    }
    s->capacity = 2;
    if ((n = ow_yaml_field(&f, "topics")) != NULL)
        OW_CALL(ow_yaml_get_int(&ld->y, n, "topics", 0, OW_WP_MAX_PER_SESSION, &s->capacity));
    if ((n = ow_yaml_field(&f, "fixed")) != NULL) {
        OW_CALL(topic_list(ld, n, "fixed", 0, OW_WP_MAX_PER_SESSION, &s->fixed, &s->n_fixed));
        for (size_t i = 0; i < s->n_fixed; i++)
            if (wp->topics[s->fixed[i]].status == OW_WP_YES)
                return ow_yaml_fail(&ld->y, n->loc,
                                    "topic %s is fixed here but was addressed already (status "
                                    "yes): give it status partly to take it up again",
                                    wp->topics[s->fixed[i]].id);
    }
    ld->where = NULL;
done:
    return rc;
}

static ow_status load_sessions(wp_loader *ld, const ow_yaml_node *list)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    OW_CALL(ow_yaml_expect_list(&ld->y, list, "sessions", OW_WP_MAX_SESSIONS));
    if (list->n == 0)
        return ow_yaml_fail(&ld->y, list->loc, "sessions lists no session (expected at least one)");
    wp->sessions = ow_arena_calloc(ld->y.arena, OW_WP_MAX_SESSIONS, sizeof *wp->sessions);
    if (wp->sessions == NULL)
        return ow_yaml_out_of_memory(&ld->y);
    for (const ow_yaml_node *e = list->first; e != NULL; e = e->next) {
        OW_CALL(load_session(ld, e, &wp->sessions[wp->n_sessions]));
        wp->n_sessions++;
    }
    /* A topic fixed for two sessions could never be planned. */
    for (size_t s = 0; s < wp->n_sessions; s++)
        for (size_t i = 0; i < wp->sessions[s].n_fixed; i++)
            for (size_t r = 0; r < s; r++)
                for (size_t j = 0; j < wp->sessions[r].n_fixed; j++)
                    if (wp->sessions[r].fixed[j] == wp->sessions[s].fixed[i])
                        return ow_yaml_fail(&ld->y, wp->sessions[s].loc,
                                            "topic %s is fixed for session %s and for session %s",
                                            wp->topics[wp->sessions[s].fixed[i]].id,
                                            wp->sessions[r].id, wp->sessions[s].id);
done:
    return rc;
}

/* ---- Rules ----------------------------------------------------------------------- */

static const char *const RULE_KEYS[] = {"together", "apart", "not_before", NULL};
static const char *const NOT_BEFORE_KEYS[] = {"topic", "year", NULL};

static ow_status load_rules(wp_loader *ld, const ow_yaml_node *list)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    OW_CALL(ow_yaml_expect_list(&ld->y, list, "rules", OW_WP_MAX_RULES));
    wp->rules = ow_arena_calloc(ld->y.arena, list->n ? list->n : 1, sizeof *wp->rules);
    if (wp->rules == NULL)
        return ow_yaml_out_of_memory(&ld->y);
    for (const ow_yaml_node *e = list->first; e != NULL; e = e->next) {
        ow_yaml_fields f;
        ow_wp_rule *r = &wp->rules[wp->n_rules];
        OW_CALL(ow_yaml_read_fields(&ld->y, e, "a rule", "rules", RULE_KEYS, &f));
        r->loc = e->loc;
        const ow_yaml_node *n;
        if (e->n != 2)
            return ow_yaml_fail(&ld->y, e->loc,
                                "a rule has one key (expected together, apart or not_before)");
        if ((n = ow_yaml_field(&f, "together")) != NULL) {
            r->kind = OW_WP_TOGETHER;
            OW_CALL(
                topic_list(ld, n, "together", 2, OW_WP_MAX_RULE_TOPICS, &r->topics, &r->n_topics));
        } else if ((n = ow_yaml_field(&f, "apart")) != NULL) {
            r->kind = OW_WP_APART;
            OW_CALL(topic_list(ld, n, "apart", 2, OW_WP_MAX_RULE_TOPICS, &r->topics, &r->n_topics));
        } else {
            n = ow_yaml_field(&f, "not_before");
            r->kind = OW_WP_NOT_BEFORE;
            ow_yaml_fields nb;
            OW_CALL(
                ow_yaml_read_fields(&ld->y, n, "not_before", "not_before", NOT_BEFORE_KEYS, &nb));
            const ow_yaml_node *t = ow_yaml_field(&nb, "topic"), *y = ow_yaml_field(&nb, "year");
            if (t == NULL || y == NULL)
                return ow_yaml_fail(&ld->y, n->loc,
                                    "not_before needs topic and year (expected {topic: ID, year: "
                                    "YYYY})");
            r->topics = ow_arena_calloc(ld->y.arena, 1, sizeof *r->topics);
            if (r->topics == NULL)
                return ow_yaml_out_of_memory(&ld->y);
            r->n_topics = 1;
            OW_CALL(topic_ref(ld, t, "not_before", &r->topics[0]));
            OW_CALL(get_year(ld, y, "year", &r->year));
        }
        wp->n_rules++;
    }
done:
    return rc;
}

/* ---- The file -------------------------------------------------------------------- */

static const char *const TOP_KEYS[] = {"workplan",        "title",    "body",
                                       "shared_clusters", "clusters", "topics",
                                       "sessions",        "rules",    NULL};
static const char *const BODY_KEYS[] = {"id", "name", "review_mechanism", NULL};

static ow_status load_root(wp_loader *ld, const ow_yaml_node *root)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    ow_yaml_fields f;
    const ow_yaml_node *n;
    if (root->kind != OW_YAML_MAP)
        return ow_yaml_wrong_type(&ld->y, root, "a mapping starting with workplan: 1",
                                  "the workplan");
    for (const ow_yaml_node *k = root->first; k != NULL; k = k->next->next)
        if (k->kind == OW_YAML_SCALAR && strcmp(k->text, "orgwork") == 0)
            return ow_yaml_fail(&ld->y, k->loc,
                                "this is an instance file (orgwork: 1), which `orgwork solve` "
                                "reads; a workplan starts with workplan: 1");
    OW_CALL(ow_yaml_read_fields(&ld->y, root, "the workplan", "the workplan", TOP_KEYS, &f));
    if ((n = ow_yaml_field(&f, "workplan")) == NULL)
        return ow_yaml_fail(&ld->y, root->loc,
                            "missing key \"workplan\" (expected workplan: 1, the format version)");
    int version;
    OW_CALL(ow_yaml_get_int(&ld->y, n, "workplan", 1, 1, &version));
    if ((n = ow_yaml_field(&f, "title")) != NULL)
        OW_CALL(ow_yaml_copy_text(&ld->y, n, "title", OW_MAX_TEXT, &wp->title));
    if ((n = ow_yaml_field(&f, "body")) == NULL)
        return ow_yaml_fail(&ld->y, root->loc,
                            "missing key \"body\" (expected a mapping with id and name)");
    ow_yaml_fields b;
    OW_CALL(ow_yaml_read_fields(&ld->y, n, "body", "body", BODY_KEYS, &b));
    if (ow_yaml_field(&b, "id") == NULL || ow_yaml_field(&b, "name") == NULL)
        return ow_yaml_fail(&ld->y, n->loc, "body needs id and name");
    OW_CALL(ow_yaml_copy_id(&ld->y, ow_yaml_field(&b, "id"), "id", &wp->body_id));
    OW_CALL(
        ow_yaml_copy_text(&ld->y, ow_yaml_field(&b, "name"), "name", OW_MAX_TEXT, &wp->body_name));
    if (ow_yaml_field(&b, "review_mechanism") != NULL)
        OW_CALL(ow_yaml_copy_text(&ld->y, ow_yaml_field(&b, "review_mechanism"), "review_mechanism",
                                  OW_MAX_TEXT, &wp->review));
    if ((n = ow_yaml_field(&f, "shared_clusters")) != NULL)
        OW_CALL(ow_yaml_get_bool(&ld->y, n, "shared_clusters", &wp->shared_clusters));
    if ((n = ow_yaml_field(&f, "clusters")) == NULL)
        return ow_yaml_fail(&ld->y, root->loc, "missing key \"clusters\" (expected a list)");
    OW_CALL(load_clusters(ld, n));
    if ((n = ow_yaml_field(&f, "topics")) == NULL)
        return ow_yaml_fail(&ld->y, root->loc, "missing key \"topics\" (expected a list)");
    OW_CALL(load_topics(ld, n));
    if ((n = ow_yaml_field(&f, "sessions")) == NULL)
        return ow_yaml_fail(&ld->y, root->loc, "missing key \"sessions\" (expected a list)");
    OW_CALL(load_sessions(ld, n));
    if ((n = ow_yaml_field(&f, "rules")) != NULL)
        OW_CALL(load_rules(ld, n));
done:
    return rc;
}

ow_status ow_workplan_load_string(const char *name, const char *text, size_t len, ow_workplan **out,
                                  ow_error *err)
{
    ow_status rc = OW_OK;
    wp_loader ld;
    memset(&ld, 0, sizeof ld);
    ld.y.name = name;
    ld.y.text = text;
    ld.y.len = len;
    ld.y.err = err;
    ld.y.expected = "a mapping starting with workplan: 1";
    ld.y.what = "workplan";
    ld.y.context = add_context;
    ld.y.owner = &ld;
    if (len > OW_MAX_FILE_BYTES)
        return ow_error_set(err, OW_INPUT, name, (ow_loc){0, 0},
                            "file is larger than %u bytes, the most orgwork reads",
                            OW_MAX_FILE_BYTES);
    ld.y.tree = ow_arena_new();
    ld.y.arena = ow_arena_new();
    if (ld.y.tree == NULL || ld.y.arena == NULL) {
        rc = ow_yaml_out_of_memory(&ld.y);
        goto done;
    }
    ld.wp = ow_arena_alloc(ld.y.arena, sizeof *ld.wp);
    if (ld.wp == NULL) {
        rc = ow_yaml_out_of_memory(&ld.y);
        goto done;
    }
    ld.wp->arena = ld.y.arena;
    ld.wp->path = ow_arena_strdup(ld.y.arena, name != NULL ? name : "");
    ow_yaml_node *root = NULL;
    OW_CALL(ow_yaml_parse(&ld.y, &root));
    OW_CALL(load_root(&ld, root));
    *out = ld.wp;
    ld.y.arena = NULL;
done:
    ow_arena_free(ld.y.arena);
    ow_arena_free(ld.y.tree);
    return rc;
}

ow_status ow_workplan_load(const char *path, ow_workplan **out, ow_error *err)
{
    char *text = NULL;
    size_t len = 0;
    ow_status rc = ow_read_file(path, OW_MAX_FILE_BYTES, &text, &len, err);
    if (rc == OW_OK)
        rc = ow_workplan_load_string(path, text, len, out, err);
    free(text);
    return rc;
}

void ow_workplan_free(ow_workplan *wp)
{
    if (wp != NULL)
        ow_arena_free(wp->arena);
}

ow_status ow_workplan_resize(ow_workplan *wp, size_t n, int capacity, ow_error *err)
{
    if (n == 0 || n > OW_WP_MAX_SESSIONS)
        return ow_error_set(err, OW_INPUT, NULL, (ow_loc){0, 0},
                            "a workplan has 1 to %d sessions, not %zu", OW_WP_MAX_SESSIONS, n);
    size_t listed = wp->n_sessions;
    for (size_t s = listed; s < n; s++) {
        const ow_wp_session *last = &wp->sessions[s - 1];
        ow_wp_session *add = &wp->sessions[s];
        char id[32];
        snprintf(id, sizeof id, "+%zu", s - listed + 1);
        memset(add, 0, sizeof *add);
        add->id = ow_arena_strdup(wp->arena, id);
        if (add->id == NULL)
            return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
        add->year = last->year + 1;
        add->capacity = last->capacity;
        add->loc = last->loc;
    }
    wp->n_sessions = n;
    /* A session keeps room for the topics fixed for it. */
    if (capacity > 0)
        for (size_t s = 0; s < n; s++)
            wp->sessions[s].capacity = (size_t)capacity > wp->sessions[s].n_fixed
                                           ? capacity
                                           : (int)wp->sessions[s].n_fixed;
    return OW_OK;
}

bool ow_workplan_allowed(const ow_workplan *wp, size_t topic, size_t session)
{
    if (wp->topics[topic].status == OW_WP_YES)
        return false;
    for (size_t r = 0; r < wp->n_rules; r++)
        if (wp->rules[r].kind == OW_WP_NOT_BEFORE && wp->rules[r].topics[0] == topic &&
            wp->sessions[session].year < wp->rules[r].year)
            return false;
    return true;
}

ow_status ow_wp_plan_init(ow_wp_plan *plan, const ow_workplan *wp, ow_error *err)
{
    memset(plan, 0, sizeof *plan);
    plan->session = malloc(wp->n_topics * sizeof *plan->session);
    if (plan->session == NULL)
        return ow_error_set(err, OW_INTERNAL, NULL, (ow_loc){0, 0}, "out of memory");
    for (size_t t = 0; t < wp->n_topics; t++)
        plan->session[t] = -1;
    plan->n_topics = wp->n_topics;
    return OW_OK;
}

void ow_wp_plan_free(ow_wp_plan *plan)
{
    free(plan->session);
    plan->session = NULL;
}
