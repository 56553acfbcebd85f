"""Relations as data: ``rules/relations/*.toml`` (one relation a file) and the role cues of ``roles.toml``.

A relation names the rule it reports under, an equation over slots, the slot whose figure is tested
(``report``), how far its figures may be apart (``link``), each slot's dimension, roles and agreements, the
readings to try, a message template and PASS/FAIL examples that the test suite runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from factcheck.relations.equation import Equation
from factcheck.resources import load_rules_file, rules_dir

DIMENSIONS = frozenset(
    {"money", "asset", "count", "units", "percent", "points", "multiple", "comparable", "level", "measure"}
)
LINKS = frozenset({"sentence", "clause"})
COMPARES = ("equal", "at_least", "at_most")  # the reported figure equals, is at least, is at most what is computed
PART_GROUPS = (None, "before", "after", "all", "between")  # which figures fill an n-ary slot


class SpecError(ValueError):
    pass


@dataclass(frozen=True)
class Slot:
    name: str
    dimension: str
    roles: tuple[str, ...] = ()  # any of these roles (none: any figure of the dimension)
    not_roles: tuple[str, ...] = ()
    same_unit: str | None = None  # the slot whose unit this one shares
    asset_of: str | None = None  # the slot whose asset this figure's subject must be (when it names one)
    metrics: tuple[str, ...] = ()  # claim metrics accepted (none: any)
    many: bool = False  # an n-ary slot (the parts of a sum): its value is the sum of its figures
    signed: bool = False  # a change: its sign is the direction the text gives
    assertive: bool = True  # only figures the text asserts (not forecasts, targets)
    basis_for: tuple[str, ...] = ()  # a cost basis may fill this slot when the reported figure has one of these metrics
    named: bool = False  # filled by the figure the reported one names ("below its launch price"), when it names one
    last: bool = False  # (the reported slot) the last figure of its unit in its sentence: the one closing a list
    before_report: bool = False  # a figure before the reported one
    largest: bool = False  # at least every other figure of the binding (a whole is not smaller than a part)
    holder_of: str | None = None  # the slot whose holder (a company named as subject) this figure's must be
    level_metrics: tuple[str, ...] = ()  # between percents, the reported figure must read as one of these


@dataclass(frozen=True)
class Reading:
    name: str
    equation: Equation
    swap: tuple[str, str] | None = None
    parts: str | None = None  # for an n-ary slot: the figures "before" the reported one, "after" it, or "all"
    compare: str = "equal"  # "equal", or "at_least": the reported figure may exceed what the others give
    if_cue: str | None = None  # the reading applies only when the sentence has this cue (roles.toml [cue.*])
    unless_cue: str | None = None  # ... only when it has not
    unsigned_only: bool = False  # only when the text gives the reported figure no direction ...
    unless_roles: tuple[str, ...] = ()  # ... or when no figure of the binding has one of these roles
    if_report_roles: tuple[str, ...] = ()  # only when the reported figure has one of these roles
    units: tuple[str, ...] = ()  # only when the inputs are in one of these units ("%": a change between percents)
    unless_report_roles: tuple[str, ...] = ()  # only when it has none of them


@dataclass(frozen=True)
class Relation:
    id: str
    rule: str
    summary: str
    report: str
    link: str
    slots: dict[str, Slot]
    readings: tuple[Reading, ...]
    message: str
    examples: tuple[dict, ...] = field(default=())
    reference: bool = True  # figures of earlier sentences join when the target's sentence refers back
    named_preps: tuple[str, ...] = ()  # "of" / "below" ...: the named figures this relation reads ("of its initial")
    requires_name: bool = False  # the reported figure must name the figure it is measured against
    same_time: bool = False  # its figures must not be marked for different times (a value now, a price then)
    reach: int = 0  # sentences before the reported figure's that always join its scope
    ahead: int = 0  # sentences after it that always join its scope
    refers_by: str | None = None  # the cue list (roles.toml [cue.NAME]) that makes earlier sentences join, if not
    # the general references ("another $91 million" continues a list; "the total" need not)
    bounded_inputs: bool = False  # an input stated only as a bound ("more than 41,000 ETH") does not pin the result
    current_reach: int = 0  # for a figure marked current: current figures this many sentences around join too
    holder_reach: int = 0  # characters around a reported figure with one of ``holder_roles`` from which its
    # holder's stated holdings and cost bases join ("the company's ... acquisition cost" and "holds 4.28 million
    # ETH" three paragraphs up)
    holder_roles: tuple[str, ...] = ()


def _slot(name: str, raw: dict) -> Slot:
    dim = raw.get("dimension")
    if dim not in DIMENSIONS:
        raise SpecError(f"slot {name}: dimension must be one of {sorted(DIMENSIONS)}, not {dim!r}")
    return Slot(
        name=name,
        dimension=dim,
        roles=tuple(raw.get("roles", ())),
        not_roles=tuple(raw.get("not_roles", ())),
        same_unit=raw.get("same_unit"),
        asset_of=raw.get("asset_of"),
        metrics=tuple(raw.get("metrics", ())),
        many=bool(raw.get("many", False)),
        signed=bool(raw.get("signed", False)),
        assertive=bool(raw.get("assertive", True)),
        basis_for=tuple(raw.get("basis_for", ())),
        named=bool(raw.get("named", False)),
        last=bool(raw.get("last", False)),
        before_report=bool(raw.get("before_report", False)),
        largest=bool(raw.get("largest", False)),
        holder_of=raw.get("holder_of"),
        level_metrics=tuple(raw.get("level_metrics", ())),
    )


def parse_relation(raw: dict, roles: frozenset[str]) -> Relation:
    rid = raw.get("id") or "?"
    try:
        slots = {name: _slot(name, s) for name, s in raw["slots"].items()}
        base = Equation.parse(raw["equation"])
        readings = []
        for r in raw.get("readings", [{"name": raw.get("summary", rid)}]):
            eq = Equation.parse(r["equation"]) if r.get("equation") else base
            swap = tuple(r["swap"]) if r.get("swap") else None
            if r.get("compare", "equal") not in COMPARES or r.get("parts") not in PART_GROUPS:
                raise SpecError(f"relation {rid}: reading {r['name']!r} has a bad compare or parts")
            readings.append(
                Reading(
                    r["name"],
                    eq,
                    swap,
                    r.get("parts"),
                    r.get("compare", "equal"),
                    r.get("if_cue"),
                    r.get("unless_cue"),
                    bool(r.get("unsigned_only", False)),
                    tuple(r.get("unless_roles", ())),
                    tuple(r.get("if_report_roles", ())),
                    tuple(r.get("units", ())),
                    tuple(r.get("unless_report_roles", ())),
                )  # type: ignore[arg-type]
            )
        relation = Relation(
            id=rid,
            rule=raw["rule"],
            summary=raw.get("summary", ""),
            report=raw.get("report", base.lhs),
            link=raw.get("link", "sentence"),
            slots=slots,
            readings=tuple(readings),
            message=raw["message"],
            examples=tuple(raw.get("examples", ())),
            reference=bool(raw.get("reference", True)),
            named_preps=tuple(raw.get("named_preps", ())),
            requires_name=bool(raw.get("requires_name", False)),
            same_time=bool(raw.get("same_time", False)),
            reach=int(raw.get("reach", 0)),
            ahead=int(raw.get("ahead", 0)),
            bounded_inputs=bool(raw.get("bounded_inputs", False)),
            refers_by=raw.get("refers_by"),
            current_reach=int(raw.get("current_reach", 0)),
            holder_reach=int(raw.get("holder_reach", {}).get("chars", 0)),
            holder_roles=tuple(raw.get("holder_reach", {}).get("roles", ())),
        )
    except KeyError as exc:
        raise SpecError(f"relation {rid}: missing {exc.args[0]!r}") from None
    for r in relation.readings:
        unknown = set(r.equation.slots) - set(slots)
        if unknown:
            raise SpecError(f"relation {rid}: equation names unknown slots {sorted(unknown)}")
    if relation.report not in slots or relation.link not in LINKS:
        raise SpecError(f"relation {rid}: bad report slot or link")
    for s in slots.values():
        bad = (set(s.roles) | set(s.not_roles)) - roles
        if bad:
            raise SpecError(f"relation {rid}, slot {s.name}: unknown roles {sorted(bad)}")
    return relation


@dataclass(frozen=True)
class Roles:
    """The compiled role cues: role -> (pattern ending at the figure, pattern starting after it)."""

    before: dict[str, CueWords]
    after: dict[str, CueWords]
    reference: re.Pattern[str]
    reach: int
    max_words: int
    not_after: frozenset[str]
    joins: re.Pattern[str]
    cues: dict[str, re.Pattern[str]]
    after_kind: dict[str, tuple[frozenset[str], re.Pattern[str]]]  # role -> (kinds of the figure before, gap words)
    names: dict[str, re.Pattern[str]]  # name -> words that name a figure in its clause
    wanted: re.Pattern[str]  # after a figure: "(of|below...) (its|the) [adj] NAME-WORD price" (groups prep, word)
    named_reach: int
    given: re.Pattern[str]  # after a named figure: the words that give it right away ("which is $0.01")
    pair: re.Pattern[str]  # the whole gap between two figures of one unit that make a change's two ends
    pair_roles: tuple[str, str]  # the roles of the first and the second of such a pair


def _alts(words: list[str]) -> str:
    """Whole-word alternation of ``words`` (case-insensitive), compiled as a trie like the claims lexicons: quick
    to build and linear to match."""
    from factcheck.claims import _words_pattern

    return _words_pattern(list(words)) if words else r"(?!x)x"


_TOKEN = re.compile(r"[(),]|[^\s(),]+")
_WORD = re.compile(r"[\w’'-]+")  # a describing word ("jaw-dropping"): no figure, no comma
_NP_WORD = re.compile(r"[\w’'§-]+")  # a word of a noun phrase, a figure in it too ("its $3.66 July peak")


def tokens(text: str) -> list[str]:
    return _tokens(text)


def _tokens(text: str) -> list[str]:
    """Lower-case word tokens; brackets and commas are tokens of their own; end punctuation is dropped."""
    out = []
    for t in _TOKEN.findall(text.lower()):
        t = t.strip('“”"').rstrip(".;:!?") if len(t) > 1 else t
        if t:
            out.append(t)
    return out


def _phrases(words: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_tokens(w)) for w in words if w.strip())


@dataclass(frozen=True)
class CueWords:
    """The cue phrases of one role, matched on word tokens (no regular expression to build): a phrase before
    the figure followed by at most ``gap`` filler words, a phrase then one to three describing words
    (``adj``), or a phrase, a short noun phrase and "of"/"at" (``np``); after the figure, at most ``gap`` filler
    words then a phrase not followed by one of ``not_followed``."""

    phrases: frozenset[tuple[str, ...]]
    adj: frozenset[tuple[str, ...]]
    np: frozenset[tuple[str, ...]]
    fillers: frozenset[str]
    gap: int
    not_followed: frozenset[str]
    longest: int
    last_words: frozenset[str] = frozenset()  # the last word of every phrase (set from the phrases when empty)

    def __post_init__(self) -> None:
        if not self.last_words:
            lasts = frozenset(p[-1] for p in self.phrases | self.adj | self.np if p)
            object.__setattr__(self, "last_words", lasts)

    def _ends_with(self, toks: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
        if not toks or toks[-1] not in self.last_words:
            return False  # no phrase ends with this word: the common case, decided without building tuples
        return any(len(toks) >= n and tuple(toks[-n:]) in phrases for n in range(1, self.longest + 1))

    def phrase_end(self, toks: list[str]) -> tuple[int, int] | None:
        """The plain phrase that ``ends`` finds first: (filler words after it, its length in words), the
        longest of those ending at the same place; None when none does."""
        for k in range(self.gap + 1):
            if k > len(toks) or (k and toks[len(toks) - k] not in self.fillers and toks[len(toks) - k] != ","):
                break
            head = toks[: len(toks) - k]
            if head and head[-1] in self.last_words:
                for n in range(min(self.longest, len(head)), 0, -1):
                    if tuple(head[-n:]) in self.phrases:
                        return k, n
        return None

    def search(self, text: str) -> bool:
        """Whether ``text`` (what stands before a figure) ends with a cue of this role."""
        return self.ends(_tokens(text))

    def ends(self, toks: list[str]) -> bool:
        """``search`` on the tokens of the text before the figure."""
        stripped = False
        while toks and toks[-1] in ("(", ","):
            if self._ends_with(toks, self.phrases):
                return True
            toks, stripped = toks[:-1], True
        if self.phrase_end(toks) is not None:
            return True
        if stripped:
            return False  # "of the exchange's reserves ($3.1 billion": the bracket restates, it names no whole
        if self.adj:
            for j in range(1, 4):
                if len(toks) <= j or not _WORD.fullmatch(toks[-j]):
                    break
                if self._ends_with(toks[:-j], self.adj):
                    return True
        if self.np and toks and toks[-1] in ("of", "at"):
            for j in range(1, 6):
                if len(toks) <= j + 1 or not _NP_WORD.fullmatch(toks[-(j + 1)]):
                    break
                if self._ends_with(toks[: -(j + 1)], self.np):
                    return True
        return False

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether ``text[pos:endpos]`` (what follows a figure) starts with a cue of this role."""
        end = pos + 80 if endpos is None else min(endpos, pos + 80)  # a cue follows the figure closely
        return self.starts(_tokens(text[pos:end]))

    def starts(self, toks: list[str]) -> bool:
        """``match`` on the tokens of the text after the figure."""
        while toks and toks[0] in (",", ")"):
            toks = toks[1:]
        for k in range(self.gap + 1):
            if k and (k > len(toks) or toks[k - 1] not in self.fillers):
                break
            for n in range(1, self.longest + 1):
                if tuple(toks[k : k + n]) in self.phrases and (
                    len(toks) <= k + n or toks[k + n] not in self.not_followed
                ):
                    return True
        return False


