"""Stale data, announced: a claim needs a price or rate for a day later than the data holds for its subject.

:func:`stale_notices` turns the needs of a document (factcheck.checks.needs) into one ``stale-data``
:class:`~factcheck.model.Notice` per subject, each naming the command that fixes it, and gives the spans of the
claims concerned: those are "not checkable", never "verified" (:func:`hold_back` makes it so).

Crypto prices trade every day: a need is stale when its day is after the asset's last price (candle or snapshot).
Exchange rates are published on business days: stale when a weekday passes between the last rate of the
preferred daily source and the day needed (a draft of Sunday with Friday's rate is not stale).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.model import Finding, Notice

if TYPE_CHECKING:
    from factcheck.checks.needs import Need
    from factcheck.market.store import MarketData

STALE = "stale-data"
MARKET_CATEGORIES = ("market-data", "conversion")


@dataclass(frozen=True, slots=True)
class FixHint:
    """Options the fix command repeats so that it writes where the check reads."""

    data_dir: str | None = None
    exchange: str | None = None


def asset_last_day(market: MarketData, asset: str) -> dt.date | None:
    return market.price_last_day(asset)


def currency_last_day(market: MarketData, currency: str) -> tuple[dt.date | None, str]:
    """(last day, granularity) of the currency's rates: the daily sources' when one publishes it, else monthly."""
    daily = [
        d
        for s in market.fx_sources()
        if s.kind == "fx-daily" and s.publishes(currency) and (d := s.last_day(currency)) is not None
    ]
    if daily:
        return max(daily), "daily"
    return market.fx_last_day(currency), "monthly"


def is_stale(need: Need, last: dt.date | None, granularity: str = "daily") -> bool:
    if last is None or need.enough <= last:
        return False
    if need.kind == "currency" and granularity == "daily":
        from factcheck.market.store import business_day_between

        return business_day_between(last, need.enough)
    return True


def fix_command(need: Need, market: MarketData, hint: FixHint) -> str:
    tail = f" --data-dir {hint.data_dir}" if hint.data_dir else ""
    if need.kind == "currency":
        source = market.fx_source_for(need.subject)
        return f"factcheck data update --fx {source or 'ecb'}{tail}"
    quote = "USDT"
    found = market._candidates(need.subject, None)  # the quote the stored candles use
    if found:
        quote = found[0].quote
    exchange = f" --exchange {hint.exchange}" if hint.exchange and hint.exchange != "binance" else ""
    return f"factcheck data update{exchange} --symbols {need.subject}/{quote}{tail}"


def stale_notices(
    needs: list[Need], market: MarketData, hint: FixHint | None = None, today: dt.date | None = None
) -> tuple[list[Notice], dict[tuple[int, int], set[str]]]:
    """One notice per stale subject (the latest day needed), and the spans of every claim held back (with the
    subjects that hold each one back)."""
    hint = hint or FixHint()
    today = today or dt.datetime.now(dt.UTC).date()
    worst: dict[tuple[str, str], tuple[Need, dt.date | None]] = {}
    spans: dict[tuple[int, int], set[str]] = {}
    lasts: dict[tuple[str, str], tuple[dt.date | None, str]] = {}
    for need in needs:
        key = (need.kind, need.subject)
        if key not in lasts:
            if need.kind == "currency":
                lasts[key] = currency_last_day(market, need.subject)
            else:
                lasts[key] = (asset_last_day(market, need.subject), "daily")
        last, granularity = lasts[key]
        if not is_stale(need, last, granularity):
            continue
        for span in need.spans:
            spans.setdefault(span, set()).add(need.subject)
        if key not in worst or need.last > worst[key][0].last:
            worst[key] = (need, last)
    notices = []
    for (kind, subject), (need, last) in sorted(worst.items(), key=lambda kv: kv[0][::-1]):
        what = f"{subject} prices" if kind == "asset" else f"{subject} exchange rates"
        command = fix_command(need, market, hint)
        if need.enough >= today:
            why = f"the draft needs {what} for {need.last}, a day not over yet (UTC); the data ends {last}"
        else:
            why = f"the draft needs {what} for {need.last}, but the data ends {last}"
        message = f"{why}: run `{command}` or check with --fetch; until then these claims are not checked"
        notices.append(Notice(STALE, subject, message, need.last, last, command))
    return notices, spans


def hold_back(
    findings: list[Finding],
    verified: list[tuple[int, int, str]],
    spans: dict[tuple[int, int], set[str]],
    notices: list[Notice],
    text: str,
) -> tuple[list[Finding], list[tuple[int, int, str]]]:
    """Findings and confirmations without the market verdicts on stale claims: those claims are not checkable.

    A market finding (error, warning) or a confirmation on a stale claim is dropped, and the figure gets an info
    finding naming the notice (unless it has one of its own), so it reads "not checked" with the reason."""
    if not spans:
        return findings, verified
    lost = {(v[0], v[1]) for v in verified if (v[0], v[1]) in spans}
    kept = []
    for f in findings:
        if (f.start, f.end) in spans and f.category in MARKET_CATEGORIES and f.severity != "info":
            lost.add((f.start, f.end))
        else:
            kept.append(f)
    explained = {(f.start, f.end) for f in kept if f.severity == "info"}
    by_subject = {n.subject: n.message for n in notices}
    for (start, end), subjects in sorted(spans.items()):
        if (start, end) in explained or (start, end) not in lost:
            continue
        why = "; ".join(by_subject[s] for s in sorted(subjects) if s in by_subject)
        kept.append(
            Finding(
                "unverifiable", "unverifiable", "info", f"Not checked (stale data): {why}", start, end, text[start:end]
            )
        )
    return kept, [v for v in verified if (v[0], v[1]) not in spans]


def announce(ctx, findings: list[Finding], result, hint: FixHint | None = None) -> list[Finding]:
    """The stale-data notices of one checked document (on ``result.notices``); returns the findings with the
    stale claims held back, and drops their confirmations from ``result.verified``."""
    from factcheck.checks.needs import claim_needs

    if ctx.market is None:
        return findings
    notices, spans = stale_notices(claim_needs(ctx), ctx.market, hint)
    result.notices = notices
    findings, result.verified = hold_back(findings, result.verified, spans, notices, ctx.doc.text)
    return findings
