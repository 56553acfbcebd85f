"""Closed intervals of real numbers, for figures that are only known up to rounding, hedges and bounds.

An open side is ``-inf``/``inf`` (``None`` is accepted on construction). Every operation returns the
smallest interval that holds every result of the operation on members of its operands, so a computed
interval never excludes a value the stated figures allow. Division by an interval that contains zero
gives the whole line (or a half line when zero is an end point).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.model import Quantity

INF = math.inf


@dataclass(frozen=True, slots=True)
class Interval:
    lo: float
    hi: float

    def __init__(self, lo: float | None, hi: float | None) -> None:
        lo_f = -INF if lo is None else float(lo)
        hi_f = INF if hi is None else float(hi)
        if math.isnan(lo_f) or math.isnan(hi_f):
            raise ValueError("interval bound is NaN")
        if lo_f > hi_f:
            raise ValueError(f"empty interval [{lo_f}, {hi_f}]")
        object.__setattr__(self, "lo", lo_f)
        object.__setattr__(self, "hi", hi_f)

    # ------------------------------------------------------------ construction

    @classmethod
    def point(cls, x: float) -> Interval:
        return cls(x, x)

    @classmethod
    def open_above(cls, lo: float) -> Interval:
        return cls(lo, INF)

    @classmethod
    def open_below(cls, hi: float) -> Interval:
        return cls(-INF, hi)

    @classmethod
    def everything(cls) -> Interval:
        return cls(-INF, INF)

    # ------------------------------------------------------------ predicates

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.lo) and math.isfinite(self.hi)

    @property
    def mid(self) -> float:
        if self.bounded:
            return (self.lo + self.hi) / 2
        return self.lo if math.isfinite(self.lo) else self.hi

    def __contains__(self, x: float) -> bool:
        return self.lo <= x <= self.hi

    def contains_zero(self) -> bool:
        return self.lo <= 0 <= self.hi

    def meets(self, other: Interval, eps: float = 1e-9) -> bool:
        """True when the two intervals share a point (with a relative slack ``eps`` for float noise)."""
        slack = eps * max(1.0, _finite_abs(self.lo), _finite_abs(self.hi), _finite_abs(other.lo), _finite_abs(other.hi))
        return self.lo <= other.hi + slack and other.lo <= self.hi + slack

    def gap(self, other: Interval) -> float:
        """Distance between the intervals (0 when they meet)."""
        if self.meets(other, eps=0):
            return 0.0
        return other.lo - self.hi if self.hi < other.lo else self.lo - other.hi

    def sign(self) -> int:
        """+1 when every member is > 0, -1 when every member is < 0, else 0."""
        if self.lo > 0:
            return 1
        if self.hi < 0:
            return -1
        return 0

    # ------------------------------------------------------------ arithmetic

    def __add__(self, other: Interval | float) -> Interval:
        o = _as_interval(other)
        return Interval(_add(self.lo, o.lo, -INF), _add(self.hi, o.hi, INF))

    __radd__ = __add__

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __sub__(self, other: Interval | float) -> Interval:
        return self + (-_as_interval(other))

    def __rsub__(self, other: Interval | float) -> Interval:
        return _as_interval(other) - self

    def __mul__(self, other: Interval | float) -> Interval:
        o = _as_interval(other)
        products = [_mul(a, b) for a in (self.lo, self.hi) for b in (o.lo, o.hi)]
        return Interval(min(products), max(products))

    __rmul__ = __mul__

    def reciprocal(self) -> Interval:
        if self.lo > 0 or self.hi < 0:
            return Interval(_inv(self.hi), _inv(self.lo))
        if self.lo == 0 and self.hi > 0:
            return Interval(_inv(self.hi), INF)
        if self.hi == 0 and self.lo < 0:
            return Interval(-INF, _inv(self.lo))
        return Interval.everything()

    def __truediv__(self, other: Interval | float) -> Interval:
        return self * _as_interval(other).reciprocal()

    def __rtruediv__(self, other: Interval | float) -> Interval:
        return _as_interval(other) / self

    # ------------------------------------------------------------ finance helpers

    def widen(self, rel: float, absolute: float = 0.0) -> Interval:
        """Widen each finite side by ``rel`` of its own magnitude (and by ``absolute``)."""
        lo = self.lo - abs(self.lo) * rel - absolute if math.isfinite(self.lo) else self.lo
        hi = self.hi + abs(self.hi) * rel + absolute if math.isfinite(self.hi) else self.hi
        return Interval(lo, hi)

    def __abs__(self) -> Interval:
        if self.lo >= 0:
            return self
        if self.hi <= 0:
            return -self
        return Interval(0.0, max(-self.lo, self.hi))

    def hull(self, other: Interval) -> Interval:
        return Interval(min(self.lo, other.lo), max(self.hi, other.hi))

    def intersect(self, other: Interval) -> Interval | None:
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        return Interval(lo, hi) if lo <= hi else None

    def scale(self, k: float) -> Interval:
        return self * k

    def __repr__(self) -> str:
        return f"Interval({self.lo!r}, {self.hi!r})"


def percent_change(old: Interval, new: Interval) -> Interval:
    """(new - old) / old * 100, for positive ``old`` (a price or an amount)."""
    return (new / old - 1.0) * 100.0


def ratio(part: Interval, whole: Interval) -> Interval:
    return part / whole


def share(part: Interval, whole: Interval) -> Interval:
    """part / whole in percent."""
    return part / whole * 100.0


def from_quantity(q: Quantity) -> Interval:
    """The interval the extractor gave the figure (rounding + hedge + bound); signed by ``q.sign``."""
    lo = q.low_bound
    hi = q.high_bound
    if lo is None and hi is None:
        if q.value is None:
            return Interval.everything()
        v = q.value
        iv = Interval(v, q.high if q.high is not None else v)
    else:
        iv = Interval(lo, hi)
    if q.sign < 0 and iv.hi > 0 >= -iv.hi:  # bounds were given on the magnitude
        iv = -iv
    return iv


# ---------------------------------------------------------------- helpers


def _as_interval(x: Interval | float) -> Interval:
    return x if isinstance(x, Interval) else Interval(x, x)


def _finite_abs(x: float) -> float:
    return abs(x) if math.isfinite(x) else 0.0


def _add(a: float, b: float, on_conflict: float) -> float:
    s = a + b
    return on_conflict if math.isnan(s) else s


def _mul(a: float, b: float) -> float:
    if a == 0 or b == 0:
        return 0.0  # 0 * inf is 0 for the extent of a product of intervals
    return a * b


def _inv(x: float) -> float:
    if x == 0:
        return INF
    if math.isinf(x):
        return 0.0
    return 1.0 / x
