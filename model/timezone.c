/* timezone.c: time zones by IANA name, read from the system's tzdata by libical. */
#include "orgwork/timezone.h"

#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

bool ow_timezone_known(const char *name)
{
    return name != NULL && name[0] != '\0' && icaltimezone_get_builtin_timezone(name) != NULL;
}

bool ow_timezone_vtimezone(const char *name, ow_date from, ow_date to, ow_buf *out)
{
    icaltimezone *zone = name != NULL ? icaltimezone_get_builtin_timezone(name) : NULL;
    if (zone == NULL || zone == icaltimezone_get_utc_timezone())
        return false;
    icalcomponent *comp = icaltimezone_get_component(zone);
    if (comp == NULL)
        return false;
    comp = icalcomponent_new_clone(comp);
    if (comp == NULL)
        return false;
    /* Only the rules of the period: the zone's history since the 1890s would make
     * the file long and tie it to every tzdata release. */
    int y, m, d;
    ow_date_to_ymd(from, &y, &m, &d);
    icaltimetype start = icaltime_null_time();
    start.year = y, start.month = m, start.day = d;
    start = icaltime_convert_to_zone(start, icaltimezone_get_utc_timezone());
    ow_date_to_ymd(to + 1, &y, &m, &d);
    icaltimetype end = icaltime_null_time();
    end.year = y, end.month = m, end.day = d;
    end = icaltime_convert_to_zone(end, icaltimezone_get_utc_timezone());
    icaltimezone_truncate_vtimezone(comp, start, end, 1);
    /* libical names system zones "/<prefix>/Europe/Vienna"; calendars match the
     * IANA name. */
    icalproperty *tzid = icalcomponent_get_first_property(comp, ICAL_TZID_PROPERTY);
    if (tzid != NULL)
        icalproperty_set_tzid(tzid, name);
    char *text = icalcomponent_as_ical_string_r(comp);
    bool ok = text != NULL;
    if (ok)
        ow_buf_puts(out, text);
    free(text);
    icalcomponent_free(comp);
    return ok;
}
