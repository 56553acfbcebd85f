"""Dates, years, quarters and times of day: recognised so they are never read as amounts (kind "date")."""

from __future__ import annotations

from datetime import date

import regex

_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_DAY_YEAR = regex.compile(r"(?P<mon>[A-Z][a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?")
_DAY_MONTH_YEAR = regex.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>[A-Z][a-z]+)\.?(?:,?\s+(?P<year>\d{4}))?"
)
_ISO = regex.compile(r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})")
_SLASH = regex.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<year>\d{2,4}))?")
_YEAR = regex.compile(r"(1[89]\d\d|2[01]\d\d)$")


def month_number(name: str) -> int | None:
    return _MONTH_NUMBERS.get(name[:3].lower())


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def is_valid_slash_date(text: str) -> bool:
    """ "10/06" is a date; "24/7" and "20/20" are not (no month fits)."""
    m = _SLASH.fullmatch(text)
    if not m:
        return True
    a, b = int(m.group("a")), int(m.group("b"))
    return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)


def date_value(text: str) -> date | None:
    """The calendar day a date names, when it names a full one (year included)."""
    t = " ".join(text.split())
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        m = pattern.fullmatch(t)
        if m:
            mon = month_number(m.group("mon"))
            if mon and m.group("year"):
                return _safe_date(int(m.group("year")), mon, int(m.group("day")))
            return None
    m = _ISO.fullmatch(t)
    if m:
        return _safe_date(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
    m = _SLASH.fullmatch(t)
    if m and m.group("year"):
        y = int(m.group("year"))
        y = y + 2000 if y < 100 else y
        a, b = int(m.group("a")), int(m.group("b"))
        return _safe_date(y, a, b) or _safe_date(y, b, a)  # US order first
    return None


def looks_like_year(number_text: str) -> bool:
    return bool(_YEAR.match(number_text))
