/* json_input.h: what model/'s JSON readers share (the schedule reader and diff):
 * parsing with jansson into errors that name file, line and column, and errors that
 * name the JSON path of a value.  Internal to model/: jansson stays out of the
 * public headers. */
#ifndef ORGWORK_MODEL_JSON_INPUT_H
#define ORGWORK_MODEL_JSON_INPUT_H

#include <jansson.h>
#include <stddef.h>

#include "orgwork/error.h"

/* Parses text (refusing keys given twice).  On OW_OK sets *out (json_decref it);
 * else OW_INPUT "name:line:col: not a valid JSON schedule: …". */
ow_status ow_json_parse(const char *name, const char *text, size_t len, json_t **out,
                        ow_error *err);

/* Sets an OW_INPUT error naming the value's JSON path: path, then ".key" when key is
 * not NULL ("bodies[0].meetings[2].date: expected …").  Returns OW_INPUT. */
ow_status ow_json_fail(ow_error *err, const char *name, const char *path, const char *key,
                       const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

#endif
