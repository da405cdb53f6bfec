/* json_input.c: parsing JSON and naming where it is wrong. */
#include "json_input.h"

#include <stdarg.h>
#include <stdio.h>

ow_status ow_json_parse(const char *name, const char *text, size_t len, json_t **out, ow_error *err)
{
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL) {
        ow_loc at = {jerr.line > 0 ? jerr.line : 0, jerr.line > 0 ? jerr.column : 0};
        return ow_error_set(err, OW_INPUT, name, at, "not a valid JSON schedule: %s", jerr.text);
    }
    *out = root;
    return OW_OK;
}

ow_status ow_json_fail(ow_error *err, const char *name, const char *path, const char *key,
                       const char *fmt, ...)
{
    char what[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    const char *dot = *path && key ? "." : "";
    const char *colon = *path || key ? ": " : "";
    return ow_error_set(err, OW_INPUT, name, (ow_loc){0, 0}, "%s%s%s%s%s", path, dot,
                        key ? key : "", colon, what);
}
