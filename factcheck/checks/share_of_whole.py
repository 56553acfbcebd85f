"""share-of-whole: parts, their percents and the whole they belong to.

- "2,230 (65%) of the 3,440 videos": part / whole against the percent in brackets. The whole is the
  figure after "of the" in the sentence, or, for "of the videos", the last figure followed by the same
  noun in the sentence or the few before it;
- the bracketed shares of one whole must not add up to more than 100%, nor their parts to more than the
  whole;
- "540 (45%) said they held crypto, and another 25% said ... The remaining 30% had no plans": shares of
  one whole stated as exhaustive (a remainder after bracketed shares and "another N%") add up to 100%;
- "Of the first $250 million installment, $187 million ... Another $31 million": parts of a stated total
  (same sentence, then sentences opening with "Another", "A further", "The remaining", "The rest") must
  not exceed it; "the remaining $16 million" must equal the total less the other parts;
- "USDT's share of that is about 62%, and USDC holds 25%": shares of one whole held by named holders in one
  sentence (the first written as "X's share of ... is P%", each next one linked to it by ", and Y holds Q%")
  must not add up to more than 100%.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck import formatting as fmt
from factcheck.checks import CheckContext
from factcheck.checks.figures import (
    ClaimIndex,
    index,
    make_finding,
    severity_for,
    stated,
    tested,
    tolerance,
    written,
)
from factcheck.intervals import Interval, share
from factcheck.model import Claim, Finding
from factcheck.relations import solver as relation_solver
from factcheck.rulebook import Rule

_NOUN_AFTER_OF = re.compile(r"\s*of\s+(?:the|these|those|all|its|their)\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]*s)\b", re.I)
_CONTINUES = re.compile(
    r"^\s*(?:another|a\s+further|further|the\s+remaining|the\s+rest|a\s+separate|an\s+additional)\b", re.I
)


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    opts = ctx.options.get(rule.id, rule.options)
    idx = index(ctx)
    yield from _bracketed_shares(ctx, rule, opts, idx)
    yield from _parts_of_total(ctx, rule, opts, idx)
    yield from _holder_shares(ctx, rule, opts, idx)
    yield from relation_solver.check(ctx, rule)


# ---------------------------------------------------------------- "2,230 (65%) of the 3,440 videos"


def _bracketed(ctx: CheckContext, idx: ClaimIndex) -> list[tuple[Claim, Claim]]:
    """(part, percent) pairs written as "PART (P%)"."""
    out = []
    prose = ctx.doc.prose
    for sentence in idx.in_sentence.values():
        for i, c in enumerate(sentence[:-1]):
            p = sentence[i + 1]
            if p.quantity.kind != "percent" or c.quantity.kind not in ("count", "amount", "measure"):
                continue
            if p.quantity.sign < 0 or p.quantity.text.lstrip().startswith(("+", "-", "−")):
                continue  # "(+65%)" is a change, not a share
            between = prose[c.quantity.end : p.quantity.start]
            if re.fullmatch(r"\s*\(\s*", between) and re.match(r"\s*\)", prose[p.quantity.end : p.quantity.end + 3]):
                out.append((c, p))
    return out


def _whole_for(ctx: CheckContext, idx: ClaimIndex, part: Claim, pct: Claim) -> Claim | None:
    prose = ctx.doc.prose
    after = prose[pct.quantity.end + 1 : pct.quantity.end + 80]
    after = re.sub(r"^\s*\)", "", after)
    sentence = idx.in_sentence.get(part.sentence_start, [])
    # "of the 3,440 videos" in the same sentence
    for c in sentence:
        if c.quantity.start > pct.quantity.end and c.quantity.kind == part.quantity.kind:
            gap = prose[pct.quantity.end : c.quantity.start]
            if re.fullmatch(r"\s*\)?\s*of\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?", gap, re.I):
                return c
            break
    totals = [
        c
        for c in sentence
        if c.role == "total" and c.quantity.end <= part.quantity.start and c.quantity.kind == part.quantity.kind
    ]
    if totals:
        return totals[-1]  # "Of the 500 exchanges reviewed, 320 (64%) ..."
    for c in reversed([c for c in sentence if c.quantity.end <= part.quantity.start and c is not part]):
        if c.quantity.kind != part.quantity.kind or c.quantity.unit != part.quantity.unit:
            continue
        if re.search(
            r",?\s*of\s+(?:which|whom|that|those|these|it)\b", prose[c.quantity.end : part.quantity.start], re.I
        ):
            return c  # "$310 billion in supply, of which USDT is $187 billion (70%)"
        break
    m = _NOUN_AFTER_OF.match(after)
    if not m:
        return None
    noun = m.group(1).lower()
    part_iv = stated(part.quantity)
    candidates = [
        c
        for c in idx.near(part, 3)
        if c.quantity.start < part.quantity.start
        and c.quantity.value is not None
        and stated(c.quantity).hi >= part_iv.lo
        and c.quantity.kind == part.quantity.kind
        and (c.quantity.unit or None) == (part.quantity.unit or None)
        and re.match(rf"\s*(?:[\w-]+\s+){{0,3}}?{re.escape(noun)}\b", prose[c.quantity.end : c.quantity.end + 60], re.I)
    ]
    return candidates[-1] if candidates else None


def _bracketed_shares(ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex) -> Iterator[Finding]:
    groups: dict[int, list[tuple[Claim, Claim]]] = {}
    wholes: dict[int, Claim] = {}
    for part, pct in _bracketed(ctx, idx):
        whole = _whole_for(ctx, idx, part, pct)
        if whole is None or whole.quantity.value is None or part.quantity.value is None:
            continue
        groups.setdefault(id(whole), []).append((part, pct))
        wholes[id(whole)] = whole
        tol = tolerance(opts, part.quantity, pct.quantity, whole.quantity)
        computed = share(stated(part.quantity), stated(whole.quantity))
        claimed = tested(pct.quantity, tol)
        if computed.meets(claimed):
            continue
        exp = fmt.interval(share(written(part.quantity), written(whole.quantity)), "%")
        yield make_finding(
            rule,
            pct.quantity,
            f"{part.quantity.text.strip()} of {whole.quantity.text.strip()} is {exp}, "
            f"but the text says {pct.quantity.text.strip()}",
            expected=exp,
            others=(part.quantity, whole.quantity),
            severity=severity_for(computed, claimed, opts, pct.quantity),
            work=[
                f"{part.quantity.text.strip()} / {whole.quantity.text.strip()} x 100 = {exp} "
                f"({fmt.interval(computed, '%')} with rounding)",
                f"stated {pct.quantity.text.strip()} -> {fmt.interval(claimed, '%')}",
            ],
            readings=[f"share of {whole.quantity.text.strip()}"],
        )
    for wid, members in groups.items():
        yield from _remainder_share(ctx, rule, opts, idx, wholes[wid], members)
        if len(members) < 2:
            continue
        whole = wholes[wid]
        total_pct = sum((stated(p.quantity) for _, p in members), Interval(0, 0))
        if total_pct.lo > 100 * (1 + float(opts.get("exact_tolerance", 0.005))):
            last = members[-1][1]
            yield make_finding(
                rule,
                last.quantity,
                " + ".join(p.quantity.text.strip() for _, p in members)
                + f" = {fmt.interval(sum((written(p.quantity) for _, p in members), Interval(0, 0)), '%')}: "
                f"shares of {whole.quantity.text.strip()} that add up to more than 100%",
                severity="error",
                expected="at most 100%",
                others=[p.quantity for _, p in members[:-1]] + [whole.quantity],
                work=[" + ".join(p.quantity.text.strip() for _, p in members) + f" = {fmt.interval(total_pct, '%')}"],
                readings=["shares of one whole"],
            )
        total_parts = sum((stated(c.quantity) for c, _ in members), Interval(0, 0))
        unit = whole.quantity.unit
        if total_parts.lo > stated(whole.quantity).hi:
            last = members[-1][0]
            yield make_finding(
                rule,
                last.quantity,
                " + ".join(c.quantity.text.strip() for c, _ in members)
                + f" = {fmt.interval(sum((written(c.quantity) for c, _ in members), Interval(0, 0)), unit)}, "
                f"more than the whole of {whole.quantity.text.strip()}",
                severity="error",
                expected=f"at most {whole.quantity.text.strip()}",
                others=[c.quantity for c, _ in members[:-1]] + [whole.quantity],
                work=[
                    " + ".join(c.quantity.text.strip() for c, _ in members)
                    + f" = {fmt.interval(total_parts, whole.quantity.unit)}"
                ],
                readings=["parts of one whole"],
            )


# ---------------------------------------------------------------- "... another 25% ... The remaining 30%"


def _words(opts: dict, rule: Rule, key: str) -> list[str]:
    return [w.lower() for w in opts.get(key, rule.options.get(key, []))]


def _follow_on(ctx: CheckContext, opts: dict, rule: Rule, whole: Claim, c: Claim, key: str) -> bool:
    """A bare share written right after one of the option ``key``'s words ("another 25%", "the remaining
    30%"), not a change ("another 25% rise"), not of another whole ("another 25% of holders")."""
    q = c.quantity
    if q.kind != "percent" or q.value is None or q.sign < 0 or q.bound not in (None, "exact", "approx"):
        return False
    if c.metric == "change" or c.direction or q.text.lstrip().startswith(("+", "-", "\u2212")):
        return False
    prose = ctx.doc.prose
    before = " ".join(prose[max(0, q.start - 40) : q.start].lower().split())
    if not any(before.endswith(" " + w) or before == w for w in _words(opts, rule, key)):
        return False
    after = prose[q.end : q.end + 60].lower()
    first = re.match(r"\s*([a-z][\w-]*)", after)
    if first is None:
        return True
    word = first.group(1)
    if word in _words(opts, rule, "not_share_after"):
        return False
    if word == "of":
        noun = re.match(r"\s*of\s+(?:the\s+|those\s+|these\s+|all\s+)?([a-z][\w-]*)", after)
        whole_noun = re.match(r"\s*([a-z][\w-]*)", prose[whole.quantity.end : whole.quantity.end + 40].lower())
        if (
            noun is None
            or noun.group(1) not in ("them", "those", "these")
            and (whole_noun is None or noun.group(1) != whole_noun.group(1))
        ):
            return False  # "another 25% of holders": a share of another whole
    return True


