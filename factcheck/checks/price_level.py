"""price-level: a price stated for a day, against that day's candle.

PASS: "ETH trades near $2,088 at press time" (as of 2026-02-05: ETH/USDT traded 1,818.18-2,173.77 that day).
FAIL: "ETH trades near $2,900 at press time" (as of 2026-02-05: the day's high was 2,173.77, the day
before's 2,295.74).

Which price the text names comes from the words before the figure (rules/market_cues.toml [level]): the
close for "closed at", the high for "as high as"/"peaked at", the low for "hit a low of"/"bottomed at",
the low below the figure for "dipped below", the high above it for "rose above", and otherwise any price of
the day's [low, high]. A day that had not ended at press time has no final high, low or close, so those
read as the day's range. Only figures with a date in their sentence, or marked as current ("trades",
"at press time"), are checked: a past-tense price with no date may be about any day.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from factcheck.checks import market_common as mc
from factcheck.dates import Window
from factcheck.intervals import Interval
from factcheck.model import Claim, Finding, Quantity

if TYPE_CHECKING:
    from factcheck.checks import CheckContext
    from factcheck.rulebook import Rule

PRICE_UNITS = frozenset({"USD", "USDT", "USDC"})


@dataclass(slots=True)
class LevelClaim:
    claim: Claim
    asset: str | None  # None: no data for the named asset
    named: str
    mode: str  # "range" | "close" | "high" | "low" | "below" | "above"
    windows: list[Window] = field(default_factory=list)
    missing: str | None = None  # why it cannot be checked


def _mode(before: str) -> str | None:
    """The level cue right before a figure; ``before`` as :func:`level_text` gives it."""
    c = mc.cues()
    for text in before.split("\x00"):
        best: tuple[int, str] | None = None
        for kind, pattern in c.level.items():
            m = pattern.search(text)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), kind)
        if best:
            return best[1]
    return None


THE = re.compile(r"\s+the(?:\s+(?:key|psychological|important|crucial|critical|major))?\s*$", re.I)


def level_text(ctx: CheckContext, claim: Claim, reach: int = 80) -> str:
    """The text before the figure with its hedge kept ("dipped below"), then without ("hit a low of");
    "fell below the $70,000 mark" reads as "fell below"."""
    texts = (mc.text_before(ctx, claim, reach, strip_hedges=False), mc.text_before(ctx, claim, reach))
    return "\x00".join(THE.sub("", t) for t in texts)


def crosses_level(ctx: CheckContext, claim: Claim) -> bool:
    """A level is not a trade, but "fell below the $70,000 mark" says the price crossed it."""
    return (claim.reason or "").startswith("level") and _mode(level_text(ctx, claim)) in ("below", "above")


def level_claims(ctx: CheckContext) -> list[LevelClaim]:
    return mc.per_context(ctx, "level_claims", _level_claims)


def _level_claims(ctx: CheckContext) -> list[LevelClaim]:
    out = []
    c = mc.cues()
    for claim in ctx.claims:
        q = claim.quantity
        if q.kind != "amount" or q.unit not in PRICE_UNITS or q.value is None:
            continue
        if not claim.assertive and not crosses_level(ctx, claim):
            continue
        named = mc.named_asset(claim)
        if named is None or named in PRICE_UNITS:
            continue
        before = mc.text_before(ctx, claim)
        mode = _mode(level_text(ctx, claim))
        if claim.metric != "price" and mode is None and not mc.is_present(ctx, claim):
            continue
        near_before = before[-45:]
        if c.not_price_before.search(near_before):
            continue
        if mode not in ("below", "above") and c.not_price_after.search(mc.text_after(ctx, claim)):
            continue  # "resisted at the $1.75 level" is no trade; "fell below the $70,000 mark" is
        if c.ath.search(near_before) or c.atl.search(near_before) or c.from_peak.search(near_before):
            continue  # records are price-extreme's
        item = LevelClaim(claim, mc.asset_of(ctx, claim), named, mode or "range")
        ref = mc.claim_date(ctx, claim)
        if ref is not None and ref.kind in ("ago",) and not ref.windows:
            ref = None
        if ref is not None:
            if ref.windows:
                item.windows = ref.windows
            else:
                item.missing = f"no publication date to read '{ref.text}' against"
        elif mc.is_present(ctx, claim):
            item.windows = mc.press(ctx)
            if not item.windows:
                item.missing = "no publication date for a price stated at press time"
        else:
            continue  # a past price with no date: no day to check it against
        if item.asset is None:
            item.missing = mc.not_read_as_a_price(ctx, claim) or f"no price history for {named}"
        out.append(item)
    return out


def _stated(q: Quantity, mode: str) -> Interval:
    """The stated price. The extractor reads "as low as $58,100" as a bound (">= $58,100", right for "could
    fall as low as"); when that hedge is the level cue itself, the figure names the day's low: a point."""
    if q.bound and q.hedge and mode in ("low", "high", "close") and mc.cues().level[mode].search(q.hedge):
        return mc.stated_interval(replace(q, bound=None, low_bound=None, high_bound=None))
    return mc.stated_interval(q)


def _reading(mode: str, bs: list[mc.Band], w: Window, as_of, tol: float) -> tuple[Interval, str]:
    """The prices the text may mean on window ``w`` for the cue ``mode``, widened by ``tol``."""
    final = w.days == 1 and (as_of is None or bs[0].day < as_of) and not bs[0].snapshot
    if final and mode == "close":
        return Interval.point(bs[0].close).widen(tol), f"close of {bs[0].day}"
    if final and mode == "high":
        return Interval.point(bs[0].high).widen(tol), f"high of {bs[0].day}"
    if final and mode == "low":
        return Interval.point(bs[0].low).widen(tol), f"low of {bs[0].day}"
    span = mc.hull(bs)
    what = f"{bs[0].day}" if w.days == 1 else f"{w.start}..{w.end}"
    if mode == "below":
        return Interval(span.lo * (1 - tol), None), f"lowest price {what} is below the figure"
    if mode == "above":
        return Interval(None, span.hi * (1 + tol)), f"highest price {what} is above the figure"
    return span.widen(tol), f"any price of {what} (the day's low to high)"


def _raw(mode: str, bs: list[mc.Band], w: Window, as_of) -> Interval:
    final = w.days == 1 and (as_of is None or bs[0].day < as_of) and not bs[0].snapshot
    if final and mode in ("close", "high", "low"):
        return Interval.point(getattr(bs[0], mode))
    return mc.hull(bs)


def _fits(mode: str, stated: Interval, value: float, expected: Interval) -> bool:
    if mode == "below":
        return expected.lo <= value  # some low under the figure
    if mode == "above":
        return expected.hi >= value
    return stated.meets(expected)


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    if ctx.market is None or ctx.as_of is None and not ctx.claims:
        return
    opts = mc.options(ctx, rule)
    tol = float(opts.get("tolerance", 0.01))
    error_gap = float(opts.get("error_gap", 0.03))
    snap_tol = float(opts.get("snapshot_tolerance", 0.08))
    plausible = float(opts.get("plausible_factor", 5.0))
    for item in level_claims(ctx):
        if item.missing or item.asset is None or mc.past_undated(ctx, item.claim):
            continue
        if mc.average_of_a_cost(ctx, item.claim):
            continue
        q = item.claim.quantity
        stated = _stated(q, item.mode)
        value = float(q.value)  # type: ignore[arg-type]
        readings, work, sources, misses = [], [], [], []
        fits = False
        covered = False
        for w in item.windows:
            bs = mc.bands(ctx.market, item.asset, w.start, w.end, snap_tol)
            if not mc.covers(bs, w):
                readings.append(f"{w.reading}: no data")
                continue
            span = mc.hull(bs)
            if not span.lo / plausible <= value <= span.hi * plausible:
                covered = False  # a figure this far from any price is not a price (a market cap, a volume)
                break
            covered = True
            w_tol = mc.era_tolerance(opts, w.start, tol)
            if item.mode in ("low", "high"):  # a day's extreme is a wick: venues differ more there than at the close
                w_tol = max(w_tol, float(opts.get("wick_tolerance", 0.025)))
            expected, how = _reading(item.mode, bs, w, ctx.as_of, w_tol)
            readings.append(f"{w.reading}: {how}")
            sources.extend(b.source for b in (bs if len(bs) <= 3 else [bs[0], bs[-1]]))
            if len(bs) <= 3:
                work.extend(f"{item.asset}/{bs[0].quote} {mc.describe(b)}" for b in bs)
            else:
                span = mc.hull(bs)
                work.append(
                    f"{item.asset}/{bs[0].quote} {w.start}..{w.end}: low {mc.price(span.lo)}, high {mc.price(span.hi)}"
                )
            if _fits(item.mode, stated, value, expected):
                fits = True
                src = bs[0].source if bs else ""
                ctx.verified.append(
                    (
                        q.start,
                        q.end,
                        f"{item.asset} {w.reading}: {how}, {mc.formatting.interval(expected, 'USD', 6)} ({src})",
                    )
                )
                break
            misses.append((w, expected, how, bs))
        if fits or not covered or not misses:
            continue
        quote = misses[0][3][0].quote
        parts, gaps = [], []
        for w, expected, how, bs in misses:
            when = f"{w.start}" if w.days == 1 else f"{w.start}..{w.end}"
            if item.mode == "below":
                low = min(b.low for b in bs)
                parts.append(f"low {mc.price(low)} on {when}")
                gaps.append((low - value) / value)
            elif item.mode == "above":
                high = max(b.high for b in bs)
                parts.append(f"high {mc.price(high)} on {when}")
                gaps.append((value - high) / value)
            else:
                raw = _raw(item.mode, bs, w, ctx.as_of)
                if raw.lo == raw.hi:
                    parts.append(f"{how.split(' of ')[0]} {mc.price(raw.lo)} on {when}")
                else:
                    parts.append(f"traded {mc.price(raw.lo)} to {mc.price(raw.hi)} on {when}")
                gaps.append(stated.gap(expected) / max(value, 1e-12))
        parts = parts[:1] + [p.removeprefix("traded ") for p in parts[1:]]
        gap = min(abs(g) for g in gaps)
        expected_text = " and ".join(parts) + f" ({quote})"
        side = {"below": "below ", "above": "above "}.get(item.mode, "")
        message = f"{item.asset}/{quote} {expected_text}; the text says {side}{q.text}"
        work.append(f"stated: {q.text} -> {mc.formatting.interval(stated, 'USD', 6)}")
        allowed = mc.era_tolerance(opts, misses[0][0].start, tol)
        work.append(f"allowed: data widened by {allowed:.1%} (USD vs {quote}, venue and timing)")
        severity = "error" if gap > error_gap else "warning"
        yield mc.make_finding(
            rule,
            item.claim,
            message,
            severity=severity,
            expected=expected_text,
            sources=sources,
            work=work,
            readings=readings,
            series=mc.chart(ctx.market, item.asset, misses[0][0].start, misses[0][0].end, snap_tol),
        )
