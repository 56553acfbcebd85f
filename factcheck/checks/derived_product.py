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
from factcheck.relations import solver as relation_solver
from factcheck.relations.spec import roles
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
    yield from relation_solver.check(ctx, rule)


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


def _before_in_sentence(ctx: CheckContext, idx: ClaimIndex, c: Claim) -> list[Claim]:
    """Claims before a figure in its sentence; a sentence cut at a colon and a line break ("is now sitting on
    paper losses:\nat $63,000 a coin its stack is worth ...") reads on from the one before it."""
    before = [h for h in idx.in_sentence.get(c.sentence_start, []) if h.quantity.end <= c.quantity.start]
    i = idx.sentence_index(c)
    if i > 0:
        ps, pe = idx.sentences[i - 1]
        prose = ctx.doc.prose
        if not prose[pe : c.sentence_start].strip() and prose[ps:pe].rstrip().endswith(":"):
            before = idx.in_sentence.get(ps, []) + before
    return before


def _per_unit(ctx: CheckContext, opts: dict, rule: Rule, p: Claim) -> bool:
    """A money figure written as a price per unit ("$63,000 a coin", "$2,000 per token")."""
    words = opts.get("per_unit_words", rule.options.get("per_unit_words", []))
    after = ctx.doc.prose[p.quantity.end : p.quantity.end + 24].lower()
    return any(after.startswith(" " + w + suffix) for w in words for suffix in (" ", ",", ".", ";", ")"))


def _unit_price(ctx: CheckContext, opts: dict, rule: Rule, p: Claim) -> bool:
    return is_money(p.quantity) and (p.metric == "price" or _is_cost_basis(p) or _per_unit(ctx, opts, rule, p))


def _holdings_in_sentence(ctx: CheckContext, opts: dict, rule: Rule, idx: ClaimIndex, c: Claim) -> list[Claim]:
    """The holding a value belongs to: the asset amount just before it, with no other figure in between
    ("holds 4,285,126 ETH, with a current market value of around $8.93 billion") but unit prices
    ("holds 713,502 BTC bought at an average of $76,052: at $63,000 a coin its stack is worth ...")."""
    for h in reversed(_before_in_sentence(ctx, idx, c)):
        if _unit_price(ctx, opts, rule, h):
            continue
        if not is_asset_amount(h.quantity) or not h.quantity.value:
            return []
        return [h]
    return []


def _check_value(ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex, c: Claim, reach: int):
    if is_current(ctx.doc, c) is False:
        return  # "worth $3 million at the time": a past value is not recomputed at any stated price
    holdings = _holdings_in_sentence(ctx, opts, rule, idx, c)
    if not holdings:
        return
    h = holdings[-1]
    asset = canonical_asset(h.quantity.unit or "")
    if asset is None:
        return
    same = idx.in_sentence.get(c.sentence_start, [])
    prices = _prices(idx, same, asset, cost_basis=False)
    # "at $63,000 a coin its stack is worth ...": a price per unit of no named asset, before the value in its
    # sentence, is the holding's
    prices += [
        replace(p, subject=asset)
        for p in same
        if p.subject is None
        and p.assertive
        and p.quantity.value is not None
        and p.quantity.end <= c.quantity.start
        and is_money(p.quantity)
        and _per_unit(ctx, opts, rule, p)
    ]
    if not prices and is_current(ctx.doc, c):
        around = [p for p in idx.near(c, reach, reach) if is_current(ctx.doc, p)]  # a dated price is not current
        prices = _prices(idx, around, asset, cost_basis=False)
    # a value in pounds is not priced in dollars, nor a holding of coins at a price per share
    per_other = roles().after["per_other"]
    prices = [
        p
        for p in prices
        if p.quantity.unit == c.quantity.unit
        and not per_other.match(ctx.doc.prose, p.quantity.end)
        and float(p.quantity.value or 0) < float(c.quantity.value or 0)  # a unit price is below the total
    ]
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
    holdings = _holdings_in_sentence(ctx, opts, rule, idx, c) or [
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
    for asset in sorted({canonical_asset(h.quantity.unit or "") for h in holdings} - {None}):  # a stable order
        for p in nearby:
            q = p.quantity
            if not _is_cost_basis(p) or not is_money(q) or q.value is None:
                continue
            if p.metric not in ("price", "holdings"):
                continue  # "holds 713,502 BTC bought at an average of $76,052": read as the holding's price
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
    if best is None or best[0] > float(opts.get("plausible_factor", 50.0)):
        return  # "640,250 BTC x $25.6 billion": a product this far off pairs figures that are not holding and price
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
