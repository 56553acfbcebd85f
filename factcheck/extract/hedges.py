"""Bounds and intervals: what the stated rounding and the hedge word allow.

"4.28 million" -> exact, [4.275M, 4.285M]; "about $408 million" -> approx, rounding widened by the
tolerance from rules/hedges.toml; "over 45%" -> lower, (45, None); "under $70k" -> upper, (None, 70,000);
"nearly 19,000" -> upper, [19,000 x (1 - near tolerance), 19,000].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.lexicon import lexicon
from factcheck.extract.patterns import trie


@dataclass(slots=True)
class Hedge:
    start: int  # where the hedge word starts
    text: str  # as written, "about"
    bound: str  # approx | lower | upper | near


@cache
def _reversed_hedges() -> re.Pattern:
    """The hedge lexicon spelled backwards, matched at the start of the reversed text before a figure:
    one anchored match instead of a search."""
    words = sorted(w[::-1] for w in lexicon().hedges_before)
    return re.compile(f"[ \\t\\xa0\\u202f]*(?P<h>{trie(words)})(?![^\\W\\d_])", re.I)


def hedge_before(prose: str, start: int, kind: str) -> Hedge | None:
    window = prose[max(0, start - 32) : start][::-1]
    m = _reversed_hedges().match(window)
    if m is None:
        return None
    hstart = start - m.end("h")
    text = prose[hstart : start - m.start("h")]
    key = " ".join(text.lower().split())
    lex = lexicon()
    if kind in ("duration", "date") and key in lex.duration_not_hedges:
        return None  # "over 24 hours" is a window, not "more than 24 hours"
    return Hedge(hstart, text, lex.hedges_before[key])


def rounding_interval(value: float, half: float) -> tuple[float, float]:
    return value - half, value + half


def interval(value: float, half: float, bound: str, hedge_text: str | None) -> tuple[float | None, float | None]:
    """The interval the statement allows; ``None`` is an open side."""
    lex = lexicon()
    lo, hi = rounding_interval(value, half)
    if bound == "lower":
        return value, None
    if bound == "upper":
        return None, value
    if bound == "near":
        tol = lex.tolerance.get("upper_near", 0.1)
        return value - abs(value) * tol, value
    if bound == "approx":
        key = " ".join((hedge_text or "").lower().split())
        tol = lex.tolerance.get(key, lex.tolerance.get("approx", 0.05))
        return lo - abs(value) * tol, hi + abs(value) * tol
    return lo, hi


def public_bound(bound: str) -> str:
    """The contract's bound names: "near" ("nearly", "almost") is reported as upper."""
    return "upper" if bound == "near" else bound