def _remainder_share(
    ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex, whole: Claim, members: list[tuple[Claim, Claim]]
) -> Iterator[Finding]:
    """Bracketed shares of one whole, "another N%" after them and "the remaining M%": M = 100 - the others."""
    prose = ctx.doc.prose
    last = members[-1][1]
    i = idx.sentence_index(last)
    later: list[Claim] = [
        c for c in idx.in_sentence.get(last.sentence_start, []) if c.quantity.start > last.quantity.end
    ]
    for j in range(i + 1, min(len(idx.sentences), i + 3)):
        s, e = idx.sentences[j]
        if not _CONTINUES.match(prose[s:e]):
            break
        later.extend(idx.in_sentence.get(s, []))
    extra: list[Claim] = []
    remainder: Claim | None = None
    member_qs = {id(c.quantity) for pair in members for c in pair}
    for c in later:
        if id(c.quantity) in member_qs:
            continue
        if c.role == "total":
            return  # another whole opens
        if c.quantity.kind != "percent":
            continue
        if _follow_on(ctx, opts, rule, whole, c, "remainder_words"):
            remainder = c
            break
        if _follow_on(ctx, opts, rule, whole, c, "addition_words"):
            extra.append(c)
            continue
        return  # a share or a change of something else: the chain is not read
    if remainder is None:
        return
    rq = remainder.quantity
    tol = tolerance(opts, rq, *(p.quantity for _, p in members), *(c.quantity for c in extra))
    claimed = tested(rq, tol)
    hundred = Interval(100, 100)
    extra_iv = sum((stated(c.quantity) for c in extra), Interval(0, 0))
    extra_w = sum((written(c.quantity) for c in extra), Interval(0, 0))
    as_stated = hundred - sum((stated(p.quantity) for _, p in members), Interval(0, 0)) - extra_iv
    if as_stated.meets(claimed):
        return
    # a bracketed share that its part and whole contradict is read as part / whole
    computed = Interval(0, 0)
    best_w = Interval(0, 0)
    parts_text = []
    for part, pct in members:
        share_iv = share(stated(part.quantity), stated(whole.quantity))
        if share_iv.meets(tested(pct.quantity, tol)):
            computed = computed + stated(pct.quantity)
            best_w = best_w + written(pct.quantity)
            parts_text.append(pct.quantity.text.strip())
        else:
            computed = computed + share_iv
            best_w = best_w + share(written(part.quantity), written(whole.quantity))
            parts_text.append(f"{part.quantity.text.strip()}/{whole.quantity.text.strip()}")
    from_parts = hundred - computed - extra_iv
    if from_parts.meets(claimed):
        return
    parts_text += [c.quantity.text.strip() for c in extra]
    stated_texts = [p.quantity.text.strip() for _, p in members] + [c.quantity.text.strip() for c in extra]
    exp = fmt.interval(hundred - best_w - extra_w, "%")
    listed = " and ".join(parts_text)
    yield make_finding(
        rule,
        rq,
        f"100% less {listed} leaves {exp} of {whole.quantity.text.strip()}, but the text says {rq.text.strip()}",
        expected=exp,
        others=[p.quantity for _, p in members] + [c.quantity for c in extra] + [whole.quantity],
        severity=severity_for(from_parts, claimed, opts, rq),
        work=[
            f"100% - ({listed.replace(' and ', ' + ')}) = {exp} ({fmt.interval(from_parts, '%')} with rounding)",
            *(
                [f"as stated: 100% - ({' + '.join(stated_texts)}) = {fmt.interval(as_stated, '%')}"]
                if stated_texts != parts_text
                else []
            ),
            f"stated {rq.text.strip()} -> {fmt.interval(claimed, '%')}",
        ],
        readings=["shares of one whole stated as exhaustive add up to 100%"],
    )


