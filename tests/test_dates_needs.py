"""The `needs` lists of rules/dates.toml (strings one of which every match contains) are sound: the scan they
let find_dates skip could never have matched, so skipping changes no result."""

from __future__ import annotations

import datetime as dt
import re
from re import _constants as sre
from re import _parser as sre_parse

import pytest

from factcheck import dates

REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _without_lookbehinds(pattern: str) -> str:
    """``pattern`` with its look-behind groups removed (what the standard parser cannot parse when their
    width varies); look-arounds consume nothing, so a string every match of the rest contains stays needed."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith(("(?<=", "(?<!"), i):
            depth, j, in_class = 0, i, False
            while j < len(pattern):
                ch = pattern[j]
                if ch == "\\":
                    j += 2
                    continue
                if in_class:
                    in_class = ch != "]"
                elif ch == "[":
                    in_class = True
                elif ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            i = j + 1
            continue
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        out.append(pattern[i])
        i += 1
    return "".join(out)


def _implies(items, needs: tuple[str, ...]) -> bool:
    """Every match of the parsed ``items`` contains one of ``needs`` (ASCII literals, case-insensitively)."""
    run: list[str] = []

    def run_has() -> bool:
        text = "".join(run)
        return any(n in text for n in needs)

    for op, av in items:
        if op is sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run_has():
            return True
        run = []
        if op is sre.SUBPATTERN and _implies(av[3], needs):
            return True
        if op is sre.BRANCH and all(_implies(alt, needs) for alt in av[1]):
            return True
        if op in REPEATS and av[0] >= 1 and _implies(av[2], needs):
            return True
        if op is sre.ATOMIC_GROUP and _implies(av, needs):
            return True
    return run_has()


def _patterns():
    return [(kind, pattern, needs) for kind, pattern, needs in dates._lexicon().patterns if needs is not None]


@pytest.mark.parametrize(("kind", "pattern", "needs"), _patterns())
def test_every_match_of_the_pattern_contains_one_of_its_needs(kind: str, pattern, needs) -> None:
    assert all(n == n.lower() and n.isascii() for n in needs), kind
    parsed = sre_parse.parse(_without_lookbehinds(pattern.pattern), re.IGNORECASE)
    assert _implies(parsed.data, needs), f"{kind}: a match may contain none of {needs}"


def test_an_unsound_needs_list_is_caught() -> None:
    parsed = sre_parse.parse(r"\bper\s+day|\beach\s+week", re.IGNORECASE)
    assert _implies(parsed.data, ("per", "each"))
    assert not _implies(parsed.data, ("per",))
    assert not _implies(sre_parse.parse(r"(?:the\s+)?past", re.I).data, ("the",))


def test_fold_compares_letters_as_ignorecase_does() -> None:
    for text in ("ſince Q3", "İN JANUARY", "YESTERDAY", "ıntraday", "\u212aNOW"):
        assert len(dates.fold(text)) == len(text)
        for word in ("since", "in", "january", "yesterday", "intraday", "know"):
            assert (word in dates.fold(text)) == bool(re.search(re.escape(word), text, re.I)), (text, word)


SENTENCES = [
    "Bitcoin fell 8% over the past week and 3% on Thursday, its lowest close since Q3 2024.",
    "ETH was at $2,088 at press time, down from $3,000 a month ago; it hit $4,946 on Aug. 24, 2025.",
    "In January, volume rose; year-to-date it is up 12%, and 40% since the start of the year.",
    "Per day, per week, on a monthly basis, each quarter: 2 hours, 14-day, H1 2025, the first half of 2024.",
    "On 12/03/2025 and 2026-02-05 (Friday's close), last Monday, this weekend, yesterday's drop, right now.",
    "ſince Q3 2024 it has traded in a range; İN JANUARY 2026 it fell; Yesterday it rose; \u212aNOW.",
    "SOL has risen for the third quarter of 2025 and for the past 7 days; XRP during the month of March.",
]


def test_find_dates_gives_the_same_references_with_and_without_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    def refs() -> list:
        out = []
        for as_of in (dt.date(2026, 2, 5), None):
            for s in SENTENCES:
                out.append([(r.start, r.end, r.kind, r.windows, r.period, r.since) for r in dates.find_dates(s, as_of)])
        return out

    with_needs = refs()
    lex = dates._lexicon()
    monkeypatch.setattr(lex, "patterns", [(k, p, None) for k, p, _ in lex.patterns])
    assert refs() == with_needs
    assert sum(len(r) for r in with_needs) > 20
