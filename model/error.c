/* error.c: setting and printing ow_error. */
#include "orgwork/error.h"

#include <stdarg.h>
#include <string.h>

#include "orgwork/text.h"

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
        ow_text_safe(err->file, sizeof err->file, file);
    err->loc = loc;
    /* Keys, ids and excerpts of files go into messages: escaped, so that none
     * writes a control character to the terminal or splits the line. */
    char raw[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    ow_text_safe(err->message, sizeof err->message, raw);
    return code;
}

void ow_error_context(ow_error *err, const char *fmt, ...)
{
    if (err == NULL)
        return;
    char raw[sizeof err->context];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    ow_text_safe(err->context, sizeof err->context, raw);
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
