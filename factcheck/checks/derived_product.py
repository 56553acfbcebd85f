"""derived-product: holdings x price = value (or cost), cost - value = loss, loss / cost = drawdown.

A stated value or cost in a currency is checked against a holding in an asset ("4,285,126 ETH") and a
price of that asset ("ETH trades near $2,088"):
- value: the holding in the same sentence; prices of the asset in the same sentence, or, when the
  value is marked current ("current market value", "now worth"), current prices within a few sentences;
- cost: holdings of the same holder within the article and the cost bases given for the asset ("an
  average estimated price of $3,800 to $3,900 per token").
Every pairing is a reading; a finding only when none of them meets the stated figure.
Losses and drawdowns are checked against the same readings: loss = cost - value, drawdown = loss / cost.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import product

from factcheck import formatting as fmt
from factcheck.checks import CheckContext
from factcheck.checks.figures import (
    ClaimIndex,
    index,
    is_asset_amount,
    is_money,
    make_finding,
    off_by_factor,
    severity_for,
    stated,
    tested,
    tolerance,
    written,
)
from factcheck.claims import canonical_asset, is_current
from factcheck.intervals import Interval
from factcheck.model import Claim, Finding, Quantity
from factcheck.rulebook import Rule


def _is_cost_basis(c: Claim) -> bool:
    return not c.assertive and (c.reason or "").startswith("cost basis")


def _holder(c: Claim) -> str | None:
    """The holder a claim is about; an asset subject ("the company's ETH holdings") names no holder."""
    return None if c.subject is None or canonical_asset(c.subject) else c.subject


def _same_holder(a: Claim, b: Claim) -> bool:
    ha, hb = _holder(a), _holder(b)
    return ha is None or hb is None or ha == hb


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    opts = ctx.options.get(rule.id, rule.options)
    idx = index(ctx)
    reach = int(opts.get("sentence_reach", 3))
    article = int(opts.get("article_chars", 2500))
    for c in idx.claims:
        q = c.quantity
        if not is_money(q) or q.value is None or not c.assertive:
            continue
        if c.metric == "value":
            yield from _check_value(ctx, rule, opts, idx, c, reach)
        elif c.metric == "cost":
            yield from _check_cost(ctx, rule, opts, idx, c, article)
    if opts.get("check_losses", True):
        from factcheck.checks import position_loss

        yield from position_loss.check(ctx, rule, opts, idx)


def _prices(idx: ClaimIndex, around: list[Claim], asset: str, *, cost_basis: bool) -> list[Claim]:
    out = []
    for p in around:
        q = p.quantity
        if not is_money(q) or q.value is None or p.metric != "price":
            continue
        if p.subject != asset:
            continue
        if cost_basis != _is_cost_basis(p):
            continue
        if not cost_basis and not p.assertive:
            continue
        out.append(p)
    return out


def _holdings_in_sentence(idx: ClaimIndex, c: Claim) -> list[Claim]:
    """The holding a value belongs to: the asset amount just before it, with no other figure in between
    ("holds 4,285,126 ETH, with a current market value of around $8.93 billion")."""
    sentence = idx.in_sentence.get(c.sentence_start, [])
    before = [h for h in sentence if h.quantity.end <= c.quantity.start]
    if not before:
        return []
    h = before[-1]
    if not is_asset_amount(h.quantity) or not h.quantity.value:
        return []
    return [h]


def _check_value(ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex, c: Claim, reach: int):
    if is_current(ctx.doc, c) is False:
        return  # "worth $3 million at the time": a past value is not recomputed at any stated price
    holdings = _holdings_in_sentence(idx, c)
    if not holdings:
        return
    h = holdings[-1]
    asset = canonical_asset(h.quantity.unit or "")
    if asset is None:
        return
    same = idx.in_sentence.get(c.sentence_start, [])
    prices = _prices(idx, same, asset, cost_basis=False)
    if not prices and is_current(ctx.doc, c):
        around = [p for p in idx.near(c, reach, reach) if is_current(ctx.doc, p) is not False]
        prices = _prices(idx, around, asset, cost_basis=False)
    if not prices:
        return
    yield from _compare_product(rule, opts, c, [h], prices, "value")


def _sentence_holder(idx: ClaimIndex, p: Claim) -> str | None:
    """The holder named by the claims of a price's sentence ("Strategy, which holds 713,502 BTC bought at ...")."""
    for o in idx.in_sentence.get(p.sentence_start, []):
        h = _holder(o)
        if h:
            return h
    return None


