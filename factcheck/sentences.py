"""Sentence and paragraph spans over the prose mask (offsets into the file)."""

from __future__ import annotations

import re
from functools import cache

from factcheck.resources import load_rules_file

# A sentence ends at . ! ? (and closing quotes/brackets) followed by space and a capital, digit, quote or $.
_END = re.compile(r"[.!?]+[\"'\u2019\u201d)\]]*(?=\s+[\"'\u2018\u201c(\[]?[A-Z0-9$\u20ac\u00a3])")
_BREAK = re.compile(
    r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+>#|]|\d+[.)][ \t]))|(?<=[.!?:\"\u201d])[ \t]*\n|^[ \t]*#{1,6}[ \t][^\n]*\n",
    re.M,
)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in load_rules_file("text.toml")["abbreviations"])


def sentences(prose: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences in ``prose[start:end]``, trimmed of surrounding space."""
    end = len(prose) if end is None else end
    cuts = [start]
    for m in _BREAK.finditer(prose, start, end):
        cuts.append(m.end())
    for m in _END.finditer(prose, start, end):
        word = re.search(r"([\w.]+)\W*$", prose[max(start, m.start() - 12) : m.start() + 1])
        if word and word.group(1).lower().rstrip(".") + "." in _abbreviations():
            continue
        if word and len(word.group(1).rstrip(".")) == 1 and word.group(1)[0].isupper():  # an initial: "J. Smith"
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
