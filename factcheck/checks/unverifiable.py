"""unverifiable: a market statement the shipped data cannot check, said once, as information.

PASS: "ETH trades near $2,088 at press time." (as of 2026-02-05: covered, so nothing to say here).
FAIL: "ZKsync was trading at $0.023 on Sunday morning." (no price history for ZK: one info finding).

The statements are the ones the market checks would read (prices on a day or at press time, moves over a
window, conversions between currencies, crypto amounts and their value); each one that cannot be checked
gets one `info` finding naming what is missing: the asset's history, the days, the currency's rates, or the
publication date that relative dates need. Never an error or a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factcheck.checks import market_common as mc
from factcheck.checks.crypto_valuation import valuation_pairs
from factcheck.checks.fx_conversion import conversion_pairs
from factcheck.checks.price_level import level_claims
from factcheck.checks.price_move import move_claims
from factcheck.model import Claim, Finding

if TYPE_CHECKING:
    from factcheck.checks import CheckContext
    from factcheck.dates import Window
    from factcheck.rulebook import Rule


def _uncovered(ctx: CheckContext, asset: str, windows: list[Window], before: int = 0) -> str | None:
    """Why none of ``windows`` can be read for ``asset``, or None when one can."""
    from datetime import timedelta

    assert ctx.market is not None
    for w in windows:
        bs = mc.bands(ctx.market, asset, w.start - timedelta(days=before), w.end)
        if bs and bs[-1].day == w.end and bs[0].day <= w.start:
            return None
    span = mc.candle_span(ctx.market, asset)
    have = f"{asset} daily candles cover {span[0]}..{span[1]}" if span else f"{asset} has only daily snapshots"
    days = ", ".join(sorted({f"{w.start}" if w.days == 1 else f"{w.start}..{w.end}" for w in windows}))
    return f"no {asset} prices for {days} ({have})"


def _datasets(currency: bool) -> list[str]:
    """The shipped datasets a finding cites: the rate sources for a conversion, the price sources otherwise."""
    if currency:
        from factcheck.market.sources import specs

        return [s.shipped for s in specs()]
    from factcheck.market.store import price_specs

    return [p["shipped"] for p in price_specs()]


def _available(ctx: CheckContext) -> list[str]:
    """What the data holds, for the finding's work: candles per asset, snapshot days."""
    if ctx.market is None:
        return ["no market data could be opened"]
    from factcheck.market.store import price_specs

    out = []
    for spec in price_specs():
        man = ctx.market.manifest(spec["shipped"])
        if man and spec.get("kind") == "candles":
            spans = ", ".join(f"{a} {v.get('first')}..{v.get('last')}" for a, v in man.get("assets", {}).items())
            out.append(f"daily candles ({man.get('quote', 'USDT')}, {man.get('source', '')}): {spans}")
        elif man:
            out.append(f"daily USD snapshots ({spec['name']}): {man.get('first')}..{man.get('last')}")
    return out


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    said: set[int] = set()
    available: list[str] = []

    def info(claim: Claim, why: str, kind: str) -> Finding | None:
        if claim.quantity.start in said:
            return None
        said.add(claim.quantity.start)
        if not available:
            available.extend(_available(ctx))
        return mc.make_finding(
            rule,
            claim,
            f"Not checked ({kind}): {why}",
            severity="info",
            readings=[kind],
            category="unverifiable",
            work=[why, *(f"available: {a}" for a in (available if kind != "currency conversion" else []))],
            sources=[f"data: {name}" for name in _datasets(kind == "currency conversion")] if ctx.market else [],
        )

    if ctx.market is None:
        for claim in ctx.claims:
            if claim.assertive and claim.metric == "price" and mc.named_asset(claim):
                f = info(claim, "no market data available", "price")
                if f:
                    yield f
        return
    for item in level_claims(ctx):
        why = item.missing or _uncovered(ctx, item.asset or item.named, item.windows)
        if why:
            f = info(item.claim, why, "price on a day")
            if f:
                yield f
    for m in move_claims(ctx):
        why = m.missing or _uncovered(ctx, m.asset or m.named, m.windows, before=1)
        if why:
            f = info(m.claim, why, "price move")
            if f:
                yield f
    for a, b in conversion_pairs(ctx):
        if ctx.as_of is None:
            why = "no publication date: the exchange rate of which day?"
        else:
            missing = [
                c for c in (a.quantity.unit, b.quantity.unit) if c != "USD" and ctx.market.fx(str(c), ctx.as_of) is None
            ]
            why = f"no exchange rate for {', '.join(map(str, missing))} on {ctx.as_of}" if missing else None
        if why:
            f = info(b, why, "currency conversion")
            if f:
                yield f
    for a, b in valuation_pairs(ctx):
        asset = str(a.quantity.unit).upper()
        if ctx.as_of is None:
            why = "no publication date: the price of which day?"
        elif not mc.has_prices(ctx.market, asset):
            why = f"no price history for {asset}"
        else:
            why = None
        if why:
            f = info(b, why, "crypto valuation")
            if f:
                yield f
