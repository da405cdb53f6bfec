/* text.c: escaping control characters for terminals and messages. */
#include "orgwork/text.h"

#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool ow_text_is_control(unsigned long c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

/* Decodes the UTF-8 character at s (n bytes left): its length, or 0 when the bytes
 * are not UTF-8; *cut is set when they are the start of a character cut short. */
static size_t decode(const unsigned char *s, size_t n, unsigned long *c, bool *cut)
{
    *cut = false;
    if (s[0] < 0x80) {
        *c = s[0];
        return 1;
    }
    size_t len = s[0] >= 0xF0 && s[0] <= 0xF4   ? 4
                 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
                 : s[0] >= 0xC2 && s[0] <= 0xDF ? 2
                                                : 0;
    if (len == 0)
        return 0;
    unsigned long v = s[0] & (0x7F >> len);
    for (size_t k = 1; k < len; k++) {
        if (k >= n || (s[k] & 0xC0) != 0x80) {
            *cut = true;
            return 0;
        }
        v = (v << 6) | (s[k] & 0x3F);
    }
    /* Overlong forms, surrogates and values past U+10FFFF are not UTF-8. */
    if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *c = v;
    return len;
}

/* The escape of one character or byte into out (at most 6 bytes and a NUL). */
static void escape(unsigned long c, bool byte, char out[24])
{
    if (!byte && c == '\n')
        snprintf(out, 24, "\\n");
    else if (!byte && c == '\t')
        snprintf(out, 24, "\\t");
    else if (!byte && c == '\r')
        snprintf(out, 24, "\\r");
    else if (!byte && c >= 0x80)
        snprintf(out, 24, "\\u%04lx", c);
    else
        snprintf(out, 24, "\\x%02lx", c);
}

void ow_text_safe(char *dst, size_t cap, const char *src)
{
    if (cap == 0)
        return;
    const unsigned char *s = (const unsigned char *)src;
    size_t n = strlen(src), i = 0, o = 0;
    while (i < n) {
        unsigned long c = 0;
        bool cut;
        size_t len = decode(s + i, n - i, &c, &cut);
        char esc[24] = "";
        const char *piece;
        size_t plen;
        if (len == 0 && cut) {
            /* Drop the character's start and the continuation bytes it has. */
            i++;
            while (i < n && (s[i] & 0xC0) == 0x80)
                i++;
            continue;
        }
        if (len == 0) {
            escape(s[i], true, esc);
            piece = esc;
            plen = strlen(esc);
            len = 1;
        } else if (ow_text_is_control(c)) {
            escape(c, false, esc);
            piece = esc;
            plen = strlen(esc);
        } else {
            piece = src + i;
            plen = len;
        }
        if (o + plen >= cap)
            break;
        memcpy(dst + o, piece, plen);
        o += plen;
        i += len;
    }
    dst[o] = '\0';
}

void ow_buf_put_safe(ow_buf *b, const char *s)
{
    /* An escape is at most 4 bytes for each byte it stands for ("\x1b"). */
    size_t cap = strlen(s) * 4 + 1;
    char *dst = ow_malloc(cap);
    if (dst == NULL) {
        b->failed = true;
        return;
    }
    ow_text_safe(dst, cap, s);
    ow_buf_puts(b, dst);
    free(dst);
}
