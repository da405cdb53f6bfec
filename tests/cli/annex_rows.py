"""The annexes of a Markdown rendering, and a Word document's annex tables compared
with them: what tests/cli/docx.sh and odt.sh read back."""
import re

import docx


def md_unescape(s):
    s = s.replace("<br>", "\n").replace("(*continued*)", "(continued)")
    return re.sub(r"\\(.)", r"\1", s)


def md_annexes(path):
    """[(heading, sentence, rows)] of the md annexes (the overview left out)."""
    out, cur = [], None
    lines = open(path, encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        if line.startswith("## Proposed organization of work"):
            cur = [md_unescape(line[3:]), md_unescape(lines[i + 2]), []]
            out.append(cur)
        elif cur is not None and line.startswith("| ") and not line.startswith("| Date and time"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if cells[0].startswith("**"):
                cells = [md_unescape(cells[0][2:-2])] * 3  # a day row spans the table
            else:
                cells = [md_unescape(c) for c in cells]
            cur[2].append(cells)
    return out


def compare(docx_path, md_path):
    """Asserts that every annex of the document equals the md one: heading, resources
    sentence, every table row.  Returns the document and the number of rows."""
    d = docx.Document(docx_path)
    want = md_annexes(md_path)
    tables = [tb for tb in d.tables if tb.rows[0].cells[0].text == "Date and time"]
    # A page break before a heading reads as a line break: strip it.
    paras = [p.text.strip("\n") for p in d.paragraphs]
    heads = [p for p in paras if p.startswith("Proposed organization of work")]
    assert len(tables) == len(want) == len(heads), (docx_path, len(tables), len(want), len(heads))
    rows = 0
    for (heading, sentence, md_rows), tb, head in zip(want, tables, heads):
        assert head == heading, (docx_path, head, heading)
        assert sentence in paras, (docx_path, sentence)
        got = [[c.text for c in r.cells] for r in tb.rows[1:]]
        assert got == md_rows, (docx_path, [(a, b) for a, b in zip(got, md_rows) if a != b][:3])
        rows += len(md_rows)
    return d, tables, rows