# ---------------------------------------------------------------- "Of the first $250 million, $187 million ..."


def _parts_of_total(ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex) -> Iterator[Finding]:
    prose = ctx.doc.prose
    for total in idx.claims:
        tq = total.quantity
        if total.role != "total" or tq.value is None or tq.kind not in ("amount", "count"):
            continue
        same_unit = [
            c
            for c in idx.in_sentence.get(total.sentence_start, [])
            if c.quantity.start > tq.start and c.quantity.kind == tq.kind and c.quantity.unit == tq.unit
        ]
        parts = list(same_unit)
        i = idx.sentence_index(total)
        for j in range(i + 1, min(len(idx.sentences), i + 3)):
            s, e = idx.sentences[j]
            if not _CONTINUES.match(prose[s:e]):
                break
            parts.extend(
                c for c in idx.in_sentence.get(s, []) if c.quantity.kind == tq.kind and c.quantity.unit == tq.unit
            )
        parts = [p for p in parts if p.quantity.value is not None and p.quantity.bound != "upper"]
        if not parts:
            continue
        whole = stated(tq)
        remaining = [p for p in parts if p.role == "remaining"]
        others = [p for p in parts if p.role != "remaining"]
        tol = tolerance(opts, tq, *(p.quantity for p in parts))
        sum_others = sum((stated(p.quantity) for p in others), Interval(0, 0))
        if remaining and others:
            rq = remaining[0].quantity
            expected_iv = whole - sum_others
            claimed = tested(rq, tol)
            if not expected_iv.meets(claimed):
                exp = fmt.interval(written(tq) - sum((written(p.quantity) for p in others), Interval(0, 0)), tq.unit)
                listed = " and ".join(p.quantity.text.strip() for p in others)
                yield make_finding(
                    rule,
                    rq,
                    f"{tq.text.strip()} less {listed} leaves {exp}, but the text says {rq.text.strip()}",
                    expected=exp,
                    others=[tq] + [p.quantity for p in others],
                    work=[
                        f"{tq.text.strip()} - ({listed.replace(' and ', ' + ')}) = {exp} "
                        f"({fmt.interval(expected_iv, tq.unit)} with rounding)"
                    ],
                    severity=severity_for(expected_iv, claimed, opts, rq),
                    readings=["the remainder of the stated total"],
                )
            continue
        total_parts = sum((stated(p.quantity) for p in parts), Interval(0, 0))
        if total_parts.lo > whole.widen(tol).hi:
            last = parts[-1].quantity
            summed = " + ".join(p.quantity.text.strip() for p in parts)
            yield make_finding(
                rule,
                last,
                f"{summed} = {fmt.interval(sum((written(p.quantity) for p in parts), Interval(0, 0)), tq.unit)}, "
                f"more than the total of {tq.text.strip()}",
                severity="error",
                expected=f"at most {tq.text.strip()}",
                others=[tq] + [p.quantity for p in parts[:-1]],
                work=[f"{summed} = {fmt.interval(total_parts, tq.unit)} > {fmt.interval(whole, tq.unit)}"],
                readings=["parts of the stated total"],
            )


