"""From text to atoms: each number with its currency, scale, unit and rate, before hedges and ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract import dates, patterns
from factcheck.extract.lexicon import lexicon
from factcheck.extract.numbers import fraction_value, parse_digits, parse_words, rounding_half, scale_factor
from factcheck.extract.units import unit_after

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_PER_STARTS = frozenset("paeP/APE")  # "/hour", " per", " a", " an", " each", " every"
_AFTER_STARTS = frozenset("oagOAG+")  # " or more", " and up", " at most", " give or take"
_LEAD_CHARS = frozenset("-−+.")  # a sign or a leading decimal point: "-15%", ".5"
_LEADS = ("half an ", "half a ", "an ", "a ")
_PERIOD_BEFORE = re.compile(r"\b(?:first|second|latter|last|back|front|other|1st|2nd)\s+$", re.I)
_PERIOD_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:fiscal\s+)?(?:\d|(?:year|decade|month|quarter|century|season|session|this|last|next"
    r"|January|February|March|April|May|June|July|August|September|October|November|December)\b)"
)
_MONTH_NAMES = frozenset(patterns.FULL_MONTHS.split("|"))
_LOWER_MONTHS = frozenset(m.lower() for m in _MONTH_NAMES)
_MONTH_LEADS = ("early ", "mid-", "mid ", "late ")
_MONTH_LEAD = re.compile(
    r"\b(?:in|since|until|till|by|from|through|during|of|early|late|mid|last|next|this|before|after|to|and|or)"
    r"[\s-]+$",
    re.I,
)
_NOT_A_RATE = re.compile(r"[ \t]+(?:ago|earlier|later|before|after|or)\b", re.I)
_LIST_MARKER = re.compile(r"[.)][ \t]")
_SLASH_PAIR = re.compile(r"\d{1,2}/\d{1,2}")
_FRACTION_OF = re.compile(r"\s+(?:of|the|its|their|his|her|our|all)\b", re.I)  # "half of", "half the"
_AMOUNT_GROUPS = ("sign1", "sign2", "sym", "code", "num", "aword", "word", "sword", "satt", "sspc")
_OPENERS = frozenset(" \t\n\r\xa0\u202f([{\"'“‘:;,/~")  # what may precede a sign: "(-5%)", " −$3"
_GAPS = frozenset(" -\xa0\t\u202f")
_TIME_UNITS = {"hour", "day", "week", "month", "year", "annum", "quarter", "minute", "second", "session"}


@dataclass(slots=True)
class Atom:
    start: int
    end: int
    value: float | None
    half: float  # half-width of the stated rounding, scale applied
    unit: str | None
    kind: str
    number_text: str
    sign: int = 1
    scaled: bool = False  # a scale word or suffix was written
    prefixed: bool = False  # a currency was written before the number
    per: str | None = None
    after_bound: str | None = None  # "lower"/"upper" from "161.2K+", "or more"
    after_text_end: int | None = None  # end including the after-hedge
    date_value: object = None
    word: bool = False  # written in words
    base: float = 0.0  # the number before its scale: 4.28 in "4.28 million"


def lower(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


def scan(prose: str, low: str | None = None) -> list[Atom]:
    """Every number in the prose with its currency, scale, unit and rate (``low``: ``lower(prose)``)."""
    digit_re, word_re = patterns.anchors()
    main = patterns.scanner()
    lex = lexicon()
    words_before = lex.scale_words.keys() | lex.fractions.keys()
    low = lower(prose) if low is None else low
    anchors = [(a.start(), a.end()) for a in digit_re.finditer(low)]
    words = {a.start(): a.group(0) for a in word_re.finditer(low)}
    if words:
        anchors.extend((p, p + len(w)) for p, w in words.items())
        anchors.sort()
    atoms: list[Atom] = []
    consumed = 0
    for p, a_end in anchors:
        if p < consumed:
            continue
        m = None
        c = prose[p]
        if c.isdigit() or not c.isalpha():
            lead = _lead(low, p, consumed)
            if lead is not None:
                m = main.match(prose, lead)
        elif words[p] in _LOWER_MONTHS:  # "mid-January", "early March"
            pre = low[max(consumed, p - 6) : p].replace("\xa0", " ")
            for lead_text in _MONTH_LEADS:
                if pre.endswith(lead_text) and (len(pre) == len(lead_text) or not pre[-len(lead_text) - 1].isalpha()):
                    m = main.match(prose, p - len(lead_text))
                    break
        elif words[p] in words_before:  # "a million", "half a billion", "a quarter of"
            pre = low[max(consumed, p - 7) : p].replace("\xa0", " ")
            for lead_text in _LEADS:
                if pre.endswith(lead_text) and (len(pre) == len(lead_text) or not pre[-len(lead_text) - 1].isalpha()):
                    m = main.match(prose, p - len(lead_text))
                    break
        if m is None or m.end() <= p:
            m = main.match(prose, p)
        if m is None:
            if c.isdigit():
                consumed = a_end
            continue
        atom = _build(prose, m)
        if atom is None:
            consumed = max(consumed, m.end())
            continue
        consumed = atom.after_text_end or atom.end
        atoms.append(atom)
    return atoms


def _lead(low: str, p: int, consumed: int) -> int | None:
    """Where a figure that has digits (or a currency symbol) at ``p`` may start: a sign or decimal point
    ("-15%", ".5"), an attached prefix ("Q3", "FY2026", "US$5"), or a word before it ("VND 10",
    "February 3", "Feb. 5", "early 2024", "mid-2025")."""
    if p <= consumed:
        return None
    spaced, attached = patterns.lead_words()
    before = low[p - 1]
    if before in _LEAD_CHARS and (p < 2 or low[p - 2] in _OPENERS):
        return p - 1
    if before.isalpha():
        k = p - 1
        while k > consumed and k > p - 4 and low[k - 1].isalpha():
            k -= 1
        if (k == 0 or not low[k - 1].isalnum()) and low[k:p].rstrip("$") in attached:
            return k
        return None
    if before in _GAPS and p - 2 >= consumed:
        e = p - 1
        while e > consumed and e > p - 40 and low[e - 1] in _GAPS:
            e -= 1  # blanked markup: "VND&nbsp;10"
        s = e
        while s > consumed and s > e - 10 and (low[s - 1].isalpha() or low[s - 1] in ".,"):
            s -= 1
        word = low[s:e].rstrip(".,")
        if word in spaced and (s == 0 or not low[s - 1].isalnum()):
            return s
    return None


def _date_atom(prose: str, m) -> Atom | None:
    text = m.group("date")
    if "/" in text and (text in lexicon().idioms or not dates.is_valid_slash_date(text)):
        return None
    if text in _MONTH_NAMES and not _MONTH_LEAD.search(prose, max(0, m.start() - 16), m.start()):
        return None  # "in January" is a date; "May I" and "March on" are not
    if _SLASH_PAIR.fullmatch(text):  # "1/3 of the supply", "a 1/4 inch gap": a fraction, not a day
        a, b = (int(x) for x in text.split("/"))
        if _FRACTION_OF.match(prose, m.end()):
            return Atom(m.start(), m.end(), 100 * a / b, 0.0, "%", "percent", text)
        u = unit_after(prose, m.end())
        if u is not None and a < b:
            return Atom(m.start(), u.end, a / b * u.mult, 0.0, u.unit, u.kind, text)
    return Atom(m.start(), m.end(), None, 0.0, None, "date", text, date_value=dates.date_value(text))


def _build(prose: str, m) -> Atom | None:
    lex = lexicon()
    if m.group("date") is not None:
        return _date_atom(prose, m)
    if m.group("frac") is not None:
        f = fraction_value(m.group("frac"))
        if f is None:
            return None
        if (
            m.group("loose") is not None
            and _PERIOD_BEFORE.search(prose, max(0, m.start() - 12), m.start())
            and _PERIOD_AFTER.match(prose, m.end())
        ):
            return None  # "the first half of 2025" is a period; "the second half of the $500 million" a share
        if m.group("loose") is not None and not _FRACTION_OF.match(prose, m.end()):
            from factcheck.extract.hedges import hedge_before

            if hedge_before(prose, m.start(), "percent") is None:
                return None  # "a third time", "a quarter" of a year: not a share
        value = f * 100
        return Atom(m.start(), m.end(), value, value * lex.word_fraction_tolerance, "%", "percent",
                    m.group("frac"), word=True)  # fmt: skip
    if m.group("mword") is not None:
        key = m.group("mword").lower()
        if key in lex.multiple_needs_hedge:
            from factcheck.extract.hedges import hedge_before

            if prose[m.end() : m.end() + 1] in ("-", "‐") or hedge_before(prose, m.start(), "multiple") is None:
                return None  # "double-digit", "a triple top"; but "more than double"
        value = lex.multiple_words[key]
        return Atom(m.start(), m.end(), value, rounding_half(str(int(value)), 0 if value >= 1 else 1),
                    "times", "multiple", m.group("mword"), word=True)  # fmt: skip
    return _amount(prose, m)


def _amount(prose: str, m) -> Atom | None:
    lex = lexicon()
    sign1, sign2, sym, code, num, aword, wordnum, sword, satt, sspc = m.group(*_AMOUNT_GROUPS)
    sign = -1 if (sign1 or sign2 or "") in ("-", "−") else 1
    currency = None
    if sym:
        currency = lex.currency_symbols[sym]
    elif code:
        currency = lex.currency_codes[code]
    word = False
    if num is not None:
        parsed = parse_digits(num)
        number_text = num
        num_start = m.start("num")
    else:
        number_text = aword or wordnum
        num_start = m.start("aword") if aword is not None else m.start("word")
        parsed = parse_words(number_text)
        word = True
    if parsed is None:
        return None
    if num is not None and num.startswith("000") and num_start >= 2 and prose[num_start - 2].isdigit():
        return None  # "10 000 dollars": the tail of a space-grouped number is never a figure of its own
    value, half = parsed
    base = value
    scale_text = sword or satt or sspc
    scaled = False
    if scale_text:
        factor = scale_factor(scale_text)
        if factor is None:
            return None
        value *= factor
        half *= factor
        scaled = True
    end = m.end()
    unit = currency
    kind = "amount" if currency else "count"
    per = None

    u = unit_after(prose, end)
    if currency is None:
        if u is not None:
            unit, kind = u.unit, u.kind
            value *= u.mult
            half *= u.mult
            end = u.end
    elif u is not None and u.unit == currency and u.kind == "amount":  # "US$5 USD"
        end = u.end

    if not word and unit is None and not scaled:
        nxt = prose[end : end + 1]
        if nxt.isalpha() or nxt == "_":  # "3D", "1st", "5G", "2FA": not a figure
            return None
        if nxt == "/" and prose[end + 1 : end + 2].isdigit():
            return None
        if currency is None and _after_label(prose, m.start(), number_text):
            return None
        if (
            currency is None
            and _LIST_MARKER.match(prose, end)
            and not prose[prose.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
        ):
            return None  # "1. " / "2) " opening a line: a list item number
    if word:
        if not scaled and unit is None and number_text.lower() in lex.needs_unit:
            return None
        if prose[end : end + 1] in ("-", "‐") and unit is None and number_text.lower() in lex.needs_unit:
            return None  # "one-off", "one-time"

    # a bare four-digit number in the calendar range is a year
    if (
        not word and unit is None and not scaled and currency is None
        and num is not None and not sign1 and not sign2 and dates.looks_like_year(num)
    ):  # fmt: skip
        return Atom(m.start(), end, None, 0.0, None, "date", num)

    nxt2 = prose[end : end + 2]
    pm = patterns.per_suffix().match(prose, end) if nxt2[:1] == "/" or nxt2[1:] in _PER_STARTS else None
    if pm is not None:
        w = (pm.group("slash") or pm.group("word") or "").lower()
        noun = w[:-1] if w.endswith("s") and w[:-1] in _TIME_UNITS else w
        if pm.group("slash") or pm.group("perw").lower() == "per":
            per = "year" if noun == "annum" else lex.physical_words.get(noun, noun)
        elif (noun in _TIME_UNITS or noun in lex.per_nouns) and not _NOT_A_RATE.match(prose, pm.end()):
            # "29% a week", "12 cents a share"; not "$5 a year later"
            per = "year" if noun == "annum" else lex.physical_words.get(noun, noun)

    written = prose[num_start : m.end()] if scaled else number_text  # "4.28 million", "187.3B"
    atom = Atom(m.start(), end, value * sign, half, unit, kind, written, sign=sign, scaled=scaled,
                prefixed=currency is not None, per=per, word=word, base=base)  # fmt: skip
    ah = patterns.hedge_after().match(prose, end) if nxt2[:1] == "+" or nxt2[1:] in _AFTER_STARTS else None
    if ah is not None:
        atom.after_bound = "lower" if ah.group("plus") else lex.hedges_after[" ".join(ah.group("w").lower().split())]
        atom.after_text_end = ah.end()
    return atom


def _after_label(prose: str, start: int, number_text: str) -> bool:
    """ "Phase 7", "S&P 500", "Ethereum 2.0": a name with a number, not a figure."""
    w = patterns.word_before().search(prose, max(0, start - 16), start)
    if w is None:
        return False
    word = w.group("w")
    return word in lexicon().labels or (number_text.endswith(".0") and word[:1].isupper())
