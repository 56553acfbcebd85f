"""What the market checks share: the cue words (rules/market_cues.toml), the date of a claim, day bands of
prices, and the finding they build. Used by price_level, price_move, price_extreme, crypto_valuation,
fx_conversion and unverifiable.

A *band* is what one day of history says about a price: the day's [low, high], open and close from a
daily candle (quote USDT for Binance: USDT is not USD), or, for assets with no candles, CoinGecko's one
USD snapshot of the day widened by a tolerance (a snapshot is not a range).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from factcheck import formatting
from factcheck.dates import DateRef, Window, find_dates, fold, press_windows
from factcheck.intervals import Interval
from factcheck.model import Claim, Finding, Quantity, Related, Series
from factcheck.resources import load_rules_file

if TYPE_CHECKING:
    from factcheck.checks import CheckContext
    from factcheck.market.store import MarketData
    from factcheck.rulebook import Rule

ONE_DAY = timedelta(days=1)
HEDGE_WORDS = re.compile(
    r"(?:\s*\b(?:about|around|roughly|approximately|approx\.?|some|nearly|almost|close\s+to|just|over|under|"
    r"more\s+than|less\s+than|above|below|at\s+least|at\s+most|up\s+to|an?\s+estimated|estimated|~)\s*)+$",
    re.I,
)
# The last word of each HEDGE_WORDS alternative: a text that ends (spaces aside) with none of them has no hedge
# to strip (a cheap test before the regex, which tries every position).
_HEDGE_ENDINGS = (
    "about", "around", "roughly", "approximately", "approx", "approx.", "some", "nearly", "almost", "to", "just",
    "over", "under", "than", "above", "below", "least", "most", "estimated", "~",
)  # fmt: skip
CURRENCY_PREFIX = re.compile(r"(?:US\$|NT\$|HK\$|S\$|A\$|C\$|\$|€|£|¥|₩|₫|\b[A-Z]{3}\s*)\s*$")
_CURRENCY_LAST = frozenset("$€£¥₩₫ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # what a CURRENCY_PREFIX match ends with


@cache
def fiat() -> frozenset[str]:
    """Every fiat currency of the registry (rules/units.toml ``[currency] codes``)."""
    return frozenset(load_rules_file("units.toml")["currency"]["codes"])



# ---------------------------------------------------------------- cue words


_TOKEN = re.compile(r"[\w-]+")
_DIGIT = re.compile(r"\d")
_SEMICOLON_OR_DIGIT = re.compile(r"[;]|\d")
# ", wiping out its gains from the past 30 days": a participle clause after a comma has its own window
_PARTICIPLE_CLAUSE = re.compile(r",\s+[a-z]+ing\b")
def _first_after(ctx: CheckContext, pos: int) -> Quantity | None:
    """The first figure (not a date) starting after ``pos``."""
    qs, starts = _quantities_by_start(ctx)
    for q in qs[bisect_left(starts, pos) :]:
        if q.kind != "date":
            return q
    return None


_POSSESSIVE = re.compile(r"['’]s$")
_CLAUSE_LEFT = re.compile(
    r"[;:]|,\s+(?:while|but|and|as|which|with|amid|after|following|leaving|sending|pushing)\b|\.\s"
)
_CLAUSE_RIGHT = re.compile(r"[;:]|,(?!\d{3})|\s(?:and|while|but)\s|\.\s")  # not the comma of "126,000"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def _strip_hedges(text: str) -> str:
    """``HEDGE_WORDS.sub("", text)``, without running the regex when the text cannot end with a hedge."""
    if not fold(text).rstrip().endswith(_HEDGE_ENDINGS):
        return text
    return HEDGE_WORDS.sub("", text)


def _strip_currency(text: str) -> str:
    """``CURRENCY_PREFIX.sub("", text)``, without running the regex when the text cannot end with a sign."""
    tail = text.rstrip()
    if not tail or tail[-1] not in _CURRENCY_LAST:
        return text
    return CURRENCY_PREFIX.sub("", text)


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[list[re.Match[str]], list[str], frozenset[str]]:
    ms = list(_TOKEN.finditer(text))
    words = [m.group().lower() for m in ms]
    return ms, words, frozenset(words)


@dataclass(frozen=True, slots=True)
class Hit:
    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


class Phrases:
    """A list of cue phrases matched on whole words, case-insensitively, without compiling a regex for it.

    ``anchor``: "any" (anywhere), "end" (the phrase ends the text, trailing spaces aside), or "near_end"
    (at most ``tail`` characters of words, spaces and dots after it). ``search`` returns the leftmost hit
    (the longest phrase where several start at the same word), like ``re.search``.
    """

    def __init__(self, words: list[str], anchor: str = "any", tail: int = 12) -> None:
        self.anchor, self.tail = anchor, tail
        self.by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for w in sorted(set(words), key=len, reverse=True):
            tokens, gaps = self._split(w)
            if tokens:
                self.by_first.setdefault(tokens[0], []).append((tokens, gaps))
        self.firsts = frozenset(self.by_first)

    @staticmethod
    def _split(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        ms = list(_TOKEN.finditer(text))
        tokens = tuple(m.group().lower() for m in ms)
        gaps = tuple(
            text[a.end() : b.start()].translate(_APOSTROPHES).strip() for a, b in zip(ms, ms[1:], strict=False)
        )
        return tokens, gaps

    def search(self, text: str) -> Hit | None:
        ms, words, present = _tokens(text)
        if self.firsts.isdisjoint(present):
            return None
        for i, word in enumerate(words):
            for tokens, gaps in self.by_first.get(word, ()):
                n = len(tokens)
                if tuple(words[i : i + n]) != tokens:
                    continue
                if any(
                    text[ms[i + k].end() : ms[i + k + 1].start()].translate(_APOSTROPHES).strip() != gaps[k]
                    for k in range(n - 1)
                ):
                    continue
                finish = ms[i + n - 1].end()
                rest = text[finish:]
                if self.anchor == "end" and rest.strip():
                    continue
                if self.anchor == "near_end" and (
                    len(rest) > self.tail or not all(ch.isalnum() or ch in " \t\n._" for ch in rest)
                ):
                    continue
                return Hit(ms[i].start(), finish)
        return None


class PeakPhrases(Phrases):
    """Cues about a peak, matched with the time that names the peak taken out: "from its October 2025 peak"
    is matched as "from its peak". A hit's offsets are in that shortened text (callers test for a hit)."""

    def __init__(self, words: list[str], period: re.Pattern[str]) -> None:
        super().__init__(words)
        self.period = period

    def search(self, text: str) -> Hit | None:
        return super().search(self.period.sub(r"\g<det> ", text) if _DIGIT_OR_UPPER.search(text) else text)