def _check_cost(ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex, c: Claim, article: int):
    nearby = idx.within(c, article)
    holder = _holder(c)
    holdings = _holdings_in_sentence(idx, c) or [
        h
        for h in nearby
        if is_asset_amount(h.quantity) and h.metric == "holdings" and h.assertive and _same_holder(h, c)
    ]
    if not holdings:
        return
    if holder is None:
        holders = {_holder(h) for h in holdings} - {None}
        holder = holders.pop() if len(holders) == 1 else None
    named = canonical_asset(c.subject) if c.subject else None
    if named:
        holdings = [h for h in holdings if canonical_asset(h.quantity.unit or "") == named]
    prices: list[Claim] = []
    for asset in {canonical_asset(h.quantity.unit or "") for h in holdings} - {None}:
        for p in nearby:
            q = p.quantity
            if not _is_cost_basis(p) or not is_money(q) or q.value is None or p.metric != "price":
                continue
            if p.subject == asset:
                other = _sentence_holder(idx, p)
                if holder and other and other != holder:
                    continue  # another holder's cost basis
                prices.append(p)
            elif holder and p.subject == holder:
                prices.append(replace(p, subject=asset))  # "The firm's average cost of $107,700 per coin"
    if not prices:
        return
    assets_priced = {p.subject for p in prices}
    holdings = [h for h in holdings if canonical_asset(h.quantity.unit or "") in assets_priced]
    yield from _compare_product(rule, opts, c, holdings, prices, "cost")


def _compare_product(rule: Rule, opts: dict, c: Claim, holdings: list[Claim], prices: list[Claim], what: str):
    q = c.quantity
    readings: list[str] = []
    best: tuple[float, Quantity, Quantity, Interval] | None = None
    for h, p in product(holdings, prices):
        if canonical_asset(h.quantity.unit or "") != p.subject:
            continue
        if not (stated(h.quantity).bounded and stated(p.quantity).bounded):
            continue  # "more than 41,000 ETH" cannot pin a total down
        tol = tolerance(opts, q, h.quantity, p.quantity)
        claimed = tested(q, tol)
        comp = stated(h.quantity) * stated(p.quantity)
        readings.append(f"{h.quantity.text.strip()} x {p.quantity.text.strip()} = {fmt.interval(comp, q.unit)}")
        if comp.meets(claimed):
            return
        factor = off_by_factor(comp, claimed)
        if best is None or factor < best[0]:
            best = (factor, h.quantity, p.quantity, comp)
    if best is None:
        return
    factor, hq, pq, comp = best
    tol = tolerance(opts, q, hq, pq)
    expected = fmt.interval(written(hq) * written(pq), q.unit)
    label = "value" if what == "value" else "cost"
    message = f"{hq.text.strip()} x {pq.text.strip()} = {expected}, but the text gives a {label} of {q.text.strip()}"
    work = [
        f"holding {hq.text.strip()} -> {fmt.interval(stated(hq), hq.unit)}",
        f"price {pq.text.strip()} -> {fmt.interval(stated(pq), pq.unit)}",
        f"product = {fmt.interval(comp, q.unit)}",
        f"stated {q.text.strip()} -> {fmt.interval(tested(q, tol), q.unit)} ({tol * 100:g}% tolerance)",
    ]
    severity = severity_for(comp, tested(q, tol), opts, q)
    yield make_finding(
        rule,
        q,
        message,
        severity=severity,
        expected=expected,
        others=(hq, pq),
        work=work,
        readings=readings,
    )
