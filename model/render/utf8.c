/* utf8.c: UTF-8 for the renderers: decoding one character, the columns text takes
 * in a terminal or a fixed-width cell, and plain text without control characters. */
#include "formats.h"

#include <string.h>

#include "orgwork/text.h"

/* Columns a character takes in a terminal: East Asian wide characters take two,
 * combining marks none (enough for aligning Chinese, Arabic and Russian titles). */
int ow_char_columns(uint32_t c)
{
    if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
        (c >= 0x200B && c <= 0x200F))
        return 0;
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD))
        return 2;
    return 1;
}

int ow_text_columns(const char *s, size_t n)
{
    int cols = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += ow_utf8_next(s + i, n - i, &c);
        cols += ow_char_columns(c);
    }
    return cols;
}

void ow_put_plain_text(ow_buf *b, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = ow_utf8_next(s + i, n - i, &c);
        if (c == '\r' && s[i + 1] == '\n')
            ; /* the LF that follows is the break */
        else if (c == '\r' || c == '\n')
            ow_buf_putc(b, '\n');
        else if (ow_text_is_control(c))
            ow_buf_putc(b, ' ');
        else
            ow_buf_append(b, s + i, len);
        i += len;
    }
}
