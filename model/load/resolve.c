/* resolve.c: the cross-references, resolved once everything they may name is
 * read: an item's after (items of its body), joint_with and a rule's consecutive
 * (bodies). */
#include "stages.h"

ow_status resolve_after(loader *ld, ow_body *body, const node **after)
{
    for (size_t i = 0; i < body->n_items; i++) {
        const node *list = after[i];
        if (list == NULL)
            continue;
        ow_item *item = &body->items[i];
        ld->item = item->label;
        ld->event = item->event;
        bool single = list->kind == NODE_SCALAR;
        size_t n = single ? 1 : list->n;
        item->after = ow_arena_calloc(ld->arena, n, sizeof *item->after);
        if (item->after == NULL && n > 0)
            return out_of_memory(ld);
        for (const node *e = single ? list : list->first; e != NULL; e = single ? NULL : e->next) {
            if (e->kind != NODE_SCALAR || is_null(e))
                return wrong_type(ld, e, "an item id", "after");
            int k = ow_body_find_item(body, e->text);
            if (k < 0) {
                char ids[400];
                join(ids, sizeof ids, &body->items[0].label, body->n_items, sizeof(ow_item));
                return fail(ld, e->loc, "unknown item \"%.*s\" in after (items of body %s: %s)",
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

ow_status resolve_joint(loader *ld)
{
    ow_status rc = OW_OK;
    ow_instance *inst = ld->inst;
    for (size_t b = 0; b < inst->n_bodies; b++) {
        ow_body *body = &inst->bodies[b];
        ld->body = body->id;
        for (size_t i = 0; i < body->n_items; i++) {
            const node *list = ld->joint[b][i];
            if (list == NULL)
                continue;
            ld->item = body->items[i].label;
            ld->event = body->items[i].event;
            OW_CALL(body_refs(ld, list, "joint_with", b, &body->items[i].joint_with,
                              &body->items[i].n_joint));
        }
    }
    ld->body = ld->item = NULL;
done:
    return rc;
}
