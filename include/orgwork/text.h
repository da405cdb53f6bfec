/* text.h: text that is safe to print on a terminal or in a message.  Keys, ids and
 * excerpts of files reach error messages and `orgwork diff`; a control character
 * in them could clear the screen, move the cursor or split a file:line:column line. */
#ifndef ORGWORK_TEXT_H
#define ORGWORK_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "orgwork/buf.h"

/* Whether code point c (from UTF-8) is a control character: C0 (U+0000–U+001F),
 * DEL (U+007F) or C1 (U+0080–U+009F). */
bool ow_text_is_control(unsigned long c);

/* Decodes one character of s[0..n) into *cp and returns its length in bytes.  A
 * byte that does not start a well-formed sequence counts as one character U+FFFD,
 * so malformed input can neither stall a loop nor be cut in the middle. */
size_t ow_utf8_next(const char *s, size_t n, uint32_t *cp);

/* Copies src into dst (cap bytes, NUL-terminated) with every control character
 * escaped: "\n", "\t", "\r", else "\x1b" for C0 and DEL and "\u0085" for C1; a byte
 * that is not UTF-8 becomes "\xff", and a sequence cut short (by a "%.60s" say) is
 * dropped.  Stops on a character boundary when dst is full. */
void ow_text_safe(char *dst, size_t cap, const char *src);

/* Appends s to b escaped as ow_text_safe does. */
void ow_buf_put_safe(ow_buf *b, const char *s);

#endif
