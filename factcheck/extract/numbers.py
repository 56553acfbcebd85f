"""Numeric parsing: digits with separators and decimals, full-width digits, number words, scales.

Each parser returns the value and the half-width of the rounding the writing implies: "4.28" -> (4.28,
0.005); "70,000" -> (70000, 500) with the default two significant digits kept; "three" -> (3, 0.5).
"""

from __future__ import annotations

import regex

from factcheck.extract.lexicon import lexicon

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_WORD_SPLIT = regex.compile(r"[\s\-‐]+")


def ascii_digits(text: str) -> str:
    return text.translate(_FULLWIDTH)


def rounding_half(int_digits: str, decimals: int) -> float:
    """Half the unit of the last significant written digit."""
    if decimals:
        return 0.5 * 10.0**-decimals
    digits = int_digits.lstrip("0")
    if not digits:
        return 0.5
    trailing = len(digits) - len(digits.rstrip("0"))
    exponent = min(trailing, max(0, len(digits) - lexicon().min_significant_digits))
    return 0.5 * 10.0**exponent


def parse_digits(text: str) -> tuple[float, float] | None:
    """ "1,234.5" -> (1234.5, 0.05). None when the number is too long to be a figure."""
    t = ascii_digits(text).replace(",", "").replace("\u202f", "").replace("\u2009", "").replace("\xa0", "")
    exponent = 0
    if "e" in t or "E" in t:  # "9.83e-3": the rounding of the mantissa, scaled
        t, _, exp = t.replace("E", "e").partition("e")
        exponent = int(exp.replace("−", "-"))
    int_part, _, dec = t.partition(".")
    if len(int_part.lstrip("0")) > lexicon().max_digits:
        return None
    try:
        value = float(t) * 10.0**exponent
    except (ValueError, OverflowError):
        return None
    return value, rounding_half(int_part, len(dec)) * 10.0**exponent


def parse_words(text: str) -> tuple[float, float] | None:
    """ "twenty-five" -> 25, "three hundred" -> 300, "a" -> 1, "half a" -> 0.5, "a dozen" -> 12."""
    lex = lexicon()
    total = 0.0
    current = 0.0
    seen = False
    tokens = [t for t in _WORD_SPLIT.split(text.lower()) if t and t != "and"]
    if tokens[:2] == ["half", "a"] or tokens[:2] == ["half", "an"]:
        return 0.5, 0.05
    if tokens[-2:] == ["a", "half"]:  # "two and a half"
        whole = parse_words(" ".join(tokens[:-2]))
        return (whole[0] + 0.5, 0.25) if whole else None
    for tok in tokens:
        if tok in ("a", "an"):
            current += 1
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in lex.number_words:
            current += lex.number_words[tok]
            seen = True
        else:
            return None
    if not seen:
        return None
    total += current
    return total, rounding_half(str(int(total)), 0)


def scale_factor(text: str) -> float | None:
    lex = lexicon()
    if text in lex.scale_attached:
        return lex.scale_attached[text]
    if text in lex.scale_spaced:
        return lex.scale_spaced[text]
    key = " ".join(text.lower().split())
    return lex.scale_words.get(key)


def fraction_value(text: str) -> float | None:
    """ "two-thirds" -> 0.667, "a quarter" -> 0.25, "half" -> 0.5, "three quarters" -> 0.75."""
    lex = lexicon()
    tokens = [t for t in _WORD_SPLIT.split(text.lower()) if t]
    if not tokens:
        return None
    denom = lex.fractions.get(tokens[-1])
    if denom is None:
        return None
    if len(tokens) == 1:
        return denom
    head = tokens[0]
    count = 1 if head in ("a", "an", "one") else lex.number_words.get(head)
    if count is None:
        return None
    return count * denom
