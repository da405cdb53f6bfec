/* load.c: reads a workplan file (docs/formats.md, "Workplan files") into an
 * ow_workplan, with the YAML reader and the errors of instance files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../arena.h"
#include "../load/stages.h"
#include "orgwork/instance.h"
#include "orgwork/workplan.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2999

typedef struct wp_loader {
    loader l; /* the instance loader's reader: its tree, arenas and errors */
    ow_workplan *wp;
} wp_loader;

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
static ow_status topic_ref(wp_loader *ld, const node *n, const char *key, size_t *out)
{
    ow_status rc = OW_OK;
    const char *id = NULL;
    OW_CALL(copy_id(&ld->l, n, key, &id));
    int t = ow_workplan_find_topic(ld->wp, id);
    if (t < 0)
        return fail(&ld->l, n->loc, "unknown topic \"%s\" in %s (expected a topic id)", id, key);
    *out = (size_t)t;
done:
    return rc;
}

/* A list of distinct topic ids, at least min of them. */
static ow_status topic_list(wp_loader *ld, const node *list, const char *key, size_t min,
                            size_t max, size_t **out, size_t *n)
{
    ow_status rc = OW_OK;
    OW_CALL(expect_list(&ld->l, list, key, max));
    if (list->n < min)
        return fail(&ld->l, list->loc, "%s lists %zu topic%s (expected at least %zu)", key, list->n,
                    list->n == 1 ? "" : "s", min);
    size_t *t = ow_arena_calloc(ld->l.arena, list->n ? list->n : 1, sizeof *t);
    if (t == NULL)
        return out_of_memory(&ld->l);
    size_t k = 0;
    for (const node *e = list->first; e != NULL; e = e->next, k++) {
        OW_CALL(topic_ref(ld, e, key, &t[k]));
        for (size_t j = 0; j < k; j++)
            if (t[j] == t[k])
                return fail(&ld->l, e->loc, "topic \"%s\" is listed twice in %s",
                            ld->wp->topics[t[k]].id, key);
    }
    *out = t;
    *n = k;
done:
    return rc;
}

static ow_status get_year(wp_loader *ld, const node *n, const char *key, int *out)
{
    return get_int(&ld->l, n, key, MIN_YEAR, MAX_YEAR, out);
}

/* ---- Clusters -------------------------------------------------------------------- */

static const char *const CLUSTER_KEYS[] = {"id", "title", "shared", NULL};

static ow_status load_clusters(wp_loader *ld, const node *list)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    OW_CALL(expect_list(&ld->l, list, "clusters", OW_WP_MAX_CLUSTERS));
    if (list->n == 0)
        return fail(&ld->l, list->loc, "clusters lists no cluster (expected at least one)");
    wp->clusters = ow_arena_calloc(ld->l.arena, list->n, sizeof *wp->clusters);
    if (wp->clusters == NULL)
        return out_of_memory(&ld->l);
    for (const node *e = list->first; e != NULL; e = e->next) {
        fields f;
        ow_wp_cluster *c = &wp->clusters[wp->n_clusters];
        OW_CALL(read_fields(&ld->l, e, "a cluster", "clusters", CLUSTER_KEYS, &f));
        c->loc = e->loc;
        const node *n;
        if ((n = field(&f, "id")) == NULL)
            return fail(&ld->l, e->loc, "missing key \"id\" in a cluster (expected an id)");
        OW_CALL(copy_id(&ld->l, n, "id", &c->id));
        if (find_cluster(wp, c->id) >= 0)
            return fail(&ld->l, n->loc, "cluster \"%s\" is listed twice", c->id);
        if ((n = field(&f, "title")) == NULL)
            return fail(&ld->l, e->loc, "missing key \"title\" in cluster %s (expected its title)",
                        c->id);
        OW_CALL(copy_text(&ld->l, n, "title", OW_MAX_TEXT, &c->title));
        if ((n = field(&f, "shared")) != NULL)
            OW_CALL(get_bool(&ld->l, n, "shared", &c->shared));
        wp->n_clusters++;
    }
done:
    return rc;
}

/* ---- Topics ---------------------------------------------------------------------- */

static const char *const TOPIC_KEYS[] = {
    "id",           "title",     "cluster", "proposed",  "proposed_by", "status",
    "addressed_by", "addressed", "source",  "reference", NULL};