_DIGIT_OR_UPPER = re.compile(r"[\dA-Z]")


@dataclass(slots=True)
class Cues:
    level: dict[str, Phrases]  # "close" -> the cues that name the close, matched at the end of the text
    present: Phrases
    not_price_after: re.Pattern[str]
    not_price_before: Phrases
    move_not_price: Phrases
    peak_period: re.Pattern[str]
    ath: Phrases
    atl: Phrases
    from_peak: Phrases
    from_peak_any: re.Pattern[str]
    asset_description: Phrases
    first_since: Phrases
    extreme_since: re.Pattern[str]
    valuation_between: re.Pattern[str]
    now: Phrases


@cache
def cues() -> Cues:
    raw = load_rules_file("market_cues.toml")
    lv = raw["level"]
    peak_period = re.compile(raw["extreme"]["peak_period"], re.I)
    level_kinds = ("range", "close", "high", "low", "below", "above")  # longest cue wins across kinds
    return Cues(
        level={k: Phrases(lv[k] + (lv.get("moved_to", []) if k == "range" else []), "end") for k in level_kinds},
        present=Phrases(lv["present"]),
        not_price_after=re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in lv["not_a_price_after"]) + r")\b", re.I),
        not_price_before=Phrases(lv["not_a_price_before"], "near_end", 12),
        move_not_price=PeakPhrases(raw["move"]["not_price"], peak_period),
        peak_period=peak_period,
        ath=Phrases(raw["extreme"]["ath"]),
        atl=Phrases(raw["extreme"]["atl"]),
        from_peak_any=re.compile(raw["extreme"]["from_peak_regex"], re.I),
        from_peak=PeakPhrases(raw["extreme"]["from_peak"], peak_period),
        asset_description=Phrases(raw["extreme"].get("asset_descriptions", [])),
        first_since=Phrases(raw["extreme"]["first_time_since"]),
        extreme_since=re.compile(raw["extreme"]["extreme_since"], re.I),
        valuation_between=re.compile(raw["conversion"]["valuation_between"], re.I),
        now=Phrases(raw["conversion"]["now"]),
    )


