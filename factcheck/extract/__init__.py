"""Quantity extraction: every figure in a draft with its span, value, unit, bound, interval, kind,
subject and time window.

    from factcheck.document import parse
    from factcheck.extract import extract_quantities
    extract_quantities(parse("BitMine holds about 4.28 million ETH."))

Works on ``doc.prose`` (non-prose blanked), so offsets are file offsets. Modules: ``lexicon`` (the
vocabulary read from rules/*.toml), ``patterns`` (the compiled scanning patterns), ``scan`` (numbers with
their currency, scale, unit and rate), ``numbers`` (parsing and rounding), ``units`` (the unit after a
number), ``dates``, ``hedges`` (bounds and intervals), ``ranges``, ``context`` (subject and window).
"""

from __future__ import annotations

import math
from dataclasses import replace

from factcheck.document import Document
from factcheck.extract import context, hedges, ranges, wrap
from factcheck.extract.scan import Atom, lower, scan
from factcheck.model import Quantity

__all__ = ["extract_quantities", "extract_text"]


def extract_text(text: str, fmt: str = "text") -> list[Quantity]:
    """Convenience: extract from a string."""
    from factcheck.document import parse

    return extract_quantities(parse(text, "-", fmt))


def extract_quantities(doc: Document) -> list[Quantity]:
    prose = wrap.unwrap(doc)  # soft line breaks read as spaces; same length, so offsets are file offsets
    low = lower(prose)
    atoms = scan(prose, low)
    out: list[Quantity] = []
    hedge_of: list[hedges.Hedge | None] = [hedges.hedge_before(prose, a.start, a.kind) for a in atoms]
    i = 0
    n = len(atoms)
    while i < n:
        a = atoms[i]
        h = hedge_of[i]
        hstart = h.start if h else a.start
        if i + 1 < n:
            b = atoms[i + 1]
            rstart = ranges.range_start(prose, a, b, hstart)
            merged = ranges.merge(a, b) if rstart is not None else None
            if merged is not None:
                out.append(_range_quantity(prose, a, b, merged, rstart, h))
                i += 2
                continue
            factor = ranges.shared_unit(prose, a, b)
            if factor is not None:  # "(3.95 billion to 2.6 billion XRP)": the first figure is XRP too
                a = replace(a, unit=b.unit, kind=b.kind, value=a.value * factor, half=a.half * factor,
                            scaled=b.scaled)  # fmt: skip
        out.append(_quantity(prose, a, h))
        i += 1
    out = [q for q in out if _finite(q)]  # "5e308 0" and the like: not a figure anybody can check
    if "\xa0" in prose or "\u202f" in prose:  # names and phrases joined by no-break spaces: "Hon\xa0Hai"
        prose = prose.replace("\xa0", " ").replace("\u202f", " ")  # str.replace: far faster than translate
        low = low.replace("\xa0", " ").replace("\u202f", " ")
    _add_context(prose, out, low)
    return out


def _quantity(prose: str, a: Atom, h: hedges.Hedge | None) -> Quantity:
    start = h.start if h else a.start
    end = a.after_text_end or a.end
    if a.kind == "date":
        return Quantity(_surface(prose, a.start, a.end), a.start, a.end, None, None,
                        None, None, None, "exact", "date", number_text=a.number_text,
                        date_value=a.date_value)  # fmt: skip
    bound = h.bound if h else (a.after_bound or "exact")
    assert a.value is not None
    low, high = hedges.interval(a.value, a.half, bound, h.text if h else None)
    if h is None and a.after_bound:
        bound = a.after_bound
    return Quantity(
        text=_surface(prose, start, end),
        start=start,
        end=end,
        value=_clean(a.value),
        high=None,
        low_bound=_clean(low),
        high_bound=_clean(high),
        unit=a.unit,
        bound=hedges.public_bound(bound),  # type: ignore[arg-type]
        kind=a.kind,  # type: ignore[arg-type]
        number_text=a.number_text,
        hedge=h.text if h else None,
        sign=a.sign,
        per=a.per,
    )


