"""Shared helpers of the arithmetic and contradiction checks: a figure's stated interval, the tolerance a
comparison allows, claim look-ups by sentence, and building findings.

Tolerance policy (one place, so every rule reads the same way):
- every figure used as an input is its rounding interval (or its bound: "over 45%" is (45%, inf));
  a hedge on an input ("about 4.28 million") says it is rounded, which the rounding interval covers;
- the figure under test is the hull of its rounding interval and value +/- ``tolerance`` x value, where
  ``tolerance`` is the rule's ``approx_tolerance`` when any figure involved is hedged, else its
  ``exact_tolerance``. A finding only when the recomputed interval does not meet that.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from factcheck.intervals import INF, Interval, from_quantity
from factcheck.model import Claim, Finding, Quantity, Related

if TYPE_CHECKING:
    from factcheck.checks import CheckContext
    from factcheck.rulebook import Rule

_DIGITS = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")


def rounding_half(q: Quantity) -> float:
    """Half the unit of the last written digit, in the figure's scale ("4.28 million" -> 5,000)."""
    if q.value is None:
        return 0.0
    text = q.number_text or q.text
    m = _DIGITS.search(text)
    if not m:  # number words: "three" -> 0.5, "a third" -> 0
        lo, hi = q.low_bound, q.high_bound
        if lo is not None and hi is not None and q.bound == "exact":
            return (hi - lo) / 2
        return 0.5 if float(q.value).is_integer() else 0.0
    int_part, dec = m.group(1).replace(",", ""), m.group(2) or ""
    try:
        mantissa = float(int_part + ("." + dec if dec else ""))
    except ValueError:
        return 0.0
    scale = abs(q.value) / mantissa if mantissa else 1.0
    if dec:
        half = 0.5 * 10.0 ** -len(dec)
    else:
        digits = int_part.lstrip("0") or "0"
        trailing = len(digits) - len(digits.rstrip("0"))
        exponent = min(trailing, max(0, len(digits) - 2))  # keep two significant digits
        half = 0.5 * 10.0**exponent
    return half * scale


def stated(q: Quantity) -> Interval:
    """The figure as an input: rounding interval, or its bound; signed."""
    if q.value is None:
        return from_quantity(q)
    v = abs(q.value)
    h = rounding_half(q)
    if q.bound == "range" and q.high is not None:
        iv = Interval(min(v, abs(q.high)), max(v, abs(q.high)))
    elif q.bound == "lower":
        iv = Interval(max(0.0, v - h), INF)
    elif q.bound == "upper":
        lo = q.low_bound if q.low_bound is not None and q.low_bound <= v else 0.0
        iv = Interval(min(lo, v), v + h)
    else:
        iv = Interval(v - h, v + h)
    if q.sign < 0 or (q.value is not None and q.value < 0):
        iv = -iv
    return iv


def hedged(q: Quantity) -> bool:
    return q.bound == "approx" or bool(q.hedge)


def tolerance(options: dict[str, Any], *qs: Quantity) -> float:
    if any(hedged(q) for q in qs):
        return float(options.get("approx_tolerance", 0.05))
    return float(options.get("exact_tolerance", 0.005))


def tested(q: Quantity, tol: float) -> Interval:
    """The figure under test: its stated interval, widened by ``tol`` of its value."""
    iv = stated(q)
    if q.value is None:
        return iv
    v = abs(q.value) * (-1 if iv.hi < 0 else 1)
    band = Interval(v - abs(v) * tol, v + abs(v) * tol)
    if q.bound == "lower":
        return Interval(band.lo if iv.lo >= 0 else iv.lo, INF) if iv.hi == INF else iv.hull(band)
    if q.bound == "upper":
        return Interval(iv.lo, max(iv.hi, band.hi))
    return iv.hull(band)


@cache
def _level_before() -> re.Pattern[str]:
    from factcheck.resources import load_rules_file

    words = load_rules_file("claims.toml")["percent"]["level_before"]
    alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\s*$", re.I)


def is_level_percent(prose: str, q: Quantity) -> bool:
    """A percent written as the level something moved to or stands at ("to just 69%"), not as a change."""
    return q.kind == "percent" and bool(_level_before().search(prose[max(0, q.start - 20) : q.start]))


def multiple_interval(q: Quantity, opts: dict[str, Any]) -> Interval:
    """A multiple as a claim: "doubled" is 2x give or take ``multiple_tolerance`` (a word is not a rounded
    number); "2.5x" keeps its rounding (widened when hedged); "more than twice" is open above."""
    tol = float(opts.get("multiple_tolerance", 0.1))
    if re.search(r"\d", q.number_text or q.text):
        iv = stated(q)
        return iv.widen(tol) if q.bound == "approx" else iv
    v = abs(q.value or 0.0)
    if q.bound == "lower":
        return Interval(v * (1 - tol), INF)
    if q.bound == "upper":
        return Interval(0.0, v * (1 + tol))
    return Interval(v, v).widen(tol)


# ---------------------------------------------------------------- claims