# ---------------------------------------------------------------- the text around a figure


_PER_CONTEXT: dict[str, tuple[object, Any]] = {}


def per_context(ctx: CheckContext, name: str, make: Any) -> Any:
    """``make(ctx)`` once per check context (the checks and ``unverifiable`` share their classifications)."""
    hit = _PER_CONTEXT.get(name)
    if hit is None or hit[0] is not ctx:
        hit = (ctx, make(ctx))
        _PER_CONTEXT[name] = hit
    return hit[1]


def adjacent_pairs(
    ctx: CheckContext, between: re.Pattern[str], max_gap: int, accept: Callable[[Quantity, Quantity], bool]
) -> list[tuple[Claim, Claim]]:
    """Neighbouring figures of one sentence, at most ``max_gap`` characters apart, that ``accept`` takes and with
    only what ``between`` matches between them ("VND 10 trillion (about $408 million)", "8,535 ETH, valued at")."""
    claims = sorted(ctx.claims, key=lambda c: c.quantity.start)
    prose = ctx.doc.prose
    return [
        (a, b)
        for a, b in zip(claims, claims[1:], strict=False)
        if a.sentence_start == b.sentence_start
        and b.quantity.start - a.quantity.end <= max_gap
        and accept(a.quantity, b.quantity)
        and between.match(prose[a.quantity.end : b.quantity.start])
    ]


def options(ctx: CheckContext, rule: Rule) -> dict[str, Any]:
    return ctx.options.get(rule.id) or dict(rule.options)


def sentence(ctx: CheckContext, claim: Claim) -> str:
    return ctx.doc.prose[claim.sentence_start : claim.sentence_end]


def text_before(ctx: CheckContext, claim: Claim, reach: int = 80, strip_hedges: bool = True) -> str:
    """The sentence text before the figure, with the figure's own hedge and currency sign, hedges stripped:
    "Ether hit a local low of around $2,048" -> "Ether hit a local low of"."""
    q = claim.quantity
    lo = max(claim.sentence_start, q.start - reach)
    key = (lo, q.start, q.text, strip_hedges)
    cache = per_context(ctx, "text_before", _new_cache)
    hit = cache.get(key)
    if hit is not None:
        return hit
    digit = _DIGIT.search(q.text)
    head = q.text[: digit.start()] if digit else ""
    text = ctx.doc.prose[lo : q.start] + head
    for _ in range(3):
        text = _strip_currency(text)
        if strip_hedges:
            text = _strip_hedges(text)
    cache[key] = text = text.rstrip()
    return text


def _new_cache(ctx: CheckContext) -> dict:
    return {}


def text_after(ctx: CheckContext, claim: Claim, reach: int = 40) -> str:
    q = claim.quantity
    return ctx.doc.prose[q.end : min(claim.sentence_end, q.end + reach)]


def clause_around(ctx: CheckContext, claim: Claim, before: int = 60, after: int = 50) -> str:
    """The figure's neighbourhood, cut at clause breaks (for cue words about what a figure measures)."""
    lo, hi = clause_span(ctx, claim, before, after)
    q = claim.quantity
    return ctx.doc.prose[lo : q.start] + q.text + ctx.doc.prose[q.end : hi]


def clause_span(ctx: CheckContext, claim: Claim, before: int = 60, after: int = 50) -> tuple[int, int]:
    """Where :func:`clause_around` starts and ends in the prose."""
    q = claim.quantity
    lo = max(claim.sentence_start, q.start - before)
    hi = min(claim.sentence_end, q.end + after)
    left = _CLAUSE_LEFT.split(ctx.doc.prose[lo : q.start])[-1]
    right = _CLAUSE_RIGHT.split(ctx.doc.prose[q.end : hi])[0]
    return q.start - len(left), q.end + len(right)


# ---------------------------------------------------------------- dates of a claim


@dataclass(slots=True)
class _DateCache:
    doc: object  # held, so that its id cannot be reused while cached
    as_of: date | None
    by_sentence: dict[tuple[int, int], list[DateRef]]


_date_cache: list[_DateCache] = []


