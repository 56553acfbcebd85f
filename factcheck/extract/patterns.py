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
# Blanked markup ("<b>4.28</b>&nbsp;million") leaves runs of spaces inside a figure: allow a bounded run.
GAP = SP + "{0,40}"
GAP1 = SP + "{1,40}"

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)
FULL_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL = f"(?:(?:{_TENS})(?:[-\\s](?:{_UNITS}))?|{_TEENS}|{_UNITS})\\b"


def alternation(items, flags: str = "") -> str:
    """A set of phrases as one group, written as a trie (fast to compile and to match, longest first);
    spaces in phrases match any run of spaces."""
    body = trie(sorted(set(items)))
    return f"(?{flags}:{body})" if flags else body


def _number() -> str:
    return (
        f"(?:{D}{{1,3}}(?:,{D}{{3}}){{1,8}}(?:\\.{D}{{1,12}})?"
        f"|{D}{{1,2}}(?:,{D}{{2}}){{1,6}},{D}{{3}}(?:\\.{D}{{1,12}})?"
        f"|{D}{{1,3}}(?:[\\u202f\\u2009\\xa0]{D}{{3}}){{1,8}}(?:\\.{D}{{1,12}})?"
        f"|{D}{{1,30}}(?:\\.{D}{{1,12}})?"
        f"|\\.{D}{{1,12}})(?![.,]?{D})"
        f"(?:[eE][-+−]?[0-9]{{1,3}}(?![\\w.]))?"  # scientific notation: "4e14", "9.83e-3"
    )


@cache
def scanner() -> re.Pattern:
    lex = lexicon()
    year = "(?:1[89]\\d\\d|2[01]\\d\\d)"
    day = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?"
    date = (
        f"(?P<date>(?:{MONTHS})\\s+{day}(?:,?\\s+{year})?(?![\\d:])"
        f"|{day}\\s+(?:of\\s+)?(?:{MONTHS})(?:,?\\s+{year})?(?![^\\W_])"
        f"|(?:{MONTHS}),?\\s+{year}(?!\\d)"
        f"|(?i:early|mid|late|end|start)[\\s-]+{year}s?(?!\\d)"
        f"|\\d{{4}}-\\d{{2}}-\\d{{2}}(?![\\d-])"
        f"|\\d{{1,2}}/\\d{{1,2}}(?:/\\d{{2,4}})?(?![\\d/])"
        f"|(?:[01]?\\d|2[0-4]):[0-5]\\d(?::[0-5]\\d)?(?:\\s?(?i:[ap]\\.m\\.|[ap]m)(?!\\w))?(?![\\d:])"
        f"|(?:1[0-2]|0?[1-9])\\s?(?i:[ap]\\.m\\.|[ap]m)(?![\\w])"
        f"|(?:1[0-2]|0?[1-9])\\.[0-5]\\d\\s?(?i:[ap]\\.m\\.|[ap]m)(?![\\w])"  # "2.13 am": a time
        f"|[QH][1-4](?:\\s+{year}|\\s?'\\d\\d|/{year})?(?![\\w])"
        f"|FY\\s?(?:{year}|\\d\\d)(?!\\d)"
        f"|{year}[-–/](?:{year}|\\d\\d)(?![\\d\\-–/])"
        f"|{year}s(?!\\w)"
        f"|(?:(?i:early|mid|late)[\\s-]+)?(?:{FULL_MONTHS})(?:,?\\s+{year}(?!\\d))?(?![\\w-])"
        ")"
    )
    plurals = alternation(w for w in lex.fractions if w.endswith("s"))  # "thirds", "quarters", "sixths"
    parts = alternation(lex.fractions)  # "half", "third", "thirds", ...
    fraction = (
        f"(?P<frac>(?i:(?:two|three|four|five|six|seven|eight|nine)-{plurals})(?![\\w-])"
        f"|(?P<loose>(?i:(?:an?|one|two|three|four|five|six|seven|eight|nine)[\\s-]+"
        f"{parts}|half(?!\\s+an?\\s)))(?![\\w-]))"
    )
    mword = f"(?P<mword>{alternation(lex.multiple_words, 'i')})\\b"
    symbols = alternation(lex.currency_symbols)
    codes = alternation(lex.currency_codes)
    scale_words = alternation(lex.scale_words, "i")
    attached = alternation(lex.scale_attached)
    spaced = alternation(lex.scale_spaced)
    amount = (
        f"(?P<sign1>[-−+])?"
        f"(?:(?P<sym>{symbols}){GAP}|(?P<code>{codes}){GAP1})?"
        f"(?P<sign2>[-−+])?"
        f"(?:(?P<num>{_number()})"
        f"|(?P<aword>(?i:half\\s+an?|an?))(?=\\s+{scale_words}\\b)"
        f"|(?P<word>(?i:{_SMALL}(?:\\s+hundred\\b(?:\\s+(?:and\\s+)?{_SMALL})?)?(?:\\s+and\\s+a\\s+half\\b)?)))"
        f"(?:(?P<ssp>{GAP})(?P<sword>{scale_words})\\b"
        f"|(?P<satt>{attached})(?![^\\W_])"
        f"|{GAP}(?P<sspc>{spaced})(?![^\\W_]))?"
    )
    # not inside a word or a number, not after "ERC-", "COVID-" (but after "5bn-" in "$5.2bn-$6bn")
    lookbehind = "(?<![\\w#@&$€£¥₹₩₫])(?<!\\d[.,/:+])(?<![ac-jlo-zAC-JLN-SU-Z][-‐])"
    pattern = f"{lookbehind}(?:{date}|{fraction}|{mword}|{amount})"
    return re.compile(pattern)


