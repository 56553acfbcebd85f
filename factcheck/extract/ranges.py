"""Ranges: "between X and Y", "X-Y", "X to Y"; but "from X to Y" and "rose X to Y" are two figures."""

from __future__ import annotations

import regex

from factcheck.extract.lexicon import lexicon
from factcheck.extract.scan import Atom

_GAP = regex.compile(r"[ \t\xa0\u202f]*(?:(?P<dash>[-–—])|(?P<word>to|and|through))[ \t\xa0]*\Z", regex.V0)
_AND_NEXT = regex.compile(r"[ \t\xa0]+and[ \t\xa0]+[\d$€£¥₹]")
_CHAINED = regex.compile(r"[-–]\d")
_PHONE = regex.compile(r"\d{3}[-–]\d{4}")
_BEFORE = regex.compile(r"(?r)(?:(?P<w1>[\p{L}]+)[\s\xa0]+)?(?P<w2>[\p{L}.~]+)[\s\xa0]+\Z", regex.V0)
_BETWEEN = regex.compile(r"(?r)\b(?i:between)[\s\xa0]+\Z", regex.V0)


def range_start(prose: str, a: Atom, b: Atom, hedge_start: int) -> int | None:
    """If atoms ``a`` and ``b`` make one range, where it starts (the "between" included); else None."""
    if a.kind == "date" or b.kind == "date" or a.value is None or b.value is None:
        return None
    if _multiple_word(a) or _multiple_word(b) or (a.kind == "multiple" and b.kind != "multiple"):
        return None  # "doubled to 1.2 million": a multiple and a figure; "3x to 1.2 million": two kinds
    gap = prose[a.end : b.start]
    if len(gap) > 60 or len(gap.strip()) > 8 or "\n" in gap:
        return None
    g = _GAP.match(gap)
    if g is None or (g.group("dash") == "—" and gap.strip() != gap):
        return None  # "fell 50% — 640 to 480": a spaced em dash opens an aside, it does not join a range
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return None
    if a.after_bound or (a.per and b.per and a.per != b.per):
        return None
    if g.group("dash") and a.unit is None and b.unit is None:
        if (
            _PHONE.fullmatch(prose[a.start : b.end])
            or _CHAINED.match(prose, b.end)
            or prose[a.start - 1 : a.start] == "-"
        ):
            return None  # "123-4567", "1-800-555-0199": a phone number or code, not a range
    start = hedge_start
    word = g.group("word")
    between = _BETWEEN.search(prose, max(0, hedge_start - 12), hedge_start)
    if word == "and":
        if between is None:
            return None
        start = between.start()
    elif between is not None:
        if _AND_NEXT.match(prose, b.after_text_end or b.end):
            return None  # "between 3-5 and 8": the "and" belongs to "between"
        start = between.start()  # "between 3-5 days"
    else:
        w = _BEFORE.search(prose, max(0, hedge_start - 40), hedge_start)
        change = lexicon().change_words
        w1 = (w.group("w1") or "").lower() if w is not None else ""
        w2 = (w.group("w2") or "").lower() if w is not None else ""
        ranging = w2 == "from" and w1 in ("ranging", "range", "ranges", "ranged", "varying", "varies")
        dashed = g.group("dash") is not None and w2 != "from"  # "lost 4,000-5,000 BTC": a range
        if not ranging and not dashed and (w1 in change or w2 in change):
            return None  # "from $0.45 to $0.52", "grew 14.7 million to 24.8 million": a change, two figures
    return start


def shared_unit(prose: str, a: Atom, b: Atom) -> float | None:
    """Two figures that are not one range but share the unit written after the second: "(3.95 billion to 2.6
    billion XRP)", "from 40 to 55 days", "up from 12 to 18 percent", "from 24 to 34 million ETH". ``a`` is a
    bare number joined to ``b`` by "to" or a dash; the factor its value takes: 1, or ``b``'s scale when only
    ``b`` writes one and the two are of a size (24 and 34 million; not 500 and 2 million). None: no sharing."""
    if a.unit is not None or b.unit is None or a.kind != "count" or a.value is None or b.value is None:
        return None
    if a.per or a.word or b.kind == "date" or (a.scaled and not b.scaled):
        return None
    gap = prose[a.end : b.start]
    g = _GAP.match(gap) if len(gap) <= 8 and "\n" not in gap else None
    if g is None or g.group("word") in ("and", "through"):
        return None
    if a.scaled or not b.scaled:
        return 1.0
    base = _unscaled(b)
    return abs(b.value) / base if base and 0.1 <= abs(a.value) / base <= 10 else None


def merge(a: Atom, b: Atom) -> tuple[float, float, float, float] | None:
    """Values and half-widths of the range ends after sharing scale and unit; None when X > Y."""
    av, ah = a.value, a.half
    bv, bh = b.value, b.half
    assert av is not None and bv is not None
    if not a.scaled and b.scaled and a.unit is None or (not a.scaled and b.scaled and a.prefixed):
        factor = abs(bv) / max(1e-300, _unscaled(b))
        if factor > 1:
            av, ah = av * factor, ah * factor
    if av > bv:
        return None
    return av, ah, bv, bh


def _unscaled(b: Atom) -> float:
    return abs(b.base) if b.base else abs(b.value or 1.0)


def _multiple_word(a: Atom) -> bool:
    """ "doubled", "tripled", "halved": a multiple written as a verb or adjective, never a range end."""
    return a.kind == "multiple" and a.word and a.number_text.lower() in lexicon().multiple_words
