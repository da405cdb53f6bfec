/* fuzz_workplan.c: libFuzzer harness for the workplan loader, checker and renderers.
 * Any bytes must give a workplan or an error with a message, never a crash, a leak
 * or undefined behaviour; a workplan that loads must hold the limits it promises,
 * and its plans must check and render. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "orgwork/workplan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ow_workplan *wp = NULL;
    ow_error err;
    ow_status rc = ow_workplan_load_string("fuzz.yaml", (const char *)data, size, &wp, &err);
    if (rc != OW_OK) {
        if (err.message[0] == '\0')
            abort();
        return 0;
    }
    if (wp->n_topics < 1 || wp->n_topics > OW_WP_MAX_TOPICS || wp->n_sessions < 1 ||
        wp->n_sessions > OW_WP_MAX_SESSIONS || wp->n_clusters < 1)
        abort();
    for (size_t t = 0; t < wp->n_topics; t++)
        if (wp->topics[t].cluster >= wp->n_clusters ||
            ow_workplan_find_topic(wp, wp->topics[t].id) != (int)t)
            abort();
    /* Every topic that may go somewhere goes to the first session that takes it. */
    ow_wp_plan plan;
    if (ow_wp_plan_init(&plan, wp, &err) == OW_OK) {
        for (size_t t = 0; t < wp->n_topics; t++)
            for (size_t s = 0; s < wp->n_sessions && plan.session[t] < 0; s++)
                if (ow_workplan_allowed(wp, t, s))
                    plan.session[t] = (int)s;
        plan.status = OW_SOLVE_OPTIMAL;
        ow_wp_check_report rep;
        if (ow_wp_check(wp, &plan, true, &rep, &err) == OW_OK)
            ow_wp_check_report_free(&rep);
        ow_buf out = OW_BUF_INIT;
        ow_wp_render(wp, &plan, OW_FORMAT_MD, false, &out, &err);
        ow_wp_render(wp, &plan, OW_FORMAT_JSON, false, &out, &err);
        ow_wp_agenda(wp, &plan, 0, &out);
        ow_buf_free(&out);
        ow_wp_plan_free(&plan);
    }
    ow_workplan_free(wp);
    return 0;
}
