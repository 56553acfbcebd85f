"""Losses and drawdowns of a position (part of the derived-product rule).

A position's unrealized loss is cost - value, its drawdown loss / cost (or, per unit, 1 - price / average
cost). The costs tried are the stated acquisition costs and holdings x cost bases; the values, the stated
current values and holdings x current prices; all within the same article and for the same asset. A loss or
drawdown is flagged only when no pairing of a cost and a value meets it. Only figures whose sentence speaks
of a position ("unrealized", "paper", "drawdown", "underwater", "on its position", a holding) are read as a
position's loss, so losses from hacks, fines or trading are never checked here.

"bought 1,000 BTC at $95,000 each, a $95 million position that is now worth about $63 million, a loss of
roughly 24%": a percent loss that closes a sentence of a purchase is read as 1 - value / cost, with the
value the figure marked "now worth" and the costs the other totals before it and holding x unit price
("at $95,000 each"), all in that sentence.
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
    written,
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
    yield from _percent_losses(ctx, rule, opts, idx)


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


# ---------------------------------------------------------------- "..., a loss of roughly 24%."

_LOSS_OF = re.compile(r"\b(?:a|an)\s+(?:(?:paper|unreali[sz]ed|total|net)\s+)?loss\s+of\s*$", re.I)
_LOSS_ENDS = re.compile(
    r"\s*(?:on\s+(?:the|its|their|his|her|that)\s+(?:position|investment|stake|holdings?|purchase))?"
    r"\s*[.!;]?[\"'\u201d\u2019)]*\s*",
    re.I,
)
_PURCHASE = re.compile(r"\b(?:bought|purchased|acquired|invested|paid|position)\b", re.I)
_NOW_WORTH = re.compile(
    r"\b(?:now|currently|today)\s+(?:(?:is|are)\s+)?(?:worth|valued\s+at)\s*$|\bis\s+now\s+(?:worth|valued\s+at)\s*$",
    re.I,
)
_PER_UNIT = re.compile(r"\s*(?:each|apiece|per\s+\w+|a\s+(?:coin|token|unit|share))\b", re.I)


def _percent_losses(ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex) -> Iterator[Finding]:
    prose = ctx.doc.prose
    for c in idx.claims:
        q = c.quantity
        if q.kind != "percent" or q.value is None or not c.assertive or c.metric not in (None, "loss"):
            continue
        if q.sign < 0 or not _LOSS_OF.search(prose[c.sentence_start : q.start]):
            continue
        if not _LOSS_ENDS.fullmatch(prose[q.end : c.sentence_end]):
            continue  # "a loss of 24% since Monday": another window
        sentence = [s for s in idx.in_sentence.get(c.sentence_start, []) if s.quantity.start < q.start]
        if not _PURCHASE.search(prose[c.sentence_start : q.start]):
            continue
        values = [
            s
            for s in sentence
            if is_money(s.quantity)
            and s.quantity.value
            and _NOW_WORTH.search(prose[max(c.sentence_start, s.quantity.start - 40) : s.quantity.start])
        ]
        if len(values) != 1:
            continue
        value = values[0]
        unit = value.quantity.unit
        before = [s for s in sentence if s.quantity.start < value.quantity.start]
        unit_prices = [
            s
            for s in before
            if is_money(s.quantity) and s.quantity.unit == unit and _PER_UNIT.match(prose, s.quantity.end)
        ]
        holdings = [s for s in before if is_asset_amount(s.quantity) and _bounded(s.quantity)]
        costs: list[Figure] = [
            Figure(stated(s.quantity), s.quantity.text.strip(), (s.quantity,))
            for s in before
            if is_money(s.quantity) and s.quantity.unit == unit and s.quantity.value and s not in unit_prices
        ]
        for h in holdings:
            for p in unit_prices:
                if p.quantity.start > h.quantity.start and _bounded(p.quantity):
                    costs.append(
                        Figure(
                            stated(h.quantity) * stated(p.quantity),
                            f"{h.quantity.text.strip()} x {p.quantity.text.strip()}",
                            (h.quantity, p.quantity),
                        )
                    )
        if not costs:
            continue
        v = stated(value.quantity)
        tried: list[str] = []
        best: tuple[float, Figure, Interval] | None = None
        met = False
        for cost in costs:
            if cost.interval.lo <= 0:
                continue
            tol = tolerance(opts, q, value.quantity, *cost.sources)
            claimed = tested(q, tol)
            dd = (1.0 - v / cost.interval) * 100.0
            tried.append(f"1 - {value.quantity.text.strip()} / ({cost.label}) = {fmt.interval(dd, '%')}")
            if dd.meets(claimed):
                met = True
                break
            gap = dd.gap(claimed)
            if best is None or gap < best[0]:
                best = (gap, cost, dd)
        if met or best is None:
            continue
        _, cost, dd = best
        tol = tolerance(opts, q, value.quantity, *cost.sources)
        w_cost = written(cost.sources[0])
        for extra in cost.sources[1:]:
            w_cost = w_cost * written(extra)
        exp = fmt.interval((1.0 - written(value.quantity) / w_cost) * 100.0, "%")
        yield make_finding(
            rule,
            q,
            f"the loss of {value.quantity.text.strip()} against a cost of {cost.label} is {exp}, "
            f"but the text says {q.text.strip()}",
            severity=severity_for(dd, tested(q, tol), opts, q),
            expected=exp,
            others=(*cost.sources, value.quantity),
            work=[
                f"loss / cost = 1 - {value.quantity.text.strip()} / ({cost.label}) = {exp} "
                f"({fmt.interval(dd, '%')} with rounding)"
            ],
            readings=tried,
        )
