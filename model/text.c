/* text.c: escaping control characters for terminals and messages. */
#include "orgwork/text.h"

#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool ow_text_is_control(unsigned long c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

/* Decodes one character of s[0..n) into *cp and returns its length in bytes.  A
 * byte that does not start a well-formed sequence counts as one character U+FFFD,
 * so malformed input can neither stall a loop nor be cut in the middle. */
size_t ow_utf8_next(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len;
    uint32_t c, min;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    } else if ((u[0] & 0xE0) == 0xC0) {
        len = 2, c = u[0] & 0x1F, min = 0x80;
    } else if ((u[0] & 0xF0) == 0xE0) {
        len = 3, c = u[0] & 0x0F, min = 0x800;
    } else if ((u[0] & 0xF8) == 0xF0) {
        len = 4, c = u[0] & 0x07, min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return len;
}

/* Whether s (n bytes left), which ow_utf8_next does not read as a character,
 * starts one cut short: a lead byte whose continuation bytes stop early (at the end,
 * or at a byte that does not continue it, as a "%.60s" leaves it). */
static bool cut_short(const unsigned char *s, size_t n)
{
    size_t len = s[0] >= 0xF0 && s[0] <= 0xF4   ? 4
                 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
                 : s[0] >= 0xC2 && s[0] <= 0xDF ? 2
                                                : 0;
    for (size_t k = 1; k < len; k++)
        if (k >= n || (s[k] & 0xC0) != 0x80)
            return true;
    return false;
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
        uint32_t c = 0;
        size_t len = ow_utf8_next(src + i, n - i, &c);
        bool bad = len == 1 && s[i] >= 0x80; /* not a character: U+FFFD stands in */
        char esc[24] = "";
        const char *piece;
        size_t plen;
        if (bad && cut_short(s + i, n - i)) {
            /* Drop the character's start and the continuation bytes it has. */
            i++;
            while (i < n && (s[i] & 0xC0) == 0x80)
                i++;
            continue;
        }
        if (bad) {
            escape(s[i], true, esc);
            piece = esc;
            plen = strlen(esc);
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
