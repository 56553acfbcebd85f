"""percent-change: a stated percent change against the two figures it was computed from.

Pairs are read from one sentence only: "from A to B, a P% drop", "rose P% from A to B", "fell P% to B
from A", "B, up P% from A", "B ..., a P% surge from the A ...". Readings tried: the change from A to B;
the change read backwards (B to A) when the text gives no direction; "B is P% of A" when the percent
follows "of". A finding only when no reading meets the stated percent (with the rule's tolerances).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck import formatting as fmt
from factcheck.checks import CheckContext
from factcheck.checks.figures import (
    ClaimIndex,
    index,
    is_level_percent,
    is_money,
    make_finding,
    severity_for,
    stated,
    tested,
    tolerance,
    written,
)
from factcheck.claims import mask
from factcheck.intervals import Interval, percent_change, share
from factcheck.model import Claim, Finding, Quantity
from factcheck.relations import solver as relation_solver
from factcheck.rulebook import Rule

# "B <noun phrase>, (up|down|a|an) [adjective] P% <change noun> (from|over|compared with) [the] A"
_TRAILING = re.compile(
    r"(?P<b>§+)(?P<np>[^§.;:()]{0,60}?),\s*(?:(?:up|down|or|a|an)\s+)?(?:(?:notable|massive|whopping|staggering|"
    r"modest|sharp|steep|mere|further)\s+)?(?P<p>§+)\s*(?:(?:\w+[\s-]){0,2}?)(?:from|over|compared\s+(?:to|with)|versus|vs\.?)"
    r"\s+(?:the\s+|its\s+|a\s+)?(?P<a>§+)",
    re.I,
)


# between a percent and the percent it is the new level of: "24%, up from 20%"
_LEVEL_FROM = re.compile(
    r"\s*,?\s*(?:(?:up|down|rising|falling|climbing|dropping|slipping)\s+)?from\s+(?:the\s+)?", re.I
)


def _unit_compatible(a: Quantity, b: Quantity) -> bool:
    """Two figures a change can be computed between: same kind and unit (percents too: "from 55% to 60%")."""
    return (
        a.kind == b.kind
        and (a.unit or None) == (b.unit or None)
        and a.kind in ("amount", "count", "measure", "percent")
    )


def _pairs(ctx: CheckContext, idx: ClaimIndex) -> Iterator[tuple[Claim, Claim, Claim]]:
    """(from, to, percent) triples read from single sentences."""
    for sentence in idx.in_sentence.values():
        qs = [c for c in sentence]
        froms = [c for c in qs if c.role == "from"]
        tos = [c for c in qs if c.role == "to"]
        used: set[int] = set()
        for f in froms:
            cands = [t for t in tos if _unit_compatible(f.quantity, t.quantity) and id(t) not in used]
            if not cands:
                continue
            t = min(cands, key=lambda t: abs(t.quantity.start - f.quantity.start))
            if abs(t.quantity.start - f.quantity.start) > 120:
                continue
            used.add(id(t))
            lo, hi = min(f.quantity.start, t.quantity.start), max(f.quantity.end, t.quantity.end)
            pcts = [
                c
                for c in qs
                if c.quantity.kind == "percent"
                and c is not f
                and c is not t
                and c.metric in ("change", "other_change", None, "drawdown", "share")
                and (abs(c.quantity.start - hi) <= 80 or abs(lo - c.quantity.end) <= 80)
            ]
            if len(pcts) >= 1:
                p = min(pcts, key=lambda c: min(abs(c.quantity.start - hi), abs(lo - c.quantity.end)))
                if is_level_percent(ctx.doc.prose, p.quantity):
                    continue  # "cut its estimate from 1.2% to 1.0%": a level, not the change
                if f.quantity.kind == "percent" and _LEVEL_FROM.fullmatch(
                    ctx.doc.prose[p.quantity.end : f.quantity.start]
                ):
                    continue  # "USDC has 24%, up from 20%": 24% is the new level of the 20%, not a change
                yield f, t, p
        # "B ..., a P% surge from the A"
        if (not froms or not tos) and len(qs) >= 3 and any(c.quantity.kind == "percent" for c in qs):
            s0 = sentence[0].sentence_start
            masked = _masked(ctx)[s0 : sentence[0].sentence_end]
            by_start = {c.quantity.start - s0: c for c in qs}
            for m in _TRAILING.finditer(masked):
                b, p, a = by_start.get(m.start("b")), by_start.get(m.start("p")), by_start.get(m.start("a"))
                if not (a and b and p) or p.quantity.kind != "percent":
                    continue
                if not _unit_compatible(a.quantity, b.quantity):
                    continue
                yield a, b, p


_MASKED: list[tuple[object, str]] = []


def _masked(ctx: CheckContext) -> str:
    """The document with its figures masked, once per context."""
    if not _MASKED or _MASKED[0][0] is not ctx.quantities:
        _MASKED[:] = [(ctx.quantities, mask(ctx.doc.prose, ctx.quantities))]
    return _MASKED[0][1]


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    opts = ctx.options.get(rule.id, rule.options)
    idx = index(ctx)
    for f, t, p in _pairs(ctx, idx):
        says_of = bool(re.match(r"\s+of\b", ctx.doc.prose[p.quantity.end : p.quantity.end + 8]))
        yield from _check_triple(rule, opts, f, t, p, says_of)
    yield from _of_a_price(ctx, rule, opts, idx)
    yield from relation_solver.check(ctx, rule)


# "This is by 300% of its initial price, which is $0.01" / "This would increase 2,400% of the current price"
_OF_PRICE = re.compile(
    r"\s*of\s+(?:its|the|their|a|our)\s+(?P<which>current|initial|original|launch|listing|presale|pre-sale|"
    r"starting|opening|previous|present|today'?s|entry|ico)\s+(?:token\s+)?price\b(?P<rest>[^.;]{0,40})",
    re.I,
)


def _of_a_price(ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex) -> Iterator[Finding]:
    """A percent "of its initial/current price" read against the prices around it.

    The compared price is the sentence's own price, else the prices of the sentence before ("This is ...");
    the base is the figure after "which is", else the latest stated price of the same asset within
    ``of_price_chars`` before. Readings: an increase by P% and "P% of" the base; a finding only when no
    pairing of a price and a base fits.
    """
    prose = ctx.doc.prose
    reach = int(opts.get("of_price_chars", 3000))
    for p in idx.claims:
        pq = p.quantity
        if pq.kind != "percent" or pq.value is None:
            continue
        m = _OF_PRICE.match(prose, pq.end, min(len(prose), pq.end + 120))
        if not m:
            continue
        sentence = idx.in_sentence.get(p.sentence_start, [])
        money = [c for c in sentence if is_money(c.quantity) and c.quantity.value]
        base_in_text = [c for c in money if c.quantity.start >= m.start("rest")]
        i = idx.sentence_index(p)
        previous = idx.in_sentence.get(idx.sentences[i - 1][0], []) if i else []
        prices = [c for c in money if c.quantity.end <= pq.start] or [
            c for c in previous if is_money(c.quantity) and c.quantity.value
        ]
        # a price, not a sum raised or a value: a price metric or none, and a bounded figure
        prices = [c for c in prices if c.metric in ("price", None) and stated(c.quantity).bounded]
        if not prices:
            continue
        unit = prices[0].quantity.unit
        if base_in_text:
            bases = base_in_text[:1]
        else:
            subjects = {c.subject for c in prices} - {None}
            bases = [
                c
                for c in idx.within(p, reach)
                if c.quantity.end <= pq.start
                and c not in prices
                and is_money(c.quantity)
                and c.quantity.unit == unit
                and c.assertive
                and c.metric == "price"
                and c.quantity.value
                and (not subjects or c.subject in subjects)
            ]
        if not bases:
            continue
        tol = tolerance(opts, pq)
        claimed = tested(pq, tol)
        tried: list[str] = []
        best: tuple[float, Claim, Claim, Interval] | None = None
        fits = False
        for price in prices:
            for base in bases:
                if price is base or stated(base.quantity).lo <= 0:
                    continue
                change = percent_change(stated(base.quantity), stated(price.quantity))
                ratio = share(stated(price.quantity), stated(base.quantity))
                pt, bt = price.quantity.text.strip(), base.quantity.text.strip()
                tried.append(f"{pt} against {bt}: {fmt.change_interval(change)}")
                tried.append(f"{pt} as a percent of {bt}: {fmt.interval(ratio, '%')}")
                if change.meets(claimed) or ratio.meets(claimed):
                    fits = True
                    break
                gap = change.gap(claimed)
                if best is None or gap < best[0]:
                    best = (gap, price, base, change)
            if fits:
                break
        if fits or best is None:
            continue
        _, price, base, change = best
        as_written = percent_change(written(base.quantity), written(price.quantity))
        exp = fmt.change_interval(as_written)
        yield make_finding(
            rule,
            pq,
            f"{base.quantity.text.strip()} to {price.quantity.text.strip()} is {exp} "
            f"({fmt.interval(share(written(price.quantity), written(base.quantity)), '%')} of it), "
            f"but the text says {pq.text.strip()} of the {m.group('which').lower()} price",
            severity=severity_for(change, claimed, opts, pq),
            expected=exp,
            others=(base.quantity, price.quantity),
            work=[
                f"{price.quantity.text.strip()} / {base.quantity.text.strip()} - 1 = {exp} "
                f"({fmt.change_interval(change)} with rounding)"
            ],
            readings=tried,
        )


def _check_triple(rule: Rule, opts: dict, f: Claim, t: Claim, p: Claim, says_of: bool) -> Iterator[Finding]:
    a, b, pq = f.quantity, t.quantity, p.quantity
    if a.value is None or b.value is None or pq.value is None:
        return
    old, new = stated(a), stated(b)
    if old.lo <= 0:
        return
    tol = tolerance(opts, a, b, pq)
    claimed = tested(pq, tol)
    magnitude = abs(claimed)
    direction = p.direction or (-1 if pq.sign < 0 else 0)
    change = percent_change(old, new)
    readings: list[str] = []
    fits = False
    # the change from A to B, with the direction the text gives
    if direction:
        signed = magnitude if direction > 0 else -magnitude
        readings.append(f"change from {a.text.strip()} to {b.text.strip()}: {fmt.change_interval(change)}")
        fits = change.meets(signed)
    else:
        readings.append(
            f"change from {a.text.strip()} to {b.text.strip()} (either direction): {fmt.change_interval(change)}"
        )
        fits = change.meets(magnitude) or change.meets(-magnitude)
        back = percent_change(new, old) if new.lo > 0 else None
        if back is not None:
            readings.append(f"change read backwards, {b.text.strip()} to {a.text.strip()}: {fmt.change_interval(back)}")
            fits = fits or back.meets(magnitude) or back.meets(-magnitude)
    if a.unit == "%":  # "from 55% to 60%, up 5 percentage points" (or "up 5%", read both ways)
        points = new - old
        readings.append(f"difference in points, {a.text.strip()} to {b.text.strip()}: {fmt.interval(points, 'pp')}")
        signed_pts = magnitude if direction > 0 else -magnitude if direction < 0 else None
        fits = (
            fits
            or (signed_pts is not None and points.meets(signed_pts))
            or (signed_pts is None and (points.meets(magnitude) or points.meets(-magnitude)))
        )
        if pq.unit == "pp" and not fits:
            change = points  # a stated point change is compared with the points only
    if says_of and new.lo > 0:
        ratio = share(new, old)
        readings.append(f"{b.text.strip()} as a percent of {a.text.strip()}: {fmt.interval(ratio, '%')}")
        fits = fits or (ratio.meets(magnitude) and says_of)
    if fits:
        return
    expected = change
    sign_flipped = direction != 0 and change.sign() != 0 and change.sign() != direction
    severity = severity_for(expected, magnitude, opts, pq, sign_flipped=sign_flipped)
    if pq.unit == "pp" and a.unit == "%":
        as_written = written(b) - written(a)
        exp_txt = fmt.interval(abs(as_written), "pp")
    else:
        as_written = percent_change(written(a), written(b)) if written(a).lo > 0 else change
        exp_txt = fmt.change_interval(as_written)
    word = "rise" if as_written.mid > 0 else "drop"
    message = (
        f"{a.text.strip()} to {b.text.strip()} is a {word} of "
        f"{fmt.interval(abs(as_written), 'pp' if pq.unit == 'pp' and a.unit == '%' else '%')}"
        if as_written.bounded and as_written.sign() != 0
        else f"{a.text.strip()} to {b.text.strip()} gives {exp_txt}"
    )
    if sign_flipped:
        said = "a rise" if direction > 0 else "a drop"
        message += f", but the text says {said} of {pq.text.strip()} (the direction is reversed)"
    else:
        message += f", but the text says {pq.text.strip()}"
    work = [
        f"{a.text.strip()} -> {fmt.interval(old, a.unit)}; {b.text.strip()} -> {fmt.interval(new, b.unit)} (rounding)",
        f"({fmt.interval(new, b.unit)}) / ({fmt.interval(old, a.unit)}) - 1 = {fmt.change_interval(change)}",
        f"stated {pq.text.strip()} -> {fmt.interval(magnitude, '%')} ({tol * 100:g}% tolerance)",
    ]
    yield make_finding(
        rule, pq, message, severity=severity, expected=exp_txt, others=(a, b), work=work, readings=readings
    )
