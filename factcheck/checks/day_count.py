"""day-count: day counts against dates, and weekday names against the dates they are written with.

- "122 days away from its October 6 peak", "N days since/after DATE": the days from the date to the
  document date (``as_of``), with the document date or the day before it as the end (press time or the
  previous close), counted with and without the end day. Without a document date: not checked;
- "Tuesday, February 3" / "February 3 (Tuesday)": the weekday of the date, in the year written or, when
  none is written, the year that puts the date nearest to the document date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import regex

from factcheck.checks import CheckContext
from factcheck.checks.figures import make_finding
from factcheck.model import Finding, Quantity
from factcheck.rulebook import Rule

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_MON = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_DATE = regex.compile(
    rf"\b{_WD},?\s+(?:the\s+)?{_MON}\s+{_DAY}{_YEAR}(?![\d:])|\b{_MON}\s+{_DAY}{_YEAR}\s*\(\s*{_WD}\s*\)"
    rf"|\b{_WD},?\s+{_DAY}\s+{_MON}{_YEAR}(?![\d:])",
)
_DAYS_SINCE = regex.compile(
    r"(?P<n>\d{1,4})\s+days?\s+(?:away\s+from|since|after|from|removed\s+from|off|ago,?\s+(?:on|with|at|in)?)\s*"
    r"(?P<rest>[^.;]{0,80})",
    regex.I,
)
_DATE_IN = regex.compile(rf"{_MON}\s+{_DAY}{_YEAR}(?![\d:])")


def _month(name: str) -> int | None:
    name = name.lower().rstrip(".")
    for full, i in MONTHS.items():
        if full.startswith(name[:3]):
            return i
    return None


def _resolve(month: int, day: int, year: str | None, as_of: date | None) -> date | None:
    try:
        if year:
            return date(int(year), month, day)
        if as_of is None:
            return None
        best = None
        for y in (as_of.year - 1, as_of.year, as_of.year + 1):
            try:
                d = date(y, month, day)
            except ValueError:
                continue
            if best is None or abs((d - as_of).days) < abs((best - as_of).days):
                best = d
        return best
    except ValueError:
        return None


def _span_quantity(text: str, start: int, end: int) -> Quantity:
    return Quantity(text, start, end, None, None, None, None, None, "exact", "date")


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    opts = ctx.options.get(rule.id, rule.options)
    prose = ctx.doc.prose
    yield from _weekdays(ctx, rule, prose)
    if ctx.as_of is not None:
        yield from _day_counts(ctx, rule, opts, prose)


def _weekdays(ctx: CheckContext, rule: Rule, prose: str) -> Iterator[Finding]:
    for m in _WEEKDAY_DATE.finditer(prose):
        month = _month(m.group("mon"))
        if month is None:
            continue
        d = _resolve(month, int(m.group("day")), m.group("year"), ctx.as_of)
        if d is None:
            continue
        wd = m.group("wd")
        actual = WEEKDAYS[d.weekday()]
        if actual.lower() == wd.lower():
            continue
        q = _span_quantity(m.group(0), m.start(), m.end())
        yield make_finding(
            rule,
            q,
            f"{d.strftime('%B')} {d.day}, {d.year} is a {actual}, not a {wd}",
            severity="error" if m.group("year") else None,
            expected=actual,
            work=[f"{d.isoformat()} -> {actual}"],
            readings=[f"year {d.year}" + (" (written)" if m.group("year") else " (nearest to the document date)")],
        )


def _day_counts(ctx: CheckContext, rule: Rule, opts: dict, prose: str) -> Iterator[Finding]:
    assert ctx.as_of is not None
    slack = int(opts.get("slack_days", 1))
    for m in _DAYS_SINCE.finditer(prose):
        dm = _DATE_IN.search(m.group("rest"))
        if not dm:
            continue
        month = _month(dm.group("mon"))
        if month is None:
            continue
        d = _resolve(month, int(dm.group("day")), dm.group("year"), ctx.as_of)
        if d is None or d > ctx.as_of:
            if d is not None and dm.group("year") is None:
                d = d.replace(year=d.year - 1)
            else:
                continue
        n = int(m.group("n"))
        ends = [ctx.as_of, ctx.as_of - timedelta(days=1)]
        counts = sorted({(e - d).days + k for e in ends for k in (0, 1)})
        nearest = min(counts, key=lambda c: abs(c - n))
        if abs(nearest - n) <= slack:
            continue
        span = prose[m.start() : m.start("rest")].rstrip()
        q = _span_quantity(span, m.start(), m.start() + len(span))
        days = (ctx.as_of - d).days
        yield make_finding(
            rule,
            q,
            f"{d.strftime('%B')} {d.day}, {d.year} was {days} days before {ctx.as_of.isoformat()}, not {n}",
            severity="error" if abs(nearest - n) > max(7, n * 0.1) else None,
            expected=f"{days} days",
            work=[f"{ctx.as_of.isoformat()} - {d.isoformat()} = {days} days"],
            readings=[
                f"counted to {e.isoformat()}, {'with' if k else 'without'} the end day" for e in ends for k in (0, 1)
            ],
        )
