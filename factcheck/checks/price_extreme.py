"""price-extreme: all-time highs, distance from a peak, and "for the first time since".

PASS: "Ether is trading more than 50% off its August 2025 all-time high price of $4,946." (as of 2026-02-05:
ETH/USDT's highest high is 4,956.78 on 2025-08-24; the price at press time is 53.7% to 63.3% below it).
FAIL: "BTC dipped below $70,000 for the first time since Q3 2024." (as of 2026-02-05: BTC/USDT traded below
$70,000 on 2024-11-04, low 66,835, which is after Q3 2024).

Four readings of records, each against the daily highs and lows of the whole history up to the date:
- an all-time high figure ("its all-time high of $4,946", "its peak above $126,000") against the highest
  high, and the month or year the text gives it against the day it happened;
- a drawdown ("down 63% from its all-time high", "lost over 42% since its peak") against press-time prices
  (the publication day's range and the day before's) over that high; for a plain "peak" (maybe a local
  one) only a drawdown deeper than the one from the all-time high is flagged;
- days since the peak ("122 days away from its all-time peak") against the calendar, give or take a day;
- "dipped below $X for the first time since P": no day between the end of P and the current dip may have
  traded below X (by more than `tolerance`);
- "its lowest close since P": no later close below it (lows for "lowest level"), up to the day it names.
All-time figures are only read for assets whose shipped history reaches back past their records
(`complete_history`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from factcheck.checks import market_common as mc
from factcheck.checks.price_level import PRICE_UNITS, _mode, crosses_level, level_text
from factcheck.dates import DateRef, find_dates, resolve
from factcheck.intervals import Interval
from factcheck.model import Claim, Finding
from factcheck.sentences import sentences

if TYPE_CHECKING:
    from factcheck.checks import CheckContext
    from factcheck.rulebook import Rule

ONE_DAY = timedelta(days=1)
ALL_TIME = re.compile(r"all[- ]time|record|\bATH\b", re.I)
PEAK_AT_END = re.compile(r"\bpeak\s*$")


_PEAKS: dict[tuple[int, str, date, str], tuple[object, mc.Band | None, date | None]] = {}


def _peak_to(ctx: CheckContext, asset: str, end: date, by: str = "high") -> tuple[mc.Band | None, date | None]:
    """The day with the highest ``by`` ("high"; "close" for a record on a closing basis) of ``asset`` from the
    start of its history to ``end`` (cached), and the first day of that history."""
    market = ctx.market
    key = (id(market), asset, end, by)
    hit = _PEAKS.get(key)
    if hit is not None and hit[0] is market:
        return hit[1], hit[2]
    span = mc.candle_span(market, asset) if market else None
    best, first = None, None
    if span is not None and span[0] <= end:
        c = market.peak(asset, span[0], min(end, span[1]), by=by)
        if c is not None:
            best = mc.Band(c.day, c.low, c.high, c.open, c.close, c.quote, c.source)
            first = span[0]  # the history's first day (a day with a candle)
    _PEAKS[key] = (market, best, first)
    return best, first


def _record(ctx: CheckContext, asset: str, end: date, tol: float) -> tuple[mc.Band | None, Interval, list[str]]:
    """The all-time high up to ``end``: its day (the highest high), the values a writer may quote for it (from
    the highest close, the record on a closing basis, to the highest intraday high, widened by ``tol``) and
    the data rows behind them."""
    peak, _ = _peak_to(ctx, asset, end)
    if peak is None:
        return None, Interval.point(0), []
    closing, _ = _peak_to(ctx, asset, end, by="close")
    low = min(closing.close, peak.high) if closing is not None else peak.high
    rows = [f"highest high of {asset}/{peak.quote} up to {end}: {mc.describe(peak)}"]
    if closing is not None and closing.day != peak.day:
        rows.append(f"highest close up to {end}: {mc.price(closing.close)} on {closing.day}")
    return peak, Interval(low, peak.high).widen(tol), rows


def _period_ref(ctx: CheckContext, claim: Claim) -> DateRef | None:
    """A month/year/quarter named for the record ("its August 2025 all-time high")."""
    q = claim.quantity
    for r in mc.sentence_dates(ctx, claim.sentence_start, claim.sentence_end):
        if (
            r.period is not None
            and not r.since
            and r.end <= q.start
            and q.start - r.end <= 60
            and r.kind in ("month_year", "month", "year", "quarter", "half", "date")
        ):
            return r
    own = mc.claim_date(ctx, claim)  # "a new all-time high of $4,890 on August 22": the record as of that day
    if own is not None and own.period is not None and own.kind in ("month_year", "month", "year", "quarter", "date"):
        return own
    return None


def _press_rows(ctx: CheckContext, asset: str) -> list[mc.Band]:
    assert ctx.as_of is not None and ctx.market is not None
    return mc.bands(ctx.market, asset, ctx.as_of - ONE_DAY, ctx.as_of)


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    if ctx.market is None or ctx.as_of is None:
        return
    opts = mc.options(ctx, rule)
    complete = {a.upper() for a in opts.get("complete_history", ["BTC", "ETH", "SOL"])}
    tol = float(opts.get("tolerance", 0.01))
    if ctx.as_of is not None:
        tol = mc.era_tolerance(opts, ctx.as_of, tol)  # an article of 2018 quotes the venues of 2017-2018
    pp_tol = float(opts.get("pp_tolerance", 1.5))
    day_tol = int(opts.get("day_tolerance", 1))
    implausible = float(opts.get("implausible_factor", 5.0))
    c = mc.cues()
    for claim in ctx.claims:
        if not claim.assertive and not crosses_level(ctx, claim):
            continue
        q = claim.quantity
        asset = mc.asset_of(ctx, claim)
        if asset is None and q.unit == "%" and q.value is not None:
            asset = _described_asset(ctx, claim)
        if asset is None or q.value is None or q.kind == "date":
            continue
        span = mc.candle_span(ctx.market, asset)
        if span is None or span[1] < ctx.as_of - ONE_DAY:
            continue  # the history stops before press time: a newer record may have been set since
        before = mc.text_before(ctx, claim, 60)
        after = mc.text_after(ctx, claim, 80)
        if q.unit in PRICE_UNITS and q.kind == "amount":
            if (c.ath.search(before[-45:]) or PEAK_AT_END.search(before)) and asset in complete:
                yield from _all_time_high(ctx, rule, claim, asset, tol, implausible)
            elif _mode(level_text(ctx, claim)) in ("below", "above") and c.first_since.search(after):
                yield from _first_time_since(ctx, rule, claim, asset, _mode(level_text(ctx, claim)) or "", tol)
        elif q.unit == "%" and c.from_peak.search(mc.clause_around(ctx, claim, 10, 70)) and asset in complete:
            yield from _drawdown(ctx, rule, claim, asset, pp_tol, tol, explicit=bool(ALL_TIME.search(after[:60])))
        elif (
            q.kind == "duration"
            and q.unit == "day"
            and asset in complete
            and (c.from_peak.search(after[:70]) or c.ath.search(after[:70]))
            and not _dated_after(ctx, q.end, 70)
        ):
            yield from _days_from_peak(ctx, rule, claim, asset, day_tol)
    yield from _extreme_since(ctx, rule, complete, tol)


def _extreme_since(ctx: CheckContext, rule: Rule, complete: set[str], tol: float) -> Iterator[Finding]:
    """ "its lowest close since October 2024": no later close (or price) below it before the day it names."""
    prose = ctx.doc.prose
    for m in _extreme_since_matches(prose):
        refs = [r for r in find_dates(prose, ctx.as_of, m.end(), min(len(prose), m.end() + 60)) if r.since]
        if not refs or refs[0].period is None or refs[0].start != m.end():
            continue
        since = refs[0]
        spans = [
            sp
            for sp in sentences(prose, max(0, m.start() - 800), min(len(prose), since.end + 800))
            if sp[0] <= m.start() < sp[1]
        ]
        if not spans:
            continue
        s0, s1 = spans[0]
        named = mc.assets_named(prose[s0 : m.start()]) or mc.assets_named(prose[m.end() : s1])
        if not named or named[-1] not in complete and mc.candle_span(ctx.market, named[-1]) is None:
            continue
        asset = named[-1]
        if mc.candle_span(ctx.market, asset) is None:
            continue
        what = (m.group("what") or "").lower()
        use_close = "clos" in what
        lowest = m.group("side").lower() == "lowest"
        others = [r for r in mc.sentence_dates(ctx, s0, s1) if not r.since and r.kind != "per" and r.windows]
        windows = others[0].windows if others else mc.press(ctx)
        if others and others[0].kind == "today":
            windows = windows[:1]  # "today's close": the publication day only
        days = sorted({w.end for w in windows}, reverse=True)
        period = since.period
        tried, failures = [], []
        for e in days:
            if use_close and e >= ctx.as_of:
                tried.append(f"{e}: the close was not final at press time")
                continue
            rows = mc.bands(ctx.market, asset, period.end + ONE_DAY, e)
            if not rows or rows[-1].day != e:
                continue
            cur = rows[-1]
            value = cur.close if use_close else (cur.low if lowest else cur.high)
            key = "close" if use_close else ("low" if lowest else "high")
            beyond = [
                b
                for b in rows[:-1]
                if (getattr(b, key) < value * (1 - tol) if lowest else getattr(b, key) > value * (1 + tol))
            ]
            tried.append(f"{e}: {key} {mc.price(value)}")
            if not beyond:
                failures = []
                break
            extreme = (
                min(beyond, key=lambda b: getattr(b, key)) if lowest else max(beyond, key=lambda b: getattr(b, key))
            )
            failures.append((cur, key, value, beyond, extreme))
        if not failures or len(failures) < len([t for t in tried if "not final" not in t]):
            continue
        cur, key, value, beyond, extreme = failures[0]
        word = "lower" if lowest else "higher"
        text = prose[m.start() : since.end]
        yield Finding(
            rule=rule.id,
            category="date",
            severity=None,  # type: ignore[arg-type]
            message=(
                f"{asset}'s {key} of {mc.price(value)} on {cur.day} was not its {m.group('side').lower()} "
                f"{'close' if use_close else 'price'} {since.text}: {len(beyond)} day(s) after {period.end} "
                f"were {word}, e.g. {extreme.day} ({key} {mc.price(getattr(extreme, key))} {extreme.quote})"
            ),
            start=m.start(),
            end=since.end,
            text=text,
            stated=text,
            expected=f"{word} {key} on {extreme.day}",
            sources=[cur.source, extreme.source],
            work=[f"{asset}/{cur.quote} {mc.describe(cur)}", f"{asset}/{extreme.quote} {mc.describe(extreme)}"],
            readings=tried,
            series=mc.chart(ctx.market, asset, period.end + ONE_DAY, cur.day),
        )


def _extreme_since_matches(prose: str) -> Iterator[re.Match[str]]:
    """``cues().extreme_since.finditer(prose)``, tried only where "lowest"/"highest" starts (every match does:
    the pattern opens with ``\b(?P<side>lowest|highest)``) instead of at every character of the document."""
    pattern = mc.cues().extreme_since
    if not pattern.pattern.startswith(r"\b(?P<side>lowest|highest)"):
        yield from pattern.finditer(prose)  # the cue was rewritten: no shortcut
        return
    folded = mc.fold(prose)
    starts = sorted(_find_all(folded, "lowest") + _find_all(folded, "highest"))
    taken = 0
    for pos in starts:
        if pos < taken:
            continue
        m = pattern.match(prose, pos)
        if m is not None:
            taken = m.end()
            yield m


def _find_all(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _all_time_high(
    ctx: CheckContext, rule: Rule, claim: Claim, asset: str, tol: float, implausible: float
) -> Iterator[Finding]:
    q = claim.quantity
    ref = _period_ref(ctx, claim)
    end = ctx.as_of
    peak, expected, work = _record(ctx, asset, end, tol)
    if peak is None:
        return
    stated = mc.stated_interval(q)
    readings = [f"all-time high up to {end}: {mc.price(peak.high)} on {peak.day}"]
    if ref is not None and ref.period is not None and ref.period.end < end:
        # "its August 2025 all-time high", "its earlier peak of $4,778 set in November 2021": the record as it
        # stood then may be the figure too
        p2, then, rows = _record(ctx, asset, ref.period.end, tol)
        if p2 is not None:
            readings.append(f"all-time high up to {ref.period.end}: {mc.price(p2.high)} on {p2.day}")
            if stated.meets(then) or (not stated.meets(expected) and ref.period.end < peak.day):
                peak, expected, work = p2, then, rows  # fits neither: the record as it stood in the period named
    if q.value and not 1 / implausible <= q.value / peak.high <= implausible:
        return  # "its all-time high of $4.80" is not about an asset that peaked at $4,956: the subject is wrong
    if not stated.meets(expected):
        yield mc.make_finding(
            rule,
            claim,
            f"{asset}'s all-time high was {mc.price(peak.high)} {peak.quote} on {peak.day}; the text says {q.text}",
            expected=f"{mc.price(peak.high)} {peak.quote}",
            sources=[peak.source],
            work=work,
            readings=readings,
            severity="error" if stated.gap(expected) / peak.high > 0.03 else "warning",
            series=mc.chart(ctx.market, asset, peak.day, end),
        )
        return
    if ref is not None and ref.period is not None and not (ref.period.start <= peak.day <= ref.period.end):
        yield mc.make_finding(
            rule,
            claim,
            f"{asset}'s all-time high of {mc.price(peak.high)} {peak.quote} was on {peak.day}, not in {ref.text}",
            expected=f"{peak.day}",
            sources=[peak.source],
            work=work,
            readings=readings,
            category="date",
            series=mc.chart(ctx.market, asset, peak.day, end),
        )


def _drawdown(
    ctx: CheckContext, rule: Rule, claim: Claim, asset: str, pp_tol: float, tol: float, explicit: bool
) -> Iterator[Finding]:
    q = claim.quantity
    peak, _ = _peak_to(ctx, asset, ctx.as_of)
    now = _press_rows(ctx, asset)
    if peak is None or not now:
        return
    current = mc.hull(now)
    drop = (1 - current / peak.high) * 100  # percent below the peak, as a positive magnitude
    stated = mc.stated_interval(q)
    stated = Interval(abs(stated.hi), abs(stated.lo)) if stated.hi < 0 else stated
    allowed = stated.widen(0.05, pp_tol)
    if allowed.meets(drop):
        return
    explicit = explicit or _names_the_peak(ctx, claim, peak, tol)
    if not explicit and allowed.lo < drop.lo:
        return  # "from its peak" may be a later, lower peak: only a drawdown deeper than the ATH's is wrong
    drop_text = mc.formatting.interval(drop, "%")
    yield mc.make_finding(
        rule,
        claim,
        f"{asset} at press time ({mc.price(current.lo)} to {mc.price(current.hi)} {peak.quote}) was "
        f"{mc.formatting.interval(drop, '%')} below its all-time high of {mc.price(peak.high)} ({peak.day}); "
        f"the text says {q.text}",
        expected=mc.formatting.interval(drop, "%"),
        sources=[peak.source] + [b.source for b in now],
        work=[f"peak: {mc.describe(peak)}"]
        + [f"press time: {mc.describe(b)}" for b in now]
        + [f"1 - ({mc.price(current.lo)} to {mc.price(current.hi)}) / {mc.price(peak.high)} = {drop_text}"],
        readings=["press time: any price of the publication day or the day before", "peak: the highest high to date"],
        series=mc.chart(ctx.market, asset, peak.day, now[-1].day),
    )


ITS = re.compile(r"\bits\b", re.I)


def _described_asset(ctx: CheckContext, claim: Claim) -> str | None:
    """ "The world's largest cryptocurrency is down 30% from its October peak": a drawdown with no subject of
    its own, whose clause describes a crypto asset, is about the last asset named in the sentence or the two
    before it, when that asset has price history."""
    c = mc.cues()
    q = claim.quantity
    if claim.subject or q.subject or not ITS.search(mc.text_after(ctx, claim, 40)):
        return None
    clause = mc.clause_around(ctx, claim, 60, 70)
    if not c.from_peak.search(clause) or not c.asset_description.search(clause[: clause.find(q.text)]):
        return None
    prose = ctx.doc.prose
    spans = sentences(prose, max(0, claim.sentence_start - 600), claim.sentence_start)
    lo = spans[-2][0] if len(spans) >= 2 else (spans[0][0] if spans else claim.sentence_start)
    named = mc.assets_named(prose[lo : q.start])
    if not named or ctx.market is None or not mc.has_prices(ctx.market, named[-1]):
        return None
    return named[-1]


def _names_the_peak(ctx: CheckContext, claim: Claim, peak: mc.Band, tol: float) -> bool:
    """The peak the drawdown is from is the all-time high: the text names it by a time that holds the
    all-time high's day ("from its October peak", "its October 2025 peak") or by a figure that is the
    all-time high ("from its peak of about $126,000")."""
    q = claim.quantity
    hi = min(claim.sentence_end, q.end + 80)
    after = ctx.doc.prose[q.end : hi]
    m = mc.cues().peak_period.search(after)
    if m is not None and m.start() <= 40 and not m.group("part"):  # a "late-October peak" may be a local one
        windows = resolve("in " + m.group("period").strip().rstrip(","), ctx.as_of)
        if windows and all(w.start <= peak.day <= w.end for w in windows):
            return True
    c = mc.cues()
    for o in ctx.quantities:
        if not (q.end < o.start < hi) or o.kind != "amount" or o.unit not in PRICE_UNITS or o.value is None:
            continue
        between = ctx.doc.prose[q.end : o.start]
        if c.from_peak.search(between) and mc.stated_interval(o).widen(tol).meets(Interval.point(peak.high)):
            return True
    return False


def _dated_after(ctx: CheckContext, start: int, width: int) -> bool:
    """A date follows the figure ("123 days ago with the October 5 top"): the day-count rule counts to it."""
    return any(o.kind == "date" and start <= o.start < start + width for o in ctx.quantities)


def _days_from_peak(ctx: CheckContext, rule: Rule, claim: Claim, asset: str, day_tol: int) -> Iterator[Finding]:
    q = claim.quantity
    peak, _ = _peak_to(ctx, asset, ctx.as_of)
    if peak is None:
        return
    days = Interval((ctx.as_of - ONE_DAY - peak.day).days - day_tol, (ctx.as_of - peak.day).days + day_tol)
    stated = mc.stated_interval(q)
    if stated.meets(days):
        return
    exact = (ctx.as_of - peak.day).days
    yield mc.make_finding(
        rule,
        claim,
        f"{asset}'s all-time high was on {peak.day}, {exact} days before {ctx.as_of}; the text says {q.text}",
        expected=f"{exact} days",
        sources=[peak.source],
        category="date",
        work=[f"peak: {mc.describe(peak)}", f"{ctx.as_of} - {peak.day} = {exact} days"],
        readings=[f"counted to the publication day or the day before, give or take {day_tol} day"],
        series=mc.chart(ctx.market, asset, peak.day, ctx.as_of),
    )


def _first_time_since(
    ctx: CheckContext, rule: Rule, claim: Claim, asset: str, mode: str, tol: float
) -> Iterator[Finding]:
    q = claim.quantity
    since = [
        r for r in mc.sentence_dates(ctx, claim.sentence_start, claim.sentence_end) if r.since and r.start >= q.end
    ]
    if not since or since[0].period is None:
        return
    period = since[0].period
    x = float(q.value)  # type: ignore[arg-type]
    ref = mc.claim_date(ctx, claim)
    windows = ref.windows if ref is not None and ref.windows else mc.press(ctx)
    event_days = sorted({d for w in windows for d in _days(w.start, w.end)}, reverse=True)
    rows = {b.day: b for b in mc.bands(ctx.market, asset, period.start, max(event_days))}
    if not rows or any(b.snapshot for b in rows.values()):
        return

    def beyond(b: mc.Band, margin: float) -> bool:
        return b.low < x * (1 - margin) if mode == "below" else b.high > x * (1 + margin)

    event = next((d for d in event_days if d in rows and beyond(rows[d], 0)), None)
    if event is None:
        return  # no dip at press time: price-level's to say
    day = event - ONE_DAY
    while day in rows and beyond(rows[day], 0):  # the same dip, begun a day or two before
        day -= ONE_DAY
    earlier = [rows[d] for d in _days(period.end + ONE_DAY, day) if d in rows and beyond(rows[d], tol)]
    if not earlier:
        return
    last = earlier[-1]
    deepest = min(earlier, key=lambda b: b.low) if mode == "below" else max(earlier, key=lambda b: b.high)
    side = "below" if mode == "below" else "above"
    price_of = last.low if mode == "below" else last.high
    yield mc.make_finding(
        rule,
        claim,
        f"{asset} traded {side} {mc.price(x)} on {len(earlier)} day(s) after "
        f"{period.reading.split(' (')[-1].rstrip(')')} (the last on {last.day}, {'low' if mode == 'below' else 'high'} "
        f"{mc.price(price_of)}; the {'lowest' if mode == 'below' else 'highest'} "
        f"{mc.price(deepest.low if mode == 'below' else deepest.high)} on {deepest.day}, {last.quote}): "
        f"'{since[0].text}' does not hold",
        expected=f"last {side} {mc.price(x)} before this move: {last.day}",
        sources=[last.source, deepest.source, rows[event].source],
        category="date",
        work=[
            f"this move: {mc.describe(rows[event])}",
            f"latest earlier day {side} the figure: {mc.describe(last)}",
            f"furthest {side} it in that time: {mc.describe(deepest)}",
            f"{len(earlier)} day(s) {side} {mc.price(x)} between {period.end + ONE_DAY} and {day}",
        ],
        readings=[f"days {side} the figure by more than {tol:.0%}, after {period.end} and before the current move"],
        series=mc.chart(ctx.market, asset, last.day, event),
    )


def _days(start: date, end: date) -> list[date]:
    out = []
    d = start
    while d <= end:
        out.append(d)
        d += ONE_DAY
    return out