def _range_quantity(prose, a: Atom, b: Atom, merged, start: int, h: hedges.Hedge | None) -> Quantity:
    av, ah, bv, bh = merged
    low, high = av - ah, bv + bh
    if low > high:  # a range written high end first ("-5 to -7"): its interval still has ordered ends
        low, high = bv - bh, av + ah
    if h is not None and h.bound == "approx":
        lo2, _ = hedges.interval(av, ah, "approx", h.text)
        _, hi2 = hedges.interval(bv, bh, "approx", h.text)
        low, high = lo2, hi2
    end = b.after_text_end or b.end
    unit = b.unit or a.unit
    kind = b.kind if b.unit else a.kind
    return Quantity(
        text=_surface(prose, start, end),
        start=start,
        end=end,
        value=_clean(av),
        high=_clean(bv),
        low_bound=_clean(low),
        high_bound=_clean(high),
        unit=unit,
        bound="range",
        kind=kind,  # type: ignore[arg-type]
        number_text=_surface(prose, a.start, b.end),
        hedge=h.text if h else None,
        sign=a.sign,
        per=b.per or a.per,
    )


def _add_context(prose: str, qs: list[Quantity], low: str | None = None) -> None:
    if not qs:
        return
    low = lower(prose) if low is None else low
    sents = context.Sentences(prose)
    index = context.DocIndex(prose, low, _regions([q for q in qs if q.kind != "date"], context.SUBJECT_REACH))
    blocked = [(q.start, q.end) for q in qs]
    time_units = {"hour", "day", "week", "month", "year"}
    figures = [i for i, q in enumerate(qs) if q.kind not in ("date", "duration")]
    nxt_fig = {}
    prev_fig = {}
    for j, i in enumerate(figures):
        nxt_fig[i] = qs[figures[j + 1]].start if j + 1 < len(figures) else len(prose)
        prev_fig[i] = qs[figures[j - 1]].end if j > 0 else 0
    for idx, q in enumerate(qs):
        if q.kind == "date":
            continue
        s0, s1 = sents.around(q.start)
        q.subject = context.subject(index, s0, q.start, blocked, q.unit, s1)
        if q.kind != "duration":
            q.window = context.window(index, s0, s1, q.start, q.end, nxt_fig[idx], prev_fig[idx])
        if q.window is None and q.per in time_units:
            q.window = f"per {q.per}"
    for a, b in zip(qs, qs[1:], strict=False):  # "from 61.2% to 58.9% over the quarter": one window
        if a.window is None and b.window is not None and a.kind == b.kind and a.kind != "date":
            if prose[a.end : b.start].split() == ["to"] and prose[max(0, a.start - 6) : a.start].split()[-1:] == [
                "from"
            ]:
                a.window = b.window


def _finite(q: Quantity) -> bool:
    """Every number of the figure is finite (an overflowing exponent or scale gives inf, and inf - inf NaN)."""
    return all(x is None or math.isfinite(x) for x in (q.value, q.high, q.low_bound, q.high_bound))


def _regions(qs: list[Quantity], reach: int) -> list[tuple[int, int]]:
    """The stretches before the figures where their subjects can be named, merged."""
    out: list[tuple[int, int]] = []
    for q in qs:
        lo = max(0, q.start - reach)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], q.start))
        else:
            out.append((lo, q.start))
    return out


def _surface(prose: str, start: int, end: int) -> str:
    """The figure as written; markup blanked inside it ("nearly <b>$5</b>") leaves one space, not a run."""
    text = prose[start:end]
    return " ".join(text.split()) if "  " in text or "\n" in text else text


def _clean(x: float | None) -> float | None:
    """Round away binary noise (4.28e6 * 1 -> 4280000.0, not 4280000.000000001)."""
    if x is None:
        return None
    r = float(f"{x:.12g}")
    return int(r) if r.is_integer() and abs(r) < 2**53 else r