def sentence_dates(ctx: CheckContext, start: int, end: int) -> list[DateRef]:
    """Date references in ``prose[start:end]`` (cached per document, publication date and sentence)."""
    if not _date_cache or _date_cache[0].doc is not ctx.doc or _date_cache[0].as_of != ctx.as_of:
        _date_cache[:] = [_DateCache(ctx.doc, ctx.as_of, {})]
    cached = _date_cache[0].by_sentence
    span = (start, end)
    if span not in cached:
        cached[span] = find_dates(ctx.doc.prose, ctx.as_of, start, end)
    return cached[span]


def _dated_inside(r: DateRef) -> DateRef:
    """The date of an event a "since" counts from, for a figure inside that event's phrase: a plain date."""
    from dataclasses import replace

    return replace(r, since=False, since_at=None, windows=r.own_windows)


def claim_date(ctx: CheckContext, claim: Claim, exclude_since: bool = True) -> DateRef | None:
    """The date reference a figure is about: the one in its clause after it, else the nearest before it.

    "per" references ("per week") and, unless asked, "since X" references are left out (a "since X" is
    what "first time since X" compares with, not when the figure happened).
    """
    q = claim.quantity
    refs = [
        _dated_inside(r) if r.since_at is not None and r.since_at < q.start < r.start else r
        for r in sentence_dates(ctx, claim.sentence_start, claim.sentence_end)
    ]  # "since hitting a low of $1,417 on April 9": the low is April 9's
    refs = [
        r
        for r in refs
        if r.kind != "per" and not (exclude_since and r.since) and not (r.start < q.end and q.start < r.end)
    ]
    if any(r.kind in ("press", "today") for r in refs):
        lo, hi = own_span(ctx, claim)  # "now" and "today" mark the figure next to them only
        refs = [r for r in refs if r.kind not in ("press", "today") or (lo <= r.start and r.end <= hi)]
    if not refs:
        return None
    prose = ctx.doc.prose
    refs = [r for r in refs if r.end <= q.start or not _PARTICIPLE_CLAUSE.search(prose[q.end : r.start])]
    # "Friday's 3.27% gain to close at $114,679": a possessive date is the window of the figure right after it
    refs = [r for r in refs if not _POSSESSIVE_AT.match(prose, r.end) or _first_after(ctx, r.end) is q]
    if q.kind == "percent":  # "had dropped 45% by December": an end without a start is no window for a change
        refs = [r for r in refs if not _end_only().search(prose, max(0, r.start - 6), r.start)]
    if not refs:
        return None
    after = [
        r
        for r in refs
        if r.start >= q.end
        and not _SEMICOLON_OR_DIGIT.search(prose[q.end : r.since_at if (r.since_at or -1) >= q.end else r.start])
    ]  # "67% since hitting a low of $1,417 on April 9": the figures inside the event's phrase do not part them
    if after:
        return after[0]
    before = [r for r in refs if r.end <= q.start]
    if before:
        return before[-1]
    return refs[0]


_POSSESSIVE_AT = re.compile(r"[’']s\b")  # "Friday's" right after a date reference (_POSSESSIVE ends a word)


@cache
def _end_only() -> re.Pattern[str]:
    """A word before a date that makes it only the end of a change (rules/dates.toml ``end_only``)."""
    from factcheck.claims import _words_pattern

    return re.compile(rf"(?:{_words_pattern(load_rules_file('dates.toml').get('end_only', []))})\s+$", re.I)


def rate_ref(ctx: CheckContext, claim: Claim) -> DateRef | None:
    """A "per week" / "on a monthly basis" reference right after the figure."""
    q = claim.quantity
    for r in sentence_dates(ctx, claim.sentence_start, claim.sentence_end):
        if r.kind == "per" and r.start >= q.end and r.start - q.end <= 30:
            return r
    return None


def own_span(ctx: CheckContext, claim: Claim, after: int = 40) -> tuple[int, int]:
    """The figure's own stretch of its sentence: from the figure before it (or the sentence start) to the
    figure after it (or ``after`` characters), so that "now" in "BTC, now at $70,000, had fallen to $60,000"
    belongs to the first figure only."""
    q = claim.quantity
    lo, hi = claim.sentence_start, min(claim.sentence_end, q.end + after)
    by_start, starts = per_context(ctx, "quantities_by_start", _quantities_by_start)
    i = bisect_left(starts, claim.sentence_start)
    n = len(starts)
    while i < n and starts[i] <= q.start:  # the figures that start in the sentence up to this one
        end = by_start[i].end
        if lo < end <= q.start:
            lo = end
        i += 1
    k = bisect_left(starts, q.end)  # the first figure that starts after this one
    if k < n and starts[k] < hi:
        hi = starts[k]
    return lo, hi


