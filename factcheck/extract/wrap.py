"""Soft wraps: in Markdown and HTML a single line break inside a paragraph is a space.

``unwrap(doc)`` gives the prose with those line breaks turned into spaces (same length, so offsets stay
file offsets): "about 4.28\\nmillion ETH" is read like "about 4.28 million ETH". A blank line, a line
that opens a block (heading, list item, quote, table row, fence, rule) or follows a heading or table row,
a Markdown hard break (two trailing spaces, a backslash) and in HTML a block tag ("<p>", "<br>", "<li>")
still end the line. Plain text files are line-oriented (feeds, lists of figures) and are left as they are.
"""

from __future__ import annotations

import re

from factcheck.document import Document

# A line break between two non-blank lines whose next line does not open a Markdown block.
_SOFT = (
    r"(?<=[^\s])[ \t\xa0]*(\r?\n)[ \t\xa0]*"
    r"(?![\s#>|]|[-*+][ \t]|\d{1,3}[.)][ \t]|={3}|-{3}|_{3}|`{3}|~{3})(?=\S)"
)
_BLOCK_LINE = r"[ \t]{0,3}(?:#|\|)"


def unwrap(doc: Document) -> str:
    """The prose with soft line breaks read as spaces (Markdown and HTML only)."""
    prose = doc.prose
    if doc.fmt not in ("markdown", "html") or "\n" not in prose:
        return prose
    text = doc.text
    pieces: list[str] = []
    last = 0
    soft, block_line = re.compile(_SOFT), re.compile(_BLOCK_LINE)  # cached by re; compiled only when needed
    for m in soft.finditer(prose):
        s, e = m.span(1)
        if text[e - 1] != "\n":  # an HTML block tag left this break: it stays
            continue
        if doc.fmt == "markdown" and (text[s - 2 : s] == "  " or text[s - 1 : s] == "\\"):
            continue  # a Markdown hard line break: two trailing spaces or a backslash
        line_start = prose.rfind("\n", 0, s) + 1
        if block_line.match(prose, line_start):  # after a heading or a table row
            continue
        pieces.append(prose[last:s])
        pieces.append(" " * (e - s))
        last = e
    if not pieces:
        return prose
    pieces.append(prose[last:])
    return "".join(pieces)
