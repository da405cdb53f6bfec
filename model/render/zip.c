/* zip.c: the zip packages of the office formats (docx, odt), built in memory with
 * libzip so that their bytes reach -o through the one output writer. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "formats.h"

ow_date ow_document_date(const ow_instance *inst)
{
    return inst->has_issued ? inst->issued : inst->calendar.start;
}

/* The entries' time: noon of the document's date, local time, which libzip turns
 * back into the same MS-DOS date and time whatever the machine's time zone. */
static time_t entry_time(const ow_instance *inst)
{
    int y, mo, d;
    ow_date_to_ymd(ow_document_date(inst), &y, &mo, &d);
    struct tm tm = {0};
    tm.tm_year = (y < 1980 ? 1980 : y) - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    return mktime(&tm);
}

ow_status ow_zip_entries(const ow_zip_entry *entries, size_t n, const ow_instance *inst,
                         ow_buf *out, ow_error *err)
{
    time_t when = entry_time(inst);
    const ow_loc none = {0, 0};
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = src != NULL ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    if (za == NULL) {
        ow_status rc = ow_error_set(err, OW_INTERNAL, NULL, none, "cannot make a zip archive: %s",
                                    zip_error_strerror(&ze));
        zip_source_free(src);
        zip_error_fini(&ze);
        return rc;
    }
    zip_error_fini(&ze);
    zip_source_keep(src); /* the archive is read back from it after zip_close */
    for (size_t i = 0; i < n; i++) {
        zip_source_t *part = zip_source_buffer(za, entries[i].data, entries[i].len, 0);
        zip_int64_t idx =
            part != NULL ? zip_file_add(za, entries[i].name, part, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0) {
            zip_source_free(part);
            goto fail;
        }
        if (zip_file_set_mtime(za, (zip_uint64_t)idx, when, 0) != 0 ||
            zip_set_file_compression(za, (zip_uint64_t)idx,
                                     entries[i].stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                     entries[i].stored ? 0 : 9) != 0)
            goto fail;
    }
    if (zip_close(za) != 0)
        goto fail;
    za = NULL;
    zip_stat_t st;
    if (zip_source_open(src) != 0)
        goto fail_src;
    if (zip_source_stat(src, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0) {
        zip_source_close(src);
        goto fail_src;
    }
    {
        char *data = malloc(st.size + 1);
        zip_int64_t got = data != NULL ? zip_source_read(src, data, st.size) : -1;
        zip_source_close(src);
        if (got < 0 || (zip_uint64_t)got != st.size) {
            free(data);
            goto fail_src;
        }
        ow_buf_append(out, data, st.size);
        free(data);
    }
    zip_source_free(src);
    return OW_OK;
fail:;
    ow_status rc = ow_error_set(err, OW_INTERNAL, NULL, none, "cannot make a zip archive: %s",
                                zip_strerror(za));
    zip_discard(za);
    zip_source_free(src);
    return rc;
fail_src:
    zip_source_free(src);
    return ow_error_set(err, OW_INTERNAL, NULL, none, "cannot read back the zip archive");
}
