"""One engine for every relation: bind figures to slots, try every reading, flag only when all fail.

For each figure that can fill a relation's reported slot, the candidates for the other slots are the figures
of its scope (its clause and the clauses in apposition to it, or its sentence; the sentences before it in the
paragraph when its sentence refers back: "that stake", "the rest") that have the slot's dimension, one of its
roles, and agree with the other slots (same unit, same asset). Every binding under every reading is computed
with interval arithmetic: the reported figure is its stated interval widened by the rule's tolerance, every
other figure its rounding interval. A finding only when at least one binding qualifies and none fits; more
candidates can only remove findings. Severity: error when the best binding misses by the rule's
``error_factor``, reverses the direction or breaks a stated bound; warning otherwise.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from factcheck import formatting as fmt
from factcheck.checks import CheckContext
from factcheck.checks.figures import (
    index,
    is_asset_amount,
    is_money,
    make_finding,
    multiple_interval,
    off_by_factor,
    severity_for,
    stated,
    tested,
    tolerance,
    written,
)
from factcheck.claims import canonical_asset, lexicon, mask
from factcheck.dates import find_dates
from factcheck.intervals import Interval
from factcheck.model import Claim, Finding, Quantity
from factcheck.relations.spec import Relation, Slot, relations, relations_for, roles, tokens
from factcheck.rulebook import Rule

MAX_BINDINGS = 400  # per reported figure: scopes are clauses and a few sentences, so this is never reached in prose
_LINE = re.compile(r"\n")
_NOT_A_DAY = frozenset({"press", "today", "per"})  # date finder kinds that do not date a figure in the past
_PER_EACH_AFTER = frozenset({"per_coin", "per_other"})
_NOT_PER_EACH = frozenset({"total", "cost", "sum", "whole", "base", "loss"})
_NEWLINE_BLOCK = re.compile(r"\n\s*\n|\n\s*(?:[-*+>#|]|\d+[.)]\s)")


@dataclass
class Fig:
    """A figure as the engine sees it: its claim, roles and place."""

    claim: Claim
    roles: frozenset[str]
    sentence: int
    clause: tuple[int, int]  # file offsets of its clause, apposition joined
    names: frozenset[str] = frozenset()  # what its clause names it: "launch", "current", "initial" ...
    wants: tuple[str, str] | None = None  # (preposition, name) of the figure it is measured against
    measured: bool = False  # it is measured against a named figure ("300% of its initial price, which is $0.01")

    @property
    def q(self) -> Quantity:
        return self.claim.quantity


# ---------------------------------------------------------------- reading the document once


def _longer_cue_wins(found: set[str], before: list[str]) -> set[str]:
    """"valued at $1.1 billion": a one-word cue before a figure ("at") that ends a longer cue of another of its
    roles ("valued at") is that role's word, not a cue of its own."""
    if len(found) < 2:
        return found
    cues = roles().before
    ends = {name: cues[name].phrase_end(before) for name in found if name in cues}
    return {
        name
        for name in found
        if ends.get(name) is None
        or ends[name][1] > 1
        or not any(e is not None and e[0] == ends[name][0] and e[1] > 1 for e in ends.values())
    }


def _pair(masked: str, a: Quantity, b: Quantity) -> bool:
    """Two figures of one unit and kind with only a joining word between them: a change's two ends."""
    return (
        (a.unit is not None or a.kind == "count")
        and a.unit == b.unit
        and a.kind == b.kind
        and a.kind != "percent"
        and roles().pair.fullmatch(masked, a.end, b.start) is not None
    )


