"""price-move: a percent move of an asset over a window, against the candles of that window.

PASS: "Ethereum price has dropped by around 28% over the past 7 days." (as of 2026-02-05: ETH/USDT open
2026-01-29 3,010.78 -> close 2026-02-04 2,148.26 = -28.6%).
FAIL: "ETH has registered gains of about 29% per week." (as of 2026-02-05: the last week was -28.6% to
-35.3%; no reading gains 29%).

A window [start, end] (factcheck.dates) runs from the open of ``start`` to the close of ``end``. Readings:
close to close for every window; the start anywhere in the day before the window and the end anywhere in
its last day (the time of writing and the writer's time zone are unknown); for a single day, any two
prices of that day ("rebounded 12% on Friday" may be from the low). "per week" is read as the last week, the
previous calendar week, and the weekly average of another window named in the sentence. A move is flagged
only when no reading fits the stated figure (its hedge, plus `pp_tolerance` points and `rel_tolerance`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from factcheck.checks import market_common as mc
from factcheck.checks.figures import is_level_percent
from factcheck.dates import ONE_DAY, DateRef, Window, _to_press
from factcheck.intervals import Interval, percent_change
from factcheck.model import Claim, Finding
from factcheck.relations.solver import bound_by
from factcheck.resources import load_rules_file

if TYPE_CHECKING:
    from factcheck.checks import CheckContext
    from factcheck.rulebook import Rule

UNIT_DAYS = {"hour": 1, "day": 1, "week": 7, "month": 30.44, "quarter": 91.3, "year": 365.25}


@dataclass(slots=True)
class MoveClaim:
    claim: Claim
    asset: str | None
    named: str
    ref: DateRef | None
    per: DateRef | None = None
    windows: list[Window] = field(default_factory=list)
    missing: str | None = None


def move_claims(ctx: CheckContext) -> list[MoveClaim]:
    return mc.per_context(ctx, "move_claims", _move_claims)


def _move_claims(ctx: CheckContext) -> list[MoveClaim]:
    out = []
    c = mc.cues()
    for claim in ctx.claims:
        q = claim.quantity
        if not claim.assertive or q.unit != "%" or q.value is None or (claim.direction == 0 and q.sign >= 0):
            continue  # a move needs a direction: a verb ("fell") or a sign ("-15%")
        named = mc.named_asset(claim)
        if named is None or named in ("USDT", "USDC"):
            continue
        if claim.metric not in (None, "price", "change"):
            continue
        clause = mc.clause_around(ctx, claim)
        if c.move_not_price.search(clause) or c.from_peak.search(clause) or c.from_peak_any.search(clause):
            continue  # ... or a distance from a peak ("down 30% from its record high in October"): price-extreme's
        if bound_by(ctx, claim.quantity, "percent-change"):
            continue  # both ends are in the text ("from $185 on January 13 to $290 on January 19"): arithmetic decides
        if is_level_percent(ctx.doc.prose, claim.quantity):
            continue  # "odds dwindled to just 69%": the level of a percentage, not a move of the price
        if mc.text_after(ctx, claim).lstrip().lower().startswith("of "):
            continue  # a share of something ("lost 21% of its value locked")
        per = mc.rate_ref(ctx, claim)
        ref = mc.claim_date(ctx, claim, exclude_since=False)
        if per is None and ref is None:
            continue
        if per is None and _names_another_window(claim, ref):
            continue  # "grew 12% year-over-year" after "this week": the figure's own window is not one we read
        item = MoveClaim(claim, mc.asset_of(ctx, claim), named, ref, per)
        if per is not None:
            item.windows = list(per.windows)
            if ctx.as_of is not None:
                from factcheck.dates import resolve

                item.windows += [w for w in resolve(f"last {per.unit}", ctx.as_of)[:1] if w not in item.windows]
        elif (
            ref is not None
            and ref.windows
            and ctx.as_of is not None
            and (ref.kind == "ago" or _compared_with().search(ctx.doc.prose, max(0, ref.start - 30), ref.start))
        ):
            # "20% lower than a week ago", "13% lower than this time last Monday": from that day to press time
            point = ref.windows[0].start
            item.windows = [w for s in (point, point + ONE_DAY) for w in _to_press(s, ctx.as_of, f"since {point}")]
        elif ref is not None:
            item.windows = list(ref.windows)
        if not item.windows:
            item.missing = (
                "it counts from an event on a day the text does not give"
                if ref is not None and ref.since_at is not None
                else "no publication date to read the window against"
            )
        if item.asset is None:
            item.missing = mc.not_read_as_a_price(ctx, claim) or f"no price history for {named}"
        out.append(item)
    return out


@cache
def _compared_with() -> re.Pattern[str]:
    """A date the figure is compared with, not the day it happened on (rules/dates.toml ``compared_with``)."""
    from factcheck.claims import _words_pattern

    raw = load_rules_file("dates.toml")
    gap = _words_pattern(raw.get("compared_with_gap", []))
    return re.compile(rf"(?:{_words_pattern(raw.get('compared_with', []))})\s+(?:(?:{gap})\s+)*$", re.I)


def _names_another_window(claim: Claim, ref: DateRef | None) -> bool:
    """The figure carries a window of its own that is not the date reference found for it."""
    own = (claim.window or claim.quantity.window or "").lower()
    if not own or ref is None:
        return False
    found = ref.text.lower()
    return found not in own and own not in found


@dataclass(slots=True)
class Reading:
    label: str
    change: Interval  # percent
    rows: list[mc.Band]
    formula: str
    point: float | None = None  # the single most natural figure (close to close, snapshot to snapshot)


def readings_for(ctx: CheckContext, asset: str, w: Window, snap_tol: float) -> list[Reading] | None:
    """The percent changes window ``w`` allows, or None when the data does not cover it."""
    market = ctx.market
    assert market is not None
    bs = mc.bands(market, asset, w.start - ONE_DAY, w.end, snap_tol)
    if not bs or bs[-1].day != w.end or bs[0].day > w.start or len(bs) < (w.end - bs[0].day).days + 1:
        return None
    before = bs[0] if bs[0].day < w.start else None
    first = bs[1] if before is not None else bs[0]
    last = bs[-1]
    out = []
    q = first.quote
    if first.snapshot:  # one price a day (CoinGecko): from the snapshot before the window to the last one
        start_price = before.close if before else first.open
        cc = percent_change(Interval.point(start_price), Interval.point(last.close))
        low_start = before.low if before else first.low
        high_start = before.high if before else first.high
        iv = percent_change(Interval(low_start, high_start), Interval(last.low, last.high))
        out.append(
            Reading(
                f"{w.reading}: snapshot to snapshot, each widened for the time of day",
                iv,
                [before or first, last],
                f"{asset}/{q} snapshot {(before or first).day} {mc.price(start_price)} -> snapshot {last.day} "
                f"{mc.price(last.close)}: {mc.pct(cc.mid)} (read as {mc.formatting.change_interval(iv)})",
                cc.mid,
            )
        )
        return out
    start_price = first.open
    cc = percent_change(Interval.point(start_price), Interval.point(last.close))
    out.append(
        Reading(
            f"{w.reading}: close to close",
            cc,
            [first, last],
            f"{asset}/{q} open {first.day} {mc.price(start_price)} -> close {last.day} {mc.price(last.close)}: "
            f"{mc.price(last.close)} / {mc.price(start_price)} - 1 = {mc.pct(cc.mid)}",
            cc.mid,
        )
    )
    if w.days == 1:
        day = last
        iv = percent_change(Interval(day.low, day.high), Interval(day.low, day.high))
        out.append(
            Reading(
                f"{w.reading}: any two prices of the day",
                iv,
                [day],
                f"{day.day} low {mc.price(day.low)}, high {mc.price(day.high)}: {mc.formatting.change_interval(iv)}",
            )
        )
    if before is not None:  # the time of day is unknown (press time, time zones): any price of the edge days
        iv = percent_change(Interval(before.low, before.high), Interval(last.low, last.high))
        out.append(
            Reading(
                f"{w.reading}: intraday, from any price of {before.day} to any price of {last.day}",
                iv,
                [before, last],
                f"{before.day} {mc.price(before.low)}..{mc.price(before.high)} -> {last.day} "
                f"{mc.price(last.low)}..{mc.price(last.high)}: {mc.formatting.change_interval(iv)}",
            )
        )
    return out


def _average(r: Reading, w: Window, unit: str) -> Reading:
    """A change over ``w`` as an average per ``unit`` (compounded)."""
    k = UNIT_DAYS[unit] / w.days
    lo = ((1 + r.change.lo / 100) ** k - 1) * 100 if r.change.lo > -100 else -100.0
    hi = ((1 + r.change.hi / 100) ** k - 1) * 100
    return Reading(
        f"{r.label}, averaged per {unit}",
        Interval(lo, hi),
        r.rows,
        r.formula + f"; per {unit}: ^({UNIT_DAYS[unit]}/{w.days}) -> {mc.formatting.change_interval(Interval(lo, hi))}",
        None if r.point is None else ((1 + r.point / 100) ** k - 1) * 100,
    )


def stated_change(claim: Claim) -> Interval:
    iv = mc.stated_interval(claim.quantity)
    if claim.quantity.sign < 0 or iv.hi <= 0:
        return iv
    return -iv if claim.direction < 0 else iv


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    if ctx.market is None:
        return
    opts = mc.options(ctx, rule)
    pp_tol = float(opts.get("pp_tolerance", 1.5))
    rel_tol = float(opts.get("rel_tolerance", 0.1))
    error_gap = float(opts.get("error_gap_pp", 5.0))
    snap_tol = float(opts.get("snapshot_tolerance", 0.08))
    for item in move_claims(ctx):
        if item.missing or item.asset is None:
            continue
        stated = stated_change(item.claim)
        allowed = stated.widen(rel_tol, pp_tol)
        tried: list[Reading] = []
        fits = False
        uncovered = False
        for w in item.windows:
            rs = readings_for(ctx, item.asset, w, snap_tol)
            if rs is None:
                uncovered = True
                continue
            if item.per is not None and item.per.unit and w.days > UNIT_DAYS[item.per.unit] * 1.5:
                rs = [_average(r, w, item.per.unit) for r in rs]
            tried.extend(rs)
            hit = next((r for r in rs if allowed.meets(r.change)), None)
            if hit is not None:
                fits = True
                q0 = item.claim.quantity
                ctx.verified.append(
                    (q0.start, q0.end, f"{item.asset} {hit.label}: {mc.formatting.change_interval(hit.change)}")
                )
                break
        if item.per is not None and not fits and item.ref is not None and item.ref.windows:
            for w in item.ref.windows:  # "29% per week over the past month": the weekly average
                rs = readings_for(ctx, item.asset, w, snap_tol)
                if rs is None:
                    continue
                avg = [_average(r, w, item.per.unit or "week") for r in rs]
                tried.extend(avg)
                if any(allowed.meets(r.change) for r in avg):
                    fits = True
                    break
        if fits or not tried or (uncovered and len(tried) == 0):
            continue
        hull = tried[0].change
        for r in tried[1:]:
            hull = hull.hull(r.change)
        natural = tried[0]
        q = item.claim.quantity
        window_text = item.claim.window or (
            item.per.text if item.per is not None else (item.ref.text if item.ref else "")
        )
        wrong_way = (stated.lo > 0 and hull.hi < 0) or (stated.hi < 0 and hull.lo > 0)
        gap = allowed.gap(hull)
        severity = "error" if wrong_way or gap > error_gap else "warning"
        way = "a rise" if stated.lo >= 0 else "a fall"
        message = (
            f"{item.asset} moved {mc.pct(natural.point if natural.point is not None else natural.change.mid)}"
            f" {natural.label.split(': ')[0]}"
            f" (every reading: {mc.formatting.change_interval(hull)});"
            f" the text says {way} of {q.text.lstrip('-−+')} {window_text}".rstrip()
        )
        rows = []
        for r in tried:
            rows.extend(r.rows)
        yield mc.make_finding(
            rule,
            item.claim,
            message,
            severity=severity,
            expected=mc.formatting.change_interval(natural.change),
            sources=[b.source for b in rows],
            work=[r.formula for r in tried]
            + [
                f"stated: {mc.formatting.change_interval(stated)}, allowed with {pp_tol} points and {rel_tol:.0%}: "
                f"{mc.formatting.change_interval(allowed)}"
            ],
            readings=[f"{r.label}: {mc.formatting.change_interval(r.change)}" for r in tried],
            series=mc.chart(ctx.market, item.asset, natural.rows[0].day, natural.rows[-1].day, snap_tol),
        )