class ClaimIndex:
    """The document's claims by sentence, for look-ups of neighbours."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.by_q: dict[int, Claim] = {id(c.quantity): c for c in claims}
        self.sentences: list[tuple[int, int]] = sorted({(c.sentence_start, c.sentence_end) for c in claims})
        self._starts = [s for s, _ in self.sentences]
        self.in_sentence: dict[int, list[Claim]] = {}
        for c in claims:
            self.in_sentence.setdefault(c.sentence_start, []).append(c)

    def sentence_index(self, claim: Claim) -> int:
        return bisect_left(self._starts, claim.sentence_start)

    def near(self, claim: Claim, before: int, after: int = 0) -> list[Claim]:
        """Claims in the sentences from ``before`` sentences before this one to ``after`` after it."""
        i = self.sentence_index(claim)
        out: list[Claim] = []
        for j in range(max(0, i - before), min(len(self.sentences), i + after + 1)):
            out.extend(self.in_sentence.get(self.sentences[j][0], []))
        return out

    def within(self, claim: Claim, chars: int) -> list[Claim]:
        """Claims whose figure starts within ``chars`` characters of this one's (claims are in text order)."""
        if not hasattr(self, "_qstarts"):
            self._qstarts = [c.quantity.start for c in self.claims]
        x = claim.quantity.start
        i = bisect_left(self._qstarts, x - chars)
        j = bisect_left(self._qstarts, x + chars + 1)
        return self.claims[i:j]


_LAST: list[ClaimIndex] = []


def index(ctx: CheckContext) -> ClaimIndex:
    """The claim index of this context (built once for all the rules of a run)."""
    if _LAST and _LAST[0].claims is ctx.claims:
        return _LAST[0]
    _LAST[:] = [ClaimIndex(ctx.claims)]
    return _LAST[0]


def is_money(q: Quantity) -> bool:
    from factcheck.claims import canonical_asset

    return q.kind == "amount" and q.unit is not None and canonical_asset(q.unit) is None and q.unit not in ("%",)


def is_asset_amount(q: Quantity) -> bool:
    from factcheck.claims import canonical_asset

    return q.kind == "amount" and q.unit is not None and canonical_asset(q.unit) is not None


# ---------------------------------------------------------------- findings


def related(qs: Iterable[Quantity]) -> list[Related]:
    seen: set[tuple[int, int]] = set()
    out: list[Related] = []
    for q in qs:
        if (q.start, q.end) in seen:
            continue
        seen.add((q.start, q.end))
        out.append(Related(q.start, q.end, q.text))
    return out


def describe(q: Quantity) -> str:
    """``$62 billion (approx)`` for the ``stated`` field."""
    bound = {"approx": " (approx)", "lower": " (lower bound)", "upper": " (upper bound)", "range": " (range)"}
    return q.text.strip() + bound.get(q.bound, "")


def make_finding(
    rule: Rule,
    q: Quantity,
    message: str,
    *,
    severity: str | None = None,
    expected: str | None = None,
    others: Iterable[Quantity] = (),
    work: list[str] | None = None,
    readings: list[str] | None = None,
) -> Finding:
    return Finding(
        rule=rule.id,
        category=rule.category,  # type: ignore[arg-type]
        severity=severity,  # type: ignore[arg-type]  # None: the engine applies the rule default
        message=message,
        start=q.start,
        end=q.end,
        text=q.text,
        stated=describe(q),
        expected=expected,
        related=related(others),
        work=work or [],
        readings=readings or [],
    )


def off_by_factor(computed: Interval, stated_iv: Interval) -> float:
    """How many times apart two positive intervals are at their closest (1.0 when they meet)."""
    if computed.meets(stated_iv):
        return 1.0
    a, b = (computed, stated_iv) if computed.hi < stated_iv.lo else (stated_iv, computed)
    if a.hi <= 0 or b.lo <= 0:
        return math.inf
    return b.lo / a.hi


def tol_note(tol: float) -> str:
    return f"tolerance {tol * 100:g}% of the stated figure on top of its rounding"


def severity_for(
    computed: Interval,
    claimed: Interval,
    opts: dict[str, Any],
    q: Quantity | None = None,
    *,
    sign_flipped: bool = False,
) -> str | None:
    """``"error"`` for a reversed sign, a broken bound ("over", "under") or a figure off by more than
    ``error_factor`` (default 1.15) beyond its tolerance; ``None`` (the rule's default) otherwise."""
    if sign_flipped:
        return "error"
    if q is not None and q.bound in ("lower", "upper"):
        return "error"
    factor = off_by_factor(abs(computed), abs(claimed))
    if factor >= float(opts.get("error_factor", 1.15)):
        return "error"
    return None


def written(q: Quantity) -> Interval:
    """The figure exactly as written, without rounding: a point, or the two ends of a range."""
    if q.value is None:
        return from_quantity(q)
    v = abs(q.value)
    iv = (
        Interval(min(v, abs(q.high)), max(v, abs(q.high)))
        if q.bound == "range" and q.high is not None
        else Interval(v, v)
    )
    return -iv if q.sign < 0 or q.value < 0 else iv
