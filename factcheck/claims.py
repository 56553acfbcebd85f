"""Claims: each figure read in its sentence (subject, metric, direction, window, role, assertive).

The lexicons are data: ``rules/claims.toml`` (metrics, non-assertive cues, clause breaks, time cues,
subjects) and ``rules/directions.toml`` (rise and fall words). Work is done on ``doc.prose`` with each
figure masked by ``§`` characters of the same length, so cue words never come from inside a figure and
offsets stay file offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from factcheck.document import Document
from factcheck.model import Claim, Quantity
from factcheck.resources import load_rules_file
from factcheck.sentences import sentences

MASK = "§"
_R = cache(re.compile)  # compiled once per pattern and flags (standard engine: plain, bounded patterns)


# ---------------------------------------------------------------- lexicons


def _trie(words: list[str]) -> str:
    """One pattern for many literal words, sharing their prefixes: "drop|dropped|drops" -> "drop(?:ped|s)?".

    A trie keeps matching linear in the text (the plain alternation retries every word at every position)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            alts.append(piece + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            return body + "?" if len(alts) == 1 and len(body) == 1 else "(?:" + body + ")?"
        return body

    return emit(root)


def _cue_table(lists: dict[str, list[str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for name, words in lists.items():
        for w in words:
            table.setdefault(" ".join(w.lower().split()), name)
    return table


def _words_regex(words: list[str], flags: int = re.I) -> re.Pattern[str]:
    """Whole-word match of any of ``words``: ``_words_pattern`` compiled."""
    return re.compile(_words_pattern(words, flags), flags)


def _direction_regex(words: list[str], not_phrases: list[str]) -> re.Pattern[str]:
    """The direction words, each not preceded by the rest of a phrase of ``not_phrases`` it ends ("make up")."""
    ends = {w.lower() for w in words}
    split = [p.lower().split() for p in not_phrases]
    heads = sorted({" ".join(w[:-1]) for w in split if len(w) > 1 and w[-1] in ends})
    guard = "".join(rf"(?<!\b{re.escape(h)} )" for h in heads if h)
    return re.compile(guard + "(?:" + _words_pattern(words) + ")", re.I)


def _words_pattern(words: list[str], flags: int = re.I) -> str:
    """Whole-word match of any of ``words``; spaces in phrases match any run of spaces.

    The lexicon's literal word lists are compiled with the standard ``re`` as a trie (fast to compile and
    to run; no pattern can backtrack beyond the length of its longest word)."""
    alts = {" ".join(w.split()) for w in words if w.strip()}
    if flags & re.I:
        alts = {w.lower() for w in alts}
    worded = sorted(w for w in alts if w[0].isalnum() and w[-1].isalnum())
    other = sorted(w for w in alts if w not in worded)
    parts = []
    if worded:
        parts.append(r"\b(?:" + _trie(worded) + r")\b")
    for w in other:
        left = r"\b" if w[0].isalnum() else ""
        right = r"\b" if w[-1].isalnum() else ""
        parts.append(left + _trie([w]) + right)
    return "|".join(parts) or r"(?!x)x"


_MEMOS = (
    "asset_of",
    "canonical",
    "tokens",
    "entity_names",
    "tails",
    "sentence_matches",
    "readings",
    "span_mentions",
)
_MEMO_LIMIT = 100_000  # entries of a memo (of words and names) before it is emptied
_TEXT_MEMO_LIMIT = 20_000  # entries of a memo of sentences or passages


def _bounded(memo: dict, limit: int = _TEXT_MEMO_LIMIT) -> dict:
    if len(memo) > limit:
        memo.clear()
    return memo


class Lexicon:
    """The claims lexicons, compiled (``rules/claims.toml``, ``rules/directions.toml``, ``rules/assets.toml``)."""

    __slots__ = (
        "metric_reach",
        "window_keys",
        "metric_any",
        "metric_of_cue",
        "money_metrics",
        "basis_verbs",
        "basis_average",
        "percent_change",
        "percent_share",
        "not_price_change",
        "nonassertive",
        "nonassertive_after",
        "clause_break",
        "up",
        "down",
        "current",
        "past",
        "possessive_window",
        "relative_opening",
        "anaphora",
        "anaphora_asset",
        "anaphora_entity",
        "anaphora_reach",
        "not_entities",
        "opener_endings",
        "not_entity_endings",
        "longest_name",
        "asset_candidates",
        "multi_names",
        "asset_of",
        "canonical",
        "tokens",
        "entity_names",
        "tails",
        "sentence_matches",
        "readings",
        "span_mentions",
    )

    metric_reach: int
    window_keys: list[tuple[str, re.Pattern[str]]]  # canonical window -> phrases, tried in order
    metric_any: re.Pattern[str]  # every metric cue (one trie)
    metric_of_cue: dict[str, str]  # cue, lower case and single-spaced -> metric (the first metric listing it)
    money_metrics: frozenset[str]  # metrics of money only: never an amount of an asset's
    basis_verbs: re.Pattern[str]  # buying verbs that make "an average ... price" a cost basis
    basis_average: re.Pattern[str]
    percent_change: re.Pattern[str]
    percent_share: re.Pattern[str]
    not_price_change: re.Pattern[str]  # "shares fell 17%": a change of something other than a price
    nonassertive: list[tuple[str, re.Pattern[str]]]
    nonassertive_after: list[tuple[str, re.Pattern[str]]]
    clause_break: re.Pattern[str]
    up: re.Pattern[str]
    down: re.Pattern[str]
    current: re.Pattern[str]
    past: re.Pattern[str]
    possessive_window: re.Pattern[str]  # "the previous day's" right before a figure: its own window
    relative_opening: re.Pattern[str]  # a clause opening "which"/"that": it hangs on the clause before
    anaphora: re.Pattern[str]
    anaphora_asset: re.Pattern[str]
    anaphora_entity: re.Pattern[str]
    anaphora_reach: int
    not_entities: frozenset[str]
    opener_endings: tuple[str, ...]  # a capitalised word opening a sentence that ends so is a participle
    not_entity_endings: tuple[str, ...]  # "Texas-based", "Nasdaq-listed": a describing word, not a name
    longest_name: int
    asset_candidates: re.Pattern[str]  # capitalised words, $TICKERS and lowercase asset names
    multi_names: dict[str, list[tuple[str, ...]]]
    asset_of: dict[str, str]
    # answers derived from the lexicon alone, memoised (each cleared past _MEMO_LIMIT entries)
    canonical: dict[str, str | None]  # name -> canonical asset (canonical_asset)
    tokens: dict[str, tuple[list[tuple[str, ...]] | None, str | None]]  # candidate -> (name tails, asset)
    entity_names: dict[str, str]  # entity match -> the name it stands for ("" when none)
    tails: dict[tuple[str, ...], re.Pattern[str]]  # rest of a multi-word name -> its pattern
    # what a text says, for texts that repeat within a document and across the files of a run (boilerplate)
    sentence_matches: dict[str, dict]  # masked sentence -> the matches of each lexicon pattern (Frame.found)
    readings: dict[tuple, tuple]  # (sentence, figure) -> clause start, assertive, reason, metric, direction, role
    span_mentions: dict[tuple[str, str, str], list]  # (char before, span, word after) -> its mentions

    def __init__(self, **values: object) -> None:
        for name in self.__slots__:
            memo = name in _MEMOS
            setattr(self, name, values.pop(name, {}) if memo else values.pop(name))
        if values:
            raise TypeError(f"unknown Lexicon fields: {sorted(values)}")


@cache
def lexicon() -> Lexicon:
    c = load_rules_file("claims.toml")
    d = load_rules_file("directions.toml")
    asset_of: dict[str, str] = {}  # exact forms ("ETH", "stETH") and lowercase names ("ether")
    longest = 1
    multi: dict[str, list[tuple[str, ...]]] = {}
    lowercase: set[str] = set()  # names also recognised in lower case ("ether prices"): the top assets only
    lowercase_rank = int(c.get("lowercase_name_rank", 10))
    try:
        assets = load_rules_file("assets.toml").get("asset", [])
    except FileNotFoundError:
        assets = []
    for a in assets:
        t = a["ticker"]
        if a.get("ticker_match", True) and len(t) >= 2:
            asset_of.setdefault(t, t)
            for form in a.get("forms", []):
                asset_of.setdefault(form, t)
        for n in a.get("names", []):
            asset_of.setdefault(n.lower(), t)
            if 0 < a.get("rank", 0) <= lowercase_rank and n.isalpha():
                lowercase.add(re.escape(n.lower()))
            longest = max(longest, len(n.split()))
            parts = n.lower().split()
            if len(parts) > 1:
                multi.setdefault(parts[0], []).append(tuple(parts[1:]))
        for n in a.get("exact_names", []):
            asset_of.setdefault(n, t)
            longest = max(longest, len(n.split()))
    return Lexicon(
        metric_reach=int(c.get("metric_reach", 6)),
        window_keys=[(w["key"], re.compile(w["pattern"], re.I)) for w in c["window_keys"]],
        metric_any=_words_regex([w for v in c["metrics"].values() for w in v]),
        metric_of_cue=_cue_table(c["metrics"]),
        money_metrics=frozenset(c.get("money_metrics", [])),
        percent_change=_words_regex(c["percent"]["change"]),
        percent_share=_words_regex(c["percent"]["share"]),
        not_price_change=re.compile(
            r"\s*(?:of\s+)?(?:(?:its|their|the)\s+)?(?:" + _words_pattern(c["percent"]["not_price_change"]) + ")",
            re.I,
        ),
        nonassertive=[(k, _words_regex(v)) for k, v in c["nonassertive"].items()],
        basis_verbs=_words_regex(c["cost_basis_average"]["verbs"]),
        basis_average=_words_regex(c["cost_basis_average"]["average"]),
        nonassertive_after=[(k, _words_regex(v)) for k, v in c["nonassertive_after"].items()],
        clause_break=re.compile("|".join(re.escape(b) for b in c["clause_breaks"])),
        up=_direction_regex(d["up"], d.get("not_directions", [])),
        down=_direction_regex(d["down"], d.get("not_directions", [])),
        current=_words_regex(c["time"]["current"]),
        past=_words_regex(c["time"]["past"]),
        possessive_window=re.compile(c["time"]["possessive_window"], re.I),
        relative_opening=re.compile(r"\s*(?:" + _words_pattern(c["relative_openings"]) + ")", re.I),
        anaphora=_words_regex(c["anaphora"]["asset"] + c["anaphora"]["entity"] + c["anaphora"]["either"]),
        anaphora_asset=_words_regex(c["anaphora"]["asset"]),
        anaphora_entity=_words_regex(c["anaphora"]["entity"]),
        anaphora_reach=int(c["anaphora"].get("reach", 3)),
        not_entities=frozenset(c["not_entities"]),
        opener_endings=tuple(c.get("opener_endings", [])),
        not_entity_endings=tuple(c.get("not_entity_endings", [])),
        longest_name=longest,
        asset_candidates=_candidates_regex(sorted(lowercase, key=len, reverse=True)),
        multi_names={k: sorted(v, key=len, reverse=True) for k, v in multi.items()},
        asset_of=asset_of,
    )


def _candidates_regex(lowercase: list[str]) -> re.Pattern[str]:
    """Capitalised words, $TICKERS and the (escaped, alphabetic) ``lowercase`` names, longest first.

    The plain form is ``$?[A-Z][-\\w]*`` or ``$[a-z][-\\w]*`` or a name between word boundaries. Here every branch
    starts with a literal character, so the regex engine skips at C speed the positions where none can start;
    the boundary before a name becomes a look-behind after its first letter. Same matches, a third of the time.
    """
    if not lowercase or any(not n[:1].isalpha() for n in lowercase):
        return re.compile(r"\$?[A-Z][\w-]*|\$[a-z][\w-]*|\b(?:" + "|".join(lowercase) + r")\b")
    by_first: dict[str, list[str]] = {}
    for n in lowercase:  # names with different first letters never match at the same place: order kept within
        by_first.setdefault(n[0], []).append(n[1:])
    parts = [f"{ch}(?<!\\w{ch})(?:{'|'.join(tails)})\\b" for ch, tails in by_first.items()]
    parts += [r"\$[A-Z][\w-]*", r"\$[a-z][\w-]*"] + [ch + r"[\w-]*" for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    return re.compile("|".join(parts))


_MISSING = object()


def canonical_asset(name: str) -> str | None:
    lex = lexicon()
    found = lex.canonical.get(name, _MISSING)
    if found is _MISSING:
        if len(lex.canonical) > _MEMO_LIMIT:
            lex.canonical.clear()
        bare = name.lstrip("$")
        found = lex.canonical[name] = lex.asset_of.get(bare) or lex.asset_of.get(bare.lower())
    return found  # type: ignore[return-value]


# ---------------------------------------------------------------- windows


_ONE_WINDOW = r"(\d+|two|three|four|five|six|ten)[\s-]+(hours?|days?|weeks?|months?|years?)"


def window_key(window: str | None) -> str | None:
    """A canonical key for a window phrase: "over the past 7 days" and "per week" -> "1w"."""
    if not window:
        return None
    w = window.strip()
    m = _R(_ONE_WINDOW, re.I).search(w)
    if m and not _R(r"(?:24|7|30|seven|thirty)\b", re.I).match(m.group(1)):
        return f"{m.group(1).lower()}{m.group(2).lower().rstrip('s')}"
    for key, pat in lexicon().window_keys:
        if pat.search(w):
            return key
    month = re.search(
        r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+(\d{4}))?",
        w,
    )
    if month:
        return f"in {month.group(1)}" + (f" {month.group(2)}" if month.group(2) else "")
    q = _R(r"\b(Q[1-4]|H[12])\b(?:\s+(\d{4}))?").search(w)
    if q:
        return q.group(1) + (f" {q.group(2)}" if q.group(2) else "")
    return w.lower()


# ---------------------------------------------------------------- sentence frames


class Frame:
    """A sentence with its figures masked: ``masked`` has the length of ``doc.prose[start:end]``."""

    __slots__ = ("start", "end", "text", "masked", "quantities", "_found", "_searched", "_first")

    def __init__(self, start: int, end: int, text: str, masked: str, quantities: list[Quantity]) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.masked = masked
        self.quantities = quantities
        self._found: dict[int, tuple[list[re.Match[str]], list[int], list[int]]] = {}
        self._searched: dict[tuple[int, int, int, bool], bool] = {}
        self._first: dict[tuple, tuple[int, int] | None] = {}

    def __repr__(self) -> str:
        return (
            f"Frame(start={self.start!r}, end={self.end!r}, text={self.text!r}, masked={self.masked!r}, "
            f"quantities={self.quantities!r})"
        )

    def local(self, q: Quantity) -> tuple[int, int]:
        return q.start - self.start, q.end - self.start

    def searched(self, pattern: re.Pattern[str], lo: int, hi: int, sliced: bool = False) -> bool:
        """``bool(pattern.search(masked, lo, hi))`` (or of ``masked[lo:hi]`` when ``sliced``), memoised: the
        figures of one clause ask the same question, and each asking scanned the whole clause."""
        key = (id(pattern), lo, hi, sliced)
        got = self._searched.get(key)
        if got is None:
            found = pattern.search(self.masked[lo:hi]) if sliced else pattern.search(self.masked, lo, hi)
            got = self._searched[key] = found is not None
        return got

    def search_before(self, pattern: re.Pattern[str], lo: int, a: int, hi: int) -> bool:
        """``bool(pattern.search(masked, lo, a))`` for a figure at ``a`` in the clause ``[lo, hi)``, from one
        search of the clause: a pattern that cannot match the mask character (the cue words) matches before
        a masked figure exactly when the clause's first match from ``lo`` ends by ``a``."""
        masked = self.masked
        if a >= len(masked) or masked[a] != MASK:
            return pattern.search(masked, lo, a) is not None
        key = (id(pattern), lo, hi, True, True)
        got = self._first.get(key, False)
        if got is False:
            m = pattern.search(masked, lo, hi)
            got = self._first[key] = (m.start(), m.end()) if m else None
        if got is None or got[0] >= a:
            return False
        if got[1] <= a:
            return True
        return pattern.search(masked, lo, a) is not None  # a match across the mask: not for cue words

    def first_in_slice(
        self, pattern: re.Pattern[str], lo: int, a: int, hi: int, pos: int = 0
    ) -> tuple[int, int] | None:
        """The span of ``pattern.search(masked[lo:a], pos)`` (offsets in the slice), from one search of the
        clause ``masked[lo:hi]`` shared by its figures (see ``search_before``: exact for cue-word patterns,
        which cannot match the mask character at ``a``)."""
        masked = self.masked
        if a >= len(masked) or masked[a] != MASK:
            m = pattern.search(masked[lo:a], pos)
            return m.span() if m else None
        key = (id(pattern), lo, hi, pos, "slice")
        got = self._first.get(key, False)
        if got is False:
            m = pattern.search(masked[lo:hi], pos)
            got = self._first[key] = m.span() if m else None
        if got is None or got[0] >= a - lo:
            return None
        if got[1] <= a - lo:
            return got
        m = pattern.search(masked[lo:a], pos)
        return m.span() if m else None

    def found(self, pattern: re.Pattern[str]) -> tuple[list[re.Match[str]], list[int], list[int]]:
        """Every match of ``pattern`` in ``masked`` (in order, disjoint), their starts and ends: found once."""
        key = id(pattern)  # hashing a Pattern hashes its whole compiled code: the id is much cheaper
        got = self._found.get(key)
        if got is None:
            ms = list(pattern.finditer(self.masked))
            got = self._found[key] = (ms, [m.start() for m in ms], [m.end() for m in ms])
        return got


def mask(prose: str, quantities: list[Quantity]) -> str:
    """``prose`` with every figure replaced by ``§`` characters of the same length."""
    parts: list[str] = []
    pos = 0
    for q in sorted(quantities, key=lambda q: q.start):
        if q.start < pos:
            continue
        parts.append(prose[pos : q.start])
        parts.append(MASK * (q.end - q.start))
        pos = q.end
    parts.append(prose[pos:])
    return "".join(parts)


def frames(
    doc: Document, quantities: list[Quantity], masked: str | None = None, *, around_figures: bool = False
) -> list[tuple[int, Frame]]:
    """(sentence number, frame) for every sentence (figures masked), in document order; with
    ``around_figures``, only the sentences with a figure and the sentence before each."""
    masked = mask(doc.prose, quantities) if masked is None else masked
    qs = sorted(quantities, key=lambda q: q.start)
    starts = [q.start for q in qs]
    spans = sentences(doc.prose)
    out: list[tuple[int, Frame]] = []
    wanted: set[int] | None = None
    if around_figures:
        wanted = set()
        k = 0
        for q in qs:  # sentence of each figure (spans are sorted and disjoint)
            while k < len(spans) and spans[k][1] <= q.start:
                k += 1
            if k < len(spans) and spans[k][0] <= q.start:
                wanted.update((k, k - 1))
    for k, (s, e) in enumerate(spans):
        if wanted is not None and k not in wanted:
            continue
        i, j = bisect_left(starts, s), bisect_left(starts, e)
        out.append((k, Frame(s, e, doc.prose[s:e], masked[s:e], qs[i:j])))
    return out


def clause_bounds(masked: str, a: int, b: int) -> tuple[int, int]:
    """The clause around the local span [a, b): from the last clause break before it to the next after."""
    lo, hi = 0, len(masked)
    for m in _matches(lexicon().clause_break, masked):
        if m.end() <= a:
            lo = m.end()
        elif m.start() >= b:
            hi = m.start()
            break
    return lo, hi


def _clause(frame: Frame, a: int, b: int) -> tuple[int, int]:
    """``clause_bounds(frame.masked, a, b)`` from the frame's clause breaks, found once per sentence."""
    ms, starts, ends = frame.found(lexicon().clause_break)
    k = bisect_right(ends, a)  # matches are in order and disjoint: starts and ends both increase
    lo = ends[k - 1] if k else 0
    if b < a:  # not a span: the plain reading
        return clause_bounds(frame.masked, a, b)
    j = bisect_left(starts, b, k)
    return lo, starts[j] if j < len(starts) else len(frame.masked)


_MATCHES: dict[tuple[int, str], list[re.Match[str]]] = {}


def _matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Every match of ``pattern`` in ``text``, memoised for the sentence being read."""
    key = (id(pattern), text)
    found = _MATCHES.get(key)
    if found is None:
        if len(_MATCHES) > 256:
            _MATCHES.clear()
        found = _MATCHES[key] = list(pattern.finditer(text))
    return found


def _nearest(pattern: re.Pattern[str], text: str, a: int, b: int, lo: int, hi: int) -> re.Match[str] | None:
    """The match of ``pattern`` in text[lo:hi] nearest to the span [a, b) (ties: the one before)."""
    best, best_d = None, None
    for m in _matches(pattern, text):
        if m.start() < lo or m.end() > hi:
            continue
        if m.start() >= b:
            d = m.start() - b
        elif m.end() <= a:
            d = a - m.end()
        else:
            continue
        if best_d is None or d < best_d:
            best, best_d = m, d
    return best


def _nearest_in(frame: Frame, pattern: re.Pattern[str], a: int, b: int, lo: int, hi: int) -> re.Match[str] | None:
    """``_nearest(pattern, frame.masked, a, b, lo, hi)`` by bisection in the frame's matches.

    Matches are disjoint and in order, so the nearest before the span is the last ending by ``a`` and the
    nearest after it the first starting from ``b``; a tie goes to the one before, as in the scan."""
    if not (lo <= a <= b <= hi):
        return _nearest(pattern, frame.masked, a, b, lo, hi)
    ms, starts, ends = frame.found(pattern)
    k = bisect_right(ends, a)
    before = ms[k - 1] if k and starts[k - 1] >= lo else None
    j = bisect_left(starts, b, k)
    after = ms[j] if j < len(ms) and ends[j] <= hi else None
    if after is None:
        return before
    if before is None:
        return after
    return before if a - ends[k - 1] <= starts[j] - b else after


_WORD = re.compile(r"\w+")


def _word_distance(text: str, x: int, y: int) -> int:
    lo, hi = min(x, y), max(x, y)
    return len(_WORD.findall(text[lo:hi]))


# ---------------------------------------------------------------- the parts of a claim

_CLOSE_PAREN = re.compile(r"\s*\)")
_FIGURE_OPEN_PAREN = re.compile(r"§\s*\($")
_SHARE_AFTER = re.compile(r"\s*(?:of|stake|share)\b", re.I)
_DISCOUNT = re.compile(r"\bdiscount\b", re.I)
_PREMIUM = re.compile(r"\bpremium\b", re.I)
_DRAWDOWN = re.compile(r"\bdrawdown\b", re.I)


def metric_of(frame: Frame, q: Quantity) -> str | None:
    a, b = frame.local(q)
    return _metric(frame, q, a, b, *_clause(frame, a, b))


def _metric(frame: Frame, q: Quantity, a: int, b: int, lo: int, hi: int) -> str | None:
    lex = lexicon()
    masked = frame.masked
    if q.kind == "percent":
        before = masked[max(lo, a - 60) : a]
        after = masked[b : min(hi, b + 40)]
        if _CLOSE_PAREN.match(after) and _FIGURE_OPEN_PAREN.search(before):
            return "share"  # 2,230 (65%) of the videos
        if _SHARE_AFTER.match(after) and not lex.up.search(before[-25:]) and not lex.down.search(before[-25:]):
            return "share"
        if _DISCOUNT.search(after[:20]):
            return "discount"
        if _PREMIUM.search(after[:20]):
            return "premium"
        if frame.searched(_DRAWDOWN, lo, hi, sliced=True):
            return "drawdown"
        if (
            frame.searched(lex.up, lo, hi)
            or frame.searched(lex.down, lo, hi)
            or frame.searched(lex.percent_change, lo, hi)
        ):
            if frame.search_before(lex.not_price_change, lo, a, hi) or lex.not_price_change.match(
                masked, b, min(hi, b + 30)
            ):
                return "other_change"
            return "change"
        if lex.percent_share.search(masked, max(lo, a - 40), min(hi, b + 40)):
            return "share"
        return None
    if q.kind == "multiple":
        return "multiple"
    if q.kind in ("date", "duration"):
        return q.kind
    best, best_d = None, None
    reach = lex.metric_reach
    ms, starts, ends = frame.found(lex.metric_any)
    _, w_starts, w_ends = frame.found(_WORD)

    def distance(x: int, y: int) -> int:  # _word_distance(masked, x, y) from the frame's words, found once
        x, y = min(x, y), max(x, y)
        return bisect_left(w_starts, y) - bisect_right(w_ends, x) if y > x else 0

    # The cues inside [lo, hi) that do not touch the figure, in order; only those within ``reach`` words can
    # win, and the distance grows away from the figure, so each side is read outward until it passes reach.
    first = bisect_left(starts, lo)
    left_end = max(first, bisect_right(ends, a))  # cues before it end at or before a
    right = max(left_end, bisect_left(starts, b))  # cues from here start at or after b
    left = left_end
    while left > first and distance(ends[left - 1], a) <= reach:
        left -= 1
    order = list(range(left, left_end))
    stopped = False
    for i in range(left_end, right):  # cues that overlap the figure: skipped, unless one ends the walk
        if ends[i] > hi:
            stopped = True
            break
    if not stopped:
        i = right
        while i < len(ms) and ends[i] <= hi and distance(starts[i], b) <= reach:
            order.append(i)
            i += 1
    coins = bool(q.unit and canonical_asset(q.unit))
    for i in order:
        s, e = starts[i], ends[i]
        if e > hi:
            break
        if s < b and e > a:
            continue
        d = distance(s if s >= b else e, a if e <= a else b)
        if d <= reach and (best_d is None or d < best_d):
            metric = lex.metric_of_cue.get(" ".join(ms[i].group(0).lower().split()))
            if coins and metric in lex.money_metrics:
                continue  # "748.5 BTC at an average purchase price of": the price is another figure's
            best, best_d = metric, d
    if best is None and coins:
        return "holdings"
    return best


def direction_of(frame: Frame, q: Quantity) -> int:
    if q.sign < 0:
        return -1
    a, b = frame.local(q)
    return _direction(frame, q, a, b, *_clause(frame, a, b))


def _direction(frame: Frame, q: Quantity, a: int, b: int, lo: int, hi: int) -> int:
    if q.sign < 0:
        return -1
    if q.text.startswith("+"):
        return 1
    lex = lexicon()
    up = _nearest_in(frame, lex.up, a, b, lo, hi)
    down = _nearest_in(frame, lex.down, a, b, lo, hi)
    if up is None and down is None:
        return 0
    if up is None:
        return -1
    if down is None:
        return 1
    du = abs((up.start() if up.start() >= b else a) - (up.start() if up.start() < a else b))
    dd = abs((down.start() if down.start() >= b else a) - (down.start() if down.start() < a else b))
    return 1 if du < dd else -1


_PUNCT = re.compile(r"[.,;]")
_BASIS_REACH = 90  # characters from the start of a cost-basis cue to the figure it names


def assertive_of(frame: Frame, q: Quantity) -> tuple[bool, str | None]:
    a, b = frame.local(q)
    return _assertive(frame, a, b, *_clause(frame, a, b))


def _clause_before(frame: Frame, lo: int) -> tuple[int, int]:
    """The clause that ends where the clause starting at ``lo`` begins."""
    return _clause(frame, max(0, lo - 2), max(0, lo - 1))


def _assertive(frame: Frame, a: int, b: int, lo: int, hi: int) -> tuple[bool, str | None]:
    lex = lexicon()
    masked = frame.masked
    after = masked[b : min(len(masked), b + 25)]
    for kind, pat in lex.nonassertive:
        scope_lo = lo if kind == "level" else 0
        if kind == "cost_basis":
            # a cost basis names the first figure after it, within its clause (or the clause a relative clause
            # hangs on: "its cost basis, which some reports place around $75,985 per coin")
            clause_lo = lo
            if lex.relative_opening.match(masked, lo):
                clause_lo = _clause_before(frame, lo)[0]
            scope_lo = max(clause_lo, a - _BASIS_REACH)
        ms, starts, ends = frame.found(pat)
        k = bisect_right(ends, a)  # the last cue ending by the figure; earlier ones start earlier still
        if k and starts[k - 1] >= scope_lo:
            if kind == "cost_basis" and MASK in masked[ends[k - 1] : a]:
                continue  # another figure stands between: the cue names that one
            return False, f"{kind.replace('_', ' ')}: {ms[k - 1].group(0)}"
    if after.strip():
        stripped = after.lstrip()
        for kind, pat in lex.nonassertive_after:
            m = pat.match(stripped)
            if m is None:
                m2 = pat.search(after)
                if m2 and not _PUNCT.search(after, 0, m2.start()):
                    m = m2
            if m is not None:
                return False, f"{kind}: {m.group(0)}"
    verb = frame.first_in_slice(lex.basis_verbs, lo, a, hi)
    if verb and frame.first_in_slice(lex.basis_average, lo, a, hi, verb[1]):
        return False, f"cost basis: {masked[lo + verb[0] : a].strip()[:40]}"
    if verb is None and lo > 0:  # ", averaging $68,459 per coin": a participle opening its clause hangs on the
        avg = frame.first_in_slice(lex.basis_average, lo, a, hi)  # clause before, where the buying verb is
        if avg is not None and not masked[lo : lo + avg[0]].strip(" ,"):
            before = _clause_before(frame, lo)
            if frame.first_in_slice(lex.basis_verbs, before[0], lo, before[1]):
                return False, f"cost basis: {masked[lo + avg[0] : a].strip()[:40]}"
    quote = _inside_quote(frame.text, a)
    if quote and any(p.search(quote) for k, p in lex.nonassertive if k == "forecast"):
        return False, "quoted prediction"
    return True, None


_QUOTE_CLOSE = re.compile(r"[”\"]")


def _inside_quote(text: str, a: int) -> str | None:
    o = max(text.rfind("“", 0, a), text.rfind('"', 0, a))  # the last opening quote before the figure
    if o < 0:
        return None
    close = _QUOTE_CLOSE.search(text, o + 1)
    closes_before = close is not None and close.start() < a
    if closes_before:
        return None
    return text[o : close.start() if close else len(text)]


_ROLE_FROM = re.compile(r"\bfrom\s+(?:(?:the|an?|its|a\s+low\s+of|a\s+high\s+of|just|around|about)\s+)?$", re.I)
_ROLE_TO = re.compile(r"\b(?:to|reach(?:ed|ing)?|hit(?:ting)?|at)\s+(?:(?:the|an?|around|about|just)\s+)?$", re.I)
_FROM = re.compile(r"\bfrom\b", re.I)
_ROLE_REMAINING = re.compile(r"\bremaining\s+$", re.I)
_ROLE_TOTAL = re.compile(
    r"(?:^|[,;]\s*)of\s+(?:the\s+|its\s+|their\s+|this\s+|that\s+)?(?:first\s+|total\s+|initial\s+)?$", re.I
)
_ROLE_OUT_OF = re.compile(r"\b(?:out\s+of\s+(?:the\s+)?|total\s+of\s+)$", re.I)
_OPEN_PAREN_AFTER = re.compile(r"\s*\(")
_OPEN_PAREN_BEFORE = re.compile(r"\(\s*$")


def _tail_start(masked: str, a: int) -> int:
    """A start at or before any match of ``_ROLE_TOTAL`` ending at ``a`` (", of the first " and the like: at
    most three words, the spaces between them and one comma), so ``_ROLE_TOTAL.search(masked, start, a)``
    is ``_ROLE_TOTAL.search(masked[:a])`` without reading the clause from its start for every figure."""
    i = a
    for _ in range(4):
        while i > 0 and masked[i - 1].isspace():
            i -= 1
        while i > 0 and masked[i - 1].isalpha():
            i -= 1
    while i > 0 and masked[i - 1].isspace():
        i -= 1
    return max(0, i - 1)


def role_of(frame: Frame, q: Quantity) -> str | None:
    a, b = frame.local(q)
    masked = frame.masked
    before = masked[max(0, a - 30) : a]
    after = masked[b : b + 30]
    if _ROLE_FROM.search(before):
        return "from"
    if _ROLE_TO.search(before) and frame.searched(_FROM, 0, len(masked)):
        return "to"
    if _ROLE_REMAINING.search(before):
        return "remaining"
    if _ROLE_TOTAL.search(masked, _tail_start(masked, a), a) or _ROLE_OUT_OF.search(before):
        return "total"
    if _OPEN_PAREN_AFTER.match(after) or _OPEN_PAREN_BEFORE.search(before):
        return "part"
    return None


# ---------------------------------------------------------------- subjects


_ENTITY = r"(?<![\w’'])(?:[A-Z][\w’'&.-]*[\w])(?:\s+(?:[A-Z][\w’'&.-]*[\w]|of|de))*"


# _ENTITY with its look-behind moved after the first capital (same matches), so the engine skips to capitals
_ENTITY_RE = re.compile(r"[A-Z](?<![\w’'][A-Z])[\w’'&.-]*[\w](?:\s+(?:[A-Z][\w’'&.-]*[\w]|of|de))*")

Mention = tuple[int, int, str, bool]  # start, end, canonical name, is an asset


def all_mentions(masked: str, spans: list[tuple[int, int]] | None = None) -> list[Mention]:
    """The asset and entity mentions of the (masked) text, or of ``spans`` of it, sorted by start."""
    lex = lexicon()
    out: list[Mention] = []
    seen = _bounded(lex.span_mentions)
    for lo, hi in spans if spans is not None else [(0, len(masked))]:
        # The mentions of a span depend on its text, the character before it (look-behinds) and the word
        # after it (a trading pair "ETH/BTC" may run past the end): repeated passages are read once.
        key = (masked[lo - 1 : lo], masked[lo:hi], _PAIR_TAIL.match(masked, hi).group(0))
        local = seen.get(key)
        if local is None:
            local = seen[key] = [
                (a - lo, b - lo, n, asset) for a, b, n, asset in _mentions_between(lex, masked, lo, hi)
            ]
        out.extend((a + lo, b + lo, n, asset) for a, b, n, asset in local)
    out.sort()
    return out


_PAIR_TAIL = re.compile(r"/?\w*")


_PAIR = re.compile(r"/[A-Za-z][\w]*")
_POSSESSIVE = re.compile(r"[’']s$")


def _tail_pattern(lex: Lexicon, rest: tuple[str, ...]) -> re.Pattern[str]:
    """The rest of a multi-word asset name ("Binance Coin": " Coin"), compiled once."""
    pat = lex.tails.get(rest)
    if pat is None:
        pat = lex.tails[rest] = re.compile(r"[ \t]+" + r"[ \t]+".join(re.escape(x) for x in rest) + r"\b", re.I)
    return pat


def _entity_name(lex: Lexicon, text: str) -> str:
    """The name an entity match stands for ("" when none): leading non-entities and "'s" dropped."""
    words_ = text.split()
    while words_ and words_[0] in lex.not_entities:
        words_.pop(0)
    name = _POSSESSIVE.sub("", " ".join(words_)).strip() if words_ else ""
    return "" if name in lex.not_entities or name.lower().endswith(lex.not_entity_endings) else name


def _mentions_between(lex: Lexicon, masked: str, lo: int, hi: int) -> list[Mention]:
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    multi_names = lex.multi_names
    plain = lex.tokens  # token -> (the rest of the multi-word names it may start, its canonical asset)
    if len(plain) > _MEMO_LIMIT:
        plain.clear()
    for w in lex.asset_candidates.finditer(masked, lo, hi):
        token = w.group(0)
        known = plain.get(token)
        if known is None:
            known = plain[token] = (multi_names.get(token.lower()), canonical_asset(token))
        rests, canon = known
        end = w.end()
        if rests:
            low = token.lower()
            for rest in rests:
                tail = _tail_pattern(lex, rest).match(masked, end, hi)
                if tail:
                    canon, end = lex.asset_of[" ".join((low,) + rest)], tail.end()
                    break
        if not canon:
            continue
        start = w.start()
        pair = _PAIR.match(masked, end)
        if pair:  # a trading pair ("ETH/BTC", "ETH/USD") is not the asset itself: an entity of its own
            out.append((start, pair.end(), masked[start : pair.end()], False))
            taken.append((start, pair.end()))
            continue
        if start > 0 and masked[start - 1] == "/":
            continue  # the second half of a pair
        out.append((start, end, canon, True))
        taken.append((start, end))
    taken_starts = [t[0] for t in taken]
    names = lex.entity_names
    if len(names) > _MEMO_LIMIT:
        names.clear()
    for m in _ENTITY_RE.finditer(masked, lo, hi):
        if taken_starts:
            k = bisect_left(taken_starts, m.end())
            if k and taken[k - 1][1] > m.start():
                continue
        text = m.group(0)
        if text.endswith(lex.opener_endings) and " " not in text and _opens_sentence(masked, m.start()):
            continue  # "Valued at $110,000 a coin, ...", "Trading at $2, ...": a participle, not a name
        name = names.get(text)
        if name is None:
            name = names[text] = _entity_name(lex, text)
        if name:
            out.append((m.start(), m.end(), name, False))
    return out


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` starts the text, a line or a sentence (after ". ", "? ", ": ", '." ')."""
    i = pos
    while i > 0 and pos - i < 12 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return True
    if i == pos:
        return False  # no space before the word
    if text[i - 1] in "”\"’'" and i > 1:
        i -= 1
    return text[i - 1] in ".!?:"


_SHORT_QUOTE = re.compile(r"[“\"]([^”\"]{1,40})[”\"]")


def _outside_short_quotes(frame: Frame, mentions: list[Mention]) -> list[Mention]:
    """Mentions outside a quoted term: in 'the so-called "Ethereum killer"' the asset names another thing."""
    quotes = [(m.start(1), m.end(1)) for m in _SHORT_QUOTE.finditer(frame.text) if len(m.group(1).split()) <= 4]
    if not quotes:
        return mentions
    return [m for m in mentions if not any(a <= m[0] and m[1] <= b for a, b in quotes)]


def _mentions_in(frame: Frame, mentions: list[Mention], starts: list[int]) -> list[Mention]:
    i, j = bisect_left(starts, frame.start), bisect_left(starts, frame.end)
    return [(a - frame.start, b - frame.start, n, asset) for a, b, n, asset in mentions[i:j] if b <= frame.end]


def subject_of(
    frame: Frame, q: Quantity, mentions: list[tuple[int, int, str, bool]], carried: str | None
) -> str | None:
    a, b = frame.local(q)
    return _subject(frame, q, a, b, _clause(frame, a, b)[0], mentions, carried)


def _subject(
    frame: Frame, q: Quantity, a: int, b: int, lo: int, mentions: list[Mention], carried: str | None
) -> str | None:
    holder = q.unit is not None and canonical_asset(q.unit) is not None
    before = [m for m in mentions if m[1] <= a]
    if holder:
        ents = [m for m in before if not m[3]]
        if ents:
            return ents[-1][2]
        return carried
    assets_in_clause = [m for m in before if m[3] and m[0] >= lo]
    if assets_in_clause:
        return assets_in_clause[-1][2]
    ents_in_clause = [m for m in before if not m[3] and m[0] >= lo]
    assets_before = [m for m in before if m[3]]
    if ents_in_clause:
        return ents_in_clause[-1][2]
    if assets_before:
        return assets_before[-1][2]
    if before:
        return before[-1][2]
    after = [m for m in mentions if m[0] >= b and m[0] - b < 40]
    if after:
        return after[0][2]
    return carried


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _respectively(frame: Frame, qs: list[Quantity], mentions: list[Mention]) -> dict[int, str | None]:
    """ "USDC and USDe, which declined by 2.6% and 57%, respectively": pair the two lists in order.

    The figures are the run after the last subject mentioned before "respectively"; the subjects are the
    mentions just before them. When the counts differ, those figures get no subject (never a guess).
    """
    out: dict[int, str | None] = {}
    m = _RESPECTIVELY.search(frame.masked)
    if not m:
        return out
    before_resp = [q for q in qs if frame.local(q)[1] <= m.start()]
    if not before_resp:
        return out
    names_before = [x for x in mentions if x[1] <= frame.local(before_resp[-1])[0]]
    if not names_before:
        return out
    last_name_end = names_before[-1][1]
    figures = [q for q in before_resp if frame.local(q)[0] >= last_name_end]
    listed = [x[2] for x in names_before[-len(figures) :]] if figures else []
    for i, q in enumerate(figures):
        out[id(q)] = listed[i] if len(listed) == len(figures) else None
    return out


_PRICE_POSITION = (
    r"\b(?:at|near|above|below|under|hit|hits|touched|topped|tops|reclaimed|breached|around)\s+(?:the\s+)?(?:§|$)"
)


def _price_position(frame: Frame, q: Quantity) -> bool:
    """A money figure right after "at", "near", "hit" ...: where a price stands."""
    a, _ = frame.local(q)
    return (
        q.kind == "amount"
        and q.unit in ("USD", "USDT", "EUR")
        and bool(_PRICE_POSITION_RE.search(frame.masked[max(0, a - 14) : a + 1]))
    )


_SAYS_PRICE = r"\b(?:price|priced|prices|trading|trades|traded|changing\s+hands|per\s+(?:coin|token))\b[^§]{0,25}$"


_PER_UNIT_AFTER = r"\s*(?:per|a|each)\s+(?:coin|token|share|unit|bitcoin|ether|[A-Z]{2,6})\b"
_WORTH_AT = r"\b(?:worth|valued)\b[^.;§]{0,30}§+[^.;§]{0,30}\bat\s+$"  # "worth $12.5 billion at §"
_PRICE_POSITION_RE = re.compile(_PRICE_POSITION, re.I)
_SAYS_PRICE_RE = re.compile(_SAYS_PRICE, re.I)
_PER_UNIT_AFTER_RE = re.compile(_PER_UNIT_AFTER)
_WORTH_AT_RE = re.compile(_WORTH_AT, re.I)


def _worth_at(frame: Frame, q: Quantity) -> bool:
    a, _ = frame.local(q)
    before = frame.masked[max(0, a - 80) : a]
    return bool(_WORTH_AT_RE.search(before))


def _says_price(frame: Frame, q: Quantity) -> bool:
    """The figure is a unit price: "at the current price of $70,000", "$1,850 per token",
    "worth roughly $12.5 billion at $1,850"."""
    a, b = frame.local(q)
    before = frame.masked[max(0, a - 80) : a]
    return bool(
        _SAYS_PRICE_RE.search(before[-40:]) or _PER_UNIT_AFTER_RE.match(frame.masked, b) or _WORTH_AT_RE.search(before)
    )


def _asset_unit_nearby(frame: Frame, q: Quantity) -> str | None:
    """The asset of the nearest holding in the sentence: "713,502 BTC ... the current price of $70,000"."""
    best, best_d = None, None
    for other in frame.quantities:
        asset = canonical_asset(other.unit) if other.unit and other.kind == "amount" else None
        if asset is None or other is q:
            continue
        d = abs(other.start - q.start)
        if best_d is None or d < best_d:
            best, best_d = asset, d
    return best


def build_claims(doc: Document, quantities: list[Quantity]) -> list[Claim]:
    """One claim per figure that is not a date, in document order."""
    lex = lexicon()
    claims: list[Claim] = []
    last_asset: tuple[int, int, str] | None = None  # (sentence no., position, name): what "the token" refers to
    last_entity: tuple[int, int, str] | None = None  # what "the company" refers to
    reach = int(lex.anaphora_reach)
    masked = mask(doc.prose, quantities)
    all_frames = frames(doc, quantities, masked, around_figures=True)
    spans = []
    for n, (k, f) in enumerate(all_frames):
        if f.quantities:
            prev = all_frames[n - 1][1] if n and all_frames[n - 1][0] == k - 1 else f
            spans.append((min(prev.start, f.start), f.end))
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    every = all_mentions(masked, merged)
    every_starts = [m[0] for m in every]
    found_for = _bounded(lex.sentence_matches)  # sentences with the same masked text share their matches
    # What a figure's own sentence says of it (clause, assertive, metric cue, direction, role) depends only on the
    # sentence text and the figure: read once per distinct (sentence, figure), as repeated boilerplate is common.
    read = _bounded(lex.readings)
    for k, frame in all_frames:
        frame._found = found_for.setdefault(frame.masked, frame._found)
        mentions = _outside_short_quotes(frame, _mentions_in(frame, every, every_starts))
        if last_asset and k - last_asset[0] > reach:
            last_asset = None  # a pronoun does not reach back further than a few sentences
        if last_entity and k - last_entity[0] > reach:
            last_entity = None
        figures = [q for q in frame.quantities if q.kind != "date"]
        resp = _respectively(frame, figures, mentions)
        for q in figures:
            a, b = q.start - frame.start, q.end - frame.start
            key = (frame.text, frame.masked, a, b, q.kind, q.unit, q.sign, q.text)
            local = read.get(key)
            if local is None:
                lo, hi = _clause(frame, a, b)  # the same clause for every part of the claim
                local = read[key] = (
                    lo,
                    *_assertive(frame, a, b, lo, hi),
                    _metric(frame, q, a, b, lo, hi),
                    _direction(frame, q, a, b, lo, hi),
                    role_of(frame, q),
                )
            lo, assertive, reason, metric, direction, role = local
            if id(q) in resp:
                subject = resp[id(q)]
            else:
                carried = _antecedent_in(lex, frame, a, last_asset, last_entity)
                subject = _subject(frame, q, a, b, lo, mentions, carried)
            poss = lex.possessive_window.search(frame.masked, max(0, a - 40), a)
            if poss:  # "the previous day's 14.31% surge": the possessive names this figure's window
                window = poss.group(0).strip()
            else:
                window = q.window or (f"per {q.per}" if q.per else None)
            if metric in ("value", None) and q.kind == "amount" and _worth_at(frame, q):
                metric = "price"  # "worth roughly $12.5 billion at $1,850": the second figure is the unit price
            if metric is None and subject and canonical_asset(subject) and _price_position(frame, q):
                metric = "price"  # "Bitcoin, now at $90,000"; not "had fallen to $60,000" (a move)
            basis = not assertive and (reason or "").startswith("cost basis")
            if (
                metric == "price"
                and (subject is None or canonical_asset(subject) is None)
                and (basis or _says_price(frame, q))
            ):
                subject = _asset_unit_nearby(frame, q) or subject
            claims.append(
                Claim(
                    quantity=q,
                    sentence_start=frame.start,
                    sentence_end=frame.end,
                    subject=subject,
                    metric=metric,
                    direction=direction,
                    window=window,
                    assertive=assertive,
                    reason=reason,
                    role=role,
                )
            )
        sentence_claims = claims[len(claims) - len(figures) :] if figures else []
        holders = [c.subject for c in sentence_claims if c.subject and not canonical_asset(c.subject)]
        holders = [h for h in holders if c_metric_is_holding(sentence_claims, h)] or holders
        assets = [(m[0], m[2]) for m in mentions if m[3]] + [
            (q.start - frame.start, canonical_asset(q.unit)) for q in figures if q.unit and canonical_asset(q.unit)
        ]
        if assets:
            pos, name = max(assets)
            last_asset = (k, frame.start + pos, name)  # type: ignore[assignment]
        if holders:
            last_entity = (k, frame.start, holders[0])
        else:
            entity = next((m for m in mentions if not m[3] and _named_for_sure(frame, m)), None)
            if entity is not None:
                last_entity = (k, frame.start + entity[0], entity[2])
    return claims


def c_metric_is_holding(claims: list[Claim], subject: str) -> bool:
    return any(c.subject == subject and c.metric in ("holdings", "value", "cost") for c in claims)


def _named_for_sure(frame: Frame, m: Mention) -> bool:
    """An entity mention that is a name even at a sentence start: several words, inner capitals, or not first."""
    name = m[2]
    first = frame.masked[: m[0]].strip() == ""
    return not first or " " in name or any(ch.isupper() for ch in name[1:]) or any(ch.isdigit() for ch in name)


Antecedent = tuple[int, int, str] | None  # (sentence number, position, name)


def _antecedent(lex: Lexicon, before: str, last_asset: Antecedent, last_entity: Antecedent) -> str | None:
    """The earlier subject a pronoun or definite description before the figure refers to, if any."""
    found = list(_matches(lex.anaphora, before)) if before else []
    if not found:
        return None
    return _referent(lex, found[-1].group(0).lower(), last_asset, last_entity)


def _antecedent_in(lex: Lexicon, frame: Frame, a: int, last_asset: Antecedent, last_entity: Antecedent) -> str | None:
    """``_antecedent(lex, frame.masked[:a], ...)`` from the sentence's anaphora matches, found once.

    The figure at ``a`` is masked with ``§``, which no lexicon word matches and which is, like the end of
    the text, not a word character: the matches in ``masked[:a]`` are exactly those ending by ``a``."""
    if a <= 0:
        return None
    if frame.masked[a : a + 1] != MASK:
        return _antecedent(lex, frame.masked[:a], last_asset, last_entity)
    ms, _, ends = frame.found(lex.anaphora)
    k = bisect_right(ends, a)
    if not k:
        return None
    return _referent(lex, ms[k - 1].group(0).lower(), last_asset, last_entity)


def _referent(lex: Lexicon, word: str, last_asset: Antecedent, last_entity: Antecedent) -> str | None:
    asset = last_asset[2] if last_asset else None
    entity = last_entity[2] if last_entity else None
    if lex.anaphora_asset.fullmatch(word):
        return asset or entity  # "the price" of a token not in the asset list ("MUTM")
    if lex.anaphora_entity.fullmatch(word):
        return entity
    if last_asset and last_entity:  # "it", "its": whichever was named last
        return asset if last_asset[:2] > last_entity[:2] else entity
    return asset or entity


_CURRENT: list = []  # [document, {sentence span: is_current}]: one search per sentence, not per figure


def is_current(doc: Document, claim: Claim) -> bool | None:
    """True when the figure's sentence marks it as current, False when as past, None when unmarked."""
    if not _CURRENT or _CURRENT[0] is not doc:
        _CURRENT[:] = [doc, {}]
    span = (claim.sentence_start, claim.sentence_end)
    known = _CURRENT[1]
    if span not in known:
        known[span] = _is_current(doc, *span)
    return known[span]


def _is_current(doc: Document, start: int, end: int) -> bool | None:
    lex = lexicon()
    text = doc.prose[start:end]
    if lex.past.search(text):
        return False
    if lex.current.search(text):
        return True
    return None
