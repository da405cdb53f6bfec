/* resolve.c: the cross-references, resolved once everything they may name is
 * read: an item's after (items of its body), joint_with and a rule's consecutive
 * (bodies). */
#include "stages.h"

#include <stdio.h>
#include <string.h>

/* Is e an item of another body: {body: B, item: I}, or "B:I" that names no item of
 * the body itself? */
static bool names_other_body(const ow_body *body, const node *e)
{
    if (e->kind == NODE_MAP)
        return true;
    return e->kind == NODE_SCALAR && !is_null(e) && ow_body_find_item(body, e->text) < 0 &&
           strchr(e->text, ':') != NULL;
}

ow_status resolve_after(loader *ld, ow_body *body, const node **after)
{
    for (size_t i = 0; i < body->n_items; i++) {
        const node *list = after[i];
        if (list == NULL)
            continue;
        ow_item *item = &body->items[i];
        ld->item = item->label;
        ld->event = item->event;
        bool single = list->kind != NODE_SEQ;
        size_t n = single ? 1 : list->n;
        item->after = ow_arena_calloc(ld->arena, n, sizeof *item->after);
        if (item->after == NULL && n > 0)
            return out_of_memory(ld);
        for (const node *e = single ? list : list->first; e != NULL; e = single ? NULL : e->next) {
            if (names_other_body(body, e))
                continue; /* resolve_after_other, once every body is read */
            if (e->kind != NODE_SCALAR || is_null(e))
                return wrong_type(ld, e, "an item id, BODY:ITEM or {body, item}", "after");
            int k = ow_body_find_item(body, e->text);
            if (k < 0) {
                char ids[400];
                join(ids, sizeof ids, &body->items[0].label, body->n_items, sizeof(ow_item));
                return fail(ld, e->loc,
                            "unknown item \"%.*s\" in after (items of body %s: %s; an item of "
                            "another body is BODY:ITEM)",
                            QUOTE, e->text, body->id, ids);
            }
            if ((size_t)k == i)
                return fail(ld, e->loc, "an item cannot come after itself");
            item->after[item->n_after++] = (size_t)k;
        }
    }
    ld->item = NULL;
    return OW_OK;
}

static const char *const REF_KEYS[] = {"body", "item", NULL};
KEYS_FIT(REF_KEYS);

/* The body and item an entry of after names in another body (names_other_body). */
static ow_status other_ref(loader *ld, const node *e, ow_item_ref *ref)
{
    ow_status rc = OW_OK;
    const ow_instance *inst = ld->inst;
    int b = -1;
    const char *item_id = NULL;
    const node *at = e; /* where an unknown body or item is reported */
    char body_id[OW_MAX_ID + 1];
    if (e->kind == NODE_MAP) {
        fields f;
        OW_CALL(read_fields(ld, e, "an item of another body", "after", REF_KEYS, &f));
        const node *bn = field(&f, "body"), *in = field(&f, "item");
        if (bn == NULL || in == NULL)
            return fail(ld, e->loc, "missing key \"%s\" in after (expected {body: B, item: I})",
                        bn == NULL ? "body" : "item");
        if (bn->kind != NODE_SCALAR || is_null(bn))
            return wrong_type(ld, bn, "a body id", "after body");
        if (in->kind != NODE_SCALAR || is_null(in))
            return wrong_type(ld, in, "an item id", "after item");
        b = ow_instance_find_body(inst, bn->text);
        snprintf(body_id, sizeof body_id, "%.*s", OW_MAX_ID, bn->text);
        item_id = in->text;
        at = b < 0 ? bn : in;
    } else {
        /* BODY:ITEM, the body being the longest prefix before a colon that names one. */
        const char *colon = NULL;
        for (const char *c = strchr(e->text, ':'); c != NULL; c = strchr(c + 1, ':')) {
            size_t len = (size_t)(c - e->text);
            for (size_t q = 0; q < inst->n_bodies && len <= OW_MAX_ID; q++)
                if (strlen(inst->bodies[q].id) == len &&
                    strncmp(inst->bodies[q].id, e->text, len) == 0) {
                    b = (int)q;
                    colon = c;
                }
        }
        if (colon == NULL) {
            const char *c = strchr(e->text, ':');
            snprintf(body_id, sizeof body_id, "%.*s",
                     (int)(c - e->text) > OW_MAX_ID ? OW_MAX_ID : (int)(c - e->text), e->text);
        } else {
            snprintf(body_id, sizeof body_id, "%s", inst->bodies[b].id);
            item_id = colon + 1;
        }
    }
    if (b < 0) {
        char ids[400];
        join(ids, sizeof ids, &inst->bodies[0].id, inst->n_bodies, sizeof(ow_body));
        return fail(ld, at->loc, "unknown body \"%s\" in after (bodies: %s)", body_id, ids);
    }
    const ow_body *other = &inst->bodies[b];
    int k = ow_body_find_item(other, item_id);
    if (k < 0) {
        char ids[400];
        join(ids, sizeof ids, &other->items[0].label, other->n_items, sizeof(ow_item));
        return fail(ld, at->loc, "unknown item \"%.*s\" of body %s in after (its items: %s)", QUOTE,
                    item_id, other->id, ids);
    }
    ref->body = (size_t)b;
    ref->item = (size_t)k;
    ref->loc = e->loc;
done:
    return rc;
}

