/* scalar.c: typed reading of nodes: the keys a mapping may hold, text, ids,
 * numbers, booleans, dates and durations, each refused with what was expected. */
#include "stages.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

static const char *kind_name(const node *n)
{
    if (n->kind == NODE_MAP)
        return "a mapping";
    if (n->kind == NODE_SEQ)
        return "a list";
    if (is_null(n))
        return "nothing";
    return "a scalar";
}

ow_status wrong_type(loader *ld, const node *n, const char *expected, const char *key)
{
    if (n->kind == NODE_SCALAR && !is_null(n))
        return fail(ld, n->loc, "expected %s for %s, found \"%.*s\"", expected, key, QUOTE,
                    n->text);
    return fail(ld, n->loc, "expected %s for %s, found %s", expected, key, kind_name(n));
}

ow_status expect_map(loader *ld, const node *n, const char *key)
{
    return n->kind == NODE_MAP ? OW_OK : wrong_type(ld, n, "a mapping", key);
}

/* A list, with at most max entries. */
ow_status expect_list(loader *ld, const node *n, const char *key, size_t max)
{
    if (n->kind != NODE_SEQ)
        return wrong_type(ld, n, "a list", key);
    if (n->n > max)
        return fail(ld, n->loc, "too many entries in %s: %zu (at most %zu)", key, n->n, max);
    return OW_OK;
}

/* Checks a mapping's keys against allowed (NULL-ended, at most MAX_KEYS) and files
 * each value under its key. */
ow_status read_fields(loader *ld, const node *map, const char *what, const char *key,
                      const char *const *allowed, fields *f)
{
    ow_status rc = OW_OK;
    memset(f, 0, sizeof *f);
    f->allowed = allowed;
    f->map = map;
    OW_CALL(expect_map(ld, map, key));
    const node *prev = NULL; /* the key before k */
    for (const node *k = map->first; k != NULL; prev = k, k = k->next->next) {
        if (k->kind != NODE_SCALAR)
            return fail(ld, k->loc, "expected a key name in %s, found %s", what, kind_name(k));
        size_t i = 0;
        while (allowed[i] != NULL && strcmp(allowed[i], k->text) != 0)
            i++;
        assert(i < MAX_KEYS); /* every table fits in a fields (KEYS_FIT, at compile time) */
        if (allowed[i] == NULL) {
            char list[512] = "";
            size_t used = 0;
            for (size_t j = 0; allowed[j] != NULL && used < sizeof list; j++)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", j > 0 ? ", " : "",
                                         allowed[j]);
            /* In a {…} mapping a comma ends a value: `title: Report (Vienna, September
             * 2003)` reads as a title and a key "September 2003)" with no value. */
            if (prev != NULL && is_null(k->next) && prev->next->kind == NODE_SCALAR &&
                prev->next->plain && !is_null(prev->next))
                return fail(ld, k->loc,
                            "unknown key \"%.*s\" in %s: a comma ends a value here; if it "
                            "belongs to %s, quote the whole value: %s: \"%.*s, %.*s\"",
                            QUOTE, k->text, what, prev->text, prev->text, QUOTE, prev->next->text,
                            QUOTE, k->text);
            return fail(ld, k->loc, "unknown key \"%.*s\" in %s (expected one of: %s)", QUOTE,
                        k->text, what, list);
        }
        if (f->key[i] != NULL)
            return fail(ld, k->loc, "key \"%s\" given twice in %s (first at line %d)", allowed[i],
                        what, f->key[i]->loc.line);
        f->key[i] = k;
        f->value[i] = k->next;
    }
done:
    return rc;
}

static size_t field_index(const fields *f, const char *key)
{
    size_t i = 0;
    while (f->allowed[i] != NULL && strcmp(f->allowed[i], key) != 0)
        i++;
    return i;
}

const node *field(const fields *f, const char *key)
{
    return f->value[field_index(f, key)];
}

const node *field_key(const fields *f, const char *key)
{
    return f->key[field_index(f, key)];
}

ow_status copy_text(loader *ld, const node *n, const char *key, size_t max, const char **out)
{
    if (n->kind != NODE_SCALAR || is_null(n))
        return wrong_type(ld, n, "a string", key);
    if (n->len > max)
        return fail(ld, n->loc, "%s is too long: %zu bytes (at most %zu)", key, n->len, max);
    if (strlen(n->text) != n->len)
        return fail(ld, n->loc, "%s contains a NUL character", key);
    /* A blank title or name would print as an empty cell of the annex. */
    if (n->text[strspn(n->text, " \t\r\n")] == '\0')
        return fail(ld, n->loc, "%s is empty (expected some text)", key);
    const char *s = ow_arena_strndup(ld->arena, n->text, n->len);
    if (s == NULL)
        return out_of_memory(ld);
    *out = s;
    return OW_OK;
}

/* An id: non-empty text without spaces or parentheses, at most OW_MAX_ID bytes. */
ow_status copy_id(loader *ld, const node *n, const char *key, const char **out)
{
    ow_status rc = OW_OK;
    const char *s = NULL;
    if (n->kind == NODE_SCALAR && !is_null(n) && n->text[strspn(n->text, " \t\r\n")] == '\0')
        return fail(ld, n->loc, "%s is empty (expected an id such as WG.7 or 2)", key);
    OW_CALL(copy_text(ld, n, key, OW_MAX_ID, &s));
    if (strpbrk(s, " \t\r\n()") != NULL)
        return fail(ld, n->loc,
                    "%s \"%s\" contains a space or parenthesis (expected an id such as WG.7 or 2)",
                    key, s);
    *out = s;
done:
    return rc;
}