def _quantities_by_start(ctx: CheckContext) -> tuple[list[Quantity], list[int]]:
    memo = _memo(ctx)
    got = memo.get("by_start")
    if got is None or got[2] is not ctx.quantities or got[3] != len(ctx.quantities):
        qs = sorted(ctx.quantities, key=lambda x: x.start)
        got = memo["by_start"] = (qs, [x.start for x in qs], ctx.quantities, len(ctx.quantities))
    return got[0], got[1]


def own_text(ctx: CheckContext, claim: Claim, after: int = 40) -> str:
    lo, hi = own_span(ctx, claim, after)
    return ctx.doc.prose[lo:hi]


def is_present(ctx: CheckContext, claim: Claim) -> bool:
    """The figure is marked as a price at press time ("trades near", "currently", "at press time")."""
    return bool(cues().present.search(own_text(ctx, claim)))


def press(ctx: CheckContext) -> list[Window]:
    return press_windows(ctx.as_of) if ctx.as_of else []


# ---------------------------------------------------------------- prices


@dataclass(slots=True)
class Band:
    """One day of an asset's price history."""

    day: date
    low: float
    high: float
    open: float
    close: float
    quote: str
    source: str
    snapshot: bool = False  # from a one-a-day snapshot, widened: not a real range


_SPANS: dict[tuple[int, str], tuple[object, tuple[date, date] | None, bool]] = {}


def candle_span(market: MarketData, asset: str) -> tuple[date, date] | None:
    """``market.candle_span(asset)``, cached (it walks every day of the history)."""
    return _coverage(market, asset)[0]


def has_prices(market: MarketData, asset: str) -> bool:
    """Candles or daily snapshots exist for ``asset``."""
    span, snap = _coverage(market, asset)
    return span is not None or snap


def _coverage(market: MarketData, asset: str) -> tuple[tuple[date, date] | None, bool]:
    key = (id(market), asset)
    hit = _SPANS.get(key)
    if hit is None or hit[0] is not market:
        span = market.candle_span(asset)
        hit = (market, span, span is None and market.coin(asset) is not None)
        _SPANS[key] = hit
    return hit[1], hit[2]


def asset_of(ctx: CheckContext, claim: Claim) -> str | None:
    """The asset a figure is about when the market data knows it (ticker), else None.

    None too when the figure cannot be read as that asset's market price on a known day (it is then not checked):
    - it is quoted in another currency than the data's dollars: its clause says so ("against the lira", "in won
      terms") or, for a move, its sentence states prices in another fiat currency ("the low of 26,337 TRY");
    - its own clause is about something else: the nearest name before it in its clause is a company, a stock
      or an index ("Strategy's own stock has fallen 64%", "sent the Nasdaq down 4.8%");
    - its day is given only relative to another sentence's ("the rally continued the next day")."""
    market = ctx.market
    if market is None or not_read_as_a_price(ctx, claim):
        return None
    for name in (claim.subject, claim.quantity.subject):
        if not name:
            continue
        ticker = _ticker(name)
        if ticker and has_prices(market, ticker):
            return ticker
    return None


def not_read_as_a_price(ctx: CheckContext, claim: Claim) -> str | None:
    """Why the figure is not read as an asset's USD price on a known day (see ``asset_of``), or None."""
    if other_quote(ctx, claim):
        return "quoted in another currency than the US dollar"
    if other_subject(ctx, claim):
        return "its clause is about a company, a stock or an index, not the coin"
    if unresolved_day(ctx, claim):
        return "its day is given only relative to another sentence's or to an event"
    return None


