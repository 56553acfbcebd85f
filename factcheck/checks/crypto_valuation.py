"""crypto-valuation: a crypto amount and its stated value, against the asset's price.

PASS: "CoinGecko estimates that BitMine holds 4,285,126 ETH, with a current market value of around $8.93
billion." (as of 2026-02-05: $8.93 billion / 4,285,126 ETH = $2,084 a coin; ETH/USDT traded 1,818.18 to
2,173.77 that day).
FAIL: "BitMine holds 4,285,126 ETH, with a current market value of around $12 billion." ($2,800 a coin).

The value divided by the amount is the price the text implies; it must fall within the traded range of a
day the sentence allows: the date it names, the publication day or the day before; for an event told in
the past with no date of its own ("lost 8,535 ETH, valued at around $26.4 million"), also any date the
sentence before names and, failing that, any day of the `lookback_days` before publication (the theft may
have happened on any of them). A value marked as current ("current market value", "now worth") is read
at press time only. The range is widened by `tolerance`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import TYPE_CHECKING

from factcheck.checks import market_common as mc
from factcheck.claims import lexicon
from factcheck.dates import Window
from factcheck.intervals import Interval
from factcheck.model import Claim, Finding, Quantity
from factcheck.sentences import sentences

if TYPE_CHECKING:
    from factcheck.checks import CheckContext
    from factcheck.rulebook import Rule

ONE_DAY = timedelta(days=1)


def valuation_pairs(ctx: CheckContext) -> list[tuple[Claim, Claim]]:
    return mc.per_context(ctx, "valuation_pairs", _valuation_pairs)


def _valuation_pairs(ctx: CheckContext) -> list[tuple[Claim, Claim]]:
    """(crypto amount, its value in USD) pairs: an amount followed by its value ("8,535 ETH, valued at around
    $26.4 million"), or a value that reads as one (worth, valued at: the ``total`` role of the relation engine,
    not a ``cost``) with the nearest holding before it in its sentence, or in the sentences before when its
    sentence refers back to it ("that stockpile was worth $1.4 billion on Tuesday")."""
    from factcheck.relations.solver import scene

    pairs = mc.adjacent_pairs(ctx, mc.cues().valuation_between, 80, _amount_and_value)
    seen = {id(b) for _, b in pairs}
    sc = scene(ctx)
    for fig in sc.figs:
        qb = fig.q
        if id(fig.claim) in seen or qb.unit not in ("USD", "USDT") or "total" not in fig.roles:
            continue
        if fig.roles & {"cost", "per_unit", "per_coin", "per_other"} or fig.claim.metric not in ("value", None):
            continue
        if lexicon().basis_verbs.search(ctx.doc.prose, fig.clause[0], qb.start):
            continue  # "acquiring about 43,200 coins for roughly $1.7 billion": what was paid, not a market value
        scope = sc.scope(fig, "sentence", reference=True)
        holdings = [f for f in scope if f.q.end <= qb.start and _amount_and_value(f.q, qb)]
        if holdings:
            pairs.append((max(holdings, key=lambda f: f.q.start).claim, fig.claim))
    return pairs


def _amount_and_value(qa: Quantity, qb: Quantity) -> bool:
    return qa.value is not None and qb.value is not None and mc.is_crypto(qa.unit) and qb.unit in ("USD", "USDT")


def _previous_sentence_windows(ctx: CheckContext, claim: Claim) -> list[Window]:
    lo = max(0, claim.sentence_start - 600)
    spans = sentences(ctx.doc.prose, lo, claim.sentence_start)
    if not spans:
        return []
    s, e = spans[-1]
    return [w for r in mc.sentence_dates(ctx, s, e) if not r.since and r.kind != "per" for w in r.windows]


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    if ctx.market is None or ctx.as_of is None:
        return
    opts = mc.options(ctx, rule)
    tol = float(opts.get("tolerance", 0.02))
    lookback = int(opts.get("lookback_days", 365))
    error_gap = float(opts.get("error_gap", 0.1))
    plausible = float(opts.get("plausible_factor", 5.0))
    for a, b in valuation_pairs(ctx):
        if not b.assertive and not a.assertive:
            continue
        qa, qb = a.quantity, b.quantity
        asset = str(qa.unit).upper()
        if not mc.has_prices(ctx.market, asset):
            continue
        implied = mc.stated_interval(qb) / mc.stated_interval(qa)
        sentence = mc.sentence(ctx, b)
        now = bool(mc.cues().now.search(sentence))
        ref = mc.claim_date(ctx, b) or mc.claim_date(ctx, a)
        windows: list[Window] = []
        if ref is not None and ref.windows and not now:
            windows += ref.windows
        windows += mc.press(ctx)
        if not now and (ref is None or not ref.windows):
            windows += _previous_sentence_windows(ctx, b)
            start = ctx.as_of - timedelta(days=lookback)
            windows.append(
                Window(start, ctx.as_of, f"{start}..{ctx.as_of} (any day of the {lookback} days before publication)")
            )
        tried, sources, work = [], [], []
        fits = False
        best_gap = None
        first_span: Interval | None = None
        for w in windows:
            bs = mc.bands(ctx.market, asset, w.start, w.end)
            if not bs:
                continue
            span = mc.hull(bs)
            first_span = first_span or span
            allowed = span.widen(tol)
            tried.append(f"{w.reading}: {asset} traded {mc.price(span.lo)} to {mc.price(span.hi)} {bs[0].quote}")
            if len(bs) <= 2:
                sources += [x.source for x in bs]
                work += [f"{asset}/{x.quote} {mc.describe(x)}" for x in bs]
            if implied.meets(allowed):
                fits = True
                ctx.verified.append(
                    (
                        qb.start,
                        qb.end,
                        f"{qb.text} / {qa.text} = {mc.formatting.interval(implied, 'USD', 4)} a coin; {tried[-1]}",
                    )
                )
                break
            gap = implied.gap(allowed) / max(span.mid, 1e-12)
            best_gap = gap if best_gap is None else min(best_gap, gap)
        if fits or not tried or first_span is None:
            continue
        if not first_span.lo / plausible <= implied.mid <= first_span.hi * plausible:
            continue  # "$4.6 billion worth of shares ... 11 Bitcoin ETFs": this far from any price, not their value
        message = (
            f"{qb.text} for {qa.text} is {mc.formatting.interval(implied, 'USD', 4)} a coin; "
            f"{tried[0].split(': ', 1)[1]} on {tried[0].split(' (')[0]}"
        )
        work.insert(0, f"{qb.text} / {qa.text} = {mc.formatting.interval(implied, 'USD', 4)} per {asset}")
        work.append(f"allowed: each day's range widened by {tol:.0%}")
        yield mc.make_finding(
            rule,
            b,
            message,
            related=[qa],
            sources=sources,
            work=work,
            readings=tried,
            severity="error" if best_gap is not None and best_gap > error_gap else "warning",
            expected=mc.formatting.interval(first_span * mc.stated_interval(qa), "USD", 3),
        )
