"""Sentence and paragraph spans over the prose mask (offsets into the file)."""

from __future__ import annotations

import re
from functools import cache

from factcheck.resources import load_rules_file

# A sentence ends at . ! ? (and closing quotes/brackets) followed by space and a capital, digit, quote or $.
_END = re.compile(r"[.!?]+[\"'\u2019\u201d)\]]*(?=\s+[\"'\u2018\u201c(\[]?[A-Z0-9$\u20ac\u00a3])")
# Paragraph-like breaks: a blank line; a line break before a list item, quote, heading or table row; a line
# break after sentence punctuation (spaces allowed before it); a Markdown heading line. Every alternative
# opens with a literal character (the look-behinds come after it), so the engine skips to the next line
# break, space, tab or "#" instead of trying each position: same matches as
# r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+>#|]|\d+[.)][ \t]))|(?<=[.!?:\"\u201d])[ \t]*\n|^[ \t]*#{1,6}[ \t][^\n]*\n" (re.M).
_PUNCT = '[.!?:"\u201d]'
_BREAK = re.compile(
    r"\n[ \t]*\n"
    r"|\n(?=[ \t]*(?:[-*+>#|]|\d+[.)][ \t]))"
    r"|\n(?<=" + _PUNCT + r"\n)"
    r"| (?<=" + _PUNCT + r" )[ \t]*\n"
    r"|\t(?<=" + _PUNCT + r"\t)[ \t]*\n"
    r"| (?<=^ )[ \t]*#{1,6}[ \t][^\n]*\n"
    r"|\t(?<=^\t)[ \t]*#{1,6}[ \t][^\n]*\n"
    r"|#(?<=^#)#{0,5}[ \t][^\n]*\n",
    re.M,
)
_WORD_BEFORE = re.compile(r"([\w.]+)\W*$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in load_rules_file("text.toml")["abbreviations"])


def sentences(prose: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences in ``prose[start:end]``, trimmed of surrounding space."""
    end = len(prose) if end is None else end
    cuts = [start]
    cuts += [m.end() for m in _BREAK.finditer(prose, start, end)]
    abbreviations = _abbreviations()
    for m in _END.finditer(prose, start, end):
        word = _WORD_BEFORE.search(prose[max(start, m.start() - 12) : m.start() + 1])
        if word:
            w = word.group(1)
            if w.lower().rstrip(".") + "." in abbreviations:
                continue
            if len(w.rstrip(".")) == 1 and w[0].isupper():  # an initial: "J. Smith"
                continue
        cuts.append(m.end())
    cuts = sorted(set(cuts)) + [end]
    out: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while a < b and prose[a].isspace():
            a += 1
        while b > a and prose[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out