static ow_status load_topic(wp_loader *ld, const node *e, ow_wp_topic *t)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    fields f;
    const node *n;
    OW_CALL(read_fields(&ld->l, e, "a topic", "topics", TOPIC_KEYS, &f));
    t->loc = e->loc;
    if ((n = field(&f, "id")) == NULL)
        return fail(&ld->l, e->loc, "missing key \"id\" in a topic (expected an id)");
    OW_CALL(copy_id(&ld->l, n, "id", &t->id));
    if (ow_workplan_find_topic(wp, t->id) >= 0)
        return fail(&ld->l, n->loc, "topic \"%s\" is listed twice", t->id);
    char where[96];
    snprintf(where, sizeof where, "topic %s", t->id);
    ld->l.where = where;
    if ((n = field(&f, "title")) == NULL)
        return fail(&ld->l, e->loc, "missing key \"title\" (expected the topic's title)");
    OW_CALL(copy_text(&ld->l, n, "title", OW_MAX_TEXT, &t->title));
    if ((n = field(&f, "cluster")) == NULL)
        return fail(&ld->l, e->loc, "missing key \"cluster\" (expected a cluster id)");
    const char *cid = NULL;
    OW_CALL(copy_id(&ld->l, n, "cluster", &cid));
    int c = find_cluster(wp, cid);
    if (c < 0) {
        char ids[512] = "";
        size_t used = 0;
        for (size_t i = 0; i < wp->n_clusters && used < sizeof ids; i++)
            used += (size_t)snprintf(ids + used, sizeof ids - used, "%s%s", i ? ", " : "",
                                     wp->clusters[i].id);
        return fail(&ld->l, n->loc, "unknown cluster \"%s\" (expected one of: %s)", cid, ids);
    }
    t->cluster = (size_t)c;
    if ((n = field(&f, "proposed")) == NULL)
        return fail(&ld->l, e->loc, "missing key \"proposed\" (expected the year it was proposed)");
    OW_CALL(get_year(ld, n, "proposed", &t->proposed));
    if ((n = field(&f, "proposed_by")) != NULL)
        OW_CALL(copy_text(&ld->l, n, "proposed_by", OW_MAX_TEXT, &t->proposed_by));
    if ((n = field(&f, "status")) == NULL)
        return fail(&ld->l, e->loc, "missing key \"status\" (expected yes, partly or no)");
    if (n->kind == NODE_SCALAR && strcmp(n->text, "yes") == 0)
        t->status = OW_WP_YES;
    else if (n->kind == NODE_SCALAR && strcmp(n->text, "partly") == 0)
        t->status = OW_WP_PARTLY;
    else if (n->kind == NODE_SCALAR && strcmp(n->text, "no") == 0)
        t->status = OW_WP_NO;
    else
        return wrong_type(&ld->l, n, "yes, partly or no", "status");
    const node *by = field(&f, "addressed_by"), *year = field(&f, "addressed");
    if (t->status == OW_WP_NO && (by != NULL || year != NULL))
        return fail(&ld->l, (by ? field_key(&f, "addressed_by") : field_key(&f, "addressed"))->loc,
                    "a topic with status no was not addressed (leave out addressed and "
                    "addressed_by, or give status partly or yes)");
    if (t->status != OW_WP_NO && year == NULL)
        return fail(&ld->l, n->loc,
                    "status %s needs addressed: the year of the session that addressed it",
                    ow_wp_status_name(t->status));
    if (by != NULL)
        OW_CALL(copy_text(&ld->l, by, "addressed_by", OW_MAX_TEXT, &t->addressed_by));
    if (year != NULL) {
        OW_CALL(get_year(ld, year, "addressed", &t->addressed));
        if (t->addressed < t->proposed)
            return fail(&ld->l, year->loc, "addressed %d is before the topic was proposed (%d)",
                        t->addressed, t->proposed);
    }
    if ((n = field(&f, "source")) == NULL)
        return fail(&ld->l, e->loc,
                    "missing key \"source\" (expected recommendation or resolution)");
    if (n->kind == NODE_SCALAR && strcmp(n->text, "recommendation") == 0)
        t->source = OW_WP_RECOMMENDATION;
    else if (n->kind == NODE_SCALAR && strcmp(n->text, "resolution") == 0)
        t->source = OW_WP_RESOLUTION;
    else
        return wrong_type(&ld->l, n, "recommendation or resolution", "source");
    if ((n = field(&f, "reference")) != NULL)
        OW_CALL(copy_text(&ld->l, n, "reference", OW_MAX_TEXT, &t->reference));
    ld->l.where = NULL;
