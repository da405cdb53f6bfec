/* test_render.c: the annex in every output format, byte for byte where the layout
 * is the contract (md, csv, json, ics), by property where it is a matter of
 * looks (text wrapping, html). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "orgwork/buf.h"
#include "orgwork/check.h"
#include "orgwork/instance.h"
#include "orgwork/render.h"
#include "orgwork/schedule.h"

/* The 2024 seed (CTOC/COP/WG.7/2024/1): one body, four meetings over two days. */
static const char SEED_2024[] =
    "orgwork: 1\n"
    "calendar:\n"
    "  start: 2024-07-11\n"
    "  days: 2\n"
    "rooms: [Plenary]\n"
    "services:\n"
    "  languages: [Arabic, Chinese, English, French, Russian, Spanish]\n"
    "  interpretation_teams: 1\n"
    "body:\n"
    "  id: WG.7\n"
    "  name: Working Group on the Smuggling of Migrants\n"
    "  meetings: 4\n"
    "  agenda:\n"
    "    - item: \"1\"\n"
    "      title: Organizational matters\n"
    "      subitems:\n"
    "        - {item: a, title: Opening of the meeting, duration: 10m, first: true}\n"
    "        - {item: b, title: Adoption of the agenda and organization of work, "
    "duration: 20m}\n"
    "    - {item: \"2\", title: Preventing and combating the smuggling of migrants, "
    "duration: 4h30m}\n"
    "    - {item: \"3\", title: Protection and assistance measures for smuggled migrants, "
    "duration: 2h}\n"
    "    - {item: \"4\", title: Matters pertaining to the Mechanism, duration: 2h}\n"
    "    - {item: \"5\", title: Other matters, duration: 15m, meeting: last}\n"
    "    - {item: \"6\", title: Adoption of the report, duration: 1h30m, meeting: last, "
    "last: true}\n";

/* Titles that every format must escape its own way. */
static const char NASTY[] =
    "orgwork: 1\n"
    "issued: 2024-06-01\n"
    "calendar:\n"
    "  start: 2024-07-11\n"
    "  days: 1\n"
    "rooms: [\"Room, \\\"A\\\"; B\"]\n"
    "body:\n"
    "  id: \"WG,7/x\"\n"
    "  name: \"Group on \\\"Quotes\\\" | Pipes\"\n"
    "  session: first session\n"
    "  agenda:\n"
    "    - {item: \"1\", title: \"Say \\\"hi\\\", <script>alert(1)</script> | a\\\\b\\nnext\", "
    "duration: 1h}\n"
    "    - {item: \"2\", title: \"Ctrl\\x01 and tab\\there\", duration: 1h}\n"
    "    - {item: \"3\", title: \"\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 "
    "\xE4\xB8\xAD\xE6\x96\x87 \xD1\x80\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9\", "
    "duration: 1h}\n";

typedef struct piece_spec {
    const char *item;
    int minutes;
    bool continued;
} piece_spec;

static ow_instance *load(const char *yaml)
{
    ow_instance *inst = NULL;
    ow_error err;
    ow_status rc = ow_instance_load_string("test.yaml", yaml, strlen(yaml), &inst, &err);
    if (rc != OW_OK)
        ow_error_print(&err, stderr);
    assert_int_equal(rc, OW_OK);
    assert_non_null(inst);
    return inst;
}

static void add(ow_schedule *s, const ow_instance *inst, size_t body, const char *date, int start_h,
                int end_h, size_t n, const piece_spec *pieces)
{
    ow_meeting *m = ow_schedule_add_meeting(s, n);
    assert_non_null(m);
    m->body = body;
    assert_true(ow_date_parse(date, &m->date));
    m->start = start_h * 60;
    m->end = end_h * 60;
    m->room = 0;
    for (size_t k = 0; k < n; k++) {
        int item = ow_body_find_item(&inst->bodies[body], pieces[k].item);
        assert_true(item >= 0);
        m->pieces[k].item = (size_t)item;
        m->pieces[k].minutes = pieces[k].minutes;
        m->pieces[k].continued = pieces[k].continued;
    }
}

/* The schedule of the 2024 annex. */
static ow_schedule *seed_schedule(const ow_instance *inst)
{
    static const piece_spec m1[] = {{"1(a)", 10, false}, {"1(b)", 20, false}, {"2", 150, false}};
    static const piece_spec m2[] = {{"2", 120, true}, {"3", 60, false}};
    static const piece_spec m3[] = {{"3", 60, true}, {"4", 120, false}};
    static const piece_spec m4[] = {{"5", 15, false}, {"6", 90, false}};
    ow_schedule *s = ow_schedule_new();
    assert_non_null(s);
    add(s, inst, 0, "2024-07-11", 10, 13, 3, m1);
    add(s, inst, 0, "2024-07-11", 15, 18, 2, m2);
    add(s, inst, 0, "2024-07-12", 10, 13, 2, m3);
    add(s, inst, 0, "2024-07-12", 15, 18, 2, m4);
    ow_schedule_sort(s);
    s->status = OW_SOLVE_OPTIMAL;
    s->objective = 23;
    return s;
}

static ow_schedule *nasty_schedule(const ow_instance *inst)
{
    static const piece_spec m1[] = {{"1", 60, false}, {"2", 60, false}, {"3", 30, false}};
    static const piece_spec m2[] = {{"3", 30, true}};
    ow_schedule *s = ow_schedule_new();
    assert_non_null(s);
    add(s, inst, 0, "2024-07-11", 10, 13, 3, m1);
    add(s, inst, 0, "2024-07-11", 15, 18, 1, m2);
    ow_schedule_sort(s);
    s->status = OW_SOLVE_OPTIMAL;
    s->objective = 12.5;
    s->gap = 0.000125;
    return s;
}

/* Renders and returns a malloc'ed copy of the output (the test frees it). */
static char *render(const ow_instance *inst, const ow_schedule *s, ow_format f,
                    const ow_render_options *opts)
{
    ow_buf out = OW_BUF_INIT;
    ow_error err;
    ow_status rc = ow_render(inst, s, f, opts, &out, &err);
    if (rc != OW_OK)
        ow_error_print(&err, stderr);
    assert_int_equal(rc, OW_OK);
    char *text = strdup(ow_buf_str(&out));
    assert_non_null(text);
    ow_buf_free(&out);
    return text;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool valid_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80             ? 1
                     : (c & 0xE0) == 0xC0 ? 2
                     : (c & 0xF0) == 0xE0 ? 3
                     : (c & 0xF8) == 0xF0 ? 4
                                          : 0;
        if (len == 0 || i + len > n)
            return false;
        for (size_t k = 1; k < len; k++)
            if (((unsigned char)s[i + k] & 0xC0) != 0x80)
                return false;
        i += len;
    }
    return true;
}

