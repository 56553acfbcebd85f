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
        self._asides: list[int] | None = None
        self._sources: list[tuple[int, int]] = []

    def caps(self) -> tuple[list[int], list[int], list[str]]:
        """Runs of capitalised words: "Hon Hai", "BTC", "Nevada Gaming Control Board"."""
        if self._caps is None:
            found = [
                (m.start(), m.end(), m.group(0)) for lo, hi in self.regions for m in _CAPS.finditer(self.prose, lo, hi)
            ]
            self._caps = ([f[0] for f in found], [f[1] for f in found], [f[2] for f in found])
        return self._caps

    def aside_marks(self) -> list[int]:
        """Where appositive or relative clauses (", which", ", a") and sources ("according to") open."""
        if self._asides is None:
            opener = _aside_pattern()
            found = [m.start() for lo, hi in self.regions for m in opener.finditer(self.prose, lo, hi)]
            self._sources = _find_sources(self.low)
            self._asides = sorted(found + [s for s, _ in self._sources])
        return self._asides

    def sources(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Source phrases ("according to ", "quoted by the ") starting in [lo, hi)."""
        self.aside_marks()
        return [(s, e) for s, e in self._sources if lo <= s < hi]

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
    r"(?=[A-Z])(?<![\w$/\-])[A-Z][\w&\-’'.]*(?:(?<!\.)[ \t](?:of[ \t]|de[ \t]|&[ \t]|and[ \t])?[A-Z][\w&\-’'.]*)*"
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
    lex = lexicon()
    if nxt in lex.name_nouns:  # "Truebit protocol lost ...", "Upbit exchange reported ..."
        m = _NEXT_WORD.match(prose, m.end())
        if m is None:
            return False
        nxt = m.group(1)
    return nxt in lex.subject_verbs or (nxt.endswith("ed") and len(nxt) > 4)


@cache
def _aside_pattern() -> re.Pattern:
    """An appositive or relative clause opening ("the app, which", "Fairshake, a"), and a source phrase
    ("according to", "quoted by")."""
    lex = lexicon()

    def alt(words) -> str:
        return "|".join(sorted((re.escape(w).replace("\\ ", "[ \\t]+") for w in words), key=len, reverse=True))

    opener = f",[ \\t]+(?:{alt(lex.relative_openers | lex.parenthetical_openers)})\\b"
    return re.compile(opener)


_COMMA_WORD = re.compile(r",[ \t]+([^\W\d_][\w’'-]*)")


def _find_sources(low: str) -> list[tuple[int, int]]:
    """Every source phrase in the lowercased text, as (start, end after it and a following "the "): found
    with str.find, much faster than a case-insensitive alternation over the whole text."""
    out: list[tuple[int, int]] = []
    for phrase in lexicon().subject_sources:
        p = phrase.lower()
        i = low.find(p)
        while i >= 0:
            e = i + len(p)
            if (i == 0 or not low[i - 1].isalnum()) and low[e : e + 1] in (" ", "\t"):
                e += 1
                if low.startswith("the ", e):
                    e += 4
                out.append((i, e))
            i = low.find(p, e)
    return sorted(out)


def _name_before(prose: str, lo: int, comma: int) -> bool:
    """Is the word right before a comma capitalised ("Fairshake," "Nvidia Corp.,")?"""
    words = prose[lo:comma].split()
    return bool(words) and words[-1][:1].isupper()


def _opens_with_subject(prose: str, lo: int, comma: int) -> bool:
    """Is the text before the clause's first comma a noun phrase ("The Taiwanese electronics giant,"), not an
    opening phrase ("According to market data,", "In January,")?"""
    head = prose[lo:comma]
    if "," in head:
        return False
    words = head.split(None, 1)
    first = words[0].lstrip('"“(') if words else ""
    return first[:1].isupper() and (first in ("The", "A", "An") or first not in lexicon().subject_stopwords)


def _asides(index: DocIndex, lo: int, start: int) -> list[tuple[int, int]]:
    """Stretches before a figure whose names are not its subject: a closed appositive or relative clause
    ("Fairshake, a movement backed by Coinbase and Ripple, reported", "the app, which rivals ChatGPT, had")
    and a named source ("quoted by Kursiv, only 5%", "according to CoinGecko, ...")."""
    marks = index.aside_marks()
    i = bisect.bisect_left(marks, lo)
    if i >= len(marks) or marks[i] >= start:
        return []  # no ", which" / ", a" / "according to" before the figure in its clause: the usual case
    prose = index.prose
    opener = _aside_pattern()
    lex = lexicon()
    cont = lex.list_continuations
    spans: list[tuple[int, int]] = []
    pos = lo
    while True:
        m = opener.search(prose, pos, start)
        if m is None:
            break
        word = m.group(0).split()[-1]
        if (
            word not in lex.relative_openers
            and not _name_before(prose, max(lo, m.start() - 40), m.start())
            and not _opens_with_subject(prose, lo, m.start())
        ):
            pos = m.end()  # "According to market data, the company's ...": no name before the comma
            continue
        close = -1
        c = prose.find(",", m.end(), start)
        while c >= 0:
            n = _COMMA_WORD.match(prose, c, start)
            if n is not None and n.group(1)[0].islower() and n.group(1) not in cont:
                close = c  # the comma before the clause's verb: ", reported", ", had"
                break
            c = prose.find(",", c + 1, start)
        if close < 0:
            break
        spans.append((m.start(), close))
        pos = close
    for s, e in index.sources(lo, start):
        run = _CAPS.match(prose, e, start)
        spans.append((s, run.end() if run is not None else e))
    return spans


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


_LIST_GAP = re.compile(r"[\s,;]*(?:(?:and|&)\s+)?")


def _listed_before(prose: str, start: int, r: int, blocked: list[tuple[int, int]]) -> bool:
    """Is the figure at ``start`` one of a list of figures that ends at "respectively" (``r``)?"""
    i = bisect.bisect_left(blocked, (start, -1))
    pos = blocked[i][1] if i < len(blocked) and blocked[i][0] == start else start
    i += 1
    while True:
        g = _LIST_GAP.match(prose, pos, r)
        if g.end() >= r:
            return True
        if i < len(blocked) and blocked[i][0] == g.end():
            pos = blocked[i][1]
            i += 1
            continue
        return False


_NAME = r"[A-Z][\w&\-’'.]*(?:[ \t][A-Z][\w&\-’'.]*)*"


@cache
def _name_list() -> regex.Pattern:
    """ "USDC and USDe", "Bitcoin, Ether and Solana": the names of a list, as repeated captures."""
    return regex.compile(
        rf"(?<![\w$])(?P<n>{_NAME})(?:,[ \t]*(?P<n>{_NAME}))*,?[ \t]+(?:and|&)[ \t]+(?P<n>{_NAME})", regex.V0
    )


def _respective(index: DocIndex, lo: int, start: int, sent_end: int, blocked: list[tuple[int, int]]):
    """ "USDC and USDe, which declined by 2.6% and 57%, respectively": the name paired with the figure
    (None when the lists do not pair up). ``False`` when the sentence has no "respectively"."""
    r = index.low.find("respectively", start, sent_end)
    if r < 0 or not _listed_before(index.prose, start, r, blocked):
        return False
    last = None
    for m in _name_list().finditer(index.prose, lo, start):
        last = m
    if last is None:
        return None
    i, j = bisect.bisect_left(blocked, (last.end(), -1)), bisect.bisect_left(blocked, (r, -1))
    group = [s for s, _ in blocked[i:j]]
    names = last.captures("n")
    if start not in group or len(group) != len(names):
        return None
    name = _strip_possessive(names[group.index(start)])
    return _asset_in(name) or name


def subject(
    index: DocIndex,
    sent_start: int,
    start: int,
    blocked: list[tuple[int, int]],
    own_unit: str | None,
    sent_end: int | None = None,
) -> str | None:
    """The asset or named entity the figure at ``start`` is about, if the sentence says it before it:
    the nearest asset named before it in its clause, else the nearest capitalised name."""
    prose = index.prose
    lo = max(sent_start, start - SUBJECT_REACH)
    semi = prose.rfind(";", lo, start)
    if semi >= 0:
        lo = semi + 1
    if sent_end is not None:
        paired = _respective(index, lo, start, sent_end, blocked)
        if paired is not False:
            return paired
    asides = _asides(index, lo, start)
    lex = lexicon()
    asset_pos, asset = -1, None
    nstarts, ntickers = index.names()
    i = bisect.bisect_left(nstarts, start) - 1
    while i >= 0 and nstarts[i] >= lo:
        if ntickers[i] != own_unit and not _inside(nstarts[i], blocked) and not _in_spans(nstarts[i], asides):
            asset_pos, asset = nstarts[i], ntickers[i]
            break
        i -= 1
    entity = None
    cstarts, cends, ctexts = index.caps()
    i = bisect.bisect_left(cstarts, start) - 1
    while i >= 0 and cstarts[i] >= lo:
        c0, text = cstarts[i], ctexts[i]
        i -= 1
        if c0 <= asset_pos or cends[i + 1] > start or _inside(c0, blocked) or _in_spans(c0, asides):
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
            if (
                words
                and words[-1].endswith(lex.adjective_endings)
                and prose[cends[i + 1] : cends[i + 1] + 2][:1] == " "
                and prose[cends[i + 1] + 1 : cends[i + 1] + 2].islower()
            ):
                words = []  # "The Taiwanese electronics giant", "South Korean prosecutors": adjectives
            if words and words[-1] in lex.reference_words:
                words = []  # "Resolution No. 05/2025/NQ-CP": a reference
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