done:
    return rc;
}

static ow_status load_topics(wp_loader *ld, const node *list)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    OW_CALL(expect_list(&ld->l, list, "topics", OW_WP_MAX_TOPICS));
    if (list->n == 0)
        return fail(&ld->l, list->loc, "topics lists no topic (expected at least one)");
    wp->topics = ow_arena_calloc(ld->l.arena, list->n, sizeof *wp->topics);
    if (wp->topics == NULL)
        return out_of_memory(&ld->l);
    for (const node *e = list->first; e != NULL; e = e->next) {
        OW_CALL(load_topic(ld, e, &wp->topics[wp->n_topics]));
        wp->n_topics++;
    }
done:
    return rc;
}

/* ---- Sessions -------------------------------------------------------------------- */

static const char *const SESSION_KEYS[] = {"id", "name", "year", "dates", "topics", "fixed", NULL};
static const char *const DATES_KEYS[] = {"from", "to", NULL};

static ow_status load_session(wp_loader *ld, const node *e, ow_wp_session *s)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    fields f;
    const node *n;
    OW_CALL(read_fields(&ld->l, e, "a session", "sessions", SESSION_KEYS, &f));
    s->loc = e->loc;
    if ((n = field(&f, "id")) == NULL)
        return fail(&ld->l, e->loc, "missing key \"id\" in a session (expected an id)");
    OW_CALL(copy_id(&ld->l, n, "id", &s->id));
    for (size_t i = 0; i < wp->n_sessions; i++)
        if (strcmp(wp->sessions[i].id, s->id) == 0)
            return fail(&ld->l, n->loc, "session \"%s\" is listed twice", s->id);
    char where[96];
    snprintf(where, sizeof where, "session %s", s->id);
    ld->l.where = where;
    if ((n = field(&f, "name")) != NULL)
        OW_CALL(copy_text(&ld->l, n, "name", OW_MAX_TEXT, &s->name));
    if ((n = field(&f, "year")) == NULL)
        return fail(&ld->l, e->loc, "missing key \"year\" (expected the session's year)");
    OW_CALL(get_year(ld, n, "year", &s->year));
    if (wp->n_sessions > 0 && s->year < wp->sessions[wp->n_sessions - 1].year)
        return fail(&ld->l, n->loc,
                    "year %d is before the year of the session listed above (%d): list "
                    "sessions in the order they meet",
                    s->year, wp->sessions[wp->n_sessions - 1].year);
    if ((n = field(&f, "dates")) != NULL) {
        fields d;
        OW_CALL(read_fields(&ld->l, n, "dates", "dates", DATES_KEYS, &d));
        const node *from = field(&d, "from"), *to = field(&d, "to");
        if (from == NULL || to == NULL)
            return fail(&ld->l, n->loc,
                        "dates needs from and to (expected {from: YYYY-MM-DD, to: "
                        "YYYY-MM-DD})");
        OW_CALL(get_date(&ld->l, from, "from", &s->from));
        OW_CALL(get_date(&ld->l, to, "to", &s->to));
        if (s->to < s->from)
            return fail(&ld->l, to->loc, "the session ends before it starts");
        int y, m, dd;
        ow_date_to_ymd(s->from, &y, &m, &dd);
        if (y != s->year)
            return fail(&ld->l, from->loc, "the session starts in %d, not in its year %d", y,
                        s->year);
        s->has_dates = true;
    }
    s->capacity = 2;
    if ((n = field(&f, "topics")) != NULL)
        OW_CALL(get_int(&ld->l, n, "topics", 0, OW_WP_MAX_PER_SESSION, &s->capacity));
    if ((n = field(&f, "fixed")) != NULL) {
        OW_CALL(topic_list(ld, n, "fixed", 0, OW_WP_MAX_PER_SESSION, &s->fixed, &s->n_fixed));
        for (size_t i = 0; i < s->n_fixed; i++)
            if (wp->topics[s->fixed[i]].status == OW_WP_YES)
                return fail(&ld->l, n->loc,
                            "topic %s is fixed here but was addressed already (status "
                            "yes): give it status partly to take it up again",
                            wp->topics[s->fixed[i]].id);
    }
    ld->l.where = NULL;