static void test_format_parse(void **state)
{
    (void)state;
    static const char *const names[] = {"md", "text", "html", "csv", "ics", "json", "svg"};
    for (int i = 0; i < 7; i++) {
        ow_format f = OW_FORMAT_JSON;
        assert_true(ow_format_parse(names[i], &f));
        assert_int_equal(f, (ow_format)i);
    }
    ow_format f = OW_FORMAT_CSV;
    assert_false(ow_format_parse("MD", &f));
    assert_false(ow_format_parse("", &f));
    assert_false(ow_format_parse("pdf", &f));
    assert_false(ow_format_parse(NULL, &f));
    assert_int_equal(f, OW_FORMAT_CSV);
}

static const char SEED_MD[] =
    "## Proposed organization of work\n"
    "\n"
    "The resources available to the Working Group will permit the holding of four "
    "plenary meetings over two days, with interpretation into the six official languages "
    "of the United Nations.\n"
    "\n"
    "| Date and time | Agenda item | Title or description |\n"
    "|---|---|---|\n"
    "| **Thursday, 11 July 2024** | | |\n"
    "| 10 a.m.\xE2\x80\x93"
    "1 p.m. | 1 (a) | Opening of the meeting |\n"
    "| | 1 (b) | Adoption of the agenda and organization of work |\n"
    "| | 2 | Preventing and combating the smuggling of migrants |\n"
    "| 3\xE2\x80\x93"
    "6 p.m. | 2 | Preventing and combating the smuggling of migrants "
    "(*continued*) |\n"
    "| | 3 | Protection and assistance measures for smuggled migrants |\n"
    "| **Friday, 12 July 2024** | | |\n"
    "| 10 a.m.\xE2\x80\x93"
    "1 p.m. | 3 | Protection and assistance measures for smuggled "
    "migrants (*continued*) |\n"
    "| | 4 | Matters pertaining to the Mechanism |\n"
    "| 3\xE2\x80\x93"
    "6 p.m. | 5 | Other matters |\n"
    "| | 6 | Adoption of the report |\n";

