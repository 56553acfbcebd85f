"""multiple: multiples ("doubled", "four times the $800 million") and discounts ("a 50% discount").

- A multiple word with a "from A to B" pair in its sentence: B / A against the multiple;
- "B ..., M times the A" (or "M times as much as A"): B / A against M, and, for "M times more than",
  also against M + 1;
- "a P% discount" (or premium) with prices of the same asset: the sentence's price and the prices of
  the few sentences before it. A discount is (reference - price) / reference; each price is tried as the
  reference against each other one. A finding only when no pairing fits;
- "it now trades at $0.03, 50% below its launch price": the named price ("launched at $0.10", the
  qualifier word within a few words before a price of the same sentence or the few before it) is the
  reference and the other prices of the sentence the price; "above" reads as a premium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import permutations

from factcheck import formatting as fmt
from factcheck.checks import CheckContext
from factcheck.checks.figures import (
    ClaimIndex,
    index,
    is_money,
    make_finding,
    multiple_interval,
    stated,
    tested,
    tolerance,
    written,
)
from factcheck.intervals import Interval
from factcheck.model import Claim, Finding, Quantity
from factcheck.relations import solver as relation_solver
from factcheck.rulebook import Rule

_TIMES_THE = re.compile(
    r"^\s*(?:times\s+)?(?P<kind>more\s+than|as\s+(?:much|many|large|high|big)\s+as|the|that\s+of|over|higher\s+than)?\s*(?:the\s+)?$",
    re.I,
)


# What may stand between a figure and "N times the X" it is compared with: "$3.2 billion, four times the",
# "$40 million was four times the", "$2 billion, or roughly three times the".
_LINK = re.compile(
    r"[\s,;:()\u2014\u2013-]*(?:(?:which|that|it)\s+)?(?:(?:is|was|are|were|been|being|or|and|about|roughly|"
    r"nearly|almost|some|around|just|over|more\s+than|itself)[\s,]+)*",
    re.I,
)


# "50% below its launch price", "20% above the previous price": the word naming the reference price.
_BELOW_PRICE = re.compile(
    r"\s*(?P<dir>below|above|under|over)\s+(?:its|the|their|that)\s+(?P<name>launch|listing|ico|ido|presale|"
    r"pre-sale|initial|previous|prior|offering|debut|opening|issue|ipo)\s+price\b",
    re.I,
)


def _multiple_interval(q: Quantity, opts: dict) -> Interval:
    return multiple_interval(q, opts)


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    opts = ctx.options.get(rule.id, rule.options)
    idx = index(ctx)
    for c in idx.claims:
        q = c.quantity
        if q.value is None:
            continue
        if q.kind == "multiple":
            yield from _check_multiple(ctx, rule, opts, idx, c)
        elif q.kind == "percent" and c.metric in ("discount", "premium"):
            yield from _check_discount(ctx, rule, opts, idx, c)
        elif q.kind == "percent" and c.assertive and q.sign >= 0:
            m = _BELOW_PRICE.match(ctx.doc.prose, q.end)
            if m:
                yield from _check_below_named(ctx, rule, opts, idx, c, m)
    yield from relation_solver.check(ctx, rule)


def _compatible(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind and a.unit == b.unit and a.kind in ("amount", "count", "measure")


def _check_multiple(ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex, c: Claim) -> Iterator[Finding]:
    q = c.quantity
    prose = ctx.doc.prose
    sentence = idx.in_sentence.get(c.sentence_start, [])
    froms = [s for s in sentence if s.role == "from"]
    tos = [s for s in sentence if s.role == "to"]
    pairs: list[tuple[Claim, Claim, str]] = []
    reach = int(opts.get("pair_chars", 60))
    for f in froms:
        for t in tos:
            if not _compatible(f.quantity, t.quantity):
                continue
            lo, hi = min(q.start, f.quantity.start, t.quantity.start), max(q.end, f.quantity.end, t.quantity.end)
            inside = [s for s in sentence if lo <= s.quantity.start < hi and s not in (c, f, t)]
            if hi - lo > 2 * reach + len(q.text) or any(s.quantity.kind in ("percent", "multiple") for s in inside):
                continue  # "doubled ..., and fees rose 45% from $2.2 million to $3.6 million": another clause's pair
            pairs.append((f, t, "ratio"))
    pairs.sort(key=lambda p: abs(p[0].quantity.start - q.start) + abs(p[1].quantity.start - q.start))
    if not pairs:
        after = [s for s in sentence if s.quantity.start > q.end]
        if after:
            a = after[0]
            gap = prose[q.end : a.quantity.start]
            m = _TIMES_THE.match(gap)
            if m and re.search(r"times|fold|twice", q.text + gap, re.I):
                before = [s for s in sentence if s.quantity.end <= q.start and _compatible(s.quantity, a.quantity)]
                if before and not _LINK.fullmatch(prose[before[-1].quantity.end : q.start]):
                    before = []  # "which raised $50 million last year, now targets four times ...": another predicate
                if before:
                    kind = "more" if m.group("kind") and m.group("kind").lower().startswith("more") else "ratio"
                    pairs.append((a, before[-1], kind))
    for base, result, kind in pairs[:1]:
        bq, rq = base.quantity, result.quantity
        if bq.value is None or rq.value is None or stated(bq).lo <= 0:
            continue
        computed = stated(rq) / stated(bq)
        claimed = _multiple_interval(q, opts)
        readings = [f"{rq.text.strip()} / {bq.text.strip()} = {fmt.interval(computed, 'times')}"]
        fits = computed.meets(claimed)
        if kind == "more":
            readings.append(f"'{q.text.strip()} more than' read as {fmt.interval(claimed + 1, 'times')}")
            fits = fits or computed.meets(claimed + 1)
        if fits:
            continue
        exp = fmt.interval(written(rq) / written(bq), "times")
        gross = computed.hi * 1.5 < claimed.lo or computed.lo > claimed.hi * 1.5
        yield make_finding(
            rule,
            q,
            f"{rq.text.strip()} is {exp} {bq.text.strip()}, not {q.text.strip()}",
            severity="error" if gross else None,
            expected=exp,
            others=(bq, rq),
            work=[
                f"{rq.text.strip()} / {bq.text.strip()} = {exp} ({fmt.interval(computed, 'times')} with rounding)",
                f"stated: {fmt.interval(claimed, 'times')}",
            ],
            readings=readings,
        )


def _check_discount(ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex, c: Claim) -> Iterator[Finding]:
    q = c.quantity
    reach = int(opts.get("sentence_reach", 3))
    same = [s for s in idx.in_sentence.get(c.sentence_start, []) if is_money(s.quantity) and s.quantity.value]
    if not same:
        return
    unit = same[0].quantity.unit
    earlier = [
        s
        for s in idx.near(c, reach)
        if s.sentence_start < c.sentence_start
        and is_money(s.quantity)
        and s.quantity.unit == unit
        and s.quantity.value
        and s.metric == "price"
        and (s.subject == c.subject or s.subject is None or c.subject is None)
    ]
    prices = same + earlier
    if len(prices) < 2:
        return
    tol = tolerance(opts, q)
    claimed = tested(q, tol)
    if c.metric == "premium":
        claimed = -claimed
    readings: list[str] = []
    best: tuple[float, Claim, Claim, Interval] | None = None
    for ref, price in permutations(prices, 2):
        if not any(x in same for x in (ref, price)):
            continue
        r, p = stated(ref.quantity), stated(price.quantity)
        if r.lo <= 0:
            continue
        disc = (1.0 - p / r) * 100.0  # one occurrence of each interval: no dependency widening
        readings.append(
            f"{price.quantity.text.strip()} against {ref.quantity.text.strip()}: {fmt.interval(disc, '%')} discount"
        )
        if disc.meets(claimed):
            return
        gap = disc.gap(claimed)
        if best is None or gap < best[0]:
            best = (gap, ref, price, disc)
    if best is None:
        return
    _, ref, price, disc = best
    exp = fmt.interval((1.0 - written(price.quantity) / written(ref.quantity)) * 100.0, "%")
    implied = written(ref.quantity) * (1 - claimed.mid / 100)
    yield make_finding(
        rule,
        q,
        f"{price.quantity.text.strip()} against {ref.quantity.text.strip()} is a {exp} discount, not {q.text.strip()}"
        f" (a {q.text.strip()} discount to {ref.quantity.text.strip()} would be {fmt.interval(implied, unit)})",
        severity="error" if len(readings) > 1 else None,
        expected=exp,
        others=(ref.quantity, price.quantity),
        work=[
            f"1 - {price.quantity.text.strip()} / {ref.quantity.text.strip()} = {exp} "
            f"({fmt.interval(disc, '%')} with rounding)",
            f"stated: {fmt.interval(claimed, '%')}",
        ],
        readings=readings,
    )


def _named_before(ctx: CheckContext, s: Claim, name: str) -> bool:
    """The qualifier ("launch") is written within a few words before the price ("launched at $0.10")."""
    before = ctx.doc.prose[max(0, s.quantity.start - 40) : s.quantity.start]
    stem = re.escape(name.lower()[:5])
    return re.search(rf"\b{stem}\w*(?:\s+\w+){{0,3}}\s*(?:at|of|was|:)?\s*$", before, re.I) is not None


def _check_below_named(
    ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex, c: Claim, m: re.Match
) -> Iterator[Finding]:
    """ "it now trades at $0.03, 50% below its launch price" against "launched at $0.10"."""
    q = c.quantity
    reach = int(opts.get("sentence_reach", 3))
    same = [
        s
        for s in idx.in_sentence.get(c.sentence_start, [])
        if is_money(s.quantity) and s.quantity.value and s.metric in ("price", None) and s.quantity.start < q.start
    ]
    if not same:
        return
    unit = same[-1].quantity.unit
    refs = [
        s
        for s in idx.near(c, reach)
        if s.sentence_start <= c.sentence_start
        and s.quantity.start < q.start
        and is_money(s.quantity)
        and s.quantity.unit == unit
        and s.quantity.value
        and s.metric in ("price", None)
        and (s.subject == c.subject or s.subject is None or c.subject is None)
        and _named_before(ctx, s, m.group("name"))
    ]
    prices = [s for s in same if s.quantity.unit == unit and s not in refs]
    if len(refs) != 1 or not prices:
        return  # no single named reference price: nothing to compare with
    ref = refs[0]
    tol = tolerance(opts, q)
    claimed = tested(q, tol)
    above = m.group("dir").lower() in ("above", "over")
    r = stated(ref.quantity)
    if r.lo <= 0:
        return
    readings: list[str] = []
    best: tuple[float, Claim, Interval] | None = None
    for price in prices:
        p = stated(price.quantity)
        change = (p / r - 1.0) * 100.0 if above else (1.0 - p / r) * 100.0
        word = "above" if above else "below"
        readings.append(
            f"{price.quantity.text.strip()} against {ref.quantity.text.strip()}: {fmt.interval(change, '%')} {word}"
        )
        if change.meets(claimed):
            return
        gap = change.gap(claimed)
        if best is None or gap < best[0]:
            best = (gap, price, change)
    if best is None:
        return
    _, price, change = best
    w = written(price.quantity) / written(ref.quantity)
    exp = fmt.interval((w - 1.0) * 100.0 if above else (1.0 - w) * 100.0, "%")
    word = "above" if above else "below"
    yield make_finding(
        rule,
        q,
        f"{price.quantity.text.strip()} is {exp} {word} {ref.quantity.text.strip()}, not {q.text.strip()}",
        severity="error",
        expected=exp,
        others=(ref.quantity, price.quantity),
        work=[
            f"{'' if above else '1 - '}{price.quantity.text.strip()} / {ref.quantity.text.strip()}"
            f"{' - 1' if above else ''} = {exp} ({fmt.interval(change, '%')} with rounding)",
            f"stated: {fmt.interval(claimed, '%')}",
        ],
        readings=readings,
    )