@cache
def _quote_phrase() -> re.Pattern[str]:
    units = load_rules_file("units.toml")["currency"]
    words = [w for w, code in units.get("words", {}).items() if code != "USD"]
    codes = [c for c in units.get("codes", []) if c != "USD"]
    alts = "|".join(re.escape(w) for w in sorted(words + codes, key=len, reverse=True))
    return re.compile(
        rf"\b(?:against|versus|vs\.?|in|priced\s+in|in\s+terms\s+of|denominated\s+in)\s+(?:the\s+)?(?:{alts})\b"
        rf"|\b(?:{alts})[-\s](?:terms|denominated|price|prices|pair)\b",
        re.I,
    )


_MEMO: list[tuple[CheckContext, dict]] = []


def _memo(ctx: CheckContext) -> dict:
    """Answers about one document's sentences and clauses, kept while its checks run (one scan per sentence,
    not one per figure)."""
    if not _MEMO or _MEMO[0][0] is not ctx:
        _MEMO[:] = [(ctx, {})]
    return _MEMO[0][1]


def other_quote(ctx: CheckContext, claim: Claim) -> bool:
    """Whether the figure is quoted in a fiat currency other than the US dollar (see ``asset_of``)."""
    q = claim.quantity
    if q.kind == "amount" and q.unit and not is_crypto(q.unit) and q.unit != "USD":
        return True
    memo = _memo(ctx)
    key = ("other_quote", claim.sentence_start, claim.sentence_end)
    if key not in memo:
        memo[key] = _other_quotes(ctx, claim)
    phrase, foreign, dollars = memo[key]
    if phrase:
        return True
    if q.kind != "percent" or not foreign:
        return False
    # a move's sentence states prices in another fiat currency ("the low of 26,337 TRY"), unless its own clause
    # states a dollar price ("rose 3% to $104,000, while €500 million flowed in")
    lo, hi = clause_span(ctx, claim, 80, 80)
    k = bisect_left(dollars, lo)
    return not (k < len(dollars) and dollars[k] < hi)


def _other_quotes(ctx: CheckContext, claim: Claim) -> tuple[bool, bool, list[int]]:
    """For a sentence: whether it names another quote currency ("against the lira"), whether it states an
    amount in another fiat currency, and where its dollar amounts start."""
    if _quote_phrase().search(sentence(ctx, claim)):
        return True, False, []
    qs, starts = _quantities_by_start(ctx)
    foreign, dollars = False, []
    i = bisect_left(starts, claim.sentence_start)
    while i < len(qs) and qs[i].start < claim.sentence_end:
        o = qs[i]
        if o.kind == "amount" and o.unit in ("USD", "USDT"):
            dollars.append(o.start)
        elif o.kind == "amount" and o.unit and not is_crypto(o.unit) and o.unit != "%":
            foreign = True
        i += 1
    return False, foreign, dollars


def _clause_of(ctx: CheckContext, claim: Claim) -> tuple[int, int]:
    from factcheck.relations.solver import scene

    fig = scene(ctx).fig_of(claim.quantity)
    return fig.clause if fig is not None else (claim.sentence_start, claim.sentence_end)


def other_subject(ctx: CheckContext, claim: Claim) -> bool:
    """Whether the nearest name before the figure in its clause is not an asset (a company, a stock, an index)."""
    from factcheck.claims import all_mentions
    from factcheck.relations.solver import scene

    lo, _ = _clause_of(ctx, claim)
    q = claim.quantity
    mentions = [m for m in all_mentions(scene(ctx).masked, [(lo, q.start)]) if m[1] <= q.start]
    if not mentions:
        return False
    return not mentions[-1][3]


@cache
def _unresolved_day() -> re.Pattern[str]:
    words = load_rules_file("dates.toml").get("unresolved_relative", [])
    alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b", re.I) if alts else re.compile(r"(?!x)x")


def unresolved_day(ctx: CheckContext, claim: Claim) -> bool:
    """Whether the figure's clause dates it only relative to another sentence (see ``asset_of``)."""
    lo, hi = _clause_of(ctx, claim)
    memo = _memo(ctx)
    key = ("unresolved_day", lo, hi)
    if key not in memo:
        memo[key] = bool(_unresolved_day().search(ctx.doc.prose[lo:hi]))
    return memo[key]


def average_of_a_cost(ctx: CheckContext, claim: Claim) -> bool:
    """A price per coin given after the total paid for the holding ("acquired for ~$54.77 billion at ~$75,985 per
    bitcoin"): the average purchase price, not a market price."""
    from factcheck.relations.solver import scene

    sc = scene(ctx)
    fig = sc.fig_of(claim.quantity)
    if fig is None or not fig.roles & {"per_coin", "per_unit"}:
        return False
    return any(
        "cost" in f.roles and f.q.end <= fig.q.start and f.q.unit == fig.q.unit
        for f in sc.by_sentence.get(fig.sentence, [])
    )