class Scene:
    """The document's figures with their roles, clauses and sentences (built once per context)."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        idx = index(ctx)
        self.masked = mask(ctx.doc.prose, ctx.quantities)
        self.sentences = idx.sentences
        self.figs: list[Fig] = []
        self._given: set[int] = set()
        self._marks: dict[tuple[int, int], str | None] = {}  # clause -> its time mark
        self.by_sentence: dict[int, list[Fig]] = {}
        self._in_clause: dict[tuple[int, int], list[Fig]] = {}
        self._says: dict[tuple[str, int], bool] = {}
        for k, (s, e) in enumerate(self.sentences):
            claims = idx.in_sentence.get(s, [])
            clauses = self._clauses(s, e, claims)
            prev: Quantity | None = None
            for c in claims:
                q = c.quantity
                if q.value is None or q.kind == "date":
                    continue
                clause = next(((a, b) for a, b in clauses if a <= q.start < b), (s, e))
                names, wants = self._names(q, clause, prev)
                found = self._roles(q, clause, prev)
                measured = bool(roles().wanted.match(self.ctx.doc.prose, q.end, clause[1]))
                if measured:  # "1,900% of the current price": measured against a named figure, not a share of it
                    found = found - {"share", "whole"}
                last = self.figs[-1] if prev is not None else None
                if last is not None and last.clause == clause and _pair(self.masked, last.q, q):
                    first_role, second_role = roles().pair_roles  # "(3.95 billion to 2.6 billion XRP)"
                    last.roles = last.roles | {first_role}
                    found = found | {second_role}
                fig = Fig(c, found, k, clause, names, wants, measured)
                prev = q
                self.figs.append(fig)
                self.by_sentence.setdefault(k, []).append(fig)
        for fig in self.figs:  # a figure named right after a percent's "of its initial price, which is"
            if any(fig.q.start <= pos < fig.q.end for pos in self._given):
                fig.roles = fig.roles | {"base"}
        self.starts = [f.q.start for f in self.figs]  # in document order, for bisection
        self.refers = {
            k: bool(roles().reference.search(ctx.doc.prose, s, e)) for k, (s, e) in enumerate(self.sentences)
        }

    def _clauses(self, s: int, e: int, claims: list[Claim]) -> list[tuple[int, int]]:
        """Clause spans of the sentence; a clause with at most three words before its first figure (", a 32%
        drop", ", or 30%", ", up 12% from") is in apposition and joins the clause before it."""
        text = self.masked[s:e]
        apposition = roles()
        lines = {m.end() for m in _LINE.finditer(text)}
        breaks = [m.end() for m in lexicon().clause_break.finditer(text)]
        cuts = [0, *sorted(set(breaks) | lines), len(text) + 1]  # a line (a table row, a list item) is a clause
        spans: list[list[int]] = []
        for a, b in itertools.pairwise(cuts):
            a_abs, b_abs = s + a, s + min(b, len(text))
            first = text.find("§", a, b)
            lead = re.findall(r"[A-Za-z]+", text[a:first]) if first >= 0 else []
            appositive = (first >= 0 and spans and a not in lines and apposition.joins.match(text, a)) or (
                first >= 0
                and a not in lines
                and spans
                and len(lead) <= apposition.max_words
                and not (lead and lead[0].lower() in apposition.not_after)
            )
            if appositive:
                spans[-1][1] = b_abs
            else:
                spans.append([a_abs, b_abs])
        return [(a, b) for a, b in spans]

    def fig_of(self, q: Quantity) -> Fig | None:
        if not hasattr(self, "_by_q"):
            self._by_q = {id(f.q): f for f in self.figs}
        return self._by_q.get(id(q))

    def says(self, fig: Fig, cue: str) -> bool:
        """Whether the figure's sentence has a word of the cue list ``cue`` (roles.toml ``[cue.NAME]``)."""
        key = (cue, fig.sentence)
        got = self._says.get(key)
        if got is None:  # once per sentence and cue, not once per figure
            pat = roles().cues.get(cue)
            s, e = self.sentences[fig.sentence]
            got = self._says[key] = bool(pat and pat.search(self.ctx.doc.prose, s, e))
        return got

    def time_mark(self, fig: Fig) -> str | None:
        """ "current" or "past" when the figure's clause says which (now, at press time / at the time, or a date
        that the date finder reads in the clause: "on Tuesday", "February 3", "yesterday")."""
        key = fig.clause
        if key not in self._marks:
            lex = lexicon()
            prose = self.ctx.doc.prose
            text = prose[key[0] : key[1]]
            current = bool(lex.current.search(text))
            dated = any(
                r.kind not in _NOT_A_DAY and not r.since for r in find_dates(prose, self.ctx.as_of, key[0], key[1])
            )
            past = bool(lex.past.search(text)) or dated
            self._marks[key] = None if current == past else ("current" if current else "past")
        return self._marks[key]

    def _names(
        self, q: Quantity, clause: tuple[int, int], prev: Quantity | None
    ) -> tuple[frozenset[str], tuple[str, str] | None]:
        """What the figure's own stretch of its clause names it (from the figure before it), and the named figure
        it is measured against when the text names one without giving it ("below its launch price", not "from
        its opening price of $73,166")."""
        r = roles()
        prose = self.ctx.doc.prose
        wants = None
        m = r.wanted.match(prose, q.end, clause[1])
        given = r.given.match(self.masked, m.end()) if m else None
        if given:  # "300% of its initial price, which is $0.01": that figure is the base
            self._given.add(given.end() - 1)
        if m and not given:
            name = next((n for n, pat in r.names.items() if pat.fullmatch(m.group("word"))), None)
            if name:
                wants = (m.group("prep").lower(), name)
        lo = max(clause[0], prev.end if prev is not None else clause[0])
        nxt = self.masked.find("§", q.end, clause[1])
        hi = m.start() if m else (nxt if nxt >= 0 else clause[1])
        names = frozenset(n for n, pat in r.names.items() if pat.search(prose, lo, hi))
        return names, wants

    def _roles(self, q: Quantity, clause: tuple[int, int], prev: Quantity | None) -> frozenset[str]:
        r = roles()
        lo = max(clause[0], q.start - 80)
        before = tokens(self.masked[lo : q.start])  # tokenised once for every role
        found = {name for name, cue in r.before.items() if cue.ends(before)}
        after = tokens(self.masked[q.end : min(clause[1] + 1, q.end + 60)])
        after_all = tokens(self.masked[q.end : q.end + 60])
        after_found = {name for name, cue in r.after.items() if cue.starts(after)}
        per_each = bool(
            (found | after_found) & _PER_EACH_AFTER
            and _PER_EACH_AFTER & {n for n, cue in r.after.items() if cue.starts(after_all)}
        )
        if per_each:
            found -= _NOT_PER_EACH  # "$107,700 per coin" after "average cost of": a price per coin, not a total
        found = _longer_cue_wins(found, before)
        if prev is not None and prev.end >= clause[0]:  # "four times the $800 million": the multiple's base
            gap = self.masked[prev.end : q.start]
            found |= {name for name, (kinds, pat) in r.after_kind.items() if prev.kind in kinds and pat.fullmatch(gap)}
        found |= after_found
        if per_each:
            found -= _NOT_PER_EACH
        return frozenset(found)

    def before(self, fig: Fig, reach: int) -> list[Fig]:
        """The figures of up to ``reach`` sentences before ``fig``'s in its paragraph, nearest first."""
        out: list[Fig] = []
        prose = self.ctx.doc.prose
        k = fig.sentence
        while k > 0 and fig.sentence - (k - 1) <= reach:
            if _NEWLINE_BLOCK.search(prose[self.sentences[k - 1][1] : self.sentences[k][0]]):
                break
            k -= 1
            out.extend(self.by_sentence.get(k, []))
        return out

    def after(self, fig: Fig, reach: int) -> list[Fig]:
        """The figures of up to ``reach`` sentences after ``fig``'s in its paragraph."""
        out: list[Fig] = []
        prose = self.ctx.doc.prose
        k = fig.sentence
        while k + 1 < len(self.sentences) and k + 1 - fig.sentence <= reach:
            if _NEWLINE_BLOCK.search(prose[self.sentences[k][1] : self.sentences[k + 1][0]]):
                break
            k += 1
            out.extend(self.by_sentence.get(k, []))
        return out

    def holdings_of(self, fig: Fig, chars: int) -> list[Fig]:
        """The stated holdings and cost bases within ``chars`` of ``fig`` of the company it is about (or of no
        named company): the figures a total cost of "the company's holdings" multiplies out from."""
        holder = _holder(fig, self)
        starts = self.starts
        first, last = bisect.bisect_left(starts, fig.q.start - chars), bisect.bisect_right(starts, fig.q.end + chars)
        out = []
        for f in self.figs[first:last]:
            if f is fig:
                continue
            c = f.claim
            if not ((c.metric == "holdings" and c.assertive and is_asset_amount(f.q)) or _is_basis(c)):
                continue
            if holder and _holder(f, self) not in (None, holder):
                continue
            out.append(f)
        return out

    def scope(self, fig: Fig, link: str, reference: bool, cue: str | None = None) -> list[Fig]:
        """The figures a slot of a relation about ``fig`` may be filled from, nearest sentences first."""
        own = self.by_sentence.get(fig.sentence, [])
        if link == "clause":
            in_clause = self._in_clause.get(fig.clause)
            if in_clause is None:  # the figures of one clause, found once (not once per figure of it)
                in_clause = self._in_clause[fig.clause] = [f for f in own if fig.clause[0] <= f.q.start < fig.clause[1]]
            out = list(in_clause)
        else:
            out = list(own)
        refers = self.says(fig, cue) if cue else self.refers.get(fig.sentence)
        if reference and refers:
            out.extend(self.before(fig, roles().reach))
        return out


_SCENES: list[Scene] = []


def scene(ctx: CheckContext) -> Scene:
    if not _SCENES or _SCENES[0].ctx is not ctx:
        _SCENES[:] = [Scene(ctx)]
    return _SCENES[0]


# ---------------------------------------------------------------- slots


def _dimension_ok(q: Quantity, dim: str) -> bool:
    if dim == "money":
        return is_money(q) and q.unit not in ("pp", "times")
    if dim == "asset":
        return is_asset_amount(q)
    if dim == "count":
        return q.kind == "count" and q.unit is None
    if dim == "units":
        return is_asset_amount(q) or (q.kind == "count" and q.unit is None)
    if dim == "percent":
        return q.kind == "percent" and q.unit == "%"
    if dim == "points":
        return q.unit == "pp"
    if dim == "multiple":
        return q.kind == "multiple"
    if dim == "measure":
        return q.kind == "measure"
    if dim == "comparable":
        return q.kind in ("amount", "count", "measure")
    if dim == "level":  # a level a change runs between: an amount, a count, a measure or a percent
        return q.kind in ("amount", "count", "measure") or (q.kind == "percent" and q.unit == "%")
    return False


def _is_basis(c: Claim) -> bool:
    return not c.assertive and (c.reason or "").startswith("cost basis")


def _fills(fig: Fig, slot: Slot, target: Fig | None = None, measured_ok: bool = False) -> bool:
    c = fig.claim
    if not _dimension_ok(fig.q, slot.dimension):
        return False
    if slot.assertive and not c.assertive:
        basis_ok = target is not None and _is_basis(c) and (target.claim.metric or "none") in slot.basis_for
        if not basis_ok:
            return False
    if slot.roles and not (fig.roles & set(slot.roles)):
        return False
    if slot.not_roles and fig.roles & set(slot.not_roles):
        return False
    if slot.metrics and (c.metric or "none") not in slot.metrics and not (measured_ok and fig.measured):
        return False
    return True


def _same_unit(a: Quantity, b: Quantity) -> bool:
    """Figures of one relation agree in unit: money in the same currency, amounts of the same asset; a bare
    count goes with a count or an amount of an asset ("3.1 million of the 12.4 million ETH")."""
    a_count, b_count = a.kind == "count" and a.unit is None, b.kind == "count" and b.unit is None
    if a_count != b_count and not _has_digit(a if a_count else b):
        return False  # "three hot wallets held 1,200 ... BTC": a number in words counts things, not coins
    if a_count or b_count:
        return (a_count or is_asset_amount(a)) and (b_count or is_asset_amount(b))
    return a.kind == b.kind and a.unit == b.unit


def _has_digit(q: Quantity) -> bool:
    return any(ch.isdigit() for ch in q.number_text or q.text)


def _holder(fig: Fig, sc: Scene | None = None) -> str | None:
    """The company a figure is about: its claim's subject when that is not an asset, else the company its
    sentence is about ("Strategy, which holds 713,502 BTC bought at an average of $76,052")."""
    subject = fig.claim.subject
    if subject and not canonical_asset(subject):
        return subject
    if sc is None:
        return None
    named = [f.claim.subject for f in sc.by_sentence.get(fig.sentence, []) if f.claim.subject]
    companies = [n for n in named if not canonical_asset(n)]
    return companies[0] if companies else None


def _asset(fig: Fig) -> str | None:
    if fig.q.unit and canonical_asset(fig.q.unit):
        return canonical_asset(fig.q.unit)
    return canonical_asset(fig.claim.subject) if fig.claim.subject else None


def _agrees(sc: Scene, binding: dict[str, list[Fig]], relation: Relation) -> bool:
    report = relation.slots[relation.report]
    if report.level_metrics and any(
        f.q.kind == "percent" for name, figs in binding.items() if name != relation.report for f in figs
    ):
        if (binding[relation.report][0].claim.metric or "none") not in report.level_metrics:
            return False  # "2.1% (prior 2.0%) in 2025, 1.7% in 2026": percents that are levels, not a change
    for name, slot in relation.slots.items():
        if slot.largest:
            top = stated(binding[name][0].q).hi
            if any(stated(f.q).lo > top for other, figs in binding.items() if other != name for f in figs):
                return False  # "the 13 videos" is not the whole of 2,230 of them
    marks = {sc.time_mark(f) for figs in binding.values() for f in figs} - {None} if relation.same_time else set()
    if len(marks) > 1:
        return False  # a value "at the time" is not recomputed at today's price, nor a current one at a dated close
    for name, slot in relation.slots.items():
        figs = binding[name]
        if slot.same_unit:
            ref = binding[slot.same_unit]
            if any(not _same_unit(f.q, ref[0].q) for f in figs):
                return False
        if slot.holder_of:
            want_h = _holder(binding[slot.holder_of][0], sc)
            if want_h and any(_holder(f, sc) not in (None, want_h) for f in figs):
                return False  # another company's average cost does not price this one's holding
        if slot.asset_of:
            want = _asset(binding[slot.asset_of][0])
            for f in figs:
                have = canonical_asset(f.claim.subject) if f.claim.subject else None
                if want and have and have != want:
                    return False
    return True


_DIMENSIONS: list = []  # [scene, {dimension: whether any of its figures has it}]


def _has_dimension(sc: Scene, dim: str) -> bool:
    """Whether any figure of the scene could fill a slot of dimension ``dim`` (found once per dimension)."""
    if not _DIMENSIONS or _DIMENSIONS[0] is not sc:
        _DIMENSIONS[:] = [sc, {}]
    known = _DIMENSIONS[1]
    if dim not in known:
        known[dim] = any(_dimension_ok(f.q, dim) for f in sc.figs)
    return known[dim]


def _loose(sc: Scene, slot: Slot, with_roles: bool = True) -> set[int]:
    """ids of the scene's figures that pass the target-independent tests of ``_fills`` for ``slot`` (dimension,
    excluded roles, metrics, and its roles ``with_roles``): every figure ``_fills`` accepts for it is among them.
    Found once per slot."""
    if not _DIMENSIONS or _DIMENSIONS[0] is not sc:
        _DIMENSIONS[:] = [sc, {}]
    known = _DIMENSIONS[1]
    key = ("loose", id(slot), with_roles)
    if key not in known:
        not_roles = set(slot.not_roles or ())
        wanted = set(slot.roles or ()) if with_roles else set()
        known[key] = {
            id(f)
            for f in sc.figs
            if _dimension_ok(f.q, slot.dimension)
            and not (wanted and not f.roles & wanted)
            and not (not_roles and f.roles & not_roles)
            and not (slot.metrics and (f.claim.metric or "none") not in slot.metrics)
        }
    return known[key]


def _bindings(sc: Scene, relation: Relation, target: Fig) -> Iterator[tuple[dict[str, list[Fig]], str | None]]:
    if any(not s.many and s.name != relation.report and not _has_dimension(sc, s.dimension)
           for s in relation.slots.values()):  # fmt: skip
        return  # a slot no figure of the document can fill: no binding (what the candidates below would find)
    wants = target.wants if target.wants and target.wants[0] in relation.named_preps else None
    if relation.requires_name and wants is None:
        return
    link = "sentence" if target.measured else relation.link  # "2,000% of its initial price, which is $0.01"
    pool = sc.scope(target, link, relation.reference, relation.refers_by)
    if wants:  # "50% below its launch price": the named figure, and the figures of its passage, may sit before
        pool = pool + [f for f in sc.before(target, roles().named_reach) if f not in pool]
    if relation.reach:
        pool = pool + [f for f in sc.before(target, relation.reach) if f not in pool]
    if relation.ahead:
        pool = pool + [f for f in sc.after(target, relation.ahead) if f not in pool]
    if relation.current_reach and sc.time_mark(target) == "current":  # "now worth ... As ETH trades near $2,088 now"
        near = sc.before(target, relation.current_reach) + sc.after(target, relation.current_reach)
        pool = pool + [f for f in near if f not in pool and sc.time_mark(f) == "current"]
    if relation.holder_reach and target.roles & set(relation.holder_roles):
        pool = pool + [f for f in sc.holdings_of(target, relation.holder_reach) if f not in pool]
    others = [s for s in relation.slots.values() if s.name != relation.report]
    single = [s for s in others if not s.many]
    many = [s for s in others if s.many]
    if relation.slots[relation.report].last and any(
        f.q.start > target.q.start and _same_unit(f.q, target.q) and f.claim.quantity.kind == target.q.kind
        for f in sc.by_sentence.get(target.sentence, [])
    ):
        return  # not the figure that closes the list
    loose = [_loose(sc, s, not (wants and s.named)) for s in single]
    if any(not any(id(f) in ok for f in pool) for ok in loose):
        return  # a slot none of the pool can fill (the candidates below would be empty): one cheap pass
    cands = [
        [
            f
            for f in pool
            if id(f) in ok
            and f is not target
            and (not s.before_report or f.q.start < target.q.start)
            and (
                (f.q.start < target.q.start and wants[1] in f.names and _fills(f, replace(s, roles=()), target))
                if (wants and s.named)
                else _fills(f, s, target)
            )
        ]
        for s, ok in zip(single, loose, strict=True)
    ]
    if any(not c for c in cands):
        return
    count = 0
    for combo in itertools.product(*cands):
        if len({id(f) for f in combo}) < len(combo):
            continue
        base = {relation.report: [target], **{s.name: [f] for s, f in zip(single, combo, strict=True)}}
        used = {id(f) for f in combo} | {id(target)}
        groups: list[tuple[list[Fig], str | None]] = [([], None)]
        if many:  # the parts of a sum: those before the total, after it, or all of them (same unit as the total)
            s = many[0]
            parts = [f for f in pool if id(f) not in used and _fills(f, s)]
            if s.same_unit:
                parts = [f for f in parts if _same_unit(f.q, base[s.same_unit][0].q)]
            here = [f for f in parts if f.sentence == target.sentence]
            before = [f for f in here if f.q.start < target.q.start]
            after = [f for f in here if f.q.start > target.q.start]
            anchors = [f for name, figs in base.items() if name != relation.report for f in figs]
            start = max((f.q.end for f in anchors), default=-1)
            between = sorted((f for f in parts if start <= f.q.start < target.q.start), key=lambda f: f.q.start)
            groups = [(g, tag) for g, tag in ((before, "before"), (after, "after"), (here, "all")) if len(g) >= 2]
            if between:  # after the whole (or, with no whole slot, every earlier part of the list)
                groups.append((between, "between"))
            if not groups:
                continue
        for g, tag in groups:
            binding = dict(base)
            if many:
                binding[many[0].name] = g
            if not _agrees(sc, binding, relation):
                continue
            count += 1
            if count > MAX_BINDINGS:
                return
            yield binding, tag


# ---------------------------------------------------------------- checking


@dataclass
class Attempt:
    reading: str
    binding: dict[str, list[Fig]]
    computed: Interval
    fits: bool
    sign_flipped: bool
    factor: float


def _value(figs: list[Fig]) -> Interval:
    total = Interval.point(0.0)
    for f in figs:
        total = total + stated(f.q)
    return total


def _direction(fig: Fig) -> int:
    c = fig.claim
    if c.direction:
        return c.direction
    if c.quantity.sign < 0:
        return -1
    lower, higher = "lower" in fig.roles, "higher" in fig.roles
    return -1 if lower and not higher else 1 if higher and not lower else 0


def _attempt(relation: Relation, reading, binding: dict[str, list[Fig]], claimed: Interval, direction: int) -> Attempt:
    values = {name: _value(figs) for name, figs in binding.items()}
    if reading.swap:
        a, b = reading.swap
        values[a], values[b] = values[b], values[a]
    values[relation.report] = claimed
    computed = reading.equation.solve(relation.report, values)
    slot = relation.slots[relation.report]
    flipped = False
    if slot.signed:
        if direction:
            signed = claimed if direction > 0 else -claimed
            fits = computed.meets(signed)
            flipped = not fits and computed.sign() == -direction
        else:
            fits = computed.meets(claimed) or computed.meets(-claimed)
    elif reading.compare == "at_least":
        fits = computed.lo <= claimed.hi
    elif reading.compare == "at_most":
        fits = claimed.lo <= computed.hi
    else:
        fits = computed.meets(claimed)
    factor = off_by_factor(abs(computed), abs(claimed)) if not fits else 1.0
    return Attempt(reading.name, binding, computed, fits, flipped, factor)


def check_relation(ctx: CheckContext, rule: Rule, relation: Relation) -> Iterator[Finding]:
    opts = ctx.options.get(rule.id, rule.options)
    if relation.current_reach and "sentence_reach" in opts:  # the rule's option, when it has one, wins
        relation = replace(relation, current_reach=int(opts["sentence_reach"]))
    if relation.holder_reach and "article_chars" in opts:
        relation = replace(relation, holder_reach=int(opts["article_chars"]))
    sc = scene(ctx)
    target_slot = relation.slots[relation.report]
    plausible = float(opts.get("plausible_factor", 50.0))
    for fig in sc.figs:
        if not _fills(fig, target_slot, measured_ok=bool(relation.named_preps)):
            continue
        attempts: list[Attempt] = []
        fitted = False
        for binding, tag in _bindings(sc, relation, fig):
            qs = [f.q for figs in binding.values() for f in figs]
            if relation.bounded_inputs and any(not stated(q).bounded for q in qs if q is not fig.q):
                continue  # "more than 41,000 ETH" cannot pin a total down
            tol = tolerance(opts, *qs)
            if target_slot.dimension == "multiple":
                claimed = multiple_interval(fig.q, opts)
            else:
                claimed = abs(tested(fig.q, tol)) if target_slot.signed else tested(fig.q, tol)
            for reading in relation.readings:
                if reading.parts is not None and reading.parts != tag:
                    continue
                if reading.unsigned_only and _direction(fig):
                    others = (f for name, figs in binding.items() if name != relation.report for f in figs)
                    if not reading.unless_roles or any(set(reading.unless_roles) & f.roles for f in others):
                        continue  # "rose 25% from $8 million to $6 million" is not read backwards
                if reading.if_cue and not sc.says(fig, reading.if_cue):
                    continue
                if reading.if_report_roles and not set(reading.if_report_roles) & fig.roles:
                    continue
                if reading.units and not all(
                    _unit_of(f.q) in reading.units for n, fs in binding.items() if n != relation.report for f in fs
                ):
                    continue
                if reading.unless_report_roles and set(reading.unless_report_roles) & fig.roles:
                    continue
                if reading.unless_cue and sc.says(fig, reading.unless_cue):
                    continue
                try:
                    a = _attempt(relation, reading, binding, claimed, _direction(fig))
                except (ValueError, ZeroDivisionError, OverflowError):
                    continue
                if not a.fits and a.factor > plausible:
                    continue  # "$88,000 minus $114,000" against "$239 million": figures of another scale, not bound
                attempts.append(a)
                if a.fits:
                    fitted = True
                    ctx.verified.append((fig.q.start, fig.q.end, _evidence(relation, a)))
                    break
            if fitted:
                break
        if fitted or not attempts:
            continue
        yield _finding(rule, opts, relation, fig, attempts)


def _evidence(relation: Relation, a: Attempt) -> str:
    """ "relation: slot = figures ... -> computed", for a figure a binding confirmed."""
    slot = relation.slots[relation.report]
    unit = "%" if slot.dimension == "percent" else ("times" if slot.dimension == "multiple" else None)
    inputs = ", ".join(f"{name} {_label(figs)}" for name, figs in a.binding.items() if name != relation.report)
    return f"{relation.id}: {a.reading} ({inputs}) gives {_show(a.computed, unit, slot.signed)}"


def _label(figs: list[Fig]) -> str:
    return " + ".join(f.q.text.strip() for f in figs)


def _finding(rule: Rule, opts: dict, relation: Relation, fig: Fig, attempts: list[Attempt]) -> Finding:
    best = min(attempts, key=lambda a: (a.sign_flipped, a.factor))  # the most lenient reading sets the severity
    first = relation.readings[0].name
    shown = min((a for a in attempts if a.reading == first), key=lambda a: (a.sign_flipped, a.factor), default=best)
    q = fig.q
    slot = relation.slots[relation.report]
    unit = "%" if slot.dimension == "percent" else ("times" if slot.dimension == "multiple" else q.unit)
    as_written = _as_written(relation, shown)  # the figures as written (no rounding): the correction to suggest
    expected = _show(as_written if as_written is not None else shown.computed, unit, slot.signed)
    names = {name: _label(figs) for name, figs in shown.binding.items() if name != relation.report}
    names.update(_if_stated(relation, shown, fig))
    message = relation.message.format(expected=expected, stated=q.text.strip(), **names)
    if best.sign_flipped:
        message += " (the direction is reversed)"
    others = sorted(
        (f.q for name, figs in shown.binding.items() if name != relation.report for f in figs), key=lambda q: q.start
    )
    claimed = abs(stated(q)) if slot.signed else stated(q)
    # one policy: error when even the most lenient reading (every figure anywhere in its rounding) misses by
    # the rule's error_factor, reverses the direction or breaks a stated bound; warning otherwise
    severity = severity_for(best.computed, claimed, opts, q, sign_flipped=best.sign_flipped)
    work = [
        f"{name} = {_label(figs)} -> {fmt.interval(_value(figs), _unit_of(figs[0].q))} (rounding)"
        for name, figs in shown.binding.items()
        if name != relation.report
    ]
    work.append(f"{relation.readings[0].equation.text}: {relation.report} = {expected}")
    work.append(f"stated {q.text.strip()} -> {fmt.interval(claimed, unit)}")
    readings = sorted(
        {
            f"{a.reading} ({', '.join(_label(fs) for n, fs in a.binding.items() if n != relation.report)}): "
            f"{_show(a.computed, unit, slot.signed)}"
            for a in attempts
        }
    )[:12]
    return make_finding(
        rule, q, message, severity=severity, expected=expected, others=others, work=work, readings=readings
    )


def _written_values(attempt: Attempt) -> dict[str, Interval]:
    """Each slot of the attempt's binding as written (no rounding); an n-ary slot is the sum of its figures."""
    return {name: sum((written(f.q) for f in figs), Interval.point(0.0)) for name, figs in attempt.binding.items()}


def _as_written(relation: Relation, attempt: Attempt) -> Interval | None:
    """The reported slot computed from the other figures exactly as written, under the attempt's reading."""
    reading = next((r for r in relation.readings if r.name == attempt.reading), relation.readings[0])
    values = _written_values(attempt)
    if reading.swap:
        a, b = reading.swap
        values[a], values[b] = values[b], values[a]
    try:
        return reading.equation.solve(relation.report, values)
    except (ValueError, ZeroDivisionError, OverflowError):
        return None


def _if_stated(relation: Relation, attempt: Attempt, fig: Fig) -> dict[str, str]:
    """``{slot}_if_stated``: what each other figure would have to be for the stated one to hold ("a 50% discount on
    $0.06 would be $0.03"), from the figures as written."""
    reading = next((r for r in relation.readings if r.name == attempt.reading), relation.readings[0])
    values = _written_values(attempt)
    slot = relation.slots[relation.report]
    stated_iv = written(fig.q)
    if slot.signed and _direction(fig):
        stated_iv = abs(stated_iv) * _direction(fig)
    values[relation.report] = stated_iv
    out = {}
    for name, figs in attempt.binding.items():
        if name == relation.report or relation.slots[name].many:
            continue
        try:
            iv = reading.equation.solve(name, values)
        except (ValueError, ZeroDivisionError, OverflowError, KeyError):
            continue
        out[f"{name}_if_stated"] = fmt.interval(iv, _unit_of(figs[0].q))
    return out


def _unit_of(q: Quantity) -> str | None:
    return "%" if q.kind == "percent" else q.unit


def _show(iv: Interval, unit: str | None, signed: bool) -> str:
    return fmt.change_interval(iv) if signed and unit == "%" else fmt.interval(iv, unit)


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """Every finding of the relations declared for ``rule`` (rules/relations/*.toml with ``rule = <id>``)."""
    for relation in relations_for(rule.id):
        yield from check_relation(ctx, rule, relation)


# ---------------------------------------------------------------- conversions written in the text


def conversion_pairs(ctx: CheckContext, kind: Callable[[Quantity], bool]) -> list[tuple[Claim, Claim]]:
    """(figure, its conversion) pairs of figures that ``kind`` accepts, in two different units.

    The conversion reads as one (in brackets, after "or", "equal to", "which equals": the ``conversion`` role of
    rules/relations/roles.toml) or is hedged in a clause in apposition ("EUR 180 million round, roughly $236
    million"); the figure converted is the nearest one before it in another unit within its scope (its clause
    with the clauses in apposition; its sentence, and the sentences before when it refers back, for an explicit
    conversion). In a "respectively" sentence the k-th conversion converts the k-th figure."""
    sc = scene(ctx)
    out = []
    for fb in sc.figs:
        qb = fb.q
        explicit = "conversion" in fb.roles
        if not kind(qb) or not (explicit or qb.bound == "approx" or qb.hedge):
            continue
        before = [
            fa
            for fa in sc.scope(fb, "sentence" if explicit else "clause", reference=explicit)
            if fa.q.end <= qb.start and fa.q.kind == qb.kind and fa.q.unit != qb.unit
        ]
        if not before:
            continue
        fa = max(before, key=lambda f: f.q.start)
        if not kind(fa.q):
            continue  # "506.745 BTC, approx. worth $32.2 million": a value of the coins, not a conversion
        if sc.says(fb, "respectively"):
            fa = _in_order(sc, fb, kind)
            if fa is None:
                continue
        between = ctx.doc.prose[fa.q.end : qb.start]
        if not explicit and (fa.sentence != fb.sentence or not _APPOSED.match(between)):
            continue  # a hedged figure with more than a few words after the other is not its conversion
        out.append((fa.claim, fb.claim))
    return out


def _in_order(sc: Scene, fb: Fig, kind: Callable[[Quantity], bool]) -> Fig | None:
    same = [f for f in sc.by_sentence.get(fb.sentence, []) if kind(f.q)]
    convs = [f for f in same if f.q.unit == fb.q.unit]
    amounts = [f for f in same if f.q.unit != fb.q.unit and f.q.start < convs[0].q.start]
    if len(convs) != len(amounts) or fb not in convs:
        return None
    return amounts[convs.index(fb)]


_APPOSED = re.compile(r"^[^.;]{0,40},\s*$")


def bound_by(ctx: CheckContext, q: Quantity, relation_id: str) -> bool:
    """Whether the text states the figures a relation needs for ``q`` ("surged 60% from $185 to $290"): then
    the arithmetic between them decides ``q``, not the market."""
    sc = scene(ctx)
    fig = sc.fig_of(q)
    if fig is None:
        return False
    for relation in relations():
        if relation.id == relation_id and _fills(fig, relation.slots[relation.report]):
            return next(iter(_bindings(sc, relation, fig)), None) is not None
    return False
