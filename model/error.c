/* error.c: setting and printing ow_error. */
#include "orgwork/error.h"

#include <stdarg.h>
#include <string.h>

void ow_error_clear(ow_error *err)
{
    if (err == NULL)
        return;
    memset(err, 0, sizeof *err);
}

ow_status ow_error_set(ow_error *err, ow_status code, const char *file, ow_loc loc, const char *fmt,
                       ...)
{
    if (err == NULL)
        return code;
    ow_error_clear(err);
    err->code = code;
    if (file != NULL)
        snprintf(err->file, sizeof err->file, "%s", file);
    err->loc = loc;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

void ow_error_context(ow_error *err, const char *fmt, ...)
{
    if (err == NULL)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->context, sizeof err->context, fmt, ap);
    va_end(ap);
}

void ow_error_print(const ow_error *err, FILE *out)
{
    if (err->file[0] != '\0') {
        fputs(err->file, out);
        if (err->loc.line > 0)
            fprintf(out, ":%d:%d", err->loc.line, err->loc.column);
        fputs(": ", out);
    }
    fprintf(out, "error: %s", err->message);
    if (err->context[0] != '\0')
        fprintf(out, " (%s)", err->context);
    fputc('\n', out);
}
