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
from factcheck.extract.patterns import whole_words
from factcheck.resources import load_rules_file


def _strip_possessive(word: str) -> str:
    """ "Coinbase’s" -> "Coinbase", "Corp." -> "Corp", "holders’" -> "holders"."""
    if word.endswith(("’s", "'s")):
        return word[:-2]
    return word.rstrip(".’'")


@cache
def _windows() -> re.Pattern:
    """All window phrases in one pattern; the after-only ones ("per week") in the group ``after``."""
    lex = lexicon()
    after = "|".join(f"(?:{p})" for p in lex.window_after_patterns) or "(?!)"
    both = "|".join(f"(?:{p})" for p in lex.window_patterns)
    return re.compile(f"(?<![^\\W_])(?i:(?P<after>{after})|{both})(?![^\\W_])")


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
        pos = min(len(prose), offset + 2)  # room for the look-ahead at the figure itself: "ethics. $500"
        while True:
            m = _SENT_END_R.search(prose, lo, pos)
            if m is None:
                break
            if m.end() <= offset and self._is_break(m):
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


SUBJECT_REACH = 240  # characters before a figure where its subject may be named


class DocIndex:
    """Per-document lookups built once: capitalised names (one scan) and lower-case asset names (one scan)."""

    def __init__(self, prose: str, low: str, regions: list[tuple[int, int]] | None = None) -> None:
        self.prose = prose
        self.low = low
        self.regions = regions if regions is not None else [(0, len(prose))]  # where subjects are looked for
        self._caps: tuple[list[int], list[int], list[str]] | None = None
        self._names: tuple[list[int], list[str]] | None = None
        self._mid: set[str] | None = None  # capitalised words seen mid-sentence

    def caps(self) -> tuple[list[int], list[int], list[str]]:
        """Runs of capitalised words: "Hon Hai", "BTC", "Nevada Gaming Control Board"."""
        if self._caps is None:
            found = [
                (m.start(), m.end(), m.group(0)) for lo, hi in self.regions for m in _CAPS.finditer(self.prose, lo, hi)
            ]
            self._caps = ([f[0] for f in found], [f[1] for f in found], [f[2] for f in found])
        return self._caps

    def is_name(self, word: str) -> bool:
        """Is a capitalised word that opens a sentence a name ("Coinbase") or just an opener ("Trading",
        "Whales")? A name has an inner capital or digit, or is capitalised somewhere mid-sentence too."""
        if any(c.isupper() or c.isdigit() for c in word[1:]):
            return True
        if self._mid is None:
            self._mid = {_strip_possessive(w) for w in _MID_SENTENCE_CAPS.findall(self.prose)}
        return word in self._mid

    def names(self) -> tuple[list[int], list[str]]:
        """Asset names in any case ("ether", "Bitcoin") and lower-case-led forms ("stETH")."""
        if self._names is None:
            lex = lexicon()
            starts: list[int] = []
            tickers: list[str] = []
            for m in (m for lo, hi in self.regions for m in _name_scan().finditer(self.low, lo, hi)):
                starts.append(m.start())
                tickers.append(lex.asset_names[m.group(0)])
            self._names = (starts, tickers)
        return self._names


_CAPS = re.compile(  # a run of capitalised words, not across a full stop: "Hon Hai", "Bank of America"
    r"(?=[A-Z])(?<![\w$])[A-Z][\w&\-’'.]*(?:(?<!\.)[ \t](?:of[ \t]|de[ \t]|&[ \t]|and[ \t])?[A-Z][\w&\-’'.]*)*"
)


_MID_SENTENCE_CAPS = re.compile(r"(?=[A-Z])(?<=[a-z0-9,;:] )[A-Z][\w&\-’']*")


@cache
def _name_scan() -> re.Pattern:
    return re.compile(whole_words(lexicon().asset_names))