static void test_md_seed_layout(void **state)
{
    (void)state;
    ow_instance *inst = load(SEED_2024);
    ow_schedule *s = seed_schedule(inst);
    char *md = render(inst, s, OW_FORMAT_MD, NULL);
    assert_string_equal(md, SEED_MD);
    /* Rendering appends and is deterministic: twice gives the same bytes twice. */
    ow_buf out = OW_BUF_INIT;
    ow_render_options opts = {.body = -1};
    assert_int_equal(ow_render(inst, s, OW_FORMAT_MD, &opts, &out, NULL), OW_OK);
    assert_int_equal(ow_render(inst, s, OW_FORMAT_MD, &opts, &out, NULL), OW_OK);
    assert_int_equal(out.len, 2 * strlen(SEED_MD));
    assert_memory_equal(out.data + strlen(SEED_MD), SEED_MD, strlen(SEED_MD));
    ow_buf_free(&out);
    free(md);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

static void test_md_escaping(void **state)
{
    (void)state;
    ow_instance *inst = load(NASTY);
    ow_schedule *s = nasty_schedule(inst);
    char *md = render(inst, s, OW_FORMAT_MD, NULL);
    /* A session names the body in the heading; its '|' and quotes cannot break it. */
    assert_non_null(strstr(md, "## Proposed organization of work: Group on \"Quotes\" \\| "
                               "Pipes, first session\n"));
    assert_non_null(strstr(md, "| 10 a.m.\xE2\x80\x93"
                               "1 p.m. | 1 | Say \"hi\", "
                               "\\<script\\>alert(1)\\</script\\> \\| a\\\\b<br>next |\n"));
    assert_non_null(strstr(md, "| | 2 | Ctrl  and tab here |\n"));
    assert_non_null(strstr(md, "| 3\xE2\x80\x93"
                               "6 p.m. | 3 | \xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1"
                               "\xD8\xA8\xD9\x8A\xD8\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xD1\x80"
                               "\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9 "
                               "(*continued*) |\n"));
    /* Every table row has exactly four unescaped bars: no cell leaked. */
    for (const char *line = strstr(md, "| Date"); line != NULL && *line != '\0';) {
        const char *end = strchr(line, '\n');
        int bars = 0;
        for (const char *p = line; p < end; p++)
            bars += *p == '|' && (p == line || p[-1] != '\\');
        assert_int_equal(bars, 4);
        line = end + 1;
    }
    free(md);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

static void test_text_layout(void **state)
{
    (void)state;
    ow_instance *inst = load(SEED_2024);
    ow_schedule *s = seed_schedule(inst);
    /* A title long enough to wrap. */
    inst->bodies[0].items[2].title =
        "Preventing and combating the smuggling of migrants through international "
        "cooperation while addressing its root causes, in line with the provisions of "
        "the Convention";
    char *text = render(inst, s, OW_FORMAT_TEXT, NULL);
    static const char expected_start[] =
        "Proposed organization of work\n"
        "=============================\n"
        "\n"
        "The resources available to the Working Group will permit the holding of four\n"
        "plenary meetings over two days, with interpretation into the six official\n"
        "languages of the United Nations.\n"
        "\n"
        "Date and time   Agenda item  Title or description\n"
        "--------------  -----------  -------------------------------------------------\n"
        "Thursday, 11 July 2024\n"
        "10 a.m.\xE2\x80\x93"
        "1 p.m.  1 (a)        Opening of the meeting\n"
        "                1 (b)        Adoption of the agenda and organization of work\n"
        "                2            Preventing and combating the smuggling of\n"
        "                             migrants through international cooperation while\n"
        "                             addressing its root causes, in line with the\n"
        "                             provisions of the Convention\n"
        "3\xE2\x80\x93"
        "6 p.m.        2            Preventing and combating the smuggling of\n";
    assert_memory_equal(text, expected_start, strlen(expected_start));
    assert_non_null(strstr(text, "                             provisions of the Convention "
                                 "(continued)\n"));
    assert_non_null(strstr(text, "\nFriday, 12 July 2024\n"));
    /* No line is wider than 78 columns (the en dash is one column, three bytes),
     * and none ends in a space. */
    for (const char *line = text; *line != '\0';) {
        const char *end = strchr(line, '\n');
        assert_non_null(end);
        int cols = 0;
        for (const char *p = line; p < end; p++)
            cols += ((unsigned char)*p & 0xC0) != 0x80;
        assert_true(cols <= 78);
        assert_true(end == line || end[-1] != ' ');
        line = end + 1;
    }
    free(text);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

static void test_text_escaping(void **state)
{
    (void)state;
    ow_instance *inst = load(NASTY);
    ow_schedule *s = nasty_schedule(inst);
    char *text = render(inst, s, OW_FORMAT_TEXT, NULL);
    /* A line break in a title stays a line break, aligned under the title column;
     * other control characters become spaces. */
    assert_non_null(strstr(text, "1            Say \"hi\", <script>alert(1)</script> | a\\b\n"
                                 "                             next\n"));
    assert_non_null(strstr(text, "Ctrl  and tab here\n"));
    assert_null(strchr(text, '\t'));
    assert_null(strchr(text, '\x01'));
    assert_non_null(strstr(text, "\xE4\xB8\xAD\xE6\x96\x87 \xD1\x80\xD1\x83\xD1\x81\xD1\x81"
                                 "\xD0\xBA\xD0\xB8\xD0\xB9 (continued)\n"));
    free(text);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

static void test_html(void **state)
{
    (void)state;
    ow_instance *inst = load(NASTY);
    ow_schedule *s = nasty_schedule(inst);
    char *html = render(inst, s, OW_FORMAT_HTML, NULL);
    static const char head[] = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                               "<meta charset=\"utf-8\">\n";
    assert_memory_equal(html, head, strlen(head));
    assert_non_null(strstr(html, "@media print"));
    assert_non_null(strstr(html, "<th scope=\"col\">Date and time</th>"));
    assert_non_null(strstr(html, "<tr class=\"day\"><th colspan=\"3\" scope=\"rowgroup\">"
                                 "Thursday, 11 July 2024</th></tr>\n"));
    assert_non_null(strstr(html, "<td dir=\"auto\">Say &quot;hi&quot;, "
                                 "&lt;script&gt;alert(1)&lt;/script"
                                 "&gt; | a\\b<br>next</td>"));
    assert_non_null(strstr(html, "<h2>Proposed organization of work: Group on &quot;Quotes"
                                 "&quot; | Pipes, first session</h2>"));
    assert_non_null(strstr(html, " (<i>continued</i>)</td>"));
    assert_non_null(strstr(html, "<p>The resources available to the Group will permit"));
    /* Self-contained and inert: no script, no external resource. */
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "src="));
    assert_null(strstr(html, "href="));
    assert_null(strstr(html, "http"));
    assert_null(strchr(html, '\x01'));
    assert_true(ends_with(html, "</body>\n</html>\n"));
    free(html);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

static void test_csv(void **state)
{
    (void)state;
    ow_instance *inst = load(NASTY);
    ow_schedule *s = nasty_schedule(inst);
    char *csv = render(inst, s, OW_FORMAT_CSV, NULL);
    assert_string_equal(
        csv, "body,meeting,date,start,end,room,item,title,minutes,continued\r\n"
             "\"WG,7/x\",1,2024-07-11,10:00,13:00,\"Room, \"\"A\"\"; B\",1,\"Say \"\"hi\"\", "
             "<script>alert(1)</script> | a\\b\nnext\",60,false\r\n"
             "\"WG,7/x\",1,2024-07-11,10:00,13:00,\"Room, \"\"A\"\"; B\",2,Ctrl and tab\there,"
             "60,false\r\n"
             "\"WG,7/x\",1,2024-07-11,10:00,13:00,\"Room, \"\"A\"\"; B\",3,\xD8\xA7\xD9\x84\xD8\xB9"
             "\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xD1\x80\xD1\x83\xD1\x81"
             "\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9,30,false\r\n"
             "\"WG,7/x\",2,2024-07-11,15:00,18:00,\"Room, \"\"A\"\"; B\",3,\xD8\xA7\xD9\x84\xD8\xB9"
             "\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xD1\x80\xD1\x83\xD1\x81"
             "\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9,30,true\r\n");
    free(csv);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

/* Undoes RFC 5545 folding: CRLF followed by a space disappears. */
static void unfold(const char *ics, char *out)
{
    size_t n = 0;
    for (const char *p = ics; *p != '\0'; p++) {
        if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') {
            p += 2;
            continue;
        }
        out[n++] = *p;
    }
    out[n] = '\0';
}

static void test_ics(void **state)
{
    (void)state;
    ow_instance *inst = load(NASTY);
    /* Long enough to fold several times, in two- and three-byte characters. */
    inst->bodies[0].items[2].title =
        "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 \xD8\xA7\xD9\x84\xD8\xB9\xD8"
        "\xB1\xD8\xA8\xD9\x8A\xD8\xA9 \xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 "
        "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD"
        "\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
        "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87 \xD1\x80\xD1"
        "\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9 \xD1\x80\xD1\x83\xD1\x81\xD1\x81\xD0\xBA"
        "\xD0\xB8\xD0\xB9 \xD1\x80\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9";
    ow_schedule *s = nasty_schedule(inst);
    char *ics = render(inst, s, OW_FORMAT_ICS, NULL);
    static const char head[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                               "PRODID:-//orgwork//orgwork 0.1//EN\r\n";
    assert_memory_equal(ics, head, strlen(head));
    assert_true(ends_with(ics, "END:VCALENDAR\r\n"));
    size_t len = strlen(ics);

    /* Every physical line ends in CRLF, holds at most 75 octets, and is whole UTF-8. */
    bool folded = false;
    for (const char *line = ics; *line != '\0';) {
        const char *lf = strchr(line, '\n');
        assert_non_null(lf);
        assert_true(lf > line && lf[-1] == '\r');
        size_t octets = (size_t)(lf - 1 - line);
        assert_true(octets <= 75);
        assert_true(valid_utf8(line, octets));
        folded = folded || line[0] == ' ';
        line = lf + 1;
    }
    assert_true(folded);

    char *flat = malloc(len + 1);
    assert_non_null(flat);
    unfold(ics, flat);
    /* The body id "WG,7/x" escaped, after the instance's hash. */
    assert_non_null(strstr(flat, "-WG_2C7_2Fx-1@orgwork\r\n"
                                 "DTSTAMP:20240601T000000Z\r\n"
                                 "DTSTART;TZID=Europe/Vienna:20240711T100000\r\n"
                                 "DTEND;TZID=Europe/Vienna:20240711T130000\r\n"
                                 "SEQUENCE:0\r\nSTATUS:CONFIRMED\r\n"
                                 "SUMMARY:Group on \"Quotes\" | Pipes: meeting 1\r\n"
                                 "DESCRIPTION:1 Say \"hi\"\\, <script>alert(1)</script> | "
                                 "a\\\\b\\nnext\\n2 Ctrl  and tab here\\n3 "));
    assert_non_null(strstr(flat, "LOCATION:Room\\, \"A\"\\; B\r\nEND:VEVENT\r\n"));
    assert_non_null(strstr(flat, "-WG_2C7_2Fx-2@orgwork\r\n"));
    assert_non_null(strstr(flat, "BEGIN:VTIMEZONE\r\nTZID:Europe/Vienna\r\n"));
    assert_non_null(strstr(flat, "\xD0\xB9 (continued)\r\nLOCATION"));
    free(flat);
    free(ics);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

/* Twenty-six three-byte characters after "DESCRIPTION:1 " (14 octets): 75 octets
 * would end inside the 21st character, so the fold comes one octet early,
 * and a meeting ending at 24:00 ends at midnight of the next day. */
static void test_ics_fold_boundary(void **state)
{
    (void)state;
    ow_instance *inst = load("orgwork: 1\ncalendar: {start: 2024-07-11, days: 1}\n"
                             "body: {id: A, name: N, agenda: [{item: \"1\", title: T, "
                             "duration: 1h}]}\n");
    inst->bodies[0].items[0].title = "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
                                     "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
                                     "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
                                     "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
                                     "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
                                     "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
                                     "\xE4\xB8\xAD\xE6\x96\x87";
    ow_schedule *s = ow_schedule_new();
    assert_non_null(s);
    ow_meeting *m = ow_schedule_add_meeting(s, 1);
    assert_non_null(m);
    m->date = inst->calendar.start;
    m->start = 20 * 60;
    m->end = 24 * 60;
    m->room = 0;
    m->pieces[0].minutes = 60;
    ow_schedule_sort(s);
    char *ics = render(inst, s, OW_FORMAT_ICS, NULL);
    assert_non_null(strstr(ics, "DTSTART;TZID=Europe/Vienna:20240711T200000\r\n"
                                "DTEND;TZID=Europe/Vienna:20240712T000000\r\n"));
    assert_non_null(strstr(ics, "\r\nDESCRIPTION:1 "
                                "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
                                "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
                                "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
                                "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
                                "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
                                "\r\n "
                                "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
                                "\xE4\xB8\xAD\xE6\x96\x87\r\n"));
    free(ics);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

static void test_ics_dtstamp_from_calendar(void **state)
{
    (void)state;
    ow_instance *inst = load(SEED_2024);
    ow_schedule *s = seed_schedule(inst);
    char *ics = render(inst, s, OW_FORMAT_ICS, NULL);
    assert_non_null(strstr(ics, "-WG.7-4@orgwork\r\nDTSTAMP:20240711T000000Z\r\n"
                                "DTSTART;TZID=Europe/Vienna:20240712T150000\r\n"
                                "DTEND;TZID=Europe/Vienna:20240712T180000\r\n"
                                "SEQUENCE:0\r\nSTATUS:CONFIRMED\r\n"
                                "SUMMARY:Working Group on the Smuggling of Migrants: "
                                "meeting 4\r\nDESCRIPTION:5 Other matters\\n6 Adoption of "
                                "the report\r\nLOCATION:Plenary\r\nEND:VEVENT\r\n"));
    free(ics);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

static void test_json(void **state)
{
    (void)state;
    ow_instance *inst = load(NASTY);
    ow_schedule *s = nasty_schedule(inst);
    char *json = render(inst, s, OW_FORMAT_JSON, NULL);
    assert_string_equal(json,
                        "{\n"
                        "  \"orgwork\": 1,\n"
                        "  \"status\": \"optimal\",\n"
                        "  \"objective\": 12.5,\n"
                        "  \"solver\": {\"name\": \"glpk\", \"gap\": 0.000125},\n"
                        "  \"bodies\": [\n"
                        "    {\n"
                        "      \"id\": \"WG,7/x\",\n"
                        "      \"name\": \"Group on \\\"Quotes\\\" | Pipes\",\n"
                        "      \"meetings\": [\n"
                        "        {\n"
                        "          \"n\": 1,\n"
                        "          \"date\": \"2024-07-11\",\n"
                        "          \"start\": \"10:00\",\n"
                        "          \"end\": \"13:00\",\n"
                        "          \"room\": \"Room, \\\"A\\\"; B\",\n"
                        "          \"items\": [\n"
                        "            {\"item\": \"1\", \"minutes\": 60, \"continued\": false},\n"
                        "            {\"item\": \"2\", \"minutes\": 60, \"continued\": false},\n"
                        "            {\"item\": \"3\", \"minutes\": 30, \"continued\": false}\n"
                        "          ]\n"
                        "        },\n"
                        "        {\n"
                        "          \"n\": 2,\n"
                        "          \"date\": \"2024-07-11\",\n"
                        "          \"start\": \"15:00\",\n"
                        "          \"end\": \"18:00\",\n"
                        "          \"room\": \"Room, \\\"A\\\"; B\",\n"
                        "          \"items\": [\n"
                        "            {\"item\": \"3\", \"minutes\": 30, \"continued\": true}\n"
                        "          ]\n"
                        "        }\n"
                        "      ]\n"
                        "    }\n"
                        "  ]\n"
                        "}\n");
    free(json);

    /* Timings add solver.seconds, between name and gap; integral values print as
     * integers. */
    s->objective = 23;
    s->gap = 0;
    s->seconds = 0.25;
    ow_render_options opts = {.timings = true, .body = -1};
    json = render(inst, s, OW_FORMAT_JSON, &opts);
    assert_non_null(strstr(json, "  \"objective\": 23,\n"
                                 "  \"solver\": {\"name\": \"glpk\", \"seconds\": 0.25, "
                                 "\"gap\": 0},\n"));
    free(json);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

static void test_json_string_escaping(void **state)
{
    (void)state;
    ow_instance *inst = load(NASTY);
    /* JSON shows ids and names only; put the hard characters there. */
    inst->bodies[0].name = "Tab\there \"q\" back\\slash\nnew\x01\x1f \xD1\x80\xE4\xB8\xAD";
    ow_schedule *s = nasty_schedule(inst);
    char *json = render(inst, s, OW_FORMAT_JSON, NULL);
    assert_non_null(strstr(json, "\"name\": \"Tab\\there \\\"q\\\" back\\\\slash\\nnew"
                                 "\\u0001\\u001f \xD1\x80\xE4\xB8\xAD\",\n"));
    free(json);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

static void test_infeasible(void **state)
{
    (void)state;
    ow_instance *inst = load(SEED_2024);
    ow_schedule *s = ow_schedule_new();
    assert_non_null(s);
    s->status = OW_SOLVE_INFEASIBLE;
    char *json = render(inst, s, OW_FORMAT_JSON, NULL);
    assert_string_equal(json, "{\n  \"orgwork\": 1,\n  \"status\": \"infeasible\",\n"
                              "  \"objective\": null,\n"
                              "  \"solver\": {\"name\": \"glpk\", \"gap\": 0},\n"
                              "  \"bodies\": []\n}\n");
    free(json);
    char *md = render(inst, s, OW_FORMAT_MD, NULL);
    assert_string_equal(md, "No proposed organization of work: no schedule meets every rule "
                            "(infeasible).\n");
    free(md);
    char *csv = render(inst, s, OW_FORMAT_CSV, NULL);
    assert_string_equal(csv, "body,meeting,date,start,end,room,item,title,minutes,continued\r\n");
    free(csv);
    char *ics = render(inst, s, OW_FORMAT_ICS, NULL);
    assert_null(strstr(ics, "VEVENT"));
    free(ics);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

static const char TWO_BODIES[] = "orgwork: 1\n"
                                 "calendar: {start: 2024-07-10, days: 3}\n"
                                 "bodies:\n"
                                 "  - id: WG.4\n"
                                 "    name: Working Group on the Smuggling of Migrants\n"
                                 "    agenda: [{item: \"1\", title: One, duration: 1h}]\n"
                                 "  - id: WG.7\n"
                                 "    name: Working Group of Experts on Technical Assistance\n"
                                 "    agenda: [{item: \"1\", title: Other, duration: 1h}]\n";

static void test_body_filter(void **state)
{
    (void)state;
    ow_instance *inst = load(TWO_BODIES);
    static const piece_spec one[] = {{"1", 60, false}};
    ow_schedule *s = ow_schedule_new();
    assert_non_null(s);
    add(s, inst, 0, "2024-07-10", 10, 13, 1, one);
    add(s, inst, 1, "2024-07-11", 15, 18, 1, one);
    ow_schedule_sort(s);

    char *md = render(inst, s, OW_FORMAT_MD, NULL);
    /* Several bodies: each heading names its body. */
    assert_non_null(strstr(md, "## Proposed organization of work: Working Group on the "
                               "Smuggling of Migrants\n"));
    assert_non_null(strstr(md, "| One |\n\n## Proposed organization of work: Working Group of "
                               "Experts on Technical Assistance\n"));
    free(md);

    ow_render_options opts = {.body = 1};
    char *csv = render(inst, s, OW_FORMAT_CSV, &opts);
    assert_string_equal(csv, "body,meeting,date,start,end,room,item,title,minutes,continued\r\n"
                             "WG.7,1,2024-07-11,15:00,18:00,Plenary,1,Other,60,false\r\n");
    free(csv);
    char *json = render(inst, s, OW_FORMAT_JSON, &opts);
    assert_null(strstr(json, "WG.4"));
    assert_non_null(strstr(json, "\"id\": \"WG.7\""));
    free(json);

    /* A body that does not exist is the caller's mistake; the buffer is untouched. */
    ow_buf out = OW_BUF_INIT;
    ow_buf_puts(&out, "kept");
    ow_error err;
    opts.body = 2;
    assert_int_equal(ow_render(inst, s, OW_FORMAT_MD, &opts, &out, &err), OW_INPUT);
    assert_string_equal(ow_buf_str(&out), "kept");
    ow_buf_free(&out);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

/* ---- joint meetings and the overview ------------------------------------------------ */

/* Two groups of one period: WG.4's item 2 is held once, in a joint meeting with WG.7
 * (the seeds' 2024 item on the Review Mechanism, with shared documentation). */
static const char JOINT[] =
    "orgwork: 1\n"
    "title: CTOC working groups & friends, July 2024\n"
    "calendar:\n"
    "  start: 2024-07-11\n"
    "  days: 2\n"
    "rooms: [Plenary, \"Room <B> & C\"]\n"
    "services:\n"
    "  interpretation_teams: 2\n"
    "bodies:\n"
    "  - id: WG.4\n"
    "    name: Working Group on Trafficking in Persons\n"
    "    agenda:\n"
    "      - {item: \"1\", title: Opening of the meeting, duration: 1h}\n"
    "      - {item: \"2\", title: Matters pertaining to the Mechanism, duration: 3h, "
    "joint_with: [WG.7]}\n"
    "  - id: WG.7\n"
    "    name: Working Group on the Smuggling of Migrants\n"
    "    agenda:\n"
    "      - {item: \"1\", title: Preventing and combating smuggling, duration: 3h}\n";

/* WG.4 opens in Plenary while WG.7 meets in the other room; in the afternoon both
 * attend the joint meeting in Plenary, which WG.7 holds as a joint piece. */
static ow_schedule *joint_schedule(const ow_instance *inst)
{
    static const struct {
        size_t body;
        int start_h, room;
        size_t item;
        int minutes;
        bool joint;
    } spec[] = {{0, 10, 0, 0, 60, false},
                {1, 10, 1, 0, 180, false},
                {0, 15, 0, 1, 180, false},
                {1, 15, 0, 1, 180, true}};
    ow_schedule *s = ow_schedule_new();
    assert_non_null(s);
    for (size_t i = 0; i < sizeof spec / sizeof spec[0]; i++) {
        ow_meeting *m = ow_schedule_add_meeting(s, 1);
        assert_non_null(m);
        m->body = spec[i].body;
        m->date = inst->calendar.days[0];
        m->day = 0;
        m->slot = spec[i].start_h == 10 ? 0 : 1;
        m->start = spec[i].start_h * 60;
        m->end = m->start + 180;
        m->room = spec[i].room;
        m->pieces[0].item = spec[i].item;
        m->pieces[0].minutes = spec[i].minutes;
        m->pieces[0].joint = spec[i].joint;
        m->pieces[0].owner = 0;
    }
    ow_schedule_sort(s);
    s->status = OW_SOLVE_OPTIMAL;
    s->objective = 16;
    return s;
}

/* Each attending body's annex shows the joint item in its row, with the owner's
 * label and title and the other bodies named. */
static void test_joint_annexes(void **state)
{
    (void)state;
    ow_instance *inst = load(JOINT);
    ow_schedule *s = joint_schedule(inst);
    char *md = render(inst, s, OW_FORMAT_MD, NULL);
    assert_non_null(strstr(md, "| 3\xE2\x80\x93"
                               "6 p.m. | 2 | Matters pertaining to the Mechanism "
                               "(joint meeting with the Working Group on the Smuggling of "
                               "Migrants) |\n\n## Proposed organization of work: Working Group "
                               "on the Smuggling of Migrants\n"));
    assert_true(ends_with(md, "| 3\xE2\x80\x93"
                              "6 p.m. | 2 | Matters pertaining to the Mechanism "
                              "(joint meeting with the Working Group on Trafficking in "
                              "Persons) |\n"));
    free(md);
    char *text = render(inst, s, OW_FORMAT_TEXT, NULL);
    assert_non_null(strstr(text, "2            Matters pertaining to the Mechanism (joint\n"
                                 "                             meeting with the Working Group "
                                 "on Trafficking in\n"
                                 "                             Persons)\n"));
    free(text);
    char *csv = render(inst, s, OW_FORMAT_CSV, NULL);
    assert_non_null(strstr(csv, "WG.7,2,2024-07-11,15:00,18:00,Plenary,2,Matters pertaining to "
                                "the Mechanism (joint meeting with the Working Group on "
                                "Trafficking in Persons),180,false\r\n"));
    free(csv);
    char *ics = render(inst, s, OW_FORMAT_ICS, NULL);
    assert_non_null(strstr(ics, "-WG.7-2@orgwork\r\n"));
    free(ics);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

/* The JSON names the owner of a joint piece and who attends each joint meeting, lists
 * the rooms, and reads back into a schedule that keeps every rule and renders the same. */
static void test_joint_json_round_trip(void **state)
{
    (void)state;
    ow_instance *inst = load(JOINT);
    ow_schedule *s = joint_schedule(inst);
    char *json = render(inst, s, OW_FORMAT_JSON, NULL);
    assert_non_null(strstr(json, "  \"solver\": {\"name\": \"glpk\", \"gap\": 0},\n"
                                 "  \"rooms\": [\"Plenary\", \"Room <B> & C\"],\n"
                                 "  \"bodies\": [\n"));
    assert_non_null(strstr(json, "          \"room\": \"Plenary\",\n"
                                 "          \"joint_with\": [\"WG.7\"],\n"
                                 "          \"items\": [\n"
                                 "            {\"item\": \"2\", \"minutes\": 180, "
                                 "\"continued\": false}\n"));
    assert_non_null(strstr(json, "          \"joint_with\": [\"WG.4\"],\n"
                                 "          \"items\": [\n"
                                 "            {\"item\": \"2\", \"body\": \"WG.4\", "
                                 "\"minutes\": 180, \"continued\": false}\n"));
    /* The morning meetings are no joint meetings. */
    assert_null(strstr(json, "\"room\": \"Room <B> & C\",\n          \"joint_with\""));

    ow_schedule *back = NULL;
    ow_error err;
    assert_int_equal(
        ow_schedule_read_json_string(inst, "joint.json", json, strlen(json), &back, &err), OW_OK);
    assert_int_equal(back->n_meetings, 4);
    ow_check_report report;
    assert_int_equal(ow_check(inst, back, &report, &err), OW_OK);
    if (report.n_violations > 0)
        fail_msg("[%s] %s", report.violations[0].rule, report.violations[0].message);
    assert_int_equal(report.objective.meetings, 4);
    assert_int_equal(report.objective.total, 16);
    ow_check_report_free(&report);
    char *again = render(inst, back, OW_FORMAT_JSON, NULL);
    assert_string_equal(again, json);
    free(again);
    free(json);
    ow_schedule_free(back);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

/* Several bodies: the html page opens with the whole period as one table, then each
 * body's annex; with a body chosen, only its annex. */
static void test_overview_html(void **state)
{
    (void)state;
    ow_instance *inst = load(JOINT);
    ow_schedule *s = joint_schedule(inst);
    char *html = render(inst, s, OW_FORMAT_HTML, NULL);
    assert_non_null(strstr(html, "table.overview td.joint"));
    assert_non_null(strstr(
        html, "<h1>CTOC working groups &amp; friends, July 2024</h1>\n"
              "<section class=\"overview\">\n<h2>Overview of the period</h2>\n"
              "<table class=\"overview\">\n<thead>\n"
              "<tr><th rowspan=\"2\" scope=\"col\">Date</th><th colspan=\"2\" scope=\"colgroup\">"
              "10&nbsp;a.m.\xE2\x80\x93"
              "1&nbsp;p.m.</th><th colspan=\"2\" scope=\"colgroup\">3\xE2\x80\x93"
              "6&nbsp;p.m.</th></tr>\n"
              "<tr><th scope=\"col\">Plenary</th><th "
              "scope=\"col\">Room&nbsp;&lt;B&gt;&nbsp;&amp;&nbsp;C</th>"
              "<th scope=\"col\">Plenary</th><th "
              "scope=\"col\">Room&nbsp;&lt;B&gt;&nbsp;&amp;&nbsp;C</th></tr>\n"
              "</thead>\n<tbody>\n"
              "<tr><th scope=\"row\">Thursday, 11 July 2024</th>"
              "<td><b>WG.4</b> Working Group<br>Item&nbsp;1</td>"
              "<td><b>WG.7</b> Working Group<br>Item&nbsp;1</td>"
              "<td class=\"joint\"><b>WG.4</b> Working Group<br><b>WG.7</b> Working Group<br>"
              "Item&nbsp;2</td><td></td></tr>\n"
              "</tbody>\n</table>\n"
              "<table class=\"key\">\n<caption>Bodies</caption>\n<tbody>\n"
              "<tr><th scope=\"row\">WG.4</th><td>Working Group on Trafficking in Persons</td>"
              "</tr>\n<tr><th scope=\"row\">WG.7</th><td>Working Group on the Smuggling of "
              "Migrants</td></tr>\n</tbody>\n</table>\n</section>\n"
              "<section>\n<h2>Proposed organization of work: Working Group on Trafficking"));
    assert_non_null(strstr(html, "<h2>Proposed organization of work: Working Group on the "
                                 "Smuggling of Migrants</h2>"));
    free(html);

    ow_render_options opts = {.body = 1};
    html = render(inst, s, OW_FORMAT_HTML, &opts);
    assert_null(strstr(html, "overview"));
    assert_null(strstr(html, "Trafficking in Persons</h2>"));
    assert_non_null(strstr(html, "Smuggling of Migrants</h2>"));
    free(html);
    char *md = render(inst, s, OW_FORMAT_MD, &opts);
    static const char heading[] = "## Proposed organization of work: Working Group on the "
                                  "Smuggling of Migrants\n";
    assert_memory_equal(md, heading, strlen(heading));
    assert_null(strstr(md, "## Proposed organization of work: Working Group on Trafficking"));
    free(md);
    ow_schedule_free(s);
    ow_instance_free(inst);

    /* One body: the page is the annex alone, as before. */
    inst = load(SEED_2024);
    s = seed_schedule(inst);
    html = render(inst, s, OW_FORMAT_HTML, NULL);
    assert_null(strstr(html, "overview"));
    free(html);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

static const char JOINT_SVG[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\"153\" "
    "viewBox=\"0 0 960 153\" font-family=\"Times New Roman, Times, serif\" "
    "font-size=\"12\">\n"
    "<title>CTOC working groups &amp; friends, July 2024</title>\n"
    "<rect width=\"960\" height=\"153\" fill=\"#fff\"/>\n"
    "<text x=\"10\" y=\"26\" font-size=\"16\" font-weight=\"bold\">CTOC working groups "
    "&amp; friends, July 2024</text>\n"
    "<rect x=\"10\" y=\"38\" width=\"180\" height=\"50\" fill=\"#fff\" stroke=\"#000\"/>\n"
    "<text x=\"15\" y=\"54\" font-weight=\"bold\">Date</text>\n"
    "<rect x=\"190\" y=\"38\" width=\"380\" height=\"25\" fill=\"#fff\" stroke=\"#000\"/>\n"
    "<text x=\"380\" y=\"54\" text-anchor=\"middle\" font-weight=\"bold\">10 a.m.–1 p.m.</text>\n"
    "<rect x=\"570\" y=\"38\" width=\"380\" height=\"25\" fill=\"#fff\" stroke=\"#000\"/>\n"
    "<text x=\"760\" y=\"54\" text-anchor=\"middle\" font-weight=\"bold\">3–6 p.m.</text>\n"
    "<rect x=\"190\" y=\"63\" width=\"190\" height=\"25\" fill=\"#fff\" stroke=\"#000\"/>\n"
    "<text x=\"285\" y=\"79\" text-anchor=\"middle\">Plenary</text>\n"
    "<rect x=\"380\" y=\"63\" width=\"190\" height=\"25\" fill=\"#fff\" stroke=\"#000\"/>\n"
    "<text x=\"475\" y=\"79\" text-anchor=\"middle\">Room &lt;B&gt; &amp; C</text>\n"
    "<rect x=\"570\" y=\"63\" width=\"190\" height=\"25\" fill=\"#fff\" stroke=\"#000\"/>\n"
    "<text x=\"665\" y=\"79\" text-anchor=\"middle\">Plenary</text>\n"
    "<rect x=\"760\" y=\"63\" width=\"190\" height=\"25\" fill=\"#fff\" stroke=\"#000\"/>\n"
    "<text x=\"855\" y=\"79\" text-anchor=\"middle\">Room &lt;B&gt; &amp; C</text>\n"
    "<rect x=\"10\" y=\"88\" width=\"180\" height=\"55\" fill=\"#fff\" stroke=\"#000\"/>\n"
    "<text x=\"15\" y=\"104\">Thursday, 11 July 2024</text>\n"
    "<rect x=\"190\" y=\"88\" width=\"190\" height=\"55\" fill=\"#f4f4f4\" stroke=\"#000\"/>\n"
    "<text x=\"195\" y=\"104\"><tspan font-weight=\"bold\">WG.4</tspan> Working Group</text>\n"
    "<text x=\"195\" y=\"119\">Item 1</text>\n"
    "<rect x=\"380\" y=\"88\" width=\"190\" height=\"55\" fill=\"#f4f4f4\" stroke=\"#000\"/>\n"
    "<text x=\"385\" y=\"104\"><tspan font-weight=\"bold\">WG.7</tspan> Working Group</text>\n"
    "<text x=\"385\" y=\"119\">Item 1</text>\n"
    "<rect x=\"570\" y=\"88\" width=\"190\" height=\"55\" fill=\"#e4e4e4\" stroke=\"#000\"/>\n"
    "<text x=\"575\" y=\"104\"><tspan font-weight=\"bold\">WG.4</tspan> Working Group</text>\n"
    "<text x=\"575\" y=\"119\"><tspan font-weight=\"bold\">WG.7</tspan> Working Group</text>\n"
    "<text x=\"575\" y=\"134\">Item 2</text>\n"
    "<rect x=\"760\" y=\"88\" width=\"190\" height=\"55\" fill=\"#fff\" stroke=\"#000\"/>\n"
    "</svg>\n";

static void test_svg(void **state)
{
    (void)state;
    ow_instance *inst = load(JOINT);
    ow_schedule *s = joint_schedule(inst);
    char *svg = render(inst, s, OW_FORMAT_SVG, NULL);
    assert_string_equal(svg, JOINT_SVG);
    free(svg);

    /* One body's meetings only; its joint meeting still names both bodies. */
    ow_render_options opts = {.body = 1};
    svg = render(inst, s, OW_FORMAT_SVG, &opts);
    assert_non_null(strstr(svg, "<text x=\"575\" y=\"104\"><tspan font-weight=\"bold\">WG.4"
                                "</tspan> Working Group</text>\n<text x=\"575\" y=\"119\">"
                                "<tspan font-weight=\"bold\">WG.7</tspan> Working Group</text>\n"
                                "<text x=\"575\" y=\"134\">Item 2</text>\n"));
    assert_null(strstr(svg, "<text x=\"195\" y=\"104\">"));
    free(svg);
    s->status = OW_SOLVE_INFEASIBLE;
    svg = render(inst, s, OW_FORMAT_SVG, NULL);
    assert_non_null(strstr(svg, "(infeasible).</text>\n</svg>\n"));
    free(svg);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

/* Names are XML-escaped, and no control character or malformed UTF-8 reaches the
 * picture. */
static void test_svg_escaping(void **state)
{
    (void)state;
    ow_instance *inst = load(NASTY);
    ow_schedule *s = nasty_schedule(inst);
    char *svg = render(inst, s, OW_FORMAT_SVG, NULL);
    assert_non_null(strstr(svg, "<text x=\"285\" y=\"51\" text-anchor=\"middle\">Room, "
                                "&quot;A&quot;; B</text>\n"));
    assert_non_null(strstr(svg, "<tspan font-weight=\"bold\">WG,7/x</tspan> Group</text>"));
    assert_null(strchr(svg, '\x01'));
    assert_true(valid_utf8(svg, strlen(svg)));
    free(svg);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

/* The resources sentence for the first body of an instance built from yaml, as a
 * schedule of n meetings (a date and hours each, item "1" in each) plans it. */
typedef struct held_spec {
    const char *date;
    int start_h, end_h;
} held_spec;

static void assert_resources(const char *yaml, size_t n, const held_spec *held,
                             const char *expected)
{
    static const piece_spec one[] = {{"1", 30, false}};
    ow_instance *inst = load(yaml);
    ow_schedule *s = ow_schedule_new();
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        add(s, inst, 0, held[i].date, held[i].start_h, held[i].end_h, 1, one);
    ow_schedule_sort(s);
    s->status = OW_SOLVE_OPTIMAL;
    ow_buf out = OW_BUF_INIT;
    ow_error err;
    assert_int_equal(ow_render_resources(inst, s, 0, &out, &err), OW_OK);
    assert_string_equal(ow_buf_str(&out), expected);
    assert_int_equal(ow_render_resources(inst, s, 1, &out, &err), OW_INPUT);
    ow_buf_free(&out);
    ow_schedule_free(s);
    ow_instance_free(inst);
}

static void test_resources(void **state)
{
    (void)state;
    static const held_spec two_days[] = {{"2024-07-11", 10, 13},
                                         {"2024-07-11", 15, 18},
                                         {"2024-07-12", 10, 13},
                                         {"2024-07-12", 15, 18}};
    static const held_spec two_and_a_half[] = {{"2024-07-11", 10, 13},
                                               {"2024-07-11", 15, 18},
                                               {"2024-07-12", 10, 13},
                                               {"2024-07-12", 15, 18},
                                               {"2024-07-15", 10, 13}};
    static const held_spec two_halves[] = {{"2024-07-11", 10, 13}, {"2024-07-12", 15, 18}};
    /* The 2024 annex: four plenary meetings over two days. */
    ow_instance *seed = load(SEED_2024);
    ow_schedule *s = seed_schedule(seed);
    ow_buf out = OW_BUF_INIT;
    ow_error err;
    assert_int_equal(ow_render_resources(seed, s, 0, &out, &err), OW_OK);
    assert_string_equal(ow_buf_str(&out),
                        "The resources available to the Working Group will permit the holding "
                        "of four plenary meetings over two days, with interpretation into the "
                        "six official languages of the United Nations.");
    ow_buf_free(&out);
    ow_schedule_free(s);
    ow_instance_free(seed);
    /* The meetings held, not the meetings allowed: five of an allowance of eight, the
     * last alone on its day. */
    assert_resources("orgwork: 1\ncalendar: {start: 2024-07-11, days: 4}\n"
                     "services: {languages: [Arabic, Chinese, English, French, Russian, "
                     "Spanish]}\n"
                     "body: {id: A, name: Working Group on Firearms, meetings: 8,\n"
                     "  agenda: [{item: \"1\", title: T, duration: 1h}]}\n",
                     5, two_and_a_half,
                     "The resources available to the Working Group will permit the holding "
                     "of five plenary meetings over two and a half days, with interpretation "
                     "into the six official languages of the United Nations.");
    /* Two half days are two days. */
    assert_resources("orgwork: 1\ncalendar: {start: 2024-07-11, days: 3}\n"
                     "body: {id: A, name: Conference of the Parties,\n"
                     "  agenda: [{item: \"1\", title: T, duration: 1h}]}\n",
                     2, two_halves,
                     "The resources available to the Conference will permit the holding of "
                     "two plenary meetings over two days, with interpretation into the six "
                     "official languages of the United Nations.");
    /* Languages named unless they are the six; six others are named too. */
    assert_resources("orgwork: 1\ncalendar: {start: 2024-07-11, days: 3}\n"
                     "services: {languages: [Arabic, English, French, Spanish]}\n"
                     "body: {id: A, name: Conference of the Parties, meetings: 6,\n"
                     "  agenda: [{item: \"1\", title: T, duration: 1h}]}\n",
                     4, two_days,
                     "The resources available to the Conference will permit the holding of "
                     "four plenary meetings over two days, with interpretation into Arabic, "
                     "English, French and Spanish.");
    assert_resources("orgwork: 1\ncalendar: {start: 2024-07-11, days: 3}\n"
                     "services: {languages: [Arabic, English, French, Spanish, German, "
                     "Japanese]}\n"
                     "body: {id: A, name: Conference of the Parties,\n"
                     "  agenda: [{item: \"1\", title: T, duration: 1h}]}\n",
                     2, two_halves,
                     "The resources available to the Conference will permit the holding of "
                     "two plenary meetings over two days, with interpretation into Arabic, "
                     "English, French, Spanish, German and Japanese.");
    /* Committees hold meetings, not plenary meetings, unless they say otherwise. */
    assert_resources("orgwork: 1\ncalendar: {start: 2024-07-11, days: 3}\n"
                     "body: {id: A, name: Committee of the Whole,\n"
                     "  agenda: [{item: \"1\", title: T, duration: 1h}]}\n",
                     4, two_days,
                     "The resources available to the Committee will permit the holding of "
                     "four meetings over two days, with interpretation into the six official "
                     "languages of the United Nations.");
    assert_resources("orgwork: 1\ncalendar: {start: 2024-07-11, days: 3}\n"
                     "body: {id: A, name: Ad Hoc Committee on Cybercrime, plenary: true,\n"
                     "  agenda: [{item: \"1\", title: T, duration: 1h}]}\n",
                     4, two_days,
                     "The resources available to the Ad Hoc Committee will permit the holding "
                     "of four plenary meetings over two days, with interpretation into the six "
                     "official languages of the United Nations.");
    assert_resources("orgwork: 1\ncalendar: {start: 2024-07-11, days: 3}\n"
                     "body: {id: A, name: Working Group on Firearms, plenary: false,\n"
                     "  agenda: [{item: \"1\", title: T, duration: 1h}]}\n",
                     2, two_halves,
                     "The resources available to the Working Group will permit the holding "
                     "of two meetings over two days, with interpretation into the six "
                     "official languages of the United Nations.");
    assert_resources("orgwork: 1\n"
                     "calendar: {start: 2024-07-11, days: 1, slots: [\"10:00-13:00\"]}\n"
                     "body: {id: A, name: Working Group, meetings: 1, interpretation: false,\n"
                     "  agenda: [{item: \"1\", title: T, duration: 1h}]}\n",
                     1, two_days,
                     "The resources available to the Working Group will permit the holding "
                     "of one plenary meeting over one day, without interpretation.");
    static const held_spec morning[] = {{"2024-07-11", 10, 13}};
    assert_resources("orgwork: 1\ncalendar: {start: 2024-07-11, days: 1}\n"
                     "body: {id: A, name: Drafting Committee,\n"
                     "  agenda: [{item: \"1\", title: T, duration: 1h}]}\n",
                     1, morning,
                     "The resources available to the Drafting Committee will permit the holding "
                     "of one meeting over half a day, with interpretation into the six official "
                     "languages of the United Nations.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_parse),
        cmocka_unit_test(test_md_seed_layout),
        cmocka_unit_test(test_md_escaping),
        cmocka_unit_test(test_text_layout),
        cmocka_unit_test(test_text_escaping),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_ics),
        cmocka_unit_test(test_ics_fold_boundary),
        cmocka_unit_test(test_ics_dtstamp_from_calendar),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_json_string_escaping),
        cmocka_unit_test(test_infeasible),
        cmocka_unit_test(test_body_filter),
        cmocka_unit_test(test_resources),
        cmocka_unit_test(test_joint_annexes),
        cmocka_unit_test(test_joint_json_round_trip),
        cmocka_unit_test(test_overview_html),
        cmocka_unit_test(test_svg),
        cmocka_unit_test(test_svg_escaping),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
