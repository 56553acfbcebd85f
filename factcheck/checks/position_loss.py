"""Losses and drawdowns of a position (part of the derived-product rule).

A position's unrealized loss is cost - value, its drawdown loss / cost (or, per unit, 1 - price / average
cost). The costs tried are the stated acquisition costs and holdings x cost bases; the values, the stated
current values and holdings x current prices; all within the same article and for the same asset. A loss or
drawdown is flagged only when no pairing of a cost and a value meets it. Only figures whose sentence speaks
of a position ("unrealized", "paper", "drawdown", "underwater", "on its position", a holding) are read as a
position's loss, so losses from hacks, fines or trading are never checked here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck import formatting as fmt
from factcheck.checks import CheckContext
from factcheck.checks.figures import (
    ClaimIndex,
    is_asset_amount,
    is_money,
    make_finding,
    severity_for,
    stated,
    tested,
    tolerance,
)
from factcheck.claims import canonical_asset, is_current
from factcheck.intervals import Interval
from factcheck.model import Claim, Finding, Quantity
from factcheck.rulebook import Rule

_POSITION = re.compile(
    r"\b(?:unreali[sz]ed|paper\s+(?:loss|losses|value)|drawdown|underwater|under\s+water|on\s+its\s+position|"
    r"treasury|holdings?)\b",
    re.I,
)


@dataclass(slots=True)
class Figure:
    """A cost or value reading: the interval and how it was obtained."""

    interval: Interval
    label: str
    sources: tuple[Quantity, ...]


def _asset_of(c: Claim, holdings: list[Claim]) -> str | None:
    if c.subject and canonical_asset(c.subject):
        return canonical_asset(c.subject)
    assets = {canonical_asset(h.quantity.unit or "") for h in holdings} - {None}
    return assets.pop() if len(assets) == 1 else None


def _bounded(q: Quantity) -> bool:
    return stated(q).bounded


def readings(ctx: CheckContext, idx: ClaimIndex, c: Claim, article: int) -> tuple[list[Figure], list[Figure]]:
    """(costs, values) for the position the claim ``c`` speaks of."""
    nearby = idx.within(c, article)
    holdings = [h for h in nearby if is_asset_amount(h.quantity) and h.metric == "holdings" and h.assertive]
    holdings = [h for h in holdings if _bounded(h.quantity)]
    asset = _asset_of(c, holdings)
    if asset is None:
        return [], []
    holdings = [h for h in holdings if canonical_asset(h.quantity.unit or "") == asset]
    costs: list[Figure] = []
    values: list[Figure] = []
    for o in nearby:
        q = o.quantity
        if not is_money(q) or q.value is None:
            continue
        basis = not o.assertive and (o.reason or "").startswith("cost basis")
        if o.metric == "cost" and o.assertive:
            costs.append(Figure(stated(q), q.text.strip(), (q,)))
        elif o.metric == "value" and o.assertive and is_current(ctx.doc, o) is not False:
            values.append(Figure(stated(q), q.text.strip(), (q,)))
        elif o.metric == "price" and o.subject == asset and _bounded(q):
            for h in holdings:
                product = stated(h.quantity) * stated(q)
                label = f"{h.quantity.text.strip()} x {q.text.strip()}"
                if basis:
                    costs.append(Figure(product, label, (h.quantity, q)))
                elif o.assertive and is_current(ctx.doc, o) is not False:
                    values.append(Figure(product, label, (h.quantity, q)))
    return costs, values


def check(ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex) -> Iterator[Finding]:
    article = int(opts.get("article_chars", 2500))
    position: dict[int, bool] = {}
    for c in idx.claims:
        q = c.quantity
        if not c.assertive or q.value is None or c.metric not in ("loss", "drawdown"):
            continue
        if c.sentence_start not in position:
            sentence = ctx.doc.prose[c.sentence_start : c.sentence_end]
            position[c.sentence_start] = _POSITION.search(sentence) is not None
        if not position[c.sentence_start]:
            continue
        if c.metric == "loss" and is_money(q):
            yield from _check_loss(ctx, rule, opts, idx, c, article)
        elif c.metric == "drawdown" and q.kind == "percent":
            yield from _check_drawdown(ctx, rule, opts, idx, c, article)


def _check_loss(ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex, c: Claim, article: int):
    costs, values = readings(ctx, idx, c, article)
    if not costs or not values:
        return
    q = c.quantity
    tried: list[str] = []
    best: tuple[float, Figure, Figure, Interval] | None = None
    for cost in costs:
        for value in values:
            loss = cost.interval - value.interval
            tol = tolerance(opts, q, *cost.sources, *value.sources)
            claimed = tested(q, tol)
            tried.append(f"{cost.label} - {value.label} = {fmt.interval(loss, q.unit)}")
            if loss.meets(claimed):
                return
            gap = loss.gap(claimed)
            if best is None or gap < best[0]:
                best = (gap, cost, value, loss)
    if best is None:
        return
    _, cost, value, loss = best
    tol = tolerance(opts, q, *cost.sources, *value.sources)
    exp = fmt.interval(loss, q.unit)
    yield make_finding(
        rule,
        q,
        f"cost {cost.label} less value {value.label} is a loss of {exp}, but the text says {q.text.strip()}",
        severity=severity_for(loss, tested(q, tol), opts, q),
        expected=exp,
        others=(*cost.sources, *value.sources),
        work=[
            f"loss = cost - value = {fmt.interval(cost.interval, q.unit)} - "
            f"{fmt.interval(value.interval, q.unit)} = {exp}"
        ],
        readings=tried,
    )


def _check_drawdown(ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex, c: Claim, article: int):
    costs, values = readings(ctx, idx, c, article)
    q = c.quantity
    tol = tolerance(opts, q)
    claimed = abs(tested(q, tol))
    tried: list[str] = []
    best: tuple[float, str, Interval, tuple[Quantity, ...]] | None = None
    stated_losses = [
        o
        for o in idx.within(c, article)
        if o.metric == "loss"
        and is_money(o.quantity)
        and o.assertive
        and o.quantity.value is not None
        and _bounded(o.quantity)  # "more than $7 billion" cannot pin a drawdown down
    ]
    pairs: list[tuple[str, Interval, tuple[Quantity, ...]]] = []
    for cost in costs:
        for value in values:
            pairs.append(
                (
                    f"1 - ({value.label}) / ({cost.label})",
                    (1.0 - value.interval / cost.interval) * 100.0,
                    (*cost.sources, *value.sources),
                )
            )
        for loss in stated_losses:
            pairs.append(
                (
                    f"{loss.quantity.text.strip()} / ({cost.label})",
                    stated(loss.quantity) / cost.interval * 100.0,
                    (loss.quantity, *cost.sources),
                )
            )
    if not pairs:
        return
    for label, dd, sources in pairs:
        tried.append(f"{label} = {fmt.interval(dd, '%')}")
        if dd.meets(claimed):
            return
        gap = dd.gap(claimed)
        if best is None or gap < best[0]:
            best = (gap, label, dd, sources)
    assert best is not None
    _, label, dd, sources = best
    exp = fmt.interval(dd, "%")
    yield make_finding(
        rule,
        q,
        f"the drawdown {label} is {exp}, but the text says {q.text.strip()}",
        severity=severity_for(dd, claimed, opts, q),
        expected=exp,
        others=sources,
        work=[f"drawdown = {label} = {exp}"],
        readings=tried,
    )
