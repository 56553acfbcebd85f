"""The compiled patterns: one scanning pattern for the whole text, small anchored ones used around hits.

The scanning pattern starts only at a digit, a currency symbol or code, a number word, a month name or a
multiple word; every repetition is bounded, so a run of 200,000 digits or 100,000 "$" is scanned in
linear time.
"""

from __future__ import annotations

import re
from functools import cache

import regex

from factcheck.extract.lexicon import lexicon

D = "[0-9\uff10-\uff19]"
SP = "[ \\t\\xa0\\u202f]"  # a space inside a figure: never a newline

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL = f"(?:(?:{_TENS})(?:[-\\s](?:{_UNITS}))?|{_TEENS}|{_UNITS})\\b"


def alternation(items, flags: str = "") -> str:
    """Longest first, escaped; spaces in phrases match any run of spaces."""
    parts = sorted(set(items), key=lambda s: (-len(s), s))
    body = "|".join(regex.escape(p).replace("\\ ", "\\s+") for p in parts)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def _number() -> str:
    return (
        f"(?:{D}{{1,3}}(?:,{D}{{3}}){{1,8}}(?:\\.{D}{{1,12}})?"
        f"|{D}{{1,2}}(?:,{D}{{2}}){{1,6}},{D}{{3}}(?:\\.{D}{{1,12}})?"
        f"|{D}{{1,30}}(?:\\.{D}{{1,12}})?"
        f"|\\.{D}{{1,12}})(?![.,]?{D})"
    )


@cache
def scanner() -> regex.Pattern:
    lex = lexicon()
    year = "(?:1[89]\\d\\d|2[01]\\d\\d)"
    day = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?"
    date = (
        f"(?P<date>(?:{MONTHS})\\s+{day}(?:,?\\s+{year})?(?![\\d:])"
        f"|{day}\\s+(?:of\\s+)?(?:{MONTHS})(?:,?\\s+{year})?(?![\\p{{L}}\\d])"
        f"|(?:{MONTHS}),?\\s+{year}(?!\\d)"
        f"|(?i:early|mid|late)[\\s-]+{year}s?(?!\\d)"
        f"|\\d{{4}}-\\d{{2}}-\\d{{2}}(?![\\d-])"
        f"|\\d{{1,2}}/\\d{{1,2}}(?:/\\d{{2,4}})?(?![\\d/])"
        f"|(?:[01]?\\d|2[0-4]):[0-5]\\d(?::[0-5]\\d)?(?:\\s?(?i:[ap]\\.m\\.|[ap]m)(?!\\w))?(?![\\d:])"
        f"|(?:1[0-2]|0?[1-9])\\s?(?i:[ap]\\.m\\.|[ap]m)(?![\\w])"
        f"|[QH][1-4](?:\\s+{year}|\\s?'\\d\\d|/{year})?(?![\\w])"
        f"|FY\\s?(?:{year}|\\d\\d)(?!\\d)"
        f"|{year}[-–/](?:{year}|\\d\\d)(?![\\d\\-–/])"
        f"|{year}s(?!\\w)"
        ")"
    )
    fraction = (
        "(?P<frac>(?i:(?:an?|one|two|three|four|five|six|seven|eight|nine)[\\s-]+"
        "(?:half|thirds?|quarters?|fifths?|tenths?)|half)(?=\\s+of\\b)"
        "|(?i:(?:two|three|four|five|six|seven|eight|nine)-(?:thirds|quarters|fifths|tenths))(?![\\w-]))"
    )
    mword = f"(?P<mword>{alternation(lex.multiple_words, 'i')})\\b"
    symbols = alternation(lex.currency_symbols)
    codes = alternation(lex.currency_codes)
    scale_words = alternation(lex.scale_words, "i")
    attached = alternation(lex.scale_attached)
    spaced = alternation(lex.scale_spaced)
    amount = (
        f"(?P<sign1>[-−+](?={SP}?(?:{symbols}|{D})))?"
        f"(?:(?P<sym>{symbols}){SP}?|(?P<code>{codes}){SP})?"
        f"(?P<sign2>[-−+])?"
        f"(?:(?P<num>{_number()})"
        f"|(?P<aword>(?i:half\\s+an?|an?))(?=\\s+{scale_words}\\b)"
        f"|(?P<word>(?i:{_SMALL}(?:\\s+hundred\\b(?:\\s+(?:and\\s+)?{_SMALL})?)?)))"
        f"(?:(?P<ssp>{SP}?)(?P<sword>{scale_words})\\b"
        f"|(?P<satt>{attached})(?![\\p{{L}}\\p{{N}}])"
        f"|{SP}?(?P<sspc>{spaced})(?![\\p{{L}}\\p{{N}}]))?"
    )
    lookbehind = "(?<![\\p{L}\\p{N}_#@&]|\\p{N}[.,/:]|\\p{L}[-‐]|[$€£¥₹₩₫])"
    pattern = f"{lookbehind}(?:{date}|{fraction}|{mword}|{amount})"
    return regex.compile(pattern, regex.V0)


