"""Date references in prose, resolved against the publication date.

``find_dates(text, as_of)`` finds the references ("on Thursday", "over the past 7 days", "in January",
"since Q3 2024", "Feb. 5, 2026") and gives each its candidate windows: day ranges ``[start, end]``
(inclusive), the most natural reading first. A window that ends at press time is returned twice: ending
on the publication day and ending the day before (the last complete daily candle). ``resolve(phrase,
as_of)`` is the short form for one phrase. The phrases are data: ``rules/dates.toml``.

A window means "the days whose candles the statement covers": a move over ``[start, end]`` runs from the
open of ``start`` (the close of the day before) to the close of ``end``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

import regex

from factcheck.resources import load_rules_file

ONE_DAY = timedelta(days=1)
_NON_DIGITS = re.compile(r"\D")


def fold(text: str) -> str:
    """``text`` lowercased the way re.IGNORECASE compares ASCII letters, same length and offsets: besides the
    case pairs, U+0130 and U+0131 match "i", U+017F matches "s" and U+212A (Kelvin) matches "k"."""
    if "\u0130" in text:
        text = text.replace("\u0130", "i")  # lower() would give two characters
    text = text.lower()  # U+212A -> "k"
    if "\u0131" in text:
        text = text.replace("\u0131", "i")
    if "\u017f" in text:
        text = text.replace("\u017f", "s")
    return text


@dataclass(frozen=True, slots=True)
class Window:
    start: date
    end: date
    reading: str  # how the phrase was read: "2026-01-29..2026-02-04 (7 days to the day before publication)"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return self.reading


@dataclass(slots=True)
class DateRef:
    start: int  # offsets in the scanned text
    end: int
    text: str
    kind: str  # the pattern kind in rules/dates.toml ("past_n", "weekday", "month", ...)
    windows: list[Window] = field(default_factory=list)  # empty: needs a publication date that is missing
    period: Window | None = None  # the named period itself ("Q3 2024" in "since Q3 2024")
    since: bool = False  # "since X": the windows run from X to press time
    unit: str | None = None  # "day", "week", "month", ... for "past 7 days", "per week"
    count: int | None = None  # 7 in "past 7 days"
    hint: str | None = None  # "close", "high", ... in "Friday's close"
    absolute: bool = False  # a calendar date or period with its year: needs no publication date
    since_at: int | None = None  # "since peaking above $126,000 in October": where "since" starts; the date is
    own_windows: list[Window] = field(default_factory=list)  # the event's own windows, for figures inside it


# ---------------------------------------------------------------- the lexicon and patterns


@dataclass(slots=True)
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    rate_adjectives: dict[str, str]
    quarter_words: dict[str, int]
    half_words: dict[str, int]
    patterns: list[tuple[str, re.Pattern | regex.Pattern, tuple[str, ...] | None]]  # kind, pattern, needs
    since_prefix: re.Pattern | regex.Pattern
    since_event: re.Pattern | regex.Pattern  # "since peaking above $126,000 in": the date of an event since
    span_gap: re.Pattern  # what joins two dates into one span ("Friday-Saturday", "Monday to Wednesday")
    span_between: re.Pattern  # "between" before the first date: then "and" joins them too
    span_between_joiners: frozenset[str]
    span_opens: tuple[str, ...]  # "from": a "from X" followed by a joiner is a span's start, not a since
    future_slack_days: int


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def _compile(text: str) -> re.Pattern | regex.Pattern:
    """Case-insensitive; the standard ``re`` engine (three times faster to compile) unless the pattern
    needs ``regex`` (a variable-width look-behind, a group name used twice)."""
    try:
        return re.compile(text, re.IGNORECASE)
    except re.error:
        return regex.compile(text, regex.IGNORECASE)


@cache
def _lexicon() -> _Lexicon:
    raw = load_rules_file("dates.toml")
    lex = raw["lexicon"]
    months = {name.lower(): i + 1 for i, names in enumerate(lex["months"]) for name in names}
    weekdays = {name.lower(): i for i, names in enumerate(lex["weekdays"]) for name in names}
    fills = dict(raw["placeholders"])
    fills["MONTH"] = r"\b" + _alternation([n for names in lex["months"] for n in names]) + r"\b"
    fills["WEEKDAY"] = r"\b" + _alternation([n for names in lex["weekdays"] for n in names]) + r"\b"
    fills["MONTHFULL"] = r"\b" + _alternation([names[0] for names in lex["months"]]) + r"\b"
    fills["WEEKDAYFULL"] = r"\b" + _alternation([names[0] for names in lex["weekdays"]]) + r"\b"
    patterns = []
    for p in raw["patterns"]:
        text = p["regex"]
        for key, value in sorted(fills.items(), key=lambda kv: -len(kv[0])):
            text = text.replace("{" + key + "}", value)
        needs = tuple(p["needs"]) if "needs" in p else None
        patterns.append((p["kind"], _compile(text), needs))
    return _Lexicon(
        months=months,
        weekdays=weekdays,
        numbers={k.lower(): int(v) for k, v in lex["number_words"].items()},
        units=dict(lex["units"]),
        rate_adjectives=dict(lex["rate_adjectives"]),
        quarter_words=dict(lex["quarter_words"]),
        half_words=dict(lex["half_words"]),
        patterns=patterns,
        since_prefix=_compile(raw["since"]["prefix"]),
        since_event=_compile(raw["since"]["event"]),
        span_gap=re.compile(
            r"\s*(?:" + "|".join(re.escape(w) for w in raw["span"]["joiners"]) + r")\s*", re.IGNORECASE
        ),
        span_between=re.compile(r"\b(?:" + "|".join(raw["span"]["between"]) + r")\s+$", re.IGNORECASE),
        span_between_joiners=frozenset(w.lower() for w in raw["span"]["between_joiners"]),
        span_opens=tuple(w.lower() for w in raw["span"]["opens"]),
        future_slack_days=int(raw.get("future_slack_days", 0)),
    )


# ---------------------------------------------------------------- calendar arithmetic


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, the day of month clipped to the target month's length."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_window(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def quarter_window(year: int, quarter: int) -> tuple[date, date]:
    first = 3 * (quarter - 1) + 1
    return date(year, first, 1), month_window(year, first + 2)[1]


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def last_weekday(as_of: date, weekday: int, strictly_before: bool = False) -> date:
    """The most recent ``weekday`` (Monday = 0) on or before ``as_of`` (strictly before if asked)."""
    back = (as_of.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return as_of - timedelta(days=back)


def _span_days(count: int, unit: str) -> int | None:
    if unit == "hour":
        return max(1, -(-count // 24))
    if unit == "day":
        return count
    if unit == "week":
        return 7 * count
    return None  # months, quarters, years: calendar arithmetic


def _rolling(as_of: date, count: int, unit: str) -> list[Window]:
    """``count`` units ending at press time: ending on the publication day, or on the day before."""
    out = []
    for end, label in ((as_of, "publication day"), (as_of - ONE_DAY, "day before publication")):
        days = _span_days(count, unit)
        if days is not None:
            start = end - timedelta(days=days - 1)
        else:
            months = {"month": 1, "quarter": 3, "year": 12}[unit] * count
            start = add_months(end, -months) + ONE_DAY
        plural = unit if count == 1 else unit + "s"
        out.append(Window(start, end, f"{start}..{end} ({count} {plural} to the {label})"))
    return out


def _to_press(start: date, as_of: date, what: str) -> list[Window]:
    """From ``start`` to press time: ending on the publication day, or on the day before."""
    out = [Window(start, as_of, f"{start}..{as_of} ({what} to the publication day)")]
    if as_of - ONE_DAY >= start:
        out.append(Window(start, as_of - ONE_DAY, f"{start}..{as_of - ONE_DAY} ({what} to the day before publication)"))
    return out


def _period(start: date, end: date, what: str, as_of: date | None) -> list[Window]:
    """A named period; clipped to press time when it contains the publication day."""
    if as_of is not None and start <= as_of < end:
        return _to_press(start, as_of, what + " so far")
    return [Window(start, end, f"{start}..{end} ({what})")]


def _day(day: date, what: str) -> Window:
    return Window(day, day, f"{day} ({what})")


# ---------------------------------------------------------------- resolving one match


def _number(text: str) -> int | None:
    text = text.lower()
    if text.isdigit():
        return int(text)
    return _lexicon().numbers.get(text)


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _recent_year(month: int, day: int, as_of: date) -> int:
    """The year that puts month/day on or before ``as_of`` (this year unless that is still ahead)."""
    return as_of.year if (month, day) <= (as_of.month, as_of.day) else as_of.year - 1


def _resolve(kind: str, g: dict[str, str | None], as_of: date | None, ref: DateRef) -> bool:
    """Fill ``ref``'s windows/period from one match; False when the match is not a date after all."""
    lex = _lexicon()
    unit = lex.units.get((g.get("unit") or "").lower()) if g.get("unit") else None
    if g.get("adj"):
        unit = lex.rate_adjectives.get(g["adj"].lower())
    ref.unit = unit
    ref.absolute = bool(g.get("year"))

    if kind in ("press", "today"):
        if as_of:
            ref.windows = [_day(as_of, "the publication day"), _day(as_of - ONE_DAY, "the day before publication")]
        return True
    if kind == "yesterday":
        if as_of:
            ref.windows = [_day(as_of - ONE_DAY, "the day before publication")]
        return True
    if kind == "ytd":
        if as_of:
            ref.windows = _to_press(date(as_of.year, 1, 1), as_of, "year to date")
            ref.period = Window(date(as_of.year, 1, 1), as_of, f"{as_of.year}")
        return True
    if kind in ("past_n", "past_one", "per"):
        count = _number(g["num"]) if g.get("num") else 1
        if count is None or unit is None or count == 0:
            return False
        ref.count = count
        if as_of:
            ref.windows = _rolling(as_of, count, unit)
        return True
    if kind == "ago":
        count = _number(g["num"] or "")
        if count is None or unit is None:
            return False
        ref.count = count
        if as_of:
            days = _span_days(count, unit)
            point = (
                as_of - timedelta(days=days)
                if days is not None
                else add_months(as_of, -{"month": 1, "quarter": 3, "year": 12}[unit] * count)
            )
            ref.windows = [_day(point, f"{count} {unit}(s) before publication")]
        return True
    if kind == "this_unit":
        if as_of and unit:
            start = {
                "week": week_start(as_of),
                "month": as_of.replace(day=1),
                "quarter": quarter_window(as_of.year, (as_of.month - 1) // 3 + 1)[0],
                "year": date(as_of.year, 1, 1),
            }[unit]
            ref.windows = _to_press(start, as_of, f"this {unit}")
        return True
    if kind == "last_unit":
        if as_of and unit:
            if unit == "week":
                start = week_start(as_of) - timedelta(days=7)
                end = start + timedelta(days=6)
            elif unit == "month":
                prev = add_months(as_of.replace(day=1), -1)
                start, end = month_window(prev.year, prev.month)
            elif unit == "quarter":
                q = (as_of.month - 1) // 3  # previous quarter index, 0 = Q4 of last year
                start, end = quarter_window(as_of.year, q) if q else quarter_window(as_of.year - 1, 4)
            else:
                start, end = date(as_of.year - 1, 1, 1), date(as_of.year - 1, 12, 31)
            ref.period = Window(start, end, f"{start}..{end} (last {unit})")
            ref.windows = [ref.period, *_rolling(as_of, 1, unit)]
        return True
    if kind == "weekend":
        if as_of:
            sunday = last_weekday(as_of, 6)
            saturday = sunday - ONE_DAY
            ref.period = Window(saturday, sunday, f"{saturday}..{sunday} (the weekend)")
            ref.windows = [ref.period] if sunday < as_of else _to_press(saturday, as_of, "the weekend")
        return True
    if kind in ("weekday", "weekday_session", "last_weekday"):
        ref.hint = (g.get("hint") or "").lower() or None
        weekday = lex.weekdays[g["weekday"].lower()]
        if as_of:
            if kind == "last_weekday":
                recent = last_weekday(as_of, weekday, strictly_before=True)
                previous_week = week_start(as_of) - timedelta(days=7) + timedelta(days=weekday)
                days = [recent] + ([previous_week] if previous_week != recent else [])
                ref.windows = [_day(d, f"last {g['weekday']}") for d in days]
            else:
                ref.windows = [_day(last_weekday(as_of, weekday), f"the {g['weekday']} on or before publication")]
            ref.period = ref.windows[0]
        return True
    if kind == "date":
        month = lex.months[g["month"].lower().rstrip(".")]
        day_text = _NON_DIGITS.sub("", g["day"])
        if g.get("year"):
            year = int(g["year"])
        elif as_of:
            year = _recent_year(month, int(day_text), as_of)
        else:
            return _valid_date(2000, month, int(day_text)) is not None  # leap-safe: is it a day at all
        day = _valid_date(year, month, int(day_text))
        if day is None:
            return False
        ref.period = _day(day, day.strftime("%B %-d, %Y"))
        ref.windows = [ref.period]
        if as_of and not g.get("year"):
            # a day just after the publication date is this year's (a time zone, a date set the night before)
            soon = _valid_date(as_of.year, month, int(day_text))
            slack = int(_lexicon().future_slack_days)
            if soon is not None and as_of < soon <= as_of + timedelta(days=slack):
                ref.period = _day(soon, soon.strftime("%B %-d, %Y") + ", just after publication")
                ref.windows = [ref.period, _day(day, day.strftime("%B %-d, %Y"))]
        return True
    if kind == "iso_date":
        day = _valid_date(int(g["year"]), int(g["mm"]), int(g["dd"]))
        if day is None:
            return False
        ref.period = _day(day, day.isoformat())
        ref.windows = [ref.period]
        return True
    if kind == "numeric_date":
        a, b, year = int(g["a"]), int(g["b"]), int(g["year"])
        days = []
        for month, dom, label in ((a, b, "month/day"), (b, a, "day/month")):
            d = _valid_date(year, month, dom)
            if d is not None and d not in [x.start for x in days]:
                days.append(_day(d, f"{d} (read as {label})"))
        if not days:
            return False
        ref.windows = days
        ref.period = days[0]
        return True
    if kind in ("month_year", "month"):
        month = lex.months[g["month"].lower().rstrip(".")]
        if g.get("year"):
            year = int(g["year"])
        elif as_of:
            year = _recent_year(month, 1, as_of)
        else:
            return True
        start, end = month_window(year, month)
        ref.period = Window(start, end, f"{start}..{end} ({start.strftime('%B %Y')})")
        ref.windows = _period(start, end, start.strftime("%B %Y"), as_of)
        return True
    if kind in ("quarter", "half"):
        if kind == "quarter":
            n = int(g["q"]) if g.get("q") else lex.quarter_words[g["qword"].lower()]
            months_per = 3
        else:
            n = int(g["h"]) if g.get("h") else lex.half_words[g["hword"].lower()]
            months_per = 6
        first_month = months_per * (n - 1) + 1
        if g.get("year"):
            year = int(g["year"])
        elif as_of:
            year = _recent_year(first_month, 1, as_of)
        else:
            return True
        start = date(year, first_month, 1)
        end = month_window(year, first_month + months_per - 1)[1]
        label = f"Q{n} {year}" if kind == "quarter" else f"H{n} {year}"
        ref.period = Window(start, end, f"{start}..{end} ({label})")
        ref.windows = _period(start, end, label, as_of)
        return True
    if kind == "year":
        year = int(g["year"])
        start, end = date(year, 1, 1), date(year, 12, 31)
        ref.period = Window(start, end, f"{start}..{end} ({year})")
        ref.windows = _period(start, end, str(year), as_of)
        return True
    return False


def _apply_since(ref: DateRef, edge: str | None, as_of: date | None) -> None:
    """Turn a period reference preceded by "since" into windows from that period to press time."""
    ref.since = True
    ref.absolute = False
    if ref.period is None or as_of is None:
        ref.windows = []
        return
    p = ref.period
    if edge in ("end", "close"):
        starts = [p.end + ONE_DAY]
    elif edge in ("beginning", "start"):
        starts = [p.start]
    elif p.days == 1:
        starts = [p.start, p.start + ONE_DAY]  # from the day's open, or from its close
    else:
        starts = [p.start]
    windows: list[Window] = []
    for s in starts:
        if s <= as_of:
            windows.extend(_to_press(s, as_of, f"since {p.reading.split(' (')[-1].rstrip(')')}"))
    ref.windows = windows


# ---------------------------------------------------------------- scanning


def find_dates(text: str, as_of: date | None, start: int = 0, end: int | None = None) -> list[DateRef]:
    """Date references in ``text[start:end]``, in order, non-overlapping (the longest match wins)."""
    lex = _lexicon()
    end = len(text) if end is None else end
    found: list[tuple[int, int, int, re.Match | regex.Match, str]] = []
    folded = None
    for order, (kind, pattern, needs) in enumerate(lex.patterns):
        if needs is not None:  # every match contains one of these: skip the scan when none is there
            if folded is None:
                folded = fold(text[start:end])
            if not any(n in folded for n in needs):
                continue
        for m in pattern.finditer(text, start, end):
            if m.end() == m.start():
                continue
            names = [n for n in ("month", "weekday") if m.groupdict().get(n)]
            if any(not m.group(n)[0].isupper() for n in names):
                continue  # "may", "march", "sun": ordinary words
            found.append((m.start(), -(m.end() - m.start()), order, m, kind))
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    refs: list[DateRef] = []
    taken_until = start
    for s, neg_len, _order, m, kind in found:
        e = s - neg_len
        if s < taken_until:
            continue
        ref = DateRef(s, e, text[s:e], kind)
        if not _resolve(kind, m.groupdict(), as_of, ref):
            continue
        if kind not in ("ytd", "press", "today", "yesterday", "past_n", "past_one", "per", "ago", "this_unit"):
            before = lex.since_prefix.search(text, max(start, s - 40), s)
            if before is not None:
                _apply_since(ref, before.group("edge") and before.group("edge").lower(), as_of)
                ref.start = before.start()
                ref.text = text[ref.start : e]
            elif (event := lex.since_event.search(text, max(start, s - 70), s)) is not None:
                # a figure before "since" counts from a day of it the text does not give (no window); a figure
                # inside the phrase ("a low of $1,417 on April 9") is dated by it (claim_date)
                ref.own_windows, ref.windows = ref.windows, []
                ref.since, ref.absolute, ref.since_at = True, False, event.start()
        refs.append(ref)
        taken_until = e
    return _spans(text, refs, lex)


def _spans(text: str, refs: list[DateRef], lex: _Lexicon) -> list[DateRef]:
    """Two dates joined into one stretch ("between Friday-Saturday", "from Monday to Wednesday", "between March 3
    and March 5") are one reference: its period runs from the first's start to the second's end."""
    out: list[DateRef] = []
    for ref in refs:
        a = out[-1] if out else None
        if (
            a is not None
            and a.period is not None
            and ref.period is not None
            and (not a.since or a.text.lower().startswith(lex.span_opens))  # "from Monday to Wednesday"
            and not ref.since
            and a.period.start <= ref.period.end
            and a.kind not in ("per", "past_n", "past_one", "ago")
            and ref.kind not in ("per", "past_n", "past_one", "ago")
        ):
            gap = text[a.end : ref.start]
            joined = lex.span_gap.fullmatch(gap) is not None
            if not joined and gap.strip().lower() in lex.span_between_joiners:
                joined = lex.span_between.search(text, max(0, a.start - 12), a.start) is not None
            if joined:
                first, last = a.period.start, ref.period.end
                reading = f"{first}..{last} ({a.text.strip()} to {ref.text.strip()})"
                period = Window(first, last, reading)
                out[-1] = DateRef(
                    a.start, ref.end, text[a.start : ref.end], "span", [Window(first, last, reading)], period,
                    absolute=a.absolute and ref.absolute,
                )  # fmt: skip
                continue
        out.append(ref)
    return out


def resolve(phrase: str, as_of: date | None) -> list[Window]:
    """Candidate windows for one phrase ("over the past 7 days", "in January"); [] when not a date."""
    refs = find_dates(phrase, as_of)
    return refs[0].windows if refs else []


def press_windows(as_of: date) -> list[Window]:
    """Press time: the publication day, or the day before (the last complete daily candle)."""
    return [_day(as_of, "the publication day"), _day(as_of - ONE_DAY, "the day before publication")]
