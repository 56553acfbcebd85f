"""The unit after a number: percent, percentage points, multiples, currencies, crypto assets, physical units.

The words after the number are read with one small pattern and looked up in the vocabulary from
rules/units.toml and rules/assets.toml (longest phrase first), so the vocabulary can grow without making
a pattern slower to compile or to run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.lexicon import lexicon

_SP = "[ \\t\\xa0\\u202f]"
_GAP = _SP + "{0,40}"  # runs of blanks left by markup: "5</b>&nbsp;%"
_WORD = "[^\\W\\d_°](?:[\\w°²/'’-]|\\.(?=\\w))*|°[CF]"
_PERCENT_WORDS = {"percent": 1.0, "per cent": 1.0, "pct": 1.0}
_PP_WORDS = {"percentage points": 1.0, "percentage point": 1.0, "basis points": 0.01, "basis point": 0.01}
_PP_EXACT = {"pp": 1.0, "ppt": 1.0, "ppts": 1.0, "bps": 0.01, "bp": 0.01}
_FOLD_WORDS = {"times", "fold"}
_WEIGHT_POUNDS = {"pound", "pounds"}
_OF = re.compile(r"[ \t]+of\b")


@dataclass(slots=True)
class UnitHit:
    unit: str
    kind: str
    end: int
    mult: float = 1.0  # basis points -> percentage points


@cache
def _head() -> re.Pattern:
    lex = lexicon()
    after_symbols = "|".join(re.escape(s) for s in sorted(lex.currency_symbols, key=len, reverse=True)
                             if not s[0].isalpha())  # fmt: skip
    return re.compile(
        f"(?P<pct>{_GAP}%)"
        f"|(?P<mx>(?:{_GAP}×|[xX])(?![^\\W_]))"
        f"|{_GAP}(?P<csym>{after_symbols})(?!{_SP}?[-−+]?[0-9\\uff10-\\uff19])"
        f"|(?P<sep>{_SP}{{1,40}}|[-‐])?(?P<w1>{_WORD})(?:{_SP}+(?P<w2>{_WORD})(?:{_SP}+(?P<w3>{_WORD}))?)?"
    )


def unit_after(prose: str, end: int) -> UnitHit | None:
    m = _head().match(prose, end)
    if m is None:
        return None
    lex = lexicon()
    if m.group("pct") is not None:
        return UnitHit("%", "percent", m.end())
    if m.group("mx") is not None:
        return UnitHit("times", "multiple", m.end())
    if m.group("csym") is not None:
        return UnitHit(lex.currency_symbols[m.group("csym")], "amount", m.end())
    sep = m.group("sep")
    spaced = sep is not None and sep not in "-‐"
    hyphen = sep is not None and not spaced
    words = [w for w in (m.group("w1"), m.group("w2"), m.group("w3")) if w]
    ends = [m.end("w1"), m.end("w2"), m.end("w3")]
    for n in range(len(words), 0, -1):
        joined = " ".join(words[:n])
        phrase = joined[:-2] if joined.endswith(("’s", "'s")) else joined.rstrip("’'")
        low = phrase.lower()
        stop = ends[n - 1] - (len(joined) - len(phrase))  # "64,000 dollars'": the quote is not the unit
        if spaced:
            if n == 1:
                if phrase in lex.currency_codes:
                    return UnitHit(lex.currency_codes[phrase], "amount", stop)
                if phrase in lex.asset_tickers:
                    return UnitHit(lex.asset_tickers[phrase], "amount", stop)
                if phrase in _PP_EXACT:
                    return UnitHit("pp", "percent", stop, _PP_EXACT[phrase])
            if phrase in lex.asset_exact_names:
                return UnitHit(lex.asset_exact_names[phrase], "amount", stop)
            if low in _PERCENT_WORDS:
                return UnitHit("%", "percent", stop)
            if low in _PP_WORDS:
                return UnitHit("pp", "percent", stop, _PP_WORDS[low])
            if low in lex.currency_words:
                if low in _WEIGHT_POUNDS and _OF.match(prose, stop):  # "500 pounds of gold" weighs
                    return _physical("pound", stop)
                return UnitHit(lex.currency_words[low], "amount", stop)
            if low in lex.currency_subunits:
                code, factor = lex.currency_subunits[low]
                return UnitHit(code, "amount", stop, factor)
            if low in lex.asset_names:
                return UnitHit(lex.asset_names[low], "amount", stop)
        if n == 1 and not hyphen and phrase in lex.physical_symbols:
            return _physical(lex.physical_symbols[phrase], stop)
        if sep is not None:
            if low in _FOLD_WORDS:
                return UnitHit("times", "multiple", stop)
            if low in lex.physical_words:
                return _physical(lex.physical_words[low], stop)
    if hyphen and "-" in words[0]:  # "ten-year-old": the first part
        head = words[0].split("-", 1)[0].lower()
        if head in lex.physical_words and lex.physical_words[head] in lex.durations:
            return _physical(lex.physical_words[head], m.start("w1") + len(head))
    return None


def _physical(name: str, end: int) -> UnitHit:
    return UnitHit(name, "duration" if name in lexicon().durations else "measure", end)
