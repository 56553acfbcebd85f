"""Numbers for people: money with scale words, percents, counts with tickers, and intervals of them."""

from __future__ import annotations

import math
from functools import cache

from factcheck.intervals import Interval

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def _trim(x: float, digits: int) -> str:
    s = f"{x:,.{digits}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def sig(x: float, digits: int = 3) -> str:
    """``x`` with about ``digits`` significant figures, thousands separated: 49912.3 -> "49,900"."""
    if x == 0 or not math.isfinite(x):
        return "0" if x == 0 else ("∞" if x > 0 else "-∞")
    mag = math.floor(math.log10(abs(x)))
    if mag >= digits - 1:
        r = round(x, -(mag - digits + 1))
        return f"{r:,.0f}"
    return _trim(x, digits - 1 - mag)


def number(x: float, digits: int = 3) -> str:
    """A plain figure with a scale word above a million: 4280000 -> "4.28 million"."""
    for size, word in _SCALES:
        if abs(x) >= size:
            return f"{sig(x / size, digits)} {word}"
    return sig(x, max(digits, _int_digits(x)))


def _int_digits(x: float) -> int:
    return len(str(int(abs(x)))) if abs(x) >= 1 else 1


def money(x: float, currency: str | None = "USD", digits: int = 3) -> str:
    """$49.9 billion, $2,088, $0.023, €3.1 million, VND 10 trillion."""
    sign = "-" if x < 0 else ""
    body = number(abs(x), digits)
    cur = currency or "USD"
    sym = _SYMBOLS.get(cur)
    if sym:
        return f"{sign}{sym}{body}"
    return f"{sign}{cur} {body}"


def percent(x: float, digits: int = 3) -> str:
    """+970%, -32.3%, 65%: no sign for a share (``signed=False`` callers strip it)."""
    if not math.isfinite(x):
        return "∞%" if x > 0 else "-∞%"
    if abs(x) >= 100:
        s = f"{x:,.0f}"
    else:
        s = sig(x, digits)
    return f"{s}%"


def signed_percent(x: float, digits: int = 3) -> str:
    return ("+" if x > 0 else "") + percent(x, digits)


def amount(x: float, unit: str | None, digits: int = 3) -> str:
    """A figure in its unit: money for currencies, ``4.28 million ETH`` for assets, ``65%``."""
    if unit == "%":
        return percent(x, digits)
    if unit == "times":
        return f"{sig(x, digits)}x"
    if unit == "pp":
        return f"{sig(x, digits)} percentage points"
    if unit and len(unit) == 3 and unit.isupper() and unit in _currencies():
        return money(x, unit, digits)
    if unit:
        return f"{number(x, digits)} {unit}"
    return number(x, digits)


@cache
def _currencies() -> frozenset[str]:
    """The fiat currencies of the registry (rules/units.toml), formatted as money."""
    from factcheck.resources import load_rules_file

    return frozenset(load_rules_file("units.toml")["currency"]["codes"])


def interval(iv: Interval, unit: str | None, digits: int = 3) -> str:
    """An interval for a message: one figure when narrow, "X to Y" otherwise, "over X" when open."""
    if math.isinf(iv.hi) and math.isfinite(iv.lo):
        return f"over {amount(iv.lo, unit, digits)}"
    if math.isinf(iv.lo) and math.isfinite(iv.hi):
        return f"under {amount(iv.hi, unit, digits)}"
    if not iv.bounded:
        return "any value"
    a, b = amount(iv.lo, unit, digits), amount(iv.hi, unit, digits)
    if a == b:
        return a
    return f"{a} to {b}"


def change_interval(iv: Interval, digits: int = 3) -> str:
    if iv.bounded:
        a, b = signed_percent(iv.lo, digits), signed_percent(iv.hi, digits)
        return a if a == b else f"{a} to {b}"
    return interval(iv, "%", digits)
