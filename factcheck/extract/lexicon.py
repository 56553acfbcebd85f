"""The extractor's vocabulary, read once from rules/*.toml: currencies, assets, units, number words, hedges."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from factcheck.resources import load_rules_file


@dataclass(frozen=True, slots=True)
class Lexicon:
    currency_symbols: dict[str, str]  # "NT$" -> "TWD"
    currency_codes: dict[str, str]  # "VND" -> "VND", "RMB" -> "CNY"
    currency_words: dict[str, str]  # lowercased "won" -> "KRW"
    currency_subunits: dict[str, tuple[str, float]]  # lowercased "cents" -> ("USD", 0.01)
    asset_tickers: dict[str, str]  # exact form "ETH"/"stETH" -> "ETH"/"STETH"
    asset_names: dict[str, str]  # lowercased "ether" -> "ETH"
    asset_exact_names: dict[str, str]  # exact "Stellar" -> "XLM"
    physical_symbols: dict[str, str]  # exact "TWh" -> "terawatt_hour"
    physical_words: dict[str, str]  # lowercased "kilometers" -> "kilometer"
    durations: frozenset[str]
    multiple_words: dict[str, float]  # lowercased "doubled" -> 2
    multiple_needs_hedge: frozenset[str]  # "double": a multiple only in "more than double"
    number_words: dict[str, int]
    needs_unit: frozenset[str]
    idioms: frozenset[str]
    per_nouns: frozenset[str]  # rate denominators after "a"/"each": "a share", "a token"
    scale_words: dict[str, float]  # lowercased
    scale_attached: dict[str, float]  # exact
    scale_spaced: dict[str, float]  # exact
    fractions: dict[str, float]
    min_significant_digits: int
    word_fraction_tolerance: float
    max_digits: int
    labels: frozenset[str]
    hedges_before: dict[str, str]  # lowercased phrase -> approx|lower|upper|near
    hedges_after: dict[str, str]
    tolerance: dict[str, float]  # "approx", "near", and per-phrase overrides
    duration_not_hedges: frozenset[str]
    change_words: frozenset[str]
    subject_stopwords: frozenset[str]
    subject_verbs: frozenset[str]
    relative_openers: frozenset[str]  # ", which ...,": after any word
    parenthetical_openers: frozenset[str]  # ", a firm backed by ...,": after a name
    adjective_endings: tuple[str, ...]  # "Taiwanese", "South Korean": not names before a noun
    list_continuations: frozenset[str]  # ", and", ", or": a comma that continues a list
    subject_sources: tuple[str, ...]  # "according to", "quoted by": the name after is a source
    reference_words: frozenset[str]  # "Resolution No.": a reference, not a subject
    name_nouns: frozenset[str]  # "Truebit protocol lost": a name with its noun
    window_patterns: tuple[str, ...]  # tried after and before a figure
    window_after_patterns: tuple[str, ...]  # tried only after it


@cache
def lexicon() -> Lexicon:
    units = load_rules_file("units.toml")
    assets = load_rules_file("assets.toml")["asset"]
    numbers = load_rules_file("numbers.toml")
    hedges = load_rules_file("hedges.toml")
    windows = load_rules_file("windows.toml")
    subjects = load_rules_file("subjects.toml")

    codes = {c: c for c in units["currency"]["codes"]}
    codes.update(units["currency"].get("aliases", {}))

    tickers: dict[str, str] = {}
    names: dict[str, str] = {}
    exact_names: dict[str, str] = {}
    for a in assets:
        t = a["ticker"]
        if a.get("ticker_match", True):
            tickers.setdefault(t, t)
        for form in a.get("forms", []):
            tickers.setdefault(form, t)
        for n in a.get("names", []):
            if " " in n or n.isupper():
                exact_names.setdefault(n, t)
            else:
                names.setdefault(n.lower(), t)
        for n in a.get("exact_names", []):
            exact_names.setdefault(n, t)
    for t in list(tickers):
        if t in codes:  # an ISO code wins over a ticker with the same letters
            del tickers[t]

    places = {k: windows[k] for k in ("months", "weekdays", "num", "unit", "ordinal")}

    def fill(p: str) -> str:
        for key, name in (("month", "months"), ("weekday", "weekdays"), ("num", "num"), ("unit", "unit")):
            p = p.replace("{" + key + "}", places[name])
        return p.replace("{ordinal}", places["ordinal"])

    window_patterns = tuple(fill(p) for p in windows["patterns"])
    window_after = tuple(fill(p) for p in windows.get("after_patterns", []))

    before: dict[str, str] = {}
    for bound, words in hedges["before"].items():
        for w in words:
            before[w.lower()] = bound
    after: dict[str, str] = {}
    for bound, words in hedges["after"].items():
        for w in words:
            after[w.lower()] = bound
    tol = {k.lower(): float(v) for k, v in hedges["tolerance"].items()}

    return Lexicon(
        currency_symbols=dict(units["currency"]["symbols"]),
        currency_codes=codes,
        currency_words={k.lower(): v for k, v in units["currency"]["words"].items()},
        currency_subunits={
            k.lower(): (v["unit"], float(v["factor"])) for k, v in units["currency"].get("subunits", {}).items()
        },
        asset_tickers=tickers,
        asset_names=names,
        asset_exact_names=exact_names,
        physical_symbols=dict(units["physical"]["symbols"]),
        physical_words={k.lower(): v for k, v in units["physical"]["words"].items()},
        durations=frozenset(units["physical"]["durations"]),
        multiple_words={
            k.lower(): float(v) for table in ("words", "hedged") for k, v in units["multiples"].get(table, {}).items()
        },
        multiple_needs_hedge=frozenset(k.lower() for k in units["multiples"].get("hedged", {})),
        number_words={k.lower(): int(v) for k, v in numbers["words"].items()},
        needs_unit=frozenset(numbers["word_rules"]["needs_unit"]),
        idioms=frozenset(numbers["word_rules"].get("idioms", [])),
        per_nouns=frozenset(n.lower() for n in units.get("rates", {}).get("per_nouns", [])),
        scale_words={k.lower(): float(v) for k, v in numbers["scales"]["words"].items()},
        scale_attached={k: float(v) for k, v in numbers["scales"]["attached"].items()},
        scale_spaced={k: float(v) for k, v in numbers["scales"]["spaced"].items()},
        fractions={k.lower(): float(v) for k, v in numbers["fractions"].items()},
        min_significant_digits=int(numbers["rounding"]["min_significant_digits"]),
        word_fraction_tolerance=float(numbers["rounding"]["word_fraction_tolerance"]),
        max_digits=int(numbers["rounding"]["max_digits"]),
        labels=frozenset(numbers["labels"]["before"]),
        hedges_before=before,
        hedges_after=after,
        tolerance=tol,
        duration_not_hedges=frozenset(hedges["durations"]["not_hedges"]),
        change_words=frozenset(w.lower() for w in hedges["ranges"]["change_words"]),
        subject_stopwords=frozenset(subjects["stopwords"]),
        subject_verbs=frozenset(subjects.get("verbs", [])),
        relative_openers=frozenset(subjects.get("relative_openers", [])),
        parenthetical_openers=frozenset(subjects.get("parenthetical_openers", [])),
        adjective_endings=tuple(subjects.get("adjective_endings", [])),
        list_continuations=frozenset(subjects.get("list_continuations", [])),
        subject_sources=tuple(subjects.get("sources", [])),
        reference_words=frozenset(subjects.get("reference_words", [])),
        name_nouns=frozenset(subjects.get("name_nouns", [])),
        window_patterns=window_patterns,
        window_after_patterns=window_after,
    )