@cache
def per_suffix() -> re.Pattern:
    """A rate denominator after the unit: "/hour", " per week", " a month", " per coin"."""
    return re.compile(
        f"(?:{SP}?/{SP}?(?P<slash>[^\\W\\d_]{{1,20}})\\b"
        f"|{SP}+(?P<perw>(?i:per|a|an|each|every)){SP}+(?P<word>[^\\W\\d_]{{1,20}})\\b)",
    )


@cache
def hedge_after() -> re.Pattern:
    lex = lexicon()
    words = [w for w in lex.hedges_after if w != "+"]
    return re.compile(f"(?:(?P<plus>\\+)(?!\\d)|{SP}+(?P<w>{alternation(words, 'i')})\\b)")


@cache
def word_before() -> re.Pattern:
    """The word (and any label punctuation) right before a position."""
    return re.compile("(?P<w>[^\\W\\d_][\\w.&\\-]*)\\s*$")


def trie(words) -> str:
    """A regular expression for a set of words, as a trie: one character test per position."""
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def char(c: str) -> str:
        return "\\s+" if c == " " else regex.escape(c)

    def emit(node: dict) -> str:
        alts = [char(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = "(?:" + "|".join(alts) + ")?"
        return body

    return "(?:" + emit(root) + ")"


def whole_words(words) -> str:
    """A pattern for whole lower-case words: a look-ahead on their first letters lets the scan skip ahead
    (about twice as fast as a bare word boundary before the trie)."""
    words = sorted(set(words))
    first = "".join(sorted({w[0] for w in words}))
    return f"(?=[{re.escape(first)}])\\b{trie(words)}\\b"


@cache
def anchors() -> tuple[re.Pattern, re.Pattern]:
    """Where a figure can be, on lowercased text: digits and currency symbols (one character class, so
    the scan skips ahead in C), and number, scale, fraction and multiple words (a trie)."""
    lex = lexicon()
    words = set(lex.number_words) | set(lex.fractions) | set(lex.multiple_words)
    words |= {w for w in lex.scale_words if " " not in w}
    words |= {m.lower() for m in FULL_MONTHS.split("|")}
    symbols = "".join(sorted({s for s in lex.currency_symbols if len(s) == 1 and not s.isalpha()}))
    digits = re.compile(f"[0-9\\uff10-\\uff19{re.escape(symbols)}][0-9\\uff10-\\uff19]*")
    return digits, re.compile(whole_words(words))


@cache
def lead_words() -> tuple[frozenset[str], frozenset[str]]:
    """Lowercased words that can open a figure before its digits: spaced ("vnd 10", "february 3",
    "early 2024", "rs 500") and attached ("q3", "fy2026", "us$5", "nt$730")."""
    lex = lexicon()
    spaced = {c.lower() for c in lex.currency_codes}
    spaced |= {m.lower().rstrip("\\.?") for m in MONTHS.split("|")}
    spaced |= {"mid", "early", "late", "end", "start", "rs"}
    attached = {s.lower().rstrip("$") for s in lex.currency_symbols if s[0].isalpha() and s.endswith("$")}
    attached |= {"q", "h", "fy"}
    return frozenset(spaced), frozenset(attached)