done:
    return rc;
}

static ow_status load_sessions(wp_loader *ld, const node *list)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    OW_CALL(expect_list(&ld->l, list, "sessions", OW_WP_MAX_SESSIONS));
    if (list->n == 0)
        return fail(&ld->l, list->loc, "sessions lists no session (expected at least one)");
    wp->sessions = ow_arena_calloc(ld->l.arena, OW_WP_MAX_SESSIONS, sizeof *wp->sessions);
    if (wp->sessions == NULL)
        return out_of_memory(&ld->l);
    for (const node *e = list->first; e != NULL; e = e->next) {
        OW_CALL(load_session(ld, e, &wp->sessions[wp->n_sessions]));
        wp->n_sessions++;
    }
    /* A topic fixed for two sessions could never be planned. */
    for (size_t s = 0; s < wp->n_sessions; s++)
        for (size_t i = 0; i < wp->sessions[s].n_fixed; i++)
            for (size_t r = 0; r < s; r++)
                for (size_t j = 0; j < wp->sessions[r].n_fixed; j++)
                    if (wp->sessions[r].fixed[j] == wp->sessions[s].fixed[i])
                        return fail(&ld->l, wp->sessions[s].loc,
                                    "topic %s is fixed for session %s and for session %s",
                                    wp->topics[wp->sessions[s].fixed[i]].id, wp->sessions[r].id,
                                    wp->sessions[s].id);
done:
    return rc;
}

/* ---- Rules ----------------------------------------------------------------------- */

static const char *const RULE_KEYS[] = {"together", "apart", "not_before", NULL};
static const char *const NOT_BEFORE_KEYS[] = {"topic", "year", NULL};