# ---------------------------------------------------------------- "USDT's share of that is 62%, and USDC holds 25%"

_SHARE_OF_IS = re.compile(
    r"\bshare\s+of\s+(?:[\w-]+\s+){0,4}?(?:is|was|stands\s+at|stood\s+at|sits\s+at|comes\s+to)\s*$", re.I
)


def _holder_link(opts: dict, rule: Rule) -> re.Pattern[str]:
    verbs = "|".join(r"\s+".join(map(re.escape, v.split())) for v in _words(opts, rule, "holder_share_verbs"))
    return re.compile(
        rf"\s*,?\s*(?:and|while|whereas)\s+(?:[A-Z][\w.$-]*|the\s+[a-z]+)(?:\s+[A-Z][\w.$-]*)?\s+(?:{verbs})\s*"
    )


def _holder_shares(ctx: CheckContext, rule: Rule, opts: dict, idx: ClaimIndex) -> Iterator[Finding]:
    prose = ctx.doc.prose
    link = _holder_link(opts, rule)
    not_after = set(_words(opts, rule, "not_share_after")) | {"of"}

    def word_after(c: Claim) -> str:
        m = re.match(r"\s*([A-Za-z]+)", prose[c.quantity.end : c.quantity.end + 30])
        return m.group(1).lower() if m else ""

    for sentence in idx.in_sentence.values():
        pcts = [c for c in sentence if c.quantity.kind == "percent" and c.quantity.value is not None]
        for i, first in enumerate(pcts):
            q = first.quantity
            if first.metric != "share" or not first.assertive or q.sign < 0 or word_after(first) in not_after:
                continue
            if not _SHARE_OF_IS.search(prose[first.sentence_start : q.start]):
                continue
            members = [first]
            for nxt in pcts[i + 1 :]:
                nq = nxt.quantity
                if not link.fullmatch(prose[members[-1].quantity.end : nq.start]):
                    break
                if not nxt.assertive or nq.sign < 0 or nq.text.lstrip().startswith(("+", "-", "\u2212")):
                    break
                if word_after(nxt) in not_after:
                    break
                members.append(nxt)
            if len(members) < 2:
                continue
            # hedged shares ("about 62%") get their room: flagged only when over 100% under every reading
            total = sum((tested(m.quantity, tolerance(opts, m.quantity)) for m in members), Interval(0, 0))
            if total.lo > 100 * (1 + float(opts.get("exact_tolerance", 0.005))):
                texts = [m.quantity.text.strip() for m in members]
                shown = fmt.interval(sum((written(m.quantity) for m in members), Interval(0, 0)), "%")
                yield make_finding(
                    rule,
                    members[-1].quantity,
                    " + ".join(texts) + f" = {shown}: shares of one whole that add up to more than 100%",
                    severity="error",
                    expected="at most 100%",
                    others=[m.quantity for m in members[:-1]],
                    work=[" + ".join(texts) + f" = {fmt.interval(total, '%')}"],
                    readings=["shares of one whole held by the named holders"],
                )
            break