@cache
def unit_suffix() -> regex.Pattern:
    """Matched at the end of a number: the unit that follows it."""
    lex = lexicon()
    after_symbols = alternation(s for s in lex.currency_symbols if not s[0].isalpha())
    codes = alternation(lex.currency_codes)
    cwords = alternation(lex.currency_words, "i")
    tickers = alternation(lex.asset_tickers)
    names = alternation(lex.asset_names, "i")
    exact = alternation(lex.asset_exact_names) if lex.asset_exact_names else "(?!)"
    psym = alternation(lex.physical_symbols)
    pwords = alternation(lex.physical_words, "i")
    nb = "(?![\\p{L}\\p{N}])"
    pattern = (
        f"(?:(?P<pct>{SP}?%|{SP}(?i:percent|per{SP}?cent|pct)\\b)"
        f"|{SP}(?P<pp>(?i:percentage[\\s-]points?|basis[\\s-]points?)\\b|(?:pp|ppts?|bps){nb})"
        f"|(?P<mx>[xX×]){nb}"
        f"|(?:{SP}|[-‐])?(?P<fold>(?i:times\\b|fold\\b))"
        f"|{SP}?(?P<csym>{after_symbols})"
        f"|{SP}(?P<code>{codes}){nb}"
        f"|{SP}(?P<cword>{cwords})\\b"
        f"|{SP}(?P<ticker>{tickers}){nb}"
        f"|{SP}(?P<aname>{names}){nb}"
        f"|{SP}(?P<aexact>{exact}){nb}"
        f"|{SP}?(?P<psym>{psym}){nb}"
        f"|(?:{SP}|[-‐])(?P<pword>{pwords})\\b)"
    )
    return regex.compile(pattern, regex.V0)


@cache
def per_suffix() -> regex.Pattern:
    """A rate denominator after the unit: "/hour", " per week", " a month", " per coin"."""
    return regex.compile(
        f"(?:{SP}?/{SP}?(?P<slash>[\\p{{L}}]{{1,20}})\\b"
        f"|{SP}+(?P<perw>(?i:per|a|an|each|every)){SP}+(?P<word>[\\p{{L}}]{{1,20}})\\b)",
        regex.V0,
    )


@cache
def hedge_after() -> regex.Pattern:
    lex = lexicon()
    words = [w for w in lex.hedges_after if w != "+"]
    return regex.compile(f"(?:(?P<plus>\\+)(?![\\p{{N}}])|{SP}+(?P<w>{alternation(words, 'i')})\\b)", regex.V0)


@cache
def hedge_before() -> regex.Pattern:
    """Matched against the few characters before a figure: the hedge that ends right before it."""
    lex = lexicon()
    words = alternation(lex.hedges_before, "i")
    return regex.compile(f"(?r)(?:(?<![\\p{{L}}])|(?<=[~≈<>≤≥]))(?P<h>{words}){SP}*\\Z", regex.V0)


@cache
def word_before() -> regex.Pattern:
    """The word (and any label punctuation) right before a position."""
    return regex.compile("(?P<w>[\\p{L}][\\p{L}.\\-]*)[\\s\\xa0]*$", regex.V0)


def trie(words) -> str:
    """A regular expression for a set of words, as a trie: one character test per position."""
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [regex.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return emit(root)


@cache
def anchors() -> re.Pattern:
    """Where a figure can be: a digit, or a number/scale/fraction/multiple word (on lowercased text)."""
    lex = lexicon()
    words = set(lex.number_words) | set(lex.fractions) | set(lex.multiple_words)
    words |= {w for w in lex.scale_words if " " not in w}
    return re.compile(f"[0-9\uff10-\uff19]+|\\b{trie(sorted(words))}\\b")


@cache
def lookback() -> regex.Pattern:
    """What may sit right before an anchor and belong to the figure: a currency, a sign, a month, "a".

    Searched backwards (``(?r)``) from the anchor, so only the few characters before it are looked at.
    """
    lex = lexicon()
    symbols = alternation(lex.currency_symbols)
    codes = alternation(lex.currency_codes)
    day = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?"
    small = "one|two|three|four|five|six|seven|eight|nine|an?"
    return regex.compile(
        "(?r)(?:"
        f"(?:(?:{MONTHS})\\s+(?:{day},?\\s+)?"
        "|[QH]|FY\\s?|(?i:\\b(?:early|mid|late)[\\s-]+)"
        f"|(?i:\\b(?:half\\s+an?|{small})[\\s-]+)"
        f"|(?:[-−+]{SP}?)?(?:{symbols}){SP}?[-−+]?|(?:{codes}){SP}[-−+]?|[-−+]"
        f"))\\Z",
        regex.V0,
    )
