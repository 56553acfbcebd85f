"""What a draft's market claims need from the data: which asset's prices or which currency's rates, for which days.

One :class:`Need` per claim and subject, read from the same claim lists the market checks read (prices on a day,
moves over a window, currency conversions, crypto valuations). The stale-data notices compare the needs with the
data's last days; ``check --fetch`` fetches exactly what they name and the store lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.checks import CheckContext
    from factcheck.dates import Window


@dataclass(frozen=True, slots=True)
class Need:
    kind: str  # "asset" (daily prices) | "currency" (exchange rates)
    subject: str  # "BTC", "EUR"
    first: date  # the first day the claim reads
    last: date  # the last day the claim reads
    enough: date  # data through this day lets the claim be checked (the earliest end among its readings)
    spans: tuple[tuple[int, int], ...]  # the figures that need it


def _asset_need(subject: str, windows: list[Window], spans: tuple[tuple[int, int], ...], before: int = 0) -> Need:
    return Need(
        "asset",
        subject.upper(),
        min(w.start for w in windows) - timedelta(days=before),
        max(w.end for w in windows),
        min(w.end for w in windows),
        spans,
    )


def _fetchable_missing(missing: str | None) -> bool:
    """A claim held back only for want of the asset's prices (not for its wording or a missing date)."""
    return missing is None or missing.startswith("no price history for")


def claim_needs(ctx: CheckContext) -> list[Need]:
    """Every need of the document's market claims, in document order (empty without a market or a date)."""
    if ctx.market is None or ctx.as_of is None:
        return []
    from factcheck.checks import market_common as mc
    from factcheck.checks.crypto_valuation import valuation_pairs
    from factcheck.checks.fx_conversion import conversion_pairs
    from factcheck.checks.price_level import level_claims
    from factcheck.checks.price_move import move_claims

    def wanted(rule_id: str) -> bool:  # the claims of a rule the run does not select need nothing
        return not ctx.options or rule_id in ctx.options or "unverifiable" in ctx.options

    out: list[Need] = []
    for item in level_claims(ctx) if wanted("price-level") else ():
        if item.windows and _fetchable_missing(item.missing):
            q = item.claim.quantity
            out.append(_asset_need(item.asset or item.named, item.windows, ((q.start, q.end),)))
    for m in move_claims(ctx) if wanted("price-move") else ():
        if m.windows and _fetchable_missing(m.missing):
            q = m.claim.quantity
            out.append(_asset_need(m.asset or m.named, m.windows, ((q.start, q.end),), before=1))
    for a, b in conversion_pairs(ctx) if wanted("fx-conversion") else ():
        spans = ((a.quantity.start, a.quantity.end), (b.quantity.start, b.quantity.end))
        for cur in sorted({str(a.quantity.unit), str(b.quantity.unit)} - {"USD"}):
            out.append(Need("currency", cur, ctx.as_of - timedelta(days=7), ctx.as_of, ctx.as_of, spans))
    for a, b in valuation_pairs(ctx) if wanted("crypto-valuation") else ():
        ref = mc.claim_date(ctx, b) or mc.claim_date(ctx, a)
        windows = list(ref.windows) if ref is not None and ref.windows else mc.press(ctx)
        if windows:
            spans = ((a.quantity.start, a.quantity.end), (b.quantity.start, b.quantity.end))
            out.append(_asset_need(str(a.quantity.unit), windows, spans))
    out.sort(key=lambda n: n.spans[0])
    return out
