/* escape.h: text escaped for each output format, shared by model/'s renderers (the
 * annexes, the workplan).  Internal to model/. */
#ifndef ORGWORK_MODEL_RENDER_ESCAPE_H
#define ORGWORK_MODEL_RENDER_ESCAPE_H

#include "orgwork/buf.h"

/* Markdown table cell text: bars, emphasis, code and HTML characters escaped. */
void ow_put_md_escaped(ow_buf *b, const char *s);
/* HTML text: & < > " ' escaped, line breaks as <br>. */
void ow_put_html_escaped(ow_buf *b, const char *s);
/* A CSV field (RFC 4180), quoted only when it must be. */
void ow_put_csv_field(ow_buf *b, const char *s);
/* A JSON string with its quotes; also a valid YAML double-quoted scalar. */
void ow_put_json_string(ow_buf *b, const char *s);

#endif