static ow_status read_rules(wp_loader *ld, const node *list)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    OW_CALL(expect_list(&ld->l, list, "rules", OW_WP_MAX_RULES));
    wp->rules = ow_arena_calloc(ld->l.arena, list->n ? list->n : 1, sizeof *wp->rules);
    if (wp->rules == NULL)
        return out_of_memory(&ld->l);
    for (const node *e = list->first; e != NULL; e = e->next) {
        fields f;
        ow_wp_rule *r = &wp->rules[wp->n_rules];
        OW_CALL(read_fields(&ld->l, e, "a rule", "rules", RULE_KEYS, &f));
        r->loc = e->loc;
        const node *n;
        if (e->n != 2)
            return fail(&ld->l, e->loc,
                        "a rule has one key (expected together, apart or not_before)");
        if ((n = field(&f, "together")) != NULL) {
            r->kind = OW_WP_TOGETHER;
            OW_CALL(
                topic_list(ld, n, "together", 2, OW_WP_MAX_RULE_TOPICS, &r->topics, &r->n_topics));
        } else if ((n = field(&f, "apart")) != NULL) {
            r->kind = OW_WP_APART;
            OW_CALL(topic_list(ld, n, "apart", 2, OW_WP_MAX_RULE_TOPICS, &r->topics, &r->n_topics));
        } else {
            n = field(&f, "not_before");
            r->kind = OW_WP_NOT_BEFORE;
            fields nb;
            OW_CALL(read_fields(&ld->l, n, "not_before", "not_before", NOT_BEFORE_KEYS, &nb));
            const node *t = field(&nb, "topic"), *y = field(&nb, "year");
            if (t == NULL || y == NULL)
                return fail(&ld->l, n->loc,
                            "not_before needs topic and year (expected {topic: ID, year: "
                            "YYYY})");
            r->topics = ow_arena_calloc(ld->l.arena, 1, sizeof *r->topics);
            if (r->topics == NULL)
                return out_of_memory(&ld->l);
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

static ow_status load_root(wp_loader *ld, const node *root)
{
    ow_status rc = OW_OK;
    ow_workplan *wp = ld->wp;
    fields f;
    const node *n;
    if (root->kind != NODE_MAP)
        return wrong_type(&ld->l, root, "a mapping starting with workplan: 1", "the workplan");
    for (const node *k = root->first; k != NULL; k = k->next->next)
        if (k->kind == NODE_SCALAR && strcmp(k->text, "orgwork") == 0)
            return fail(&ld->l, k->loc,
                        "this is an instance file (orgwork: 1), which `orgwork solve` "
                        "reads; a workplan starts with workplan: 1");
    OW_CALL(read_fields(&ld->l, root, "the workplan", "the workplan", TOP_KEYS, &f));
    if ((n = field(&f, "workplan")) == NULL)
        return fail(&ld->l, root->loc,
                    "missing key \"workplan\" (expected workplan: 1, the format version)");
    int version;
    OW_CALL(get_int(&ld->l, n, "workplan", 1, 1, &version));
    if ((n = field(&f, "title")) != NULL)
        OW_CALL(copy_text(&ld->l, n, "title", OW_MAX_TEXT, &wp->title));
    if ((n = field(&f, "body")) == NULL)
        return fail(&ld->l, root->loc,
                    "missing key \"body\" (expected a mapping with id and name)");
    fields b;
    OW_CALL(read_fields(&ld->l, n, "body", "body", BODY_KEYS, &b));
    if (field(&b, "id") == NULL || field(&b, "name") == NULL)
        return fail(&ld->l, n->loc, "body needs id and name");
    OW_CALL(copy_id(&ld->l, field(&b, "id"), "id", &wp->body_id));
    OW_CALL(copy_text(&ld->l, field(&b, "name"), "name", OW_MAX_TEXT, &wp->body_name));
    if (field(&b, "review_mechanism") != NULL)
        OW_CALL(copy_text(&ld->l, field(&b, "review_mechanism"), "review_mechanism", OW_MAX_TEXT,
                          &wp->review));
    if ((n = field(&f, "shared_clusters")) != NULL)
        OW_CALL(get_bool(&ld->l, n, "shared_clusters", &wp->shared_clusters));
    if ((n = field(&f, "clusters")) == NULL)
        return fail(&ld->l, root->loc, "missing key \"clusters\" (expected a list)");
    OW_CALL(load_clusters(ld, n));
    if ((n = field(&f, "topics")) == NULL)
        return fail(&ld->l, root->loc, "missing key \"topics\" (expected a list)");
    OW_CALL(load_topics(ld, n));
    if ((n = field(&f, "sessions")) == NULL)
        return fail(&ld->l, root->loc, "missing key \"sessions\" (expected a list)");
    OW_CALL(load_sessions(ld, n));
    if ((n = field(&f, "rules")) != NULL)
        OW_CALL(read_rules(ld, n));
done:
    return rc;
}

ow_status ow_workplan_load_string(const char *name, const char *text, size_t len, ow_workplan **out,
                                  ow_error *err)
{
    ow_status rc = OW_OK;
    wp_loader ld;
    memset(&ld, 0, sizeof ld);
    ld.l.name = name;
    ld.l.text = text;
    ld.l.len = len;
    ld.l.err = err;
    ld.l.expected = "a mapping starting with workplan: 1";
    ld.l.what = "workplan";
    if (len > OW_MAX_FILE_BYTES)
        return ow_error_set(err, OW_INPUT, name, (ow_loc){0, 0},
                            "file is larger than %u bytes, the most orgwork reads",
                            OW_MAX_FILE_BYTES);
    ld.l.tree = ow_arena_new();
    ld.l.arena = ow_arena_new();
    if (ld.l.tree == NULL || ld.l.arena == NULL) {
        rc = out_of_memory(&ld.l);
        goto done;
    }
    ld.wp = ow_arena_alloc(ld.l.arena, sizeof *ld.wp);
    if (ld.wp == NULL) {
        rc = out_of_memory(&ld.l);
        goto done;
    }
    ld.wp->arena = ld.l.arena;
    ld.wp->path = ow_arena_strdup(ld.l.arena, name != NULL ? name : "");
    node *root = NULL;
    OW_CALL(parse_tree(&ld.l, &root));
    OW_CALL(load_root(&ld, root));
    *out = ld.wp;
    ld.l.arena = NULL;
done:
    ow_arena_free(ld.l.arena);
    ow_arena_free(ld.l.tree);
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