/* Reads a decimal integer, refusing what does not fit in a long. */
static bool parse_long(const char *s, long *out)
{
    const char *p = s;
    bool negative = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    if (*p == '\0')
        return false;
    long v = 0;
    for (; *p != '\0'; p++) {
        if (*p < '0' || *p > '9')
            return false;
        int d = *p - '0';
        if (v > (LONG_MAX - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = negative ? -v : v;
    return true;
}

bool looks_numeric(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    if (*s == '\0')
        return false;
    for (; *s != '\0'; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

ow_status get_int(loader *ld, const node *n, const char *key, long min, long max, int *out)
{
    long v;
    if (n->kind != NODE_SCALAR || is_null(n) || !looks_numeric(n->text))
        return wrong_type(ld, n, "an integer", key);
    if (!parse_long(n->text, &v) || v < min || v > max)
        return fail(ld, n->loc, "%s %.*s is out of range (expected an integer from %ld to %ld)",
                    key, QUOTE, n->text, min, max);
    *out = (int)v;
    return OW_OK;
}

ow_status get_bool(loader *ld, const node *n, const char *key, bool *out)
{
    static const char *const yes[] = {"true", "True", "TRUE", NULL};
    static const char *const no[] = {"false", "False", "FALSE", NULL};
    if (n->kind == NODE_SCALAR) {
        for (size_t i = 0; yes[i] != NULL; i++) {
            if (strcmp(n->text, yes[i]) == 0) {
                *out = true;
                return OW_OK;
            }
            if (strcmp(n->text, no[i]) == 0) {
                *out = false;
                return OW_OK;
            }
        }
    }
    return wrong_type(ld, n, "a boolean (true or false)", key);
}

bool looks_like_date(const char *s)
{
    return strlen(s) == 10 && s[4] == '-' && s[7] == '-';
}

ow_status get_date(loader *ld, const node *n, const char *key, ow_date *out)
{
    if (n->kind != NODE_SCALAR || is_null(n))
        return wrong_type(ld, n, "a date (YYYY-MM-DD)", key);
    if (ow_date_parse(n->text, out))
        return OW_OK;
    if (looks_like_date(n->text) &&
        (strncmp(n->text, "1900", 4) < 0 || strncmp(n->text, "2999", 4) > 0))
        return fail(ld, n->loc,
                    "date \"%s\" for %s is out of range (expected a year from 1900 to 2999)",
                    n->text, key);
    if (looks_like_date(n->text))
        return fail(ld, n->loc, "impossible date \"%s\" for %s (expected a real date, YYYY-MM-DD)",
                    n->text, key);
    return wrong_type(ld, n, "a date (YYYY-MM-DD)", key);
}

static bool is_zero_text(const char *s)
{
    bool digit = false;
    for (; *s != '\0'; s++) {
        if (*s >= '1' && *s <= '9')
            return false;
        digit = digit || *s == '0';
    }
    return digit;
}

/* Is text a well-formed duration that is only out of range?  It is when the same
 * text with its leading number made 1 parses: too long when that number's whole part
 * is not zero ("100001m", "99999999999999999999h"), else under a minute ("0.4m",
 * "0.0001h"). */
static bool duration_out_of_range(const char *text, int slot_minutes)
{
    char probe[64];
    const char *s = text;
    while (*s == ' ')
        s++;
    size_t digits = strspn(s, "0123456789");
    if (digits == 0 || strlen(s + digits) + 2 > sizeof probe)
        return false;
    probe[0] = '1';
    strcpy(probe + 1, s + digits);
    int minutes;
    return ow_duration_parse(probe, slot_minutes, &minutes);
}

ow_status get_duration(loader *ld, const node *n, const char *key, int *out)
{
    if (n->kind != NODE_SCALAR || is_null(n))
        return wrong_type(ld, n, "a duration (" DURATION_FORMS ")", key);
    if (ow_duration_parse(n->text, ld->inst->calendar.standard_slot, out))
        return OW_OK;
    const char *s = n->text;
    while (*s == ' ')
        s++;
    if (*s == '-' || is_zero_text(s))
        return fail(ld, n->loc, "%s must be more than zero, found \"%.*s\"", key, QUOTE, n->text);
    if (duration_out_of_range(s, ld->inst->calendar.standard_slot)) {
        size_t whole = strspn(s, "0123456789");
        if (strspn(s, "0") >= whole)
            return fail(ld, n->loc,
                        "%s \"%.*s\" is less than a minute (durations are whole minutes, at "
                        "least 1m)",
                        key, QUOTE, n->text);
        return fail(ld, n->loc, "%s \"%.*s\" is too long (at most %d minutes)", key, QUOTE, n->text,
                    MAX_DURATION);
    }
    return fail(ld, n->loc, "cannot parse %s \"%.*s\" (expected " DURATION_FORMS ")", key, QUOTE,
                n->text);
}

/* Writes "a, b, c" of up to about size bytes, ending in ", …" when cut short. */
void join(char *out, size_t size, const char *const *names, size_t n, size_t stride)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *s = *(const char *const *)((const char *)names + i * stride);
        if (used + strlen(s) + 8 > size) {
            snprintf(out + used, size - used, ", \xE2\x80\xA6");
            return;
        }
        used += (size_t)snprintf(out + used, size - used, "%s%s", i > 0 ? ", " : "", s);
    }
}
