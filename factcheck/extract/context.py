"""Context read from the figure's sentence: its subject and its time window.

Subject: the nearest asset named before the figure in its sentence (tickers as written in capitals, or a
name from rules/assets.toml), else the nearest capitalised name before it ("BitMine", "Hon Hai"), skipping
sentence openers and months (rules/subjects.toml). Other figures' text is never a subject.
Window: a phrase from rules/windows.toml right after the figure ("over the past 7 days", "per week",
"in January"), or before it in the same sentence ("In Q4, revenue rose 17%").
"""

from __future__ import annotations

import bisect
import re
from functools import cache

import regex

from factcheck.extract.lexicon import lexicon
from factcheck.extract.patterns import trie
from factcheck.resources import load_rules_file

_ENTITY = regex.compile(
    r"(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}\p{N}&.\-]*(?:\p{Ll}|\p{Lu}|\p{N})"
    r"(?:[ \t](?:of|de|la|&|and)?[ \t]?\p{Lu}[\p{L}\p{N}&.\-]*)*|\p{Lu}\p{Ll}*)",
    regex.V0,
)
_ENTITY_R = regex.compile("(?r)" + _ENTITY.pattern, regex.V0)
_POSSESSIVE = regex.compile(r"(?:['’]s?|\.)$")


@cache
def _windows() -> regex.Pattern:
    alts = "|".join(f"(?:{p})" for p in lexicon().window_patterns)
    return regex.compile(f"(?<![\\p{{L}}\\p{{N}}])(?i:{alts})(?![\\p{{L}}\\p{{N}}])", regex.V0)


_SENT_END = regex.compile(r"(?:[.!?][\"'’”)\]]*[ \t\xa0]+(?=[\"'‘“(\[]?[\p{Lu}\p{N}$€£])|\n)", regex.V0)
_SENT_END_R = regex.compile("(?r)" + _SENT_END.pattern, regex.V0)
_LAST_WORD = regex.compile(r"(?r)([\w.]+)\W*\Z", regex.V0)


class Sentences:
    """Sentence bounds found locally around each figure (a line break always ends a sentence)."""

    REACH = 600

    def __init__(self, prose: str) -> None:
        self.prose = prose
        self._last: tuple[int, int] = (-1, -1)

    def _is_break(self, m) -> bool:
        if m.group(0) == "\n":
            return True
        word = _LAST_WORD.search(self.prose, max(0, m.start() - 12), m.start() + 1)
        if word is None:
            return True
        w = word.group(1)
        if w.lower().rstrip(".") + "." in _abbreviations():
            return False
        return not (len(w.rstrip(".")) == 1 and w[0].isupper())  # an initial: "J. Smith"

    def around(self, offset: int) -> tuple[int, int]:
        if self._last[0] <= offset < self._last[1]:
            return self._last
        prose = self.prose
        lo = max(0, offset - self.REACH)
        start = lo
        pos = offset
        while True:
            m = _SENT_END_R.search(prose, lo, pos)
            if m is None:
                break
            if self._is_break(m):
                start = m.end()
                break
            pos = m.start()
        hi = min(len(prose), offset + self.REACH)
        end = hi
        pos = offset
        while True:
            m = _SENT_END.search(prose, pos, hi)
            if m is None:
                break
            if self._is_break(m):
                end = m.start() + (1 if m.group(0) != "\n" else 0)
                break
            pos = m.end()
        self._last = (start, end)
        return start, end


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in load_rules_file("text.toml")["abbreviations"])


class DocIndex:
    """Per-document lookups built once: asset mentions (two trie scans) and window anchors."""

    def __init__(self, prose: str, low: str) -> None:
        self.prose = prose
        self.low = low
        self._assets: list[tuple[int, int, str]] | None = None
        self._asset_starts: list[int] = []

    def assets(self) -> tuple[list[tuple[int, int, str]], list[int]]:
        if self._assets is None:
            lex = lexicon()
            found: list[tuple[int, int, str]] = []
            for m in _ticker_scan().finditer(self.prose):
                w = m.group(0)
                found.append((m.start(), m.end(), lex.asset_tickers.get(w) or lex.asset_exact_names[w]))
            for m in _name_scan().finditer(self.low):
                found.append((m.start(), m.end(), lex.asset_names[m.group(0)]))
            found.sort()
            self._assets = found
            self._asset_starts = [f[0] for f in found]
        return self._assets, self._asset_starts


@cache
def _ticker_scan() -> re.Pattern:
    lex = lexicon()
    words = sorted(set(lex.asset_tickers) | set(lex.asset_exact_names))
    return re.compile(f"(?<![A-Za-z0-9$])(?:{trie(words)})(?![A-Za-z0-9])")


@cache
def _name_scan() -> re.Pattern:
    return re.compile(f"\\b(?:{trie(sorted(lexicon().asset_names))})\\b")


@cache
def _window_anchor() -> re.Pattern:
    words = [w for w in load_rules_file("windows.toml")["anchors"] if w.isalpha()]
    return re.compile(f"/|\\b{trie(sorted(words))}\\b")


def subject(
    index: DocIndex, sent_start: int, start: int, blocked: list[tuple[int, int]], own_unit: str | None
) -> str | None:
    """The asset or named entity the figure at ``start`` is about, if the sentence says it before it."""
    prose = index.prose
    lo = max(sent_start, start - 240)
    semi = prose.rfind(";", lo, start)
    if semi >= 0:
        lo = semi + 1
    lex = lexicon()
    found, starts = index.assets()
    i = bisect.bisect_left(starts, start) - 1
    while i >= 0 and found[i][0] >= lo:
        a0, _, ticker = found[i]
        i -= 1
        if ticker == own_unit or _inside(a0, blocked):
            continue
        return ticker
    pos = start
    while True:
        m = _ENTITY_R.search(prose, lo, pos)
        if m is None:
            return None
        pos = m.start()
        if _inside(m.start(), blocked):
            continue
        name = _POSSESSIVE.sub("", m.group(0)).strip(" .-")
        words = name.split(" ")
        while words and words[0] in lex.subject_stopwords:
            words.pop(0)
        if words:
            return " ".join(words)


def window(
    index: DocIndex, sent_start: int, sent_end: int, start: int, end: int, next_start: int, prev_end: int
) -> str | None:
    """The time window phrase of a figure: after it first (up to the next figure), then before it in its
    clause (not across another figure)."""
    prose = index.prose
    w = _windows()
    anchor = _window_anchor()
    stop = min(sent_end, next_start, end + 90)
    for a in anchor.finditer(index.low, end, stop):
        m = w.match(prose, a.start(), stop)
        if m is not None:
            return " ".join(m.group(0).split())
    lo = max(sent_start, start - 120, prev_end)
    semi = prose.rfind(";", lo, start)
    if semi >= 0:
        lo = semi + 1
    for a in reversed(list(anchor.finditer(index.low, lo, start))):
        m = w.match(prose, a.start(), start)
        if m is not None:
            return " ".join(m.group(0).split())
    return None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