/* Calls step for every item of every body whose deferred list (lists[b][i]) was
 * given, with ld's body and item set for its messages. */
typedef ow_status (*deferred_step)(loader *ld, size_t b, size_t i, const node *list);

static ow_status each_deferred(loader *ld, const node ***lists, deferred_step step)
{
    ow_status rc = OW_OK;
    ow_instance *inst = ld->inst;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        ow_body *body = &inst->bodies[b];
        ld->body = body->id;
        for (size_t i = 0; i < body->n_items; i++) {
            if (lists[b][i] == NULL)
                continue;
            ld->item = body->items[i].label;
            ld->event = body->items[i].event;
            OW_CALL(step(ld, b, i, lists[b][i]));
        }
    }
    ld->body = ld->item = NULL;
    ld->event = false;
done:
    return rc;
}

/* The entries of item i's after that name items of other bodies. */
static ow_status after_other_step(loader *ld, size_t b, size_t i, const node *list)
{
    ow_status rc = OW_OK;
    ow_body *body = &ld->inst->bodies[b];
    ow_item *item = &body->items[i];
    bool single = list->kind != NODE_SEQ;
    size_t n = single ? 1 : list->n;
    for (const node *e = single ? list : list->first; e != NULL; e = single ? NULL : e->next) {
        if (!names_other_body(body, e))
            continue;
        ow_item_ref ref;
        OW_CALL(other_ref(ld, e, &ref));
        if (ref.body == b) { /* "WG.7:2" in WG.7's own agenda */
            if (ref.item == i)
                return fail(ld, e->loc, "an item cannot come after itself");
            item->after[item->n_after++] = ref.item;
            continue;
        }
        if (item->after_other == NULL) {
            item->after_other = ow_arena_calloc(ld->arena, n, sizeof *item->after_other);
            if (item->after_other == NULL)
                return out_of_memory(ld);
        }
        item->after_other[item->n_after_other++] = ref;
    }
done:
    return rc;
}

ow_status resolve_after_other(loader *ld)
{
    return each_deferred(ld, ld->after, after_other_step);
}

ow_status body_refs(loader *ld, const node *list, const char *key, size_t self, size_t **out,
                    size_t *n_out)
{
    const ow_instance *inst = ld->inst;
    bool single = list->kind == NODE_SCALAR;
    size_t n = single ? 1 : list->n;
    size_t *refs = ow_arena_calloc(ld->arena, n, sizeof *refs);
    if (refs == NULL && n > 0)
        return out_of_memory(ld);
    size_t k = 0;
    for (const node *e = single ? list : list->first; e != NULL; e = single ? NULL : e->next) {
        if (e->kind != NODE_SCALAR || is_null(e))
            return wrong_type(ld, e, "a body id", key);
        int b = ow_instance_find_body(inst, e->text);
        if (b < 0) {
            char ids[400];
            join(ids, sizeof ids, &inst->bodies[0].id, inst->n_bodies, sizeof(ow_body));
            return fail(ld, e->loc, "unknown body \"%.*s\" in %s (bodies: %s)", QUOTE, e->text, key,
                        ids);
        }
        if ((size_t)b == self)
            return fail(ld, e->loc, "%s names the item's own body %s", key, e->text);
        for (size_t j = 0; j < k; j++)
            if (refs[j] == (size_t)b)
                return fail(ld, e->loc, "body %s listed twice in %s", e->text, key);
        refs[k++] = (size_t)b;
    }
    *out = refs;
    *n_out = k;
    return OW_OK;
}

static ow_status joint_step(loader *ld, size_t b, size_t i, const node *list)
{
    ow_item *item = &ld->inst->bodies[b].items[i];
    return body_refs(ld, list, "joint_with", b, &item->joint_with, &item->n_joint);
}

ow_status resolve_joint(loader *ld)
{
    return each_deferred(ld, ld->joint, joint_step);
}