def past_undated(ctx: CheckContext, claim: Claim) -> bool:
    """A price the clause marks as past ("its once lofty valuation of $68,000") with no date in that clause:
    not a level of any day we can name."""
    from factcheck.claims import lexicon

    lo, hi = _clause_of(ctx, claim)
    if not lexicon().past.search(ctx.doc.prose, lo, hi):
        return False
    ref = claim_date(ctx, claim)
    return ref is None or not (lo <= ref.start < hi)


def era_tolerance(opts: dict[str, Any], day: date, tol: float) -> float:
    """The data's tolerance on ``day``: venues disagreed by several percent in early years, so the rule's
    ``era_tolerance`` table (last year of an era -> tolerance) widens ``tol`` for days up to that year."""
    best = tol
    for year, t in (opts.get("era_tolerance") or {}).items():
        if day.year <= int(year):
            best = max(best, float(t))
    return best


def named_asset(claim: Claim) -> str | None:
    """The crypto asset a claim is about, as a ticker, whether or not there is data for it."""
    for name in (claim.subject, claim.quantity.subject):
        if name:
            t = _ticker(name)
            if t:
                return t
    return None


@cache
def _asset_tickers() -> dict[str, str]:
    out: dict[str, str] = {}
    for a in load_rules_file("assets.toml").get("asset", []):
        t = a["ticker"]
        out[t.lower()] = t
        for n in a.get("names", []) + a.get("exact_names", []):
            out[n.lower()] = t
    return out


def _ticker(name: str) -> str | None:
    return _asset_tickers().get(name.lstrip("$").lower())


_WORD = re.compile(r"\$?[A-Za-z][\w-]*")


def assets_named(text: str) -> list[str]:
    """Tickers of the crypto assets named in ``text``, in order ("Bitcoin's" -> "BTC")."""
    out = []
    for m in _WORD.finditer(text):
        word = _POSSESSIVE.sub("", m.group())
        t = _ticker(word) if (word[0].isupper() or word.startswith("$")) else None
        if t and t not in fiat():
            out.append(t)
    return out


def is_crypto(unit: str | None) -> bool:
    return bool(unit) and unit.lower() in _asset_tickers() and unit not in fiat()


def band(market: MarketData, asset: str, day: date, snapshot_tolerance: float = 0.08) -> Band | None:
    c = market.candle(asset, day)
    if c is not None:
        return Band(day, c.low, c.high, c.open, c.close, c.quote, c.source)
    snap = market.snapshot(asset, day)
    if snap is None:
        return None
    values = [snap.value]
    nxt = market.snapshot(asset, day + ONE_DAY)
    if nxt is not None:
        values.append(nxt.value)
    lo, hi = min(values) * (1 - snapshot_tolerance), max(values) * (1 + snapshot_tolerance)
    return Band(day, lo, hi, snap.value, snap.value, snap.quote, snap.source, snapshot=True)


_BANDS: dict[tuple[int, str, date, date, float], tuple[object, list[Band]]] = {}


def bands(market: MarketData, asset: str, start: date, end: date, snapshot_tolerance: float = 0.08) -> list[Band]:
    """The days ``start..end`` of ``asset`` that have data (cached per market, asset and days)."""
    key = (id(market), asset, start, end, snapshot_tolerance)
    hit = _BANDS.get(key)
    if hit is not None and hit[0] is market:
        return hit[1]
    if len(_BANDS) > 4096:
        _BANDS.clear()
    out = _bands(market, asset, start, end, snapshot_tolerance)
    _BANDS[key] = (market, out)
    return out


