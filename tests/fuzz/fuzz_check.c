/* fuzz_check.c: libFuzzer harness for `orgwork check`: a schedule typed or edited
 * by hand (JSON, SPEC §4) read against a fixed instance and verified.  Any bytes
 * must give a report or an error with a message, never a crash or a leak. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "orgwork/buf.h"
#include "orgwork/check.h"
#include "orgwork/instance.h"
#include "orgwork/schedule.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Two bodies, two rooms, sub-items, a joint item and rules on items: every part of
 * the instance a schedule can name or break. */
static const char INSTANCE[] =
    "orgwork: 1\n"
    "calendar: {start: 2024-07-11, days: 3, slots: [\"10:00-13:00\", \"15:00-18:00\"]}\n"
    "rooms: [Plenary, Room B]\n"
    "services: {interpretation_teams: 1}\n"
    "bodies:\n"
    "  - id: WG.7\n"
    "    name: Working Group on the Smuggling of Migrants\n"
    "    meetings: 4\n"
    "    meetings_per_day: 2\n"
    "    agenda:\n"
    "      - item: 1\n"
    "        title: Organizational matters\n"
    "        subitems:\n"
    "          - {item: a, title: Opening, duration: 10m, first: true}\n"
    "          - {item: b, title: Adoption of the agenda, duration: 20m, meeting: 1}\n"
    "      - {item: 2, title: Smuggling, duration: 4h30m, min_part: 30m}\n"
    "      - {item: 3, title: Protection, duration: 2h, after: [2], joint_with: [WG.4]}\n"
    "      - {item: 4, title: Other matters, duration: 15m, split: false, day: 2}\n"
    "      - {item: 5, title: Report, duration: 1h30m, meeting: last, last: true}\n"
    "  - id: WG.4\n"
    "    name: Working Group on Trafficking in Persons\n"
    "    room: Room B\n"
    "    window: {from: 2024-07-12}\n"
    "    agenda:\n"
    "      - {item: 1, title: Opening, duration: 30m, pin: {meeting: 1}}\n"
    "      - {item: 2, title: Report, duration: 1h, pin: {date: 2024-07-15, slot: "
    "\"15:00-18:00\"}}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static ow_instance *inst;
    ow_error err;
    ow_error_clear(&err);
    if (inst == NULL &&
        ow_instance_load_string("fuzz.yaml", INSTANCE, strlen(INSTANCE), &inst, &err) != OW_OK) {
        ow_error_print(&err, stderr);
        abort();
    }
    ow_schedule *s = NULL;
    if (ow_schedule_read_json_string(inst, "fuzz.json", (const char *)data, size, &s, &err) !=
        OW_OK) {
        if (err.message[0] == '\0' || s != NULL)
            abort();
        return 0;
    }
    ow_check_report rep = {0};
    if (ow_check(inst, s, &rep, &err) == OW_OK) {
        ow_buf text = OW_BUF_INIT;
        ow_check_report_text(&rep, &text);
        ow_buf_free(&text);
    }
    ow_check_report_free(&rep);
    ow_schedule_free(s);
    return 0;
}