@cache
def _window_anchor() -> re.Pattern:
    words = [w for w in load_rules_file("windows.toml")["anchors"] if w.isalpha()]
    return re.compile(f"/|{whole_words(words)}")


def _asset_in(text: str) -> str | None:
    """The asset a capitalised run names, if it does: "BTC", "Bitcoin Cash", "ETH treasury" -> ETH."""
    lex = lexicon()
    name = _strip_possessive(text)
    hit = lex.asset_exact_names.get(name) or lex.asset_tickers.get(name)
    if hit:
        return hit
    for word in reversed(name.split()):
        word = _strip_possessive(word)
        hit = lex.asset_tickers.get(word) or lex.asset_exact_names.get(word) or lex.asset_names.get(word.lower())
        if hit:
            return hit
    return None


_APPOSITIVE = re.compile(r",[ \t]+(?:the|a|an)[ \t]+[a-z]")
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")


def _acts(prose: str, end: int, word: str) -> bool:
    """A capitalised word opening a sentence reads as a name when a verb follows it ("Strategy holds",
    "Semler bought"), not a noun ("Trading volume", "Total reserves"); plurals ("Whales") are not names."""
    if word.endswith("s") and not word.endswith("ss"):
        return False
    if _APPOSITIVE.match(prose, end):
        return True  # "Strategy, the largest corporate holder, now owns ..."
    m = _NEXT_WORD.match(prose, end)
    if m is None:
        return False
    nxt = m.group(1)
    return nxt in lexicon().subject_verbs or (nxt.endswith("ed") and len(nxt) > 4)


def subject(
    index: DocIndex, sent_start: int, start: int, blocked: list[tuple[int, int]], own_unit: str | None
) -> str | None:
    """The asset or named entity the figure at ``start`` is about, if the sentence says it before it:
    the nearest asset named before it in its clause, else the nearest capitalised name."""
    prose = index.prose
    lo = max(sent_start, start - SUBJECT_REACH)
    semi = prose.rfind(";", lo, start)
    if semi >= 0:
        lo = semi + 1
    lex = lexicon()
    asset_pos, asset = -1, None
    nstarts, ntickers = index.names()
    i = bisect.bisect_left(nstarts, start) - 1
    while i >= 0 and nstarts[i] >= lo:
        if ntickers[i] != own_unit and not _inside(nstarts[i], blocked):
            asset_pos, asset = nstarts[i], ntickers[i]
            break
        i -= 1
    entity = None
    cstarts, cends, ctexts = index.caps()
    i = bisect.bisect_left(cstarts, start) - 1
    while i >= 0 and cstarts[i] >= lo:
        c0, text = cstarts[i], ctexts[i]
        i -= 1
        if c0 <= asset_pos or cends[i + 1] > start or _inside(c0, blocked):
            if c0 <= asset_pos:
                break
            continue
        a = _asset_in(text)
        if a is not None and a != own_unit:
            return a
        if entity is None:
            name = _strip_possessive(text).strip(" .-")
            for mark in ("’s ", "'s "):
                if mark in name:
                    name = name.rsplit(mark, 1)[1]
            words = name.split(" ")
            while words and words[0] in lex.subject_stopwords:
                words.pop(0)
            if words and not (len(words) == 1 and _strip_possessive(words[0]) in lex.subject_stopwords):
                possessive = text.endswith(("’s", "'s"))
                opener = len(words) == 1 and c0 <= sent_start + 1 and not index.is_name(words[0])
                if possessive or not opener or _acts(prose, cends[i + 1], words[0]):
                    entity = " ".join(words)
    return asset or entity


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
    last = None
    skip_to = lo
    for a in anchor.finditer(index.low, lo, start):
        if a.start() < skip_to:
            continue
        m = w.match(prose, a.start(), start)
        if m is not None and m.group("after") is None:
            last = m  # the last whole phrase before the figure: "Over the past 30 days", not "past 30 days"
            skip_to = m.end()
    return " ".join(last.group(0).split()) if last is not None else None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