@cache
def roles() -> Roles:
    raw = load_rules_file("relations/roles.toml")
    gap = int(raw.get("gap", 3))
    fillers = frozenset(w.lower() for w in raw.get("gap_words", []))
    not_followed = frozenset(w.lower() for w in raw.get("after_not_followed_by", []))
    before = {}
    after = {}
    directions = load_rules_file("directions.toml")
    for name, r in raw["role"].items():
        words = list(r.get("before", [])) + [w for key in r.get("before_directions", []) for w in directions[key]]
        ph, adj, np_ = (
            _phrases(words),
            _phrases(r.get("adj_before", [])),
            _phrases(r.get("np_before", [])),
        )
        longest = max((len(p) for p in ph | adj | np_), default=1)
        own_fillers = fillers - {w.lower() for w in r.get("not_fillers", [])}
        before[name] = CueWords(ph, adj, np_, own_fillers, gap, frozenset(), longest)
        aph = _phrases(r.get("after", []))
        after[name] = CueWords(
            aph, frozenset(), frozenset(), fillers, gap, not_followed, max((len(p) for p in aph), default=1)
        )
    ref = raw.get("reference", {})
    app = raw.get("apposition", {})
    named = raw.get("named", {})
    wanted = raw.get("named_wanted", {})
    pair = raw.get("pair", {})
    all_named = [w for words in named.values() if isinstance(words, list) for w in words]
    return Roles(
        before,
        after,
        re.compile(
            rf"(?:{_alts(ref.get('determiners', []))})\s+(?:[\w-]+\s+)?(?:{_alts(ref.get('nouns', []))})"
            rf"|{_alts(ref.get('words', []))}",
            re.I,
        ),
        int(ref.get("reach", 2)),
        int(app.get("max_words", 3)),
        frozenset(w.lower() for w in app.get("not_after", [])),
        re.compile(rf"[\s,;:—–-]*(?:{_alts(app.get('joins', []))})", re.I),
        {name: re.compile(_alts(c.get("words", [])), re.I) for name, c in raw.get("cue", {}).items()},
        {
            name: (
                frozenset(r["after_kind"]),
                re.compile(rf"\s*(?:(?:{_alts(r.get('after_kind_gap', []))})\s+)*$", re.I),
            )
            for name, r in raw["role"].items()
            if r.get("after_kind")
        },
        {name: re.compile(_alts(words), re.I) for name, words in named.items() if isinstance(words, list)},
        re.compile(
            rf"\s*(?:[\w-]+\s+){{0,2}}?(?P<prep>{_alts(wanted.get('prepositions', []))})\s+"
            rf"(?:its|the|their|that|this)\s+(?:[\w-]+\s+)?(?P<word>{_alts(all_named)})\s+"
            rf"(?:{_alts(wanted.get('nouns', []))})\b",
            re.I,
        ),
        int(named.get("reach", 3)),
        re.compile(
            rf"\s*,?\s*(?:{_alts(wanted.get('given', []))}|\()\s*"
            rf"(?:{_alts(wanted.get('given_hedges', []))}\s+)?§",
            re.I,
        ),
        re.compile(rf"\s*(?:{'|'.join(re.escape(w) for w in pair.get('joins', [])) or '(?!x)x'})\s*", re.I),
        (pair.get("roles", ["base", "new"])[0], pair.get("roles", ["base", "new"])[1]),
    )


@cache
def relations() -> tuple[Relation, ...]:
    names = frozenset(roles().before)
    out = []
    for path in sorted((rules_dir() / "relations").glob("*.toml")):
        if path.name == "roles.toml":
            continue
        out.append(parse_relation(dict(load_rules_file(f"relations/{path.name}")), names))
    return tuple(out)


def relations_for(rule_id: str) -> tuple[Relation, ...]:
    return tuple(r for r in relations() if r.rule == rule_id)
