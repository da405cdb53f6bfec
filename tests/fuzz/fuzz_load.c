/* fuzz_load.c: libFuzzer harness for the instance loader.  Any bytes must give an
 * instance or an error with a message and a place, never a crash, a leak or
 * undefined behaviour; a loaded instance must hold the limits it promises. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "orgwork/instance.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What the header promises of every instance that loads. */
static void check_instance(const ow_instance *inst)
{
    const ow_calendar *cal = &inst->calendar;
    if (cal->n_days < 1 || cal->n_days > OW_MAX_DAYS || cal->n_slots < 1 ||
        cal->n_slots > OW_MAX_SLOTS || inst->n_bodies < 1 || inst->n_bodies > OW_MAX_BODIES ||
        inst->n_rooms < 1 || inst->n_rooms > OW_MAX_ROOMS)
        abort();
    for (int d = 0; d < cal->n_days; d++) {
        size_t n;
        const ow_slot *slots = ow_calendar_day_slots(cal, d, &n);
        if (n < 1 || n > cal->n_slots)
            abort();
        for (size_t s = 1; s < n; s++)
            if (slots[s].start < slots[s - 1].end)
                abort();
    }
    for (size_t b = 0; b < inst->n_bodies; b++) {
        const ow_body *body = &inst->bodies[b];
        if (body->n_items < 1 || body->n_items > OW_MAX_ITEMS || body->window_from < 0 ||
            body->window_from > body->window_to || body->window_to >= cal->n_days ||
            strlen(body->id) > OW_MAX_ID || strlen(body->name) > OW_MAX_TEXT)
            abort();
        if (ow_instance_find_body(inst, body->id) != (int)b)
            abort();
        for (size_t i = 0; i < body->n_items; i++) {
            const ow_item *it = &body->items[i];
            if (it->minutes <= 0 || strlen(it->title) > OW_MAX_TEXT)
                abort();
            if (ow_body_find_item(body, it->id) != (int)i)
                abort();
            for (size_t a = 0; a < it->n_after; a++)
                if (it->after[a] >= body->n_items)
                    abort();
            for (size_t j = 0; j < it->n_joint; j++)
                if (it->joint_with[j] >= inst->n_bodies || it->joint_with[j] == b)
                    abort();
        }
        (void)ow_body_total_minutes(body);
        (void)ow_body_max_meetings(inst, body);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ow_instance *inst = NULL;
    ow_error err;
    ow_error_clear(&err);
    ow_status rc = ow_instance_load_string("fuzz.yaml", (const char *)data, size, &inst, &err);
    if (rc == OW_OK) {
        check_instance(inst);
        /* The what-if overrides reshape a loaded instance: they too must hold. */
        ow_error_clear(&err);
        if (ow_instance_override(inst, 1 + (int)(size % 7), 1 + (int)(size % 5), &err) == OW_OK)
            check_instance(inst);
        else if (err.message[0] == '\0')
            abort();
        ow_instance_free(inst);
    } else if (rc != OW_INPUT || err.message[0] == '\0' || inst != NULL) {
        abort();
    }
    return 0;
}
