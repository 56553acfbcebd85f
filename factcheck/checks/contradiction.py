"""contradiction: two statements about the same subject, metric and window that cannot both hold.

Compared: assertive change claims (a percent with a direction) with the same subject (an asset ticker
or a named entity), the same metric and the same window once normalised ("over the past 7 days",
"this week" and "per week" are one window). Figures with no subject or no window are never compared,
nor are different subjects in one sentence.
- Opposite directions anywhere in the document: a contradiction. The side with less support is flagged
  (support: statements of the same window agreeing with it, and, at half weight, statements of other
  windows about the same subject and metric); on a tie the later statement is flagged.
- Same direction, magnitudes that do not meet (after the hedge tolerance): only for statements close
  together (``local_chars``), because separate articles on one page may be written hours apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck import formatting as fmt
from factcheck.checks import CheckContext
from factcheck.checks.figures import index, make_finding, tested, tolerance
from factcheck.claims import canonical_asset, window_key
from factcheck.intervals import Interval
from factcheck.model import Claim, Finding
from factcheck.rulebook import Rule

_CHANGE_METRICS = {"change", None}


def _key(c: Claim) -> tuple[str, str, str] | None:
    if not c.assertive or c.quantity.kind != "percent" or c.metric not in _CHANGE_METRICS:
        return None
    if not c.subject or not c.direction:
        return None
    w = window_key(c.window)
    if not w:
        return None
    return (c.subject, c.metric or "change", w)


def _signed(c: Claim, tol: float) -> Interval:
    iv = tested(c.quantity, tol)
    mag = abs(iv)
    return mag if c.direction > 0 else -mag


def _dedup(claims: list[Claim], prose: str) -> list[Claim]:
    """One claim per wording: a page that repeats an article must not vote twice."""
    seen: set[tuple[str, str]] = set()
    out = []
    for c in claims:
        k = (c.quantity.text, prose[c.sentence_start : c.sentence_end][:120])
        if k in seen:
            continue
        seen.add(k)
        out.append(c)
    return out


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    opts = ctx.options.get(rule.id, rule.options)
    idx = index(ctx)
    local = int(opts.get("local_chars", 1500))
    groups: dict[tuple[str, str, str], list[Claim]] = {}
    by_subject: dict[tuple[str, str], list[Claim]] = {}
    for c in idx.claims:
        k = _key(c)
        if k is None:
            continue
        groups.setdefault(k, []).append(c)
        by_subject.setdefault(k[:2], []).append(c)
    prose = ctx.doc.prose
    for k, members in groups.items():
        ups = [c for c in members if c.direction > 0]
        downs = [c for c in members if c.direction < 0]
        if ups and downs:
            yield from _opposite(rule, k, ups, downs, by_subject[k[:2]], prose)
        yield from _magnitudes(rule, opts, members, local)
    yield from _holdings(ctx, rule, opts, idx.claims, local)


_HOLDS = re.compile(
    r"\b(?:holds|holding|owns|owning|has|have|had|held|sits\s+on|treasury\s+of|reserves\s+of|stash\s+of)\b[^,;]{0,40}$",
    re.I,
)
_FLOW = re.compile(
    r"\b(?:bought|buys|buying|acquired|acquires|purchased|sold|sells|selling|added|adds|shed|moved|deposited|"
    r"withdrew|transferred|received|lost|stole|stolen|absorbed|latest|recently|new)\b[^,;]{0,40}$",
    re.I,
)


def _holdings(ctx: CheckContext, rule: Rule, opts: dict, claims: list[Claim], local: int) -> Iterator[Finding]:
    """Two statements of what one holder holds of one asset ("BitMine holds 4.28 million ETH" ... "BitMine
    holds 3.1 million ETH") close together: flows (bought, sold, added) are never compared."""
    prose = ctx.doc.prose
    stocks: list[Claim] = []
    for c in claims:
        q = c.quantity
        if not c.assertive or q.kind != "amount" or not q.unit or not canonical_asset(q.unit) or q.value is None:
            continue
        if not c.subject or canonical_asset(c.subject) or q.bound not in ("exact", "approx"):
            continue
        before = prose[max(c.sentence_start, q.start - 60) : q.start]
        if _HOLDS.search(before) and not _FLOW.search(before):
            stocks.append(c)
    for i, a in enumerate(stocks):
        for b in stocks[i + 1 :]:
            if b.quantity.start - a.quantity.start > local:
                break
            if a.subject != b.subject or canonical_asset(a.quantity.unit or "") != canonical_asset(
                b.quantity.unit or ""
            ):
                continue
            tol = tolerance(opts, a.quantity, b.quantity)
            ia, ib = tested(a.quantity, tol), tested(b.quantity, tol)
            if ia.meets(ib):
                continue
            yield make_finding(
                rule,
                b.quantity,
                f"{b.subject} holds {b.quantity.text.strip()} here but {a.quantity.text.strip()} earlier in the text",
                expected=a.quantity.text.strip(),
                others=[a.quantity],
                work=[
                    f"{a.quantity.text.strip()} -> {fmt.interval(ia, a.quantity.unit)}",
                    f"{b.quantity.text.strip()} -> {fmt.interval(ib, b.quantity.unit)}",
                ],
                readings=["the same holder's holding of the same asset, stated twice close together"],
            )


def _support(side: list[Claim], others: list[Claim], direction: int, prose: str) -> float:
    same = len(_dedup(side, prose))
    extra = len(_dedup([c for c in others if c.direction == direction and c not in side], prose))
    return same + 0.5 * extra


def _opposite(
    rule: Rule, k: tuple[str, str, str], ups: list[Claim], downs: list[Claim], subject_claims: list[Claim], prose: str
) -> Iterator[Finding]:
    others = [c for c in subject_claims if window_key(c.window) != k[2]]
    s_up = _support(ups, others, 1, prose)
    s_down = _support(downs, others, -1, prose)
    if s_up < s_down:
        flagged, against = ups, downs
    elif s_down < s_up:
        flagged, against = downs, ups
    else:
        last = max(ups + downs, key=lambda c: c.quantity.start)
        flagged, against = ([last], downs if last in ups else ups)
    ref = against[0]
    agreeing_elsewhere = [c for c in others if c.direction == ref.direction]
    for c in flagged:
        word = "rise" if c.direction > 0 else "fall"
        other_word = "fall" if c.direction > 0 else "rise"
        msg = (
            f"{c.subject} {word} of {c.quantity.text.strip()} ({c.window}) contradicts the {other_word} of "
            f"{ref.quantity.text.strip()} ({ref.window}) stated for the same period"
        )
        if agreeing_elsewhere:
            msg += "; other figures in the text also show a " + other_word
        work = [
            f"{c.subject}, {k[1]}, window {k[2]}: {c.quantity.text.strip()} is a {word}",
            f"{ref.quantity.text.strip()} ({ref.window}) is a {other_word}: both cannot hold",
        ]
        readings = [
            f"same window ({k[2]}): '{c.window}' and '{ref.window}'",
            "an average per period (the 'per week' reading) would still have to be of the stated sign",
        ]
        yield make_finding(
            rule,
            c.quantity,
            msg,
            expected=f"a {other_word}",
            others=[ref.quantity] + [o.quantity for o in against[1:2]] + [o.quantity for o in agreeing_elsewhere[:2]],
            work=work,
            readings=readings,
        )


def _magnitudes(rule: Rule, opts: dict, members: list[Claim], local: int) -> Iterator[Finding]:
    members = sorted(members, key=lambda c: c.quantity.start)
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if b.quantity.start - a.quantity.start > local:
                break
            if a.direction != b.direction or a.quantity.text == b.quantity.text:
                continue
            if a.sentence_start == b.sentence_start:
                continue
            tol = tolerance(opts, a.quantity, b.quantity)
            ia, ib = _signed(a, tol), _signed(b, tol)
            if ia.meets(ib):
                continue
            yield make_finding(
                rule,
                b.quantity,
                f"{b.subject} {b.quantity.text.strip()} ({b.window}) disagrees with {a.quantity.text.strip()} "
                f"({a.window}) stated for the same period",
                expected=fmt.interval(ia, "%"),
                others=[a.quantity],
                work=[
                    f"{a.quantity.text.strip()} -> {fmt.interval(ia, '%')}",
                    f"{b.quantity.text.strip()} -> {fmt.interval(ib, '%')}",
                ],
                readings=[f"same subject, metric and window ({window_key(a.window)})"],
            )
