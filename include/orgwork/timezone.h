/* timezone.h: the venue's time zone (`calendar.timezone`), from the system's tzdata
 * through libical: whether a name is known, and its VTIMEZONE for calendars. */
#ifndef ORGWORK_TIMEZONE_H
#define ORGWORK_TIMEZONE_H

#include <stdbool.h>

#include "orgwork/buf.h"
#include "orgwork/calendar.h"

/* The time zone of a calendar without `timezone:`: the Vienna International Centre,
 * where the bodies of the seed documents meet. */
#define OW_DEFAULT_TIMEZONE "Europe/Vienna"

/* Whether name is an IANA time zone the system knows ("Europe/Vienna", "UTC"). */
bool ow_timezone_known(const char *name);

/* Appends the VTIMEZONE component of name (content lines ending CRLF, TZID the
 * IANA name) with the rules in force from date from to date to.  Appends nothing
 * and returns false for UTC, whose times are written with a Z instead, or an
 * unknown name. */
bool ow_timezone_vtimezone(const char *name, ow_date from, ow_date to, ow_buf *out);

#endif