def _bands(market: MarketData, asset: str, start: date, end: date, snapshot_tolerance: float) -> list[Band]:
    if candle_span(market, asset) is not None:
        return [
            Band(c.day, c.low, c.high, c.open, c.close, c.quote, c.source) for c in market.candles(asset, start, end)
        ]
    out = []
    # no candles: only the days with a snapshot can give a band, so the walk is clipped to them (a window of
    # "the past 999 years" is not 365,000 lookups)
    days = market.snapshot_days(asset) if hasattr(market, "snapshot_days") else None
    if days is not None:
        lo, hi = bisect_left(days, start.isoformat()), bisect_right(days, end.isoformat())
        for iso in days[lo:hi]:
            b = band(market, asset, date.fromisoformat(iso), snapshot_tolerance)
            if b is not None:
                out.append(b)
        return out
    day = start
    while day <= end:
        b = band(market, asset, day, snapshot_tolerance)
        if b is not None:
            out.append(b)
        day += ONE_DAY
    return out


def covers(bands_: list[Band], w: Window) -> bool:
    return bool(bands_) and bands_[0].day == w.start and bands_[-1].day == w.end and len(bands_) == w.days


def hull(bands_: list[Band]) -> Interval:
    return Interval(min(b.low for b in bands_), max(b.high for b in bands_))


def describe(b: Band) -> str:
    """The deciding data row, for ``work``: "2026-02-05 ETH/USDT O 2,148.25 H 2,173.77 L 1,818.18 C 1,826.83"."""
    if b.snapshot:
        return (
            f"{b.day}: snapshot {price(b.close)} {b.quote} (one price a day; read as {price(b.low)} to {price(b.high)})"
        )
    return f"{b.day}: open {price(b.open)}, high {price(b.high)}, low {price(b.low)}, close {price(b.close)} {b.quote}"


# ---------------------------------------------------------------- numbers


def price(x: float) -> str:
    """A price as exchanges quote it: 126,199.63; 70,000; 2,148.26; 1.41; 0.02345."""
    if abs(x) >= 1:
        return f"{x:,.2f}".removesuffix(".00")
    return formatting.sig(x, 4)


def pct(x: float) -> str:
    return formatting.signed_percent(x, 3)


def stated_interval(q: Quantity) -> Interval:
    from factcheck.intervals import from_quantity

    return from_quantity(q)


# ---------------------------------------------------------------- findings

CHART_MIN_DAYS = 30  # a chart shows at least a month around the window in question
CHART_MAX_POINTS = 180


def chart(
    market: MarketData | None, asset: str, start: date, end: date, snapshot_tolerance: float = 0.08
) -> Series | None:
    """The daily closes of ``asset`` around the window ``start..end`` a market check read, for the finding's chart
    (``Finding.series``): padded to at least a month, thinned to at most ``CHART_MAX_POINTS`` days (the window's
    edges and the highest and lowest close always kept). None when there is no data."""
    if market is None:
        return None
    if end < start:
        start, end = end, start
    days = (end - start).days + 1
    pad = timedelta(days=max(3, (CHART_MIN_DAYS - days + 1) // 2 if days < CHART_MIN_DAYS else days // 10))
    rows = bands(market, asset, start - pad, end + pad, snapshot_tolerance)
    if not rows:
        return None
    keep = set(range(0, len(rows), max(1, -(-len(rows) // CHART_MAX_POINTS))))
    keep |= {0, len(rows) - 1}
    keep |= {i for i, b in enumerate(rows) if b.day in (start, end)}
    keep |= {max(range(len(rows)), key=lambda i: rows[i].close), min(range(len(rows)), key=lambda i: rows[i].close)}
    points = [(rows[i].day, rows[i].close) for i in sorted(keep)]
    return Series(f"{asset}/{rows[0].quote}", start, end, points)



def make_finding(
    rule: Rule,
    claim: Claim,
    message: str,
    *,
    severity: str | None = None,
    expected: str | None = None,
    related: list[Quantity] | None = None,
    sources: list[str] | None = None,
    work: list[str] | None = None,
    readings: list[str] | None = None,
    category: str | None = None,
    series: Series | None = None,
) -> Finding:
    q = claim.quantity
    return Finding(
        rule=rule.id,
        category=category or rule.category,  # type: ignore[arg-type]
        severity=severity,  # type: ignore[arg-type]  # None: the rule's default (engine)
        message=message,
        start=q.start,
        end=q.end,
        text=q.text,
        stated=f"{q.text} ({q.bound})",
        expected=expected,
        related=[Related(r.start, r.end, r.text) for r in (related or [])],
        sources=_unique(sources or []),
        work=work or [],
        readings=readings or [],
        series=series,
    )


def _unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for i in items:
        if i not in seen:
            seen.append(i)
    return seen
